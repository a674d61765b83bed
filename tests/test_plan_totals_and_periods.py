"""Activity plans: a plan's grand-total row is checked against its top-level items
(BUDGET_SUM_MISMATCH), an empty row of tabs ends a TSV table when only an approval block follows
it (UNSIGNED), and a period written end before start in one cell keeps its two dates
(START_AFTER_END instead of DATE_MISSING)."""
from __future__ import annotations

import csv
from datetime import date

import docx
import pytest

from pipeline import batch
from pipeline.normalize import parse_date
from pipeline.normalize.dates import reversed_range
from pipeline.readers import read_document
from schemas.document import Paragraph, Table

from plan_files import plan_docx

HEAD = ["ที่", "กิจกรรม", "ระยะเวลาดำเนินการ", "งบประมาณ", "หน่วยงานรับผิดชอบ"]
TITLE = "แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2570 กรมทางหลวงชนบท"
APPROVAL = ["ลงชื่อ ...................................... ผู้เสนอแผน",
            "(......................................)", "วันที่ ........./........./........."]


def _run(tmp_path, files: dict):
    src = tmp_path / "in" / "agency"
    src.mkdir(parents=True)
    for name, write in files.items():
        write(src / name)
    out = tmp_path / "out"
    batch.run(tmp_path / "in", out, batch.Settings(as_of=date(2026, 11, 22), progress=False,
                                                     use_cache=False, jobs=1))
    with open(out / "consolidated.csv", encoding="utf-8-sig") as f:
        records = list(csv.DictReader(f))
    with open(out / "findings.csv", encoding="utf-8-sig") as f:
        findings = list(csv.DictReader(f))
    return records, findings


def _tsv(rows: list[list[str]], width: int = 5):
    """A sheet saved as TSV: every record as wide as the sheet."""
    text = "\r\n".join("\t".join(r + [""] * (width - len(r))) for r in rows) + "\r\n"
    return lambda p: p.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))


def _docx(paras_before: list[str], rows: list[list[str]]):
    return lambda p: plan_docx(p, paras_before, rows)


def _codes(findings, code):
    return [(f["item_no"], f["value"]) for f in findings if f["code"] == code]


# ---------------------------------------------------------------- grand total (item 2)

PLAN_PARAS = ["แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2569", "องค์การบริหารส่วนตำบลหนองหาร",
              "โครงการส่งเสริมสุขภาพผู้สูงอายุ"]


def _plan(total: str, label: str = "รวม"):
    return [HEAD, ["1", "ประชุมคณะทำงาน", "ต.ค. 68 - พ.ย. 68", "10,000", "กองสาธารณสุข"],
            ["2", "อบรมอาสาสมัคร", "ธ.ค. 68 - ม.ค. 69", "60,000", "กองสาธารณสุข"],
            ["3", "ตรวจคัดกรองสุขภาพ", "ก.พ. 69 - มี.ค. 69", "50,000 บาท", "กองสาธารณสุข"],
            ["", label, "", total, ""]]


@pytest.mark.parametrize("label", ["รวม", "รวมทั้งสิ้น", "รวมงบประมาณทั้งสิ้น"])
def test_grand_total_that_differs_from_the_items_is_reported(tmp_path, label):
    records, findings = _run(tmp_path, {"plan.docx": _docx(PLAN_PARAS, _plan("130,000", label))})
    assert [r["item_no"] for r in records] == ["1", "2", "3"]        # the total is no activity
    assert _codes(findings, "BUDGET_SUM_MISMATCH") == [("", "130,000 ≠ 120,000")]


def test_grand_total_that_adds_up_is_not_reported(tmp_path):
    records, findings = _run(tmp_path, {"plan.docx": _docx(PLAN_PARAS, _plan("120,000 บาท"))})
    assert len(records) == 3
    assert not _codes(findings, "BUDGET_SUM_MISMATCH")


def test_grand_total_counts_groups_not_their_items_twice(tmp_path):
    """Top-level items only: a group row with its own amount counts once; a group row
    without one counts its items."""
    rows = [HEAD,
            ["", "กิจกรรมที่ 1 ประชาสัมพันธ์", "", "30,000", ""],
            ["1", "จัดทำสื่อ", "ต.ค. 68", "10,000", "กองคลัง"],
            ["2", "เผยแพร่สื่อ", "พ.ย. 68", "20,000", "กองคลัง"],
            ["", "กิจกรรมที่ 2 ฝึกอบรม", "", "", ""],
            ["1", "อบรมแกนนำ", "ธ.ค. 68", "40,000", "กองคลัง"],
            ["2", "ติดตามผล", "ม.ค. 69", "5,000", "กองคลัง"],
            ["", "รวมทั้งสิ้น", "", "75,000", ""]]
    records, findings = _run(tmp_path, {"plan.docx": _docx(PLAN_PARAS, rows)})
    assert sum(r["record_type"] == "activity" for r in records) >= 4
    assert not _codes(findings, "BUDGET_SUM_MISMATCH")
    rows[-1][3] = "95,000"
    records, findings = _run(tmp_path / "b", {"plan.docx": _docx(PLAN_PARAS, rows)})
    assert _codes(findings, "BUDGET_SUM_MISMATCH") == [("", "95,000 ≠ 75,000")]


