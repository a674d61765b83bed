"""จังหวัดระยอง: organisation development plan FY 2553 (activity plans and แบบฟอร์มที่ 7.2).

A Word submission as received, with its defects kept: month typos in the dates (มิ.ค. 53, ม.ย. 53)
and in the Gantt headers (ก.ค./พ.ค. for ต.ค./พ.ย., ค.ค., พ.ม., a header without ส.ค.), ditto marks,
``ในม.`` budgets, item 4 without dates, a group total that does not match its items
(กิจกรรมที่ 2: 150,000 vs 4 × 50,000), empty dimension rows, a dissatisfaction KPI scored with a
rising ladder, a ladder row given twice (75% 4 คะแนน), a last table whose structure breaks down,
and two approval blocks without a date (the first without a name either).

The text export (.txt, cp874, CRLF) reproduces how Word's "save as text" laid the rows out: the
cells after the Gantt columns shift right and the ``↓`` arrows, which cp874 cannot encode, became
``?``.
"""
from _lib import L, U, P, T, act, blank, fnd, kpi, span

MONTHS_T1 = ["ก.ค.", "พ.ค.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.",
             "ส.ค.", "ก.ย."]
MONTHS_T3 = ["ก.ค.", "พ.ค.", "พ.ค.", "มิ.ย.", "ก.ค.", "ก.ค.", "ก.ค.", "ก.ค.", "ก.ค.", "ก.ค.",
             "ก.ค.", "ก.ค."]
MONTHS_T4 = ["ค.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.",
             "ส.ค.", "ก.ย."]
# ส.ค. is missing: eleven labels under twelve columns
MONTHS_T5 = ["ค.ค.", "พ.ม.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.",
             "ก.ย.", ""]

WIDTHS = [5.4, 1.4, 1.3, 1.3] + [1.0] * 12 + [3.4, 2.1, 1.6, 1.5]


def header(months, output, resp, rel, budget):
    return [
        ["กิจกรรม/ขั้นตอน", "ระยะเวลา", "เริ่มต้น", "สิ้นสุด"] + span("ปีงบประมาณ 2553", 12)
        + [output, resp, rel, budget],
        [U, U, U, U] + months + [U, U, U, U],
    ]


def row(name, duration, start, end, output, resp, rel, budget):
    return [name, duration, start, end] + blank(12) + [output, resp, rel, budget]


def group(text):
    return span(text, 20)


def export(rows, gap, arrow="", width=None, group_width=None):
    """How Word's text export laid a table out: header rows padded to ``width``; in item rows
    ``gap`` empty cells (and the arrow) between the dates and the output column."""
    out = []
    for i, r in enumerate(rows):
        cells = ["" if c in (L, U) else c for c in r]
        if i < 2:
            out.append(cells + blank(width - len(cells)))
        elif r[1] == L:                       # group row
            out.append([cells[0]] + blank(group_width - 1))
        else:
            extra = [arrow] if arrow else []
            line = cells[:4] + blank(gap) + extra + cells[16:]
            out.append(line + blank(width - len(line)))
    return out


T1 = header(MONTHS_T1, "ผลผลิต/ ดัชนีความก้าวหน้า", "ผู้รับ มอบ", "ผู้ เกี่ยวข้อง", "งบม.") + [
    row("3. นำเสนอแผนบริการความ เสี่ยงให้ผู้บริหารพิจารณาให้ ความเห็นชอบ", "1 เดือน",
        "พ.ค. 53", "พ.ค. 53", "- แผนบริหารความเสี่ยง ที่ครอบคลุมทั้ง 4 ด้าน",
        "กลุ่มงาน ยุทธศาสตร์ สำนักงาน จังหวัดระยอง", '"', "ในม."),
    row("4. ถ่ายทอดแผนไปสู่การปฏิบัติ", "1 เดือน", "", "",
        "- หน่วยงานรับทราบแผน และนำไปสู่การปฏิบัติ", '"', '"', "50,000"),
    row("5. ดำเนินการตามแผน", "4 เดือน", "มิ.ย. 53", "ก.ย. 53", "- แผนถูกนำไปสู่การปฏิบัติ",
        '"', '"', "50,000"),
    row("6. สรุปผลการดำเนินงานตาม แผนนำเสนอผู้บริหาร", "ไตรมาสที่ 3 และ 4", "มิ.ย. 53",
        "ก.ย. 53", "- รายงานสรุปที่นำเสนอ ผู้บริหาร", '"', '"', "ในม."),
]

