"""Builds the Word files of this folder: each case as a .docx written with python-docx, then
saved as Word 97-2003 .doc (and OpenDocument .odt) by LibreOffice, as an office saves them.

    .venv/bin/python tests/data/doc/make.py      # needs soffice (make office)

The .docx beside each .doc (or in samples/, for the samples converted) is its twin:
tests/test_readers_doc.py and tests/test_readers_odt.py read both and compare.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import docx
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

HERE = Path(__file__).resolve().parent


def shade(cell, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    tcpr.append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>'))


def features() -> docx.Document:
    """Cells of several paragraphs, merges both ways, Gantt bars, a nested ladder, tabs, line
    breaks, runs of spaces, markup characters, numbered and bulleted lists, struck text."""
    d = docx.Document()
    d.add_paragraph("แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2567")
    p = d.add_paragraph("ผู้รับผิดชอบ:\tนายสมชาย  ใจดี")
    p.add_run().add_break(WD_BREAK.LINE)
    p.add_run("โทร. 0-5311-2233 <ภายใน> & \"ด่วน\"")
    p = d.add_paragraph("ค่าเป้าหมาย ")
    p.add_run("ร้อยละ 70").font.strike = True
    p.add_run("ร้อยละ 80")
    for text in ("ประชุมชี้แจง", "คัดเลือกเกษตรกร"):
        d.add_paragraph(text, style="List Number")
    d.add_paragraph("ข้อสังเกต", style="List Bullet")
    t = d.add_table(rows=5, cols=6)
    t.style = "Table Grid"
    head = ["ที่", "กิจกรรม", "ต.ค.", "พ.ย.", "ธ.ค.", "งบประมาณ"]
    for k, x in enumerate(head):
        t.cell(0, k).text = x
    rows = [["1", "ประชุม", "", "", "", "10,000"], ["2", "อบรม", "", "", "", "20,000"],
            ["3", "ติดตาม", "", "", "", ""]]
    for r, row in enumerate(rows, start=1):
        for k, x in enumerate(row):
            t.cell(r, k).text = x
    for r, cols in ((1, (2,)), (2, (3, 4)), (3, (4,))):
        for k in cols:
            shade(t.cell(r, k), "808080")
    shade(t.cell(3, 2), "FFFFFF")            # white: not a bar
    t.cell(0, 0).paragraphs[0].add_run().add_break(WD_BREAK.LINE)
    t.cell(0, 0).add_paragraph("(No.)")
    m = t.cell(2, 5).merge(t.cell(3, 5))      # vertical merge with text in both
    m.paragraphs[-1].text = "รวม 2 รายการ"
    t.cell(4, 0).merge(t.cell(4, 4)).paragraphs[0].text = "รวมงบประมาณทั้งสิ้น"
    t.cell(4, 5).text = "30,000"
    # a ladder nested in a cell beside others: lines of the cell's text
    ladder = t.cell(1, 1).add_table(rows=2, cols=2)
    for r, (a, b) in enumerate((("ระดับ 1", "ร้อยละ 60"), ("ระดับ 5", "ร้อยละ 80"))):
        ladder.cell(r, 0).text, ladder.cell(r, 1).text = a, b
    d.add_paragraph("ลงชื่อ ........................ ผู้อนุมัติ")
    return d


def field(p, code: str, result: str) -> None:
    """A complex field (w:fldChar begin / instrText / separate / result / end) in paragraph p."""
    def char(kind):
        r = p.add_run()
        r._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="{kind}"/>'))
    char("begin")
    r = p.add_run()
    r._r.append(parse_xml(f'<w:instrText {nsdecls("w")} xml:space="preserve">{code}</w:instrText>'))
    char("separate")
    p.add_run(result)
    char("end")


def specials() -> docx.Document:
    """Word's special characters and character properties in a .doc: field codes (left out)
    and results (kept), non-breaking and optional hyphens, no-break spaces, tracked deletions
    and double-struck text (left out), hidden text (kept, as the DOCX reader keeps it), a
    superscript footnote digit after a number, a line break and a field in a cell, cells over
    several columns, a merge starting right below another."""
    d = docx.Document()
    d.add_paragraph("รายงานผลการดำเนินงาน รอบ 6 เดือน")
    p = d.add_paragraph("หน้า ")
    field(p, " PAGE ", "1")
    p.add_run(" ดู ")
    field(p, ' HYPERLINK "http://www.example.go.th" ', "เว็บไซต์สำนักงาน")
    p = d.add_paragraph("รหัสโครงการ 67")
    p.add_run()._r.append(OxmlElement("w:noBreakHyphen"))
    p.add_run("0012\u00a0ก")
    p.add_run()._r.append(OxmlElement("w:softHyphen"))
    p.add_run("ข")
    p = d.add_paragraph("ผลการดำเนินงาน ")
    p._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z">'
                          '<w:r><w:delText>ร้อยละ 50</w:delText></w:r></w:del>'))
    p.add_run("ร้อยละ 90")
    r = p.add_run(" (เดิม 85)")
    r._r.get_or_add_rPr().append(parse_xml(f'<w:dstrike {nsdecls("w")}/>'))
    r = p.add_run(" หมายเหตุซ่อน")
    r.font.hidden = True
    p = d.add_paragraph("ตัวชี้วัดที่ 1")
    r = p.add_run("1)")
    r.font.superscript = True
    t = d.add_table(rows=4, cols=4)
    t.style = "Table Grid"
    for k, x in enumerate(["ตัวชี้วัด", "เป้าหมาย", "ผล", "หมายเหตุ"]):
        t.cell(0, k).text = x
    c = t.cell(1, 0)
    c.text = "ร้อยละของ"
    c.paragraphs[0].add_run().add_break(WD_BREAK.LINE)
    c.paragraphs[0].add_run("ผู้ป่วย")
    c = t.cell(1, 1)
    c.text = "80 "
    field(c.paragraphs[0], " = 40*2 ", "80")
    t.cell(1, 2).merge(t.cell(1, 3)).text = "ผ่านเกณฑ์"
    t.cell(2, 3).merge(t.cell(3, 3)).text = "รวม"
    t.cell(2, 0).text, t.cell(3, 0).text = "ข้อ 2", "ข้อ 3"
    d.add_paragraph("ลงชื่อ ผู้รายงาน")
    return d


CASES = {"features": features, "specials": specials}
# sample Word files saved as .doc too: a Gantt plan of shaded cells, merges that start right
# below other merges, typographic dashes
SAMPLES = ["kanchanaburi/kanchanaburi_activity_plan_2557.docx", "defects/defect_form72_2553.docx",
           "กรุงเทพมหานคร/bma_best_service_2558.docx"]


def main() -> int:
    soffice = shutil.which("soffice")
    if not soffice:
        print("soffice not found", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        srcs = []
        for name, make in CASES.items():
            path = HERE / f"{name}.docx"
            make().save(path)
            srcs.append(path)
        samples = [HERE.parent.parent.parent / "samples" / s for s in SAMPLES]
        # features alone as .odt: tests/test_readers_odt.py reads it
        for target, paths in (("doc:MS Word 97", srcs + samples), ("odt", srcs[:1])):
            subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                            "--convert-to", target, "--outdir", str(HERE)] + [str(s) for s in paths],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           timeout=300)
    return 0


if __name__ == "__main__":
    sys.exit(main())
