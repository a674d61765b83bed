"""Extractors on layouts seen in submissions from agencies outside the original samples
(held-out documents such as samples/nakhonpathom, samples/mol, samples/nakhonratchasima,
samples/doae): each test is one wording or layout, built in code."""
from __future__ import annotations

from extract_helpers import ctx, doc, table

from extractors import extract


def _report(*step_lines, results=None):
    matrix = table([["ระดับคะแนน"] + [f"ขั้นตอนที่ {s}" for s in range(1, 4)],
                    ["1", "✓", "", ""], ["2", "✓", "✓", ""], ["3", "✓", "✓", "✓"]], index=1)
    blocks = ["มิติที่ 2 ด้านคุณภาพการให้บริการ", "ตัวชี้วัดที่ 4 ระดับความสำเร็จของการพัฒนาระบบ",
              "ผู้จัดเก็บข้อมูล : นางสาวกมลวรรณ ศรีทอง โทรศัพท์ 0-3434-0051", matrix,
              "โดยมีรายละเอียดการดำเนินงานแต่ละขั้นตอน ดังนี้", *step_lines]
    if results:
        blocks += ["ผลการดำเนินงาน", table([["ขั้นตอนที่", "ผลการดำเนินงาน"]] + results, index=2)]
    return extract(doc(*blocks), ctx())


def test_kpi_report_steps_as_a_numbered_list_after_the_matrix():
    ex = _report("1. แต่งตั้งคณะทำงาน ภายในวันที่ 31 ตุลาคม 2567",
                 "2. จัดทำแผนการพัฒนาระบบ ภายในวันที่ 15 ธันวาคม 2567",
                 "3. เปิดให้บริการผ่านระบบไม่น้อยกว่าร้อยละ 30 ภายในเดือนมีนาคม 2568",
                 results=[["1", "✓ (25 ต.ค. 67)"], ["2", "✓ (15 ธ.ค. 67)"],
                          ["3", "อยู่ระหว่างดำเนินการ"]])
    k, *steps = ex.records
    assert (k.item_no, k.dimension) == ("4", "2")
    assert [(s.item_no, s.level, s.deadline) for s in steps] == [
        ("1", 1, "2024-10-31"), ("2", 2, "2024-12-15"), ("3", 3, "2025-03-31")]
    assert [(s.status, s.completed) for s in steps] == [
        ("done", "2024-10-25"), ("done", "2024-12-15"), ("not_done", "")]
    assert steps[2].target == 30 and steps[2].unit == "%"


def test_kpi_report_a_step_reported_as_a_dash_is_not_done():
    """`-` in a step's result is nothing done yet (so a passed deadline is missed); a result
    left blank says nothing."""
    ex = _report("1. แต่งตั้งคณะทำงาน ภายในวันที่ 31 ตุลาคม 2567",
                 "2. จัดทำแผนการพัฒนาระบบ ภายในวันที่ 15 ธันวาคม 2567",
                 "3. เปิดให้บริการผ่านระบบ ภายในเดือนมีนาคม 2568",
                 results=[["1", "✓ (25 ต.ค. 67)"], ["2", "-"], ["3", ""]])
    assert [(s.status, s.completed) for s in ex.records[1:]] == [
        ("done", "2024-10-25"), ("not_done", ""), ("unknown", "")]


def test_kpi_report_completion_dates_with_every_month_spelling():
    """A month that starts with a leading vowel (เม.ย., พ.ค. after แล้ว) reads like any other."""
    ex = _report("1. แต่งตั้งคณะทำงาน ภายในวันที่ 31 มีนาคม 2568",
                 "2. จัดทำแผน ภายในวันที่ 31 ธันวาคม 2568",
                 results=[["1", "ดำเนินการแล้ว 20 เม.ย. 2568"], ["2", "แล้วเสร็จ ๒ ม.ค. ๒๕๖๙"]])
    assert [(s.status, s.completed) for s in ex.records[1:]] == [
        ("done", "2025-04-20"), ("done", "2026-01-02")]


def test_kpi_report_numbered_lines_that_do_not_start_at_one_are_not_steps():
    ex = _report("2. ข้อความอื่น", "3. ข้อความอื่นอีก")
    assert [r.record_type for r in ex.records] == ["kpi"]


