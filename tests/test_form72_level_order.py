"""Form 7.2 ladders whose level columns are headed in descending order (`5 คะแนน | 4 คะแนน | …
| 1 คะแนน`, `ระดับ 5 … ระดับ 1`, a banner fused into the first heading): each column takes the
level its own heading names. Each test writes a real CSV (UTF-8 and cp874), XLSX or DOCX, reads
it, extracts and validates it as a run does."""
from __future__ import annotations

from datetime import date

import pytest

from extract_helpers import ctx, write_docx
from extractors import extract
from pipeline.readers import read_document
from pipeline.validate import validate

TITLE = "แบบฟอร์มที่ 7.2 ตัวชี้วัด คณะทดสอบ มหาวิทยาลัยทดสอบ ประจำปีงบประมาณ พ.ศ. 2570"
HEAD = ["ลำดับ", "ตัวชี้วัด", "หน่วยวัด", "น้ำหนัก", "ค่าเป้าหมาย"]
ROWS = [
    # rising ladder, written level 5 first
    ["1", "ร้อยละของบัณฑิตที่มีงานทำภายใน 1 ปี", "ร้อยละ", "40", "95", "95", "90", "85", "80", "75"],
    # lower is better (waiting time), a falling ladder written level 5 first: 60 at level 5
    ["2", "ระยะเวลารอคอยเฉลี่ยของผู้ป่วยนอก", "นาที", "30", "60", "60", "70", "80", "90", "100"],
    # lower is better, its ladder does not fall: level 3 (85) above level 2 (80)
    ["3", "ระยะเวลารอคอยเฉลี่ยของผู้ป่วยใน", "นาที", "30", "60", "60", "70", "85", "80", "100"],
]
WANT = {"1": [75, 80, 85, 90, 95], "2": [100, 90, 80, 70, 60], "3": [100, 80, 85, 70, 60]}


def _write_csv(path, rows, encoding="utf-8"):
    lines = [TITLE, ""] + [",".join(r) for r in rows]
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    return path


def _write_xlsx(path, rows):
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    ws.cell(row=1, column=1, value=TITLE)
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if v:
                ws.cell(row=3 + r, column=1 + c, value=float(v) if v.replace(".", "").isdigit() else v)
    wb.save(path)
    return path


def _write_docx(path, rows, merge=None):
    write_docx(path, [TITLE, rows])
    if merge:
        import docx
        d = docx.Document(path)
        t = d.tables[0]
        (r0, c0), (r1, c1) = merge
        text = t.cell(r0, c0).text
        t.cell(r0, c0).merge(t.cell(r1, c1)).text = text
        d.save(path)
    return path


def _run(path):
    ex = extract(read_document(path), ctx(name=path.name, agency=""))
    kpis = [r for r in ex.records if r.record_type == "kpi"]
    codes = {(f.code, f.item_no) for f in validate(ex, date(2026, 11, 22))}
    return kpis, codes


def _levels(r):
    return [r.level_1, r.level_2, r.level_3, r.level_4, r.level_5]


def _check(kpis, codes):
    assert {r.item_no: _levels(r) for r in kpis} == WANT
    assert not {c for c in codes if c[0] == "LADDER_INCOMPLETE"}
    # the falling ladder that falls is fine; the one that does not is reported
    assert {c for c in codes if c[0] == "LADDER_NOT_MONOTONIC"} == {("LADDER_NOT_MONOTONIC", "3")}
    by_no = {r.item_no: r for r in kpis}
    assert by_no["1"].direction == "higher" and by_no["2"].direction == "lower"
    assert ("DIRECTION_MISMATCH", "2") not in codes


SCORE_HEADS = ["5 คะแนน", "4 คะแนน", "3 คะแนน", "2 คะแนน", "1 คะแนน"]
LEVEL_HEADS = ["ระดับ 5", "ระดับ 4", "ระดับ 3", "ระดับ 2", "ระดับ 1"]


@pytest.mark.parametrize("heads", [SCORE_HEADS, LEVEL_HEADS], ids=["score", "level"])
@pytest.mark.parametrize("encoding", ["utf-8", "cp874"])
def test_descending_level_columns_in_csv(tmp_path, heads, encoding):
    path = _write_csv(tmp_path / "kpi.csv", [HEAD + heads] + ROWS, encoding=encoding)
    _check(*_run(path))


@pytest.mark.parametrize("heads", [SCORE_HEADS, LEVEL_HEADS], ids=["score", "level"])
def test_descending_level_columns_in_xlsx(tmp_path, heads):
    _check(*_run(_write_xlsx(tmp_path / "kpi.xlsx", [HEAD + heads] + ROWS)))


