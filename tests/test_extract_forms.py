"""Extractors on Documents built in code: the awkward layouts real submissions have."""
from __future__ import annotations

from extract_helpers import ctx, doc, table
from hypothesis import HealthCheck, given, settings, strategies as st

from extractors import extract
from extractors import common as C
from extractors.activity_plan import settle_months
from extractors.kpi_ladder import split_run

F72_HEADER = ["แผนพัฒนาองค์การ", "มิติด้าน", "ตัวชี้วัด KPI", "ข้อมูล ปัจจุบัน", "เป้าหมาย Target",
              "น้ำหนัก คะแนน", "เกณฑ์การ ให้คะแนน", ""]
ACT_HEADER = ["กิจกรรม/ขั้นตอน", "ระยะเวลา", "เริ่มต้น", "สิ้นสุด", "ปีงบประมาณ 2553"] + [""] * 11 + \
    ["ผลผลิต/ ดัชนีความก้าวหน้า", "ผู้รับผิดชอบ", "ผู้เกี่ยวข้อง", "งบประมาณ"]
MONTHS = ["ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย."]


def kpis(ex):
    return [r for r in ex.records if r.record_type == "kpi"]


def act_row(name, dur="", start="", end="", ticks=(), output="", resp="", related="", budget=""):
    months = ["✓" if i in ticks else "" for i in range(12)]
    return [name, dur, start, end] + months + [output, resp, related, budget]


def act_table(rows, header=ACT_HEADER, months=MONTHS, **kw):
    return table([header, [""] * 4 + months + [""] * 4] + rows,
                 merges=kw.pop("merges", {(0, 4): (1, 12)}), **kw)


# ------------------------------------------------------------------------------ form72

def test_form72_reordered_columns_glosses_and_ladder_in_one_cell():
    t = table([
        ["KPI ตัวชี้วัด", "Weight น้ำหนัก", "Target เป้าหมาย", "Baseline ข้อมูลพื้นฐาน", "มิติ",
         "เกณฑ์การให้คะแนน Scoring"],
        ["1. ร้อยละของเรื่องที่แล้วเสร็จ", "0.25", "90%", "85%", "7.1 ด้านประสิทธิผล",
         "ร้อยละ 70 = 1 คะแนน\nร้อยละ 75 = 2 คะแนน\nร้อยละ 80 = 3 คะแนน\nร้อยละ 85 = 4 คะแนน\nร้อยละ 90 = 5 คะแนน"],
    ])
    ex = extract(doc("แบบฟอร์มที่ 7.2", t), ctx())
    assert ex.forms == ["form72"]
    (k,) = kpis(ex)
    assert (k.item_no, k.name, k.dimension) == ("1", "ร้อยละของเรื่องที่แล้วเสร็จ", "7.1")
    assert (k.baseline, k.target, k.unit, k.weight) == (85, 90, "%", 0.25)
    assert k.ladder == [70, 75, 80, 85, 90]
    assert k.direction == "higher"
    assert k.ladder_raw.count(" | ") == 4


def test_form72_ladder_in_separate_cells_with_repeated_level_and_empty_dimensions():
    rows = [F72_HEADER,
            ["1. แผนหมวด 3 กิจกรรมหลัก", "7.1 ด้านประสิทธิผล", "", "", "", "", "", ""],
            ["", "7.2 ด้านคุณภาพการให้บริการ", "1. ร้อยละความไม่พึงพอใจของผู้รับบริการ", "-", "100%",
             "0.5", "60%", "1 คะแนน"]]
    for lvl, thr in ((2, 65), (3, 70), (4, 75), (4, 75), (5, 80)):
        rows.append(["", "", "", "", "", "", f"{thr}%", f"{lvl} คะแนน"])
    rows.append(["", "7.3 ด้านประสิทธิภาพ", "", "", "", "", "", ""])
    ex = extract(doc(table(rows, merges={(1, 0): (len(rows) - 1, 1)})), ctx())
    (k,) = kpis(ex)
    assert k.baseline is None and k.baseline_raw == "-"
    assert k.ladder == [60, 65, 70, 75, 80]
    assert [lvl for lvl, _ in k.ladder_levels_raw] == [1, 2, 3, 4, 4, 5]
    assert k.direction == "lower"                       # ไม่พึงพอใจ is a lower-is-better word
    assert k.plan == "1. แผนหมวด 3 กิจกรรมหลัก"
    dims = {(d.dimension, d.indicator_count) for d in ex.dimensions}
    assert dims == {("7.1", 0), ("7.2", 1), ("7.3", 0)}


def test_form72_plan_split_over_rows_and_rows_shifted_left_at_the_end():
    rows = [F72_HEADER,
            ["1. แนวนโยบาย 2 :", "7.1 ด้านประสิทธิผล", "1.ร้อยละของแผนงาน", "-", "100%", "0.5", "60%", "1 คะแนน"],
            ["การพัฒนาการวางแผน", "", "", "", "", "", "65%", "2 คะแนน"],
            ["1. เชิงยุทธศาสตร์", "", "", "", "", "", "70%", "3 คะแนน"],
            # the export lost the leading empty cells of the last rows
            ["75%", "4 คะแนน", "", "", "", "", "", ""],
            ["80%", "5 คะแนน", "", "", "", "", "", ""],
            ["7.4 ด้านการพัฒนาองค์การ", "", "", "", "", "", "", ""]]
    ex = extract(doc(table(rows, page=1), fmt="pdf"), ctx())
    (k,) = kpis(ex)
    assert k.plan == "1. แนวนโยบาย 2 : การพัฒนาการวางแผน 1. เชิงยุทธศาสตร์"
    assert k.ladder == [60, 65, 70, 75, 80]
    assert [d.dimension for d in ex.dimensions] == ["7.1", "7.4"]
    assert k.page == 1 and k.table == 1 and k.row == 1


def test_form72_five_level_columns():
    t = table([["ตัวชี้วัด", "น้ำหนัก", "เป้าหมาย", "เกณฑ์การให้คะแนน", "", "", "", ""],
               ["", "", "", "1", "2", "3", "4", "5"],
               ["1. จำนวนเรื่องร้องเรียน", "1", "10", "20", "15", "10", "5", "0"]],
              merges={(0, 3): (1, 5)})
    (k,) = kpis(extract(doc(t), ctx()))
    assert k.ladder == [20, 15, 10, 5, 0]
    assert k.direction == "lower"


