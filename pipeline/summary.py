"""Per-agency, per-fiscal-year summary: summary.csv and the table ``thaiforms run`` prints.

Counts per (agency, fiscal_year):
- files, files_failed: submissions read or failed (a file's agency/year from its FileResult, else
  from its records); skipped files are listed in files.csv only;
- records, errors, warnings: records and findings by severity;
- missing_milestones: MILESTONE_MISSING findings (incomplete milestone matrices);
- steps_not_done: milestone steps reported ``not_done`` (status ``unknown`` is not counted:
  nothing was reported about them);
- activities_overdue: activities (not group rows) whose deadline (end of their end month) is
  before as_of and that are not reported done. Their completion is usually unknown, so they are
  not DEADLINE_MISSED errors; this column is where an officer sees them.
"""
from __future__ import annotations

import calendar
import unicodedata
from datetime import date
from typing import Iterable, Optional

from schemas import FileResult, Finding, Record

SUMMARY_COLUMNS = ["agency", "fiscal_year", "files", "records", "errors", "warnings",
                   "missing_milestones", "steps_not_done", "activities_overdue", "files_failed"]

_COUNTS = SUMMARY_COLUMNS[2:]


def _deadline(r: Record) -> Optional[date]:
    try:
        return date.fromisoformat(r.deadline[:10]) if r.deadline else None
    except ValueError:
        return None


def _end_of_month(ym: str) -> Optional[date]:
    try:
        y, m = int(ym[0:4]), int(ym[5:7])
        return date(y, m, calendar.monthrange(y, m)[1])
    except (ValueError, IndexError):
        return None


def summarize(files: list[FileResult], records: list[Record], findings: list[Finding],
              as_of: Optional[date] = None) -> list[dict]:
    """Rows of SUMMARY_COLUMNS, sorted by agency and fiscal year. ``as_of`` (default today) is
    the date activities are judged overdue at, as ``--as-of`` for deadlines."""
    as_of = as_of or date.today()
    rows: dict[tuple, dict] = {}

    def row(agency: str, fy) -> dict:
        key = (agency or "", fy)
        if key not in rows:
            rows[key] = {"agency": key[0], "fiscal_year": fy, **{c: 0 for c in _COUNTS}}
        return rows[key]

    # one pass over each input (the runner may hand in views that re-read a spool)
    first_record: dict[str, tuple] = {}   # a file's agency/year when its FileResult has none
    for r in records:
        first_record.setdefault(r.source_file, (r.agency, r.fiscal_year))
        out = row(r.agency, r.fiscal_year)
        out["records"] += 1
        if r.record_type == "milestone" and r.status == "not_done":
            out["steps_not_done"] += 1
        elif r.record_type == "activity" and r.row_kind != "group" and r.status != "done" \
                and not r.completed:
            end = _deadline(r) or _end_of_month(r.end)
            if end is not None and end < as_of:
                out["activities_overdue"] += 1

    file_key: dict[str, tuple] = {}
    for f in files:
        if f.status == "skipped":   # not a submission (build scripts, images): files.csv lists it
            continue
        agency, fy = f.agency, f.fiscal_year
        if f.source_file in first_record:   # fill what the file row lacks from its records
            rec_agency, rec_fy = first_record[f.source_file]
            agency, fy = agency or rec_agency, fy if fy is not None else rec_fy
        file_key[f.source_file] = (agency or "", fy)
        out = row(agency, fy)
        out["files"] += 1
        if f.status == "failed":
            out["files_failed"] += 1

    for f in findings:
        agency, fy = f.agency, f.fiscal_year
        if (not agency or fy is None) and f.source_file in file_key:
            file_agency, file_fy = file_key[f.source_file]
            agency, fy = agency or file_agency, fy if fy is not None else file_fy
        out = row(agency, fy)
        if f.severity == "error":
            out["errors"] += 1
        elif f.severity == "warning":
            out["warnings"] += 1
        if f.code == "MILESTONE_MISSING":
            out["missing_milestones"] += 1

    return [rows[k] for k in sorted(rows, key=_order)]


def _order(key: tuple) -> tuple:
    return key[0], key[1] is None, str(key[1]).zfill(4)


def merge(parts: Iterable[list[dict]]) -> list[dict]:
    """The summary of a batch from the summaries of its files (each file's records and findings
    count only towards its own rows, so the sums are the whole batch's summary): the workers
    summarize each file, and the parent need not read every record back to add them up."""
    rows: dict[tuple, dict] = {}
    for part in parts:
        for r in part:
            key = (r["agency"], r["fiscal_year"])
            if key in rows:
                for c in _COUNTS:
                    rows[key][c] += r[c]
            else:
                rows[key] = dict(r)
    return [rows[k] for k in sorted(rows, key=_order)]


def _width(text: str) -> int:
    """Columns a text takes in a terminal: Thai vowel and tone marks above/below take none."""
    return sum(0 if unicodedata.combining(ch) or unicodedata.category(ch) == "Mn" else
               2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, right: bool) -> str:
    gap = " " * max(0, width - _width(text))
    return gap + text if right else text + gap


_HEADERS = {"agency": "agency", "fiscal_year": "year", "files": "files", "records": "records",
            "errors": "errors", "warnings": "warnings", "missing_milestones": "missing_ms",
            "steps_not_done": "steps_not_done", "activities_overdue": "overdue_act",
            "files_failed": "failed"}


def format_summary(rows: list[dict]) -> str:
    """A plain table for the terminal: one line per agency and year, then a total line."""
    if not rows:
        return "No files processed."
    cols = SUMMARY_COLUMNS
    cells = [[_HEADERS[c] for c in cols]]
    for r in rows:
        cells.append([(r.get(c) if r.get(c) not in (None, "") else
                       ("(no agency)" if c == "agency" else "-")) for c in cols])
        cells[-1] = [str(v) for v in cells[-1]]
    total = ["total", ""] + [str(sum(int(r.get(c) or 0) for r in rows)) for c in cols[2:]]
    cells.append(total)
    widths = [max(_width(line[i]) for line in cells) for i in range(len(cols))]
    lines = []
    for n, line in enumerate(cells):
        lines.append("  ".join(_pad(v, widths[i], right=i >= 1) for i, v in enumerate(line)).rstrip())
        if n == 0 or n == len(cells) - 2:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)
