"""Building Documents in code for extractor tests (awkward layouts without sample files)."""
from __future__ import annotations

from datetime import date
from typing import Optional

from schemas import Cell, Document, ExtractContext, Page, Paragraph, Table


def table(rows: list[list[str]], merges: Optional[dict] = None, shaded: Optional[set] = None,
          index: int = 1, page: Optional[int] = None) -> Table:
    """A Table from rows of strings. ``merges``: {(row, col): (rowspan, colspan)}; positions a
    merged cell covers are skipped. ``shaded``: {(row, col)} with a filled background."""
    merges = merges or {}
    shaded = shaded or set()
    covered = set()
    for (r, c), (rs, cs) in merges.items():
        for rr in range(r, r + rs):
            for cc in range(c, c + cs):
                if (rr, cc) != (r, c):
                    covered.add((rr, cc))
    n_cols = max(len(r) for r in rows)
    cells = []
    for r, row in enumerate(rows):
        for c in range(n_cols):
            if (r, c) in covered:
                continue
            text = row[c] if c < len(row) else ""
            rs, cs = merges.get((r, c), (1, 1))
            cells.append(Cell(row=r, col=c, text=text, raw=text, rowspan=rs, colspan=cs,
                              shaded=(r, c) in shaded, page=page))
    return Table(cells=cells, n_rows=len(rows), n_cols=n_cols, index=index, page=page)


def doc(*blocks, fmt: str = "docx") -> Document:
    """A one-page Document; tables are numbered in order."""
    page = Page(number=1 if fmt == "pdf" else None)
    n = 0
    for b in blocks:
        if isinstance(b, str):
            b = Paragraph(text=b, raw=b)
        if isinstance(b, Table):
            n += 1
            b.index = n
        page.blocks.append(b)
    return Document(path="test." + fmt, format=fmt, pages=[page])


def ctx(name: str = "agency/test.docx", fiscal_year=None, agency: str = "agency") -> ExtractContext:
    return ExtractContext(source_file=name, fiscal_year=fiscal_year, agency_fallback=agency)


def extract_file(path, as_of: date = date(2026, 11, 22)):
    """(the extraction, sorted (item_no, code) of its findings) of a file read, extracted and
    validated as a run does."""
    from extractors import extract
    from pipeline.readers import read_document
    from pipeline.validate import validate
    ex = extract(read_document(str(path)), ctx(name=path.name, agency=""))
    return ex, sorted((f.item_no, f.code) for f in validate(ex, as_of))


def write_docx(path, blocks):
    """A Word file of ``blocks`` in order: a string is a paragraph, a list of rows a ruled table
    (ruled so that a PDF exported from it keeps its cells)."""
    import docx
    d = docx.Document()
    for b in blocks:
        if isinstance(b, str):
            d.add_paragraph(b)
            continue
        t = d.add_table(rows=len(b), cols=max(len(r) for r in b))
        t.style = "Table Grid"
        for i, row in enumerate(b):
            for j, x in enumerate(row):
                t.cell(i, j).text = x
    d.save(path)
    return path


def write_csv(path, lines, *tables, encoding: str = "utf-8-sig"):
    """A CSV export: ``lines`` above (one field each), then each table of ``tables`` after an
    empty row, as a spreadsheet saved as CSV writes a sheet."""
    import csv
    with open(path, "w", encoding=encoding, newline="") as f:
        w = csv.writer(f)
        for line in lines:
            w.writerow([line])
        for rows in tables:
            w.writerow([])
            w.writerows(rows)
    return path


def write_pptx(path, slides):
    """A deck: each slide a title and blocks in order, a string a text box, a list of rows a
    table."""
    from pptx import Presentation
    from pptx.util import Pt
    prs = Presentation()
    for title, blocks in slides:
        s = prs.slides.add_slide(prs.slide_layouts[5])
        s.shapes.title.text = title
        y = 130
        for b in blocks:
            if isinstance(b, str):
                s.shapes.add_textbox(Pt(30), Pt(y), Pt(640), Pt(24)).text_frame.text = b
                y += 30
                continue
            t = s.shapes.add_table(len(b), max(len(r) for r in b), Pt(30), Pt(y), Pt(640),
                                   Pt(22 * len(b))).table
            for i, row in enumerate(b):
                for j, x in enumerate(row):
                    t.cell(i, j).text = x
            y += 22 * len(b) + 10
    prs.save(path)
    return path
