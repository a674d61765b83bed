"""The results cache on its own: keys, damaged cache files."""
from __future__ import annotations

from datetime import date

from pipeline import batch
from pipeline.cache import Cache, code_version, entry_key
from test_batch import fakes, make_folder, read_csv  # noqa: F401  (fixture)


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
