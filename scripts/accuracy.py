"""Extraction accuracy against the hand-checked records in tests/expected/records/.

For every sample under samples/ whose stem has an expected file, runs read_document + extract,
matches extracted records to expected ones (record_type, form, item_no, parent_item, then name
similarity) and prints record recall, record precision and field accuracy per form and per format.

    python scripts/accuracy.py [--samples DIR] [--expected DIR] [-v]
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rapidfuzz import fuzz  # noqa: E402

from pipeline.readers import detect_format  # noqa: E402
from pipeline.readers.pdf import is_scanned  # noqa: E402

KEY = ("record_type", "form", "item_no", "parent_item")
FORMATS = ("docx", "pdf", "xlsx", "pptx", "txt", "doc", "odt", "xls", "ods", "html", "scan")
TEXT_KINDS = {"tsv": "txt", "csv": "txt"}      # delimited text counts as the text format
SUFFIXES = set(FORMATS) | set(TEXT_KINDS) | {"jpg", "png", "tif"}    # the samples' submissions
# scanned PDFs, read by OCR: measured and shown, not held to the targets (tesseract's Thai
# model misreads what no layout code can put right)
REPORTED_ONLY = {"scan"}
AS_OF = date(2010, 10, 15)      # the samples' reporting date (as `make demo` runs)
TARGETS = {"recall": 0.98, "precision": 0.98, "field_accuracy": 0.97}


def norm(v) -> str:
    """A value as compared: numbers as numbers, text with whitespace collapsed."""
    if v is None:
        return ""
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else repr(v)
    s = re.sub(r"\s+", " ", str(v)).strip()
    if re.fullmatch(r"-?\d+(?:\.\d+)?", s):
        f = float(s)
        return str(int(f)) if f.is_integer() else repr(f)
    return s


def load_expected(path: Path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


@dataclass
class Tally:
    expected: int = 0
    extracted: int = 0
    matched: int = 0
    fields: int = 0
    fields_ok: int = 0
    misses: list = field(default_factory=list)

    def add(self, o: "Tally") -> None:
        self.expected += o.expected
        self.extracted += o.extracted
        self.matched += o.matched
        self.fields += o.fields
        self.fields_ok += o.fields_ok
        self.misses += o.misses

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.extracted if self.extracted else (1.0 if not self.expected else 0.0)

    @property
    def field_accuracy(self) -> float:
        return self.fields_ok / self.fields if self.fields else 1.0


def match(expected: list[dict], got: list[dict]) -> list[tuple[dict, dict]]:
    """Pairs (expected, extracted): same key, then the most similar names first."""
    by_key: dict[tuple, list[int]] = defaultdict(list)
    for i, g in enumerate(got):
        by_key[tuple(norm(g.get(k)) for k in KEY)].append(i)
    cands = []
    for ei, e in enumerate(expected):
        for gi in by_key.get(tuple(norm(e.get(k)) for k in KEY), []):
            sim = fuzz.ratio(norm(e.get("name")), norm(got[gi].get("name")))
            cands.append((sim, -abs(ei - gi), ei, gi))
    cands.sort(reverse=True)
    used_e, used_g, pairs = set(), set(), []
    for sim, _, ei, gi in cands:
        if ei in used_e or gi in used_g:
            continue
        used_e.add(ei)
        used_g.add(gi)
        pairs.append((expected[ei], got[gi]))
    return pairs


def compare(expected: list[dict], got: list[dict], label: str = "") -> dict[str, Tally]:
    """Tallies per form for one document."""
    out: dict[str, Tally] = defaultdict(Tally)
    for e in expected:
        out[e.get("form", "")].expected += 1
    for g in got:
        out[g.get("form", "")].extracted += 1
    pairs = match(expected, got)
    matched_ids = set()
    for e, g in pairs:
        t = out[e.get("form", "")]
        t.matched += 1
        matched_ids.add(id(e))
        for col, ev in e.items():
            if col in KEY:
                continue
            t.fields += 1
            if norm(ev) == norm(g.get(col)):
                t.fields_ok += 1
            else:
                t.misses.append(f"{label} {e['record_type']} {e['item_no']}: {col}: "
                                f"expected {norm(ev)!r} got {norm(g.get(col))!r}")
    for e in expected:
        if id(e) not in matched_ids:
            out[e.get("form", "")].misses.append(
                f"{label} missing {e['record_type']} {e['form']} {e['item_no']} {e.get('name', '')[:40]}")
    got_ids = {id(g) for _, g in pairs}
    for g in got:
        if id(g) not in got_ids:
            out[g.get("form", "")].misses.append(
                f"{label} extra {g['record_type']} {g['form']} {g['item_no']} {str(g.get('name', ''))[:40]}")
    return out


def extract_file(path: Path, samples: Path, validate_as_of: Optional[date] = AS_OF) -> list[dict]:
    from dataclasses import asdict

    from extractors import extract
    from pipeline.readers import read_document
    from schemas import ExtractContext
    rel = path.relative_to(samples).as_posix()
    parts = rel.split("/")
    ctx = ExtractContext(source_file=rel, agency_fallback=parts[0] if len(parts) > 1 else "")
    ex = extract(read_document(path), ctx)
    if validate_as_of is not None:
        # score and flags are the validator's: compare what consolidated.csv would hold
        from pipeline.validate import validate
        validate(ex, validate_as_of)
    return [asdict(r) for r in ex.records]


def run(samples: Path, expected_dir: Path, only: Optional[set[str]] = None,
        formats=FORMATS) -> dict[tuple[str, str], Tally]:
    """Tallies per (form, format) over every sample with an expected file."""
    result: dict[tuple[str, str], Tally] = defaultdict(Tally)
    for path in sorted(samples.rglob("*")):
        if not path.is_file() or path.suffix.lower().lstrip(".") not in SUFFIXES:
            continue
        fmt = detect_format(path)       # by content: a web page named .xls counts as html
        fmt = TEXT_KINDS.get(fmt, fmt)
        exp = expected_dir / f"{path.stem}.csv"
        if not exp.exists() or (only and path.stem not in only):
            continue
        if fmt == "image" or fmt == "pdf" and is_scanned(path):
            fmt = "scan"
        if fmt not in formats:
            continue
        expected = load_expected(exp)
        try:
            got = extract_file(path, samples)
        except Exception as e:  # a crash is a total miss for this file, not the end of the run
            got = []
            result[("*", fmt)].misses.append(f"{path}: {type(e).__name__}: {e}")
        for form, t in compare(expected, got, label=str(path.relative_to(samples))).items():
            result[(form, fmt)].add(t)
    return result


def summarize(result: dict[tuple[str, str], Tally]) -> list[tuple[str, str, Tally]]:
    rows = []
    forms = sorted({f for f, _ in result if f != "*"})
    fmts = [f for f in FORMATS if any(k[1] == f for k in result)]
    for fmt in fmts:
        total = Tally()
        for form in forms:
            t = result.get((form, fmt))
            if t is None:
                continue
            rows.append((form, fmt, t))
            total.add(t)
        if ("*", fmt) in result:
            total.add(result[("*", fmt)])
        rows.append(("ALL", fmt, total))
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--samples", default=str(ROOT / "samples"))
    ap.add_argument("--expected", default=str(ROOT / "tests" / "expected" / "records"))
    ap.add_argument("--only", nargs="*", help="sample stems to run")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    a = ap.parse_args(argv)
    result = run(Path(a.samples), Path(a.expected), set(a.only) if a.only else None)
    print(f"{'form':<14}{'format':<8}{'expected':>9}{'found':>7}{'recall':>8}{'precis.':>9}{'fields':>8}")
    ok = True
    for form, fmt, t in summarize(result):
        print(f"{form:<14}{fmt:<8}{t.expected:>9}{t.extracted:>7}{t.recall:>8.3f}{t.precision:>9.3f}"
              f"{t.field_accuracy:>8.3f}")
        if form == "ALL" and fmt not in REPORTED_ONLY:
            ok &= (t.recall >= TARGETS["recall"] and t.precision >= TARGETS["precision"]
                   and t.field_accuracy >= TARGETS["field_accuracy"])
    if a.verbose:
        for (form, fmt), t in sorted(result.items()):
            for m in t.misses:
                print(f"  [{form}/{fmt}] {m}")
    print("targets met" if ok else "targets NOT met", f"(recall ≥ {TARGETS['recall']}, precision ≥ "
          f"{TARGETS['precision']}, field accuracy ≥ {TARGETS['field_accuracy']} per format; "
          f"{', '.join(sorted(REPORTED_ONLY))} reported only)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
