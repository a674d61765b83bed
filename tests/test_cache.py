"""The results cache on its own: keys, remembered content hashes, damaged cache files."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from types import SimpleNamespace

from hypothesis import given, strategies as st

import pipeline.cache as cache_mod
from pipeline import batch
from pipeline.cache import Cache, code_version, entry_key
from test_batch import fakes, make_folder, read_csv, run  # noqa: F401  (fixture)


def test_keys_depend_on_content_path_settings():
    a = entry_key("0" * 64, "a/x.pdf", "fy=None")
    assert a == entry_key("0" * 64, "a/x.pdf", "fy=None")
    assert a != entry_key("1" * 64, "a/x.pdf", "fy=None")
    assert a != entry_key("0" * 64, "b/x.pdf", "fy=None")
    assert a != entry_key("0" * 64, "a/x.pdf", "fy=2553")
    assert len(code_version()) == 16


def test_get_put_and_revalidation(tmp_path):
    with Cache(tmp_path / "c.sqlite") as c:
        assert c.get("k", "2010-10-15") is None
        c.put("k", b"extraction", "2010-10-15", b"outcome")
        c.put("failed", None, "2010-10-15", b"failed outcome")
    with Cache(tmp_path / "c.sqlite") as c:
        assert c.get("k", "2010-10-15") == (b"outcome", None)
        assert c.get("k", "2011-01-01") == (None, b"extraction")    # validate again
        assert c.get("failed", "2011-01-01") == (b"failed outcome", None)
        assert (c.hits, c.misses) == (3, 0)


def test_damaged_cache_file_turns_the_cache_off(fakes, tmp_path):
    inp = make_folder(tmp_path / "in")
    out = tmp_path / "out"
    out.mkdir()
    (out / "thaiforms-cache.sqlite").write_bytes(b"this is not a database" * 100)
    res = batch.run(inp, out, batch.Settings(as_of=date(2010, 10, 15), progress=False))
    assert res.exit_code == 0 and res.ok == 3
    assert res.warnings and "not used" in res.warnings[0]
    assert len(read_csv(out / "consolidated.csv")) == 4


_NS = st.integers(min_value=-(2 ** 63), max_value=2 ** 63 - 1)  # before 1970 is negative


@given(dev=st.integers(0, 2 ** 64 - 1), ino=st.integers(0, 2 ** 64 - 1),
       size=st.integers(0, 2 ** 63 - 1), mtime=_NS, ctime=_NS)
def test_stat_signature_keeps_the_times_it_is_judged_by(dev, ino, size, mtime, ctime):
    """Entries keep a file's stat signature, not its stat result; whether a hash may be
    remembered is read back from the signature."""
    fake = SimpleNamespace(st_dev=dev, st_ino=ino, st_size=size, st_mtime_ns=mtime,
                           st_ctime_ns=ctime)
    sig = cache_mod.stat_signature(fake)
    assert cache_mod._changed_ns(sig) == max(mtime, ctime)
    other = SimpleNamespace(**{**vars(fake), "st_ctime_ns": ctime + 1})
    assert cache_mod.stat_signature(other) != sig


def test_walk_keeps_signatures_not_stat_results(tmp_path):
    f = tmp_path / "in" / "plan.txt"
    f.parent.mkdir()
    f.write_text("x")
    (entry,) = batch.walk(tmp_path / "in")
    assert entry.signature == cache_mod.stat_signature(os.stat(f))
    assert not hasattr(entry, "__dict__")     # slots: one small object per file of the run


def _count_hashing(monkeypatch) -> list[str]:
    hashed: list[str] = []
    real = batch.sha256_file

    def counting(path):
        hashed.append(Path(path).name)
        return real(path)

    monkeypatch.setattr(batch, "sha256_file", counting)
    return hashed


def test_unchanged_files_are_not_hashed_again(fakes, tmp_path, monkeypatch):
    monkeypatch.setattr(cache_mod, "SETTLED_SECONDS", 0.0)   # files written just now count
    hashed = _count_hashing(monkeypatch)
    inp = make_folder(tmp_path / "in")
    out = tmp_path / "out"
    run(inp, out)
    assert sorted(hashed) == ["form72.txt", "kpi2.txt", "notes.txt"]
    hashed.clear()

    again = run(inp, out)
    assert hashed == [] and again.cache_hits == 3

    # Same size, same modification time, other content: the change time gives it away.
    f = inp / "rayong" / "form72.txt"
    st = f.stat()
    data = f.read_bytes()
    f.write_bytes(data.replace(b"|0.5", b"|0.7"))
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert f.stat().st_size == st.st_size and f.stat().st_mtime_ns == st.st_mtime_ns
    third = run(inp, out)
    assert hashed == ["form72.txt"] and third.cache_hits == 2
    weights = {r["item_no"]: r["weight"] for r in read_csv(out / "consolidated.csv")
               if r["source_file"] == "rayong/form72.txt"}
    assert weights["1"] == "0.7"


def test_files_written_moments_ago_are_hashed_every_run(fakes, tmp_path, monkeypatch):
    """A write in the same clock tick as the remembered stat could leave it unchanged, so a
    file younger than SETTLED_SECONDS is hashed every time."""
    hashed = _count_hashing(monkeypatch)
    inp = make_folder(tmp_path / "in")
    out = tmp_path / "out"
    run(inp, out)
    hashed.clear()
    again = run(inp, out)
    assert sorted(hashed) == ["form72.txt", "kpi2.txt", "notes.txt"]
    assert again.cache_hits == 3


def test_no_cache_no_hash_memory(fakes, tmp_path, monkeypatch):
    monkeypatch.setattr(cache_mod, "SETTLED_SECONDS", 0.0)
    hashed = _count_hashing(monkeypatch)
    inp = make_folder(tmp_path / "in")
    run(inp, tmp_path / "out", use_cache=False)
    run(inp, tmp_path / "out", use_cache=False)
    assert len(hashed) == 6


def test_a_cached_rerun_loads_no_reader_extractor_or_document_model(tmp_path):
    """What an unchanged folder's re-run skips is what makes it fast: with every file from the
    cache it imports no reader or extractor and defines no document model (in a process of its
    own, since this one has imported them all)."""
    root = Path(__file__).resolve().parent.parent
    inp = tmp_path / "in"
    for rel in ("lampang/lampang_kpi_ladder_2566.xlsx", "phuket/phuket_form72_2565.tsv"):
        (inp / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(root / "samples" / rel, inp / rel)
    show = ("import sys; from pipeline.cli import main; code = main(sys.argv[1:]); "
            "print(*sorted(m for m in sys.modules if m.startswith(('schemas.', 'extractors', "
            "'pipeline.readers', 'pipeline.normalize')))); sys.exit(code)")
    cmd = [sys.executable, "-c", show, "run", str(inp), "-o", str(tmp_path / "out"),
           "--as-of", "2024-10-15", "--no-progress"]
    first = subprocess.run(cmd, cwd=root, capture_output=True, text=True)
    again = subprocess.run(cmd, cwd=root, capture_output=True, text=True)
    assert first.returncode == again.returncode == 0, first.stderr + again.stderr
    assert "2 from cache" in again.stderr and "from cache" not in first.stderr
    loaded_first = first.stdout.splitlines()[-1].split()   # after the summary table
    assert {"schemas.document", "extractors.form72", "pipeline.readers.xlsx"} <= set(loaded_first)
    assert again.stdout.splitlines()[-1].split() == ["schemas.records", "schemas.values"]
