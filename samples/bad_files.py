"""The broken files of samples/bad/: every way a submission can fail to be read.

    .venv/bin/python samples/bad_files.py     (also run by samples/build.py)

| file | what it is | thaiforms should |
|---|---|---|
| corrupt.pdf | a PDF header followed by noise | fail: FILE_UNREADABLE |
| truncated.pdf | the first half of a real PDF (nan_activity_plan_2566.pdf) | fail |
| encrypted.pdf | a real PDF encrypted with a user password (AES-256, by qpdf) | fail |
| empty.docx | zero bytes | fail |
| text_as.docx | plain UTF-8 text named .docx | fail |
| photo.jpg | a JPEG photo of a ruled page with nothing written on it | read by OCR; no text, no form |
| zipbomb.docx | a small DOCX whose word/document.xml expands to 400 MiB | fail, fast |
| xmlbomb.docx | a DOCX whose document.xml declares nested entities (billion laughs) | fail, fast |
| strict.xlsx | a Strict OOXML workbook (openpyxl sees no sheet) | fail, or read it |
| scanned.pdf | one page that is only an image (no text layer) | read by OCR (where tesseract is installed); no form in it |
| loop | a symlink to its own folder | not followed |

Everything is deterministic except scanned.pdf, which is only remade when its DOCX changes.
"""
from __future__ import annotations

import hashlib
import io
import os
import random
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
BAD = HERE / "bad"

# What `thaiforms run` should make of each file: (status, finding code). "a|b" = either is right
# (a reader that understands Strict OOXML may read strict.xlsx: it holds no form).
EXPECT = {
    "corrupt.pdf": ("failed", "FILE_UNREADABLE"),
    "truncated.pdf": ("failed", "FILE_UNREADABLE"),
    "encrypted.pdf": ("failed", "FILE_UNREADABLE"),
    "empty.docx": ("failed", "FILE_UNREADABLE"),
    "text_as.docx": ("failed", "FILE_UNREADABLE"),
    "photo.jpg": ("ok", "NO_FORM_FOUND"),
    "zipbomb.docx": ("failed", "FILE_UNREADABLE"),
    "xmlbomb.docx": ("failed", "FILE_UNREADABLE"),
    "strict.xlsx": ("failed|ok", "FILE_UNREADABLE|NO_FORM_FOUND"),
    "scanned.pdf": ("ok", "NO_FORM_FOUND"),
}
ZIP_DT = (2010, 1, 4, 9, 0, 0)

CONTENT_TYPES_DOCX = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>')
RELS_DOCX = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _zi(name: str) -> zipfile.ZipInfo:
    zi = zipfile.ZipInfo(name, date_time=ZIP_DT)
    zi.compress_type = zipfile.ZIP_DEFLATED
    zi.external_attr = 0o644 << 16
    return zi


def corrupt_pdf() -> bytes:
    rnd = random.Random(2553)
    return b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(rnd.randrange(256) for _ in range(4000))


def truncated_pdf() -> bytes:
    data = (HERE / "nan" / "nan_activity_plan_2566.pdf").read_bytes()
    return data[: len(data) // 2]


def encrypted_pdf(path: Path) -> None:
    qpdf = shutil.which("qpdf")
    if not qpdf:
        print("qpdf not found: bad/encrypted.pdf kept as it is", file=sys.stderr)
        return
    src = HERE / "khonkaen" / "khonkaen_kpi_report_2567.pdf"
    # AES keys are random: keep the committed file unless the PDF it encrypts changed
    import json
    sources = HERE / "pdf_sources.json"
    known = json.loads(sources.read_text()) if sources.exists() else {}
    h = hashlib.sha256(src.read_bytes()).hexdigest()
    if path.exists() and known.get("bad/encrypted.pdf") == h:
        return
    subprocess.run([qpdf, "--static-id", "--static-aes-iv", "--encrypt", "user2553",
                    "owner2553", "256", "--", str(src), str(path)], check=True)
    known["bad/encrypted.pdf"] = h
    sources.write_text(json.dumps(dict(sorted(known.items())), indent=1, ensure_ascii=False)
                       + "\n")


def text_as_docx() -> bytes:
    return ("แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2553\n"
            "ไฟล์นี้บันทึกเป็นข้อความธรรมดาแต่ตั้งชื่อเป็น .docx\n").encode("utf-8")


def photo_jpg() -> bytes:
    from PIL import Image, ImageDraw
    img = Image.new("RGB", (320, 240), (236, 232, 220))
    d = ImageDraw.Draw(img)
    for y in range(30, 220, 22):
        d.line([(20, y), (300, y)], fill=(90, 90, 90), width=2)
    d.rectangle([20, 20, 300, 220], outline=(40, 40, 40), width=3)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=70)
    return buf.getvalue()


