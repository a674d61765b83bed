"""KPI reports whose milestones are prose lines, one per level (`ระดับ 1 : จัดตั้งคณะทำงาน …
ภายในเดือนธันวาคม 2568`), with no matrix; and step completion reported only as a date (a
completion column, a date-only result cell, `ดำเนินการแล้วเสร็จ 05/01/2569`)."""
from __future__ import annotations

from datetime import date

import pytest

from extract_helpers import ctx, doc, table

from extractors import extract, kpi_report
from pipeline.readers import read_document
from pipeline.validate import validate

AS_OF = date(2025, 10, 15)
NAME = "ระดับความสำเร็จของการพัฒนาศูนย์ข้อมูลจังหวัด"
LEVELS = [
    ("แต่งตั้งคณะทำงานพัฒนาศูนย์ข้อมูลจังหวัด", "ภายในเดือนธันวาคม 2568", "2025-12-31"),
    ("จัดทำแผนการพัฒนาศูนย์ข้อมูลและเสนอผู้ว่าราชการจังหวัดให้ความเห็นชอบ",
     "ภายในเดือนกุมภาพันธ์ 2569", "2026-02-28"),
    ("รวบรวมข้อมูลสำคัญของจังหวัดเข้าสู่ระบบไม่น้อยกว่าร้อยละ 80 ของชุดข้อมูลที่กำหนด",
     "ภายในเดือนเมษายน 2569", "2026-04-30"),
    ("เปิดให้บริการข้อมูลผ่านเว็บไซต์ของจังหวัด", "ภายในเดือนกรกฎาคม 2569", "2026-07-31"),
    ("ประเมินผลการใช้งานและรายงานผลต่อผู้ว่าราชการจังหวัด", "ภายในวันที่ 15 กันยายน 2569",
     "2026-09-15"),
]
STAIRS = {1: [1], 2: [1, 2], 3: [1, 2, 3], 4: [1, 2, 3, 4], 5: [1, 2, 3, 4, 5]}
WORDINGS = ["ระดับ {i} : {s} {d}", "ระดับ {i} {s} {d}", "ระดับที่ {i} {s} {d}",
            "ระดับคะแนน {i} : {s} {d}"]


def prose_blocks(fmt: str = WORDINGS[0], levels=(1, 2, 3, 4, 5), kpi_no: str = "5",
                 head: bool = True) -> list:
    out = []
    if head:
        out += ["รายงานผลการปฏิบัติราชการตามคำรับรองการปฏิบัติราชการ",
                "จังหวัดพิษณุโลก ประจำปีงบประมาณ พ.ศ. 2569"]
    out += ["มิติที่ 3 ด้านประสิทธิภาพของการปฏิบัติราชการ", f"ตัวชี้วัดที่ {kpi_no} {NAME}",
            "น้ำหนัก : ร้อยละ 5",
            "ผู้กำกับดูแลตัวชี้วัด : นายวีระ แสงทอง รองผู้ว่าราชการจังหวัดพิษณุโลก",
            "เกณฑ์การให้คะแนน :"]
    out += [fmt.format(i=i, s=LEVELS[i - 1][0], d=LEVELS[i - 1][1]) for i in levels]
    return out


def split(ex):
    kpis = [r for r in ex.records if r.record_type == "kpi"]
    steps = [r for r in ex.records if r.record_type == "milestone"]
    return kpis, steps


def assert_prose_report(ex, findings):
    kpis, steps = split(ex)
    assert ex.forms == ["kpi_report"]
    assert [(k.item_no, k.name, k.dimension, k.weight) for k in kpis] == [("5", NAME, "3", 5)]
    assert kpis[0].supervisor == "นายวีระ แสงทอง รองผู้ว่าราชการจังหวัดพิษณุโลก"
    assert [(s.item_no, s.level, s.name, s.deadline, s.status, s.completed) for s in steps] == [
        (str(i), i, f"{s} {d}", iso, "unknown", "") for i, (s, d, iso) in enumerate(LEVELS, 1)]
    assert all(s.kpi_no == s.parent_item == "5" for s in steps)
    assert steps[2].target == 80 and steps[2].unit == "%"
    assert steps[0].deadline_raw == "ภายในเดือนธันวาคม 2568"
    (mx,) = ex.matrices
    assert (mx.kpi_no, mx.levels, mx.steps_defined) == ("5", STAIRS, [1, 2, 3, 4, 5])
    assert kpis[0].required_steps == [STAIRS[lv] for lv in range(1, 6)]
    assert [f.code for f in findings] == []
    assert kpis[0].score is None          # nothing reported