def test_kpi_report_phone_after_the_data_collector_name():
    ex = _report("1. แต่งตั้งคณะทำงาน", "2. จัดทำแผน")
    k = ex.records[0]
    assert (k.data_collector, k.phones) == ("นางสาวกมลวรรณ ศรีทอง", "0-3434-0051")


def test_activity_plan_header_wordings():
    """`งบประมาณ ปี 2568` is the budget (not the fiscal-year banner), `หน่วยงานหลัก` the unit
    responsible, `รายละเอียดกิจกรรม` / `วิธีดำเนินการ` the activity, and a banner
    `ระยะเวลาดำเนินการ ปีงบประมาณ พ.ศ. 2568` heads the months."""
    ex = extract(doc(table([["ที่", "กิจกรรม", "ระยะเวลา", "งบประมาณ ปี 2568", "หน่วยงานหลัก"],
                            ["1", "ประชุม", "ต.ค. 67 - ธ.ค. 67", "50,000", "สำนักงานจังหวัด"]])), ctx())
    assert [(r.start, r.end, r.budget_thb, r.responsible) for r in ex.records] == [
        ("2024-10", "2024-12", 50000, "สำนักงานจังหวัด")]
    months = ["ต.ค. 67", "พ.ย. 67", "ธ.ค. 67", "ม.ค. 68", "ก.พ. 68", "มี.ค. 68", "เม.ย. 68",
              "พ.ค. 68", "มิ.ย. 68", "ก.ค. 68", "ส.ค. 68", "ก.ย. 68"]
    rows = [["ที่", "รายละเอียดกิจกรรม", "ระยะเวลาดำเนินการ ปีงบประมาณ พ.ศ. 2568"] + [""] * 11
            + ["งบประมาณ (บาท)", "หน่วยงานหลัก"],
            ["", ""] + months + ["", ""],
            ["1", "ประชุม", "✓", "✓"] + [""] * 10 + ["50,000", "สำนักงานจังหวัด"]]
    merges = {(0, 2): (1, 12), (0, 0): (2, 1), (0, 1): (2, 1), (0, 14): (2, 1), (0, 15): (2, 1)}
    ex = extract(doc(table(rows, merges=merges)), ctx())
    assert [(r.name, r.start, r.end, r.budget_thb) for r in ex.records] == [
        ("ประชุม", "2024-10", "2024-11", 50000)]
    ex = extract(doc(table([["ลำดับ", "วิธีดำเนินการ", "ระยะเวลา", "งบประมาณ", "ผู้รับผิดชอบ"],
                            ["1", "ประชุม", "1 เดือน", "50,000", "สนจ."]])), ctx())
    assert ex.forms == ["activity_plan"] and ex.records[0].budget_thb == 50000


def test_form72_past_results_header_is_the_baseline():
    from extractors import common as C
    roles = C.vocab("form72")
    for text in ("ผลการดำเนินงานย้อนหลัง", "ผลการดำเนินงานปีที่ผ่านมา", "ผลงานปีที่ผ่านมา",
                 "ผลการดำเนินงานที่ผ่านมา"):
        assert C.match_role(text, roles)[0] == "baseline", text
    assert C.match_role("ผลการดำเนินงาน", roles)[0] == "actual"


def _form72_with_unit_column():
    rows = [["ที่", "ตัวชี้วัด", "หน่วยนับ", "ผลการดำเนินงานที่ผ่านมา", "", "", "ค่าเป้าหมาย", "ระดับคะแนน",
             "", "", "", ""],
            ["", "", "", "2565", "2566", "2567", "", "ระดับ 1", "ระดับ 2", "ระดับ 3", "ระดับ 4",
             "ระดับ 5"],
            ["1", "ร้อยละของการเบิกจ่าย", "ร้อยละ", "88", "90", "92.5", "96", "92", "93", "94", "95",
             "96"]]
    merges = {(0, 3): (1, 3), (0, 7): (1, 5), (0, 0): (2, 1), (0, 1): (2, 1), (0, 2): (2, 1),
              (0, 6): (2, 1)}
    return extract(doc("ตัวชี้วัดตามแผนพัฒนาองค์การ จังหวัดตรัง ประจำปีงบประมาณ พ.ศ. 2568",
                       table(rows, merges=merges)), ctx())


