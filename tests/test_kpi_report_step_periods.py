"""A KPI report's steps table with a period column (`ขั้นตอนที่ | ขั้นตอนการดำเนินงาน |
ระยะเวลาดำเนินการ | ผลการดำเนินงาน`, `ต.ค. 66 - ธ.ค. 66`) instead of a deadline: each step's
deadline is the period's end (a month alone: its last day), `deadline_raw` the cell as written; a
ditto repeats the period above; an open-ended period (`… - ปัจจุบัน`) gives none; a deadline column
beside the period outranks it. Documents are built as DOCX and read through the readers."""
from __future__ import annotations

from datetime import date

import pytest

from extract_helpers import ctx, write_docx
from extractors import extract
from extractors.kpi_report import _step_table_columns
from pipeline.readers import read_document
from pipeline.validate import validate

AS_OF = date(2024, 10, 15)


def matrix_rows():
    return [["ระดับคะแนน"] + [f"ขั้นตอนที่ {i}" for i in range(1, 6)]] + \
        [[str(lv)] + ["✓" if s <= lv else "" for s in range(1, 6)] for lv in range(1, 6)]


def _report(tmp_path, steps_rows):
    blocks = ["รายงานผลการปฏิบัติราชการ จังหวัดอุตรดิตถ์ ประจำปีงบประมาณ พ.ศ. 2567",
              "ตัวชี้วัดที่ 2 ระดับความสำเร็จของการพัฒนาคุณภาพชีวิต", matrix_rows(), steps_rows]
    path = write_docx(tmp_path / "uttaradit_kpi_2567.docx", blocks)
    ex = extract(read_document(path), ctx(name=path.name))
    ms = sorted((r for r in ex.records if r.record_type == "milestone"), key=lambda r: int(r.item_no))
    return ex, ms


@pytest.mark.parametrize("head", ["ระยะเวลาดำเนินการ", "ระยะเวลา", "ช่วงเวลาดำเนินการ"])
def test_period_column_gives_each_step_its_end_as_deadline(tmp_path, head):
    rows = [["ขั้นตอนที่", "ขั้นตอนการดำเนินงาน", head, "ผลการดำเนินงาน"],
            ["1", "แต่งตั้งคณะทำงาน", "ต.ค. 66 - ต.ค. 66", "ดำเนินการแล้วเสร็จ 20 ต.ค. 2566"],
            ["2", "จัดทำแผนการดำเนินงาน", "ต.ค. 66 - ธ.ค. 66", "ดำเนินการแล้วเสร็จ 28 ธ.ค. 2566"],
            ["3", "ดำเนินการตามแผน", "1 ม.ค. 2567 - 15 มี.ค. 2567", "ดำเนินการแล้วเสร็จ 15 มี.ค. 2567"],
            ["4", "ติดตามประเมินผล", "ต.ค. 66 - มิ.ย. 67", "อยู่ระหว่างดำเนินการ"],
            ["5", "สรุปผลและรายงาน", "ต.ค. 66 - ก.ย. 67", ""]]
    ex, ms = _report(tmp_path, rows)
    assert [m.name for m in ms] == ["แต่งตั้งคณะทำงาน", "จัดทำแผนการดำเนินงาน", "ดำเนินการตามแผน",
                                    "ติดตามประเมินผล", "สรุปผลและรายงาน"]
    assert [m.deadline for m in ms] == ["2023-10-31", "2023-12-31", "2024-03-15", "2024-06-30",
                                        "2024-09-30"]
    assert [m.deadline_raw for m in ms] == [r[2] for r in rows[1:]]
    assert [m.status for m in ms] == ["done", "done", "done", "not_done", "unknown"]
    missed = sorted(f.item_no for f in validate(ex, AS_OF)
                    if f.code == "DEADLINE_MISSED" and f.record_type == "milestone")
    assert missed == ["4"]


def test_ditto_and_open_ended_periods(tmp_path):
    rows = [["ที่", "ขั้นตอนการดำเนินงาน", "ระยะเวลาดำเนินการ", "ผลการดำเนินงาน"],
            ["1", "แต่งตั้งคณะทำงาน", "ต.ค. 66 - ธ.ค. 66", ""],
            ["2", "จัดทำแผนการดำเนินงาน", "〃", ""],
            ["3", "ดำเนินการตามแผน", "ม.ค. 67 - ปัจจุบัน", ""],
            ["4", "ติดตามประเมินผล", "-", ""],
            ["5", "สรุปผลและรายงาน", "ก.ย. 67", ""]]
    _, ms = _report(tmp_path, rows)
    assert [(m.deadline, m.deadline_raw) for m in ms] == [
        ("2023-12-31", "ต.ค. 66 - ธ.ค. 66"), ("2023-12-31", "〃"), ("", ""), ("", ""),
        ("2024-09-30", "ก.ย. 67")]


def test_deadline_column_outranks_the_period(tmp_path):
    rows = [["ขั้นตอนที่", "ขั้นตอนการดำเนินงาน", "ระยะเวลาดำเนินการ", "กำหนดแล้วเสร็จ", "ผลการดำเนินงาน"]] + \
        [[str(i), f"ขั้นตอนงานที่ {i}", "ต.ค. 66 - ก.ย. 67", f"{10 + i} ธ.ค. 2566", ""] for i in range(1, 6)]
    _, ms = _report(tmp_path, rows)
    assert [m.deadline for m in ms] == [f"2023-12-{10 + i}" for i in range(1, 6)]
    assert [m.deadline_raw for m in ms] == [f"{10 + i} ธ.ค. 2566" for i in range(1, 6)]


def test_period_header_is_read_as_period_column():
    from extract_helpers import table
    t = table([["ขั้นตอนที่", "ขั้นตอนการดำเนินงาน", "ระยะเวลาดำเนินการ", "ผลการดำเนินงาน"],
               ["1", "แต่งตั้งคณะทำงาน", "ต.ค. 66 - ธ.ค. 66", ""]])
    assert _step_table_columns(t) == {"step": 0, "text": 1, "period": 2, "result": 3, "header": 0}
