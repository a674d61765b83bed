"""Batch runs with small stand-ins for the reader, extractor and validator, so these tests pin
down the batch's own behaviour: completeness of files.csv, failure isolation, limits, order,
cache. Runs of the real modules over samples/ are in test_batch_samples.py."""
from __future__ import annotations

import csv
import io
import os
import re
import time
from datetime import date
from pathlib import Path

import pytest

import extractors
import pipeline.readers as readers
import pipeline.validate as validate_mod
from pipeline import batch
from pipeline.batch import Settings
from pipeline.findings import finding_for
from schemas import Document, Extraction, Page, Paragraph, Record

LOG = "THAIFORMS_TEST_CALLS"


def _log(kind: str, path) -> None:
    log = os.environ.get(LOG)
    if log:
        with open(log, "a", encoding="utf-8") as f:
            f.write(f"{kind}\t{Path(path).name}\n")


def fake_read(path, limits=None, fmt=None):
    """Lines of a text file as paragraphs; words in the file trigger the bad cases."""
    _log("read", path)
    data = Path(path).read_bytes()
    text = data.decode("utf-8")
    if "SLOW" in text:
        time.sleep(60)
    if "CRASH" in text:
        os._exit(3)
    if "BOOM" in text:
        raise ValueError("unexpected cell layout")
    if "LOCKED" in text:
        raise readers.ReadError("encrypted", f"{Path(path).name} is password-protected")
    paras = [Paragraph(text=line) for line in text.splitlines() if line.strip()]
    return Document(path=str(path), format="txt", pages=[Page(number=None, blocks=paras)],
                    encoding="utf-8")


def fake_extract(doc, ctx):
    _log("extract", doc.path)
    ex = Extraction(source_file=ctx.source_file, agency=ctx.agency_fallback,
                    fiscal_year=ctx.fiscal_year or 2553)
    for p in doc.paragraphs():
        if p.text.startswith("KPI|"):
            _, item, name, weight = (p.text.split("|") + ["", "", ""])[:4]
            ex.records.append(Record(record_type="kpi", source_file=ctx.source_file,
                                     agency=ex.agency, fiscal_year=ex.fiscal_year, form="form72",
                                     item_no=item, name=name,
                                     weight=float(weight) if weight else None, table=1))
    if ex.records:
        ex.forms.append("form72")
    return ex


def fake_validate(ex, as_of):
    _log("validate", ex.source_file)
    out = []
    for r in ex.records:
        if r.weight is None:
            out.append(finding_for(r, "WEIGHT_MISSING"))
        if as_of > date(2010, 9, 30):
            out.append(finding_for(r, "DEADLINE_MISSED", value="2010-09-30"))
        r.flags = ";".join(sorted({f.code for f in out if f.item_no == r.item_no}))
    return list(reversed(out))  # the batch sorts findings itself


@pytest.fixture
def fakes(monkeypatch, tmp_path):
    monkeypatch.setattr(readers, "read_document", fake_read)
    monkeypatch.setattr(extractors, "extract", fake_extract, raising=False)
    monkeypatch.setattr(validate_mod, "validate", fake_validate)
    log = tmp_path / "calls.log"
    monkeypatch.setenv(LOG, str(log))
    return log


def calls(log: Path) -> list[tuple[str, str]]:
    if not log.exists():
        return []
    return [tuple(line.split("\t")) for line in log.read_text(encoding="utf-8").splitlines()]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def make_folder(root: Path) -> Path:
    write(root / "rayong" / "form72.txt", "KPI|1|ร้อยละของผู้รับบริการ, ที่พึงพอใจ|0.5\n"
          "KPI|2|ระดับความสำเร็จ \"ศูนย์บริการร่วม\"|\n")
    write(root / "rayong" / "sub" / "kpi2.txt", "KPI|10|=HYPERLINK(\"x\")|1\nKPI|2|b|2\n")
    write(root / "chanthaburi" / "notes.txt", "ไม่มีแบบฟอร์ม\n")
    return root


def read_csv(path: Path) -> list[dict]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(data[3:].decode("utf-8"), newline="")))


def run(inp, out, **kw) -> batch.RunResult:
    kw.setdefault("as_of", date(2010, 10, 15))
    kw.setdefault("progress", False)
    return batch.run(inp, out, Settings(**kw))


