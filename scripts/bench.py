#!/usr/bin/env python3
"""thaiforms benchmark: speed and memory of ``thaiforms run`` on a synthetic corpus.

    python scripts/bench.py [--files 300] [--seed 1] [--jobs 2]

Builds (or reuses) the corpus of scripts/make_corpus.py under bench_out/, then times, each as a
separate ``thaiforms run`` process with the cache off unless said:
  - the whole corpus with --jobs 1 and --jobs N, in turns: files/s, PDF pages/s, peak memory,
    speed-up, and beside it what N --jobs 1 runs started together gain over one alone on this
    machine at the time (the most any --jobs N can gain there);
  - each format alone (DOCX, XLSX, text with --jobs N): files/s over the corpus's share of
    the format, over --format-files distinct files of it (default 300, from a corpus of its
    own), and over one file (the start-up every run pays);
  - the PDFs with --jobs 1 beside raw pdfplumber (open, extract_text and extract_tables on every
    page) and raw pypdfium2 text extraction on the same files, one process each: ratios;
  - a cached re-run of the unchanged corpus as a share of the first (cache-filling) run.
Each thaiforms figure is the fastest of --repeat runs (default 5; other work on a shared machine
only slows a run down); the raw library runs are timed once.
"CPUs" is cpu-s / wall time: about 1 for --jobs 1 and 2 for --jobs 2 on an idle machine, less
when other work takes the CPUs; "stolen" is the CPU time the host gave the machine's CPUs to
other guests during the run (/proc/stat steal), which slows a run without showing in its cpu-s. Peak memory is the largest sum of resident memory over the run's
process tree (the parent and its workers), sampled every 20 ms. Times are wall clock and include
starting Python; the code is a snapshot compiled to bytecode, as an installed package is.
Results also go to bench_out/bench-<files>-s<seed>.json.
"""
from __future__ import annotations

import argparse
import compileall
import csv
import io
import json
import math
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import make_corpus  # noqa: E402

AS_OF = "2010-10-15"

RAW_PDFPLUMBER = """
import sys, pdfplumber
for path in sys.argv[1:]:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.extract_tables()
"""

RAW_PDFIUM = """
import sys, pypdfium2 as pdfium
for path in sys.argv[1:]:
    pdf = pdfium.PdfDocument(path)
    for i in range(len(pdf)):
        page = pdf[i]
        page.get_textpage().get_text_range()
    pdf.close()
"""


CODE = ROOT  # replaced by a snapshot of the code in main()


def snapshot_code(dest: Path) -> Path:
    """Copy the packages, so every run of this bench uses one version of the code even while
    the working tree changes (the cache is keyed on the code, too)."""
    if dest.exists():
        shutil.rmtree(dest)
    for pkg in ("pipeline", "extractors", "schemas"):
        shutil.copytree(ROOT / pkg, dest / pkg, ignore=shutil.ignore_patterns("__pycache__"))
    # compiled as pip compiles an installed package: without it every run would compile the
    # sources again where PYTHONDONTWRITEBYTECODE is set (≈0.15 s of each run's start-up here)
    compileall.compile_dir(str(dest), quiet=1)
    # and its regular expressions' compiled form stored, as `make install` does
    subprocess.run([sys.executable, "-m", "pipeline.patterns"], cwd=dest, check=True,
                   stdout=subprocess.DEVNULL)
    return dest


PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
HAS_PROC = os.path.exists(f"/proc/{os.getpid()}/task/{os.getpid()}/children")


def _descendants(pid: int) -> list[int]:
    """A process and its descendants, from /proc/PID/task/TID/children (Linux)."""
    out = [pid]
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return out
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/children", "rb") as f:
                kids = [int(k) for k in f.read().split()]
        except (OSError, ValueError):
            continue
        for kid in kids:
            out.extend(_descendants(kid))
    return out


