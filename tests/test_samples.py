"""The committed samples are what samples/build.py says they are, and the expected results in
tests/expected/ are well-formed and cover every finding code.

Fast: nothing here runs LibreOffice; DOCX/XLSX/text samples are re-rendered in memory and compared
with the committed files part by part.
"""
from __future__ import annotations

import csv
import hashlib
import importlib.util
import io
import json
import os
import re
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
EXPECTED = ROOT / "tests" / "expected"
SEED_004 = ROOT.parent / "shared" / "seeds" / "004_23b239e2dbe53bed.txt"
SUBMISSION = {".docx", ".pdf", ".xlsx", ".txt", ".tsv", ".csv"}


def _load_module(name: str, path: Path, then=None):
    # samples/ is read by `thaiforms run`: no __pycache__ may appear in it
    before = sys.dont_write_bytecode
    sys.dont_write_bytecode = True
    try:
        spec = importlib.util.spec_from_file_location(name, path)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        if then:
            then(mod)
    finally:
        sys.dont_write_bytecode = before
    return mod


def _load_build():
    # load_sources imports every source once, also without bytecode
    return _load_module("samples_build", SAMPLES / "build.py", lambda m: m.load_sources())


build = _load_build()
DOCS = build.load_sources()
BY_STEM = {d["stem"]: d for d in DOCS}
_DOCX: dict[str, bytes] = {}


def fresh_docx(stem: str) -> bytes:
    if stem not in _DOCX:
        _DOCX[stem] = build.docx_bytes(BY_STEM[stem])
    return _DOCX[stem]


def sample_files() -> list[Path]:
    return [p for p in sorted(SAMPLES.rglob("*"))
            if p.is_file() and not p.is_symlink() and p.suffix.lower() in SUBMISSION
            and "source" not in p.relative_to(SAMPLES).parts[:1]]


def read_csv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def zip_parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist()}


def document_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml").decode("utf-8")


# ----------------------------------------------------------------------------- expected files

def test_every_expected_stem_has_a_sample_and_both_files():
    stems_rec = {p.stem for p in (EXPECTED / "records").glob("*.csv")}
    stems_fnd = {p.stem for p in (EXPECTED / "findings").glob("*.csv")}
    assert stems_rec == stems_fnd
    assert stems_rec == set(BY_STEM)
    have = {p.stem for p in sample_files()}
    assert stems_rec - have == set(), "expected results without a sample"
    # and every sample outside bad/ has expected results
    others = {p.stem for p in sample_files() if p.relative_to(SAMPLES).parts[0] != "bad"}
    assert others <= stems_rec


def test_each_document_comes_in_the_formats_its_source_lists():
    for doc in DOCS:
        folder = SAMPLES / doc["folder"]
        for fmt in doc["formats"]:
            # a web page is a web system's export: named .xls, in a folder of its own
            path = folder / "web_export" / f"{doc['stem']}.xls" if fmt == "html" else \
                folder / f"{doc['stem']}.{fmt}"
            assert path.is_file(), (doc["stem"], fmt)


def test_expected_records_are_well_formed():
    from schemas.records import CONSOLIDATED_COLUMNS
    forms = {"form72", "activity_plan", "kpi_report", "kpi_ladder"}
    n = 0
    for path in sorted((EXPECTED / "records").glob("*.csv")):
        rows = read_csv(path)
        with open(path, encoding="utf-8") as f:
            header = next(csv.reader(f))
        assert set(header) <= set(CONSOLIDATED_COLUMNS), path.name
        for r in rows:
            n += 1
            assert r["record_type"] in {"kpi", "activity", "milestone"}, path.name
            assert r["form"] in forms, path.name
            assert r["item_no"] and not r["item_no"].endswith("."), (path.name, r["item_no"])
            assert not re.search(r"[๐-๙]", r["item_no"]), "item numbers use Arabic digits"
            for col in ("start", "end"):
                assert re.fullmatch(r"(\d{4}-\d{2})?", r[col]), (path.name, col, r[col])
            for col in ("deadline", "completed"):
                assert re.fullmatch(r"(\d{4}-\d{2}-\d{2})?", r[col]), (path.name, col, r[col])
            for col in ("baseline", "target", "weight", "actual", "score", "duration_months",
                        "budget_thb", "level_1", "level_2", "level_3", "level_4", "level_5"):
                if r.get(col):
                    float(r[col])
            if r.get("score"):
                assert 0 <= float(r["score"]) <= 5
            assert r["fiscal_year"] == "" or re.fullmatch(r"25\d\d", r["fiscal_year"])
            if r["record_type"] == "milestone":
                assert r["status"] in {"done", "not_done", "unknown"}
                assert r["kpi_no"], path.name
            if r["direction"]:
                assert r["direction"] in {"higher", "lower"}
    assert n >= 100


