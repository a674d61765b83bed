"""Two ways offices lay out a milestone report that must still read as one:

- a levels × steps matrix in a sheet with an empty row between its two header rows and its level
  rows (the sheet reader ends a table at an empty row, so the level rows come as the next table);
- results and ticks written with Wingdings marks that Word and Excel export as Latin letters:
  `ü` a tick (done), `û` a cross, `ý` a box with a cross, `¨` an empty box (not done).

Built as XLSX and CSV, read by the real readers."""
from __future__ import annotations

import csv
from datetime import date

from extractors import extract
from pipeline.readers import read_document
from pipeline.validate import validate
from schemas import ExtractContext

AS_OF = date(2026, 11, 22)


def run(path):
    ex = extract(read_document(str(path)), ExtractContext(source_file=path.name))
    return ex, sorted((f.item_no, f.code) for f in validate(ex, AS_OF))


def matrix_xlsx(path, ticks, spacer=True):
    """A sheet: title, heading, the matrix (`ระดับคะแนน` merged down, `ขั้นตอนการดำเนินงาน` merged
    across over `ขั้นตอน 1 … 5`), an empty row when ``spacer``, the level rows, then the steps."""
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    ws.append(["เทศบาลนครอุดรธานี ปีงบประมาณ พ.ศ. 2570"])
    ws.append(["ตัวชี้วัดที่ 5 ระดับความสำเร็จของการพัฒนาเมืองอัจฉริยะ"])
    ws.append([])
    top = ws.max_row + 1
    ws.append(["ระดับคะแนน", "ขั้นตอนการดำเนินงาน"])
    ws.append([None] + [f"ขั้นตอน {i}" for i in range(1, 6)])
    ws.merge_cells(start_row=top, start_column=1, end_row=top + 1, end_column=1)
    ws.merge_cells(start_row=top, start_column=2, end_row=top, end_column=6)
    if spacer:
        ws.append([])
    for lvl in range(1, 6):
        ws.append([str(lvl)] + ["●" if j in ticks[lvl] else None for j in range(1, 6)])
    ws.append([])
    ws.append(["ขั้นตอน", "รายละเอียด", "กำหนดเวลา", "สถานะ"])
    due = ["ต.ค. 69", "ธ.ค. 69", "มี.ค. 70", "มิ.ย. 70", "ก.ย. 70"]
    for i in range(1, 6):
        ws.append([str(i), f"การพัฒนาเมืองอัจฉริยะ ระยะที่ {i}", due[i - 1], "ดำเนินการแล้ว" if i == 1 else ""])
    wb.save(path)
    return path


FULL = {lvl: set(range(1, lvl + 1)) for lvl in range(1, 6)}


def test_matrix_after_an_empty_row_is_read(tmp_path):
    ex, findings = run(matrix_xlsx(tmp_path / "kpi.xlsx", FULL))
    steps = [r for r in ex.records if r.record_type == "milestone"]
    assert [(r.item_no, r.level) for r in steps] == [(str(i), i) for i in range(1, 6)]
    assert [r.score for r in ex.records if r.record_type == "kpi"] == [1]
    assert findings == []          # every level has its steps: no MILESTONE_MISSING


def test_matrix_after_an_empty_row_reports_a_level_lacking_a_step(tmp_path):
    ticks = {**FULL, 3: {1, 2}}        # level 3 lacks step 3
    ex, findings = run(matrix_xlsx(tmp_path / "kpi.xlsx", ticks))
    steps = [r for r in ex.records if r.record_type == "milestone"]
    assert [(r.item_no, r.level) for r in steps] == [("1", 1), ("2", 2), ("3", 4), ("4", 4), ("5", 5)]
    assert findings == [("5", "MILESTONE_MISSING")]


def test_matrix_without_the_empty_row_reads_the_same(tmp_path):
    ex, findings = run(matrix_xlsx(tmp_path / "kpi.xlsx", FULL, spacer=False))
    assert [(r.item_no, r.level) for r in ex.records if r.record_type == "milestone"] == \
        [(str(i), i) for i in range(1, 6)]
    assert findings == []


def wingdings_csv(path, results):
    rows = [["องค์การบริหารส่วนตำบลนาพู่ ปีงบประมาณ 2568"], ["ตัวชี้วัดที่ 1 ระดับความสำเร็จของการจัดทำแผนที่ภาษี"], [],
            ["คะแนน"] + [f"ขั้นที่ {i}" for i in range(1, 6)]]
    rows += [[str(i)] + ["ü" if j <= i else "" for j in range(1, 6)] for i in range(1, 6)]
    rows += [[], ["ขั้นที่", "การดำเนินงาน", "กำหนดเสร็จ", "ผล"]]
    rows += [[str(i), f"ดำเนินการจัดทำแผนที่ภาษีขั้นที่ {i}", "ภายใน ก.ย. 68", res] for i, res in enumerate(results, 1)]
    rows += [[], ["หมายเหตุ : ü = ดำเนินการแล้ว  û = ยังไม่ดำเนินการ"]]
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def test_wingdings_cross_and_boxes_are_not_done(tmp_path):
    ex, findings = run(wingdings_csv(tmp_path / "kpi.csv", ["ü", "ü", "û", "ý", "¨"]))
    steps = [r for r in ex.records if r.record_type == "milestone"]
    assert [r.status for r in steps] == ["done", "done", "not_done", "not_done", "not_done"]
    assert [r.level for r in steps] == [1, 2, 3, 4, 5]
    assert [r.score for r in ex.records if r.record_type == "kpi"] == [2]
    assert findings == [("3", "DEADLINE_MISSED"), ("4", "DEADLINE_MISSED"), ("5", "DEADLINE_MISSED")]


def test_wingdings_marks_in_an_xlsx_results_column(tmp_path):
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    for row in [["ตัวชี้วัดที่ 1 ระดับความสำเร็จของการจัดทำแผนที่ภาษี ปีงบประมาณ 2568"], [],
                ["คะแนน"] + [f"ขั้นที่ {i}" for i in range(1, 6)],
                *[[str(i)] + ["ü" if j <= i else None for j in range(1, 6)] for i in range(1, 6)], [],
                ["ขั้นที่", "การดำเนินงาน", "กำหนดเสร็จ", "ผล"],
                *[[str(i), f"ดำเนินการจัดทำแผนที่ภาษีขั้นที่ {i}", "ภายใน ก.ย. 68", m]
                  for i, m in enumerate(["ü", "ü", "ü", "ü", "û"], 1)]]:
        ws.append(row)
    wb.save(tmp_path / "kpi.xlsx")
    ex, findings = run(tmp_path / "kpi.xlsx")
    assert [r.status for r in ex.records if r.record_type == "milestone"] == ["done"] * 4 + ["not_done"]
    assert findings == [("5", "DEADLINE_MISSED")]