def test_form72_ladder_under_a_level_header_and_a_unit_column():
    """`ระดับคะแนน` over `ระดับ 1` … `ระดับ 5` is the ladder; a `หน่วยนับ` column is not part of the
    indicator's name; the latest of several baseline years is the baseline."""
    ex = _form72_with_unit_column()
    assert ex.forms == ["form72"]
    r = ex.records[0]
    assert (r.item_no, r.name, r.baseline, r.target, r.ladder) == (
        "1", "ร้อยละของการเบิกจ่าย", 92.5, 96, [92, 93, 94, 95, 96])


def test_form72_unit_from_its_column():
    assert _form72_with_unit_column().records[0].unit == "%"


def test_form72_plans_as_full_width_rows_in_one_table():
    head = ["ลำดับที่", "ตัวชี้วัดผลการดำเนินงาน", "มิติการประเมิน", "น้ำหนัก (ร้อยละ)", "ค่าเป้าหมาย",
            "เกณฑ์การให้คะแนน", "", "", "", "", "หมายเหตุ"]
    levels = ["", "", "", "", "", "1", "2", "3", "4", "5", ""]
    rows = [head, levels,
            ["แผนพัฒนาองค์การที่ 1 การพัฒนาระบบบริการ"] + [""] * 10,
            ["1", "ร้อยละความพึงพอใจของผู้รับบริการ", "ด้านคุณภาพการให้บริการ", "20", "ร้อยละ 90",
             "80", "82.5", "85", "87.5", "90", ""],
            ["แผนพัฒนาองค์การที่ 2 การพัฒนาบุคลากร"] + [""] * 10,
            ["2", "ร้อยละของบุคลากรที่ผ่านการพัฒนา", "ด้านการพัฒนาองค์การ", "15", "ร้อยละ 80",
             "60", "65", "70", "75", "80", ""]]
    merges = {(0, 5): (1, 5), (2, 0): (1, 11), (4, 0): (1, 11)}
    for c in (0, 1, 2, 3, 4, 10):
        merges[(0, c)] = (2, 1)
    ex = extract(doc(table(rows, merges=merges)), ctx())
    got = [(r.item_no, r.plan, r.dimension, r.weight, r.ladder) for r in ex.records]
    assert got == [("1", "แผนพัฒนาองค์การที่ 1 การพัฒนาระบบบริการ", "7.2", 20, [80, 82.5, 85, 87.5, 90]),
                   ("2", "แผนพัฒนาองค์การที่ 2 การพัฒนาบุคลากร", "7.4", 15, [60, 65, 70, 75, 80])]


def test_form72_levels_headed_1_to_5_in_the_header_row_itself():
    """No `เกณฑ์การให้คะแนน` over them: five adjacent columns headed 1 … 5 are still the ladder."""
    rows = [["ลำดับ", "มิติ", "ตัวชี้วัด", "หน่วยวัด", "ข้อมูลพื้นฐาน", "ค่าเป้าหมาย", "น้ำหนัก",
             "1", "2", "3", "4", "5"],
            ["1", "7.1", "อัตราการเสียชีวิตจากอุบัติเหตุทางถนนต่อประชากรแสนคน", "ต่อแสนประชากร",
             "22.4", "18", "30", "22", "21", "20", "19", "18"],
            ["2", "7.2", "ร้อยละความพึงพอใจของผู้รับบริการ", "%", "88", "90", "30",
             "80", "82.5", "85", "87.5", "90"]]
    ex = extract(doc("แบบฟอร์มที่ 7.2 จังหวัดสงขลา ปีงบประมาณ 2569", table(rows), fmt="xlsx"), ctx())
    assert [(r.item_no, r.dimension, r.weight, r.ladder, r.direction) for r in ex.records] == [
        ("1", "7.1", 30, [22, 21, 20, 19, 18], "lower"),
        ("2", "7.2", 30, [80, 82.5, 85, 87.5, 90], "higher")]


def test_form72_numbers_in_a_header_row_that_are_not_five_levels_are_no_ladder():
    """Without a ladder header only all five levels side by side count: years or three numbered
    columns are not a ladder."""
    rows = [["ที่", "ตัวชี้วัด", "น้ำหนัก", "ค่าเป้าหมาย", "1", "2", "3"],
            ["1", "ร้อยละของการเบิกจ่าย", "20", "96", "92", "94", "96"]]
    ex = extract(doc(table(rows)), ctx())
    assert [r.ladder for r in ex.records] == [[None] * 5]


