"""The stored compiled form of the project's regular expressions (pipeline/patterns.py)."""
import marshal
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import pipeline.cli  # noqa: F401  (its imports compile patterns, as a run's do)
from pipeline import patterns
from pipeline.batch import preload

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def table(tmp_path_factory) -> Path:
    preload()
    path = tmp_path_factory.mktemp("patterns") / "table.marshal"
    assert patterns.save(path) == len(patterns._compiled)
    return path


@pytest.fixture
def stored(monkeypatch):
    def use(table: dict) -> None:
        monkeypatch.setattr(patterns, "_stored", table)
    return use


def test_every_pattern_the_project_compiles_is_stored(table):
    keys = set(patterns._read(table))
    assert len(keys) > 200          # readers, normaliser and extractors
    assert keys == set(patterns._compiled)


def test_a_stored_pattern_is_the_pattern_re_compiles(table, stored):
    stored(patterns._read(table))
    for (pattern, flags) in patterns._read(table):
        assert patterns.compile(pattern, flags) == re.compile(pattern, flags), pattern


def test_a_stored_pattern_matches_as_re_does(table, stored):
    stored(patterns._read(table))
    date = patterns.compile(r"(?P<day>\d{1,2})\s*(?P<month>ต\.ค\.|ตุลาคม)\s*(?P<year>\d{4})")
    text = "ภายในวันที่ 15 ต.ค. 2568"
    assert date.search(text).groupdict() == re.search(date.pattern, text).groupdict()
    stored({(date.pattern, 0): patterns._engine_parts(date.pattern, 0)})
    again = patterns.compile(date.pattern)
    assert again.search(text).groupdict() == {"day": "15", "month": "ต.ค.", "year": "2568"}
    assert again.groupindex == {"day": 1, "month": 2, "year": 3}


def test_a_pattern_not_stored_is_compiled_by_re(stored):
    stored({})
    rx = patterns.compile(r"ไตรมาส\s*ที่\s*([1-4])", re.I)
    assert rx.match("ไตรมาสที่ 3").group(1) == "3"
    assert rx == re.compile(r"ไตรมาส\s*ที่\s*([1-4])", re.I)


def test_a_damaged_entry_falls_back_to_re(stored):
    stored({("[ก-ฮ]+", 0): (0, [999999], 0, {}, (None,))})
    rx = patterns.compile("[ก-ฮ]+")
    assert rx == re.compile("[ก-ฮ]+")
    assert rx.match("กขค").group() == "กขค"


@pytest.mark.parametrize("content", [b"", b"not marshal", marshal.dumps(((0, 0, 0), []))],
                         ids=["empty", "garbage", "another Python"])
def test_an_unusable_table_is_ignored(tmp_path, content):
    path = tmp_path / "table.marshal"
    path.write_bytes(content)
    assert patterns._read(path) == {}
    assert patterns._read(tmp_path / "missing.marshal") == {}


def test_the_command_stores_the_table(tmp_path):
    for pkg in ("pipeline", "extractors", "schemas"):
        shutil.copytree(ROOT / pkg, tmp_path / pkg, ignore=shutil.ignore_patterns("__pycache__"))
    out = subprocess.run([sys.executable, "-m", "pipeline.patterns"], cwd=tmp_path,
                         capture_output=True, text=True, check=True).stdout
    n = int(re.search(r"(\d+) compiled patterns", out).group(1))
    table = tmp_path / "pipeline" / "__pycache__" / patterns.TABLE.name
    assert n > 200 and len(patterns._read(table)) == n
