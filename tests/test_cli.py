"""The thaiforms command line: exit codes, outputs, text and dates."""
from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.cli import main
from test_batch import fakes, make_folder, read_csv, write  # noqa: F401  (fixture)

ROOT = Path(__file__).resolve().parent.parent


def test_run_exit_0_when_every_file_read(fakes, tmp_path, capsys):
    inp = make_folder(tmp_path / "in")
    rc = main(["run", str(inp), "-o", str(tmp_path / "out"), "--jobs", "2",
               "--as-of", "2010-10-15", "--fiscal-year", "2553"])
    assert rc == 0
    out = capsys.readouterr()
    assert "rayong" in out.out and "total" in out.out        # the summary is printed
    for name in ("consolidated.csv", "findings.csv", "files.csv", "summary.csv"):
        assert (tmp_path / "out" / name).exists()


def test_run_exit_1_when_a_file_failed(fakes, tmp_path, capsys):
    inp = make_folder(tmp_path / "in")
    write(inp / "bad" / "broken.txt", "BOOM\n")
    (inp / "photo.gif").write_bytes(b"GIF89a")
    rc = main(["run", str(inp), "-o", str(tmp_path / "out"), "--no-cache"])
    assert rc == 1
    err = capsys.readouterr().err
    assert "bad/broken.txt" in err and "ValueError" in err
    status = {f["source_file"]: f["status"] for f in read_csv(tmp_path / "out" / "files.csv")}
    assert status["photo.gif"] == "skipped" and status["bad/broken.txt"] == "failed"
    assert not (tmp_path / "out" / "thaiforms-cache.sqlite").exists()


def test_skipped_files_do_not_fail_the_run(fakes, tmp_path):
    inp = make_folder(tmp_path / "in")
    (inp / "clip.gif").write_bytes(b"GIF89a")          # (a picture of a page is a scan: read)
    assert main(["run", str(inp), "-o", str(tmp_path / "out")]) == 0


@pytest.mark.parametrize("args", [
    [],
    ["run"],
    ["run", "IN"],                                   # no -o
    ["run", "MISSING", "-o", "OUT"],                 # no such folder
    ["run", "IN", "-o", "OUT", "--as-of", "15/10/2010"],
    ["run", "IN", "-o", "OUT", "--fiscal-year", "2010"],   # Common Era, not Buddhist
    ["run", "IN", "-o", "OUT", "--jobs", "0"],
    ["run", "IN", "-o", "OUT", "--timeout", "-1"],
    ["run", "IN", "-o", "OUT", "--cache", "C", "--no-cache"],
    ["run", "IN", "-o", "OUT", "--scheduler", "tcp://127.0.0.1:8786"],   # needs --executor dask
    ["run", "IN", "-o", "OUT", "--executor", "spark"],
    ["text"],
    ["text", "MISSING.pdf"],
    ["dates", "--fiscal-year", "x"],
    ["frobnicate"],
])
def test_bad_usage_exits_2(args, tmp_path, monkeypatch, capsys):
    (tmp_path / "IN").mkdir()
    monkeypatch.chdir(tmp_path)
    assert main(args) == 2
    assert capsys.readouterr().err  # and says why
    assert not (tmp_path / "OUT").exists()


def test_fiscal_year_hint(capsys):
    assert main(["dates", "--fiscal-year", "2010"]) == 2
    assert "2553" in capsys.readouterr().err


def test_text_prints_repaired_text(tmp_path, capsys):
    f = write(tmp_path / "plan.txt", "แผนปฏิบัติการ จังหวัดระยอง\n")
    assert main(["text", str(f)]) == 0
    assert "แผนปฏิบัติการ จังหวัดระยอง" in capsys.readouterr().out


def test_text_of_unreadable_file_exits_1(tmp_path, capsys):
    f = tmp_path / "broken.docx"
    f.write_bytes(b"PK\x03\x04 not really a zip")
    assert main(["text", str(f)]) == 1
    assert "broken.docx" in capsys.readouterr().err


def test_dates_reads_stdin_writes_tsv(monkeypatch, capsys):
    stdin = io.TextIOWrapper(io.BytesIO("พ.ค. 53\nไตรมาสที่ 3\n".encode("utf-8")),
                             encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    assert main(["dates", "--fiscal-year", "2553"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "text\tstart\tend\tgranularity\tstatus\tnote"
    assert lines[1].split("\t")[:3] == ["พ.ค. 53", "2010-05-01", "2010-05-31"]
    assert lines[2].split("\t")[:3] == ["ไตรมาสที่ 3", "2010-04-01", "2010-06-30"]


def test_console_script_entry_point(tmp_path):
    """`python -m pipeline.cli` is what the `thaiforms` script runs; exit code passes through."""
    r = subprocess.run([sys.executable, "-m", "pipeline.cli", "run", str(tmp_path / "nope"),
                        "-o", str(tmp_path / "o")], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 2 and "not a folder" in r.stderr


def test_console_script_run_writes_outputs_before_exit(tmp_path):
    """entry() skips the interpreter's last garbage collection; the run's exit code, printed
    summary and four CSVs are all there all the same."""
    inp = tmp_path / "in"
    for rel in ("surat/surat_kpi_ladder_2567.csv", "bad/xmlbomb.docx"):
        (inp / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "samples" / rel, inp / rel)
    r = subprocess.run([sys.executable, "-m", "pipeline.cli", "run", str(inp), "-o",
                        str(tmp_path / "o"), "--as-of", "2010-10-15", "--no-progress"],
                       cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 1, r.stderr                   # the bomb failed, the ladder was read
    assert "total" in r.stdout and "2 files: 1 read, 1 failed" in r.stderr
    files = {f["source_file"]: f["status"] for f in read_csv(tmp_path / "o" / "files.csv")}
    assert files == {"surat/surat_kpi_ladder_2567.csv": "ok", "bad/xmlbomb.docx": "failed"}
    records = read_csv(tmp_path / "o" / "consolidated.csv")
    assert len(records) == 4 and {r["record_type"] for r in records} == {"kpi"}
    assert (tmp_path / "o" / "summary.csv").exists() and (tmp_path / "o" / "findings.csv").exists()


def test_installed_console_script_is_entry():
    from importlib.metadata import entry_points
    (script,) = [e for e in entry_points(group="console_scripts") if e.name == "thaiforms"]
    assert script.value == "pipeline.cli:entry"
