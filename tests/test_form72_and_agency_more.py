"""Form 7.2 and agency names, from real files built here:
plans numbered as issues in a plan column (`ประเด็นที่ N`), a plan written as a heading above a
table with no plan column, an English-only header (`Key Performance Indicator`), state
enterprises, companies and public organisations as agencies, and infection rates as
lower-is-better indicators."""
from __future__ import annotations

import pytest

from extractors import extract
from extract_helpers import ctx
from pipeline.readers import read_document
from pipeline.validate import validate
from plan_files import AS_OF, U, extract_titled_plan, plan_docx, plan_tsv, plan_xlsx

L = U          # a level cell under a banner spanning the five levels is written blank / merged


def run(path):
    """(extraction, [(item_no, code)] of the findings) of a file read as a run reads it."""
    ex = extract(read_document(path), ctx(name=path.name, agency=""))
    return ex, sorted((f.item_no, f.code) for f in validate(ex, AS_OF))


def kpis(ex):
    return [r for r in ex.records if r.record_type == "kpi"]


# ---------------------------------------------------------------- plans in a plan column


def test_plan_column_issues_start_a_new_plan_each(tmp_path):
    """A plan column whose plans start `ประเด็นที่ N` (each filled on its plan's first row): each
    indicator takes its own plan, not every plan glued together."""
    rows = [["ประเด็นแผนพัฒนาองค์การ", "ลำดับ", "ตัวชี้วัด", "น้ำหนัก", "ค่าเป้าหมาย",
             "ระดับคะแนน 1", "ระดับคะแนน 2", "ระดับคะแนน 3", "ระดับคะแนน 4", "ระดับคะแนน 5"],
            ["ประเด็นที่ 1 โครงสร้างพื้นฐาน", "1", "ร้อยละของถนนที่ได้รับการซ่อมบำรุง", "30", "80",
             "60", "65", "70", "75", "80"],
            ["", "2", "ร้อยละของครัวเรือนที่มีน้ำประปาใช้", "20", "95", "91", "92", "93", "94", "95"],
            ["ประเด็นที่ 2 คุณภาพชีวิต", "3", "ร้อยละของผู้สูงอายุที่ได้รับเบี้ยยังชีพตรงเวลา", "50", "100",
             "96", "97", "98", "99", "100"]]
    path = plan_tsv(tmp_path / "form72.csv", ["แบบฟอร์มที่ 7.2 ประจำปีงบประมาณ พ.ศ. 2570"], rows)
    path.write_text(path.read_text(encoding="utf-8").replace("\t", ","), encoding="utf-8")
    ex, _ = run(path)
    got = [(r.item_no, r.plan) for r in kpis(ex)]
    assert got == [("1", "ประเด็นที่ 1 โครงสร้างพื้นฐาน"), ("2", "ประเด็นที่ 1 โครงสร้างพื้นฐาน"),
                   ("3", "ประเด็นที่ 2 คุณภาพชีวิต")]


def test_plan_column_goals_start_a_new_plan_each(tmp_path):
    rows = [["เป้าประสงค์", "ตัวชี้วัด", "น้ำหนัก", "ค่าเป้าหมาย", "เกณฑ์การให้คะแนน", L, L, L, L],
            [U, U, U, U, "1", "2", "3", "4", "5"],
            ["เป้าประสงค์ที่ 1 ประชาชนได้รับบริการที่สะดวก", "1. ร้อยละความพึงพอใจของผู้รับบริการ", "50", "90",
             "80", "85", "90", "95", "100"],
            ["เป้าประสงค์ที่ 2 องค์กรมีธรรมาภิบาล", "2. ร้อยละการเบิกจ่ายงบประมาณ", "50", "96",
             "88", "90", "92", "94", "96"]]
    ex, _ = run(plan_docx(tmp_path / "form72.docx", ["แบบฟอร์มที่ 7.2 ประจำปีงบประมาณ พ.ศ. 2569"], rows,
                          hmerges=[(0, 4, 0, 8)]))
    assert [r.plan for r in kpis(ex)] == ["เป้าประสงค์ที่ 1 ประชาชนได้รับบริการที่สะดวก",
                                         "เป้าประสงค์ที่ 2 องค์กรมีธรรมาภิบาล"]


# ---------------------------------------------------------------- a plan above the table

_HEAD = [["ตัวชี้วัด", "หน่วยนับ", "ค่าเป้าหมาย", "น้ำหนัก", "คะแนน", L, L, L, L],
         [U, U, U, U, "1", "2", "3", "4", "5"]]


