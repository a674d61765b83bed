"""Fiscal years written `ปีงบฯ`, agencies that are units of their own, average-time indicators and a weights total written in the plan column (not plan text)."""
import csv
import pytest
from pipeline.api import read_folder


def _csv(path, rows):
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows(rows)


F72 = [["ที่", "ตัวชี้วัด", "หน่วยนับ", "น้ำหนัก", "1", "2", "3", "4", "5"],
       ["1", "ร้อยละของผู้รับบริการที่ได้รับใบอนุญาตภายในวันเดียว", "ร้อยละ", "20", "87", "89", "91", "93", "95"]]


@pytest.mark.parametrize("title", ["แบบฟอร์มที่ 7.2 สำนักงานขนส่งจังหวัดลำพูน ปีงบฯ ๖๙",
                                   "แบบฟอร์มที่ 7.2 สำนักงานขนส่งจังหวัดลำพูน ปีงบฯ 2569"])
def test_fiscal_year_abbreviated(tmp_path, title):
    (tmp_path / "x").mkdir()
    _csv(tmp_path / "x" / "f.csv", [[title] + [""] * 8] + F72)
    cons, _, _ = read_folder(tmp_path, as_of="2026-11-22")
    assert list(cons["fiscal_year"]) == [2569]


@pytest.mark.parametrize("title,agency", [
    ("สำนักงานสรรพากรพื้นที่เชียงใหม่ 1", "สำนักงานสรรพากรพื้นที่เชียงใหม่ 1"),
    ("วิทยาลัยพยาบาลบรมราชชนนี ลำปาง", "วิทยาลัยพยาบาลบรมราชชนนี ลำปาง"),
    ("ศูนย์ส่งเสริมการเรียนรู้ระดับอำเภอพล จังหวัดขอนแก่น", "ศูนย์ส่งเสริมการเรียนรู้ระดับอำเภอพล"),
    ("สำนักงานที่ดินจังหวัดชลบุรี สาขาศรีราชา", "สำนักงานที่ดินจังหวัดชลบุรี สาขาศรีราชา"),
    ("สำนักงานที่ดินจังหวัดชลบุรี", "สำนักงานที่ดินจังหวัดชลบุรี"),
])
def test_own_unit_agency(tmp_path, title, agency):
    (tmp_path / "folder").mkdir()
    _csv(tmp_path / "folder" / "p.csv", [["แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2569", "", "", "", ""], [title, "", "", "", ""],
                                         ["ที่", "กิจกรรม", "เริ่มต้น", "สิ้นสุด", "งบประมาณ"],
                                         ["1", "จัดประชุมชี้แจง", "ต.ค. 68", "พ.ย. 68", "5,000"]])
    cons, _, _ = read_folder(tmp_path, as_of="2026-11-22")
    assert list(cons["agency"]) == [agency]


def test_average_time_is_lower_is_better(tmp_path):
    (tmp_path / "x").mkdir()
    _csv(tmp_path / "x" / "f.csv", [["แบบฟอร์มที่ 7.2 ปีงบประมาณ 2569"] + [""] * 8,
                                    ["ที่", "ตัวชี้วัด", "หน่วยนับ", "น้ำหนัก", "1", "2", "3", "4", "5"],
                                    ["1", "ระยะเวลาเฉลี่ยในการอนุมัติเบิกจ่ายเงินสวัสดิการ", "วัน", "20", "2", "2.5", "3", "3.5", "4"]])
    cons, finds, _ = read_folder(tmp_path, as_of="2026-11-22")
    assert list(cons["direction"]) == ["lower"]
    assert "DIRECTION_MISMATCH" in set(finds["code"])


def test_total_row_in_plan_column_is_not_plan_text(tmp_path):
    (tmp_path / "x").mkdir()
    _csv(tmp_path / "x" / "f.csv", [["แบบฟอร์มที่ 7.2 ปีงบประมาณ พ.ศ. 2570"] + [""] * 9,
                                    ["แผนงาน", "ลำดับ", "ตัวชี้วัด", "มิติ", "น้ำหนัก", "1", "2", "3", "4", "5"],
                                    ["แผนงานป้องกันควบคุมโรค", "1", "ร้อยละของอำเภอที่ควบคุมการระบาดได้", "มิติที่ 1", "0.5", "60", "65", "70", "75", "80"],
                                    ["", "2", "ร้อยละความพึงพอใจของผู้รับบริการ", "มิติที่ 2", "0.5", "80", "82", "84", "86", "88"],
                                    ["รวม", "", "", "", "1", "", "", "", "", ""]])
    cons, _, _ = read_folder(tmp_path, as_of="2026-11-22")
    assert list(cons["plan"]) == ["แผนงานป้องกันควบคุมโรค"] * 2
