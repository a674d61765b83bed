"""Notes around a percentage-ladder KPI (`หมายเหตุ : ตัวชี้วัดที่ 3 …`, `* …`, a `หมายเหตุ` block of
listed lines) speak about an indicator and head none: the indicator is the one its own heading
names, and a table row's ladder is never handed to a paragraph written after the table."""
from __future__ import annotations

from datetime import date

import pytest

from extract_helpers import ctx
from extractors import extract
from pipeline.readers import read_document
from pipeline.validate import validate
from plan_files import plan_docx, plan_tsv, plan_xlsx

AS_OF = date(2026, 11, 22)
TITLE = "รายงานผลการดำเนินงานตามตัวชี้วัด ปีงบประมาณ พ.ศ. 2569"
AGENCY = "สำนักงานพัฒนาชุมชนจังหวัดลำพูน"
NAME = "ร้อยละความพึงพอใจของผู้รับบริการ"


def _run(path):
    ex = extract(read_document(path), ctx(name=path.name, agency=""))
    kpis = [r for r in ex.records if r.record_type == "kpi"]
    return kpis, sorted((f.item_no, f.code) for f in validate(ex, AS_OF))


def _docx(path, paras):
    import docx
    d = docx.Document()
    for p in paras:
        d.add_paragraph(p)
    d.save(path)
    return path


def _txt(path, paras):
    path.write_text("\n".join(paras) + "\n", encoding="utf-8")
    return path


NOTES = {
    "line": ["หมายเหตุ : ตัวชี้วัดที่ 9 ยกเลิกการประเมินในรอบนี้"],
    "star": ["* ตัวชี้วัดที่ 9 ยกเลิกการประเมินในรอบนี้"],
    "block": ["หมายเหตุ", "1. ตัวชี้วัดที่ 9 ยกเลิกการประเมินในรอบนี้", "2. ตัวชี้วัดที่ 8 รอผลสำรวจ"],
    "source": ["ที่มา : ตัวชี้วัดที่ 9 ของแผนปฏิบัติราชการกรม"],
}


@pytest.mark.parametrize("fmt", ["docx", "txt"])
@pytest.mark.parametrize("note", sorted(NOTES))
def test_a_note_above_the_indicator_heads_nothing(tmp_path, fmt, note):
    # slide text: a note on the first line of the slide, then the indicator and its ladder
    paras = [TITLE, AGENCY, *NOTES[note],
             f"ตัวชี้วัดที่ 2 {NAME} (น้ำหนัก : ร้อยละ 10)",
             "ระดับคะแนน 1 2 3 4 5",
             "ร้อยละ 60 65 70 75 80"]
    path = (_docx if fmt == "docx" else _txt)(tmp_path / f"kpi.{fmt}", paras)
    kpis, _ = _run(path)
    assert [(r.item_no, r.name) for r in kpis] == [("2", NAME)]
    assert kpis[0].form == "kpi_ladder" and kpis[0].weight == 10
    assert [kpis[0].level_1, kpis[0].level_5] == [60, 80]


def test_bold_heading_of_a_text_export_is_no_footnote(tmp_path):
    # `**…**` is a text export's bold: the heading it marks is the indicator's
    paras = [TITLE, AGENCY, f"**ตัวชี้วัดที่ 2 {NAME}**", "น้ำหนัก : ร้อยละ 10",
             "ระดับคะแนน 1 2 3 4 5", "ร้อยละ 60 65 70 75 80"]
    kpis, _ = _run(_txt(tmp_path / "kpi.txt", paras))
    assert [r.item_no for r in kpis] == ["2"]
    assert kpis[0].level_5 == 80


# a KPI table whose header neither form 7.2 nor the ladder tables name (`ประเด็นการประเมินผล`), an
# empty row after each indicator as a spreadsheet export writes it, and lines under the table
HEAD = ["ลำดับ", "ประเด็นการประเมินผล", "หน่วยวัด", "น้ำหนัก (%)", "ค่าเป้าหมาย",
        "ระดับ 1", "ระดับ 2", "ระดับ 3", "ระดับ 4", "ระดับ 5"]
ROWS = [HEAD,
        ["1", "ร้อยละของสถานศึกษาที่ผ่านการประเมินมาตรฐานความปลอดภัย", "ร้อยละ", "30", "100%",
         "80%", "85%", "90%", "95%", "100%"],
        [""] * 10,
        ["2", "จำนวนโรงเรียนที่จัดการเรียนการสอนแบบทวิศึกษา", "โรงเรียน", "25", "12", "4", "6", "8", "10", "12"],
        [""] * 10]
AFTER = {
    "note": "หมายเหตุ : ตัวชี้วัดที่ 3 อยู่ระหว่างพิจารณาค่าน้ำหนัก",
    "remark": "ทั้งนี้ ตัวชี้วัดที่ 3 อยู่ระหว่างพิจารณาค่าน้ำหนัก",
}


def _table_then(path, fmt, line):
    paras = [TITLE, AGENCY]
    if fmt == "xlsx":
        plan_xlsx(path, paras, ROWS + [[line] + [""] * 9])
    elif fmt == "docx":
        import docx
        plan_docx(path, paras, ROWS)
        d = docx.Document(path)
        d.add_paragraph(line)
        d.save(path)
    else:
        plan_tsv(path, paras, ROWS + [[line] + [""] * 9])
    return path


@pytest.mark.parametrize("fmt", ["xlsx", "docx", "tsv"])
@pytest.mark.parametrize("after", sorted(AFTER))
def test_a_line_under_a_table_takes_no_ladder_of_its_rows(tmp_path, fmt, after):
    path = _table_then(tmp_path / f"kpi.{fmt}", fmt, AFTER[after])
    kpis, findings = _run(path)
    # no indicator `3` named `อยู่ระหว่างพิจารณาค่าน้ำหนัก` carrying the last row's ladder 4 … 12
    assert not [r for r in kpis if "พิจารณาค่าน้ำหนัก" in r.name or r.item_no == "3"]
    assert ("3", "WEIGHT_MISSING") not in findings
