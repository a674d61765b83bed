"""Rebuild thaiforms' sample submissions and their expected results.

    .venv/bin/python samples/build.py            # everything
    .venv/bin/python samples/build.py rayong_plan_2553 seed000_kpi7_2549   # some stems
    .venv/bin/python samples/build.py --no-pdf   # skip LibreOffice

Sources are in samples/source/<stem>.py (see samples/source/_lib.py for the notation). Each is
rendered to the formats it asks for:

- DOCX with python-docx: real merged cells (gridSpan/vMerge), Thai fonts, shaded Gantt cells,
  header rows repeated on every page;
- PDF with LibreOffice (``soffice --headless --convert-to pdf``) from that DOCX;
- XLSX with openpyxl: merged ranges and fills, one sheet for all or one per table group;
- PPTX with python-pptx: slides of text boxes and tables, for indicators presented as decks;
- text: tab-separated like a Word text export, in the encoding the source asks for.

Expected results go to tests/expected/records/<stem>.csv and tests/expected/findings/<stem>.csv.
The broken files of samples/bad/ are made by samples/bad_files.py.

Builds are deterministic where the libraries allow it: zip entries get a fixed timestamp and the
document properties fixed dates; a PDF is only reconverted when the DOCX it comes from changed
(samples/pdf_sources.json keeps the DOCX hash each PDF was made from).
"""
from __future__ import annotations

import csv
import hashlib
import importlib.util
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SOURCE = HERE / "source"
EXPECTED = ROOT / "tests" / "expected"
PDF_SOURCES = HERE / "pdf_sources.json"
FIXED_DT = datetime(2010, 1, 4, 9, 0, 0)
ZIP_DT = (2010, 1, 4, 9, 0, 0)

# samples/ is itself a folder thaiforms reads: leave no __pycache__ in it
sys.dont_write_bytecode = True
sys.path.insert(0, str(SOURCE))
from _lib import L, U, S  # noqa: E402

# Columns of tests/expected/records/*.csv: a subset of consolidated.csv's, same names.
RECORD_COLUMNS = [
    "record_type", "form", "item_no", "parent_item", "kpi_no", "row_kind", "plan", "name",
    "dimension", "baseline", "target", "unit", "weight",
    "level_1", "level_2", "level_3", "level_4", "level_5", "direction", "actual", "score",
    "duration_months", "start", "end", "level", "deadline", "completed", "status",
    "budget_thb", "responsible", "agency", "fiscal_year",
]
FINDING_COLUMNS = ["code", "item_no", "value"]


# ----------------------------------------------------------------------------- sources

def load_sources(only: list[str] | None = None) -> list[dict]:
    before = sys.dont_write_bytecode
    sys.dont_write_bytecode = True       # no __pycache__ under samples/
    try:
        return _load_sources(only)
    finally:
        sys.dont_write_bytecode = before


def _load_sources(only: list[str] | None) -> list[dict]:
    docs = []
    for path in sorted(SOURCE.glob("*.py")):
        if path.name.startswith("_"):
            continue
        spec = importlib.util.spec_from_file_location(f"sample_{path.stem}", path)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        doc = mod.DOC
        if doc["stem"] != path.stem:
            raise ValueError(f"{path.name}: stem {doc['stem']!r} differs from the file name")
        if only and doc["stem"] not in only:
            continue
        docs.append(doc)
    return docs


def merges(rows: list[list[str]]) -> list[tuple[int, int, int, int]]:
    """(row, col, rowspan, colspan) of every cell that starts at a position (not L/U)."""
    out = []
    nr, nc = len(rows), len(rows[0])
    for r in range(nr):
        for c in range(nc):
            if rows[r][c] in (L, U):
                continue
            cs = 1
            while c + cs < nc and rows[r][c + cs] == L:
                cs += 1
            rs = 1
            while r + rs < nr and rows[r + rs][c] == U:
                rs += 1
            out.append((r, c, rs, cs))
    return out


def cell_text(text: str) -> tuple[str, bool]:
    """(text, shaded) of a grid cell."""
    if text.startswith(S):
        return text[len(S):], True
    return text, False


