"""Plain text, TSV and CSV: encoding detection, then tables from delimited lines.

Tab-separated exports of Word tables (seed 004) hold one table row per line; consecutive lines
with tabs form a table, blank lines separate blocks, other lines are paragraphs (one per line).
A lone ``"`` in a cell is a ditto mark and stays text; a cell that is quoted as a whole
(``"a ""b"" c"``, possibly over several lines, as Excel writes cells with line breaks) is unquoted.
"""
from __future__ import annotations

import codecs
import csv
import io
import re
from pathlib import Path
from typing import Optional

from pipeline import patterns
from schemas.document import Cell, Document, Page, Paragraph, Table

from ..repair import repair_thai
from .common import ReadError, ReadLimits, utf16_without_bom

_THAI = patterns.compile("[\u0E01-\u0E5B]")
# characters that plausible Thai/English text is made of
_PLAUSIBLE = patterns.compile("[\u0E01-\u0E5B\u0020-\u007E\t\r\n\u00A0-\u00FF\u2010-\u203A\u2190-\u21FF"
                              "\u2022\u2026\u2212\u2713\u2714\u2717\u3003\u25A0-\u25FF\u20AC\u0E00]")


def _plausibility(text: str) -> float:
    """Share of characters that belong in Thai/English office documents."""
    if not text:
        return 1.0
    sample = text[:20000]
    good = len(_PLAUSIBLE.findall(sample))
    return good / len(sample)


_MARK = patterns.compile("[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]")
_MARK_AFTER_NON_THAI = patterns.compile("(?:^|[^\u0E01-\u0E4E])[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]")


def _thai_plausible(text: str) -> bool:
    """Thai combining marks stand on Thai letters. Bytes of another 8-bit code page read as
    cp874 put marks after Latin letters (cp1252 ``é`` is cp874's MAI THO)."""
    sample = text[:20000]
    marks = len(_MARK.findall(sample))
    return marks == 0 or len(_MARK_AFTER_NON_THAI.findall(sample)) <= 0.02 * marks + 1


def decode(data: bytes, warnings: Optional[list] = None) -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16 (LE/BE, BOM or not) or cp874/TIS-620.
    Strict decodes in a fixed order, each checked for plausible Thai text; never guesses
    silently into mojibake. A UTF-8 file with a few damaged bytes is read with those bytes
    replaced (and a warning). Returns (text, encoding name)."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return _utf8_allowing_damage(data[3:], "utf-8-sig", warnings)
        except ReadError:
            # a BOM put before a cp874 body (a tool that adds one whatever it writes)
            try:
                text = data[3:].decode("cp874")
            except UnicodeDecodeError:
                raise ReadError("encoding", "file starts with a UTF-8 BOM but is neither UTF-8 "
                                "nor cp874/TIS-620") from None
            if not (_thai_plausible(text) and _plausibility(text) >= 0.98):
                raise
            if warnings is not None:
                warnings.append("a UTF-8 BOM before cp874/TIS-620 text; read as cp874")
            return text, "cp874"
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        enc = "utf-16-le" if data.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"
        try:
            return data[2:].decode(enc), enc
        except UnicodeDecodeError as e:
            raise ReadError("encoding", f"file starts with a UTF-16 BOM but is not valid UTF-16 ({e})")
    candidates = []
    utf16 = utf16_without_bom(data)
    if utf16:
        candidates.append(utf16)
    candidates += ["utf-8", "cp874"]
    best = None
    for enc in candidates:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if not _thai_plausible(text):
            continue
        score = _plausibility(text)
        if score >= 0.98:
            return text, enc
        if best is None or score > best[2]:
            best = (text, enc, score)
    if best is not None and best[2] >= 0.9:
        return best[0], best[1]
    if utf16 is None:
        try:
            return _utf8_allowing_damage(data, "utf-8", warnings)
        except ReadError:
            pass
    raise ReadError("encoding", "the text is not UTF-8, UTF-16 or cp874/TIS-620 "
                    "(or is a binary file)")


