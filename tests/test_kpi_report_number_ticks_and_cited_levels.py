"""Milestone matrices ticked with numbers instead of marks, and levels written as text lines that
cite their steps. A matrix whose filled cells are all `1` (or `1`/`0`; a spreadsheet's number 1)
reads `1` as a tick, in either layout (levels as rows under `ขั้นตอนที่ N` columns, or steps as
rows under `ระดับ N` columns); a matrix whose cells repeat the step numbers reads each number as a
tick of its step. Lines `ระดับ N = ขั้นตอนที่ 1-N` / `ระดับ N : ขั้นตอนที่ 1 ถึง N` are the
matrix, the steps following as a numbered list or as `ขั้นตอนที่ N :` paragraphs; a level left out
is MILESTONE_MISSING. Built as XLSX, DOCX, CSV and cp874 TXT, read by the real readers."""
from __future__ import annotations

from extract_helpers import extract_file, write_csv, write_docx

NAME = "ระดับความสำเร็จของการพัฒนาระบบจัดเก็บเอกสารอิเล็กทรอนิกส์ของหน่วยงาน"
STEPS = ["สำรวจประเภทเอกสารและกำหนดโครงสร้างแฟ้มข้อมูลกลาง",
         "จัดหาและติดตั้งระบบสารบรรณอิเล็กทรอนิกส์",
         "ฝึกอบรมเจ้าหน้าที่ธุรการทุกกลุ่มงานให้ใช้ระบบได้",
         "นำเข้าเอกสารย้อนหลังไม่น้อยกว่าร้อยละ 90 ของเอกสารปีก่อน",
         "ประเมินความพึงพอใจผู้ใช้และจัดทำข้อเสนอปรับปรุงระบบ"]
PERIODS = ["พ.ย. 68 - ธ.ค. 68", "ม.ค. 69 - ก.พ. 69", "มี.ค. 69 - พ.ค. 69", "มิ.ย. 69 - ส.ค. 69", "ก.ย. 69"]
HEAD = ["ชื่อตัวชี้วัดที่ 6 : " + NAME, "ผู้กำกับดูแลตัวชี้วัด : ผู้อำนวยการกองกลาง", "เกณฑ์การให้คะแนน"]
LADDER = {lvl: list(range(1, lvl + 1)) for lvl in range(1, 6)}


def milestones(ex):
    return [r for r in ex.records if r.record_type == "milestone"]


def levels_of(ex):
    return {r.item_no: r.level for r in milestones(ex)}


def by_level_rows(cell, ladder=LADDER):
    """Levels as rows under `ขั้นตอนที่ 1 … 5`; ``cell(step)`` the text of a ticked cell."""
    return [["ระดับคะแนน"] + [f"ขั้นตอนที่ {s}" for s in range(1, 6)]] + [
        [str(lvl)] + [cell(s) if s in ladder.get(lvl, []) else "" for s in range(1, 6)] for lvl in range(1, 6)]


def by_step_rows(cell, ladder=LADDER):
    """Steps as rows under `ระดับ 1 … 5`."""
    return [["ขั้นตอน"] + [f"ระดับ {lvl}" for lvl in range(1, 6)]] + [
        [f"ขั้นตอนที่ {s}"] + [cell(s) if s in ladder.get(lvl, []) else "" for lvl in range(1, 6)]
        for s in range(1, 6)]


def steps_table():
    return [["ลำดับ", "ขั้นตอนการดำเนินงาน", "ระยะเวลาดำเนินการ"]] + [
        [str(i + 1), t, p] for i, (t, p) in enumerate(zip(STEPS, PERIODS))]


def write_xlsx(path, blocks):
    """A sheet of ``blocks`` (a string: a line in column A; a list of rows: a table), an empty row
    after each table. Cells holding only digits are written as numbers, as a spreadsheet keeps them."""
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    r = 1
    for b in blocks:
        if isinstance(b, str):
            ws.cell(row=r, column=1, value=b)
            r += 1
            continue
        for row in b:
            for c, v in enumerate(row):
                if v != "":
                    ws.cell(row=r, column=1 + c, value=int(v) if v.isdigit() else v)
            r += 1
        r += 1
    wb.save(path)
    return path