def _ladder_row(name, values):
    return [name, "ร้อยละ", values[-1], "1"] + values


@pytest.mark.parametrize("heading", [
    "แผนพัฒนาองค์การ : การยกระดับคุณภาพบัณฑิต",
    "แผนพัฒนาองค์การที่ 1 การยกระดับคุณภาพบัณฑิต",
    "ประเด็นยุทธศาสตร์ที่ 1 การยกระดับคุณภาพบัณฑิต",
])
def test_plan_heading_above_a_table_without_plan_column(tmp_path, heading):
    rows = _HEAD + [["7.1 มิติด้านประสิทธิผล"] + [L] * 8,
                    _ladder_row("1) ร้อยละของบัณฑิตที่ได้งานทำ", ["65", "70", "75", "80", "85"])]
    paras = ["แบบฟอร์มที่ 7.2", "มหาวิทยาลัยราชภัฏสกลนคร ประจำปีงบประมาณ พ.ศ. 2571", heading]
    ex, _ = run(plan_docx(tmp_path / "form72.docx", paras, rows, hmerges=[(0, 4, 0, 8), (2, 0, 2, 8)]))
    assert [(r.name, r.plan) for r in kpis(ex)] == [("ร้อยละของบัณฑิตที่ได้งานทำ", heading)]


def test_title_naming_the_plan_is_no_plan_heading(tmp_path):
    """A title that names the plan, its year and its agency is no plan of its own."""
    rows = _HEAD + [_ladder_row("1) ร้อยละของบัณฑิตที่ได้งานทำ", ["65", "70", "75", "80", "85"])]
    paras = ["แบบฟอร์มที่ 7.2", "แผนพัฒนาองค์การ ประจำปีงบประมาณ พ.ศ. 2571",
             "แผนพัฒนาองค์การ 2571 มหาวิทยาลัยราชภัฏสกลนคร"]
    ex, _ = run(plan_docx(tmp_path / "form72.docx", paras, rows, hmerges=[(0, 4, 0, 8)]))
    assert [r.plan for r in kpis(ex)] == [""]


def test_each_table_takes_the_plan_heading_above_it(tmp_path):
    import docx
    d = docx.Document()
    for p in ("แบบฟอร์มที่ 7.2 ประจำปีงบประมาณ พ.ศ. 2570", "แผนพัฒนาองค์การที่ 1 : การบริการประชาชน"):
        d.add_paragraph(p)
    for k, (name, vals) in enumerate([("1. ร้อยละความพึงพอใจของผู้รับบริการ", ["80", "82", "84", "86", "88"]),
                                      ("2. ร้อยละของงานที่แล้วเสร็จตามแผน", ["70", "75", "80", "85", "90"])]):
        if k:
            d.add_paragraph("แผนพัฒนาองค์การที่ 2 : การบริหารจัดการ")
        head = ["ตัวชี้วัด", "น้ำหนัก", "ค่าเป้าหมาย", "1", "2", "3", "4", "5"]
        t = d.add_table(rows=2, cols=len(head))
        for c, v in enumerate(head):
            t.cell(0, c).text = v
        for c, v in enumerate([name, "50", vals[-1]] + vals):
            t.cell(1, c).text = v
    d.save(tmp_path / "form72.docx")
    ex, _ = run(tmp_path / "form72.docx")
    assert [r.plan for r in kpis(ex)] == ["แผนพัฒนาองค์การที่ 1 : การบริการประชาชน",
                                         "แผนพัฒนาองค์การที่ 2 : การบริหารจัดการ"]


# ---------------------------------------------------------------- English headers


def test_english_key_performance_indicator_header(tmp_path):
    rows = [["No.", "Key Performance Indicator", "Dimension", "Unit", "Weight (%)", "Target",
             "Scoring Criteria", L, L, L, L],
            [U, U, U, U, U, U, "1", "2", "3", "4", "5"],
            ["1", "ร้อยละความพึงพอใจของผู้ใช้น้ำ", "7.2", "%", "25", "88", "80", "82", "84", "86", "88"],
            ["2", "ร้อยละน้ำสูญเสียในระบบจำหน่าย", "7.3", "%", "75", "25", "29", "28", "27", "26", "25"]]
    path = plan_xlsx(tmp_path / "form72.xlsx", ["แบบฟอร์มที่ 7.2 ปีงบประมาณ พ.ศ. 2569", "การประปาส่วนภูมิภาค"],
                     rows, hmerges=[(0, 6, 0, 10)])
    ex, found = run(path)
    got = [(r.item_no, r.name, r.dimension, r.weight, r.target, r.level_1, r.level_5) for r in kpis(ex)]
    assert got == [("1", "ร้อยละความพึงพอใจของผู้ใช้น้ำ", "7.2", 25, 88, 80, 88),
                   ("2", "ร้อยละน้ำสูญเสียในระบบจำหน่าย", "7.3", 75, 25, 29, 25)]
    assert ex.agency == "การประปาส่วนภูมิภาค"
    assert not [c for _, c in found if c == "NO_FORM_FOUND"]


