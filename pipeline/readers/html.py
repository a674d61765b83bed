"""Web-page (HTML) reader: the tables and paragraphs of an HTML file, in document order.

Thai government web systems (budget, personnel and planning systems) export their reports as
HTML named ``.xls`` (Excel opens it as a sheet), and Word and Excel save "web pages"; offices pass
these on as they are. lxml's HTML parser reads them as a browser would (unclosed tags, stray
markup), never fetching anything. What becomes the document model, the way the DOCX/XLSX readers
give it:
- a ``<table>`` is a Table: ``rowspan``/``colspan`` become merged cells at their top-left, a cell
  placed after the positions rows above still cover; ``<br>`` and block elements inside a cell are
  line breaks; a table inside a cell is kept in ``Cell.tables``, its text folded into the cell's;
- a cell is shaded (a Gantt bar) when it, or its row, has a background colour other than white,
  by ``bgcolor``, by its ``style`` or by a class whose CSS rule sets one (Excel's web pages);
- outside tables, each block element (``<p>``, ``<div>``, ``<h1>``…) and each line ended by
  ``<br>`` is a Paragraph;
- what a browser does not show is left out: ``<head>``, scripts, styles, comments, and elements
  styled ``display:none`` (hidden rows and columns of Excel's web pages).
The encoding is the one the page declares (``<meta charset>``, ``windows-874``/``tis-620`` as
cp874), else what the text reader detects.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Callable, Optional

from schemas.document import Cell, Document, Page, Paragraph, Table

from ..repair import repair_thai
from .common import ReadError, ReadLimits

_BLOCK = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "center", "pre",
                    "blockquote", "address", "section", "article", "header", "footer", "ul",
                    "ol", "dl", "dt", "dd", "caption", "form", "fieldset", "hr", "body"})
_SKIP = frozenset({"head", "script", "style", "noscript", "template", "title", "meta", "link",
                   "xml", "object", "iframe", "select", "option", "button"})
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
_ENCODINGS = {"tis-620": "cp874", "tis620": "cp874", "windows-874": "cp874", "x-windows-874": "cp874",
              "iso-8859-11": "cp874", "cp874": "cp874", "utf-8": "utf-8", "utf8": "utf-8",
              "utf-16": "utf-16", "unicode": "utf-16"}
_HIDDEN = re.compile(r"display\s*:\s*none", re.I)
_BACKGROUND = re.compile(r"background(?:-color)?\s*:\s*([^;]+)", re.I)
_CSS_RULE = re.compile(r"([^{}]+)\{([^}]*)\}")
_CLASS = re.compile(r"\.([A-Za-z_][\w-]*)")
_SPACES = re.compile(r"[ \t\r\n\f]+")
_WHITE = frozenset({"", "white", "#fff", "#ffffff", "transparent", "none", "inherit", "initial",
                    "window", "auto", "rgb(255,255,255)", "windowtext"})
_MAX_SPAN = 1000                  # a rowspan/colspan past this is a damaged page, not a layout
_MAX_DEPTH = 20                   # tables nested deeper are read as text


def read_html(path: Path, limits: ReadLimits) -> Document:
    path = Path(path)
    data = path.read_bytes()
    if not data:
        raise ReadError("empty", f"{path.name} is empty (0 bytes)")
    text, encoding = _decode(path, data)
    try:
        import lxml.html
        parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
        root = lxml.html.document_fromstring(text, parser=parser)
    except Exception as e:              # lxml's parser errors (an empty or unparsable page)
        raise ReadError("corrupt", f"{path.name} is not a readable web page ({e})") from e
    reader = _Reader(_shaded_classes(root), limits)
    body = root.find("body")
    reader.walk(body if body is not None else root, 0)
    reader.flush()
    if reader.cells > limits.max_cells:
        raise ReadError("too_large", f"{path.name} has {reader.cells} table cells, over the limit "
                        f"of {limits.max_cells}")
    return Document(path=str(path), format="html", pages=[Page(number=None, blocks=reader.blocks)],
                    encoding=encoding, warnings=reader.warnings)


def looks_like_html(head: bytes) -> bool:
    """Whether a file's first bytes are a web page (what a web system names .xls)."""
    h = head.lstrip(b"\xef\xbb\xbf").lstrip().lower()
    if h.startswith(b"\xff\xfe") or h.startswith(b"\xfe\xff"):
        h = h.decode("utf-16", "ignore").encode("ascii", "ignore").lstrip().lower()
    return h.startswith((b"<!doctype html", b"<html", b"<table", b"<meta", b"<head", b"<body")) \
        or (h.startswith(b"<") and b"<html" in h[:1024])


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    m = _CHARSET.search(data[:4096])
    declared = _ENCODINGS.get(m.group(1).decode("ascii").lower()) if m else None
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass                        # a page that declares one encoding and uses another
    from .text import decode
    try:
        return decode(data)
    except ReadError as e:
        raise ReadError(e.reason, f"{path.name}: {e.message}") from None


def _shaded_classes(root) -> frozenset[str]:
    """The CSS classes whose rule sets a background colour other than white (Excel's web pages
    style every cell by class: ``.xl65 {background:#BFBFBF; …}``)."""
    out = set()
    for style in root.iter("style"):
        css = style.text_content() or ""
        for selectors, body in _CSS_RULE.findall(css):
            m = _BACKGROUND.search(body)
            if m and _coloured(m.group(1)):
                out.update(_CLASS.findall(selectors))
    return frozenset(out)


def _coloured(value: str) -> bool:
    """Whether a CSS background (``#BFBFBF``, ``white none``, ``rgb(255, 255, 255)``) is a colour
    other than white or none: its first word, spaces inside brackets removed."""
    v = re.sub(r"\s*([(),])\s*", r"\1", value.lower().replace("!important", "")).split()
    first = v[0] if v else ""
    return first not in _WHITE and not first.startswith(("url(", "rgba(0,0,0,0"))


