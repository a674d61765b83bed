"""A milestone KPI written the ก.พ.ร./school way: no tick matrix, one table row per score level
(`ระดับคะแนน | เกณฑ์การให้คะแนน | กำหนดแล้วเสร็จ | ผลการดำเนินงาน`), each level a sentence that
often repeats the levels below it (`ดำเนินการตามระดับ 1 และ…`), its deadline and result in the
same row. Each level row is step N at level N, its name the sentence as written, and the
indicator's score comes from the steps done. Built as DOCX (the heading in a text box, or a
paragraph) and TSV, read by the real readers."""
from __future__ import annotations

from datetime import date

import docx
from docx.oxml import parse_xml

from extract_helpers import extract_file

AS_OF = date(2026, 11, 22)
NAME = "ระดับความสำเร็จของการพัฒนาโรงเรียนสู่โรงเรียนคุณภาพประจำตำบล"
HEAD = ["ระดับคะแนน", "เกณฑ์การให้คะแนน", "กำหนดแล้วเสร็จ", "ผลการดำเนินงาน"]
LEVELS = [("มีการแต่งตั้งคณะกรรมการขับเคลื่อนโรงเรียนคุณภาพและจัดทำแผนพัฒนา", "30 พ.ย. 68",
           "ดำเนินการแล้ว เมื่อ 20 พ.ย. 68"),
          ("ดำเนินการตามระดับ 1 และพัฒนาห้องเรียนคุณภาพครบทุกชั้นเรียน", "31 ม.ค. 69", "ดำเนินการแล้ว เมื่อ 25 ม.ค. 69"),
          ("ดำเนินการตามระดับ 2 และจัดกิจกรรมพัฒนาทักษะอาชีพร่วมกับชุมชน", "31 มี.ค. 69", "ดำเนินการแล้ว เมื่อ 15 มี.ค. 69"),
          ("ดำเนินการตามระดับ 3 และผ่านการประเมินโรงเรียนคุณภาพระดับเขตพื้นที่", "30 มิ.ย. 69",
           "ดำเนินการแล้ว เมื่อ 10 ก.ค. 69"),
          ("ดำเนินการตามระดับ 4 และเป็นแหล่งเรียนรู้ให้โรงเรียนเครือข่ายอย่างน้อย 3 แห่ง", "31 ส.ค. 69", "ยังไม่ดำเนินการ")]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def level_rows(levels=range(1, 6)):
    return [HEAD] + [[f"ระดับ {i}", *LEVELS[i - 1]] for i in levels]


def text_box(text):
    """A paragraph anchoring a Word text box (its VML form) that holds ``text``."""
    return parse_xml(f'<w:p xmlns:w="{W}" xmlns:v="urn:schemas-microsoft-com:vml"><w:r><w:pict><v:shape>'
                     f'<v:textbox><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>'
                     f'</v:textbox></v:shape></w:pict></w:r></w:p>')


def write_docx(path, rows, heading_in_box=True):
    d = docx.Document()
    d.add_paragraph("รายงานผลการดำเนินงานตามตัวชี้วัด รอบ 12 เดือน ปีงบประมาณ พ.ศ. 2569")
    d.add_paragraph("โรงเรียนอนุบาลลำปาง")
    heading = f"ตัวชี้วัดที่ 2 {NAME}"
    if heading_in_box:
        d.add_paragraph()._p.addnext(text_box(heading))
    else:
        d.add_paragraph(heading)
    d.add_paragraph("ค่าน้ำหนัก : ร้อยละ 15")
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            t.cell(r, c).text = v
    d.add_paragraph("ผู้รายงาน นางกานดา มีสุข ครูชำนาญการพิเศษ")
    d.save(path)
    return path


def write_tsv(path, rows):
    lines = ["รายงานผลการดำเนินงานตามตัวชี้วัด ปีงบประมาณ พ.ศ. 2569", f"ตัวชี้วัดที่ 2 {NAME}",
             "น้ำหนัก : ร้อยละ 15", ""] + ["\t".join(r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(path):
    return extract_file(path, AS_OF)


def check_all_levels(ex, findings):
    assert {r.form for r in ex.records} == {"kpi_report"}
    kpis = [r for r in ex.records if r.record_type == "kpi"]
    assert [(k.item_no, k.name, k.weight, k.score) for k in kpis] == [("2", NAME, 15, 4)]
    steps = [r for r in ex.records if r.record_type == "milestone"]
    assert [(r.item_no, r.level, r.name) for r in steps] == [(str(i), i, LEVELS[i - 1][0]) for i in range(1, 6)]
    assert [r.deadline for r in steps] == ["2025-11-30", "2026-01-31", "2026-03-31", "2026-06-30", "2026-08-31"]
    assert [r.status for r in steps] == ["done"] * 4 + ["not_done"]
    assert [r.completed for r in steps] == ["2025-11-20", "2026-01-25", "2026-03-15", "2026-07-10", ""]
    # level 4 done after its deadline, level 5 not done past its deadline; no false "no form"
    assert findings == [("4", "DEADLINE_MISSED"), ("5", "DEADLINE_MISSED")]


def test_docx_heading_in_a_text_box(tmp_path):
    check_all_levels(*run(write_docx(tmp_path / "report.docx", level_rows())))


def test_docx_heading_in_a_paragraph(tmp_path):
    check_all_levels(*run(write_docx(tmp_path / "report.docx", level_rows(), heading_in_box=False)))


def test_tsv_export(tmp_path):
    check_all_levels(*run(write_tsv(tmp_path / "report.tsv", level_rows())))


def test_a_level_left_out_is_reported_and_the_others_keep_their_level(tmp_path):
    ex, findings = run(write_docx(tmp_path / "report.docx", level_rows([1, 2, 4, 5])))
    steps = [r for r in ex.records if r.record_type == "milestone"]
    assert [(r.item_no, r.level) for r in steps] == [("1", 1), ("2", 2), ("4", 4), ("5", 5)]
    # the indicator (item 2) lacks level 3; levels 4 and 5 are late as in the full table
    assert findings == [("2", "MILESTONE_MISSING"), ("4", "DEADLINE_MISSED"), ("5", "DEADLINE_MISSED")]


def test_a_threshold_ladder_under_the_same_heads_is_no_milestone_report(tmp_path):
    """`ระดับคะแนน | เกณฑ์การให้คะแนน` listing thresholds, with no deadline or result: no steps."""
    rows = [["ระดับคะแนน", "เกณฑ์การให้คะแนน"]] + [[f"ระดับ {i}", f"ร้อยละ {55 + 5 * i}"] for i in range(1, 6)]
    ex, _ = run(write_docx(tmp_path / "ladder.docx", rows, heading_in_box=False))
    assert not [r for r in ex.records if r.record_type == "milestone"]