T3 = header(MONTHS_T3, "ผลผลิต/ ดัชนีความก้าวหน้า", "ผู้รับผิดชอบ", "คู่ เกี่ยวข้อง", "งบฯ") + [
    row("1.2 จัดประชุมคณะทำงานเพื่อ กำหนด", "1 เดือน", "ม.ค. 53", "ม.ค. 53",
        "- เอกสารกำหนด ผู้รับบริการและผู้มีส่วนได้ ส่วนเสีย โดยแสดงในรูป ของ customer "
        "profile และตารางความต้องการ", "คณะทำงานฯ", '"', "30,000"),
    row("(1) กลุ่มผู้รับบริการ และผู้มีส่วน ได้ส่วนเสียตามพันธกิจ เพื่อให้ ตอบสนองความต้องการของ"
        " ผู้รับบริการ และผู้มีส่วน เสียที่ครอบคลุมทุกกลุ่ม", "1 เดือน", "ม.ค. 53", "ม.ค. 53",
        "ผู้รับบริการและผู้มีส่วนได้ ส่วนเสีย", '"', '"', "30,000"),
    row("(2) ช่องทางการรับฟัง และ เรียนรู้ความต้องการของ ผู้รับบริการ และผู้มีส่วน เสีย",
        "1 เดือน", "ก.พ. 53", "ก.พ. 53",
        "- รูปแบบวิธีการและ ช่องทางในการรับฟังของ กลุ่มผู้มีส่วนได้ส่วนเสีย และผู้รับบริการ "
        "ข้อมูลที่ได้รับจาก ผู้รับบริการหรือผู้มีส่วนได้ ส่วนเสีย", '"', '"', "30,000"),
    row("(3) ระบบการจัดการซื้อ ร้องเรียนที่รวดเร็ว และเหมาะสม", "2 เดือน", "ก.พ. 53",
        "มิ.ค. 53", "- ระบบการจัดการซื้อ ร้องเรียน", '"', '"', "30,000"),
    row("(4) แนวทางการสร้างเครือข่าย และการจัดกิจกรรมเพื่อสร้าง ความสัมพันธ์กับผู้รับบริการ "
        "และผู้มีส่วนได้ส่วนเสีย", "2 เดือน", "มิ.ค. 53", "เม.ย. 53",
        "- รูปแบบการสร้าง เครือข่ายและการจัด กิจกรรมเพื่อสร้าง ความสัมพันธ์กับ "
        "ผู้รับบริการและผู้มีส่วนได้ ส่วนเสีย", '"', '"', "30,000"),
    row("(5) การเปิดโอกาสให้ประชาชน เข้ามามีส่วนรวมในกิจกรรมของ ส่วนราชการ ร่วมให้ข้อเสนอแนะ "
        "และร่วมติดตามประเมินผลการ บริหารจัดการของจังหวัด", "2 เดือน", "เม.ย. 53", "พ.ค. 53",
        "- ข้อเสนอแนะจาก ประชาชน", '"', '"', "30,000"),
]

GROUP2 = ("กิจกรรมที่ 2 การปรับปรุงคุณภาพการให้บริการและการจัดกิจกรรมเพื่อสร้างความสัมพันธ์"
          "กับผู้รับบริการและมีส่วนได้ส่วนเสีย 150,000 บาท")