@pytest.mark.parametrize("heads", [SCORE_HEADS, LEVEL_HEADS], ids=["score", "level"])
def test_descending_level_columns_in_docx(tmp_path, heads):
    _check(*_run(_write_docx(tmp_path / "kpi.docx", [HEAD + heads] + ROWS)))


def test_banner_fused_into_the_first_descending_heading(tmp_path):
    # one header row: the banner and level 5 share a cell (`เกณฑ์การให้คะแนน 5 | 4 | 3 | 2 | 1`)
    heads = ["เกณฑ์การให้คะแนน 5", "4", "3", "2", "1"]
    _check(*_run(_write_csv(tmp_path / "kpi.csv", [HEAD + heads] + ROWS)))


def test_banner_over_descending_level_row_in_docx(tmp_path):
    banner = HEAD + ["เกณฑ์การให้คะแนน", "", "", "", ""]
    levels = [""] * len(HEAD) + ["5", "4", "3", "2", "1"]
    path = _write_docx(tmp_path / "kpi.docx", [banner, levels] + ROWS, merge=((0, 5), (0, 9)))
    _check(*_run(path))


def test_ladder_raw_reads_from_level_1(tmp_path):
    # the finding's value lists the thresholds in level order, as the level columns do
    kpis, _ = _run(_write_csv(tmp_path / "kpi.csv", [HEAD + SCORE_HEADS] + ROWS))
    assert {r.item_no: r.ladder_raw for r in kpis}["3"] == "100 | 80 | 85 | 70 | 60"


def test_five_level_columns_out_of_order_are_still_five_levels(tmp_path):
    # five level headings side by side but not in order 1..5 nor 5..1, each read as its heading says
    heads = ["1 คะแนน", "3 คะแนน", "2 คะแนน", "5 คะแนน", "4 คะแนน"]
    rows = [HEAD + heads, ["1", "ร้อยละของบัณฑิตที่มีงานทำภายใน 1 ปี", "ร้อยละ", "100", "95",
                           "75", "85", "80", "95", "90"]]
    kpis, codes = _run(_write_csv(tmp_path / "kpi.csv", rows))
    assert [_levels(r) for r in kpis] == [[75, 80, 85, 90, 95]]
    assert not {c for c in codes if c[0].startswith("LADDER_")}


def test_descending_level_columns_make_the_table_form72(tmp_path):
    # no target, dimension or plan column: the five level headings (any order) make it form 7.2
    head = ["ลำดับ", "ตัวชี้วัด", "หน่วยนับ", "น้ำหนัก"] + SCORE_HEADS
    rows = [head, ["1", "ร้อยละของบัณฑิตที่มีงานทำภายใน 1 ปี", "ร้อยละ", "100", "95", "90", "85", "80", "75"]]
    kpis, codes = _run(_write_csv(tmp_path / "kpi.csv", rows))
    assert [(r.form, _levels(r)) for r in kpis] == [("form72", [75, 80, 85, 90, 95])]


# ---------------------------------------------------------------- bilingual level headings


@pytest.mark.parametrize("heads", [
    [f"ระดับ {i} (Level {i})" for i in range(1, 6)],
    [f"คะแนน {i} (Score {i})" for i in range(1, 6)],
    [f"Level {i}" for i in range(1, 6)],
])
@pytest.mark.parametrize("write", ["csv", "xlsx"])
def test_bilingual_level_headings_are_level_columns(tmp_path, heads, write):
    rows = [HEAD + heads,
            ["1", "ร้อยละของบัณฑิตที่มีงานทำภายใน 1 ปี", "ร้อยละ", "40", "95", "75", "80", "85", "90", "95"]]
    path = (_write_csv if write == "csv" else _write_xlsx)(tmp_path / f"f.{write}", rows)
    kpis, codes = _run(path)
    assert [(r.form, _levels(r)) for r in kpis] == [("form72", [75, 80, 85, 90, 95])]
    assert not {c for c in codes if c[0].startswith("LADDER_")}


def test_a_bracket_naming_another_level_is_no_level_heading(tmp_path):
    heads = [f"ระดับ {i} (Level {i})" for i in range(1, 5)] + ["ระดับ 5 (Level 4)"]
    rows = [HEAD + heads,
            ["1", "ร้อยละของบัณฑิตที่มีงานทำภายใน 1 ปี", "ร้อยละ", "40", "95", "75", "80", "85", "90", "95"]]
    kpis, _ = _run(_write_csv(tmp_path / "f.csv", rows))
    assert [_levels(r)[4] for r in kpis] != [95]
