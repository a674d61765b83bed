"""Form 7.2 ladder columns headed in other ways than `ระดับ N`: `เกณฑ์ระดับ N`, `เกณฑ์คะแนนระดับ N`,
and levels numbered only in brackets (`ขั้นต่ำ (1)`, `(2)`, `ค่าเป้าหมาย (3)`, `(4)`, `ขั้นสูง (5)`),
as courts and state enterprises head them. Results per quarter (`ผล ไตรมาส 1` … `ผล ไตรมาส 4`)
give the latest quarter's actual. A weight left blank is missing, never the level beside it. A
header repeated at each printed page (title, head and level headings) is neither an indicator
nor a second ladder. Each test writes a real TSV, XLSX, DOCX (or a PDF exported from it), reads
it, extracts and validates it as a run does."""
from __future__ import annotations

from datetime import date

import pytest

from extract_helpers import ctx, write_docx
from extractors import extract
from office import needs_soffice, to_pdf
from pipeline.readers import read_document
from pipeline.validate import validate
from plan_files import plan_tsv, plan_xlsx

TITLE = "แบบฟอร์มที่ 7.2 ตัวชี้วัดตามคำรับรองการปฏิบัติราชการ สำนักงานทดสอบจังหวัดทดสอบ ประจำปีงบประมาณ พ.ศ. 2569"


def _run(path):
    ex = extract(read_document(path), ctx(name=path.name, agency=""))
    kpis = [r for r in ex.records if r.record_type == "kpi"]
    return kpis, sorted((f.item_no, f.code) for f in validate(ex, date(2026, 11, 22)))


def _levels(rec):
    return [rec.level_1, rec.level_2, rec.level_3, rec.level_4, rec.level_5]


QUARTER_HEAD = ["ลำดับ", "ตัวชี้วัด", "หน่วยนับ", "น้ำหนัก", "ค่าเป้าหมาย", "เกณฑ์ระดับ 1", "เกณฑ์ระดับ 2",
                "เกณฑ์ระดับ 3", "เกณฑ์ระดับ 4", "เกณฑ์ระดับ 5", "ผล ไตรมาส 1", "ผล ไตรมาส 2",
                "ผล ไตรมาส 3", "ผล ไตรมาส 4"]
QUARTER_BODY = [
    ["1", "ร้อยละของผู้รับบริการที่พึงพอใจ", "ร้อยละ", "60", "90%", "70%", "75%", "80%", "85%", "90%",
     "-", "60%", "82%", "87.5%"],
    # the last quarter not reported yet: the third quarter's result stands
    ["2", "ร้อยละของเรื่องที่ดำเนินการแล้วเสร็จ", "ร้อยละ", "40", "100%", "80%", "85%", "90%", "95%", "100%",
     "40%", "75%", "92%", "-"],
]


def test_criterion_level_heads_and_quarter_results_tsv(tmp_path):
    path = plan_tsv(tmp_path / "kpi.tsv", [TITLE], [QUARTER_HEAD] + QUARTER_BODY)
    kpis, findings = _run(path)
    assert [k.item_no for k in kpis] == ["1", "2"]
    assert _levels(kpis[0]) == [70, 75, 80, 85, 90]
    assert _levels(kpis[1]) == [80, 85, 90, 95, 100]
    assert [k.weight for k in kpis] == [60, 40]
    assert [k.actual for k in kpis] == [87.5, 92]
    assert kpis[0].score == pytest.approx(4.5)
    assert not any(code == "LADDER_INCOMPLETE" for _, code in findings)


def test_last_quarter_result_alone_is_the_actual_tsv(tmp_path):
    head = QUARTER_HEAD[:10] + ["ผล ไตรมาส 4"]
    body = [r[:10] + [r[13] if r[13] != "-" else "93%"] for r in QUARTER_BODY]
    kpis, _ = _run(plan_tsv(tmp_path / "kpi.tsv", [TITLE], [head] + body))
    assert [k.actual for k in kpis] == [87.5, 93]