# ------------------------------------------------------------------------------ activity plan

def test_activity_plan_hierarchy_groups_and_ditto_marks():
    t = act_table([
        act_row("1.2 จัดประชุมคณะทำงาน", "1 เดือน", "ม.ค. 53", "ม.ค. 53", output="- เอกสาร",
                resp="คณะทำงานฯ", related="ทุกส่วนราชการ", budget="30,000"),
        act_row("(1) กลุ่มผู้รับบริการ", "1 เดือน", "〃", "〃", resp='"', related="〃", budget='-"-'),
        act_row("(2) ช่องทางการรับฟัง", "1 เดือน", "ก.พ. 53", "ก.พ. 53", resp="”", related='"',
                budget="ในม."),
        ["กิจกรรมที่ 2 การปรับปรุงคุณภาพการให้บริการ 150,000 บาท"] + [""] * 19,
        act_row("1. ส่วนราชการดำเนินการ", "3 เดือน", "มิ.ย. 53", "ส.ค. 53", resp="สนจ.", budget="50,000"),
        act_row("2. ส่วนราชการจัดกิจกรรม", "2 เดือน", "มิ.ย. 53", "ก.ค. 53", resp='"', budget='"'),
    ])
    ex = extract(doc(t), ctx())
    recs = {(r.parent_item, r.item_no): r for r in ex.records}
    assert set(recs) == {("", "1.2"), ("1.2", "(1)"), ("1.2", "(2)"), ("", "2"), ("2", "1"), ("2", "2")}
    one = recs[("1.2", "(1)")]
    assert (one.responsible, one.related, one.budget_thb, one.start, one.end) == \
        ("คณะทำงานฯ", "ทุกส่วนราชการ", 30000, "2010-01", "2010-01")
    two = recs[("1.2", "(2)")]
    assert two.responsible == "คณะทำงานฯ" and two.budget_thb is None and two.budget_raw == "ในม."
    group = recs[("", "2")]
    assert group.row_kind == "group" and group.budget_thb == 150000
    assert group.name == "การปรับปรุงคุณภาพการให้บริการ"
    (bg,) = ex.budget_groups
    assert (bg.item_no, bg.total_thb, bg.member_items) == ("2", 150000, ["1", "2"])
    assert recs[("2", "2")].budget_thb == 50000 and recs[("2", "2")].responsible == "สนจ."
    assert recs[("2", "1")].deadline == "2010-08-31"
    assert all(r.fiscal_year == 2553 for r in ex.records)


def test_activity_plan_ambiguous_months_settled_from_duration_and_neighbour():
    t = act_table([
        act_row("(3) ระบบการจัดการเรื่องร้องเรียน", "2 เดือน", "ก.พ. 53", "มิ.ค. 53"),
        act_row("(4) แนวทางการสร้างเครือข่าย", "2 เดือน", "มิ.ค. 53", "เม.ย. 53"),
        act_row("(5) สรุปผล", "1 เดือน", "ไม่ระบุ", "ก.ย. 53"),
    ])
    ex = extract(doc(t), ctx())
    r3, r4, r5 = ex.records
    assert (r3.start, r3.end, r3.end_status) == ("2010-02", "2010-03", "corrected")
    assert r3.date_notes and r3.date_notes[0][:2] == ("end", "มิ.ค. 53")
    assert (r4.start, r4.end, r4.start_status) == ("2010-03", "2010-04", "corrected")
    assert r5.start == "" and r5.start_status == "invalid" and r5.start_raw == "ไม่ระบุ"
    assert not r5.date_notes                 # unparseable is a status, not a correction


def test_activity_plan_gantt_ticks_shading_and_misspelt_month_headers():
    months = ["ก.ค.", "พ.ค.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย."]
    rows = [act_row("1. ประชุม", "3 เดือน", ticks=(0, 1, 2)),   # ต.ค.–ธ.ค. 52 from ticks
            act_row("2. ติดตามผล", "2 เดือน")]
    t = act_table(rows, months=months, shaded={(3, 4 + 10), (3, 4 + 11)})
    ex = extract(doc(t), ctx())
    a, b = ex.records
    assert a.planned_months == "2009-10;2009-11;2009-12"
    assert (a.start, a.end) == ("2009-10", "2009-12")
    assert b.planned_months == "2010-08;2010-09" and (b.start, b.end) == ("2010-08", "2010-09")


def test_activity_plan_continued_table_with_repeated_header_is_one_plan():
    t1 = act_table([["กิจกรรมที่ 1 การวางแผน 60,000 บาท"] + [""] * 19,
                    act_row("1. จัดประชุม", "1 เดือน", "ม.ค. 53", "ม.ค. 53", resp="สนจ.", budget="30,000")])
    t2 = act_table([act_row("2. ติดตามผล", "1 เดือน", "ก.พ. 53", "ก.พ. 53", resp='"', budget='"')])
    ex = extract(doc(t1, "หน้า 2", t2), ctx())
    assert ex.forms == ["activity_plan"]
    last = ex.records[-1]
    assert (last.parent_item, last.responsible, last.budget_thb, last.table) == ("1", "สนจ.", 30000, 2)
    assert ex.budget_groups[0].member_items == ["1", "2"]


def test_activity_plan_trailing_cells_shifted_right_are_realigned():
    rows = [act_row("1. ประชุม", "1 เดือน", "ม.ค. 53", "ม.ค. 53"),
            act_row("2. ติดตาม", "1 เดือน", "ก.พ. 53", "ก.พ. 53")]
    rows = [r + ["", ""] for r in rows]
    rows[0][-6:] = ["", "- รายงาน", "สนจ.", "34 หน่วยงาน", "20,000", ""][0:6]
    rows[0] = rows[0][:16] + ["↓", "", "- รายงาน", "สนจ.", "34 หน่วยงาน", "20,000"]
    rows[1] = rows[1][:16] + ["↓", "", "- ผล", '"', '"', "20,000"]
    header = ACT_HEADER + ["", ""]
    t = act_table(rows, header=header)
    ex = extract(doc(t), ctx())
    a, b = ex.records
    assert (a.output, a.responsible, a.related, a.budget_thb) == ("- รายงาน", "สนจ.", "34 หน่วยงาน", 20000)
    assert (b.output, b.responsible, b.budget_thb) == ("- ผล", "สนจ.", 20000)