def test_form72_total_row_and_dimensions_in_thai_digits():
    """`รวม | ๑๐๐` under the indicators is the weights' total, not an indicator; `๗.๒` in the
    dimension column is dimension 7.2."""
    rows = [["ลำดับ", "ตัวชี้วัดความสำเร็จ", "มิติ", "ค่าน้ำหนัก (%)", "ค่าเป้าหมาย",
             "เกณฑ์การให้คะแนน", "", "", "", ""],
            ["", "", "", "", "", "๑", "๒", "๓", "๔", "๕"],
            ["๑", "ร้อยละความพึงพอใจของผู้รับบริการ", "๗.๒", "๖๐", "ร้อยละ ๙๐",
             "๘๖", "๘๗", "๘๘", "๘๙", "๙๐"],
            ["๒", "ระยะเวลาเฉลี่ยในการพิจารณาอนุญาต", "๗.๓", "๔๐", "๑๐ วัน",
             "๑๔", "๑๓", "๑๒", "๑๑", "๑๐"]]
    merges = {(0, 5): (1, 5)}
    for c in range(5):
        merges[(0, c)] = (2, 1)
    for total in (["", "รวม", "", "๑๐๐", "", "", "", "", "", ""],
                  ["", "รวมค่าน้ำหนัก", "", "๑๐๐", "", "", "", "", "", ""],
                  ["", "น้ำหนักรวม (ร้อยละ)", "", "100", "", "", "", "", "", ""]):
        ex = extract(doc(table(rows + [total], merges=merges)), ctx())
        assert [(r.item_no, r.dimension, r.weight, r.ladder[0]) for r in ex.records] == [
            ("1", "7.2", 60, 86), ("2", "7.3", 40, 14)], total[1]


def test_form72_dimension_rows_across_a_table_without_a_dimension_column():
    """`7.1 มิติด้านประสิทธิผล` on a row of its own, starting in the number column, is the dimension
    of the indicators below it, not a plan."""
    rows = [["ลำดับ", "ตัวชี้วัด", "น้ำหนัก", "ค่าเป้าหมาย", "เกณฑ์การให้คะแนน"],
            ["7.1 มิติด้านประสิทธิผล", "", "", "", ""],
            ["1", "ร้อยละของการเบิกจ่ายงบประมาณ", "20", "ร้อยละ 95", "91 / 92 / 93 / 94 / 95"],
            ["มิติที่ 3 ด้านประสิทธิภาพ", "", "", "", ""],
            ["2", "ระยะเวลาเฉลี่ยในการให้บริการ", "10", "10 นาที", "30 / 25 / 20 / 15 / 10"]]
    ex = extract(doc(table(rows, merges={(1, 0): (1, 5), (3, 0): (1, 5)})), ctx())
    assert [(r.item_no, r.dimension, r.plan, r.ladder) for r in ex.records] == [
        ("1", "7.1", "", [91, 92, 93, 94, 95]), ("2", "7.3", "", [30, 25, 20, 15, 10])]


def test_activity_plan_grand_total_row_is_not_an_activity():
    rows = [["ที่", "กิจกรรม", "ระยะเวลาดำเนินการ", "งบประมาณ (บาท)", "หน่วยงานรับผิดชอบ"],
            ["1", "ประชุมชี้แจง", "ต.ค. 2564", "150,000", "กองแผนงาน"],
            ["2", "ติดตามผล", "พ.ย. - ธ.ค. 2564", "50,000", "กองแผนงาน"],
            ["", "รวมงบประมาณทั้งสิ้น", "", "200,000", ""]]
    ex = extract(doc(table(rows)), ctx())
    assert [(r.item_no, r.name, r.start, r.end) for r in ex.records] == [
        ("1", "ประชุมชี้แจง", "2021-10", "2021-10"), ("2", "ติดตามผล", "2021-11", "2021-12")]