def test_score_criterion_level_heads_xlsx(tmp_path):
    head = ["ลำดับ", "ตัวชี้วัด", "หน่วยนับ", "น้ำหนัก", "เป้าหมาย", "เกณฑ์คะแนนระดับ 1", "เกณฑ์คะแนนระดับ 2",
            "เกณฑ์คะแนนระดับ 3", "เกณฑ์คะแนนระดับ 4", "เกณฑ์คะแนนระดับ 5", "ผลการดำเนินงาน"]
    body = [["1", "จำนวนเครือข่ายที่ได้รับการพัฒนา", "แห่ง", "100", "12", "8", "9", "10", "11", "12", "10"]]
    kpis, findings = _run(plan_xlsx(tmp_path / "kpi.xlsx", [TITLE], [head] + body))
    assert len(kpis) == 1
    assert _levels(kpis[0]) == [8, 9, 10, 11, 12]
    assert kpis[0].actual == 10 and kpis[0].score == 3
    assert findings == []


COURT_HEAD = ["ที่", "ตัวชี้วัด", "หน่วยนับ", "น้ำหนัก", "ขั้นต่ำ (1)", "(2)", "ค่าเป้าหมาย (3)", "(4)",
              "ขั้นสูง (5)"]
COURT_BODY = [
    ["มิติที่ 1 ด้านประสิทธิผล", "", "", "", "", "", "", "", ""],
    ["1", "ร้อยละของคดีที่แล้วเสร็จภายในระยะเวลามาตรฐาน", "ร้อยละ", "50", "86", "88", "90", "92", "94"],
    ["2", "ระยะเวลาเฉลี่ยในการออกหมาย", "นาที", "20", "60", "50", "40", "30", "20"],
    ["มิติที่ 2 ด้านคุณภาพการให้บริการ", "", "", "", "", "", "", "", ""],
    # the weight left blank: missing, not the first level's 80 beside it
    ["3", "ร้อยละความพึงพอใจของผู้มาติดต่อราชการ", "ร้อยละ", "", "80", "82.5", "85", "87.5", "90"],
]


def _check_court(kpis, findings):
    assert [k.item_no for k in kpis] == ["1", "2", "3"]
    assert _levels(kpis[0]) == [86, 88, 90, 92, 94]
    assert _levels(kpis[1]) == [60, 50, 40, 30, 20]
    assert _levels(kpis[2]) == [80, 82.5, 85, 87.5, 90]
    assert [k.weight for k in kpis] == [50, 20, None]
    # `ค่าเป้าหมาย (3)`: the third level is the target
    assert [k.target for k in kpis] == [90, 40, 85]
    assert ("3", "WEIGHT_MISSING") in findings
    assert not any(code in ("LADDER_INCOMPLETE", "LADDER_DUPLICATE") for _, code in findings)


def test_levels_numbered_in_brackets_docx(tmp_path):
    path = write_docx(tmp_path / "court.docx", [TITLE, [COURT_HEAD] + COURT_BODY])
    _check_court(*_run(path))


@needs_soffice
def test_levels_numbered_in_brackets_pdf(tmp_path):
    src = write_docx(tmp_path / "court.docx", [TITLE, [COURT_HEAD] + COURT_BODY])
    (pdf,) = to_pdf([src], tmp_path)
    _check_court(*_run(pdf))


def test_column_numbering_row_is_not_a_ladder_xlsx(tmp_path):
    # a row numbering every column `(1)` … `(7)` under the header: neither the levels nor an
    # indicator; the ladder is in its own cell
    head = ["ลำดับ", "ตัวชี้วัด", "หน่วยนับ", "น้ำหนัก", "เป้าหมาย", "เกณฑ์การให้คะแนน", "ผลการดำเนินงาน"]
    numbers = ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"]
    body = [["1", "ร้อยละของผู้รับบริการที่พึงพอใจ", "ร้อยละ", "100", "80",
             "1 = 60\n2 = 65\n3 = 70\n4 = 75\n5 = 80", "72"]]
    kpis, _ = _run(plan_xlsx(tmp_path / "kpi.xlsx", [TITLE], [head, numbers] + body))
    assert len(kpis) == 1
    assert kpis[0].weight == 100 and kpis[0].target == 80
    assert _levels(kpis[0]) == [60, 65, 70, 75, 80]


