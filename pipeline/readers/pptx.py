"""PowerPoint (.pptx) reader: one page per slide, its text boxes and tables in reading order.

Agencies send an indicator's description (ตัวชี้วัด, น้ำหนัก, the เกณฑ์การให้คะแนน ladder, milestone
steps) as a slide deck. Each slide is a :class:`Page` numbered from 1 (``name``: the slide title);
its blocks are the shapes sorted top to bottom, then left to right (shapes whose tops are within
a few points of each other count as one line), with the shapes of a group placed where the group
puts them on the slide. A text frame (text box, auto shape, filled placeholder) gives one
Paragraph per paragraph, its box the shape's; a table gives a Table whose merged cells (gridSpan /
rowSpan, the covered cells marked hMerge / vMerge) sit at their top-left with their spans, as the
DOCX reader gives them; a SmartArt diagram gives the text of its nodes. Notes, empty placeholders
(their prompt text is the layout's), pictures and charts give nothing; a slide with pictures and no
text is reported as a page without text (for OCR), an embedded object (a pasted Excel sheet) as a
warning. Boxes are in points from the slide's top-left corner.

The package is checked as the DOCX and XLSX readers check theirs (size, compression ratio, declared
total, no entity-declaring XML part) before python-pptx, imported here and only here, opens it.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from lxml import etree

from schemas.document import BBox, Cell, Document, Page, Paragraph, Table

from ..repair import repair_thai
from .common import ZIP_ERRORS, ReadError, ReadLimits, open_package, sniff_package

_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_DGM = "{http://schemas.openxmlformats.org/drawingml/2006/diagram}"
_DGM_URI = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
_OLE_URI = "http://schemas.openxmlformats.org/presentationml/2006/ole"
_CHART_URI = "http://schemas.openxmlformats.org/drawingml/2006/chart"

_EMU_PER_PT = 12700
_SAME_LINE_EMU = 4 * _EMU_PER_PT        # tops this close are one line: read left to right
_MAX_GROUP_DEPTH = 32
_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False, no_network=True)


def read_pptx(path: Path, limits: ReadLimits) -> Document:
    path = Path(path)
    if path.stat().st_size:          # an empty file is reported as such by open_package
        err = sniff_package(path, ".pptx", "not_pptx", "a PowerPoint presentation",
                            "PowerPoint presentation", "PowerPoint (.ppt)")
        if err:
            raise err
    try:
        zf = open_package(path, limits, "PPTX", "ppt/presentation.xml", "not_pptx",
                          "a PowerPoint presentation")
    except ReadError as e:
        if e.reason == "not_pptx":
            raise ReadError(e.reason, e.message) from None
        raise ReadError(e.reason, e.message if e.message.startswith(path.name)
                        else f"{path.name}: {e.message}") from None
    try:
        zf.open("ppt/presentation.xml").read(1)
    except ZIP_ERRORS + (OSError,) as e:
        raise ReadError("corrupt", f"{path.name}: ppt/presentation.xml cannot be read ({e})")
    finally:
        zf.close()

    try:
        from pptx.package import Package
        from pptx.parts.presentation import PresentationPart
        main = Package.open(str(path)).main_document_part
        if not isinstance(main, PresentationPart):
            raise ReadError("corrupt", "not a PowerPoint presentation, content type is "
                            f"{getattr(main, 'content_type', '?')!r}")
        prs = main.presentation
        slides = list(prs.slides)
    except ReadError as e:
        raise ReadError(e.reason, f"{path.name}: {e.message}") from None
    except Exception as e:  # a broken package raises many types
        raise ReadError("corrupt", f"{path.name}: PowerPoint presentation cannot be opened "
                        f"({type(e).__name__}: {e})") from e
    if len(slides) > limits.max_pages:
        raise ReadError("too_large", f"{path.name} has {len(slides)} slides, over the limit of "
                        f"{limits.max_pages}")
    try:
        width, height = _pt(prs.slide_width), _pt(prs.slide_height)
    except Exception:
        width = height = None

    warnings: list[str] = []
    pages: list[Page] = []
    failed = 0
    for number, slide in enumerate(slides, 1):
        page = Page(number=number, width=width, height=height)
        try:
            _read_slide(slide, page, warnings)
        except Exception as e:  # a damaged slide must not cost the others
            failed += 1
            warnings.append(f"slide {number} cannot be read ({type(e).__name__}: {e})")
        pages.append(page)
    if slides and failed == len(slides):
        raise ReadError("corrupt", f"{path.name}: no slide of the presentation can be read "
                        f"({warnings[0]})")
    return Document(path=str(path), format="pptx", pages=pages, warnings=warnings)


def _pt(emu) -> Optional[float]:
    return None if emu is None else round(int(emu) / _EMU_PER_PT, 2)


# ------------------------------------------------------------------ shapes and their positions

class _Transform:
    """Maps a group's child coordinates to slide coordinates: x' = ax * x + bx."""
    __slots__ = ("ax", "bx", "ay", "by")

    def __init__(self, ax=1.0, bx=0.0, ay=1.0, by=0.0):
        self.ax, self.bx, self.ay, self.by = ax, bx, ay, by

    def box(self, left, top, width, height) -> tuple[float, float, float, float]:
        x0, y0 = self.ax * left + self.bx, self.ay * top + self.by
        return x0, y0, x0 + self.ax * width, y0 + self.ay * height

    def into(self, group_el) -> "_Transform":
        """The transform of the children of a p:grpSp inside this one (a:off/a:ext place the
        group, a:chOff/a:chExt are the frame its children are positioned in)."""
        xfrm = group_el.find(f"{_P}grpSpPr/{_A}xfrm")
        if xfrm is None:
            return self

        def pair(tag, a, b):
            el = xfrm.find(_A + tag)
            return (0, 0) if el is None else (int(el.get(a, 0)), int(el.get(b, 0)))

        (ox, oy), (cx, cy) = pair("off", "x", "y"), pair("ext", "cx", "cy")
        (chx, chy), (chcx, chcy) = pair("chOff", "x", "y"), pair("chExt", "cx", "cy")
        sx = cx / chcx if chcx else 1.0
        sy = cy / chcy if chcy else 1.0
        # child x -> group frame: ox + (x - chx) * sx; then through this transform
        return _Transform(self.ax * sx, self.ax * (ox - chx * sx) + self.bx,
                          self.ay * sy, self.ay * (oy - chy * sy) + self.by)


def _leaves(shapes, tf: _Transform, out: list, warnings: list, number: int, depth=0) -> None:
    """(box in EMU on the slide, z-order, shape) of every shape, groups opened."""
    for shape in shapes:
        if _is_group(shape):
            if depth >= _MAX_GROUP_DEPTH:
                warnings.append(f"slide {number}: groups nested more than {_MAX_GROUP_DEPTH} "
                                "deep were skipped")
                continue
            _leaves(shape.shapes, tf.into(shape._element), out, warnings, number, depth + 1)
            continue
        out.append((tf.box(*(_dim(shape, a) for a in ("left", "top", "width", "height"))),
                    len(out), shape))


def _is_group(shape) -> bool:
    return shape._element.tag == _P + "grpSp"


def _dim(shape, attr: str) -> int:
    """A position or size in EMU; 0 when the shape (or the layout placeholder it inherits from)
    gives none."""
    try:
        v = getattr(shape, attr)
    except Exception:
        return 0
    return int(v) if v is not None else 0


def _reading_order(leaves: list) -> list:
    """Top to bottom; shapes whose tops are within _SAME_LINE_EMU of the first of a line are that
    line, read left to right (z-order breaks ties)."""
    by_top = sorted(leaves, key=lambda x: (x[0][1], x[0][0], x[1]))
    out, line, line_top = [], [], None
    for leaf in by_top:
        top = leaf[0][1]
        if line and top - line_top > _SAME_LINE_EMU:
            out.extend(sorted(line, key=lambda x: (x[0][0], x[0][1], x[1])))
            line = []
        if not line:
            line_top = top
        line.append(leaf)
    out.extend(sorted(line, key=lambda x: (x[0][0], x[0][1], x[1])))
    return out


def _bbox(box) -> BBox:
    x0, y0, x1, y1 = (v / _EMU_PER_PT for v in box)
    return (round(min(x0, x1), 2), round(min(y0, y1), 2), round(max(x0, x1), 2),
            round(max(y0, y1), 2))


def _read_slide(slide, page: Page, warnings: list) -> None:
    number = page.number
    leaves: list = []
    _leaves(slide.shapes, _Transform(), leaves, warnings, number)
    pictures = False
    for box, _, shape in _reading_order(leaves):
        el = shape._element
        bbox = _bbox(box)
        if el.tag == _P + "pic":
            pictures = True
            continue
        if el.tag == _P + "graphicFrame":
            _graphic_frame(slide, shape, el, page, bbox, warnings)
            continue
        tx = el.find(_P + "txBody")
        if tx is None:
            continue
        style = _placeholder_style(el)
        texts = []
        for raw in _paragraphs(tx):
            if not raw.strip():
                continue
            text = repair_thai(raw.strip())
            texts.append(text)
            page.blocks.append(Paragraph(text=text, raw=raw, page=number, bbox=bbox, style=style))
        if style == "Title" and texts and not page.name:
            page.name = " ".join(" ".join(texts).split())
    if pictures and not page.blocks:
        page.has_text_layer = False


def _placeholder_style(el) -> str:
    ph = el.find(f"{_P}nvSpPr/{_P}nvPr/{_P}ph")
    if ph is None:
        return ""
    kind = ph.get("type", "body" if ph.get("idx") else "obj")
    return {"title": "Title", "ctrTitle": "Title", "subTitle": "Subtitle"}.get(kind, "")


def _graphic_frame(slide, shape, el, page: Page, bbox: BBox, warnings: list) -> None:
    gd = el.find(f"{_A}graphic/{_A}graphicData")
    if gd is None:
        return
    uri = gd.get("uri", "")
    tbl = gd.find(_A + "tbl")
    if tbl is not None:
        t = _read_table(tbl, bbox, page.number)
        if t is not None:
            page.blocks.append(t)
    elif uri == _DGM_URI:
        try:
            texts = _diagram_texts(slide, gd)
        except Exception as e:
            warnings.append(f"slide {page.number}: a SmartArt diagram's text cannot be read "
                            f"({type(e).__name__}: {e})")
            return
        for raw in texts:
            page.blocks.append(Paragraph(text=repair_thai(raw.strip()), raw=raw, page=page.number,
                                         bbox=bbox))
    elif uri == _OLE_URI:
        prog = ""
        ole = gd.find(f".//{_P}oleObj")
        if ole is not None:
            prog = ole.get("progId") or ole.get("name") or ""
        warnings.append(f"slide {page.number}: an embedded object{f' ({prog})' if prog else ''} "
                        "is not read; paste its content into the slide as a table")
    # charts and other graphics hold no form text


def _diagram_texts(slide, gd) -> list[str]:
    """The text of a SmartArt diagram's nodes, in the order its data part lists them."""
    rel = gd.find(_DGM + "relIds")
    if rel is None or not rel.get(_R + "dm"):
        return []
    part = slide.part.related_part(rel.get(_R + "dm"))
    root = etree.fromstring(part.blob, _PARSER)
    out = []
    for pt in root.iter(_DGM + "pt"):
        if pt.get("type", "node") not in ("node", "asst"):
            continue
        t = pt.find(_DGM + "t")
        if t is None:
            continue
        out.extend(raw for raw in _paragraphs(t) if raw.strip())
    return out


