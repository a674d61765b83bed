"""Word 97-2003 (.doc) reader: paragraphs and tables in body order, merges resolved, nested
tables, shaded cells, list labels, the way the DOCX reader gives them.

Everything is read from the file itself, in Python: the compound file's streams through
olefile, and by hand what no maintained Python library reads (wvWare, tried first, hung on
some LibreOffice-saved files and wrote every cell white): the FIB, the piece table
for the text, the paragraph properties (PlcBtePapx) for table depth, cell and row marks and
each row's table properties (sprmTDefTable cell edges → grid columns, TC80 merge flags,
shading), the character properties (PlcBteChpx) for struck, deleted and special text, the
stylesheet for style names and the list tables (PlfLst, PlfLfo) for list labels
(``_Skeleton``). Field codes are left out and their results kept, as the DOCX reader does.

Page headers and footers, footnotes and text boxes are not read. Word 6/95 files (another file
layout) are refused with a message saying how to convert them.
"""
from __future__ import annotations

import bisect
import io
import re
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from schemas.document import Cell, Document, Page, Paragraph, Table

from ..repair import repair_thai
from .common import ReadError, ReadLimits

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OLD_TH = ("ไฟล์ Word 6.0/95 (.doc) รุ่นเก่ามาก อ่านไม่ได้ "
           "กรุณาเปิดด้วย Word/LibreOffice แล้วบันทึกเป็น .docx")


def read_doc(path: Path, limits: ReadLimits) -> Document:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise ReadError("too_large", f"{path.name} is {size} bytes, over the limit of "
                            f"{limits.max_bytes}")
        data = path.read_bytes()
    except OSError as e:
        raise ReadError("corrupt", f"{path.name} cannot be opened ({e})") from e
    if not data:
        raise ReadError("empty", f"{path.name} is empty (0 bytes)")
    return _document(data, path)


def _document(data: bytes, path: Path) -> Document:
    """The Document of a .doc file's bytes; any damage raises ReadError."""
    if not data.startswith(OLE_MAGIC):
        raise _not_ole(path, data)
    try:
        ole = _Ole(data)
        word = ole.stream("WordDocument")
    except ReadError as e:
        raise ReadError(e.reason, f"{path.name}: {e.message}") from None
    if word is None:
        if ole.has("EncryptedPackage"):
            raise ReadError("encrypted", f"{path.name} is a password-protected Word document")
        raise ReadError("corrupt", f"{path.name} is an OLE2 file without a WordDocument stream, "
                        "not a Word 97-2003 document")
    fib = _Fib(word, path.name)
    if fib.encrypted:
        raise ReadError("encrypted", f"{path.name} is a password-protected Word document "
                        "(Word 97-2003 .doc)")
    if not fib.word97:
        raise ReadError("unsupported", f"{path.name} is a Word 6.0/95 document, older than the "
                        "Word 97-2003 .doc this reads; open it in Word or LibreOffice and save it "
                        "as .docx", _OLD_TH)
    warnings: list[str] = []
    try:
        blocks = _skeleton_blocks(_Skeleton(ole, word, fib).paragraphs, warnings)
    except ReadError as e:
        raise ReadError(e.reason, f"{path.name}: {e.message}") from None
    except (struct.error, IndexError, ValueError, KeyError) as e:
        raise ReadError("corrupt", f"{path.name}: the Word document's structure is damaged "
                        f"({type(e).__name__}: {e})") from e
    return Document(path=str(path), format="doc", pages=[Page(number=None, blocks=blocks)],
                    warnings=warnings)


def _not_ole(path: Path, data: bytes) -> ReadError:
    """The error for a file named .doc that is no compound file."""
    if data.startswith(b"%PDF"):
        return ReadError("unsupported", f"{path.name} is named .doc but is a PDF")
    if data.startswith(b"{\\rtf"):
        return ReadError("unsupported", f"{path.name} is named .doc but is a Rich Text file "
                         "(.rtf); open it in Word or LibreOffice and save it as .docx")
    if data.startswith(b"PK"):
        return ReadError("corrupt", f"{path.name} is named .doc but is a zip file, not a Word "
                         "document")
    if len(data) >= 8 and OLE_MAGIC.startswith(data[:8]):
        return ReadError("truncated", f"{path.name} is cut short")
    try:
        from .text import decode
        decode(data[:8000])
        return ReadError("unsupported", f"{path.name} is named .doc but is plain text, not a "
                         "Word document")
    except ReadError:
        return ReadError("corrupt", f"{path.name} is not a Word 97-2003 document "
                         "(no OLE2 compound file header)")


# --- the document model ------------------------------------------------------------------------

@dataclass
class _Spec:
    """A cell as read, before merges: grid column and span, whether it continues the merged
    cell above, shading, content (("p", raw) / ("t", Table))."""
    col: int
    colspan: int
    cont: bool
    shaded: bool
    content: list


