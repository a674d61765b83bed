"""``thaiforms text``: a Document as plain text (CONTRACT.md).

Paragraphs one per line; each table row one line with its cells joined by TAB; a blank line
between blocks; for PDFs a line ``--- page N ---`` before each page. Line breaks inside a
paragraph or cell are shown as spaces so that one row stays one line. Tables nested in a cell
follow their parent table as blocks of their own.
"""
from __future__ import annotations

from schemas.document import Document, Paragraph, Table


def _one_line(text: str) -> str:
    return " ".join(part.strip() for part in text.replace("\t", " ").splitlines() if part.strip())


def _table_blocks(table: Table) -> list[str]:
    lines = ["\t".join(_one_line(t) for t in row) for row in table.grid()]
    out = ["\n".join(lines)]
    for cell in sorted(table.cells, key=lambda c: (c.row, c.col)):
        for nested in cell.tables:
            out.extend(_table_blocks(nested))
    return out


def render_text(doc: Document) -> str:
    parts: list[str] = []
    for page in doc.pages:
        blocks: list[str] = []
        for block in page.blocks:
            if isinstance(block, Paragraph):
                line = _one_line(block.text)
                if line:
                    blocks.append(line)
            elif isinstance(block, Table):
                blocks.extend(_table_blocks(block))
        body = "\n\n".join(blocks)
        if doc.format in ("pdf", "pptx"):      # a slide is a page too
            header = f"--- page {page.number} ---"
            parts.append(header + ("\n" + body if body else ""))
        else:
            parts.append(body)
    text = "\n\n".join(p for p in parts if p)
    return text + "\n" if text else ""