# ------------------------------------------------------------------ text

def _paragraphs(tx_body) -> list[str]:
    """Raw text of each a:p of a text body: runs and fields, a line break (a:br) as "\\n"."""
    out = []
    for p in tx_body.iterchildren(_A + "p"):
        parts = []
        for node in p.iterchildren():
            tag = node.tag
            if tag == _A + "r" or tag == _A + "fld":
                t = node.find(_A + "t")
                if t is not None and t.text:
                    parts.append(t.text)
            elif tag == _A + "br":
                parts.append("\n")
        out.append("".join(parts).replace("\v", "\n"))
    return out


def _cell_text(tc) -> tuple[str, str]:
    """(repaired, raw) text of a table cell: its paragraphs as lines."""
    tx = tc.find(_A + "txBody")
    if tx is None:
        return "", ""
    raw = "\n".join(_paragraphs(tx)).strip("\n")
    if not raw:
        return "", ""
    return "\n".join(repair_thai(x.strip()) for x in raw.split("\n")).strip("\n"), raw


def _is_fill(tc) -> bool:
    """A cell filled with a colour other than white (a Gantt bar); table-style banding is not."""
    pr = tc.find(_A + "tcPr")
    fill = None if pr is None else pr.find(_A + "solidFill")
    if fill is None or not len(fill):
        return False
    colour = fill[0]
    val = (colour.get("val") or "").upper()
    if colour.tag == _A + "srgbClr":
        return val not in ("", "FFFFFF")
    if colour.tag == _A + "schemeClr":
        return val not in ("BG1", "LT1")
    return colour.tag != _A + "sysClr" or (colour.get("lastClr") or "").upper() != "FFFFFF"


