"""CSV writing: encoding, quoting, formula injection, atomic replacement."""
from __future__ import annotations

import csv
import io
import os
import stat

import pytest
from hypothesis import given, strategies as st

from pipeline import export
from pipeline.export import cell, neutralise, open_csv, write_csv
from schemas import CONSOLIDATED_COLUMNS, Record


def read_back(path):
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline="")))


def test_bom_crlf_header_and_thai_quoting(tmp_path):
    path = tmp_path / "x.csv"
    rows = [{"a": 'ร้อยละ 80, "ดีมาก"', "b": "บรรทัดแรก\nบรรทัดสอง"}, {"a": "ธรรมดา", "b": None}]
    assert write_csv(path, ["a", "b"], rows) == 2
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfa,b\r\n")
    assert '"ร้อยละ 80, ""ดีมาก"""'.encode() in data
    assert read_back(path) == [["a", "b"], ['ร้อยละ 80, "ดีมาก"', "บรรทัดแรก\nบรรทัดสอง"],
                               ["ธรรมดา", ""]]


def test_header_even_when_empty(tmp_path):
    write_csv(tmp_path / "e.csv", CONSOLIDATED_COLUMNS, [])
    assert read_back(tmp_path / "e.csv") == [CONSOLIDATED_COLUMNS]


def test_dataclass_rows_in_column_order(tmp_path):
    r = Record(record_type="kpi", source_file="a/b.pdf", page=3, weight=0.5, target=100.0,
               budget_thb=50000, name="=1+1", flags="WEIGHT_MISSING")
    write_csv(tmp_path / "r.csv", CONSOLIDATED_COLUMNS, [r])
    header, row = read_back(tmp_path / "r.csv")
    got = dict(zip(header, row))
    assert got["page"] == "3" and got["weight"] == "0.5" and got["target"] == "100"
    assert got["budget_thb"] == "50000" and got["name"] == "'=1+1" and got["level_1"] == ""


@pytest.mark.parametrize("text,expected", [
    ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
    ("+66 81 234 5678", "'+66 81 234 5678"),
    ("-แผนบริหารความเสี่ยง", "'-แผนบริหารความเสี่ยง"),
    ("- หน่วยงานรับทราบแผน", "'- หน่วยงานรับทราบแผน"),
    ("@cmd", "'@cmd"),
    ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"),
    ("-", "'-"),
    ("-5", "-5"),
    ("+1.5", "+1.5"),
    ("-50,000", "-50,000"),
    ("-1e3", "-1e3"),
    ("ร้อยละ 80", "ร้อยละ 80"),
    ("", ""),
])
def test_formula_injection(text, expected):
    assert neutralise(text) == expected


def test_numbers_not_neutralised_or_exponent():
    assert cell(-5.0) == "-5" and cell(-0.25) == "-0.25" and cell(1e-7) == "0.0000001"
    assert cell(None) == "" and cell(3) == "3" and cell(float("nan")) == ""


@given(st.text())
def test_no_text_cell_starts_a_formula(text):
    out = cell(text)
    if out[:1] in ("=", "+", "-", "@", "\t", "\r"):
        float(out.replace(",", ""))  # only plain numbers keep such a start
    assert out == text or out == "'" + text


def test_failed_write_leaves_old_file_and_no_temp(tmp_path):
    path = tmp_path / "consolidated.csv"
    write_csv(path, ["a"], [{"a": "old"}])
    before = path.read_bytes()

    def rows():
        yield {"a": "new"}
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_csv(path, ["a"], rows())
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["consolidated.csv"]


def test_failed_write_of_new_file_leaves_nothing(tmp_path, monkeypatch):
    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export.os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_csv(tmp_path / "files.csv", ["a"], [{"a": 1}])
    assert list(tmp_path.iterdir()) == []


def test_same_bytes_leave_the_file_alone_other_bytes_replace_it(tmp_path, monkeypatch):
    path = tmp_path / "findings.csv"
    write_csv(path, ["a"], [{"a": "เดิม"}])
    before = path.stat()
    synced = []
    real_fsync = export.os.fsync
    monkeypatch.setattr(export.os, "fsync", lambda fd: synced.append(fd) or real_fsync(fd))

    write_csv(path, ["a"], [{"a": "เดิม"}])          # a re-run that changed nothing
    after = path.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert synced == []
    assert [p.name for p in tmp_path.iterdir()] == ["findings.csv"]

    write_csv(path, ["a"], [{"a": "ใหม่"}])          # same size in bytes, other text
    assert path.stat().st_ino != before.st_ino and len(synced) == 1
    assert read_back(path) == [["a"], ["ใหม่"]]
    assert [p.name for p in tmp_path.iterdir()] == ["findings.csv"]


def test_open_csv_streams_rows(tmp_path):
    with open_csv(tmp_path / "s.csv", ["n"]) as w:
        for i in range(3):
            w.write({"n": i})
        assert not (tmp_path / "s.csv").exists()  # appears only when complete
    assert read_back(tmp_path / "s.csv") == [["n"], ["0"], ["1"], ["2"]]


def test_outputs_are_readable_as_any_new_file_and_keep_their_mode(tmp_path):
    old = os.umask(0o022)
    try:
        write_csv(tmp_path / "summary.csv", ["a"], [{"a": 1}])
        assert stat.S_IMODE((tmp_path / "summary.csv").stat().st_mode) == 0o644
        os.chmod(tmp_path / "summary.csv", 0o640)
        write_csv(tmp_path / "summary.csv", ["a"], [{"a": 2}])
        assert stat.S_IMODE((tmp_path / "summary.csv").stat().st_mode) == 0o640
    finally:
        os.umask(old)
