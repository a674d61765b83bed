"""Activity-plan header wordings, built as real files in tmp_path and read through the
readers:

- a responsible banner over sub-columns (`ผู้รับผิดชอบ` over `หลัก | สนับสนุน`, `หน่วยงานหลัก |
  หน่วยงานสนับสนุน`, `เจ้าภาพหลัก | ร่วม`): the supporting unit is `related`, not dropped;
- an indicator column (`ตัวชี้วัด`, `ตัวชี้วัด/เป้าหมาย`, `ตัวชี้วัดความสำเร็จ`) is the output of a
  plan without an output column; a target column beside it stays the target; two columns read
  into one field (an indicator among the trailing columns and the output) are kept apart by ` | `;
- a remarks column (`หมายเหตุ`) is no output; a ditto mark in the output column repeats the
  output above;
- in แผน/ผล row pairs the ผล row's target cell (the quantity achieved) is the activity's
  `actual` (`actual_raw` as written), never its target.
"""
from __future__ import annotations

import pytest

from plan_files import M, U, marks, run_plan
from plan_files import plan_docx, plan_tsv, plan_xlsx

PARAS = ["แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2567", "โรงพยาบาลชุมชนเมืองพล"]


def _save(tmp_path, fmt, rows, hm=()):
    path = tmp_path / f"plan.{fmt}"
    if fmt == "txt":
        return plan_tsv(path, PARAS, rows)
    return (plan_docx if fmt == "docx" else plan_xlsx)(path, PARAS, rows, hm)


FORMATS = ["docx", "xlsx", "txt"]

# ---------------------------------------------------------------- responsible banner

SPLITS = [("ผู้รับผิดชอบ", "หลัก", "สนับสนุน"),
          ("ผู้รับผิดชอบ", "หน่วยงานหลัก", "หน่วยงานสนับสนุน"),
          ("ผู้รับผิดชอบ", "เจ้าภาพหลัก", "ร่วม"),
          ("หน่วยงานรับผิดชอบ", "หลัก", "ร่วมดำเนินการ")]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("banner,main,support", SPLITS)
def test_responsible_banner_sub_columns_give_responsible_and_related(tmp_path, fmt, banner, main, support):
    h1 = ["ที่", "กิจกรรม", "เป้าหมาย (คน)", "ระยะเวลา"] + [""] * 11 + ["งบประมาณ (บาท)", banner, ""]
    h2 = [U, U, U] + M + [U, main, support]
    rows = [h1, h2,
            ["1", "อบรมแกนนำสุขภาพ", "500"] + marks({1, 2}) + ["30,000", "งานส่งเสริมสุขภาพ", "อสม."],
            ["2", "ตรวจคัดกรองมะเร็งเต้านม", "1,200"] + marks({4}) + ["15,000", "งานเวชปฏิบัติ", '"'],
            ["3", "ประเมินผล", "1"] + marks({11}) + ["-", '"', "รพ.สต.ทุกแห่ง"]]
    acts, codes = run_plan(_save(tmp_path, fmt, rows, [(0, 3, 0, 14), (0, 16, 0, 17)]))
    assert [(a.item_no, a.responsible, a.related, a.budget_thb, a.target, a.start, a.end) for a in acts] == [
        ("1", "งานส่งเสริมสุขภาพ", "อสม.", 30000, 500, "2023-11", "2023-12"),
        ("2", "งานเวชปฏิบัติ", "อสม.", 15000, 1200, "2024-02", "2024-02"),
        ("3", "งานเวชปฏิบัติ", "รพ.สต.ทุกแห่ง", None, 1, "2024-09", "2024-09")]
    assert codes == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_responsible_banner_with_dates_before_it(tmp_path, fmt):
    """`ระยะเวลา` over `เริ่มต้น | สิ้นสุด`, `ผลผลิต`, then `ผู้รับผิดชอบ` over `เจ้าภาพหลัก | ร่วม`
    and a remarks column: the remarks are neither output nor a unit."""
    h1 = ["ที่", "กิจกรรม", "ระยะเวลา", "", "ผลผลิต", "งบประมาณ (บาท)", "ผู้รับผิดชอบ", "", "หมายเหตุ"]
    h2 = [U, U, "เริ่มต้น", "สิ้นสุด", U, U, "เจ้าภาพหลัก", "ร่วม", U]
    rows = [h1, h2,
            ["1", "จัดงานมหกรรมสินค้า OTOP", "ธ.ค. 66", "ม.ค. 67", "ผู้ประกอบการ 100 ราย", "2,000,000",
             "พาณิชย์จังหวัด", "พัฒนาชุมชนจังหวัด", "งบพัฒนาจังหวัด"],
            ["2", "ส่งเสริมการท่องเที่ยวชุมชน", "ก.พ. 67", "มิ.ย. 67", '"', "1,500,000",
             "ท่องเที่ยวและกีฬาจังหวัด", "", "รอจัดสรร"]]
    acts, codes = run_plan(_save(tmp_path, fmt, rows, [(0, 2, 0, 3), (0, 6, 0, 7)]))
    assert [(a.item_no, a.start, a.end, a.output, a.responsible, a.related) for a in acts] == [
        ("1", "2023-12", "2024-01", "ผู้ประกอบการ 100 ราย", "พาณิชย์จังหวัด", "พัฒนาชุมชนจังหวัด"),
        ("2", "2024-02", "2024-06", "ผู้ประกอบการ 100 ราย", "ท่องเที่ยวและกีฬาจังหวัด", "")]


