"""Level columns headed as form 7.2 heads them (`เกณฑ์ 1` … `เกณฑ์ 5`, `ระดับ ๑ (ต่ำสุด)` …
`ระดับ ๕ (สูงสุด)`) are a ladder in a ladder-KPI table too, and items numbered in a `ข้อ` column
are indicators; a form 7.2 table whose level heads carry a word in brackets is recognised."""
from extract_helpers import extract_file, write_csv, write_docx

HEAD = ["ข้อ", "ตัวชี้วัด", "หน่วยนับ", "น้ำหนัก", "เกณฑ์ 1", "เกณฑ์ 2", "เกณฑ์ 3", "เกณฑ์ 4", "เกณฑ์ 5", "ผลงาน"]


def test_ladder_table_with_criteria_heads_and_item_column(tmp_path):
    rows = [HEAD,
            ["1", "ระยะเวลาเฉลี่ยในการติดตั้งประปาใหม่", "วัน", "15", "10", "8", "7", "6", "5", "6.5"],
            ["2", "ร้อยละความพึงพอใจของผู้ใช้น้ำ", "ร้อยละ", "", "80", "82", "84", "86", "88", "85"]]
    path = write_csv(tmp_path / "pwa.csv", ["การประปาส่วนภูมิภาคสาขาเชียงราย", "ตัวชี้วัดระดับสาขา ปีงบประมาณ 2571"], rows)
    ex, findings = extract_file(path)
    kpis = {r.item_no: r for r in ex.records if r.record_type == "kpi"}
    assert set(kpis) == {"1", "2"}
    assert [kpis["1"].level_1, kpis["1"].level_5, kpis["1"].direction, kpis["1"].actual] == [10, 5, "lower", 6.5]
    assert kpis["1"].score == 3.5
    assert kpis["2"].weight is None and ("2", "WEIGHT_MISSING") in findings


def test_form72_with_bracketed_level_heads(tmp_path):
    rows = [["ลำดับ", "ตัวชี้วัด", "หน่วยวัด", "ระดับ ๑ (ต่ำสุด)", "ระดับ ๒", "ระดับ ๓", "ระดับ ๔", "ระดับ ๕ (สูงสุด)", "น้ำหนัก"],
            ["มิติที่ 1 ด้านประสิทธิผลตามพันธกิจ (7.1)", "", "", "", "", "", "", "", ""],
            ["๑", "ระยะเวลาเฉลี่ยในการจ่ายเงินทดแทน", "วันทำการ", "≤ ๑๐", "≤ ๙", "≤ ๘", "≤ ๗", "≤ ๖", "ร้อยละ ๒๕"],
            ["๒", "ร้อยละของนายจ้างที่ยื่นแบบผ่านระบบอิเล็กทรอนิกส์", "ร้อยละ", "๖๐", "๖๕", "๗๐", "๗๕", "๘๐", ""]]
    path = write_docx(tmp_path / "sso.docx", ["สำนักงานประกันสังคมจังหวัดขอนแก่น",
                                              "รายละเอียดตัวชี้วัด ปีงบประมาณ พ.ศ. ๒๕๖๙", rows])
    ex, findings = extract_file(path)
    kpis = {r.item_no: r for r in ex.records if r.record_type == "kpi"}
    assert {r.form for r in kpis.values()} == {"form72"} and set(kpis) == {"1", "2"}
    assert [kpis["1"].level_1, kpis["1"].level_5, kpis["1"].direction, kpis["1"].dimension] == [10, 6, "lower", "7.1"]
    assert ("2", "WEIGHT_MISSING") in findings


def test_a_banner_run_into_the_first_level_head(tmp_path):
    # `เกณฑ์การประเมิน ระดับ 1 | ระดับ 2 | … | ระดับ 5`: a PDF or a typist fused the banner with level 1
    rows = [["ลำดับ", "ตัวชี้วัด", "หน่วย", "ค่าน้ำหนัก (%)", "เกณฑ์การประเมิน ระดับ 1", "ระดับ 2", "ระดับ 3",
             "ระดับ 4", "ระดับ 5", "ผลการดำเนินงาน"],
            ["1", "ระยะเวลาเฉลี่ยการขึ้นทะเบียนผู้ว่างงาน", "นาที", "30", "30", "25", "20", "15", "10", "12.5"],
            ["2", "ร้อยละของผู้ประกันตนที่ได้รับบริการภายในเวลามาตรฐาน", "ร้อยละ", "70", "80", "85", "90", "95",
             "100", "92"]]
    path = write_docx(tmp_path / "sla.docx", ["สำนักงานประกันสังคมจังหวัดสมุทรปราการ สาขาบางพลี",
                                              "สรุปผลตัวชี้วัดมาตรฐานการให้บริการ (SLA) ประจำปีงบประมาณ พ.ศ. 2570", rows])
    ex, _ = extract_file(path)
    kpis = {r.item_no: r for r in ex.records if r.record_type == "kpi"}
    assert [kpis["1"].level_1, kpis["1"].level_5, kpis["1"].direction, kpis["1"].score] == [30, 10, "lower", 4.5]
    assert [kpis["2"].level_1, kpis["2"].level_5, kpis["2"].actual] == [80, 100, 92]
