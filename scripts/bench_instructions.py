#!/usr/bin/env python3
"""How far --jobs 2 can go, counted in instructions rather than seconds.

    python scripts/bench_instructions.py [--files 300] [--seed 1] [--every 3]

On a shared virtual machine the same run's wall and CPU time vary by tens of percent from minute
to minute, so a wall-clock speed-up of 1.8x against 2.0x is hard to tell apart. valgrind's
callgrind counts the instructions a process runs, which is the same from run to run whatever
else the host does. This script counts, over every ``--every``-th file of the bench corpus (all
formats, largest first, as the batch hands them out):

  S   the start-up every run pays before its first file: starting Python, importing the
      pipeline, the readers of the formats at hand and the libraries they use;
  W   the files' work (read, extract, validate, CSV rows, summary) in one process;
  W1, W2  the same files dealt alternately to two processes, each starting cold: the two
      together exceed W by what both must warm up (caches of header matching, dates, styles).

and prints the speed-up those counts allow --jobs 2 over --jobs 1 on two idle CPUs:
(S + W) / (S + max(W1, W2)), for the sample and scaled to the whole corpus (W, W1 and W2 times
``--every``). It leaves out what no count shows: the parent's share of each file (hashing,
unpickling, the spool; about 2% of the CPU time), waiting, and two busy CPUs slowing each other.
A bound from a model, not a timing: ``make bench`` times the real runs.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import bench  # noqa: E402
import make_corpus  # noqa: E402

# Run under callgrind: the start-up of a `thaiforms run` (the readers of the formats at hand
# imported before the workers start), then each listed file as a worker processes it.
WORKER = """
import sys
from datetime import date
from pathlib import Path
import pipeline.batch as b
paths = Path(sys.argv[1]).read_text(encoding="utf-8").splitlines()
b.preload(sys.argv[2].split(","))
settings = b.Settings(as_of=date(2010, 10, 15), use_cache=False)
for p in paths:
    b.process_file(p, p, settings)
"""


def instructions(code: Path, paths: list[str], formats: list[str], work: Path, name: str) -> int:
    listing = work / f"{name}.txt"
    listing.write_text("\n".join(paths), encoding="utf-8")
    out = subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={work / name}.out",
         sys.executable, "-c", WORKER, str(listing), ",".join(formats)],
        cwd=code, capture_output=True, text=True)
    m = re.search(r"Collected\s*:\s*(\d+)", out.stderr)
    if out.returncode != 0 or not m:
        raise SystemExit(f"callgrind run {name} failed ({out.returncode}):\n{out.stderr[-2000:]}")
    return int(m.group(1))


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description="the --jobs 2 speed-up bound from instruction counts")
    p.add_argument("--files", type=int, default=300)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--every", type=int, default=3,
                   help="count every N-th file (callgrind runs Python about 50 times slower)")
    a = p.parse_args(argv)
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian package valgrind)")

    from pipeline.batch import formats_of, walk
    corpus = make_corpus.build(a.files, a.seed, log=lambda m: print(m, file=sys.stderr))
    entries = [e for e in walk(corpus) if e.outcome is None]
    entries.sort(key=lambda e: (-(e.size or 0), e.rel))   # as the batch hands them out
    sample = entries[::max(1, a.every)]
    formats = sorted(formats_of(sample))
    paths = [e.path for e in sample]
    work = Path(tempfile.mkdtemp(prefix="bench-instructions-", dir=ROOT / "bench_out"))
    try:
        code = bench.snapshot_code(work / "code")
        runs = {"start": [], "all": paths, "half1": paths[0::2], "half2": paths[1::2]}
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            counts = dict(zip(runs, pool.map(
                lambda kv: instructions(code, kv[1], formats, work, kv[0]), runs.items())))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    s = counts["start"]
    w, w1, w2 = (counts[k] - s for k in ("all", "half1", "half2"))
    g = 1e9
    print(f"thaiforms instruction counts: {len(sample)} of the {len(entries)} files of "
          f"{corpus.relative_to(ROOT)} (one in {a.every}, formats {', '.join(formats)})")
    print(f"  S  start-up before the first file        {s / g:8.3f} G instructions")
    print(f"  W  the files in one process              {w / g:8.3f} G "
          f"({w / len(sample) / 1e6:.1f} M a file)")
    print(f"  W1 + W2  the files dealt to two processes {(w1 + w2) / g:7.3f} G ({w1 / g:.3f} + "
          f"{w2 / g:.3f}): {100 * (w1 + w2 - w) / w:.1f}% warmed up twice")
    print(f"  start-up is {100 * s / (s + w):.1f}% of a --jobs 1 run over the sample, "
          f"{100 * s / (s + a.every * w):.1f}% over the corpus")
    for label, k in (("the sample", 1), ("the corpus (x every)", a.every)):
        bound = (s + k * w) / (s + k * max(w1, w2))
        print(f"  --jobs 2 speed-up these counts allow over {label}: {bound:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