def test_approval_block_after_the_plan():
    t = act_table([act_row("1. ประชุม", "1 เดือน", "ม.ค. 53", "ม.ค. 53")])
    ex = extract(doc(t, "พิจารณาเห็นชอบดำเนินการ", "ลงนาม ณ วันที่ 15 ตุลาคม 2552",
                     "(นายสมชาย ใจดี)", "รองผู้ว่าราชการจังหวัดระยอง ปฏิบัติราชการแทน",
                     "ผู้ว่าราชการจังหวัดระยอง"), ctx())
    (ap,) = ex.approvals
    assert ap.signatory == "นายสมชาย ใจดี"
    assert ap.position.startswith("รองผู้ว่าราชการจังหวัดระยอง")
    assert ap.date == "2009-10-15"
    assert ex.agency == "จังหวัดระยอง"
    unsigned = extract(doc(t, "พิจารณาเห็นชอบดำเนินการ", "ลงนาม.....", "(ผู้รับมอบอำนาจ)"), ctx())
    assert unsigned.approvals[0].signatory == "" and unsigned.approvals[0].date == ""


def test_settle_months_by_column_order():
    assert settle_months([[7], [5], [12], [1], [2], [3], [4], [5], [6], [7], [8], [9]]) == \
        [10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9]
    # a missing August column: the others keep their months
    assert settle_months([[10], [11], [12], [1], [2], [3], [4], [5], [6], [7], [9]])[-2:] == [7, 9]


# ------------------------------------------------------------------------------ recognition

def test_unrelated_tables_are_not_forms():
    t = table([["ชื่อ", "ที่อยู่", "โทรศัพท์"], ["นายก", "ระยอง", "038"]])
    ex = extract(doc("บันทึกข้อความ", t), ctx(fiscal_year=2555))
    assert ex.forms == [] and ex.records == []
    assert ex.fiscal_year == 2555 and ex.agency == "agency"


def test_header_matching_tolerates_wrapping_and_glosses():
    roles = C.vocab("activity_plan")
    assert C.match_role("ผู้รับ\nผิดชอบ", roles)[0] == "responsible"
    assert C.match_role("ผลผลิต/ ดัชนีชี้วัดความสำเร็จ", roles)[0] == "output"
    assert C.match_role("งบม.", roles)[0] == "budget"
    assert C.match_role("ปีงบประมาณ 2553", roles)[0] == "gantt"
    assert C.match_role("เป้าหมาย Target", C.vocab("form72"))[0] == "target"
    assert C.match_role("นายสมชาย", roles)[0] == ""
    # marks after the wrong consonant, as PDF export leaves them
    assert C.match_role("ผูร้บัผดิชอบ", roles)[0] == "responsible"
    assert C.match_role("เรมิ่ตน้", roles)[0] == "start"
    assert C.match_role("มติดิา้น", C.vocab("form72"))[0] == "dimension"


def test_item_numbers():
    assert C.split_item("๔. ถ่ายทอดแผน").number == "4"
    assert C.split_item("(1) กลุ่มผู้รับบริการ").number == "(1)"
    assert C.split_item("กิจกรรมที่ 2 การปรับปรุง").kind == "group"
    assert C.split_item("1.2 จัดประชุม").number == "1.2"
    assert C.split_item("60 วัน").kind == ""
    assert C.split_item("5 คะแนน").kind == ""
    assert C.split_item("1 . 2 ประชุม").number == "1.2"       # spaces in the number dropped
    assert C.split_item("12 จัดอบรม").number == "12"


def test_ditto_marks():
    for mark in ('"', " 〃 ", '-"-', "- “ -", "”””", "〃\n〃", "''", "=\"="):
        assert C.is_ditto(mark), mark
    for text in ("", "   ", "-", "จัดประชุม", '"จัดประชุม"', "1,000"):
        assert not C.is_ditto(text), text


# ------------------------------------------------------------------------------ kpi_report / kpi_ladder

def test_kpi_report_matrix_steps_deadlines_and_results():
    matrix = table([["ระดับคะแนน", "ระดับขั้นของความสำเร็จ (Milestone)", "", ""],
                    ["", "ขั้นตอนที่ 1", "ขั้นตอนที่ 2", "ขั้นตอนที่ 3"],
                    ["1", "✓", "", ""], ["2", "✓", "✓", ""], ["3", "✓", "✓", "✓"],
                    ["4", "✓", "✓", "✓"], ["5", "✓", "✓", "✓"]], merges={(0, 1): (1, 3)})
    steps = table([["ขั้นตอนที่ 1 :", "สำรวจงานบริการ"],
                   ["ขั้นตอนที่ 2 :", "จัดทำแผนให้แล้วเสร็จภายในวันที่ 31 มีนาคม พ.ศ.2549"],
                   ["ขั้นตอนที่ 3 :", "เปิดศูนย์ได้ภายในปีงบประมาณ พ.ศ.2549 ไม่น้อยกว่าร้อยละ 60"]])
    ex = extract(doc("มิติที่ 2 ด้านคุณภาพการให้บริการ", "ชื่อตัวชี้วัดที่ 7 : ระดับความสำเร็จของการจัดตั้งศูนย์",
                     "ผู้กำกับดูแลตัวชี้วัด : นายก", "เบอร์ติดต่อ : 0-1959-3489", "เบอร์ติดต่อ : 0-3168-2322",
                     "เกณฑ์การให้คะแนน :", matrix, "โดยที่ :", steps), ctx())
    assert ex.forms == ["kpi_report"]
    k = ex.records[0]
    assert (k.item_no, k.dimension, k.supervisor, k.phones) == ("7", "2", "นายก", "0-1959-3489;0-3168-2322")
    ms = ex.records[1:]
    assert [(m.item_no, m.level, m.deadline) for m in ms] == \
        [("1", 1, ""), ("2", 2, "2006-03-31"), ("3", 3, "2006-09-30")]
    assert (ms[2].target, ms[2].unit, ms[2].status) == (60, "%", "unknown")
    (mx,) = ex.matrices
    assert mx.levels[4] == [1, 2, 3] and mx.steps_defined == [1, 2, 3]
    assert ex.fiscal_year == 2549