def _utf8_allowing_damage(data: bytes, name: str, warnings: Optional[list]) -> tuple[str, str]:
    try:
        return data.decode("utf-8"), name
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if bad > max(3, len(text) // 1000) or _plausibility(text) < 0.95:
        raise ReadError("encoding", f"the text is not valid UTF-8 ({bad} undecodable bytes) "
                        "nor UTF-16 or cp874/TIS-620")
    if warnings is not None:
        warnings.append(f"{bad} damaged byte sequence(s) in UTF-8 text replaced by U+FFFD")
    return text, name


def _split_tab_fields(lines: list[str], i: int) -> tuple[list[str], int]:
    """Fields of the tab-separated record starting at lines[i]; returns (fields, next index).
    A field quoted as a whole may continue over following lines; a quote that would take in
    a TAB is no quoting (Word text exports do not quote; a leading ``"`` there is a ditto
    mark or part of the text)."""
    fields: list[str] = []
    line = lines[i]
    pos = 0
    while True:
        if line.startswith('"', pos) and pos + 1 < len(line) and line[pos + 1] != "\t":
            # candidate quoted field: find the closing quote followed by tab/end of line
            buf, j, k, cur = [], pos + 1, i, line
            closed = False
            while True:
                q = cur.find('"', j)
                tab = cur.find("\t", j)
                if tab >= 0 and (q < 0 or tab < q):
                    break                    # a tab before any closing quote: not quoted
                if q < 0:
                    buf.append(cur[j:])
                    if k + 1 < len(lines) and k + 1 - i < 50:
                        k += 1
                        cur = lines[k]
                        buf.append("\n")
                        j = 0
                        continue
                    break
                if q + 1 < len(cur) and cur[q + 1] == '"':
                    buf.append(cur[j:q] + '"')
                    j = q + 2
                    continue
                if q + 1 == len(cur) or cur[q + 1] == "\t":
                    buf.append(cur[j:q])
                    closed = True
                    break
                buf.append(cur[j:q + 1])     # a stray quote inside: keep it
                j = q + 1
            if closed and "".join(buf).strip():   # ``" "`` is two ditto marks, not quoting
                fields.append("".join(buf))
                i, line, pos = k, cur, q + 1
                if pos >= len(line):
                    return fields, i + 1
                pos += 1                    # skip the tab
                continue
        # plain field (also a lone ditto mark `"`)
        t = line.find("\t", pos)
        if t < 0:
            fields.append(line[pos:])
            return fields, i + 1
        fields.append(line[pos:t])
        pos = t + 1


def _make_table(rows: list[list[str]]) -> Table:
    n_cols = max((max((k + 1 for k, v in enumerate(r) if v.strip()), default=0) for r in rows),
                 default=0) or 1
    cells = []
    for r, row in enumerate(rows):
        for c in range(n_cols):
            raw = row[c] if c < len(row) else ""
            cells.append(Cell(row=r, col=c, text=repair_thai(raw.strip()), raw=raw))
    return Table(cells=cells, n_rows=len(rows), n_cols=n_cols)


_PIPE_ROW = patterns.compile(r"^\s*\|.*\|\s*$")
_PIPE_SEP = patterns.compile(r"^\s*\|[\s:|-]*-[\s:|-]*\|\s*$")


def _pipe_fields(line: str) -> list[str]:
    inner = line.strip()[1:-1]
    return [f.replace("\\|", "|") for f in re.split(r"(?<!\\)\|", inner)]


_GAP = patterns.compile(r"\S(?: {2,})(?=\S)")          # a run of two or more spaces inside a line
_ZERO_WIDTH = frozenset("\u0E31\u0E34\u0E35\u0E36\u0E37\u0E38\u0E39\u0E3A\u0E47\u0E48\u0E49"
                        "\u0E4A\u0E4B\u0E4C\u0E4D\u0E4E\u200b\u00ad")


def _columns_of(lines: list[str], display: bool) -> Optional[list[list[str]]]:
    """Fields of lines whose columns are aligned with spaces (a printed report, Excel's
    "Formatted Text (Space delimited)"): the columns are bounded by positions that are a space
    in every line, in runs of two or more. ``display``: positions counted as the text shows on
    screen (Thai vowels above/below and tone marks take no column), else as characters.
    None when fewer than three columns line up."""
    cols_of = []
    for line in lines:
        if display:
            pos, k = [], 0
            for ch in line:
                pos.append(k)
                if ch not in _ZERO_WIDTH:
                    k += 1
            cols_of.append((pos, k))
        else:
            cols_of.append((None, len(line)))
    width = max(w for _, w in cols_of)
    filled = bytearray(width + 1)
    for line, (pos, _) in zip(lines, cols_of):
        for j, ch in enumerate(line):
            if ch != " ":
                filled[pos[j] if pos else j] = 1
    # column starts: a filled position after a run of >= 2 blank positions (or the line start)
    starts, blank = [], 2
    for x in range(width):
        if filled[x]:
            if blank >= 2:
                starts.append(x)
            blank = 0
        else:
            blank += 1
    if len(starts) < 3:
        return None
    rows = []
    for line, (pos, _) in zip(lines, cols_of):
        fields = [""] * len(starts)
        cur, buf = -1, []
        for j, ch in enumerate(line):
            x = pos[j] if pos else j
            k = cur
            while k + 1 < len(starts) and starts[k + 1] <= x:
                k += 1
            if k != cur:
                if cur >= 0:
                    fields[cur] = "".join(buf).strip()
                cur, buf = k, []
            buf.append(ch)
        if cur >= 0:
            fields[cur] = "".join(buf).strip()
        rows.append(fields)
    # every line must give at least two fields: else the "columns" are words of prose
    if any(sum(1 for f in r if f) < 2 for r in rows):
        return None
    return rows


def _space_aligned(lines: list[str], i: int) -> tuple[Optional[list[list[str]]], int]:
    """(rows, end) of a table laid out with spaces starting at lines[i]: three or more
    consecutive lines, none with a tab, each with a gap of two or more spaces between words,
    lining up in three or more columns. (None, end) when the lines from i to end do not make
    one (no later line of that run starts one either)."""
    j = i
    while j < len(lines) and "\t" not in lines[j] and _GAP.search(lines[j]):
        j += 1
    if j - i < 3:
        return None, j
    block = [x.rstrip() for x in lines[i:j]]
    rows = _columns_of(block, False) or _columns_of(block, True)
    return rows, j


def _opens_quoted_record(lines: list[str], i: int) -> bool:
    """Whether lines[i] opens a quoted multi-line first field of a tab-separated record (Excel's
    "Unicode text" and TSV exports quote a cell holding line breaks): the line starts with a
    quote it does not close, and the first later quote closes the field right before a TAB."""
    line = lines[i]
    if not line.startswith('"') or len(line) < 2 or line.replace('""', "").count('"') != 1:
        return False
    for k in range(i + 1, min(i + _LOOKAHEAD, len(lines))):
        rest = lines[k].replace('""', "")
        q = rest.find('"')
        if q >= 0:
            return rest[q + 1:q + 2] == "\t"
        if "\t" in rest:
            return False
    return False


def _title_of(fields: list[str], in_table: bool) -> Optional[str]:
    """The text of a delimited record that is a line of text, not a table row: a record of one
    field, or, before a table, a record with one filled field (a spreadsheet saved as CSV or
    TSV writes every row as wide as the sheet, so a title typed in column A comes out as
    ``title,,,,`` / ``title<TAB><TAB>…``), or a label ending with a colon and its value. Inside a
    table such a row stays a row (a section row, a wrapped cell). None for a table row or an
    empty record."""
    filled = [f for f in fields if f.strip()]
    if not in_table and len(filled) == 2 and filled[0] is fields[0] \
            and filled[0].rstrip().endswith((":", "：")):
        # a labelled line above the table (`ชื่อหน่วยงาน : | การยางแห่งประเทศไทย`): its text
        return f"{filled[0].strip()} {filled[1].strip()}"
    if len(filled) != 1 or in_table and len(fields) > 1:
        return None
    return filled[0]


_LOOKAHEAD = 50


def _table_goes_on(lines: list[str], i: int) -> bool:
    """Whether a table row follows lines[i:] before the text leaves the table (a line without a
    tab) or ends: a record with at least three filled fields. Records of one or two filled
    fields after an empty row (`ลงชื่อ ……`, `(……)`, `วันที่ ……`, two signatures side by side)
    are an approval block or notes under the table, not its rows."""
    for line in lines[i:i + _LOOKAHEAD]:
        if "\t" not in line:
            if line.strip():
                return False
            continue
        if sum(1 for f in line.split("\t") if f.strip()) >= 3:
            return True
    return False


def _blocks_from_tab_text(text: str) -> list:
    lines = [x.rstrip("\r") for x in text.split("\n")]
    blocks: list = []
    rows: list[list[str]] = []
    # tables aligned with spaces only where the text has no tab-separated table at all
    spaced = "\t" not in text and "  " in text
    plain_until = 0                  # lines before this index are known not to start one

    def flush():
        if rows:
            blocks.append(_make_table(rows[:]))
            rows.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        if spaced and not rows and i >= plain_until:
            aligned, j = _space_aligned(lines, i)
            if aligned:
                blocks.append(_make_table(aligned))
                i = j
                continue
            plain_until = max(j, i + 1)
        if _PIPE_ROW.match(line) and (i + 1 < len(lines) and _PIPE_ROW.match(lines[i + 1])
                                      or i > 0 and _PIPE_ROW.match(lines[i - 1])):
            # Markdown pipe table (text exports of web pages and converted documents)
            fields = _pipe_fields(line)
            if not _PIPE_SEP.match(line) and any(f.strip() for f in fields):
                rows.append(fields)
            i += 1
            continue
        if "\t" in line and not line.strip() and rows and _table_goes_on(lines, i + 1):
            # a record of only tabs (a spreadsheet's empty row saved as TSV) inside a table
            # that goes on after it (a section row, more items) is skipped
            i += 1
            continue
        # otherwise it is a blank line: it ends the table (an approval block typed under the
        # table must not become its rows)
        if line.strip() and ("\t" in line or _opens_quoted_record(lines, i)):
            fields, j = _split_tab_fields(lines, i)
            title = _title_of(fields, bool(rows))
            if title is None:
                if any(f.strip() for f in fields):
                    rows.append(fields)
                i = j
                continue
            # a spreadsheet saved as TSV writes a title in column A followed by tabs
            blocks.append(Paragraph(text=repair_thai(title.strip()), raw=title))
            i = j
            continue
        flush()
        if line.strip():
            blocks.append(Paragraph(text=repair_thai(line.strip()), raw=line))
        i += 1
    flush()
    return blocks


def _csv_delimiter(text: str) -> str:
    """``,``, ``;`` or TAB: Excel saves "CSV" with the list separator of the Windows region
    settings, a semicolon in many of them, and exports from other systems are often
    tab-separated under a .csv name. The one that splits the most records into the same number
    of fields (Excel writes every row as wide as the sheet) wins; a comma on a tie."""
    sample = text[:65536]
    best, best_score = ",", -1
    for delim in (",", ";", "\t"):
        if delim not in sample:
            continue
        counts: dict[int, int] = {}
        try:
            for k, rec in enumerate(csv.reader(io.StringIO(sample), delimiter=delim)):
                if k >= 200:
                    break
                if len(rec) > 1:
                    counts[len(rec)] = counts.get(len(rec), 0) + 1
        except csv.Error:
            continue
        score = max(counts.values(), default=0)
        if score > best_score:
            best, best_score = delim, score
    return best


def _blocks_from_csv(text: str, delimiter: str = ",") -> list:
    blocks: list = []
    rows: list[list[str]] = []
    for rec in csv.reader(io.StringIO(text), delimiter=delimiter):
        if not any(f.strip() for f in rec):
            if rows:
                blocks.append(_make_table(rows))
                rows = []
            continue
        line = _title_of(rec, bool(rows))
        if line is not None:
            if rows:
                blocks.append(_make_table(rows))
                rows = []
            blocks.append(Paragraph(text=repair_thai(line.strip()), raw=line))
            continue
        rows.append(rec)
    if rows:
        blocks.append(_make_table(rows))
    return blocks


def read_text(path: Path, fmt: str, limits: ReadLimits) -> Document:
    data = Path(path).read_bytes()
    if not data:
        raise ReadError("empty", f"{Path(path).name} is empty (0 bytes)")
    if data[:4096].count(0) > 0 and not _looks_utf16(data):
        raise ReadError("unsupported", f"{Path(path).name} is a binary file, not text")
    warnings: list[str] = []
    text, enc = decode(data, warnings)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x1a" in text:
        # Ctrl-Z: the end-of-file mark of DOS/Windows text tools; nothing after it is text
        head, _, tail = text.partition("\x1a")
        text = head if not tail.replace("\x1a", "").strip() else text.replace("\x1a", "")
    if not text.strip():
        raise ReadError("empty", f"{Path(path).name} holds no text")
    delimiter = _csv_delimiter(text) if fmt == "csv" else "\t"
    # A tab-separated .csv reads as the tab-separated text it is (wrapped cells, title lines).
    blocks = _blocks_from_tab_text(text) if delimiter == "\t" else _blocks_from_csv(text, delimiter)
    tables = [b for b in blocks if isinstance(b, Table)]
    for k, t in enumerate(tables, 1):
        t.index = k
    return Document(path=str(path), format=fmt, pages=[Page(number=None, blocks=blocks)],
                    encoding=enc, warnings=warnings)


def _looks_utf16(data: bytes) -> bool:
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return True
    return utf16_without_bom(data) is not None
