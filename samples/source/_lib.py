"""Small helpers for writing sample documents as data.

A document source (``samples/source/<stem>.py``) defines ``DOC``: a dict with

- ``stem``, ``folder`` (path under samples/), ``formats`` (``docx``, ``pdf``, ``xlsx``, ``txt``,
  ``tsv``, ``html``: a web page named .xls) and per-format options (``txt_encoding``,
  ``html_encoding``, ``xlsx_layout``, ``landscape``, ``font``);
- ``blocks``: paragraphs (``P(...)``) and tables (``T(...)``) in reading order;
- ``records`` / ``findings``: the expected results, written by hand from the document.

Table grids are written row by row, every row as long as the table is wide. Two markers describe
merged cells the way they look on paper:

- ``L`` ("<<"): this position belongs to the cell on its left (gridSpan in Word, merged range in
  Excel);
- ``U`` ("^^"): this position belongs to the cell above (vMerge in Word).

A cell text starting with ``##`` is shaded (a Gantt bar); the rest of the text, if any, is written
in the cell. ``\\n`` inside a cell is a line break in the cell (a new paragraph in Word).
"""
from __future__ import annotations

L = "<<"          # merged with the cell to the left
U = "^^"          # merged with the cell above
S = "##"          # shaded, empty
MONTHS_ABBR = ["ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
               "ก.ค.", "ส.ค.", "ก.ย."]


def P(text: str, style: str = "", bold: bool = False, align: str = "", size: float = 0,
      head: bool = False) -> dict:
    """A paragraph. ``style``: a Word style name such as ``Heading 1``. ``head``: the paragraph
    is a title of the table that follows it (in a workbook laid out one sheet per table, it goes
    on that table's sheet; other paragraphs stay under the table before them)."""
    return {"kind": "p", "text": text, "style": style, "bold": bold, "align": align, "size": size,
            "head": head}


def T(rows: list[list[str]], *, header_rows: int = 1, borders: bool = True, widths=None,
      sheet: str = "", size: float = 0, tsv_rows: list[list[str]] | None = None) -> dict:
    """A table. ``widths``: relative column widths. ``sheet``: the XLSX sheet it goes to when the
    document is laid out one sheet per table group. ``tsv_rows``: the rows exactly as a text
    export shows them, when that differs from the grid (a broken export)."""
    n = len(rows[0])
    for i, r in enumerate(rows):
        if len(r) != n:
            raise ValueError(f"row {i} has {len(r)} cells, expected {n}: {r[:3]}")
    return {"kind": "table", "rows": rows, "header_rows": header_rows, "borders": borders,
            "widths": widths, "sheet": sheet, "size": size, "tsv_rows": tsv_rows}


def PB() -> dict:
    """A page break (Word/PDF only)."""
    return {"kind": "pagebreak"}


def blank(n: int) -> list[str]:
    return [""] * n


def gantt(n: int, months: list[int] | tuple = (), mark: str = S, first: int = 1) -> list[str]:
    """``n`` month cells; the cells of ``months`` (1-based positions, 1 = first column) get
    ``mark`` (``##`` = shaded, or a tick such as ``✓``)."""
    cells = []
    for i in range(first, first + n):
        cells.append(mark if i in months else "")
    return cells


def span(text: str, n: int) -> list[str]:
    """A cell spanning ``n`` columns."""
    return [text] + [L] * (n - 1)


def up(n: int) -> list[str]:
    """``n`` positions merged with the cells above."""
    return [U] * n


# ---- expected results -------------------------------------------------------------------

def rec(record_type: str, **fields) -> dict:
    d = {"record_type": record_type}
    d.update(fields)
    return d


def kpi(**fields) -> dict:
    return rec("kpi", **fields)


def act(**fields) -> dict:
    return rec("activity", **fields)


def ms(**fields) -> dict:
    return rec("milestone", **fields)


def fnd(code: str, item_no: str = "", value: str = "") -> tuple[str, str, str]:
    return (code, item_no, value)
