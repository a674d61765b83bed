"""XLSX blank rows inside a table: a single blank row that the table goes on under (left under
the header to set it off, or between groups of items) is a spacer, not the table's end, so the
rows below stay rows of the header's table even when their last columns are empty (a Gantt
chart's unticked last months, form 7.2 result columns left for the report). Two or more blank
rows before an approval block, and a band that starts with its own header, a signature or a note,
still end the table. Real workbooks built with openpyxl, read and extracted as a run reads them."""
from __future__ import annotations

import openpyxl

from extractors import extract
from extract_helpers import ctx
from pipeline.readers import read_document
from pipeline.validate import validate
from plan_files import AS_OF, U, marks, plan_docx, plan_xlsx, run_plan
from schemas.document import Paragraph, Table

MONTHS = ["ตุลาคม", "พฤศจิกายน", "ธันวาคม", "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน",
          "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน"]
PLAN_TITLE = ["แผนปฏิบัติการ โรงพยาบาลส่งเสริมสุขภาพตำบลหนองบัว ปีงบประมาณ 2570"]
# two header rows: a fiscal-year banner merged across the twelve month columns over their names
GANTT_HEAD = [["ลำดับ", "โครงการ/กิจกรรม", "งบประมาณ (บาท)", "ผู้รับผิดชอบ", "ปีงบประมาณ พ.ศ. 2570"]
              + [""] * 11,
              [U, U, U, U] + MONTHS]
BANNER = [(0, 4, 0, 15)]
BLANK = [""] * 16


def item(no, name, budget, unit, ticked):
    return [no, name, budget, unit] + marks(ticked)


ITEMS = [item("1", "คัดกรองประชาชนอายุ 35 ปีขึ้นไป", "35,000", "งานควบคุมโรค", {0, 1, 2}),
         item("2", "ติดตามกลุ่มเสี่ยงซ้ำ", "20,000", "งานควบคุมโรค", {3, 4, 5})]
PERIODS = [("1", "2026-10", "2026-12"), ("2", "2027-01", "2027-03")]


def periods(acts):
    return [(a.item_no, a.start, a.end) for a in acts]


def tables(path):
    return read_document(path).tables()


# ---------------------------------------------------------------- activity plans


def test_blank_row_under_a_two_row_gantt_header_keeps_the_plan(tmp_path):
    """The last six months unticked: the rows below the blank row are narrower than the header;
    they stay its rows, the blank row left out."""
    p = plan_xlsx(tmp_path / "plan.xlsx", PLAN_TITLE, GANTT_HEAD + [BLANK] + ITEMS, BANNER)
    (t,) = tables(p)
    assert (t.n_rows, t.n_cols) == (4, 16)
    assert [row[0] for row in t.grid()] == ["ลำดับ", "", "1", "2"]
    acts, _ = run_plan(p)
    assert periods(acts) == PERIODS
    # as the same plan typed in Word, where an empty table row is left out
    docx_acts, _ = run_plan(plan_docx(tmp_path / "plan.docx", PLAN_TITLE,
                                      GANTT_HEAD + [BLANK] + ITEMS, BANNER))
    assert periods(docx_acts) == PERIODS


def test_blank_row_between_items_keeps_the_later_items_months(tmp_path):
    """A blank row between the groups of a plan; the items below it tick only the first months."""
    later = [item("3", "ประชุมคณะกรรมการกองทุน", "5,000", "งานบริหาร", {0}),
             item("4", "จัดซื้อวัสดุคัดกรอง", "8,000", "งานบริหาร", {1, 2})]
    p = plan_xlsx(tmp_path / "plan.xlsx", PLAN_TITLE, GANTT_HEAD + ITEMS + [BLANK] + later, BANNER)
    (t,) = tables(p)
    assert [row[0] for row in t.grid()] == ["ลำดับ", "", "1", "2", "3", "4"]
    acts, _ = run_plan(p)
    assert periods(acts) == PERIODS + [("3", "2026-10", "2026-10"), ("4", "2026-11", "2026-12")]


