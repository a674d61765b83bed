"""Title lines of a spreadsheet saved as TSV or CSV: Excel writes every row as wide as the sheet,
so a title typed in column A comes out as ``title<TAB><TAB>…`` / ``title,,,,``. Before a table
such a row is a paragraph (the title, the agency, the indicator heading); inside a table a row
with one filled cell stays a row."""
from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from pipeline import batch
from pipeline.readers import read_document
from schemas.document import Paragraph, Table

TITLED = ["tsv", "csv"]       # the formats whose reader reads title lines as paragraphs
WIDTH = 6
TITLE = "รายงานผลการปฏิบัติราชการตามคำรับรอง จังหวัดน่าน ประจำปีงบประมาณ พ.ศ. 2567"
KPI = "ระดับความสำเร็จของการพัฒนาตลาดชุมชน"
STEPS = [("แต่งตั้งคณะทำงานพัฒนาตลาด", "31 ต.ค. 2566", "แล้วเสร็จ"),
         ("สำรวจตลาดชุมชนในพื้นที่", "31 ธ.ค. 2566", "แล้วเสร็จ"),
         ("พัฒนาตลาดชุมชนไม่น้อยกว่า 15 แห่ง", "31 มี.ค. 2567", "แล้วเสร็จ"),
         ("จัดกิจกรรมส่งเสริมการขาย", "30 มิ.ย. 2567", "ยังไม่แล้วเสร็จ"),
         ("สรุปผลรายงานจังหวัด", "15 ก.ย. 2567", "ยังไม่แล้วเสร็จ")]


def sheet_rows() -> list[list[str]]:
    """A KPI report as typed into one sheet: titles in column A, the matrix under a two-row
    banner, a blank row, the steps table."""
    rows = [[TITLE], ["มิติที่ 1 ด้านประสิทธิผล"], [f"ตัวชี้วัดที่ 3 {KPI}"],
            ["ระดับคะแนน", "ระดับขั้นของความสำเร็จ (Milestone)"],
            [""] + [f"ขั้นตอนที่ {i}" for i in range(1, 6)]]
    rows += [[str(lv)] + ["✓" if s <= lv else "" for s in range(1, 6)] for lv in range(1, 6)]
    rows += [[""], ["ขั้นตอนที่", "รายละเอียด", "กำหนดแล้วเสร็จ", "ผลการดำเนินงาน"]]
    rows += [[str(i), *s] for i, s in enumerate(STEPS, 1)]
    return [r + [""] * (WIDTH - len(r)) for r in rows]


def as_tsv(rows) -> str:
    return "\r\n".join("\t".join(r) for r in rows) + "\r\n"


def as_csv(rows) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    return buf.getvalue()


def write(tmp_path, name: str, text: str):
    p = tmp_path / name
    p.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    return p


@pytest.mark.parametrize("ext", TITLED)
def test_title_rows_before_a_table_are_paragraphs(tmp_path, ext):
    text = as_tsv(sheet_rows()) if ext == "tsv" else as_csv(sheet_rows())
    d = read_document(write(tmp_path, "x." + ext, text))
    blocks = d.pages[0].blocks
    assert [type(b) for b in blocks[:4]] == [Paragraph, Paragraph, Paragraph, Table]
    assert [b.text for b in blocks[:3]] == [TITLE, "มิติที่ 1 ด้านประสิทธิผล", f"ตัวชี้วัดที่ 3 {KPI}"]
    first = d.tables()[0].grid()
    assert first[0][:2] == ["ระดับคะแนน", "ระดับขั้นของความสำเร็จ (Milestone)"]
    assert first[1][1] == "ขั้นตอนที่ 1"


