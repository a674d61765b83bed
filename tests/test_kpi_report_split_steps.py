"""KPI report steps tables that a page break or a layout splits, and scoring written compactly:
- a steps table carried on to the next page without its header row keeps its columns (deadlines);
- steps typed as tab-separated paragraphs are read field by field (deadline, result);
- scoring criteria typed in one cell (`1 = ขั้นตอนที่ 1, 2 = ขั้นตอนที่ 1–2, …`) are the level -> steps ladder;
- a key/value `ตัวชี้วัด | 5.1 …` pair in a workbook names the indicator, a matrix of 1/0 flags
  ticks the steps, and completion days exported as spreadsheet day numbers are read.
Documents are written as real DOCX / XLSX files (and PDF through LibreOffice)."""
from __future__ import annotations

from pathlib import Path

from extract_helpers import extract_file, write_docx
from office import needs_soffice, to_pdf

STEPS = [("1", "แต่งตั้งคณะทำงาน", "31 ต.ค. 68", "แล้วเสร็จ 20 ต.ค. 68"),
         ("2", "จัดทำแผนการดำเนินงาน", "31 ธ.ค. 68", "แล้วเสร็จ 15 ธ.ค. 68"),
         ("3", "ดำเนินการตามแผน", "31 มี.ค. 69", "แล้วเสร็จ 20 เม.ย. 69"),
         ("4", "ติดตามผลการดำเนินงาน", "30 มิ.ย. 69", "อยู่ระหว่างดำเนินการ"),
         ("5", "สรุปและรายงานผล", "30 ก.ย. 69", "ยังไม่ดำเนินการ")]
HEAD = ["รายงานผลการดำเนินงานตามตัวชี้วัด ประจำปีงบประมาณ พ.ศ. 2569", "กรมการกงสุล",
        "ตัวชี้วัดที่ 3 ระดับความสำเร็จของการจัดทำทะเบียนดิจิทัล"]
LATE = [("3", "DEADLINE_MISSED"), ("4", "DEADLINE_MISSED"), ("5", "DEADLINE_MISSED")]


def _matrix():
    return [["ระดับคะแนน"] + [f"ขั้นตอนที่ {i}" for i in range(1, 6)]] + \
        [[str(lv)] + ["✓" if s <= lv else "" for s in range(1, 6)] for lv in range(1, 6)]


def _milestones(ex):
    return {r.item_no: r for r in ex.records if r.record_type == "milestone"}


def _deadlines(ex):
    return [(n, r.deadline, r.status) for n, r in sorted(_milestones(ex).items())]


EXPECTED = [("1", "2025-10-31", "done"), ("2", "2025-12-31", "done"), ("3", "2026-03-31", "done"),
            ("4", "2026-06-30", "not_done"), ("5", "2026-09-30", "not_done")]


def _tabbed_docx(path: Path, page_break_before: int = -1) -> Path:
    import docx
    from docx.enum.text import WD_BREAK
    from docx.shared import Cm
    from docx.enum.section import WD_ORIENT
    d = docx.Document()
    sec = d.sections[0]
    # landscape, the fields in wide tab stops: each step stays on one line
    sec.orientation, sec.page_width, sec.page_height = WD_ORIENT.LANDSCAPE, sec.page_height, sec.page_width
    sec.left_margin = sec.right_margin = Cm(1.5)
    for p in HEAD:
        d.add_paragraph(p)
    rows = _matrix()
    t = d.add_table(rows=len(rows), cols=6)
    t.style = "Table Grid"
    for i, row in enumerate(rows):
        for j, x in enumerate(row):
            t.cell(i, j).text = x
    d.add_paragraph("")

    def tabbed(text):
        p = d.add_paragraph(text)
        for x in (3.5, 12.0, 18.0):
            p.paragraph_format.tab_stops.add_tab_stop(Cm(x))
        return p
    tabbed("ขั้นตอน\tรายละเอียด\tกำหนดเสร็จ\tผลการดำเนินงาน")
    for i, (no, text, due, res) in enumerate(STEPS):
        if i == page_break_before:
            d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        tabbed(f"ขั้นตอนที่ {no}\t{text}\tภายใน {due}\t{res}")
    d.save(path)
    return path


def test_tabbed_step_paragraphs_give_deadline_and_result(tmp_path):
    ex, findings = extract_file(_tabbed_docx(tmp_path / "tabbed.docx"))
    assert _deadlines(ex) == EXPECTED
    assert _milestones(ex)["1"].name == "แต่งตั้งคณะทำงาน"
    assert _milestones(ex)["3"].completed == "2026-04-20"
    assert [f for f in findings if f[1] == "DEADLINE_MISSED"] == LATE