def _make_table(rows: list[list[_Spec]], n_cols: int = 0) -> Optional[Table]:
    """A Table from rows of cells, as the DOCX reader builds one from w:tc (docx._read_table):
    a nested table in a cell beside others, in a table of several rows, folds into the cell's
    text; a cell continuing a vertical merge extends the cell above and adds its text."""
    from .docx import _row_lines, cell_texts
    cells: list[Cell] = []
    open_v: dict[int, Cell] = {}
    taken: set[tuple[int, int]] = set()          # grid positions a cell covers
    for r, row in enumerate(rows):
        fold = len(row) > 1 and len(rows) > 1
        start = row[0].col if row else 0
        end = start
        for spec in row:
            paras: list[str] = []
            nested: list[Table] = []
            folded: Optional[dict[int, str]] = None
            for kind, x in spec.content:
                if kind == "p":
                    paras.append(x)
                elif not fold:
                    nested.append(x)
                else:
                    if folded is None:
                        folded = {}
                    for raw_line, text_line in _row_lines(x, nested):
                        folded[len(paras)] = text_line
                        paras.append(raw_line)
            raw, text = cell_texts(paras, folded)
            col, span = spec.col, spec.colspan
            above = open_v.get(col)
            if spec.cont and above is not None and above.row + above.rowspan == r \
                    and above.colspan == span \
                    and not any((r, k) in taken for k in range(col, col + span)):
                above.rowspan += 1
                taken.update((r, k) for k in range(col, col + span))
                if text.strip():
                    above.text = (above.text + "\n" + text).strip("\n")
                    above.raw = (above.raw + "\n" + raw).strip("\n")
                above.tables.extend(nested)
            else:
                # a damaged file may place a cell where a merge already is: the next free
                # place, never two cells on one grid position
                while (r, col) in taken:
                    col += 1
                span = next((k - col for k in range(col + 1, col + span)
                             if (r, k) in taken), span)
                taken.update((r, k) for k in range(col, col + span))
                cell = Cell(row=r, col=col, text=text, raw=raw, colspan=span,
                            shaded=spec.shaded, tables=nested)
                cells.append(cell)
                for k in range(col + 1, col + span):
                    open_v.pop(k, None)
                open_v[col] = cell
            end = max(end, col + span)
        for k in [k for k in open_v if k < start or k >= end]:
            del open_v[k]
        n_cols = max(n_cols, end)
    if not cells:
        return None
    return Table(cells=cells, n_rows=len(rows), n_cols=n_cols)


_EDGE_SLACK = 2                  # twips


def _nested(items: list[tuple[str, "_Para"]], depth: int, warnings: list[str]) -> list[Table]:
    """The tables of a run of paragraphs at table depth ``depth`` or deeper: cells end at cell
    marks, rows at row marks, whose table properties give the grid (every cell edge of every
    row a column boundary, as DOCX's tblGrid), horizontal merges (fMerged; a cell over several
    columns is DOCX's gridSpan) and vertical ones (fVertMerge without fVertRestart)."""
    if depth > 21:
        warnings.append("tables nested more than 20 deep were skipped")
        return []
    rows: list[tuple[list, Optional[_Tap]]] = []
    cells: list[tuple[list, bool]] = []
    cur: list = []
    shaded = False
    k = 0
    while k < len(items):
        text, rec = items[k]
        if rec.depth > depth:
            j = k
            while j < len(items) and items[j][1].depth > depth:
                j += 1
            cur.extend(("t", t) for t in _nested(items[k:j], depth + 1, warnings))
            k = j
            continue
        k += 1
        if rec.row_end:
            if cur:                 # content after the last cell mark: a cell of its own
                cells.append((cur, shaded))
                cur, shaded = [], False
            rows.append((cells, rec.tap))
            cells = []
            continue
        cur.append(("p", text))
        shaded = shaded or rec.shaded
        if rec.cell_end:
            cells.append((cur, shaded))
            cur, shaded = [], False
    if cur:
        cells.append((cur, shaded))
    if cells:
        rows.append((cells, None))
    # the grid: every column edge of every row, edges a rounding apart (LibreOffice writes one
    # border at 9971 and 9972 twips in different rows) counted as one
    where: dict[int, int] = {}
    first, n = None, -1
    for x in sorted({x for _, tap in rows if tap is not None for x in tap.edges}):
        if first is None or x - first > _EDGE_SLACK:
            first, n = x, n + 1
        where[x] = n
    specs: list[list[_Spec]] = []
    for cells_, tap in rows:
        row: list[_Spec] = []
        col = 0
        for c, (content, shade) in enumerate(cells_):
            span, cont = 1, False
            if tap is not None and c + 1 < len(tap.edges):
                col = where[tap.edges[c]]
                span = max(1, where[tap.edges[c + 1]] - col)
                grf = tap.tcgrf[c] if c < len(tap.tcgrf) else 0
                cont = bool(grf & 0x20) and not grf & 0x40      # fVertMerge, not fVertRestart
                if grf & 0x02 and row:       # fMerged: Word 97's horizontal merge, text in first
                    row[-1].colspan += span
                    row[-1].content.extend(content)
                    col += span
                    continue
                shade = shade or (c < len(tap.shaded) and tap.shaded[c])
            row.append(_Spec(col=col, colspan=span, cont=cont, shaded=shade, content=content))
            col += span
        specs.append(row)
    t = _make_table(specs)
    return [t] if t is not None else []


