"""OpenDocument text (.odt) reader: paragraphs and tables in body order, merges resolved, nested
tables, shaded cells, the way the DOCX reader gives them.

content.xml (and styles.xml, for the styles and the page headers and footers) are parsed with
lxml, entities never resolved and a part that declares a DOCTYPE refused (as the DOCX reader
does); the package is checked for zip bombs first (common.check_zip). What the DOCX reader does,
done the OpenDocument way:
- text:p / text:h are paragraphs (empty ones left out); text:s, text:tab, text:line-break are
  spaces, a tab and a line break; soft page breaks, notes, comments and the tracked-changes
  region (the text a revision deleted) are not text; struck-through spans are left out, as the
  DOCX reader leaves out struck runs;
- text:list items get the label their list style numbers them with (``1.``, ``ก.``, ``•``);
- table:table with number-columns-spanned / number-rows-spanned become merged cells at their
  top-left (covered cells continue them), number-columns-repeated / number-rows-repeated are
  expanded within a bound, header rows and row groups are rows in order; a cell is shaded when
  its style (or its paragraph's) has a background colour other than white;
- a table nested in a cell is folded into the cell's text or kept in ``Cell.tables`` by the
  DOCX reader's rule (doc._make_table);
- the paragraphs of text boxes follow the paragraph that anchors them; page headers come before
  the body and footers after it, each text once.
"""
from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Optional

from schemas.document import Document, Page, Paragraph, Table

from ..repair import repair_thai
from .common import (ZIP_ERRORS, ReadError, ReadLimits, check_xml_parts, check_zip,
                     first_time)
from .doc import _make_table, _Spec

_O = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_T = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TB = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_S = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
_D = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"

_P, _H, _LIST, _TABLE = _T + "p", _T + "h", _T + "list", _TB + "table"
_ROW, _CELL, _COVERED = _TB + "table-row", _TB + "table-cell", _TB + "covered-table-cell"
_ROW_GROUPS = frozenset({_TB + "table-header-rows", _TB + "table-rows", _TB + "table-row-group"})
# never text: a revision's deleted text, notes, comments, ruby annotations, a frame's title
_SKIP = frozenset({_T + "tracked-changes", _T + "note", _O + "annotation", _O + "annotation-end",
                   _T + "ruby-text", _T + "soft-page-break", _T + "sequence-decls",
                   _T + "variable-decls", _T + "user-field-decls", _O + "forms",
                   "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}title",
                   "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}desc"})
_MAX_REPEAT_CELLS = 200_000      # a table's cells after number-*-repeated are expanded
_MAX_DEPTH = 20


def read_odt(path: Path, limits: ReadLimits) -> Document:
    path = Path(path)
    if path.stat().st_size == 0:
        raise ReadError("empty", f"{path.name} is empty (0 bytes)")
    with open(path, "rb") as f:
        head = f.read(8192)
    if not head.startswith(b"PK"):
        raise _not_zip(path, head)
    try:
        zf = check_zip(path, limits, "ODT")
    except ReadError as e:
        raise ReadError(e.reason, f"{path.name}: {e.message}") from None
    try:
        names = set(zf.namelist())
        if "content.xml" not in names:
            raise ReadError("corrupt", f"{path.name} is a zip file without content.xml, not an "
                            "OpenDocument text")
        if "META-INF/manifest.xml" in names and \
                b"encryption-data" in _read(zf, "META-INF/manifest.xml", path):
            raise ReadError("encrypted", f"{path.name} is a password-protected OpenDocument "
                            "text")
        check_xml_parts(zf, "ODT", {"content.xml", "styles.xml"})
        content = _parse(_read(zf, "content.xml", path), path, "content.xml")
        styles_root = _parse(_read(zf, "styles.xml", path), path, "styles.xml") \
            if "styles.xml" in names else None
    except ReadError as e:
        if e.message.startswith(path.name):
            raise
        raise ReadError(e.reason, f"{path.name}: {e.message}") from None
    finally:
        zf.close()

    body = content.find(f"{_O}body/{_O}text")
    if body is None:
        raise ReadError("corrupt", f"{path.name}: content.xml has no text body (not an "
                        "OpenDocument text)")
    common = _Styles()
    page_styles = _Styles()
    if styles_root is not None:
        common.add(styles_root.find(_O + "styles"))
        page_styles.parent = common
        page_styles.add(styles_root.find(_O + "automatic-styles"))
    body_styles = _Styles(parent=common)
    body_styles.add(content.find(_O + "automatic-styles"))

    warnings: list[str] = []
    reader = _Reader(body_styles, warnings, limits)
    headers, footers = [], []
    if styles_root is not None:
        page_reader = _Reader(page_styles, warnings, limits)
        masters = styles_root.find(_O + "master-styles")
        for master in masters if masters is not None else ():
            for part in master:
                local = part.tag.rsplit("}", 1)[-1]
                if local.startswith("header"):
                    headers.append(part)
                elif local.startswith("footer"):
                    footers.append(part)
    blocks: list = []
    seen: set[str] = set()
    for part in headers:          # page headers once, before the body (form titles, agencies)
        blocks.extend(page_reader.blocks(part, "Header", seen))
    blocks.extend(reader.blocks(body))
    for part in footers:
        blocks.extend(page_reader.blocks(part, "Footer", seen))
    return Document(path=str(path), format="odt", pages=[Page(number=None, blocks=blocks)],
                    warnings=warnings)


