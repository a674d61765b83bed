"""How fast the validator is: validate 100,000 synthetic records and print records per second.

    .venv/bin/python scripts/bench_validate.py [--records 100000] [--per-file 200]

The records mimic the samples (activity plans with groups and budgets, form72 ladders, milestone
steps with deadlines, weighted sub-indicators) with a sprinkling of defects (about one finding
per ten records), spread over files of ``--per-file`` records. The goal is under 2 seconds for 100,000 records; the script only reports.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from schemas import (Approval, BudgetGroup, DimensionRow, Extraction, Location,  # noqa: E402
                     MilestoneMatrix, Record, WeightGroup)
from pipeline.validate import validate  # noqa: E402

AS_OF = date(2010, 10, 15)


def synthetic_file(n: int, k: int, rnd: random.Random) -> Extraction:
    src = f"agency{k % 50}/plan_{k}.docx"
    ex = Extraction(src, agency=f"หน่วยงาน {k % 50}", fiscal_year=2553)
    base = dict(source_file=src, agency=ex.agency, fiscal_year=2553)
    recs = ex.records
    group_no = 0
    while len(recs) < n:
        kind = rnd.random()
        if kind < 0.6:                       # an activity group of 4 items
            group_no += 1
            g = str(group_no)
            recs.append(Record("activity", form="activity_plan", item_no=g, row_kind="group",
                               name=f"กิจกรรมที่ {g}", budget_thb=200000, table=1, **base))
            for i in range(1, 5):
                sm = rnd.randint(1, 12)
                span = rnd.randint(1, min(4, 13 - sm))
                em = sm + span - 1 if rnd.random() > 0.02 else sm - 1
                start = f"{2009 + (sm + 9 > 12)}-{(sm + 8) % 12 + 1:02d}"
                end = f"{2009 + (em + 9 > 12)}-{(em + 8) % 12 + 1:02d}" if em > 0 else ""
                recs.append(Record(
                    "activity", form="activity_plan", item_no=str(i), parent_item=g, table=1,
                    name="ดำเนินการตามแผน", start=start, end=end, start_raw=start, end_raw=end,
                    start_status="ok", end_status="ok" if end else "invalid",
                    duration_months=span if rnd.random() > 0.1 else span + 2, budget_thb=50000,
                    deadline=f"{end}-28" if end else "", planned_months=f"{start};{end}",
                    **base))
            ex.budget_groups.append(BudgetGroup(g, "", Location(table=1), 200000 +
                                                (rnd.random() < 0.05), "", ["1", "2", "3", "4"]))
        elif kind < 0.85:                    # a form72 indicator
            lad = [60, 65, 70, 75, 80] if rnd.random() > 0.05 else [60, 65, 65, 75, None]
            recs.append(Record("kpi", form="form72", item_no=str(len(recs)), table=2,
                               name=rnd.choice(("ร้อยละความพึงพอใจ", "ร้อยละความไม่พึงพอใจ")),
                               weight=0.5 if rnd.random() > 0.05 else None,
                               level_1=lad[0], level_2=lad[1], level_3=lad[2], level_4=lad[3],
                               level_5=lad[4], actual=rnd.uniform(50, 90),
                               ladder_levels_raw=[(i, str(v)) for i, v in enumerate(lad, 1)],
                               **base))
        else:                                # a milestone KPI with five steps
            kno = f"m{len(recs)}"
            recs.append(Record("kpi", form="kpi_report", item_no=kno, table=3, name="ระดับความสำเร็จ",
                               **base))
            for s in range(1, 6):
                status = rnd.choice(("done", "not_done", "unknown"))
                recs.append(Record("milestone", form="kpi_report", item_no=str(s), kpi_no=kno,
                                   parent_item=kno, level=s, table=3, status=status,
                                   deadline="2010-03-31" if rnd.random() < 0.1 else "2010-12-31",
                                   completed=rnd.choice(("2010-03-20", "2010-04-02"))
                                   if status == "done" else "", **base))
            ex.matrices.append(MilestoneMatrix(kno, Location(table=3),
                                               {lv: list(range(1, lv + 1)) for lv in range(1, 6)},
                                               [1, 2, 3, 4, 5]))
    ex.dimensions += [DimensionRow(f"7.{i}", "ด้าน", "", Location(table=2), i % 2) for i in range(1, 5)]
    recs.append(Record("kpi", form="kpi_ladder", item_no="9", table=4, name="SLA", **base))
    for no, w in (("1.1", 1), ("1.2", 5), ("1.3", 4)):
        recs.append(Record("kpi", form="kpi_ladder", item_no=no, parent_item="9", table=4,
                           plan="กลุ่มที่ 1", weight=w, level_1=60, level_2=70, level_3=80,
                           level_4=90, level_5=100, actual=rnd.uniform(55, 100), **base))
    ex.weight_groups.append(WeightGroup("9", 10 + (k % 20 == 0), "รวม 10", ["1.1", "1.2", "1.3"]))
    ex.approvals.append(Approval(Location(), signatory="นาย ก" if k % 3 else "", date="2009-10-01"))
    return ex


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--per-file", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    rnd = random.Random(args.seed)
    files, total, k = [], 0, 0
    while total < args.records:
        ex = synthetic_file(min(args.per_file, args.records - total), k, rnd)
        files.append(ex)
        total += len(ex.records)
        k += 1
    validate(files[0], AS_OF)                 # warm-up: rule files, the holiday calendar
    t0, c0 = time.perf_counter(), time.process_time()
    codes: Counter = Counter()
    for ex in files:
        for f in validate(ex, AS_OF):
            codes[f.code] += 1
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    # CPU time beside wall time: on a busy machine the wall clock also counts other processes
    print(f"validated {total:,} records in {len(files):,} files: {seconds:.2f} s "
          f"(CPU {cpu:.2f} s), {total / seconds:,.0f} records/s, "
          f"{sum(codes.values()):,} findings")
    print("  " + ", ".join(f"{c} {n:,}" for c, n in sorted(codes.items())))
    print(f"  goal: 100,000 records under 2 s -> {'met' if seconds * 100_000 / total < 2 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
