"""Activity plans that report their results per round (`ผล รอบ 6 เดือน | ผล รอบ 12 เดือน`, or
`ผลการดำเนินงาน` over `รอบ 6 เดือน | รอบ 9 เดือน | รอบ 12 เดือน`), with status words in the cells (`ดำเนินการแล้ว`,
`อยู่ระหว่างดำเนินการ`, `ยังไม่ดำเนินการ`), and the reporter's block under them written without
`ลงชื่อ` (`ผู้รายงาน ..........`). Built as real CSV, XLSX and DOCX files in tmp_path and read,
extracted and validated as a run would: each item's result is its latest round's that says
something, and a reporter's dotted block is an unsigned approval."""
from __future__ import annotations

import csv

import pytest

from extract_helpers import write_docx
from plan_files import plan_docx, plan_xlsx, run_plan

TITLE = "แผนปฏิบัติการและรายงานผล ประจำปีงบประมาณ พ.ศ. 2569"
HEAD = ["ลำดับ", "กิจกรรม", "เริ่ม", "สิ้นสุด", "งบประมาณ", "ผล รอบ 6 เดือน", "ผล รอบ 12 เดือน"]
DONE, UNDERWAY, NOT_YET = "ดำเนินการแล้ว", "อยู่ระหว่างดำเนินการ", "ยังไม่ดำเนินการ"
ROWS = [
    ["1", "สำรวจกลุ่มเป้าหมายผู้ไม่รู้หนังสือ", "ต.ค. 68", "พ.ย. 68", "5,000", DONE, DONE],
    ["2", "จัดกิจกรรมส่งเสริมการอ่าน", "ธ.ค. 68", "ก.ย. 69", "30,000", UNDERWAY, DONE],
    ["3", "อบรมการรู้เท่าทันสื่อดิจิทัล", "ม.ค. 69", "มี.ค. 69", "12,000", NOT_YET, NOT_YET],
    ["4", "ประเมินผลการเรียนรู้", "พ.ค. 69", "มิ.ย. 69", "3,000", NOT_YET, UNDERWAY],
    # the 12-month round not yet reported: the 6-month round's word stands
    ["5", "นิเทศติดตามครู", "ม.ค. 69", "ก.พ. 69", "2,000", DONE, ""],
]
SIGNED = ["ผู้รายงาน ....................................", "(นางสาวมาลี ศรีสุข)",
          "ตำแหน่ง ครู กศน.ตำบล", "วันที่ 30 กันยายน 2569"]
DOTTED = ["ผู้รายงาน ....................................", "ตำแหน่ง ....................................",
          "วันที่ ......../......../........"]


def _csv(path, rows, after=()):
    width = len(rows[0])
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow([TITLE] + [""] * (width - 1))
        for row in rows:
            w.writerow(row)
        w.writerow([""] * width)
        for p in after:
            w.writerow([p] + [""] * (width - 1))
    return path


def _docx(path, rows, after=()):
    return write_docx(path, [TITLE, rows, *after])


def _status(acts):
    return {r.item_no: r.status for r in acts}


def _missed(codes):
    return sorted(i for i, c in codes if c == "DEADLINE_MISSED")


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "docx"])
def test_the_latest_round_reporting_gives_each_result(tmp_path, fmt):
    rows = [HEAD] + ROWS
    if fmt == "csv":
        path = _csv(tmp_path / "plan_2569.csv", rows)
    elif fmt == "xlsx":
        path = plan_xlsx(tmp_path / "plan_2569.xlsx", [TITLE], rows)
    else:
        path = plan_docx(tmp_path / "plan_2569.docx", [TITLE], rows)
    acts, codes = run_plan(path)
    assert [r.item_no for r in acts] == ["1", "2", "3", "4", "5"]
    assert _status(acts) == {"1": "done", "2": "done", "3": "not_done", "4": "not_done", "5": "done"}
    assert {r.item_no: r.completed_raw for r in acts}["4"] == UNDERWAY
    assert _missed(codes) == ["3", "4"]