T4 = header(MONTHS_T4, "ผลผลิต/ ดัชนีความก้าวหน้า", "ผู้รับผิดชอบ", "ผู้เกี่ยวข้อง", "งบม.") + [
    row("(6) วิศวกรจัดการความพึงพอใจและไม่พึงพอใจของผู้รับบริการ และส่วนได้ส่วนเสียในแต่ละกลุ่ม"
        "ตามข้อ 2.1", "2 เดือน", "ม.ย. 53", "พ.ค. 53",
        "- แนวทางการจัดการความพึงพอใจและความไม่พึงพอใจ", "คณะทำงานฯ", "34 หน่วยงาน ภูมิภาค",
        "30,000"),
    row("(7) การจัดทำมาตรฐาน คู่มือการติดต่อราชการ", "2 เดือน", "พ.ค. 53", "มิ.ย. 53",
        "- มาตรฐานการจัดทำคู่มือการติดต่อราชการ", '"', '"', "30,000"),
    row("(8) แนวทางการติดตามคุณภาพการให้บริการ", "2 เดือน", "พ.ค. 53", "มิ.ย. 53",
        "- แนวทางการติดตามคุณภาพในการให้บริการ", '"', '"', "30,000"),
    group(GROUP2),
    row("1. ส่วนราชการที่เกี่ยวข้องดำเนินการตามแนวทาง/วิธีการที่คณะกรรมการให้ความเห็นชอบใน"
        "กิจกรรม ดังนี้", "3 เดือน", "มิ.ย. 53", "ส.ค. 53", "",
        "สนจ.,พช., กร.,บมส่ง, พม.,สสจ., ที่ดิน", "34 หน่วยงาน ภูมิภาค", "50,000"),
    row("2. ภาควิชาต้องมีการ/ข้อเสนอแนะของผู้รับบริการและผู้มีส่วนได้ส่วนเสียมาปรับปรุงคุณภาพการ"
        "ให้บริการและเสนอรูปแบบการบริการที่แสดงให้เห็นถึงประสิทธิภาพของช่องทางดังกล่าว",
        "2 เดือน", "มิ.ย. 53", "ก.ค. 53", "- รูปแบบการให้บริการที่ได้รับปรับปรุง", '"', '"',
        "50,000"),
    row("3. ส่วนราชการจัดกิจกรรมเพื่อสร้างความสัมพันธ์กับผู้รับบริการและผู้มีส่วนได้ส่วนเสีย",
        "3 เดือน", "มิ.ย. 53", "ส.ค. 53", "- การจัดกิจกรรมฯ และผลลัพธ์ของกิจกรรม", '"', '"',
        "50,000"),
    row("4. ส่วนราชการประกาศมาตรฐานคู่มือการติดต่อราชการให้ผู้รับบริการ และผู้มีส่วนได้ส่วนเสีย"
        "ทราบ", "3 เดือน", "มิ.ย. 53", "ส.ค. 53",
        "- การประกาศคู่มือการติดต่อราชการให้แก่ผู้รับบริการและผู้มีส่วนได้ส่วนเสีย", '"', '"',
        "50,000"),
]