# --- `1` as the tick -----------------------------------------------------------------------------

def test_xlsx_steps_as_rows_ticked_with_number_one(tmp_path):
    path = write_xlsx(tmp_path / "kpi.xlsx", HEAD + [by_step_rows(lambda s: "1"), steps_table()])
    ex, findings = extract_file(path)
    ms = milestones(ex)
    assert [m.name for m in ms] == STEPS          # the steps table's text, no step named `1`
    assert levels_of(ex) == {str(i): i for i in range(1, 6)}
    assert [m.deadline for m in ms][:2] == ["2025-12-31", "2026-02-28"]     # end of the period
    assert ex.matrices[0].levels == LADDER
    assert findings == []


def test_xlsx_number_one_matrix_still_reports_a_level_left_unticked(tmp_path):
    gap = {**LADDER, 3: [1, 2]}           # level 3 does not tick step 3
    path = write_xlsx(tmp_path / "kpi.xlsx", HEAD + [by_step_rows(lambda s: "1", gap), steps_table()])
    ex, findings = extract_file(path)
    assert [m.name for m in milestones(ex)] == STEPS
    assert ("6", "MILESTONE_MISSING") in findings


def test_docx_levels_as_rows_ticked_with_number_one(tmp_path):
    paras = [f"ขั้นตอนที่ {i + 1} : {t}" for i, t in enumerate(STEPS)]
    path = write_docx(tmp_path / "kpi.docx", HEAD + [by_level_rows(lambda s: "1")] + paras)
    ex, findings = extract_file(path)
    assert levels_of(ex) == {str(i): i for i in range(1, 6)}
    assert findings == []


def test_csv_flags_one_and_zero_and_a_step_in_no_level(tmp_path):
    # `0` in the unticked cells; a sixth step is described but ticked nowhere
    rows = [r[:1] + [x or "0" for x in r[1:]] if k else r for k, r in enumerate(by_level_rows(lambda s: "1"))]
    steps = [["ขั้นตอนที่", "การดำเนินงาน", "กำหนดแล้วเสร็จ"]] + [
        [str(i + 1), t, "30 ก.ย. 2569"] for i, t in enumerate(STEPS + ["เผยแพร่ผลการดำเนินงานทางเว็บไซต์"])]
    path = write_csv(tmp_path / "kpi.csv", HEAD, rows, steps)
    ex, findings = extract_file(path)
    lv = levels_of(ex)
    assert {k: lv[k] for k in "12345"} == {str(i): i for i in range(1, 6)}
    assert lv["6"] is None
    assert ex.matrices[0].levels == LADDER


# --- the step numbers repeated as ticks ------------------------------------------------------------

def test_docx_cells_repeating_the_step_numbers(tmp_path):
    paras = [f"ขั้นตอนที่ {i + 1} : {t}" for i, t in enumerate(STEPS)]
    path = write_docx(tmp_path / "kpi.docx", HEAD + [by_level_rows(str)] + paras)
    ex, findings = extract_file(path)
    assert levels_of(ex) == {str(i): i for i in range(1, 6)}
    assert findings == []


def test_xlsx_steps_as_rows_repeating_their_number_with_a_gap(tmp_path):
    gap = {lvl: st for lvl, st in LADDER.items() if lvl != 4}      # no tick under ระดับ 4
    path = write_xlsx(tmp_path / "kpi.xlsx", HEAD + [by_step_rows(str, gap), steps_table()])
    ex, findings = extract_file(path)
    assert [m.name for m in milestones(ex)] == STEPS
    assert levels_of(ex)["4"] == 5
    assert ("6", "MILESTONE_MISSING") in findings


# --- levels written as lines citing their steps -----------------------------------------------------