def test_approval_block_after_blank_rows_stays_out_of_the_plan(tmp_path):
    """Signatures side by side under the plan, after two blank rows and after one: not rows of
    the plan (they carry no item number), whatever their number of cells."""
    sign = [["ลงชื่อ ............ ผู้จัดทำ", "", "ลงชื่อ ............ ผู้ตรวจสอบ", "",
             "ลงชื่อ ............ ผู้อนุมัติ"] + [""] * 11,
            ["(นางสาวสมใจ ใจดี)", "", "(นายสมชาย รักงาน)", "", "(นายแพทย์สาธารณสุขจังหวัด)"]
            + [""] * 11]
    for gap in (2, 1):
        p = plan_xlsx(tmp_path / f"plan{gap}.xlsx", PLAN_TITLE,
                      GANTT_HEAD + ITEMS + [BLANK] * gap + sign, BANNER)
        first = tables(p)[0]
        assert [row[0] for row in first.grid()] == ["ลำดับ", "", "1", "2"]
        assert not any("ลงชื่อ" in c.text for c in first.cells)
        acts, _ = run_plan(p)
        assert periods(acts) == PERIODS


def test_two_blank_rows_under_the_header_still_split_the_sheet(tmp_path):
    """Only a single blank row is a spacer: two set the rows below apart."""
    p = plan_xlsx(tmp_path / "plan.xlsx", PLAN_TITLE, GANTT_HEAD + [BLANK, BLANK] + ITEMS, BANNER)
    assert [t.n_rows for t in tables(p)] == [2, 2]


# ---------------------------------------------------------------- form 7.2

F72_TITLE = ["แบบฟอร์มที่ 7.2 ตัวชี้วัดและเกณฑ์การประเมินผลการปฏิบัติราชการ "
             "สำนักงานขนส่งจังหวัดน่าน ประจำปีงบประมาณ พ.ศ. 2570"]
# the result columns are filled only when the office reports: empty in the plan
F72_HEAD = ["ที่", "ตัวชี้วัด", "หน่วยนับ", "น้ำหนัก", "ระดับ 1", "ระดับ 2", "ระดับ 3", "ระดับ 4",
            "ระดับ 5", "ผลการดำเนินงาน", "คะแนนที่ได้", "หมายเหตุ"]
K1 = ["1", "ร้อยละของผู้รับบริการที่ได้รับใบอนุญาตภายในวันเดียว", "ร้อยละ", "60",
      "80", "85", "90", "95", "100", "", "", ""]
K2 = ["2", "ร้อยละความพึงพอใจของผู้รับบริการ", "ร้อยละ", "40", "70", "75", "80", "85", "90",
      "", "", ""]


def test_form72_blank_row_under_the_header_with_empty_result_columns(tmp_path):
    p = plan_xlsx(tmp_path / "f72.xlsx", F72_TITLE, [F72_HEAD, [""] * 12, K1, K2])
    (t,) = tables(p)
    assert (t.n_rows, t.n_cols) == (3, 12)
    ex = extract(read_document(p), ctx(name=p.name, agency=""))
    kpis = [r for r in ex.records if r.record_type == "kpi"]
    assert [(k.item_no, k.weight, k.level_1, k.level_5) for k in kpis] == [
        ("1", 60, 80, 100), ("2", 40, 70, 90)]
    assert "LADDER_INCOMPLETE" not in {f.code for f in validate(ex, AS_OF)}


def test_a_table_with_its_own_header_and_a_numbered_note_stay_apart(tmp_path):
    """After a single blank row: the results table's own header row, and a numbered note of two
    cells, start blocks of their own rather than carrying on the ladder table above."""
    wb = openpyxl.Workbook()
    ws = wb.active
    rows = {1: ["ระดับคะแนน", "1", "2", "3", "4", "5"],
            2: ["ร้อยละ", "60", "70", "80", "90", "100"],
            4: ["ที่", "ขั้นตอน", "ผลการดำเนินงาน", "วันที่แล้วเสร็จ"],
            5: ["1", "แต่งตั้งคณะทำงาน", "ดำเนินการแล้ว", "15 พ.ย. 69"],
            7: ["1.", "ข้อมูลจากระบบทะเบียนผู้รับบริการ"]}
    for r, values in rows.items():
        for k, v in enumerate(values, 1):
            ws.cell(row=r, column=k, value=v)
    p = tmp_path / "report.xlsx"
    wb.save(p)
    blocks = list(read_document(p).blocks())
    assert [type(b) for b in blocks] == [Table, Table, Table]
    assert [b.grid()[0][0] for b in blocks] == ["ระดับคะแนน", "ที่", "1."]
    assert [b.n_rows for b in blocks] == [2, 2, 1]
    assert not any(isinstance(b, Paragraph) for b in blocks)