# ---------------------------------------------------------------- prose levels

@pytest.mark.parametrize("fmt", WORDINGS, ids=["colon", "no_colon", "thi", "score_colon"])
def test_prose_levels_are_the_milestones(fmt):
    ex = extract(doc(*prose_blocks(fmt), "ผลการดำเนินงาน : อยู่ระหว่างดำเนินการ"), ctx())
    assert_prose_report(ex, validate(ex, AS_OF))


def test_prose_level_missing_gives_milestone_missing():
    ex = extract(doc(*prose_blocks(levels=(1, 2, 3, 5))), ctx())
    kpis, steps = split(ex)
    assert [(s.item_no, s.level) for s in steps] == [("1", 1), ("2", 2), ("3", 3), ("5", 5)]
    assert ex.matrices[0].levels == {1: [1], 2: [1, 2], 3: [1, 2, 3], 5: [1, 2, 3, 5]}
    (f,) = [f for f in validate(ex, AS_OF) if f.code == "MILESTONE_MISSING"]
    assert (f.record_type, f.item_no, f.severity) == ("kpi", "5", "error")
    assert f.value == "ระดับ 4: ไม่มี; ระดับ 5: ขาดขั้นตอนที่ 4"


def test_prose_level_wrapped_over_two_lines_and_a_field_after_the_last():
    blocks = prose_blocks(levels=(1, 2, 3, 4))
    blocks += ["ระดับ 5 : ประเมินผลการใช้งานและรายงานผล", "ต่อผู้ว่าราชการจังหวัด ภายในวันที่ 15 กันยายน 2569",
               "แหล่งข้อมูล : สำนักงานจังหวัดพิษณุโลก"]
    ex = extract(doc(*blocks), ctx())
    _, steps = split(ex)
    assert steps[4].name == "ประเมินผลการใช้งานและรายงานผลต่อผู้ว่าราชการจังหวัด ภายในวันที่ 15 กันยายน 2569"
    assert steps[4].deadline == "2026-09-15"


def test_two_indicators_with_prose_levels():
    ex = extract(doc(*prose_blocks(kpi_no="5"), *prose_blocks(kpi_no="6", head=False)), ctx())
    kpis, steps = split(ex)
    assert [k.item_no for k in kpis] == ["5", "6"]
    assert [(s.kpi_no, s.item_no, s.level) for s in steps] == [
        (k, str(i), i) for k in ("5", "6") for i in range(1, 6)]
    assert [m.kpi_no for m in ex.matrices] == ["5", "6"]
    assert not [f for f in validate(ex, AS_OF) if f.code == "MILESTONE_MISSING"]


def test_prose_levels_with_results_are_scored():
    results = table([["ขั้นตอนที่", "ผลการดำเนินงาน"], ["1", "✓ (10 ธ.ค. 68)"],
                     ["2", "ดำเนินการแล้วเสร็จ 05/03/2569"], ["3", "อยู่ระหว่างดำเนินการ"]])
    ex = extract(doc(*prose_blocks(), "ผลการดำเนินงาน", results), ctx())
    findings = validate(ex, date(2026, 5, 15))
    kpis, steps = split(ex)
    assert [(s.status, s.completed) for s in steps] == [
        ("done", "2025-12-10"), ("done", "2026-03-05"), ("not_done", ""), ("unknown", ""),
        ("unknown", "")]
    assert kpis[0].score == 2
    assert sorted((f.code, f.item_no, f.value) for f in findings) == [
        ("DEADLINE_MISSED", "2", "2026-02-28 -> 2026-03-05"),
        ("DEADLINE_MISSED", "3", "2026-04-30")]


@pytest.mark.parametrize("lines", [
    ["ระดับ {i} = {v}%"],
    ["ระดับ {i} : ร้อยละ {v}"],
    ["ระดับคะแนน {i} : ไม่น้อยกว่าร้อยละ {v}"],
    ["ระดับ {i} : มีผลการเบิกจ่ายงบประมาณร้อยละ {v}"],
    ["ระดับ {i} = {v} แห่ง"],
    ["ระดับ {i} : ดำเนินการได้ {i} ขั้นตอน"],
], ids=["equals_pct", "colon_pct", "not_less_than", "same_text_rising", "count", "step_count"])
def test_ladder_lines_are_not_prose_milestones(lines):
    """A ladder (form 7.2 / kpi_ladder) writes a threshold per level, not an action."""
    blocks = ["ตัวชี้วัดที่ 2 ร้อยละของการเบิกจ่ายงบประมาณ", "เกณฑ์การให้คะแนน :"]
    blocks += [lines[0].format(i=i, v=v) for i, v in zip(range(1, 6), (60, 65, 70, 75, 80))]
    d = doc(*blocks)
    assert kpi_report.has_prose_milestones(d) is False
    assert "kpi_report" not in extract(d, ctx()).forms


