"""An indicator's steps table in a KPI report (`ที่ | ขั้นตอนการดำเนินงาน | กำหนดแล้วเสร็จ |
ผลการดำเนินงาน`) reads like an activity plan's header. Right after the indicator's milestone matrix,
or under an indicator heading with step wording, it is the indicator's steps (milestones), not a
plan giving duplicate activities with DATE_MISSING; a real plan in the same file (its own title,
Gantt months, a budget or a duration) stays a plan. Documents are built as DOCX, XLSX and PDF."""
from __future__ import annotations

from datetime import date

from extract_helpers import ctx, doc, table, write_docx
from office import needs_soffice, to_pdf

from extractors import common as C
from extractors import extract
from extractors import recognize as R
from pipeline.readers import read_document
from pipeline.validate import validate

AS_OF = date(2024, 10, 15)
HDR = ["ที่", "ขั้นตอนการดำเนินงาน", "กำหนดแล้วเสร็จ", "ผลการดำเนินงาน"]
STEPS = [("แต่งตั้งคณะทำงาน", "31 ต.ค. 66", "ดำเนินการแล้วเสร็จ 20 ต.ค. 2566"),
         ("จัดทำแผนการดำเนินงาน", "31 ธ.ค. 66", "ดำเนินการแล้วเสร็จ 28 ธ.ค. 2566"),
         ("ดำเนินการตามแผน", "31 มี.ค. 67", "ดำเนินการแล้วเสร็จ 15 มี.ค. 2567"),
         ("ติดตามประเมินผล", "30 มิ.ย. 67", "อยู่ระหว่างดำเนินการ"),
         ("สรุปผลและรายงาน", "15 ก.ย. 67", "")]
DEADLINES = ["2023-10-31", "2023-12-31", "2024-03-31", "2024-06-30", "2024-09-15"]
COMPLETED = ["2023-10-20", "2023-12-28", "2024-03-15", "", ""]


def matrix_rows(n=5, mark="✓"):
    return [["ระดับคะแนน"] + [f"ขั้นตอนที่ {i}" for i in range(1, n + 1)]] + \
        [[str(lv)] + [mark if s <= lv else "" for s in range(1, n + 1)] for lv in range(1, 6)]


def steps_rows(steps=STEPS, hdr=HDR, first=1):
    return [hdr] + [[str(i), *s] for i, s in enumerate(steps, first)]


def by_type(ex, kind):
    return [r for r in ex.records if r.record_type == kind]


def check_steps(milestones, kpi_nos):
    """Five milestones per indicator, with the table's deadlines and completion dates."""
    assert sorted({m.kpi_no for m in milestones}) == sorted(kpi_nos)
    for no in kpi_nos:
        ms = sorted((m for m in milestones if m.kpi_no == no), key=lambda m: m.level)
        assert [m.level for m in ms] == [1, 2, 3, 4, 5]
        assert [str(m.deadline) for m in ms] == DEADLINES
        assert [str(m.completed or "") for m in ms] == COMPLETED


# ---------------------------------------------------------------- built files

def two_indicators():
    return ["รายงานผลการปฏิบัติราชการตามคำรับรองการปฏิบัติราชการ จังหวัดแพร่",
            "ประจำปีงบประมาณ พ.ศ. 2567 รอบ 12 เดือน",
            "ตัวชี้วัดที่ 1 ระดับความสำเร็จของการส่งเสริมผ้าหม้อห้อม", matrix_rows(), "", steps_rows(),
            "ตัวชี้วัดที่ 2 ระดับความสำเร็จของการพัฒนาแหล่งน้ำชุมชน", matrix_rows(), steps_rows()]


def test_docx_steps_tables_after_matrices_are_milestones_not_activities(tmp_path):
    path = write_docx(tmp_path / "phrae_kpi_2567.docx", two_indicators())
    ex = extract(read_document(path), ctx(name=path.name))
    findings = validate(ex, AS_OF)
    assert by_type(ex, "activity") == []
    assert len(by_type(ex, "kpi")) == 2
    check_steps(by_type(ex, "milestone"), ["1", "2"])
    assert not [f for f in findings if f.code == "DATE_MISSING"]
    assert ex.agency == "จังหวัดแพร่"


