"""A date cut across two lines (``…ภายในวันที่ 15`` / ``ก.ย. 2566``) stays in its paragraph in
the PDF, also in a Word file whose style sizes digits and Latin letters larger than Thai (a
``w:sz`` without ``w:szCs``: Thai 11 pt, digits 14 pt), where the lines holding the date's
digits stand further apart than lines of Thai alone; and paragraphs set apart by paragraph
spacing stay apart. Word files are built here with python-docx and exported by LibreOffice."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from office import needs_soffice, save_as_pdf  # noqa: E402
from pipeline.readers import read_document  # noqa: E402
from test_readers_pdf_headings import FONT, _new_doc, _paragraphs, _step  # noqa: E402

DATE = "ภายในวันที่ 15 ก.ย. 2566"        # how every _step ends
AFTER = "ความก้าวหน้าของโครงการประจำปีงบประมาณ 2566 ร้อยละ 100"


def _doc(spaced: bool):
    from docx.shared import Pt
    d = _new_doc()                      # w:sz only: Thai text keeps the 11 pt default
    for n in range(16):
        d.add_paragraph(_step(n))
        p = d.add_paragraph(AFTER if spaced else "ผลการดำเนินงาน")
        if spaced:
            p.paragraph_format.space_before = Pt(8)
    return d


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    if not FONT.exists():
        pytest.skip("Norasi font not installed")
    tmp = tmp_path_factory.mktemp("dates")
    save_as_pdf({"plain": _doc(False), "spaced": _doc(True)}, tmp)
    return {k: read_document(tmp / f"{k}.pdf") for k in ("plain", "spaced")}


def _squeeze(t: str) -> str:
    return re.sub(r"\s+", "", t)


@needs_soffice
@pytest.mark.parametrize("name", ["plain", "spaced"])
def test_date_cut_across_lines_stays_in_its_step(docs, name):
    paras = _paragraphs(docs[name])
    for n in range(16):
        step = _step(n)
        got = [t for t in paras if _squeeze(t).startswith(_squeeze(step[:40]))]
        assert len(got) == 1, (n, got)
        assert got[0].endswith(DATE), (n, got[0])
    # no piece of the date left on its own
    assert not [t for t in paras if _squeeze(t) and _squeeze(DATE).endswith(_squeeze(t))]


@needs_soffice
def test_spaced_paragraphs_stay_apart(docs):
    paras = _paragraphs(docs["spaced"])
    assert sum(t == AFTER for t in paras) == 16, [t for t in paras if "ความก้าวหน้า" in t]
    assert sum(t == "ผลการดำเนินงาน" for t in _paragraphs(docs["plain"])) == 16