def test_kpi_ladder_from_slide_text():
    text = ("ตัวชี้วัดที่ 2 ระดับความสำเร็จของการจัดทำข้อตกลงระดับการให้บริการ (น้ำหนัก ร้อยละ 10) "
            "เกณฑ์การประเมิน กลุ่มที่ 1 แยกเป็น 3 ตัวชี้วัดย่อย ดังนี้ ตัวชี้วัด เกณฑ์การให้คะแนน น้ำหนัก "
            "1.1 รายงานความก้าวหน้า 1 1.2 ร้อยละ (เฉลี่ย) ผลสำเร็จของการปรับปรุงกระบวนงาน 5 "
            "1.3 ร้อยละความพึงพอใจของผู้รับบริการ 4 รวม 10 ระดับคะแนน (ร้อยละ) 1 2 3 4 5 "
            "ผลสำเร็จของการปรับปรุงบริการฯ (เฉลี่ย) 60 70 80 90 100 ระดับคะแนน (ร้อยละ) 1 2 3 4 5 "
            "ผลสำรวจความพึงพอใจ 65 70 75 80 85")
    ex = extract(doc("ประจำปีงบประมาณ พ.ศ. 2558", text), ctx())
    assert ex.forms == ["kpi_ladder"] and ex.fiscal_year == 2558
    by = {r.item_no: r for r in ex.records}
    assert by["2"].weight == 10
    assert [(by[n].weight, by[n].parent_item, by[n].plan) for n in ("1.1", "1.2", "1.3")] == \
        [(1, "2", "กลุ่มที่ 1"), (5, "2", "กลุ่มที่ 1"), (4, "2", "กลุ่มที่ 1")]
    assert by["1.2"].ladder == [60, 70, 80, 90, 100]
    assert by["1.3"].ladder == [65, 70, 75, 80, 85]
    (wg,) = ex.weight_groups
    assert (wg.stated_total, wg.member_items) == (10, ["1.1", "1.2", "1.3"])


def test_split_run_recovers_ladders_that_lost_their_spaces():
    assert split_run("60708090100") == [60, 70, 80, 90, 100]
    assert split_run("6570758085") == [65, 70, 75, 80, 85]
    assert split_run("12345") == [1, 2, 3, 4, 5]
    assert split_run("0-1959-3489") is None


def test_activity_plan_period_in_one_cell():
    header = ["กิจกรรม", "ระยะเวลาดำเนินการ", "งบประมาณ", "ผู้รับผิดชอบ"]
    t = table([header,
               ["1. ประชุมชี้แจง", "ต.ค. 52 - ธ.ค. 52", "10,000", "สนจ."],
               ["2. ติดตามผล", "2 เดือน", "5,000", '"']])
    ex = extract(doc("ประจำปีงบประมาณ พ.ศ. 2553", t), ctx())
    a, b = ex.records
    assert (a.start, a.end, a.deadline, a.duration_months) == ("2009-10", "2009-12", "2009-12-31", None)
    assert (b.start, b.end, b.duration_months, b.responsible) == ("", "", 2, "สนจ.")


def _permute_blocks(t, blocks, order):
    """The same table with its column blocks (lists of columns) in another order."""
    from schemas import Cell, Table
    new_col = {}
    pos = 0
    for b in order:
        for k, c in enumerate(blocks[b]):
            new_col[c] = pos + k
        pos += len(blocks[b])
    cells = [Cell(row=c.row, col=new_col[c.col], text=c.text, raw=c.raw, rowspan=c.rowspan,
                  colspan=c.colspan, shaded=c.shaded) for c in t.cells]
    return Table(cells=cells, n_rows=t.n_rows, n_cols=t.n_cols, index=t.index)


def test_activity_plan_columns_in_any_order_give_the_same_records():
    rows = [act_row("1. ประชุม", "1 เดือน", "ต.ค. 52", "ต.ค. 52", ticks=(0,), output="- รายงาน",
                    resp="สนจ.", related="อำเภอ", budget="10,000"),
            act_row("2. ติดตาม", "2 เดือน", "มิ.ค. 53", "เม.ย. 53", ticks=(5, 6), output="- ผล",
                    resp='"', related='"', budget="ในม.")]
    base = act_table(rows)
    blocks = [[0], [1], [2], [3], list(range(4, 16)), [16], [17], [18], [19]]
    fields = ("item_no", "name", "duration_months", "start", "end", "planned_months", "output",
              "responsible", "related", "budget_thb", "budget_raw", "start_status")
    want = [tuple(getattr(r, f) for f in fields) for r in extract(doc(base), ctx()).records]
    assert want[1][3] == "2010-03" and want[1][9] is None
    for order in ([8, 7, 6, 5, 4, 3, 2, 1, 0], [4, 0, 2, 3, 1, 5, 8, 6, 7], [1, 0, 5, 6, 7, 8, 4, 3, 2]):
        t = _permute_blocks(base, blocks, order)
        got = [tuple(getattr(r, f) for f in fields) for r in extract(doc(t), ctx()).records]
        assert got == want, order


def test_form72_columns_in_any_order_give_the_same_records():
    rows = [F72_HEADER,
            ["1. แผนหมวด 3", "7.1 ด้านประสิทธิผล", "1. ร้อยละของเรื่องที่แล้วเสร็จ", "80%", "90%", "0.5",
             "60%", "1 คะแนน"]]
    for lvl, thr in ((2, 65), (3, 70), (4, 75), (5, 80)):
        rows.append(["", "", "", "", "", "", f"{thr}%", f"{lvl} คะแนน"])
    base = table(rows, merges={(0, 6): (1, 2), (1, 0): (5, 1), (1, 1): (5, 1), (1, 2): (5, 1),
                               (1, 3): (5, 1), (1, 4): (5, 1), (1, 5): (5, 1)})
    fields = ("item_no", "name", "plan", "dimension", "baseline", "target", "weight", "ladder")
    want = [tuple(getattr(r, f) for f in fields) for r in extract(doc(base), ctx()).records]
    assert want and want[0][7] == [60, 65, 70, 75, 80]
    blocks = [[0], [1], [2], [3], [4], [5], [6, 7]]
    for order in ([6, 5, 4, 3, 2, 1, 0], [2, 1, 0, 6, 3, 4, 5]):
        t = _permute_blocks(base, blocks, order)
        got = [tuple(getattr(r, f) for f in fields) for r in extract(doc(t), ctx()).records]
        assert got == want, order