def _skeleton_blocks(paras: list[_Para], warnings: list[str]) -> list:
    """Blocks from the file's own paragraphs (_Skeleton): body paragraphs, and every run
    of table paragraphs a table, cells ending at cell marks and rows at row marks, whose table
    properties give the grid, merges and shading."""
    out: list = []
    k = 0
    while k < len(paras):
        p = paras[k]
        if p.depth == 0:
            if p.clean.strip():
                out.append(Paragraph(text=repair_thai(p.clean.strip()), raw=p.clean,
                                     style=p.style))
            k += 1
            continue
        j = k
        while j < len(paras) and paras[j].depth > 0:
            j += 1
        out.extend(_nested([(q.clean, q) for q in paras[k:j]], 1, warnings))
        k = j
    return out


# --- the file's structure ------------------------------------------------------------------------

class _Ole:
    """The streams of an OLE2 compound file (MS-CFB), through olefile; a damaged file raises
    ReadError (truncated where olefile finds a sector or stream cut short)."""

    def __init__(self, data: bytes):
        import olefile
        if len(data) < 1536:
            raise ReadError("truncated", "the compound file is cut short")
        try:
            self._ole = olefile.OleFileIO(io.BytesIO(data))
        except Exception as e:          # olefile raises OSError, ValueError, struct.error …
            raise _ole_error(e) from None

    def has(self, name: str) -> bool:
        try:
            return bool(self._ole.exists(name))
        except Exception as e:
            raise _ole_error(e) from None

    def stream(self, name: str) -> Optional[bytes]:
        import olefile
        try:
            if not self._ole.exists(name) or self._ole.get_type(name) != olefile.STGTY_STREAM:
                return None
            return self._ole.openstream(name).read()
        except Exception as e:
            raise _ole_error(e) from None


def _ole_error(e: Exception) -> ReadError:
    text = str(e)
    if any(w in text.lower() for w in ("incomplete", "truncat", "too short", "out of file",
                                       "beyond")):
        return ReadError("truncated", f"the compound file is cut short ({text})")
    return ReadError("corrupt", f"the compound file is damaged ({type(e).__name__}: {text})")


class _Fib:
    """The parts of the File Information Block (MS-DOC 2.5) the reader uses."""

    def __init__(self, word: bytes, name: str):
        if len(word) < 0x1AA and not (len(word) >= 12 and word[:2] == b"\xec\xa5"):
            raise ReadError("corrupt", f"{name}: the WordDocument stream is too short")
        ident, self.nfib = struct.unpack_from("<HH", word, 0)
        if ident != 0xA5EC:
            raise ReadError("corrupt", f"{name}: the WordDocument stream does not start as a "
                            "Word document's")
        flags = struct.unpack_from("<H", word, 0x0A)[0]
        self.encrypted = bool(flags & 0x0100)
        self.table = "1Table" if flags & 0x0200 else "0Table"
        # Word 97 and later (nFib 0xC1+); Word 6/95 files keep another layout
        self.word97 = self.nfib >= 0xC1 and len(word) >= 0x1AA
        if self.word97:
            self.ccp_text = struct.unpack_from("<I", word, 0x4C)[0]
            # FibRgFcLcb97 pairs (fc, lcb) in the table stream
            self.fc_stsh, self.lcb_stsh = struct.unpack_from("<II", word, 0xA2)
            self.fc_chpx, self.lcb_chpx = struct.unpack_from("<II", word, 0xFA)
            self.fc_papx, self.lcb_papx = struct.unpack_from("<II", word, 0x102)
            self.fc_clx, self.lcb_clx = struct.unpack_from("<II", word, 0x1A2)
            self.fc_lst = self.lcb_lst = self.fc_lfo = self.lcb_lfo = 0
            if len(word) >= 0x2F2:
                self.fc_lst, self.lcb_lst, self.fc_lfo, self.lcb_lfo = \
                    struct.unpack_from("<IIII", word, 0x2E2)


@dataclass
class _Tap:
    """A table row's properties: column edges (twips), cell flags (TC80.tcgrf), shaded cells."""
    edges: list[int] = field(default_factory=list)
    tcgrf: list[int] = field(default_factory=list)
    shaded: list[bool] = field(default_factory=list)
    new_shd: bool = False           # Word 2000+ shading read: it wins over Word 97's


@dataclass
class _Para:
    """One paragraph of the main text, as its properties place it."""
    depth: int = 0                  # table depth: 0 body, 1 a table, 2 a table in a cell …
    cell_end: bool = False          # ends a cell of its table
    row_end: bool = False           # ends a row of its table (holds no text)
    shaded: bool = False            # the paragraph's own shading (sprmPShd)
    tap: Optional[_Tap] = None      # a row end's table properties
    clean: str = ""                 # the text a reader sees, list label first
    style: str = ""                 # its style's name, "" for Normal


