"""Ladder tables whose level columns carry bilingual or worded headings (`ระดับ 1 (Level 1)`,
`Level 1`, `คะแนน 1 (Score 1)`), as a state enterprise's scorecard writes them: each column is
read as its level, the thresholds under it become level_1 … level_5 and the indicators are
scored from their results."""
from __future__ import annotations

from datetime import date

import pytest

from extract_helpers import extract_file

AS_OF = date(2026, 11, 22)

ROWS = [
    ["1", "ด้านการเงิน (Financial)", "", "25", "", "", "", "", "", ""],
    ["1.1", "กำไรสุทธิ", "ล้านบาท", "10", "4000", "4200", "4400", "4600", "4800", "4510"],
    ["1.2", "ร้อยละของหนี้ค้างชำระต่อรายได้", "ร้อยละ", "8", "3", "2.75", "2.5", "2.25", "2", "2.4"],
    ["1.3", "ร้อยละของคุณภาพน้ำที่ผ่านมาตรฐาน", "ร้อยละ", "7", "80", "82", "81", "84", "86", "85"],
]


def _heads(style: str) -> list[str]:
    levels = {
        "thai_english": [f"ระดับ {i} (Level {i})" for i in range(1, 6)],
        "english": [f"Level {i}" for i in range(1, 6)],
        "score": [f"คะแนน {i} (Score {i})" for i in range(1, 6)],
    }[style]
    return ["ลำดับ (No.)", "ตัวชี้วัด (Key Performance Indicator)", "หน่วย (Unit)", "น้ำหนัก (Weight)",
            *levels, "ผลการดำเนินงาน (Actual)"]


def _xlsx(path, heads):
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    ws.append(["รายงานผลการดำเนินงานตามตัวชี้วัด ประจำปีงบประมาณ 2564 (KPI Performance Report FY2021)"])
    ws.append(["การประปาส่วนภูมิภาคตัวอย่าง (Example Waterworks Authority)"])
    ws.append([])
    ws.append(heads)
    for row in ROWS:
        ws.append([float(x) if x.replace(".", "", 1).isdigit() and i >= 3 else x for i, x in enumerate(row)])
    wb.save(path)
    return path


def _run(path):
    ex, findings = extract_file(path, AS_OF)
    return {r.item_no: r for r in ex.records if r.record_type == "kpi"}, findings


@pytest.mark.parametrize("style", ["thai_english", "english", "score"])
def test_bilingual_level_headings_give_the_ladder(tmp_path, style):
    kpis, findings = _run(_xlsx(tmp_path / f"scorecard_{style}.xlsx", _heads(style)))
    assert kpis["1.1"].form == "kpi_ladder"
    assert kpis["1.1"].ladder == [4000, 4200, 4400, 4600, 4800]
    assert kpis["1.1"].score == pytest.approx(3.55)
    # a falling ladder: lower is better, scored the other way round
    assert kpis["1.2"].ladder == [3, 2.75, 2.5, 2.25, 2]
    assert kpis["1.2"].direction == "lower"
    assert kpis["1.2"].score == pytest.approx(3.4)
    assert ("1.3", "LADDER_NOT_MONOTONIC") in findings
    assert kpis["1.3"].score is None


def test_bracket_naming_another_level_is_no_level_heading(tmp_path):
    # `ระดับ 1 (Level 2)` is a contradiction, not a heading of level 1
    heads = _heads("thai_english")
    heads[4] = "ระดับ 1 (Level 2)"
    heads[5] = "ระดับ 2 (Level 3)"
    heads[6] = "ระดับ 3 (Level 4)"
    kpis, _ = _run(_xlsx(tmp_path / "scorecard_odd.xlsx", heads))
    assert all(r.level_1 is None for r in kpis.values())
