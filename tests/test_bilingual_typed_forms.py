"""Hand-typed Word documents with bilingual headings: English-first step-table heads
(`Step\\nขั้นตอนที่`, `Due Date / กำหนดแล้วเสร็จ`), an English label before the indicator heading
(`KPI 2.1 / ตัวชี้วัดที่ 2.1 : …`), a bilingual total row (`Total / รวม`), start/end cells that
hold fiscal quarters (`Q1/2568`), a signer written with an abbreviation or an academic rank on the
`ลงชื่อ` line, and a known agency only an activity's text names. Built as real DOCX files in
tmp_path and read, extracted and validated as a run does."""
from __future__ import annotations

from extract_helpers import extract_file, write_docx

MATRIX = [["ระดับคะแนน", "ขั้นตอนที่ 1", "ขั้นตอนที่ 2", "ขั้นตอนที่ 3", "ขั้นตอนที่ 4", "ขั้นตอนที่ 5"]] + [
    [str(lv)] + ["✓" if j <= lv else "" for j in range(1, 6)] for lv in range(1, 6)]
STEPS = [["1", "แต่งตั้งคณะทำงาน", "31 ต.ค. 68", "แล้วเสร็จ 20 ต.ค. 68"],
         ["2", "จัดทำแผนการดำเนินงาน", "31 ธ.ค. 68", "แล้วเสร็จ 15 ธ.ค. 68"],
         ["3", "ดำเนินการตามแผน", "31 มี.ค. 69", "แล้วเสร็จ 20 เม.ย. 69"],
         ["4", "ติดตามผลการดำเนินงาน", "30 มิ.ย. 69", "อยู่ระหว่างดำเนินการ"],
         ["5", "สรุปและรายงานผล", "30 ก.ย. 69", "ยังไม่ดำเนินการ"]]
TITLE = ["รายงานผลการดำเนินงานตามตัวชี้วัด ประจำปีงบประมาณ พ.ศ. 2569", "กรมการกงสุล"]


def _milestones(ex):
    return [(r.item_no, r.deadline, r.status) for r in ex.records if r.record_type == "milestone"]


def test_english_first_step_heads_are_read_by_their_thai(tmp_path):
    for i, head in enumerate((["Step\nขั้นตอนที่", "Description\nรายละเอียด", "Due Date\nกำหนดแล้วเสร็จ", "Result\nผลการดำเนินงาน"],
                              ["Step / ขั้นตอนที่", "Milestone / รายละเอียด", "Due / กำหนดเสร็จ", "Result / ผลการดำเนินงาน"])):
        path = write_docx(tmp_path / f"heads{i}.docx",
                          [*TITLE, "ตัวชี้วัดที่ 2.1 ระดับความสำเร็จของการพัฒนาระบบนัดหมายออนไลน์", MATRIX, [head] + STEPS])
        ex, findings = extract_file(path)
        assert _milestones(ex) == [("1", "2025-10-31", "done"), ("2", "2025-12-31", "done"), ("3", "2026-03-31", "done"),
                                   ("4", "2026-06-30", "not_done"), ("5", "2026-09-30", "not_done")]
        assert findings == [("3", "DEADLINE_MISSED"), ("4", "DEADLINE_MISSED"), ("5", "DEADLINE_MISSED")]


def test_an_english_label_before_the_indicator_heading(tmp_path):
    path = write_docx(tmp_path / "kpi.docx", [*TITLE, "KPI 2.1 / ตัวชี้วัดที่ 2.1 : ระดับความสำเร็จของการพัฒนาระบบนัดหมายออนไลน์",
                                               MATRIX, [["ขั้นตอนที่", "รายละเอียด", "กำหนดแล้วเสร็จ", "ผลการดำเนินงาน"]] + STEPS])
    ex, _ = extract_file(path)
    kpi = [r for r in ex.records if r.record_type == "kpi"]
    assert [(k.item_no, k.name) for k in kpi] == [("2.1", "ระดับความสำเร็จของการพัฒนาระบบนัดหมายออนไลน์")]


PLAN_HEAD = ["No.", "Activity / กิจกรรม", "Start / เริ่มต้น", "End / สิ้นสุด", "Budget (THB) / งบประมาณ (บาท)", "Responsible / ผู้รับผิดชอบ"]


def test_a_bilingual_total_row_is_no_activity(tmp_path):
    path = write_docx(tmp_path / "plan.docx", ["แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2569", "กรมการกงสุล",
                                               [PLAN_HEAD, ["1", "สำรวจความต้องการ", "ต.ค. 68", "พ.ย. 68", "50,000", "กองแผนงาน"],
                                                ["2", "จัดประชุมเชิงปฏิบัติการ", "ธ.ค. 68", "ก.พ. 69", "350,000", "กองแผนงาน"],
                                                ["", "Total / รวม", "", "", "450,000", ""]]])
    ex, findings = extract_file(path)
    assert [r.item_no for r in ex.records] == ["1", "2"]
    assert ("", "DATE_MISSING") not in findings
    assert any(code == "BUDGET_SUM_MISMATCH" for _, code in findings)     # 450,000 vs 400,000 is still checked