def test_group_totals_written_in_other_ways():
    t = act_table([["กิจกรรมหลักที่ 1 : พัฒนาระบบ (งบประมาณ 1.5 ล้านบาท)"] + [""] * 19,
                   act_row("1.1 จัดซื้อ", "1 เดือน", "ต.ค. 52", "ต.ค. 52", budget="1,500,000")])
    ex = extract(doc(t), ctx())
    g, item = ex.records
    assert (g.row_kind, g.item_no, g.name, g.budget_thb) == ("group", "1", "พัฒนาระบบ", 1500000)
    assert item.parent_item == "1" and ex.budget_groups[0].member_items == ["1.1"]


def test_a_memo_that_mentions_indicators_is_not_a_form():
    ex = extract(doc("บันทึกข้อความ เรื่อง การรายงานผลตัวชี้วัดที่ 2 ตามคำรับรองการปฏิบัติราชการ",
                     "ขอให้ส่งรายงานตามเกณฑ์การให้คะแนนและน้ำหนักที่กำหนด ภายในวันที่ 15 ตุลาคม 2552",
                     "ขั้นตอนที่ 1 และขั้นตอนที่ 2 ให้รายงานผู้กำกับดูแลตัวชี้วัด"), ctx())
    assert ex.forms == [] and ex.records == []


def test_ditto_date_repeats_a_corrected_date_without_a_second_note():
    t = act_table([act_row("1. ประชุม", "2 เดือน", "ก.พ. 53", "มิ.ค. 53"),
                   act_row("2. ติดตาม", "2 เดือน", '"', '"')])
    a, b = extract(doc(t), ctx()).records
    assert (a.end, b.start, b.end) == ("2010-03", "2010-02", "2010-03")
    assert len(a.date_notes) == 1 and b.date_notes == []


def test_agency_and_fiscal_year_from_the_text():
    assert C.find_agency("รองผู้ว่าราชการจังหวัดระยอง ปฏิบัติราชการแทนผู้ว่าราชการจังหวัดระยอง") == "จังหวัดระยอง"
    assert C.find_agency("ประสานจังหวัดชลบุรี แผนของสำนักงานจังหวัดน่าน จังหวัดน่าน") == "จังหวัดน่าน"
    assert C.find_agency("กรมการปกครอง กระทรวงมหาดไทย") == "กรมการปกครอง"
    assert C.find_agency("ภายในจังหวัด การจัดทำแผน") == ""
    assert C.find_fiscal_year("ตามแผนพัฒนาองค์การประจำปีงบประมาณ พ.ศ. ๒๕๕๓") == 2553
    assert C.find_fiscal_year("ต่อเนื่องจากปีงบประมาณ พ.ศ. 2557 ในปีงบประมาณ พ.ศ. 2558 ปีงบประมาณ พ.ศ. 2558") == 2558
    assert C.find_fiscal_year("ไม่มีปี") is None


def test_an_agency_of_its_own_named_in_the_title_is_not_its_province():
    fa = C.find_agency
    assert fa("แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2570\nองค์การบริหารส่วนจังหวัดนครสวรรค์\n"
              "ประชาชนในจังหวัดนครสวรรค์ จังหวัดนครสวรรค์") == "องค์การบริหารส่วนจังหวัดนครสวรรค์"
    assert fa("แผนปฏิบัติราชการ ปี 2567 ของสำนักงานสาธารณสุขจังหวัดเชียงราย") == "สำนักงานสาธารณสุขจังหวัดเชียงราย"
    assert fa("แผนปฏิบัติการ ที่ว่าการอำเภอบ้านผือ จังหวัดอุดรธานี") == "อำเภอบ้านผือ"
    assert fa("อำเภอแม่สาย จังหวัดเชียงราย\nแผนปฏิบัติการ") == "อำเภอแม่สาย"
    assert fa("ตัวชี้วัด โรงพยาบาลศูนย์สกลนคร จังหวัดสกลนคร ปีงบประมาณ 2565") == "โรงพยาบาลศูนย์สกลนคร"
    assert fa("แผนปฏิบัติการ องค์การบริหารส่วนตำบลบ้านเป็ด อำเภอเมือง จังหวัดขอนแก่น") == \
        "องค์การบริหารส่วนตำบลบ้านเป็ด"
    assert fa("แผนการดำเนินงาน ประจำปีงบประมาณ 2566\nเทศบาลนครแม่สอด จังหวัดตาก") == "เทศบาลนครแม่สอด"
    assert fa("แบบฟอร์ม 7.2 สำนักงานเขตพื้นที่การศึกษาประถมศึกษาบุรีรัมย์ เขต 1") == \
        "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาบุรีรัมย์ เขต 1"
    # the province's own plan: its offices are named in the table, a district inside a word
    assert fa("แผนปฏิบัติราชการ สำนักงานจังหวัดระยอง\nกิจกรรม\tสำนักงานเกษตรจังหวัดระยอง") == "จังหวัดระยอง"
    assert fa("แผนปฏิบัติการ อำเภอแม่สาย จังหวัดเชียงราย") == "อำเภอแม่สาย"
    assert fa("โครงการในพื้นที่อำเภอเมือง ของจังหวัดระยอง") == "จังหวัดระยอง"
    assert fa("แบบฟอร์ม 7.2 จังหวัดระยอง\nก\nข\nค\nง\nองค์การบริหารส่วนจังหวัดระยอง") == "จังหวัดระยอง"
    # a title line ending on ที่ว่าการอำเภอ: the department on the next line is not a district
    assert fa("แผนปฏิบัติการ โครงการยกระดับการให้บริการของที่ว่าการอำเภอ\nกรมการปกครอง กระทรวงมหาดไทย"
              " ประจำปีงบประมาณ พ.ศ. ๒๕๖๗") == "กรมการปกครอง"