def test_each_project_table_total_is_checked_against_its_own_items(tmp_path):
    """Two project tables, each with its own `รวม`, and a last `รวมทั้งสิ้น` over both."""
    def write(p):
        d = docx.Document()
        for t in PLAN_PARAS[:2]:
            d.add_paragraph(t)
        for name, rows in (("โครงการที่ 1 ส่งเสริมสุขภาพ", [["1", "ประชุม", "ต.ค. 68", "10,000", "กองสาธารณสุข"],
                                                              ["2", "อบรม", "พ.ย. 68", "20,000", "กองสาธารณสุข"],
                                                              ["", "รวม", "", "30,000", ""]]),
                           ("โครงการที่ 2 ป้องกันโรค", [["1", "รณรงค์", "ธ.ค. 68", "15,000", "กองสาธารณสุข"],
                                                       ["2", "พ่นหมอกควัน", "ม.ค. 69", "5,000", "กองสาธารณสุข"],
                                                       ["", "รวม", "", "25,000", ""]])):
            d.add_paragraph(name)
            rows = [HEAD] + rows
            t = d.add_table(rows=len(rows), cols=5)
            for r, row in enumerate(rows):
                for c, v in enumerate(row):
                    t.cell(r, c).text = v
        d.save(p)
    records, findings = _run(tmp_path, {"plan.docx": write})
    assert sum(r["record_type"] == "activity" for r in records) == 4
    # the first project adds up; the second (15,000 + 5,000) does not
    assert _codes(findings, "BUDGET_SUM_MISMATCH") == [("", "25,000 ≠ 20,000")]


# ---------------------------------------------------------------- TSV empty row (item 5)

def test_tsv_empty_row_before_an_approval_block_ends_the_table(tmp_path):
    rows = [[TITLE], ["โครงการพัฒนาโครงข่ายทางหลวงชนบท"], HEAD,
            ["1", "สำรวจและออกแบบสะพาน", "ม.ค. 70 - มี.ค. 70", "1,250,000", "สำนักสำรวจ"],
            [""]] + [[a] for a in APPROVAL]
    p = tmp_path / "plan.tsv"
    _tsv(rows)(p)
    blocks = read_document(p).pages[0].blocks
    assert [type(b) for b in blocks] == [Paragraph, Paragraph, Table] + [Paragraph] * 3
    assert blocks[2].n_rows == 2
    records, findings = _run(tmp_path, {"plan.tsv": _tsv(rows)})
    assert [r["name"] for r in records] == ["สำรวจและออกแบบสะพาน"]
    assert [f["code"] for f in findings] == ["UNSIGNED"]


def test_tsv_empty_row_inside_a_table_that_goes_on_keeps_one_table(tmp_path):
    """An empty row between a section row and more items is no end of the table."""
    rows = [[TITLE], HEAD,
            ["1", "สำรวจและออกแบบสะพาน", "ม.ค. 70 - มี.ค. 70", "1,250,000", "สำนักสำรวจ"],
            [""], ["ยุทธศาสตร์ที่ 2"], [""],
            ["2", "ก่อสร้างสะพาน", "เม.ย. 70 - ก.ค. 70", "8,000,000", "สำนักก่อสร้าง"]]
    p = tmp_path / "plan.tsv"
    _tsv(rows)(p)
    d = read_document(p)
    assert len(d.tables()) == 1
    assert [r[0] for r in d.tables()[0].grid()] == ["ที่", "1", "ยุทธศาสตร์ที่ 2", "2"]


# ---------------------------------------------------------------- reversed period (item 6)

@pytest.mark.parametrize("cell, start, end", [
    ("ส.ค. 2570 - ก.ค. 2570", "2027-08", "2027-07"),
    ("1 ก.ย. 69 ถึง 31 ส.ค. 69", "2026-09", "2026-08"),
])
def test_reversed_period_in_one_cell_gives_start_after_end(tmp_path, cell, start, end):
    rows = [[TITLE], ["โครงการบำรุงทาง"], HEAD,
            ["1", "บำรุงรักษาป้ายจราจร", cell, "2,000,000", "สำนักบำรุงทาง"]]
    records, findings = _run(tmp_path, {"plan.tsv": _tsv(rows)})
    (r,) = records
    assert (r["start"], r["end"]) == (start, end)
    assert (r["start_raw"], r["end_raw"]) == tuple(s.strip() for s in
                                                   cell.replace("ถึง", "-").split(" - "))
    codes = [f["code"] for f in findings]
    assert "START_AFTER_END" in codes and "DATE_MISSING" not in codes


def test_reversed_range_keeps_parse_date_invalid():
    """The `dates` command and parse_date still call such a text invalid (no period exists);
    only the form reader takes its two sides."""
    v = parse_date("ส.ค. 2570 - ก.ค. 2570")
    assert v.status == "invalid" and v.start is None and "ends before" in v.note
    lv, rv = reversed_range("ส.ค. 2570 - ก.ค. 2570")
    assert (lv.start, rv.end) == (date(2027, 8, 1), date(2027, 7, 31))
    assert reversed_range("ต.ค. 69 - ก.ย. 70") is None           # a real period
    assert reversed_range("xyz") is None