def test_rounds_under_a_results_banner(tmp_path):
    head = ["ลำดับ", "กิจกรรม", "เริ่ม", "สิ้นสุด", "งบประมาณ", "ผลการดำเนินงาน", "", ""]
    sub = ["", "", "", "", "", "รอบ 6 เดือน", "รอบ 9 เดือน", "รอบ 12 เดือน"]
    rows = [head, sub,
            ["1", "จัดประชุมชี้แจง", "ต.ค. 68", "ธ.ค. 68", "5,000", UNDERWAY, DONE, ""],
            ["2", "ลงพื้นที่เก็บข้อมูล", "ม.ค. 69", "มี.ค. 69", "8,000", NOT_YET, UNDERWAY, UNDERWAY],
            ["3", "สรุปผลการดำเนินงาน", "ก.ค. 69", "ก.ย. 69", "2,000", "", NOT_YET, DONE]]
    # the banner spans the three rounds; the lead columns' headers span the two header rows
    merges = [(0, 5, 0, 7)] + [(0, c, 1, c) for c in range(5)]
    path = plan_docx(tmp_path / "plan_2569.docx", [TITLE], rows, hmerges=merges)
    acts, codes = run_plan(path)
    assert [r.item_no for r in acts] == ["1", "2", "3"]
    assert _status(acts) == {"1": "done", "2": "not_done", "3": "done"}
    assert _missed(codes) == ["2"]


def test_a_single_results_column_is_read_as_before(tmp_path):
    head = ["ลำดับ", "กิจกรรม", "เริ่ม", "สิ้นสุด", "งบประมาณ", "ผลการดำเนินงาน"]
    rows = [head] + [r[:5] + [r[5]] for r in ROWS]
    acts, codes = run_plan(_csv(tmp_path / "plan_2569.csv", rows))
    assert _status(acts) == {"1": "done", "2": "not_done", "3": "not_done", "4": "not_done",
                             "5": "done"}


@pytest.mark.parametrize("fmt", ["csv", "docx"])
def test_a_reporters_dotted_block_is_unsigned(tmp_path, fmt):
    rows = [HEAD] + ROWS
    make = _csv if fmt == "csv" else _docx
    _, codes = run_plan(make(tmp_path / f"plan_2569.{fmt}", rows, DOTTED))
    assert ("", "UNSIGNED") in codes


@pytest.mark.parametrize("line", ["ผู้จัดทำแผน : ____________________",
                                  "(...................................) ผู้อนุมัติ"])
def test_other_signer_roles_with_a_dotted_line_open_a_block(tmp_path, line):
    _, codes = run_plan(_csv(tmp_path / "plan_2569.csv", [HEAD] + ROWS,
                             [line, "วันที่ ......../......../........"]))
    assert ("", "UNSIGNED") in codes


def test_a_reporters_block_with_a_name_and_a_date_signs(tmp_path):
    _, codes = run_plan(_csv(tmp_path / "plan_2569.csv", [HEAD] + ROWS, SIGNED))
    assert "UNSIGNED" not in {c for _, c in codes}


def test_notes_naming_a_role_open_no_block(tmp_path):
    notes = ["หมายเหตุ : ผู้รายงาน ............ ให้กรอกเมื่อสิ้นรอบ",
             "ผู้รับผิดชอบ ................ ตามคำสั่งศูนย์"]
    _, codes = run_plan(_csv(tmp_path / "plan_2569.csv", [HEAD] + ROWS, notes))
    assert "UNSIGNED" not in {c for _, c in codes}


def test_a_proposer_line_without_a_date_field_opens_no_block(tmp_path):
    line = "ผู้เสนอ ............ (นางสาวจันทร์เพ็ญ ดีงาม) ผู้อำนวยการกองแผนและงบประมาณ"
    _, codes = run_plan(_csv(tmp_path / "plan_2569.csv", [HEAD] + ROWS, [line]))
    assert "UNSIGNED" not in {c for _, c in codes}