class _Reader:
    def __init__(self, shaded_classes: frozenset[str], limits: ReadLimits):
        self.shaded_classes = shaded_classes
        self.limits = limits
        self.blocks: list = []
        self.warnings: list[str] = []
        self.cells = 0
        self._line: list[str] = []

    # --- outside tables: paragraphs ------------------------------------------------------------
    def flush(self) -> None:
        raw = _SPACES.sub(" ", "".join(self._line)).strip()
        self._line.clear()             # (the walk appends to this list)
        if raw:
            self.blocks.append(Paragraph(text=repair_thai(raw), raw=raw))

    def walk(self, el, depth: int) -> None:
        def table(child) -> None:
            t = self.table(child, depth + 1)
            if t is not None:
                self.blocks.append(t)
        _walk(el, self._line, self.flush, table)

    # --- tables --------------------------------------------------------------------------------
    def table(self, el, depth: int) -> Optional[Table]:
        cells: list[Cell] = []
        taken: set[tuple[int, int]] = set()
        n_cols = 0
        r = -1
        for tr in _rows(el):
            if _hidden(tr):
                continue
            r += 1
            row_shaded = bool(self._shaded(tr))
            col = 0
            for td in tr:
                tag = td.tag.lower() if isinstance(td.tag, str) else ""
                if tag not in ("td", "th") or _hidden(td):
                    continue
                while (r, col) in taken:
                    col += 1
                rowspan = _span(td.get("rowspan"))
                colspan = _span(td.get("colspan"))
                # a span running into a position a cell above still covers ends before it
                colspan = next((k - col for k in range(col + 1, col + colspan)
                                if (r, k) in taken), colspan)
                raw, text, nested = self.cell_text(td, depth)
                shaded = self._shaded(td)
                cell = Cell(row=r, col=col, text=text, raw=raw, rowspan=rowspan, colspan=colspan,
                            shaded=row_shaded if shaded is None else shaded, tables=nested)
                cells.append(cell)
                self.cells += rowspan * colspan
                if self.cells > self.limits.max_cells:
                    return None
                for rr in range(r, r + rowspan):
                    for k in range(col, col + colspan):
                        taken.add((rr, k))
                col += colspan
                n_cols = max(n_cols, col)
        n_rows = r + 1
        if not cells or n_rows == 0:
            return None
        # a rowspan past the last row ends there
        for c in cells:
            c.rowspan = max(1, min(c.rowspan, n_rows - c.row))
        return Table(cells=cells, n_rows=n_rows, n_cols=n_cols)

    def cell_text(self, td, depth: int) -> tuple[str, str, list[Table]]:
        """A cell's raw and repaired text (block elements and ``<br>`` break its lines; a nested
        table's rows are lines too, as the DOCX reader folds them) and the tables nested in it."""
        from .docx import _row_lines, cell_texts
        paras: list[str] = []
        cur: list[str] = []
        nested: list[Table] = []
        folded: dict[int, str] = {}

        def end_line() -> None:
            line = _SPACES.sub(" ", "".join(cur)).strip()
            cur.clear()
            if line:
                paras.append(line)

        def table(child) -> None:
            if depth >= _MAX_DEPTH:
                cur.append(child.text_content())
                return
            t = self.table(child, depth + 1)
            if t is not None:
                nested.append(t)
                for raw_line, text_line in _row_lines(t, nested):
                    folded[len(paras)] = text_line
                    paras.append(raw_line)

        _walk(td, cur, end_line, table)
        end_line()
        raw, text = cell_texts(paras, folded)
        return raw, text, nested

    def _shaded(self, el) -> Optional[bool]:
        """Whether an element sets a coloured background itself or by a class; None when it
        sets none (a cell then takes its row's)."""
        bg = _cell_bg(el)
        if bg is not None:
            return _coloured(bg)
        if any(c in self.shaded_classes for c in (el.get("class") or "").split()):
            return True
        return None


def _walk(el, text: list[str], end_line: Callable[[], None],
          table: Callable[[object], None]) -> None:
    """Walk an element as a browser lays it out: its text and its children's into ``text``,
    ``end_line`` where a line ends (``<br>``, either side of a block element and of a table),
    ``table`` for each table; what a browser does not show left out."""
    if el.text:
        text.append(el.text)
    for child in el:
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag and tag not in _SKIP and not _hidden(child):
            if tag == "table":
                end_line()
                table(child)
            elif tag == "br":
                end_line()
            elif tag in _BLOCK:
                end_line()
                _walk(child, text, end_line, table)
                end_line()
            else:
                _walk(child, text, end_line, table)
        if child.tail:
            text.append(child.tail)


def _cell_bg(el) -> Optional[str]:
    """The background an element sets itself (``bgcolor`` or its ``style``), None if none."""
    m = _BACKGROUND.search(el.get("style") or "")
    if m:
        return m.group(1)
    return el.get("bgcolor")


def _rows(table):
    """A table's rows in order, through ``<thead>``/``<tbody>``/``<tfoot>``, not into tables
    nested in its cells."""
    for child in table:
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag == "tr":
            yield child
        elif tag in ("thead", "tbody", "tfoot") and not _hidden(child):
            yield from (tr for tr in child if isinstance(tr.tag, str) and tr.tag.lower() == "tr")


def _hidden(el) -> bool:
    return bool(_HIDDEN.search(el.get("style") or "")) or el.get("hidden") is not None


def _span(value: Optional[str]) -> int:
    try:
        return max(1, min(int(str(value).strip().rstrip(";")), _MAX_SPAN))
    except (TypeError, ValueError):
        return 1