def test_ladder_table_numbered_in_its_own_column():
    rows = [["ที่", "ตัวชี้วัด", "หน่วยนับ", "ค่าน้ำหนัก", "เกณฑ์การให้คะแนน", "", "", "", "",
             "ผลการดำเนินงาน"],
            ["", "", "", "", "1", "2", "3", "4", "5", ""],
            ["1", "ร้อยละของผู้สำเร็จการฝึกอบรมที่ได้งานทำ", "ร้อยละ", "25", "60", "65", "70", "75",
             "80", "77.5"],
            ["2", "ระยะเวลาเฉลี่ยในการพิจารณาคำร้อง", "วัน", "20", "30", "25", "20", "15", "10", "18"]]
    merges = {(0, 4): (1, 5)}
    for c in (0, 1, 2, 3, 9):
        merges[(0, c)] = (2, 1)
    ex = extract(doc("ผลการดำเนินงานตามตัวชี้วัดระดับกระทรวง",
                     "กระทรวงแรงงาน ประจำปีงบประมาณ พ.ศ. 2566", table(rows, merges=merges),
                     "จัดทำโดย กองยุทธศาสตร์และแผนงาน สำนักงานปลัดกระทรวงแรงงาน"), ctx())
    assert ex.forms == ["kpi_ladder"]
    got = [(r.item_no, r.unit, r.weight, r.ladder, r.actual, r.direction) for r in ex.records]
    assert got == [("1", "%", 25, [60, 65, 70, 75, 80], 77.5, "higher"),
                   ("2", "วัน", 20, [30, 25, 20, 15, 10], 18, "lower")]
    assert ex.agency == "กระทรวงแรงงาน"


def test_agency_a_department_named_beside_the_fiscal_year_over_units_in_the_table():
    rows = [["ที่", "กิจกรรม", "ระยะเวลาดำเนินการ", "งบประมาณ (บาท)", "หน่วยงานรับผิดชอบ"],
            ["1", "ประชุมชี้แจง", "ต.ค. 2564", "150,000", "กรมพัฒนาที่ดิน"]]
    ex = extract(doc("กระทรวงเกษตรและสหกรณ์", "กองแผนงาน กรมส่งเสริมการเกษตร ประจำปีงบประมาณ พ.ศ. 2565",
                     table(rows)), ctx())
    assert ex.agency == "กรมส่งเสริมการเกษตร"


def test_kpi_report_steps_in_a_table_with_deadline_and_result_columns():
    matrix = table([["ระดับคะแนน"] + [f"ขั้นตอนที่ {s}" for s in range(1, 4)],
                    ["1", "✓", "", ""], ["2", "✓", "✓", ""], ["3", "✓", "✓", "✓"]], index=1)
    steps = table([["ขั้นตอนที่", "รายละเอียดการดำเนินงาน", "กำหนดแล้วเสร็จ", "ผลการดำเนินงาน"],
                   ["1", "แต่งตั้งคณะทำงาน", "31 ต.ค. 2567", "✓ (25 ต.ค. 67)"],
                   ["2", "จัดทำแผน", "15 ธ.ค. 2567", "ดำเนินการแล้วเสร็จ เมื่อวันที่ 10 ธ.ค. 2567"],
                   ["3", "ประเมินผล", "ก.ย. 2568", "ยังไม่ดำเนินการ"]], index=2)
    ex = extract(doc("รายงานผล ประจำปีงบประมาณ พ.ศ. 2568", "มิติที่ 1",
                     "ตัวชี้วัดที่ 2 ระดับความสำเร็จของการพัฒนาระบบ", "เกณฑ์การให้คะแนน", matrix,
                     "รายละเอียด", steps), ctx())
    k, *ms = ex.records
    assert (k.item_no, k.dimension) == ("2", "1")
    assert [(m.item_no, m.name, m.level, m.deadline, m.status, m.completed) for m in ms] == [
        ("1", "แต่งตั้งคณะทำงาน", 1, "2024-10-31", "done", "2024-10-25"),
        ("2", "จัดทำแผน", 2, "2024-12-15", "done", "2024-12-10"),
        ("3", "ประเมินผล", 3, "2025-09-30", "not_done", "")]


def test_activity_plan_project_group_across_the_table_and_durations_in_months():
    rows = [["ลำดับ", "โครงการ/กิจกรรม", "ระยะเวลา (เดือน)", "เริ่มต้น", "สิ้นสุด", "งบประมาณ (บาท)",
             "ผู้รับผิดชอบ"],
            ["โครงการที่ 1 พัฒนาศูนย์บริการ (150,000 บาท)", "", "", "", "", "", ""],
            ["1)", "ประชุมคณะทำงาน", "3", "ต.ค. 67", "ธ.ค. 67", "50,000", "สนจ."],
            ["2)", "จัดอบรม", "2", "ม.ค. 68", "ก.พ. 68", "100,000", "สนจ."],
            ["", "รวม", "", "", "", "150,000", ""]]
    ex = extract(doc("แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2568", table(rows, merges={(1, 0): (1, 7)})),
                 ctx())
    got = [(r.item_no, r.parent_item, r.row_kind, r.name, r.duration_months, r.start, r.end,
            r.budget_thb) for r in ex.records]
    assert got == [("1", "", "group", "พัฒนาศูนย์บริการ", None, "", "", 150000),
                   ("1", "1", "", "ประชุมคณะทำงาน", 3, "2024-10", "2024-12", 50000),
                   ("2", "1", "", "จัดอบรม", 2, "2025-01", "2025-02", 100000)]
    # the project's total, and the plan's `รวม` over its top-level items (the project)
    assert [(g.item_no, g.total_thb, g.member_items) for g in ex.budget_groups] == [
        ("1", 150000, ["1", "2"]), ("", 150000, ["1"])]