def test_a_row_with_one_filled_cell_inside_a_table_stays_a_row(tmp_path):
    """A section row (`ยุทธศาสตร์ที่ 2`) between data rows is part of the table, in a TSV as
    in a CSV; a line without a tab (a Word text export's paragraph) ends the table."""
    rows = [["ที่", "กิจกรรม", "งบประมาณ"], ["1", "อบรมเจ้าหน้าที่", "10,000"],
            ["ยุทธศาสตร์ที่ 2", "", ""], ["2", "ติดตามผล", "5,000"]]
    for ext, text in (("tsv", as_tsv(rows)), ("csv", as_csv(rows))):
        d = read_document(write(tmp_path, "plan." + ext, text))
        assert len(d.tables()) == 1 and not d.paragraphs(), ext
        assert [r[0] for r in d.tables()[0].grid()] == ["ที่", "1", "ยุทธศาสตร์ที่ 2", "2"], ext
    d = read_document(write(tmp_path, "word.txt", "ชื่อเรื่อง\nที่\tกิจกรรม\n1\tอบรม\nลงชื่อ ผู้รายงาน\n"))
    assert [type(b) for b in d.pages[0].blocks] == [Paragraph, Table, Paragraph]


def _run(tmp_path, name: str, text: str):
    src = tmp_path / "in" / "nan"
    src.mkdir(parents=True)
    write(src, name, text)
    out = tmp_path / "out"
    batch.run(tmp_path / "in", out, batch.Settings(as_of=date(2024, 8, 1), progress=False,
                                                     use_cache=False, jobs=1))
    with open(out / "consolidated.csv", encoding="utf-8-sig") as f:
        records = list(csv.DictReader(f))
    with open(out / "files.csv", encoding="utf-8-sig") as f:
        files = list(csv.DictReader(f))
    return records, files


@pytest.mark.parametrize("ext", ["tsv", "csv"])
def test_kpi_report_saved_as_tsv_with_titles_is_read(tmp_path, ext):
    text = as_tsv(sheet_rows()) if ext == "tsv" else as_csv(sheet_rows())
    records, files = _run(tmp_path, "nan_kpi_report_2567." + ext, text)
    assert files[0]["forms"] == "kpi_report"
    kpis = [r for r in records if r["record_type"] == "kpi"]
    steps = [r for r in records if r["record_type"] == "milestone"]
    assert [(k["item_no"], k["name"], k["agency"]) for k in kpis] == [("3", KPI, "จังหวัดน่าน")]
    assert [(s["item_no"], s["level"], s["deadline"]) for s in steps] == [
        ("1", "1", "2023-10-31"), ("2", "2", "2023-12-31"), ("3", "3", "2024-03-31"),
        ("4", "4", "2024-06-30"), ("5", "5", "2024-09-15")]
    assert {r["fiscal_year"] for r in records} == {"2567"}


@pytest.mark.parametrize("ext", TITLED)
def test_form72_saved_as_a_sheet_takes_its_agency_from_the_title(tmp_path, ext):
    rows = [["แบบฟอร์มที่ 7.2 ตัวชี้วัดของเทศบาลเมืองน่าน"], ["ประจำปีงบประมาณ 2567"],
            ["มิติ", "ตัวชี้วัด", "หน่วยวัด", "น้ำหนัก", "เกณฑ์การให้คะแนน", "", "", "", ""],
            ["", "", "", "", "1", "2", "3", "4", "5"],
            ["7.1", "1. ร้อยละของครัวเรือนที่คัดแยกขยะ", "ร้อยละ", "10", "60", "65", "70", "75", "80"],
            ["7.2", "2. จำนวนผู้ใช้บริการออนไลน์", "คน", "5", "100", "200", "300", "400", "500"]]
    rows = [r + [""] * (9 - len(r)) for r in rows]
    text = as_tsv(rows) if ext == "tsv" else as_csv(rows)
    records, files = _run(tmp_path, "nan_form72_2567." + ext, text)
    assert files[0]["agency"] == "เทศบาลเมืองน่าน"
    kpis = [r for r in records if r["record_type"] == "kpi"]
    assert [(k["item_no"], k["agency"], k["level_5"]) for k in kpis] == [
        ("1", "เทศบาลเมืองน่าน", "80"), ("2", "เทศบาลเมืองน่าน", "500")]
