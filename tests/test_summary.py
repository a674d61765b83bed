"""summarize(): one row per agency and fiscal year; format_summary(): the terminal table."""
from __future__ import annotations

from datetime import date

from schemas import FileResult, Record
from pipeline.findings import finding_for, make_finding
from pipeline.summary import SUMMARY_COLUMNS, format_summary, summarize

AS_OF = date(2010, 10, 15)
RAYONG, DOPA = "จังหวัดระยอง", "กรมการปกครอง"


def rec(record_type, source_file, agency, fy, **kw):
    return Record(record_type, source_file=source_file, agency=agency, fiscal_year=fy, **kw)


def fixture():
    files = [FileResult("rayong/plan.docx", agency=RAYONG, fiscal_year=2553),
             FileResult("rayong/plan.pdf", agency=RAYONG, fiscal_year=2553),
             FileResult("dopa/kpi7.txt"),                      # agency only on its records
             FileResult("dopa/broken.pdf", status="failed", error="encrypted")]
    records = [
        rec("activity", "rayong/plan.docx", RAYONG, 2553, item_no="1", end="2010-08",
            deadline="2010-08-31"),                                        # past its end
        rec("activity", "rayong/plan.docx", RAYONG, 2553, item_no="2", end="2010-11",
            deadline="2010-11-30"),                                        # not yet
        rec("activity", "rayong/plan.docx", RAYONG, 2553, item_no="3", row_kind="group"),
        rec("activity", "rayong/plan.pdf", RAYONG, 2553, item_no="4", end="2010-09"),  # no deadline
        rec("activity", "rayong/plan.pdf", RAYONG, 2553, item_no="5", end="2010-09",
            deadline="2010-09-30", completed="2010-09-10"),                # reported done
        rec("kpi", "dopa/kpi7.txt", DOPA, 2549, item_no="7", form="kpi_report"),
        rec("milestone", "dopa/kpi7.txt", DOPA, 2549, item_no="1", status="done"),
        rec("milestone", "dopa/kpi7.txt", DOPA, 2549, item_no="2", status="not_done"),
        rec("milestone", "dopa/kpi7.txt", DOPA, 2549, item_no="3", status="unknown"),
    ]
    findings = [
        finding_for(records[0], "DATE_MISSING"),
        finding_for(records[5], "MILESTONE_MISSING", "ระดับ 5: ไม่มี"),
        finding_for(records[5], "WEIGHT_MISSING"),
        make_finding("DIMENSION_EMPTY", "rayong/plan.docx", value="7.4", agency=RAYONG,
                     fiscal_year=2553),
        make_finding("FILE_UNREADABLE", "dopa/broken.pdf", reason="encrypted",
                     reason_th="ไฟล์ถูกเข้ารหัส"),
    ]
    return files, records, findings


def test_one_row_per_agency_and_year():
    rows = summarize(*fixture(), AS_OF)
    assert [(r["agency"], r["fiscal_year"]) for r in rows] == [("", None), (DOPA, 2549),
                                                                (RAYONG, 2553)]
    for r in rows:
        assert list(r) == SUMMARY_COLUMNS


def test_counts():
    rows = {r["agency"]: r for r in summarize(*fixture(), AS_OF)}
    rayong, dopa, unknown = rows[RAYONG], rows[DOPA], rows[""]
    assert (rayong["files"], rayong["records"], rayong["errors"], rayong["warnings"]) == (2, 5, 0, 1)
    assert rayong["activities_overdue"] == 2        # items 1 and 4; not 2 (future), 3, 5
    assert (dopa["files"], dopa["records"], dopa["errors"], dopa["warnings"]) == (1, 4, 1, 1)
    assert dopa["missing_milestones"] == 1
    assert dopa["steps_not_done"] == 1              # "unknown" is not counted
    assert (unknown["files"], unknown["files_failed"], unknown["errors"]) == (1, 1, 1)


def test_a_file_row_without_a_year_takes_it_from_its_records():
    files = [FileResult("rayong/plan.docx", agency=RAYONG)]
    records = [rec("activity", "rayong/plan.docx", RAYONG, 2553, item_no="1")]
    rows = summarize(files, records, [], AS_OF)
    assert [(r["agency"], r["fiscal_year"], r["files"], r["records"]) for r in rows] == \
        [(RAYONG, 2553, 1, 1)]


def test_overdue_depends_on_as_of():
    files, records, findings = fixture()
    rows = {r["agency"]: r for r in summarize(files, records, findings, date(2010, 8, 31))}
    assert rows[RAYONG]["activities_overdue"] == 0
    rows = {r["agency"]: r for r in summarize(files, records, findings, date(2010, 12, 1))}
    assert rows[RAYONG]["activities_overdue"] == 3


def test_empty_input():
    assert summarize([], [], [], AS_OF) == []
    assert format_summary([]) == "No files processed."


def test_format_summary_lines_up_thai_names():
    text = format_summary(summarize(*fixture(), AS_OF))
    lines = text.splitlines()
    assert lines[0].split()[:3] == ["agency", "year", "files"]
    assert any(line.startswith(RAYONG) for line in lines)
    assert any(line.startswith("(no agency)") for line in lines)
    total = lines[-1].split()
    assert total[0] == "total" and total[1:4] == ["4", "9", "2"]   # files, records, errors
    # every line has the same display width: Thai marks above/below the line take no column
    from pipeline.summary import _width
    assert len({_width(line) for line in lines}) == 1


def test_skipped_files_make_no_agency_row():
    files = [FileResult("rayong/plan.docx", agency=RAYONG, fiscal_year=2553),
             FileResult("source/build.py", status="skipped", error="not a submission format")]
    rows = summarize(files, [], [], AS_OF)
    assert [(r["agency"], r["files"]) for r in rows] == [(RAYONG, 1)]


def test_summaries_of_files_add_up_to_the_batch_summary(tmp_path):
    """What the workers do (summarize each file) and what the parent does (merge) gives the
    summary of all files' records and findings taken together."""
    from datetime import date
    from pathlib import Path

    from pipeline import batch, summary

    root = Path(__file__).resolve().parent.parent / "samples"
    settings = batch.Settings(as_of=date(2010, 10, 15), use_cache=False, keep_rows=True)
    outcomes = [batch.process_file(p, str(p.relative_to(root)), settings)
                for p in sorted(root.rglob("*")) if p.is_file() and not p.is_symlink()
                and p.suffix in (".docx", ".xlsx", ".txt", ".csv", ".pdf")
                and "bad" not in p.parts][:40]
    assert len(outcomes) >= 30
    files = [o.file for o in outcomes]
    records = [r for o in outcomes for r in o.records]
    findings = [f for o in outcomes for f in o.findings]
    whole = summary.summarize(files, records, findings, date(2010, 10, 15))
    merged = summary.merge(o.summary for o in outcomes)
    assert merged == whole
    assert sum(r["records"] for r in merged) == len(records) > 100
    assert len({(r["agency"], r["fiscal_year"]) for r in merged}) >= 5
