"""Activity-plan periods and dittos, built as real files in tmp_path and read through
the readers:

- two duration-like columns (`ระยะเวลา` with `3 เดือน`, `ระยะเวลาดำเนินการ` with `ต.ค. 68 - ธ.ค. 68`),
  in either order: the column of counts is the duration, the other the period that gives start,
  end and deadline (the header keeps one column per role; the other was dropped);
- a misspelt month (`มิ.ค.`: มี.ค. or มิ.ย.) is settled by the months the row's Gantt ticks, and a
  misspelling read the same way for start and end is one DATE_CORRECTED;
- a ditto mark takes the value of the row right above, a group row's included.
"""
from __future__ import annotations

import pytest

from plan_files import M, U, marks, run_plan as _run
from plan_files import plan_docx as _docx, plan_tsv as _tsv, plan_xlsx as _xlsx

PARAS_69 = ["แผนการปฏิบัติงาน กรมส่งเสริมสหกรณ์ ปีงบประมาณ พ.ศ. 2569", "โครงการพัฒนาศักยภาพสหกรณ์"]
ACTS = [("1. ตรวจสุขภาพทางการเงินสหกรณ์", "3 เดือน", "ต.ค. 68 - ธ.ค. 68", "200,000", "กองตรวจบัญชี"),
        ("2. อบรมผู้ตรวจสอบกิจการ", "2 เดือน", "ม.ค. 69 - ก.พ. 69", "350,000", "กองพัฒนาสหกรณ์"),
        ("3. พัฒนาระบบบัญชีออนไลน์", "4 เดือน", "มี.ค. 69 - มิ.ย. 69", "1,200,000", "〃"),
        ("4. ประเมินผลและรายงาน", "1 เดือน", "ก.ย. 69", "-", "กองแผนงาน")]
EXPECTED = [("1", 3.0, "2025-10", "2025-12", "2025-12-31", "ต.ค. 68", "ธ.ค. 68"),
            ("2", 2.0, "2026-01", "2026-02", "2026-02-28", "ม.ค. 69", "ก.พ. 69"),
            ("3", 4.0, "2026-03", "2026-06", "2026-06-30", "มี.ค. 69", "มิ.ย. 69"),
            ("4", 1.0, "2026-09", "2026-09", "2026-09-30", "ก.ย. 69", "ก.ย. 69")]
WRITERS = {"xlsx": _xlsx, "docx": _docx, "tsv": lambda p, paras, rows: _tsv(p, paras, rows)}


RESULTS = ["ดำเนินการแล้วเสร็จ 20/12/2568", "แล้วเสร็จ 15/03/2569",
           "อยู่ระหว่างดำเนินการ (ร้อยละ 70)", "ยังไม่ดำเนินการ"]


def _two_columns(order: str, dur_head: str = "ระยะเวลา") -> list[list[str]]:
    if order == "duration_first":
        head = ["กิจกรรม", dur_head, "ระยะเวลาดำเนินการ", "งบประมาณ (บาท)", "ผู้รับผิดชอบ",
                "ผลการดำเนินงาน"]
        return [head] + [[n, d, p, b, r, x] for (n, d, p, b, r), x in zip(ACTS, RESULTS)]
    head = ["กิจกรรม", "ระยะเวลาดำเนินการ", dur_head, "งบประมาณ (บาท)", "ผู้รับผิดชอบ",
            "ผลการดำเนินงาน"]
    return [head] + [[n, p, d, b, r, x] for (n, d, p, b, r), x in zip(ACTS, RESULTS)]


@pytest.mark.parametrize("fmt", ["xlsx", "docx", "tsv"])
@pytest.mark.parametrize("order", ["duration_first", "period_first"])
def test_two_duration_columns_give_duration_and_period(tmp_path, fmt, order):
    path = WRITERS[fmt](tmp_path / f"plan.{fmt}", PARAS_69, _two_columns(order))
    acts, findings = _run(path)
    got = [(a.item_no, a.duration_months, a.start, a.end, a.deadline, a.start_raw, a.end_raw)
           for a in acts]
    assert got == EXPECTED
    assert [a.responsible for a in acts] == ["กองตรวจบัญชี", "กองพัฒนาสหกรณ์", "กองพัฒนาสหกรณ์",
                                             "กองแผนงาน"]
    assert not [f for f in findings if f[1] in ("DATE_MISSING", "DATE_UNPARSEABLE")]
    # item 1 was done before its deadline (2025-12-31); 2 after it, 3 and 4 are not done
    assert [f for f in findings if f[1] == "DEADLINE_MISSED"] == [
        (n, "DEADLINE_MISSED") for n in ("2", "3", "4")]


@pytest.mark.parametrize("order", ["duration_first", "period_first"])
def test_duration_in_bare_months_beside_a_period(tmp_path, order):
    # `ระยะเวลา (เดือน)` holds bare numbers: still the duration, the other column the period
    rows = _two_columns(order, "ระยะเวลา (เดือน)")
    for row in rows[1:]:
        for k, v in enumerate(row):
            if v.endswith(" เดือน"):
                row[k] = v.split()[0]
    acts, findings = _run(_xlsx(tmp_path / "plan.xlsx", PARAS_69, rows))
    assert [(a.item_no, a.duration_months, a.start, a.end) for a in acts] == [
        e[:4] for e in EXPECTED]
    assert not [f for f in findings if f[1] == "DATE_MISSING"]


