"""KPI reports where the milestone score and the findings must agree, and steps left blank.

- A matrix with fewer steps than levels (4 steps, level 5 ticking steps 1-4, or level 5 empty or
  absent): MILESTONE_MISSING reports level 5, so the score stops at 4 even with every step done.
- A level the matrix leaves short of a step (level 3 ticks 1 and 3) still needs steps 1..3.
- A step whose result is blank, numbered after every step reported done, whose deadline falls
  before a completion date the same report records: not done by then -> DEADLINE_MISSED saying
  no result was reported. A plan (no results at all), a blank last step due after the latest
  reported date, and a blank step before a step reported done are not flagged.
"""
from __future__ import annotations

from datetime import date

import docx
import pytest

from extract_helpers import ctx, doc, table

from extractors import extract
from pipeline import scoring
from pipeline.readers import read_document
from pipeline.validate import validate

AS_OF = date(2026, 11, 22)
STEPS4 = ["แต่งตั้งคณะทำงานพัฒนาระบบสารสนเทศสุขภาพ ภายใน 31 ธ.ค. 67",
          "จัดทำแผนพัฒนาระบบและเสนอผู้บริหาร ภายใน 31 มี.ค. 68",
          "ดำเนินการตามแผนไม่น้อยกว่าร้อยละ 80 ภายใน 30 มิ.ย. 68",
          "สรุปผลและรายงานนายแพทย์สาธารณสุขจังหวัด ภายใน 31 ส.ค. 68"]


def head():
    return ["รายงานผลการปฏิบัติราชการ สำนักงานสาธารณสุขจังหวัดแพร่ ประจำปีงบประมาณ พ.ศ. 2568",
            "มิติที่ 1 ด้านประสิทธิผล",
            "ชื่อตัวชี้วัดที่ 3 : ระดับความสำเร็จของการพัฒนาระบบสารสนเทศสุขภาพ",
            "เกณฑ์การให้คะแนน : ระดับขั้นของความสำเร็จ (Milestone) ดังนี้"]


def matrix4(level5):
    rows = [["ระดับคะแนน", "ขั้นตอนที่ 1", "ขั้นตอนที่ 2", "ขั้นตอนที่ 3", "ขั้นตอนที่ 4"]]
    rows += [[str(lv)] + ["✓" if s <= lv else "" for s in range(1, 5)] for lv in range(1, 5)]
    if level5 == "ticks_all":
        rows.append(["5", "✓", "✓", "✓", "✓"])
    elif level5 == "empty":
        rows.append(["5", "", "", "", ""])
    return table(rows)


def results(texts):
    return table([["ขั้นตอนที่", "ผลการดำเนินงาน"]] + [[str(i), t] for i, t in enumerate(texts, 1)])


def kpi_of(ex):
    (k,) = [r for r in ex.records if r.record_type == "kpi"]
    return k


def steps_of(ex):
    return [r for r in ex.records if r.record_type == "milestone"]


@pytest.mark.parametrize("level5, problem", [
    ("ticks_all", "ระดับ 5: ขาดขั้นตอนที่ 5"),
    ("empty", "ระดับ 5: มีแถวแต่ไม่ได้ทำเครื่องหมายขั้นตอนใด"),
    ("absent", "ระดับ 5: ไม่มี"),
])
def test_four_step_matrix_scores_four_when_level_five_is_flagged(level5, problem):
    d = doc(*head(), matrix4(level5), "โดยที่ :",
            *[f"ขั้นตอนที่ {i} : {s}" for i, s in enumerate(STEPS4, 1)],
            "ผลการดำเนินงาน :", results(["ดำเนินการแล้วเสร็จ"] * 4))
    ex = extract(d, ctx(fiscal_year=2568))
    findings = validate(ex, AS_OF)
    assert [s.status for s in steps_of(ex)] == ["done"] * 4
    assert [(f.code, f.value) for f in findings] == [("MILESTONE_MISSING", problem)]
    assert kpi_of(ex).score == 4          # level 5 cannot be reached: the finding says why


def test_levels_citing_four_steps_score_four():
    """`5 | ขั้นตอนที่ 1-4`: the same 4-step design written as step ranges."""
    scoring_table = table([["ระดับคะแนน", "เกณฑ์"]] + [
        [str(lv), f"ขั้นตอนที่ 1-{min(lv, 4)}" if lv > 1 else "ขั้นตอนที่ 1"] for lv in range(1, 6)])
    d = doc(*head(), scoring_table, *[f"ขั้นตอนที่ {i} : {s}" for i, s in enumerate(STEPS4, 1)],
            "ผลการดำเนินงาน :", results(["ดำเนินการแล้วเสร็จ"] * 4))
    ex = extract(d, ctx(fiscal_year=2568))
    findings = validate(ex, AS_OF)
    assert [(f.code, f.value) for f in findings] == [("MILESTONE_MISSING", "ระดับ 5: ขาดขั้นตอนที่ 5")]
    assert kpi_of(ex).score == 4


