"""The agency a title names where the title is laid out awkwardly, and units named by a number:
- title rows at the top of the table itself (a spreadsheet's print area, a banner merged across
  it): one cell filled in a row, read as lines of the title;
- a running header numbering the page (`… หน้า 1/5`) above the title: no title line of its own,
  so it does not push the title's last line (the agency) out of the lines read;
- a head cut short (`สนง.`, `อบต.`) written in full;
- an armed-forces unit (`กองบิน 7`, `กองพลทหารราบที่ 5`, `ฐานทัพเรือสัตหีบ`) and a department's
  provincial institution named สถาน… (`สถานพินิจและคุ้มครองเด็กและเยาวชนจังหวัดลำปาง`): agencies of
  their own, not the province a step mentions nor the folder."""

import pytest

from extract_helpers import extract_file
from office import needs_soffice, to_pdf
from plan_files import PLAN_HEAD, extract_titled_plan

# steps that mention a province in passing: it must not become the agency
STEPS = [("ประชุมคณะทำงานร่วมกับจังหวัดสุราษฎร์ธานี", "กลุ่มงานแผน"),
         ("อบรมเจ้าหน้าที่ ณ จังหวัดสุราษฎร์ธานี", "กลุ่มงานแผน"),
         ("จัดทำรายงานผล", "กลุ่มงานแผน")]


def _plan_rows():
    months = ["ต.ค. 69", "พ.ย. 69", "ธ.ค. 69"]
    return [[str(k + 1), name, "1 เดือน", months[k], months[k], "10,000", unit]
            for k, (name, unit) in enumerate(STEPS)]


def _titled_table_docx(path, title_rows, merged: bool):
    """A plan DOCX whose title rows are the table's first rows, the text in the first cell,
    merged across the table or not."""
    import docx
    rows = [[t] + [""] * (len(PLAN_HEAD) - 1) for t in title_rows] + [PLAN_HEAD] + _plan_rows()
    d = docx.Document()
    t = d.add_table(rows=len(rows), cols=len(PLAN_HEAD))
    t.style = "Table Grid"
    for i, row in enumerate(rows):
        for j, x in enumerate(row):
            t.cell(i, j).text = x
    if merged:
        for i in range(len(title_rows)):
            text = t.cell(i, 0).text
            t.cell(i, 0).merge(t.cell(i, len(PLAN_HEAD) - 1)).text = text
    d.save(path)
    return path


TITLE_ROWS = [
    (["แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2570", "วิทยาลัยการอาชีพนครนายก",
      "สังกัดสำนักงานคณะกรรมการการอาชีวศึกษา"], "วิทยาลัยการอาชีพนครนายก"),
    (["แบบฟอร์มแผนปฏิบัติการ", "แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2570",
      "สำนักงานประมงจังหวัดน่าน"], "สำนักงานประมงจังหวัดน่าน"),
]


@pytest.mark.parametrize("merged", [False, True])
@pytest.mark.parametrize("title_rows,agency", TITLE_ROWS)
def test_title_rows_at_the_top_of_the_table_are_the_title(tmp_path, title_rows, agency, merged):
    ex, _ = extract_file(_titled_table_docx(tmp_path / "plan.docx", title_rows, merged))
    assert len([r for r in ex.records if r.record_type == "activity"]) == 3
    assert {r.agency for r in ex.records} == {agency}


@needs_soffice
def test_title_rows_inside_a_printed_table_are_the_title(tmp_path):
    """The same plan printed to PDF: the title rows come out as one-cell rows of its table."""
    src = _titled_table_docx(tmp_path / "plan.docx", TITLE_ROWS[0][0], merged=True)
    pdf, = to_pdf([src], tmp_path)
    ex, _ = extract_file(pdf)
    assert len([r for r in ex.records if r.record_type == "activity"]) == 3
    assert {r.agency for r in ex.records} == {"วิทยาลัยการอาชีพนครนายก"}


