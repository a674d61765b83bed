"""Batch runs: walk INPUT_DIR, process each file (read -> extract -> validate) in worker processes,
and write consolidated.csv, findings.csv, files.csv and summary.csv.

The unit of work is one file -> :class:`FileOutcome`. Outcomes go to an on-disk spool as they
arrive (in any order) and are merged in ``source_file`` order at the end, so memory does not grow
with the number of files and a re-run writes the same bytes.
"""
from __future__ import annotations

import errno
import hashlib
import os
import pickle
import re
import sqlite3
import stat
import sys
import tempfile
import time
from collections import namedtuple
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import chain
from operator import attrgetter
from pathlib import Path
from typing import Iterator, Optional, Union

from schemas import CONSOLIDATED_COLUMNS, FILES_COLUMNS, FINDINGS_COLUMNS, FileResult, Finding

from .cache import CACHE_FILE, Cache, entry_key, stat_signature
from .export import open_csv, rows_text, write_csv

OUTPUT_FILES = ("consolidated.csv", "findings.csv", "files.csv", "summary.csv")
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
DEFAULT_TIMEOUT = 120.0
_PICKLE = pickle.HIGHEST_PROTOCOL

# Files the operating system or an office suite leaves beside documents: listed, never read.
_JUNK_NAMES = {".ds_store", "thumbs.db", "ehthumbs.db", "desktop.ini", ".localized",
               ".directory", "icon\r"}
_JUNK_PREFIXES = ("~$", "._", ".~lock.")
# Text files that are not submissions, though a text reader could open them: scripts, notes and
# data kept beside the documents. Listed as skipped rather than read as empty forms. (Web pages
# are read: Word and Excel save forms as them, web systems export reports as them.)
_NOT_SUBMISSION_EXT = {"py", "json", "md", "markdown", "rst", "yaml", "yml", "toml", "ini", "cfg",
                       "xml", "js", "css", "sh", "bat", "ps1", "log", "ipynb"}


@dataclass(frozen=True)
class Settings:
    """The options of one run, as given on the command line."""
    fiscal_year: Optional[int] = None          # --fiscal-year, used when a document states none
    as_of: date = field(default_factory=date.today)
    jobs: int = 1
    max_bytes: Optional[int] = DEFAULT_MAX_BYTES
    timeout: Optional[float] = DEFAULT_TIMEOUT  # seconds per file; None: no limit
    use_cache: bool = True
    cache_dir: Optional[Path] = None           # None: OUT_DIR
    executor: str = "local"                    # local | dask
    scheduler: Optional[str] = None            # dask: tcp://HOST:PORT; None: a local cluster
    progress: Optional[bool] = None            # None: when stderr is a terminal
    # Outcomes keep their records and findings as rows, for read_folder's data frames; the
    # CSVs need only the rows' text, and pickling rows nobody reads costs every file.
    keep_rows: bool = False

    def extraction_key(self) -> str:
        """The settings that change what a file's outcome holds (cache key)."""
        return f"fy={self.fiscal_year};max_bytes={self.max_bytes};rows={self.keep_rows:d}"


# Records and findings leave the worker as rows: the exported columns in CSV order. Tuples pickle
# several times faster than dataclasses and are all the CSVs, the summary and pandas need.
RecordRow = namedtuple("RecordRow", CONSOLIDATED_COLUMNS)
FindingRow = namedtuple("FindingRow", FINDINGS_COLUMNS)
_record_values = attrgetter(*CONSOLIDATED_COLUMNS)
_finding_values = attrgetter(*FINDINGS_COLUMNS)


@dataclass
class FileOutcome:
    """What one file gave: its files.csv row, and its records and findings (validated) as CSV
    text, made in the worker so that the parent process only stores and concatenates bytes,
    and as pickled row lists if asked for (``Settings.keep_rows``)."""
    file: FileResult
    records_blob: Optional[bytes] = b""  # pickled list[RecordRow]; None: not kept
    findings_blob: Optional[bytes] = b""  # pickled list[FindingRow]; None: not kept
    records_csv: bytes = b""             # CSV rows, UTF-8
    findings_csv: bytes = b""
    extraction: Optional[bytes] = None   # pickled (file row, Extraction) before validation
    cacheable: bool = True               # False for time-outs and crashes: worth a retry
    summary_blob: bytes = b""            # pickled summary (below)

    @property
    def records(self) -> list:
        return _rows(self.records_blob)

    @property
    def findings(self) -> list:
        return _rows(self.findings_blob)

    @property
    def summary(self) -> Union[list, str]:
        """This file's summary.csv rows (for summary.merge); the error text if they could not
        be made."""
        return pickle.loads(self.summary_blob) if self.summary_blob else []