# ---------------------------------------------------------------- indicator column


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("head", ["ตัวชี้วัด", "ตัวชี้วัด/เป้าหมาย", "ตัวชี้วัดความสำเร็จ"])
def test_indicator_column_is_the_output(tmp_path, fmt, head):
    h = ["ที่", "กิจกรรม", head, "ค่าเป้าหมาย", "งบประมาณ (บาท)"] + M + ["ผู้รับผิดชอบ", "หมายเหตุ"]
    rows = [h,
            ["1", "พัฒนาหลักสูตรระยะสั้น", "จำนวนหลักสูตร", "2 หลักสูตร", "150,000"] + marks({0, 1}) +
            ["ฝ่ายวิชาการ", "ใช้เงินรายได้"],
            ["2", "อบรมเกษตรกรรุ่นใหม่", "จำนวนผู้ผ่านการอบรม", "120 คน", "300,000"] + marks({4}) +
            ["ศูนย์บริการวิชาการ", ""],
            ["3", "ติดตามผล", '"', "100 คน", "-"] + marks({10}) + ['"', ""]]
    acts, codes = run_plan(_save(tmp_path, fmt, rows))
    assert [(a.item_no, a.output, a.target_raw, a.target, a.budget_thb, a.responsible, a.start)
            for a in acts] == [
        ("1", "จำนวนหลักสูตร", "2 หลักสูตร", 2, 150000, "ฝ่ายวิชาการ", "2023-10"),
        ("2", "จำนวนผู้ผ่านการอบรม", "120 คน", 120, 300000, "ศูนย์บริการวิชาการ", "2024-02"),
        ("3", "จำนวนผู้ผ่านการอบรม", "100 คน", 100, None, "ศูนย์บริการวิชาการ", "2024-08")]


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_indicator_beside_an_output_column_joins_it(tmp_path, fmt):
    """`ตัวชี้วัดความสำเร็จ` before `ผลที่คาดว่าจะได้รับ` among the trailing columns, no Gantt: both
    read into the output, ` | ` between the two columns (never run together)."""
    h = ["ที่", "ขั้นตอนการดำเนินงาน", "ช่วงเวลาดำเนินการ", "งบประมาณที่ได้รับจัดสรร",
         "ตัวชี้วัดความสำเร็จ", "ผลที่คาดว่าจะได้รับ", "ผู้รับผิดชอบ"]
    rows = [h,
            ["1", "สำรวจข้อมูลกลุ่มเสี่ยง", "พ.ย. 66", "5,000", "ร้อยละ 90 ได้รับการคัดกรอง",
             "มีฐานข้อมูลกลุ่มเสี่ยง", "กลุ่มงานควบคุมโรค"],
            ["2", "อบรมปรับเปลี่ยนพฤติกรรม", "ม.ค. 67 - เม.ย. 67", "80,000", "ผู้เข้าอบรม 200 คน",
             "กลุ่มเสี่ยงลดน้ำหนักได้", "รพ.สต. ทุกแห่ง"]]
    acts, codes = run_plan(_save(tmp_path, fmt, rows))
    assert [(a.item_no, a.output, a.budget_thb, a.responsible, a.start, a.end) for a in acts] == [
        ("1", "ร้อยละ 90 ได้รับการคัดกรอง | มีฐานข้อมูลกลุ่มเสี่ยง", 5000, "กลุ่มงานควบคุมโรค",
         "2023-11", "2023-11"),
        ("2", "ผู้เข้าอบรม 200 คน | กลุ่มเสี่ยงลดน้ำหนักได้", 80000, "รพ.สต. ทุกแห่ง", "2024-01", "2024-04")]
    assert codes == []


