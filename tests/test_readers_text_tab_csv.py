"""A .csv whose fields are separated by TAB (exports of online systems, Excel's "Unicode text"
renamed): its tables are split on the tabs, as a .tsv is, whatever its encoding."""
import pytest

from pipeline.readers import read_document
from schemas.document import Table
from tests.extract_helpers import extract_file

LINES = [
    "รายงานผลการดำเนินงานตามตัวชี้วัด ประจำปีงบประมาณ พ.ศ. 2569 (รอบ 12 เดือน)",
    "สำนักงานเกษตรจังหวัดกาฬสินธุ์",
    "ชื่อตัวชี้วัดที่ 2 : ระดับความสำเร็จของการส่งเสริมเกษตรกรเข้าสู่ระบบแปลงใหญ่",
    "เกณฑ์การให้คะแนน :",
    "ระดับคะแนน\tขั้นตอนที่ 1\tขั้นตอนที่ 2\tขั้นตอนที่ 3",
    "1\t/\t\t",
    "2\t/\t/\t",
    "3\t/\t/\t/",
    "",
    "ขั้นตอนที่\tรายละเอียดการดำเนินงาน\tกำหนดแล้วเสร็จ\tผลการดำเนินงาน",
    "1\tประชุมชี้แจงแนวทางแก่เกษตรอำเภอ\t30 พ.ย. 68\tดำเนินการแล้ว (25 พ.ย. 68)",
    "2\tคัดเลือกแปลงใหญ่รายใหม่ อย่างน้อย 5,000 ไร่\t31 ม.ค. 69\tดำเนินการแล้ว (20 ม.ค. 69)",
    "3\tสรุปผลและรายงานคณะกรรมการ\t31 มี.ค. 69\tอยู่ระหว่างดำเนินการ",
]


@pytest.mark.parametrize("encoding", ["cp874", "utf-8-sig"])
def test_tab_separated_csv_is_split_into_tables(tmp_path, encoding):
    path = tmp_path / "kpi2_report.csv"
    path.write_bytes("\r\n".join(LINES).encode(encoding))
    tables = [b for b in read_document(str(path)).pages[0].blocks if isinstance(b, Table)]
    assert len(tables) == 2
    steps = tables[1].grid()
    assert steps[2] == ["2", "คัดเลือกแปลงใหญ่รายใหม่ อย่างน้อย 5,000 ไร่", "31 ม.ค. 69",
                        "ดำเนินการแล้ว (20 ม.ค. 69)"]


def test_tab_separated_csv_report_gives_its_milestones(tmp_path):
    path = tmp_path / "kpi2_report.csv"
    path.write_bytes("\r\n".join(LINES).encode("cp874"))
    ex, findings = extract_file(path)
    steps = sorted({(r.item_no, r.name, r.deadline, r.status) for r in ex.records
                    if r.record_type == "milestone"})
    assert steps == [
        ("1", "ประชุมชี้แจงแนวทางแก่เกษตรอำเภอ", "2025-11-30", "done"),
        ("2", "คัดเลือกแปลงใหญ่รายใหม่ อย่างน้อย 5,000 ไร่", "2026-01-31", "done"),
        ("3", "สรุปผลและรายงานคณะกรรมการ", "2026-03-31", "not_done")]
    assert ("3", "DEADLINE_MISSED") in findings


def test_comma_csv_with_a_tab_inside_a_cell_stays_comma_separated(tmp_path):
    path = tmp_path / "plan.csv"
    path.write_text('ลำดับ,กิจกรรม,งบประมาณ\n1,"อบรม\tเกษตรกร","50,000"\n2,ประชุม,"10,000"\n',
                    encoding="utf-8-sig")
    table = next(b for b in read_document(str(path)).pages[0].blocks if isinstance(b, Table))
    assert table.grid()[2] == ["2", "ประชุม", "10,000"]