def zipbomb_docx(path: Path, expanded_mib: int = 400) -> None:
    """word/document.xml padded with ``expanded_mib`` MiB of spaces: about 400 KiB on disk."""
    head = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>แผนปฏิบัติการ</w:t></w:r></w:p>')
    tail = "</w:body></w:document>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr(_zi("[Content_Types].xml"), CONTENT_TYPES_DOCX)
        zf.writestr(_zi("_rels/.rels"), RELS_DOCX)
        with zf.open(_zi("word/document.xml"), "w", force_zip64=True) as f:
            f.write(head.encode("utf-8"))
            chunk = b" " * (1 << 20)
            for _ in range(expanded_mib):
                f.write(chunk)
            f.write(tail.encode("utf-8"))


def xmlbomb_docx() -> bytes:
    ents = ['<!ENTITY lol0 "แผนแผนแผนแผนแผนแผนแผนแผนแผนแผน">']
    for i in range(1, 10):
        prev = f"&lol{i - 1};"
        ents.append(f'<!ENTITY lol{i} "{prev * 10}">')
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<!DOCTYPE w:document [\n' + "\n".join(ents) + "\n]>\n"
           f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>'
           "</w:body></w:document>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(_zi("[Content_Types].xml"), CONTENT_TYPES_DOCX)
        zf.writestr(_zi("_rels/.rels"), RELS_DOCX)
        zf.writestr(_zi("word/document.xml"), doc)
    return buf.getvalue()


def strict_xlsx() -> bytes:
    """A Strict Open XML workbook (what Excel writes for "Strict Open XML Spreadsheet"): every
    namespace is the purl.oclc.org one, so openpyxl finds no sheet in it."""
    S = "http://purl.oclc.org/ooxml/spreadsheetml/main"
    R = "http://purl.oclc.org/ooxml/officeDocument/relationships"
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
          'officedocument.spreadsheetml.sheet.main+xml"/>'
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
          'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{R}/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>')
    wb = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          f'<workbook xmlns="{S}" xmlns:r="{R}" conformance="strict"><sheets>'
          '<sheet name="ผู้ประสานงาน" sheetId="1" r:id="rId1"/></sheets></workbook>')
    wbrels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              f'<Relationship Id="rId1" Type="{R}/worksheet" Target="worksheets/sheet1.xml"/>'
              '</Relationships>')
    rows = [("ชื่อ", "หน่วยงาน", "โทรศัพท์"),
            ("นางสาวกนกวรรณ ทองดี", "สำนักงานจังหวัดพะเยา", "0-5441-1234"),
            ("นายอนุชา แก้วมณี", "สำนักงานจังหวัดขอนแก่น", "0-4323-6781")]
    xml_rows = []
    for r, row in enumerate(rows, 1):
        cells = "".join(f'<c r="{"ABC"[c]}{r}" t="inlineStr"><is><t>{v}</t></is></c>'
                        for c, v in enumerate(row))
        xml_rows.append(f'<row r="{r}">{cells}</row>')
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             f'<worksheet xmlns="{S}"><sheetData>{"".join(xml_rows)}</sheetData></worksheet>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in (("[Content_Types].xml", ct), ("_rels/.rels", rels),
                           ("xl/workbook.xml", wb), ("xl/_rels/workbook.xml.rels", wbrels),
                           ("xl/worksheets/sheet1.xml", sheet)):
            zf.writestr(_zi(name), text)
    return buf.getvalue()