def _not_zip(path: Path, head: bytes) -> ReadError:
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return ReadError("unsupported", f"{path.name} is named .odt but is an old binary Office "
                         "file; open it in Word or LibreOffice and save it as .docx or .odt")
    if head.startswith(b"%PDF"):
        return ReadError("unsupported", f"{path.name} is named .odt but is a PDF")
    try:
        from .text import decode
        decode(head if len(head) < 8192 else head[:8000])
        return ReadError("unsupported", f"{path.name} is named .odt but is plain text, not an "
                         "OpenDocument text")
    except ReadError:
        return ReadError("corrupt", f"{path.name} is not an OpenDocument text (not a zip file)")


def _read(zf: zipfile.ZipFile, name: str, path: Path) -> bytes:
    try:
        return zf.read(name)
    except ZIP_ERRORS + (OSError, KeyError) as e:
        raise ReadError("corrupt", f"{path.name}: {name} cannot be read ({e})") from e


def _parse(data: bytes, path: Path, name: str):
    from lxml import etree
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as e:
        raise ReadError("corrupt", f"{path.name}: {name} is not well-formed XML ({e})") from e


class _Styles:
    """The named styles of one part, looked up through their parents (and the common styles):
    background colour of cells and paragraphs, struck or superscript text, list numbering."""

    def __init__(self, parent: Optional["_Styles"] = None):
        self.parent = parent
        self.styles: dict[str, dict] = {}
        self.lists: dict[str, dict[int, dict]] = {}

    def add(self, root) -> None:
        if root is None:
            return
        for st in root:
            if st.tag == _S + "style":
                info = {"parent": st.get(_S + "parent-style-name"),
                        "display": st.get(_S + "display-name"),
                        "list": st.get(_S + "list-style-name")}
                for props in st:
                    tag = props.tag
                    if tag in (_S + "table-cell-properties", _S + "paragraph-properties"):
                        bg = props.get(_FO + "background-color")
                        if bg is not None:
                            info["bg"] = bg
                    elif tag == _S + "text-properties":
                        line = props.get(_S + "text-line-through-style")
                        kind = props.get(_S + "text-line-through-type")
                        if line is not None or kind is not None:
                            info["strike"] = (line or "solid") != "none" and kind != "none"
                        pos = props.get(_S + "text-position")
                        if pos:
                            first = pos.split()[0]
                            info["super"] = first == "super" or (
                                first.endswith("%") and first[:-1].lstrip("+").replace(
                                    ".", "", 1).isdigit() and float(first[:-1]) > 0)
                self.styles[st.get(_S + "name") or ""] = info
            elif st.tag == _T + "list-style":
                levels = {}
                for lv in st:
                    try:
                        level = int(lv.get(_T + "level") or 1)
                    except ValueError:
                        continue
                    if lv.tag == _T + "list-level-style-number":
                        try:
                            start = int(lv.get(_T + "start-value") or 1)
                            shown = int(lv.get(_T + "display-levels") or 1)
                        except ValueError:
                            start, shown = 1, 1
                        levels[level] = {"fmt": lv.get(_S + "num-format") or "",
                                         "prefix": lv.get(_S + "num-prefix") or "",
                                         "suffix": lv.get(_S + "num-suffix") or "",
                                         "start": start, "shown": max(1, min(shown, 10))}
                    elif lv.tag == _T + "list-level-style-bullet":
                        levels[level] = {"fmt": "bullet"}
                self.lists[st.get(_S + "name") or ""] = levels

    def get(self, name: Optional[str], key: str):
        """``key`` of style ``name`` or the nearest of its parents that sets it."""
        hops = 0
        while name is not None and hops < 16:
            info = self._find(name)
            if info is None:
                return None
            if key in info:
                return info[key]
            name = info["parent"]
            hops += 1
        return None

    def _find(self, name: str) -> Optional[dict]:
        s: Optional[_Styles] = self
        while s is not None:
            info = s.styles.get(name)
            if info is not None:
                return info
            s = s.parent
        return None

    def list_levels(self, name: Optional[str]) -> Optional[dict[int, dict]]:
        s: Optional[_Styles] = self
        while s is not None and name is not None:
            if name in s.lists:
                return s.lists[name]
            s = s.parent
        return None

    def shaded(self, name: Optional[str]) -> bool:
        bg = self.get(name, "bg")
        return bool(bg) and bg.lower() not in ("transparent", "#ffffff", "#fff", "none")

    def display(self, name: Optional[str]) -> str:
        """The paragraph style's name as Word would show it: an automatic style (P1) by the
        style it is made from, the default style ("Standard", Word's Normal) as ""."""
        hops = 0
        while name and hops < 16:
            info = self._find(name)
            if info is None:
                break
            if info.get("display") or name not in self.styles or self.parent is None:
                break
            if info["parent"] is None:
                break
            name = info["parent"]
            hops += 1
        if not name or name == "Standard":
            return ""
        info = self._find(name)
        shown = (info or {}).get("display") or name.replace("_20_", " ")
        return "" if shown in ("Standard", "Default Paragraph Style") else shown