def test_docx_levels_equal_step_ranges_with_a_numbered_list(tmp_path):
    lines = [f"ระดับ {lvl} = ขั้นตอนที่ 1-{lvl}" if lvl > 1 else "ระดับ 1 = ขั้นตอนที่ 1" for lvl in range(1, 6)]
    steps = [f"{i + 1}) {t} ภายในวันที่ 30 {m}" for i, (t, m) in
             enumerate(zip(STEPS, ["พฤศจิกายน 2568", "มกราคม 2569", "เมษายน 2569", "กรกฎาคม 2569", "กันยายน 2569"]))]
    path = write_docx(tmp_path / "kpi.docx", HEAD + lines + ["ขั้นตอนการดำเนินงาน"] + steps + [
        [["ขั้นตอน", "ผลการดำเนินงาน", "วันที่แล้วเสร็จ"], ["1", "ดำเนินการแล้วเสร็จ", "20 พ.ย. 2568"]]])
    ex, findings = extract_file(path)
    kpis = [r for r in ex.records if r.record_type == "kpi"]
    assert [k.name for k in kpis] == [NAME]
    ms = milestones(ex)
    assert [m.name.split(" ภายใน")[0] for m in ms] == STEPS
    assert levels_of(ex) == {str(i): i for i in range(1, 6)}
    assert ms[0].status == "done" and ms[0].completed == "2025-11-20"
    assert ms[1].deadline == "2026-01-30"
    assert not any(code in ("NO_FORM_FOUND", "MILESTONE_MISSING") for _, code in findings)


def test_docx_numbered_list_after_cited_levels_with_a_level_left_out(tmp_path):
    lines = [f"ระดับ {lvl} = ขั้นตอนที่ 1-{lvl}" for lvl in (1, 2, 3, 5)]
    steps = [f"{i + 1}. {t}" for i, t in enumerate(STEPS)]
    path = write_docx(tmp_path / "kpi.docx", HEAD + lines + steps)
    ex, findings = extract_file(path)
    assert levels_of(ex) == {"1": 1, "2": 2, "3": 3, "4": 5, "5": 5}
    assert ("6", "MILESTONE_MISSING") in findings


def test_cp874_text_with_indented_levels_citing_steps_with_tueng(tmp_path):
    text = "\r\n".join(HEAD + [
        "        ระดับ 1 : ขั้นตอนที่ 1",
        "        ระดับ 2 : ขั้นตอนที่ 1 ถึง 2",
        "        ระดับ 3 : ขั้นตอนที่ 1 ถึง 3",
        "        ระดับ 5 : ขั้นตอนที่ 1 ถึง 5",
        ""] + [f"ขั้นตอนที่ {i + 1} : {t}" for i, t in enumerate(STEPS)]) + "\r\n"
    path = tmp_path / "kpi.txt"
    path.write_bytes(text.encode("cp874"))
    ex, findings = extract_file(path)
    ms = milestones(ex)
    assert [m.name for m in ms] == STEPS           # step 1 kept, no step made of `ถึง 2`
    assert levels_of(ex) == {"1": 1, "2": 2, "3": 3, "4": 5, "5": 5}
    assert ex.matrices[0].levels == {1: [1], 2: [1, 2], 3: [1, 2, 3], 5: [1, 2, 3, 4, 5]}
    assert ("6", "MILESTONE_MISSING") in findings


def test_thai_digit_levels_with_en_dash_keep_working(tmp_path):
    th = "๐๑๒๓๔๕"
    lines = [f"ระดับ {th[lvl]} : ขั้นตอน ๑ – {th[lvl]}" for lvl in range(1, 6)]
    path = write_docx(tmp_path / "kpi.docx", HEAD + lines + [f"ขั้นตอนที่ {i + 1} : {t}" for i, t in enumerate(STEPS)])
    ex, findings = extract_file(path)
    assert levels_of(ex) == {str(i): i for i in range(1, 6)}
    assert findings == []