# ----------------------------------------------------------------------------- DOCX

def _fonts(el_rpr, font: str, size: float | None, bold: bool = False):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    rfonts = el_rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        el_rpr.insert(0, rfonts)
    for a in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        if rfonts.get(qn(a)) is not None:
            del rfonts.attrib[qn(a)]
    for a in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(a), font)
    if bold:
        for tag in ("w:b", "w:bCs"):
            el_rpr.append(OxmlElement(tag))
    if size:
        for tag in ("w:sz", "w:szCs"):
            old = el_rpr.find(qn(tag))
            if old is not None:
                el_rpr.remove(old)
            e = OxmlElement(tag)
            e.set(qn("w:val"), str(int(round(size * 2))))
            el_rpr.append(e)
    lang = el_rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        el_rpr.append(lang)
    lang.set(qn("w:bidi"), "th-TH")


def _write_paragraph(par, text: str, font: str, size: float, bold=False, align=""):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt
    run = par.add_run(text)
    _fonts(run._r.get_or_add_rPr(), font, size, bold)
    pf = par.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    if align:
        par.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT,
                         "left": WD_ALIGN_PARAGRAPH.LEFT}[align]


def _shade(cell, fill="A6A6A6"):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def _docx_table(document, block: dict, font: str, size: float, usable_cm: float):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm
    rows = block["rows"]
    nr, nc = len(rows), len(rows[0])
    table = document.add_table(rows=nr, cols=nc)
    if block["borders"]:
        table.style = document.styles["Table Grid"]
    table.autofit = False
    spans = merges(rows)
    # python-docx's table.cell() walks the whole table each time: index a grid of cells once
    grid0 = table._cells
    for r, c, rs, cs in spans:
        if rs > 1 or cs > 1:
            grid0[r * nc + c].merge(grid0[(r + rs - 1) * nc + c + cs - 1])
    cells = table._cells
    widths = block["widths"] or [1] * nc
    total = float(sum(widths))
    cm = [usable_cm * w / total for w in widths]
    grid = table._tbl.tblGrid
    for gc, w in zip(grid.findall(qn("w:gridCol")), cm):
        gc.set(qn("w:w"), str(int(Cm(w).twips)))
    tsize = block["size"] or size
    for r, c, rs, cs in spans:
        cell = cells[r * nc + c]
        cell.width = Cm(sum(cm[c:c + cs]))
        text, shaded = cell_text(rows[r][c])
        tc = cell._tc
        for p in list(tc.findall(qn("w:p")))[1:]:
            tc.remove(p)
        first = cell.paragraphs[0]
        for run in list(first.runs):
            run._r.getparent().remove(run._r)
        lines = text.split("\n") if text else []
        for i, line in enumerate(lines):
            par = first if i == 0 else cell.add_paragraph()
            _write_paragraph(par, line, font, tsize)
        if shaded:
            _shade(cell)
    # narrow cell margins (0.05 cm) so that Gantt month labels fit their columns
    tblpr = table._tbl.tblPr
    mar = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        e = OxmlElement(f"w:{side}")
        e.set(qn("w:w"), "28")
        e.set(qn("w:type"), "dxa")
        mar.append(e)
    tblpr.append(mar)
    for i in range(block["header_rows"]):
        trpr = table.rows[i]._tr.get_or_add_trPr()
        h = OxmlElement("w:tblHeader")
        h.set(qn("w:val"), "true")
        trpr.append(h)
    return table


def render_docx(doc: dict, path: Path) -> None:
    path.write_bytes(docx_bytes(doc))