GROUP3 = "กิจกรรมที่ 3 การติดตามผล วิเคราะห์และเสนอแนะทางปรับปรุงในปีต่อไป 60,000 บาท"
T5 = header(MONTHS_T5, "ผลผลิต/ ดัชนีชี้วัดความสำเร็จ", "ผู้รับ ผิดชอบ", "ผู้ เกี่ยวข้อง",
            "งบม.") + [
    group(GROUP3),
    row("1. คณะทำงาน ติดตาม ประเมินผลคุณภาพการ ให้บริการของทุกกิจกรรมที่ส่วน ราชการดำเนินการ",
        "2 เดือน", "ส.ค. 53", "ก.ย. 53",
        "กิจกรรมและการวัดความ พึงพอใจในการมีส่วนร่วม ของผู้รับบริการและผู้มี ส่วนได้ส่วนเสีย",
        "สนจ., พช, กร., ขนส่ง , พม., สสจ., ที่ดิน", "34 หน่วยงาน ภูมิภาค", "20,000"),
    row("2. วิเคราะห์ผลการดำเนินงาน ปัญหา อุปสรรค ปัจจัยสนับสนุน และข้อเสนอแนะ", "2 เดือน",
        "ส.ค. 53", "ก.ย. 53", "- ผลการวิเคราะห์", '"', '"', "20,000"),
    row("3. เสนอแนะทางปรับปรุงในการ ทำงานในปีต่อไป", "2 เดือน", "ส.ค. 53", "ก.ย. 53",
        "-ข้อมูลและหลักฐานการ จัดกิจกรรมต่าง รวมทั้ง ผลประเมินการจัดกิจกรรม", '"', '"',
        "20,000"),
    row("4. สรุปเสนอผลการดำเนินงาน ให้ผู้ว่าราชการจังหวัดทราบ", "1 เดือน", "ก.ย. 53", "ก.ย. 53",
        "- ผลการวิเคราะห์และ ข้อเสนอแนะในการ ปรับปรุงการจัดกิจกรรม", '"', '"', ""),
]

# ---- แบบฟอร์มที่ 7.2 tables: 8 grid columns, the ladder header spans threshold and score

PLAN_A = ("1. แนวนโยบาย 2 : การพัฒนาการวางแผนเชิงยุทธศาสตร์ กิจกรรมหลัก 1. การวางแผนกลยุทธ์ด้าน"
          "การบริหารทรัพยากรบุคคล 2. การวางแผนการสื่อสารและทำความเข้าใจในเรื่องยุทธศาสตร์และการนำ"
          "ยุทธศาสตร์ไปปฏิบัติ 3. การถ่ายทอด(cascading) ตัวชี้วัดและเป้าหมายระดับจังหวัดลงสู่ระดับ"
          "ส่วนราชการประจำจังหวัด 4. การจัดทำรายละเอียดโครงการเพื่อใช้ในการติดตามผลการดำเนินงาน "
          "5. การจัดทำแผนบริหารความเสี่ยง")
PLAN_B = ("1. แผนหมวด 3: การให้ความสำคัญกับผู้รับบริการและผู้มีส่วนได้ส่วนเสีย กิจกรรมหลัก 1. การ"
          "กำหนดกลุ่มผู้รับบริการและผู้มีส่วนได้ส่วนเสีย การบริหารช่องทางการรับฟังและเรียนรู้ความ"
          "ต้องการ และการจัดสร้างเครือข่าย 2. การปรับปรุงคุณภาพการให้บริการและการจัดกิจกรรมเพื่อ"
          "สร้างความสัมพันธ์กับผู้รับบริการและผู้มีส่วนได้ส่วนเสีย 3. การติดตามผล วิเคราะห์ และ"
          "เสนอแนวทางปรับปรุงในปีต่อไป")

KPI_A1 = "ร้อยละของแผนงาน/โครงการที่มีตัวชี้วัดและเป้าหมายสอดคล้องตามเป้าประสงค์เชิงยุทธศาสตร์ของจังหวัด"
KPI_A3 = "ร้อยละของตัวชี้วัดระดับบุคคลที่สอดคล้องตามเป้าหมายของจังหวัด"
KPI_B1 = "ร้อยละความพึงพอใจของผู้รับบริการ"
KPI_B2 = "ร้อยละความไม่พึงพอใจของผู้รับบริการ"

LADDER = [("60%", "1 คะแนน"), ("65%", "2 คะแนน"), ("70%", "3 คะแนน"), ("75%", "4 คะแนน"),
          ("80%", "5 คะแนน")]


def indicator(plan, dim, name, ladder=LADDER):
    """Rows of one indicator: dimension/KPI/baseline/target/weight merged down the ladder rows."""
    rows = []
    for i, (thr, score) in enumerate(ladder):
        if i == 0:
            rows.append([plan, dim, name, "-", "100%", "0.5", thr, score])
        else:
            rows.append([U, U, U, U, U, U, thr, score])
    return rows