def _int_attr(el, name: str) -> int:
    try:
        return max(1, int(el.get(name, "1")))
    except ValueError:
        return 1


def _true(el, name: str) -> bool:
    return el.get(name, "0").lower() in ("1", "true")


# ------------------------------------------------------------------ tables

def _read_table(tbl, bbox: BBox, number: int) -> Optional[Table]:
    """An a:tbl as a Table. Every row holds an a:tc per grid column; a merge origin carries
    gridSpan/rowSpan, the cells it covers hMerge/vMerge. Text a covered cell still holds (PowerPoint
    hides it) is added to the origin's, as DOCX's vertically merged cells are."""
    widths = []
    grid = tbl.find(_A + "tblGrid")
    if grid is not None:
        for gc in grid.iterchildren(_A + "gridCol"):
            try:
                widths.append(max(0, int(gc.get("w", "0"))))
            except ValueError:
                widths.append(0)
    rows = list(tbl.iterchildren(_A + "tr"))
    heights = []
    for tr in rows:
        try:
            heights.append(max(0, int(tr.get("h", "0"))))
        except ValueError:
            heights.append(0)
    n_rows = len(rows)
    n_cols = max([len(widths)] + [sum(1 for _ in tr.iterchildren(_A + "tc")) for tr in rows])
    if not n_rows or not n_cols:
        return None
    widths += [0] * (n_cols - len(widths))
    xs, ys = [bbox[0]], [bbox[1]]
    for w in widths:
        xs.append(xs[-1] + w / _EMU_PER_PT)
    for h in heights:
        ys.append(ys[-1] + h / _EMU_PER_PT)

    owner: dict[tuple[int, int], Cell] = {}
    cells: list[Cell] = []
    for r, tr in enumerate(rows):
        for c, tc in enumerate(tr.iterchildren(_A + "tc")):
            text, raw = _cell_text(tc)
            above = owner.get((r, c))
            if above is not None:          # covered by a merge (hMerge/vMerge, or overlapping)
                if text and text != above.text and text not in above.text.split("\n"):
                    above.text = (above.text + "\n" + text).strip("\n")
                    above.raw = (above.raw + "\n" + raw).strip("\n")
                continue
            colspan = min(_int_attr(tc, "gridSpan"), n_cols - c)
            rowspan = min(_int_attr(tc, "rowSpan"), n_rows - r)
            if _true(tc, "hMerge") or _true(tc, "vMerge"):
                colspan = rowspan = 1      # a covered cell without its origin: a cell of its own
            cell = Cell(row=r, col=c, text=text, raw=raw, rowspan=rowspan, colspan=colspan,
                        page=number, shaded=_is_fill(tc),
                        bbox=(round(xs[c], 2), round(ys[r], 2),
                              round(xs[c + colspan], 2), round(ys[min(r + rowspan, n_rows)], 2)))
            cells.append(cell)
            for rr in range(r, r + rowspan):
                for cc in range(c, c + colspan):
                    owner.setdefault((rr, cc), cell)
    if not cells:
        return None
    return Table(cells=cells, n_rows=n_rows, n_cols=n_cols, page=number, bbox=bbox)