def docx_bytes(doc: dict) -> bytes:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt
    document = docx.Document()
    font = doc.get("font", "TH SarabunPSK")
    size = doc.get("size", 14)
    normal = document.styles["Normal"]
    normal.font.size = Pt(size)
    _fonts(normal.element.get_or_add_rPr(), font, size)
    sec = document.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    if doc.get("landscape"):
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
    margin = doc.get("margin_cm", 1.5)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(sec, side, Cm(margin))
    usable = sec.page_width.cm - 2 * margin
    body = document.element.body
    # drop the template's empty first paragraph, if any
    for p in list(body.iterchildren()):
        if p.tag.endswith("}p") and not "".join(p.itertext()).strip():
            body.remove(p)
    for block in doc["blocks"]:
        kind = block["kind"]
        if kind == "p":
            par = document.add_paragraph()
            _write_paragraph(par, "", font, size)
            par.runs[0]._r.getparent().remove(par.runs[0]._r)
            lines = block["text"].split("\n")
            for i, line in enumerate(lines):
                run = par.add_run(line)
                _fonts(run._r.get_or_add_rPr(), font, block["size"] or size, block["bold"])
                if i < len(lines) - 1:
                    run.add_break()
            if block["align"]:
                _write_paragraph(par, "", font, size, align=block["align"])
                par.runs[-1]._r.getparent().remove(par.runs[-1]._r)
        elif kind == "table":
            _docx_table(document, block, font, size, usable)
            # Word needs a paragraph between two tables or it joins them
            document.add_paragraph()
        elif kind == "pagebreak":
            document.add_page_break()
    cp = document.core_properties
    cp.author = doc.get("author", "")
    cp.last_modified_by = doc.get("author", "")
    cp.title = doc.get("title", "")
    cp.created = FIXED_DT
    cp.modified = FIXED_DT
    cp.last_printed = FIXED_DT
    cp.revision = 1
    buf = io.BytesIO()
    document.save(buf)
    return normalize_zip(buf.getvalue())


# ----------------------------------------------------------------------------- PPTX

