"""What the tests of a format read as its twin compare: a document model as plain values, and
a file's records and findings as a run would give them."""
from __future__ import annotations

import datetime as _dt
from dataclasses import asdict
from pathlib import Path

from extract_helpers import extract_file
from schemas.document import Paragraph

AS_OF = _dt.date(2010, 10, 15)       # the samples' reporting date, as scripts/accuracy.py uses


def model(doc) -> list:
    """Everything a reader builds, as plain values (the path and format aside)."""
    out = [("warnings", tuple(doc.warnings))]
    for page in doc.pages:
        out.append(("page", page.number, page.name))
        for b in page.blocks:
            if isinstance(b, Paragraph):
                out.append(("p", b.text, b.raw, b.style, b.page, b.bbox))
            else:
                out.append(("t", b.n_rows, b.n_cols, b.sheet, b.index, b.page,
                            tuple((c.row, c.col, c.rowspan, c.colspan, c.text, c.raw, c.shaded,
                                   c.page, c.bbox, len(c.tables)) for c in b.cells)))
    return out


def records(path: Path) -> tuple[list[dict], list]:
    """The file's records (all fields but the file's name) and findings."""
    ex, findings = extract_file(path, as_of=AS_OF)
    rows = []
    for r in ex.records:
        d = asdict(r)
        d.pop("source_file")
        rows.append(d)
    return rows, findings


def assert_same_records(path: Path, twin: Path) -> None:
    """``path`` gives the records (field by field) and findings of ``twin``, and some."""
    got, got_findings = records(path)
    want, want_findings = records(twin)
    assert got and len(got) == len(want)
    for g, w in zip(got, want):
        assert g == w, {k: (g[k], w[k]) for k in g if g[k] != w[k]}
    assert got_findings == want_findings
