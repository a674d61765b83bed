"""OCR of scanned pages (pipeline/readers/ocr.py): the image's rulings, cells and shading, the
words put back in place, and the scanned samples read into the same records as their text
PDFs where the OCR reads them right."""
import io
from pathlib import Path

import numpy as np
import pytest
from rapidfuzz import fuzz
from hypothesis import given, settings
from hypothesis import strategies as st

from extract_helpers import extract_file
from pipeline.readers import ReadError, detect_format, ocr, read_document
from pipeline.readers.pdf import _ocr_chars

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
needs_ocr = pytest.mark.skipif(ocr.unavailable() is not None,
                               reason=f"no OCR here: {ocr.unavailable()}")


def _page(shade: int = 255, turn: float = 0.0) -> np.ndarray:
    """A 300 dpi page image: a 3 x 4 grid of ruled cells, the second row's cells shaded."""
    from PIL import Image, ImageDraw
    img = Image.new("L", (2480, 1200), 250)
    d = ImageDraw.Draw(img)
    xs, ys = [200, 800, 1200, 1600, 2000], [200, 400, 600, 800]
    for c in range(4):
        d.rectangle([xs[c] + 2, ys[1] + 2, xs[c + 1] - 2, ys[2] - 2], fill=shade)
    for y in ys:
        d.line([(xs[0], y), (xs[-1], y)], fill=20, width=4)
    for x in xs:
        d.line([(x, ys[0]), (x, ys[-1])], fill=20, width=4)
    d.rectangle([260, 260, 330, 300], fill=20)        # ink in a cell: not a line
    if turn:
        img = img.rotate(turn, resample=Image.BICUBIC, fillcolor=250)
    return np.asarray(img)


def test_rulings_and_cells_of_a_drawn_grid():
    gray = _page()
    ink = gray < ocr.ink_level(gray)
    h_lines, v_lines, fills, mask = ocr.rulings(ink, 300)
    def near(found, drawn):         # a line drawn 4 px wide: its middle within 3 px
        return len(found) == len(drawn) and all(abs(f - d) <= 3 for f, d in zip(found, drawn))
    assert near(sorted((t + b) / 2 for (_x0, t, _x1, b) in h_lines), [200, 400, 600, 800])
    assert near(sorted((x0 + x1) / 2 for (x0, _t, x1, _b) in v_lines),
                [200, 800, 1200, 1600, 2000])
    assert fills == [] and not mask[270, 300]         # the blot in a cell is not a ruling
    [grid] = ocr._grids_of(h_lines, v_lines, 300, gray.shape)
    assert (len(grid.xs), len(grid.ys)) == (5, 4) and len(grid.cells) == 12


def test_shaded_cells_and_the_ink_level_below_the_shading():
    gray = _page(shade=160)
    level = ocr.ink_level(gray)
    assert 20 < level < 160 <= ocr.otsu(gray)        # the grey bars are not ink
    ink = gray < level
    h_lines, v_lines, _fills, _ = ocr.rulings(ink, 300)
    [grid] = ocr._grids_of(h_lines, v_lines, 300, gray.shape)
    ocr._shade([grid], gray, 300)
    assert grid.shaded == {(1, c) for c in range(4)}
    plain = _page()
    assert ocr.ink_level(plain) == ocr.otsu(plain)    # no shading: Otsu's split as it is


@pytest.mark.parametrize("turn", [0.7, -1.2])
def test_skew_is_measured(turn):
    gray = _page(turn=turn)
    angle = ocr.skew_angle(gray < ocr.ink_level(gray))
    assert abs(angle + turn) <= 0.15                  # the turn that levels it back


words_st = st.lists(st.text(alphabet="กขคงจฉ๑๒3.", min_size=1, max_size=5), min_size=1,
                    max_size=8)


