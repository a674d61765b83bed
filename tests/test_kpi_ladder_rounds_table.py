"""Results reported apart from the ladder, in a table by round
(`ตัวชี้วัด | รอบ 6 เดือน | รอบ 9 เดือน | รอบ 12 เดือน`) as a Best Service report writes them:
the row naming the indicator, by number or by name, gives its result from the latest round
that reports a figure, and the indicator is scored from it."""
from __future__ import annotations

from datetime import date

import pytest

from extract_helpers import ctx, write_docx
from extractors import extract
from pipeline.readers import read_document
from pipeline.validate import validate

AS_OF = date(2026, 11, 22)
NAME = "ร้อยละความสำเร็จของการดำเนินโครงการให้บริการที่ดีที่สุด (Best Service)"
ROUNDS = ["ตัวชี้วัด", "รอบ 6 เดือน", "รอบ 9 เดือน", "รอบ 12 เดือน"]


def _docx(path, results, head=ROUNDS):
    return write_docx(path, [
        "รายงานผลการดำเนินงานตามตัวชี้วัด ประจำปีงบประมาณ พ.ศ. 2569", "สำนักงานที่ดินจังหวัดตัวอย่าง",
        f"ตัวชี้วัดที่ 3.2 {NAME}", "น้ำหนัก : ร้อยละ 2.5", "เกณฑ์การให้คะแนน",
        [["ระดับคะแนน", "1", "2", "3", "4", "5"], ["ผลคะแนนการดำเนินโครงการ (ร้อยละ)", "60", "70", "80", "90", "100"]],
        "ผลการดำเนินงาน", [head] + results])


def _kpi(path):
    ex = extract(read_document(path), ctx(name=path.name, agency=""))
    validate(ex, AS_OF)
    kpis = [r for r in ex.records if r.record_type == "kpi"]
    assert [k.item_no for k in kpis] == ["3.2"]
    return kpis[0]


@pytest.mark.parametrize("key", [
    NAME,                                           # the same name
    "ร้อยละความสำเร็จของการดำเนินโครงการ\nให้บริการที่ดีที่สุด  (Best Service)",   # wrapped
    "3.2",                                          # the number alone
    "ตัวชี้วัดที่ 3.2",                                # the number as headed
    "ร้อยละความสำเร็จในการดำเนินโครงการให้บริการที่ดีที่สุด (Best Service)",  # one word retyped
], ids=["name", "wrapped_name", "number", "headed_number", "retyped_name"])
def test_the_latest_round_is_the_result(tmp_path, key):
    kpi = _kpi(_docx(tmp_path / "best_service.docx", [[key, "45", "70", "85.50"]]))
    assert kpi.actual == 85.5 and kpi.actual_raw == "85.50"
    assert kpi.score == pytest.approx(3.55)
    assert [kpi.level_1, kpi.level_5] == [60, 100]     # the rounds are no ladder


@pytest.mark.parametrize("last", ["ยังไม่ประเมิน", "", "-"], ids=["not_assessed", "empty", "dash"])
def test_a_round_without_a_figure_is_passed_over(tmp_path, last):
    kpi = _kpi(_docx(tmp_path / "best_service.docx", [[NAME, "45", "70", last]]))
    assert kpi.actual == 70


def test_a_banner_over_the_rounds(tmp_path):
    # `ตัวชี้วัด | ผลการดำเนินงาน` over `| รอบ 6 เดือน | รอบ 12 เดือน`
    path = _docx(tmp_path / "best_service.docx", [["", "รอบ 6 เดือน", "รอบ 12 เดือน"], ["3.2", "40", "92"]],
                 head=["ตัวชี้วัด", "ผลการดำเนินงาน", ""])
    kpi = _kpi(path)
    assert kpi.actual == 92


def test_a_row_of_another_indicator_is_not_linked(tmp_path):
    other = "ร้อยละของเรื่องร้องเรียนที่ได้รับการแก้ไขภายในเวลาที่กำหนด"
    kpi = _kpi(_docx(tmp_path / "best_service.docx", [[other, "45", "70", "85.50"],
                                                     ["4.1", "10", "20", "30"]]))
    assert kpi.actual is None and kpi.score is None