@needs_soffice
def test_pdf_steps_tables_after_matrices_are_milestones_not_activities(tmp_path):
    src = write_docx(tmp_path / "phrae_kpi_2567.docx", two_indicators())
    path = to_pdf([src], tmp_path)[0]
    ex = extract(read_document(path), ctx(name=path.name))
    assert by_type(ex, "activity") == []
    check_steps(by_type(ex, "milestone"), ["1", "2"])
    assert not [f for f in validate(ex, AS_OF) if f.code == "DATE_MISSING"]


def test_xlsx_one_indicator_a_sheet_banner_matrix(tmp_path):
    import openpyxl
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for no in (1, 2):
        ws = wb.create_sheet(f"KPI{no}")
        ws.append(["รายงานผลการปฏิบัติราชการ จังหวัดลำพูน ประจำปีงบประมาณ พ.ศ. 2567"])
        ws.append([])
        ws.append([f"ตัวชี้วัดที่ {no} ระดับความสำเร็จของงานที่ {no}"])
        ws.append([])
        ws.append(["ระดับคะแนน", "ขั้นตอนที่", None, None, None, None])
        ws.merge_cells(start_row=5, start_column=2, end_row=5, end_column=6)
        ws.append([None, 1, 2, 3, 4, 5])
        for lv in range(1, 6):
            ws.append([lv] + ["✓" if s <= lv else None for s in range(1, 6)])
        ws.append([])
        ws.append(["ลำดับ", "กิจกรรม/ขั้นตอนการดำเนินงาน", "กำหนดแล้วเสร็จ", "ผลการดำเนินงาน"])
        for i, s in enumerate(STEPS, 1):
            ws.append([i, *s])
    path = tmp_path / "lamphun_kpi_2567.xlsx"
    wb.save(path)
    ex = extract(read_document(path), ctx(name=path.name))
    assert by_type(ex, "activity") == []
    check_steps(by_type(ex, "milestone"), ["1", "2"])
    assert not [f for f in validate(ex, AS_OF) if f.code == "DATE_MISSING"]


def test_real_plans_in_a_kpi_report_stay_plans(tmp_path):
    months = ["ต.ค. 66", "พ.ย. 66", "ธ.ค. 66", "ม.ค. 67", "ก.พ. 67", "มี.ค. 67"]
    blocks = [
        "รายงานผลการปฏิบัติราชการ จังหวัดสุโขทัย ประจำปีงบประมาณ พ.ศ. 2567",
        "ตัวชี้วัดที่ 1 ระดับความสำเร็จของการพัฒนาเมืองมรดกโลก", matrix_rows(), steps_rows(),
        # a plan with its own title and Gantt months, its header worded like a steps table's
        "แผนปฏิบัติการ โครงการพัฒนาเมืองมรดกโลก ประจำปีงบประมาณ พ.ศ. 2567",
        [["ที่", "ขั้นตอนการดำเนินงาน", "ผู้รับผิดชอบ"] + months,
         ["1", "ปรับภูมิทัศน์อุทยานประวัติศาสตร์", "สนง.ท่องเที่ยว", "✓", "✓", "", "", "", ""],
         ["2", "จัดงานลอยกระทงเผาเทียนเล่นไฟ", "อบจ.", "", "✓", "", "", "", ""]],
        "ตัวชี้วัดที่ 2 ระดับความสำเร็จของการพัฒนาแหล่งน้ำชุมชน", matrix_rows(), steps_rows(),
        # a plan with a budget right after an indicator's steps, with no title of its own
        [["ที่", "ขั้นตอนการดำเนินงาน", "ระยะเวลา", "งบประมาณ (บาท)", "ผู้รับผิดชอบ"],
         ["1", "ขุดลอกหนองน้ำสาธารณะ", "ต.ค. 66 - ธ.ค. 66", "300,000", "อำเภอ"],
         ["2", "ก่อสร้างฝายชะลอน้ำ", "ม.ค. 67 - มี.ค. 67", "150,000", "อำเภอ"]],
    ]
    path = write_docx(tmp_path / "sukhothai_mixed_2567.docx", blocks)
    ex = extract(read_document(path), ctx(name=path.name))
    acts = by_type(ex, "activity")
    assert [(a.name, str(a.end)) for a in acts] == [
        ("ปรับภูมิทัศน์อุทยานประวัติศาสตร์", "2023-11"), ("จัดงานลอยกระทงเผาเทียนเล่นไฟ", "2023-11"),
        ("ขุดลอกหนองน้ำสาธารณะ", "2023-12"), ("ก่อสร้างฝายชะลอน้ำ", "2024-03")]
    assert [a.budget_thb for a in acts[2:]] == [300000, 150000]
    check_steps(by_type(ex, "milestone"), ["1", "2"])