@given(st.integers(1900, 2150), st.sampled_from(["FY {}", "FY{}", "Fiscal Year {}", "fiscal year: {}",
                                                  "KPI Report FY {} (Oct-Sep)"]))
def test_fiscal_year_from_an_english_heading(year, pattern):
    """`FY 2026` is fiscal year 2569 (Christian Era + 543); a Buddhist-Era year stays as written,
    and a Thai statement of the year outranks the English one."""
    assert C.find_fiscal_year(pattern.format(year)) == year + 543
    assert C.find_fiscal_year(pattern.format(year + 543)) == year + 543
    assert C.find_fiscal_year(pattern.format(year) + " ประจำปีงบประมาณ พ.ศ. 2560") == 2560
    assert C.find_fiscal_year(f"KFY {year}") is None and C.find_fiscal_year(f"FY {year}0") is None


def test_form72_kpi_name_wrapped_into_the_rows_below():
    rows = [F72_HEADER,
            ["1. แผนงาน", "7.1 ด้านประสิทธิผล", "1. ร้อยละของโครงการ", "-", "100%", "0.5", "60%", "1 คะแนน"],
            ["", "", "ที่ดำเนินการแล้วเสร็จ", "", "", "", "65%", "2 คะแนน"],
            ["", "", "ตามกำหนด", "", "", "", "70%", "3 คะแนน"],
            ["", "", "", "", "", "", "75%", "4 คะแนน"],
            ["", "", "", "", "", "", "80%", "5 คะแนน"],
            ["", "", "2. จำนวนเรื่องร้องเรียน", "10", "5", "0.5", "10", "1 คะแนน"]]
    for lvl, thr in ((2, 8), (3, 6), (4, 4), (5, 2)):
        rows.append(["", "", "", "", "", "", str(thr), f"{lvl} คะแนน"])
    a, b = kpis(extract(doc(table(rows)), ctx()))
    assert a.name == "ร้อยละของโครงการที่ดำเนินการแล้วเสร็จตามกำหนด"
    assert a.ladder == [60, 65, 70, 75, 80]
    assert (b.item_no, b.baseline, b.target, b.ladder, b.direction) == ("2", 10, 5, [10, 8, 6, 4, 2], "lower")
    assert a.dimension == b.dimension == "7.1"


def test_activity_cells_merged_down_hold_for_every_item():
    rows = [act_row("1. ประชุม", "1 เดือน", "ม.ค. 53", "ม.ค. 53", output="- รายงาน", resp="สนจ.",
                    related="ทุกอำเภอ", budget="90,000"),
            act_row("2. ติดตาม", "1 เดือน", "ก.พ. 53", "ก.พ. 53", output="- ผล"),
            act_row("3. สรุป", "1 เดือน", "มี.ค. 53", "มี.ค. 53", output="- สรุป")]
    t = act_table(rows, merges={(0, 4): (1, 12), (2, 17): (3, 1), (2, 18): (3, 1), (2, 19): (3, 1)})
    a, b, c = extract(doc(t), ctx()).records
    assert [r.responsible for r in (a, b, c)] == ["สนจ."] * 3
    assert [r.related for r in (a, b, c)] == ["ทุกอำเภอ"] * 3
    assert [r.budget_thb for r in (a, b, c)] == [90000, None, None]
    assert [r.name for r in (a, b, c)] == ["ประชุม", "ติดตาม", "สรุป"]


# ------------------------------------------------------------------------------ robustness


_WORDS = ["กิจกรรม/ขั้นตอน", "ระยะเวลา", "เริ่มต้น", "สิ้นสุด", "ตัวชี้วัด", "เป้าหมาย", "น้ำหนัก",
          "เกณฑ์การให้คะแนน", "มิติด้าน", "7.1 ด้านประสิทธิผล", "60%", "1 คะแนน", "ม.ค. 53",
          "มิ.ค. 53", '"', "〃", "✓", "50,000", "ในม.", "1.", "(1) ประชุม", "กิจกรรมที่ 2 รวม 10 บาท",
          "ขั้นตอนที่ 1", "รวม", "ระดับ 1", "-", "", "", "", "x", "๑๒", "ตุลาคม ๒๕๕๒ - ธ.ค. 52"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=9), min_size=1, max_size=8),
       st.lists(st.sampled_from(_WORDS), max_size=4))
def test_extract_never_fails_on_odd_documents(rows, paras):
    width = max(len(r) for r in rows)
    t = table([r + [""] * (width - len(r)) for r in rows])
    ex = extract(doc(*paras, t), ctx())
    for r in ex.records:
        assert r.record_type in ("kpi", "activity", "milestone") and r.form in ex.forms


def test_each_plan_keeps_the_fiscal_year_it_states():
    h = list(ACT_HEADER)
    t1 = act_table([act_row("1. ประชุม", "1 เดือน", "ต.ค.", "ต.ค.")])
    h2 = h[:4] + ["ปีงบประมาณ 2554"] + h[5:]
    t2 = act_table([act_row("1. ประชุม", "1 เดือน", "ต.ค.", "ต.ค.")], header=h2)
    ex = extract(doc("แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2553", t1, "พิจารณาเห็นชอบ", "แผนปีถัดไป", t2),
                 ctx())
    a, b = ex.records
    assert (a.fiscal_year, a.start) == (2553, "2009-10")
    assert (b.fiscal_year, b.start) == (2554, "2010-10")


def test_kpi_report_results_table_with_bare_step_numbers():
    matrix = table([["ระดับคะแนน", "ขั้นตอนที่ 1", "ขั้นตอนที่ 2"], ["1", "✓", ""], ["2", "✓", "✓"]])
    results = table([["ขั้นตอนที่", "ผลการดำเนินงาน", "วันที่แล้วเสร็จ"],
                     ["1", "✓", "20 ธ.ค. 2552"], ["2", "ยังไม่ดำเนินการ", "-"]])
    ex = extract(doc("ชื่อตัวชี้วัดที่ 4 : ระดับความสำเร็จ", matrix,
                     "ขั้นตอนที่ 1 : แต่งตั้งคณะทำงาน ภายในเดือน ธ.ค. 2552",
                     "ขั้นตอนที่ 2 : จัดทำแผน ภายในวันที่ 31 มีนาคม 2553", "ผลการดำเนินงาน", results), ctx())
    s1, s2 = ex.records[1:]
    assert (s1.status, s1.completed, s1.deadline) == ("done", "2009-12-20", "2009-12-31")
    assert (s2.status, s2.completed) == ("not_done", "")


