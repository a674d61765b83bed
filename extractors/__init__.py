"""Extractors: recognise every form instance in a Document and turn it into records.

``extract(doc, ctx) -> Extraction``. Recognition is by content (header vocabularies in
schemas/rules/headers.json, and the wording of text-only forms), never by file name.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from typing import Optional

from pipeline import patterns
from schemas import Document, ExtractContext, Extraction, Table

from . import common as C
from . import recognize as R


@dataclass
class Meta:
    """A document's agency, fiscal year and searchable text."""
    source_file: str
    agency: str
    fiscal_year: Optional[int]
    text: str


def document_meta(doc: Document, ctx: ExtractContext) -> Meta:
    lines = C.doc_text_lines(doc)
    text = "\n".join(lines)
    agency = C.find_agency(text) or ctx.agency_fallback or ""
    fy = C.find_fiscal_year(text)
    if fy is None:
        fy = _year_of_dates(lines) or ctx.fiscal_year
    return Meta(ctx.source_file, agency, fy, text)


_DATE_LIKE = patterns.compile(r"[ก-ฮ]{1,2}\.\s?[ก-ฮ]{1,2}\.?\s?[0-9๐-๙]{2,4}|[ก-๙]{4,12}\s?(?:พ\.\s?ศ\.\s?)?[0-9๐-๙]{4}")


def _year_of_dates(lines: list[str]) -> Optional[int]:
    """The fiscal year most of the document's dates fall in (when none is stated)."""
    counts: Counter = Counter()
    for ln in lines:
        for m in _DATE_LIKE.finditer(ln):
            dv = C.N().parse_date(m.group(0))
            if dv.ok and dv.granularity in ("day", "month"):
                counts[C.N().fiscal_year_of(dv.start)] += 1
    return counts.most_common(1)[0][0] if counts else None


def with_nested_tables(doc: Document) -> Document:
    """The document with tables nested in table cells (a form laid out inside a frame table)
    as blocks of their own after their outer table, numbered after the document's tables."""
    if not any(c.tables for t in doc.tables() for c in t.cells):
        return doc
    next_index = max((t.index for t in doc.tables()), default=0) + 1
    pages = []

    def expand(table: Table, out: list) -> None:
        nonlocal next_index
        for c in table.cells:
            for inner in c.tables:
                inner = replace(inner, index=next_index, page=inner.page or c.page or table.page)
                next_index += 1
                out.append(inner)
                expand(inner, out)

    for p in doc.pages:
        blocks = []
        for b in p.blocks:
            blocks.append(b)
            if isinstance(b, Table):
                expand(b, blocks)
        pages.append(replace(p, blocks=blocks))
    return replace(doc, pages=pages)


def extract(doc: Document, ctx: ExtractContext) -> Extraction:
    try:
        return _extract(doc, ctx)
    finally:
        C.forget_tables()


def _extract(doc: Document, ctx: ExtractContext) -> Extraction:
    from . import activity_plan, form72, kpi_ladder, kpi_report
    doc = with_nested_tables(doc)
    meta = document_meta(doc, ctx)
    out = Extraction(source_file=ctx.source_file, agency=meta.agency, fiscal_year=meta.fiscal_year)
    parts: list[tuple[tuple, Extraction]] = []
    claimed: set[int] = set()
    for inst in R.recognize(doc):
        mod = form72 if inst.form == "form72" else activity_plan
        parts.append(((inst.tables[0].table.index,), mod.extract(doc, inst, meta)))
        claimed.update(tf.table.index for tf in inst.tables)
    # text-level forms are read from what the table forms did not claim
    rest = "\n".join(C.doc_text_lines(doc, skip=claimed))
    if R.is_kpi_report(doc, rest):
        # a table of ladder indicators in a milestone report (an annex) is read as the ladder
        # form's, and is no part of the report's indicators
        annex = kpi_ladder.ladder_tables(doc, frozenset(claimed))
        parts.append(((0,), kpi_report.extract(doc, meta, frozenset(claimed) | annex)))
        if annex:
            parts.append(((min(annex),), kpi_ladder.extract_tables(doc, meta, annex)))
    elif kpi_ladder.is_kpi_ladder(doc, rest, frozenset(claimed)):
        parts.append(((0,), kpi_ladder.extract(doc, meta, frozenset(claimed))))
    parts.sort(key=lambda p: p[0])
    for _, ex in parts:
        out.extend(ex)
    if not out.approvals and any(f != "activity_plan" for f in out.forms):
        # a form 7.2's or a KPI report's signature block after the last table (an activity
        # plan reads the block after each of its tables itself)
        ap = activity_plan.closing_approval(doc)
        if ap is not None:
            out.approvals.append(ap)
    for r in out.records:
        r.source_file = ctx.source_file
        r.agency = r.agency or meta.agency
        r.fiscal_year = r.fiscal_year or meta.fiscal_year
        if doc.format != "pdf":
            r.page = None
    return out