def test_steps_table_continued_with_its_header_repeated(tmp_path):
    blocks = ["รายงานผลการปฏิบัติราชการ สำนักงานเกษตรจังหวัดน่าน ประจำปีงบประมาณ พ.ศ. 2567",
              "ตัวชี้วัดที่ 4 ระดับความสำเร็จของการส่งเสริมเกษตรปลอดภัย", matrix_rows(5, "/"),
              steps_rows(STEPS[:3]), "(ต่อ)", steps_rows(STEPS[3:], first=4)]
    path = write_docx(tmp_path / "nan_agri_split_2567.docx", blocks)
    ex = extract(read_document(path), ctx(name=path.name))
    findings = validate(ex, AS_OF)
    assert by_type(ex, "activity") == []
    check_steps(by_type(ex, "milestone"), ["4"])
    assert not [f for f in findings if f.code in ("DATE_MISSING", "MILESTONE_MISSING")]


# ---------------------------------------------------------------- the rule on built Documents

def test_steps_table_under_a_heading_without_a_matrix_of_its_own():
    # the second indicator writes its levels in a line, then its steps: the heading and the
    # table's step wording make it the indicator's steps (the document is a KPI report)
    d = doc("รายงานผลการปฏิบัติราชการ จังหวัดพะเยา ประจำปีงบประมาณ พ.ศ. 2567",
            "ตัวชี้วัดที่ 1 ระดับความสำเร็จของงานหนึ่ง", table(matrix_rows()), table(steps_rows()),
            "ตัวชี้วัดที่ 2 ระดับความสำเร็จของงานสอง",
            "เกณฑ์การให้คะแนน : ระดับ 1 ดำเนินการขั้นตอนที่ 1 ระดับ 5 ดำเนินการครบทุกขั้นตอน",
            table(steps_rows()))
    assert R.recognize(d) == []
    ex = extract(d, ctx())
    assert by_type(ex, "activity") == []
    check_steps(by_type(ex, "milestone"), ["1", "2"])


def test_plan_with_step_words_in_a_document_that_is_no_kpi_report_stays_a_plan():
    d = doc("แผนการดำเนินงาน สำนักงานจังหวัดพะเยา ประจำปีงบประมาณ พ.ศ. 2567",
            "ตัวชี้วัดที่ 1 ร้อยละของหมู่บ้านที่ผ่านเกณฑ์", table(steps_rows()))
    assert [i.form for i in R.recognize(d)] == ["activity_plan"]
    ex = extract(d, ctx())
    assert len(by_type(ex, "activity")) == 5
    assert by_type(ex, "milestone") == []


