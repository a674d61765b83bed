"""Word 97-2003 (.doc) reader: paragraphs and tables in body order, merges resolved, nested
tables, shaded cells, the way the DOCX reader gives them.

The text comes from wvWare (Debian package ``wv``), run with the HTML filter wvHtml uses, in a
private temporary folder with a time limit and a bound on what it may write; its HTML is walked
with the standard library's html.parser: a paragraph per ``<div name=STYLE>``, tables with their
``rowspan``/``colspan`` (a cell wvHtml writes with ``rowspan="0"`` continues the merged cell
above), struck and deleted text (``<s>``) and revision and comment marks (``<a href="#author…">``,
``#comment``) left out as the DOCX reader leaves out tracked deletions and struck runs, list items
numbered from ``<ol>``/``<li value>``.

wvHtml gets two things wrong that thaiforms needs, so they are read from the file itself
(``_Skeleton``: the compound file's streams, the FIB, the piece table and the paragraph
properties of every paragraph; a few hundred lines where no maintained Python library reads
.doc paragraph properties):
- cell shading: wvHtml writes every cell ``bgcolor="White"`` (it reads only the Word 97 shading
  and not even that as LibreOffice and Word 2000+ write it), so Gantt bars were lost; the row's
  sprmTDefTableShd / sprmTDefTableShd80 and the paragraph's sprmPShd say which cells are filled;
- nested tables: wvHtml writes a table nested in a cell as loose paragraphs of that cell; the
  paragraphs' table depth (sprmPItap) and inner cell / row marks rebuild it, its grid from the
  inner row's sprmTDefTable.
wvHtml's paragraphs are matched to the file's one for one (wvHtml writes every paragraph but the
end-of-row marks of top-level tables); where the counts differ the HTML is used as it is and the
document's warnings say so.

Page headers and footers and text boxes are not read (wvHtml does not write them).
"""
from __future__ import annotations

import bisect
import os
import re
import shutil
import struct
import subprocess
import tempfile
import threading
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Optional

from schemas.document import Cell, Document, Page, Paragraph, Table

from ..repair import repair_thai
from .common import ReadError, ReadLimits

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
WVHTML_TIMEOUT = 60            # seconds wvWare may take over one file
_MISSING_TH = ("ไฟล์ Word รุ่นเก่า (.doc) ต้องใช้โปรแกรม wvHtml (แพ็กเกจ wv) จึงจะอ่านได้ "
               "หรือเปิดด้วย Word/LibreOffice แล้วบันทึกเป็น .docx")


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
    warnings: list[str] = []
    skeleton = None
    if fib.word97:
        try:
            skeleton = _Skeleton(ole, word, fib).paragraphs
        except (ReadError, struct.error, IndexError, ValueError, KeyError):
            # the structure is only needed for shading and nested tables: wvHtml may still read it
            warnings.append("the paragraph properties of the .doc could not be read: cell "
                            "shading and nested tables are not known")
    html = _run_wvhtml(path, data, limits)
    parsed = _HtmlDoc()
    try:
        parsed.feed(html)
        parsed.close()
    except AssertionError as e:       # html.parser's way of refusing markup
        raise ReadError("corrupt", f"{path.name}: wvHtml wrote unreadable HTML ({e})") from e
    if skeleton is not None and len(skeleton) != len(parsed.paras):
        warnings.append(f"wvHtml gave {len(parsed.paras)} paragraphs where the .doc has "
                        f"{len(skeleton)}: cell shading and nested tables are not known")
        skeleton = None
    blocks = _Builder(parsed, skeleton, warnings).blocks()
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


# --- wvHtml -------------------------------------------------------------------------------------

def _wv_tools() -> Optional[tuple[str, str]]:
    """wvWare and the HTML filter wvHtml hands it (wvHtml is a shell script running
    ``wvWare -x <datadir>/wv/wvHtml.xml``); None when the wv package is not installed."""
    wvhtml = shutil.which("wvHtml")
    if not wvhtml:
        return None
    wvware = shutil.which("wvWare") or str(Path(wvhtml).with_name("wvWare"))
    for share in (Path(wvhtml).resolve().parent.parent / "share", Path("/usr/share"),
                  Path("/usr/local/share")):
        cfg = share / "wv" / "wvHtml.xml"
        if cfg.is_file() and os.access(wvware, os.X_OK):
            return wvware, str(cfg)
    return None


