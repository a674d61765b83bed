"""Form 7.2 with dimension rows across the table and the dimension's code again in each
indicator's dimension column; and a summary under it counting the indicators per dimension.
Neither makes a dimension look empty."""
import pytest

from tests.extract_helpers import extract_file, write_docx

HEAD = ["แผนพัฒนาองค์การ", "มิติ", "ตัวชี้วัด (KPI)", "หน่วยนับ", "ค่าเป้าหมาย", "น้ำหนัก",
        "1", "2", "3", "4", "5"]
FORM = [
    HEAD,
    ["แผนพัฒนาองค์การที่ 1 การบริการประชาชน", "7.1 มิติด้านประสิทธิผล"] + [""] * 9,
    ["", "7.1", "1. ร้อยละของคำขอที่อนุมัติภายในเวลาที่กำหนด", "ร้อยละ", "90", "0.5",
     "70", "75", "80", "85", "90"],
    ["", "7.2 มิติด้านคุณภาพการให้บริการ"] + [""] * 9,
    ["", "7.2", "2. ร้อยละความพึงพอใจของผู้รับบริการ", "ร้อยละ", "85", "0.5",
     "65", "70", "75", "80", "85"],
    ["", "7.2", "3. จำนวนช่องทางบริการออนไลน์ที่เปิดใหม่", "ช่องทาง", "3", "0.5",
     "1", "2", "3", "4", "5"],
    ["", "7.3 มิติด้านประสิทธิภาพของการปฏิบัติราชการ"] + [""] * 9,
]
SUMMARY = [["มิติ", "จำนวนตัวชี้วัด", "น้ำหนักรวม"],
           ["มิติที่ 1", "1", "0.5"], ["มิติที่ 2", "2", "1"], ["มิติที่ 3", "0", "0"],
           ["รวม", "3", "1.5"]]


def _empty_dimensions(findings):
    return [f for f in findings if f[1] == "DIMENSION_EMPTY"]


@pytest.fixture
def form(tmp_path):
    return write_docx(tmp_path / "form72.docx", [
        "แบบฟอร์มที่ 7.2 ตัวชี้วัดความสำเร็จของการดำเนินการตามแผนพัฒนาองค์การ",
        "เทศบาลตำบลหนองสองห้อง ประจำปีงบประมาณ พ.ศ. 2570", FORM,
        "สรุปจำนวนตัวชี้วัดตามมิติ", SUMMARY])


def test_code_repeated_beside_the_indicator_is_the_dimension_row_above(form):
    ex, findings = extract_file(form)
    assert [(r.item_no, r.dimension) for r in ex.records] == [("1", "7.1"), ("2", "7.2"),
                                                             ("3", "7.2")]
    dims = [(d.dimension, d.indicator_count) for d in ex.dimensions]
    assert dims == [("7.1", 1), ("7.2", 2), ("7.3", 0)]


def test_only_the_dimension_without_indicators_is_empty(form):
    _, findings = extract_file(form)
    assert len(_empty_dimensions(findings)) == 1


def test_a_dimension_row_given_no_indicator_is_still_empty_when_the_code_differs(tmp_path):
    rows = FORM[:2] + [["", "7.2", "1. ร้อยละของคำขอที่อนุมัติภายในเวลาที่กำหนด", "ร้อยละ",
                        "90", "1", "70", "75", "80", "85", "90"]]
    path = write_docx(tmp_path / "form72.docx", [
        "แบบฟอร์มที่ 7.2 ตัวชี้วัดความสำเร็จ ประจำปีงบประมาณ พ.ศ. 2570", rows])
    ex, findings = extract_file(path)
    assert [(d.dimension, d.indicator_count) for d in ex.dimensions] == [("7.1", 0), ("7.2", 1)]
    assert len(_empty_dimensions(findings)) == 1


def test_a_summary_counting_indicators_per_dimension_has_no_empty_dimensions(tmp_path):
    path = write_docx(tmp_path / "form72.docx", [
        "แบบฟอร์มที่ 7.2 ตัวชี้วัดความสำเร็จ ประจำปีงบประมาณ พ.ศ. 2570", FORM[:3],
        "สรุปจำนวนตัวชี้วัดตามมิติ", SUMMARY])
    ex, findings = extract_file(path)
    assert [r.item_no for r in ex.records] == ["1"]
    assert [d.dimension for d in ex.dimensions] == ["7.1"]
    assert _empty_dimensions(findings) == []
