"""A Gantt month head misspelt and read anyway (`มิ.ค.` as June between พ.ค. and ก.ค.,
`พฤศจิกยน`) is DATE_CORRECTED once, on the first activity ticked under it; heads a typist only
shortened (`มค.`, `ก.พ`) are no correction."""
import pytest

from plan_files import plan_docx, plan_tsv, plan_xlsx, run_plan

WRITERS = {"docx": plan_docx, "xlsx": plan_xlsx, "tsv": plan_tsv}
MONTHS = ["ต.ค.", "พฤศจิกยน", "ธ.ค.", "มค.", "ก.พ", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ค.", "ก.ค.", "ส.ค.", "ก.ย."]
HEAD = ["ที่", "กิจกรรม", "งบประมาณ (บาท)", "ผู้รับผิดชอบ"] + MONTHS


def _row(no, name, ticked):
    return [no, name, "10,000", "กองแผนงาน"] + ["✓" if i in ticked else "" for i in range(12)]


ROWS = [HEAD, _row("1", "ประชุมชี้แจงแนวทาง", {0, 1}), _row("2", "อบรมเจ้าหน้าที่", {1, 2}),
        _row("3", "ลงพื้นที่ติดตามผล", {7, 8, 9}), _row("4", "สรุปผลการดำเนินงาน", {8}),
        _row("5", "จัดทำรายงานประจำปี", {3, 4})]


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_misspelt_month_heads_are_corrected_once(tmp_path, fmt):
    acts, findings = run_plan(WRITERS[fmt](tmp_path / f"plan.{fmt}",
                                           ["แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2570"], ROWS))
    assert [(a.item_no, a.start, a.end) for a in acts] == [
        ("1", "2026-10", "2026-11"), ("2", "2026-11", "2026-12"), ("3", "2027-05", "2027-07"),
        ("4", "2027-06", "2027-06"), ("5", "2027-01", "2027-02")]
    assert [f for f in findings if f[1] == "DATE_CORRECTED"] == [("1", "DATE_CORRECTED"),
                                                              ("3", "DATE_CORRECTED")]
    notes = {n[1]: n[2] for a in acts for n in a.date_notes}
    assert notes == {"พฤศจิกยน": "พ.ย.", "มิ.ค.": "มิ.ย."}