F72_HEAD_A = ["แผนพัฒนาองค์การ", "มิติด้าน", "ตัวชี้วัด KPI", "ข้อมูล ปัจจุบัน", "เป้าหมาย Target",
              "น้ำหนัก คะแนน", "เกณฑ์การ ให้คะแนน", L]
F72_HEAD_B = ["แผนพัฒนางานองค์การ"] + F72_HEAD_A[1:]
F72_WIDTHS = [8, 3, 6, 1.6, 1.8, 1.6, 1.4, 1.6]

T2 = ([F72_HEAD_A]
      + indicator(PLAN_A, "7.1 ด้านประสิทธิผล", "1." + KPI_A1)
      + [[U, "7.2 ด้านคุณภาพการให้บริการ", "", "", "", "", "", ""]]
      + indicator(U, "7.3 ด้านประสิทธิภาพของการปฏิบัติราชการ", "1." + KPI_A3)
      + [[U, "7.4 ด้านการพัฒนาองค์การ", "", "", "", "", "", ""]])

# the last table: the plan cell spans down to the fourth ladder row of the second indicator;
# after that the structure is lost (a repeated 75% row, 80%, and the dimension rows 7.3/7.4
# typed into the first columns)
T6 = ([F72_HEAD_B]
      + [[PLAN_B, "7.1 ด้านประสิทธิผล", "", "", "", "", "", ""]]
      + indicator(U, "7.2 ด้านคุณภาพการให้บริการ", "1. " + KPI_B1)
      + indicator(U, "7.2 ด้านคุณภาพการให้บริการ", "1. " + KPI_B2, LADDER[:4])
      + [["75%", "4 คะแนน"] + blank(6),
         ["80%", "5 คะแนน"] + blank(6),
         ["7.3 ด้านประสิทธิภาพของการปฏิบัติราชการ"] + blank(7),
         ["7.4 ด้านการพัฒนาองค์กร"] + blank(7)])


def f72_export(rows, width):
    return [["" if c in (L, U) else c for c in r] + blank(width - len(r)) for r in rows]


FORM72_TITLE = "แบบฟอร์มแสดงตัวชี้วัดความสำเร็จของการดำเนินการ"
FORM72_PLAN = "ตามแผนพัฒนาองค์การประจำปีงบประมาณ พ.ศ. 2553"

BLOCKS = [
    T(T1, header_rows=2, widths=WIDTHS, size=11, sheet="กิจกรรม 1",
      tsv_rows=export(T1, 15, width=23)),
    P("พิจารณาเห็นชอบดำเนินการ"),
    P("ลงนาม....."),
    P("วาที ร.ศ."),
    P("(ผู้รับมอบอำนาจ)"),
    P("รองผู้ว่าราชการจังหวัดระยอง มีมติรับมอบหมาย"),
    P("ผู้ว่าราชการจังหวัดระยอง."),
    P("แบบฟอร์มที่ 7.2", bold=True, align="right", head=True),
    P(FORM72_TITLE + "\n" + FORM72_PLAN, bold=True, align="center", head=True),
    T(T2, widths=F72_WIDTHS, size=11, sheet="แบบฟอร์ม 7.2 (1)",
      tsv_rows=f72_export(T2, 9)),
    T(T3, header_rows=2, widths=WIDTHS, size=11, sheet="กิจกรรม 2",
      tsv_rows=export(T3, 14, width=22)),
    T(T4, header_rows=2, widths=WIDTHS, size=11, sheet="กิจกรรม 2",
      tsv_rows=export(T4, 14, arrow="↓", width=23, group_width=23)),
    T(T5, header_rows=2, widths=WIDTHS, size=11, sheet="กิจกรรม 3",
      tsv_rows=(export(T5[:3], 13, arrow="↓", width=22, group_width=22)
                + export(T5[:2] + T5[3:4], 13, arrow="↓", width=22)[2:]
                + export(T5[:2] + T5[4:], 12, arrow="↓", width=22)[2:])),
    P("พิจารณาเห็นชอบดำเนินการ"),
    P("ลงนาม ณ วันที่\nว.พ. ร.ศ."),
    P("(สุพรีพจน์ จอองพานิช)"),
    P("รองผู้ว่าราชการจังหวัดระยอง ปฏิบัติราชการแทน\nผู้ว่าราชการจังหวัดระยอง"),
    P("แบบฟอร์มที่ 7.2", bold=True, align="right", head=True),
    P(FORM72_TITLE, bold=True, align="center", head=True),
    P(FORM72_PLAN, bold=True, align="center", head=True),
    T(T6, widths=F72_WIDTHS, size=11, sheet="แบบฟอร์ม 7.2 (2)", tsv_rows=f72_export(T6, 8)),
]