def test_ditto_in_the_period_column_repeats_the_period_above(tmp_path):
    rows = _two_columns("duration_first")
    rows[2][2] = "〃"          # item 2: the period of item 1
    acts, findings = _run(_xlsx(tmp_path / "plan.xlsx", PARAS_69, rows))
    assert [(a.item_no, a.start, a.end) for a in acts][:2] == [
        ("1", "2025-10", "2025-12"), ("2", "2025-10", "2025-12")]
    assert not [f for f in findings if f[1] == "DATE_MISSING"]


def test_one_period_column_alone_still_gives_the_dates(tmp_path):
    head = ["กิจกรรม", "ระยะเวลาดำเนินการ", "งบประมาณ (บาท)", "ผู้รับผิดชอบ"]
    rows = [head] + [[n, p, b, r] for n, _, p, b, r in ACTS]
    acts, _ = _run(_xlsx(tmp_path / "plan.xlsx", PARAS_69, rows))
    assert [(a.item_no, a.start, a.end, a.deadline) for a in acts] == [
        (e[0], e[2], e[3], e[4]) for e in EXPECTED]


# ---------------------------------------------------------------- a misspelt month and its ticks

PARAS_68 = ["แผนปฏิบัติการ โครงการพัฒนาเศรษฐกิจฐานราก ประจำปีงบประมาณ พ.ศ. 2568",
            "ส่วนราชการ : สำนักงานจังหวัดเพชรบุรี"]


def _ticked(month_ticked: int, fmt: str, tmp_path):
    h1 = ["กิจกรรม/ขั้นตอน", "ระยะเวลา", "เริ่มต้น", "สิ้นสุด", "ปีงบประมาณ 2568"] + [""] * 11 + [
        "ผู้รับผิดชอบ", "งบประมาณ (บาท)"]
    h2 = [U, U, U, U] + M + [U, U]
    rows = [h1, h2,
            ["1. สำรวจแหล่งท่องเที่ยว", "2 เดือน", "ต.ค. 67", "พ.ย. 67"] + marks({0, 1}) + [
                "สนง.ท่องเที่ยวและกีฬาจังหวัด", "50,000"],
            ["2. จัดงานมหกรรมผลไม้", "1 เดือน", "มิ.ค. 68", "มิ.ค. 68"] + marks({month_ticked}) + [
                "〃", "100,000"]]
    return WRITERS[fmt](tmp_path / f"plan.{fmt}", PARAS_68, rows)


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
@pytest.mark.parametrize("ticked, month", [(8, "2025-06"), (5, "2025-03")])
def test_misspelt_month_settled_by_the_rows_ticks(tmp_path, fmt, ticked, month):
    acts, findings = _run(_ticked(ticked, fmt, tmp_path))
    a = acts[1]
    assert (a.item_no, a.start, a.end, a.deadline[:7]) == ("2", month, month, month)
    assert a.planned_months == month
    # the same misspelling in the start and the end cell: one correction
    assert [f for f in findings if f[0] == "2" and f[1] == "DATE_CORRECTED"] == [
        ("2", "DATE_CORRECTED")]
    assert acts[0].start == "2024-10" and acts[0].end == "2024-11"


# ---------------------------------------------------------------- ditto marks under a group row

PARAS_NP = ["แผนปฏิบัติราชการประจำปี จังหวัดนครพนม", "ปีงบประมาณ พ.ศ. 2569"]


@pytest.mark.parametrize("fmt", ["xlsx", "docx", "tsv"])
def test_ditto_under_a_group_row_takes_the_groups_unit(tmp_path, fmt):
    h1 = ["โครงการ/กิจกรรม", "งบประมาณ", "ผู้รับผิดชอบ", "ปีงบประมาณ พ.ศ. 2569"] + [""] * 11
    h2 = [U, U, U] + M
    rows = [h1, h2,
            ["โครงการที่ 1 ส่งเสริมการค้าชายแดน", "700,000", "สนง.พาณิชย์จังหวัด"] + marks(set()),
            ["1.1 จัดงานแสดงสินค้าชายแดน", "400,000", "สนง.พาณิชย์จังหวัด"] + marks({2, 3}),
            ["1.2 จับคู่ธุรกิจผู้ประกอบการ", "300,000", "〃"] + marks({5}),
            ["โครงการที่ 2 พัฒนาแหล่งท่องเที่ยวริมโขง", "900,000", "สนง.ท่องเที่ยวและกีฬาจังหวัด"]
            + marks(set()),
            ["2.1 ปรับภูมิทัศน์ริมโขง", "600,000", "〃"] + marks({1, 2}),
            ["2.2 จัดทำป้ายสื่อความหมาย", "300,000", "〃"] + marks({7, 8})]
    path = WRITERS[fmt](tmp_path / f"plan.{fmt}", PARAS_NP, rows)
    acts, _ = _run(path)
    got = {a.item_no: a.responsible for a in acts}
    assert got == {"1": "สนง.พาณิชย์จังหวัด", "1.1": "สนง.พาณิชย์จังหวัด",
                   "1.2": "สนง.พาณิชย์จังหวัด", "2": "สนง.ท่องเที่ยวและกีฬาจังหวัด",
                   "2.1": "สนง.ท่องเที่ยวและกีฬาจังหวัด", "2.2": "สนง.ท่องเที่ยวและกีฬาจังหวัด"}
