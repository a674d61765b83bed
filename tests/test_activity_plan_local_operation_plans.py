"""A local government's operation plan (แบบ ผด.02): a `สถานที่ดำเนินการ` column is the place, no
result; `หน่วยดำเนินการ` heads the responsible unit; a numbered programme heading over projects
numbered apart from it (`2.1 แผนงาน…` over `4`, `5`) is their plan, no activity; a programme's
subtotal by its name (`รวมแผนงาน…`) is no activity and totals the projects under it."""
import pytest

from plan_files import M, plan_docx, plan_tsv, plan_xlsx, run_plan

WRITERS = {"docx": plan_docx, "xlsx": plan_xlsx, "tsv": plan_tsv}
TITLE = ["แบบ ผด.02", "แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2570", "เทศบาลตำบลตัวอย่าง"]
HEAD = ["ที่", "โครงการ", "รายละเอียดของกิจกรรมที่เกิดขึ้นจากโครงการ", "งบประมาณ (บาท)", "สถานที่ดำเนินการ",
        "หน่วยดำเนินการ"] + M
BLANK = [""] * 12


def _months(*ks):
    return ["✓" if i in ks else "" for i in range(12)]


ROWS = [HEAD,
        ["ยุทธศาสตร์ที่ 1 การพัฒนาโครงสร้างพื้นฐาน", "", "", "", "", ""] + BLANK,
        ["1.1 แผนงานเคหะและชุมชน", "", "", "", "", ""] + BLANK,
        ["1", "โครงการก่อสร้างถนนคอนกรีต หมู่ที่ 2", "ถนนยาว 200 เมตร", "450,000", "หมู่ที่ 2 บ้านโนน",
         "กองช่าง"] + _months(3, 4),
        ["2", "โครงการขยายเขตประปา หมู่ที่ 5", "วางท่อ 1,000 เมตร", "300,000", "หมู่ที่ 5 บ้านดอน",
         "กองช่าง"] + _months(5),
        ["", "รวมแผนงานเคหะและชุมชน", "", "800,000", "", ""] + BLANK,
        ["1.2 แผนงานสาธารณสุข", "", "", "", "", ""] + BLANK,
        ["3", "โครงการรณรงค์ป้องกันไข้เลือดออก", "พ่นหมอกควัน", "50,000", "ทุกหมู่บ้าน",
         "กองสาธารณสุข"] + _months(8, 9),
        ["", "รวมแผนงานสาธารณสุข", "", "50,000", "", ""] + BLANK]


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_operation_plan_rows(tmp_path, fmt):
    acts, findings = run_plan(WRITERS[fmt](tmp_path / f"pd02.{fmt}", TITLE, ROWS))
    assert [(a.item_no, a.plan, a.responsible) for a in acts] == [
        ("1", "1.1 แผนงานเคหะและชุมชน", "กองช่าง"), ("2", "1.1 แผนงานเคหะและชุมชน", "กองช่าง"),
        ("3", "1.2 แผนงานสาธารณสุข", "กองสาธารณสุข")]
    assert [(a.status, a.completed_raw) for a in acts] == [("", "")] * 3
    assert not [f for f in findings if f[1] == "DATE_MISSING"]


def test_a_programme_subtotal_by_name_is_checked(tmp_path):
    # the first programme's subtotal says 800,000; its projects add up to 750,000
    _, findings = run_plan(plan_xlsx(tmp_path / "pd02.xlsx", TITLE, ROWS))
    assert [f for f in findings if f[1] == "BUDGET_SUM_MISMATCH"] == [("", "BUDGET_SUM_MISMATCH")]


def test_sibling_projects_named_like_a_programme_stay_activities(tmp_path):
    rows = [HEAD,
            ["1", "แผนงานปรับปรุงภูมิทัศน์สวนสาธารณะ", "ปลูกต้นไม้", "", "", "กองช่าง"] + BLANK,
            ["2", "แผนงานซ่อมแซมอาคารสำนักงาน", "ทาสี", "", "", "กองช่าง"] + BLANK]
    acts, _ = run_plan(plan_xlsx(tmp_path / "pd02.xlsx", TITLE, rows))
    assert [a.item_no for a in acts] == ["1", "2"]