# ---- expected records: read from the document by hand ---------------------------------

RESP_A = "กลุ่มงาน ยุทธศาสตร์ สำนักงาน จังหวัดระยอง"
RESP_B = "สนจ.,พช., กร.,บมส่ง, พม.,สสจ., ที่ดิน"
RESP_C = "สนจ., พช, กร., ขนส่ง , พม., สสจ., ที่ดิน"
F72 = dict(form="form72", unit="%", target=100, weight=0.5, level_1=60, level_2=65, level_3=70,
           level_4=75, level_5=80)

RECORDS = [
    # table 1: items 3-6 of an activity whose first rows are not in this file
    act(item_no="3", name="นำเสนอแผนบริการความ เสี่ยงให้ผู้บริหารพิจารณาให้ ความเห็นชอบ",
        duration_months=1, start="2010-05", end="2010-05", deadline="2010-05-31",
        responsible=RESP_A),
    act(item_no="4", name="ถ่ายทอดแผนไปสู่การปฏิบัติ", duration_months=1, budget_thb=50000,
        responsible=RESP_A),
    act(item_no="5", name="ดำเนินการตามแผน", duration_months=4, start="2010-06", end="2010-09",
        deadline="2010-09-30", budget_thb=50000, responsible=RESP_A),
    # ไตรมาสที่ 3 และ 4 = 6 months, but มิ.ย.–ก.ย. is 4
    act(item_no="6", name="สรุปผลการดำเนินงานตาม แผนนำเสนอผู้บริหาร", duration_months=6,
        start="2010-06", end="2010-09", deadline="2010-09-30", responsible=RESP_A),
    # form72, first table
    kpi(plan=PLAN_A, dimension="7.1", item_no="1", name=KPI_A1, direction="higher", **F72),
    kpi(plan=PLAN_A, dimension="7.3", item_no="1", name=KPI_A3, direction="higher", **F72),
    # table 3: 1.2 and its sub-items (1)-(5)
    act(item_no="1.2", name="จัดประชุมคณะทำงานเพื่อ กำหนด", duration_months=1, start="2010-01",
        end="2010-01", deadline="2010-01-31", budget_thb=30000, responsible="คณะทำงานฯ"),
    act(item_no="(1)", parent_item="1.2",
        name="กลุ่มผู้รับบริการ และผู้มีส่วน ได้ส่วนเสียตามพันธกิจ เพื่อให้ ตอบสนองความต้องการของ "
             "ผู้รับบริการ และผู้มีส่วน เสียที่ครอบคลุมทุกกลุ่ม",
        duration_months=1, start="2010-01", end="2010-01", deadline="2010-01-31",
        budget_thb=30000, responsible="คณะทำงานฯ"),
    act(item_no="(2)", parent_item="1.2",
        name="ช่องทางการรับฟัง และ เรียนรู้ความต้องการของ ผู้รับบริการ และผู้มีส่วน เสีย",
        duration_months=1, start="2010-02", end="2010-02", deadline="2010-02-28",
        budget_thb=30000, responsible="คณะทำงานฯ"),
    # มิ.ค. 53 after ก.พ. 53 with 2 months: มี.ค. 53
    act(item_no="(3)", parent_item="1.2", name="ระบบการจัดการซื้อ ร้องเรียนที่รวดเร็ว และเหมาะสม",
        duration_months=2, start="2010-02", end="2010-03", deadline="2010-03-31",
        budget_thb=30000, responsible="คณะทำงานฯ"),
    # มิ.ค. 53 before เม.ย. 53 with 2 months: มี.ค. 53
    act(item_no="(4)", parent_item="1.2",
        name="แนวทางการสร้างเครือข่าย และการจัดกิจกรรมเพื่อสร้าง ความสัมพันธ์กับผู้รับบริการ "
             "และผู้มีส่วนได้ส่วนเสีย",
        duration_months=2, start="2010-03", end="2010-04", deadline="2010-04-30",
        budget_thb=30000, responsible="คณะทำงานฯ"),
    act(item_no="(5)", parent_item="1.2",
        name="การเปิดโอกาสให้ประชาชน เข้ามามีส่วนรวมในกิจกรรมของ ส่วนราชการ ร่วมให้ข้อเสนอแนะ "
             "และร่วมติดตามประเมินผลการ บริหารจัดการของจังหวัด",
        duration_months=2, start="2010-04", end="2010-05", deadline="2010-05-31",
        budget_thb=30000, responsible="คณะทำงานฯ"),
    # table 4: (6)-(8) continue the list under 1.2; ม.ย. 53 before พ.ค. 53 with 2 months: เม.ย.
    act(item_no="(6)", parent_item="1.2",
        name="วิศวกรจัดการความพึงพอใจและไม่พึงพอใจของผู้รับบริการ และส่วนได้ส่วนเสียในแต่ละกลุ่ม"
             "ตามข้อ 2.1",
        duration_months=2, start="2010-04", end="2010-05", deadline="2010-05-31",
        budget_thb=30000, responsible="คณะทำงานฯ"),
    act(item_no="(7)", parent_item="1.2", name="การจัดทำมาตรฐาน คู่มือการติดต่อราชการ",
        duration_months=2, start="2010-05", end="2010-06", deadline="2010-06-30",
        budget_thb=30000, responsible="คณะทำงานฯ"),
    act(item_no="(8)", parent_item="1.2", name="แนวทางการติดตามคุณภาพการให้บริการ",
        duration_months=2, start="2010-05", end="2010-06", deadline="2010-06-30",
        budget_thb=30000, responsible="คณะทำงานฯ"),
    act(item_no="2", row_kind="group",
        name="การปรับปรุงคุณภาพการให้บริการและการจัดกิจกรรมเพื่อสร้างความสัมพันธ์กับผู้รับบริการ"
             "และมีส่วนได้ส่วนเสีย", budget_thb=150000),
    act(item_no="1", parent_item="2",
        name="ส่วนราชการที่เกี่ยวข้องดำเนินการตามแนวทาง/วิธีการที่คณะกรรมการให้ความเห็นชอบใน"
             "กิจกรรม ดังนี้",
        duration_months=3, start="2010-06", end="2010-08", deadline="2010-08-31",
        budget_thb=50000, responsible=RESP_B),
    act(item_no="2", parent_item="2",
        name="ภาควิชาต้องมีการ/ข้อเสนอแนะของผู้รับบริการและผู้มีส่วนได้ส่วนเสียมาปรับปรุงคุณภาพการ"
             "ให้บริการและเสนอรูปแบบการบริการที่แสดงให้เห็นถึงประสิทธิภาพของช่องทางดังกล่าว",
        duration_months=2, start="2010-06", end="2010-07", deadline="2010-07-31",
        budget_thb=50000, responsible=RESP_B),
    act(item_no="3", parent_item="2",
        name="ส่วนราชการจัดกิจกรรมเพื่อสร้างความสัมพันธ์กับผู้รับบริการและผู้มีส่วนได้ส่วนเสีย",
        duration_months=3, start="2010-06", end="2010-08", deadline="2010-08-31",
        budget_thb=50000, responsible=RESP_B),
    act(item_no="4", parent_item="2",
        name="ส่วนราชการประกาศมาตรฐานคู่มือการติดต่อราชการให้ผู้รับบริการ และผู้มีส่วนได้ส่วนเสีย"
             "ทราบ",
        duration_months=3, start="2010-06", end="2010-08", deadline="2010-08-31",
        budget_thb=50000, responsible=RESP_B),
    # table 5
    act(item_no="3", row_kind="group",
        name="การติดตามผล วิเคราะห์และเสนอแนะทางปรับปรุงในปีต่อไป", budget_thb=60000),
    act(item_no="1", parent_item="3",
        name="คณะทำงาน ติดตาม ประเมินผลคุณภาพการ ให้บริการของทุกกิจกรรมที่ส่วน ราชการดำเนินการ",
        duration_months=2, start="2010-08", end="2010-09", deadline="2010-09-30",
        budget_thb=20000, responsible=RESP_C),
    act(item_no="2", parent_item="3",
        name="วิเคราะห์ผลการดำเนินงาน ปัญหา อุปสรรค ปัจจัยสนับสนุน และข้อเสนอแนะ",
        duration_months=2, start="2010-08", end="2010-09", deadline="2010-09-30",
        budget_thb=20000, responsible=RESP_C),
    act(item_no="3", parent_item="3", name="เสนอแนะทางปรับปรุงในการ ทำงานในปีต่อไป",
        duration_months=2, start="2010-08", end="2010-09", deadline="2010-09-30",
        budget_thb=20000, responsible=RESP_C),
    act(item_no="4", parent_item="3", name="สรุปเสนอผลการดำเนินงาน ให้ผู้ว่าราชการจังหวัดทราบ",
        duration_months=1, start="2010-09", end="2010-09", deadline="2010-09-30",
        responsible=RESP_C),
    # form72, second table
    kpi(plan=PLAN_B, dimension="7.2", item_no="1", name=KPI_B1, direction="higher", **F72),
    kpi(plan=PLAN_B, dimension="7.2", item_no="1", name=KPI_B2, direction="lower", **F72),
]
for r in RECORDS:
    r.setdefault("form", "activity_plan")