def _rows(blob: Optional[bytes]) -> list:
    if blob is None:
        raise ValueError("this outcome's rows were not kept (Settings.keep_rows)")
    return pickle.loads(blob) if blob else []


def _pickled_rows(rows: list, keep: bool) -> Optional[bytes]:
    return (pickle.dumps(rows, _PICKLE) if rows else b"") if keep else None


def make_outcome(fr: FileResult, records=(), findings=(), as_of: Optional[date] = None,
                 keep_rows: bool = True, **kw) -> FileOutcome:
    """An outcome from Record and Finding objects (``as_of``: the date activities are judged
    overdue at in the summary)."""
    rrows = [RecordRow._make(_record_values(r)) for r in records]
    frows = [FindingRow._make(_finding_values(f)) for f in findings]
    fr.records, fr.findings = len(rrows), len(frows)
    try:
        summary = _summary_module().summarize([fr], rrows, frows, as_of)
    except Exception as e:  # a fault of the summary's, not the file's: summary.csv reports it
        summary = f"{type(e).__name__}: {e} ({_where(e)})"
    return FileOutcome(fr, _pickled_rows(rrows, keep_rows), _pickled_rows(frows, keep_rows),
                       rows_text(rrows).encode("utf-8"), rows_text(frows).encode("utf-8"),
                       summary_blob=pickle.dumps(summary, _PICKLE), **kw)


@dataclass
class Task:
    """One file to read (or one cached extraction to validate again): the unit of work."""
    path: str
    rel: str
    sha256: str = ""
    size: Optional[int] = None
    extraction: Optional[bytes] = None   # set: re-validate a cached extraction, don't read


@dataclass
class RunResult:
    """Counts for the run's closing line."""
    files: int = 0
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    records: int = 0
    findings: int = 0
    cache_hits: int = 0
    seconds: float = 0.0
    summary: list[dict] = field(default_factory=list)
    summary_error: str = ""
    warnings: list[str] = field(default_factory=list)   # e.g. the cache could not be used
    failures: list[tuple[str, str]] = field(default_factory=list)  # (source_file, error)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed or self.summary_error else 0


# ---------------------------------------------------------------------------------------------
# walking INPUT_DIR

@dataclass(slots=True)  # one per file for the whole run: small (≈0.5 kB with its strings)
class Entry:
    """One file found under INPUT_DIR, kept from the walk to files.csv."""
    rel: str
    path: str
    size: Optional[int] = None
    outcome: Optional[FileOutcome] = None  # decided while walking (skipped, failed)
    signature: str = ""                    # of a file to read: the cache's hash memo


def is_junk(name: str) -> bool:
    low = name.lower()
    return low in _JUNK_NAMES or name.startswith(_JUNK_PREFIXES)


def _agency_fallback(rel: str) -> str:
    return rel.split("/", 1)[0] if "/" in rel else ""


def _ext(rel: str) -> str:
    name = rel.rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[-1].lower() if "." in name.lstrip(".") else ""