def test_a_level_short_of_a_step_still_needs_it():
    levels = {1: [1], 2: [1, 2], 3: [1, 3], 4: [1, 2, 3, 4], 5: [1, 2, 3, 4, 5]}
    assert scoring.milestone_score(levels, {1, 2, 3}) == 3
    assert scoring.milestone_score(levels, {1, 3}) == 1       # level 2 needs step 2
    assert scoring.milestone_score({lv: [1, 2, 3, 4] for lv in (5,)} | {
        lv: list(range(1, lv + 1)) for lv in range(1, 5)}, {1, 2, 3, 4}) == 4
    # a 6-step matrix (level 1 = steps 1-2 …, level 5 = steps 1-6) is met as ticked
    six = {lv: list(range(1, lv + 2)) for lv in range(1, 6)}
    assert scoring.milestone_score(six, {1, 2, 3, 4, 5, 6}) == 5
    assert scoring.milestone_score(six, {1, 2, 3, 4}) == 3
    # steps named otherwise than by number: required only where ticked
    assert scoring.milestone_score({1: ["ก"], 2: ["ก", "ข"]}, {"ก", "ข"}, 2) == 2


FIVE = ["แต่งตั้งคณะทำงาน ภายใน 31 ต.ค. 67", "จัดทำแผนปฏิบัติการ ภายใน 31 ธ.ค. 67",
        "อบรมเจ้าหน้าที่ ภายใน 28 ก.พ. 68", "ดำเนินการตามแผน ภายใน 30 มิ.ย. 68",
        "สรุปและรายงานผล ภายใน 15 ก.ย. 68"]


def five_step_report(res, as_of=AS_OF):
    m = table([["ระดับคะแนน", "ขั้นตอนที่ 1", "ขั้นตอนที่ 2", "ขั้นตอนที่ 3", "ขั้นตอนที่ 4", "ขั้นตอนที่ 5"]]
              + [[str(lv)] + ["✓" if s <= lv else "" for s in range(1, 6)] for lv in range(1, 6)])
    blocks = [*head(), m, *[f"ขั้นตอนที่ {i} : {s}" for i, s in enumerate(FIVE, 1)]]
    if res is not None:
        blocks += ["ผลการดำเนินงาน :", results(res)]
    ex = extract(doc(*blocks), ctx(fiscal_year=2568))
    return ex, validate(ex, as_of)


def test_blank_step_due_before_a_reported_completion_is_missed():
    # step 2 done late on 10 Mar 2568: the report was written after step 3's deadline (28 Feb)
    ex, findings = five_step_report(["✓ 20 ต.ค. 2567", "ดำเนินการแล้วเสร็จ เมื่อวันที่ 10 มี.ค. 2568",
                                     "", "", ""])
    assert [s.status for s in steps_of(ex)] == ["done", "done", "unknown", "unknown", "unknown"]
    got = [(f.code, f.item_no, f.value) for f in findings]
    assert got == [("DEADLINE_MISSED", "2", "2024-12-31 -> 2025-03-10"),
                   ("DEADLINE_MISSED", "3", "2025-02-28")]
    assert "ไม่มีรายงานผล" in findings[1].message and "no result reported" in findings[1].message
    assert "2025-03-10" in findings[1].message
    assert steps_of(ex)[2].flags == "DEADLINE_MISSED" and steps_of(ex)[3].flags == ""
    assert kpi_of(ex).score == 2


def test_blank_steps_due_after_every_reported_date_are_not_flagged():
    ex, findings = five_step_report(["✓ 20 ต.ค. 2567", "✓ 15 ธ.ค. 2567", "✓ 20 ก.พ. 2568", "", ""])
    assert findings == []
    assert kpi_of(ex).score == 3


def test_plan_without_results_is_not_flagged():
    ex, findings = five_step_report(None)
    assert [s.status for s in steps_of(ex)] == ["unknown"] * 5
    assert findings == [] and kpi_of(ex).score is None


def test_blank_step_before_a_step_reported_done_is_not_flagged():
    ex, findings = five_step_report(["✓ 20 ต.ค. 2567", "", "✓ 20 ก.พ. 2568", "", ""])
    assert findings == []
    assert kpi_of(ex).score == 1          # level 2 needs step 2, which reports nothing


def test_docx_four_step_matrix_round_trip(tmp_path):
    d = docx.Document()
    for p in head():
        d.add_paragraph(p)
    t = d.add_table(rows=6, cols=5)
    hdr = ["ระดับคะแนน", "ขั้นตอนที่ 1", "ขั้นตอนที่ 2", "ขั้นตอนที่ 3", "ขั้นตอนที่ 4"]
    for c, x in enumerate(hdr):
        t.cell(0, c).text = x
    for lv in range(1, 6):
        t.cell(lv, 0).text = str(lv)
        for s in range(1, 5):
            t.cell(lv, s).text = "✓" if s <= min(lv, 4) else ""
    d.add_paragraph("โดยที่ :")
    for i, s in enumerate(STEPS4, 1):
        d.add_paragraph(f"ขั้นตอนที่ {i} : {s}")
    d.add_paragraph("ผลการดำเนินงาน :")
    r = d.add_table(rows=5, cols=2)
    r.cell(0, 0).text, r.cell(0, 1).text = "ขั้นตอนที่", "ผลการดำเนินงาน"
    for i in range(1, 5):
        r.cell(i, 0).text, r.cell(i, 1).text = str(i), "ดำเนินการแล้วเสร็จ"
    path = tmp_path / "phrae.docx"
    d.save(path)
    ex = extract(read_document(path), ctx(name="สสจ.แพร่/phrae.docx", fiscal_year=2568))
    findings = validate(ex, AS_OF)
    assert [(f.code, f.value) for f in findings] == [("MILESTONE_MISSING", "ระดับ 5: ขาดขั้นตอนที่ 5")]
    assert kpi_of(ex).score == 4