@pytest.mark.parametrize("header", [
    "แผนปฏิบัติการ ประจำปีงบประมาณ 2570 หน้า 1/5",
    "แผนปฏิบัติการ ประจำปีงบประมาณ 2570 หน้า 1 จาก 5",
    "Page 1 of 5",
])
def test_a_running_header_does_not_push_the_agency_out_of_the_title(tmp_path, header):
    title = [header, "แผนปฏิบัติการ", "โครงการส่งเสริมอาชีพผู้สูงอายุ", "ประจำปีงบประมาณ พ.ศ. 2570",
             "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดตราด"]
    ex = extract_titled_plan(tmp_path, title, STEPS)
    assert {r.agency for r in ex.records} == {"สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดตราด"}


def test_the_full_title_comes_before_a_running_header_that_cuts_the_name_short(tmp_path):
    title = ["สนง.ประมงจังหวัดน่าน หน้า 1/5", "แบบฟอร์มที่ 7.2",
             "แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2570", "สำนักงานประมงจังหวัดน่าน"]
    ex = extract_titled_plan(tmp_path, title, STEPS)
    assert {r.agency for r in ex.records} == {"สำนักงานประมงจังหวัดน่าน"}


@pytest.mark.parametrize("title,agency", [
    (["รายงานผลตัวชี้วัด สนง.ประมงจังหวัดน่าน ประจำปีงบประมาณ 2570"], "สำนักงานประมงจังหวัดน่าน"),
    (["แผนปฏิบัติการ อบต.บ้านเป็ด ประจำปีงบประมาณ 2570"], "องค์การบริหารส่วนตำบลบ้านเป็ด"),
])
def test_a_head_cut_short_is_written_in_full(tmp_path, title, agency):
    ex = extract_titled_plan(tmp_path, title, STEPS)
    assert {r.agency for r in ex.records} == {agency}


@pytest.mark.parametrize("title,agency", [
    (["แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2570", "กองบิน 7"], "กองบิน 7"),
    (["แบบฟอร์มที่ 7.2", "ตัวชี้วัดความสำเร็จตามแผนพัฒนาองค์การ ประจำปีงบประมาณ 2570",
      "กองบิน 7 กองทัพอากาศ"], "กองบิน 7"),
    (["รายงานผลการดำเนินงานตามคำรับรองการปฏิบัติราชการ ปีงบประมาณ 2571", "กองพลทหารราบที่ 5"],
     "กองพลทหารราบที่ 5"),
    (["แผนปฏิบัติการ มณฑลทหารบกที่ 33 ประจำปีงบประมาณ 2570"], "มณฑลทหารบกที่ 33"),
    (["แผนปฏิบัติการ ประจำปีงบประมาณ 2570", "กรมทหารพรานที่ 41"], "กรมทหารพรานที่ 41"),
    (["แผนปฏิบัติการ ประจำปีงบประมาณ 2570", "ฐานทัพเรือสัตหีบ กองทัพเรือ"], "ฐานทัพเรือสัตหีบ"),
    # a project named after units is no unit: the service the title names
    (["แผนปฏิบัติการ โครงการกองบินสัมพันธ์ ประจำปีงบประมาณ 2570", "กองทัพอากาศ"], "กองทัพอากาศ"),
])
def test_an_armed_forces_unit_in_the_title_is_the_agency(tmp_path, title, agency):
    ex = extract_titled_plan(tmp_path, title, STEPS)
    assert {r.agency for r in ex.records} == {agency}


@pytest.mark.parametrize("title,agency", [
    (["แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2570", "สถานพินิจและคุ้มครองเด็กและเยาวชนจังหวัดลำปาง"],
     "สถานพินิจและคุ้มครองเด็กและเยาวชนจังหวัดลำปาง"),
    (["รายงานผลการดำเนินงานตามตัวชี้วัด สถานแรกรับเด็กหญิงจังหวัดปทุมธานี ปีงบประมาณ 2570"],
     "สถานแรกรับเด็กหญิงจังหวัดปทุมธานี"),
])
def test_a_provincial_institution_named_sathan_is_the_agency(tmp_path, title, agency):
    ex = extract_titled_plan(tmp_path, title, STEPS)
    assert {r.agency for r in ex.records} == {agency}