def walk(root: Path, exclude: tuple[Path, ...] = ()) -> list[Entry]:
    """Every entry under ``root``, sorted by relative path. Symlinked folders are followed unless
    they lead back to a folder on the way down (a loop) or to one already read; FIFOs, sockets
    and devices are listed, never opened (reading a FIFO would block). Folders and files in
    ``exclude`` (our own outputs) are left out."""
    root = Path(root)
    skip_dirs = set()  # (dev, ino) of excluded folders and files
    for p in exclude:
        try:
            st = os.stat(p)
            skip_dirs.add((st.st_dev, st.st_ino))
        except OSError:
            pass
    entries: list[Entry] = []
    rst = os.stat(root)
    visited = {(rst.st_dev, rst.st_ino)}
    # (folder path, rel prefix, (dev, ino) of the folders above it and itself)
    stack = [(str(root), "", ((rst.st_dev, rst.st_ino),))]
    # Symlinked folders wait until every real folder is read, so a link to a folder inside
    # INPUT_DIR is reported as such instead of its files appearing under two names.
    links: list[tuple[str, str, tuple, tuple]] = []
    while stack or links:
        if not stack:
            path, rel, chain, key = links.pop(0)
            if key in chain:
                entries.append(_skipped(rel, path, f"symbolic link loop: points to "
                                        f"{_readlink(path)}, a folder that contains it;"
                                        " not followed"))
            elif key in visited:
                entries.append(_skipped(rel, path, f"symbolic link to {_readlink(path)}, "
                                        "a folder already read; not read twice"))
            else:
                visited.add(key)
                stack.append((path, rel, chain + (key,)))
            continue
        dirpath, prefix, chain = stack.pop()
        try:
            with os.scandir(dirpath) as it:
                children = sorted(it, key=lambda d: d.name)
        except OSError as e:
            rel = prefix.rstrip("/") or "."
            entries.append(Entry(rel + "/", dirpath, outcome=failed_outcome(
                rel + "/", "", "folder unreadable", f"the folder cannot be read ({e.strerror})",
                f"เปิดโฟลเดอร์ไม่ได้ ({e.strerror})", cacheable=False)))
            continue
        subdirs = []
        for de in children:
            rel = prefix + de.name
            try:
                is_link = de.is_symlink()
                st = os.stat(de.path)  # follows links
            except OSError as e:
                if e.errno == errno.ELOOP:
                    entries.append(_skipped(rel, de.path, "symbolic link loop: the link points "
                                            "back to itself; not followed"))
                elif is_link:
                    target = _readlink(de.path)
                    entries.append(Entry(rel, de.path, outcome=failed_outcome(
                        rel, _ext(rel), "broken link",
                        f"broken symbolic link (points to {target}, which does not exist)",
                        "ลิงก์ชี้ไปยังไฟล์ที่ไม่มีอยู่", cacheable=False)))
                else:
                    entries.append(Entry(rel, de.path, outcome=failed_outcome(
                        rel, _ext(rel), "unreadable", f"cannot be read ({e.strerror})",
                        f"อ่านไฟล์ไม่ได้ ({e.strerror})", cacheable=False)))
                continue
            key = (st.st_dev, st.st_ino)
            if stat.S_ISDIR(st.st_mode):
                if key in skip_dirs:
                    continue  # OUT_DIR or the cache inside INPUT_DIR: our own output
                if is_link:
                    links.append((de.path, rel + "/", chain, key))
                    continue
                if key in visited:
                    continue  # a hard-linked folder (bind mount) seen before
                visited.add(key)
                subdirs.append((de.path, rel + "/", chain + (key,)))
            elif stat.S_ISREG(st.st_mode):
                if key in skip_dirs:
                    continue  # an output of this run (OUT_DIR is INPUT_DIR)
                if is_junk(de.name):
                    entries.append(_skipped(rel, de.path, "system or lock file, not a submission",
                                            size=st.st_size))
                elif _ext(rel) in _NOT_SUBMISSION_EXT:
                    entries.append(_skipped(rel, de.path,
                                            f"not a submission format (.{_ext(rel)})",
                                            size=st.st_size))
                else:
                    entries.append(Entry(rel, de.path, size=st.st_size,
                                         signature=stat_signature(st)))
            else:
                entries.append(_skipped(rel, de.path, "not a regular file (pipe, socket or "
                                        "device)"))
        stack.extend(reversed(subdirs))
    entries.sort(key=lambda e: e.rel)
    return entries


def _readlink(path: str) -> str:
    try:
        return os.readlink(path)
    except OSError:
        return "?"


def _skipped(rel: str, path: str, why: str, size: Optional[int] = None) -> Entry:
    fr = FileResult(source_file=rel, format=_ext(rel), status="skipped", error=why,
                    size_bytes=size, agency=_agency_fallback(rel))
    return Entry(rel, path, size=size, outcome=make_outcome(fr, cacheable=False))