@given(words_st, st.lists(st.booleans(), min_size=8, max_size=8))
@settings(max_examples=200, deadline=None)
def test_spaces_before_words_as_the_text_line_has_them(words, spaced):
    line = "".join((" " if spaced[i] and i else "") + w for i, w in enumerate(words))
    got = ocr._spaces_before(words, line)
    # where a word could also start one letter later (``ก`` then ``กข``), the first reading
    # that spells the line is taken; it always spells it back
    assert got is not None
    assert "".join((" " if s else "") + w for s, w in zip(got, words)) == line


def test_spaces_before_words_that_do_not_spell_the_line():
    assert ocr._spaces_before(["ร้อย", "ละ"], "ร้อยละ ๙๐") == [False, False]
    assert ocr._spaces_before(["ร้อย", "ละ"], "ร้อยละ") == [False, False]
    assert ocr._spaces_before(["ร้อย", "ละ", "๙๐"], "ร้อยละ ๙๐") == [False, False, True]
    assert ocr._spaces_before(["ร้อย", "ละ"], "ร้อยลา") is None


def test_ocr_words_become_glyphs_with_marks_on_their_base():
    words = [ocr.Word("ตั", (100, 100, 160, 150), (90, 160), 95.0),
              ocr.Word("้", (165, 80, 180, 100), (90, 160), 90.0),      # a mark boxed alone
              ocr.Word("ว", (170, 100, 200, 150), (90, 160), 95.0),
              ocr.Word("๙๐", (300, 100, 360, 150), (90, 160), 95.0, space=True)]
    chars = _ocr_chars(words, 300)
    text = "".join(c.ch for c in chars)
    assert text == "ตั้ว ๙๐"
    tone = chars[2]
    assert tone.mark and (tone.x0, tone.x1) == (chars[0].x0, chars[0].x1)   # over ต
    assert all(c.font == "(OCR)" for c in chars)


@needs_ocr
def test_scanned_plan_reads_into_its_text_pdfs_records():
    """The scanned activity plan: its table, shading as the Gantt bars, and the activities of
    its text PDF (names, budgets and periods the OCR reads right)."""
    scan = SAMPLES / "udon" / "scanned" / "udon_activity_plan_2566.pdf"
    doc = read_document(scan)
    assert [p.ocr for p in doc.pages] == [True] and doc.pages_without_text() == []
    assert any("read by OCR" in w for w in doc.warnings)
    [table] = [t for t in doc.tables() if t.n_rows >= 7]
    assert sum(c.shaded for c in table.cells) >= 12
    got, _ = extract_file(scan)
    want, _ = extract_file(SAMPLES / "udon" / "udon_activity_plan_2566.pdf")
    numbers = lambda ex: [(r.item_no, r.budget_thb) for r in ex.records]    # noqa: E731
    assert numbers(got) == numbers(want)
    # names letter by letter as the OCR read them: most exactly, none far off
    pairs = [(g.name, w.name) for g, w in zip(got.records, want.records)]
    assert sum(g == w for g, w in pairs) >= len(pairs) - 1
    assert all(fuzz.ratio(g, w) >= 90 for g, w in pairs)
    # months come from the shaded cells: every activity's start is read
    assert [r.start for r in got.records] == [r.start for r in want.records]


@needs_ocr
def test_scanned_form72_reads_its_indicators():
    scan = SAMPLES / "trang" / "scanned" / "trang_form72_2569.pdf"
    got, _ = extract_file(scan)
    want, _ = extract_file(SAMPLES / "trang" / "trang_form72_2569.pdf")
    assert [r.item_no for r in got.records] == [r.item_no for r in want.records]
    assert [r.weight for r in got.records] == [r.weight for r in want.records]


@needs_ocr
def test_scanned_kpi_report_reads_its_milestone_matrix():
    """The ticks of a scanned milestone matrix (tesseract reads ``✔`` as ``V`` or ``/``) are
    read by their shape: every step at its level, done as its report says."""
    scan = SAMPLES / "khonkaen" / "scanned" / "khonkaen_kpi_report_2567.pdf"
    doc = read_document(scan)
    matrix = next(t for t in doc.tables() if any(c.text == "✓" for c in t.cells))
    assert sum(c.text == "✓" for c in matrix.cells) == 15          # levels 1..5: 1+2+3+4+5
    got, _ = extract_file(scan)
    want, _ = extract_file(SAMPLES / "khonkaen" / "khonkaen_kpi_report_2567.pdf")
    shape = lambda ex: [(r.record_type, r.item_no, r.level, r.status, r.score)   # noqa: E731
                        for r in ex.records]
    assert shape(got) == shape(want)
    assert [(m.levels, m.steps_defined) for m in got.matrices] == \
        [(m.levels, m.steps_defined) for m in want.matrices]