def test_table_with_a_period_after_a_matrix_is_the_steps():
    # a period column (`ต.ค. 66 - ธ.ค. 66`) gives each step its end as the deadline: the steps
    # are milestones, not a plan repeating them as activities
    rows = [["ขั้นตอนที่", "ขั้นตอนการดำเนินงาน", "ระยะเวลาดำเนินการ", "ผลการดำเนินงาน"]] + \
        [[str(i), s[0], "ต.ค. 66 - " + s[1].split(" ", 1)[1], s[2]] for i, s in enumerate(STEPS, 1)]
    d = doc("รายงานผลการปฏิบัติราชการ จังหวัดอุตรดิตถ์ ประจำปีงบประมาณ พ.ศ. 2567",
            "ตัวชี้วัดที่ 2 ระดับความสำเร็จของการพัฒนาคุณภาพชีวิต", table(matrix_rows()), table(rows))
    assert R.recognize(d) == []
    ex = extract(d, ctx())
    assert by_type(ex, "activity") == []
    ms = sorted(by_type(ex, "milestone"), key=lambda m: m.level)
    assert [m.deadline for m in ms] == ["2023-10-31", "2023-12-31", "2024-03-31", "2024-06-30", "2024-09-30"]
    assert [m.deadline_raw for m in ms] == [r[2] for r in rows[1:]]
    assert [str(m.completed or "") for m in ms] == COMPLETED


def test_plan_title_between_matrix_and_table_keeps_the_plan():
    d = doc("รายงานผลการปฏิบัติราชการ จังหวัดแพร่ ประจำปีงบประมาณ พ.ศ. 2567",
            "ตัวชี้วัดที่ 1 ระดับความสำเร็จของงานหนึ่ง", table(matrix_rows()),
            "แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2567", table(steps_rows()))
    assert [i.form for i in R.recognize(d)] == ["activity_plan"]


def test_levels_citing_steps_with_the_steps_in_a_table_are_a_kpi_report():
    # `ระดับ 3 : ขั้นตอนที่ 1-3` lines under a `KPI 3 :` heading, the steps in a table with a
    # `ขั้นตอนที่` column: a milestone indicator with no tick matrix, not a form-less document
    levels = ["ระดับ 1 : ขั้นตอนที่ 1"] + [f"ระดับ {lv} : ขั้นตอนที่ 1-{lv}" for lv in range(2, 6)]
    for hdr in (["ขั้นตอนที่", "รายละเอียดการดำเนินงาน", "กำหนดแล้วเสร็จ", "ผลการดำเนินงาน"], HDR):
        d = doc("รายงานผลการดำเนินงาน สำนักงานพัฒนาชุมชนจังหวัดพะเยา ประจำปีงบประมาณ พ.ศ. 2567",
                "KPI 3 : ระดับความสำเร็จของการส่งเสริมวิสาหกิจชุมชน", "เกณฑ์การให้คะแนน", *levels,
                table(steps_rows(hdr=hdr)))
        assert R.is_kpi_report(d, "\n".join(C.doc_text_lines(d)))
        ex = extract(d, ctx())
        assert by_type(ex, "activity") == []
        check_steps(by_type(ex, "milestone"), ["3"])
        assert not [f for f in validate(ex, AS_OF) if f.code in ("DATE_MISSING", "NO_FORM_FOUND")]


def test_level_lines_without_steps_table_are_no_kpi_report():
    levels = ["ระดับ 1 : ขั้นตอนที่ 1"] + [f"ระดับ {lv} : ขั้นตอนที่ 1-{lv}" for lv in range(2, 6)]
    # the levels cite steps the document never lists: no steps table, no KPI report
    d = doc("รายงานผลการดำเนินงาน จังหวัดพะเยา ประจำปีงบประมาณ พ.ศ. 2567",
            "KPI 3 : ระดับความสำเร็จของการส่งเสริมวิสาหกิจชุมชน", *levels,
            table([["ที่", "กิจกรรม", "ระยะเวลา", "งบประมาณ"], ["1", "อบรม", "ต.ค. 66", "1,000"]]))
    assert not R.is_kpi_report(d, "\n".join(C.doc_text_lines(d)))