# ---------------------------------------------------------------------------------------------
# one file

def failed_outcome(rel: str, fmt: str, reason: str, message: str, message_th: str,
                   *, sha256: str = "", size: Optional[int] = None, seconds: float = 0.0,
                   cacheable: bool = True) -> FileOutcome:
    """A failed file: its files.csv row and a FILE_UNREADABLE finding naming the reason."""
    from .findings import make_finding
    agency = _agency_fallback(rel)
    finding = make_finding("FILE_UNREADABLE", rel, value=reason, reason=message,
                           reason_th=message_th, agency=agency)
    fr = FileResult(source_file=rel, format=fmt, status="failed", error=message, findings=1,
                    sha256=sha256, seconds=seconds, size_bytes=size, agency=agency)
    return make_outcome(fr, findings=[finding], cacheable=cacheable)


def _fail_task(task: Task, reason: str, message: str, message_th: str) -> FileOutcome:
    """Outcome for a task that the executor had to give up on (time limit, crash)."""
    return failed_outcome(task.rel, _ext(task.rel), reason, message, message_th,
                          sha256=task.sha256, size=task.size, cacheable=False)


def _where(exc: BaseException) -> str:
    """The innermost frame of the traceback, e.g. ``extractors/form72.py:88 in rows``. (Walked
    by hand: the traceback module costs every run's start-up an import for a rare error.)"""
    tb = exc.__traceback__
    if tb is None:
        return ""
    while tb.tb_next is not None:
        tb = tb.tb_next
    code = tb.tb_frame.f_code
    parts = Path(code.co_filename).parts
    short = "/".join(parts[-2:]) if len(parts) >= 2 else code.co_filename
    return f"{short}:{tb.tb_lineno} in {code.co_name}"


def _exception_outcome(rel, fmt, stage_en, stage_th, exc, **kw) -> FileOutcome:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    detail = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    where = _where(exc)
    msg = f"{stage_en} failed: {detail}" + (f" (at {where})" if where else "")
    # Not cached: a program fault (or a full memory) is not a property of the file.
    return failed_outcome(rel, fmt, f"{stage_en} error", msg,
                          f"เกิดข้อผิดพลาดระหว่าง{stage_th}: {detail}", cacheable=False, **kw)


def _natural(text: str) -> tuple:
    return tuple((0, int(t), "") if t.isdigit() else (1, 0, t)
                 for t in re.findall(r"\d+|\D+", text or ""))


def finding_sort_key(f: Finding) -> tuple:
    return (f.page is None, f.page or 0, f.table is None, f.table or 0,
            f.row is None, f.row if f.row is not None else 0, _natural(f.item_no),
            f.code, f.value or "", f.message, f.name or "")


def _read_limits(settings: Settings):
    from .readers import ReadLimits
    limits = ReadLimits()
    # ReadLimits is the readers'; pass our size limit where it has a field for it.
    if settings.max_bytes is not None:
        for name in ("max_bytes", "max_size", "max_file_bytes"):
            if hasattr(limits, name):
                try:
                    limits = replace(limits, **{name: settings.max_bytes})
                except TypeError:
                    setattr(limits, name, settings.max_bytes)
                break
    return limits


def process_file(path, rel: str, settings: Settings, sha256: str = "",
                 size: Optional[int] = None) -> FileOutcome:
    """Read, extract and validate one file. Never raises: any problem becomes a failed row."""
    t0 = time.perf_counter()
    out = _process_file(path, rel, settings, sha256, size)
    out.file.seconds = time.perf_counter() - t0
    return out


