"""The batch with the real readers, extractors and validator over samples/ (which holds
deliberately broken files): completeness, failure rows, determinism and the cache."""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

import pytest

from pipeline import batch
from pipeline.readers.pdf import is_scanned
from test_batch import read_csv, without_seconds

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

pytestmark = pytest.mark.skipif(not (SAMPLES / "bad").is_dir(), reason="samples/ not built")


def settings(**kw):
    return batch.Settings(as_of=date(2010, 10, 15), progress=False, **kw)


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("samples")
    cold = batch.run(SAMPLES, tmp / "cold", settings(jobs=2, use_cache=False))
    filled = batch.run(SAMPLES, tmp / "cached", settings(jobs=1))
    rerun = batch.run(SAMPLES, tmp / "cached", settings(jobs=2))
    return tmp, cold, filled, rerun


def test_every_sample_listed_and_bad_ones_failed(runs):
    tmp, cold, _, _ = runs
    assert cold.exit_code == 1 and cold.failed >= 1
    files = {f["source_file"]: f for f in read_csv(tmp / "cold" / "files.csv")}
    walked = {e.rel for e in batch.walk(SAMPLES)}
    assert set(files) == walked
    on_disk = {p.relative_to(SAMPLES).as_posix() for p in SAMPLES.rglob("*")
               if p.is_file() and not p.is_symlink()}
    assert on_disk <= set(files)
    finds = read_csv(tmp / "cold" / "findings.csv")
    unreadable = {f["source_file"] for f in finds if f["code"] == "FILE_UNREADABLE"}
    failed = {k for k, f in files.items() if f["status"] == "failed"}
    assert failed == unreadable
    assert all(files[k]["error"] for k in failed)
    assert {k for k in failed if k.startswith("bad/")} == failed   # only the planted ones
    if (SAMPLES / "bad" / "photo.jpg").exists():     # too small a picture to be a page
        assert files["bad/photo.jpg"]["status"] == "ok"
        assert "too small to be a readable page" in files["bad/photo.jpg"]["warnings"]
    ok = [f for f in files.values() if f["status"] == "ok"]
    assert ok and all(len(f["sha256"]) == 64 for f in ok)
    assert sum(int(f["records"]) for f in ok) == len(read_csv(tmp / "cold" / "consolidated.csv"))
    assert sum(int(f["findings"]) for f in files.values()) == len(finds)


def test_records_point_at_their_files(runs):
    tmp = runs[0]
    files = {f["source_file"] for f in read_csv(tmp / "cold" / "files.csv")}
    for r in read_csv(tmp / "cold" / "consolidated.csv"):
        assert r["source_file"] in files and "\\" not in r["source_file"]


def test_cached_runs_identical_to_cold_run(runs):
    tmp, cold, filled, rerun = runs
    assert filled.cache_hits == 0
    assert rerun.cache_hits >= filled.ok   # every file read (and most failures) from cache
    for name in ("consolidated.csv", "findings.csv", "summary.csv"):
        assert (tmp / "cold" / name).read_bytes() == (tmp / "cached" / name).read_bytes(), name
    assert without_seconds(tmp / "cold" / "files.csv") == \
        without_seconds(tmp / "cached" / "files.csv")
    left = sorted(p.name for p in (tmp / "cached").iterdir())
    assert left[:4] == ["consolidated.csv", "files.csv", "findings.csv", "summary.csv"]
    assert not [n for n in left if n.startswith(".")]   # no temporary files left behind


def test_each_document_gives_exactly_the_findings_planted_in_it(runs):
    """Every committed document, in every format, gives the findings its expected file lists
    (tests/expected/findings/<stem>.csv), and no others: a finding lost or gained anywhere in
    reading, extraction or validation shows here. An expected finding without an item number
    stands for one of its code on any item."""
    import csv
    from collections import Counter

    expected = Path(__file__).resolve().parent / "expected"
    got: dict[str, Counter] = {}
    for f in read_csv(runs[0] / "cold" / "findings.csv"):
        got.setdefault(f["source_file"], Counter())[(f["code"], f["item_no"])] += 1
    checked = 0
    with open(expected / "files.csv", encoding="utf-8-sig", newline="") as fh:
        files = [r for r in csv.DictReader(fh) if r["status"] == "ok"]
    for row in files:
        planted = expected / "findings" / f"{row['stem']}.csv"
        if not planted.exists() or not (SAMPLES / row["source_file"]).exists():
            continue
        if scanned(row["source_file"]):
            continue    # OCR's misreadings add findings (tests/test_readers_ocr.py)
        with open(planted, encoding="utf-8-sig", newline="") as fh:
            want = [(e["code"], e["item_no"]) for e in csv.DictReader(fh)]
        left = Counter(got.get(row["source_file"], Counter()))
        missing = []
        for code, item in sorted(want, key=lambda w: w[1] == ""):   # exact items first
            key = (code, item) if item else next(
                (k for k in sorted(left) if k[0] == code and left[k]), (code, item))
            if left[key]:
                left[key] -= 1
            else:
                missing.append((code, item))
        assert missing == [] and +left == Counter(), (row["source_file"], missing, +left)
        checked += 1
    assert checked >= 50


@lru_cache(maxsize=None)
def scanned(source_file: str) -> bool:
    """A scan, read by OCR: a PDF without text, or a picture."""
    path = SAMPLES / source_file
    return path.suffix in (".jpg", ".png", ".tif") or path.suffix == ".pdf" and is_scanned(path)


def test_each_document_names_the_agency_and_year_of_its_expected_records(runs):
    """The agency and fiscal year of every record, in every format, are the ones its expected
    records give (tests/expected/records/<stem>.csv): the title rules that pick an agency are
    checked on every sample, not only on the few the accuracy test reads."""
    import csv

    expected = Path(__file__).resolve().parent / "expected" / "records"
    want: dict[str, set] = {}
    for path in expected.glob("*.csv"):
        with open(path, encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
        if rows and "agency" in rows[0]:     # a template for every department names none
            want[path.stem] = {(r["agency"], r["fiscal_year"]) for r in rows}
    wrong, checked = [], 0
    for r in read_csv(runs[0] / "cold" / "consolidated.csv"):
        stem = Path(r["source_file"]).stem
        if stem not in want or scanned(r["source_file"]):
            continue    # (what OCR reads of a title: tests/test_readers_ocr.py)
        checked += 1
        if (r["agency"], r["fiscal_year"]) not in want[stem]:
            wrong.append((r["source_file"], r["agency"], r["fiscal_year"]))
    assert checked > 300
    assert not sorted(set(wrong))
