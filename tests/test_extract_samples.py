"""Extractors on real files: the seeds in ../shared/seeds, the samples against their hand-checked
expected records (scripts/accuracy.py), and one document in every format giving the same records."""
from __future__ import annotations

import importlib.util
import re
import sys
from dataclasses import asdict
from pathlib import Path

import pytest

from extract_helpers import ctx

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
EXPECTED = ROOT / "tests" / "expected" / "records"
SEEDS = ROOT.parent / "shared" / "seeds"
sys.path.insert(0, str(ROOT / "scripts"))

from extractors import extract  # noqa: E402
from pipeline.readers import read_document  # noqa: E402
from pipeline.readers.pdf import is_scanned  # noqa: E402

import accuracy  # noqa: E402


def _seed(prefix: str) -> Path:
    found = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not found:
        pytest.skip("shared seeds not present")
    return found[0]


def _reader_available(fmt: str) -> bool:
    return importlib.util.find_spec(f"pipeline.readers.{fmt}") is not None


def test_seed_004_rayong_plan_all_forms():
    ex = extract(read_document(_seed("004")), ctx("rayong/004.txt"))
    assert ex.agency == "จังหวัดระยอง" and ex.fiscal_year == 2553
    assert ex.forms == ["activity_plan", "form72", "activity_plan", "form72"]
    acts = [r for r in ex.records if r.record_type == "activity"]
    kpis = [r for r in ex.records if r.record_type == "kpi"]
    assert len(acts) == 23 and len(kpis) == 4
    by = {(r.parent_item, r.item_no): r for r in acts}
    assert by[("1.2", "(3)")].end == "2010-03" and by[("1.2", "(3)")].date_notes
    assert by[("1.2", "(6)")].start == "2010-04"
    assert by[("", "4")].start == "" and by[("", "4")].budget_thb == 50000
    assert by[("", "6")].duration_months == 6
    assert by[("3", "1")].related == "34 หน่วยงาน ภูมิภาค" and by[("3", "1")].budget_thb == 20000
    assert [(g.item_no, g.total_thb) for g in ex.budget_groups] == [("2", 150000), ("3", 60000)]
    assert [a.signatory for a in ex.approvals] == ["", "สุพรีพจน์ จอองพานิช"]
    dup = kpis[-1]
    assert dup.name == "ร้อยละความไม่พึงพอใจของผู้รับบริการ" and dup.direction == "lower"
    assert [lvl for lvl, _ in dup.ladder_levels_raw] == [1, 2, 3, 4, 4, 5]
    empty = sorted(d.dimension for d in ex.dimensions if d.indicator_count == 0)
    assert empty == ["7.1", "7.2", "7.3", "7.4", "7.4"]


def test_seed_000_kpi_report():
    ex = extract(read_document(_seed("000")), ctx("x/000.txt"))
    assert ex.forms == ["kpi_report"] and ex.fiscal_year == 2549
    k, *steps = ex.records
    assert (k.item_no, k.dimension, k.data_collector) == ("7", "2", "นายนาวิ มุสตาฟา")
    assert [s.deadline for s in steps] == ["", "2006-03-31", "2006-09-30", "2006-09-30", ""]
    assert [s.level for s in steps] == [1, 2, 3, 4, 5]


def test_seed_002_best_service_steps_and_deductions():
    ex = extract(read_document(_seed("002")), ctx("x/002.txt"))
    assert ex.forms == ["kpi_ladder"]
    k = ex.records[0]
    assert k.item_no == "3.2" and k.ladder == [60, 70, 80, 90, 100]
    steps = {r.item_no: r for r in ex.records if r.record_type == "milestone"}
    assert {"1", "2", "5", "6.1", "9"} <= set(steps)
    assert steps["2"].deadline == "2014-11-30"
    rules = {d.step: d for d in ex.deductions}
    assert (rules["2"].points, rules["2"].per_day) == (0.5, 0.01)
    assert rules["6.1"].working_days == 10


def test_seed_003_sla_weights_and_ladders():
    ex = extract(read_document(_seed("003")), ctx("x/003.txt"))
    by = {r.item_no: r for r in ex.records}
    assert by["2"].weight == 10
    assert [by[n].weight for n in ("2.1", "2.2", "2.3")] == [3, 4, None]
    assert by["1.3"].ladder == [65, 70, 75, 80, 85]
    assert [g.member_items for g in ex.weight_groups] == [["1.1", "1.2", "1.3"], ["2.1", "2.2", "2.3"]]


def _formats():
    return [f for f in accuracy.FORMATS if f in ("docx", "txt", "pdf") or _reader_available(f)]


# one document per form and layout family, every format it comes in (the full run is
# scripts/accuracy.py)
FEW = {"rayong_plan_2553", "kpi7_service_centre_2549", "chiangmai_form72_2566",
       "bma_best_service_2558", "opdc_sla_2558", "songkhla_activity_plan_2566",
       "dopa_activity_plan_2567", "defect_kpi_report_2553"}


def test_accuracy_on_samples_meets_targets():
    if not EXPECTED.exists() or not any(EXPECTED.glob("*.csv")):
        pytest.skip("no expected records yet")
    result = accuracy.run(SAMPLES, EXPECTED, only=FEW, formats=tuple(_formats()))
    rows = [r for r in accuracy.summarize(result) if r[0] == "ALL"]
    assert rows
    for _, fmt, t in rows:
        assert t.recall >= accuracy.TARGETS["recall"], (fmt, t.misses[:10])
        assert t.precision >= accuracy.TARGETS["precision"], (fmt, t.misses[:10])
        assert t.field_accuracy >= accuracy.TARGETS["field_accuracy"], (fmt, t.misses[:10])


CONTENT = ("record_type", "form", "item_no", "parent_item", "row_kind", "name", "plan", "dimension",
           "baseline", "target", "unit", "weight", "level_1", "level_2", "level_3", "level_4",
           "level_5", "direction", "duration_months", "start", "end", "deadline", "level",
           "status", "budget_thb", "responsible", "agency", "fiscal_year")


def _content(path: Path) -> list[tuple]:
    rel = path.relative_to(SAMPLES).as_posix()
    ex = extract(read_document(path), ctx(rel, agency=rel.split("/")[0]))
    out = []
    for r in ex.records:
        d = asdict(r)
        # PDF text may wrap at other places: compare text without its spacing
        out.append(tuple(re.sub(r"\s+", "", v) if isinstance(v, str) else v for v in
                         (d[k] for k in CONTENT)))
    return out


def test_same_document_in_every_format_gives_the_same_records():
    stems: dict[str, list[Path]] = {}
    for p in SAMPLES.rglob("*"):
        # (scanned copies are read by OCR, whose misreadings tests/test_readers_ocr.py bounds)
        if p.suffix.lstrip(".") in _formats() and not (p.suffix == ".pdf" and is_scanned(p)):
            stems.setdefault(p.stem, []).append(p)
    multi = {s: ps for s, ps in stems.items() if len(ps) >= 2}
    if not multi:
        pytest.skip("no sample in several formats yet")
    for stem, paths in sorted(multi.items()):
        paths = sorted(paths)
        base = _content(paths[0])
        assert base, stem
        for p in paths[1:]:
            other = _content(p)
            diff = [(a, b) for a, b in zip(base, other) if a != b]
            assert len(base) == len(other) and not diff, (p.name, diff[:3])