def test_activity_plan_gantt_by_quarters():
    header = ["กิจกรรม", "ระยะเวลา", "ปีงบประมาณ พ.ศ. 2553", "", "", "", "งบประมาณ", "ผู้รับผิดชอบ"]
    t = table([header, ["", "", "ไตรมาส 1", "ไตรมาส 2", "ไตรมาส 3", "ไตรมาส 4", "", ""],
               ["1. ประชุม", "3 เดือน", "✓", "", "", "", "10,000", "สนจ."],
               ["2. ติดตาม", "6 เดือน", "", "", "✓", "✓", "5,000", '"']],
              merges={(0, 2): (1, 4)})
    a, b = extract(doc(t), ctx()).records
    assert a.planned_months == "2009-10;2009-11;2009-12" and (a.start, a.end) == ("2009-10", "2009-12")
    assert (b.start, b.end, b.deadline) == ("2010-04", "2010-09", "2010-09-30")


def test_form72_ladder_on_one_line_or_in_unlabelled_cells():
    rows = [["ตัวชี้วัด", "เป้าหมาย", "น้ำหนัก", "เกณฑ์การให้คะแนน", "", "", "", ""],
            ["1. ร้อยละของเรื่องที่แล้วเสร็จ", "90", "1", "60 - 65 - 70 - 75 - 80", "", "", "", ""],
            ["2. ร้อยละของงานที่ทันเวลา", "90", "1", "50%", "55%", "60%", "65%", "70%"]]
    a, b = kpis(extract(doc(table(rows, merges={(0, 3): (1, 5)})), ctx()))
    assert a.ladder == [60, 65, 70, 75, 80]
    assert b.ladder == [50, 55, 60, 65, 70]


def test_step_deadlines_with_and_without_a_year():
    from extractors.kpi_report import deadline_of
    assert deadline_of("จัดทำแผนให้แล้วเสร็จภายในวันที่ 31 มีนาคม พ.ศ.2549", None)[:2] == \
        ("2006-03-31", "ภายในวันที่ 31 มีนาคม พ.ศ.2549")
    assert deadline_of("ในปีงบประมาณ พ.ศ.2549 ไม่น้อยกว่าร้อยละ 60", None)[0] == "2006-09-30"
    assert deadline_of("ภายในวันที่ 31 มีนาคม", 2553)[0] == "2010-03-31"
    assert deadline_of("ภายในไตรมาสที่ 2", 2553)[0] == "2010-03-31"
    assert deadline_of("ภายใน 7 วันทำการ นับจากวันที่มีมติ", 2553) == ("", "", "")


def test_form72_baseline_over_several_years():
    rows = [["มิติ", "ตัวชี้วัด", "ข้อมูลพื้นฐาน", "", "", "เป้าหมาย", "น้ำหนัก", "เกณฑ์การให้คะแนน"],
            ["", "", "2550", "2551", "2552", "", "", ""],
            ["7.1 ด้านประสิทธิผล", "1. ร้อยละของงานที่แล้วเสร็จ", "70", "75", "80", "85", "1",
             "60 65 70 75 80"]]
    (k,) = kpis(extract(doc(table(rows, merges={(0, 2): (1, 3)})), ctx()))
    assert (k.baseline, k.target, k.weight) == (80, 85, 1)
    assert k.ladder == [60, 65, 70, 75, 80]


def test_form72_with_reported_results():
    rows = [["มิติ", "ตัวชี้วัด", "ผลการดำเนินงานที่ผ่านมา", "เป้าหมาย", "น้ำหนัก", "เกณฑ์การให้คะแนน",
             "ผลการดำเนินงาน"],
            ["7.1 ด้านประสิทธิผล", "1. ร้อยละของงานที่แล้วเสร็จ", "70", "85", "1", "60 65 70 75 80",
             "72.5"]]
    (k,) = kpis(extract(doc(table(rows)), ctx()))
    assert (k.baseline, k.actual, k.actual_raw) == (70, 72.5, "72.5")
    assert k.ladder == [60, 65, 70, 75, 80]


def test_a_long_plan_is_read_in_linear_time():
    import time
    rows = [act_row(f"{i}. กิจกรรม {i}", "2 เดือน", "ม.ค. 53", "ก.พ. 53", ticks=(3, 4), resp='"',
                    budget="1,000") for i in range(1, 1001)]
    t0 = time.perf_counter()
    ex = extract(doc(act_table(rows)), ctx())
    assert len(ex.records) == 1000 and ex.records[-1].end == "2010-02"
    assert time.perf_counter() - t0 < 10     # about 1 ms a row; quadratic work would take minutes


def test_kpi_report_with_labels_in_a_table():
    info = table([["มิติที่ 1", "ด้านประสิทธิผล"], ["ชื่อตัวชี้วัด", "3. ระดับความสำเร็จของการพัฒนาระบบ"],
                  ["ผู้กำกับดูแลตัวชี้วัด", "นายก"], ["ผู้จัดเก็บข้อมูล", "นายข"],
                  ["เบอร์ติดต่อ", "0-4323-6781"]])
    matrix = table([["ระดับคะแนน", "ขั้นตอนที่ 1", "ขั้นตอนที่ 2"], ["1", "✓", ""], ["2", "✓", "✓"]])
    steps = table([["ขั้นตอนที่ 1", "แต่งตั้งคณะทำงาน"], ["ขั้นตอนที่ 2", "จัดทำแผน"]])
    ex = extract(doc(info, matrix, steps), ctx())
    k = ex.records[0]
    assert (k.item_no, k.name, k.dimension, k.supervisor, k.data_collector, k.phones) == \
        ("3", "ระดับความสำเร็จของการพัฒนาระบบ", "1", "นายก", "นายข", "0-4323-6781")
    assert [(m.item_no, m.level, m.name) for m in ex.records[1:]] == \
        [("1", 1, "แต่งตั้งคณะทำงาน"), ("2", 2, "จัดทำแผน")]