def scanned_page_png() -> bytes:
    """A photographed form: a table drawn as pixels, with Thai words as pixels too."""
    from PIL import Image, ImageDraw, ImageFont
    img = Image.new("L", (1654, 1170), 248)  # A4 landscape at 140 dpi
    d = ImageDraw.Draw(img)
    font_path = "/usr/share/fonts/truetype/tlwg/Laksaman.ttf"
    try:
        font = ImageFont.truetype(font_path, 34)
        small = ImageFont.truetype(font_path, 26)
    except OSError:
        font = small = ImageFont.load_default()
    d.text((560, 60), "แบบฟอร์มที่ 7.2", fill=20, font=font)
    x0, y0, x1 = 80, 160, 1574
    cols = [80, 420, 640, 960, 1120, 1280, 1420, 1574]
    heads = ["แผนพัฒนาองค์การ", "มิติด้าน", "ตัวชี้วัด KPI", "ข้อมูล", "เป้าหมาย", "น้ำหนัก", "เกณฑ์"]
    rows_y = [y0 + 70 * i for i in range(12)]
    for y in rows_y:
        d.line([(x0, y), (x1, y)], fill=30, width=3)
    for x in cols:
        d.line([(x, y0), (x, rows_y[-1])], fill=30, width=3)
    for x, h in zip(cols, heads):
        d.text((x + 12, y0 + 18), h, fill=20, font=small)
    rnd = random.Random(7)
    for y in rows_y[1:-1]:
        for x, nx in zip(cols, cols[1:]):
            w = rnd.randint(30, max(40, nx - x - 40))
            d.rectangle([x + 14, y + 28, x + 14 + w, y + 40], fill=110)
    buf = io.BytesIO()
    img.save(buf, "PNG", optimize=True)
    return buf.getvalue()


def scanned_pdf(path: Path) -> None:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm
    png = scanned_page_png()
    document = docx.Document()
    sec = document.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(sec, side, Cm(1.0))
    document.add_picture(io.BytesIO(png), width=Cm(27.0))
    from datetime import datetime
    cp = document.core_properties
    cp.created = cp.modified = cp.last_printed = datetime(2010, 1, 4, 9, 0, 0)
    buf = io.BytesIO()
    document.save(buf)
    import build
    data = build.normalize_zip(buf.getvalue())
    with tempfile.TemporaryDirectory(prefix="thaiforms_scan_") as tmp:
        src = Path(tmp) / "scanned.docx"
        src.write_bytes(data)
        build.convert_pdfs([(src, path)])


def loop_symlink() -> None:
    link = BAD / "loop"
    if link.is_symlink() and os.readlink(link) == ".":
        return
    if link.exists() or link.is_symlink():
        link.unlink()
    os.symlink(".", link)


def main() -> None:
    BAD.mkdir(exist_ok=True)
    (BAD / "corrupt.pdf").write_bytes(corrupt_pdf())
    (BAD / "truncated.pdf").write_bytes(truncated_pdf())
    encrypted_pdf(BAD / "encrypted.pdf")
    (BAD / "empty.docx").write_bytes(b"")
    (BAD / "text_as.docx").write_bytes(text_as_docx())
    (BAD / "photo.jpg").write_bytes(photo_jpg())
    zipbomb_docx(BAD / "zipbomb.docx")
    (BAD / "xmlbomb.docx").write_bytes(xmlbomb_docx())
    (BAD / "strict.xlsx").write_bytes(strict_xlsx())
    scanned_pdf(BAD / "scanned.pdf")
    loop_symlink()
    for p in sorted(BAD.iterdir()):
        print(p.relative_to(HERE.parent), hashlib.sha256(p.read_bytes()).hexdigest()[:12]
              if p.is_file() and not p.is_symlink() else "-> " + os.readlink(p))


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    main()
