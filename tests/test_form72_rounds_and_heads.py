"""Form 7.2 tables that report results per round (`ผลการดำเนินงาน` over `รอบ 6 เดือน | รอบ 12
เดือน`): the actual is the latest round that gives a figure. Level columns headed as criteria
(`เกณฑ์ 1` … `เกณฑ์ 5`, `เกณฑ์ที่ N`, `เกณฑ์คะแนน N`): a five-level ladder. Each test writes a
real XLSX, DOCX or CSV, reads it, extracts and validates it as a run does."""
from __future__ import annotations

from datetime import date

import pytest

from extract_helpers import ctx
from extractors import extract
from pipeline.readers import read_document
from pipeline.validate import validate
from plan_files import plan_docx, plan_xlsx

TITLE = "แบบฟอร์มที่ 7.2 ตัวชี้วัดและผลการดำเนินงาน สำนักงานทดสอบจังหวัดทดสอบ ประจำปีงบประมาณ พ.ศ. 2569"
HEAD = ["ลำดับ", "ตัวชี้วัด", "หน่วยนับ", "น้ำหนัก", "เป้าหมาย", "เกณฑ์การให้คะแนน", "", "", "", "",
        "ผลการดำเนินงาน", ""]
SUB = ["", "", "", "", "", "1", "2", "3", "4", "5", "รอบ 6 เดือน", "รอบ 12 เดือน"]
LADDER = ["60", "65", "70", "75", "80"]
BODY = [
    # the 12-month round gives the year's result
    ["1", "ร้อยละของครัวเรือนเป้าหมายที่มีรายได้เพิ่มขึ้น", "ร้อยละ", "40", "80"] + LADDER + ["55", "80"],
    # the 12-month round not reported yet (`-`): the 6-month result stands
    ["2", "ร้อยละของกองทุนที่ผ่านการประเมิน", "ร้อยละ", "30", "80"] + LADDER + ["66", "-"],
    # ... nor left empty
    ["3", "ร้อยละของบุคลากรที่ผ่านการพัฒนา", "ร้อยละ", "30", "80"] + LADDER + ["72", ""],
]
WANT = {"1": 80.0, "2": 66.0, "3": 72.0}
# the banners over the level and round headings, merged across their columns
MERGES = [(0, 5, 0, 9), (0, 10, 0, 11)]


def _run(path):
    ex = extract(read_document(path), ctx(name=path.name, agency=""))
    kpis = [r for r in ex.records if r.record_type == "kpi"]
    return kpis, {(f.code, f.item_no) for f in validate(ex, date(2026, 11, 22))}


@pytest.mark.parametrize("write", [plan_xlsx, plan_docx], ids=["xlsx", "docx"])
def test_actual_is_the_latest_round_with_a_figure(tmp_path, write):
    rows = [HEAD, SUB] + BODY
    path = write(tmp_path / f"form.{'xlsx' if write is plan_xlsx else 'docx'}", [TITLE], rows,
                 hmerges=MERGES)
    kpis, _ = _run(path)
    assert {r.item_no: r.actual for r in kpis} == WANT
    assert all([r.level_1, r.level_5] == [60, 80] for r in kpis)


def test_rounds_as_quarters_in_separate_headings(tmp_path):
    # one heading per round, no banner: `ผลการดำเนินงาน ไตรมาส 2 | ผลการดำเนินงาน ไตรมาส 4`
    head = HEAD[:5] + ["ระดับ 1", "ระดับ 2", "ระดับ 3", "ระดับ 4", "ระดับ 5", "ผลการดำเนินงาน ไตรมาส 2",
                              "ผลการดำเนินงาน ไตรมาส 4"]
    path = plan_xlsx(tmp_path / "form.xlsx", [TITLE], [head] + BODY)
    kpis, _ = _run(path)
    assert {r.item_no: r.actual for r in kpis} == WANT


def test_one_results_column_is_read_as_before(tmp_path):
    head = HEAD[:5] + ["1", "2", "3", "4", "5", "ผลการดำเนินงาน"]
    path = plan_xlsx(tmp_path / "form.xlsx", [TITLE], [head] + [r[:11] for r in BODY])
    kpis, _ = _run(path)
    assert {r.item_no: r.actual for r in kpis} == {"1": 55.0, "2": 66.0, "3": 72.0}


CRITERIA = [
    ["เกณฑ์ 1", "เกณฑ์ 2", "เกณฑ์ 3", "เกณฑ์ 4", "เกณฑ์ 5"],
    ["เกณฑ์ที่ 1", "เกณฑ์ที่ 2", "เกณฑ์ที่ 3", "เกณฑ์ที่ 4", "เกณฑ์ที่ 5"],
    ["เกณฑ์คะแนน 1", "เกณฑ์คะแนน 2", "เกณฑ์คะแนน 3", "เกณฑ์คะแนน 4", "เกณฑ์คะแนน 5"],
]


def _criteria_csv(path, heads):
    lines = [TITLE, "",
             ",".join(["ที่", "ตัวชี้วัด", "มิติ", "หน่วยนับ", "ค่าน้ำหนัก", "ค่าเป้าหมาย"] + heads),
             "1,ร้อยละความพึงพอใจของผู้รับบริการ,7.2,ร้อยละ,0.5,85,65,70,75,80,85",
             "2,จำนวนวันเฉลี่ยในการอนุมัติโครงการ,7.3,วัน,0.5,15,35,30,25,20,15"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("heads", CRITERIA, ids=["kenT", "kenT-thi", "kenT-khanaen"])
def test_level_columns_headed_as_criteria(tmp_path, heads):
    kpis, codes = _run(_criteria_csv(tmp_path / "form.csv", heads))
    assert {r.item_no: [r.level_1, r.level_2, r.level_3, r.level_4, r.level_5] for r in kpis} == {
        "1": [65, 70, 75, 80, 85], "2": [35, 30, 25, 20, 15]}
    assert not {c for c in codes if c[0] == "LADDER_INCOMPLETE"}
    assert {r.item_no: r.direction for r in kpis} == {"1": "higher", "2": "lower"}


def test_criteria_level_columns_make_the_table_form72(tmp_path):
    # no target, dimension or plan column, no form title: the five `เกณฑ์ N` headings over the
    # ladder, a dimension row across the table
    lines = ["ตัวชี้วัด,หน่วยนับ,น้ำหนัก,เกณฑ์ 1,เกณฑ์ 2,เกณฑ์ 3,เกณฑ์ 4,เกณฑ์ 5",
             "7.1 มิติด้านประสิทธิผล,,,,,,,",
             "ร้อยละของบัณฑิตที่มีงานทำภายใน 1 ปี,ร้อยละ,100,75,80,85,90,95"]
    path = tmp_path / "form.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    kpis, _ = _run(path)
    assert [(r.form, [r.level_1, r.level_5]) for r in kpis] == [("form72", [75, 95])]