@needs_ocr
def test_blank_scanned_page_stays_a_page_without_text(tmp_path):
    from PIL import Image
    page = Image.new("L", (1654, 2339), 252)
    buf = io.BytesIO()
    page.save(buf, "PDF", resolution=200.0)
    p = tmp_path / "blank.pdf"
    p.write_bytes(buf.getvalue())
    doc = read_document(p)
    assert doc.pages_without_text() == [1] and not doc.pages[0].ocr
    assert doc.pages[0].blocks == []


def test_without_ocr_the_page_is_reported(monkeypatch):
    monkeypatch.setattr(ocr, "unavailable", lambda: "tesseract is not installed")
    doc = read_document(SAMPLES / "trang" / "scanned" / "trang_form72_2569.pdf")
    assert doc.pages_without_text() == [1]
    assert any(w.startswith("OCR not available: tesseract is not installed")
               for w in doc.warnings)


@needs_ocr
def test_scan_saved_as_a_picture_reads_like_the_scanned_pdf():
    """A form scanned to JPEG (no PDF around it): its resolution taken from the file, the page
    read by OCR into the same indicators as the text PDF's."""
    jpg = SAMPLES / "trang" / "scanned" / "trang_form72_2569.jpg"
    doc = read_document(jpg)
    assert doc.format == "image" and [p.ocr for p in doc.pages] == [True]
    assert round(doc.pages[0].width) == 842          # A4 landscape in points, from 200 dpi
    got, _ = extract_file(jpg)
    want, _ = extract_file(SAMPLES / "trang" / "trang_form72_2569.pdf")
    assert [r.item_no for r in got.records] == [r.item_no for r in want.records]
    assert [r.level_5 for r in got.records] == [r.level_5 for r in want.records]


def test_pictures_too_small_for_a_page_and_broken_ones(tmp_path):
    from PIL import Image
    logo = tmp_path / "logo.png"
    Image.new("L", (300, 200), 255).save(logo)
    doc = read_document(logo)
    assert doc.pages_without_text() == [1] and "too small" in doc.warnings[0]
    cut = tmp_path / "scan.jpg"
    cut.write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 100)
    with pytest.raises(ReadError) as e:
        read_document(cut)
    assert e.value.reason == "corrupt" and "scan.jpg" in e.value.message
    assert detect_format(tmp_path / "scan.jpg") == "image"
    gif = tmp_path / "anim.gif"
    gif.write_bytes(b"GIF89a" + b"\0" * 20)
    assert detect_format(gif) is None


def test_a_scan_read_without_ocr_is_read_again_next_run(monkeypatch, tmp_path):
    """Where tesseract is missing, a scanned file's outcome is not cached: once OCR is
    installed, the next run reads it (a cached blank would hide its records for good)."""
    import shutil
    from datetime import date

    from pipeline import batch
    monkeypatch.setattr(ocr, "unavailable", lambda: "tesseract is not installed")
    inp = tmp_path / "in"
    inp.mkdir()
    shutil.copy(SAMPLES / "trang" / "scanned" / "trang_form72_2569.pdf", inp / "scan.pdf")
    shutil.copy(SAMPLES / "trang" / "trang_form72_2569.pdf", inp / "text.pdf")
    s = batch.Settings(as_of=date(2010, 10, 15), progress=False, jobs=1)
    batch.run(inp, tmp_path / "out", s)
    again = batch.run(inp, tmp_path / "out", s)
    assert again.cache_hits == 1          # the text PDF only
