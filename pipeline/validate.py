"""The validator: findings, flags and scores for one Extraction.

``validate(ex, as_of)`` raises every finding code of the contract except FILE_UNREADABLE and
NO_FORM_FOUND (the batch runner's), sets ``record.flags`` (the codes of the findings about the
record, in finding order) and ``record.score``. Parameters live in schemas/rules/validation.json.
Each pass is linear in the records; lookups go through dicts built once.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache
from datetime import date, timedelta
from typing import Optional

from schemas import Extraction, Finding, Location, Record
from schemas import rules
from pipeline.findings import finding_for, make_finding
from pipeline import scoring


def validate(ex: Extraction, as_of: date) -> list[Finding]:
    return _Validator(ex, as_of).run()


# --- small readers of record fields ---------------------------------------------------------

@lru_cache(maxsize=8192)   # the same few months recur across thousands of rows
def _month_index(ym: str) -> Optional[int]:
    """'2010-05' (or '2010-05-31') -> months since year 0; None when not such a text."""
    try:
        y, m = int(ym[0:4]), int(ym[5:7])
    except (ValueError, TypeError):
        return None
    if len(ym) < 7 or ym[4] != "-" or not 1 <= m <= 12:
        return None
    return y * 12 + m - 1


@lru_cache(maxsize=8192)
def _months(planned: str) -> tuple[int, ...]:
    """'2010-06;2010-07' -> month indices of the readable ones."""
    return tuple(i for i in (_month_index(p.strip()) for p in planned.split(";")) if i is not None)


@lru_cache(maxsize=8192)
def _day(text: str) -> Optional[date]:
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _num(x: float) -> str:
    try:
        return f"{x:,.4f}".rstrip("0").rstrip(".") if x != int(x) else f"{int(x):,}"
    except (ValueError, OverflowError, TypeError):
        return str(x)


def _position(x) -> tuple[int, int]:
    """(table, row) of a record or a location, for document order."""
    return (x.table or 0, x.row if x.row is not None else -1)


def _ym(d: date) -> int:
    return d.year * 12 + d.month - 1


def _ym_text(idx: int) -> str:
    return f"{idx // 12:04d}-{idx % 12 + 1:02d}"


class _Validator:
    def __init__(self, ex: Extraction, as_of: date):
        self.ex = ex
        self.as_of = as_of
        self.cfg = rules.load("validation")
        self.findings: list[Finding] = []
        self.flags: dict[int, list[str]] = defaultdict(list)
        self.lower_words = tuple(self.cfg["lower_is_better_words"])
        self.higher_words = tuple(self.cfg.get("higher_is_better_words", ()))
        self.lower_overrides = tuple(self.cfg.get("lower_word_overrides", ()))
        self.n_levels = int(self.cfg["ladder_size"])
        self.ladder_forms = set(self.cfg["ladder_forms"])
        self.ladder_required = set(self.cfg.get("ladder_required", ()))
        self.decimals = int(self.cfg["score_decimals"])
        self.level_units = set(self.cfg.get("level_units", ()))
        # indices (one pass)
        self.kpi_by_no: dict[str, Record] = {}
        self.children: dict[str, list[Record]] = defaultdict(list)
        self.top_kpis: list[Record] = []
        self.milestones_by_kpi: dict[str, list[Record]] = defaultdict(list)
        # (parent, item) and (parent, item, table) -> first such activity; group rows by
        # (item) and (item, table): a document may hold several plans numbered alike
        self.activities: dict[tuple, Record] = {}
        self.groups: dict[tuple, Record] = {}
        # a group's unnumbered items, in order (they share one key in self.activities)
        self.unnumbered: dict[tuple, list[Record]] = defaultdict(list)
        for r in ex.records:
            if r.record_type == "kpi":
                if r.parent_item:
                    self.children[r.parent_item].append(r)
                else:
                    self.kpi_by_no.setdefault(r.item_no, r)
                    self.top_kpis.append(r)
            elif r.record_type == "milestone":
                self.milestones_by_kpi[r.kpi_no or r.parent_item].append(r)
            elif r.record_type == "activity":
                if r.row_kind == "group":
                    self.groups.setdefault((r.item_no,), r)
                    self.groups.setdefault((r.item_no, r.table), r)
                else:
                    self.activities.setdefault((r.parent_item, r.item_no), r)
                    self.activities.setdefault((r.parent_item, r.item_no, r.table), r)
                    if not r.item_no and r.parent_item:
                        self.unnumbered[(r.parent_item, r.table)].append(r)
        self._sub_kpis()
        # A file may report one indicator several times (a consolidated file: one section per
        # office, each with its own matrix and steps). Each report is scored on its own steps:
        # a step belongs to the last indicator of its number before it in the extraction.
        self.shared_nos = {no for no, n in Counter(k.item_no for k in self.top_kpis).items() if n > 1}
        self.steps_of: dict[int, list[Record]] = {}
        self.owner: dict[int, Record] = {}
        if self.shared_nos:
            last: dict[str, Record] = {}
            for r in ex.records:
                if r.record_type == "kpi" and not r.parent_item and r.item_no in self.shared_nos:
                    last[r.item_no] = r
                    self.steps_of[id(r)] = []
                elif r.record_type == "milestone" and (r.kpi_no or r.parent_item) in last:
                    k = last[r.kpi_no or r.parent_item]
                    self.steps_of[id(k)].append(r)
                    self.owner[id(r)] = k
        # ... and its n-th report goes with the n-th matrix of its number; without one matrix
        # per report, each report is scored on its own reading of its matrix (required_steps)
        by_no: dict[str, list] = defaultdict(list)
        for m in ex.matrices:
            if m.kpi_no in self.shared_nos:
                by_no[m.kpi_no].append(m)
        self.matrix_of: dict[int, object] = {}
        self.report_of: dict[int, Record] = {}
        for no, ms in by_no.items():
            reports = [k for k in self.top_kpis if k.item_no == no]
            if len(ms) == len(reports):
                for k, m in zip(reports, ms):
                    self.matrix_of[id(k)] = m
                    self.report_of[id(m)] = k
        self._fy_cache: dict[int, tuple[int, int]] = {}
        self._tops: Optional[dict[str, list[Record]]] = None
        self._reported: dict[str, tuple[Optional[date], Optional[int]]] = {}
        self.ex_fy = _int(ex.fiscal_year)
        self.duration_tol = self.cfg["duration_tolerance_months"]

    def _sub_kpis(self) -> None:
        """Each sub-indicator's own parent record and each indicator's direct sub-indicators, at
        any depth (1 over 1.1 over 1.1.1). The parent is the latest indicator of that number
        above it in its form (a document may number each plan's indicators from 1); a record
        parented to an ancestor further up (1.1.1 to 1) belongs to the nearest numbered
        indicator between them (1.1)."""
        self.parent_of: dict[int, Record] = {}
        self.subs_of: dict[int, list[Record]] = defaultdict(list)
        self.kpi_first: dict[tuple[str, str], Record] = {}
        self.kpis_by_no: dict[str, list[Record]] = defaultdict(list)
        kpis = [r for r in self.ex.records if r.record_type == "kpi"]
        for r in kpis:
            if r.item_no:
                self.kpi_first.setdefault((r.form, r.item_no), r)
                self.kpis_by_no[r.item_no].append(r)
        latest: dict[tuple[str, str], Record] = {}
        for r in kpis:
            p = r.parent_item
            if p:
                parent = None
                if r.item_no.startswith(p + "."):
                    parts = r.item_no.split(".")
                    for n in range(len(parts) - 1, p.count(".") + 1, -1):
                        parent = latest.get((r.form, ".".join(parts[:n])))
                        if parent is not None:
                            break
                parent = parent or latest.get((r.form, p)) or self.kpi_first.get((r.form, p)) \
                    or self.kpi_by_no.get(p)
                if parent is not None and parent is not r:
                    self.parent_of[id(r)] = parent
                    self.subs_of[id(parent)].append(r)
            if r.item_no:
                latest[(r.form, r.item_no)] = r

    def _group_parent(self, g) -> Optional[Record]:
        """The indicator a weight group belongs to: the one of that number on the group's row,
        else the first whose sub-indicators the group lists, else the first of that number."""
        same = self.kpis_by_no.get(g.parent_item, ())
        for r in same:
            if (r.table, r.row) == (g.loc.table, g.loc.row):
                return r
        items = set(g.member_items)
        for r in same:
            if any(s.item_no in items for s in self.subs_of.get(id(r), ())):
                return r
        return self.kpi_by_no.get(g.parent_item) or (same[0] if same else None)

    # --- emitting ---------------------------------------------------------------------------
    def _on(self, record: Record, code: str, value: str = "", **kw) -> None:
        self.findings.append(finding_for(record, code, value, **kw))
        codes = self.flags[id(record)]
        if code not in codes:
            codes.append(code)

    def _at(self, loc: Location, code: str, *, record_type: str = "", item_no: str = "",
            name: str = "", value: str = "", **kw) -> None:
        self.findings.append(make_finding(
            code, self.ex.source_file, page=loc.page, table=loc.table, row=loc.row,
            record_type=record_type, item_no=item_no, name=name, value=value,
            agency=self.ex.agency, fiscal_year=self.ex.fiscal_year, **kw))

    # --- driver -----------------------------------------------------------------------------
    def run(self) -> list[Finding]:
        for r in self.ex.records:
            r.score = None
            if r.date_notes or "invalid" in (r.start_status, r.end_status, r.deadline_status):
                self._dates(r)
            kind = r.record_type
            if kind == "activity":
                self._activity(r)
                if r.deadline:
                    self._deadline(r)
            elif kind == "kpi":
                self._kpi(r)
            elif kind == "milestone" and r.deadline:
                self._deadline(r)
        for m in self.ex.matrices:
            self._matrix(m)
        groups = [(g, self._group_parent(g) if g.parent_item else None)
                  for g in self.ex.weight_groups]
        # indicators whose own sub-indicators the extractor grouped: not checked again as part
        # of an ancestor's group
        self._grouped = {id(p) for g, p in groups if p is not None}
        for g, parent in groups:
            self._weight_group(g, parent)
        for g in self.ex.budget_groups:
            self._budget_group(g)
        for d in self.ex.dimensions:
            if d.indicator_count == 0:
                # a dimension row is not an item: no item_no; value is the dimension (7.4)
                self._at(d.loc, "DIMENSION_EMPTY", record_type="kpi", name=d.label,
                         value=d.dimension, detail_th=d.label, detail_en=d.label)
        for a in self.ex.approvals:
            self._approval(a)
        self._scores()
        flags = self.flags
        for r in self.ex.records:
            codes = flags.get(id(r))
            r.flags = ";".join(codes) if codes else ""
        return self.findings

    # --- dates ------------------------------------------------------------------------------
    def _dates(self, r: Record) -> None:
        if "invalid" in (r.start_status, r.end_status, r.deadline_status):
            for status, raw in ((r.start_status, r.start_raw), (r.end_status, r.end_raw),
                                (r.deadline_status, r.deadline_raw)):
                if status == "invalid" and raw.strip():
                    self._on(r, "DATE_UNPARSEABLE", raw.strip())
        for note in r.date_notes:
            raw, fixed = _note_parts(note)
            self._on(r, "DATE_CORRECTED", f"{raw} -> {fixed}")

    def _fy_window(self, be: int) -> tuple[int, int]:
        if be not in self._fy_cache:
            from pipeline.normalize import fiscal_year_bounds
            first, last = fiscal_year_bounds(be)
            self._fy_cache[be] = (_ym(first), _ym(last))
        return self._fy_cache[be]

    def _activity(self, r: Record) -> None:
        start = _month_index(r.start) if r.start else None
        end = _month_index(r.end) if r.end else None
        if r.row_kind != "group":
            missing = []
            if start is None and r.start_status != "invalid":
                missing.append("start")
            if end is None and r.end_status != "invalid":
                missing.append("end")
            if missing:
                th = {"start": "วันเริ่มต้น", "end": "วันสิ้นสุด"}
                self._on(r, "DATE_MISSING", ";".join(missing),
                         detail_th="ไม่มี" + "และ".join(th[m] for m in missing),
                         detail_en="no " + " and no ".join(missing) + " date")
        if start is not None and end is not None and start > end:
            self._on(r, "START_AFTER_END", f"{r.start_raw or r.start} > {r.end_raw or r.end}")
        fy = r.fiscal_year if type(r.fiscal_year) is int else _int(r.fiscal_year)
        fy = fy or self.ex_fy
        if fy:
            lo, hi = self._fy_cache.get(fy) or self._fy_window(fy)
            planned = _months(r.planned_months) if r.planned_months else ()
            if (start is None or lo <= start <= hi) and (end is None or lo <= end <= hi) \
                    and all(lo <= idx <= hi for idx in planned):
                return self._duration(r, start, end)
            outside: dict[int, str] = {}
            for idx, raw in ((start, r.start_raw), (end, r.end_raw)):
                if idx is not None and not lo <= idx <= hi and idx not in outside:
                    outside[idx] = f"{_ym_text(idx)} ({raw})" if raw and raw != _ym_text(idx) \
                        else _ym_text(idx)
            for idx in planned:
                if not lo <= idx <= hi and idx not in outside:
                    outside[idx] = _ym_text(idx)
            if outside:
                self._on(r, "OUTSIDE_FISCAL_YEAR", "; ".join(outside[k] for k in sorted(outside)),
                         fy=fy)
        self._duration(r, start, end)

    def _duration(self, r: Record, start: Optional[int], end: Optional[int]) -> None:
        if r.duration_months is not None and start is not None and end is not None \
                and start <= end:
            span = end - start + 1
            if abs(span - r.duration_months) > self.duration_tol:
                self._on(r, "DURATION_MISMATCH",
                         f"{r.duration_raw or _num(r.duration_months)} / {span}",
                         detail_th=f"ระบุ {_num(r.duration_months)} เดือน แต่ช่วงวันที่ครอบคลุม {span} เดือน",
                         detail_en=f"stated {_num(r.duration_months)} months, dates span {span}")

    # --- deadlines --------------------------------------------------------------------------
    def _deadline(self, r: Record) -> None:
        deadline = _day(r.deadline)
        if deadline is None:
            return
        completed = _day(r.completed)
        if completed is not None and completed > deadline:
            self._on(r, "DEADLINE_MISSED", f"{r.deadline} -> {r.completed}",
                     detail_th=f"กำหนด {r.deadline} แล้วเสร็จ {r.completed}",
                     detail_en=f"due {r.deadline}, completed {r.completed}")
        elif completed is None and r.status == "not_done" and deadline < self.as_of:
            self._on(r, "DEADLINE_MISSED", r.deadline,
                     detail_th=f"กำหนด {r.deadline} ยังไม่แล้วเสร็จ ณ {self.as_of.isoformat()}",
                     detail_en=f"due {r.deadline}, not done as of {self.as_of.isoformat()}")
        elif completed is None and r.record_type == "milestone" and r.status == "unknown" \
                and deadline < self.as_of:
            reported = self._reported_through(r)
            if reported is not None and deadline < reported:
                self._on(r, "DEADLINE_MISSED", r.deadline,
                         detail_th=f"กำหนด {r.deadline} ไม่มีรายงานผลของขั้นตอนนี้ "
                                   f"ทั้งที่รายงานผลถึงวันที่ {reported.isoformat()}",
                         detail_en=f"due {r.deadline}, no result reported for this step though the "
                                   f"report covers up to {reported.isoformat()}")

    def _reported_through(self, r: Record) -> Optional[date]:
        """The latest day the indicator's report shows it was written after: the latest completion
        date of its steps, or the day the report states it covers (`รอบ 12 เดือน`, `ข้อมูล ณ
        วันที่ …`: ``reported_as_of``) when it reports a result for any of its steps, whichever
        is later; only when this blank step comes after every step reported done. A step left
        blank in a report that covers a day after the blank one's deadline was not done by then
        (a plan or a template reports no results: nothing to judge). A blank step before a step
        reported done is more likely an unreported result: left alone."""
        key = r.kpi_no or r.parent_item
        owner = self.owner.get(id(r))
        steps = self.milestones_by_kpi.get(key, ()) if owner is None else self.steps_of[id(owner)]
        if owner is not None:
            key = id(owner)
        cached = self._reported.get(key)
        if cached is None:
            latest, last_done, any_result = None, None, False
            for m in steps:
                any_result = any_result or m.status in ("done", "not_done")
                if m.status != "done":
                    continue
                no = _step_no(m.item_no)
                if isinstance(no, int):
                    last_done = no if last_done is None else max(last_done, no)
                day = _day(m.completed)
                if day is not None and (latest is None or day > latest):
                    latest = day
            stated = _day(r.reported_as_of) if any_result else None
            if stated is not None and (latest is None or stated > latest):
                latest = stated
            cached = self._reported[key] = (latest, last_done)
        latest, last_done = cached
        no = _step_no(r.item_no)
        if latest is None or not isinstance(no, int) or (last_done is not None and no < last_done):
            return None
        return min(latest, self.as_of)

    # --- KPIs -------------------------------------------------------------------------------
    def _is_lower_word(self, name: str) -> bool:
        if any(w in name for w in self.lower_overrides):
            return False      # ร้อยละที่ลดลงของอุบัติเหตุ: a reduction achieved, higher is better
        return any(w in name for w in self.lower_words)

    def _kpi(self, r: Record) -> None:
        ladder = r.ladder
        if r.form in self.ladder_required and all(v is None for v in ladder) \
                and not self.subs_of.get(id(r)):
            # an indicator made of sub-indicators (4 over 4.1, 4.2; 1.1 over 1.1.1) is scored
            # from theirs, at any level
            self._on(r, "LADDER_INCOMPLETE", r.ladder_raw,
                     detail_th="ไม่มีเกณฑ์การให้คะแนน", detail_en="no threshold for any level")
        if r.form in self.ladder_forms and any(v is not None for v in ladder):
            given = [v for v in ladder if v is not None]
            if len(given) < self.n_levels:
                absent = ", ".join(str(i) for i, v in enumerate(ladder, 1) if v is None)
                self._on(r, "LADDER_INCOMPLETE", r.ladder_raw or " | ".join(map(_num, given)),
                         detail_th=f"ไม่มีเกณฑ์ระดับ {absent}", detail_en=f"no threshold for level {absent}")
            shape = scoring.ladder_direction(ladder)
            if len(given) >= 2 and not shape:
                self._on(r, "LADDER_NOT_MONOTONIC", r.ladder_raw or " | ".join(map(_num, given)))
            seen: dict = {}
            dups = []
            for entry in r.ladder_levels_raw:
                if not isinstance(entry, (tuple, list)) or len(entry) < 2:
                    continue
                level, raw = entry[0], entry[1]
                if level in seen:
                    dups.append(f"{seen[level]} | {raw}")
                else:
                    seen[level] = raw
            if dups:
                self._on(r, "LADDER_DUPLICATE", "; ".join(dups))
            lower = self._is_lower_word(r.name)
            higher = not lower and any(w in r.name for w in self.higher_words)
            if (lower and shape == "rising") or (higher and shape == "falling"):
                self._on(r, "DIRECTION_MISMATCH", r.ladder_raw or " | ".join(map(_num, given)),
                         detail_th="ตัวชี้วัดยิ่งน้อยยิ่งดีแต่เกณฑ์เพิ่มขึ้น" if lower
                         else "ตัวชี้วัดยิ่งมากยิ่งดีแต่เกณฑ์ลดลง",
                         detail_en="lower is better but the ladder rises" if lower
                         else "higher is better but the ladder falls")
        if r.weight is None and self._needs_weight(r):
            self._on(r, "WEIGHT_MISSING", r.weight_raw)

    def _needs_weight(self, r: Record) -> bool:
        rule = self.cfg["weight_required"].get(r.form, "none")
        if rule == "all":
            return True
        if rule == "leaf":  # scored on its own: a sub-indicator, or an indicator without any
            return bool(r.parent_item) or not self.subs_of.get(id(r))
        return False

    # --- structures -------------------------------------------------------------------------
    def _kpi_record(self, kpi_no: str, form: str = "") -> Optional[Record]:
        r = self.kpi_by_no.get(kpi_no)
        if r is None and form:  # the only indicator of that form, if there is just one
            if self._tops is None:
                self._tops = defaultdict(list)
                for k in self.kpi_by_no.values():
                    self._tops[k.form].append(k)
            tops = self._tops.get(form, ())
            r = tops[0] if len(tops) == 1 else None
        return r

    def _matrix(self, m) -> None:
        problems, problems_en = [], []
        used: set = set()
        levels = _levels(m.levels)
        n_levels = _int(m.n_levels) or self.n_levels
        for level in range(1, n_levels + 1):
            steps = levels.get(level)
            if steps is None:
                problems.append(f"ระดับ {level}: ไม่มี")
                problems_en.append(f"level {level} is absent")
                continue
            if not steps:      # the level's row is there, with nothing ticked in it
                problems.append(f"ระดับ {level}: มีแถวแต่ไม่ได้ทำเครื่องหมายขั้นตอนใด")
                problems_en.append(f"level {level} is in the matrix but marks no step")
                continue
            used.update(steps)
            lacking = [s for s in range(1, level + 1) if s not in steps]
            if lacking:
                problems.append(f"ระดับ {level}: ขาดขั้นตอนที่ {','.join(map(str, lacking))}")
                problems_en.append(f"level {level} lacks step {','.join(map(str, lacking))}")
        for level, steps in levels.items():
            if not 1 <= level <= n_levels:
                used.update(steps)
        defined = {_int(x) if _int(x) is not None else x for x in m.steps_defined}
        undefined = sorted((s for s in used if s not in defined),
                           key=lambda s: (not isinstance(s, int), s if isinstance(s, int) else 0,
                                          str(s)))
        if undefined:
            problems.append(f"ขั้นตอนที่ {','.join(map(str, undefined))}: ไม่มีคำอธิบาย")
            problems_en.append(f"step {','.join(map(str, undefined))} is used but never described")
        if not problems:
            return
        value = "; ".join(problems)
        detail = dict(detail_th=value, detail_en="; ".join(problems_en))
        kpi = self.report_of.get(id(m)) or self._kpi_record(m.kpi_no, "kpi_report")
        if kpi is not None:
            self._on(kpi, "MILESTONE_MISSING", value, **detail)
        else:
            self._at(m.loc, "MILESTONE_MISSING", record_type="kpi", item_no=m.kpi_no, value=value,
                     **detail)

    def _weight_group(self, g, parent: Optional[Record]) -> None:
        if g.stated_total is None:
            return
        items = list(g.member_items)
        if parent is not None:
            direct = self.subs_of.get(id(parent), [])
            members = {k.item_no: k for k in direct}
            # a parent's weight is the sum of its direct sub-indicators only: members nested
            # deeper (1.1.1 listed under 1) are checked against their own parent (1.1)
            deeper: dict[str, Record] = {}
            stack = [k for k in direct]
            while stack:
                k = stack.pop()
                for s in self.subs_of.get(id(k), ()):
                    deeper.setdefault(s.item_no, s)
                    stack.append(s)
            nested = [i for i in items if i in deeper and i not in members]
            items = [i for i in items if i not in nested]
            for k in direct:
                if k.item_no in items and id(k) not in self._grouped and k.weight is not None:
                    own = [s.item_no for s in self.subs_of.get(id(k), ()) if s.item_no in nested]
                    if own:
                        self._weight_sum(k, k.item_no, k.weight, k.weight_raw, own, g.loc,
                                         {s.item_no: s for s in self.subs_of[id(k)]})
                        self._weight_nested(k, nested, g.loc)
        elif g.parent_item:
            members = {k.item_no: k for k in self.children.get(g.parent_item, ())}
        else:       # a form's `รวม` row: the top-level indicators of its form add up to it
            members = {k.item_no: k for k in self.top_kpis if k.table in g.member_tables}
        self._weight_sum(parent, g.parent_item, g.stated_total, g.stated_raw, items, g.loc,
                         members)

    def _weight_nested(self, k: Record, nested: list[str], loc) -> None:
        """The groups below a direct sub-indicator ``k`` (1.1.1 over 1.1.1.1) that an ancestor's
        group listed with their parents."""
        for s in self.subs_of.get(id(k), ()):
            own = [c.item_no for c in self.subs_of.get(id(s), ()) if c.item_no in nested]
            if own and id(s) not in self._grouped and s.weight is not None:
                self._weight_sum(s, s.item_no, s.weight, s.weight_raw, own, loc,
                                 {c.item_no: c for c in self.subs_of[id(s)]})
                self._weight_nested(s, nested, loc)

    def _weight_sum(self, parent: Optional[Record], parent_no: str, stated: float,
                    stated_raw: str, items: list[str], loc, members: dict) -> None:
        weights = [members[i].weight if i in members else None for i in items]
        # a member without a weight adds nothing (it also gets its own WEIGHT_MISSING):
        # 3 + 4 + (nothing) does not make รวม 10
        total = sum(w for w in weights if w is not None)
        if abs(total - stated) <= self.cfg["weight_sum_tolerance"]:
            return
        shown = " + ".join("–" if w is None else _num(w) for w in weights) or "0"
        value = f"{shown} = {_num(total)} ≠ {stated_raw or _num(stated)}"
        detail = dict(detail_th=f"รวมได้ {_num(total)} แต่ระบุ {_num(stated)}",
                      detail_en=f"they add up to {_num(total)}, the stated total is {_num(stated)}")
        if parent is not None:
            self._on(parent, "WEIGHT_SUM_MISMATCH", value, **detail)
        else:
            self._at(loc, "WEIGHT_SUM_MISMATCH", record_type="kpi", item_no=parent_no,
                     value=value, **detail)

    def _budget_group(self, g) -> None:
        if g.total_thb is None:
            return
        total = 0
        if g.member_rows:
            # a plan's grand total (`รวม`): the records the extractor placed under it
            rows = set(g.member_rows)
            total = sum(r.budget_thb for r in self.ex.records
                        if r.budget_thb is not None and r.record_type == "activity"
                        and _position(r) in rows)
        loose = iter(self.unnumbered.get((g.item_no, g.loc.table), ()))
        for item in (() if g.member_rows else g.member_items):
            if not item:
                rec = next(loose, None)
            else:
                rec = self.activities.get((g.item_no, item, g.loc.table)) \
                    or self.activities.get((g.item_no, item)) \
                    or self.groups.get((item, g.loc.table))     # a sub-heading's own total
            if rec is not None and rec.budget_thb is not None:
                total += rec.budget_thb
        if abs(total - g.total_thb) <= self.cfg["budget_sum_tolerance_thb"]:
            return
        value = f"{g.total_thb:,} ≠ {total:,}"
        # (the group row itself when numbers repeat in the table: items numbered afresh
        # under each project give several groups `1`, self.groups keeps the first)
        # (a project row with months of its own totals its items too: the record at the
        # group's row, whatever its kind)
        group = next((r for r in self.ex.records if g.item_no and r.record_type == "activity"
                      and r.item_no == g.item_no
                      and _position(r) == _position(g.loc)), None) \
            or self.groups.get((g.item_no, g.loc.table)) or self.groups.get((g.item_no,))
        if group is not None:
            self._on(group, "BUDGET_SUM_MISMATCH", value,
                     detail_th=f"รวมรายการย่อยได้ {total:,} บาท",
                     detail_en=f"the items add up to {total:,} baht")
        else:
            self._at(g.loc, "BUDGET_SUM_MISMATCH", record_type="activity", item_no=g.item_no,
                     name=g.name, value=value)

    def _approval(self, a) -> None:
        lacking_th, lacking_en = [], []
        if not a.signatory.strip():
            lacking_th.append("ชื่อผู้ลงนาม")
            lacking_en.append("signatory")
        if not a.date.strip():
            lacking_th.append("วันที่")
            lacking_en.append("date")
        if lacking_th:
            self._at(a.loc, "UNSIGNED", value=" ".join(a.raw.split())[:120],
                     detail_th="ขาด" + " และ ".join(lacking_th),
                     detail_en="no " + " and no ".join(lacking_en))

    # --- scores -----------------------------------------------------------------------------
    def _scores(self) -> None:
        below = self.cfg["below_level_1_score"]
        for r in self.ex.records:
            if r.record_type != "kpi" or r.actual is None:
                continue
            ladder = r.ladder
            if r.form in self.ladder_forms and all(v is not None for v in ladder) \
                    and scoring.ladder_direction(ladder):
                r.score = scoring.ladder_score(ladder, r.actual, below_level_1=below,
                                               decimals=self.decimals)
            elif r.unit in self.level_units and all(v is None for v in ladder):
                # the result is itself a level (ระดับความสำเร็จ reported as ระดับ 3)
                r.score = float(min(max(r.actual, self.cfg["score_min"]), self.cfg["score_max"]))
        matrices = {m.kpi_no: m for m in self.ex.matrices}
        for r in self.ex.records:
            if r.record_type == "kpi" and r.form == "kpi_report" and not r.parent_item:
                from_steps = self._milestone_kpi_score(r, matrices)
                if from_steps is not None:
                    r.score = from_steps
        # deepest parents first: 1.1 is scored from 1.1.1 and 1.1.2 before 1 from 1.1 and 1.2
        parents = {id(p): p for p in self.parent_of.values()}
        for parent in sorted(parents.values(), key=self._depth, reverse=True):
            if parent.score is None:
                parent.score = self._sub_indicator_score(self.subs_of[id(parent)])
        self._deductions()

    def _depth(self, r: Record) -> int:
        depth, seen = 0, {id(r)}
        p = self.parent_of.get(id(r))
        while p is not None and id(p) not in seen:     # a cycle of numbers cannot loop
            seen.add(id(p))
            depth += 1
            p = self.parent_of.get(id(p))
        return depth

    def _milestone_kpi_score(self, r: Record, matrices: dict) -> Optional[float]:
        shared = r.item_no in self.shared_nos
        steps = self.steps_of.get(id(r), []) if shared else self.milestones_by_kpi.get(r.item_no, [])
        if len(self.kpi_by_no) == 1 and not steps and not shared:  # a report with one indicator
            steps = [m for ms in self.milestones_by_kpi.values() for m in ms]
        if not any(m.status in ("done", "not_done") for m in steps):
            return None  # nothing reported
        done = {_step_no(m.item_no) for m in steps if m.status == "done"}
        if shared:
            m = self.matrix_of.get(id(r))
        else:
            m = matrices.get(r.item_no) or (next(iter(matrices.values())) if len(matrices) == 1
                                            else None)
        if m is not None:
            levels = _levels(m.levels)
            n = m.n_levels
        elif r.required_steps:  # the extractor's reading of the matrix: steps per level 1..n
            levels = _levels({i: st for i, st in enumerate(r.required_steps, 1)})
            n = len(r.required_steps)
        else:  # no matrix: level L needs every step whose first level is <= L
            levels = {}
            for lv in range(1, self.n_levels + 1):
                levels[lv] = [_step_no(s.item_no) for s in steps
                              if s.level is not None and s.level <= lv]
            n = self.n_levels
        if not any(levels.values()):
            return None  # nothing says which steps a level needs
        return float(scoring.milestone_score(levels, done, n))

    def _sub_indicator_score(self, subs: list[Record]) -> Optional[float]:
        # sub-indicators may come in alternative groups (seed 003: กลุ่มที่ 1 / กลุ่มที่ 2, an
        # agency belongs to one); score the one group that reports results
        groups: dict[str, list[Record]] = defaultdict(list)
        for s in subs:
            groups[s.plan].append(s)
        reported = [g for g in groups.values() if any(s.score is not None for s in g)]
        if len(reported) != 1:
            return None
        group = reported[0]
        if any(s.score is None or s.weight is None for s in group):
            return None  # a partial result would overstate or understate the indicator
        return scoring.weighted_score(((s.weight, s.score) for s in group), self.decimals)

    def _deductions(self) -> None:
        if not self.ex.deductions:
            return
        from pipeline.normalize import working_days_between
        steps: dict[str, Record] = {}   # deductions belong to kpi_ladder (Best Service) steps
        for ms in self.milestones_by_kpi.values():
            for m in ms:
                cur = steps.get(m.item_no)
                if cur is None or (m.form == "kpi_ladder" and cur.form != "kpi_ladder"):
                    steps[m.item_no] = m
        totals: dict[int, tuple[Record, float]] = {}
        for rule in self.ex.deductions:
            m = steps.get(rule.step)
            if m is None:
                continue
            deadline = _day(m.deadline)
            if deadline is None:
                continue
            completed = _day(m.completed)
            if completed is None and m.status == "not_done":
                completed = self.as_of
            if completed is None or completed <= deadline:
                continue
            # working days after the deadline up to the day it was done (both ends counted)
            late = working_days_between(deadline + timedelta(days=1), completed)
            points = scoring.late_deduction(rule.points, rule.per_day, late)
            kpi = self._kpi_record(m.kpi_no or m.parent_item, "kpi_ladder")
            if kpi is None or points <= 0:
                continue
            prev = totals.get(id(kpi), (kpi, 0.0))[1]
            totals[id(kpi)] = (kpi, prev + points)
        for kpi, points in totals.values():
            if kpi.score is not None:
                kpi.score = scoring.apply_deduction(kpi.score, points, kpi.weight,
                                                    self.decimals, self.cfg["score_min"])


def _int(x) -> Optional[int]:
    if type(x) is int:
        return x
    try:
        return int(x) if x not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _note_parts(note) -> tuple[str, str]:
    """(raw, fixed) of a date note: (field, raw, fixed, note) as extractors write it."""
    if isinstance(note, dict):
        return str(note.get("raw", "")), str(note.get("fixed", ""))
    if isinstance(note, (tuple, list)) and len(note) >= 3:
        return str(note[1]), str(note[2])
    return str(note), ""


def _levels(levels) -> dict[int, list]:
    """A matrix's level -> steps with int levels and int steps where they are numbers."""
    out: dict[int, list] = {}
    for level, steps in (levels or {}).items():
        lv = _int(level)
        if lv is not None:
            out[lv] = [_int(st) if _int(st) is not None else st for st in (steps or ())]
    return out


def _step_no(item_no: str):
    """Milestone item numbers are step numbers ('3'); the matrix uses ints."""
    try:
        return int(item_no.strip().rstrip("."))
    except ValueError:
        return item_no