def test_fiscal_quarters_in_start_and_end_cells_are_dates_not_a_gantt_header(tmp_path):
    path = write_docx(tmp_path / "q.docx", ["แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2568", "สถาบันพิพิธภัณฑ์การเรียนรู้แห่งชาติ",
                                            [["ลำดับ", "กิจกรรม", "เริ่มต้น", "สิ้นสุด", "งบประมาณ (บาท)", "ผู้รับผิดชอบ"],
                                             ["1", "ออกแบบนิทรรศการ", "Q1/2568", "Q1/2568", "250,000", "ฝ่ายนิทรรศการ"],
                                             ["2", "ผลิตสื่อดิจิทัล", "Q1/2568", "Q2/2568", "400,000", "ฝ่ายดิจิทัล"],
                                             ["3", "จัดกิจกรรมการเรียนรู้", "Q2/2568", "Q3/2568", "300,000", "ฝ่ายการศึกษา"]]])
    ex, findings = extract_file(path)
    assert [(r.item_no, r.start, r.end) for r in ex.records] == [
        ("1", "2024-10", "2024-12"), ("2", "2024-10", "2025-03"), ("3", "2025-01", "2025-06")]
    assert findings == []


def test_a_quarter_gantt_header_is_still_found(tmp_path):
    path = write_docx(tmp_path / "qg.docx", ["แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2568", "สถาบันพิพิธภัณฑ์การเรียนรู้แห่งชาติ",
                                             [["ลำดับ", "กิจกรรม", "ไตรมาส 1", "ไตรมาส 2", "ไตรมาส 3", "ไตรมาส 4", "งบประมาณ (บาท)"],
                                              ["1", "ออกแบบนิทรรศการ", "✓", "", "", "", "250,000"],
                                              ["2", "ผลิตสื่อดิจิทัล", "", "✓", "✓", "", "400,000"]]])
    ex, _ = extract_file(path)
    assert [(r.item_no, r.start, r.end) for r in ex.records] == [("1", "2024-10", "2024-12"), ("2", "2025-01", "2025-06")]


FORM72 = [["ลำดับ", "ตัวชี้วัด", "หน่วยนับ", "น้ำหนัก (ร้อยละ)", "ค่าเป้าหมาย", "1", "2", "3", "4", "5"],
          ["1", "ร้อยละความพึงพอใจของนักศึกษา", "%", "100", "90", "70", "75", "80", "85", "90"]]


def test_a_signer_with_a_rank_or_an_abbreviation_on_the_sign_line_is_a_signatory(tmp_path):
    for i, signer in enumerate(("รองศาสตราจารย์ ดร.ปิยะพงษ์ ศรีวิเศษ", "น.ส.สุนิสา ใจดี")):
        path = write_docx(tmp_path / f"s{i}.docx", ["แบบฟอร์มที่ 7.2", "ตัวชี้วัดตามแผนพัฒนาองค์การ ประจำปีงบประมาณ พ.ศ. 2570",
                                                    "มหาวิทยาลัยนเรศวร", FORM72,
                                                    f"ลงชื่อ  {signer}   ผู้อำนวยการกองแผนงาน   วันที่ 20 ตุลาคม 2569"])
        _, findings = extract_file(path)
        assert ("", "UNSIGNED") not in findings


def test_a_dotted_sign_line_is_still_unsigned(tmp_path):
    path = write_docx(tmp_path / "d.docx", ["แบบฟอร์มที่ 7.2", "ตัวชี้วัดตามแผนพัฒนาองค์การ ประจำปีงบประมาณ พ.ศ. 2570",
                                            "มหาวิทยาลัยนเรศวร", FORM72,
                                            "ลงชื่อ ........................ ผู้อำนวยการกองแผนงาน   วันที่ 20 ตุลาคม 2569"])
    _, findings = extract_file(path)
    assert ("", "UNSIGNED") in findings


def test_a_known_agency_an_activity_names_yields_to_the_institute_the_title_names(tmp_path):
    path = write_docx(tmp_path / "a.docx", ["แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2568", "สถาบันพิพิธภัณฑ์การเรียนรู้แห่งชาติ",
                                            [["ลำดับ", "กิจกรรม", "เริ่มต้น", "สิ้นสุด", "งบประมาณ (บาท)"],
                                             ["1", "จัดกิจกรรมการเรียนรู้สำหรับโรงเรียนในกรุงเทพมหานคร", "ม.ค. 68", "มี.ค. 68", "300,000"]]])
    ex, _ = extract_file(path)
    assert {r.agency for r in ex.records} == {"สถาบันพิพิธภัณฑ์การเรียนรู้แห่งชาติ"}


def test_a_share_of_negative_news_is_lower_is_better(tmp_path):
    rows = [["ที่", "ตัวชี้วัด", "หน่วยนับ", "น้ำหนัก", "ค่าเป้าหมาย", "ระดับ 1", "ระดับ 2", "ระดับ 3", "ระดับ 4", "ระดับ 5"],
            ["1", "สัดส่วนข่าวเชิงลบเกี่ยวกับประเทศไทยในสื่อต่างประเทศ", "%", "50", "8", "4", "6", "8", "10", "12"],
            ["2", "สัดส่วนข่าวเชิงลบเกี่ยวกับกระทรวงที่ลดลง", "%", "50", "20", "10", "12.5", "15", "17.5", "20"]]
    path = write_docx(tmp_path / "neg.docx", ["แบบฟอร์มที่ 7.2", "ตัวชี้วัดตามแผนพัฒนาองค์การ ประจำปีงบประมาณ พ.ศ. 2569",
                                              "กรมสารนิเทศ", rows])
    ex, findings = extract_file(path)
    assert [(r.item_no, r.direction) for r in ex.records] == [("1", "lower"), ("2", "higher")]
    assert findings == [("1", "DIRECTION_MISMATCH")]