# ---------------------------------------------------------------- agencies


@pytest.mark.parametrize("title,agency", [
    (["แบบฟอร์มที่ 7.2", "การไฟฟ้าส่วนภูมิภาค ประจำปีงบประมาณ พ.ศ. 2571"], "การไฟฟ้าส่วนภูมิภาค"),
    (["การท่าเรือแห่งประเทศไทย", "แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2571"], "การท่าเรือแห่งประเทศไทย"),
    (["รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2568", "การยาสูบแห่งประเทศไทย"], "การยาสูบแห่งประเทศไทย"),
    (["แผนปฏิบัติการการรถไฟแห่งประเทศไทย ปีงบประมาณ 2569"], "การรถไฟแห่งประเทศไทย"),
    (["แผนปฏิบัติการ ปีงบประมาณ พ.ศ. 2571", "บริษัท ขนส่ง จำกัด"], "บริษัท ขนส่ง จำกัด"),
    (["แผนปฏิบัติการ บริษัท ทีโอที จำกัด (มหาชน) ประจำปี 2569"], "บริษัท ทีโอที จำกัด (มหาชน)"),
    (["แผนปฏิบัติการ โครงการลดความแออัด", "โรงพยาบาลบ้านแพ้ว (องค์การมหาชน) ประจำปีงบประมาณ พ.ศ. 2569"],
     "โรงพยาบาลบ้านแพ้ว (องค์การมหาชน)"),
    (["แผนปฏิบัติการของสำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน) ปีงบประมาณ 2569"],
     "สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน)"),
    # a word run on into `…แห่งประเทศไทย` is no state enterprise: the province stands
    (["แผนพัฒนาการท่องเที่ยวแห่งประเทศไทย จังหวัดเชียงใหม่ ปีงบประมาณ 2569"], "จังหวัดเชียงใหม่"),
])
def test_state_enterprise_company_and_public_organisation(tmp_path, title, agency):
    ex = extract_titled_plan(tmp_path, title, [("สำรวจข้อมูล", "ฝ่ายแผน"), ("จัดอบรม", "ฝ่ายบุคคล")])
    assert ex.agency == agency
    assert ex.records and all(r.agency == agency for r in ex.records)


# ---------------------------------------------------------------- direction


@pytest.mark.parametrize("name,finding", [
    ("อัตราการติดเชื้อในโรงพยาบาลต่อ 1,000 วันนอน", True),
    ("จำนวนผู้ติดเชื้อรายใหม่ในพื้นที่", True),
    # a share of infected people treated: the more the better
    ("ร้อยละของผู้ติดเชื้อเอชไอวีที่ได้รับยาต้านไวรัส", False),
    # dropouts, errors and losses: the fewer the better; their negations are not
    ("อัตราการออกกลางคันของนักเรียน", True),
    ("ร้อยละของข้อมูลที่คลาดเคลื่อน", True),
    ("ร้อยละของข้อมูลที่ไม่คลาดเคลื่อน", False),
    ("มูลค่าความสูญเสียจากอัคคีภัย", True),
])
def test_infection_rate_is_lower_is_better(tmp_path, name, finding):
    rows = [["ที่", "ตัวชี้วัด", "น้ำหนัก", "ค่าเป้าหมาย", "เกณฑ์การให้คะแนน", L, L, L, L],
            [U, U, U, U, "1", "2", "3", "4", "5"],
            ["มิติที่ 1 ด้านประสิทธิผล"] + [L] * 8,
            ["1", name, "100", "3", "1", "1.5", "2", "2.5", "3"]]
    path = plan_docx(tmp_path / "form72.docx", ["แบบฟอร์มที่ 7.2 โรงพยาบาลสว่างแดนดิน ปีงบประมาณ พ.ศ. 2568"],
                     rows, hmerges=[(0, 4, 0, 8), (2, 0, 2, 8)])
    ex, found = run(path)
    assert [r.direction for r in kpis(ex)] == (["lower"] if finding else ["higher"])
    assert (("1", "DIRECTION_MISMATCH") in found) == finding
