"""Mess retyping and PDF export leave: ditto marks under weight / deadline / result
columns, a lone `ๆ` as a ditto, ticks written with a variation selector (`✔︎`), an amount a PDF
wrapped inside a digit group, satisfaction / resolved-complaint indicators that name complaints."""
from __future__ import annotations

import csv

from pipeline.api import read_folder
from docx import Document
from docx.shared import Cm

from office import needs_soffice, to_pdf
from pipeline.readers import read_document
from pipeline.repair import repair_thai

AS_OF = "2026-11-22"


def _write(tmp_path, name, rows, delim="\t"):
    d = tmp_path / "agency"
    d.mkdir(exist_ok=True)
    with open(d / name, "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f, delimiter=delim).writerows(rows)
    return tmp_path


def _run(path):
    cons, finds, _ = read_folder(path, as_of=AS_OF)
    return cons, finds


def _form72(weight2='"', unit2="〃", name4="ร้อยละของเรื่องร้องเรียนที่ดำเนินการแล้วเสร็จภายใน 30 วัน"):
    return [["แบบฟอร์มที่ 7.2 ตัวชี้วัด สำนักงานจังหวัดพิจิตร ประจำปีงบประมาณ พ.ศ. 2568"] + [""] * 9,
            ["ลำดับที่", "ตัวชี้วัด", "หน่วยนับ", "ค่าน้ำหนัก (ร้อยละ)", "ค่าเป้าหมาย", "ระดับ 1", "ระดับ 2", "ระดับ 3", "ระดับ 4", "ระดับ 5"],
            ["7.1 มิติด้านประสิทธิผล"] + [""] * 9,
            ["1", "ร้อยละที่เพิ่มขึ้นของพื้นที่ปลูกข้าวอินทรีย์", "ร้อยละ", "25", "5", "1", "2", "3", "4", "5"],
            ["2", "มูลค่าการจำหน่ายสินค้าชุมชนที่เพิ่มขึ้น", unit2, weight2, "10", "6", "7", "8", "9", "10"],
            ["7.2 มิติด้านคุณภาพการให้บริการ"] + [""] * 9,
            ["3", "ร้อยละความพึงพอใจของผู้รับบริการศูนย์รับเรื่องร้องเรียน", "ร้อยละ", "25", "88", "80", "82", "84", "86", "88"],
            ["4", name4, "ร้อยละ", "25", "100", "80", "85", "90", "95", "100"]]


def test_form72_ditto_weight_and_lone_mai_yamok_unit(tmp_path):
    cons, finds = _run(_write(tmp_path, "f.tsv", _form72(unit2="ๆ")))
    k2 = cons[(cons.record_type == "kpi") & (cons.item_no == "2")].iloc[0]
    assert float(k2.weight) == 25            # `"` under the weight column: the weight above
    assert k2.unit == "%"                    # `ๆ` alone in a cell: the unit above
    assert "WEIGHT_MISSING" not in set(finds.code)


def test_form72_complaint_words_in_satisfaction_and_resolved_indicators(tmp_path):
    cons, finds = _run(_write(tmp_path, "f.tsv", _form72()))
    kp = cons[cons.record_type == "kpi"].set_index("item_no")
    assert kp.loc["3", "direction"] == "higher"
    assert kp.loc["4", "direction"] == "higher"
    assert "DIRECTION_MISMATCH" not in set(finds.code)


def test_form72_complaint_count_stays_lower(tmp_path):
    cons, finds = _run(_write(tmp_path, "f.tsv", _form72(name4="จำนวนเรื่องร้องเรียนการให้บริการ")))
    assert cons[(cons.record_type == "kpi") & (cons.item_no == "4")].iloc[0].direction == "lower"
    assert "DIRECTION_MISMATCH" in set(finds.code)


def _report(tick="✔\ufe0e", dl2="〃", done2='"', status5='"'):
    mx = [["ระดับคะแนน", "ขั้นตอนที่ 1", "ขั้นตอนที่ 2", "ขั้นตอนที่ 3", "ขั้นตอนที่ 4", "ขั้นตอนที่ 5"]]
    for lv in range(1, 6):
        mx.append([f"ระดับ {lv}"] + [tick if i <= lv else "" for i in range(1, 6)])
    steps = [["ขั้นตอนที่", "กิจกรรม", "กำหนดแล้วเสร็จ", "สถานะ", "วันที่แล้วเสร็จ"],
             ["1", "แต่งตั้งคณะกรรมการจัดการน้ำเสียชุมชน", "ต.ค. 68", "✓", "20 ต.ค. 68"],
             ["2", "สำรวจจุดปล่อยน้ำเสียในเขตเทศบาล", dl2, "✓", done2],
             ["3", "ก่อสร้างบ่อดักไขมันในชุมชนนำร่อง", "ม.ค. 69", "✓", "5 ม.ค. 69"],
             ["4", "ตรวจวัดคุณภาพน้ำทิ้ง", "มิ.ย. 69", "✗", "-"],
             ["5", "สรุปผลและเผยแพร่ต่อสาธารณะ", "〃", status5, "-"]]
    return ([["รายงานผลการดำเนินงานตามตัวชี้วัด เทศบาลเมืองสระบุรี ปีงบประมาณ 2569", "", "", "", "", ""],
             ["ตัวชี้วัดที่ 5 ระดับความสำเร็จของการจัดการน้ำเสียชุมชน", "", "", "", "", ""],
             ["น้ำหนัก ร้อยละ 20", "", "", "", "", ""]] + mx + [[""] * 6] + [r + [""] for r in steps])


def test_kpi_report_dittos_in_deadline_completion_and_status_columns(tmp_path):
    cons, finds = _run(_write(tmp_path, "r.tsv", _report(tick="✓")))
    ms = cons[cons.record_type == "milestone"].set_index("item_no")
    assert ms.loc["2", "deadline"] == "2025-10-31"
    assert ms.loc["2", "completed"] == "2025-10-20"
    assert ms.loc["5", "deadline"] == "2026-06-30"
    assert ms.loc["5", "status"] == "not_done"
    late = finds[finds.code == "DEADLINE_MISSED"]
    assert set(late.item_no) == {"4", "5"}


def test_kpi_report_ticks_with_variation_selector(tmp_path):
    cons, finds = _run(_write(tmp_path, "r.csv", _report(dl2="ต.ค. 68", done2="25 ต.ค. 68", status5="✗"), ","))
    kpi = cons[cons.record_type == "kpi"].iloc[0]
    ms = cons[cons.record_type == "milestone"].set_index("item_no")
    assert list(ms.level.astype(int)) == [1, 2, 3, 4, 5]
    assert float(kpi.score) == 3
    assert "MILESTONE_MISSING" not in set(finds.code)


def test_repair_drops_variation_selectors():
    assert repair_thai("✔\ufe0e") == "✔" and repair_thai("✔\ufe0f") == "✔"
    assert repair_thai("ขั้นตอนที่ 1 ✔\ufe0f") == "ขั้นตอนที่ 1 ✔"


@needs_soffice
def test_pdf_amount_wrapped_inside_a_digit_group(tmp_path):
    """A narrow budget column in a PDF cuts `120,000.-` into `120,00` / `0.-` (a line that ends
    inside a thousands group): one amount, not `120,00 0.-` (read as no amount)."""
    d = Document()
    rows = [["ที่", "กิจกรรม", "งบประมาณ", "ผู้รับผิดชอบ"],
            ["1", "อบรมผู้ดูแลผู้สูงอายุ (Caregiver) ประจำชุมชน", "120,000.-", "กองสวัสดิการสังคม"]]
    t = d.add_table(rows=len(rows), cols=4)
    t.autofit = False
    for r, row in enumerate(rows):
        for c, txt in enumerate(row):
            t.cell(r, c).text = txt
    for c, w in enumerate([1.2, 6, 1.8, 2.2]):
        t.columns[c].width = Cm(w)
        for cell in t.columns[c].cells:
            cell.width = Cm(w)
    src = tmp_path / "plan.docx"
    d.save(src)
    pdf = to_pdf([src], tmp_path)[0]
    texts = [c.text for tb in read_document(pdf).tables() for c in tb.cells]
    assert "120,000.-" in texts, texts