# sprm operand sizes by spra (MS-DOC 2.2.5.1); 6: variable, the size in the first byte
_SPRA_SIZE = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}
_S_INTABLE, _S_TTP, _S_ITAP = 0x2416, 0x2417, 0x6649
_S_INNER_CELL, _S_INNER_TTP = 0x244B, 0x244C
_S_HUGE_PAPX = 0x6646
_S_ILVL, _S_ILFO = 0x260A, 0x460B
_S_TDEF, _S_SHD80, _S_PSHD80, _S_PSHD = 0xD608, 0xD609, 0x442D, 0xC64D
# sprmTDefTableShd (cells 0-21), …2nd (22-43), …3rd (44-62), and their Raw forms
_S_TSHD = {0xD612: 0, 0xD616: 22, 0xD60C: 44, 0xD670: 0, 0xD671: 22, 0xD672: 44}
_S_TSETSHD80, _S_TSETSHD = 0x7627, 0xD62D
# character properties that change the text a reader gets: struck (sprmCFStrike,
# sprmCFDStrike) and tracked-deleted (sprmCFRMarkDel) text is left out as the DOCX reader leaves
# out w:strike runs and w:del; superscript (sprmCIss) keeps a footnote digit apart; special
# characters (sprmCFSpec) are objects, not text. Hidden text (sprmCFVanish) is kept: the DOCX
# reader keeps w:vanish runs.
_S_CSTRIKE, _S_CDSTRIKE, _S_CDEL, _S_CISS, _S_CSPEC = 0x0837, 0x2A53, 0x0800, 0x2A48, 0x0855
_DROP, _SUP, _SPEC = 1, 2, 4
_WHITE_ICO = (0, 8)             # auto, white
# Word's marks in the text stream (MS-DOC 2.8): 0x0B line break and 0x0C / 0x0E page and column
# breaks inside a paragraph are line breaks (the DOCX reader gives w:br as "\n"); 0x1E a
# non-breaking hyphen (w:noBreakHyphen, "-"); 0x1F an optional hyphen, 0x01-0x06 and 0x08
# pictures, footnote and comment references, drawn objects: no text
_CHAR_FOR = {"\x0b": "\n", "\x0c": "\n", "\x0e": "\n", "\x1e": "-", "\x1f": "", "\x00": "",
             **{chr(c): "" for c in (1, 2, 3, 4, 5, 6, 8)}}
_MARK = re.compile("[\r\x07\x0c]")       # paragraph, cell / row and section marks
_FLAGGED = re.compile(b"[^\x00]")
_SPECIAL = re.compile("[\x00-\x06\x08\x0b\x0c\x0e\x13-\x15\x1e\x1f]")


def _sprms(b: bytes, pos: int, end: int):
    """(sprm, operand) of a grpprl."""
    while pos + 2 <= end:
        sprm = b[pos] | b[pos + 1] << 8
        pos += 2
        spra = sprm >> 13
        if spra == 6:
            if sprm == _S_TDEF:             # a 2-byte size, counting itself less one
                if pos + 2 > end:
                    return
                n = (b[pos] | b[pos + 1] << 8) + 1
            elif pos < end:
                n = b[pos] + 1
            else:
                return
        else:
            n = _SPRA_SIZE[spra]
        if pos + n > end:
            return
        yield sprm, b[pos:pos + n]
        pos += n


def _fill80(shd: int) -> bool:
    """A Word 97 SHD80 that colours the background (as docx._is_fill for w:shd)."""
    fore, back, pat = shd & 0x1F, (shd >> 5) & 0x1F, shd >> 10
    return back not in _WHITE_ICO or (pat == 1 and fore not in _WHITE_ICO)


def _fill(shd: bytes) -> bool:
    """A Word 2000+ Shd (cvFore, cvBack, ipat) that colours the background."""
    def colour(cv: bytes) -> bool:          # neither auto (fAuto 0xFF) nor white
        return cv[3] != 0xFF and cv[:3] != b"\xff\xff\xff"
    pat = shd[8] | shd[9] << 8
    if pat == 0xFFFF:                       # ipatNil
        return False
    return colour(shd[4:8]) or (pat == 1 and colour(shd[0:4]))