def test_prose_levels_need_an_indicator_heading_and_three_levels():
    body = [f"ระดับ {i} : {s} {d}" for i, (s, d, _) in enumerate(LEVELS, 1)]
    assert not kpi_report.has_prose_milestones(doc(*body))
    assert not kpi_report.has_prose_milestones(doc(f"ตัวชี้วัดที่ 5 {NAME}", *body[:2]))
    assert kpi_report.has_prose_milestones(doc(f"ตัวชี้วัดที่ 5 {NAME}", *body[:3]))
    assert kpi_report.prose_levels(body + [None] + body[:3]) == {
        **{i: i + 1 for i in range(5)}, 6: 1, 7: 2, 8: 3}


def test_scoring_lines_beside_a_matrix_are_not_steps():
    """`ระดับคะแนน N : ดำเนินการได้ครบ …` under a matrix explains it: the steps stay those of
    `ขั้นตอนที่ N`, the levels those of the matrix."""
    matrix = table([["ระดับคะแนน"] + [f"ขั้นตอนที่ {s}" for s in range(1, 4)],
                    ["1", "✓", "", ""], ["2", "✓", "✓", ""], ["3", "✓", "✓", "✓"]])
    ex = extract(doc("ตัวชี้วัดที่ 4 ระดับความสำเร็จของการพัฒนาระบบ", matrix,
                     "ขั้นตอนที่ 1 แต่งตั้งคณะทำงาน ภายในวันที่ 31 ตุลาคม 2568",
                     "ขั้นตอนที่ 2 จัดทำแผนการพัฒนาระบบ ภายในวันที่ 15 ธันวาคม 2568",
                     "ขั้นตอนที่ 3 เปิดให้บริการผ่านระบบ ภายในเดือนมีนาคม 2569",
                     "ระดับ 1 : ดำเนินการตามแผนงานครบถ้วนทุกกิจกรรม",
                     "ระดับ 2 : จัดทำรายงานสรุปผลการประชุมคณะทำงาน",
                     "ระดับ 3 : เผยแพร่ประชาสัมพันธ์ผลการดำเนินงาน"), ctx())
    _, steps = split(ex)
    assert [(s.item_no, s.level, s.deadline) for s in steps] == [
        ("1", 1, "2025-10-31"), ("2", 2, "2025-12-15"), ("3", 3, "2026-03-31")]
    assert ex.matrices[0].levels == {1: [1], 2: [1, 2], 3: [1, 2, 3]}


# ---------------------------------------------------------------- completion as a date

K6 = "ระดับความสำเร็จของการขับเคลื่อนนโยบายลดการใช้พลังงานในหน่วยงานภาครัฐ"
DUE = ["๓๑/๑๐/๖๘", "31/12/2568", "31/03/2569", "30/06/2569", "30/09/2569"]
DUE_ISO = ["2025-10-31", "2025-12-31", "2026-03-31", "2026-06-30", "2026-09-30"]


def completion_blocks(head: str, values: list[str]) -> list:
    matrix = table([["ระดับคะแนน"] + [f"ขั้นตอนที่ {s}" for s in range(1, 6)]]
                   + [[str(lv)] + ["✓" if s <= lv else "" for s in range(1, 6)]
                      for lv in range(1, 6)])
    steps = table([["ขั้นตอนที่", "รายละเอียด", "กำหนดแล้วเสร็จ", head]]
                  + [[str(i), f"ขั้นตอนการดำเนินงานที่ {i}", DUE[i - 1], values[i - 1]]
                     for i in range(1, 6)])
    return ["รายงานผลการดำเนินงานตามตัวชี้วัด จังหวัดอุตรดิตถ์ ประจำปีงบประมาณ พ.ศ. 2569",
            "มิติที่ 3 ด้านประสิทธิภาพ", f"ตัวชี้วัดที่ 6 {K6}", "เกณฑ์การให้คะแนน :", matrix,
            "รายละเอียดขั้นตอนและกำหนดเวลา", steps]


