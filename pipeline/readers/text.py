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

from schemas.document import Cell, Document, Page, Paragraph, Table

from ..repair import repair_thai
from .common import ReadError, ReadLimits, utf16_without_bom

_THAI = re.compile("[\u0E01-\u0E5B]")
# characters that plausible Thai/English text is made of
_PLAUSIBLE = re.compile("[\u0E01-\u0E5B\u0020-\u007E\t\r\n\u00A0-\u00FF\u2010-\u203A\u2190-\u21FF"
                        "\u2022\u2026\u2212\u2713\u2714\u2717\u3003\u25A0-\u25FF\u20AC\u0E00]")


def _plausibility(text: str) -> float:
    """Share of characters that belong in Thai/English office documents."""
    if not text:
        return 1.0
    sample = text[:20000]
    good = len(_PLAUSIBLE.findall(sample))
    return good / len(sample)


_MARK = re.compile("[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]")
_MARK_AFTER_NON_THAI = re.compile("(?:^|[^\u0E01-\u0E4E])[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]")


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
        return _utf8_allowing_damage(data[3:], "utf-8-sig", warnings)
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


_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_PIPE_SEP = re.compile(r"^\s*\|[\s:|-]*-[\s:|-]*\|\s*$")


def _pipe_fields(line: str) -> list[str]:
    inner = line.strip()[1:-1]
    return [f.replace("\\|", "|") for f in re.split(r"(?<!\\)\|", inner)]


def _blocks_from_tab_text(text: str) -> list:
    lines = text.split("\n")
    blocks: list = []
    rows: list[list[str]] = []

    def flush():
        if rows:
            blocks.append(_make_table(rows[:]))
            rows.clear()

    i = 0
    while i < len(lines):
        line = lines[i].rstrip("\r")
        lines[i] = line
        if _PIPE_ROW.match(line) and (i + 1 < len(lines) and _PIPE_ROW.match(lines[i + 1])
                                      or i > 0 and _PIPE_ROW.match(lines[i - 1])):
            # Markdown pipe table (text exports of web pages and converted documents)
            fields = _pipe_fields(line)
            if not _PIPE_SEP.match(line) and any(f.strip() for f in fields):
                rows.append(fields)
            i += 1
            continue
        if "\t" in line and line.strip("\t").strip() != "" or ("\t" in line and rows):
            fields, i = _split_tab_fields(lines, i)
            if any(f.strip() for f in fields):
                rows.append(fields)
            continue
        flush()
        if line.strip():
            blocks.append(Paragraph(text=repair_thai(line.strip()), raw=line))
        i += 1
    flush()
    return blocks


def _blocks_from_csv(text: str) -> list:
    blocks: list = []
    rows: list[list[str]] = []
    for rec in csv.reader(io.StringIO(text)):
        if not any(f.strip() for f in rec):
            if rows:
                blocks.append(_make_table(rows))
                rows = []
            continue
        if len(rec) == 1 or sum(1 for f in rec if f.strip()) == 1 and not rows:
            if rows:
                blocks.append(_make_table(rows))
                rows = []
            line = next(f for f in rec if f.strip())
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
    if not text.strip():
        raise ReadError("empty", f"{Path(path).name} holds no text")
    blocks = _blocks_from_csv(text) if fmt == "csv" else _blocks_from_tab_text(text)
    tables = [b for b in blocks if isinstance(b, Table)]
    for k, t in enumerate(tables, 1):
        t.index = k
    return Document(path=str(path), format=fmt, pages=[Page(number=None, blocks=blocks)],
                    encoding=enc, warnings=warnings)


def _looks_utf16(data: bytes) -> bool:
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return True
    return utf16_without_bom(data) is not None