def test_approval_signed_without_brackets_or_not_at_all():
    t = act_table([act_row("1. ประชุม", "1 เดือน", "ม.ค. 53", "ม.ค. 53")])
    ex = extract(doc(t, "พิจารณาเห็นชอบ", "ลงชื่อ นายสมชาย ใจดี", "ผู้ว่าราชการจังหวัดตราด",
                     "วันที่ ๑๕ ต.ค. ๒๕๕๒"), ctx())
    ap = ex.approvals[0]
    assert (ap.signatory, ap.position, ap.date) == ("นายสมชาย ใจดี", "ผู้ว่าราชการจังหวัดตราด", "2009-10-15")
    ex = extract(doc(t, "พิจารณาเห็นชอบ", "ลงชื่อ.......................ผู้อนุมัติ", "วันที่ ....../....../......"),
                 ctx())
    ap = ex.approvals[0]
    assert (ap.signatory, ap.date) == ("", "")


def test_ladder_report_with_several_indicators_each_with_its_ladder_table():
    lad = lambda vals: table([["ระดับคะแนน", "1", "2", "3", "4", "5"], ["ร้อยละ"] + vals])
    ex = extract(doc("ประจำปีงบประมาณ พ.ศ. 2560",
                     "ตัวชี้วัดที่ 1 ร้อยละของเรื่องร้องเรียนที่แก้ไขแล้วเสร็จ (น้ำหนัก 5)", "เกณฑ์การให้คะแนน",
                     lad(["60", "70", "80", "90", "100"]),
                     "ตัวชี้วัดที่ 2 ระยะเวลาเฉลี่ยในการรอรับบริการ (น้ำหนัก 3)", "เกณฑ์การให้คะแนน",
                     lad(["30", "25", "20", "15", "10"])), ctx())
    a, b = [r for r in ex.records if r.record_type == "kpi"]
    assert (a.item_no, a.weight, a.ladder, a.unit) == ("1", 5, [60, 70, 80, 90, 100], "%")
    assert (b.item_no, b.weight, b.ladder) == ("2", 3, [30, 25, 20, 15, 10])
    assert ex.forms == ["kpi_ladder"]


def test_form72_dimensions_written_as_มิติที่_or_by_label():
    rows = [["มิติ", "ตัวชี้วัด", "เป้าหมาย", "น้ำหนัก", "เกณฑ์การให้คะแนน"],
            ["มิติที่ 1 ด้านประสิทธิผล", "1. ร้อยละของโครงการที่แล้วเสร็จ", "90", "1", "60 65 70 75 80"],
            ["ด้านคุณภาพการให้บริการ", "2. ร้อยละความพึงพอใจ", "85", "1", "60 65 70 75 80"],
            ["ด้านการพัฒนาองค์การ", "", "", "", ""]]
    ex = extract(doc(table(rows)), ctx())
    assert [k.dimension for k in kpis(ex)] == ["7.1", "7.2"]
    assert [(d.dimension, d.indicator_count) for d in ex.dimensions] == [("7.1", 1), ("7.2", 1), ("7.4", 0)]


def test_a_form_nested_in_a_frame_table_is_found():
    inner = act_table([act_row("1. ประชุม", "1 เดือน", "ม.ค. 53", "ม.ค. 53", budget="5,000")])
    from schemas import Cell, Table
    frame = Table(cells=[Cell(row=0, col=0, text="แผนปฏิบัติการ", tables=[inner])], n_rows=1, n_cols=1)
    ex = extract(doc(frame), ctx())
    (r,) = ex.records
    assert (r.item_no, r.budget_thb, r.start, r.table) == ("1", 5000, "2010-01", 2)


def test_activity_header_spanning_number_and_text_columns():
    header = ["กิจกรรม", "", "ระยะเวลา", "เริ่มต้น", "สิ้นสุด", "งบประมาณ", "ผู้รับผิดชอบ"]
    t = table([header, ["1.", "ประชุมชี้แจง", "1 เดือน", "ม.ค. 53", "ม.ค. 53", "5,000", "สนจ."],
               ["2.", "ติดตามผล", "1 เดือน", "ก.พ. 53", "ก.พ. 53", "5,000", '"']],
              merges={(0, 0): (1, 2)})
    a, b = extract(doc(t), ctx()).records
    assert (a.item_no, a.name, a.budget_thb) == ("1", "ประชุมชี้แจง", 5000)
    assert (b.item_no, b.name, b.responsible) == ("2", "ติดตามผล", "สนจ.")


def test_activity_header_with_sub_headers_under_a_spanning_cell():
    t = table([["กิจกรรม", "ระยะเวลาดำเนินการ", "", "งบประมาณ", "ผู้รับผิดชอบ"],
               ["", "เริ่มต้น", "สิ้นสุด", "", ""],
               ["1. ประชุม", "ม.ค. 53", "มี.ค. 53", "5,000", "สนจ."]],
              merges={(0, 1): (1, 2), (0, 0): (2, 1), (0, 3): (2, 1), (0, 4): (2, 1)})
    (a,) = extract(doc(t), ctx(fiscal_year=2553)).records
    assert (a.start, a.end, a.budget_thb, a.responsible) == ("2010-01", "2010-03", 5000, "สนจ.")


def test_fiscal_year_from_dates_when_none_is_stated():
    t = act_table([act_row("1. ประชุม", "1 เดือน", "ม.ค. 56", "ม.ค. 56")],
                  header=ACT_HEADER[:4] + ["แผนการดำเนินงาน"] + ACT_HEADER[5:])
    ex = extract(doc(t), ctx(fiscal_year=2500))
    assert ex.fiscal_year == 2556 and ex.records[0].start == "2013-01"


def test_a_document_is_not_kept_alive_after_extraction():
    """Per-table work cached during extraction is dropped when the document is done: a worker
    reading thousands of PDFs must not carry their tables (and their cells) from file to file."""
    import gc
    import weakref
    from pathlib import Path
    from pipeline.readers import ReadLimits, read_document
    d = read_document(Path("samples/chiangmai/chiangmai_form72_2566.pdf"), ReadLimits())
    tables = [weakref.ref(t) for t in d.tables()]
    ex = extract(d, ctx())
    assert ex.records and tables
    del d
    gc.collect()
    assert [t for t in tables if t() is not None] == []
