"""PDF layouts LibreOffice makes of ordinary Word submissions, built in the test (python-docx,
then ``soffice --headless --convert-to pdf``) and read back against the Word text:

- centred title lines: two centred paragraphs whose second one is a compound written as one
  dictionary entry (``กรมส่งเสริมสหกรณ์``) stay apart, while a single centred paragraph that
  wraps (inside such a compound, or at a space) stays whole;
- narrow Gantt month columns: LibreOffice cuts ``ต.ค.`` into ``ต``/``.ค.``, ``ต.``/``ค.`` or
  one glyph per line, and ``๖๗`` into ``๖``/``๗``: the heading cells read whole, and the plan
  keeps its activities;
- a cell wrapped before the one-letter word ``ณ`` keeps the space before it.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "samples"))
sys.path.insert(0, str(ROOT / "samples" / "source"))
sys.path.insert(0, str(ROOT / "tests"))

from _lib import MONTHS_ABBR, P, T, U, span  # noqa: E402
from build import docx_bytes  # noqa: E402
from extract_helpers import ctx  # noqa: E402
from office import needs_soffice, to_pdf  # noqa: E402

from extractors import extract  # noqa: E402
from pipeline.readers import read_document  # noqa: E402
from pipeline.readers.pdf import _first_break, _wrap_joint  # noqa: E402
from schemas.document import Paragraph, Table  # noqa: E402

pytestmark = needs_soffice


def _pdfs(tmp_path: Path, docs: list[dict]) -> list[Path]:
    """DOCX files written like the samples, converted to PDF in one LibreOffice run."""
    srcs = []
    for d in docs:
        p = tmp_path / f"{d['stem']}.docx"
        p.write_bytes(docx_bytes(d))
        srcs.append(p)
    return to_pdf(srcs, tmp_path)


def _paragraphs(doc) -> list[Paragraph]:
    return [b for p in doc.pages for b in p.blocks if isinstance(b, Paragraph)]


BODY = P("ข้อมูลทั่วไป")

# (paragraphs of the Word file, page margin in cm)
TITLES = [
    # two centred title paragraphs; the agency name is one dictionary word, wider than the room
    # beside the first title, but LibreOffice would have broken it after กรม
    ([P("แผนปฏิบัติราชการประจำปีงบประมาณ พ.ศ. 2568", bold=True, align="center"),
      P("กรมส่งเสริมสหกรณ์", bold=True, align="center")], 3.17),
    ([P("แผนปฏิบัติราชการประจำปีงบประมาณ พ.ศ. 2568", align="center"),
      P("กรมส่งเสริมสหกรณ์", align="center")], 3.17),
    # a centred title, then a left-aligned heading that is one dictionary word (ข้อมูลทั่วไป)
    ([P("แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2567", align="center"),
      P("สำนักงานเกษตรและสหกรณ์จังหวัดเชียงราย", align="center")], 3.17),
    # one centred paragraph wrapped inside the compound (…กรมส่งเสริม / สหกรณ์ กระทรวง…) or
    # between two Thai words: one paragraph
    ([P("แผนปฏิบัติราชการประจำปีงบประมาณ พ.ศ. 2568 กรมส่งเสริมสหกรณ์ กระทรวงเกษตรและสหกรณ์",
        bold=True, align="center")], 2.54),
    ([P("แผนปฏิบัติราชการประจำปีงบประมาณ พ.ศ. 2568 กรมส่งเสริมสหกรณ์ กระทรวงเกษตรและสหกรณ์",
        bold=True, align="center")], 1.5),
    ([P("แผนปฏิบัติการส่งเสริมความเข้มแข็งของกลุ่มออมทรัพย์เพื่อการผลิตและกองทุนชุมชน "
        "ในระดับหมู่บ้านและตำบล", bold=True, align="center")], 1.5),
]


@pytest.fixture(scope="module")
def title_docs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("titles")
    docs = [{"stem": f"title{k}", "size": 16, "margin_cm": margin, "blocks": paras + [BODY]}
            for k, (paras, margin) in enumerate(TITLES)]
    return [read_document(p) for p in _pdfs(tmp, docs)]


@pytest.mark.parametrize("k", range(len(TITLES)))
def test_centred_titles_read_as_written(title_docs, k):
    """Each paragraph whole and apart. Spaces aside: where a centred line broke at a space
    (``…สหกรณ์`` / ``กระทรวง…``) the PDF draws none and nothing tells it from a break between
    two Thai words."""
    paras = _paragraphs(title_docs[k])
    expected = [b["text"] for b in TITLES[k][0]] + [BODY["text"]]
    assert [p.text.replace(" ", "") for p in paras] == [t.replace(" ", "") for t in expected]
    if k != 4:
        assert [p.text for p in paras] == expected


def test_centred_cases_really_wrap(title_docs):
    """The single centred paragraphs are drawn on two lines (else the test proves nothing)."""
    for k in (3, 4, 5):
        assert _paragraphs(title_docs[k])[0].raw.count("\n") == 1


@pytest.mark.parametrize("run,first", [
    ("กรมส่งเสริมสหกรณ์", "กรม"),                # a compound breaks between its words
    ("กองทุนชุมชน", "กองทุน"),                   # not กอง|ทุน
    ("กระทรวงเกษตรและสหกรณ์", "กระทรวง"),        # not กระ|ทรวง
    ("สหกรณ์", "สหกรณ์"),                        # no break into two-letter pieces
])
def test_first_break(run, first):
    assert _first_break(run) == first


MONTHS_TH_YEAR = [m + ("๖๗" if i < 3 else "๖๘") for i, m in enumerate(MONTHS_ABBR)]
ITEMS = [("1", "ประชุมชี้แจงแนวทางการดำเนินงานแก่เจ้าหน้าที่ผู้รับผิดชอบ", (1,), "10,000"),
         ("2", "อบรมเชิงปฏิบัติการพัฒนาศักยภาพคณะกรรมการสหกรณ์", (3, 4), "85,000"),
         ("3", "ติดตามและประเมินผลการดำเนินงานของสหกรณ์ในพื้นที่", (5, 6, 7, 8), "40,000"),
         ("4", "สรุปผลและรายงานผลการดำเนินงาน", (12,), "5,000")]
# (months, landscape, month column width relative to the activity column's 6)
GANTTS = [(MONTHS_ABBR, False, 0.3), (MONTHS_ABBR, False, 0.4), (MONTHS_ABBR, True, 0.3),
          (MONTHS_TH_YEAR, False, 0.35), (MONTHS_TH_YEAR, True, 0.35)]


def _gantt(k: int, months, landscape: bool, width: float) -> dict:
    rows = [["ที่", "กิจกรรม/โครงการ"] + span("ระยะเวลาดำเนินการ", 12)
            + ["งบประมาณ (บาท)", "ผู้รับผิดชอบ"],
            [U, U] + list(months) + [U, U]]
    rows += [[no, name] + ["##" if m in ms else "" for m in range(1, 13)]
             + [budget, "กลุ่มส่งเสริมสหกรณ์"] for no, name, ms, budget in ITEMS]
    return {"stem": f"gantt{k}", "size": 14, "landscape": landscape,
            "blocks": [P("แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2568", bold=True, align="center"),
                       P("สำนักงานสหกรณ์จังหวัดพิษณุโลก", bold=True, align="center"),
                       T(rows, header_rows=2, widths=[0.8, 6] + [width] * 12 + [2, 3], size=12)]}


@pytest.fixture(scope="module")
def gantt_docs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("gantt")
    docs = [_gantt(k, *g) for k, g in enumerate(GANTTS)]
    return [read_document(p) for p in _pdfs(tmp, docs)]


@pytest.mark.parametrize("k", range(len(GANTTS)))
def test_narrow_month_headings_read_whole(gantt_docs, k):
    table = next(b for p in gantt_docs[k].pages for b in p.blocks if isinstance(b, Table))
    cells = [table.cell(1, c) for c in range(2, 14)]
    # LibreOffice really cut them (else the test proves nothing)
    assert all(c.raw.count("\n") >= 1 for c in cells)
    months = GANTTS[k][0]
    # the year may stand a space apart after the dots (``ต.ค. ๖๗``); the month itself is whole
    assert [c.text.replace(" ", "") for c in cells] == list(months)
    assert all(c.text.startswith(m) for c, m in zip(cells, MONTHS_ABBR))


@pytest.mark.parametrize("k", range(len(GANTTS)))
def test_narrow_month_plan_keeps_its_activities(gantt_docs, k):
    ex = extract(gantt_docs[k], ctx(f"agency/gantt{k}.pdf"))
    names = [r.name for r in ex.records]
    assert names == [name for _, name, _, _ in ITEMS]
    planned = [r.planned_months for r in ex.records]
    assert all(planned), planned


NAME = "ร้อยละความพึงพอใจของผู้รับบริการ ณ ศูนย์บริการประชาชนจังหวัดลำพูน"


@pytest.fixture(scope="module")
def lone_letter_doc(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("lone")
    # the same text in columns of several widths: in some of them a line ends before ณ
    blocks = []
    for w in (2.6, 2.8, 3.0, 3.2, 3.4, 3.6, 3.8, 4.0, 4.4, 4.8):
        blocks += [T([["ตัวชี้วัด", "น้ำหนัก"], [NAME, "10"]], widths=[w, 10 - w], size=14), P("")]
    return read_document(_pdfs(tmp, [{"stem": "lone", "size": 14, "margin_cm": 2.54,
                                      "blocks": blocks}])[0])


def test_wrap_before_one_letter_word_keeps_the_space(lone_letter_doc):
    cells = [b.cell(1, 0) for p in lone_letter_doc.pages for b in p.blocks
             if isinstance(b, Table)]
    broken = [c for c in cells if "\nณ " in c.raw]
    assert broken, [c.raw for c in cells]          # some column really broke before ณ
    assert all(c.text == NAME for c in cells), [c.text for c in cells]


@pytest.mark.parametrize("prev,nxt,joint", [
    ("พอใจของผู้รับบริการ", "ณ ศูนย์บริการ", " "),   # a one-letter word stands apart
    ("ภูมิภา", "ค จังหวัด", ""),                       # the end of a word cut in a cell
    ("ต.", "ค.", ""), ("เม.", "ย. 68", ""), ("ก.", "พ", ""),   # a month cut in a cell
    ("ส.ค.", "ก.ย.", " "),                            # two whole abbreviations
    ("๖", "๗", ""),                                    # Thai digits of one number
    ("1,250,", "000 บาท", ""), ("เวลา 10", "30 น.", ""),   # a number cut across lines
    ("1=5 2=4 3=3 4=2", "5=1", " "),                  # the next entry of a ladder
    ("๑ = ๘๐ ๒ = ๘๕", "๓ = ๙๐", " "),
    ("ครั้งที่ 1=2", "0", ""),                          # (no entry after the cut)
])
def test_wrap_joint_cases(prev, nxt, joint):
    assert _wrap_joint(prev, nxt, 1.0, 12.0) == joint