def _run_wvhtml(path: Path, data: bytes, limits: ReadLimits) -> str:
    tools = _wv_tools()
    if tools is None:
        raise ReadError("unsupported", f"{path.name} is an old binary Word file (Word 97-2003 "
                        ".doc); reading it needs wvHtml (Debian package wv: apt-get install wv), "
                        "or open it in Word or LibreOffice and save it as .docx", _MISSING_TH)
    wvware, cfg = tools
    # HTML runs to ≈400 bytes a table cell and 3 bytes a Thai character: far below this
    out_limit = min(1 << 30, 64 * 1024 * 1024 + 200 * len(data))

    def bound_output():             # in the child: writing past the bound kills it (SIGXFSZ)
        import resource
        resource.setrlimit(resource.RLIMIT_FSIZE, (out_limit, out_limit))

    with tempfile.TemporaryDirectory(prefix="thaiforms_doc_") as tmp:
        src = Path(tmp) / "in.doc"          # a name of our own: no option-like or odd names
        src.write_bytes(data)
        out = Path(tmp) / "out.html"
        err = Path(tmp) / "err.txt"
        # --nographics: pictures are not extracted (wvHtml's own run writes them beside)
        cmd = [wvware, "--nographics", "-x", cfg, "-c", "UTF-8", "-d", tmp, "-b", "in",
               str(src)]
        # a timer kills it at the limit: subprocess's own timeout polls, which cost ≈40 ms a file
        killed = threading.Event()
        try:
            with open(out, "wb") as fo, open(err, "wb") as fe:
                proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=fo, stderr=fe,
                                        cwd=tmp, preexec_fn=bound_output)

                def kill():
                    killed.set()
                    proc.kill()
                timer = threading.Timer(WVHTML_TIMEOUT, kill)
                timer.start()
                try:
                    rc = proc.wait()
                finally:
                    timer.cancel()
        except OSError as e:
            raise ReadError("unsupported", f"{path.name}: wvHtml cannot be run ({e}); open it "
                            "in Word or LibreOffice and save it as .docx", _MISSING_TH) from e
        if killed.is_set():
            raise ReadError("corrupt", f"{path.name}: wvHtml did not finish within "
                            f"{WVHTML_TIMEOUT} s")
        message = err.read_bytes()[:2000].decode("utf-8", "replace").strip()
        html = out.read_bytes()
    if rc != 0 or not html.strip():
        low = message.lower()
        if "password" in low or "encrypt" in low:
            raise ReadError("encrypted", f"{path.name} is a password-protected Word document")
        what = f"exit status {rc}" if rc >= 0 else f"killed by signal {-rc}"
        raise ReadError("too_large" if rc == -25 else "corrupt",      # 25: SIGXFSZ
                        f"{path.name}: wvHtml could not read it ({what}"
                        + (f": {message.splitlines()[-1]}" if message else "") + ")")
    # the template's styling attributes are most of its bytes and none of the content (text
    # holds no raw quotes: wvHtml writes &quot;); parsing without them is ≈3x faster
    return _STYLING.sub("", html.decode("utf-8", "replace"))


_STYLING = re.compile(r' (?:style|width|align|bgcolor|text|link|vlink)="[^"]*"')


# --- wvHtml's HTML ------------------------------------------------------------------------------

@dataclass
class _Td:
    rowspan: int
    colspan: int
    items: list = field(default_factory=list)    # ("p", paragraph index) / ("t", _HtmlTable)


@dataclass
class _HtmlTable:
    rows: list = field(default_factory=list)     # of lists of _Td
    cols: int = 0


