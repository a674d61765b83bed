"""Character error rate of thaiforms' PDF text against known text, beside raw pdfplumber's.

For every PDF in tests/data/cer/pdf/<source>-<font>.pdf the reference is
tests/data/cer/expected/<source>.txt (the text the document was made from, in the layout of
``thaiforms text``). Two hypotheses are scored on the same pages:

- thaiforms: ``render_text(read_document(pdf))`` without its ``--- page N ---`` lines;
- pdfplumber: ``page.extract_text()`` of every page, joined by newlines.

CER = Levenshtein distance (rapidfuzz) / reference length, after normalising whitespace in both
texts: every run of whitespace (spaces, TABs, newlines) becomes one space and the ends are
stripped. Whitespace is thus still counted (a missing or extra word break is one error), but
layout (which separator stands between cells, lines and blocks) is not.

Usage: python scripts/cer.py [PDF ...]
"""
from __future__ import annotations

import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rapidfuzz.distance import Levenshtein  # noqa: E402

from pipeline.readers import read_document  # noqa: E402
from pipeline.render import render_text  # noqa: E402

CER_DIR = ROOT / "tests" / "data" / "cer"
_WS = re.compile(r"\s+")
_PAGE_LINE = re.compile(r"^--- page \d+ ---$", re.M)


def normalise(text: str) -> str:
    return _WS.sub(" ", text).strip()


def reference_for(pdf: Path) -> str:
    source = pdf.stem.rsplit("-", 1)[0]
    return (CER_DIR / "expected" / f"{source}.txt").read_text(encoding="utf-8")


def thaiforms_text(pdf: Path) -> str:
    return _PAGE_LINE.sub("", render_text(read_document(pdf)))


def pdfplumber_text(pdf: Path) -> str:
    import pdfplumber
    with pdfplumber.open(str(pdf)) as doc:
        return "\n".join(page.extract_text() or "" for page in doc.pages)


def cer(reference: str, hypothesis: str) -> tuple[int, int]:
    ref, hyp = normalise(reference), normalise(hypothesis)
    return Levenshtein.distance(ref, hyp), len(ref)


def main(argv: list[str]) -> int:
    pdfs = [Path(a) for a in argv] or sorted((CER_DIR / "pdf").glob("*.pdf"))
    if not pdfs:
        print("no PDFs: build them with tests/data/cer/build.py", file=sys.stderr)
        return 1
    print(f"{'file':32} {'ref chars':>9} {'thaiforms':>10} {'pdfplumber':>11} {'ratio':>7}"
          f" {'t/tf s':>7} {'t/pp s':>7}")
    tot = {"n": 0, "tf": 0, "pp": 0}
    by_font: dict[str, list[int]] = {}
    for pdf in pdfs:
        ref = reference_for(pdf)
        t0 = time.perf_counter()
        tf_dist, n = cer(ref, thaiforms_text(pdf))
        t1 = time.perf_counter()
        pp_dist, _ = cer(ref, pdfplumber_text(pdf))
        t2 = time.perf_counter()
        tot["n"] += n
        tot["tf"] += tf_dist
        tot["pp"] += pp_dist
        f = by_font.setdefault(pdf.stem.rsplit("-", 1)[-1], [0, 0, 0])
        f[0] += n
        f[1] += tf_dist
        f[2] += pp_dist
        ratio = (tf_dist / pp_dist) if pp_dist else 0.0
        print(f"{pdf.name:32} {n:9d} {tf_dist / n:9.2%} {pp_dist / n:10.2%} {ratio:7.3f}"
              f" {t1 - t0:7.2f} {t2 - t1:7.2f}")
    for font, (n, tf, pp) in sorted(by_font.items()):
        print(f"{'font ' + font:32} {n:9d} {tf / n:9.2%} {pp / n:10.2%} "
              f"{(tf / pp if pp else 0.0):7.3f}")
    n = tot["n"]
    ratio = tot["tf"] / tot["pp"] if tot["pp"] else 0.0
    print(f"{'overall':32} {n:9d} {tot['tf'] / n:9.2%} {tot['pp'] / n:10.2%} {ratio:7.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