def render_pptx(doc: dict, path: Path) -> None:
    """Slides as an agency presents an indicator: each paragraph a text box, each table a
    PowerPoint table (merged cells, shaded Gantt cells), blocks down the slide and onto a new
    slide when the next does not fit (or at a page break). Heights are estimates: a deck is laid
    out by hand, not flowed."""
    from pptx import Presentation
    from pptx.dml.color import RGBColor
    from pptx.util import Cm, Pt
    font = doc.get("font", "TH SarabunPSK")
    size = doc.get("size", 14)
    prs = Presentation()
    prs.slide_width, prs.slide_height = Cm(33.867), Cm(19.05)
    margin, width, bottom = 1.0, 33.867 - 2.0, 19.05 - 0.8
    line_cm = size * 1.5 / 28.35            # a line of text at this size, in cm
    slide, y = None, bottom

    def room(h: float):
        nonlocal slide, y
        if slide is None or y + h > bottom:
            slide, y = prs.slides.add_slide(prs.slide_layouts[6]), 0.8

    def style(run, bold=False, run_size=0.0):
        run.font.name = font
        run.font.size = Pt(run_size or size)
        run.font.bold = bold

    for block in doc["blocks"]:
        kind = block["kind"]
        if kind == "pagebreak":
            slide, y = None, bottom
        elif kind == "p":
            lines = block["text"].split("\n")
            chars = max(20, int(width / 2.54 * 72 / (size * 0.45)))   # Thai at ≈0.45 em a character
            n = sum(1 + len(ln) // chars for ln in lines)
            h = n * line_cm + 0.3
            room(h)
            tf = slide.shapes.add_textbox(Cm(margin), Cm(y), Cm(width), Cm(h)).text_frame
            tf.word_wrap = True
            for i, ln in enumerate(lines):
                par = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
                style(par.add_run(), block["bold"], block["size"])
                par.runs[0].text = ln
            y += h
        elif kind == "table":
            rows = block["rows"]
            nr, nc = len(rows), len(rows[0])
            tsize = block["size"] or size
            row_h = [max(1, max(cell_text(t)[0].count("\n") + 1 + len(cell_text(t)[0]) // 60
                                for t in row if t not in (L, U))) * tsize * 1.5 / 28.35 + 0.2
                     for row in rows]
            room(min(sum(row_h), bottom - 0.8))
            shape = slide.shapes.add_table(nr, nc, Cm(margin), Cm(y), Cm(width),
                                           Cm(sum(row_h)))
            table = shape.table
            widths = block["widths"] or [1] * nc
            for c, w in enumerate(widths):
                table.columns[c].width = Cm(width * w / float(sum(widths)))
            for r, h in enumerate(row_h):
                table.rows[r].height = Cm(h)
            for r, c, rs, cs in merges(rows):
                cell = table.cell(r, c)
                if rs > 1 or cs > 1:
                    cell.merge(table.cell(r + rs - 1, c + cs - 1))
                text, shaded = cell_text(rows[r][c])
                tf = cell.text_frame
                for i, ln in enumerate(text.split("\n") if text else []):
                    par = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
                    style(par.add_run(), run_size=tsize)
                    par.runs[0].text = ln
                if shaded:
                    cell.fill.solid()
                    cell.fill.fore_color.rgb = RGBColor(0xA6, 0xA6, 0xA6)
            y += sum(row_h) + 0.4
    cp = prs.core_properties
    cp.author = doc.get("author", "")
    cp.last_modified_by = doc.get("author", "")
    cp.title = doc.get("title", "")
    cp.created = cp.modified = cp.last_printed = FIXED_DT
    cp.revision = 1
    buf = io.BytesIO()
    prs.save(buf)
    path.write_bytes(normalize_zip(buf.getvalue()))


# ----------------------------------------------------------------------------- XLSX

NUM_RE = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$|^-?\d+(\.\d+)?$")


def _xlsx_value(text: str, numbers: bool):
    if numbers and NUM_RE.match(text):
        v = float(text.replace(",", ""))
        return (int(v) if v.is_integer() else v), ("#,##0" if "," in text else "General")
    return text, None


def render_xlsx(doc: dict, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    wb = Workbook()
    wb.remove(wb.active)
    layout = doc.get("xlsx_layout", "one_sheet")
    numbers = doc.get("xlsx_numbers", False)
    font = Font(name=doc.get("font", "TH SarabunPSK"), size=doc.get("size", 14))
    fill = PatternFill("solid", fgColor="A6A6A6")
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    # group blocks into sheets: a table takes the paragraphs written before it
    groups: list[tuple[str, list[dict]]] = []
    pending: list[dict] = []
    n_table = 0
    for block in doc["blocks"]:
        if block["kind"] == "pagebreak":
            continue
        if block["kind"] == "p":
            if groups and not block.get("head") and not pending:
                groups[-1][1].append(block)       # a footer of the table above
            else:
                pending.append(block)
            continue
        n_table += 1
        name = doc.get("sheet", "Sheet1") if layout == "one_sheet" else (
            block["sheet"] or f"ตาราง {n_table}")
        if groups and groups[-1][0] == name:
            groups[-1][1].extend(pending + [block])
        else:
            groups.append((name, pending + [block]))
        pending = []
    if pending:
        if groups:
            groups[-1][1].extend(pending)
        else:
            groups.append((doc.get("sheet", "Sheet1"), pending))
    sheets = {}
    for name, blocks in groups:
        ws = sheets.get(name) or wb.create_sheet(name)
        if name not in sheets:
            sheets[name] = ws
            ws._next_row = 1
            ws._widths = {}
        r0 = ws._next_row
        for block in blocks:
            if block["kind"] == "p":
                c = ws.cell(row=r0, column=1, value=block["text"])
                c.font = Font(name=font.name, size=font.sz, bold=block["bold"])
                r0 += 1
                continue
            rows = block["rows"]
            r0 += 1 if r0 > 1 else 0
            widths = block["widths"] or [1] * len(rows[0])
            for r, cc, rs, cs in merges(rows):
                text, shaded = cell_text(rows[r][cc])
                value, fmt = _xlsx_value(text, numbers)
                cell = ws.cell(row=r0 + r, column=1 + cc, value=value if value != "" else None)
                cell.font = font
                cell.alignment = wrap
                if fmt:
                    cell.number_format = fmt
                if shaded:
                    cell.fill = fill
                if rs > 1 or cs > 1:
                    ws.merge_cells(start_row=r0 + r, start_column=1 + cc,
                                   end_row=r0 + r + rs - 1, end_column=1 + cc + cs - 1)
            if block["borders"]:
                for r in range(len(rows)):
                    for cc in range(len(rows[0])):
                        ws.cell(row=r0 + r, column=1 + cc).border = border
            for i, w in enumerate(widths):
                ws._widths[i] = max(ws._widths.get(i, 0), w)
            r0 += len(rows) + 1
        ws._next_row = r0
    for ws in sheets.values():
        tot = float(sum(ws._widths.values()) or 1)
        for i, w in ws._widths.items():
            ws.column_dimensions[get_column_letter(i + 1)].width = max(4, 160 * w / tot)
        del ws._next_row, ws._widths
    wb.properties.creator = doc.get("author", "")
    wb.properties.lastModifiedBy = doc.get("author", "")
    wb.properties.created = FIXED_DT
    buf = io.BytesIO()
    wb.save(buf)
    path.write_bytes(normalize_zip(buf.getvalue()))


# ----------------------------------------------------------------------------- text

def tsv_lines(doc: dict) -> list[str]:
    out: list[str] = []
    for block in doc["blocks"]:
        if block["kind"] == "pagebreak":
            continue
        if out:
            out.append("")
        if block["kind"] == "p":
            out.extend(block["text"].split("\n"))
            continue
        rows = block["tsv_rows"]
        if rows is None:
            rows = [[("" if t in (L, U) else cell_text(t)[0]) for t in row]
                    for row in block["rows"]]
        for row in rows:
            out.append("\t".join(t.replace("\n", " ") for t in row))
    return out


def csv_text(doc: dict, newline: str) -> str:
    """Comma-separated, as Excel saves "CSV UTF-8": quotes where a cell needs them."""
    rows: list[list[str]] = []
    for block in doc["blocks"]:
        if block["kind"] == "pagebreak":
            continue
        if rows:
            rows.append([])
        if block["kind"] == "p":
            rows.extend([line] for line in block["text"].split("\n"))
            continue
        for row in block["rows"]:
            rows.append([("" if t in (L, U) else cell_text(t)[0]).replace("\n", " ")
                         for t in row])
    width = max(len(r) for r in rows)      # Excel writes every row as wide as the sheet
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator=newline)
    for r in rows:
        w.writerow(r + [""] * (width - len(r)))
    return buf.getvalue()


def render_html(doc: dict, path: Path, encoding: str) -> None:
    """A web system's report export: an HTML page named .xls, its tables with rowspan/colspan
    and shaded cells by class, as Excel's and web systems' exports style them."""
    import html as _h
    enc = {"cp874": "windows-874"}.get(encoding, encoding)
    out = [f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={enc}">',
           "<style>td {border: 0.5pt solid windowtext;} .bar {background:#BFBFBF;}</style>",
           "</head><body>"]
    for block in doc["blocks"]:
        if block["kind"] == "pagebreak":
            continue
        if block["kind"] == "p":
            out.extend(f"<p>{_h.escape(line)}</p>" for line in block["text"].split("\n"))
            continue
        rows = block["rows"]
        starts = {(r, c): (rs, cs) for r, c, rs, cs in merges(rows)}
        out.append('<table border="1" cellspacing="0">')
        for r, row in enumerate(rows):
            out.append("<tr>")
            for c, t in enumerate(row):
                if (r, c) not in starts:
                    continue
                rs, cs = starts[(r, c)]
                text, shaded = cell_text(t)
                attrs = (f' rowspan="{rs}"' if rs > 1 else "") + (f' colspan="{cs}"' if cs > 1 else "")
                attrs += ' class="bar"' if shaded else ""
                out.append(f"<td{attrs}>" + "<br>".join(_h.escape(x) for x in text.split("\n"))
                           + "</td>")
            out.append("</tr>")
        out.append("</table>")
    out.append("</body></html>")
    # characters the page's encoding lacks are written as character references, as browsers do
    path.write_bytes(("\r\n".join(out) + "\r\n").encode(encoding, "xmlcharrefreplace"))


def render_text(doc: dict, path: Path, encoding: str) -> None:
    newline = doc.get("txt_newline", "\r\n")
    if path.suffix == ".csv":
        text = csv_text(doc, newline)
    else:
        text = newline.join(tsv_lines(doc)) + newline
    text = text.translate(doc.get("txt_translate", {}))
    if encoding == "utf-8-sig":
        data = b"\xef\xbb\xbf" + text.encode("utf-8")
    elif encoding == "utf-16":
        data = b"\xff\xfe" + text.encode("utf-16-le")
    else:
        data = text.encode(encoding)
    path.write_bytes(data)


# ----------------------------------------------------------------------------- helpers

def normalize_zip(data: bytes) -> bytes:
    """The same zip with fixed entry timestamps and fixed dates in docProps/core.xml."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                blob = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms)",
                              rb"\g<1>2010-01-04T09:00:00Z\g<3>", blob)
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_DT)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, blob)
    return out.getvalue()


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# Formats LibreOffice makes from a rendered DOCX or XLSX: the name soffice's --convert-to takes
# and the file it is made from. Office users save these with Word, Excel or LibreOffice.
CONVERTED = {"pdf": ("pdf", "docx"), "doc": ("doc:MS Word 97", "docx"),
             "odt": ("odt", "docx"), "xls": ("xls:MS Excel 97", "xlsx"), "ods": ("ods", "xlsx")}


def convert_pdfs(jobs: list[tuple[Path, Path]], force: bool = False) -> None:
    """Convert DOCX → PDF (and DOCX → DOC/ODT, XLSX → XLS/ODS, by the target's extension) with
    LibreOffice; skip a target whose source did not change."""
    known = json.loads(PDF_SOURCES.read_text()) if PDF_SOURCES.exists() else {}
    todo = []
    for src_path, out_path in jobs:
        key = str(out_path.relative_to(HERE))
        h = sha256(src_path)
        if not force and out_path.exists() and known.get(key) == h:
            continue
        todo.append((src_path, out_path, key, h))
    if not todo:
        return
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("soffice not found: converted samples kept as they are", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory(prefix="thaiforms_lo_") as tmp:
        profile = Path(tmp) / "profile"
        by_target: dict[str, list] = {}
        for job in todo:
            by_target.setdefault(job[1].suffix[1:], []).append(job)
        for ext, jobs_ in sorted(by_target.items()):
            outdir = Path(tmp) / f"out_{ext}"
            outdir.mkdir()
            srcs = []
            for src_path, out_path, key, h in jobs_:
                # a unique name per job: stems may repeat across folders
                s = Path(tmp) / f"{ext}_{len(srcs):03d}_{out_path.stem}{src_path.suffix}"
                shutil.copyfile(src_path, s)
                srcs.append(s)
            cmd = [soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                   "--convert-to", CONVERTED[ext][0], "--outdir", str(outdir)] + [str(s) for s in srcs]
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           timeout=600)
            for s, (src_path, out_path, key, h) in zip(srcs, jobs_):
                shutil.copyfile(outdir / (s.stem + "." + ext), out_path)
                known[key] = h
    PDF_SOURCES.write_text(json.dumps(dict(sorted(known.items())), indent=1,
                                      ensure_ascii=False) + "\n")


def fmt(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else repr(v)
    return str(v)


def write_expected(doc: dict) -> None:
    defaults = doc.get("truth_defaults", {})
    unknown = set()
    rows = []
    for r in doc.get("records", []):
        full = dict(defaults)
        full.update(r)
        unknown |= set(full) - set(RECORD_COLUMNS)
        rows.append([fmt(full.get(c)) for c in RECORD_COLUMNS])
    if unknown:
        raise ValueError(f"{doc['stem']}: unknown expected columns {sorted(unknown)}")
    cols = [c for c in RECORD_COLUMNS if c not in doc.get("truth_skip_columns", ())]
    idx = [RECORD_COLUMNS.index(c) for c in cols]
    (EXPECTED / "records").mkdir(parents=True, exist_ok=True)
    (EXPECTED / "findings").mkdir(parents=True, exist_ok=True)
    with open(EXPECTED / "records" / f"{doc['stem']}.csv", "w", newline="",
              encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(cols)
        for row in rows:
            w.writerow([row[i] for i in idx])
    with open(EXPECTED / "findings" / f"{doc['stem']}.csv", "w", newline="",
              encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(FINDING_COLUMNS)
        for code, item, value in doc.get("findings", []):
            w.writerow([code, item, value])


def build(doc: dict, pdf: bool, pdf_jobs: list) -> list[Path]:
    folder = HERE / doc["folder"]
    folder.mkdir(parents=True, exist_ok=True)
    stem = doc["stem"]
    formats = doc["formats"]
    made = []
    for base in ("docx", "xlsx"):
        from_base = [ext for ext, (_, src) in CONVERTED.items() if src == base and ext in formats]
        if base not in formats and not from_base:
            continue
        # a document only in converted formats: its DOCX/XLSX is an intermediate, kept out of samples/
        target = folder / f"{stem}.{base}" if base in formats else Path(TMP.name) / f"{stem}.{base}"
        (render_docx if base == "docx" else render_xlsx)(doc, target)
        if base in formats:
            made.append(target)
        if pdf:
            pdf_jobs.extend((target, folder / f"{stem}.{ext}") for ext in from_base)
    if "pptx" in formats:
        render_pptx(doc, folder / f"{stem}.pptx")
        made.append(folder / f"{stem}.pptx")
    if "html" in formats:
        # named .xls, as web systems name their exports (Excel opens them as a sheet); in a
        # folder of its own beside a real .xls of the same name
        (folder / "web_export").mkdir(exist_ok=True)
        render_html(doc, folder / "web_export" / f"{stem}.xls", doc.get("html_encoding", "utf-8"))
        made.append(folder / "web_export" / f"{stem}.xls")
    for ext in ("txt", "tsv", "csv"):
        if ext in formats:
            render_text(doc, folder / f"{stem}.{ext}", doc.get("txt_encoding", "utf-8"))
            made.append(folder / f"{stem}.{ext}")
    write_expected(doc)
    return made


TMP = tempfile.TemporaryDirectory(prefix="thaiforms_build_")


def main(argv: list[str]) -> int:
    pdf = "--no-pdf" not in argv
    force = "--force-pdf" in argv
    only = [a for a in argv if not a.startswith("--")]
    docs = load_sources(only or None)
    pdf_jobs: list = []
    for doc in docs:
        for p in build(doc, pdf, pdf_jobs):
            print(p.relative_to(ROOT))
    if pdf_jobs:
        convert_pdfs(pdf_jobs, force)
        for _, p in pdf_jobs:
            print(p.relative_to(ROOT))
    if not only:
        if pdf:
            import scan          # scanned copies of some PDFs, for OCR
            scan.main()
        import bad_files
        bad_files.main()
        write_files_expected(bad_files.EXPECT, docs)
    return 0


SUBMISSION = {".docx", ".pdf", ".xlsx", ".pptx", ".txt", ".tsv", ".csv", ".doc", ".odt", ".xls",
              ".ods", ".jpg", ".png", ".tif"}


def write_files_expected(bad: dict, docs: list[dict]) -> None:
    """tests/expected/files.csv: every file under samples/ and what `thaiforms run` should make
    of it. Files that are not submissions (this script, the sources, notes) are skipped."""
    no_form = {d["stem"] for d in docs if any(f[0] == "NO_FORM_FOUND" for f in d["findings"])}
    rows = []
    for path in sorted(HERE.rglob("*")):
        rel = path.relative_to(HERE).as_posix()
        if path.is_symlink():
            # a link is listed, never followed (bad/loop points to its own folder)
            rows.append([rel, path.stem, "skipped", ""])
            continue
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        if rel.startswith("bad/"):
            status, code = bad[path.name]
        elif path.suffix.lower() in SUBMISSION and not rel.startswith("source/"):
            status, code = "ok", ("NO_FORM_FOUND" if path.stem in no_form else "")
        else:
            status, code = "skipped", ""
        rows.append([rel, path.stem, status, code])
    with open(EXPECTED / "files.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["source_file", "stem", "status", "code"])
        w.writerows(rows)


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    raise SystemExit(main(sys.argv[1:]))