def _tree_rss(pid: int) -> list[int]:
    """Resident memory of a process and its descendants, read from /proc: a tenth of a
    millisecond a sample, where psutil takes 1.6 ms, CPU time a --jobs 2 run on two CPUs
    would otherwise lose to the bench."""
    rss = []
    for p in _descendants(pid):
        try:
            with open(f"/proc/{p}/statm", "rb") as f:
                rss.append(int(f.read().split()[1]) * PAGE)
        except (OSError, ValueError, IndexError):
            pass
    return rss


def steal_seconds() -> float:
    """CPU time the hypervisor gave this virtual machine's CPUs to others so far (Linux
    /proc/stat; 0 elsewhere). On a shared host it slows a run without showing in its cpu-s."""
    try:
        with open("/proc/stat") as f:
            fields = f.readline().split()
        return int(fields[8]) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def measure(cmd: list[str], cwd: Path | None = None) -> dict:
    """Wall time, CPU time, stolen CPU time and peak memory of the process tree of ``cmd``."""
    ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    st0 = steal_seconds()
    t0 = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, cwd=cwd or CODE, stdout=out, stderr=err)
        peak_tree = peak_one = 0
        while proc.poll() is None:
            if HAS_PROC:
                rss = _tree_rss(proc.pid)
                peak_tree = max(peak_tree, sum(rss))
                peak_one = max([peak_one] + rss)
            time.sleep(0.02)
        seconds = time.perf_counter() - t0
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    steal = steal_seconds() - st0
    cpu = (ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime)
    if not HAS_PROC:   # peak memory then from getrusage: the largest single process only
        peak_one = peak_tree = ru1.ru_maxrss * 1024   # kB on Linux
    return {"seconds": seconds, "cpu_seconds": cpu, "steal_seconds": steal, "rc": proc.returncode,
            "peak_tree_mb": peak_tree / 2**20, "peak_process_mb": peak_one / 2**20,
            "stdout": stdout.decode("utf-8", "replace"),
            "stderr": stderr.decode("utf-8", "replace")}


def _command(inp: Path, out: Path, jobs: int, cache: bool = False) -> list[str]:
    cmd = [sys.executable, "-m", "pipeline.cli", "run", str(inp), "-o", str(out),
           "--jobs", str(jobs), "--as-of", AS_OF, "--no-progress"]
    return cmd if cache else cmd + ["--no-cache"]


def thaiforms(inp: Path, out: Path, jobs: int, cache: bool = False, fresh: bool = True) -> dict:
    if fresh and out.exists():
        shutil.rmtree(out)
    m = measure(_command(inp, out, jobs, cache))
    if m["rc"] not in (0, 1):
        raise SystemExit(f"thaiforms run failed ({m['rc']}):\n{m['stderr']}")
    rows = list(csv.DictReader(io.StringIO((out / "files.csv").read_text(encoding="utf-8-sig"))))
    m["files"] = len(rows)
    m["failed"] = sum(r["status"] == "failed" for r in rows)
    m["pages"] = sum(int(r["pages"]) for r in rows if r["pages"])
    m["records"] = sum(int(r["records"]) for r in rows if r["records"])
    hits = re.search(r"(\d+) from cache", m["stderr"])
    m["cache_hits"] = int(hits.group(1)) if hits else 0
    m["files_per_s"] = m["files"] / m["seconds"]
    m["pages_per_s"] = m["pages"] / m["seconds"]
    return m


REPEAT = 5  # --repeat