def test_text_in_expected_files_is_not_nfkc_normalised():
    # ๐-๙, 〃 and the Thai sara am would be changed by NFKC; the truth keeps text as written
    import unicodedata
    rows = read_csv(EXPECTED / "records" / "dopa_activity_plan_2567.csv")
    names = [r["name"] for r in rows]
    assert any("๕" in n for n in names)
    text = (EXPECTED / "records" / "rayong_plan_2553.csv").read_text(encoding="utf-8")
    assert "ำ" in text and unicodedata.normalize("NFKC", text) != text


def test_expected_findings_use_contract_codes_and_cover_every_code():
    codes = json.loads((ROOT / "schemas" / "rules" / "findings.json").read_text("utf-8"))
    codes = {k for k in codes if not k.startswith("_")}
    seen = set()
    for path in sorted((EXPECTED / "findings").glob("*.csv")):
        for r in read_csv(path):
            assert r["code"] in codes, (path.name, r["code"])
            seen.add(r["code"])
    files = read_csv(EXPECTED / "files.csv")
    for r in files:
        seen.update(c for c in r["code"].split("|") if c)
    assert codes - seen == set(), f"finding codes no sample raises: {sorted(codes - seen)}"


def test_clean_documents_have_header_only_findings():
    clean = ["chiangmai_form72_2566", "dopa_activity_plan_2567", "khonkaen_kpi_report_2567",
             "lampang_kpi_ladder_2566", "songkhla_activity_plan_2566", "phuket_form72_2565",
             "nan_activity_plan_2566", "kpi7_service_centre_2549", "udon_activity_plan_2566",
             "surat_kpi_ladder_2567"]
    for stem in clean:
        path = EXPECTED / "findings" / f"{stem}.csv"
        assert path.read_text(encoding="utf-8").strip() == "code,item_no,value", stem


def test_rayong_truth_keeps_the_seed_defects():
    f = read_csv(EXPECTED / "findings" / "rayong_plan_2553.csv")
    codes = [r["code"] for r in f]
    assert codes.count("DATE_CORRECTED") == 3
    assert codes.count("DIMENSION_EMPTY") == 5
    assert codes.count("UNSIGNED") == 2
    for c in ("DATE_MISSING", "DURATION_MISMATCH", "BUDGET_SUM_MISMATCH", "DIRECTION_MISMATCH",
              "LADDER_DUPLICATE"):
        assert c in codes
    recs = {(r["parent_item"], r["item_no"]): r for r in
            read_csv(EXPECTED / "records" / "rayong_plan_2553.csv")
            if r["form"] == "activity_plan" and r["row_kind"] != "group"}
    assert recs[("1.2", "(3)")]["start"] == "2010-02" and recs[("1.2", "(3)")]["end"] == "2010-03"
    assert recs[("1.2", "(6)")]["start"] == "2010-04"
    assert recs[("", "4")]["start"] == "" and recs[("", "4")]["budget_thb"] == "50000"
    assert recs[("", "3")]["budget_thb"] == ""          # ในม.
    kpis = [r for r in read_csv(EXPECTED / "records" / "rayong_plan_2553.csv")
            if r["record_type"] == "kpi"]
    assert len(kpis) == 4
    assert [k["direction"] for k in kpis if "ไม่พึงพอใจ" in k["name"]] == ["lower"]


def test_files_csv_lists_every_file_under_samples():
    rows = read_csv(EXPECTED / "files.csv")
    listed = {r["source_file"] for r in rows}
    actual = {p.relative_to(SAMPLES).as_posix() for p in SAMPLES.rglob("*")
              if (p.is_file() or p.is_symlink()) and "__pycache__" not in p.parts}
    assert "bad/loop" in actual
    assert listed == actual
    for r in rows:
        for status in r["status"].split("|"):
            assert status in {"ok", "failed", "skipped"}


# ----------------------------------------------------------------------------- rebuild check

@pytest.mark.parametrize("stem", sorted(BY_STEM))
def test_committed_files_match_a_fresh_render(stem, tmp_path):
    doc = BY_STEM[stem]
    folder = SAMPLES / doc["folder"]
    for fmt in doc["formats"]:
        committed = folder / f"{stem}.{fmt}"
        fresh = tmp_path / committed.name
        if fmt == "docx":
            fresh.write_bytes(fresh_docx(stem))
        elif fmt == "xlsx":
            build.render_xlsx(doc, fresh)
        elif fmt in ("txt", "tsv", "csv"):
            build.render_text(doc, fresh, doc.get("txt_encoding", "utf-8"))
        else:
            continue
        if fmt in ("docx", "xlsx"):
            # the parts our sources decide; styles, themes and properties come from the
            # library's template and may change with its version
            a, b = zip_parts(committed.read_bytes()), zip_parts(fresh.read_bytes())
            ours = [n for n in a if n == "word/document.xml" or n == "xl/sharedStrings.xml"
                    or n.startswith("xl/worksheets/")]
            assert ours, committed
            for name in ours:
                assert a[name] == b.get(name), f"{committed}: {name} differs from a fresh build"
        else:
            assert committed.read_bytes() == fresh.read_bytes(), committed


