"""Form 7.2 tables as local offices and colleges write them: the weights' total `รวม` merged from
the number column over the indicator's, dimension rows `มิติด้านที่ N …`, and a ladder headed in
three rows (`เกณฑ์การให้คะแนน` > `ระดับคะแนน` > `1 … 5`) or under five unnumbered columns, where a
level left blank must stay blank in its own column. Real files built here, read, extracted and
validated as a run does."""
from __future__ import annotations

import pytest

from extract_helpers import extract_file
from plan_files import U, plan_docx, plan_tsv, plan_xlsx

TITLE = ["แบบฟอร์มที่ 7.2 ตัวชี้วัดผลการปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ. 2570", "องค์การบริหารส่วนตำบลหนองบัว"]
HEAD = ["ลำดับ", "ตัวชี้วัด", "หน่วยนับ", "น้ำหนัก", "ระดับ 1", "ระดับ 2", "ระดับ 3", "ระดับ 4", "ระดับ 5"]
KPIS = [["1", "ร้อยละของครัวเรือนที่คัดแยกขยะ", "ร้อยละ", "30", "50", "55", "60", "65", "70"],
        ["2", "ร้อยละการเบิกจ่ายงบประมาณ", "ร้อยละ", "30", "75", "80", "85", "90", "95"],
        ["3", "จำนวนชั่วโมงการฝึกอบรมของบุคลากร", "ชั่วโมง", "30", "10", "12", "14", "16", "18"]]
WRITERS = {"docx": plan_docx, "xlsx": plan_xlsx}


def ladders(ex):
    return [(r.item_no, [getattr(r, f"level_{i}") for i in range(1, 6)]) for r in ex.records]


# ------------------------------------------------------- the weights' total from the number column


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_total_merged_over_number_and_name_columns_is_checked(tmp_path, fmt):
    """`รวม` merged across ลำดับ and ตัวชี้วัด anchors in the number column: it is the weights'
    total (100 stated, 90 given), not an indicator nor values of the indicator above."""
    rows = [HEAD] + KPIS + [["รวม", "", "", "100", "", "", "", "", ""]]
    ex, found = extract_file(WRITERS[fmt](tmp_path / f"f.{fmt}", TITLE, rows, hmerges=[(4, 0, 4, 1)]))
    assert [r.item_no for r in ex.records] == ["1", "2", "3"]
    assert [r.weight for r in ex.records] == [30, 30, 30]
    assert ("", "WEIGHT_SUM_MISMATCH") in found


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_total_in_the_number_column_that_adds_up_raises_nothing(tmp_path, fmt):
    rows = [HEAD] + KPIS + [["รวม", "", "", "90", "", "", "", "", ""]]
    ex, found = extract_file(WRITERS[fmt](tmp_path / f"f.{fmt}", TITLE, rows, hmerges=[(4, 0, 4, 1)]))
    assert [r.item_no for r in ex.records] == ["1", "2", "3"]
    assert found == []


def test_total_in_the_number_column_of_a_text_export(tmp_path):
    """A TSV loses the merge: `รวม` alone in the number column, the name column empty."""
    rows = [HEAD] + KPIS + [["รวม", "", "", "100", "", "", "", "", ""]]
    ex, found = extract_file(plan_tsv(tmp_path / "f.tsv", TITLE, rows))
    assert [r.item_no for r in ex.records] == ["1", "2", "3"]
    assert ("", "WEIGHT_SUM_MISMATCH") in found


# ------------------------------------------------------------------- dimension rows `มิติด้านที่ N`


def dims_rows(word, n_cols=8):
    head = ["ลำดับ", "ตัวชี้วัด", "น้ำหนัก", "ระดับ 1", "ระดับ 2", "ระดับ 3", "ระดับ 4", "ระดับ 5"]
    return [head,
            [f"{word} 1 ด้านประสิทธิผล"] + [""] * (n_cols - 1),
            ["1", "ร้อยละของครัวเรือนที่คัดแยกขยะ", "50", "50", "55", "60", "65", "70"],
            [f"{word} ๒ : ด้านคุณภาพการให้บริการ"] + [""] * (n_cols - 1),
            ["2", "ร้อยละความพึงพอใจของผู้รับบริการ", "50", "80", "82", "84", "86", "88"]]


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "tsv"])
def test_dimension_rows_worded_mitidanthi(tmp_path, fmt):
    rows = dims_rows("มิติด้านที่")
    if fmt == "tsv":
        path = plan_tsv(tmp_path / "f.tsv", TITLE, rows)
    else:
        path = WRITERS[fmt](tmp_path / f"f.{fmt}", TITLE, rows, hmerges=[(1, 0, 1, 7), (3, 0, 3, 7)])
    ex, found = extract_file(path)
    assert [(r.item_no, r.dimension, r.plan) for r in ex.records] == [("1", "7.1", ""), ("2", "7.2", "")]
    assert [(d.dimension, d.label) for d in ex.dimensions] == [
        ("7.1", "ด้านประสิทธิผล"), ("7.2", "ด้านคุณภาพการให้บริการ")]
    assert found == []