class _HtmlDoc(HTMLParser):
    """wvHtml's output as body items (("p", index) / ("t", _HtmlTable)) and the paragraphs'
    texts in document order. The HTML is wvWare's template, not free-form: a paragraph is
    ``<p><div name=STYLE …><p style=…>\\nTEXT\\n</p></div>``, runs are ``<b>``/``<i>``/``<font>``…
    (ignored), line breaks ``<br>``; the template's own newlines are not text (Word text holds
    none: its line and paragraph breaks are marks)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.body: list = []
        self.paras: list[tuple[str, str]] = []       # (raw text with list label, style)
        self._tables: list[_HtmlTable] = []
        self._td: list[Optional[_Td]] = []           # the open cell of each open table
        self._buf: Optional[list[str]] = None
        self._style = ""
        self._skip = 0                # inside <s> (struck/deleted) or a revision/comment anchor
        self._anchor_skip: list[bool] = []
        self._lists: list[list] = []  # open <ol>/<ul>: [type, value]
        self._sup = False
        self._before_text = False

    # paragraphs
    def _start_para(self, style: str) -> None:
        if self._buf is not None:
            self._end_para()
        self._buf = []
        self._style = "" if style == "Normal" else style
        self._sup = False
        self._before_text = True      # the template's blank between <div> and <p>: not text

    def _end_para(self) -> None:
        if self._buf is None:
            return
        text = "".join(self._buf)
        self._buf = None
        label = ""
        if self._lists and text.strip():
            label = _list_label(*self._lists[-1])
        index = len(self.paras)
        self.paras.append((label + text, self._style))
        self._place(("p", index))

    def _place(self, item) -> None:
        td = self._td[-1] if self._td else None
        if self._tables:
            if td is not None:
                td.items.append(item)
            elif item[0] == "t":         # a table outside any cell of the open table: keep it
                self.body.append(item)
            else:                        # text between cells: the last cell's
                rows = self._tables[-1].rows
                if rows and rows[-1]:
                    rows[-1][-1].items.append(item)
                else:
                    self.body.append(item)
        else:
            self.body.append(item)

    def handle_starttag(self, tag, attrs):
        if tag == "div":
            name = dict(attrs).get("name")
            if name is not None:
                self._start_para(name)
        elif tag == "p":
            self._before_text = False
        elif tag == "br":
            if self._buf is not None and not self._skip:
                self._buf.append("\n")
        elif tag == "s":
            self._skip += 1
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            marks = href.startswith("#author") or href.startswith("#comment")
            self._anchor_skip.append(marks)
            if marks:
                self._skip += 1
        elif tag == "sup":
            self._sup = True
        elif tag == "table":
            self._end_para()
            t = _HtmlTable()
            try:
                t.cols = max(0, min(int(dict(attrs).get("cols") or 0), 4096))
            except ValueError:
                t.cols = 0
            self._tables.append(t)
            self._td.append(None)
        elif tag == "tr" and self._tables:
            self._end_para()
            self._tables[-1].rows.append([])
            self._td[-1] = None
        elif tag == "td" and self._tables:
            self._end_para()
            a = dict(attrs)
            td = _Td(rowspan=_int(a.get("rowspan"), 1), colspan=max(1, _int(a.get("colspan"), 1)))
            t = self._tables[-1]
            if not t.rows:
                t.rows.append([])
            t.rows[-1].append(td)
            self._td[-1] = td
        elif tag in ("ol", "ul"):
            self._end_para()
            self._lists.append(["bullet" if tag == "ul" else dict(attrs).get("type") or "1", 1])
        elif tag == "li" and self._lists:
            self._lists[-1][1] = _int(dict(attrs).get("value"), self._lists[-1][1])

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in ("s", "a"):
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag == "div":
            self._end_para()
        elif tag == "s":
            self._skip = max(0, self._skip - 1)
        elif tag == "a":
            if self._anchor_skip and self._anchor_skip.pop():
                self._skip = max(0, self._skip - 1)
        elif tag == "sup":
            self._sup = False
        elif tag == "td" and self._tables:
            self._end_para()
            self._td[-1] = None
        elif tag == "table" and self._tables:
            self._end_para()
            t = self._tables.pop()
            self._td.pop()
            self._place(("t", t))
        elif tag in ("ol", "ul") and self._lists:
            self._end_para()
            self._lists.pop()

    def handle_data(self, data):
        if self._buf is None or self._skip or self._before_text:
            return
        data = data.replace("\n", "").replace("\r", "")
        if not data:
            return
        # a superscript digit run right after a digit (a footnote mark) is kept apart by a
        # space, as the DOCX reader does
        if self._sup and data[:1].isdigit() and self._buf and self._buf[-1][-1:].isdigit():
            self._buf.append(" ")
        self._buf.append(data)

    def close(self):
        super().close()
        self._end_para()
        while self._tables:                     # unclosed tables: keep what was read
            self.handle_endtag("table")


def _int(value, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _list_label(kind: str, value: int) -> str:
    """The label Word shows before a list item (the DOCX reader renders them from numbering.xml;
    wvHtml gives the list type and the item's number)."""
    if kind == "bullet":
        return "• "
    if kind in ("a", "A"):
        s = chr(ord("a") + (value - 1) % 26)
        return (s.upper() if kind == "A" else s) + ". "
    if kind in ("i", "I"):
        from .docx import _roman
        s = _roman(value)
        return (s if kind == "I" else s.lower()) + ". "
    return f"{value}. "


# --- the document model ------------------------------------------------------------------------

class _Builder:
    """Blocks from the parsed HTML, with shading and nested tables from the file's paragraph
    properties (``skeleton``: one _Para per HTML paragraph, or None)."""

    def __init__(self, parsed: _HtmlDoc, skeleton: Optional[list["_Para"]], warnings: list[str]):
        self.paras = parsed.paras
        self.body = parsed.body
        self.sk = skeleton
        self.warnings = warnings

    def blocks(self) -> list:
        out: list = []
        for kind, x in self.body:
            if kind == "p":
                raw, style = self.paras[x]
                raw = self._text(x)
                if raw.strip():
                    out.append(Paragraph(text=repair_thai(raw.strip()), raw=raw, style=style))
            else:
                t = self._html_table(x, 0)
                if t is not None:
                    out.append(t)
        return out

    def _html_table(self, ht: _HtmlTable, depth: int) -> Optional[Table]:
        if depth > 20:
            self.warnings.append("tables nested more than 20 deep were skipped")
            return None
        rows = []
        for tr in ht.rows:
            row = []
            col = 0
            for td in tr:
                content, shaded, grf = self._content(td.items, depth)
                cont = td.rowspan == 0
                if grf is not None:
                    # wvHtml writes a merge that starts right below another as continuing it
                    cont = bool(grf & 0x20) and not grf & 0x40    # fVertMerge, not fVertRestart
                row.append(_Spec(col=col, colspan=td.colspan, cont=cont, shaded=shaded,
                                 content=content))
                col += td.colspan
            rows.append(row)
        return _make_table(rows, ht.cols)

    def _content(self, items: list, depth: int) -> tuple[list, bool, Optional[int]]:
        """A cell's content as ("p", raw) / ("t", Table) in order, whether it is shaded, and its
        merge flags as the file gives them (None: not known)."""
        content: list = []
        shaded = False
        grf: Optional[int] = None
        k = 0
        while k < len(items):
            kind, x = items[k]
            if kind == "t":
                t = self._html_table(x, depth + 1)
                if t is not None:
                    content.append(("t", t))
                k += 1
                continue
            rec = self.sk[x] if self.sk is not None else None
            if rec is not None and rec.depth > 1:
                # the paragraphs of a table nested here: wvHtml wrote them as the cell's own
                j = k
                while j < len(items) and items[j][0] == "p" and self.sk[items[j][1]].depth > 1:
                    j += 1
                for t in _nested([(self._text(i), self.sk[i]) for _, i in items[k:j]], 2,
                                 self.warnings):
                    content.append(("t", t))
                k = j
                continue
            if rec is not None:
                shaded = shaded or rec.cell_shaded or rec.shaded
                if rec.grf is not None:
                    grf = rec.grf
            content.append(("p", self._text(x)))
            k += 1
        return content, shaded, grf

    def _text(self, x: int) -> str:
        """Paragraph ``x``'s text from wvHtml, with the characters wvHtml writes as ASCII
        (‘ ’ as ` ', – as -) put back from the file's own text."""
        text = self.paras[x][0]
        if self.sk is None:
            return text
        source = self.sk[x].text
        if not any(c in source for c in _ASCII_FOR):
            return text
        out, j = [], 0
        for c in text:
            k = j
            while k < len(source) and source[k] != c and _ASCII_FOR.get(source[k]) != c:
                k += 1
            if k < len(source):
                out.append(source[k])
                j = k + 1
            else:
                out.append(c)
        return "".join(out)


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
                    from .docx import _row_lines
                    if folded is None:
                        folded = {}
                    for raw_line, text_line in _row_lines(x, nested):
                        folded[len(paras)] = text_line
                        paras.append(raw_line)
            raw = "\n".join(paras).strip("\n")
            if not raw:
                text = ""
            elif folded:
                lines = []
                for k, para in enumerate(paras):
                    if k in folded:
                        lines.append(folded[k])
                    else:
                        lines.extend(repair_thai(x.strip()) for x in para.split("\n"))
                text = "\n".join(lines).strip("\n")
            elif "\n" not in raw:
                text = repair_thai(raw.strip()).strip("\n")
            else:
                text = "\n".join(repair_thai(x.strip()) for x in raw.split("\n")).strip("\n")
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


def _nested(items: list[tuple[str, "_Para"]], depth: int, warnings: list[str]) -> list[Table]:
    """The tables of a run of paragraphs at table depth ``depth`` or deeper (texts from wvHtml,
    structure from the file): cells end at inner cell marks, rows at inner row marks, whose
    table properties give the grid."""
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
    # the grid: every column edge of every row
    edges = sorted({x for _, tap in rows if tap is not None for x in tap.edges})
    where = {x: i for i, x in enumerate(edges)}
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


# --- the file's structure ------------------------------------------------------------------------

class _Ole:
    """The streams of an OLE2 compound file (MS-CFB), read from its bytes with every chain and
    count bounded: a damaged file raises ReadError, never loops."""

    def __init__(self, data: bytes):
        self.data = data
        if len(data) < 1536:
            raise ReadError("truncated", "the compound file is cut short")
        shift, mini_shift = struct.unpack_from("<HH", data, 0x1E)
        if shift not in (9, 12) or mini_shift != 6:
            raise ReadError("corrupt", "the compound file header is damaged")
        self.size = 1 << shift
        self.n_sectors = (len(data) - self.size) // self.size
        (n_fat, first_dir, _, cutoff, first_mini, n_mini, first_difat,
         n_difat) = struct.unpack_from("<IIIIIIII", data, 0x2C)
        self.cutoff = cutoff
        sects = [s for s in struct.unpack_from("<109I", data, 0x4C) if s < 0xFFFFFFFA]
        per = self.size // 4 - 1
        s, seen = first_difat, set()
        while s < 0xFFFFFFFA and len(seen) < min(n_difat, self.n_sectors) + 1:
            if s in seen:
                raise ReadError("corrupt", "the compound file's sector table loops")
            seen.add(s)
            ids = struct.unpack_from(f"<{per + 1}I", self._sector(s))
            sects.extend(x for x in ids[:per] if x < 0xFFFFFFFA)
            s = ids[per]
        if len(sects) > self.n_sectors + 1:
            raise ReadError("corrupt", "the compound file's sector table is damaged")
        fat: list[int] = []
        for s in sects[:max(n_fat, len(sects))]:
            fat.extend(struct.unpack(f"<{self.size // 4}I", self._sector(s)))
        self.fat = fat
        d = self._chain_bytes(first_dir)
        self.entries = []
        for k in range(0, len(d) - 127, 128):
            n = struct.unpack_from("<H", d, k + 64)[0]
            kind = d[k + 66]
            name = d[k:k + max(0, min(n, 64) - 2)].decode("utf-16-le", "replace")
            left, right, child = struct.unpack_from("<III", d, k + 68)
            start, size = struct.unpack_from("<II", d, k + 116)
            self.entries.append((name, kind, left, right, child, start, size))
        if not self.entries or self.entries[0][1] != 5:
            raise ReadError("corrupt", "the compound file has no root entry")
        root = self.entries[0]
        self.top = self._children(root[4])          # the streams of the root storage
        self.ministream = self._chain_bytes(root[5], root[6]) if root[6] else b""
        self.minifat: list[int] = []
        if n_mini:
            mf = self._chain_bytes(first_mini)
            self.minifat = list(struct.unpack(f"<{len(mf) // 4}I", mf[:len(mf) // 4 * 4]))

    def _sector(self, s: int) -> bytes:
        off = (s + 1) * self.size
        if s >= self.n_sectors + (1 if len(self.data) % self.size else 0) or off >= len(self.data):
            raise ReadError("truncated", "the compound file is cut short (a sector lies past "
                            "its end)")
        return self.data[off:off + self.size].ljust(self.size, b"\0")

    def _chain_bytes(self, start: int, size: Optional[int] = None) -> bytes:
        out, s, seen = [], start, set()
        while s < 0xFFFFFFFA:
            if s in seen or s >= len(self.fat):
                raise ReadError("corrupt", "a stream's sector chain is damaged")
            seen.add(s)
            out.append(self._sector(s))
            if size is not None and len(out) * self.size >= size:
                break
            s = self.fat[s]
        data = b"".join(out)
        if size is not None and len(data) < size:
            raise ReadError("truncated", "a stream of the compound file is cut short")
        return data if size is None else data[:size]

    def _children(self, first: int) -> dict[str, tuple]:
        out: dict[str, tuple] = {}
        stack, seen = [first], set()
        while stack:
            i = stack.pop()
            if i >= len(self.entries) or i in seen:
                continue
            seen.add(i)
            e = self.entries[i]
            out.setdefault(e[0], e)
            stack.extend((e[2], e[3]))
        return out

    def has(self, name: str) -> bool:
        return name in self.top

    def stream(self, name: str) -> Optional[bytes]:
        e = self.top.get(name)
        if e is None or e[1] != 2:
            return None
        start, size = e[5], e[6]
        if size >= self.cutoff:
            return self._chain_bytes(start, size)
        out, s, seen = [], start, set()
        while s < 0xFFFFFFFA and len(out) * 64 < size:
            if s in seen or s >= len(self.minifat):
                raise ReadError("corrupt", "a small stream's sector chain is damaged")
            seen.add(s)
            out.append(self.ministream[s * 64:(s + 1) * 64])
            s = self.minifat[s]
        data = b"".join(out)
        if len(data) < size:
            raise ReadError("truncated", "a stream of the compound file is cut short")
        return data[:size]


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
        # Word 97 and later (nFib 0xC1+); Word 6/95 files keep another layout: wvHtml alone
        self.word97 = self.nfib >= 0xC1 and len(word) >= 0x1AA
        if self.word97:
            self.ccp_text = struct.unpack_from("<I", word, 0x4C)[0]
            self.fc_papx, self.lcb_papx = struct.unpack_from("<II", word, 0x102)
            self.fc_clx, self.lcb_clx = struct.unpack_from("<II", word, 0x1A2)


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
    cell_end: bool = False          # ends a cell of a nested table (depth > 1)
    row_end: bool = False           # ends a row of a nested table (depth > 1)
    shaded: bool = False            # the paragraph's own shading (sprmPShd)
    cell_shaded: bool = False       # its top-level table cell's shading (from the row)
    tap: Optional[_Tap] = None      # a row end's table properties
    text: str = ""                  # as the file has it (marks, field codes and all)
    grf: Optional[int] = None       # its top-level table cell's TC80 flags (from the row)


# sprm operand sizes by spra (MS-DOC 2.2.5.1); 6: variable, the size in the first byte
_SPRA_SIZE = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}
_S_INTABLE, _S_TTP, _S_ITAP = 0x2416, 0x2417, 0x6649
_S_INNER_CELL, _S_INNER_TTP = 0x244B, 0x244C
_S_HUGE_PAPX = 0x6646
_S_TDEF, _S_SHD80, _S_PSHD80, _S_PSHD = 0xD608, 0xD609, 0x442D, 0xC64D
# sprmTDefTableShd (cells 0-21), …2nd (22-43), …3rd (44-62), and their Raw forms
_S_TSHD = {0xD612: 0, 0xD616: 22, 0xD60C: 44, 0xD670: 0, 0xD671: 22, 0xD672: 44}
_S_TSETSHD80, _S_TSETSHD = 0x7627, 0xD62D
_WHITE_ICO = (0, 8)             # auto, white
# what wvHtml writes for these characters (its HTML filter's ASCII stand-ins)
_ASCII_FOR = {"\u2013": "-", "\u2018": "`", "\u2019": "'"}


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


class _Skeleton:
    """The main text's paragraphs with their table depth, cell and row marks and shading, read
    from the piece table and the paragraph properties (PlcBtePapx → PapxFkp)."""

    def __init__(self, ole: _Ole, word: bytes, fib: _Fib):
        table = ole.stream(fib.table)
        if table is None:
            raise ReadError("corrupt", f"no {fib.table} stream")
        self.word = word
        self.data = ole.stream("Data")
        self._runs = self._papx_runs(table, fib)
        self._starts = [r[0] for r in self._runs]
        marks = []                  # (fc of a paragraph mark, the mark, its place in ``text``)
        texts: list[str] = []
        done = 0
        for cp0, cp1, fc, compressed in self._pieces(table, fib):
            cp1 = min(cp1, fib.ccp_text)
            if cp0 >= cp1:
                continue
            if compressed:
                # 8-bit text is Windows-1252 (one character a byte, as "replace" keeps it)
                text = word[fc:fc + (cp1 - cp0)].decode("cp1252", "replace")
                step = 1
            else:
                text = word[fc:fc + 2 * (cp1 - cp0)].decode("utf-16-le", "replace")
                step = 2
            for m in re.finditer("[\r\x07]", text):
                marks.append((fc + m.start() * step, m.group(), done + m.start()))
            texts.append(text)
            done += len(text)
        self.text = "".join(texts)
        self.paragraphs = self._walk(marks)

    def _pieces(self, table: bytes, fib: _Fib):
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
        for k in range(n):
            fc = struct.unpack_from("<I", plc, 4 * (n + 1) + 8 * k + 2)[0]
            compressed = bool(fc & 0x40000000)
            fc &= 0x3FFFFFFF
            yield cps[k], cps[k + 1], (fc // 2 if compressed else fc), compressed

    def _papx_runs(self, table: bytes, fib: _Fib) -> list[tuple[int, int, int]]:
        """(first fc, fc after, offset of the grpprl or -1) of every paragraph run, by fc."""
        plc = table[fib.fc_papx:fib.fc_papx + fib.lcb_papx]
        n = (len(plc) - 4) // 8
        pns = struct.unpack_from(f"<{n}I", plc, 4 * (n + 1)) if n > 0 else ()
        runs = []
        word = self.word
        for pn in pns:
            base = (pn & 0x3FFFFF) * 512
            if base + 512 > len(word):
                raise ReadError("corrupt", "a paragraph property page lies past the stream")
            crun = word[base + 511]
            fcs = struct.unpack_from(f"<{crun + 1}I", word, base)
            for k in range(crun):
                off = word[base + 4 * (crun + 1) + 13 * k] * 2
                runs.append((fcs[k], fcs[k + 1], base + off if off else -1))
        runs.sort()
        return runs

    def _sprms_at(self, fc: int):
        """(sprm, operand) of the paragraph whose mark is at ``fc``; a grpprl too large for its
        page (sprmPHugePapx: a table row's properties, often) is read from the Data stream."""
        k = bisect.bisect_right(self._starts, fc) - 1
        if k < 0 or fc >= self._runs[k][1] or self._runs[k][2] < 0:
            return
        at = self._runs[k][2]
        w = self.word
        cb = w[at]
        if cb:
            start, size = at + 1, 2 * cb - 1
        else:
            start, size = at + 2, 2 * w[at + 1]
        for sprm, op in _sprms(w, start + 2, min(start + size, len(w))):    # after the istd
            if sprm == _S_HUGE_PAPX and self.data is not None:
                off = struct.unpack_from("<I", op)[0]
                if off + 2 <= len(self.data):
                    n = struct.unpack_from("<H", self.data, off)[0]
                    yield from _sprms(self.data, off + 2, min(off + 2 + n, len(self.data)))
            else:
                yield sprm, op

    def _walk(self, marks: list[tuple[int, str]]) -> list[_Para]:
        out: list[_Para] = []
        row: list[tuple[_Para, int]] = []             # top-level table paragraphs, cell index
        cell = 0
        last = -1
        for fc, ch, at in marks:
            p = _Para(text=self.text[last + 1:at])
            last = at
            in_table = ttp = inner_cell = inner_ttp = False
            itap = None
            tap = None
            for sprm, op in self._sprms_at(fc):
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
                elif sprm == _S_TDEF or sprm == _S_SHD80 or sprm in _S_TSHD or \
                        sprm == _S_TSETSHD80 or sprm == _S_TSETSHD:
                    tap = tap or _Tap()
                    _tap_sprm(tap, sprm, op)
            depth = max(0, min(itap, 64)) if itap is not None else (1 if in_table else 0)
            if depth == 0 and in_table:
                depth = 1
            p.depth = depth
            if depth == 1 and ttp:                     # a top-level row ends: not in the HTML
                shaded = tap.shaded if tap is not None else []
                grf = tap.tcgrf if tap is not None and tap.edges else None
                for q, c in row:
                    q.cell_shaded = c < len(shaded) and shaded[c]
                    if grf is not None and c < len(grf):
                        q.grf = grf[c]
                row, cell = [], 0
                continue
            if depth == 1:
                row.append((p, cell))
                if ch == "\x07":
                    cell += 1
            elif depth > 1:
                p.cell_end = inner_cell
                p.row_end = inner_ttp
                p.tap = tap
                row.append((p, cell))          # a nested table's paragraphs sit in a cell too
            else:
                row, cell = [], 0
            out.append(p)
        return out


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
