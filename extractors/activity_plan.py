"""Activity plans (กิจกรรม/ขั้นตอน … ระยะเวลา เริ่มต้น สิ้นสุด, Gantt months, outputs, budget).

Items are hierarchical (`กิจกรรมที่ 2` group rows with a total, `1.`, `1.2`, `(1)`); ditto marks
take the value above; dates go through the normaliser and ambiguous months are settled from the
stated duration, the other date of the row and the fiscal year; Gantt ticks give planned months,
and so does a number in a month cell (`2`, `1 ครั้ง`, `50%`, the month's money `50,000`; not `0`)
unless the row's layout gives it a trailing role (a row exported a cell to the left), its column
is no month (`รวม`), or it is a total row's sum.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Optional

from pipeline import patterns
from schemas import Document, Paragraph, Record, Table, rules
from schemas.extraction import Approval, BudgetGroup, Extraction, Location
from schemas.values import AMBIGUOUS, CORRECTED, INVALID, OK

from . import common as C
from .recognize import Instance, TableForm, as_paragraphs, is_text_table
from pipeline.normalize.dates import open_end, reversed_range

FORM = "activity_plan"
TAIL_ROLES = ("output", "responsible", "related", "budget", "result", "target")
_GROUP_AMOUNT = patterns.compile(r"(?:งบประมาณ\s*[:：]?\s*)?([0-9๐-๙][0-9๐-๙,]*(?:\.[0-9๐-๙]+)?)\s*(?:ล้าน\s*)?บาท\s*\)?\s*$")
_FY_HEADER = patterns.compile(r"ปี\s*งบ\s*ประมาณ\s*(?:พ\s*\.\s*ศ\s*\.?)?\s*([0-9๐-๙]{4})")


@lru_cache(maxsize=1)
def _marks() -> frozenset[str]:
    return frozenset(C.squash(m) for m in rules.load("headers").get("gantt_marks", []))


def is_mark(text: str) -> bool:
    """A Gantt tick or bar. A lone dash means "nothing here", a run of dashes is a bar."""
    t = C.squash(text)
    if t in C.DASHES and len(t) == 1:
        return False
    return bool(t) and (t in _marks() or _MARK_RUN.fullmatch(t) is not None)


# (bars are also drawn with box-drawing lines and pointers: `◄────►`, `←――→`, `<======>`)
_MARK_RUN = patterns.compile(r"[✓✔↓x×/●■▬→←↔*√▲◆○━—=\-<>?─―═◄►◀▶⟵⟶⟷⇔⇐⇒⬅➡]+")


@lru_cache(maxsize=1)
def _gantt_words() -> frozenset[str]:
    return frozenset(C.squash(w) for w in rules.load("headers")[FORM].get("gantt_words", {}).get("words", []))


def is_gantt_word(text: str) -> bool:
    """A word written in a month cell to mark the month (`ดำเนินการ`): a tick, in a timeline
    column only (a status column's `ดำเนินการ` is no tick)."""
    t = C.squash(text)
    return bool(t) and len(t) <= 20 and t in _gantt_words()


# the days of the month a month cell writes (`1-31`, `1 - 15`, `16–30`): the month is marked
_DAY_RANGE = patterns.compile(r"^\s*([0-9๐-๙]{1,2})\s*[-–—~]\s*([0-9๐-๙]{1,2})\s*$")


def is_day_range(text: str) -> bool:
    m = _DAY_RANGE.match(text or "")
    if m is None:
        return False
    a, b = int(C.digits(m.group(1))), int(C.digits(m.group(2)))
    return 1 <= a < b <= 31


# ---------------------------------------------------------------- Gantt header

@dataclass
class Gantt:
    """The month (or quarter) each column of an activity plan's timeline stands for."""
    month_of_col: dict[int, int] = field(default_factory=dict)   # column -> calendar month
    fiscal_year: Optional[int] = None
    year_of_col: dict[int, int] = field(default_factory=dict)    # CE year a header cell states

    quarter_of_col: dict[int, int] = field(default_factory=dict)  # column -> fiscal quarter
    # months a quarter header writes beside its number (`ไตรมาสที่ 1 (ต.ค.-ธ.ค. 68)`): column ->
    # (first calendar month, number of months, CE year of the first month or None if unwritten)
    quarter_span: dict[int, tuple[int, int, Optional[int]]] = field(default_factory=dict)
    # columns whose header is no month (`รวม`, `งบประมาณ` under the timeline's banner): a number
    # there is a sum or an amount, never a month's mark
    no_number: set[int] = field(default_factory=set)
    # the fiscal year was worked out from the years its month (or quarter) heads write, not
    # stated in its header (`ปีงบประมาณ 2568`): a year the plan's title states outranks it
    fy_from_years: bool = False
    # month heads misspelt and read anyway (`มิ.ค.`, `พฤศจิกยน`): column -> (as written, as read)
    corrected: dict[int, tuple[str, str]] = field(default_factory=dict)

    def ym(self, col: int) -> str:
        m = self.month_of_col.get(col)
        if m is None:
            return ""
        ce = self.year_of_col.get(col)
        if ce is None:
            if self.fiscal_year is None:
                return ""
            ce = self.fiscal_year - 543 - (1 if m >= 10 else 0)
        return f"{ce:04d}-{m:02d}"

    def months(self, col: int) -> list[str]:
        """The months a ticked column stands for: its month, or its quarter's three."""
        if col in self.month_of_col:
            return [self.ym(col)] if self.ym(col) else []
        q = self.quarter_of_col.get(col)
        if q is None:
            return []
        n = 3
        if col in self.quarter_span:
            # the months the header writes outrank the quarter's number
            m0, n, ce = self.quarter_span[col]
            if ce is None:
                if self.fiscal_year is None:
                    return []
                ce = self.fiscal_year - 543 - (1 if m0 >= 10 else 0)
            start = date(ce, m0, 1)
        elif self.fiscal_year is None:
            return []
        else:
            start, _ = C.N().quarter_bounds(self.fiscal_year, q)
        out = []
        for k in range(n):
            m = (start.month - 1 + k) % 12 + 1
            y = start.year + (start.month - 1 + k) // 12
            out.append(f"{y:04d}-{m:02d}")
        return out

    @property
    def columns(self) -> set[int]:
        return set(self.month_of_col) | set(self.quarter_of_col)


_FISCAL_ORDER = [10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9]


# a month header written as numbers, month then Buddhist-Era year (`10/68`, `1/2569`: Excel's
# m/yy date format in a Thai locale); the year is required, so a lone number is no month
_NUM_MONTH = patterns.compile(r"^\s*(1[0-2]|0?[1-9]|๑[๐-๒]|๐?[๑-๙])\s*/\s*([0-9๐-๙]{2}|[0-9๐-๙]{4})\s*$")


def _numeric_month(t: str) -> Optional[tuple[int, int]]:
    """(calendar month, CE year) of a `10/68` header cell, else None."""
    m = _NUM_MONTH.match(t)
    if not m:
        return None
    y = int(C.digits(m.group(2)))
    be = y + 2500 if y < 100 else y
    if not 2400 <= be <= 2700:
        return None
    return int(C.digits(m.group(1))), be - 543


def _month_reading(text: str) -> list[int]:
    """Months a header cell can stand for, best first, then months one letter away
    ([] when it is not a month)."""
    t = (text or "").strip()
    if not t or len(t) > 20:
        return []
    mr = _parse_month(t)
    months = list(getattr(mr, "months", ()) or ())
    if not months:
        nm = _numeric_month(t)
        return [nm[0]] if nm else []
    return months + [m for m in getattr(mr, "near", ()) if m not in months]


@lru_cache(maxsize=4096)
def _parse_month(t: str):
    """The normaliser's reading of a month cell; cached (only read here, never changed): a
    Gantt's twelve headers are read several times over while its columns are settled."""
    return C.N().parse_month(t)


# a month header written as a bare number (`10 11 12 1 2 … 9`, under a `พ.ศ.` banner or none)
_BARE_MONTH = patterns.compile(r"^\s*(1[0-2]|0?[1-9]|๑[๐-๒]|๐?[๑-๙])\s*$")
_MIN_NUMBER_MONTHS = 6


def number_month_row(row: list) -> dict[int, int]:
    """{column: calendar month} of a header row of bare numbers that run in the fiscal month
    cycle across the year's turn (`10 11 12 1 2 3 …`): alone a number is no month, but six or
    more in a row that go on from 12 to 1 are the Gantt's months (a column-number row
    `1 2 3 4 …` never turns). {} when the row has no such run."""
    best: dict[int, int] = {}
    run: dict[int, int] = {}
    prev = None
    turned = False

    def close():
        nonlocal best
        if turned and len(run) >= _MIN_NUMBER_MONTHS and len(run) > len(best):
            best = dict(run)

    for c in row:
        if c is None:
            continue
        m = _BARE_MONTH.match(c.text or "")
        n = int(C.digits(m.group(1))) if m else None
        if n is not None and prev is not None and n == prev % 12 + 1:
            run[c.col] = n
            turned = turned or n == 1
        else:
            close()
            run, turned = ({c.col: n}, False) if n is not None else ({}, False)
        prev = n
    close()
    return best


@lru_cache(maxsize=1024)
def _month_year(text: str) -> Optional[int]:
    """The CE year a month header cell writes (`ต.ค. 67`, `Oct-24`, `10/68`), else None."""
    t = (text or "").strip()
    if not t or len(t) > 20:
        return None
    mr = _parse_month(t)
    y = getattr(mr, "year", None)
    if y is None:
        nm = _numeric_month(t)
        y = nm[1] if nm else None
    elif mr.months:
        # the date reader's year where it reads the cell as that month: Excel shows a date-typed
        # header as `Oct-24` (mmm-yy, Common Era), which a bare month reading takes for BE 2524
        d = C.N().parse_date(t, None)
        if d.status == OK and d.granularity == "month" and d.start is not None \
                and d.start.month == mr.months[0]:
            y = d.start.year
    return y


def settle_months(readings: list[list[int]]) -> list[int]:
    """Assign each Gantt column a month, strictly in fiscal order (Oct..Sep), agreeing with as
    many header readings as possible: a misspelt or duplicated header cell is settled by order."""
    n = len(readings)
    if n == 0:
        return []
    if n > 12:
        return [_FISCAL_ORDER[i % 12] for i in range(n)]

    def gain(i: int, f: int) -> int:
        r = readings[i]
        m = _FISCAL_ORDER[f]
        return 10 if r and r[0] == m else (5 if m in r else 0)

    NEG = float("-inf")
    dp = [[NEG] * 12 for _ in range(n)]
    back = [[-1] * 12 for _ in range(n)]
    for f in range(12):
        dp[0][f] = gain(0, f) - f          # columns usually start at October
    for i in range(1, n):
        for f in range(i, 12):
            for k in range(i - 1, f):
                v = dp[i - 1][k] - (f - k - 1)   # gaps (a missing month column) cost a little
                if v > dp[i][f]:
                    dp[i][f], back[i][f] = v, k
            dp[i][f] += gain(i, f)
    f = max(range(12), key=lambda x: dp[n - 1][x] - (11 - x))
    out = []
    for i in range(n - 1, -1, -1):
        out.append(_FISCAL_ORDER[f])
        f = back[i][f]
    return out[::-1]


def budget_banner(table: Table, tf: TableForm, cell=None) -> list[int]:
    """The columns under a budget banner (`งบประมาณ (บาท)` over `ไตรมาส 1 … ไตรมาส 4 | รวม`, over
    months or over sources): the banner's span, or in a text export (a merged banner written in
    its first column, blanks to its right) the columns right of it whose header is blank over
    a sub-header of their own. [] when the budget header has no sub-columns."""
    hm = tf.header
    bcol = hm.roles.get("budget")
    if bcol is None:
        return []
    cell = cell or C.CellAt(table)
    vocab = _role_vocab("budget")
    name_col = hm.roles.get("name")
    for r in range(hm.start, hm.rows):
        c = cell(r, bcol)
        if c is None or c.row != r or c.col != bcol or not c.text.strip() or len(c.text) > 60 \
                or not C.match_role(c.text, vocab)[0]:
            continue
        below = r + c.rowspan
        if below >= table.n_rows:
            return []
        if c.colspan >= 2:
            return list(range(bcol, bcol + c.colspan))
        # (a text export: the row under it names sub-columns, it holds no item)
        sub = cell(below, bcol)
        nm = cell(below, name_col) if name_col is not None else None
        if sub is None or sub.row != below or not sub.text.strip() \
                or (nm is not None and nm.row == below and nm.text.strip()):
            return []
        cols = [bcol]
        for k in range(bcol + 1, table.n_cols):
            up, sub = cell(r, k), cell(below, k)
            if up is None or up.row != r or up.text.strip() or sub is None or sub.row != below \
                    or not sub.text.strip():
                break
            cols.append(k)
        return cols if len(cols) >= 2 else []
    return []


def money_columns(table: Table, tf: TableForm) -> set[int]:
    """Columns under a budget banner in a plan dated by columns of its own (start, end,
    duration): amounts by quarter or month, no timeline. (A spending plan with no dates of its
    own keeps its months: the months it spends in are its months.)"""
    banner = set(budget_banner(table, tf))
    if not banner or not any(tf.header.roles.get(r) not in (None, *banner)
                             for r in ("start", "end", "duration")):
        return set()
    return banner


def find_gantt(table: Table, tf: TableForm, fiscal_year: Optional[int]) -> tuple[Gantt, int]:
    """The month columns and the row after the header (month row included). Months or
    quarters under a budget banner in a plan with dates of its own are amounts, no timeline
    (see money_columns)."""
    g = Gantt(fiscal_year=fiscal_year)
    header_end = tf.header.rows
    money = money_columns(table, tf)
    rows = [[None if c is not None and c.col in money else c for c in row] for row in table.rows()] \
        if money else table.rows()
    best_row, best_cols = None, []
    numbered: dict[int, int] = {}       # the months of a row of bare numbers (number_month_row)
    for r in range(min(tf.header.rows + 3, table.n_rows)):
        cols = []
        for c in rows[r]:
            if c is None:
                continue
            if _month_reading(c.text):
                cols.append(c.col)
        if len(cols) >= 3 and len(cols) > len(best_cols):
            best_row, best_cols, numbered = r, cols, {}
        elif len(cols) < _MIN_NUMBER_MONTHS:
            nums = number_month_row(rows[r])
            if len(nums) > len(best_cols):
                best_row, best_cols, numbered = r, sorted(nums), nums
    for r in range(min(tf.header.rows + 3, table.n_rows)):
        for c in rows[r]:
            if c is not None:
                m = _FY_HEADER.search(c.text)
                if m:
                    g.fiscal_year = int(C.digits(m.group(1)))
    if best_row is not None:
        span = tf.header.spans.get("gantt")
        cols = sorted(best_cols)
        # columns of the month row between its first and last month all belong to the Gantt
        lo, hi = cols[0], cols[-1]
        if span and span[1] - span[0] >= 3:
            lo, hi = min(lo, span[0]), max(hi, span[1] - 1)
        allcols = [c.col for c in rows[best_row] if c is not None and lo <= c.col <= hi]
        cell = C.CellAt(table)
        if len(allcols) > 12 and len(cols) <= 12:
            # empty spacer columns between the months (a gap left between quarters) are no months
            allcols = [c for c in allcols if cell(best_row, c).text.strip() or c in numbered]
        readings = [_month_reading(cell(best_row, c).text) or ([numbered[c]] if c in numbered else [])
                    for c in allcols]
        months = settle_months(readings)
        g.month_of_col = dict(zip(allcols, months))
        g.no_number = {c for c in allcols if cell(best_row, c).text.strip()
                       and not _month_reading(cell(best_row, c).text) and c not in numbered}
        for c, m in g.month_of_col.items():
            mr = _parse_month(cell(best_row, c).text.strip())
            if getattr(mr, "status", "ok") in ("corrected", "ambiguous"):
                from pipeline.normalize.months import ABBR
                g.corrected[c] = (cell(best_row, c).text.strip(), ABBR[m])
            y = _month_year(cell(best_row, c).text)
            if y is not None and m in _month_reading(cell(best_row, c).text)[:1]:
                g.year_of_col[c] = y
        _banner_years(rows[:best_row], g)
        header_end = max(header_end, best_row + 1)
        if _year_row(table, best_row + 1, g):
            header_end = max(header_end, best_row + 2)
    else:
        span = tf.header.spans.get("gantt")
        quarters = _quarter_row(table, tf.header.rows + 3, money)
        if quarters:
            r, g.quarter_of_col, g.quarter_span = quarters
            header_end = max(header_end, r + 1)
            if g.fiscal_year is None:
                # a plan that states no fiscal year takes it from the years its quarters write
                votes: dict[int, int] = {}
                for m0, _, ce in g.quarter_span.values():
                    if ce is not None:
                        fy = ce + 543 + (1 if m0 >= 10 else 0)
                        votes[fy] = votes.get(fy, 0) + 1
                if votes:
                    g.fiscal_year = max(votes, key=lambda y: (votes[y], y))
                    g.fy_from_years = True
        elif span and span[1] - span[0] == 12:
            g.month_of_col = {span[0] + i: _FISCAL_ORDER[i] for i in range(12)}
    return g, header_end


_YEAR_CELL = patterns.compile(r"^\s*(?:พ\s*\.?\s*ศ\s*\.?)?\s*([0-9๐-๙]{2}|[0-9๐-๙]{4})\s*$")


def _year_row(table: Table, r: int, g: Gantt) -> bool:
    """A header row under the month row that writes only each month's year (`67 67 67 68 …`,
    a month header split over two rows): its years go to their columns; True when it is one."""
    if r >= table.n_rows or not g.month_of_col:
        return False
    years: dict[int, int] = {}
    for c in table.rows()[r]:
        if c is None or c.row != r or not c.text.strip():
            continue
        m = _YEAR_CELL.match(c.text)
        if c.col not in g.month_of_col or not m:
            return False            # text beside the months: a data row
        y = int(C.digits(m.group(1)))
        be = y + 2500 if y < 100 else y
        if not 2400 <= be <= 2700:
            return False
        for k in range(c.col, c.col + c.colspan):
            years[k] = be - 543
    if len(years) < 3:
        return False
    for k, ce in years.items():
        if k in g.month_of_col:
            g.year_of_col.setdefault(k, ce)
    if g.fiscal_year is None:
        votes: dict[int, int] = {}
        for k, ce in years.items():
            if k in g.month_of_col:
                fy = ce + 543 + (1 if g.month_of_col[k] >= 10 else 0)
                votes[fy] = votes.get(fy, 0) + 1
        g.fiscal_year = max(votes, key=lambda y: (votes[y], y))
        g.fy_from_years = True
    return True


_BANNER_YEAR = patterns.compile(r"^\s*(?:ปี\s*)?(?:พ\s*\.?\s*ศ\s*\.?)?\s*([0-9๐-๙]{4})\s*$")


def _year_head(text: str) -> bool:
    """A Buddhist-Era year alone (`2569`, `พ.ศ. 2569`, `ปี ๒๕๖๙`): a header cell, no amount."""
    m = _BANNER_YEAR.match(text)
    return m is not None and 2400 <= int(C.digits(m.group(1))) <= 2700


def _banner_years(head_rows, g: Gantt) -> None:
    """Calendar years written over the month columns (`พ.ศ. 2567` over ต.ค.–ธ.ค., `พ.ศ. 2568` over
    the rest): each month column under one takes its year, and a plan that states no fiscal
    year takes it from them."""
    for row in head_rows:
        for c in row:
            m = _BANNER_YEAR.match(c.text) if c is not None else None
            be = int(C.digits(m.group(1))) if m else 0
            if not 2400 <= be <= 2700:
                continue
            for k in range(c.col, c.col + c.colspan):
                if k in g.month_of_col and k not in g.year_of_col:
                    g.year_of_col[k] = be - 543
    if g.fiscal_year is None and g.year_of_col:
        votes: dict[int, int] = {}
        for k, ce in g.year_of_col.items():
            fy = ce + 543 + (1 if g.month_of_col[k] >= 10 else 0)
            votes[fy] = votes.get(fy, 0) + 1
        g.fiscal_year = max(votes, key=lambda y: (votes[y], y))
        g.fy_from_years = True


# a quarter column's header: its number, then maybe `/68` or the months it covers
_QUARTER = patterns.compile(r"^\s*(?:ไตร\s*มาส\s*(?:ที่)?|Q)\s*([1-4๑-๔])(?![0-9๐-๙])\s*"
                            r"(?:/\s*([0-9๐-๙]{2,4})\s*$)?(.*)$", re.I | re.S)
_QUARTER_FIRST_MONTH = (10, 1, 4, 7)    # a fiscal quarter's first calendar month
_BRACKETS = patterns.compile(r"^[\s(（\[]*|[\s)）\]]*$")


def _quarter_months(text: str) -> Optional[tuple[int, int, Optional[int]]]:
    """The months a quarter header writes (`(ต.ค.-ธ.ค. 68)`, `ม.ค.-มี.ค.`): (first calendar month,
    number of months, CE year of the first month when a year is written); None when the text
    is not a period of one to six months."""
    t = C.clean(_BRACKETS.sub("", text or ""))
    if not t:
        return None
    n = C.N()
    dv = n.parse_date(t, None)              # reads only when the text writes its year
    year_written = dv.ok
    if not year_written:
        dv = n.parse_date(t, 2500)          # any year: only the calendar months are kept
    if not dv.ok or dv.start is None or dv.granularity not in ("month", "range", "quarter"):
        return None
    end = dv.end or dv.start
    count = (end.year - dv.start.year) * 12 + end.month - dv.start.month + 1
    if not 1 <= count <= 6:
        return None
    return dv.start.month, count, (dv.start.year if year_written else None)


def _quarter_cell(text: str) -> Optional[tuple[int, Optional[tuple[int, int, Optional[int]]]]]:
    """(quarter number, months it writes or None) of a quarter header cell, else None."""
    m = _QUARTER.match(text or "")
    if not m:
        return None
    rest = m.group(3).strip()
    span = _quarter_months(rest) if rest else None
    if rest and span is None:
        return None             # `ไตรมาสที่ 3 และ 4` is a period, not a column header
    return int(C.digits(m.group(1))), span


def _quarter_of_year(text: str) -> Optional[tuple[int, int, Optional[int]]]:
    """The months of a quarter head that writes its fiscal year (`Q1/2571`, `ไตรมาส 2/68`):
    (first calendar month, 3, CE year of that month), else None."""
    m = _QUARTER.match(text or "")
    if not m or not m.group(2):
        return None
    y = int(C.digits(m.group(2)))
    be = y + 2500 if y < 100 else y
    if not 2400 <= be <= 2700:
        return None
    m0 = _QUARTER_FIRST_MONTH[int(C.digits(m.group(1))) - 1]
    return m0, 3, be - 543 - (1 if m0 >= 10 else 0)


# a cell only an item's row holds: its number (`1`, `1.2`, `(3)`) or an amount (`250,000`)
_DATA_CELL = patterns.compile(r"^\s*(?:\(?[0-9๐-๙]{1,2}(?:\.[0-9๐-๙]{1,2})*[.)]?|[0-9๐-๙]{1,3}(?:,[0-9๐-๙]{3})+(?:\.[0-9๐-๙]+)?)\s*$")


def _quarter_row(table: Table, max_rows: int, money: frozenset = frozenset()
                 ) -> Optional[tuple[int, dict[int, int], dict[int, tuple[int, int, Optional[int]]]]]:
    """A Gantt by quarters (ไตรมาส 1 … 4) instead of months: the header row, each column's
    quarter, and the months a header writes (in the cell or in the row below it). Columns of
    ``money`` (amounts by quarter under a budget banner) are left out."""
    rows = [[None if c is not None and c.col in money else c for c in row] for row in table.rows()]
    cell = C.CellAt(table)
    for r in range(min(max_rows, table.n_rows)):
        found, spans, by_year = {}, {}, {}
        if any(c is not None and _DATA_CELL.match(c.text) for c in rows[r]):
            break           # an item's row (its number, an amount): the quarters in it are its dates
        for c in rows[r]:
            if c is not None:
                q = _quarter_cell(c.text)
                if q:
                    found[c.col] = q[0]
                    if q[1]:
                        spans[c.col] = q[1]
                    elif _quarter_of_year(c.text):
                        by_year[c.col] = _quarter_of_year(c.text)
        if len(found) < 2:
            continue
        # months written in a header row of their own under the quarters (they outrank the
        # months a quarter's year gives)
        below = max(cell(r, k).row + cell(r, k).rowspan for k in found)
        if below < table.n_rows and not spans:
            under = {}
            for k in found:
                c = cell(below, k)
                span = _quarter_months(c.text) if c is not None and c.row == below else None
                if span:
                    under[k] = span
            if len(under) >= 2:
                spans, r = under, below
        if not spans:
            spans = by_year
        return r, found, spans
    return None


# ---------------------------------------------------------------- rows

@dataclass
class RawRow:
    """One activity row's cell texts by role, before they are read."""
    table: Table
    row: int
    item: str = ""
    name: str = ""
    duration: str = ""
    period: str = ""                 # a second duration-like column holding the dates (see
                                     # duration_columns)
    start: str = ""
    end: str = ""
    output: str = ""
    responsible: str = ""
    related: str = ""
    budget: str = ""
    result: str = ""                                  # a results / status column (ผลการดำเนินงาน)
    target: str = ""                                  # a target column (เป้าหมาย)
    unit: str = ""                                    # the target's unit column (หน่วยนับ)
    spent: str = ""                  # a pair's plan row: the budget cell of its ผล row (money spent)
    achieved: str = ""               # a pair's plan row: the target cell of its ผล row (quantity done)
    completed: str = ""              # a completion-date column (วันที่แล้วเสร็จจริง)
    phones: str = ""                 # a telephone sub-column under the responsible banner
    budget_parts: list[str] = field(default_factory=list)   # amounts by source, when split
    ticks: list[str] = field(default_factory=list)
    misspelt_months: list[tuple[str, str]] = field(default_factory=list)   # heads of its ticks read anyway
    inherited: set = field(default_factory=set)      # roles filled from a cell merged down
    pr: str = ""                     # "plan" / "result": the row's label in a แผน/ผล column
    result_ticks: Optional[list[str]] = None         # months its ผล row marks (a pair's plan row)
    num_ticks: set = field(default_factory=set)      # months marked only by a number (`2`, `50,000`)
    project: str = ""                # a project column beside the activity column (see
                                     # project_column): the plan of the rows from this one on
    project_row: bool = False        # the row fills the project column, not the activity one

    def mark_ticks(self) -> set:
        """The months a tick, bar or shading marks (not a number alone)."""
        return set(self.ticks) - self.num_ticks


# a bare item number in a row's first cell (`2`, `12`), its text in the next
_BARE_ITEM = patterns.compile(r"^\s*[0-9๐-๙]{1,3}\s*$")
_LETTERS = patterns.compile(f"[{C.THAI}A-Za-z]")


def _is_header_row(texts: list[str]) -> bool:
    if any(C.split_item(t).kind for t in texts[:2]):
        return False            # a numbered row is an item
    if len(texts) >= 2 and _BARE_ITEM.match(texts[0]) and _LETTERS.search(texts[1]):
        return False            # `2 | กิจกรรมสอง | …`: an item numbered in a column of its own
    roles = C.vocab(FORM)
    # distinct texts: one word repeated across the months (`ดำเนินการ` in each, read fuzzily
    # as the budget heading `งบดำเนินการ`) is one heading at most, not a header row's three
    hits = sum(1 for t in {C.squash(t) for t in texts if len(t) < 50} if C.match_role(t, roles)[0])
    months = sum(1 for t in texts if _month_reading(t))
    return hits >= 3 or months >= 4


_COL_NUMBER = patterns.compile(r"^\s*[(（]?\s*([0-9๐-๙]{1,2})\s*[)）]?\s*$")


def is_column_number_row(cells: list[tuple[int, str]]) -> bool:
    """A row numbering the table's columns under its header (`1 2 3 4 …`, `(1) (2) (3) …`):
    four or more numbers from 1 up by one, from the first column on, and nothing else."""
    filled = [(col, t) for col, t in cells if t.strip()]
    if len(filled) < 4 or filled[0][0] != 0 or not _COL_NUMBER.match(filled[0][1]):
        return False            # (most rows: their first cell is no column number)
    for k, (_, t) in enumerate(filled, 1):
        m = _COL_NUMBER.match(t)
        if not m or int(C.digits(m.group(1))) != k:
            return False
    return True


def _budget_like(t: str) -> bool:
    t = C.clean(t)
    if C.is_ditto(t) or t in C.DASHES:
        return True
    if len(t) < 25 and _DIGIT.search(t):
        return True
    return len(t) <= 8 and _BUDGET_WORD.search(t) is not None


_DIGIT = patterns.compile(r"[0-9๐-๙]")
_MONEY = patterns.compile(r"^[0-9๐-๙]{1,3}(?:,[0-9๐-๙]{3})+(?:\.[0-9๐-๙]+)?$")
_BUDGET_WORD = patterns.compile(r"งบ|ในม|ใน\s*ม|บาท")


def _tail_shift_options(cells: list[tuple[int, str]], col_role: dict[int, str]) -> tuple[int, list[int]]:
    """How far a row's trailing cells sit from the header's columns (exports shift them)."""
    if not cells or not col_role:
        return 0, [0]
    scores = {}
    for s in range(-3, 4):
        score = 0
        for c, t in cells:
            role = col_role.get(c - s)
            if role is None:
                continue
            if role == _SKIP:
                continue
            if role in ("budget", "spent", _SKIP_AMOUNT) and not _budget_like(t):
                continue
            if role == "completed" and _MONEY.match(C.clean(t)):
                continue        # an amount in thousands (`12,000`) is no day of completion
            score += 1
        scores[s] = score
    best = max(scores.values())
    return best, [s for s, v in scores.items() if v == best]


def _fits_unshifted(cells: list[tuple[int, str]], col_role: dict[int, str], gantt: "Gantt") -> bool:
    """True when a row's trailing cells all sit where the header puts them, with amounts in its
    month cells (a spending plan's): each cell under a role it fits (a budget column's an
    amount), or a number under a month. A row with no month amount is left to the shift vote."""
    in_months = False
    for c, t in cells:
        role = col_role.get(c)
        if role is None:
            if c in gantt.columns and c not in gantt.no_number and is_number_mark(t):
                in_months = True
                continue
            return False
        if role in ("budget", "spent", _SKIP_AMOUNT) and not _budget_like(t):
            return False
    return in_months


_SKIP = "-"          # a column whose cells belong to no role (last year's results)
_SKIP_AMOUNT = "-$"  # a budget source column left out for its total: no role, but its amounts
                     # tell where the row's cells sit (see _tail_shift_options)
# a results column about earlier years (`ผลการดำเนินงานที่ผ่านมา`, `ผลการดำเนินงานปีที่ผ่านมา`): a
# baseline, not this plan's progress
_PAST = patterns.compile(r"ที่ผ่านมา|ปีที่แล้ว|ปีก่อน|ย้อนหลัง")


@lru_cache(maxsize=8)
def _role_vocab(role: str) -> dict[str, list[str]]:
    """The plan vocabulary of one role alone, one dict for every call (C.match_role keys its
    cache by the vocabulary dict)."""
    return {role: C.vocab(FORM)[role]}


# a year in a budget column's header: `งบประมาณ ปี 2568`, `ปี 68`, `พ.ศ. ๒๕๖๘`
_HEAD_YEAR = patterns.compile(r"(25\d\d)|(?:ปี|พ\.\s*ศ\.)\s*(\d\d)(?!\d)")


def _budget_of_year(table: Table, tf: TableForm, head: _HeaderView, tail: dict[str, int],
                    extra: dict[int, str], fiscal_year: Optional[int], gantt_cols: set) -> None:
    """Budget columns side by side for several years (`งบประมาณ ปี 2567 | งบประมาณ ปี 2568`, last
    year's beside this year's, or a multi-year plan's): the plan's fiscal year is its budget, or
    with no fiscal year stated the latest; the other years' columns belong to no role. A budget
    column about past years (`งบประมาณปีที่ผ่านมา`) gives way to another one."""
    if "budget" not in tail:
        return
    vocab = _role_vocab("budget")
    years: dict[int, Optional[int]] = {}
    rows = head.rows()
    # a year alone under a budget banner (`งบประมาณ (บาท)` over `2566 | … | 2570`, a multi-year
    # plan's columns; a text export writes the banner in its first column, the rest blank)
    for r in range(head.start + 1, head.start + len(rows)):
        for c in rows[r - head.start]:
            if c is None or c.row != r or c.colspan > 1 or c.col in years or c.col in gantt_cols:
                continue
            if not _year_head(c.text):
                continue
            for rb in range(r - 1, head.start - 1, -1):
                k = c.col
                while k >= 0 and (head.cell(rb, k) is None or not head.cell(rb, k).text.strip()):
                    k -= 1
                b = head.cell(rb, k) if k >= 0 else None
                if b is not None and b.row < r and len(b.text) <= 60 and C.match_role(b.text, vocab)[0]:
                    years[c.col] = int(C.digits(_BANNER_YEAR.match(c.text).group(1)))
                    break
    for row in rows:
        for c in row:
            if c is None or c.col in years or c.colspan > 1 or len(c.text) > 60:
                continue
            if c.col != tail["budget"] and (c.col in tf.header.roles.values()
                                             or not C.match_role(c.text, vocab)[0]):
                continue
            text = C.digits(C.squash(c.text))
            m = _HEAD_YEAR.search(text)
            year = None if m is None else int(m.group(1) or 2500 + int(m.group(2)))
            years[c.col] = -1 if _PAST.search(text) else year
    if len(years) < 2:
        return
    # the budget header a source column took (`แหล่งงบประมาณ`: เทศบัญญัติ, เงินอุดหนุน…) beside
    # columns of amounts by year: no amount of its own, no role
    source = tail["budget"]
    if years.get(source, 0) is None and sum(1 for y in years.values() if y and y > 0) >= 2 \
            and not _amount_column(table, tf, source):
        del years[source]
        extra[source] = _SKIP
    dated = {k: y for k, y in years.items() if y and y > 0}
    plain = [k for k, y in years.items() if y is None]
    if fiscal_year in dated.values():
        pick = next(k for k, y in dated.items() if y == fiscal_year)
    elif dated:
        pick = max(dated, key=lambda k: (dated[k], k))
    elif plain and len(plain) < len(years):
        pick = plain[0]
    else:
        return
    tail["budget"] = pick
    for k in years:
        if k != pick:
            extra[k] = _SKIP


def _col_head(table: Table, tf: TableForm, col: int, cell=None) -> str:
    """The header text over a column, its banner included."""
    cell = cell or C.CellAt(table)
    parts: list[str] = []
    for r in range(tf.header.start, tf.header.rows):
        c = cell(r, col)
        if c is not None and c.text.strip() and c.text not in parts:
            parts.append(c.text)
    return " ".join(parts)


class _HeaderView:
    """A table's header as the trailing-column rules read it, built once per table: the cell at
    each grid position, the rows by position, and the rows of the header with the sub-header row
    under a banner, if any (`งบประมาณ` over `งบปกติ | รวม`)."""
    __slots__ = ("cell", "grid", "start", "last")

    def __init__(self, table: Table, tf: TableForm):
        self.grid = table.rows()
        self.cell = C.CellAt(table)
        self.start = tf.header.start
        self.last = tf.header.rows + _is_subheader_row(table, tf, tf.header.rows, self.cell,
                                                       self.grid)

    def rows(self) -> list[list]:
        return self.grid[self.start:self.last]


def tail_layout(table: Table, tf: TableForm, gantt_cols: Optional[set] = None,
                fiscal_year: Optional[int] = None) -> tuple[dict[str, int], dict[int, str]]:
    """The trailing roles' columns ({role: column}) and every column a trailing role reads
    ({column: role}, `_SKIP` for a column to leave out): a results column about past years is
    not the plan's results (another results column of the header takes its place), budget
    columns by source and their total are read as one budget (see _budget_group), and a target
    column (เป้าหมาย) is found (see _target_column). Of budget columns by year, the plan's
    ``fiscal_year`` is read (see _budget_of_year)."""
    hm = tf.header
    head = _HeaderView(table, tf)
    tail = {r: hm.roles[r] for r in TAIL_ROLES if r in hm.roles}
    extra: dict[int, str] = {}
    gantt_cols = gantt_cols or set()
    _budget_of_year(table, tf, head, tail, extra, fiscal_year, gantt_cols)
    rcol = tail.get("result")
    if rcol is not None and _PAST.search(C.squash(_col_head(table, tf, rcol, head.cell))):
        del tail["result"]
        extra[rcol] = _SKIP
        used = set(hm.roles.values())
        vocab = _role_vocab("result")
        for row in head.grid[hm.start:hm.rows]:
            for c in row:
                if c is None or c.col in used or c.col == rcol or len(c.text) > 60:
                    continue
                if C.match_role(c.text, vocab)[0] and not _PAST.search(C.squash(c.text)):
                    tail["result"] = c.col
                    break
            if "result" in tail:
                break
    gantt_cols = gantt_cols or set()
    _round_results(table, tf, head, tail, extra, gantt_cols)
    for rule in (_responsible_split, _budget_group, _completion_column, _indicator_column,
                 _target_column, _remarks_columns):
        rule(table, tf, head, tail, extra, gantt_cols)
    return tail, extra


# A results column per reporting round (`ผล รอบ 6 เดือน | ผล รอบ 12 เดือน`, `ผลการดำเนินงาน` over
# `ไตรมาส 1 … ไตรมาส 4`): the round, as months into the fiscal year (`รอบ 6 เดือน` 6, `ไตรมาส 2`
# 6, `รอบที่ 2` 2), and the header with it taken out (`ผล`), a results header of its own.
_ROUND = patterns.compile(r"รอบ(?:ที่)?([0-9]{1,2})(เดือน)?|ไตรมาส(?:ที่)?([1-4])(?![0-9])")


def _round_of(head_text: str) -> Optional[tuple[int, str]]:
    """(the round, the header without it) of a results-by-round header; None for another."""
    t = C.squash(head_text)
    m = _ROUND.search(t)
    if m is None or _PAST.search(t):
        return None
    n = int(m.group(1)) if m.group(1) else 3 * int(m.group(3))
    return n, (t[:m.start()] + t[m.end():]).strip(".:：-()（）")


def _is_result_head(text: str) -> bool:
    _, _, labels = _pr_words()
    return text in labels or bool(C.match_role(text, _role_vocab("result"))[0])


def _round_results(table: Table, tf: TableForm, head: _HeaderView, tail: dict[str, int],
                   extra: dict[int, str], gantt_cols: set) -> None:
    """Results reported per round in columns side by side: each item's results are its latest
    round's that says something (read_rows), so the latest round's column is the results column
    and the earlier rounds' columns are read beside it. A results column that names no round
    keeps its place."""
    rcol = tail.get("result")
    other = {c for r, c in tf.header.roles.items() if r != "result"} | gantt_cols
    rounds = _round_columns(table, tf, head, other)
    if len(rounds) < 2 and not (rounds and rcol is None):
        return
    if rcol is not None and rcol not in rounds:
        return
    tail["result"] = max(rounds, key=lambda c: (rounds[c], c))
    for c in rounds:
        extra[c] = "result"


def _round_columns(table: Table, tf: TableForm, head: _HeaderView, skip: set) -> dict[int, int]:
    """{column: its round} of the results-by-round columns of a header (see _round_of)."""
    out: dict[int, int] = {}
    for col in range(table.n_cols):
        if col in skip:
            continue
        parts: list[str] = []
        for r in range(head.start, head.last):
            c = head.cell(r, col)
            if c is not None and c.text.strip() and c.text not in parts:
                parts.append(c.text)
        text = " ".join(parts)
        if not text or len(text) > 80:
            continue
        got = _round_of(text)
        if got is not None and _is_result_head(got[1]):
            out[col] = got[0]
    return out


# A completion-date column (`วันที่แล้วเสร็จจริง`, `วันที่ดำเนินการแล้วเสร็จ`) in a plan whose end
# another column or its months give: the day each activity was done, read like that day in a
# results cell. headers.json's activity_plan.completion.

@lru_cache(maxsize=1)
def _completion_words() -> tuple[dict, tuple]:
    v = rules.load("headers")[FORM].get("completion", {})
    return {"completed": list(v.get("head", []))}, tuple(C.squash(w).lower() for w in v.get("not", []))


def is_completion_head(text: str) -> bool:
    t = C.squash(text).lower()
    if not t or len(t) > 40:
        return False
    vocab, nots = _completion_words()
    return not any(w in t for w in nots) and C.match_role(text, vocab)[0] == "completed"


def _completion_column(table: Table, tf: TableForm, head: _HeaderView, tail: dict[str, int],
                       extra: dict[int, str], gantt_cols: set) -> None:
    hm = tf.header
    if not (gantt_cols or "end" in hm.roles or "duration" in hm.roles):
        return      # (a plan's only end-like column is its end)
    taken = {k for c0, c1 in hm.spans.values() for k in range(c0, c1)} \
        | set(tail.values()) | set(extra) | gantt_cols
    for k, text in sorted(_leaf_heads(table, head).items()):
        if k not in taken and is_completion_head(text):
            extra[k] = "completed"
            return


# A remarks column (`หมายเหตุ`): its notes (`ใช้งบเทศบัญญัติ`, `ร่วมกับ ธ.ก.ส.`) are no output,
# though an unlabelled column after the roles is read beside the output. headers.json's
# activity_plan.remarks.

@lru_cache(maxsize=1)
def _remarks_words() -> frozenset:
    words = rules.load("headers")[FORM]["remarks"]
    return frozenset(C.squash(w).lower() for w in words)


def _remarks_columns(table: Table, tf: TableForm, head: _HeaderView, tail: dict[str, int],
                     extra: dict[int, str], gantt_cols: set) -> None:
    hm = tf.header
    taken = {k for c0, c1 in hm.spans.values() for k in range(c0, c1)} | set(tail.values()) \
        | set(extra) | gantt_cols
    words = _remarks_words()
    for row in head.rows():
        for c in row:
            if c is None or c.col in taken or not c.text.strip():
                continue
            t = _HEAD_TRAILER.sub("", C.squash(c.text).lower()).strip(".:：") or C.squash(c.text).lower()
            if t in words:
                for k in range(c.col, c.col + c.colspan):
                    if k not in taken:
                        extra[k] = _SKIP


# A responsible banner over sub-columns (`ผู้รับผิดชอบ` over `หลัก | สนับสนุน`, `หน่วยงานหลัก |
# หน่วยงานสนับสนุน`, `เจ้าภาพหลัก | ร่วม`): a sub-column headed as a supporting unit is `related`,
# the others are the responsible unit. headers.json's activity_plan.responsible_split.

@lru_cache(maxsize=1)
def _split_words() -> tuple[tuple, tuple]:
    """(words of a supporting unit's sub-column, words of a telephone sub-column)."""
    v = rules.load("headers")[FORM]["responsible_split"]
    sq = lambda k: tuple(C.squash(t).lower() for t in v[k])
    return sq("related"), sq("phones")


def _responsible_split(table: Table, tf: TableForm, head: _HeaderView, tail: dict[str, int],
                       extra: dict[int, str], gantt_cols: set) -> None:
    """The sub-columns under a responsible banner: those headed as a supporting unit give
    `related`, a telephone sub-column (`โทรศัพท์`) `phones`, the others `responsible` (joined).
    In a text export the banner sits in its first column and the columns after it are blank in
    its row."""
    col = tail.get("responsible")
    if col is None:
        return
    hm = tf.header
    cell = head.cell
    banner_row = next((r for r in range(hm.start, hm.rows)
                       if cell(r, col) is not None and cell(r, col).text.strip()), None)
    if banner_row is None:
        return
    banner = cell(banner_row, col)
    taken = {k for role, (c0, c1) in hm.spans.items() if role != "responsible" for k in range(c0, c1)}
    taken |= {c for r, c in tail.items() if r != "responsible"} | set(extra) | set(gantt_cols)
    cols = [k for k in range(banner.col, banner.col + banner.colspan) if k not in taken]
    k = banner.col + banner.colspan
    while k < table.n_cols and k not in taken and k not in hm.roles.values():
        c = cell(banner_row, k)
        if c is not None and c.text.strip():
            break
        cols.append(k)
        k += 1
    # each sub-column's own head, in a row below the banner
    last = min(max(hm.rows, banner_row + 1) + (head.last - hm.rows), table.n_rows)
    heads: dict[int, str] = {}
    for k in cols:
        for r in range(banner_row + 1, last):
            c = cell(r, k)
            if c is not None and c is not banner and c.colspan == 1 and c.text.strip():
                heads[k] = c.text
                break
    cols = [k for k in cols if k in heads]
    if len(cols) < 2:
        return
    related, phones = _split_words()

    def kind(text: str) -> str:
        t = C.squash(text).lower()
        return "phones" if any(w in t for w in phones) else \
            "related" if any(w in t for w in related) else "responsible"
    kinds = {k: kind(heads[k]) for k in cols}
    resp = [k for k in cols if kinds[k] == "responsible"]
    rel = [k for k in cols if kinds[k] == "related"]
    if not resp:
        return
    tail["responsible"] = resp[0]
    for k in resp[1:]:
        extra[k] = "responsible"
    for k in rel:
        if "related" not in tail:
            tail["related"] = k
        else:
            extra[k] = "related"
    for k in cols:
        if kinds[k] == "phones":
            extra[k] = "phones"


# An indicator column (`ตัวชี้วัด`, `ตัวชี้วัด/เป้าหมาย`, `ตัวชี้วัดความสำเร็จ`, `KPI`) in an activity
# plan without an output column: what the activity is to yield, read as its output (ผลผลิต /
# ดัชนีความก้าวหน้า). Kept out of 'roles' so that it never changes which form
# a table is (form 7.2 tables have a ตัวชี้วัด column). headers.json's activity_plan.indicator.

@lru_cache(maxsize=1)
def _indicator_words() -> dict:
    return {"output": list(rules.load("headers")[FORM]["indicator"])}


def is_indicator_head(text: str) -> bool:
    t = C.squash(text)
    if not t or len(t) > 40:
        return False
    return C.match_role(text, _indicator_words())[0] == "output"


def _indicator_column(table: Table, tf: TableForm, head: _HeaderView, tail: dict[str, int],
                      extra: dict[int, str], gantt_cols: set) -> None:
    """The indicator column is the output of a plan without an output column (beside one, it
    is left as it was: read with the output only when it stands among the trailing columns)."""
    hm = tf.header
    if "output" in tail:
        return
    taken = {k for c0, c1 in hm.spans.values() for k in range(c0, c1)} | set(tail.values()) \
        | set(extra) | gantt_cols
    for row in head.rows():
        for c in row:
            if c is None or c.col in taken or not c.text.strip() or c.colspan > 1:
                continue
            if is_indicator_head(c.text):
                tail["output"] = c.col
                return


# Budget columns by source (`งบจังหวัด | งบกลุ่มจังหวัด | อื่นๆ`) and their total (`รวม`): under a
# `งบประมาณ` banner, beside the budget column, or with no budget header at all; headers.json's
# activity_plan.budget_columns.
_HEAD_TRAILER = patterns.compile(r"[(（\[].*$")


@lru_cache(maxsize=1)
def _budget_words() -> tuple[frozenset, tuple, frozenset, tuple]:
    v = rules.load("headers")[FORM]["budget_columns"]
    sq = lambda k: [C.squash(t).lower() for t in v[k]]
    return frozenset(sq("total")), tuple(sq("source_prefix")), frozenset(sq("source")), tuple(sq("not_source"))


@lru_cache(maxsize=1)
def _spent_words() -> tuple:
    """Words of a budget sub-column of money spent (`เบิกจ่ายแล้ว`, `ใช้ไป`): read as spent_thb."""
    v = rules.load("headers")[FORM]["budget_columns"].get("spent", [])
    return tuple(C.squash(t).lower() for t in v)


def _not_budget_kind(text: str) -> str:
    """`spent` for a budget sub-column of money spent, `left` for another that is no part of the
    budget (money left, `คงเหลือ`), else "" (`ได้รับจัดสรร`, `งบปกติ`: the budget's)."""
    t = C.squash(text).lower()
    if not t or len(t) > 40:
        return ""
    t = _HEAD_TRAILER.sub("", t).strip(".:：") or t
    if not any(w in t for w in _budget_words()[3]):
        return ""
    return "spent" if any(w in t for w in _spent_words()) else "left"


def budget_col_kind(text: str) -> str:
    """`total` for a total column's header (`รวม`, `รวม (บาท)`), `source` for a budget source's
    (`งบจังหวัด`, `เงินนอกงบประมาณ`, `อื่นๆ`), else ""."""
    t = C.squash(text).lower()
    if not t or len(t) > 40 or _DIGIT.search(t):
        return ""
    t = _HEAD_TRAILER.sub("", t).strip(".:：") or t
    total, prefixes, sources, nots = _budget_words()
    if t in total:
        return "total"
    if any(w in t for w in nots):
        return ""
    if t in sources or t.startswith(prefixes):
        return "source"
    return ""


def _is_subheader_row(table: Table, tf: TableForm, r: int, cell=None, grid=None) -> bool:
    """The row under the header that only names sub-columns under a banner (`งบประมาณ` over
    `งบปกติ | รวมทั้งสิ้น`): texts without figures, each under a header cell spanning several
    columns, the lead columns empty. ``cell`` and ``grid``: the table's C.CellAt and rows(),
    when the caller has them."""
    if r < 1 or r >= table.n_rows or r > tf.header.rows + 1:
        return False
    own = [c for c in (grid[r] if grid is not None else table.rows(r + 1)[r])
           if c is not None and c.row == r and c.text.strip()]
    # (the texts first: most rows under a header are data, with figures)
    # (a month, a quarter, a reporting round, `รอบ 6 เดือน`, or a year, `2569` under a budget
    # banner, is a header's figure)
    if not own or any((_DIGIT.search(c.text) and not is_period_head(c.text)
                       and not _ROUND.search(C.squash(c.text)) and not _year_head(c.text))
                      or is_mark(c.text)
                      or len(c.text) > 40 for c in own):
        return False
    cell = cell or C.CellAt(table)

    def blank(rr: int, k: int) -> bool:
        x = cell(rr, k)
        return x is None or not x.text.strip()

    for c in own:
        above = cell(r - 1, c.col)
        if above is None or above.row < tf.header.start:
            return False
        if above.colspan >= 2:
            continue
        # a text export writes a merged banner in its first column, the rest blank: a blank
        # over the cell with the banner to its left, or the banner with a blank to its right
        if not above.text.strip():
            if any(not blank(r - 1, j) for j in range(c.col - 1, -1, -1)):
                continue
            return False
        if c.col + 1 < table.n_cols and blank(r - 1, c.col + 1) and not blank(r, c.col + 1):
            continue
        return False
    return True


def is_period_head(text: str) -> bool:
    """A sub-column header naming a period: a quarter (`ไตรมาส 1`, `Q2`), a month or a run of
    months (`ต.ค.-ธ.ค. 68`)."""
    return bool(_quarter_cell(text) or _month_reading(text) or _quarter_months(text))


def _leaf_heads(table: Table, head: _HeaderView) -> dict[int, str]:
    """Each column's lowest header text of its own (a cell one column wide), the sub-header row
    under a banner included."""
    cell = head.cell
    out: dict[int, str] = {}
    for r in range(head.start, min(head.last, table.n_rows)):
        for k in range(table.n_cols):
            c = cell(r, k)
            if c is not None and c.colspan == 1 and c.text.strip():
                out[k] = c.text
    return out


def _budget_group(table: Table, tf: TableForm, head: _HeaderView, tail: dict[str, int],
                  extra: dict[int, str], gantt_cols: set) -> None:
    """The columns that give an activity's budget: the budget column (its banner's sub-columns)
    and, next to them, columns of no other role headed by a budget source or a total; with no
    budget column, such a run of columns (or a lone `รวม` of amounts) is the budget. A total
    column gives the budget and the sources are left out; sources without a total are added."""
    hm = tf.header
    leaf = _leaf_heads(table, head)
    taken = {k for role, (c0, c1) in hm.spans.items() if role != "budget" for k in range(c0, c1)}
    taken |= {c for r, c in tail.items() if r != "budget"} | set(gantt_cols)
    taken |= {k for k, v in extra.items() if v == _SKIP}
    bcol = tail.get("budget")
    bspan = set(range(*hm.spans.get("budget", (bcol, bcol + 1)))) if bcol is not None else set()
    banner = budget_banner(table, tf, head.cell)
    if bcol in banner:
        bspan |= set(banner)        # (a text export writes the banner over one column)
    bspan -= taken
    kind = {k: budget_col_kind(leaf.get(k, "")) for k in range(table.n_cols)
            if k not in taken and k not in bspan}
    # a total beside the months, in a plan with a budget column, sums the months (sessions,
    # people); a total of counts (`12 ครั้ง`) is never the budget
    edge = {min(gantt_cols) - 1, max(gantt_cols) + 1} if gantt_cols and bspan else set()
    for k, v in list(kind.items()):
        if v == "total" and (k in edge or not _amount_column(table, tf, k)):
            kind[k] = ""
    cands = {k for k, v in kind.items() if v}
    # money spent in a column of its own beside the budget (`งบประมาณ | งบประมาณที่ใช้ไป`), or
    # under the budget banner a text export writes in its first column only (`เบิกจ่ายแล้ว`)
    near = bspan | cands
    for k in sorted(kind):
        if kind[k] or k in extra or "spent" in extra.values() or not (k - 1 in near or k + 1 in near) \
                or _not_budget_kind(leaf.get(k, "")) != "spent":
            continue
        top = head.cell(head.start, k)
        if C.squash(leaf.get(k, "")).lower().startswith(_budget_words()[1]) or (
                k - 1 in bspan and (top is None or not top.text.strip())):
            extra[k] = "spent"
    # money spent and left in columns of their own headed on one row right of the budget
    # (`งบประมาณที่ได้รับ | เบิกจ่าย | คงเหลือ`): amounts that are no budget. Given their roles
    # they hold their places when a row's cells are lined up with the header; unclaimed, a
    # row of amounts alone (a group's) lines up its spent and left under the status and
    # completion columns (_tail_shift_options) and every row follows it.
    if bspan:
        k = max(bspan) + 1
        while k in kind and not kind[k] and k not in extra:
            nk = _not_budget_kind(leaf.get(k, ""))
            if not nk or not _amount_column(table, tf, k):
                break
            extra[k] = "spent" if nk == "spent" and "spent" not in extra.values() else _SKIP_AMOUNT
            k += 1
    if not cands and len(bspan) < 2:
        return
    # contiguous runs of budget and candidate columns
    cols = sorted(bspan | cands)
    runs, cur = [], []
    for k in cols:
        if cur and k != cur[-1] + 1:
            runs.append(cur)
            cur = []
        cur.append(k)
    if cur:
        runs.append(cur)
    if bspan:
        group = next(run for run in runs if bcol in run or set(run) & bspan)
        # a sub-column of money spent or left (`ได้รับจัดสรร | เบิกจ่ายแล้ว`) is no part of the
        # budget: the allocation is; the money spent is the activity's spent amount
        gone = {k: _not_budget_kind(leaf.get(k, "")) for k in group}
        gone = {k: v for k, v in gone.items() if v}
        if gone and len(gone) < len(group):
            for k, v in gone.items():
                extra[k] = "spent" if v == "spent" and "spent" not in extra.values() else _SKIP_AMOUNT
            group = [k for k in group if k not in gone]
            if bcol in gone:
                tail["budget"] = bcol = group[0]
    else:
        # no budget column: a run with a source, or a total whose cells are amounts
        # (a run of `อื่นๆ` alone is no budget: it needs a total or a `งบ…`/`เงิน…` source)
        prefixes = _budget_words()[1]
        ok = [run for run in runs if any(kind.get(k) == "total" or (
            kind.get(k) == "source" and C.squash(leaf.get(k, "")).lower().startswith(prefixes)) for k in run)]
        if not ok:
            return
        group = max(ok, key=len)
    heads = {k: (kind.get(k) or budget_col_kind(leaf.get(k, ""))) for k in group}
    totals = [k for k in group if heads[k] == "total"]
    if len(group) == 1:
        tail["budget"] = group[0]
        return
    if totals:
        tail["budget"] = totals[0]
        for k in group:
            extra[k] = "budget" if k == totals[0] else _SKIP_AMOUNT
        return
    # sub-columns by source, or by period (`ไตรมาส 1`, `ต.ค.-ธ.ค. 68`, a month): added up
    subs = [k for k in group if leaf.get(k, "").strip() and (
        not _DIGIT.search(leaf.get(k, "")) or is_period_head(leaf[k]))]
    if len(subs) < 2:
        return
    tail["budget"] = subs[0]
    for k in subs:
        extra[k] = "budget"


def _amount_column(table: Table, tf: TableForm, col: int) -> bool:
    """A column whose data cells hold amounts (`70,000`, `5,000 บาท`), not counts (`12 ครั้ง`)."""
    seen = 0
    for r in range(tf.header.rows, table.n_rows):
        c = table.cell(r, col)
        if c is None or c.row != r or not c.text.strip() or C.is_ditto(c.text) \
                or C.clean(c.text) in C.DASHES:
            continue
        a = C.amount(C.clean(c.text))
        if not a.ok:
            if _DIGIT.search(c.text):
                return False
            continue
        if a.unit not in ("", "บาท"):
            return False
        seen += 1
    return seen > 0


# ---------------------------------------------------------------- target column (เป้าหมาย)
#
# An activity's target as the plan writes it (`500 คน`, `ร้อยละ 80`, `3 ครั้ง`, `ประชาชนในพื้นที่
# 200 ราย`): target_raw the cell, target its number when it states one quantity, unit the unit
# written with it. Headed `เป้าหมาย`, `ค่าเป้าหมาย`, `กลุ่มเป้าหมาย`…, not `ตัวชี้วัด/เป้าหมาย`
# (an indicator column), nor a `เป้าหมาย/ผล` label column, nor an output (ผลผลิต) column.
# headers.json's activity_plan.target.


@lru_cache(maxsize=1)
def _target_words() -> tuple[dict, tuple, tuple]:
    v = rules.load("headers")[FORM]["target"]
    get = v.__getitem__
    units = sorted((C.squash(u) for u in get("units")), key=len, reverse=True)
    return ({"target": list(get("head"))}, tuple(C.squash(t).lower() for t in get("not")),
            tuple(units))


@lru_cache(maxsize=1)
def _unit_heads() -> frozenset:
    return frozenset(C.squash(t).lower() for t in rules.load("headers")[FORM]["target"].get("unit_head", []))


def is_unit_head(text: str) -> bool:
    """A unit column's whole header (`หน่วยนับ`, `หน่วย`; brackets ignored), not `หน่วยงาน…`."""
    t = C.squash(text).lower()
    t = _HEAD_TRAILER.sub("", t).strip(".:：") or t
    return t in _unit_heads()


def is_target_head(text: str) -> bool:
    t = C.squash(text).lower()
    if not t or len(t) > 40:
        return False
    vocab, nots, _ = _target_words()
    if any(w in t for w in nots) or _SEP.sub("/", t) in _pr_words()[0]:
        return False
    return C.match_role(text, vocab)[0] == "target"


def _target_column(table: Table, tf: TableForm, head: _HeaderView, tail: dict[str, int],
                   extra: dict[int, str], gantt_cols: set) -> None:
    """The column of the activities' targets, when the header has one no other role took."""
    hm = tf.header
    taken = {k for c0, c1 in hm.spans.values() for k in range(c0, c1)} | set(tail.values()) | gantt_cols
    for row in head.rows():
        for c in row:
            if c is None or c.col in taken or not c.text.strip():
                continue
            if any(k in gantt_cols for k in range(c.col, c.col + c.colspan)):
                continue
            if is_target_head(c.text):
                tail["target"] = c.col
                # a target banner over its number and its unit (`จำนวน | หน่วยนับ`): both read
                leaf = _leaf_heads(table, head)
                for k in range(c.col + 1, c.col + c.colspan):
                    if k not in taken:
                        extra[k] = "unit" if is_unit_head(leaf.get(k, "")) else "target"
                # a unit column of its own beside the target (`เป้าหมาย | หน่วยนับ`)
                for k in (c.col - 1, c.col + c.colspan):
                    h = head.cell(head.start, k) if 0 <= k < table.n_cols else None
                    if k not in taken and k not in extra and h is not None and h.colspan == 1 \
                            and is_unit_head(leaf.get(k, "")):
                        extra[k] = "unit"
                return


# one quantity in a target cell: `200 ราย`, `ร้อยละ 80`, `80%`, `1.5 ล้านบาท`; numbers that are
# an ordinal, a year or a village number (`หมู่ที่ 5`, `ปี 2568`) are no quantity
_QTY = patterns.compile(r"(?P<pct>ร้อยละ\s*)?(?P<num>[0-9][0-9,]*(?:\.[0-9]+)?)\s*(?P<pc2>%|เปอร์เซ็นต์)?")
_NOT_QTY_BEFORE = patterns.compile(r"(?:(?:หมู่|ลำดับ|ข้อ|ครั้ง|รุ่น|ระยะ|ฉบับ|ปี|ชั้น|กลุ่ม|ภาค|เขต)\s*ที่|ปี|พ\.\s*ศ\.?|"
                                   r"หมู่|อายุ|(?<![ก-๙])ม\.|/)\s*$")


def set_target(rec: Record, raw: str, head_unit: str = "") -> None:
    """target_raw as written; target and unit read from it (see read_target), the unit its
    column's header gives when the cell gives none."""
    rec.target_raw = raw
    rec.target, rec.unit = read_target(raw)
    if rec.target is not None and not rec.unit:
        rec.unit = head_unit


_HEAD_UNIT = patterns.compile(r"[(（]\s*(?:หน่วย(?:นับ)?\s*[:：]?\s*)?([^()（）0-9๐-๙]{1,15}?)\s*[)）]\s*$")


def header_unit(text: str) -> str:
    """The unit a header writes in brackets at its end (`เป้าหมาย (คน)`, `ค่าเป้าหมาย (หน่วย: ราย)`,
    `เป้าหมาย (ร้อยละ)` -> `%`), else ""."""
    m = _HEAD_UNIT.search(C.clean(text).replace("\n", " "))
    if not m:
        return ""
    u = C.squash(m.group(1))
    if u in ("ร้อยละ", "%", "เปอร์เซ็นต์"):
        return "%"
    return u if u in _target_words()[2] else ""


def unit_word(text: str) -> str:
    """A unit as a unit column writes it, spelled as records spell units (`ร้อยละ` -> `%`)."""
    units = rules.load("headers").get("units", {})
    return units.get(text, units.get(C.squash(text), text))


def read_target(text: str) -> tuple[Optional[float], str]:
    """(the number, its unit) of a target cell: the cell as one amount (`500 คน`, `ร้อยละ 80`),
    else its one quantity among words (`ประชาชนในพื้นที่ 200 ราย` -> 200, `ราย`); (None, "")
    when it states none or several (`ชาย 100 คน หญิง 120 คน`). A unit after the number is kept
    when it is a known unit (headers.json activity_plan.target.units)."""
    t = C.clean(text)
    if not t or t in C.DASHES or C.is_ditto(t):
        return None, ""
    a = C.amount(t)
    if a.ok and a.value is not None:
        return a.value, a.unit or ""
    d = C.digits(t)
    found = []
    for m in _QTY.finditer(d):
        if _NOT_QTY_BEFORE.search(d[:m.start()]):
            continue
        if m.start() and d[m.start() - 1].isdigit():
            continue
        found.append(m)
    if len(found) != 1:
        return None, ""
    m = found[0]
    try:
        value = float(m.group("num").replace(",", ""))
    except ValueError:
        return None, ""
    if m.group("pct") or m.group("pc2"):
        return value, "%"
    rest = C.squash(d[m.end():])
    scale = re.match(r"(ล้าน|แสน|หมื่น|พัน)", rest)
    if scale:
        value *= {"ล้าน": 1e6, "แสน": 1e5, "หมื่น": 1e4, "พัน": 1e3}[scale.group(1)]
        rest = rest[scale.end():]
    # the longest known unit the text after the number starts with (`ครัวเรือน`, not `ครั้ง`)
    return value, next((u for u in _target_words()[2] if rest.startswith(u)), "")


# ---------------------------------------------------------------- plan / result row pairs
#
# Many plans and progress reports write each activity as two rows: `แผน` (the months planned)
# over `ผล` (the months actually worked), labelled in a column headed `แผน/ผล`, `แผน / ผล`,
# `แผน-ผล` or `เป้าหมาย/ผลงาน`; the name, number, budget and responsible cells are merged down
# over both rows or written on the first only. Such a pair is ONE activity:
# - start/end/duration/deadline come from the plan row alone (its Gantt months, as a single row);
# - the result row's marks give `status`: `done` when they reach the plan's last month (or go
#   beyond it), with `completed` the last day of the last month marked; `not_done` when they stop
#   short; `unknown` when the result row marks nothing (a results column's text, if the plan also
#   has one, is read as today when the result row marks nothing). `completed_raw` lists the
#   months the result row marks (`YYYY-MM;…`, like `planned_months`);
# - the result row's own texts (a wrapped name) join the record; its budget cell (money spent)
#   is never added to the activity's budget;
# - a table whose label column holds only `แผน` rows (results not reported yet) leaves status
#   empty, as a plan without results; a `แผน` row without its `ผล` row in a table that has pairs
#   is `unknown`; a `ผล` row with no `แผน` row above it is not an activity;
# - rows without a label (group rows, total rows) are read as before.
# (In such a table, as in every plan, a number in a month cell marks the month like a tick: see
# is_number_mark.)

_SEP = patterns.compile(r"\s*[/\-–—,]\s*")        # `แผน / ผล`, `แผน-ผล`: one spelling


@lru_cache(maxsize=1)
def _pr_words() -> tuple[frozenset, frozenset, frozenset]:
    """(header spellings, plan labels, result labels), squashed: headers.json's
    activity_plan.plan_result."""
    v = rules.load("headers")[FORM]["plan_result"]
    sq = lambda k: frozenset(C.squash(t) for t in v[k])
    return frozenset(_SEP.sub("/", h) for h in sq("head")), sq("plan"), sq("result")


def _pr_label(text: str) -> str:
    t = C.squash(text).strip(".:：")
    _, plan, result = _pr_words()
    return "plan" if t in plan else "result" if t in result else ""


def plan_result_column(table: Table, tf: TableForm, start: int, skip: set[int]) -> Optional[int]:
    """The column labelling each row `แผน` or `ผล`: headed so (`แผน/ผล`, `เป้าหมาย/ผลงาน`), or
    holding such labels on at least two rows, one of them `ผล`, and nothing else."""
    head, _, _ = _pr_words()
    rows = table.rows()
    for r in range(tf.header.start, min(start, table.n_rows)):
        for c in rows[r]:
            if c is not None and c.col not in skip and len(c.text) < 30 \
                    and _SEP.sub("/", C.squash(c.text)) in head:
                return c.col
    seen: dict[int, list[str]] = {}
    bad: set[int] = set()
    for r in range(start, table.n_rows):
        for c in rows[r]:
            if c is None or c.row != r or c.col in skip or c.colspan > 1 or not c.text.strip():
                continue
            lab = _pr_label(c.text) if len(c.text) < 20 else ""
            if lab:
                seen.setdefault(c.col, []).append(lab)
            else:
                bad.add(c.col)
    for col, labs in sorted(seen.items()):
        if col not in bad and len(labs) >= 2 and "result" in labs and "plan" in labs:
            return col
    return None


# a number written in a month cell: sessions, people, a share or the month's money (`2`, `15`,
# `1 ครั้ง`, `30 คน`, `50%`, `ร้อยละ 50`, `50,000`, `12,500.50`); a trailing comma is an amount a
# page cut (`150,` | `000`)
_NUM_MARK = patterns.compile(r"(?:ร้อยละ\s*)?[0-9๐-๙][0-9๐-๙,]*(?:\.[0-9๐-๙]+)?\s*(?:%|[ก-๎]{1,12}\.?)?")
_NONZERO = patterns.compile(r"[1-9๑-๙]")
# a tick carrying a footnote marker (`✓1`, `✓ 1/`, `✓(2)`)
_MARK_NOTE = patterns.compile(r"(.+?)\s*(?:[0-9๐-๙]{1,2}/?|[(（][0-9๐-๙]{1,2}[)）])")


def is_number_mark(text: str) -> bool:
    """A month cell holding a number other than nought: it marks the month like a tick (how many
    times, how many people, how much money that month). `0`, `0.00`, `0 ครั้ง` mark nothing."""
    t = C.clean(text)
    if not t or len(t) > 24:
        return False
    m = _NUM_MARK.fullmatch(t)
    if m is None:
        return False
    num = re.match(r"(?:ร้อยละ\s*)?([0-9๐-๙,.]+)", t).group(1)
    return _NONZERO.search(num) is not None


def is_noted_mark(text: str) -> bool:
    """A tick followed by a footnote marker (`✓1`, `✓ 1/`, `✓(2)`): a tick."""
    t = C.clean(text)
    if not t or len(t) > 12:
        return False
    m = _MARK_NOTE.fullmatch(t)
    return m is not None and is_mark(m.group(1))


def pair_rows(rows: list[RawRow]) -> list[RawRow]:
    """Each `ผล` row joins the `แผน` row above it (see the rules above); other rows are kept."""
    out: list[RawRow] = []
    last_plan: Optional[RawRow] = None
    achieved_of: Optional[RawRow] = None    # the plan row whose ผล row wrote the last achieved text
    for rr in rows:
        if rr.pr == "plan":
            last_plan, achieved_of = rr, None
            out.append(rr)
            continue
        if rr.pr != "result":
            if C.clean(rr.item) or C.split_item(C.clean(rr.name)).kind:
                last_plan = achieved_of = None          # a numbered row ends the pair above
            elif achieved_of is not None and C.clean(rr.target) and not any(
                    C.clean(getattr(rr, f)) for f in ("duration", "period", "start", "end", "budget")
                    if f not in rr.inherited):
                # a wrapped line under the pair (a PDF row per line): its target cell goes on
                # with the ผล row's achieved quantity, not the plan's target
                achieved_of.achieved = achieved_of.achieved + "\n" + rr.target
                rr.target = ""
            out.append(rr)
            continue
        plan, last_plan, achieved_of = last_plan, None, None
        if plan is None:
            continue                      # a result row with no plan row: not an activity
        plan.result_ticks = list(rr.ticks)
        if C.clean(rr.budget) and "budget" not in rr.inherited and not C.is_ditto(rr.budget):
            plan.spent = rr.budget
        if C.clean(rr.target) and not C.is_ditto(rr.target) and C.clean(rr.target) not in C.DASHES:
            plan.achieved = rr.target
            achieved_of = plan
        for f in ("name", "output", "responsible", "related", "result"):
            v = getattr(rr, f)
            if C.clean(v) and not C.is_ditto(v) and f not in rr.inherited \
                    and C.clean(v) != C.clean(getattr(plan, f)):
                setattr(plan, f, (getattr(plan, f) + "\n" + v) if C.clean(getattr(plan, f)) else v)
    return out


def pair_status(rec: Record, result_ticks: list[str]) -> None:
    """A pair's status from its result row's months against the plan's last month."""
    rec.completed_raw = ";".join(result_ticks)
    if not result_ticks:
        rec.status, rec.completed = "unknown", ""
        return
    if not rec.end:
        rec.status, rec.completed = "unknown", ""     # no planned month to measure against
        return
    last = max(result_ticks)
    if last >= rec.end:
        y, m = map(int, last.split("-"))
        rec.status, rec.completed = "done", C.month_end(date(y, m, 1)).isoformat()
    else:
        rec.status, rec.completed = "not_done", ""


# Two duration-like columns (`ระยะเวลา` with `2 เดือน` beside `ระยะเวลาดำเนินการ` with
# `ต.ค. 68 - พ.ย. 68`): the header maps one column per role, so the second is found here among
# the header cells no role took. Whichever holds counts (`3 เดือน`, a bare number) is the
# duration; the other is the period, read for the start and end.

def _count_like(text: str) -> bool:
    t = C.clean(text)
    return bool(_COUNT.search(t)) or re.fullmatch(r"[0-9๐-๙]+(?:\.[0-9๐-๙]+)?", t) is not None


@lru_cache(maxsize=1)
def _side_vocab() -> dict[str, list[str]]:
    return {r: C.vocab(FORM)[r] for r in ("start", "end")}


def period_sides(table: Table, tf: TableForm, gantt_cols: set) -> dict[str, int]:
    """{"start": column, "end": column} when a period banner (`ระยะเวลาดำเนินการ`, the duration
    role) stands over two sub-columns headed as a start and an end (`เริ่มต้น | สิ้นสุด`): each
    is a date of its own, not two halves of one period text; with "duration" too when the plan
    also has a duration column of its own beside the banner (`ระยะเวลา | ระยะเวลาดำเนินการ` over
    `เริ่มต้น | สิ้นสุด`). {} otherwise. In a text export the banner sits in its first column, the
    columns after it blank in its row."""
    hm = tf.header
    col = hm.roles.get("duration")
    if col is None or col in gantt_cols:
        return {}
    head = _HeaderView(table, tf)
    sides = _sides_under(table, tf, head, col, gantt_cols)
    if sides:
        return sides
    # the duration role went to a column of its own: another banner worded as a duration
    # (header cells were matched when the header was mapped: the match is cached)
    vocab = C.vocab(FORM)
    for r in range(hm.start, hm.rows):
        for k in range(table.n_cols):
            c = head.cell(r, k)
            if c is None or c.col != k or c.row != r or c.colspan < 2 or k == col \
                    or k in gantt_cols or not c.text.strip() or len(c.text) > 60:
                continue
            if C.match_role(c.text, vocab)[0] == "duration":
                sides = _sides_under(table, tf, head, k, gantt_cols)
                if sides:
                    return {**sides, "duration": col}
    return {}


def _sides_under(table: Table, tf: TableForm, head: "_HeaderView", col: int,
                 gantt_cols: set) -> dict[str, int]:
    """{"start": column, "end": column} of the sub-columns under the banner at ``col``."""
    hm = tf.header
    cell = head.cell
    banner_row = next((r for r in range(hm.start, hm.rows)
                       if cell(r, col) is not None and cell(r, col).text.strip()), None)
    if banner_row is None:
        return {}
    banner = cell(banner_row, col)
    taken = {c for r, c in hm.roles.items() if r != "duration"} | set(gantt_cols)
    cols = [k for k in range(banner.col, banner.col + banner.colspan) if k not in taken]
    k = banner.col + banner.colspan
    while k < table.n_cols and k not in taken:
        c = cell(banner_row, k)
        if c is not None and c.text.strip():
            break
        cols.append(k)
        k += 1
    sides: dict[str, int] = {}
    for k in cols:
        for r in range(banner_row + 1, min(head.last, table.n_rows)):
            c = cell(r, k)
            if c is None or c is banner or c.colspan != 1 or not c.text.strip() or len(c.text) > 40:
                continue
            role = C.match_role(c.text, _side_vocab())[0]
            if role and role not in sides:
                sides[role] = k
            break
    if len(sides) < 2 or sides["start"] >= sides["end"]:
        return {}
    return sides


def duration_columns(table: Table, tf: TableForm, start: int, gantt_cols: set,
                     layout: tuple[dict[str, int], dict[int, str]]) -> dict[str, int]:
    """{"duration": column, "period": column} when the header has two duration-like columns
    outside the months and no start / end columns; {"start": column, "end": column} for a period
    banner over start and end sub-columns (period_sides); {} otherwise. The duration-like header
    cells were matched when the header was mapped (the match is cached): no new fuzzy matching."""
    hm = tf.header
    first = hm.roles.get("duration")
    if first is None or "start" in hm.roles or "end" in hm.roles:
        return {}
    sides = period_sides(table, tf, gantt_cols)
    if sides:
        return sides
    taken = set(hm.roles.values()) | set(layout[0].values()) | set(layout[1]) | gantt_cols
    for rg in hm.spans.values():
        taken.update(range(*rg))
    vocab = C.vocab(FORM)
    cols = [first] if first not in gantt_cols else []
    for row in table.rows()[hm.start:hm.rows]:
        for c in row:
            if c is None or c.colspan != 1 or c.col in taken or c.col in cols \
                    or len(c.text) > 60 or not c.text.strip():
                continue
            if C.match_role(c.text, vocab)[0] == "duration":
                cols.append(c.col)
    if len(cols) < 2:
        return {"duration": cols[0]} if cols and cols[0] != first else {}
    a, b = cols[0], cols[1]
    cell = C.CellAt(table)
    counts = {a: 0, b: 0}
    for r in range(start, table.n_rows):
        for k in (a, b):
            c = cell(r, k)
            if c is not None and c.row == r and _count_like(c.text):
                counts[k] += 1
    if counts[b] > counts[a]:
        a, b = b, a
    return {"duration": a, "period": b}


def _with_ditto(last: dict, key: str, raw: str) -> str:
    """What a cell stands for: the text above it (kept in ``last``) when it is a ditto mark, else
    its own, kept for the rows below."""
    if C.is_ditto(raw):
        return last.get(key, ("", ""))[0]
    if raw:
        last[key] = (raw, raw)
    return raw


def _project_head(text: str) -> bool:
    """A header naming the project (`โครงการ`, `ชื่อโครงการ`, `แผนงาน`), not a joint caption
    (`โครงการ/กิจกรรม`): a plan heading's word or label, alone (see plan_heading)."""
    rx, not_after, _, _ = _plan_heading_rx()
    t = C.clean(text)
    m = rx.match(t)
    if m is None or m.group("num") or m.group("title"):
        return False
    after = t[m.end():].lstrip()
    return not any(after.startswith(w) for w in not_after) and len(after) <= 20


def project_column(table: Table, tf: TableForm, gantt_cols: set) -> Optional[tuple[int, int, tuple, tuple]]:
    """A project column left of the activity column (`โครงการ | กิจกรรม`, both headed with
    words of the name vocabulary, the left one a project's): (activity column, project column,
    their header spans); None for a table with one name column. The project column gives the
    activity rows their plan; header matching alone would take the first one for the name."""
    hm = tf.header
    if "name" not in hm.roles:
        return None
    vocab = _role_vocab("name")
    others = {c for r, c in hm.roles.items() if r != "name"}
    found: dict[int, tuple[tuple[int, int], str]] = {}
    for row in table.rows()[hm.start:hm.rows]:
        for c in row:
            if c is None or c.col in found or c.col in gantt_cols or c.col in others \
                    or not c.text.strip() or len(c.text) > 60:
                continue
            if C.match_role(c.text, vocab)[0] == "name":
                found[c.col] = ((c.col, c.col + c.colspan), c.text)
    # (a banner over both sub-headers is neither of them)
    found = {k: v for k, v in found.items()
             if not any(j != k and v[0][0] <= j < v[0][1] for j in found)}
    if len(found) != 2:
        return None
    (a, (sa, ta)), (b, (sb, tb)) = sorted(found.items())
    if not _project_head(ta) or _project_head(tb):
        return None
    return b, a, sb, sa


# a page's footer (or its number) printed inside the table, where a sheet or an export breaks
# its pages: `หน้า 1/2`, `หน้า 1 จาก 2`, `หน้าที่ 3`, `Page 2 of 5`, `- 2 -`
_PAGE_FOOTER = patterns.compile(r"^\s*(?:(?:หน้า(?:ที่)?|page|p\.)\s*[0-9๐-๙]{1,4}(?:\s*(?:/|จาก|of)\s*[0-9๐-๙]{1,4})?"
                                r"|[-–—]\s*[0-9๐-๙]{1,4}\s*[-–—])\s*$", re.I)


def is_page_footer(texts: list[str]) -> bool:
    """A row whose only text is a page footer (see _PAGE_FOOTER): page furniture, not the
    wrapped text of the item above."""
    t = " ".join(C.clean(x) for x in texts if C.clean(x))
    return 0 < len(t) <= 30 and _PAGE_FOOTER.match(t) is not None


def read_rows(table: Table, tf: TableForm, gantt: Gantt, start: int,
              layout: Optional[tuple[dict[str, int], dict[int, str]]] = None,
              durations: Optional[dict[str, int]] = None, end: Optional[int] = None) -> list[RawRow]:
    """The item rows of a plan table from ``start`` (up to ``end``: its signature block's rows,
    see signature_row, are no items); ``layout`` its tail_layout, when the caller has it;
    ``durations`` its duration_columns, when the caller has them."""
    hm = tf.header
    grid_rows = table.rows()
    cell = C.CellAt(table)
    gantt_cols = gantt.columns
    # a month column is never a lead column: a timeline banner worded like a duration
    # (`ระยะเวลาดำเนินการ พ.ศ. 2573` over the twelve months) matches the duration role
    fixed = {r: hm.roles[r] for r in ("item", "name", "duration", "start", "end")
             if r in hm.roles and hm.roles[r] not in gantt_cols}
    tail_cols, extra_cols = layout or tail_layout(table, tf, gantt_cols)
    if durations is None:
        durations = duration_columns(table, tf, start, gantt_cols, (tail_cols, extra_cols))
    head_spans = dict(hm.spans)
    if "start" in durations and "duration" not in durations:
        fixed.pop("duration", None)     # a period banner over start and end (period_sides)
    for role, col in durations.items():
        fixed[role] = col
        head_spans[role] = (col, col + 1)
    proj = project_column(table, tf, gantt_cols)
    if proj is not None:
        fixed["name"], fixed["project"] = proj[0], proj[1]
        head_spans["name"], head_spans["project"] = proj[2], proj[3]
    col_role_base = {c: r for r, c in tail_cols.items()}
    col_role_base.update(extra_cols)
    # a lead column's header may span several columns (`กิจกรรม` over number and text)
    spans = {role: range(col, max(col + 1, min(head_spans.get(role, (col, col + 1))[1],
                                               min(gantt_cols | {table.n_cols}))))
             for role, col in fixed.items()}
    taken = {c for rg in spans.values() for c in rg}
    for role, rg in spans.items():
        if len(rg) > 1 and any(k in taken for k in rg if k != rg[0] and k in fixed.values()):
            spans[role] = range(rg[0], rg[0] + 1)
    lead_cols = {c for rg in spans.values() for c in rg}
    pr_col = plan_result_column(table, tf, start, lead_cols | gantt_cols | set(tail_cols.values()))
    if pr_col is not None:
        lead_cols = lead_cols | {pr_col}
    # results by round (see _round_results): the round of each results column
    rounds = _round_columns(table, tf, _HeaderView(table, tf), set()) \
        if sum(1 for v in extra_cols.values() if v == "result") > 1 else {}
    pending = []
    for r in range(start, table.n_rows if end is None else end):
        cells = [(c.col, c.text) for c in grid_rows[r] if c is not None]
        texts = [t for _, t in cells if t.strip()]
        if not texts and not any(c.shaded for c in grid_rows[r] if c is not None):
            continue
        if _is_header_row(texts) or (r == start and _is_subheader_row(table, tf, r, cell, grid_rows)):
            continue
        if len(texts) <= 3 and is_page_footer(texts):
            continue
        if len(texts) >= 4 and is_column_number_row(cells):
            continue
        rr = RawRow(table, r)
        for role, col in fixed.items():
            parts = []
            for k in spans[role]:
                c = cell(r, k)
                if c is not None and c.row == r and c.col == k and c.text.strip():
                    parts.append(c.text)
            if parts:
                setattr(rr, role, " ".join(parts))
        if rr.project and not C.clean(rr.name):
            # a row that fills the project column alone is the project's (its heading, its
            # total): the project is its text
            rr.name, rr.project, rr.project_row = rr.project, "", True
        if pr_col is not None:
            c = cell(r, pr_col)
            if c is not None and c.row == r:
                rr.pr = _pr_label(c.text)
        tail = []
        for c in grid_rows[r]:
            if c is None or c.col in lead_cols:
                continue
            t = c.text
            # (most month cells are empty: no text rule to ask)
            if c.col in gantt_cols and (c.shaded or bool(t) and (
                    is_mark(t) or is_noted_mark(t) or c.col not in gantt.no_number and (
                        is_gantt_word(t) or is_day_range(t)
                        or (pr_col is not None and is_number_mark(t))))):
                for k in range(c.colspan):
                    for y2 in gantt.months(c.col + k):
                        if y2 not in rr.ticks:
                            rr.ticks.append(y2)
                    if c.col + k in gantt.corrected:
                        rr.misspelt_months.append(gantt.corrected[c.col + k])
                continue
            if c.text.strip() and not is_mark(c.text):
                tail.append((c.col, c.text))
        best, shifts = _tail_shift_options(tail, col_role_base)
        # a row with nothing beside its months but numbers in them (a heading's sums, a plan
        # without trailing columns filled): they are its marks, no evidence of a shifted row
        numbers_only = bool(tail) and all(
            c in gantt_cols and c not in gantt.no_number and is_number_mark(t) for c, t in tail)
        if 0 not in shifts and _fits_unshifted(tail, col_role_base, gantt):
            # a spending plan's row (amounts in its month cells, `รวม 160,000 | | 10,000 | …`):
            # every cell already sits under its own header, the month amounts under their
            # months; a shift would only read a month's amount as the budget
            best, shifts = sum(1 for c, _ in tail if col_role_base.get(c) not in (None, _SKIP)), [0]
        if 0 not in shifts:
            # a column a cell merged down from above holds at this row (the responsible unit
            # merged over the table) takes none of the row's own cells: a shift into it is no
            # shift (`ไม่ใช้งบประมาณ` in the budget column is not the unit, moved left)
            held = {c.col for c in (cell(r, k) for k in range(table.n_cols))
                    if c is not None and c.row < r and c.text.strip()}
            free = [s for s in shifts if not any(c - s in held for c, _ in tail)]
            if not free:
                best, shifts = 0, [0]
            elif len(free) < len(shifts):
                shifts = free
        pending.append((rr, tail, best, shifts, numbers_only))
    # the shift most rows agree on settles rows that fit several
    votes: dict[int, int] = {}
    for _, _, best, shifts, numbers_only in pending:
        if len(shifts) == 1 and best and not numbers_only:
            votes[shifts[0]] = votes.get(shifts[0], 0) + 1
    usual = max(votes, key=lambda s: (votes[s], -abs(s))) if votes else 0
    out = []
    for rr, tail, best, shifts, numbers_only in pending:
        s = usual if (usual in shifts or numbers_only) else min(shifts, key=abs)
        result_round = -1
        for c, t in tail:
            role = col_role_base.get(c - s)
            if role == "result" and (c - s) in rounds:
                # the latest round that reports something is the item's result
                if rounds[c - s] > result_round:
                    result_round, rr.result = rounds[c - s], t
                continue
            if role in (_SKIP, _SKIP_AMOUNT):
                continue
            if role is None and c in gantt_cols and c not in gantt.no_number and is_number_mark(t):
                # a number in a month cell the row's layout gives no other role: it marks the
                # month (its span's months), like a tick
                cs = cell(rr.row, c).colspan if cell(rr.row, c) is not None else 1
                for k in range(cs):
                    for y2 in gantt.months(c + k):
                        if y2 not in rr.ticks:
                            rr.ticks.append(y2)
                            rr.num_ticks.add(y2)
                continue
            if role == "budget" and extra_cols.get(c - s) == "budget":
                rr.budget_parts.append(t)   # one of several budget sub-columns
            if role == "unit":
                # the target's unit column: the unit as written, also read with the target
                rr.unit = t
                if C.is_ditto(t) or C.clean(t) in C.DASHES:
                    continue
                role = "target"
            if role is None:
                # text in the Gantt area or an unlabelled column: keep it beside the output
                if c < min(tail_cols.values(), default=10 ** 6) and c not in gantt_cols:
                    continue
                role = "output" if "output" in tail_cols else None
                if role is None:
                    continue
            prev = getattr(rr, role)
            # (a target's number and its unit in two columns read as one text; other columns
            # of one role, side by side: ` | ` between them)
            setattr(rr, role, (prev + (" " if role == "target" else " | ") + t) if prev else t)
        if s == 0:
            # a cell merged down over several items holds for each of them (not a budget:
            # one amount for several items is not each item's amount)
            for role, col in list(fixed.items()) + list(tail_cols.items()):
                if role in ("item", "name", "budget", "target") or getattr(rr, role):
                    continue
                c = cell(rr.row, col)
                if c is not None and c.row < rr.row and c.text.strip():
                    setattr(rr, role, c.text)
                    rr.inherited.add(role)
        rr.ticks.sort()
        out.append(rr)
    return out


# ---------------------------------------------------------------- dates

@dataclass
class DateRead:
    """A date text read into possible periods, best first."""
    raw: str
    status: str = ""
    options: list[tuple[date, date]] = field(default_factory=list)  # best first
    note: str = ""
    fixed: str = ""
    open_end: str = ""    # `ต.ค. 67 - ปัจจุบัน`, `ปัจจุบัน`: the word that leaves the period open


def _read_date(text: str, fy: Optional[int]) -> DateRead:
    raw = C.clean(text)
    if not raw:
        return DateRead("", "")
    dv = C.N().parse_date(raw, fy)
    d = DateRead(raw, dv.status, note=dv.note or "", fixed=getattr(dv, "fixed", "") or "")
    if (dv.start is not None and dv.end is None) or dv.status == INVALID:
        d.open_end = open_end(raw)
        if d.open_end and dv.status == INVALID:          # `ปัจจุบัน` alone: no date, no end
            d.status, d.note = AMBIGUOUS, dv.note
    if dv.status == INVALID and not d.open_end:
        sides = reversed_range(raw, fy)
        if sides is not None:
            # `ส.ค. 2570 - ก.ค. 2570`: a period written end before start keeps its two dates
            # (start of the first side, end of the second) for the validator's START_AFTER_END;
            # a misspelling in a side is reported as corrected
            lv, rv = sides
            d.status = CORRECTED if CORRECTED in (lv.status, rv.status) else OK
            d.note = "; ".join(v.note for v in sides if v.note)
            d.fixed = " - ".join((v.fixed or v.text) for v in sides) if d.status == CORRECTED else ""
            d.options.append((lv.start, rv.end))
            return d
    if dv.start is not None:
        d.options.append((dv.start, dv.end or dv.start))
    for a in dv.alternatives or []:
        if a not in d.options:
            d.options.append(tuple(a))
    return d


def _spans_months(opt: tuple[date, date]) -> bool:
    return (opt[0].year, opt[0].month) != (opt[1].year, opt[1].month)


def settle_dates(s: DateRead, e: DateRead, months: Optional[float], fy: Optional[int],
                 ticks: tuple = ()):
    """Pick the start and end readings that agree with the stated duration, each other, the
    fiscal year and the months the row's Gantt marks (``ticks``, `YYYY-MM`: a misspelt `มิ.ค.`
    in a row that ticks June is June); returns ((start, end) option indexes) as dates or None."""
    if len(s.options) < 2 and len(e.options) < 2:
        # one reading each: nothing to settle
        return (s.options[0] if s.options else None), (e.options[0] if e.options else None)
    bounds = C.N().fiscal_year_bounds(fy) if fy else None
    s_opts = s.options or [None]
    e_opts = e.options or [None]
    marked = set(ticks)
    best, pick = None, (None, None)
    for i, so in enumerate(s_opts):
        for j, eo in enumerate(e_opts):
            score = -0.5 * (i + j)
            sd = so[0] if so else None
            ed = eo[1] if eo else None
            if sd and ed:
                n = C.months_between(sd, ed)
                if n >= 1:
                    score += 2
                if months is not None and n >= 1 and abs(n - max(1.0, months)) < 0.51:
                    score += 4
            for d in (sd, ed):
                if d and bounds and bounds[0] <= d <= bounds[1]:
                    score += 1
                if d and marked and C.ym(d) in marked:
                    score += 3
            if sd and ed and bounds and bounds[0] <= sd <= ed <= bounds[1]:
                # a period wholly inside the plan's fiscal year, in order: `เม.ย. - มิ.ค. 69` is
                # April to June 2569, not April 2568 to March 2569 by the year written once
                score += 1
            if best is None or score > best:
                best, pick = score, (so, eo)
    return pick


def _note(field_name: str, d: DateRead, chosen: Optional[tuple[date, date]], rec: Record, is_end: bool):
    if not d.raw:
        return ""
    if d.open_end:
        # an open-ended period gives its start and no end (the validator raises DATE_MISSING
        # for the end); it is no misspelling to report as corrected
        return AMBIGUOUS if is_end or not d.options else OK
    if d.status == INVALID or not d.options:
        return INVALID          # the validator raises DATE_UNPARSEABLE from the status
    first = d.options[0]
    if chosen is not None and (chosen != first or d.status in (CORRECTED, AMBIGUOUS)) \
            and _side_as_written(d, chosen, rec, is_end):
        # one cell's period (`เม.ย. - มิ.ค. 69`) corrected or read another way for its misspelt
        # side: the side written right is no correction (its year may move with the other side)
        return OK
    if chosen is not None and chosen != first:
        month = (chosen[1] if is_end else chosen[0])
        note = f"read as {month:%Y-%m} from the row's duration and dates" + (f"; {d.note}" if d.note else "")
        rec.date_notes.append((field_name, d.raw, _fixed_text(d.raw, month), note))
        return CORRECTED
    if d.status in (CORRECTED, AMBIGUOUS):
        month = chosen[1] if (chosen and is_end) else (chosen or first)[0]
        rec.date_notes.append((field_name, d.raw, d.fixed or _fixed_text(d.raw, month), d.note))
        return CORRECTED
    return d.status or OK


def _side_as_written(d: DateRead, chosen: tuple[date, date], rec: Record, is_end: bool) -> bool:
    """Whether this side of a one-cell period (its part as split_period gave it) reads, alone and
    without correction, as the month chosen for it, while the other side does not read alone
    without correction: the correction is the other side's."""
    side, other = (rec.end_raw, rec.start_raw) if is_end else (rec.start_raw, rec.end_raw)
    if not side or not other or d.raw in (side, other) or C.is_ditto(side) or C.is_ditto(other):
        return False
    want = chosen[1] if is_end else chosen[0]
    # (a side without its year, `เม.ย.`, reads in the chosen date's fiscal year)
    fy = C.N().fiscal_year_of(want)
    v, o = C.N().parse_date(side, fy), C.N().parse_date(other, fy)
    if not v.ok or v.status != OK or v.alternatives or v.start is None:
        return False
    if o.ok and o.status == OK and not o.alternatives:
        return False            # both sides clean: the cell's correction is the whole's
    got = (v.end or v.start) if is_end else v.start
    return got.month == want.month


# where a period written in one cell divides into its start and its end
_RANGE_SEP = patterns.compile(r"\s*(?:[-–—~]|(?:จน\s*)?ถึง\s*(?:วันที่)?)\s*")


def split_period(text: str, d: DateRead) -> tuple[str, str]:
    """The part of a one-cell period that gives its start and the part that gives its end, as
    written (`1 ต.ค. 2568 - 30 ธ.ค. 2568` -> `1 ต.ค. 2568`, `30 ธ.ค. 2568`; `พ.ย. - ธ.ค. 2564` ->
    `พ.ย.`, `ธ.ค. 2564`). A cell that does not divide at a range mark into a start and an end
    that read as the cell's own first and last day (a single month, `1-15 ต.ค. 68`,
    `ไตรมาสที่ 1-2`) gives its whole text for both."""
    text = C.clean(text)
    if not d.options or C.is_ditto(text):
        return text, text
    if d.open_end:
        # `ต.ค. 67 - ปัจจุบัน` -> `ต.ค. 67`, `ปัจจุบัน`; `ตั้งแต่ พ.ย. 67 เป็นต้นไป` stays whole
        for m in _RANGE_SEP.finditer(text):
            left, right = text[:m.start()].strip(), text[m.end():].strip()
            if left and right and open_end(right):
                return left, right
        return text, text
    starts = {o[0] for o in d.options}
    ends = {o[1] for o in d.options}
    fy_of = C.N().fiscal_year_of
    for m in _RANGE_SEP.finditer(text):
        left, right = text[:m.start()].strip(), text[m.end():].strip()
        if not left or not right or m.start() == 0:
            continue
        lv = C.N().parse_date(left, fy_of(min(starts)))
        rv = C.N().parse_date(right, fy_of(max(ends)))
        if not (lv.ok and rv.ok) or "range" in (lv.granularity, rv.granularity):
            continue
        l_starts = {lv.start} | {a[0] for a in lv.alternatives or []}
        r_ends = {rv.end} | {a[1] for a in rv.alternatives or []}
        if l_starts & starts and r_ends & ends:
            return left, right
    return text, text


def wrong_side(text: str, fy: Optional[int]) -> Optional[tuple[str, str]]:
    """A one-cell period that reads as no date only for one side written wrong (`ตั้งแต่ 32 ก.ค.
    68 ถึง 31 ส.ค. 68`): its start part and its end part, as written, when it divides at a range
    mark into a side that reads as a date and one that holds a figure but no date; None
    otherwise (text that is no period, `ดำเนินการต่อเนื่อง`, or a cell with no side to keep)."""
    text = C.clean(text)
    for m in _RANGE_SEP.finditer(text):
        left, right = text[:m.start()].strip(), text[m.end():].strip()
        if not left or not right or m.start() == 0:
            continue
        lv, rv = C.N().parse_date(left, fy), C.N().parse_date(right, fy)
        good = [v.status in (OK, CORRECTED) and v.start is not None for v in (lv, rv)]
        bad = [v.status == INVALID and bool(_DIGIT.search(v.text)) for v in (lv, rv)]
        if (good[0] and bad[1]) or (good[1] and bad[0]):
            return left, right
    return None


def _fixed_text(raw: str, d: date) -> str:
    """The raw date respelt with the canonical month abbreviation of the chosen reading."""
    from pipeline.normalize.months import ABBR
    yy = re.search(r"([0-9๐-๙]{2,4})\s*$", raw)
    if not yy:
        return ABBR[d.month]
    # the chosen month's own year, written as the raw text writes years (`ต.ค., ธ.ค. 67 และ ก.พ. 68`
    # read as October 2024 is `ต.ค. 67`, not `ต.ค. 68`)
    be = d.year + 543
    return f"{ABBR[d.month]} {be % 100:02d}" if len(yy.group(1)) == 2 else f"{ABBR[d.month]} {be}"


# ---------------------------------------------------------------- results

_TICK = patterns.compile(r"^\s*[✓✔√☑]")
_PERCENT = patterns.compile(r"ร้อยละ\s*([0-9๐-๙]+(?:\.[0-9๐-๙]+)?)|([0-9๐-๙]+(?:\.[0-9๐-๙]+)?)\s*%")
_FILLER = patterns.compile(r"[\s()（）\[\]:：.,✓✔√☑]|เมื่อ|วันที่|ณ")


def read_result(text: str, fy: Optional[int]) -> tuple[str, str]:
    """(status, completed) of an item from its results cell: `done` (with the day it names,
    `แล้วเสร็จ 20/10/2568` -> 2025-10-20; a tick; a day alone), `not_done` (`อยู่ระหว่าง
    ดำเนินการ`, `ยังไม่…`, progress short of 100 %), `unknown` when the cell is empty or says
    neither."""
    t = C.clean(text)
    if not t:
        return "unknown", ""
    if C.RESULT_NOT_DONE.search(t):
        return "not_done", ""
    pct = _PERCENT.search(t)
    if pct:
        v = C.amount_value(pct.group(1) or pct.group(2))
        if v is not None and v < 100:
            return "not_done", ""       # `ดำเนินการแล้ว ร้อยละ 60`: under way, not done
    status = "done" if (C.RESULT_DONE.search(t) or _TICK.match(t)) else "unknown"
    for m in C.DAY_WRITTEN.finditer(t):
        dv = C.N().parse_date(C.clean(m.group(0)), fy)
        if not (dv.ok and dv.granularity == "day" and dv.start is not None):
            continue
        # a day is the completion when the cell says done or holds nothing but the day
        # (`20/10/2568`, `เมื่อ 20 ต.ค. 68`); `ขยายเวลาถึง 30/11/2568` is not a completion
        rest = _FILLER.sub("", t[:m.start()] + t[m.end():])
        if status == "done" or not rest:
            return "done", dv.start.isoformat()
    return status, ""


def set_result(rec: Record, raw: str, text: str, fy: Optional[int]) -> None:
    """The item's status and completion from its results cell (`text`, a ditto mark resolved);
    the cell as written stays in `completed_raw`."""
    rec.completed_raw = C.clean(raw)
    rec.status, rec.completed = read_result(text, fy)


# ---------------------------------------------------------------- approval


def parse_approval(paras: list[Paragraph], loc: Location) -> Optional[Approval]:
    texts = [C.clean(p.text) for p in paras if C.clean(p.text)]
    start = None
    for i, t in enumerate(texts):
        sq = C.squash(t)
        if "พิจารณาเห็นชอบ" in sq or "เห็นชอบ" in sq or sq.startswith("ลงนาม") or sq.startswith("ลงชื่อ") \
                or _ROLE_SIGN.match(t) or (_ROLE_DOTTED.match(t) and _dated_below(texts, i)):
            start = i
            break
    if start is None:
        return None
    block = []
    for t in texts[start:]:
        if "แบบฟอร์มที่" in C.squash(t) and block:
            break
        block.append(t)
        if len(block) > 14:
            break
    ap = Approval(loc=loc, raw="\n".join(block))
    roles = ("ผู้รับมอบอำนาจ", "ลงชื่อ", "ลงนาม", "ตำแหน่ง", "ผู้เสนอ", "ผู้อนุมัติ", "ผู้เห็นชอบ",
             "ผู้จัดทำ", "ผู้ตรวจสอบ", "ผู้รับรอง", "ผู้รายงาน", "ผู้บันทึก", "ผู้รวบรวม", "ผู้ให้ข้อมูล")
    name_i = None
    for i, t in enumerate(block):
        for m in re.finditer(r"[(（]\s*([^()（）]+?)\s*[)）]", t):
            inner = m.group(1).strip()
            if any(r in inner for r in roles) or not re.search(f"[{C.THAI}A-Za-z]{{2,}}", inner) \
                    or re.fullmatch(r"[.\s…_]+", inner) or _POSITION_HEAD.match(inner):
                continue        # a role, a dotted blank or a position (`(ผู้อำนวยการกอง…)`): no name
            ap.signatory = C.clean(inner)
            name_i = i
            break
        if name_i is not None:
            break
    line_position = ""
    if name_i is None:
        for i, t in enumerate(block):
            m = re.match(r"^(?:ลงชื่อ|ลงนาม)\s*[.…_\s]*([ก-๙A-Za-z][^.…_]{3,})$", t)
            if m and not re.search(r"วันที่", m.group(1)) and not any(r in m.group(1) for r in roles):
                if _POSITION_HEAD.match(m.group(1)):
                    # `ลงชื่อ ........ ผู้อำนวยการกองแผนงาน`: the signer's position after a blank
                    # left for the signature; the name is still to be signed
                    line_position = C.clean(m.group(1))
                    continue
                ap.signatory = C.clean(re.split(_POSITION_WORDS, m.group(1))[0])
                name_i = i
                break
    signs = [i for i, t in enumerate(block) if _SIGN_LINE.match(t) or _ROLE_SIGN.match(t)]
    if name_i is None and signs:
        # a signer's part in one paragraph (`ผู้อนุมัติแผน ลงชื่อ นาย… ผู้ว่าราชการ… วันที่ …`):
        # the last signer's name, up to their position or the date; a dotted line is no name
        m = _INLINE_NAME.search(block[signs[-1]])
        if m:
            # (up to their position or their role: `ลงชื่อ นาย… ผู้รับรองข้อมูล ตำแหน่ง …`)
            name = re.split(_POSITION_WORDS, m.group(1))[0]
            name = re.split(rf"\s(?={_SIGNER_ROLES})", name)[0]
            if re.search(f"[{C.THAI}A-Za-z]{{2,}}", name) and not any(r in name for r in roles) \
                    and not _POSITION_HEAD.match(name):
                ap.signatory = C.clean(name)
                name_i = signs[-1]
    pos_lines = []
    for t in block[(name_i + 1 if name_i is not None else 1):]:
        sq = C.squash(t)
        if sq.startswith("(") or "วันที่" in sq:
            continue
        if re.search(r"ผู้ว่าราชการ|ปลัด|ผู้อำนวยการ|หัวหน้า|อธิบดี|นายอำเภอ|รอง|ตำแหน่ง|ผู้บริหาร|ผู้อำนวย|ผู้ตรวจ|ประธาน", t):
            pos = re.sub(r"^ตำแหน่ง\s*[:：]?\s*", "", t)
            if re.fullmatch(r"[.…_\s]*", pos):
                continue            # `ตำแหน่ง ..........`: a blank left to fill, no position
            pos_lines.append(pos)
        if len(pos_lines) >= 2:
            break
    ap.position = C.clean(" ".join(pos_lines)) or line_position
    # several signers (ผู้จัดทำ … ผู้อนุมัติ), each `ลงชื่อ` line opening its part: the last one
    # signs the approval, its own date line is the approval's date (a dotted one: undated)
    dates = block
    if len(signs) >= 2 and any(_DATE_LINE.search(t) for t in block[signs[-1]:]):
        dates = block[signs[-1]:]
    for t in dates:
        m = _DATE_LINE.search(t)
        if m:
            raw = re.sub(r"^[.…_\s]+|[.…_\s]+$", "", m.group(1))
            if raw and re.search(r"[0-9๐-๙]", raw):
                dv = C.N().parse_date(raw)
                ap.date_raw = raw
                if dv.ok and dv.granularity == "day":
                    ap.date = dv.start.isoformat()
            break
    else:
        # no `วันที่` line: a date written bare, at the end of a signer's line or on a line of its
        # own (`… ผู้อำนวยการ ๒๕ ก.ย. ๒๕๖๙`, `๒๕ กันยายน ๒๕๖๙`), as Thai letters date a signature
        for t in dates:
            m = _BARE_DATE.search(t)
            if m:
                dv = C.N().parse_date(m.group(1))
                if dv.ok and dv.granularity == "day":
                    ap.date_raw, ap.date = m.group(1), dv.start.isoformat()
                    break
    return ap


# a day, a Thai month word and a year ending a line (`๒๕ ก.ย. ๒๕๖๙`, `25 กันยายน 2569`)
_BARE_DATE = patterns.compile(r"(?<![0-9๐-๙])([0-9๐-๙]{1,2}[ \u00a0]*[ก-ฮ][ก-๙.]{1,11}[ \u00a0]*(?:พ\.[ \u00a0]?ศ\.[ \u00a0]?)?[0-9๐-๙]{2,4})[ \u00a0]*$")


_SIGN_LINE = patterns.compile(r"^\s*[(（]?\s*(?:ลงชื่อ|ลงนาม)")
# a signer's role before their `ลงชื่อ` (`ผู้จัดทำแผน ลงชื่อ …`, `ผู้อนุมัติ : ลงชื่อ …`)
_ROLE_SIGN = patterns.compile(r"^\s*ผู้[ก-๙]{1,20}\s*[:：]?\s*(?:ลงชื่อ|ลงนาม)")
# a signer's role and the dotted line left for their signature, without `ลงชื่อ`
# (`ผู้รายงาน ..........`, `ผู้จัดทำแผน : ______`, `.......... ผู้อนุมัติ`): a signature block. Only
# the roles of those who sign a plan (not `ผู้รับผิดชอบ`, a column's or a note's word), at the
# start of the line, with a date field to fill (see _dated_below).
_SIGNER_ROLES = r"ผู้(?:รายงาน|จัดทำ|เสนอ|อนุมัติ|รับรอง|ตรวจสอบ|เห็นชอบ|บันทึก|รวบรวม|ให้ข้อมูล)"
_ROLE_DOTTED = patterns.compile(rf"^\s*(?:{_SIGNER_ROLES}[ก-๙ ]{{0,20}}[:：]?\s*[.…_]{{3,}}"
                                rf"|[(（]?\s*[.…_]{{3,}}\s*[)）]?\s*{_SIGNER_ROLES})")


def _dated_below(texts: list[str], i: int) -> bool:
    """A signer's dotted line with a date field on it or close below (`วันที่ ..../..../....`): a
    signature block to fill, not a line naming who proposed the plan (`ผู้เสนอ ..... (นาง…)`)."""
    return any("วันที่" in t for t in texts[i:i + 4])


def closing_approval(doc: Document) -> Optional[Approval]:
    """The signature block a document closes with, after its last table (`ผู้รับรองข้อมูล
    ลงชื่อ …` / `(…)` / `วันที่ …` under a form 7.2 or a KPI report): read as an activity plan's
    approval is (see parse_approval), from its first signature line; None when the text after
    the last table has none (prose that mentions approval, `…ได้รับความเห็นชอบ…`, is no block)."""
    tail: list[Paragraph] = []
    last_table = None
    for b in doc.blocks():
        if isinstance(b, Table):
            tail, last_table = [], b
        elif isinstance(b, Paragraph) and C.clean(b.text):
            tail.append(b)
    if last_table is None or not tail:
        return None
    texts = [C.clean(p.text) for p in tail]
    for i, t in enumerate(texts):
        if _SIGN_LINE.match(t) or _ROLE_SIGN.match(t) or (_ROLE_DOTTED.match(t) and _dated_below(texts, i)):
            ap = parse_approval(tail[i:], Location(page=(tail[i].page if doc.format == "pdf" else None),
                                                   table=last_table.index))
            if ap is not None and ap.signatory and not _DATE_LINE.search(ap.raw):
                return None     # signed, with no date field to fill: nothing left blank
            return ap
    return None


# the name written after `ลงชื่อ` on the line (not a dotted line), up to the date
_INLINE_NAME = patterns.compile(r"(?:ลงชื่อ|ลงนาม)\s*[:：]?\s*([^\s.…_](?:[^.…_]|(?<=[ก-๙A-Za-z])\.(?=[ก-๙A-Za-z ]))*?)"
                                r"\s*(?:วันที่.*)?$")
_POSITIONS = (r"ผู้ว่าราชการ|ปลัด|ผู้อำนวยการ|หัวหน้า|อธิบดี|นายอำเภอ|รอง(?!ศาสตราจารย์)|ตำแหน่ง|ผู้บริหาร"
              r"|ประธาน|นายกเทศมนตรี|นายกองค์การ|คณบดี|อธิการบดี|เลขาธิการ|ผู้จัดการ|ผู้ช่วย(?!ศาสตราจารย์)"
              r"|ผู้ตรวจราชการ|ผู้บัญชาการ|ผู้บังคับการ|ผู้กำกับการ")
_POSITION_WORDS = rf"\s(?={_POSITIONS})"
# text that opens with a position is the signer's position, never their name (a person's name
# opens with a title, a rank or the name itself: `นาย…`, `ดร.…`, `รองศาสตราจารย์…`)
_POSITION_HEAD = patterns.compile(rf"^\s*(?:{_POSITIONS})")
_DATE_LINE = patterns.compile(r"วันที่\s*(.*)$", re.M)


# A cell that opens a signer's part (`ลงชื่อ ......`, `ลงนาม :`, `ผู้อนุมัติแผน ลงชื่อ …`): not an
# activity that signs something (`ลงนามบันทึกข้อตกลง…`, `ลงนาม MOU`)
_SIGN_CELL = patterns.compile(r"^\s*[(（]?\s*(?:ลงชื่อ|ลงนาม)(?:\s*[:：.…_(（]|\s*$|\s+(?!บันทึก|ข้อตกลง|สัญญา|ความร่วมมือ|MOU)"
                              r"|(?=นาย|นาง|น\.ส\.|ว่าที่|ดร\.))")
_SIGN_ROW_CELLS = 4         # a signature row fills few cells: a role, the line, a name, a date


def _line_kind(part: str) -> str:
    """What a signature block's cell holds: the signature line, the name in brackets, the
    position or the date (other text, a signer's role, has no kind)."""
    if _SIGN_CELL.match(part) or _ROLE_SIGN.match(part):
        return "sign"
    if part.startswith(("(", "（")):
        return "name"
    if part.startswith("ตำแหน่ง"):
        return "position"
    return "date" if part.startswith("วันที่") else ""


def _row_lines(cells: list) -> list[str]:
    """A sheet row of a signature block as lines: its cells side by side (`ผู้อนุมัติแผน |
    ลงชื่อ …… | วันที่ ……`) are one line, as a Word document writes it, but a cell of a kind the
    line already holds opens a line of its own (two signers side by side: `ลงชื่อ …… | ลงชื่อ
    ……`, `วันที่ …… | วันที่ ……`), and so does each line of a cell."""
    lines: list[str] = []
    kinds: set[str] = set()
    for c in cells:
        for k, part in enumerate(t for t in c.text.split("\n") if t.strip()):
            part = part.strip()
            kind = _line_kind(part)
            if lines and k == 0 and not (kind and kind in kinds):
                lines[-1] += " " + part
            else:
                lines.append(part)
                kinds = set()
            kinds.add(kind)
    return lines


def _sign_row(row: list, r: int) -> bool:
    """Whether row ``r`` of a table (its cells, Table.rows) opens a signature block: few cells,
    no item number, its text (cells joined) a `ลงชื่อ` line or a signer's role before one."""
    cells = [c for c in row if c is not None and c.row == r and c.text.strip()]
    if not cells or len(cells) > _SIGN_ROW_CELLS or C.split_item(cells[0].text).kind:
        return False
    t = C.clean(" ".join(c.text for c in cells))
    return bool(_SIGN_CELL.match(t) or _ROLE_SIGN.match(t))


def signature_row(table: Table, start: int) -> Optional[int]:
    """The row from which a plan table's last rows are its signature block (a spreadsheet
    writes `ผู้อนุมัติแผน | ลงชื่อ …… | วันที่ ……` in cells under the items): none of them is an
    item."""
    rows = table.rows()
    for r in range(start, table.n_rows):
        if _sign_row(rows[r], r):
            return r
    return None


def table_lines(table: Table, first: int = 0) -> list[Paragraph]:
    """A table's rows from ``first`` as the lines of a signature block (see _row_lines)."""
    out = []
    for r in range(first, table.n_rows):
        cells = [c for c in table.rows()[r] if c is not None and c.row == r and c.text.strip()]
        for line in _row_lines(cells):
            out.append(Paragraph(text=line, raw=line, page=cells[0].page or table.page))
    return out


def closing_lines(doc: Document, table: Table, claimed: set[int]) -> list[Paragraph]:
    """The text after a plan table when a signature block follows in a small table of its own
    (a sheet's `ผู้อนุมัติแผน | ลงชื่อ …… | | วันที่ ……` rows under a blank row): the lines
    after the table, those tables' rows as lines, up to the next table of the plan or any other
    grid; empty when no such table follows (the paragraphs after it are the whole block)."""
    blocks = list(doc.blocks())
    at = next((i for i, b in enumerate(blocks) if isinstance(b, Table) and b.index == table.index), None)
    if at is None:
        return []
    out: list[Paragraph] = []
    signed = False
    for b in blocks[at + 1:]:
        if isinstance(b, Paragraph):
            if C.clean(b.text):
                out.append(b)
            continue
        if b.index in claimed:
            break
        if is_text_table(b):
            # (lines of text in one or two columns: recognize reads them as paragraphs, and
            # they are in the paragraphs after the table)
            out.extend(as_paragraphs(b))
            continue
        rows = [[c for c in row if c is not None and c.text.strip()] for row in b.rows()]
        sign = any(_sign_row(row, r) for r, row in enumerate(b.rows()))
        if any(len(row) > _SIGN_ROW_CELLS for row in rows) or (signed and not sign):
            break           # a grid, or a table after the block: no part of it
        signed = signed or sign
        out.extend(table_lines(b))
    return out if signed else []


# ---------------------------------------------------------------- extract


# a duration counted in units (`3 เดือน`, `45 วัน`, `2 สัปดาห์`), never a period
_COUNT = patterns.compile(r"[0-9๐-๙]\s*(?:เดือน|วัน|สัปดาห์|อาทิตย์|ปี(?!งบ))")


# a total row: the plan's (`รวมงบประมาณทั้งสิ้น`) or a subtotal of one of its parts (`รวมกิจกรรมที่ 1`)
# (`รวมประเด็นยุทธศาสตร์ที่ 2`, `รวมยุทธศาสตร์การพัฒนาที่ ๓`: a strategy's subtotal)
_TOTAL_ROW = patterns.compile(r"^(?:รวม|ยอดรวม)(?:(?:ประเด็น)?(?:กิจกรรม|โครงการ|แผนงาน|ยุทธศาสตร์|กลยุทธ์|การพัฒนา)"
                              r"(?:หลัก|ย่อย|การพัฒนา)?(?:ที่)?[0-9๐-๙.]+"
                              r"|งบประมาณ|ทั้งสิ้น|ทั้งหมด|เป็นเงิน|เงิน|ทั้งโครงการ|[:：])*(?:\(?บาท\)?)?$"
                              # a programme's or strategy's subtotal by its name (`รวมแผนงานเคหะและชุมชน`)
                              r"|^รวม(?:ประเด็น)?(?:แผนงาน|ยุทธศาสตร์|กลยุทธ์)[ก-๙]{2,60}$")


def _total_row(text: str) -> bool:
    """A total row's name: Thai (`รวมงบประมาณทั้งสิ้น`, `รวมกิจกรรมที่ 1`) or a total column's
    header word as the whole name (`Total`, `Grand Total (THB)`; headers.json budget_columns)."""
    if _TOTAL_ROW.match(C.squash(text)) or budget_col_kind(text) == "total":
        return True
    # both languages (`Total / รวม`, `รวมทั้งสิ้น / Grand Total`): either side alone says it
    parts = [p for p in re.split(r"\s*/\s*", text) if p.strip()]
    return len(parts) == 2 and any(_TOTAL_ROW.match(C.squash(p)) or budget_col_kind(p) == "total" for p in parts)


# a row counting the plan's activities under each month (`จำนวนกิจกรรมต่อเดือน`, `รวมจำนวน
# โครงการ`, `Number of activities`): a tally of the rows above, no activity
_COUNT_ROW = patterns.compile(r"^(?:รวม)?จำนวน(?:กิจกรรม|โครงการ|งาน|ครั้ง)|^(?:total\s*)?(?:number|no\.|count)\s*of\s*"
                              r"(?:activities|projects|tasks)", re.I)


def _count_row(rr: "RawRow", name: str) -> bool:
    """An unnumbered tally row (see _COUNT_ROW): numbers in its months, no tick, no dates."""
    return bool(_COUNT_ROW.match(C.squash(name))) and not rr.mark_ticks() and not any(
        C.clean(getattr(rr, f)) for f in ("duration", "period", "start", "end"))


@lru_cache(maxsize=1)
def _duration_month_words() -> tuple[str, ...]:
    """Words of a duration header counting months (`(เดือน)`, `(months)`)."""
    v = rules.load("headers")[FORM].get("duration_in_months", {}).get("words", ["เดือน"])
    return tuple(w.lower() for w in v)


_BARE_YEAR = patterns.compile(r"^\s*[0-9๐-๙]{2}(?:[0-9๐-๙]{2})?\s*$")


def join_page_split(rows: list[RawRow], table: Table, doc: Document) -> list[RawRow]:
    """A PDF row that breaks across a page: its rest opens the next page as an unnumbered row
    of fragments (`สาธารณะ | เดือน | 2562 | 2562 | … | 00`) under the same Gantt bar. It is
    joined back to the numbered row above: texts as wrapped lines, a cut amount or date
    re-joined where it was cut."""
    if doc.format != "pdf" or len(rows) < 2:
        return rows
    def numbered(r: RawRow) -> bool:
        return bool(C.clean(r.item)) or bool(C.split_item(C.clean(r.name)).kind)

    out: list[RawRow] = [rows[0]]
    for rr in rows[1:]:
        prev = out[-1]
        if numbered(rr) or not numbered(prev) \
                or C.loc_of(table, rr.row, doc=doc).page == C.loc_of(table, prev.row, doc=doc).page \
                or not rr.mark_ticks() <= set(prev.ticks):
            out.append(rr)
            continue
        dur, st, en, pe = (C.clean(rr.duration), C.clean(rr.start), C.clean(rr.end), C.clean(rr.period))
        cut = (dur and C.clean(prev.duration) and not _DIGIT.search(dur)) or any(
            t and C.clean(p) and _BARE_YEAR.match(t)
            for t, p in ((st, prev.start), (en, prev.end), (pe, prev.period)))
        if not cut:
            out.append(rr)
            continue
        for f in ("name", "output", "responsible", "related", "result"):
            v = getattr(rr, f)
            if C.clean(v):
                setattr(prev, f, (getattr(prev, f) + "\n" + v) if C.clean(getattr(prev, f)) else v)
        for f in ("duration", "period", "start", "end"):
            v = C.clean(getattr(rr, f))
            if v:
                setattr(prev, f, (C.clean(getattr(prev, f)) + " " + v).strip())
        b0, b1 = C.clean(prev.budget), C.clean(rr.budget)
        if b1:
            glue = "" if re.search(r"[0-9๐-๙,]$", b0) and re.match(r"[0-9๐-๙,]", b1) else " "
            prev.budget = (b0 + glue + b1).strip()
        prev.num_ticks |= rr.num_ticks - set(prev.ticks)
        prev.ticks = sorted(set(prev.ticks) | set(rr.ticks))
    return out


# The unit a plan states its amounts in, when not baht: in the budget column's header
# (`งบประมาณ (ล้านบาท)`, `(พันบาท)`, `(ลบ.)`) or in a line over the table (`หน่วย : พันบาท`).
# An amount that writes its own unit (`1.5 ล้านบาท`, `50,000 บาท`) keeps it.
_SCALE_WORDS = ((patterns.compile(r"ล้าน\s*บาท|ลบ\."), 1_000_000), (patterns.compile(r"พัน\s*บาท"), 1_000))
_SCALE_LINE = patterns.compile(r"หน่วย\s*(?:นับ)?\s*[:：]?\s*(ล้าน\s*บาท|พัน\s*บาท|บาท)")
_OWN_UNIT = patterns.compile(r"บาท|ล้าน|พัน|แสน|หมื่น|ลบ\.")


def _scale_of(text: str) -> Optional[int]:
    for rx, k in _SCALE_WORDS:
        if rx.search(text):
            return k
    return None


def budget_scale(table: Table, tf: TableForm, layout: tuple[dict[str, int], dict[int, str]],
                 before: list) -> int:
    """Baht per unit of the plan's budget figures (1, 1,000 or 1,000,000)."""
    tail, extra = layout
    cols = {c for c, role in extra.items() if role == "budget"}
    if "budget" in tail:
        cols.add(tail["budget"])
    cell = C.CellAt(table)
    for col in sorted(cols):
        head = _col_head(table, tf, col, cell)
        k = _scale_of(head)
        if k:
            return k
        if re.search(r"บาท", head):
            return 1            # the header says baht
    # a unit line over the table (the last few lines before it), a row of the sheet above the
    # header (`| | หน่วย : พันบาท`: a spreadsheet keeps it in the table's block), or a header
    # cell of its own
    lines = [p.text for p in before[-6:]]
    lines += [c.text for r in range(max(0, tf.header.start - 6), tf.header.rows) for c in table.rows()[r]
              if c is not None and c.row == r]
    for t in reversed(lines):
        m = _SCALE_LINE.search(t or "")
        if m:
            return _scale_of(m.group(1)) or 1
    return 1


def _in_baht(text: str, scale: int) -> Optional[float]:
    """The amount a budget cell writes, in baht (see budget_scale)."""
    v = C.amount_value(text)
    if v is not None and scale != 1 and not _OWN_UNIT.search(text):
        v *= scale
    return v


# Items lettered in Thai order (`ก.`, `ข)`, `ค.`) under a numbered one; not an abbreviation
# (`ก.พ.`, `ส.ส.`: another letter and a dot follow)
_LETTER_ITEM = patterns.compile(r"^\s*([กขคงจฉชซญฎฏฐ])\s*[.)](?!\s*[ก-ฮ]\s*\.)\s*(.*)$", re.S)
# a bulleted line (`- สำรวจข้อมูล`, `• จัดประชุม`): an unnumbered sub-item of the item above
_BULLET = patterns.compile(r"^\s*[-–•▪◦○●➢➤>]\s+(?=\S)")


def split_item(text: str) -> C.ItemNo:
    """C.split_item, and Thai-lettered items (kind `letter`, number `ก`)."""
    it = C.split_item(text)
    if it.kind:
        return it
    m = _LETTER_ITEM.match(text or "")
    if m:
        return C.ItemNo("letter", m.group(1), m.group(2).strip())
    return it


def row_item(rr: "RawRow") -> C.ItemNo:
    """A row's numbering: in its name, or in its own column (ที่ / ลำดับ), or a row written
    across the table from its first column (`1. โครงการ…`, `โครงการที่ 2 …`), its text kept."""
    name_raw = rr.name
    item = split_item(C.clean(name_raw))
    if item.kind != "group" and C.clean(rr.item):
        own = split_item(C.clean(rr.item) + " x")
        if own.kind and not C.clean(name_raw):
            # a row written across the table from its first column: its text is its name
            whole = C.split_item(C.clean(rr.item))
            item = whole if whole.kind else C.ItemNo(own.kind, own.number, "")
        elif own.kind:
            item = C.ItemNo(own.kind, own.number, C.clean(name_raw))
    return item


# an amount a narrow cell wrapped in two (`1,850,0` / `00`, `350,00` / `0`): its first part
# ends in a short thousands group, the second part is digits only
_AMOUNT_HEAD = patterns.compile(r"^[0-9๐-๙]{1,3}(?:,[0-9๐-๙]{3})*,[0-9๐-๙]{0,2}$")
_AMOUNT_TAIL = patterns.compile(r"^[0-9๐-๙]{1,3}(?:,[0-9๐-๙]{3})*(?:\.[0-9๐-๙]+)?$")
_AMOUNT_WHOLE = patterns.compile(r"^[0-9๐-๙]{1,3}(?:,[0-9๐-๙]{3})+(?:\.[0-9๐-๙]+)?$")


def join_split_amounts(rows: list["RawRow"]) -> list["RawRow"]:
    """A row's wrapped lines a PDF reads as a row of their own, its amount cut in two: the
    second row (no number, no month, nothing but the rest of its name and of its amount) is
    joined to the row above when both parts make one well-formed amount."""
    out: list[RawRow] = []
    for rr in rows:
        above = out[-1] if out else None
        b, t = C.clean(above.budget) if above else "", C.clean(rr.budget)
        if above is not None and not rr.budget_parts and not above.budget_parts \
                and _AMOUNT_HEAD.match(b) and _AMOUNT_TAIL.match(t) and _AMOUNT_WHOLE.match(b + t) \
                and not rr.ticks and not row_item(rr).kind and not any(
                    C.clean(getattr(rr, f)) for f in ("duration", "period", "start", "end", "output",
                                                      "responsible", "related", "result", "target")
                    if f not in rr.inherited):
            above.budget = b + t
            if C.clean(rr.name):
                above.name = (above.name + "\n" + rr.name) if C.clean(above.name) else rr.name
            continue
        out.append(rr)
    return out


# a total row that names its group (`รวมโครงการที่ 1`, `รวมกิจกรรมที่ 2`)
_SUBTOTAL_OF = patterns.compile(r"(?:กิจกรรม|โครงการ|แผนงาน)(?:หลัก|ย่อย)?\s*(?:ที่)?\s*([0-9๐-๙]+(?:\.[0-9๐-๙]+)*)")


def _subtotalled(rows: list["RawRow"]) -> set[str]:
    """The numbers of the groups a table totals after their items (`รวมโครงการที่ 1`)."""
    out = set()
    for rr in rows:
        text = C.clean(rr.name or rr.item)
        if text and _total_row(text):
            m = _SUBTOTAL_OF.search(text)
            if m:
                out.add(C.digits(m.group(1)))
    return out


def _heading_row(rr: "RawRow", item: C.ItemNo, name_raw: str, other: bool,
                 subtotalled: set[str]) -> Optional[str]:
    """The plan a project's heading row inside an activity table names (`โครงการที่ 1 ส่งเสริม…`
    merged across the table, or in its first columns): a group row with a name and nothing
    else, no amount (in a cell, in its text or in a subtotal row after its items), no month,
    no date and no unit. None for any other row: a group that carries figures is a record."""
    if item.kind != "group" or other or rr.ticks or not C.clean(item.rest):
        return None
    if item.number in subtotalled or _GROUP_AMOUNT.search(item.rest):
        return None
    if any(C.clean(getattr(rr, f)) for f in ("responsible", "related", "target", "output", "result",
                                              "spent", "achieved") if f not in rr.inherited):
        return None
    text = C.clean(" ".join(t for t in (C.clean(rr.item), C.clean(name_raw)) if t))
    h = plan_heading(text)
    return h or None


def _plan_row(rr: "RawRow", item: C.ItemNo, name_raw: str, other: bool, next_item: C.ItemNo) -> Optional[str]:
    """The plan a heading row names that is not numbered like a group (`1. โครงการ…`,
    `ยุทธศาสตร์ที่ 1 / Strategy 1 : …` across the table, nothing else in the row) over numbered
    items of its own (the next row is one): None for any other row."""
    if item.kind == "group" or other or rr.ticks or not next_item.kind:
        return None
    if any(C.clean(getattr(rr, f)) for f in ("responsible", "related", "target", "output", "result",
                                              "spent", "achieved") if f not in rr.inherited):
        return None
    text = C.clean(" ".join(t for t in (C.clean(rr.item), C.clean(name_raw)) if t))
    if _GROUP_AMOUNT.search(text):
        return None
    if item.kind and item.rest and (next_item.number == "1" or next_item.kind != item.kind) \
            and not _is_subitem(next_item, item):
        # a numbered heading over items numbered apart from it (`2.1 แผนงานเคหะและชุมชน` over
        # `4`, `5` in a ผด.02): the programme it names, written with its number
        return text if plan_heading(item.rest) else None
    return plan_heading(text) or None


def _is_subitem(item: C.ItemNo, parent: C.ItemNo) -> bool:
    return item.number.startswith(parent.number + ".")


def _budget_heading(rr: "RawRow", item: C.ItemNo, name_raw: str, next_item: C.ItemNo,
                    subtotalled: set[str]) -> Optional[str]:
    """The plan a project's heading row with its budget names (`โครงการที่ 1 ส่งเสริม… |
    1,500,000`) when the items under it are numbered afresh (the next is `1`, not `1.1`): it
    stands above their numbering as a heading above the table would, its budget their total.
    None for any other row (a group numbered with its items, `โครงการที่ 1` over `1.1`, is a
    record)."""
    if next_item.kind not in ("plain", "dotted") or next_item.number != "1":
        return None
    if rr.ticks or rr.pr or any(C.clean(getattr(rr, f)) for f in (
            "duration", "period", "start", "end", "responsible", "related", "target", "output",
            "result", "spent", "achieved") if f not in rr.inherited):
        return None
    if item.kind == "group" and item.number in subtotalled:
        return None
    text = C.clean(" ".join(t for t in (C.clean(rr.item), C.clean(name_raw)) if t))
    return plan_heading(text) or None


def _budget_thb(raw: str, parts: list[str], scale: int) -> Optional[int]:
    """A budget as written in whole baht; amounts by source written side by side (``parts``)
    are added up, `-` or words adding nothing. None for a dash, a ditto or no figure."""
    if len(parts) > 1:
        vals = [_in_baht(p, scale) for p in parts if not C.is_ditto(p)]
        vals = [v for v in vals if v is not None]
        return _baht(sum(vals)) if vals else None
    if not raw or raw in C.DASHES or C.is_ditto(raw):
        return None
    v = _in_baht(raw, scale)
    return _baht(v) if v is not None else None


def _row_budget(rr: "RawRow") -> tuple[str, list[str]]:
    """A row's budget as written (its sources joined when split) and the sources."""
    parts = [C.clean(p) for p in rr.budget_parts if C.clean(p)]
    return (" | ".join(parts) if len(parts) > 1 else C.clean(rr.budget)), parts


# a phone written on its own line under the unit (`กองช่าง` / `โทร. 056-219-500`): a new phrase
_PHONE_LINE = patterns.compile(r"\n\s*(?=(?:โทร|โทรศัพท์|มือถือ|เบอร์|tel|e-?mail|อีเมล))", re.I)


def _unit_text(text: str) -> str:
    """A responsible cell's text, its lines joined (a phone's line after a space)."""
    return " ".join(filter(None, (C.clean(p) for p in _PHONE_LINE.split(text or ""))))


def _baht(v: float) -> int:
    """Whole baht, half a baht up (`1,250,000.50` -> 1250001), not to the even baht."""
    return int(v + 0.5) if v >= 0 else -int(-v + 0.5)


def _grand_totals(ex: Extraction, totals: list[tuple], headed: dict[int, str]) -> None:
    """A plan's grand-total row (`รวม 180,000`) becomes a budget group over the plan's top-level
    items: those since the previous grand total (one per project table), or all of the plan's
    when only they add up to it (a last `รวมทั้งสิ้น` under several projects). A group row that
    states no amount counts its items. Not checked when a top-level item cannot be told apart by
    its number, or by its number and the heading row it is under (``headed``: {record id: the
    plan a heading row inside its table names})."""
    def key(r: Record) -> tuple[str, str]:
        # (items numbered anew under each project heading row are told apart by its plan)
        return headed.get(id(r), ""), r.item_no

    prev = 0
    for n, (idx, loc, raw, thb, name, lead) in enumerate(totals):
        leading = lead is not None
        if leading:
            # a total written above its items (`รวมทั้งสิ้น` first under the header): the
            # items after it in its table (and the tables continuing it), up to the next total
            end = min(lead[0], totals[n + 1][0]) if n + 1 < len(totals) else lead[0]
            idx, prev = end, idx
        recs = [r for r in ex.records[:idx] if r.record_type == "activity"]
        window = ex.records[prev:idx]
        if prev and not leading:
            every = ex.records[:idx]
            if _sum_thb(_amount_items(recs, every)) == thb != _sum_thb(_amount_items(recs, window)):
                window = every
        prev = idx
        inside = {id(r) for r in window}
        members = [r for r in recs if id(r) in inside and not r.parent_item]
        if not _amount_items(recs, window):
            continue
        nos = [r.item_no for r in members]
        keys = [key(r) for r in members]
        if not all(nos) or len(set(keys)) != len(keys):
            continue
        # a later top-level record numbered like a member would be taken for it
        last = {key(r): r for r in recs if not r.parent_item}
        if any(last[key(r)] is not r for r in members):
            continue
        ex.budget_groups.append(BudgetGroup(
            item_no="", name=name, loc=loc, total_thb=thb, total_raw=raw, member_items=nos,
            member_rows=[(r.table or 0, r.row if r.row is not None else -1)
                         for r in _amount_items(recs, window)]))


def _heading_totals(ex: Extraction, head_totals: list[tuple]) -> None:
    """A project heading row's budget (see _budget_heading) is checked against its top-level
    items: those read after it while the plan is still its own."""
    for idx, loc, raw, thb, plan in head_totals:
        window = []
        for r in ex.records[idx:]:
            if r.plan != plan:
                break
            window.append(r)
        recs = [r for r in window if r.record_type == "activity"]
        items = _amount_items(recs, window)
        if not items:
            continue
        ex.budget_groups.append(BudgetGroup(
            item_no="", name=plan, loc=loc, total_thb=thb, total_raw=raw,
            member_items=[r.item_no for r in recs if not r.parent_item],
            member_rows=[(r.table or 0, r.row if r.row is not None else -1) for r in items]))


def _pin_members(ex: Extraction, members_of: dict[int, list[Record]]) -> None:
    """A group's items by their rows, not their numbers, when numbers repeat in a table (items
    numbered afresh under each project): by number, an item of another project would be
    taken for it."""
    seen: set[tuple] = set()
    repeated = False
    for r in ex.records:
        if r.record_type == "activity" and r.item_no:
            key = (r.parent_item, r.item_no, r.table)
            repeated = repeated or key in seen
            seen.add(key)
    if not repeated:
        return
    for g in ex.budget_groups:
        members = members_of.get(id(g))
        if members and not g.member_rows:
            g.member_rows = [(r.table or 0, r.row if r.row is not None else -1) for r in members]


def _amount_items(recs: list[Record], window: list[Record]) -> list[Record]:
    """The records whose amounts make up the top-level items of ``window``: each top-level item,
    or, for a group row stating no amount, its items (in turn)."""
    inside = {id(r) for r in window}
    out: list[Record] = []

    def add(r: Record, depth: int) -> None:
        if r.budget_thb is None and r.row_kind == "group" and depth < 4:
            for c in recs:
                if c.parent_item == r.item_no and id(c) in inside and c is not r:
                    add(c, depth + 1)
        else:
            out.append(r)

    for r in recs:
        if id(r) in inside and not r.parent_item:
            add(r, 0)
    return out if any(r.budget_thb is not None for r in out) else []


def _sum_thb(recs: list[Record]) -> int:
    return sum(r.budget_thb for r in recs if r.budget_thb is not None)


def _lone_groups(ex: Extraction, group_ids: set[int]) -> None:
    """A `กิจกรรมที่ N` row that heads nothing is an item, not a group.

    Plans number their activities `กิจกรรมที่ 1`, `กิจกรรมที่ 2`, … with each its own dates and
    budget and nothing under it; only a row with items (or unnumbered rows) of its own before the
    next such row heads a group, whose budget is their total. A row with nothing of its own (no
    budget, dates, duration or ticked months) stays as it was.
    """
    recs = ex.records
    demoted = False
    for i, g in enumerate(recs):
        if id(g) not in group_ids:
            continue
        for r in recs[i + 1:]:
            if id(r) in group_ids:
                break
            if r.parent_item == g.item_no:
                break           # it heads this row: a group
        else:
            r = None
        if r is not None and id(r) not in group_ids:
            continue
        if not (g.budget_raw or g.start or g.end or g.duration_raw or g.planned_months):
            continue
        g.row_kind = ""
        demoted = True
        ex.budget_groups = [b for b in ex.budget_groups
                            if not (b.item_no == g.item_no and b.loc.table == g.table and b.loc.row == g.row)]
    if demoted:
        # a ditto budget under such a row repeats its amount (read as a group's, it was skipped)
        above: Optional[Record] = None
        for r in recs:
            if r.record_type != "activity" or r.row_kind == "group":
                continue
            if above is not None and r.budget_thb is None and C.is_ditto(r.budget_raw) \
                    and above.table == r.table:
                r.budget_thb = above.budget_thb
            above = r


# ---------------------------------------------------------------- the plan a table belongs to
#
# A plan names the project, programme or section its activity tables belong to above them: in
# its title (`แผนปฏิบัติการ โครงการพัฒนาเกษตรกรรุ่นใหม่ (Young Smart Farmer)`), in a heading over
# each table (`โครงการที่ 1 …`, `ชื่อโครงการ : …`, `แผนงาน …`, `กิจกรรมหลัก …`, `ประเด็นการพัฒนาที่ 2
# …`) or in a caption row a spreadsheet keeps above the table's header. Every record of a table
# (items and group rows) takes the nearest such line above it as its `plan`; a table with none
# above it keeps the plan of the table before it in the same plan (a table continued on the next
# page or sheet), and the first table of a plan with none has no plan: a title naming only the
# plan, its year and its agency (`แผนปฏิบัติการ ประจำปีงบประมาณ 2569 สำนักงานจังหวัด…`) is no
# project. The line is kept as written (C.clean), less a label (`ชื่อโครงการ :`; a label alone on
# its line takes the next line) and the title's plan word (`แผนปฏิบัติการ`), up to what ends the
# name: a fiscal-year phrase (`ประจำปีงบประมาณ พ.ศ. 2566 จังหวัด…`: the year and the agency are
# columns of their own), a budget (`งบประมาณ 800,000 บาท`) or another field's label (`ผู้รับผิดชอบ
# :`); a trailing `(ต่อ)` is left out. A `โครงการที่ 1` row inside the table is a group, never the
# plan. Words: headers.json's activity_plan.plan_heading.

def _spaced(word: str) -> str:
    """A vocabulary word as a pattern that ignores spaces between its letters."""
    return r"\s*".join(re.escape(ch) for ch in word if not ch.isspace())


@lru_cache(maxsize=1)
def _plan_heading_rx() -> tuple[re.Pattern, tuple[str, ...], tuple[str, ...], re.Pattern]:
    v = rules.load("headers")[FORM]["plan_heading"]

    def alt(key: str) -> str:
        return "|".join(_spaced(w) for w in sorted(v[key], key=len, reverse=True))
    num = r"(?:[0-9๐-๙]{1,2}(?:\.[0-9๐-๙]{1,2})*\s*[.)]|[(（][0-9๐-๙]{1,2}[)）])"
    fy = r"(?:(?:ประจำ\s*)?ปี\s*งบ\s*ประมาณ\s*(?:พ\s*\.\s*ศ\s*\.?)?\s*[0-9๐-๙]{4}\s*)"
    rx = re.compile(rf"^\s*(?P<num>{num}\s*)?(?:(?P<title>{alt('title')})\s*{fy}?)?"
                    rf"(?:(?P<label>{alt('label')})\s*[:：\-–]?\s*|(?P<word>{alt('words')}))", re.I)
    # what ends the name: the fiscal-year phrase, a budget, another field's label (`ผู้รับผิดชอบ :`)
    tail = re.compile(r"\s*[(（]?\s*(?:(?:ประจำ\s*)?ปี\s*งบ\s*ประมาณ\s*(?:พ\s*\.\s*ศ\s*\.?)?\s*[0-9๐-๙]{4}"
                      r"|ประจำ\s*ปี\s*(?:พ\s*\.\s*ศ\s*\.?)?\s*[0-9๐-๙]{4}"
                      r"|งบ\s*ประมาณ\s*[:：]?\s*[0-9๐-๙][0-9๐-๙,]*(?:\.[0-9๐-๙]+)?\s*(?:ล้าน\s*|พัน\s*)?บาท"
                      rf"|(?:{alt('fields')})\s*[:：])", re.I)
    return rx, tuple(v["not_after"]), tuple(sorted(v["continued"], key=len, reverse=True)), tail


_HAS_NAME = patterns.compile(r"[0-9๐-๙A-Za-zก-ฮ]")
_HEADING_MAX = 300          # a longer line is prose, not a heading
LABEL_ONLY = ""             # plan_heading of a label with its value on the next line
_WORD_LABEL = patterns.compile(r"\s*[:：]\s*")


def plan_heading(line: str) -> Optional[str]:
    """The plan a heading line names (see above); None when the line is no such heading,
    LABEL_ONLY when it is a label alone (`ชื่อโครงการ`) whose value is the next line."""
    if not line or "\t" in line or len(line) > _HEADING_MAX:
        return None
    rx, not_after, _, _ = _plan_heading_rx()
    m = rx.match(line)
    if m is None:
        return None
    if m.group("label"):
        begin = body = m.end()                      # the label left out
        if not _HAS_NAME.search(line[body:]):
            return LABEL_ONLY
    elif _WORD_LABEL.match(line, m.end()):
        # a plan word used as a label (`แผนงาน : X`, `โครงการ: X`): the label left out, as
        # for `ชื่อโครงการ : X` and `Project: X`
        begin = body = _WORD_LABEL.match(line, m.end()).end()
        if not _HAS_NAME.search(line[body:]):
            return LABEL_ONLY
    else:
        after = line[m.end():].lstrip()
        if any(after.startswith(w) for w in not_after):
            return None             # `โครงการนี้…`, `โครงการ/กิจกรรม`: prose or a caption
        # as written from its numbering (`1. โครงการ…`), after a title's plan word
        begin = m.start("word") if m.group("title") or not m.group("num") else m.start("num")
        body = m.end()
    name = _trim_name(line[body:])
    if not _HAS_NAME.search(name):
        return None                 # the word alone (`แผนงาน`, `โครงการ ประจำปีงบประมาณ 2569`)
    return C.clean(line[begin:body] + name)


def _trim_name(name: str) -> str:
    """A heading's name up to what ends it (a fiscal-year phrase, a budget, another field's
    label), less a trailing `(ต่อ)`."""
    _, _, continued, tail = _plan_heading_rx()
    t = tail.search(name)
    if t:
        name = name[:t.start()]
    for w in continued:
        if name.rstrip().endswith(w):
            name = name.rstrip()[:-len(w)]
    b = _GROUP_AMOUNT.search(name)
    if b:
        name = name[:b.start()]
    return name.rstrip().rstrip("(（:：-–,").rstrip()


def _value_line(line: str) -> Optional[str]:
    """A label's value written on the line after it (`ชื่อโครงการ` / `ส่งเสริมอาชีพ…`)."""
    if "\t" in line or len(line) > _HEADING_MAX or plan_heading(line) == LABEL_ONLY:
        return None
    name = C.clean(_trim_name(line))
    return name if _HAS_NAME.search(name) else None


def lines_above(above: list[Paragraph], table: Table, tf: TableForm) -> list[str]:
    """The lines over a table, top to bottom: the paragraphs before it, then the rows a
    spreadsheet keeps above the table's header (a caption typed over the table)."""
    lines = [ln for p in above for ln in p.text.split("\n") if ln.strip()]
    if tf.continued or tf.header.start <= 0:
        return lines
    for row in table.rows(limit=tf.header.start):
        texts = [C.clean(c.text) for c in row if c is not None and c.text.strip()]
        if texts:
            lines.append(" ".join(texts))
    return lines


def table_plan(above: list[Paragraph], table: Table, tf: TableForm) -> Optional[str]:
    """The plan the nearest heading above a table names (its caption rows, then the paragraphs
    before it, nearest first); None when none does."""
    lines = lines_above(above, table, tf)
    for i in range(len(lines) - 1, -1, -1):
        h = plan_heading(lines[i])
        if h == LABEL_ONLY:
            h = _value_line(lines[i + 1]) if i + 1 < len(lines) else None
        if h:
            return h
    return None


def extract(doc: Document, inst: Instance, meta) -> Extraction:
    ex = Extraction(source_file=meta.source_file)
    fy = meta.fiscal_year
    hier = C.Hierarchy()
    last: dict[str, tuple[str, object]] = {}     # the value above, for ditto marks
    groups_by_no: dict[str, BudgetGroup] = {}
    prev: Optional[Record] = None
    # the year this plan states (its title or its Gantt header) outranks the document's
    inst_fy = C.find_fiscal_year("\n".join(p.text for p in inst.before))
    prev_gantt: Optional[tuple[Gantt, int]] = None
    number_only: set[int] = set()       # records whose months only numbers mark (id)
    misspelt_reported: set[tuple[str, str]] = set()   # misspelt month heads already noted
    group_ids: set[int] = set()         # `กิจกรรมที่ N` group rows (id)
    group_recs: dict[str, Record] = {}  # the group rows by number
    plan = ""                           # the project / programme the table belongs to
    col_plan = ""                       # the project a project column names (see project_column)
    totals: list[tuple] = []            # grand-total rows: (records before it, loc, raw, baht, name,
                                        # [end of its table's records] when it heads its items)
    open_leads: list[list[int]] = []    # such totals' ends while their table goes on
    row_plan = ""                       # the plan a heading row inside the table names
    headed: dict[int, str] = {}         # records under such a row (id): its plan
    head_totals: list[tuple] = []       # such rows with a budget: (records before it, loc, raw,
                                        # baht, plan)
    segment = 0                         # heading rows read so far: items are grouped within one
    seg: dict[int, int] = {}            # records (id): the segment they are in
    members_of: dict[int, list[Record]] = {}    # a budget group (id): its member records
    for ti, tf in enumerate(inst.tables):
        table = tf.table
        above = inst.before if ti == 0 else inst.after.get(inst.tables[ti - 1].table.index, [])
        above_plan = table_plan(above, table, tf)
        if above_plan:
            plan, row_plan = above_plan, ""
        if not tf.continued:
            col_plan = ""           # the project column's value, carried down its empty cells
        gantt, start = find_gantt(table, tf, None)
        if tf.continued:
            start = 0
            # a table continued without its header (split by an empty paragraph or a page)
            # keeps the month columns of the table it continues when it is as wide
            if not gantt.columns and prev_gantt is not None and prev_gantt[1] == table.n_cols:
                gantt = prev_gantt[0]
        prev_gantt = (gantt, table.n_cols)
        table_first = len(ex.records)   # the records before this table's
        if not tf.continued:
            open_leads = []
        if gantt.fy_from_years and inst_fy:
            gantt.fiscal_year = None
        stated_fy = gantt.fiscal_year or inst_fy
        if gantt.fiscal_year is None:
            gantt.fiscal_year = stated_fy or fy
        row_fy = gantt.fiscal_year or fy
        layout = tail_layout(table, tf, gantt.columns, stated_fy or fy)
        # two duration-like columns: the one of counts is the duration, the other the period
        durations = duration_columns(table, tf, start, gantt.columns, layout)
        # a duration column headed in months (`ระยะเวลา (เดือน)`) holds bare numbers
        dur_col = durations.get("duration", tf.header.roles.get("duration"))
        dur_col = None if dur_col in gantt.columns else dur_col     # a timeline banner (read_rows)
        dur_head = " ".join(c.text for c in (table.cell(r, dur_col) for r in range(tf.header.start, tf.header.rows))
                            if c is not None) if dur_col is not None else ""
        in_months = any(w in dur_head.lower() for w in _duration_month_words())
        # a plan that reports results per item: each item is done, not done or unknown
        tail0 = layout[0]
        has_result = "result" in tail0
        scale = budget_scale(table, tf, layout, inst.before)
        # a unit the target's header gives (`เป้าหมาย (คน)`) for figures written without one
        head_unit = header_unit(_col_head(table, tf, tail0["target"])) if "target" in tail0 else ""
        sign_at = signature_row(table, start)
        raw_rows = join_split_amounts(join_page_split(read_rows(table, tf, gantt, start, layout, durations,
                                                                sign_at), table, doc))
        # plan / result row pairs: one activity each (see pair_rows)
        has_pairs = any(rr.pr == "result" for rr in raw_rows)
        if any(rr.pr for rr in raw_rows):
            raw_rows = pair_rows(raw_rows)
        subtotalled = _subtotalled(raw_rows)
        items = [row_item(rr) for rr in raw_rows]
        for ri, rr in enumerate(raw_rows):
            name_raw = rr.name
            item = items[ri]
            other = rr.pr == "plan" or any(
                C.clean(getattr(rr, f)) for f in ("duration", "period", "start", "end", "budget")
                if f not in rr.inherited)
            next_item = items[ri + 1] if ri + 1 < len(items) else C.ItemNo("", "", "")
            proj = C.clean(rr.project)
            if proj and not C.is_ditto(proj):
                col_plan = proj
            elif rr.project_row and not other and not rr.ticks and not _total_row(C.clean(name_raw)) \
                    and not any(C.clean(getattr(rr, f)) for f in TAIL_ROLES if f not in rr.inherited):
                # the project's own row with nothing else: the plan of the rows under it
                col_plan = C.clean(name_raw)
                continue
            # (an unnumbered heading is written across the table from its first column: a line
            # in the name column alone is the item above's, wrapped)
            heading = _heading_row(rr, item, name_raw, other, subtotalled) or (
                _plan_row(rr, item, name_raw, other, next_item)
                if item.kind or not C.clean(name_raw) else None)
            head_budget = None
            if not heading and other and (item.kind or not C.clean(name_raw)):
                heading = _budget_heading(rr, item, name_raw, next_item, subtotalled)
                if heading:
                    raw, parts = _row_budget(rr)
                    if not raw and item.kind == "group":
                        m = _GROUP_AMOUNT.search(item.rest)
                        raw = C.clean(item.rest[m.start():]).rstrip(")").strip() if m else ""
                    thb = _budget_thb(raw, parts, scale)
                    if thb is None:
                        heading = None
                    else:
                        head_budget = (raw, thb)
            if heading:
                # a project's heading row (`โครงการที่ 2 …` across the table, nothing else):
                # the plan of the items under it, as a heading above the table would be; the
                # items under it are numbered and grouped within it
                plan = row_plan = heading
                col_plan = ""
                hier.reset()
                groups_by_no, group_recs = {}, {}
                segment += 1
                prev = None
                if head_budget is not None:
                    # its budget: its top-level items' total (see _heading_totals)
                    head_totals.append((len(ex.records), C.loc_of(table, rr.row, doc=doc),
                                        head_budget[0], head_budget[1], heading))
                continue
            bullet = None if item.kind else _BULLET.match(C.clean(name_raw))
            if bullet and (rr.mark_ticks() or any(
                    C.clean(getattr(rr, f)) for f in ("responsible", "result", "target", "output")
                    if f not in rr.inherited)):
                # a bulleted row with months or a unit of its own is a sub-item, not a
                # wrapped line of the item above
                item = C.ItemNo("", "", C.clean(name_raw)[bullet.end():])
                other = True
            else:
                bullet = None
            if not item.kind and _count_row(rr, name_raw or rr.item):
                continue
            # (written in the name column, or across the table from the first column; sums in
            # its month cells are no months of its own)
            if not item.kind and _total_row(name_raw or rr.item) and not rr.mark_ticks() and not any(
                    C.clean(getattr(rr, f)) for f in ("duration", "period", "start", "end")):
                # a group's total written after its items (`รวมโครงการที่ 1`) is the group's
                # budget when its own row states none
                sub = _SUBTOTAL_OF.search(C.clean(name_raw or rr.item))
                num = C.digits(sub.group(1)) if sub else ""
                grec = group_recs.get(num)
                if grec is not None and not grec.budget_raw and num in groups_by_no:
                    raw, parts = _row_budget(rr)
                    grec.budget_raw, grec.budget_thb = raw, _budget_thb(raw, parts, scale)
                    groups_by_no[num].total_raw = grec.budget_raw
                    groups_by_no[num].total_thb = grec.budget_thb
                elif not sub:
                    # the plan's grand total (`รวม`, `รวมงบประมาณทั้งสิ้น`): checked against its
                    # top-level items once the plan is read (see _grand_totals)
                    raw, parts = _row_budget(rr)
                    thb = _budget_thb(raw, parts, scale)
                    if thb is not None:
                        # (one above every item of its table, `รวมทั้งสิ้น` first under the
                        # header, totals the items under it)
                        lead = [len(ex.records)] if not tf.continued and len(ex.records) == table_first \
                            else None
                        if lead is not None:
                            open_leads.append(lead)
                        totals.append((len(ex.records), C.loc_of(table, rr.row, doc=doc), raw, thb,
                                       C.clean(name_raw or rr.item), lead))
                continue        # the plan's grand total (`รวมงบประมาณทั้งสิ้น`): not an activity
            if not item.kind and prev is not None and not other:
                # a wrapped row: its text belongs to the item above
                for f in ("name", "output", "responsible", "related"):
                    v = getattr(rr, f)
                    if C.clean(v) and not C.is_ditto(v) and f not in rr.inherited:
                        setattr(prev, f, C.clean(getattr(prev, f) + "\n" + v))
                        if f in last and (prev.row_kind != "group" or f in ("responsible", "related")):
                            last[f] = (getattr(prev, f), getattr(prev, f))
                if C.clean(rr.target) and not C.is_ditto(rr.target) and prev.row_kind != "group":
                    set_target(prev, C.clean(prev.target_raw + "\n" + rr.target), head_unit)
                if has_result and C.clean(rr.result) and not C.is_ditto(rr.result) \
                        and "result" not in rr.inherited:
                    raw = C.clean(prev.completed_raw + "\n" + rr.result)
                    seen = last.get("result", ("", ""))[0] if C.is_ditto(prev.completed_raw) \
                        else prev.completed_raw
                    text = C.clean(seen + "\n" + rr.result)
                    set_result(prev, raw, text, row_fy)
                    if prev.row_kind != "group":
                        last["result"] = (text, text)
                if rr.ticks:
                    months = sorted(set(filter(None, prev.planned_months.split(";"))) | set(rr.ticks))
                    prev.planned_months = ";".join(months)
                if prev.row_kind == "group" and prev.item_no in groups_by_no:
                    groups_by_no[prev.item_no].name = prev.name
                continue
            if not item.kind and not C.clean(name_raw) and not other:
                continue
            rec = Record(record_type="activity", form=FORM, source_file=meta.source_file,
                         page=C.loc_of(table, rr.row, doc=doc).page, table=table.index, row=rr.row,
                         fiscal_year=stated_fy, plan=col_plan or plan)
            rec.item_no = item.number
            name = item.rest if (item.kind or bullet) else C.clean(name_raw)
            budget_raw, parts = _row_budget(rr)     # (amounts by source: side by side)
            if item.kind == "group":
                m = _GROUP_AMOUNT.search(name)
                if m:
                    budget_raw = budget_raw or C.clean(name[m.start():]).rstrip(")").strip()
                    name = name[:m.start()].strip().rstrip("(:：-–,").strip()
                rec.row_kind = "group"
                rec.parent_item = hier.push("group", item.number)
            elif item.kind:
                rec.parent_item = hier.push(item.kind, item.number)
            elif bullet and hier.stack:
                rec.parent_item = hier.stack[-1][1]     # a bullet under the item above
            else:
                # an unnumbered item sits beside the item above (or under the group above)
                st = hier.stack
                rec.parent_item = (st[-1][1] if st and st[-1][0] == 0 else
                                   st[-2][1] if len(st) >= 2 else "")
            rec.name = C.clean(name)
            out = C.clean(rr.output)
            if C.is_ditto(out):
                out = last.get("output", ("", ""))[1] or out
            elif out and rec.row_kind != "group":
                last["output"] = (out, out)
            rec.output = out
            tgt = C.clean(rr.target)
            if tgt:
                if C.is_ditto(tgt):
                    rec.target_raw = tgt
                    rec.target, rec.unit = last.get("target", (None, ""))[1] or (None, "")
                else:
                    set_target(rec, tgt, head_unit)
                    unit = C.clean(rr.unit)
                    if C.is_ditto(unit):
                        unit = last.get("unit", ("", ""))[1]
                    if unit and unit not in C.DASHES and rec.target is not None:
                        # a unit column (หน่วยนับ) gives the unit as written; ร้อยละ is %
                        rec.unit = unit_word(unit)
                    if rec.row_kind != "group":
                        last["target"] = (tgt, (rec.target, rec.unit))
                        last["unit"] = (unit, unit)
            for f in ("responsible", "related"):
                # a ditto takes the unit of the row above, a group row's too (`〃` under
                # `โครงการที่ 2 … สนง.ท่องเที่ยวฯ` is that office, not the group above's)
                setattr(rec, f, _with_ditto(last, f, _unit_text(getattr(rr, f))))
            rec.phones = C.clean(rr.phones)
            # budget
            rec.budget_raw = budget_raw
            if len(parts) <= 1 and C.is_ditto(budget_raw):
                rec.budget_thb = last.get("budget", ("", None))[1]
            elif len(parts) > 1 or (budget_raw and budget_raw not in C.DASHES):
                # (the activity's budget is the sum of its sources)
                rec.budget_thb = _budget_thb(budget_raw, parts, scale)
                if rec.row_kind != "group":
                    last["budget"] = (budget_raw, rec.budget_thb)
            # duration
            dur_raw = C.clean(rr.duration)
            dur_raw_eff = _with_ditto(last, "duration", dur_raw)
            rec.duration_raw = dur_raw
            months = None
            if dur_raw_eff:
                d = C.N().parse_duration(dur_raw_eff)
                if d.months is not None:
                    months = d.months
                elif d.days is not None:
                    months = round(d.days / 30, 2)
                elif in_months and re.fullmatch(r"[0-9๐-๙]+(?:\.[0-9๐-๙]+)?", dur_raw_eff):
                    months = C.amount_value(dur_raw_eff)
            rec.duration_months = months
            # dates
            s_raw, e_raw = C.clean(rr.start), C.clean(rr.end)
            rec.start_raw, rec.end_raw = s_raw, e_raw
            s_eff = last.get("start", ("", ""))[0] if C.is_ditto(s_raw) else s_raw
            e_eff = last.get("end", ("", ""))[0] if C.is_ditto(e_raw) else e_raw
            per_raw = C.clean(rr.period)
            per_eff = _with_ditto(last, "period", per_raw)
            if not s_eff and not e_eff and per_eff:
                # the period beside the duration (see duration_columns): its start part and
                # its end part, as written, are the raw dates
                dd = _read_date(per_eff, row_fy)
                sides = wrong_side(per_eff, row_fy) if dd.status == INVALID and not dd.open_end else None
                if dd.options and dd.status != INVALID:
                    s_eff = e_eff = per_eff
                    rec.start_raw, rec.end_raw = split_period(per_raw, dd)
                elif sides:
                    # (the side written right keeps its date; the other is reported)
                    s_eff, e_eff = sides
                    rec.start_raw, rec.end_raw = (per_raw, per_raw) if C.is_ditto(per_raw) else sides
                else:
                    s_eff, rec.start_raw = per_eff, per_raw
            elif not s_eff and not e_eff and dur_raw_eff and (months is None or not _COUNT.search(dur_raw_eff)):
                # a period written where the duration goes ("ต.ค. 52 - ธ.ค. 52", and
                # "ตลอดปีงบประมาณ", "ไตรมาส 2-3", which also give a number of months)
                dd = _read_date(dur_raw_eff, row_fy)
                sides = wrong_side(dur_raw_eff, row_fy) if dd.status == INVALID and not dd.open_end else None
                if dd.options and dd.status != INVALID:
                    s_eff = e_eff = dur_raw_eff
                    # its start part and its end part, as written, are the raw dates
                    rec.start_raw, rec.end_raw = split_period(dur_raw, dd)
                elif sides:
                    # (the side written right keeps its date; the other is reported)
                    s_eff, e_eff = sides
                    rec.start_raw, rec.end_raw = (dur_raw, dur_raw) if C.is_ditto(dur_raw) else sides
            sd, ed = _read_date(s_eff, row_fy), _read_date(e_eff, row_fy)
            for given, missing, cell_raw in ((sd, ed, s_raw), (ed, sd, e_raw)):
                # one cell holding the whole period serves as start and end
                if given.open_end and given.options and not missing.raw:
                    missing.options, missing.status, missing.open_end = [], given.status, given.open_end
                    rec.start_raw, rec.end_raw = split_period(cell_raw, given)
                elif given.options and not missing.raw and _spans_months(given.options[0]):
                    missing.options = list(given.options)
                    missing.status = given.status
                    rec.start_raw, rec.end_raw = split_period(cell_raw, given)
            so, eo = settle_dates(sd, ed, months, row_fy, tuple(rr.ticks))
            if ed.open_end:
                eo = None                    # `ต.ค. 67 - ปัจจุบัน`: the period has no end
            rec.start = C.ym(so[0]) if so else ""
            rec.end = C.ym(eo[1]) if eo else ""
            rec.start_status = _note("start", sd, so, rec, False)
            rec.end_status = _note("end", ed, eo, rec, True)
            # a ditto mark repeats the date above: its correction was noted there
            # (and one misspelling read the same way for start and end is one correction)
            seen_notes: set = set()
            notes = []
            for n in rec.date_notes:
                if C.is_ditto(rec.start_raw if n[0] == "start" else rec.end_raw) \
                        or (n[1], n[2]) in seen_notes:
                    continue
                seen_notes.add((n[1], n[2]))
                notes.append(n)
            rec.date_notes = notes
            if s_raw and not C.is_ditto(s_raw):
                last["start"] = (s_raw, s_raw)
            if e_raw and not C.is_ditto(e_raw):
                last["end"] = (e_raw, e_raw)
            rec.planned_months = ";".join(rr.ticks)
            for raw, fixed in rr.misspelt_months:
                if (raw, fixed) not in misspelt_reported:
                    # a misspelt month head, reported once: on the first activity ticked under it
                    misspelt_reported.add((raw, fixed))
                    rec.date_notes.append(("planned_months", raw, fixed, "corrected"))
            if rr.ticks and not rr.mark_ticks():
                number_only.add(id(rec))
            if has_result:
                res_raw = C.clean(rr.result)
                res = res_raw
                if C.is_ditto(res_raw):
                    res = last.get("result", ("", ""))[0]
                elif res and rec.row_kind != "group":
                    last["result"] = (res, res)
                set_result(rec, res_raw, res, row_fy)
            comp = C.clean(rr.completed)
            if comp and not C.is_ditto(comp) and comp not in C.DASHES:
                # the day the completion column gives: the activity was done that day (a day
                # the reader had to guess, `31 ก.พ.`, is no completion)
                dv = C.N().parse_date(comp, row_fy)
                if dv.status == OK and dv.granularity in ("day", "month") and dv.end is not None:
                    rec.status, rec.completed = "done", dv.end.isoformat()
                    rec.completed_raw = C.clean(rec.completed_raw + " " + comp) \
                        if rec.completed_raw and comp not in rec.completed_raw else rec.completed_raw or comp
            if rr.ticks:
                if not rec.start and not s_eff:
                    rec.start = rr.ticks[0]
                if not rec.end and (not e_eff or ed.open_end):
                    rec.end = rr.ticks[-1]
            if rec.end:
                if eo and rec.end == C.ym(eo[1]):
                    # the last day the end date gives: its day when it names one (`30 ธ.ค.
                    # 2568`), the month's (or quarter's) last day when it gives only a month
                    rec.deadline = eo[1].isoformat()
                else:
                    y, m = map(int, rec.end.split("-"))
                    rec.deadline = C.month_end(date(y, m, 1)).isoformat()
            if rr.spent:
                # the money its ผล row reports spent (never added to the budget)
                rec.spent_raw = C.clean(rr.spent)
                v = _in_baht(rec.spent_raw, scale)
                rec.spent_thb = _baht(v) if v is not None else None
            if rr.achieved:
                # the quantity its ผล row reports achieved (`450 คน` against a target of 500)
                rec.actual_raw = C.clean(rr.achieved)
                rec.actual = read_target(rec.actual_raw)[0]
            if has_pairs and rr.pr == "plan" and (rr.result_ticks or not (has_result and rec.status)):
                # the result row's months against the plan's (a results column's text, when
                # the plan also has one, speaks only when the result row marks nothing)
                pair_status(rec, rr.result_ticks or [])
            if rec.row_kind == "group":
                group_ids.add(id(rec))
                group_recs[rec.item_no] = rec
                groups_by_no[rec.item_no] = BudgetGroup(
                    item_no=rec.item_no, name=rec.name, loc=C.loc_of(table, rr.row, doc=doc),
                    total_thb=rec.budget_thb, total_raw=rec.budget_raw)
                ex.budget_groups.append(groups_by_no[rec.item_no])
            elif rec.parent_item and rec.parent_item in groups_by_no:
                groups_by_no[rec.parent_item].member_items.append(rec.item_no)
                members_of.setdefault(id(groups_by_no[rec.parent_item]), []).append(rec)
            ex.records.append(rec)
            seg[id(rec)] = segment
            if row_plan:
                headed[id(rec)] = row_plan
            prev = rec
        # a numbered heading with nothing but its name (and maybe its unit) over its own
        # sub-items (`๑ พัฒนาระบบ…` over `๑.๑`, `๑.๒`) heads them like a group: no dates of its own
        recs = [r for r in ex.records if r.table == table.index]
        for a, b in zip(recs, recs[1:]):
            if a.row_kind or not a.item_no or b.parent_item != a.item_no:
                continue
            # (numbers in its month cells are its sub-items' sums)
            dated = any((a.start_raw, a.end_raw, a.duration_raw)) or (
                a.planned_months and id(a) not in number_only)
            if not dated:
                a.row_kind = "group"
            # (its items: under its number in its own project, items being numbered afresh
            # under each project's heading row)
            subs = [r for r in recs if r.parent_item == a.item_no and seg.get(id(r)) == seg.get(id(a))]
            if dated and (any(C.is_ditto(r.budget_raw) for r in subs) or not all(
                    C.digits(r.item_no).startswith(C.digits(a.item_no) + ".") for r in subs)):
                # an activity with months of its own is its sub-items' total only when they
                # carry its number (`1` over `1.1`, `1.2`) and amounts of their own (steps
                # repeating its amount by a ditto mark share its budget)
                continue
            if a.budget_raw and any(r.budget_thb is not None for r in subs):
                # (sub-items that state no amounts give no total to check)
                # its budget is its sub-items' total (`1 โครงการ… 350,000` over 1.1, 1.2), also
                # when it marks months of its own (a project row spanning its items' months)
                g = BudgetGroup(item_no=a.item_no, name=a.name, loc=C.loc_of(table, a.row, doc=doc),
                                total_thb=a.budget_thb, total_raw=a.budget_raw)
                g.member_items = [r.item_no for r in subs]
                members_of[id(g)] = subs
                ex.budget_groups.append(g)
        for lead in open_leads:
            lead[0] = len(ex.records)
        # an approval block after the table: in its own last rows (a sheet's cells under the
        # items), in small tables of its own after it, or in the paragraphs after it
        paras = (table_lines(table, sign_at) if sign_at is not None else []) + (
            closing_lines(doc, table, {t.table.index for t in inst.tables}) or inst.after.get(table.index, []))
        if paras:
            ap = parse_approval(paras, Location(page=(paras[0].page if doc.format == "pdf" else None),
                                                table=table.index))
            if ap is not None:
                ex.approvals.append(ap)
    _lone_groups(ex, group_ids)
    _grand_totals(ex, totals, headed)
    _heading_totals(ex, head_totals)
    _pin_members(ex, members_of)
    ex.forms.append(FORM)
    return ex