# ------------------------------------------------------------- ladders under a deep or bare banner


def deep_head(sub_banner: bool):
    rows = [["ลำดับ", "ตัวชี้วัด", "น้ำหนัก", "เกณฑ์การให้คะแนน", "", "", "", ""]]
    if sub_banner:
        rows.append([U, U, U, "ระดับคะแนน", "", "", "", ""])
    return rows + [[U, U, U, "1", "2", "3", "4", "5"]]


BODY = [["1", "ร้อยละของงบประมาณที่เบิกจ่ายตามแผน", "50", "80", "", "90", "95", "100"],
        ["2", "ร้อยละของครูที่ได้รับการพัฒนา", "50", "80", "85", "90", "95", "100"]]
EXPECTED = [("1", [80, None, 90, 95, 100]), ("2", [80, 85, 90, 95, 100])]


@pytest.mark.parametrize("fmt", ["xlsx", "docx", "tsv"])
@pytest.mark.parametrize("sub_banner", [True, False])
def test_blank_level_stays_in_its_column_under_a_deep_head(tmp_path, fmt, sub_banner):
    """The `1 … 5` row is the header's third row, under cells merged down over all three: level 2
    left blank is level 2 missing, and 90, 95, 100 stay levels 3, 4, 5."""
    rows = deep_head(sub_banner) + BODY
    banners = [(0, 3, 0, 7)] + ([(1, 3, 1, 7)] if sub_banner else [])
    if fmt == "tsv":
        path = plan_tsv(tmp_path / "f.tsv", TITLE, rows)
    else:
        path = WRITERS[fmt](tmp_path / f"f.{fmt}", TITLE, rows, hmerges=banners)
    ex, found = extract_file(path)
    assert ladders(ex) == EXPECTED
    assert found == [("1", "LADDER_INCOMPLETE")]


@pytest.mark.parametrize("fmt", ["xlsx", "tsv"])
def test_blank_level_stays_in_its_column_under_unnumbered_heads(tmp_path, fmt):
    """Five columns under the banner headed in words, no level numbers: each figure keeps its
    column's level rather than moving left into the blank one."""
    rows = [["ลำดับ", "ตัวชี้วัด", "น้ำหนัก", "เกณฑ์การให้คะแนน", "", "", "", ""],
            [U, U, U, "ต้องปรับปรุง", "พอใช้", "ดี", "ดีมาก", "ดีเยี่ยม"]] + BODY
    if fmt == "tsv":
        path = plan_tsv(tmp_path / "f.tsv", TITLE, rows)
    else:
        path = plan_xlsx(tmp_path / "f.xlsx", TITLE, rows, hmerges=[(0, 3, 0, 7)])
    ex, found = extract_file(path)
    assert ladders(ex) == EXPECTED
    assert found == [("1", "LADDER_INCOMPLETE")]


def test_ladder_written_as_levels_in_one_cell_per_column_keeps_its_levels(tmp_path):
    """Cells that name their own level (`ระดับ 1 = 80`) keep it, under any banner."""
    rows = [["ลำดับ", "ตัวชี้วัด", "น้ำหนัก", "เกณฑ์การให้คะแนน", "", "", "", ""],
            ["1", "ร้อยละของงบประมาณที่เบิกจ่ายตามแผน", "100", "1 = 80", "2 = 85", "3 = 90", "4 = 95", "5 = 100"]]
    ex, found = extract_file(plan_xlsx(tmp_path / "f.xlsx", TITLE, rows, hmerges=[(0, 3, 0, 7)]))
    assert ladders(ex) == [("1", [80, 85, 90, 95, 100])]


def test_an_untitled_table_with_mitidanthi_rows_is_a_form72_table():
    # no form title and no ladder banner: the dimension rows alone say what the table is
    from extractors import recognize as R
    from schemas import Cell, Table
    rows = [["ลำดับ", "ตัวชี้วัด", "น้ำหนัก", "1", "2", "3", "4", "5"],
            ["มิติด้านที่ 1 ด้านประสิทธิผล", "", "", "", "", "", "", ""],
            ["1", "ร้อยละของครัวเรือนที่คัดแยกขยะ", "30", "50", "55", "60", "65", "70"]]
    t = Table(cells=[Cell(row=r, col=c, text=v, raw=v) for r, row in enumerate(rows) for c, v in enumerate(row)],
              n_rows=3, n_cols=8)
    assert R._DIM_ROW.match("มิติด้านที่1ด้านประสิทธิผล").group(2) == "1"
    assert R.classify_table(t).form == "form72"
