"""How well the findings match the planted defects of samples/.

    .venv/bin/python scripts/findings_accuracy.py [-v] [--as-of 2010-10-15] [SAMPLES_DIR]

Every sample whose stem has tests/expected/findings/<stem>.csv goes through the batch runner's
process_file (read_document -> extract -> validate, plus the runner's FILE_UNREADABLE and
NO_FORM_FOUND), and its findings are matched with the expected rows:
same code, same item_no when the expected item_no is given, same value (whitespace ignored) when
the expected value is given (tests/expected/README.md). Prints recall and false alarms per code
and overall, and the error-severity findings on clean samples (header-only expected file),
which should be 0, and how many expected scores (tests/expected/records) the validator gives.
``-v`` lists every missed and unexpected finding with its file.
"""
from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.readers.pdf import is_scanned  # noqa: E402

EXPECTED = ROOT / "tests" / "expected" / "findings"
RECORDS = ROOT / "tests" / "expected" / "records"
FORMATS = {".docx", ".pdf", ".xlsx", ".txt", ".tsv", ".csv", ".doc", ".odt", ".xls", ".ods"}


def _squash(text: str) -> str:
    return "".join((text or "").split())


def load_expected(stem: str) -> list[dict]:
    with open(EXPECTED / f"{stem}.csv", encoding="utf-8-sig", newline="") as f:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(f)]


def findings_of(path: Path, samples: Path, as_of: date):
    """Findings for one sample as ``thaiforms run`` gets them: the batch runner's process_file
    (read_document -> extract -> validate, plus its own FILE_UNREADABLE and NO_FORM_FOUND).
    Returns (findings, failure text or "")."""
    from pipeline.batch import Settings, process_file
    rel = path.relative_to(samples).as_posix()
    out = process_file(path, rel, Settings(as_of=as_of, use_cache=False, timeout=None,
                                             keep_rows=True))
    failure = f"{out.file.status}: {out.file.error}" if out.file.status != "ok" else ""
    return out.findings, failure, out.records


def check_scores(stem: str, records) -> list[tuple[str, str, str]]:
    """Expected scores (tests/expected/records/<stem>.csv, rows with a score) against the
    validator's: (item, expected, got) for each expected score."""
    path = RECORDS / f"{stem}.csv"
    if not path.exists():
        return []
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = [r for r in csv.DictReader(f) if (r.get("score") or "").strip()]
    out = []
    for e in rows:
        got = next((r.score for r in records if r.record_type == e["record_type"]
                    and r.item_no == e["item_no"]
                    and ("parent_item" not in e or r.parent_item == e["parent_item"])), None)
        out.append((e["item_no"], e["score"].strip(), "" if got is None else f"{got:g}"))
    return out


def match(expected: list[dict], found: list) -> tuple[list[dict], list]:
    """Greedy matching, most specific expected rows first. Returns (missed, unexpected)."""
    left = list(found)
    missed = []
    order = sorted(range(len(expected)),
                   key=lambda i: (not expected[i]["item_no"], not expected[i].get("value")))
    for i in order:
        e = expected[i]
        hit = next((f for f in left if f.code == e["code"]
                    and (not e["item_no"] or f.item_no == e["item_no"])
                    and (not e.get("value") or _squash(f.value) == _squash(e["value"]))), None)
        if hit is None:
            missed.append(e)
        else:
            left.remove(hit)
    return missed, left


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("samples", nargs="?", default=str(ROOT / "samples"))
    ap.add_argument("--as-of", default="2010-10-15", type=date.fromisoformat)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    samples = Path(args.samples).resolve()

    expected_n, found_n, alarms = Counter(), Counter(), Counter()
    clean_errors = 0
    clean_files = failed = files = scores_n = scores_ok = 0
    details: list[str] = []
    stems = {p.stem for p in EXPECTED.glob("*.csv")}
    paths = sorted(p for p in samples.rglob("*")
                   if p.is_file() and p.suffix.lower() in FORMATS and p.stem in stems
                   and "source" not in p.relative_to(samples).parts)
    # scanned copies are read by OCR, whose misreadings add findings the text twin has not
    # (scripts/accuracy.py measures their records): left out here, and counted
    scanned = [p for p in paths if p.suffix.lower() == ".pdf" and is_scanned(p)]
    paths = [p for p in paths if p not in scanned]
    for path in paths:
        files += 1
        rel = path.relative_to(samples).as_posix()
        expected = load_expected(path.stem)
        for e in expected:
            expected_n[e["code"]] += 1
        found, failure, records = findings_of(path, samples, args.as_of)
        for item, want, got in check_scores(path.stem, records):
            scores_n += 1
            if got and abs(float(got) - float(want)) < 1e-3:
                scores_ok += 1
            else:
                details.append(f"{rel}: score of {item}: expected {want}, got {got or 'none'}")
        if failure:
            failed += 1
            details.append(f"{rel}: {failure}")
        missed, unexpected = match(expected, found)
        for e in expected:
            found_n[e["code"]] += 1
        for e in missed:
            found_n[e["code"]] -= 1
            details.append(f"{rel}: missed {e['code']} item={e['item_no']!r} value={e.get('value', '')!r}")
        for f in unexpected:
            alarms[f.code] += 1
            details.append(f"{rel}: unexpected {f.severity} {f.code} item={f.item_no!r} "
                           f"value={f.value!r} (table {f.table}, row {f.row})")
        if not expected:
            clean_files += 1
            clean_errors += sum(f.severity == "error" for f in found)

    codes = sorted(set(expected_n) | set(alarms))
    print(f"{files} sample files ({clean_files} clean, {failed} not read or extracted), "
          f"as of {args.as_of}; {len(scanned)} scanned copies left out")
    print(f"{'code':<22} {'expected':>8} {'found':>6} {'recall':>7} {'false alarms':>13}")
    for c in codes:
        rec = f"{found_n[c] / expected_n[c]:.0%}" if expected_n[c] else "-"
        print(f"{c:<22} {expected_n[c]:>8} {found_n[c]:>6} {rec:>7} {alarms[c]:>13}")
    te, tf, ta = sum(expected_n.values()), sum(found_n.values()), sum(alarms.values())
    print(f"{'overall':<22} {te:>8} {tf:>6} {(f'{tf / te:.0%}' if te else '-'):>7} {ta:>13}")
    print(f"error-severity findings on clean samples: {clean_errors} (target 0)")
    print(f"scores matching tests/expected/records: {scores_ok} of {scores_n}")
    if args.verbose and details:
        print()
        print("\n".join(details))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
