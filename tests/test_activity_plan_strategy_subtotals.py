"""A province's plan split by strategy: a subtotal row per strategy (`รวมประเด็นยุทธศาสตร์ที่ 1`,
`รวมยุทธศาสตร์การพัฒนาที่ ๒`) is no activity, and a `ยุทธศาสตร์การพัฒนาที่ N …` heading above a
table is its activities' plan."""
import pytest

from plan_files import PLAN_HEAD, plan_docx, plan_tsv, plan_xlsx, run_plan

WRITERS = {"docx": plan_docx, "xlsx": plan_xlsx, "tsv": plan_tsv}


def _rows(total_label):
    return [PLAN_HEAD,
            ["1", "โครงการส่งเสริมการท่องเที่ยวชุมชน", "3 เดือน", "ต.ค. 68", "ธ.ค. 68", "300,000",
             "สำนักงานการท่องเที่ยวและกีฬาจังหวัด"],
            ["2", "โครงการพัฒนาผลิตภัณฑ์ชุมชน", "2 เดือน", "ม.ค. 69", "ก.พ. 69", "200,000", "พัฒนาชุมชนจังหวัด"],
            [total_label, "", "", "", "", "500,000", ""]]


@pytest.mark.parametrize("fmt", sorted(WRITERS))
@pytest.mark.parametrize("label", ["รวมประเด็นยุทธศาสตร์ที่ 1", "รวมยุทธศาสตร์การพัฒนาที่ ๒",
                                   "รวมประเด็นการพัฒนาที่ 3", "รวมยุทธศาสตร์ที่ 4"])
def test_a_strategy_subtotal_is_no_activity(tmp_path, fmt, label):
    path = WRITERS[fmt](tmp_path / f"plan.{fmt}", ["แผนปฏิบัติราชการประจำปีงบประมาณ พ.ศ. 2569 จังหวัดแพร่"],
                        _rows(label))
    acts, findings = run_plan(path)
    assert [a.item_no for a in acts] == ["1", "2"]
    assert not [f for f in findings if f[1] == "DATE_MISSING"]


def test_a_subtotal_written_across_the_number_and_name_columns(tmp_path):
    rows = _rows("รวมประเด็นยุทธศาสตร์ที่ 1")
    rows[-1] = ["รวมประเด็นยุทธศาสตร์ที่ 1", "รวมประเด็นยุทธศาสตร์ที่ 1"] + rows[-1][2:]
    path = plan_docx(tmp_path / "plan.docx", ["แผนปฏิบัติราชการประจำปีงบประมาณ พ.ศ. 2569 จังหวัดแพร่"],
                     rows, hmerges=[(3, 0, 3, 1)])
    acts, findings = run_plan(path)
    assert [a.item_no for a in acts] == ["1", "2"]
    assert not [f for f in findings if f[1] == "DATE_MISSING"]


def test_a_development_strategy_heading_is_the_plan(tmp_path):
    heading = "ยุทธศาสตร์การพัฒนาที่ 1 การพัฒนาคุณภาพชีวิตและสร้างสังคมที่เข้มแข็ง"
    path = plan_docx(tmp_path / "plan.docx", ["แผนดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2569",
                                             "องค์การบริหารส่วนจังหวัดตัวอย่าง", heading], _rows("รวม"))
    acts, _ = run_plan(path)
    assert {a.plan for a in acts} == {heading}