def test_activity_plan_months_dated_by_year_banners_over_them():
    months = ["ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.",
              "ก.ย."]
    rows = [["ที่", "กิจกรรม", "พ.ศ. 2567", "", "", "พ.ศ. 2568"] + [""] * 8 + ["งบประมาณ"],
            ["", ""] + months + [""],
            ["1", "ประชุม", "", "", "✓", "✓"] + [""] * 8 + ["10,000"]]
    merges = {(0, 2): (1, 3), (0, 5): (1, 9), (0, 0): (2, 1), (0, 1): (2, 1), (0, 14): (2, 1)}
    ex = extract(doc("แผนปฏิบัติการ", table(rows, merges=merges)), ctx())
    assert [(r.fiscal_year, r.start, r.end, r.deadline) for r in ex.records] == [
        (2568, "2024-12", "2025-01", "2025-01-31")]


def test_ladder_indicator_weight_written_with_ร้อยละ_after_the_colon():
    # slides: `น้ำหนัก : ร้อยละ 5` in a text box of its own (the word after the colon)
    d = doc("ตัวชี้วัดที่ 3.2 ร้อยละความสำเร็จของการดำเนินโครงการให้บริการที่ดีที่สุด (Best Service)",
            "ผู้รับผิดชอบ : สำนักงาน ก.ก.", "น้ำหนัก : ร้อยละ 5", "เกณฑ์การให้คะแนน",
            table([["ระดับคะแนน", "1", "2", "3", "4", "5"], ["ร้อยละ", "60", "70", "80", "90", "100"]]))
    ex = extract(d, ctx())
    assert ex.forms == ["kpi_ladder"]
    assert [(r.item_no, r.weight, r.weight_raw, r.ladder) for r in ex.records] == [
        ("3.2", 5, "น้ำหนัก : ร้อยละ 5", [60, 70, 80, 90, 100])]


def test_activity_table_continued_without_its_header_keeps_the_month_columns():
    # a plan table split in two by an empty paragraph (or a page): the second part has no
    # header, and an item dated only by its shaded months must keep them
    months = ["ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.",
              "ก.ย."]
    head = [["ที่", "กิจกรรม", "ระยะเวลา", "เริ่มต้น", "สิ้นสุด", "ไตรมาส 1", "", "", "ไตรมาส 2", "",
             "", "ไตรมาส 3", "", "", "ไตรมาส 4", "", "", "งบประมาณ"],
            ["", "", "", "", ""] + months + [""]]
    merges = {(0, 5): (1, 3), (0, 8): (1, 3), (0, 11): (1, 3), (0, 14): (1, 3)}
    for c in (0, 1, 2, 3, 4, 17):
        merges[(0, c)] = (2, 1)
    blank = [""] * 12
    first = table(head + [["1.1", "คัดเลือกกลุ่มอาชีพเป้าหมาย", "1 เดือน", "ต.ค. 65", "ต.ค. 65"]
                          + blank + ["30,000"],
                          ["1.2", "อบรมพัฒนาผลิตภัณฑ์", "3 เดือน", "", ""] + blank + ["150,000"]],
                  merges=merges, shaded={(2, 5), (3, 6), (3, 7), (3, 8)}, index=1)
    rest = table([["1.3", "จัดตลาดนัดผลิตภัณฑ์ชุมชน", "2 เดือน", "", ""] + blank + ["60,000"],
                  ["1.4", "ติดตามและประเมินผล", "2 เดือน", "ส.ค. 66", "ก.ย. 66"] + blank + ["20,000"]],
                 shaded={(0, 11), (0, 12), (1, 15), (1, 16)}, index=2)
    ex = extract(doc("แผนปฏิบัติการ จังหวัดอุดรธานี ประจำปีงบประมาณ พ.ศ. 2566", first, "", rest), ctx())
    assert [(r.item_no, r.start, r.end) for r in ex.records] == [
        ("1.1", "2022-10", "2022-10"), ("1.2", "2022-11", "2023-01"),
        ("1.3", "2023-04", "2023-05"), ("1.4", "2023-08", "2023-09")]