def without_seconds(path: Path) -> list[dict]:
    rows = read_csv(path)
    for r in rows:
        r.pop("seconds", None)
    return rows


# ---------------------------------------------------------------------------------------------

def test_run_writes_all_outputs_in_order(fakes, tmp_path):
    inp = make_folder(tmp_path / "in")
    res = run(inp, tmp_path / "out", jobs=2)
    assert res.exit_code == 0 and res.ok == 3 and res.failed == 0
    files = read_csv(tmp_path / "out" / "files.csv")
    assert [f["source_file"] for f in files] == [
        "chanthaburi/notes.txt", "rayong/form72.txt", "rayong/sub/kpi2.txt"]
    recs = read_csv(tmp_path / "out" / "consolidated.csv")
    assert [(r["source_file"], r["item_no"]) for r in recs] == [
        ("rayong/form72.txt", "1"), ("rayong/form72.txt", "2"),
        ("rayong/sub/kpi2.txt", "10"), ("rayong/sub/kpi2.txt", "2")]
    assert recs[0]["name"] == "ร้อยละของผู้รับบริการ, ที่พึงพอใจ"
    assert recs[1]["name"] == 'ระดับความสำเร็จ "ศูนย์บริการร่วม"'
    assert recs[2]["name"] == "'=HYPERLINK(\"x\")"       # formula neutralised
    assert recs[0]["weight"] == "0.5" and recs[2]["weight"] == "1"
    assert recs[0]["agency"] == "rayong"
    by_file = {f["source_file"]: f for f in files}
    assert by_file["rayong/form72.txt"]["records"] == "2"
    assert by_file["rayong/form72.txt"]["findings"] == "3"
    assert by_file["rayong/form72.txt"]["sha256"] == batch.sha256_file(
        str(inp / "rayong" / "form72.txt"))
    # a readable file without a form: NO_FORM_FOUND
    finds = read_csv(tmp_path / "out" / "findings.csv")
    assert [f["code"] for f in finds if f["source_file"] == "chanthaburi/notes.txt"] == [
        "NO_FORM_FOUND"]
    assert (tmp_path / "out" / "summary.csv").exists()
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(".")
                and "cache" not in p.name]


def test_findings_sorted_within_file(fakes, tmp_path):
    inp = make_folder(tmp_path / "in")
    run(inp, tmp_path / "out")
    finds = [f for f in read_csv(tmp_path / "out" / "findings.csv")
             if f["source_file"] == "rayong/sub/kpi2.txt"]
    # item 2 before item 10 (numbering, not text), then code
    assert [(f["item_no"], f["code"]) for f in finds] == [
        ("2", "DEADLINE_MISSED"), ("10", "DEADLINE_MISSED")]
    finds = [f for f in read_csv(tmp_path / "out" / "findings.csv")
             if f["source_file"] == "rayong/form72.txt"]
    assert [(f["item_no"], f["code"]) for f in finds] == [
        ("1", "DEADLINE_MISSED"), ("2", "DEADLINE_MISSED"), ("2", "WEIGHT_MISSING")]


