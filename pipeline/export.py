"""CSV writing for thaiforms' outputs: UTF-8 with a BOM (Excel opens Thai correctly), RFC 4180
quoting, one header row, atomic replacement, spreadsheet formula injection neutralised."""
from __future__ import annotations

import csv
import filecmp
import io
import math
import os
import stat
import tempfile
from contextlib import contextmanager
from dataclasses import is_dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from pipeline import patterns

# A cell starting with one of these is read as a formula by Excel/LibreOffice/Sheets.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Plain numbers keep their sign: "-5", "+1.5", "-50,000", "1e3" are safe and stay as they are.
_PLAIN_NUMBER = patterns.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?\Z")


def neutralise(text: str) -> str:
    """``text`` with a leading ``'`` when a spreadsheet would run it as a formula."""
    if text and text.startswith(_FORMULA_START):
        if not (_PLAIN_NUMBER.match(text) and any(ch.isdigit() for ch in text)):
            return "'" + text
    return text


def format_number(value: float) -> str:
    """100.0 -> "100", 0.5 -> "0.5", never exponent notation."""
    if math.isnan(value) or math.isinf(value):
        return ""
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    text = repr(value)
    if "e" in text or "E" in text:
        text = format(Decimal(text), "f")
    return text


def cell(value: Any) -> str:
    """One value as CSV cell text."""
    if value is None:
        return ""
    if isinstance(value, str):
        return neutralise(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return format_number(value)
    if isinstance(value, (list, tuple)):
        return neutralise(";".join(str(v) for v in value))
    return neutralise(str(value))


def tuple_values(row: Sequence[Any]) -> list[Any]:
    """Cells of a row of values: the fast path for strings that need nothing and for empty
    values (the csv module writes None as an empty cell and ints as digits)."""
    return [v if v is None or (type(v) is str and (not v or v[0] not in _STARTS))
            or type(v) is int else cell(v) for v in row]


_STARTS = frozenset(_FORMULA_START)


def rows_text(rows: Iterable[Sequence[Any]]) -> str:
    """Rows of values (tuples in column order) as CSV text (encoded for
    :meth:`CsvWriter.write_encoded`)."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(tuple_values(r) for r in rows)
    return buf.getvalue()


def row_values(row: Any, columns: Sequence[str]) -> list[str]:
    """A dict or a dataclass instance as the cells of ``columns``, in order."""
    if isinstance(row, dict):
        return [cell(row.get(c)) for c in columns]
    if is_dataclass(row):
        return [cell(getattr(row, c, None)) for c in columns]
    return [cell(v) for v in row]


class CsvWriter:
    """Rows to an open CSV file; see :func:`open_csv`."""

    def __init__(self, fh, columns: Sequence[str]):
        self.columns = list(columns)
        self._fh = fh
        self._w = csv.writer(fh, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        self._w.writerow(self.columns)
        self.rows = 0

    def write(self, row: Any) -> None:
        self._w.writerow(row_values(row, self.columns))
        self.rows += 1

    def write_many(self, rows: Iterable[Any]) -> None:
        for r in rows:
            self.write(r)

    def write_encoded(self, data: bytes, rows: int = 0) -> None:
        """Rows already formatted by :func:`rows_text` and encoded as UTF-8 (by the worker
        processes: encoding a national round's Thai text is work the parent need not do)."""
        self._fh.buffer.write(data)
        self.rows += rows


@contextmanager
def open_csv(path: Path | str, columns: Sequence[str]) -> Iterator[CsvWriter]:
    """Write a CSV through a temporary file beside ``path``, renamed over it only when the
    block finishes without error, so a reader never sees a half-written file. When ``path``
    already holds the same bytes (a re-run that changed nothing) it is left as it is."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, _mode_for(path))
        # write_through: text goes straight to the binary buffer, so rows written as text and
        # as encoded bytes (write_encoded) stay in order
        with io.TextIOWrapper(os.fdopen(fd, "wb"), encoding="utf-8-sig", newline="",
                              write_through=True) as fh:
            yield CsvWriter(fh, columns)
            fh.flush()
            unchanged = _same_bytes(tmp, path)
            if not unchanged:
                os.fsync(fh.fileno())
        if unchanged:
            # Saves the flush to disk, which can take longer than the rest of a cached re-run.
            os.unlink(tmp)
        else:
            os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _mode_for(path: Path) -> int:
    """Permissions for a new output: those of the file it replaces, else what the umask gives
    a new file (mkstemp's 0600 would hide the CSVs from colleagues on a shared folder)."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def _same_bytes(a: str, b: Path) -> bool:
    try:
        return filecmp.cmp(a, b, shallow=False)
    except OSError:  # no earlier file: os.replace will write it
        return False


def write_csv(path: Path | str, columns: Sequence[str], rows: Iterable[Any]) -> int:
    """Write ``rows`` (dicts or dataclasses) under a header of ``columns``, atomically.
    Returns the number of rows written."""
    with open_csv(path, columns) as w:
        w.write_many(rows)
        return w.rows