# ---------------------------------------------------------------- achieved quantity (แผน/ผล)


@pytest.mark.parametrize("fmt", FORMATS)
def test_result_row_target_is_the_achieved_quantity(tmp_path, fmt):
    h = ["ที่", "โครงการ/กิจกรรม", "แผน/ผล", "เป้าหมาย"] + M + ["งบประมาณ", "ผู้รับผิดชอบ"]
    rows = [h,
            ["1", "อบรมผู้นำชุมชน", "แผน", "500 คน"] + marks({1, 2}) + ["60,000", "กลุ่มงานส่งเสริม"],
            [U, U, "ผล", "450 คน"] + marks({1, 2}) + ["58,500", U],
            ["2", "ประกวดหมู่บ้าน", "แผน", "20 หมู่บ้าน"] + marks({5, 6}) + ["40,000", "กลุ่มงานยุทธศาสตร์"],
            [U, U, "ผล", "ร้อยละ 60"] + marks({5}) + ["20,000", U],
            ["3", "ติดตามผล", "แผน", "ร้อยละ 100"] + marks({10}) + ["-", "กลุ่มงานยุทธศาสตร์"],
            [U, U, "ผล", "-"] + marks(set()) + ["", U]]
    acts, codes = run_plan(_save(tmp_path, fmt, rows))
    assert [(a.item_no, a.target, a.unit, a.target_raw, a.actual, a.actual_raw, a.status, a.spent_thb,
             a.score) for a in acts] == [
        ("1", 500, "คน", "500 คน", 450, "450 คน", "done", 58500, None),
        ("2", 20, "หมู่บ้าน", "20 หมู่บ้าน", 60, "ร้อยละ 60", "not_done", 20000, None),
        ("3", 100, "%", "ร้อยละ 100", None, "", "unknown", None, None)]


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_target_merged_over_the_pair_is_no_achievement(tmp_path, fmt):
    """A target cell merged down over both rows of the pair states no achieved quantity."""
    h = ["ที่", "กิจกรรม", "กลุ่มเป้าหมาย", "เป้าหมาย/ผลงาน"] + M + ["งบประมาณ (บาท)", "ผู้รับผิดชอบ"]
    rows = [h,
            ["1", "อบรม อสม.", "300 คน", "เป้าหมาย"] + marks({0}) + ["10,000", "งานส่งเสริม"],
            [U, U, U, "ผลงาน"] + marks({0}) + ["9,000", U]]
    acts, _ = run_plan(_save(tmp_path, fmt, rows))
    assert [(a.target, a.target_raw, a.actual, a.actual_raw, a.status) for a in acts] == [
        (300, "300 คน", None, "", "done")]