def test_blank_weight_is_not_the_column_beside_it_xlsx(tmp_path):
    # ladder columns headed in words the form does not know as levels
    head = ["ลำดับ", "ตัวชี้วัด", "เป้าหมาย", "น้ำหนัก", "ต่ำมาก", "ต่ำ", "ปานกลาง", "สูง", "สูงมาก"]
    body = [["1", "ร้อยละของผู้รับบริการที่พึงพอใจ", "80", "", "60", "65", "70", "75", "80"],
            ["2", "ร้อยละของบุคลากรที่ผ่านการอบรม", "90", "50", "70", "75", "80", "85", "90"]]
    kpis, findings = _run(plan_xlsx(tmp_path / "kpi.xlsx", [TITLE], [head] + body))
    assert [k.weight for k in kpis] == [None, 50]
    assert ("1", "WEIGHT_MISSING") in findings


PAGE_TITLE = "บริษัท ทดสอบ จำกัด รายงานตัวชี้วัด (แบบฟอร์มที่ 7.2) ประจำปีงบประมาณ 2568"
PAGE_HEAD = [["ลำดับ", "ตัวชี้วัด", "หน่วยวัด", "น้ำหนัก (%)", "เป้าหมาย", "เกณฑ์วัดผล", "", "", "", ""],
             ["", "", "", "", "", "ระดับ 1", "ระดับ 2", "ระดับ 3", "ระดับ 4", "ระดับ 5"]]


def _kpi_row(n, levels):
    return [str(n), f"ตัวชี้วัดทดสอบที่ {n} ของบริษัท", "ร้อยละ", "10", levels[-1]] + levels


def test_header_repeated_at_page_breaks_xlsx(tmp_path):
    rows = PAGE_HEAD + [_kpi_row(n, ["70", "75", "80", "85", "90"]) for n in (1, 2, 3)]
    # a lower-is-better ladder last before the page break: its levels must stay as they are
    rows += [_kpi_row(4, ["7", "6", "5", "4", "3"])]
    rows += [["พิมพ์เมื่อ 12/10/2567 09:15 น. โดย ระบบบริหารผลการดำเนินงาน", "", "", "", "", "", "", "", "", ""],
             [PAGE_TITLE + " หน้า 2/2", "", "", "", "", "", "", "", "", ""]]
    rows += PAGE_HEAD + [_kpi_row(n, ["70", "75", "80", "85", "90"]) for n in (5, 6)]
    path = plan_xlsx(tmp_path / "kpi.xlsx", [PAGE_TITLE + " หน้า 1/2"], rows,
                     hmerges=[(0, 5, 0, 9), (len(rows) - 4, 5, len(rows) - 4, 9)])
    kpis, findings = _run(path)
    assert [k.item_no for k in kpis] == ["1", "2", "3", "4", "5", "6"]
    assert _levels(kpis[3]) == [7, 6, 5, 4, 3]
    assert not any(code == "LADDER_DUPLICATE" for _, code in findings)


def test_bare_level_headings_repeated_under_head_tsv(tmp_path):
    head = [["ลำดับ", "ตัวชี้วัด", "หน่วยวัด", "น้ำหนัก", "เป้าหมาย", "เกณฑ์การให้คะแนน", "", "", "", ""],
            ["", "", "", "", "", "1", "2", "3", "4", "5"]]
    rows = head + [_kpi_row(1, ["70", "75", "80", "85", "90"]), _kpi_row(2, ["60", "65", "70", "75", "80"])]
    rows += head + [_kpi_row(3, ["70", "75", "80", "85", "90"])]
    kpis, findings = _run(plan_tsv(tmp_path / "kpi.tsv", [TITLE], rows))
    assert [k.item_no for k in kpis] == ["1", "2", "3"]
    assert _levels(kpis[1]) == [60, 65, 70, 75, 80]
    assert findings == []