def test_ladder_rows_with_one_number_and_two_names_are_both_kept_a_repeated_table_once():
    rows = [["ตัวชี้วัด", "น้ำหนัก", "เกณฑ์การให้คะแนน", "", "", "", ""],
            ["", "", "1", "2", "3", "4", "5"],
            ["1. ร้อยละของงานบริการที่แล้วเสร็จตามกำหนด", "5", "60", "65", "70", "75", "80"],
            ["2. (ร่างเดิม) ร้อยละของเรื่องร้องเรียนที่ได้รับการแก้ไข", "9", "10", "20", "30", "40", "50"],
            ["2. ร้อยละความพึงพอใจของผู้รับบริการ", "3", "80", "82", "84", "86", "88"]]
    merges = {(0, 2): (1, 5), (0, 0): (2, 1), (0, 1): (2, 1)}
    title = "ผลการดำเนินงานตามตัวชี้วัด กรมการจัดหางาน ประจำปีงบประมาณ พ.ศ. 2566"
    ex = extract(doc(title, table(rows, merges=merges), table(rows, merges=merges, index=2)), ctx())
    assert ex.forms == ["kpi_ladder"]
    # the second `2.` is another indicator, not a repeat: it is kept (the draft line too, for the
    # officer to see); the table repeated below adds nothing
    assert [(r.item_no, r.weight) for r in ex.records] == [("1", 5), ("2", 9), ("2", 3)]


def test_a_timeline_banner_worded_like_a_duration_leaves_its_first_month_a_month():
    # `ระยะเวลาดำเนินการ พ.ศ. 2573` over the twelve months matches the duration role; its first
    # column is still October, not the duration cell
    months = ["ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.",
              "ก.ย."]
    rows = [["ที่", "กิจกรรม", "ระยะเวลาดำเนินการ พ.ศ. 2573"] + [""] * 11 + ["งบประมาณ (บาท)"],
            ["", ""] + months + [""],
            ["1", "ประชุมชี้แจง", "✓", "✓"] + [""] * 10 + ["10,000"],
            ["2", "อบรม", "", "", "✓", "✓"] + [""] * 8 + ["20,000"]]
    merges = {(0, 2): (1, 12), (0, 0): (2, 1), (0, 1): (2, 1), (0, 14): (2, 1)}
    ex = extract(doc("แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2573 จังหวัดเลย", table(rows, merges=merges)), ctx())
    assert [(r.item_no, r.start, r.end, r.duration_raw) for r in ex.records] == [
        ("1", "2029-10", "2029-11", ""), ("2", "2029-12", "2030-01", "")]


def test_a_subtotal_row_of_a_group_is_not_an_activity():
    rows = [["ที่", "กิจกรรม", "ระยะเวลาดำเนินการ", "งบประมาณ (บาท)", "ผู้รับผิดชอบ"],
            ["", "กิจกรรมที่ 1 พัฒนาศักยภาพบุคลากร", "", "", ""],
            ["1.1", "อบรมเจ้าหน้าที่", "ต.ค. - ธ.ค. 2566", "40,000", "กองแผนงาน"],
            ["1.2", "ศึกษาดูงาน", "ม.ค. 2567", "60,000", "กองแผนงาน"],
            ["", "รวมกิจกรรมที่ 1", "", "100,000", ""],
            ["2", "รวมพลังชุมชนต้านยาเสพติด", "ก.พ. 2567", "30,000", "อำเภอ"]]
    ex = extract(doc("แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2567 จังหวัดเลย", table(rows)), ctx())
    assert [(r.item_no, r.name, r.budget_thb) for r in ex.records if r.row_kind != "group"] == [
        ("1.1", "อบรมเจ้าหน้าที่", 40000), ("1.2", "ศึกษาดูงาน", 60000),
        ("2", "รวมพลังชุมชนต้านยาเสพติด", 30000)]
