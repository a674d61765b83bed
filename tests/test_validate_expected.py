"""The validator on the hand-checked records of tests/expected/records/ (what a perfect extractor
would give): scores match the expected ones, clean documents raise no error, and the planted
defects that records alone show are found, nothing more. Independent of readers and extractors.
"""
from __future__ import annotations

import csv
from collections import Counter
from dataclasses import fields
from datetime import date
from pathlib import Path

import pytest

from schemas import Extraction, Record
from pipeline.validate import validate

EXPECTED = Path(__file__).parent / "expected"
AS_OF = date(2010, 10, 15)          # the date the expected findings are judged at
# codes a record shows by itself (the others need structures or reading notes)
RECORD_CODES = {"START_AFTER_END", "OUTSIDE_FISCAL_YEAR", "DURATION_MISMATCH",
                "LADDER_INCOMPLETE", "LADDER_NOT_MONOTONIC", "DIRECTION_MISMATCH",
                "WEIGHT_MISSING", "DEADLINE_MISSED"}
TYPES = {f.name: f.type for f in fields(Record)}


def _value(name: str, text: str):
    text = text.strip()
    kind = str(TYPES.get(name, "str"))
    if "float" in kind or kind == "Num":
        return float(text) if text else None
    if "int" in kind:
        return int(float(text)) if text else None
    return text


def load_records(stem: str) -> list[Record]:
    with open(EXPECTED / "records" / f"{stem}.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    out = []
    for row in rows:
        kw = {k: _value(k, v or "") for k, v in row.items() if k in TYPES and k != "record_type"}
        kw.pop("score", None)
        out.append(Record(row["record_type"], source_file=f"{stem}.csv", **kw))
    return out, rows


def expected_findings(stem: str) -> list[dict]:
    path = EXPECTED / "findings" / f"{stem}.csv"
    if not path.exists():
        return []
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


STEMS = sorted(p.stem for p in (EXPECTED / "records").glob("*.csv"))


def run(stem):
    records, rows = load_records(stem)
    fy = next((r.fiscal_year for r in records if r.fiscal_year), None)
    ex = Extraction(f"{stem}.csv", fiscal_year=fy, records=records)
    return ex, rows, validate(ex, AS_OF)


def test_there_are_expected_records():
    assert len(STEMS) >= 5


@pytest.mark.parametrize("stem", STEMS)
def test_scores_match_the_hand_checked_ones(stem):
    ex, rows, _ = run(stem)
    checked = 0
    for r, row in zip(ex.records, rows):
        want = (row.get("score") or "").strip()
        if "score" in row and want:
            assert r.score == pytest.approx(float(want), abs=1e-3), (r.item_no, r.name)
            checked += 1
        elif "score" in row:
            assert r.score is None, (r.item_no, r.name)
    assert checked or not any((row.get("score") or "").strip() for row in rows)


@pytest.mark.parametrize("stem", STEMS)
def test_findings_records_alone_show(stem):
    _, _, found = run(stem)
    want = Counter((e["code"], e["item_no"]) for e in expected_findings(stem)
                   if e["code"] in RECORD_CODES)
    got = Counter((f.code, f.item_no) for f in found if f.code in RECORD_CODES)
    assert got == want


@pytest.mark.parametrize("stem", [s for s in STEMS if not expected_findings(s)])
def test_clean_documents_raise_no_error(stem):
    _, _, found = run(stem)
    assert [f for f in found if f.severity == "error"] == []