def test_pdfs_were_made_from_the_current_docx(tmp_path):
    known = json.loads((SAMPLES / "pdf_sources.json").read_text("utf-8"))
    for doc in DOCS:
        if "pdf" not in doc["formats"]:
            continue
        key = f"{doc['folder']}/{doc['stem']}.pdf"
        assert known.get(key) == hashlib.sha256(fresh_docx(doc["stem"])).hexdigest(), \
            f"{key} is out of date: run samples/build.py"


# ----------------------------------------------------------------------------- real formats

def test_rayong_docx_has_real_merged_cells_and_repeated_headers():
    xml = document_xml(SAMPLES / "rayong" / "rayong_plan_2553.docx")
    assert xml.count('<w:gridSpan w:val="12"/>') >= 4        # ปีงบประมาณ 2553 over the months
    assert xml.count('<w:gridSpan w:val="20"/>') >= 2        # กิจกรรมที่ 2 / 3 group rows
    assert xml.count('<w:vMerge w:val="restart"/>') >= 20    # plan cells, KPI cells, headers
    assert xml.count("<w:vMerge/>") >= 60
    assert xml.count("<w:tblHeader") >= 8
    assert "TH SarabunPSK" in xml
    import docx
    d = docx.Document(str(SAMPLES / "rayong" / "rayong_plan_2553.docx"))
    form72 = d.tables[1]
    plan = form72.cell(1, 0)
    assert plan.text.startswith("1. แนวนโยบาย 2")
    assert form72.cell(12, 0)._tc is plan._tc                # one cell down the whole table


def test_form72_plan_cell_spans_every_indicator_row_in_chiangmai():
    import docx
    d = docx.Document(str(SAMPLES / "chiangmai" / "chiangmai_form72_2566.docx"))
    t = d.tables[0]
    top = t.cell(1, 7)
    assert all(t.cell(r, 7)._tc is top._tc for r in range(1, 6))
    assert t.cell(1, 6).text.count("\n") == 4                # ladder: five lines in one cell


def test_gantt_cells_are_shaded_or_ticked():
    xml = document_xml(SAMPLES / "defects" / "defect_activity_plan_2553.docx")
    assert xml.count('w:fill="A6A6A6"') == 4
    # udon: items 1.2 and 1.4 have no date text, only shaded months
    udon = document_xml(SAMPLES / "udon" / "udon_activity_plan_2566.docx")
    assert udon.count('w:fill="A6A6A6"') == 12
    from openpyxl import load_workbook
    ws = load_workbook(SAMPLES / "defects" / "defect_activity_plan_2553.xlsx").active
    filled = [c for row in ws.iter_rows() for c in row
              if c.fill is not None and c.fill.fill_type == "solid"]
    assert len(filled) == 4
    dopa = document_xml(SAMPLES / "dopa" / "dopa_activity_plan_2567.docx")
    for mark in ("✓", "✔", ">x<", "〃", '-"-', "๕๐,๐๐๐"):
        assert mark in dopa


def test_xlsx_layouts_differ_and_keep_merges():
    from openpyxl import load_workbook
    ray = load_workbook(SAMPLES / "rayong" / "rayong_plan_2553.xlsx")
    assert len(ray.sheetnames) >= 4
    assert any(len(ws.merged_cells.ranges) >= 10 for ws in ray.worksheets)
    dopa = load_workbook(SAMPLES / "dopa" / "dopa_activity_plan_2567.xlsx")
    assert len(dopa.sheetnames) == 1
    lam = load_workbook(SAMPLES / "lampang" / "lampang_kpi_ladder_2566.xlsx")
    values = [c.value for row in lam["ผลการดำเนินงาน"].iter_rows() for c in row]
    assert 72.5 in values                                     # a real number, not text


def test_text_encodings():
    cp874 = (SAMPLES / "rayong" / "rayong_plan_2553.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        cp874.decode("utf-8")
    text = cp874.decode("cp874")
    assert "ปีงบประมาณ 2553" in text and "\r\n" in text and "ในม." in text
    u16 = (SAMPLES / "songkhla" / "songkhla_activity_plan_2566.txt").read_bytes()
    assert u16[:2] == b"\xff\xfe" and "กิจกรรม" in u16[2:].decode("utf-16-le")
    u8 = (SAMPLES / "phuket" / "phuket_form72_2565.tsv").read_bytes()
    assert u8[:3] == b"\xef\xbb\xbf" and "\t" in u8.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(
        (SAMPLES / "surat" / "surat_kpi_ladder_2567.csv").read_bytes().decode("utf-8-sig"))))
    assert {len(r) for r in rows} == {10}
    assert any("38,000" in c for r in rows for c in r)


