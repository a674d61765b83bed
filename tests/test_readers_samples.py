"""The readers on the sample submissions in samples/ (built by samples/build.py)."""
import re
from functools import lru_cache
from pathlib import Path

import pytest

from pipeline.readers import ReadError, detect_format, read_document
from pipeline.readers import ocr

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
FORMATS = {".pdf", ".docx", ".xlsx", ".txt", ".tsv", ".csv"}


def _good_samples():
    if not SAMPLES.is_dir():
        return []
    return sorted(p for p in SAMPLES.rglob("*") if p.is_file() and p.suffix in FORMATS
                  and "bad" not in p.relative_to(SAMPLES).parts[:1]
                  and "source" not in p.relative_to(SAMPLES).parts[:1])


def _pairs(ext):
    """Samples made from one DOCX in two formats: (docx, other)."""
    out = []
    for d in _good_samples():
        other = d.with_suffix(ext)
        if d.suffix == ".docx" and other.exists():
            out.append((d, other))
    return out


@lru_cache(maxsize=None)
def _read(path):
    return read_document(path)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("path", _good_samples(), ids=lambda p: p.name)
def test_every_sample_reads(path):
    doc = _read(path)
    assert doc.format == detect_format(path)
    if doc.pages_without_text() and ocr.unavailable() is not None:
        # a scan where this machine has no OCR: listed for it, nothing read
        assert doc.pages_without_text() == [p.number for p in doc.pages]
        return
    assert doc.tables() or doc.paragraphs()
    for t in doc.tables():
        covered = set()
        for c in t.cells:
            for r in range(c.row, c.row + c.rowspan):
                for k in range(c.col, c.col + c.colspan):
                    assert (r, k) not in covered            # no two cells on one position
                    covered.add((r, k))
        assert max(r for r, _ in covered) < t.n_rows and max(k for _, k in covered) < t.n_cols


@pytest.mark.parametrize("docx_path, pdf_path", _pairs(".pdf"), ids=lambda p: p.name)
def test_pdf_tables_match_the_docx_they_were_made_from(docx_path, pdf_path):
    """Cell text of the LibreOffice PDF equals the DOCX cell text, spaces aside where a wrap
    between two Thai words hid them (the PDF does not draw a space at a full line's end)."""
    dt, pt = _read(docx_path).tables(), _read(pdf_path).tables()
    assert [(t.n_rows, t.n_cols) for t in pt] == [(t.n_rows, t.n_cols) for t in dt]
    total = exact = loose = 0
    for a, b in zip(dt, pt):
        for ra, rb in zip(a.grid(), b.grid()):
            for x, y in zip(ra, rb):
                total += 1
                exact += _norm(x) == _norm(y)
                loose += _norm(x).replace(" ", "") == _norm(y).replace(" ", "")
    assert loose >= total * 0.995
    assert exact >= total * 0.98


@pytest.mark.parametrize("docx_path, xlsx_path", _pairs(".xlsx"), ids=lambda p: p.name)
def test_xlsx_samples_hold_the_docx_text(docx_path, xlsx_path):
    words = lambda doc: {_norm(c.text) for t in doc.tables() for c in t.cells if c.text.strip()}
    in_docx, in_xlsx = words(_read(docx_path)), words(_read(xlsx_path))
    assert len(in_docx & in_xlsx) >= 0.9 * len(in_docx)


BAD = {
    "empty.docx": "empty", "text_as.docx": "not_docx", "zipbomb.docx": "zip_bomb",
    "xmlbomb.docx": "xml_bomb", "encrypted.pdf": "encrypted", "corrupt.pdf": "corrupt",
    "truncated.pdf": "truncated",
}


@pytest.mark.parametrize("name, reason", sorted(BAD.items()))
def test_bad_samples_fail_with_their_reason(name, reason):
    path = SAMPLES / "bad" / name
    if not path.exists():
        pytest.skip(f"samples/bad/{name} not built")
    with pytest.raises(ReadError) as e:
        read_document(path)
    assert e.value.reason == reason
    assert e.value.message and e.value.message_th


def test_bad_samples_that_still_read():
    scanned, strict = SAMPLES / "bad" / "scanned.pdf", SAMPLES / "bad" / "strict.xlsx"
    if not scanned.exists() or not strict.exists():
        pytest.skip("samples/bad not built")
    doc = read_document(scanned)
    # read by OCR where this machine has it (make installs it), else reported for OCR
    if ocr.unavailable() is None:
        assert doc.pages_without_text() == [] and all(p.ocr for p in doc.pages)
        assert "7.2" in " ".join(b.text for b in doc.paragraphs())
    else:
        assert doc.pages_without_text() == [p.number for p in doc.pages]
    doc = read_document(strict)
    assert doc.pages and doc.tables()


@pytest.mark.parametrize("docx_path, pdf_path", _pairs(".pdf"), ids=lambda p: p.name)
def test_pdf_paragraphs_hold_the_docx_paragraphs(docx_path, pdf_path):
    """Every paragraph of the DOCX is found, in order, in the PDF's paragraphs (spaces aside:
    see above; a paragraph with line breaks typed in may come out as several)."""
    pdf_text = re.sub(r"\s+", "", " ".join(p.text for p in _read(pdf_path).paragraphs()))
    pos = 0
    for para in _read(docx_path).paragraphs():
        want = re.sub(r"\s+", "", para.text)
        at = pdf_text.find(want, pos)
        assert at >= 0, para.text
        pos = at + len(want)