def assert_completion(ex, findings, raw=("๑๕/๑๐/๖๘", "05/01/2569")):
    kpis, steps = split(ex)
    assert [(s.item_no, s.level, s.deadline) for s in steps] == [
        (str(i), i, iso) for i, iso in enumerate(DUE_ISO, 1)]
    assert [(s.status, s.completed) for s in steps[:2]] == [
        ("done", "2025-10-15"), ("done", "2026-01-05")]
    assert tuple(s.completed_raw for s in steps[:2]) == raw
    assert all(s.completed == "" and s.status in ("unknown", "not_done") for s in steps[2:])
    assert kpis[0].score == 2
    assert [(f.code, f.item_no, f.value) for f in findings] == [
        ("DEADLINE_MISSED", "2", "2025-12-31 -> 2026-01-05")]
    assert [s.flags for s in steps] == ["", "DEADLINE_MISSED", "", "", ""]


@pytest.mark.parametrize("head", ["วันที่ดำเนินการแล้วเสร็จ", "ผลการดำเนินงาน"])
def test_completion_date_only(head):
    ex = extract(doc(*completion_blocks(head, ["๑๕/๑๐/๖๘", "05/01/2569", "", "", ""])), ctx())
    assert_completion(ex, validate(ex, AS_OF))


def test_completion_written_as_done_with_a_date():
    vals = ["ดำเนินการแล้วเสร็จ 15/10/2568", "ดำเนินการแล้วเสร็จ 05/01/2569", "", "", ""]
    ex = extract(doc(*completion_blocks("ผลการดำเนินงาน", vals)), ctx())
    assert_completion(ex, validate(ex, AS_OF), raw=("15/10/2568", "05/01/2569"))


def test_completion_ticks_with_dates_still_read():
    vals = ["✓ (15 ต.ค. 68)", "✓ (5 ม.ค. 69)", "อยู่ระหว่างดำเนินการ", "ยังไม่ถึงกำหนด", "ยังไม่ถึงกำหนด"]
    ex = extract(doc(*completion_blocks("ผลการดำเนินงาน", vals)), ctx())
    assert_completion(ex, validate(ex, AS_OF), raw=("15 ต.ค. 68", "5 ม.ค. 69"))


def test_expected_completion_is_not_a_completion():
    vals = ["แล้วเสร็จ 15/10/2568", "คาดว่าจะแล้วเสร็จ 05/01/2569",
            "อยู่ระหว่างดำเนินการ กำหนดแล้วเสร็จ 31/03/2569", "", ""]
    ex = extract(doc(*completion_blocks("ผลการดำเนินงาน", vals)), ctx())
    _, steps = split(ex)
    assert [(s.status, s.completed) for s in steps[:3]] == [
        ("done", "2025-10-15"), ("not_done", ""), ("not_done", "")]


# ---------------------------------------------------------------- real DOCX files

def _docx(path, blocks):
    import docx
    d = docx.Document()
    for b in blocks:
        if isinstance(b, str):
            d.add_paragraph(b)
            continue
        g = b.grid()
        t = d.add_table(rows=len(g), cols=len(g[0]))
        for r, row in enumerate(g):
            for c, x in enumerate(row):
                t.cell(r, c).text = x
    d.save(path)


def test_prose_report_in_a_real_docx(tmp_path):
    path = tmp_path / "phitsanulok_kpi_prose_2569.docx"
    _docx(path, prose_blocks("ระดับที่ {i} {s} {d}"))
    ex = extract(read_document(path), ctx("phitsanulok/phitsanulok_kpi_prose_2569.docx"))
    assert (ex.agency, ex.fiscal_year) == ("จังหวัดพิษณุโลก", 2569)
    assert_prose_report(ex, validate(ex, AS_OF))


def test_completion_dates_in_a_real_docx(tmp_path):
    path = tmp_path / "uttaradit_kpi_report_2569.docx"
    _docx(path, completion_blocks("วันที่ดำเนินการแล้วเสร็จ", ["๑๕/๑๐/๖๘", "05/01/2569", "", "", ""]))
    ex = extract(read_document(path), ctx("uttaradit/uttaradit_kpi_report_2569.docx"))
    assert ex.forms == ["kpi_report"]
    assert_completion(ex, validate(ex, AS_OF))