FINDINGS = [
    fnd("DATE_MISSING", "4"),
    fnd("DURATION_MISMATCH", "6"),
    fnd("DATE_CORRECTED", "(3)"),
    fnd("DATE_CORRECTED", "(4)"),
    fnd("DATE_CORRECTED", "(6)"),
    fnd("BUDGET_SUM_MISMATCH", "2"),
    fnd("DIRECTION_MISMATCH", "1"),
    fnd("LADDER_DUPLICATE", "1"),
    fnd("DIMENSION_EMPTY", "", "7.2"),
    fnd("DIMENSION_EMPTY", "", "7.4"),
    fnd("DIMENSION_EMPTY", "", "7.1"),
    fnd("DIMENSION_EMPTY", "", "7.3"),
    fnd("DIMENSION_EMPTY", "", "7.4"),
    fnd("UNSIGNED"),
    fnd("UNSIGNED"),
]

DOC = {
    "stem": "rayong_plan_2553",
    "folder": "rayong",
    "formats": ["docx", "pdf", "xlsx", "txt"],
    "title": "แผนพัฒนาองค์การ จังหวัดระยอง ปีงบประมาณ 2553",
    "author": "สำนักงานจังหวัดระยอง",
    "font": "TH SarabunPSK",
    "size": 14,
    "landscape": True,
    "margin_cm": 1.2,
    "xlsx_layout": "per_table",
    "txt_encoding": "cp874",
    "txt_newline": "\r\n",
    "txt_translate": {ord("↓"): "?"},
    "blocks": BLOCKS,
    "records": RECORDS,
    "findings": FINDINGS,
    "truth_defaults": {"agency": "จังหวัดระยอง", "fiscal_year": 2553},
}
