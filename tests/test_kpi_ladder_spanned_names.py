"""Ladder tables whose `ตัวชี้วัด` header spans two columns, the item number (`2.1`) and the
indicator's name, as an SLA report writes them: each row is read as number + name, the parent
row `2 <name>` with its weight is an indicator of its own, and the weights of its
sub-indicators are checked against it."""
from __future__ import annotations

from datetime import date

import pytest

from extract_helpers import extract_file
from plan_files import U, plan_docx, plan_tsv, plan_xlsx

AS_OF = date(2026, 11, 22)
PARAS = ["รายงานผลตัวชี้วัด SLA ปีงบประมาณ พ.ศ. 2570", "สำนักงานจัดหางานจังหวัดตัวอย่าง"]
PARENT = "ระดับความสำเร็จของการจัดทำข้อตกลงระดับการให้บริการ (SLA)"
SUB1 = "ร้อยละของกระบวนงานที่จัดทำข้อตกลงแล้วเสร็จ"
SUB2 = "ร้อยละความพึงพอใจของผู้รับบริการ"
ROWS = [
    ["ตัวชี้วัด", "", "น้ำหนัก", "เกณฑ์การให้คะแนน", "", "", "", "", "ผลการดำเนินงาน"],
    ["", "", U, "1", "2", "3", "4", "5", U],
    ["2", PARENT, "1", "", "", "", "", "", ""],
    ["2.1", SUB1, "0.5", "60", "70", "80", "90", "100", "100"],
    ["2.2", SUB2, "0.4", "65", "70", "75", "80", "85", "78"],
    ["รวม", "", "1", "", "", "", "", "", ""],
]
# the indicator header over the number and name columns, the criteria banner over the levels
HMERGES = [(0, 0, 1, 1), (0, 3, 0, 7)]


def _run(path):
    ex, findings = extract_file(path, AS_OF)
    return {r.item_no: r for r in ex.records if r.record_type == "kpi"}, findings


@pytest.mark.parametrize("fmt", ["xlsx", "docx", "tsv"])
def test_name_is_read_from_the_cell_after_a_bare_number(tmp_path, fmt):
    path = tmp_path / f"sla_2570.{fmt}"
    if fmt == "xlsx":
        plan_xlsx(path, PARAS, ROWS, HMERGES)
    elif fmt == "docx":
        plan_docx(path, PARAS, ROWS, HMERGES)
    else:
        plan_tsv(path, PARAS, ROWS)          # a text export: the header's merge is lost
    kpis, findings = _run(path)
    assert sorted(kpis) == ["2", "2.1", "2.2"]
    assert kpis["2"].name == PARENT and kpis["2"].weight == 1
    assert kpis["2.1"].name == SUB1 and kpis["2.2"].name == SUB2
    assert kpis["2.1"].parent_item == "2" and kpis["2.2"].parent_item == "2"
    assert kpis["2.1"].form == "kpi_ladder"
    assert [kpis["2.1"].level_1, kpis["2.1"].level_5] == [60, 100]
    assert kpis["2.1"].actual == 100 and kpis["2.1"].score == 5
    assert kpis["2.2"].weight == 0.4 and kpis["2.2"].actual == 78
    # 0.5 + 0.4 under a parent weighted 1
    assert ("2", "WEIGHT_SUM_MISMATCH") in findings


def test_a_number_with_its_name_in_one_cell_is_unchanged(tmp_path):
    # the header spans two columns but the first cell already holds the name: the second
    # (a note) is not appended to it
    rows = [r[:] for r in ROWS]
    for r in rows[2:5]:
        r[0], r[1] = f"{r[0]} {r[1]}", "หมายเหตุ"
    rows[5][1] = ""
    path = plan_xlsx(tmp_path / "sla_one_cell.xlsx", PARAS, rows, HMERGES)
    kpis, _ = _run(path)
    assert kpis["2.1"].name == SUB1 and kpis["2"].name == PARENT
