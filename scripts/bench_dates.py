"""Throughput of pipeline.normalize.parse_date on one core (strings per second).

Four figures:
- "document mix": cells as submissions have them (proportions assumed, not measured) — the start/end/deadline cells of activity
  plans repeat the same few month texts (พ.ค. 53 ...), plus days, ranges, quarters, fiscal
  years, misspellings and non-dates; drawn with repetition, as a folder of plans is.
- the same mix with the caches switched off (every call does the full work);
- "all distinct": every string different, in the common shapes (days, months) and in shapes
  that need the full grammar (ranges, quarters, fiscal years, misspellings): the worst case.

Usage: .venv/bin/python scripts/bench_dates.py [N]
"""
from __future__ import annotations

import random
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pythainlp.util import thai_strftime  # noqa: E402

from pipeline.normalize import dates as dates_mod  # noqa: E402
from pipeline.normalize import parse_date  # noqa: E402
from pipeline.normalize.months import ABBR, FULL  # noqa: E402

STYLES = ["%-d %B %Y", "%d %b %y", "%-d %b %Y", "%d/%m/%Y", "วันที่ %-d %B พ.ศ. %Y",
          "ภายในวันที่ %-d %B พ.ศ.%Y", "%b %y", "%B %Y", "ภายในเดือน %b %Y"]


def document_cells(rng: random.Random) -> list[str]:
    """A pool of cell texts: month cells of activity plans dominate, as in the seeds."""
    pool: list[str] = []
    for fy in range(2549, 2568):
        yy = fy % 100
        for m in (10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9):
            y = yy - 1 if m >= 10 else yy
            pool += [f"{ABBR[m]} {y:02d}"] * 6                      # start / end cells
            pool += [f"{FULL[m]} {fy - (1 if m >= 10 else 0)}"]
        pool += [f"ต.ค. {yy - 1:02d} - ก.ย. {yy:02d}", f"ม.ค. – มี.ค. {fy}", f"ปีงบประมาณ พ.ศ. {fy}",
                 f"ภายในปีงบประมาณ พ.ศ.{fy}", f"ไตรมาสที่ 2 ปีงบประมาณ {fy}", f"31/03/{fy}",
                 f"ภายในวันที่ 31 มีนาคม พ.ศ.{fy}", f"๓๑ มี.ค. {str(fy).translate(str.maketrans('0123456789', '๐๑๒๓๔๕๖๗๘๙'))}"]
    pool += ["มิ.ค. 53", "ม.ย. 53", "กรกฏาคม 2553", "ไตรมาสที่ 3 และ 4", "-", '"', "",
             "ภายใน 7 วันทำการ", "2 เดือน", "ในม."] * 3
    d0 = date(2005, 1, 1)
    for _ in range(400):
        d = d0 + timedelta(days=rng.randrange(9000))
        pool.append(thai_strftime(datetime(d.year, d.month, d.day), rng.choice(STYLES)))
    return pool


def distinct_cells(n: int, rng: random.Random) -> list[str]:
    """n different strings: day and month texts of distinct dates in varied styles, with the
    words that surround them in cells (ภายใน, วันที่ ...)."""
    out: set[str] = set()
    d0 = date(1960, 1, 1)
    deco = ["", "ภายใน ", "วันที่ ", "( ", "แล้วเสร็จ ", "ณ "]
    while len(out) < n:
        d = d0 + timedelta(days=rng.randrange(36000))
        text = thai_strftime(datetime(d.year, d.month, d.day), rng.choice(STYLES), rng.random() < 0.2)
        out.add(rng.choice(deco) + text + rng.choice(["", " ", "  "]))
    return list(out)


def distinct_hard_cells(n: int, rng: random.Random) -> list[str]:
    """n different strings that need the full grammar: ranges, quarters, fiscal years,
    misspelt months, weekdays and times, spaced abbreviations."""
    out: set[str] = set()
    months = list(range(1, 13))
    while len(out) < n:
        fy = rng.randrange(2490, 2600)
        yy = fy % 100
        m1, m2 = sorted(rng.sample(months, 2))
        d = date(fy - 543, m1, rng.randrange(1, 29))
        kind = rng.randrange(7)
        if kind == 0:
            text = f"{ABBR[m1]} {yy:02d} {rng.choice(['-', '–', 'ถึง'])} {ABBR[m2]} {yy:02d}"
        elif kind == 1:
            text = f"{FULL[m1]} {rng.choice(['ถึง', '-'])} {FULL[m2]} พ.ศ. {fy}"
        elif kind == 2:
            q = rng.randrange(1, 4)
            text = rng.choice([f"ไตรมาสที่ {q} ปีงบประมาณ {fy}", f"ไตรมาส {q} และ {q + 1}/{fy}"])
        elif kind == 3:
            text = rng.choice([f"ปีงบประมาณ พ.ศ. {fy}", f"ภายในปีงบประมาณ พ.ศ.{fy}", f"ปีงบฯ {yy:02d}"])
        elif kind == 4:
            text = rng.choice(["", "ภายใน ", "เริ่ม ", "ภายในเดือน "]) + \
                rng.choice(["มิ.ค.", "ม.ย.", "ค.ค.", "พ.ม.", "กรกฏาคม", "พฤษจิกายน"]) + f" {yy:02d}"
        elif kind == 5:
            text = thai_strftime(datetime(d.year, d.month, d.day, rng.randrange(24), rng.randrange(60)),
                                 "%A %d %B %Y %H:%M")
        else:
            a, b = ABBR[m1].rstrip(".").split(".")
            text = f"{d.day} {a}. {b}. {fy} - {d.day + 1} {a}. {b}. {fy}"
        out.add(text)
    return list(out)


def no_cache(fn):
    """The uncached function behind an lru_cache wrapper."""
    return getattr(fn, "__wrapped__", fn)


def rate(texts: list[str], fy: int | None) -> float:
    """Strings per CPU-second of this process (one core; unaffected by other processes)."""
    t0 = time.process_time()
    for s in texts:
        parse_date(s, fy)
    return len(texts) / (time.process_time() - t0)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    rng = random.Random(7)
    pool = document_cells(rng)
    mix = [rng.choice(pool) for _ in range(n)]
    distinct = distinct_cells(min(n, 50_000), rng)
    hard = distinct_hard_cells(min(n, 20_000), rng)
    parse_date("พ.ค. 53")          # import-time work (vocabulary, regex) out of the timing

    results = []
    dates_mod._parse.cache_clear()
    dates_mod._tokens.cache_clear()
    results.append(("document mix, cached", len(mix), len(set(mix)), rate(mix, 2553)))
    # Without the result and token caches: every call does the full work.
    cached_parse, cached_tokens = dates_mod._parse, dates_mod._tokens
    dates_mod._parse, dates_mod._tokens = no_cache(cached_parse), no_cache(cached_tokens)
    try:
        results.append(("document mix, no caches", len(mix), len(set(mix)), rate(mix, 2553)))
        results.append(("all distinct, common shapes", len(distinct), len(distinct), rate(distinct, 2553)))
        results.append(("all distinct, full grammar", len(hard), len(hard), rate(hard, 2553)))
    finally:
        dates_mod._parse, dates_mod._tokens = cached_parse, cached_tokens
    print("parse_date throughput, one core (CPU time of this process)")
    for name, count, uniq, r in results:
        print(f"  {name:<30} {count:>7} strings ({uniq:>6} distinct)  {r:>10,.0f} strings/s")


if __name__ == "__main__":
    main()
