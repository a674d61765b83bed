"""Activity plans scheduled by quarter columns that write their months, and plans that report
each item's result.

A quarter column headed `ไตรมาสที่ 1 (ต.ค.-ธ.ค. 68)` (one line, wrapped, or the months in a header
row under the quarters) is a schedule column like a bare `ไตรมาสที่ 1`: a tick in it plans the
quarter's three months. A results column (`ผลการดำเนินงาน`) gives each item a `status` (`done`,
`not_done`, `unknown`), `completed` when it names the day, and keeps the cell in `completed_raw`;
DEADLINE_MISSED then fires for activities as it does for milestone steps. Plans without such a
column keep `status`, `completed` and `completed_raw` empty.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from extract_helpers import ctx, doc, table
from extractors import extract
from extractors.activity_plan import _quarter_cell, read_result
from pipeline.readers import read_document
from pipeline.summary import summarize
from pipeline.validate import validate

AS_OF = date(2025, 10, 15)
TITLE = "แผนปฏิบัติการ จังหวัดลำพูน ประจำปีงบประมาณ พ.ศ. 2569"
Q_MONTHS = {1: ["2025-10", "2025-11", "2025-12"], 2: ["2026-01", "2026-02", "2026-03"],
            3: ["2026-04", "2026-05", "2026-06"], 4: ["2026-07", "2026-08", "2026-09"]}
# item, name, duration, quarters ticked
ITEMS = [("1", "กิจกรรมไตรมาสแรก", "3 เดือน", (1,)),
         ("2", "กิจกรรมไตรมาสสองสาม", "6 เดือน", (2, 3)),
         ("3", "กิจกรรมทั้งปี", "12 เดือน", (1, 2, 3, 4)),
         ("4", "กิจกรรมไตรมาสสุดท้าย", "3 เดือน", (4,))]
ONE_LINE = ["ไตรมาสที่ 1 (ต.ค.-ธ.ค. 68)", "ไตรมาสที่ 2 (ม.ค.-มี.ค. 69)", "ไตรมาสที่ 3 (เม.ย.-มิ.ย. 69)",
            "ไตรมาสที่ 4 (ก.ค.-ก.ย. 69)"]
WRAPPED = [q.replace(" (", "\n(") for q in ONE_LINE]
MIXED = WRAPPED[:2] + ["ไตรมาสที่ 3", "ไตรมาสที่ 4"]      # months written over two quarters only


def _expected():
    return [(no, Q_MONTHS[min(qs)][0], Q_MONTHS[max(qs)][-1],
             ";".join(m for q in qs for m in Q_MONTHS[q]),
             f"{Q_MONTHS[max(qs)][-1]}-{30 if max(qs) in (3, 4) else 31}")
            for no, _, _, qs in ITEMS]


def _quarter_plan(quarters, title=TITLE):
    head = ["ที่", "กิจกรรม", "ระยะเวลา"] + list(quarters) + ["งบประมาณ (บาท)", "ผู้รับผิดชอบ"]
    rows = [head] + [[no, name, dur] + ["✓" if q in qs else "" for q in (1, 2, 3, 4)]
                     + ["1,000", "สนจ."] for no, name, dur, qs in ITEMS]
    return extract(doc(title, table(rows)), ctx())


def _schedule(ex):
    return [(r.item_no, r.start, r.end, r.planned_months, r.deadline) for r in ex.records]


def _codes(ex):
    return sorted((f.item_no, f.code) for f in validate(ex, AS_OF))


@pytest.mark.parametrize("quarters", [ONE_LINE, WRAPPED, MIXED,
                                      ["ไตรมาสที่ 1", "ไตรมาสที่ 2", "ไตรมาสที่ 3", "ไตรมาสที่ 4"],
                                      ["Q1 (ต.ค.-ธ.ค. 68)", "Q2 (ม.ค.-มี.ค. 69)", "Q3 (เม.ย.-มิ.ย. 69)",
                                       "Q4 (ก.ค.-ก.ย. 69)"],
                                      ["ไตรมาส 1 ต.ค.-ธ.ค.", "ไตรมาส 2 ม.ค.-มี.ค.", "ไตรมาส 3 เม.ย.-มิ.ย.",
                                       "ไตรมาส 4 ก.ค.-ก.ย."]],
                         ids=["one_line", "wrapped", "mixed", "bare", "q_en", "months_no_year"])
def test_quarter_columns_with_their_months_plan_the_quarters_months(quarters):
    ex = _quarter_plan(quarters)
    assert _schedule(ex) == _expected()
    assert [(r.duration_months, r.fiscal_year) for r in ex.records] == [(3, 2569), (6, 2569),
                                                                        (12, 2569), (3, 2569)]
    assert _codes(ex) == []              # no DATE_MISSING, no DURATION_MISMATCH


def test_quarters_under_a_banner_with_months_in_a_header_row_of_their_own():
    head1 = ["ที่", "กิจกรรม/ขั้นตอนการดำเนินงาน", "ระยะเวลา", "ระยะเวลาดำเนินการ", "", "", "",
             "งบประมาณ (บาท)", "ผู้รับผิดชอบ"]
    head2 = ["", "", "", "ไตรมาสที่ 1", "ไตรมาสที่ 2", "ไตรมาสที่ 3", "ไตรมาสที่ 4", "", ""]
    head3 = ["", "", "", "ต.ค.-ธ.ค. 68", "ม.ค.-มี.ค. 69", "เม.ย.-มิ.ย. 69", "ก.ค.-ก.ย. 69", "", ""]
    rows = [head1, head2, head3] + [[no, name, dur] + ["✓" if q in qs else "" for q in (1, 2, 3, 4)]
                                    + ["1,000", "สนจ."] for no, name, dur, qs in ITEMS]
    merges = {(0, 3): (1, 4), (0, 0): (3, 1), (0, 1): (3, 1), (0, 2): (3, 1), (0, 7): (3, 1),
              (0, 8): (3, 1)}
    ex = extract(doc(TITLE, table(rows, merges=merges)), ctx())
    assert _schedule(ex) == _expected()
    assert _codes(ex) == []


def test_quarter_months_with_years_give_the_fiscal_year_a_plan_does_not_state():
    ex = _quarter_plan(ONE_LINE, title="แผนปฏิบัติการ จังหวัดลำพูน")
    assert _schedule(ex) == _expected()
    assert {r.fiscal_year for r in ex.records} == {2569}


@pytest.mark.parametrize("text, want", [
    ("ไตรมาสที่ 1", (1, None)),
    ("ไตรมาสที่ 2\n(ม.ค.-มี.ค. 69)", (2, (1, 3, 2026))),
    ("ไตรมาสที่ ๓ (เม.ย.-มิ.ย.)", (3, (4, 3, None))),
    ("Q4/69", (4, None)),
    ("ไตรมาสที่ 3 และ 4", None),            # a period written in a cell, not a column header
    ("ไตรมาสที่ 1-2", None),
    ("ไตรมาสที่ 1 ประชุมคณะทำงาน", None),
])
def test_quarter_header_cell(text, want):
    assert _quarter_cell(text) == want


# ---------------------------------------------------------------- results column

# item, deadline cell, result as written, status, completed
RESULTS = [
    ("1", "10/10/2568", "อยู่ระหว่างดำเนินการ", "not_done", ""),
    ("2", "10/10/2568", "แล้วเสร็จ 20/10/2568", "done", "2025-10-20"),
    ("3", "10/10/2568", "ดำเนินการแล้วเสร็จ", "done", ""),
    ("4", "10/10/2568", "ยังไม่ดำเนินการ", "not_done", ""),
    ("5", "31/12/2568", "ยังไม่แล้วเสร็จ", "not_done", ""),       # not yet due: no finding
    ("6", "10/10/2568", "", "unknown", ""),
    ("7", "10/10/2568", "แล้วเสร็จ ๕ ต.ค. ๖๘", "done", "2025-10-05"),   # on time
    ("8", "10/10/2568", "ขอขยายเวลา", "unknown", ""),
]


def _results_rows():
    head = ["ที่", "กิจกรรม", "วันเริ่มต้น", "กำหนดแล้วเสร็จ", "งบประมาณ (บาท)", "ผู้รับผิดชอบ",
            "ผลการดำเนินงาน"]
    return [head] + [[no, f"กิจกรรมที่ทดสอบ {no}", "01/10/2568", dl, "1,000", "สนจ.", res]
                     for no, dl, res, _, _ in RESULTS]


def _check_results(ex):
    got = [(r.item_no, r.deadline, r.completed_raw, r.status, r.completed) for r in ex.records]
    assert got == [(no, f"{dl[6:]}-{dl[3:5]}-{dl[:2]}".replace("2568", "2025"), res, st, comp)
                   for no, dl, res, st, comp in RESULTS]
    missed = [(f.item_no, f.value) for f in validate(ex, AS_OF) if f.code == "DEADLINE_MISSED"]
    assert missed == [("1", "2025-10-10"), ("2", "2025-10-10 -> 2025-10-20"), ("4", "2025-10-10")]


def test_results_column_gives_status_completion_and_deadline_missed():
    ex = extract(doc("แผนการดำเนินงาน จังหวัดศรีสะเกษ ประจำปีงบประมาณ พ.ศ. 2569",
                     table(_results_rows())), ctx())
    _check_results(ex)
    assert {r.start for r in ex.records} == {"2025-10"}


def test_plan_without_a_results_column_reports_nothing_and_fires_no_deadline_missed():
    rows = [r[:6] for r in _results_rows()]
    ex = extract(doc("แผนการดำเนินงาน จังหวัดศรีสะเกษ ประจำปีงบประมาณ พ.ศ. 2569", table(rows)), ctx())
    assert {(r.status, r.completed, r.completed_raw) for r in ex.records} == {("", "", "")}
    assert [f for f in validate(ex, AS_OF) if f.code == "DEADLINE_MISSED"] == []


def test_results_ditto_and_wrapped_result_text():
    head = ["ที่", "กิจกรรม", "เริ่มต้น", "สิ้นสุด", "ผู้รับผิดชอบ", "สถานะ"]
    rows = [head,
            ["1", "ประชุมชี้แจง", "ต.ค. 68", "ต.ค. 68", "สนจ.", "ดำเนินการแล้วเสร็จ"],
            ["2", "จัดทำแผน", "ต.ค. 68", "ต.ค. 68", "สนจ.", "〃"],
            ["3", "ลงพื้นที่", "ต.ค. 68", "ต.ค. 68", "สนจ.", "ดำเนินการแล้วเสร็จ"],
            ["", "", "", "", "", "เมื่อวันที่ 28 ต.ค. 68"]]      # the result wraps to a row below
    ex = extract(doc("แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2569", table(rows)), ctx())
    got = [(r.item_no, r.status, r.completed, r.completed_raw) for r in ex.records]
    assert got == [("1", "done", "", "ดำเนินการแล้วเสร็จ"),
                   ("2", "done", "", "〃"),
                   # wrapped lines joined as everywhere: no space between two Thai letters
                   ("3", "done", "2025-10-28", "ดำเนินการแล้วเสร็จเมื่อวันที่ 28 ต.ค. 68")]


@pytest.mark.parametrize("text, want", [
    ("อยู่ระหว่างดำเนินการ", ("not_done", "")),
    ("ยังไม่ดำเนินการ", ("not_done", "")),
    ("ยังไม่แล้วเสร็จ", ("not_done", "")),
    ("ดำเนินการแล้ว ร้อยละ 60", ("not_done", "")),
    ("ดำเนินการแล้วเสร็จ", ("done", "")),
    ("แล้วเสร็จ 20/10/2568", ("done", "2025-10-20")),
    ("20/10/2568", ("done", "2025-10-20")),
    ("แล้วเสร็จ 20 เม.ย. 2569", ("done", "2026-04-20")),          # a month with a leading vowel
    ("✓ (15 ต.ค. 68)", ("done", "2025-10-15")),
    ("ขยายเวลาถึง 30/11/2568", ("unknown", "")),
    ("-", ("unknown", "")),
    ("", ("unknown", "")),
])
def test_read_result(text, want):
    assert read_result(text, 2569) == want


def test_summary_counts_overdue_activities_with_status_set():
    ex = extract(doc("แผนการดำเนินงาน จังหวัดศรีสะเกษ ประจำปีงบประมาณ พ.ศ. 2569",
                     table(_results_rows())), ctx())
    for r in ex.records:
        r.agency = "จังหวัดศรีสะเกษ"
    [row] = summarize([], ex.records, [], as_of=AS_OF)
    # past their deadline and not reported done: 1 and 4 (not_done), 6 and 8 (unknown);
    # 2, 3 and 7 are done, 5 is not yet due
    assert row["activities_overdue"] == 4


def test_docx_quarter_months_and_results_read_back_through_the_reader(tmp_path: Path):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_paragraph("แผนปฏิบัติการโครงการ จังหวัดลำพูน ประจำปีงบประมาณ พ.ศ. 2569")
    head = ["ที่", "กิจกรรม/ขั้นตอนการดำเนินงาน", "ระยะเวลา"] + MIXED + ["ผู้รับผิดชอบ",
                                                                       "ผลการดำเนินงาน"]
    results = {"1": "แล้วเสร็จ 20/12/2568", "2": "อยู่ระหว่างดำเนินการ", "3": "", "4": "ยังไม่ดำเนินการ"}
    rows = [head] + [[no, name, dur] + ["✓" if q in qs else "" for q in (1, 2, 3, 4)]
                     + ["สนจ.", results[no]] for no, name, dur, qs in ITEMS]
    t = d.add_table(rows=len(rows), cols=len(head))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    p = tmp_path / "lamphun" / "plan.docx"
    p.parent.mkdir(parents=True)
    d.save(p)
    ex = extract(read_document(p), ctx("lamphun/plan.docx"))
    assert ex.forms == ["activity_plan"]
    assert _schedule(ex) == _expected()
    assert [(r.item_no, r.status, r.completed, r.completed_raw) for r in ex.records] == [
        ("1", "done", "2025-12-20", "แล้วเสร็จ 20/12/2568"),
        ("2", "not_done", "", "อยู่ระหว่างดำเนินการ"),
        ("3", "unknown", "", ""),
        ("4", "not_done", "", "ยังไม่ดำเนินการ")]
    # judged at 2026-07-15: item 2 (due 2026-06-30) is late, item 4 (due 2026-09-30) is not
    assert _codes_at(ex, date(2026, 7, 15)) == [("2", "DEADLINE_MISSED")]
    assert _codes(ex) == []


def _codes_at(ex, as_of):
    return sorted((f.item_no, f.code) for f in validate(ex, as_of))
