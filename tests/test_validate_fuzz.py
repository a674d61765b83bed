"""validate() on arbitrary extractions: it never raises (a crash would fail the whole file),
scores stay within 0..5, flags name exactly the codes of the findings about each record."""
from __future__ import annotations

from datetime import date

from hypothesis import given, settings, strategies as st

from schemas import (Approval, BudgetGroup, DeductionRule, DimensionRow, Extraction, Location,
                     MilestoneMatrix, Record, WeightGroup)
from schemas import rules
from pipeline.validate import validate

items = st.sampled_from(["1", "2", "3", "1.1", "1.2", "(1)", "7", ""])
months = st.one_of(st.sampled_from(["", "2010-05", "2009-10", "2010-13", "2011-02", "53",
                                    "2010-5", "abcd-ef"]),
                   st.dates(date(2005, 1, 1), date(2015, 12, 31)).map(lambda d: d.isoformat()[:7]))
days = st.one_of(st.sampled_from(["", "2010-02-30", "x"]),
                 st.dates(date(2005, 1, 1), date(2015, 12, 31)).map(date.isoformat))
nums = st.one_of(st.none(), st.floats(min_value=-1e4, max_value=1e4, allow_nan=False))
texts = st.sampled_from(["", "ร้อยละความพึงพอใจ", "ร้อยละความไม่พึงพอใจ", "เรื่องร้องเรียน", " "])


@st.composite
def records(draw):
    return Record(
        draw(st.sampled_from(["kpi", "activity", "milestone"])), source_file="f.docx",
        form=draw(st.sampled_from(["form72", "activity_plan", "kpi_report", "kpi_ladder", ""])),
        item_no=draw(items), parent_item=draw(items), kpi_no=draw(items), name=draw(texts),
        plan=draw(st.sampled_from(["", "กลุ่มที่ 1", "กลุ่มที่ 2"])),
        fiscal_year=draw(st.sampled_from([None, 2553, 2549, 0])),
        weight=draw(nums), actual=draw(nums), duration_months=draw(nums),
        level_1=draw(nums), level_2=draw(nums), level_3=draw(nums), level_4=draw(nums),
        level_5=draw(nums), start=draw(months), end=draw(months), deadline=draw(days),
        completed=draw(days), planned_months=";".join(draw(st.lists(months, max_size=3))),
        start_raw=draw(texts), end_raw=draw(texts), deadline_raw=draw(texts),
        start_status=draw(st.sampled_from(["", "ok", "invalid", "corrected"])),
        end_status=draw(st.sampled_from(["", "ok", "invalid"])),
        deadline_status=draw(st.sampled_from(["", "invalid"])),
        status=draw(st.sampled_from(["", "done", "not_done", "unknown"])),
        row_kind=draw(st.sampled_from(["", "group"])),
        level=draw(st.one_of(st.none(), st.integers(0, 6))),
        budget_thb=draw(st.one_of(st.none(), st.integers(0, 10 ** 7))),
        ladder_levels_raw=draw(st.lists(st.tuples(st.integers(1, 5), texts), max_size=6)),
        date_notes=draw(st.lists(st.tuples(st.just("start"), texts, texts, texts), max_size=2)),
        required_steps=draw(st.lists(st.lists(st.integers(1, 6), max_size=5), max_size=5)),
    )


loc = st.builds(Location, st.one_of(st.none(), st.integers(1, 9)),
                st.one_of(st.none(), st.integers(1, 9)), st.one_of(st.none(), st.integers(0, 9)))


@st.composite
def extractions(draw):
    ex = Extraction("f.docx", agency="จังหวัดระยอง", fiscal_year=draw(st.sampled_from([None, 2553])))
    ex.records = draw(st.lists(records(), max_size=25))
    ex.matrices = draw(st.lists(st.builds(
        MilestoneMatrix, items, loc,
        st.dictionaries(st.integers(0, 7), st.lists(st.integers(1, 7), max_size=6), max_size=6),
        st.lists(st.integers(1, 7), max_size=6), st.sampled_from([5, 3])), max_size=2))
    ex.budget_groups = draw(st.lists(st.builds(
        BudgetGroup, items, texts, loc, st.one_of(st.none(), st.integers(0, 10 ** 6)), texts,
        st.lists(items, max_size=4)), max_size=2))
    ex.weight_groups = draw(st.lists(st.builds(
        WeightGroup, items, nums, texts, st.lists(items, max_size=4), loc), max_size=2))
    ex.approvals = draw(st.lists(st.builds(Approval, loc, texts, texts,
                                           st.sampled_from(["", "2010-01-01"])), max_size=2))
    ex.dimensions = draw(st.lists(st.builds(DimensionRow, st.sampled_from(["7.1", "7.4"]), texts,
                                            texts, loc, st.integers(0, 2)), max_size=3))
    ex.deductions = draw(st.lists(st.builds(
        DeductionRule, items, st.floats(0, 1), st.floats(0, 0.1)), max_size=2))
    return ex


@settings(max_examples=300, deadline=None)
@given(extractions(), st.dates(date(2009, 1, 1), date(2012, 12, 31)))
def test_validate_never_raises_and_keeps_its_promises(ex, as_of):
    findings = validate(ex, as_of)
    known = rules.load("findings")
    for f in findings:
        assert f.code in known and f.code not in ("FILE_UNREADABLE", "NO_FORM_FOUND")
        assert f.severity == known[f.code]["severity"]
        assert f.message and f.source_file == "f.docx"
    for r in ex.records:
        assert r.score is None or 0 <= r.score <= 5
        about = {f.code for f in findings
                 if (f.item_no, f.record_type, f.table, f.row) == (r.item_no, r.record_type,
                                                                   r.table, r.row)}
        assert set(filter(None, r.flags.split(";"))) <= about
    assert validate(ex, as_of) == findings          # deterministic and repeatable