def _process_file(path, rel: str, settings: Settings, sha256: str,
                  size: Optional[int]) -> FileOutcome:
    kw = dict(sha256=sha256, size=size)
    fmt = _ext(rel)
    try:
        from .readers import ReadError, detect_format, office_format_not_read, read_document
    except Exception as e:
        return _exception_outcome(rel, fmt, "loading the readers", "การโหลดตัวอ่านไฟล์", e, **kw)
    sniffed = None
    try:
        detected = sniffed = detect_format(Path(path))
    except Exception:
        detected = fmt  # let the reader say what is wrong
    if detected is None:
        err = office_format_not_read(path)
        if err is not None:   # the agency's form in a format we do not read: failed, not skipped
            return failed_outcome(rel, fmt, err.reason, err.message, err.message_th, **kw)
        return make_outcome(FileResult(
            source_file=rel, format=fmt, status="skipped", sha256=sha256, size_bytes=size,
            error="not a submission format" + (f" (.{fmt})" if fmt else ""),
            agency=_agency_fallback(rel)))
    fmt = detected
    try:
        doc = read_document(Path(path), _read_limits(settings), sniffed)
    except ReadError as e:
        reason = getattr(e, "reason", "") or "unreadable"
        message = getattr(e, "message", "") or str(e)
        message_th = getattr(e, "message_th", "") or message
        return failed_outcome(rel, fmt, reason, message, message_th, **kw)
    except MemoryError as e:
        return _exception_outcome(rel, fmt, "reading", "การอ่านไฟล์", e, **kw)
    except Exception as e:
        return _exception_outcome(rel, fmt, "reading", "การอ่านไฟล์", e, **kw)

    fr = FileResult(source_file=rel, format=doc.format or fmt, sha256=sha256, size_bytes=size,
                    pages=doc.page_count, tables=len(doc.tables()),
                    encoding=doc.encoding or "",
                    pages_without_text=";".join(str(n) for n in doc.pages_without_text()),
                    warnings="; ".join(doc.warnings))
    try:
        from extractors import extract
        from schemas import ExtractContext
        ctx = ExtractContext(source_file=rel, fiscal_year=settings.fiscal_year,
                             agency_fallback=_agency_fallback(rel))
        ex = extract(doc, ctx)
    except Exception as e:
        return _exception_outcome(rel, fr.format, "extraction", "การดึงข้อมูลจากแบบฟอร์ม", e, **kw)
    # pages left unread because this machine has no OCR: a rerun where it has must read them
    ocr_missing = any(w.startswith("OCR not available") for w in doc.warnings)
    del doc
    blob = None
    if settings.use_cache and not ocr_missing:  # the extraction before validation mutates it
        try:
            blob = pickle.dumps((fr, ex), _PICKLE)
        except Exception as e:
            return _exception_outcome(rel, fr.format, "caching", "การเก็บผลการดึงข้อมูล", e,
                                      **kw)
    out = finish(fr, ex, settings, blob)
    if ocr_missing:
        out.cacheable = False
    return out


def finish(fr: FileResult, ex, settings: Settings, blob: Optional[bytes] = None) -> FileOutcome:
    """Validate an extraction and complete the file row: counts, NO_FORM_FOUND, sorted findings."""
    from .findings import make_finding
    rel = fr.source_file
    try:
        from .validate import validate
        findings = list(validate(ex, settings.as_of))
    except Exception as e:
        out = _exception_outcome(rel, fr.format, "validation", "การตรวจสอบ", e,
                                 sha256=fr.sha256, size=fr.size_bytes)
        out.extraction = None
        return out
    agency = ex.agency or _agency_fallback(rel)
    if not ex.forms and not ex.records and not any(f.code == "NO_FORM_FOUND" for f in findings):
        findings.append(make_finding("NO_FORM_FOUND", rel, agency=agency,
                                     fiscal_year=ex.fiscal_year))
    findings.sort(key=finding_sort_key)
    fr = replace(fr, status="ok", error="", records=len(ex.records), findings=len(findings),
                 forms=";".join(ex.forms), agency=agency, fiscal_year=ex.fiscal_year)
    return make_outcome(fr, ex.records, findings, settings.as_of, settings.keep_rows,
                        extraction=blob)


def run_task(task: Task, settings: Settings) -> FileOutcome:
    """The executors' unit of work. Never raises."""
    try:
        if task.extraction is not None:
            t0 = time.perf_counter()
            fr, ex = pickle.loads(task.extraction)
            out = finish(fr, ex, settings, task.extraction)
            out.file.seconds = time.perf_counter() - t0
            return out
        return process_file(task.path, task.rel, settings, task.sha256, task.size)
    except BaseException as e:  # SystemExit/KeyboardInterrupt inside a reader too
        return _exception_outcome(task.rel, _ext(task.rel), "processing", "การประมวลผล", e,
                                  sha256=task.sha256, size=task.size)


