#!/usr/bin/env python3
"""Synthetic submissions for the benchmark: Thai form-like tables (แบบฟอร์มที่ 7.2 KPI tables,
activity plans with Gantt columns, KPI ladders) as DOCX, XLSX, text and PDF, varied by seed.

    python scripts/make_corpus.py --files 300 [--seed 1] [--out bench_out/corpus-300-s1]

Layout: OUT/<format>/<province>/<name>.<ext>, so each format can be timed on its own. PDFs are
5-10 pages: a handful of long DOCX converted by LibreOffice (``soffice --headless``), copied to
the number needed; without soffice the committed PDFs under samples/ are merged page by page
with pypdfium2 instead. A corpus already built with the same parameters is reused.
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARE = {"docx": 0.3, "xlsx": 0.3, "txt": 0.3, "pdf": 0.1}
UNIQUE_PDFS = 6

PROVINCES = ["ระยอง", "สตูล", "จันทบุรี", "ขอนแก่น", "เชียงใหม่", "นครราชสีมา", "สงขลา",
             "อุบลราชธานี", "พิษณุโลก", "ตราด", "ลำปาง", "ภูเก็ต"]
MONTHS = ["ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.",
          "ส.ค.", "ก.ย."]
DIMENSIONS = [("7.1", "ด้านประสิทธิผล"), ("7.2", "ด้านคุณภาพการให้บริการ"),
              ("7.3", "ด้านประสิทธิภาพ"), ("7.4", "ด้านการพัฒนาองค์การ")]
KPI_NAMES = ["ร้อยละของผู้รับบริการที่มีความพึงพอใจ", "ระดับความสำเร็จของการจัดทำแผนบริหารความเสี่ยง",
             "ร้อยละของข้าราชการที่ได้รับการพัฒนาตามแผน", "จำนวนเรื่องร้องเรียนที่ได้รับการแก้ไข",
             "ระดับความสำเร็จของการจัดตั้งศูนย์บริการร่วม", "ร้อยละของความไม่พึงพอใจของผู้รับบริการ",
             "ร้อยละของการเบิกจ่ายงบประมาณ", "ระดับความสำเร็จของการพัฒนาระบบฐานข้อมูล"]
ACTIVITIES = ["จัดประชุมคณะทำงานเพื่อกำหนดแนวทาง", "สำรวจความต้องการของผู้รับบริการ",
              "จัดทำแผนบริหารความเสี่ยง", "ถ่ายทอดแผนไปสู่การปฏิบัติ", "ดำเนินการตามแผน",
              "ติดตามและประเมินผล", "สรุปผลการดำเนินงานนำเสนอผู้บริหาร",
              "จัดอบรมเชิงปฏิบัติการ", "ปรับปรุงกระบวนงาน"]
OUTPUTS = ["- แผนบริหารความเสี่ยง", "- รายงานการประชุม", "- หน่วยงานรับทราบแผน",
           "- รายงานสรุปที่นำเสนอผู้บริหาร", "- คู่มือการปฏิบัติงาน"]
UNITS = ["กลุ่มงานยุทธศาสตร์", "คณะทำงานฯ", "สำนักงานจังหวัด", "กลุ่มงานบริหารทั่วไป"]

# A table: rows of cells; a cell is text or ("text", colspan).


def _be_short(fy: int, month_index: int) -> str:
    year = fy - 1 if month_index < 3 else fy
    return f"{MONTHS[month_index]} {year % 100:02d}"


def form72(rng: random.Random, fy: int, n: int) -> tuple[list[str], list]:
    title = ["แบบฟอร์มที่ 7.2", "แบบฟอร์มแสดงตัวชี้วัดความสำเร็จของการดำเนินการ",
             f"ตามแผนพัฒนาองค์การประจำปีงบประมาณ พ.ศ. {fy}"]
    rows: list = [["แผนพัฒนาองค์การ", "มิติด้าน", "ตัวชี้วัด KPI", "ข้อมูลปัจจุบัน",
                   "เป้าหมาย Target", "น้ำหนัก คะแนน", ("เกณฑ์การให้คะแนน", 5)],
                  ["", "", "", "", "", "", "1", "2", "3", "4", "5"]]
    for i in range(n):
        dim = DIMENSIONS[i % 4]
        base = rng.choice([50, 60, 70, 75])
        step = rng.choice([2, 5])
        rows.append([f"{i + 1}. แนวนโยบาย {rng.randint(1, 5)} : การพัฒนาการวางแผนเชิงยุทธศาสตร์",
                     f"{dim[0]} {dim[1]}", f"{i + 1}.1 {rng.choice(KPI_NAMES)}",
                     str(base - 5), f"{base + 4 * step}%", rng.choice(["0.5", "1", "1.5", "2"])]
                    + [str(base + k * step) for k in range(5)])
    return title, rows


def activity_plan(rng: random.Random, fy: int, n: int, mark: str) -> tuple[list[str], list]:
    title = [f"แผนปฏิบัติการ กิจกรรมที่ {rng.randint(1, 4)} การจัดทำแผนบริหารความเสี่ยง",
             f"ปีงบประมาณ พ.ศ. {fy}"]
    rows: list = [["กิจกรรม/ขั้นตอน", "ระยะเวลา", "เริ่มต้น", "สิ้นสุด", (f"ปีงบประมาณ {fy}", 12),
                   "ผลผลิต/ดัชนีความก้าวหน้า", "ผู้รับผิดชอบ", "ผู้เกี่ยวข้อง", "งบประมาณ"],
                  ["", "", "", ""] + MONTHS + ["", "", "", ""]]
    for i in range(n):
        start = rng.randint(0, 10)
        end = min(11, start + rng.randint(0, 3))
        gantt = [mark if start <= m <= end else "" for m in range(12)]
        rows.append([f"{i + 1}. {rng.choice(ACTIVITIES)}", f"{end - start + 1} เดือน",
                     _be_short(fy, start), _be_short(fy, end)] + gantt
                    + [rng.choice(OUTPUTS), rng.choice(UNITS), '"',
                       rng.choice(["50,000", "30,000", "ในม.", "120,000", "-"])])
    return title, rows


def kpi_ladder(rng: random.Random, fy: int, n: int) -> tuple[list[str], list]:
    title = [f"ตัวชี้วัดคุณภาพการให้บริการประชาชน ประจำปีงบประมาณ พ.ศ. {fy}"]
    rows: list = [["ตัวชี้วัด", "น้ำหนัก (ร้อยละ)", ("เกณฑ์การให้คะแนน", 5), "ผลการดำเนินงาน"],
                  ["", "", "1", "2", "3", "4", "5", ""]]
    for i in range(n):
        base = rng.choice([60, 70, 80])
        rows.append([f"{i + 1}. {rng.choice(KPI_NAMES)}", str(rng.choice([5, 10, 15]))]
                    + [str(base + 5 * k) for k in range(5)] + [str(base + rng.randint(0, 25))])
    return title, rows


def document(seed: int, rows_range=(6, 30), mark="✓") -> dict:
    rng = random.Random(seed)
    fy = rng.randint(2550, 2560)
    province = rng.choice(PROVINCES)
    kind = rng.choice(["form72", "activity_plan", "kpi_ladder", "mixed"])
    n = rng.randint(*rows_range)
    if kind == "mixed":
        n = max(3, n // 2)  # two tables: about the same length of document
    parts = []
    if kind in ("form72", "mixed"):
        parts.append(form72(rng, fy, n))
    if kind in ("activity_plan", "mixed"):
        parts.append(activity_plan(rng, fy, n, mark))
    if kind == "kpi_ladder":
        parts.append(kpi_ladder(rng, fy, n))
    return {"province": province, "agency": f"จังหวัด{province}", "fy": fy, "kind": kind,
            "parts": parts}


def _expand(row) -> list[tuple[str, int]]:
    return [(c, 1) if isinstance(c, str) else c for c in row]


def write_docx(doc: dict, path: Path, landscape: bool = True) -> None:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt
    d = docx.Document()
    sec = d.sections[0]
    if landscape:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(sec, side, Cm(1.5))
    d.styles["Normal"].font.size = Pt(10)
    d.add_paragraph(f"{doc['agency']}")
    for title, rows in doc["parts"]:
        for line in title:
            d.add_paragraph(line)
        width = sum(s for _, s in _expand(rows[0]))
        t = d.add_table(rows=len(rows), cols=width)
        t.style = "Table Grid"
        cells = t._cells  # once: Table.cell() recomputes the whole grid on every call
        merges = []
        for r, row in enumerate(rows):
            col = 0
            for text, span in _expand(row):
                if text:
                    cells[r * width + col].text = text
                if span > 1:
                    merges.append((r, col, col + span - 1))
                col += span
        for r, a, b in merges:
            t.cell(r, a).merge(t.cell(r, b))
        d.add_paragraph("")
    d.add_paragraph("พิจารณาเห็นชอบดำเนินการ")
    d.add_paragraph(f"ลงนาม นายสมชาย ใจดี  ผู้ว่าราชการจังหวัด{doc['province']}")
    d.save(path)


def write_xlsx(doc: dict, path: Path) -> None:
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "แบบฟอร์ม"
    r = 1
    ws.cell(r, 1, doc["agency"])
    r += 1
    for title, rows in doc["parts"]:
        for line in title:
            ws.cell(r, 1, line)
            r += 1
        for row in rows:
            col = 1
            for text, span in _expand(row):
                if text:
                    ws.cell(r, col, float(text) if _is_number(text) else text)
                if span > 1:
                    ws.merge_cells(start_row=r, start_column=col, end_row=r,
                                   end_column=col + span - 1)
                col += span
            r += 1
        r += 1
    wb.save(path)


def _is_number(text: str) -> bool:
    try:
        float(text)
        return True
    except ValueError:
        return False


def write_text(doc: dict, path: Path, encoding: str) -> None:
    lines = [doc["agency"], ""]
    for title, rows in doc["parts"]:
        lines += title + [""]
        for row in rows:
            cells = []
            for text, span in _expand(row):
                cells += [text] + [""] * (span - 1)
            lines.append("\t".join(cells))
        lines.append("")
    data = "\r\n".join(lines) + "\r\n"
    path.write_bytes(data.encode(encoding, errors="replace"))


# ---------------------------------------------------------------------------------------------

def _pdf_sources(out: Path, seed: int, log) -> list[Path]:
    """UNIQUE_PDFS distinct PDFs of 5-10 pages."""
    cache = out.parent / f"pdf-s{seed}"
    marker = cache / "done.json"
    if marker.exists():
        return sorted(cache.glob("*.pdf"))
    cache.mkdir(parents=True, exist_ok=True)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice:
        with tempfile.TemporaryDirectory() as tmp:
            sources = []
            for k in range(UNIQUE_PDFS):
                doc = document(seed * 1000 + 900 + k, rows_range=(30, 45))
                if doc["kind"] == "kpi_ladder":
                    doc["parts"].append(activity_plan(random.Random(k), doc["fy"], 20, "✓"))
                src = Path(tmp) / f"long_{k:02d}.docx"
                write_docx(doc, src)
                sources.append(str(src))
            log(f"converting {len(sources)} DOCX to PDF with {soffice} ...")
            subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(cache),
                            *sources], check=True, capture_output=True, timeout=600)
    else:
        log("soffice (LibreOffice) is not installed: building PDFs by merging the pages of the "
            "committed samples/ PDFs with pypdfium2")
        import pypdfium2 as pdfium
        samples = sorted((ROOT / "samples").rglob("*.pdf"))
        good = []
        for s in samples:
            try:
                if len(pdfium.PdfDocument(str(s))) > 0:
                    good.append(s)
            except Exception:
                pass  # the deliberately broken samples
        if not good:
            raise SystemExit("no soffice and no readable PDFs under samples/: cannot make PDFs")
        rng = random.Random(seed)
        for k in range(UNIQUE_PDFS):
            target = rng.randint(5, 10)
            dst = pdfium.PdfDocument.new()
            while len(dst) < target:
                src = pdfium.PdfDocument(str(rng.choice(good)))
                dst.import_pages(src, list(range(min(len(src), target - len(dst)))))
            dst.save(str(cache / f"merged_{k:02d}.pdf"))
    import pypdfium2 as pdfium
    pages = {p.name: len(pdfium.PdfDocument(str(p))) for p in sorted(cache.glob("*.pdf"))}
    marker.write_text(json.dumps(pages, ensure_ascii=False, indent=1))
    return sorted(cache.glob("*.pdf"))


def _make_one(args) -> None:
    fmt, i, seed, path = args
    doc = document(seed * 100000 + i, mark="/" if fmt == "txt" and i % 3 == 0 else "✓")
    path = Path(path)
    if fmt == "docx":
        write_docx(doc, path)
    elif fmt == "xlsx":
        write_xlsx(doc, path)
    else:
        write_text(doc, path, "cp874" if i % 3 == 0 else "utf-8")


def build(files: int = 300, seed: int = 1, out: Path | None = None, log=print) -> Path:
    """Build (or reuse) a corpus of ``files`` files; returns its folder."""
    out = Path(out or ROOT / "bench_out" / f"corpus-{files}-s{seed}")
    marker = out.with_name(out.name + ".json")  # beside, not inside: it is not a submission
    params = {"files": files, "seed": seed, "share": SHARE, "version": 3}
    if marker.exists() and json.loads(marker.read_text()).get("params") == params:
        return out
    if out.exists():
        shutil.rmtree(out)
    counts = {fmt: int(round(files * share)) for fmt, share in SHARE.items()}
    counts["txt"] += files - sum(counts.values())
    pdfs = _pdf_sources(out, seed, log)
    jobs = []
    for fmt, n in counts.items():
        for i in range(n):
            province = PROVINCES[i % len(PROVINCES)]
            folder = out / fmt / province
            folder.mkdir(parents=True, exist_ok=True)
            name = f"{fmt}_{i:05d}.{fmt}"
            if fmt == "pdf":
                shutil.copyfile(pdfs[i % len(pdfs)], folder / name)
            else:
                jobs.append((fmt, i, seed, str(folder / name)))
    log(f"generating {len(jobs)} DOCX/XLSX/text files into {out} ...")
    from concurrent.futures import ProcessPoolExecutor
    with ProcessPoolExecutor() as pool:
        list(pool.map(_make_one, jobs, chunksize=16))
    marker.write_text(json.dumps({"params": params, "counts": counts}, indent=1))
    return out


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--files", type=int, default=300)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--out", type=Path)
    a = p.parse_args(argv)
    out = build(a.files, a.seed, a.out, log=lambda m: print(m, file=sys.stderr))
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