def test_every_file_listed_including_bad_ones(fakes, tmp_path):
    inp = make_folder(tmp_path / "in")
    write(inp / "bad" / "broken.txt", "BOOM\n")
    write(inp / "bad" / "locked.txt", "LOCKED\n")
    (inp / "bad" / "photo.gif").write_bytes(b"GIF89a" + b"\0" * 100)
    (inp / "bad" / "scan.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 100)    # cut short
    (inp / "bad" / "old_slides.ppt").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    (inp / "bad" / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    (inp / "bad" / "~$form72.docx").write_bytes(b"\x05owner")
    os.symlink("..", inp / "bad" / "loop")                 # folder loop
    os.symlink("self", inp / "bad" / "self")                # link to itself (ELOOP)
    os.symlink("missing.txt", inp / "bad" / "dangling.txt")
    os.mkfifo(inp / "bad" / "pipe.txt")                     # must not be opened: it would block
    os.symlink(inp / "rayong", inp / "alias")              # a folder read twice? no
    res = run(inp, tmp_path / "out", jobs=2)
    assert res.exit_code == 1
    files = {f["source_file"]: f for f in read_csv(tmp_path / "out" / "files.csv")}
    status = {k: v["status"] for k, v in files.items()}
    assert status == {
        "alias/": "skipped",
        "bad/.DS_Store": "skipped",
        "bad/broken.txt": "failed",
        "bad/dangling.txt": "failed",
        "bad/locked.txt": "failed",
        "bad/loop/": "skipped",
        "bad/old_slides.ppt": "failed",      # the agency's form, in a format not read
        "bad/photo.gif": "skipped",
        "bad/scan.jpg": "failed",              # a picture (read by OCR) with no image in it
        "bad/pipe.txt": "skipped",
        "bad/self": "skipped",
        "bad/~$form72.docx": "skipped",
        "chanthaburi/notes.txt": "ok",
        "rayong/form72.txt": "ok",
        "rayong/sub/kpi2.txt": "ok",
    }
    assert "loop" in files["bad/loop/"]["error"]
    assert "loop" in files["bad/self"]["error"]
    assert "broken symbolic link" in files["bad/dangling.txt"]["error"]
    assert "not a submission format (.gif)" == files["bad/photo.gif"]["error"]
    assert "password-protected" in files["bad/locked.txt"]["error"]
    # the exception names its type, message and where it was raised
    err = files["bad/broken.txt"]["error"]
    assert "ValueError: unexpected cell layout" in err
    assert re.search(r"\(at tests/test_batch\.py:\d+ in fake_read\)", err), err
    finds = read_csv(tmp_path / "out" / "findings.csv")
    unreadable = {f["source_file"]: f for f in finds if f["code"] == "FILE_UNREADABLE"}
    assert set(unreadable) == {"bad/broken.txt", "bad/dangling.txt", "bad/locked.txt",
                               "bad/old_slides.ppt", "bad/scan.jpg"}
    assert unreadable["bad/old_slides.ppt"]["value"] == "unsupported"
    assert "PowerPoint 97-2003" in files["bad/old_slides.ppt"]["error"]
    assert "save it as .pptx or PDF" in unreadable["bad/old_slides.ppt"]["message"]
    assert unreadable["bad/locked.txt"]["value"] == "encrypted"
    assert unreadable["bad/locked.txt"]["severity"] == "error"
    assert "password-protected" in unreadable["bad/locked.txt"]["message"]


def test_timeout_kills_the_file_not_the_batch(fakes, tmp_path):
    inp = make_folder(tmp_path / "in")
    write(inp / "slow.txt", "SLOW\n")
    res = run(inp, tmp_path / "out", jobs=2, timeout=1.0)
    assert res.exit_code == 1 and res.ok == 3 and res.failed == 1
    files = {f["source_file"]: f for f in read_csv(tmp_path / "out" / "files.csv")}
    assert files["slow.txt"]["status"] == "failed"
    assert "time limit of 1 s" in files["slow.txt"]["error"]
    finds = read_csv(tmp_path / "out" / "findings.csv")
    assert [f["value"] for f in finds if f["source_file"] == "slow.txt"] == ["timeout"]


def test_crashed_worker_is_replaced(fakes, tmp_path):
    inp = make_folder(tmp_path / "in")
    write(inp / "a_crash.txt", "CRASH\n")
    res = run(inp, tmp_path / "out", jobs=1)
    files = {f["source_file"]: f for f in read_csv(tmp_path / "out" / "files.csv")}
    assert files["a_crash.txt"]["status"] == "failed"
    assert "exit code 3" in files["a_crash.txt"]["error"]
    assert res.ok == 3  # the files after it were read by a new worker


def test_size_limit(fakes, tmp_path):
    inp = make_folder(tmp_path / "in")
    write(inp / "big.txt", "KPI|1|x|1\n" + "ก" * 5000)
    res = run(inp, tmp_path / "out", max_bytes=1000)
    files = {f["source_file"]: f for f in read_csv(tmp_path / "out" / "files.csv")}
    assert files["big.txt"]["status"] == "failed"
    assert "over size limit" in files["big.txt"]["error"]
    assert res.ok == 3
    assert ("read", "big.txt") not in calls(fakes)


def test_output_folder_inside_input_is_not_read(fakes, tmp_path):
    inp = make_folder(tmp_path / "in")
    run(inp, inp / "out")
    run(inp, inp / "out")
    files = [f["source_file"] for f in read_csv(inp / "out" / "files.csv")]
    assert not [f for f in files if f.startswith("out/")]


def test_rerun_gives_same_output(fakes, tmp_path):
    inp = make_folder(tmp_path / "in")
    write(inp / "bad" / "broken.txt", "BOOM\n")
    run(inp, tmp_path / "a", jobs=2, use_cache=False)
    run(inp, tmp_path / "b", jobs=1, use_cache=False)
    for name in ("consolidated.csv", "findings.csv", "summary.csv"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert without_seconds(tmp_path / "a" / "files.csv") == \
        without_seconds(tmp_path / "b" / "files.csv")


def test_cache_hit_miss_and_identical_output(fakes, tmp_path):
    inp = make_folder(tmp_path / "in")
    out = tmp_path / "out"
    first = run(inp, out, jobs=2)
    assert first.cache_hits == 0
    assert (out / "thaiforms-cache.sqlite").exists()
    reads = [c for c in calls(fakes) if c[0] == "read"]
    assert len(reads) == 3
    fakes.unlink()

    second = run(inp, out, jobs=2)           # unchanged folder: nothing read again
    assert second.cache_hits == 3
    assert calls(fakes) == []

    write(inp / "rayong" / "form72.txt", "KPI|1|changed|\n")   # one file changed
    third = run(inp, out, jobs=2)
    assert third.cache_hits == 2
    assert [c for c in calls(fakes) if c[0] == "read"] == [("read", "form72.txt")]
    fakes.unlink()

    cold = run(inp, tmp_path / "cold", use_cache=False)
    assert cold.cache_hits == 0
    for name in ("consolidated.csv", "findings.csv", "summary.csv"):
        assert (out / name).read_bytes() == (tmp_path / "cold" / name).read_bytes()
    assert without_seconds(out / "files.csv") == without_seconds(tmp_path / "cold" / "files.csv")
    fakes.unlink()

    # another --as-of: deadlines judged again from the cached extraction, no file read
    early = run(inp, out, as_of=date(2010, 9, 1))
    assert early.cache_hits == 3
    assert not [c for c in calls(fakes) if c[0] in ("read", "extract")]
    assert [c for c in calls(fakes) if c[0] == "validate"]
    codes = {f["code"] for f in read_csv(out / "findings.csv")}
    assert "DEADLINE_MISSED" not in codes and "WEIGHT_MISSING" in codes


def test_cache_not_used_for_time_outs_and_other_settings(fakes, tmp_path):
    inp = make_folder(tmp_path / "in")
    write(inp / "slow.txt", "SLOW\n")
    shared = tmp_path / "shared-cache"
    run(inp, tmp_path / "o1", timeout=1.0, cache_dir=shared)
    assert (shared / "thaiforms-cache.sqlite").exists()
    assert not (tmp_path / "o1" / "thaiforms-cache.sqlite").exists()
    fakes.unlink()
    res = run(inp, tmp_path / "o2", timeout=1.0, cache_dir=shared)   # shared cache
    assert res.cache_hits == 3 and res.failed == 1                    # the time-out is retried
    assert [c for c in calls(fakes) if c[0] == "read"] == [("read", "slow.txt")]
    fakes.unlink()
    res = run(inp, tmp_path / "o3", timeout=1.0, cache_dir=shared, fiscal_year=2554)
    assert res.cache_hits == 0   # another default fiscal year: extract again
    recs = read_csv(tmp_path / "o3" / "consolidated.csv")
    assert {r["fiscal_year"] for r in recs} == {"2554"}


def test_progress_bar_only_when_asked(fakes, tmp_path, capsys):
    inp = make_folder(tmp_path / "in")
    run(inp, tmp_path / "o1", progress=None)   # stderr is not a terminal under pytest
    assert "file/s" not in capsys.readouterr().err
    run(inp, tmp_path / "o2", progress=True)
    assert "3/3" in capsys.readouterr().err


def test_walk_handles_unreadable_folder(tmp_path, monkeypatch):
    (tmp_path / "in" / "locked").mkdir(parents=True)
    write(tmp_path / "in" / "ok.txt", "x")
    real_scandir = os.scandir

    def scandir(path):  # root may read any folder, so deny this one here
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    entries = batch.walk(tmp_path / "in")
    assert [e.rel for e in entries] == ["locked/", "ok.txt"]
    assert entries[0].outcome.file.status == "failed"
    assert "Permission denied" in entries[0].outcome.file.error


def test_junk_names():
    assert batch.is_junk(".DS_Store") and batch.is_junk("~$แผน.docx")
    assert batch.is_junk("._form72.pdf") and batch.is_junk("Thumbs.db")
    assert not batch.is_junk("form72.docx") and not batch.is_junk(".hidden-plan.txt")


def test_summary_failure_keeps_the_csvs(fakes, tmp_path, monkeypatch):
    import pipeline.summary as summary

    def broken(*a, **k):
        raise KeyError("agency")

    monkeypatch.setattr(summary, "summarize", broken)
    inp = make_folder(tmp_path / "in")
    res = run(inp, tmp_path / "out")
    assert res.exit_code == 1 and "KeyError" in res.summary_error
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["consolidated.csv", "files.csv", "findings.csv", "thaiforms-cache.sqlite"]


def test_failed_csv_write_leaves_no_temporary_files(fakes, tmp_path, monkeypatch):
    from pipeline import export

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export.os, "replace", broken_replace)
    inp = make_folder(tmp_path / "in")
    with pytest.raises(OSError):
        run(inp, tmp_path / "out", use_cache=False)
    assert list((tmp_path / "out").iterdir()) == []   # no half-written CSV, no spool


def test_output_folder_same_as_input(fakes, tmp_path):
    inp = make_folder(tmp_path / "in")
    first = run(inp, inp)
    second = run(inp, inp)           # the CSVs and the cache of the first run are not inputs
    assert first.files == second.files == 3
    files = [f["source_file"] for f in read_csv(inp / "files.csv")]
    assert files == ["chanthaburi/notes.txt", "rayong/form72.txt", "rayong/sub/kpi2.txt"]


def test_time_out_puts_the_queued_file_back(fakes, tmp_path):
    """Quick files get a second one queued in the worker's pipe; when the running one is
    killed for time, the queued one is read by the replacement worker."""
    inp = tmp_path / "in"
    for i in range(3):   # largest files go first: these warm up the prefetch
        write(inp / f"a{i}.txt", f"KPI|{i}|quick|1\n" + "# padding\n" * 300)
    write(inp / "slow.txt", "SLOW\n" + "# padding\n" * 100)
    for i in range(3):
        write(inp / f"z{i}.txt", f"KPI|{i}|z|1\n")
    res = run(inp, tmp_path / "out", jobs=1, timeout=1.0)
    assert (res.ok, res.failed) == (6, 1)
    assert res.failures == [("slow.txt", "reading took longer than the time limit of 1 s")]
    assert sorted(c[1] for c in calls(fakes) if c[0] == "read") == [
        "a0.txt", "a1.txt", "a2.txt", "slow.txt", "z0.txt", "z1.txt", "z2.txt"]


def test_rows_are_kept_only_when_asked_for(fakes, tmp_path):
    """A run writes the CSVs from the workers' CSV text; the rows themselves (for read_folder's
    data frames) are pickled only with keep_rows."""
    f = write(tmp_path / "in" / "rayong" / "form72.txt", "KPI|1|a|0.5\nKPI|2|b|\n")
    plain = batch.process_file(f, "rayong/form72.txt", Settings(as_of=date(2010, 10, 15)))
    assert plain.file.records == 2 and plain.records_csv.count(b"\r\n") == 2
    with pytest.raises(ValueError, match="keep_rows"):
        plain.records
    kept = batch.process_file(f, "rayong/form72.txt",
                              Settings(as_of=date(2010, 10, 15), keep_rows=True))
    assert [r.item_no for r in kept.records] == ["1", "2"]
    assert {x.code for x in kept.findings} == {"WEIGHT_MISSING", "DEADLINE_MISSED"}
    assert kept.records_csv == plain.records_csv and kept.summary == plain.summary
