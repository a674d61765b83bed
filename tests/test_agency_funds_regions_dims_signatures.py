"""A fund or a numbered regional office named in the title, an office only a labelled
field names, a dimension row `(7.1) …`, and a signature dated without `วันที่`."""
import csv
from docx import Document
from pipeline.cli import main
from extractors.common import find_agency


def test_fund_and_regional_offices_and_field_office():
    assert find_agency("กองทุนพัฒนาสื่อปลอดภัยและสร้างสรรค์\nแบบฟอร์มที่ 7.2 ประจำปีงบประมาณ พ.ศ. 2570") \
        == "กองทุนพัฒนาสื่อปลอดภัยและสร้างสรรค์"
    assert find_agency("แผนการดำเนินงาน กองทุนเพื่อความเสมอภาคทางการศึกษา ปีงบประมาณ 2571") \
        == "กองทุนเพื่อความเสมอภาคทางการศึกษา"
    assert find_agency("สำนักงานทรัพยากรน้ำภาค 3  กรมทรัพยากรน้ำ\nแบบฟอร์มที่ 7.2") == "สำนักงานทรัพยากรน้ำภาค 3"
    assert find_agency("แผนปฏิบัติการ\nหน่วยงาน  สำนักงานหลักประกันสุขภาพแห่งชาติ เขต 1 เชียงใหม่") \
        == "สำนักงานหลักประกันสุขภาพแห่งชาติ เขต 1 เชียงใหม่"
    assert find_agency("รายงานผล\nหน่วยงาน : สำนักงานส่งเสริมเศรษฐกิจดิจิทัล\nตัวชี้วัดที่ 3.2 ระดับ") \
        == "สำนักงานส่งเสริมเศรษฐกิจดิจิทัล"
    # unchanged: an education area, a Bangkok district office, a section in the field
    assert find_agency("สำนักงานเขตพื้นที่การศึกษาประถมศึกษาน่าน เขต 1") == "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาน่าน เขต 1"
    assert find_agency("สำนักงานเขตจตุจักร กรุงเทพมหานคร") == "สำนักงานเขตจตุจักร"
    assert find_agency("รายงานผล\nหน่วยงาน : กลุ่มงานแผน") == ""


def _run(tmp_path, name, build):
    d = tmp_path / "in" / "x"; d.mkdir(parents=True)
    build(d / name)
    out = tmp_path / "out"
    main(["run", str(tmp_path / "in"), "-o", str(out), "--no-cache", "--no-progress", "--as-of", "2026-11-22"])
    read = lambda f: list(csv.DictReader(open(out / f, encoding="utf-8-sig")))
    return read("consolidated.csv"), read("findings.csv")


def test_bracketed_dimension_rows_in_csv(tmp_path):
    def build(p):
        rows = [["คำรับรองการปฏิบัติราชการของสำนักงานเขตบางรัก ประจำปีงบประมาณ พ.ศ. 2570"],
                ["ลำดับ", "ตัวชี้วัด", "หน่วยวัด", "น้ำหนัก", "เป้าหมาย", "ระดับ1", "ระดับ2", "ระดับ3", "ระดับ4", "ระดับ5"],
                ["(7.1) มิติด้านประสิทธิผล"],
                ["1", "ร้อยละของคำร้องที่แก้ไขเสร็จ", "ร้อยละ", "60", "95", "75", "80", "85", "90", "95"],
                ["(7.2) มิติด้านคุณภาพ"],
                ["2", "ร้อยละความพึงพอใจของผู้รับบริการ", "ร้อยละ", "40", "90", "80", "82.5", "85", "87.5", "90"]]
        with open(p, "w", encoding="utf-8-sig", newline="") as fh:
            csv.writer(fh).writerows(rows)
    cons, _ = _run(tmp_path, "f.csv", build)
    assert [(r["item_no"], r["dimension"]) for r in cons] == [("1", "7.1"), ("2", "7.2")]


def test_signature_dated_without_label(tmp_path):
    def build(p):
        d = Document()
        d.add_paragraph("แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2570")
        d.add_paragraph("หน่วยงาน : สำนักงานส่งเสริมเศรษฐกิจดิจิทัล")
        t = d.add_table(rows=3, cols=4)
        for r, row in enumerate([["ที่", "กิจกรรม", "วันเริ่มต้น", "วันสิ้นสุด"],
                                 ["1", "สำรวจข้อมูล", "1 ต.ค. 2569", "31 ธ.ค. 2569"],
                                 ["2", "อบรมผู้ประกอบการ", "1 ม.ค. 2570", "31 มี.ค. 2570"]]):
            for c, v in enumerate(row):
                t.cell(r, c).text = v
        d.add_paragraph("ลงชื่อ นายวิทยา ใจมั่น ผู้อำนวยการ ๒๕ ก.ย. ๒๕๖๙")
        d.save(p)
    cons, finds = _run(tmp_path, "p.docx", build)
    assert len(cons) == 2
    assert "UNSIGNED" not in [f["code"] for f in finds]