@needs_soffice
def test_steps_on_next_page_without_header_keep_deadlines(tmp_path):
    src = _tabbed_docx(tmp_path / "tabbed_pages.docx", page_break_before=2)
    pdf, = to_pdf([src], tmp_path)
    ex, findings = extract_file(pdf)
    assert _deadlines(ex) == EXPECTED
    assert _milestones(ex)["4"].name == "ติดตามผลการดำเนินงาน"
    assert [f for f in findings if f[1] == "DEADLINE_MISSED"] == LATE


def _criteria_docx(path: Path, criteria: str) -> Path:
    return write_docx(path, [
        "รายงานผลการดำเนินงานตามตัวชี้วัด ประจำปีงบประมาณ พ.ศ. 2569", "มหาวิทยาลัยแม่ฟ้าหลวง",
        "ตัวชี้วัดที่ 1.2 ระดับความสำเร็จของการพัฒนาหลักสูตรนานาชาติ",
        [["เกณฑ์การให้คะแนน", criteria]], "",
        [["ขั้นตอนที่", "รายละเอียด", "กำหนดแล้วเสร็จ", "ผลการดำเนินงาน"]] + [list(s) for s in STEPS]])


def test_criteria_in_one_cell_score_the_steps(tmp_path):
    ex, findings = extract_file(_criteria_docx(
        tmp_path / "criteria.docx",
        "1 = ขั้นตอนที่ 1, 2 = ขั้นตอนที่ 1–2, 3 = ขั้นตอนที่ 1–3, 4 = ขั้นตอนที่ 1–4, 5 = ขั้นตอนที่ 1–5"))
    kpi = next(r for r in ex.records if r.record_type == "kpi")
    assert (kpi.item_no, kpi.name) == ("1.2", "ระดับความสำเร็จของการพัฒนาหลักสูตรนานาชาติ")
    assert kpi.required_steps == [[1], [1, 2], [1, 2, 3], [1, 2, 3, 4], [1, 2, 3, 4, 5]]
    assert [(n, r.level) for n, r in sorted(_milestones(ex).items())] == [(str(i), i) for i in range(1, 6)]
    assert [f for f in findings if f[1] == "DEADLINE_MISSED"] == LATE
    assert not [f for f in findings if f[1] == "NO_FORM_FOUND"]


def test_key_value_indicator_and_flag_matrix_in_workbook(tmp_path):
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    rows = [["หน่วยงาน", "โรงพยาบาลตัวอย่าง"], ["ปีงบประมาณ", 2568],
            ["ตัวชี้วัด", "5.1 ระดับความสำเร็จของการพัฒนาระบบส่งต่อผู้ป่วย"], ["น้ำหนัก", 10], [],
            ["ระดับคะแนน"] + [f"ขั้นตอนที่ {i}" for i in range(1, 6)]]
    # level 3 flags steps 1-2 only: step 3 is first needed at level 4
    flags = {1: [1], 2: [1, 2], 3: [1, 2], 4: [1, 2, 3, 4], 5: [1, 2, 3, 4, 5]}
    rows += [[lv] + [1 if s in flags[lv] else 0 for s in range(1, 6)] for lv in range(1, 6)]
    rows += [[], ["ขั้นตอนที่", "รายละเอียด", "กำหนดแล้วเสร็จ", "ผลการประเมิน", "วันที่แล้วเสร็จ"],
             [1, "ทบทวนแนวทางการส่งต่อผู้ป่วย", 45657, "ผ่าน", 45646],
             [2, "พัฒนาระบบให้คำปรึกษาทางไกล", 45688, "ผ่าน", 45687],
             [3, "อบรมทีมกู้ชีพ", 45747, "ผ่าน", 45741],
             [4, "ติดตั้งระบบติดตามรถพยาบาล", 45838, "ไม่ผ่าน", None],
             [5, "ประเมินผลและรายงานผล", 45900, "ผ่าน", 45898]]
    for r in rows:
        ws.append(r)
    path = tmp_path / "hosp_kpi_2568.xlsx"
    wb.save(path)
    ex, findings = extract_file(path)
    kpi = next(r for r in ex.records if r.record_type == "kpi")
    assert (kpi.item_no, kpi.name) == ("5.1", "ระดับความสำเร็จของการพัฒนาระบบส่งต่อผู้ป่วย")
    assert kpi.required_steps == [[1], [1, 2], [1, 2], [1, 2, 3, 4], [1, 2, 3, 4, 5]]
    ms = _milestones(ex)
    assert [ms[n].level for n in "12345"] == [1, 2, 4, 4, 5]
    assert [ms[n].completed for n in "12345"] == ["2024-12-20", "2025-01-30", "2025-03-25", "", "2025-08-29"]
    assert ("4", "DEADLINE_MISSED") in findings
