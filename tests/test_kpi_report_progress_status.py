"""A KPI report whose steps table reports each step only by its progress (`ร้อยละความก้าวหน้า`
100 / 50 / 0, `100%`): 100 is done, anything less is not done, and the deadline rules apply to
the steps not done. A result or completion-date column, when there is one, still has its say."""
from __future__ import annotations

import csv

from extract_helpers import extract_file, write_docx

MATRIX = [["คะแนน", "ขั้นที่ 1", "ขั้นที่ 2", "ขั้นที่ 3", "ขั้นที่ 4", "ขั้นที่ 5"]] + [
    [f"{lvl} คะแนน"] + ["/" if s <= lvl else "" for s in range(1, 6)] for lvl in range(1, 6)]
DEADLINES = ["ไตรมาส 1", "ไตรมาส 2", "ไตรมาส 3", "ไตรมาส 4", "ไตรมาส 4"]


def _kpi_rows(no: int, name: str, progress: list[str], head: str = "ร้อยละความก้าวหน้า") -> list[list[str]]:
    rows = [[f"ตัวชี้วัดที่ {no} {name}"], ["ค่าน้ำหนัก 10"]] + MATRIX + [[""]]
    rows.append(["ขั้นที่", "กิจกรรม", "กำหนดเสร็จ", head])
    for i, (dl, p) in enumerate(zip(DEADLINES, progress), 1):
        rows.append([str(i), f"กิจกรรมที่ {i} ของตัวชี้วัด {no}", dl, p])
    return rows + [[""]]


def _csv(path, kpis):
    rows = [["รายงานผลการดำเนินงานตามตัวชี้วัด ปีงบประมาณ 2569 รอบ 12 เดือน"],
            ["สำนักงานสาธารณสุขอำเภอตัวอย่าง จังหวัดขอนแก่น"]]
    for k in kpis:
        rows += k
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows(r + [""] * (6 - len(r)) for r in rows)
    return path


def _by_kpi(ex):
    kpis = {r.item_no: r for r in ex.records if r.record_type == "kpi"}
    steps: dict[str, list[str]] = {}
    for r in ex.records:
        if r.record_type == "milestone":
            steps.setdefault(r.kpi_no, []).append(r.status)
    return kpis, steps


def test_progress_column_gives_each_kpis_statuses_score_and_missed_deadlines(tmp_path):
    path = _csv(tmp_path / "district_kpi_report.csv", [
        _kpi_rows(1, "ระดับความสำเร็จของการคัดกรองโรคเบาหวาน", ["100", "100%", "50", "0", "0"]),
        _kpi_rows(2, "ระดับความสำเร็จของการพัฒนาคลินิกผู้สูงอายุ", ["100", "100", "100", "100", "100 %"])])
    ex, findings = extract_file(path)
    kpis, steps = _by_kpi(ex)
    assert steps == {"1": ["done", "done", "not_done", "not_done", "not_done"],
                     "2": ["done"] * 5}
    assert (kpis["1"].score, kpis["2"].score) == (2, 5)
    missed = [(no, code) for no, code in findings if code == "DEADLINE_MISSED"]
    assert missed == [("3", "DEADLINE_MISSED"), ("4", "DEADLINE_MISSED"), ("5", "DEADLINE_MISSED")]


def test_progress_heading_variants_and_thai_digits(tmp_path):
    path = _csv(tmp_path / "kpi_progress_pct.csv", [
        _kpi_rows(1, "ระดับความสำเร็จของการพัฒนาระบบบริการ", ["ร้อยละ ๑๐๐", "๑๐๐", "๗๐", "", ""],
                  head="ความก้าวหน้า (%)")])
    ex, _ = extract_file(path)
    _, steps = _by_kpi(ex)
    # an empty progress cell reports nothing: the step stays unknown
    assert steps == {"1": ["done", "done", "not_done", "unknown", "unknown"]}


def test_result_and_completion_columns_still_have_their_say(tmp_path):
    rows = [["ตัวชี้วัดที่ 1 ระดับความสำเร็จของการจัดการขยะชุมชน (น้ำหนัก 10)"]]
    blocks = ["รายงานผลการดำเนินงานตามตัวชี้วัด ปีงบประมาณ 2569", rows[0][0], MATRIX,
              [["ขั้นตอนที่", "รายละเอียด", "กำหนดแล้วเสร็จ", "% ความสำเร็จ", "ผลการดำเนินงาน", "วันที่แล้วเสร็จ"],
               ["1", "ประชุมชี้แจงชุมชน", "31 ธ.ค. 2568", "100", "", "20 ธ.ค. 2568"],
               ["2", "จัดตั้งธนาคารขยะ", "31 มี.ค. 2569", "100", "", ""],
               ["3", "อบรมการคัดแยกขยะ", "30 มิ.ย. 2569", "80", "ดำเนินการแล้วเสร็จ", "25 มิ.ย. 2569"],
               ["4", "ติดตามผลการคัดแยก", "31 ก.ค. 2569", "100", "อยู่ระหว่างดำเนินการ", ""],
               ["5", "สรุปผลและรายงาน", "31 ส.ค. 2569", "0", "", ""]]]
    path = write_docx(tmp_path / "waste_kpi_report.docx", blocks)
    ex, findings = extract_file(path)
    steps = [r for r in ex.records if r.record_type == "milestone"]
    assert [(s.status, s.completed) for s in steps] == [
        ("done", "2025-12-20"), ("done", ""), ("done", "2026-06-25"), ("not_done", ""), ("not_done", "")]
    assert [no for no, code in findings if code == "DEADLINE_MISSED"] == ["4", "5"]
