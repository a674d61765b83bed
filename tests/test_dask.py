"""The dask executor against a loopback LocalCluster gives the local executor's output."""
from __future__ import annotations

import pytest

from pipeline.cli import main
from test_batch import fakes, make_folder, without_seconds, write  # noqa: F401  (fixture)

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    # In-process workers (threads): fast to start, and they see the test's stand-in modules.
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  protocol="tcp", host="127.0.0.1",
                                  dashboard_address=None) as c:
        yield c


def test_dask_output_identical_to_local(fakes, tmp_path, cluster):
    inp = make_folder(tmp_path / "in")
    write(inp / "bad" / "broken.txt", "BOOM\n")
    common = ["--as-of", "2010-10-15", "--no-cache"]
    assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
    rc_local = main(["run", str(inp), "-o", str(tmp_path / "local"), "--jobs", "2", *common])
    rc_dask = main(["run", str(inp), "-o", str(tmp_path / "dask"), "--executor", "dask",
                    "--scheduler", cluster.scheduler_address, *common])
    assert rc_local == rc_dask == 1
    for name in ("consolidated.csv", "findings.csv", "summary.csv"):
        assert (tmp_path / "local" / name).read_bytes() == (tmp_path / "dask" / name).read_bytes()
    assert without_seconds(tmp_path / "local" / "files.csv") == \
        without_seconds(tmp_path / "dask" / "files.csv")
    assert len(without_seconds(tmp_path / "dask" / "files.csv")) == 4


def test_dask_time_limit(fakes, tmp_path, cluster, monkeypatch):
    import time
    from datetime import date

    import pipeline.readers as readers
    from pipeline import batch
    from test_batch import fake_read

    def slow_read(path, limits=None, fmt=None):
        if path.name == "slow.txt":
            time.sleep(2.5)   # short: a dask task cannot be killed, its thread frees up after
        return fake_read(path, limits)

    monkeypatch.setattr(readers, "read_document", slow_read)
    inp = make_folder(tmp_path / "in")
    write(inp / "slow.txt", "KPI|1|x|1\n")
    res = batch.run(inp, tmp_path / "out", batch.Settings(
        as_of=date(2010, 10, 15), executor="dask", scheduler=cluster.scheduler_address,
        timeout=1.0, use_cache=False, progress=False))
    assert res.failed == 1 and res.ok == 3
    assert res.failures == [("slow.txt", "reading took longer than the time limit of 1 s")]