# ---------------------------------------------------------------------------------------------
# the spool: outcomes on disk until the merge

class Spool:
    """Outcomes in a temporary SQLite file, read back ordered by source_file."""

    def __init__(self, directory: Path):
        fd, self.path = tempfile.mkstemp(prefix=".thaiforms-spool-", suffix=".sqlite",
                                         dir=directory)
        os.close(fd)
        self._db = sqlite3.connect(self.path, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=OFF")
        self._db.execute("PRAGMA synchronous=OFF")
        self._db.execute("CREATE TABLE o (rel TEXT PRIMARY KEY, file BLOB, records BLOB,"
                         " findings BLOB, records_csv BLOB, findings_csv BLOB, summary BLOB)")
        self._pending: list[tuple] = []
        self._pending_bytes = 0

    def add(self, o: FileOutcome) -> None:
        self._pending.append((o.file.source_file, pickle.dumps(o.file, _PICKLE),
                              o.records_blob, o.findings_blob, o.records_csv, o.findings_csv,
                              o.summary_blob))
        self._pending_bytes += (len(o.records_blob or b"") + len(o.findings_blob or b"")
                                + len(o.records_csv) + len(o.findings_csv))
        if len(self._pending) >= 256 or self._pending_bytes > (1 << 20):
            self.flush()

    def flush(self) -> None:
        if self._pending:
            self._db.execute("BEGIN")
            self._db.executemany("INSERT OR REPLACE INTO o VALUES (?, ?, ?, ?, ?, ?, ?)",
                                 self._pending)
            self._db.execute("COMMIT")
            self._pending.clear()
            self._pending_bytes = 0

    def columns(self, *names: str) -> Iterator[tuple]:
        """Columns of every outcome, in source_file order, as stored (pickles, CSV text)."""
        assert set(names) <= {"file", "records", "findings", "records_csv", "findings_csv",
                              "summary"}
        self.flush()
        yield from self._db.execute(f"SELECT {', '.join(names)} FROM o ORDER BY rel")

    def outcomes(self) -> Iterator[FileOutcome]:
        self.flush()
        for row in self._db.execute("SELECT file, records, findings, records_csv, findings_csv,"
                                    " summary FROM o ORDER BY rel"):
            yield FileOutcome(pickle.loads(row[0]), *row[1:5], summary_blob=row[5])

    def close(self) -> None:
        self._db.close()
        for suffix in ("", "-journal", "-wal", "-shm"):
            try:
                os.unlink(self.path + suffix)
            except FileNotFoundError:
                pass


# ---------------------------------------------------------------------------------------------
# the batch

def sha256_file(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


# What reading each format brings in: the reader and the libraries it imports when first used
# (together they take seconds to import).
_FORMAT_MODULES = {
    "pdf": ("pipeline.readers.pdf", "pypdfium2", "pdfplumber"),
    "docx": ("pipeline.readers.docx",),
    "xlsx": ("pipeline.readers.xlsx",),
    "xls": ("pipeline.readers.xls", "xlrd"),
    "ods": ("pipeline.readers.ods",),
    "doc": ("pipeline.readers.doc", "olefile"),
    "odt": ("pipeline.readers.odt",),
    "html": ("pipeline.readers.html", "lxml.html"),
    "pptx": ("pipeline.readers.pptx", "pptx.package"),
    "txt": ("pipeline.readers.text",),
    "image": ("pipeline.readers.image",),
}
_FORMAT_OF_EXT = {"pdf": "pdf", "docx": "docx", "docm": "docx", "xlsx": "xlsx", "xlsm": "xlsx",
                  "pptx": "pptx", "pptm": "pptx", "xls": "xls", "ods": "ods", "doc": "doc",
                  "odt": "odt", "htm": "html", "html": "html", "jpg": "image", "jpeg": "image",
                  "png": "image", "tif": "image", "tiff": "image", "bmp": "image",
                  "webp": "image"}


def formats_of(entries) -> set[str]:
    """The formats a folder's files will likely be read as, from their names (content decides
    in the end; a file read as something else imports its reader in the worker)."""
    return {_FORMAT_OF_EXT.get(_ext(e.rel), "txt") for e in entries if e.outcome is None}


def preload(formats=tuple(_FORMAT_MODULES)) -> None:
    """Import the extractors, normaliser, validator and summary, and the readers of ``formats``
    with the libraries they use, once, in the parent: forked workers (and the ones replacing
    them) then start with everything loaded instead of each importing it again. Only the formats
    at hand: a folder of Word files need not wait for the PDF libraries. A module that fails to
    import is left to the workers, which report it for each file."""
    import importlib
    import pkgutil

    def load(name: str):
        try:
            return importlib.import_module(name)
        except Exception:
            return None

    for name in ("pipeline.readers", "pipeline.validate", "pipeline.findings", "pipeline.summary"):
        load(name)
    for package in ("extractors", "pipeline.normalize"):
        mod = load(package)
        for info in pkgutil.iter_modules(getattr(mod, "__path__", None) or []):
            load(f"{package}.{info.name}")
    for fmt in formats:
        for name in _FORMAT_MODULES.get(fmt, ()):
            load(name)


def _executor(settings: Settings, formats=tuple(_FORMAT_MODULES)):
    from .executors import DaskExecutor, LocalExecutor
    if settings.executor == "dask":
        return DaskExecutor(run_task, _fail_task, settings, scheduler=settings.scheduler,
                            jobs=settings.jobs, timeout=settings.timeout)
    return LocalExecutor(run_task, _fail_task, settings, jobs=settings.jobs,
                         timeout=settings.timeout, prepare=lambda: preload(formats))


def _show_progress(settings: Settings) -> bool:
    if settings.progress is not None:
        return settings.progress
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def process_folder(input_dir: Path, settings: Settings, spool: Spool, cache: Optional[Cache],
                   exclude: tuple[Path, ...] = ()) -> RunResult:
    """Process every file under ``input_dir`` into ``spool``; counts in the result."""
    t_start = time.perf_counter()
    entries = walk(input_dir, exclude)
    result = RunResult(files=len(entries))
    bar = None
    if _show_progress(settings):
        from tqdm import tqdm
        tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked
        bar = tqdm(total=len(entries), unit="file", file=sys.stderr, desc="thaiforms")

    def done(out: FileOutcome) -> None:
        fr = out.file
        if fr.status == "ok":
            result.ok += 1
        elif fr.status == "failed":
            result.failed += 1
            result.failures.append((fr.source_file, fr.error))
        else:
            result.skipped += 1
        result.records += fr.records
        result.findings += fr.findings
        spool.add(out)
        if bar is not None:
            bar.update(1)

    keys: dict[str, str] = {}   # cache keys of the files at the executor, until they come back
    xkey = settings.extraction_key()
    as_of = settings.as_of.isoformat()

    def tasks() -> Iterator[Task]:
        """Files to hand to the executor; the rest is settled here. Pulled lazily by the
        executor, so hashing overlaps the workers and no list of tasks (with cached
        extractions) sits in memory. Largest files first: the long ones do not end up alone
        at the end of the run while the other workers idle."""
        for e in sorted(entries, key=lambda e: -(e.size or 0)):
            if e.outcome is not None:
                done(e.outcome)
                continue
            t0 = time.perf_counter()
            if settings.max_bytes is not None and e.size is not None and e.size > settings.max_bytes:
                done(failed_outcome(
                    e.rel, _ext(e.rel), "over size limit",
                    f"over size limit ({e.size:,} bytes; the limit is {settings.max_bytes:,})",
                    f"ไฟล์ใหญ่เกินกำหนด ({e.size:,} ไบต์ เกินกว่า {settings.max_bytes:,} ไบต์)",
                    size=e.size, cacheable=False))
                continue
            try:
                sha = cache.known_sha256(e.path, e.signature) if cache is not None else None
                if sha is None:
                    sha = sha256_file(e.path)
                    if cache is not None:
                        cache.remember_sha256(e.path, e.signature, sha)
            except OSError as err:
                done(failed_outcome(e.rel, _ext(e.rel), "unreadable",
                                    f"cannot be read ({err.strerror or err})",
                                    f"อ่านไฟล์ไม่ได้ ({err.strerror or err})", size=e.size,
                                    cacheable=False))
                continue
            task = Task(e.path, e.rel, sha, e.size)
            if cache is not None:
                key = entry_key(sha, e.rel, xkey)
                hit = cache.get(key, as_of)
                if hit is not None:
                    result.cache_hits += 1
                    outcome_blob, extraction = hit
                    if outcome_blob is not None:
                        out = pickle.loads(outcome_blob)
                        out.file.seconds = time.perf_counter() - t0
                        done(out)
                        continue
                    task.extraction = extraction  # same file, new --as-of: validate again only
                keys[e.rel] = key
            yield task

    try:
        pending = tasks()
        first = next(pending, None)   # None: every file settled here (cached, skipped ...)
        outcomes = () if first is None else \
            _executor(settings, formats_of(entries)).run(chain([first], pending))
        for out in outcomes:
            key = keys.pop(out.file.source_file, None)
            if key is not None and out.cacheable:
                blob = pickle.dumps(replace(out, extraction=None), _PICKLE)
                cache.put(key, out.extraction, as_of, blob)
            done(out)
    finally:
        if bar is not None:
            bar.close()
        if cache is not None:
            cache.flush()
    spool.flush()
    result.failures.sort()
    result.seconds = time.perf_counter() - t_start
    return result


def _summary_module():
    from . import summary
    return summary


def run(input_dir, out_dir, settings: Settings = Settings()) -> RunResult:
    """Process ``input_dir`` and write the four CSVs into ``out_dir``."""
    input_dir, out_dir = Path(input_dir), Path(out_dir)
    if not input_dir.is_dir():
        raise NotADirectoryError(f"{input_dir} is not a folder")
    out_dir.mkdir(parents=True, exist_ok=True)
    cache_dir = Path(settings.cache_dir) if settings.cache_dir else out_dir
    with ExitStack() as stack:
        cache = None
        if settings.use_cache:
            cache = stack.enter_context(Cache(cache_dir / CACHE_FILE))
        spool = Spool(out_dir)
        stack.callback(spool.close)
        # OUT_DIR (or the cache) inside INPUT_DIR, or even the same folder: never read our own
        exclude = (out_dir, cache_dir, Path(spool.path),
                   *(out_dir / name for name in OUTPUT_FILES),
                   *(cache_dir / (CACHE_FILE + s) for s in ("", "-wal", "-shm", "-journal")))
        result = process_folder(input_dir, settings, spool, cache, exclude)
        if cache is not None and cache.error:
            result.warnings.append(cache.error)
        write_outputs(spool, out_dir, result, settings)
    return result


class SummaryError(Exception):
    pass


def _summary_parts(spool: Spool) -> Iterator[list]:
    for (blob,) in spool.columns("summary"):
        part = pickle.loads(blob) if blob else []
        if isinstance(part, str):
            raise SummaryError(part)
        yield part


def write_outputs(spool: Spool, out_dir: Path, result: RunResult, settings: Settings) -> None:
    with ExitStack() as stack:
        wc = stack.enter_context(open_csv(out_dir / "consolidated.csv", CONSOLIDATED_COLUMNS))
        wf = stack.enter_context(open_csv(out_dir / "findings.csv", FINDINGS_COLUMNS))
        wfiles = stack.enter_context(open_csv(out_dir / "files.csv", FILES_COLUMNS))
        for fr, rec_csv, find_csv in spool.columns("file", "records_csv", "findings_csv"):
            fr = pickle.loads(fr)
            wc.write_encoded(rec_csv, fr.records)
            wf.write_encoded(find_csv, fr.findings)
            wfiles.write(replace(fr, seconds=round(fr.seconds, 3)))
    try:
        summary = _summary_module()
        rows = summary.merge(_summary_parts(spool))
        write_csv(out_dir / "summary.csv", summary.SUMMARY_COLUMNS, rows)
        result.summary = rows
    except Exception as e:
        result.summary_error = str(e) if isinstance(e, SummaryError) else \
            f"{type(e).__name__}: {e} ({_where(e)})"
        try:  # a summary.csv of an earlier run must not pass for this run's
            (out_dir / "summary.csv").unlink()
        except FileNotFoundError:
            pass