def together_seconds(inp: Path, runs: Path, n: int) -> float:
    """Wall time of n --jobs 1 runs of the same folder started together, until all end. Against
    one run alone (n x alone / together) it is the ceiling of any --jobs n on this machine at
    the time, for this very work: n on n idle cores; less where CPUs share a core, the host's
    other guests take from them, or the processes slow each other down (memory, caches)."""
    procs = []
    t0 = time.perf_counter()
    for k in range(n):
        out = runs / f"together-{k}"
        if out.exists():
            shutil.rmtree(out)
        procs.append(subprocess.Popen(_command(inp, out, 1), cwd=CODE,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    codes = [p.wait() for p in procs]
    if any(c not in (0, 1) for c in codes):
        raise SystemExit(f"thaiforms run failed ({codes})")
    return time.perf_counter() - t0


def fastest(inp: Path, out: Path, jobs: int) -> dict:
    """The fastest of REPEAT cold runs: other work on a shared machine only ever slows a run
    down, so the fastest is the closest to what the pipeline itself takes (as timeit does)."""
    runs = [thaiforms(inp, out, jobs) for _ in range(REPEAT)]
    best = min(runs, key=lambda m: m["seconds"])
    best["all_seconds"] = [round(m["seconds"], 2) for m in runs]
    return best


def raw(script: str, files: list[Path]) -> dict:
    return measure([sys.executable, "-c", script, *map(str, files)])


def fmt_row(label: str, m: dict, extra: str = "") -> str:
    return (f"{label:<30} {m['seconds']:7.2f} s {m['cpu_seconds']:7.2f} cpu-s "
            f"({m['cpu_seconds'] / m['seconds']:4.2f} CPUs, {m.get('steal_seconds', 0):5.2f} stolen) "
            f"{m.get('files', 0):5d} files {m.get('files_per_s', 0):7.1f} files/s "
            f"{m.get('pages_per_s', 0):6.1f} pages/s {m['peak_tree_mb']:6.0f} MB{extra}")


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min)"


# A fixed pure-Python loop, timed in a process of its own at the start and at the end of the
# bench: on a shared virtual machine the same instructions took up to twice as long from one
# minute to the next (not counted as stolen time), and the absolute rates in between move with
# it. The fastest of three, in CPU seconds.
HOST_LOOP = """
import time
best = 1e9
for _ in range(3):
    t = time.process_time()
    d = {}
    for i in range(1_500_000):
        d[i & 4095] = i * 3
    best = min(best, time.process_time() - t)
print(best)
"""


def host_loop_seconds() -> float:
    out = subprocess.run([sys.executable, "-c", HOST_LOOP], capture_output=True, text=True,
                         check=True)
    return float(out.stdout)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description="thaiforms speed and memory benchmark")
    p.add_argument("--files", type=int, default=300)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--repeat", type=int, default=5,
                   help="cold runs of each measurement of thaiforms; the fastest is reported")
    p.add_argument("--format-files", type=int, default=300,
                   help="distinct files of each of DOCX, XLSX and text for their own runs "
                        "(from a corpus of its own, built once)")
    p.add_argument("--skip-serial", action="store_true",
                   help="skip the whole-corpus --jobs 1 run (long for big corpora)")
    p.add_argument("--memory-only", action="store_true",
                   help="only the whole-corpus --jobs N run (files/s and peak memory), e.g. "
                        "to compare --files 300 with --files 3000")
    a = p.parse_args(argv)
    global REPEAT
    REPEAT = max(1, a.repeat)
    if a.memory_only:
        a.skip_serial = True

    global CODE
    work = ROOT / "bench_out"
    corpus = make_corpus.build(a.files, a.seed, log=lambda m: print(m, file=sys.stderr))
    # per invocation: two benches at once must not share a code snapshot or output folders
    scratch = Path(tempfile.mkdtemp(prefix=f"bench-{a.files}-", dir=work))
    try:
        CODE = snapshot_code(scratch / "code")
        return _bench(a, work, corpus, scratch / "runs")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _bench(a, work: Path, corpus: Path, runs: Path) -> int:
    res: dict = {"files": a.files, "seed": a.seed, "jobs": a.jobs, "cpus": os.cpu_count()}
    lines = []

    def show(line: str) -> None:
        print(line, flush=True)
        lines.append(line)

    res["host_loop_start"] = host_loop_seconds()
    show(f"thaiforms bench: {a.files} files (seed {a.seed}) in {corpus.relative_to(ROOT)}, "
         f"{os.cpu_count()} CPUs, {load()} at start; a fixed Python loop took "
         f"{res['host_loop_start']:.3f} cpu-s")
    if os.getloadavg()[0] > 0.5:
        show("  (the machine is busy with other work: wall times and the speed-up are lower "
             "than on an idle machine; cpu-s, the CPU time of the run's processes, is steadier)")
    if not a.skip_serial:
        # --jobs 1 and --jobs N taken in turns, so that both see the machine as it was
        one, many, ceiling = [], [], []
        for _ in range(REPEAT):
            one.append(thaiforms(corpus, runs / "all-j1", 1))
            many.append(thaiforms(corpus, runs / f"all-j{a.jobs}", a.jobs))
            ceiling.append(a.jobs * one[-1]["seconds"] / together_seconds(corpus, runs, a.jobs))
        res["ceiling"] = [round(c, 2) for c in ceiling]
        res["pair_speedups"] = [round(x["seconds"] / y["seconds"], 2) for x, y in zip(one, many)]
        res["all_j1"], res["all_jn"] = (min(ms, key=lambda m: m["seconds"]) for ms in (one, many))
        res["all_j1"]["all_seconds"] = [round(m["seconds"], 2) for m in one]
        res["all_jn"]["all_seconds"] = [round(m["seconds"], 2) for m in many]
        show(fmt_row("all formats, --jobs 1", res["all_j1"]))
    else:
        res["all_jn"] = fastest(corpus, runs / f"all-j{a.jobs}", a.jobs)
    speed = ""
    if "all_j1" in res:
        res["speedup"] = res["all_j1"]["seconds"] / res["all_jn"]["seconds"]
        speed = f"  speed-up {res['speedup']:.2f}x over --jobs 1"
    show(fmt_row(f"all formats, --jobs {a.jobs}", res["all_jn"], speed))
    if "ceiling" in res:
        show(f"  each turn's speed-up {res['pair_speedups']}; {a.jobs} --jobs 1 runs at once did "
             f"{res['ceiling']} times the work per second of one alone (the ceiling of --jobs "
             f"{a.jobs} on this machine at the time)")
    if a.memory_only:
        show(f"  peak memory (whole tree, --jobs {a.jobs}): {res['all_jn']['peak_tree_mb']:.0f} MB,"
             f" largest process {res['all_jn']['peak_process_mb']:.0f} MB; {load()} at end")
        return save(res, lines, work / f"bench-{a.files}-s{a.seed}-memory.json")

    # DOCX, XLSX and text on their own: the corpus's share of each, the larger set of
    # --format-files distinct files each (the fixed start-up weighs less), and one file (the
    # start-up itself: starting Python, importing the readers and extractors, one file's work)
    big = make_corpus.build(math.ceil(a.format_files / make_corpus.SHARE["txt"]), a.seed,
                            log=lambda m: print(m, file=sys.stderr))
    for fmt in ("docx", "xlsx", "txt"):
        res[fmt] = fastest(corpus / fmt, runs / fmt, a.jobs)
        show(fmt_row(f"{fmt} only, --jobs {a.jobs}", res[fmt]))
        res[fmt + "_big"] = fastest(big / fmt, runs / (fmt + "-big"), a.jobs)
        show(fmt_row(f"{fmt} only, --jobs {a.jobs}", res[fmt + "_big"]))
        one = runs / (fmt + "-one-in")
        one.mkdir(parents=True, exist_ok=True)
        first = sorted((corpus / fmt).rglob(f"*.{fmt}"))[0]
        shutil.copyfile(first, one / first.name)
        res[fmt + "_one"] = fastest(one, runs / (fmt + "-one"), a.jobs)
        show(fmt_row(f"{fmt}, one file (start-up)", res[fmt + "_one"]))

    pdfs = sorted((corpus / "pdf").rglob("*.pdf"))
    res["pdf_j1"] = fastest(corpus / "pdf", runs / "pdf-j1", 1)
    show(fmt_row("pdf only, --jobs 1", res["pdf_j1"]))
    res["raw_pdfplumber"] = raw(RAW_PDFPLUMBER, pdfs)
    res["raw_pdfium"] = raw(RAW_PDFIUM, pdfs)
    for key, label in (("raw_pdfplumber", "raw pdfplumber text+tables"),
                       ("raw_pdfium", "raw pypdfium2 text")):
        m = res[key]
        m["files"], m["pages"] = len(pdfs), res["pdf_j1"]["pages"]
        m["files_per_s"], m["pages_per_s"] = m["files"] / m["seconds"], m["pages"] / m["seconds"]
        ratio = res["pdf_j1"]["seconds"] / m["seconds"]
        cpu_ratio = res["pdf_j1"]["cpu_seconds"] / m["cpu_seconds"]
        res[key + "_ratio"], res[key + "_cpu_ratio"] = ratio, cpu_ratio
        show(fmt_row(label, m, f"  pipeline/raw {ratio:.2f}x (cpu {cpu_ratio:.2f}x)"))

    cache_out = runs / "cached"
    # the fastest of REPEAT cache-filling runs (each from an empty OUT_DIR), the last leaving
    # its cache for the fastest of REPEAT re-runs
    res["cache_first"] = min((thaiforms(corpus, cache_out, a.jobs, cache=True)
                              for _ in range(REPEAT)), key=lambda m: m["seconds"])
    res["cache_rerun"] = min((thaiforms(corpus, cache_out, a.jobs, cache=True, fresh=False)
                              for _ in range(REPEAT)), key=lambda m: m["seconds"])
    res["cache_rerun_share"] = res["cache_rerun"]["seconds"] / res["cache_first"]["seconds"]
    show(fmt_row("cache: first run", res["cache_first"]))
    show(fmt_row("cache: unchanged re-run", res["cache_rerun"],
                 f"  {100 * res['cache_rerun_share']:.1f}% of the first run, "
                 f"{res['cache_rerun']['cache_hits']} files from cache"))

    show("")
    show("targets:")
    if "speedup" in res:
        res["median_speedup"] = statistics.median(res["pair_speedups"])
        res["share_of_ceiling"] = [round(x / c, 2) for x, c in zip(res["pair_speedups"],
                                                                    res["ceiling"])]
        show(f"  --jobs {a.jobs} vs --jobs 1 >= 1.8x: {res['median_speedup']:.2f}x, the median of the "
             f"turns ({res['speedup']:.2f}x fastest against fastest); the ceiling here was a "
             f"median {statistics.median(res['ceiling']):.2f}x, and each turn's speed-up was "
             f"{res['share_of_ceiling']} of its turn's ceiling")
    show(f"  pipeline on PDFs <= 1.3x raw pdfplumber: {res['raw_pdfplumber_ratio']:.2f}x "
         f"(cpu {res['raw_pdfplumber_cpu_ratio']:.2f}x)")
    for fmt in ("docx", "xlsx", "txt"):
        big, small = res[fmt + "_big"], res[fmt]
        show(f"  {fmt} >= 100 files/s: {big['files_per_s']:.1f} over {big['files']} files, "
             f"{small['files_per_s']:.1f} over {small['files']} "
             f"(start-up {res[fmt + '_one']['seconds']:.2f} s of each run; "
             f"{big['steal_seconds']:.2f} and {small['steal_seconds']:.2f} s stolen)")
    show(f"  cached re-run < 5% of first run: {100 * res['cache_rerun_share']:.1f}%")
    res["host_loop_end"] = host_loop_seconds()
    show(f"  {load()} at end; the fixed Python loop took {res['host_loop_end']:.3f} cpu-s "
         f"({res['host_loop_start']:.3f} at the start)")
    show(f"  peak memory (whole tree, --jobs {a.jobs}): {res['all_jn']['peak_tree_mb']:.0f} MB,"
         f" largest process {res['all_jn']['peak_process_mb']:.0f} MB"
         " (compare --files 300 and --files 3000)")

    return save(res, lines, work / f"bench-{a.files}-s{a.seed}.json")


def save(res: dict, lines: list[str], out: Path) -> int:
    for m in res.values():
        if isinstance(m, dict):
            m.pop("stdout", None)
            m.pop("stderr", None)
    res["report"] = lines
    out.write_text(json.dumps(res, indent=1, ensure_ascii=False))
    print(f"(saved to {out.relative_to(ROOT)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