def test_rayong_text_export_keeps_the_seed_layout():
    if not SEED_004.exists():
        pytest.skip("seed 004 not beside the repository")
    seed = SEED_004.read_text(encoding="utf-8").split("\n")
    mine = (SAMPLES / "rayong" / "rayong_plan_2553.txt").read_bytes().decode("cp874")
    mine = mine.replace("\r\n", "\n").split("\n")
    # cp874 has no ↓: Word's export writes ? instead
    assert [l.replace("↓", "?") for l in seed if "\t" in l] == [l for l in mine if "\t" in l]
    assert [l for l in seed if "\t" not in l and l.strip()] == \
        [l for l in mine if "\t" not in l and l.strip()]


def test_pdfs_have_a_thai_text_layer_and_landscape_pages():
    import pypdfium2 as pdfium
    for path in sample_files():
        if path.suffix != ".pdf" or path.parent.name in ("bad", "scanned"):
            continue            # (scanned copies have no text layer: samples/scan.py)
        pdf = pdfium.PdfDocument(str(path))
        text = "".join(p.get_textpage().get_text_range() for p in pdf)
        assert re.search(r"[ก-๙]{20}", text), path
    pdf = pdfium.PdfDocument(str(SAMPLES / "rayong" / "rayong_plan_2553.pdf"))
    w, h = pdf[0].get_size()
    assert w > h


def test_a_pdf_table_runs_over_pages_with_its_header_repeated():
    import pypdfium2 as pdfium
    pdf = pdfium.PdfDocument(str(SAMPLES / "rayong" / "rayong_plan_2553.pdf"))
    texts = [p.get_textpage().get_text_range() for p in pdf]
    # four activity tables carry the output column header once each in the DOCX
    assert sum(t.count("ผลผลิต") for t in texts) > 4


# ----------------------------------------------------------------------------- bad files

BAD = SAMPLES / "bad"


def _bad_expect():
    return _load_module("bad_files", SAMPLES / "bad_files.py").EXPECT


def test_bad_files_are_present_and_broken_as_described():
    for name in _bad_expect():
        assert (BAD / name).is_file(), name
    assert (BAD / "empty.docx").stat().st_size == 0
    assert not zipfile.is_zipfile(BAD / "text_as.docx")
    assert (BAD / "corrupt.pdf").read_bytes().startswith(b"%PDF")
    source = (SAMPLES / "nan" / "nan_activity_plan_2566.pdf").read_bytes()
    trunc = (BAD / "truncated.pdf").read_bytes()
    assert source.startswith(trunc) and len(trunc) == len(source) // 2
    assert b"/Encrypt" in (BAD / "encrypted.pdf").read_bytes()
    assert (BAD / "photo.jpg").read_bytes()[:3] == b"\xff\xd8\xff"


def test_loop_is_a_symlink_to_its_own_folder():
    link = BAD / "loop"
    assert link.is_symlink() and os.readlink(link) == "."


def test_zip_bomb_is_small_on_disk_and_huge_inside():
    path = BAD / "zipbomb.docx"
    assert path.stat().st_size < 1 << 20
    with zipfile.ZipFile(path) as z:
        declared = sum(i.file_size for i in z.infolist())
    assert declared > 300 << 20


def test_xml_bomb_declares_nested_entities():
    with zipfile.ZipFile(BAD / "xmlbomb.docx") as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert "<!DOCTYPE" in xml and xml.count("<!ENTITY") == 10 and "&lol9;" in xml


def test_strict_workbook_uses_strict_namespaces():
    with zipfile.ZipFile(BAD / "strict.xlsx") as z:
        wb = z.read("xl/workbook.xml").decode("utf-8")
    assert "http://purl.oclc.org/ooxml/spreadsheetml/main" in wb
    import warnings
    from openpyxl import load_workbook
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert load_workbook(BAD / "strict.xlsx").sheetnames == []


def test_encrypted_and_broken_pdfs_do_not_open_and_scanned_has_no_text():
    import pypdfium2 as pdfium
    for name in ("encrypted.pdf", "truncated.pdf", "corrupt.pdf"):
        with pytest.raises(pdfium.PdfiumError):
            pdfium.PdfDocument(str(BAD / name))
    pdf = pdfium.PdfDocument(str(BAD / "scanned.pdf"))
    assert len(pdf) == 1
    page = pdf[0]
    assert page.get_textpage().get_text_range().strip() == ""
    assert any(o.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE for o in page.get_objects())


def test_samples_stay_small():
    total = sum(p.stat().st_size for p in SAMPLES.rglob("*") if p.is_file() and not p.is_symlink())
    assert total < 10 << 20
