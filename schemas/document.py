"""The document model every reader produces and every extractor consumes.

One model for all formats (PDF, DOCX, XLSX, text): a document is a list of pages, a page a list of
blocks in reading order, a block a paragraph or a table. Formats without pages (DOCX, XLSX, text)
have pages whose ``number`` is None: one page for DOCX and text, one per sheet for XLSX.

Every text keeps its raw form (as the file gave it) beside the repaired form (Thai repair applied);
every value keeps where it came from (page, and for PDFs its box in PDF points, top-left origin).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Optional, Union

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom


@dataclass
class Paragraph:
    """A run of text outside tables, with its page and position."""
    text: str                      # Thai-repaired, wrapped lines joined
    raw: str = ""                  # as extracted, before repair
    page: Optional[int] = None     # 1-based PDF page; None for formats without pages
    bbox: Optional[BBox] = None
    style: str = ""                # e.g. DOCX style name ("Heading 1"); informational


@dataclass
class Cell:
    """The top-left position of a (possibly merged) table cell."""
    row: int                       # 0-based row in the table grid
    col: int                       # 0-based column in the table grid
    text: str                      # Thai-repaired; lines inside the cell joined with "\n"
    raw: str = ""
    rowspan: int = 1
    colspan: int = 1
    page: Optional[int] = None
    bbox: Optional[BBox] = None
    shaded: bool = False           # filled background (DOCX shading, XLSX fill): Gantt bars
    tables: list["Table"] = field(default_factory=list)  # tables nested inside this cell


@dataclass
class Table:
    """A table as a grid of cells, with its page and position."""
    cells: list[Cell]
    n_rows: int
    n_cols: int
    page: Optional[int] = None     # page the table starts on
    index: int = 0                 # 1-based index of the table within the document
    bbox: Optional[BBox] = None
    sheet: str = ""                # XLSX sheet name

    def cell(self, row: int, col: int) -> Optional[Cell]:
        """The cell covering grid position (row, col), merged or not."""
        for c in self.cells:
            if c.row <= row < c.row + c.rowspan and c.col <= col < c.col + c.colspan:
                return c
        return None

    def grid(self, fill_merged: bool = False, limit: Optional[int] = None) -> list[list[str]]:
        """Text at every grid position. A merged cell's text sits at its top-left; the other
        positions it covers are "" unless ``fill_merged`` repeats the text there. With
        ``limit``, only the first ``limit`` rows (recognising a form reads only the top)."""
        n_rows, n_cols = _rows_upto(self.n_rows, limit), self.n_cols
        g = [[""] * n_cols for _ in range(n_rows)]
        for c in self.cells:
            if c.row >= n_rows or c.col >= n_cols:
                continue
            if not fill_merged or (c.rowspan == 1 and c.colspan == 1):
                g[c.row][c.col] = c.text
                continue
            for r in range(c.row, min(c.row + c.rowspan, n_rows)):
                row = g[r]
                for k in range(c.col, min(c.col + c.colspan, n_cols)):
                    row[k] = c.text
        return g

    def rows(self, limit: Optional[int] = None) -> list[list[Optional[Cell]]]:
        """Cells by grid position: the top-left Cell where a cell starts, None where a merged
        cell merely continues or nothing is. With ``limit``, only the first ``limit`` rows.
        The whole grid is built once and shared by the callers (the extractors ask for it
        several times a table): read it, never change it."""
        n_rows, n_cols = _rows_upto(self.n_rows, limit), self.n_cols
        whole = n_rows == self.n_rows
        # a reader that adds rows (a table continued on the next page) changes the key
        key = (len(self.cells), self.n_rows, n_cols)
        if whole:
            hit = self.__dict__.get("_rows")
            if hit is not None and hit[0] == key:
                return hit[1]
        g: list[list[Optional[Cell]]] = [[None] * n_cols for _ in range(n_rows)]
        for c in self.cells:
            if c.row < n_rows and c.col < n_cols:
                g[c.row][c.col] = c
        if whole:
            self.__dict__["_rows"] = (key, g)
        return g

    def row_pages(self) -> list[Optional[int]]:
        """The page each row starts on (tables may continue across pages)."""
        pages: list[Optional[int]] = [None] * self.n_rows
        for c in self.cells:
            if c.page is not None and c.row < self.n_rows:
                pages[c.row] = c.page if pages[c.row] is None else min(pages[c.row], c.page)
        # rows with no cell of their own (covered by merged cells) take the row above's page
        last = self.page
        for r in range(self.n_rows):
            pages[r] = last = pages[r] if pages[r] is not None else last
        return pages


def _rows_upto(n_rows: int, limit: Optional[int]) -> int:
    return n_rows if limit is None else max(0, min(n_rows, limit))


Block = Union[Paragraph, Table]


@dataclass
class Page:
    """One PDF page, XLSX sheet, or the whole of a format without pages."""
    number: Optional[int]          # 1-based PDF page number; None where the format has no pages
    blocks: list[Block] = field(default_factory=list)
    width: Optional[float] = None
    height: Optional[float] = None
    has_text_layer: bool = True    # False: a scanned page with no text (to be sent to OCR)
    ocr: bool = False              # its text was read from its image by OCR
    name: str = ""                 # XLSX sheet name


@dataclass
class Document:
    """What every reader produces: the pages of one file, in reading order."""
    path: str                      # path as given to the reader
    format: str                    # "pdf", "image", "docx", "doc", "odt", "xlsx", "xls", "ods", "pptx",
                                   # "txt", "tsv", "csv"
    pages: list[Page] = field(default_factory=list)
    encoding: str = ""             # text formats: the detected encoding
    warnings: list[str] = field(default_factory=list)  # reader notes, e.g. pages without text

    def blocks(self) -> Iterator[Block]:
        for p in self.pages:
            yield from p.blocks

    def tables(self) -> list[Table]:
        return [b for b in self.blocks() if isinstance(b, Table)]

    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks() if isinstance(b, Paragraph)]

    @property
    def page_count(self) -> Optional[int]:
        return len(self.pages) if self.format == "pdf" else None

    def pages_without_text(self) -> list[int]:
        return [p.number for p in self.pages
                if not p.has_text_layer and not p.ocr and p.number is not None]