def _piece_table(table: bytes, fib: _Fib) -> list[tuple[int, int, int, bool]]:
    """(first cp, cp after, fc, compressed) of every piece of the main text (the Clx's PlcPcd;
    a compressed piece's fc is a byte offset of 8-bit text, as MS-DOC 2.9.73 gives it)."""
    clx = table[fib.fc_clx:fib.fc_clx + fib.lcb_clx]
    pos = 0
    while pos < len(clx) and clx[pos] == 1:            # Prc: formatting, skipped
        pos += 3 + struct.unpack_from("<H", clx, pos + 1)[0]
    if pos >= len(clx) or clx[pos] != 2:
        raise ReadError("corrupt", "no piece table")
    lcb = struct.unpack_from("<I", clx, pos + 1)[0]
    plc = clx[pos + 5:pos + 5 + lcb]
    n = (len(plc) - 4) // 12
    cps = struct.unpack_from(f"<{n + 1}I", plc)
    out = []
    for k in range(n):
        fc = struct.unpack_from("<I", plc, 4 * (n + 1) + 8 * k + 2)[0]
        compressed = bool(fc & 0x40000000)
        fc &= 0x3FFFFFFF
        out.append((cps[k], cps[k + 1], (fc // 2 if compressed else fc), compressed))
    return out


def _decode(word: bytes, pieces: list, ccp: int) -> tuple[str, list[tuple[int, int, int, int]]]:
    """The main text (its first ``ccp`` characters) and where each piece of it lies: (fc, fc
    after, index of its first character in the text, bytes a character)."""
    texts: list[str] = []
    placed = []
    done = 0
    for cp0, cp1, fc, compressed in pieces:
        cp1 = min(cp1, ccp)
        if cp0 >= cp1:
            continue
        if compressed:
            # 8-bit text is Windows-1252 (one character a byte, as "replace" keeps it)
            text = word[fc:fc + (cp1 - cp0)].decode("cp1252", "replace")
            step = 1
        else:
            text = word[fc:fc + 2 * (cp1 - cp0)].decode("utf-16-le", "replace")
            step = 2
        texts.append(text)
        placed.append((fc, fc + len(text) * step, done, step))
        done += len(text)
    return "".join(texts), placed


class _Skeleton:
    """The main text's paragraphs in order: table depth, cell and row marks, row properties
    and shading from the paragraph properties (PlcBtePapx → PapxFkp); the text as a reader sees
    it (field codes, struck and deleted runs and objects left out, from the character
    properties PlcBteChpx → ChpxFkp); style name and list label."""

    def __init__(self, ole: _Ole, word: bytes, fib: _Fib):
        table = ole.stream(fib.table)
        if table is None:
            raise ReadError("corrupt", f"no {fib.table} stream")
        self.word = word
        self.data = ole.stream("Data")
        self._runs = self._fkp_runs(table, fib.fc_papx, fib.lcb_papx, 13)
        self._starts = [r[0] for r in self._runs]
        self._papx_cache: dict[int, tuple[int, list]] = {}
        self.text, self._placed = _decode(word, _piece_table(table, fib), fib.ccp_text)
        ends = {r[1] for r in self._runs}
        marks = []                  # (fc of a paragraph mark, the mark, its place in ``text``)
        firsts = [x[2] for x in self._placed]
        for m in _MARK.finditer(self.text):
            i = m.start()
            fc0, _, first, step = self._placed[bisect.bisect_right(firsts, i) - 1]
            at = fc0 + (i - first) * step
            # 0x0C ends a paragraph as a section mark (the paragraph's properties end there),
            # else it is a page break inside one
            if m.group() != "\x0c" or at + step in ends:
                marks.append((at, m.group(), i))
        self._styles = _Styles(table, fib)
        self._lists = _Lists(table, fib)
        self._chars = self._char_flags(table, fib)
        self._fields: list[bool] = []           # open fields: True once in their result
        self.paragraphs = self._walk(marks)

    def _fkp_runs(self, table: bytes, fc_plc: int, lcb: int,
                  entry: int) -> list[tuple[int, int, int]]:
        """(first fc, fc after, offset of the properties or -1) of every run of a PlcBtePapx
        (``entry`` 13: a BxPap a run) or PlcBteChpx (``entry`` 1: a byte), by fc."""
        plc = table[fc_plc:fc_plc + lcb]
        n = (len(plc) - 4) // 8
        pns = struct.unpack_from(f"<{n}I", plc, 4 * (n + 1)) if n > 0 else ()
        runs = []
        word = self.word
        for pn in pns:
            base = (pn & 0x3FFFFF) * 512
            if base + 512 > len(word):
                raise ReadError("corrupt", "a property page lies past the stream")
            crun = word[base + 511]
            fcs = struct.unpack_from(f"<{crun + 1}I", word, base)
            for k in range(crun):
                off = word[base + 4 * (crun + 1) + entry * k] * 2
                runs.append((fcs[k], fcs[k + 1], base + off if off else -1))
        runs.sort()
        return runs

    def _papx_at(self, fc: int) -> tuple[int, list]:
        """The style (istd) and (sprm, operand)s of the paragraph whose mark is at ``fc``; a
        grpprl too large for its page (sprmPHugePapx: a table row's properties, often) is read
        from the Data stream."""
        k = bisect.bisect_right(self._starts, fc) - 1
        if k < 0 or fc >= self._runs[k][1] or self._runs[k][2] < 0:
            return 0, []
        at = self._runs[k][2]
        hit = self._papx_cache.get(at)
        if hit is not None:             # paragraphs sharing one PAPX (every body line, often)
            return hit
        w = self.word
        cb = w[at]
        if cb:
            start, size = at + 1, 2 * cb - 1
        else:
            start, size = at + 2, 2 * w[at + 1]
        istd = w[start] | w[start + 1] << 8 if start + 2 <= len(w) else 0
        out = []
        for sprm, op in _sprms(w, start + 2, min(start + size, len(w))):    # after the istd
            if sprm == _S_HUGE_PAPX and self.data is not None:
                off = struct.unpack_from("<I", op)[0]
                if off + 2 <= len(self.data):
                    n = struct.unpack_from("<H", self.data, off)[0]
                    out.extend(_sprms(self.data, off + 2, min(off + 2 + n, len(self.data))))
            else:
                out.append((sprm, op))
        self._papx_cache[at] = (istd, out)
        return istd, out

    def _char_flags(self, table: bytes, fib: _Fib) -> bytearray:
        """Per character of ``text``: _DROP (struck or deleted), _SPEC, and _SUP where a
        superscript run starts."""
        flags = bytearray(len(self.text))
        placed = sorted(self._placed)
        fcs = [x[0] for x in placed]
        w = self.word
        done = 0                        # runs overlap only in a damaged file: each fc once
        for fc0, fc1, at in self._fkp_runs(table, fib.fc_chpx, fib.lcb_chpx, 1):
            fc0 = max(fc0, done)
            done = max(done, fc1)
            if at < 0 or fc0 >= fc1:
                continue
            f = 0
            for sprm, op in _sprms(w, at + 1, min(at + 1 + w[at], len(w))):
                on = op[0] in (1, 0x81)         # toggles: on, or the opposite of the style's
                if sprm in (_S_CSTRIKE, _S_CDSTRIKE, _S_CDEL):
                    f = f | _DROP if on else f & ~_DROP
                elif sprm == _S_CSPEC:
                    f = f | _SPEC if on else f & ~_SPEC
                elif sprm == _S_CISS:
                    f = f | _SUP if op[0] == 1 else f & ~_SUP
            if not f:
                continue
            k = max(0, bisect.bisect_right(fcs, fc0) - 1)
            while k < len(placed) and placed[k][0] < fc1:
                p0, p1, start, step = placed[k]
                k += 1
                a, b = max(fc0, p0), min(fc1, p1)
                if a >= b:
                    continue
                i, j = start + (a - p0) // step, start + (b - p0 + step - 1) // step
                if f & _SUP:
                    flags[i] |= _SUP
                if f & ~_SUP:
                    for x in range(i, j):
                        flags[x] |= f & ~_SUP
        return flags

    def _clean(self, a: int, b: int) -> str:
        """The text of ``text[a:b]`` as a reader sees it."""
        s = self.text[a:b]
        flags = self._chars
        fields = self._fields
        if not fields and not _FLAGGED.search(flags, a, b) and not _SPECIAL.search(s):
            return s
        out: list[str] = []
        for i, c in enumerate(s, a):
            if c == "\x13":                 # a field begins: its code first
                fields.append(False)
                continue
            if c == "\x14":                 # the field's result follows
                if fields:
                    fields[-1] = True
                continue
            if c == "\x15":
                if fields:
                    fields.pop()
                continue
            if fields and not all(fields) or flags[i] & _DROP:
                continue
            if flags[i] & _SPEC and c not in "\x0b\x0c\x0e\x1e\x1f\t":
                continue                    # a picture, reference or symbol: no text
            c = _CHAR_FOR.get(c, c)
            if flags[i] & _SUP and c[:1].isdigit() and out and out[-1][-1:].isdigit():
                out.append(" ")             # a footnote mark after a number, as DOCX keeps it
            out.append(c)
        return "".join(out)

    def _walk(self, marks: list[tuple[int, str, int]]) -> list[_Para]:
        out: list[_Para] = []
        last = -1
        for fc, ch, at in marks:
            p = _Para()
            start = last + 1
            last = at
            in_table = ttp = inner_cell = inner_ttp = False
            itap = ilfo = ilvl = None
            tap = None
            istd, sprms = self._papx_at(fc)
            for sprm, op in sprms:
                if sprm == _S_INTABLE:
                    in_table = bool(op[0])
                elif sprm == _S_ITAP:
                    itap = struct.unpack_from("<i", op)[0]
                elif sprm == _S_TTP:
                    ttp = bool(op[0])
                elif sprm == _S_INNER_CELL:
                    inner_cell = bool(op[0])
                elif sprm == _S_INNER_TTP:
                    inner_ttp = bool(op[0])
                elif sprm == _S_PSHD80:
                    p.shaded = _fill80(struct.unpack_from("<H", op)[0])
                elif sprm == _S_PSHD and len(op) >= 11:
                    p.shaded = _fill(op[1:11])
                elif sprm == _S_ILFO:
                    ilfo = struct.unpack_from("<h", op)[0]
                elif sprm == _S_ILVL:
                    ilvl = op[0]
                elif sprm == _S_TDEF or sprm == _S_SHD80 or sprm in _S_TSHD or \
                        sprm == _S_TSETSHD80 or sprm == _S_TSETSHD:
                    tap = tap or _Tap()
                    _tap_sprm(tap, sprm, op)
            depth = max(0, min(itap, 64)) if itap is not None else (1 if in_table else 0)
            if depth == 0 and in_table:
                depth = 1
            p.depth = depth
            text = self._clean(start, at)
            if text.strip():
                text = self._styles.label(istd, ilfo, ilvl, self._lists) + text
            p.clean = text
            p.style = self._styles.name(istd)
            if depth == 1:              # a top-level table: 0x07 ends a cell, or with TTP a row
                p.row_end = ttp
                p.cell_end = ch == "\x07" and not ttp
                p.tap = tap if ttp else None
            elif depth > 1:             # a nested one: marked by properties (MS-DOC 2.4.3)
                p.cell_end = inner_cell
                p.row_end = inner_ttp
                p.tap = tap
            out.append(p)
        return out


class _Styles:
    """Style names and the list numbering paragraph styles carry, from the stylesheet (STSH,
    MS-DOC 2.9.271): an STD a style, its name after its base part, then its UPXs (a paragraph
    style's first holds its paragraph properties)."""

    def __init__(self, table: bytes, fib: _Fib):
        self.names: dict[int, str] = {}
        own: dict[int, tuple[Optional[int], Optional[int], int]] = {}   # ilfo, ilvl, base
        stsh = table[fib.fc_stsh:fib.fc_stsh + fib.lcb_stsh]
        try:
            cb_stshi = struct.unpack_from("<H", stsh, 0)[0]
            cstd, cb_base = struct.unpack_from("<HH", stsh, 2)
            pos = 2 + cb_stshi
            for istd in range(cstd):
                cb = struct.unpack_from("<H", stsh, pos)[0]
                std = stsh[pos + 2:pos + 2 + cb]
                pos += 2 + cb
                if len(std) < max(10, cb_base + 2):
                    continue
                stk, base = std[2] & 0xF, (std[2] | std[3] << 8) >> 4
                cch = struct.unpack_from("<H", std, cb_base)[0]
                name = std[cb_base + 2:cb_base + 2 + 2 * cch].decode("utf-16-le", "replace")
                self.names[istd] = name
                at = cb_base + 4 + 2 * cch
                at += at & 1
                if stk == 1 and at + 2 <= len(std):      # a paragraph style: UpxPapx first
                    n = struct.unpack_from("<H", std, at)[0]
                    ilfo = ilvl = None
                    for sprm, op in _sprms(std, at + 4, min(at + 2 + n, len(std))):
                        if sprm == _S_ILFO:
                            ilfo = struct.unpack_from("<h", op)[0]
                        elif sprm == _S_ILVL:
                            ilvl = op[0]
                    own[istd] = (ilfo, ilvl, base)
        except struct.error:
            pass                            # the names read so far; the rest unnamed
        self.numbered: dict[int, tuple[int, int]] = {}
        for istd in own:                    # a style's numbering, through its bases
            ilfo = ilvl = None
            s, seen = istd, set()
            while s in own and s not in seen and (ilfo is None or ilvl is None):
                seen.add(s)
                a, b, s = own[s]
                ilfo = a if ilfo is None else ilfo
                ilvl = b if ilvl is None else ilvl
            if ilfo:
                self.numbered[istd] = (ilfo, ilvl or 0)

    def name(self, istd: int) -> str:
        name = self.names.get(istd, "")
        return "" if name == "Normal" else name

    def label(self, istd: int, ilfo: Optional[int], ilvl: Optional[int],
              lists: "_Lists") -> str:
        if ilfo is None and istd in self.numbered:
            ilfo, style_lvl = self.numbered[istd]
            ilvl = style_lvl if ilvl is None else ilvl
        if not ilfo or ilfo < 0:            # 0: no list; 0xF801: numbering removed
            return ""
        return lists.label(ilfo, ilvl or 0)


# LVLF.nfc (MS-DOC 2.9.149) as the DOCX reader's numFmt names
_NFC = {0: "decimal", 1: "upperRoman", 2: "lowerRoman", 3: "upperLetter", 4: "lowerLetter",
        23: "bullet", 255: "none", 53: "thaiLetters", 54: "thaiNumbers"}


class _Lists:
    """Word's list numbers rendered as the DOCX reader renders numbering.xml (docx._Numbering):
    the lists (PlfLst: LSTF and their LVLs) and the list overrides paragraphs name by ilfo
    (PlfLfo: LFO and LFOData with start-at overrides)."""

    def __init__(self, table: bytes, fib: _Fib):
        self.levels: dict[int, dict[int, dict]] = {}      # ilfo -> ilvl -> level
        self.counters: dict[int, list[int]] = {}
        try:
            by_lsid = self._lists(table, fib.fc_lst, fib.lcb_lst)
            self._overrides(table, fib.fc_lfo, fib.lcb_lfo, by_lsid)
        except (struct.error, IndexError):
            pass                # the lists read so far; paragraphs of others get no label

    @staticmethod
    def _lists(table: bytes, fc: int, lcb: int) -> dict[int, dict[int, dict]]:
        out: dict[int, dict[int, dict]] = {}
        if not lcb:
            return out
        n = struct.unpack_from("<h", table, fc)[0]
        lstfs = []
        for k in range(max(0, n)):
            at = fc + 2 + 28 * k
            lstfs.append((struct.unpack_from("<i", table, at)[0], table[at + 26] & 1))
        pos = fc + 2 + 28 * max(0, n)           # the LVLs follow the PlfLst
        for lsid, simple in lstfs:
            levels = {}
            for ilvl in range(1 if simple else 9):
                start = struct.unpack_from("<i", table, pos)[0]
                nfc = table[pos + 4]
                pos += 28 + table[pos + 25] + table[pos + 24]     # grpprlPapx, grpprlChpx
                cch = struct.unpack_from("<H", table, pos)[0]
                xst = table[pos + 2:pos + 2 + 2 * cch].decode("utf-16-le", "replace")
                pos += 2 + 2 * cch
                levels[ilvl] = {"start": start, "fmt": _NFC.get(nfc, "decimal"), "text": xst}
            out[lsid] = levels
        return out

    def _overrides(self, table: bytes, fc: int, lcb: int, by_lsid: dict) -> None:
        if not lcb:
            return
        n = struct.unpack_from("<i", table, fc)[0]
        lfos = []
        for k in range(max(0, min(n, 0x7FFE))):
            at = fc + 4 + 16 * k
            lfos.append((struct.unpack_from("<i", table, at)[0], table[at + 12]))
        for k, (lsid, _) in enumerate(lfos):     # levels first: overrides may be unreadable
            if lsid in by_lsid:
                self.levels[k + 1] = {i: dict(v) for i, v in by_lsid[lsid].items()}
        pos = fc + 4 + 16 * len(lfos)
        for k, (lsid, clfolvl) in enumerate(lfos):
            pos += 4                             # LFOData.cp
            for _ in range(clfolvl):
                start, grf = struct.unpack_from("<iI", table, pos)
                pos += 8
                ilvl = grf & 0xF
                if grf & 0x10 and k + 1 in self.levels and ilvl in self.levels[k + 1]:
                    self.levels[k + 1][ilvl]["start"] = start
                if grf & 0x20:                   # fFormatting: a whole LVL follows
                    lvl_start = struct.unpack_from("<i", table, pos)[0]
                    nfc = table[pos + 4]
                    pos += 28 + table[pos + 25] + table[pos + 24]
                    cch = struct.unpack_from("<H", table, pos)[0]
                    xst = table[pos + 2:pos + 2 + 2 * cch].decode("utf-16-le", "replace")
                    pos += 2 + 2 * cch
                    if k + 1 in self.levels:
                        self.levels[k + 1][ilvl] = {"start": lvl_start,
                                                    "fmt": _NFC.get(nfc, "decimal"), "text": xst}

    def label(self, ilfo: int, ilvl: int) -> str:
        """docx._Numbering.label for list ``ilfo`` (numId), level ``ilvl``: the xst's
        characters 0-8 stand for the numbers of levels 1-9."""
        levels = self.levels.get(ilfo)
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(ilfo, [0] * 10)
        counters[ilvl] += 1
        for deeper in range(ilvl + 1, len(counters)):
            counters[deeper] = 0
        level = levels[ilvl]
        if level["fmt"] == "bullet":
            return "• "
        text = level["text"]
        if level["fmt"] == "none":
            return (text + " ") if text else ""
        from .docx import _Numbering
        out = []
        for c in text:
            k = ord(c)
            if k < 9:
                if k in levels:
                    n = levels[k]["start"] - 1 + max(counters[k], 1)
                    out.append(_Numbering._format(n, levels[k]["fmt"]))
            else:
                out.append(c)
        rendered = "".join(out)
        return rendered + " " if rendered else ""



def _tap_sprm(tap: _Tap, sprm: int, op: bytes) -> None:
    if sprm == _S_TDEF:
        n = op[2] if len(op) > 2 else 0
        if len(op) < 3 + 2 * (n + 1):
            return
        tap.edges = list(struct.unpack_from(f"<{n + 1}h", op, 3))
        pos = 3 + 2 * (n + 1)
        tap.tcgrf = [struct.unpack_from("<H", op, pos + 20 * k)[0]
                     for k in range(n) if pos + 20 * k + 2 <= len(op)]
        if len(tap.shaded) < n:
            tap.shaded.extend([False] * (n - len(tap.shaded)))
    elif sprm == _S_SHD80:
        vals = [struct.unpack_from("<H", op, 1 + 2 * k)[0] for k in range((len(op) - 1) // 2)]
        if not tap.new_shd:
            _set(tap, 0, [_fill80(v) for v in vals])
    elif sprm in _S_TSHD:
        vals = [_fill(op[1 + 10 * k:11 + 10 * k]) for k in range((len(op) - 1) // 10)]
        if _S_TSHD[sprm] == 0:
            tap.new_shd = True
        _set(tap, _S_TSHD[sprm], vals)
    elif sprm == _S_TSETSHD80 and len(op) >= 4:
        _set(tap, op[0], [_fill80(struct.unpack_from("<H", op, 2)[0])] * max(0, op[1] - op[0]))
    elif sprm == _S_TSETSHD and len(op) >= 13:
        _set(tap, op[1], [_fill(op[3:13])] * max(0, op[2] - op[1]))


def _set(tap: _Tap, first: int, vals: list[bool]) -> None:
    need = first + len(vals)
    if len(tap.shaded) < need:
        tap.shaded.extend([False] * (need - len(tap.shaded)))
    tap.shaded[first:need] = vals