_THAI_LETTERS = "กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ"


def _number(n: int, fmt: str) -> str:
    if fmt in ("a", "A"):
        s = chr(ord("a") + (n - 1) % 26)
        return s.upper() if fmt == "A" else s
    if fmt in ("i", "I"):
        from .docx import _roman
        s = _roman(n)
        return s if fmt == "I" else s.lower()
    if fmt.startswith("ก"):
        return _THAI_LETTERS[(n - 1) % len(_THAI_LETTERS)]
    if fmt.startswith("๑"):
        return str(n).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    if fmt == "":
        return ""
    return str(n)


class _Reader:
    def __init__(self, styles: _Styles, warnings: list[str], limits: ReadLimits):
        self.styles = styles
        self.warnings = warnings
        self.limits = limits
        self.counters: dict[str, list[int]] = {}     # list style -> counter per level
        # the open list items: (list style, level, label still to give)
        self.items: list[list] = []

    # blocks
    def blocks(self, container, style: Optional[str] = None,
               seen: Optional[set] = None) -> list:
        out: list = []
        self._blocks_into(container, out, style, seen)
        return out

    def _blocks_into(self, container, out: list, style, seen, list_style=None, level=0) -> None:
        for el in container:
            tag = el.tag
            if tag == _P or tag == _H:
                raw, boxes = self._para(el)
                if raw.strip() and first_time(seen, raw.strip()):
                    out.append(Paragraph(text=repair_thai(raw.strip()), raw=raw,
                                         style=style if style is not None else
                                         self.styles.display(el.get(_T + "style-name"))))
                for box in boxes:
                    self._blocks_into(box, out, style, seen)
            elif tag == _TABLE:
                t = self._table(el, 0)
                if t is not None and first_time(seen, "\t".join(c.text for c in t.cells)):
                    out.append(t)
            elif tag == _LIST:
                self._list(el, lambda item: self._blocks_into(item, out, style, seen),
                           list_style, level)
            elif tag in _SKIP or not isinstance(tag, str):
                continue
            elif len(el):            # sections, indexes and other containers of paragraphs
                self._blocks_into(el, out, style, seen)

    def _list(self, el, visit, list_style, level) -> None:
        """Walk a text:list, each item's content visited with the item open (its first
        paragraph takes the label)."""
        name = el.get(_T + "style-name") or list_style
        if level == 0 and name is not None and el.get(_T + "continue-numbering") != "true" \
                and el.get(_T + "continue-list") is None:
            self.counters.pop(name, None)
        for item in el:
            if item.tag not in (_T + "list-item", _T + "list-header"):
                continue
            counting = item.tag == _T + "list-item"
            if counting and name is not None:
                self._count(name, level + 1, item.get(_T + "start-value"))
            self.items.append([name, level + 1, counting])
            try:
                for child in item:
                    if child.tag == _LIST:
                        self.items[-1][2] = False
                        self._list(child, visit, name, level + 1)
                    else:
                        visit([child])
            finally:
                self.items.pop()

    def _count(self, name: str, level: int, start: Optional[str]) -> None:
        levels = self.styles.list_levels(name) or {}
        counters = self.counters.setdefault(name, [0] * 11)
        level = min(level, 10)
        if start is not None and start.isdigit():
            counters[level] = int(start)
        elif counters[level] == 0:
            counters[level] = levels.get(level, {}).get("start", 1)
        else:
            counters[level] += 1
        for deeper in range(level + 1, 11):
            counters[deeper] = 0

    def _label(self) -> str:
        """The label of the open list item, once (its first paragraph); "" otherwise."""
        if not self.items or not self.items[-1][2]:
            return ""
        name, level, _ = self.items[-1]
        self.items[-1][2] = False
        levels = self.styles.list_levels(name)
        if not levels or level not in levels:
            return ""
        lv = levels[level]
        if lv["fmt"] == "bullet":
            return "• "
        counters = self.counters.get(name, [0] * 11)
        parts = []
        for k in range(max(1, level - lv["shown"] + 1), level + 1):
            fmt = levels.get(k, {}).get("fmt", "1")
            parts.append(_number(max(counters[min(k, 10)], 1), "1" if fmt == "bullet" else fmt))
        numbers = ".".join(p for p in parts if p)
        label = lv["prefix"] + numbers + lv["suffix"]
        return label + " " if label.strip() else ""

    # paragraphs
    def _para(self, p) -> tuple[str, list]:
        """Raw text of a text:p/text:h (with its list label) and the text boxes it anchors."""
        out: list[str] = []
        boxes: list = []
        if p.text:
            out.append(p.text)
        self._inline(p, out, boxes, False, skip_text=True)
        text = "".join(out)
        if self.items and text.strip():
            text = self._label() + text
        elif self.items:
            self._label()           # an empty first paragraph still uses up the label
        return text, boxes

    def _inline(self, el, out: list, boxes: list, sup: bool, skip_text: bool = False) -> None:
        if not skip_text and el.text:
            self._append(out, el.text, sup)
        for node in el:
            tag = node.tag
            if not isinstance(tag, str) or tag in _SKIP:
                pass
            elif tag == _T + "s":
                try:
                    n = int(node.get(_T + "c") or 1)
                except ValueError:
                    n = 1
                out.append(" " * max(1, min(n, 10000)))
            elif tag == _T + "tab":
                out.append("\t")
            elif tag == _T + "line-break":
                out.append("\n")
            elif tag == _T + "span":
                name = node.get(_T + "style-name")
                if not self.styles.get(name, "strike"):
                    self._inline(node, out, boxes, bool(self.styles.get(name, "super")))
            elif tag == _D + "frame" or tag == _D + "a":
                for box in node.iter(_D + "text-box"):
                    boxes.append(box)
                    break
            else:
                self._inline(node, out, boxes, sup)
            if node.tail:
                self._append(out, node.tail, sup)

    @staticmethod
    def _append(out: list, text: str, sup: bool) -> None:
        # a superscript digit run right after a digit (a footnote mark) is kept apart by a
        # space, as the DOCX reader does
        if sup and text[:1].isdigit() and out and out[-1][-1:].isdigit():
            out.append(" ")
        out.append(text)

    # tables
    def _rows(self, table) -> list:
        out = []
        for el in table:
            if el.tag == _ROW:
                out.append(el)
            elif el.tag in _ROW_GROUPS:
                out.extend(self._rows(el))
        return out

    def _table(self, table, depth: int) -> Optional[Table]:
        if depth > _MAX_DEPTH:
            self.warnings.append("tables nested more than 20 deep were skipped")
            return None
        n_cols = 0
        for col in table.iter(_TB + "table-column"):
            if col.getparent() is table or col.getparent().getparent() is table:
                n_cols += _repeat(col, "columns")
        budget = [min(_MAX_REPEAT_CELLS, self.limits.max_cells)]
        # the cells of every row: (grid column, origin cell or None for covered, element)
        grid: list[list[tuple[int, object]]] = []
        for tr in self._rows(table):
            times = _repeat(tr, "rows")
            row: list[tuple[int, object]] = []
            col = 0
            for cell in tr:
                if cell.tag != _CELL and cell.tag != _COVERED:
                    continue
                n = _repeat(cell, "columns")
                if n > 64 and not "".join(cell.itertext()).strip():
                    # an empty run repeated to the sheet's edge: only as wide as the table
                    n = max(0, min(n, n_cols - col))
                for _ in range(n):
                    row.append((col, cell))
                    col += 1
            budget[0] -= len(row) * times
            if budget[0] < 0:
                raise ReadError("too_large", "a table repeats its rows or cells more than "
                                f"{min(_MAX_REPEAT_CELLS, self.limits.max_cells)} times "
                                "(number-rows-repeated / number-columns-repeated)")
            grid.extend([row] * times)
        # which origin covers each position: rows spanned continue downwards
        covering: dict[tuple[int, int], tuple[int, int, int]] = {}   # -> origin row, col, span
        specs: list[list[_Spec]] = []
        for r, row in enumerate(grid):
            out: list[_Spec] = []
            by_col: dict[int, _Spec] = {}
            for col, cell in row:
                if cell.tag == _CELL:
                    span = max(1, min(_span(cell, "columns"), 1024))
                    rows = max(1, min(_span(cell, "rows"), 1_000_000))
                    content, shaded = self._cell(cell, depth)
                    spec = _Spec(col=col, colspan=span, cont=False, shaded=shaded,
                                 content=content)
                    out.append(spec)
                    by_col[col] = spec
                    for rr in range(r + 1, min(r + rows, len(grid))):
                        covering[(rr, col)] = (r, col, span)
                    for k in range(col + 1, col + span):
                        covering.setdefault((r, k), (r, col, span))
                    continue
                origin = covering.get((r, col))
                content, _ = self._cell(cell, depth) if len(cell) else ([], False)
                if origin is None:
                    continue                   # covered by nothing known: not a cell
                orow, ocol, ospan = origin
                if orow == r:                  # covered by a cell of this row
                    target = by_col.get(ocol)
                    if target is not None:
                        target.content.extend(content)
                    continue
                if col == ocol:                # the first covered cell of a merge's row
                    spec = _Spec(col=col, colspan=ospan, cont=True, shaded=False,
                                 content=content)
                    out.append(spec)
                    by_col[col] = spec
                    for k in range(col + 1, col + ospan):
                        covering.setdefault((r, k), (r, col, ospan))
                    covering[(r, col)] = (orow, ocol, ospan)
                else:
                    target = by_col.get(ocol)
                    if target is not None:
                        target.content.extend(content)
            specs.append(out)
        return _make_table(specs, n_cols)

    def _cell(self, cell, depth: int) -> tuple[list, bool]:
        """A cell's content as ("p", raw) / ("t", Table) in order, and whether it is shaded."""
        content: list = []
        shaded = self.styles.shaded(cell.get(_TB + "style-name"))
        self._cell_into(cell, depth, content)
        if not shaded:
            for p in cell.iter(_P, _H):
                if p.getparent() is cell and self.styles.shaded(p.get(_T + "style-name")):
                    shaded = True
                    break
        return content, shaded

    def _cell_into(self, container, depth: int, content: list) -> None:
        for el in container:
            tag = el.tag
            if tag == _P or tag == _H:
                raw, boxes = self._para(el)
                content.append(("p", raw))
                for box in boxes:          # a text box in the cell: lines and tables of the cell
                    for b in self.blocks(box):
                        content.append(("t", b) if isinstance(b, Table) else ("p", b.raw))
            elif tag == _TABLE:
                t = self._table(el, depth + 1)
                if t is not None:
                    content.append(("t", t))
            elif tag == _LIST:
                self._list(el, lambda item: self._cell_into(item, depth, content), None, 0)
            elif tag in _SKIP or not isinstance(tag, str):
                continue
            elif len(el):
                self._cell_into(el, depth, content)


def _repeat(el, what: str) -> int:
    try:
        return max(1, int(el.get(f"{_TB}number-{what}-repeated") or 1))
    except ValueError:
        return 1


def _span(el, what: str) -> int:
    try:
        return max(1, int(el.get(f"{_TB}number-{what}-spanned") or 1))
    except ValueError:
        return 1