@pytest.mark.parametrize("fmt", ["txt", "xlsx"])
def test_wrapped_line_under_a_pair_continues_the_achieved_quantity(tmp_path, fmt):
    """A PDF (or an export of one) writes each line of a wrapped cell as a row: the line under
    the ผล row continues the name (merged over the pair) and the ผล row's achieved quantity."""
    h = ["ที่", "โครงการ/กิจกรรม", "แผน/ผล", "เป้าหมาย"] + M + ["งบประมาณ", "ผู้รับผิดชอบ"]
    rows = [h,
            ["1", "ประกวดหมู่บ้านเศรษฐกิ", "แผน", "20 หมู่บ้าน"] + marks({5, 6}) + ["40,000", "กลุ่มงานยุทธศาสตร์"],
            ["", "", "ผล", "12 หมู่บ้า"] + marks({5}) + ["20,000", ""],
            ["", "จพอเพียง", "", "น"] + marks(set()) + ["", ""],
            ["2", "ติดตามผล", "แผน", "ร้อยละ 100"] + marks({10}) + ["-", "กลุ่มงานยุทธศาสตร์"],
            ["", "", "ผล", "ร้อยละ 100"] + marks({10}) + ["", ""]]
    acts, _ = run_plan(_save(tmp_path, fmt, rows))
    assert [(a.item_no, a.name, a.target_raw, a.target, a.actual_raw, a.actual, a.status) for a in acts] == [
        ("1", "ประกวดหมู่บ้านเศรษฐกิจพอเพียง", "20 หมู่บ้าน", 20, "12 หมู่บ้าน", 12, "not_done"),
        ("2", "ติดตามผล", "ร้อยละ 100", 100, "ร้อยละ 100", 100, "done")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_responsible_banner_over_name_and_telephone(tmp_path, fmt):
    """`ผู้รับผิดชอบ` over `ชื่อ-สกุล | โทรศัพท์`: the name is the responsible, the number its phone."""
    h1 = ["ที่", "กิจกรรม"] + M + ["งบประมาณ", "ผู้รับผิดชอบ", ""]
    h2 = [U, U] + [U] * 12 + [U, "ชื่อ-สกุล", "โทรศัพท์"]
    rows = [h1, h2,
            ["1", "อบรมเกษตรกร"] + marks({1}) + ["10,000", "นายสมชาย ใจดี", "081-234-5678"],
            ["2", "ติดตามผล"] + marks({3}) + ["5,000", "นางสาวสมศรี มีสุข", "0 4326 1234"]]
    acts, _ = run_plan(_save(tmp_path, fmt, rows, [(0, 15, 0, 16)]))
    assert [(a.item_no, a.responsible, a.related, a.phones, a.budget_thb) for a in acts] == [
        ("1", "นายสมชาย ใจดี", "", "081-234-5678", 10000),
        ("2", "นางสาวสมศรี มีสุข", "", "0 4326 1234", 5000)]


def test_gantt_months_written_with_a_dashed_year(tmp_path):
    """Month headers as Excel shows mmm-yy dates in a Thai locale (`ต.ค.-66`), no banner above:
    still the timeline, and its ticks give the activities' months."""
    months = [m + "-" + ("66" if k < 3 else "67") for k, m in enumerate(M)]
    rows = [["ที่", "กิจกรรม"] + months + ["งบประมาณ", "ผู้รับผิดชอบ"],
            ["1", "ประชุมคณะทำงาน"] + marks({0, 1}) + ["10,000", "สำนักงานจังหวัด"],
            ["2", "ติดตามผล"] + marks({9, 10, 11}) + ["5,000", "สำนักงานจังหวัด"]]
    acts, found = run_plan(plan_xlsx(tmp_path / "p.xlsx", ["แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2567"], rows))
    assert [(a.item_no, a.start, a.end) for a in acts] == [("1", "2023-10", "2023-11"),
                                                          ("2", "2024-07", "2024-09")]
    assert not [f for f in found if f[1] == "DATE_MISSING"]
