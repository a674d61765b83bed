"""KPI report with a milestone matrix (รายงานผลการปฏิบัติราชการตามคำรับรองฯ, seed 000).

Labelled fields (ชื่อตัวชี้วัดที่, มิติที่, ผู้กำกับดูแลตัวชี้วัด …) may sit in paragraphs or in
label/value table rows; the matrix is a levels × steps table of ticks; the steps are described as
`ขั้นตอนที่ N : text` lines, with deadlines and thresholds inside the text. Without a matrix,
the milestones may be prose lines, one per level (`ระดับ N : text`), level N needing steps 1..N.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Optional

from pipeline import patterns
from schemas import Document, Paragraph, Record, Table, rules
from schemas.extraction import Extraction, MilestoneMatrix

from . import common as C
from . import recognize as R
from .activity_plan import is_mark

FORM = "kpi_report"
N_LEVELS = 5          # a milestone KPI is scored on five levels
# `ที่` written without its tone mark (`ขั้นตอนที 1`), a common typo, when a number follows
_STEP = patterns.compile(r"^\s*ขั้น(?:ตอน)?\s*ที่?\s*([0-9๐-๙]+)\s*[:：.]?\s*")
# a level cell: `3`, `ระดับ 3`, `ระดับคะแนน 3`, `ระดับที่ 3`, `3 คะแนน`, `คะแนน 3`, `Score 3`, `Level 3`,
# and with its translation in brackets naming the same level (`ระดับ 3 (Level 3)`, `คะแนน 3 (Score 3)`)
_LEVEL_WORD = r"(?:(?:ระดับ(?:คะแนน)?|คะแนน|score|level)\s*(?:ที่)?\s*)?"
_LEVEL_CELL = patterns.compile(rf"^\s*{_LEVEL_WORD}([1-9๑-๙])\s*(?:คะแนน)?\s*"
                               rf"(?:\(\s*{_LEVEL_WORD}\1\s*(?:คะแนน)?\s*\)\s*)?$", re.I)


@dataclass
class Line:
    """A paragraph, or a table row with its cells, in reading order."""
    text: str                  # cells joined by TAB for table rows
    cells: list[str]
    page: Optional[int]
    table: Optional[Table] = None
    row: Optional[int] = None
    full: Optional[list[str]] = None   # table rows: every cell of the row, empty ones too
    part: int = 0              # the sheet of a workbook (pages without numbers); 0 elsewhere
    claimed: bool = False      # a row of a table another form (form72, activity plan) recognised


_LABEL_INSIDE = patterns.compile(r"(?<=\S)\s*(?=(?:ผู้กำกับดูแลตัวชี้วัด|ผู้จัดเก็บข้อมูล|เบอร์ติดต่อ|โทรศัพท์|คำอธิบาย|"
                                 r"ค่าน้ำหนัก|(?<!ค่า)น้ำหนัก|"
                                 r"เกณฑ์การให้คะแนน|ขั้น(?:ตอน)?ที่\s*[0-9๐-๙]+|ชื่อตัวชี้วัดที่\s*[0-9๐-๙]+)\s*[:：])"
                                 r"|\s+(?=ขั้น(?:ตอน)?ที่\s*[0-9๐-๙]+\s)")


def _lines(doc: Document, claimed: frozenset = frozenset()) -> list[Line]:
    """The document's lines in reading order. A workbook's sheets (pages without a number) are
    parts of their own: an indicator's section never runs from one sheet into another."""
    out = []
    for k, page in enumerate(doc.pages):
        part = k if page.number is None else 0
        for b in page.blocks:
            if isinstance(b, Paragraph):
                for ln in b.text.split("\n"):
                    # PDF paragraphs may run two labelled fields together; a level citing its
                    # steps (`ระดับ 2 : ขั้นตอนที่ 1 ถึง 2`) is one line, not a level and a step
                    for piece in [ln] if _cites_steps(ln) else _LABEL_INSIDE.split(ln):
                        if piece.strip():
                            out.append(Line(piece.strip(), [piece.strip()], b.page, part=part))
            else:
                pages = b.row_pages()
                other = b.index in claimed
                for r, row in enumerate(b.grid()):
                    cells = [c for c in row if c.strip()]
                    listed = _listed_lines(cells[0]) if len(cells) == 1 and not other else None
                    if listed:
                        # a cell listing the steps one per line (`1) …` / `2) …`): read as the
                        # paragraphs it holds, as a report writing them below the matrix would
                        out.extend(Line(x, [x], pages[r], part=part) for x in listed)
                    elif cells:
                        out.append(Line("\t".join(cells), cells, pages[r], b, r, row, part, other))
    return out


def _listed_lines(text: str) -> Optional[list[str]]:
    """The lines of a cell that opens a numbered list (`1) …`, `ขั้นตอนที่ 1 …`) and numbers at
    least two of its lines 1, 2 … in order (wrapped lines between them), else None."""
    if "\n" not in text:
        return None
    lines = [x.strip() for x in text.split("\n") if x.strip()]
    nos = []
    for k, x in enumerate(lines):
        m = _STEP.match(x) or _NUMBERED.match(x)
        if k == 0 and m is None:
            return None
        if m is not None:
            nos.append(int(C.digits(m.group(1))))
    return lines if len(nos) >= 2 and nos == list(range(1, len(nos) + 1)) else None


def _label(line: str, names: list[str]) -> Optional[str]:
    """The value after a label at the start of a line (`label : value`), else None."""
    sq = line.strip()
    for name in names:
        m = _label_pattern(name).match(sq)
        if m:
            return sq[m.end():]
    return None


@lru_cache(maxsize=512)
def _label_pattern(name: str) -> re.Pattern:
    """A label with any spacing between its letters (PDF export spaces them out)."""
    rx = r"\s*".join(re.escape(ch) for ch in name.replace(" ", ""))
    return re.compile(rf"^{rx}\s*[:：]?\s*")


_BARE_NO = patterns.compile(r"[0-9๐-๙]{1,2}")
# a matrix column heading: `ขั้นตอนที่ 1`, `ขั้นที่ 1`, `Step 1`, or both languages in one cell
# (`ขั้นตอนที่ 1 (Step 1)`, `Step 1 / ขั้นตอนที่ 1`)
_STEP_HEAD = patterns.compile(r"^\s*(?:ขั้น(?:ตอน)?\s*(?:ที่?)?|step|milestone)\s*([0-9๐-๙]{1,2})\s*"
                              r"(?:[(/]?\s*(?:ขั้น(?:ตอน)?\s*ที่?|step|milestone)\s*[0-9๐-๙]{1,2}\s*\)?\s*)?$", re.I)
_STEP_BANNER = patterns.compile(r"ขั้นตอน|milestone", re.I)
# `ข้อ 1 … ข้อ 5`: steps numbered as the items of a list. Many tables head columns so (a checklist,
# a questionnaire), so these head a matrix only over level rows with ticks under them
_ITEM_HEAD = patterns.compile(r"^\s*ข้อ\s*(?:ที่\s*)?([0-9๐-๙]{1,2})\s*$")


@lru_cache(maxsize=1)
def _step_role() -> dict[str, list[str]]:
    # one dict for every call: the header matcher caches per vocabulary object
    return {"step": C.vocab(FORM)["step"]}


# The step header sits in a table's top rows; below them only after title rows or labelled
# fields a spreadsheet keeps in the same sheet (`รายงานผล…`, `ตัวชี้วัดที่ 8 …`, a two-row
# banner), and then only over the level rows it heads.
_HEAD_TOP = 4          # rows 0-3: a header there is taken as it is
_HEAD_DEEP = 12        # rows 4-11: a header there needs level rows with ticks under it
_LEVELS_UNDER = 3      # ... this many of them


def matrix_header(t: Table, rows: Optional[list] = None) -> Optional[tuple[int, dict[int, int]]]:
    """The step header of a levels × steps matrix: (its last row, column -> step number), or
    None when the table's top rows head no steps. The steps are headed `ขั้นตอนที่ 1 …
    ขั้นตอนที่ 5` in one row, or by a banner naming them (`ขั้นตอนที่`, `ระดับขั้นของความสำเร็จ
    (Milestone)`: the `step` role of the vocabulary) over a row of bare numbers `1 2 3 4 5` or
    `๑ ๒ ๓ ๔ ๕`, the level column (`คะแนน`) beside it often merged down over both rows.
    A header below the top rows (titles above it in the table) counts only over level rows
    (`1 | ✓`, `2 | ✓ | ✓` …): an ordinary table naming two steps in a row is no matrix."""
    if rows is None:
        rows = t.rows(limit=_HEAD_DEEP + N_LEVELS + 2)
    step_role = _step_role()
    deep = None         # rows that open with a level (`1`, `ระดับ 2`), looked for once
    for r in range(min(_HEAD_DEEP, len(rows))):
        if r >= _HEAD_TOP:
            if deep is None:
                deep = [i for i, row in enumerate(rows) if i >= _HEAD_TOP and _opens_with_level(row)]
            # (most tables have no level rows down there: their rows need no header reading)
            if sum(1 for i in deep if r < i <= r + N_LEVELS + 2) < _LEVELS_UNDER:
                continue
        head = _header_at(rows, r, step_role)
        if head is not None and (r < _HEAD_TOP or _heads_levels(rows, *head)):
            return head
    return None


def level_heading(text: str) -> Optional[int]:
    """The level a heading or level cell names (`3`, `ระดับ 3`, `Level 3`, `ระดับ 3 (Level 3)`)."""
    m = _LEVEL_CELL.match(C.clean(text)) if text else None
    return int(C.digits(m.group(1))) if m else None


def _opens_with_level(row: list) -> bool:
    first = next((c for c in row if c is not None and c.text.strip()), None)
    return first is not None and _LEVEL_CELL.match(first.text) is not None


def _header_at(rows: list, r: int, step_role) -> Optional[tuple[int, dict[int, int]]]:
    """matrix_header's reading of row r (and the row of bare numbers under it)."""
    found, items = {}, {}
    for c in rows[r]:
        if c is None:
            continue
        m = _STEP_HEAD.match(c.text)
        if m:
            found[c.col] = int(C.digits(m.group(1)))
        elif "ข้อ" in c.text and (m := _ITEM_HEAD.match(c.text)):
            items[c.col] = int(C.digits(m.group(1)))
    if len(found) >= 2:
        return r, found
    if len(items) >= 2 and _heads_levels(rows, r, items):
        return r, items
    if r + 1 >= len(rows):
        return None
    # `ขั้นตอนที่` over a row of bare step numbers: the numbers under the banner, which
    # reaches over its merged columns and over the empty cells after it (a PDF loses merges)
    numbers = {c.col: int(C.digits(t)) for c in rows[r + 1]
               if c is not None and _BARE_NO.fullmatch(t := c.text.strip())}
    seq = [numbers[col] for col in sorted(numbers)]
    if not any(a == 1 and b == 2 for a, b in zip(seq, seq[1:])):
        return None     # no `1 2 …` under this row (most tables): no banner to look for
    for b in rows[r]:
        if b is None or not b.text.strip() or not (
                _STEP_BANNER.search(b.text) or C.match_role(b.text, step_role)[0]):
            continue
        end = b.col + b.colspan
        while end < len(rows[r]) and (rows[r][end] is None or not rows[r][end].text.strip()):
            end += 1
        nums = {col: n for col, n in numbers.items() if b.col <= col < end}
        if len(nums) >= 2 and sorted(nums.values()) == list(range(1, len(nums) + 1)):
            return r + 1, nums
    return None


def _heads_levels(rows: list, hdr: int, step_cols: dict[int, int]) -> bool:
    """Level rows right under a step header: at least _LEVELS_UNDER rows of distinct levels
    (`1`, `ระดับ 2`, `3 คะแนน`) outside the step columns, a mark (or shading) in a step column
    in one of them at least."""
    body = [row for row in rows[hdr + 1:hdr + 1 + N_LEVELS + 1]
            if (first := next((c for c in row if c is not None and c.text.strip()), None)) is not None
            and _LEVEL_CELL.match(first.text) and first.col not in step_cols]
    levels = _level_rows(body, step_cols)
    return len(levels) >= _LEVELS_UNDER and any(levels.values())


def _matrix(tables: list[Table]) -> tuple[Optional[Table], dict[int, list[int]], list[int]]:
    for k, t in enumerate(tables):
        rows = t.rows()
        head = matrix_header(t, rows)
        if head is None:
            # the transpose (steps as rows, levels as columns), or levels citing step ranges
            found = _transposed_matrix(t, rows) or _range_matrix(t, rows)
            if found is not None:
                return (t,) + found
            continue
        hdr, step_cols = head
        levels = _level_rows(rows[hdr + 1:], step_cols)
        if not levels and k + 1 < len(tables) and tables[k + 1].index == t.index + 1 and \
                tables[k + 1].n_cols <= t.n_cols:
            # an empty row between the header and the level rows splits a sheet's matrix in two
            # tables: the next table's level rows, in the same columns, are the matrix's
            levels = _level_rows(tables[k + 1].rows(), step_cols)
        return t, levels, sorted(step_cols.values())
    return None, {}, []


# a number written in a matrix cell instead of a tick mark (`1`, `๑`, `3`; `1.0` from a spreadsheet)
_CELL_NUMBER = patterns.compile(r"^\s*([0-9๐-๙]{1,2})(?:\.0+)?\s*$")


def _number_ticks(cells: list[tuple[str, int]]) -> str:
    """How a matrix writes its ticks as numbers, from its filled cells that are no mark: (text,
    the cell's step). ``"ones"``: every such cell `1` (or `1`/`0`, `0` left unticked), the digit
    standing for a tick; ``"step"``: every one repeats its step's number (level 3 `1 | 2 | 3`);
    ``""`` when the numbers mean something else, a count or a threshold (or there are none).
    Any other text in such a cell: no number ticks."""
    values = []
    for text, step in cells:
        m = _CELL_NUMBER.match(text)
        if m is None:
            return ""
        values.append((int(C.digits(m.group(1))), step))
    if not values:
        return ""
    if {v for v, _ in values} <= {0, 1} and any(v == 1 for v, _ in values):
        return "ones"
    if all(v == step for v, step in values):
        return "step"
    return ""


def _number_tick(text: str, kind: str, step: int) -> bool:
    """A cell ticked by a number, as _number_ticks read the matrix."""
    m = _CELL_NUMBER.match(text) if kind else None
    if m is None:
        return False
    return int(C.digits(m.group(1))) == (1 if kind == "ones" else step)


def _level_rows(rows: list, step_cols: dict[int, int]) -> dict[int, list[int]]:
    """Level -> the steps ticked in its row, of the rows that open with a level (`1`, `ระดับ 2`).
    Ticks are marks, shading, or numbers (_number_ticks: `1` flags a system exports, the digit 1
    typed as the tick, or the step's number repeated)."""
    levels: dict[int, list[int]] = {}
    level_rows = []
    for row in rows:
        first = next((c for c in row if c is not None and c.text.strip()), None)
        if first is None:
            continue
        m = _LEVEL_CELL.match(first.text)
        if m and first.col not in step_cols:
            level_rows.append((int(C.digits(m.group(1))), row))
    kind = _number_ticks([(c.text, step_cols[c.col]) for _, row in level_rows for c in row
                          if c is not None and c.col in step_cols and c.text.strip() and not is_mark(c.text)])
    for lvl, row in level_rows:
        ticked = []
        for c in row:
            if c is None or c.col not in step_cols and not any(
                    k in step_cols for k in range(c.col, c.col + c.colspan)):
                continue
            if is_mark(c.text) or c.shaded or c.col in step_cols and _number_tick(c.text, kind, step_cols[c.col]):
                for k in range(c.col, c.col + c.colspan):
                    if k in step_cols:
                        ticked.append(step_cols[k])
        levels.setdefault(lvl, sorted(set(ticked)))
    return levels


_STEP_ALONE = patterns.compile(r"^\s*ขั้น(?:ตอน)?\s*ที่\s*([0-9๐-๙]{1,2})\s*$")
_NO_ALONE = patterns.compile(r"^\s*([0-9๐-๙]{1,2})\s*$")


def _transposed_matrix(t: Table, rows: list) -> Optional[tuple[dict[int, list[int]], list[int]]]:
    """Steps as rows (`ขั้นตอนที่ 1 | ✓ | ✓ …`) under a row of level columns (`ระดับ 1 …
    ระดับ 5`, `1 2 3 4 5` beside a `ขั้นตอน` corner): level -> the steps ticked in its column.
    A step row may also describe its step (`1. ศึกษาความต้องการ… | ● | ● …`, `(๑) …`) when the
    level columns are headed as levels (`ระดับคะแนน` over `1 … 5`, or `ระดับ 1 …`)."""
    for r in range(min(3, len(rows))):
        level_cols = {}
        worded = True         # the level columns are named as levels, not bare numbers alone
        for c in rows[r]:
            if c is None or c.col == 0:
                continue
            m = _LEVEL_CELL.match(c.text)
            if m:
                level_cols[c.col] = int(C.digits(m.group(1)))
                worded = worded and not _BARE_NO.fullmatch(c.text.strip())
        if len(level_cols) < 3 or sorted(level_cols.values()) != list(range(1, len(level_cols) + 1)):
            continue
        if not worded and r > 0:
            # bare numbers under a banner over them that names the levels (`ระดับคะแนน`)
            worded = any(b is not None and b.text.strip() and b.col <= min(level_cols) < b.col + max(b.colspan, 2)
                         and C.match_role(b.text, {"level": C.vocab(FORM)["level"]})[0] for b in rows[r - 1])
        levels: dict[int, list[int]] = {lvl: [] for lvl in level_cols.values()}
        step_rows = []
        described = False     # a step row that describes its step: the matrix needs ticks
        for row in rows[r + 1:]:
            first = next((c for c in row if c is not None and c.text.strip()), None)
            m = _STEP_ALONE.match(first.text) if first is not None else None
            if m is None and worded and first is not None and len(level_cols) <= N_LEVELS:
                # (a bare number `1` opens a step row whose text has a column of its own:
                # `ขั้นตอนที่ | รายละเอียด | ระดับคะแนน 1 … 5 | กำหนดแล้วเสร็จ`)
                m = _STEP.match(first.text) or _NUMBERED.match(first.text) or _NO_ALONE.match(first.text)
                described = described or m is not None
            if m is None or first.col in level_cols:
                continue
            step_rows.append((int(C.digits(m.group(1))), row))
        # ticks written as numbers (`1` for a tick, or the step's number again) read as marks
        kind = _number_ticks([(c.text, no) for no, row in step_rows for c in row
                              if c is not None and c.col in level_cols and c.text.strip() and not is_mark(c.text)])
        steps = [no for no, _ in step_rows]
        for no, row in step_rows:
            for c in row:
                if c is None or not (is_mark(c.text) or c.shaded or c.col in level_cols and _number_tick(c.text, kind, no)):
                    continue
                for k in range(c.col, c.col + c.colspan):
                    if k in level_cols:
                        levels[level_cols[k]].append(no)
        if len(steps) >= 2 and (not described or any(levels.values())):
            return {lvl: sorted(set(st)) for lvl, st in levels.items()}, sorted(set(steps))
    return None


# `ขั้นตอนที่ 1-3`, `ขั้นตอนที่ 1 ถึง 3`, `ขั้นตอนที่ 1, 2`, `ขั้นตอนที่ 1 และ 2`: the steps a level needs
# (`ขั้นตอน 1 - 2` without ที่ too)
_STEP_SPAN = patterns.compile(r"^\s*[=:：]?\s*(?:ดำเนินการ(?:ได้)?(?:ครบ(?:ถ้วน)?)?(?:ตาม)?\s*)?ขั้น(?:ตอน)?\s*(?:ที่\s*)?"
                              r"([0-9๐-๙]{1,2}(?:\s*(?:[-–—,]|ถึง|และ)\s*[0-9๐-๙]{1,2})*)\s*(?:แล้วเสร็จ|ครบถ้วน|ครบ)?\s*$")


# `ดำเนินการได้ 3 ขั้นตอน`, `ดำเนินการแล้วเสร็จ 3 ขั้นตอน`, `3 ขั้นตอน`: a level that counts the
# steps done, the first N of them
_STEP_COUNT = patterns.compile(r"^\s*[=:：]?\s*(?:ดำเนินการ\s*(?:ได้|แล้ว(?:\s*เสร็จ)?)?\s*)?(?:ครบ(?:ถ้วน)?\s*)?"
                               r"(?:จำนวน\s*)?([0-9๐-๙])\s*ขั้น(?:ตอน)?\s*(?:แล้วเสร็จ|ครบถ้วน)?\s*$")


def _step_span(text: str) -> Optional[list[int]]:
    if "ขั้น" not in text:
        return None         # (both wordings name the steps: most cells are no span)
    m = _STEP_SPAN.match(text)
    if m is None:
        mc = _STEP_COUNT.match(text)
        n = int(C.digits(mc.group(1))) if mc else 0
        return list(range(1, n + 1)) if n else None
    out: list[int] = []
    for part in re.split(r"\s*(?:,|และ)\s*", m.group(1)):
        ends = [int(C.digits(x)) for x in re.split(r"\s*(?:[-–—]|ถึง)\s*", part)]
        out.extend(range(ends[0], ends[-1] + 1) if len(ends) == 2 and ends[0] <= ends[1] else ends)
    return sorted(set(out))


def _range_matrix(t: Table, rows: list) -> Optional[tuple[dict[int, list[int]], list[int]]]:
    """A scoring table whose level rows cite the steps instead of ticking them (`1 |
    ขั้นตอนที่ 1`, `3 | ขั้นตอนที่ 1-3`): level -> those steps."""
    levels: dict[int, list[int]] = {}
    for row in rows:
        cells = [c for c in row if c is not None and c.text.strip()]
        if len(cells) < 2:
            continue
        m = _LEVEL_CELL.match(cells[0].text)
        span = _step_span(cells[1].text) if m else None
        if span:
            levels.setdefault(int(C.digits(m.group(1))), span)
    if len(levels) < 3:
        return _range_matrix_across(rows) or _range_matrix_in_cell(rows)
    return levels, sorted({s for st in levels.values() for s in st})


# a level opening its part of a ladder written in one cell: `1 = ขั้นตอนที่ 1, 2 = …`,
# `ระดับ 2 : ขั้นตอนที่ 1-2`, `3 คะแนน = …`, at the cell's start or after a separator
# or `ระดับ 2 ขั้นตอนที่ 1-2` opening a line of its own
_LEVEL_IN_CELL = patterns.compile(r"(?:^|(?<=[\s,;]))(?:ระดับ\s*(?:คะแนน\s*)?(?:ที่\s*)?|คะแนน\s*)?"
                                  r"([1-9๑-๙])\s*(?:คะแนน\s*)?(?:[=:：]|หมายถึง)"
                                  r"|(?:^|(?<=\n))\s*ระดับ\s*(?:คะแนน\s*)?(?:ที่\s*)?([1-9๑-๙])(?![0-9๐-๙.])\s*(?:คะแนน)?\s")


def _ladder_in_cell(text: str) -> dict[int, list[int]]:
    """Level -> steps of a scoring ladder typed in one cell, the levels one after another or one
    per line (`1 = ขั้นตอนที่ 1, 2 = ขั้นตอนที่ 1–2, …`); {} when the cell holds none."""
    if "ขั้น" not in text:
        return {}
    marks = list(_LEVEL_IN_CELL.finditer(text))
    levels: dict[int, list[int]] = {}
    for k, m in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(text)
        span = _step_span(C.clean(text[m.end():end]).rstrip(",;. "))
        if span:
            levels.setdefault(int(C.digits(m.group(1) or m.group(2))), span)
    return levels


def _range_matrix_in_cell(rows: list) -> Optional[tuple[dict[int, list[int]], list[int]]]:
    """The ladder typed in one cell (`เกณฑ์การให้คะแนน | 1 = ขั้นตอนที่ 1, 2 = …`): at least three
    levels citing or counting the steps they need."""
    for row in rows:
        for c in row:
            levels = _ladder_in_cell(c.text) if c is not None else {}
            if len(levels) >= 3:
                return levels, sorted({s for st in levels.values() for s in st})
    return None


def _range_matrix_across(rows: list) -> Optional[tuple[dict[int, list[int]], list[int]]]:
    """The same laid across: a row of levels (`ระดับ 1 | ระดับ 2 …`) over a row citing the
    steps each needs (`ดำเนินการได้ 1 ขั้นตอน | … 2 ขั้นตอน …`, `ขั้นตอนที่ 1-3`)."""
    for r in range(len(rows) - 1):
        level_cols = {}
        for c in rows[r]:
            m = _LEVEL_CELL.match(c.text) if c is not None else None
            if m:
                level_cols[c.col] = int(C.digits(m.group(1)))
        if len(level_cols) < 3:
            continue
        levels: dict[int, list[int]] = {}
        for c in rows[r + 1]:
            span = _step_span(c.text) if c is not None and c.col in level_cols else None
            if span:
                levels.setdefault(level_cols[c.col], span)
        if len(levels) >= 3:
            return levels, sorted({s for st in levels.values() for s in st})
    return None


def _level_table(doc: Document) -> bool:
    """A table that scores milestones without ticks: levels citing or counting the steps they
    need (`ระดับ 3 | ขั้นตอนที่ 1-3`, `ระดับ 1 … ระดับ 5` over `ดำเนินการได้ N ขั้นตอน`), or the
    steps listed one per level with a deadline or a result beside each (`ระดับคะแนน | เกณฑ์การ
    ให้คะแนน (ขั้นตอนการดำเนินงาน) | กำหนดแล้วเสร็จ | ผลการดำเนินงาน`), or steps as the rows of a
    transposed matrix that describe them beside their ticks and deadline."""
    for t in doc.tables():
        rows = t.rows(limit=12)
        if _range_matrix(t, rows) is not None:
            return True
        cols = _step_table_columns(t)
        if cols is not None and ("deadline" in cols or "result" in cols or "plan" in cols) and (
                cols.get("by_level") or cols.get("step_in_text") or _levelled_steps(cols)
                or _transposed_matrix(t, rows) is not None):
            # (step_in_text: a transposed matrix whose step rows describe the steps, a deadline
            # or a result beside each: `1. ศึกษา… | ● | ● … | 31 ธ.ค. 2570`; or their number and
            # text in columns of their own beside the level ticks)
            return True
    return False


def _levelled_steps(cols: dict) -> bool:
    """A steps table that gives each step the level it brings the indicator to in a column of its
    own (`ขั้นตอนที่ | รายละเอียด | ระดับคะแนน | ไตรมาส 1 … 4 | สถานะ`): milestones scored
    without a tick matrix."""
    return "level_step" in cols and not cols.get("by_level") and cols.get("level_step") != cols.get("step")


# A date written in numbers (`2025-11-30`, `2025/11/30`, `30/11/2568`, `30/11/68`, an ISO datetime
# `2025-11-30T00:00:00` an online system exports) is one token of a deadline phrase: read up to
# its year part, never cut at `2025` (the whole year) or at `30/11` (the fiscal year's November)
_NUMERIC_DATE = (r"[0-9๐-๙]{4}[-/.][0-9๐-๙]{1,2}[-/.][0-9๐-๙]{1,2}"
                 r"(?:[T ][0-9๐-๙]{1,2}:[0-9๐-๙]{2}(?::[0-9๐-๙]{2}(?:\.[0-9๐-๙]+)?)?)?"
                 r"|[0-9๐-๙]{1,2}[-/.][0-9๐-๙]{1,2}[-/.](?:[0-9๐-๙]{4}|[0-9๐-๙]{2})(?![0-9๐-๙])")
_DEADLINE_TOKEN = patterns.compile(rf"{_NUMERIC_DATE}|[0-9๐-๙]+|[^\s0-9๐-๙]+(?=\s|$)")
_NUMERIC_DATE_END = patterns.compile(rf"(?<![0-9๐-๙])(?:{_NUMERIC_DATE})$")
_YEAR_FIRST = patterns.compile(r"([0-9๐-๙]{4})[/.]([0-9๐-๙]{1,2})[/.]([0-9๐-๙]{1,2})")


def _year_first_iso(phrase: str, numeric: Optional[re.Match]) -> str:
    """The phrase with a year-first date in slashes or dots (`2025/11/30`) written as ISO
    (`2025-11-30`), the spelling the date normaliser reads; other phrases as they are."""
    if numeric is None:
        return phrase
    m = _YEAR_FIRST.match(numeric.group(0))
    if m is None:
        return phrase
    return phrase[:numeric.start()] + "-".join(m.groups()) + phrase[numeric.start() + m.end():]


def deadline_of(text: str, fy: Optional[int]) -> tuple[str, str, str]:
    """(deadline YYYY-MM-DD, deadline_raw, status) from a step's text (`ภายในวันที่ …`,
    `ภายในปีงบประมาณ พ.ศ.2549` -> the period's last day). The date is the phrase after ภายใน:
    up to its year when it states one, else the shortest phrase that reads as a date (the
    fiscal year places it: `ภายในวันที่ 31 มีนาคม`, `ภายในไตรมาสที่ 2`)."""
    for m in re.finditer(r"ภายใน|(?<![ก-๙])ใน(?=\s*ปี\s*งบประมาณ)|(?<=กำหนด)ใน(?=\s*ปี\s*งบประมาณ)|"
                         r"กำหนด\s*(?:แล้ว\s*)?เสร็จ(?:\s*ภายใน)?\s*[:：]?|due\s*(?:date|by)?\s*[:：]?", text, re.I):
        window = text[m.end():m.end() + 48]
        if re.match(r"^\s*[0-9๐-๙]+\s*วัน", window):
            continue           # "ภายใน 7 วันทำการ": a period, not a date
        ends = sorted({x.end() for x in _DEADLINE_TOKEN.finditer(window)})
        with_year, without = None, None
        for e in ends:
            phrase = C.clean(window[:e])
            last = re.search(r"([0-9๐-๙]+)$", phrase)
            numeric = _NUMERIC_DATE_END.search(phrase)
            yearish = last is not None and (len(last.group(1)) == 4 or numeric is not None or
                                             re.search(r"[ก-ฮ]\.?\s*[0-9๐-๙]{2}$", phrase))
            if not yearish and without is not None:
                continue
            dv = C.N().parse_date(_year_first_iso(phrase, numeric), fy)
            if not dv.ok:
                continue
            if yearish:
                with_year = (dv, e)
                break
            without = (dv, e)
        pick = with_year or without
        if pick:
            dv, e = pick
            return (dv.end or dv.start).isoformat(), C.clean(text[m.start():m.end() + e]), dv.status
    return "", "", ""


def period_end(text: str, fy: Optional[int]) -> tuple[str, str, str]:
    """(deadline YYYY-MM-DD, deadline_raw, status) from a period in a column of its own (`ต.ค. 66
    - ธ.ค. 66` -> 2023-12-31; a month alone is its last day). The raw is the cell as written; a
    period without an end (`ต.ค. 66 - ปัจจุบัน`) or a count (`3 เดือน`) gives none."""
    if text in C.DASHES:
        return "", "", ""
    dv = C.N().parse_date(text, fy)
    if dv.end is None or dv.status == "invalid":
        return "", "", ""
    return dv.end.isoformat(), text, dv.status


# Threshold wording (data): the words before a lower or an upper bound, and the units a count
# is made in. A count's unit not listed here is the word after the number when a space, a
# punctuation mark or the end of the text closes it (`อย่างน้อย 3 งานบริการ ภายใน…`).
AT_LEAST = ("ไม่น้อยกว่า", "ไม่ต่ำกว่า", "อย่างน้อย", "อย่างต่ำ", "ขั้นต่ำ", "at least", "not less than",
            "no less than", "a minimum of", "minimum of")
AT_MOST = ("ไม่เกิน", "ไม่มากกว่า", "ไม่สูงกว่า", "at most", "not more than", "no more than")
COUNT_UNITS = ("แห่ง", "ครั้ง", "เรื่อง", "ราย", "คน", "หน่วยงาน", "โครงการ", "กิจกรรม", "ระบบ", "ฉบับ",
               "หลักสูตร", "กลุ่ม", "หมู่บ้าน", "ชุมชน", "แผน", "ผลงาน", "รายการ", "ตำบล", "อำเภอ",
               "งานบริการ", "บริการ", "ศูนย์", "เครือข่าย", "ครัวเรือน", "องค์กร", "เล่ม",
               "ช่องทาง", "นวัตกรรม", "คะแนน", "เปอร์เซ็นต์", "%")


def _alternation(words) -> str:
    """Words as a regex alternation, the longest first (`งานบริการ` before `บริการ`), then in
    alphabetical order: the same pattern in every process (a set's order is not)."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=lambda w: (-len(w), w)))


_NUM = r"[0-9๐-๙]{1,3}(?:,[0-9๐-๙]{3})+(?:\.[0-9๐-๙]+)?|[0-9๐-๙]+(?:\.[0-9๐-๙]+)?"
_THRESHOLD = patterns.compile(rf"(?:(?:{_alternation(AT_LEAST + AT_MOST)})\s*)?ร้อยละ\s*({_NUM})", re.I)
# a unit not in the list: one Thai word (a leading vowel or a consonant, then letters) or one
# Latin word, closed by a space, a punctuation mark or the end of the text
_ANY_UNIT = r"[ก-ฮเ-ไ][ก-\u0E4E]{0,14}(?=[\s,;:()/.]|$)|[A-Za-z]+"
_COUNT = patterns.compile(rf"(?:{_alternation(AT_LEAST)})\s*({_NUM})\s*({_alternation(COUNT_UNITS)}|{_ANY_UNIT})",
                          re.I)


def threshold_of(text: str) -> tuple[Optional[float], str, str]:
    m = _THRESHOLD.search(text)
    if m:
        return C.amount_value(m.group(1)), "%", C.clean(m.group(0))
    m = _COUNT.search(text)
    if m:
        unit = rules.load("headers")["units"].get(m.group(2).lower(), m.group(2))
        return C.amount_value(m.group(1)), unit, C.clean(m.group(0))
    return None, "", ""


# A milestone written as one prose line per level, with no matrix (`ระดับ 1 : จัดตั้งคณะทำงาน …
# ภายในเดือนธันวาคม 2568`, `ระดับที่ 2 …`, `ระดับคะแนน 3 : …`). Level N then needs steps 1..N.
_LEVEL_PROSE = patterns.compile(r"^\s*ระดับ\s*(?:คะแนน\s*)?(?:ที่\s*)?([1-9๑-๙])(?![0-9๐-๙.,])\s*(?:คะแนน\s*)?"
                                r"(?:[:：]|หมายถึง|\s)\s*")
# a ladder threshold (`= 60%`, `ร้อยละ 60`, `ไม่น้อยกว่า 30 แห่ง`) is not a step
_THRESHOLD_LEAD = patterns.compile(rf"^\s*(?:[-=<>≥≤%0-9๐-๙.,]|ร้อยละ|{_alternation(AT_LEAST + AT_MOST)}|"
                                   r"มากกว่า|น้อยกว่า|ต่ำกว่า|สูงกว่า|เท่ากับ)", re.I)
# `ดำเนินการได้ 3 ขั้นตอน`, `ขั้นตอนที่ 1-3`: a level that counts steps described elsewhere
_STEP_REF = patterns.compile(r"ขั้น(?:ตอน)?\s*(?:ที่)?\s*[0-9๐-๙]|[0-9๐-๙]\s*ขั้น(?:ตอน)?")


def _prose_level(text: str) -> Optional[tuple[int, int, str]]:
    """(level, offset of its text, its text) of a `ระดับ N : …` line, else None."""
    m = _LEVEL_PROSE.match(text)
    if m is None:
        return None
    return int(C.digits(m.group(1))), m.end(), C.clean(text[m.end():])


def _is_action(text: str) -> bool:
    """A step to carry out, not a threshold: Thai words left once numbers are taken out."""
    if not text or _THRESHOLD_LEAD.match(text) or _STEP_REF.search(text):
        return False
    core = _COUNT.sub("", _THRESHOLD.sub("", text))
    return len(re.findall(r"[ก-ฮ]", core)) >= 4


def prose_levels(texts: list[Optional[str]]) -> dict[int, int]:
    """Index -> level of the lines that write milestones as prose, one line per level: a run of
    at least three `ระดับ N …` lines with rising N (gaps allowed: a missing level is reported,
    not hidden), each an action, no two alike once numbers are dropped (a ladder written
    `ระดับ 1 : มีผลเบิกจ่ายร้อยละ 60` repeats one text). ``None`` entries (tables) are skipped."""
    out: dict[int, int] = {}
    run: list[tuple[int, int, str]] = []

    def close():
        if len(run) >= 3 and all(_is_action(t) for _, _, t in run):
            cores = [re.sub(r"[0-9๐-๙.,%\s]", "", t) for _, _, t in run]
            if len(set(cores)) == len(cores):
                out.update({i: lvl for i, lvl, _ in run})
        run.clear()

    for i, t in enumerate(texts):
        p = _prose_level(t) if t is not None else None
        if p is None:
            continue          # wrapped lines and other text between the levels
        if run and p[0] <= run[-1][1]:
            close()           # numbering starts again: another list
        run.append((i, p[0], p[2]))
    close()
    return out


def has_prose_milestones(doc: Document) -> bool:
    """An indicator heading (`ตัวชี้วัดที่ N`, `ชื่อตัวชี้วัด :`) followed by prose milestones
    in the document's paragraphs; or a long-format export of milestones, one row per step."""
    if has_long_format(doc):
        return True
    labels = rules.load("headers")[FORM]["labels"]["kpi"]
    texts = [ln for b in doc.blocks() if isinstance(b, Paragraph) for ln in b.text.split("\n")]
    found = prose_levels(texts)
    if not found:
        found = _milestone_step_lines(texts)
    if not found:
        # no prose levels, but a table scoring the milestones without ticks, under a heading
        # (the heading looked for first: its paragraphs are fewer than the tables' cells)
        return any(_kpi_line(t) or _label(t, labels) is not None for t in texts) and _level_table(doc)
    first = min(found)
    return any(_kpi_line(t) or _label(t, labels) is not None for t in texts[:first])


_MILESTONE_WORDS = patterns.compile(r"ระดับขั้นของ\s*ความสำเร็จ|milestone", re.I)


def _cites_steps(text: str) -> bool:
    """`ระดับ 3 : ขั้นตอนที่ 1-3`: a level that names the steps it needs."""
    p = _prose_level(text)
    return p is not None and _step_span(p[2]) is not None


def _milestone_step_lines(texts: list[str]) -> set[int]:
    """Indices of `ขั้นตอนที่ 1 …` … `ขั้นตอนที่ 5 …` paragraphs, numbered 1..5 in order, after a
    line that scores the indicator by milestones (`ระดับขั้นของความสำเร็จ (Milestone)`, or a
    level citing its steps `ระดับ 3 : ขั้นตอนที่ 1-3`): a milestone KPI with no tick matrix."""
    start = next((i for i, t in enumerate(texts) if _MILESTONE_WORDS.search(t) or _cites_steps(t)), None)
    if start is None:
        return set()
    run: list[int] = []
    for i in range(start, len(texts)):
        m = _STEP.match(texts[i])
        if m is None or not _is_action(C.clean(texts[i][m.end():])):
            continue
        if int(C.digits(m.group(1))) == len(run) + 1:
            run.append(i)
        elif len(run) >= N_LEVELS:
            break
    if len(run) == N_LEVELS:
        return set(run)
    return set(_cited_list(texts))


def _cited_list(texts: list[Optional[str]]) -> list[int]:
    """Indices of the steps written as a numbered list (`1. …`, `2) …`) after at least three levels
    that cite the steps they need (`ระดับ 3 = ขั้นตอนที่ 1-3`): the list, numbered 1, 2 … in order,
    is the steps those levels cite. ``None`` entries (tables) are skipped."""
    cites = [i for i, t in enumerate(texts) if t is not None and _cites_steps(t)]
    if len(cites) < 3:
        return []
    run: list[int] = []
    for i in range(cites[-1] + 1, len(texts)):
        t = texts[i]
        m = _NUMBERED.match(t) if t is not None else None
        if m is None or not _is_action(C.clean(t[m.end():])):
            continue
        if int(C.digits(m.group(1))) == len(run) + 1:
            run.append(i)
        elif run:
            break
    return run if len(run) >= 3 else []


# a result cell holding only an empty box, a hollow circle or a cross mark: the step is not
# done (`● = ดำเนินการแล้ว ○ = ยังไม่ดำเนินการ`, `☑` / `☐`, `✔` / `✘`). A plain `x` / `X` is
# left out: offices tick matrices and Gantt charts with it. Wingdings marks exported as text
# read as their glyphs: `û` a cross, `ý` a box with a cross, `¨` an empty box (`ü` the tick is a
# mark). headers.json's `open_marks`.
@lru_cache(maxsize=1)
def _open_marks() -> frozenset[str]:
    return frozenset(_mark_key(m) for m in rules.load("headers")["open_marks"])


# a result cell holding only a status mark that says the step is done, beyond the ticks
# (`🟢`, `✅` in a status column an online system exports): headers.json's `done_marks`
@lru_cache(maxsize=1)
def _done_marks() -> frozenset[str]:
    return frozenset(_mark_key(m) for m in rules.load("headers")["done_marks"])


def _mark_key(text: str) -> str:
    """A mark for matching: squashed, without the emoji presentation selector (`✅️` is `✅`)."""
    return C.squash(text).replace("\ufe0f", "")


# words that make the date after them a plan, not a completion (`คาดว่าจะแล้วเสร็จ 31 มี.ค. 69`)
_PLANNED = patterns.compile(r"(?:กำหนด|ภายใน|คาดว่า|ตั้งแต่|จะ)[^0-9๐-๙]*$")


def _days_written(text: str):
    """The days written in a text (C.DAY_WRITTEN: Thai, numeric or English), in order. A
    candidate is followed by the next one starting inside it: a count before a date (`3 คลินิก
    02/05/2569`) reads as a Thai day (`3 คลินิก 02`) that is none, and must not hide the date."""
    pos = 0
    while (m := C.DAY_WRITTEN.search(text, pos)) is not None:
        yield m
        pos = m.start() + 1


def result_of(texts: list[str], fy, notes: str = "", done_on: str = "") -> tuple[str, str, str]:
    """(status, completed, completed_raw) from a step's result text; ``notes``: its remarks,
    whose day counts as the completion when they say the step was done; ``done_on``: the step's
    cell under a completion-date column (`วันที่แล้วเสร็จ`), whose day is the day it was done
    (before any day the result's words mention)."""
    if done_on and done_on.strip() and done_on not in texts:
        texts = texts + [done_on]
    joined = " ".join(texts)
    status = ""
    written = [C.clean(t) for t in texts if t and t.strip()]
    if written and all(t in C.DASHES for t in written):
        return "not_done", "", ""    # the report lists the step with `-`: nothing done yet
    if C.RESULT_NOT_DONE.search(joined) or any(_mark_key(t) in _open_marks() for t in texts if t):
        status = "not_done"
    elif C.RESULT_DONE.search(joined) or any(is_mark(t) or _mark_key(t) in _done_marks() for t in texts):
        status = "done"
    completed, craw = "", ""
    if status == "not_done":
        return status, completed, craw
    # a day reported in a completion column or a result text (`๑๕/๑๐/๖๘`, `ดำเนินการแล้วเสร็จ
    # 05/01/2569`, `✓ (5 ม.ค. 69)`) is the day the step was done; a planned day is not
    sources = [done_on, joined] if done_on and done_on.strip() else [joined]
    if notes and C.RESULT_DONE.search(notes) and not C.RESULT_NOT_DONE.search(notes):
        sources.append(notes)
    for src in sources:
        for m in _days_written(src):
            if _PLANNED.search(src[max(0, m.start() - 24):m.start()]):
                continue
            dv = C.N().parse_date(C.clean(m.group(0)), fy)
            if dv.ok and dv.granularity == "day":
                completed, craw = dv.start.isoformat(), C.clean(m.group(0))
                status = status or "done"
                break
        if completed:
            break
    for t in texts if not completed else ():
        ct = C.clean(t) if t else ""
        if not ct or len(ct) > 40 or _PLANNED_WORD.search(ct) or not (status == "done" or _MONTH_CELL.fullmatch(ct)):
            continue
        # a month alone in a result cell (`ผล (เดือน)` | `พ.ค. 69`), or after words that say the step
        # is done (`แล้วเสร็จ พ.ค. 69`): done in that month. Its first day stands for it, the
        # earliest the report allows, so a step done in its deadline's month is never late
        dv = C.N().parse_date(ct, fy)
        if dv.ok and dv.granularity == "month" and dv.start is not None:
            completed, craw = dv.start.isoformat(), ct
            status = status or "done"
            break
    for t in texts if not completed else ():
        if t and _SERIAL.fullmatch(t):
            # a completion column a system exports as a spreadsheet day number (`45646`)
            dv = C.N().parse_date(t.strip(), fy)
            if dv.ok and dv.granularity == "day":
                completed, craw = dv.start.isoformat(), t.strip()
                status = status or "done"
                break
    return status, completed, craw


_SERIAL = patterns.compile(r"\s*[0-9]{5}(?:\.0+)?\s*")
# a cell holding a month and nothing else (`ธ.ค. 68`, `เดือนพฤษภาคม 2569`, `มี.ค.`); the date
# normaliser then says whether the word is a month
_MONTH_CELL = patterns.compile(r"(?:เดือน)?\s*[ก-ฮเ-ไ][ก-๙.]{0,11}\s*(?:(?:พ\s*\.\s*ศ\s*\.?\s*)?[0-9๐-๙]{2,4})?")
# words that make a month in a result a plan, not a completion (`กำหนดเสร็จ มี.ค. 69`)
_PLANNED_WORD = patterns.compile(r"กำหนด|ภายใน|คาดว่า|ตั้งแต่|(?<![ก-๙])จะ|แผน")


# a progress cell: `100`, `50 %`, `ร้อยละ 100`, `๑๐๐.๐๐`
_PROGRESS = patterns.compile(r"(?:ร้อยละ\s*)?([0-9๐-๙]{1,3}(?:\.[0-9๐-๙]+)?)\s*%?")


def _progress_status(text: str) -> str:
    """A step's status from its progress cell: `done` at 100 %, `not_done` below, "" when the
    cell holds no percentage (its words are then read as a result's)."""
    m = _PROGRESS.fullmatch(C.clean(text))
    v = C.amount_value(C.digits(m.group(1))) if m else None
    if v is None:
        return ""
    return "done" if v >= 100 else "not_done"


_PHONE_AFTER = patterns.compile(r"\s*(?:โทร(?:ศัพท์)?\.?|เบอร์(?:โทร(?:ศัพท์)?|ติดต่อ)\.?|tel\.?)\s*[:：]?\s*"
                                r"([0-9๐-๙][0-9๐-๙ -]{5,}[0-9๐-๙](?:\s*(?:ต่อ|,)\s*[0-9๐-๙]+)?)\s*$", re.I)
_KPI_LINE = patterns.compile(r"^\s*(?:ชื่อ)?\s*(?:ตัวชี้วัด\s*ที่|ตัวชี้วัด(?=\s*[0-9๐-๙])|KPI(?:\s*(?:ที่|no\.?))?(?=\s*[0-9๐-๙]))"
                             r"\s*([0-9๐-๙]+(?:\.[0-9๐-๙]+)*)(?![0-9๐-๙.])\s*[:：.]?\s*(.*)$", re.S | re.I)
# `ตัวชี้วัด 5 …` / `KPI 2 : …` (no ที่): a heading only when a name follows, not a count
_KPI_BARE = patterns.compile(r"^\s*(?:ตัวชี้วัด|KPI)(?!\s*ที่)\s*[0-9๐-๙][0-9๐-๙.]*\s*[:：.]?\s*(?!ตัว|ข้อ|รายการ|ด้าน)[ก-ฮA-Za-z]", re.I)


# a report's title run into the heading (`รายงานผลการดำเนินงาน ตัวชี้วัดที่ 1 …`, `รายงาน
# ตัวชี้วัดที่ 1 …`): only before `ตัวชี้วัดที่ N`, so `รายงานผลการดำเนินงานตามตัวชี้วัด ปีงบประมาณ
# 2569` stays a title
_KPI_PREFIX = patterns.compile(r"^\s*(?:รายงาน(?:\s*ผล(?:\s*การ\s*ดำเนิน(?:งาน|การ))?)?(?:\s*ตาม)?\s*[:：-]?"
                               # the English label a bilingual heading writes first (`KPI 2.1 / ตัวชี้วัดที่ 2.1 : …`)
                               r"|KPI\s*(?:no\.?\s*)?[0-9๐-๙]+(?:\.[0-9๐-๙]+)*\s*[/|])\s*"
                               r"(?=(?:ชื่อ)?\s*ตัวชี้วัด\s*ที่\s*[0-9๐-๙])", re.I)
# the title's fiscal year at the end of such a line (`รายงานตัวชี้วัดที่ 1 <name> ปีงบประมาณ 2572`):
# the report's, no part of the indicator's name
_FY_TAIL = patterns.compile(r"\s+(?:ประจำ\s*)?ปี\s*งบประมาณ\s*(?:พ\s*\.\s*ศ\s*\.?\s*)?[0-9๐-๙]{4}\s*$")
# the weight written at the end of the heading (`… (น้ำหนัก 10)`, `… น้ำหนัก ร้อยละ 20` a PDF ran
# onto the heading's line): the indicator's weight, no part of its name
_WEIGHT_TAIL = patterns.compile(r"\s*[(\[]?\s*(?:ค่า)?น้ำหนัก(?:ตัวชี้วัด)?\s*[:：=]?\s*(?:ร้อยละ\s*)?"
                                r"([0-9๐-๙]+(?:\.[0-9๐-๙]+)?)\s*(?:%|คะแนน)?\s*[)\]]?\s*$")


# the value beside a `ตัวชี้วัด` key: an item number and a name, not a column heading
_KPI_VALUE = patterns.compile(r"^\s*[0-9๐-๙]{1,2}(?:\.[0-9๐-๙]{1,2})*\.?\s*[ก-ฮA-Za-z]")


def _strip_kpi_prefix(text: str) -> str:
    m = _KPI_PREFIX.match(text)
    return text[m.end():] if m else text


def _kpi_line(text: str) -> Optional[re.Match]:
    """An indicator heading: `ตัวชี้วัดที่ 3.2 …`, or `ตัวชี้วัด 5 …` / `KPI 2 : …` with a name."""
    text = _strip_kpi_prefix(text)
    m = _KPI_LINE.match(text)
    if m and not re.match(r"^\s*(?:ชื่อ)?\s*ตัวชี้วัด\s*ที่", text) and not _KPI_BARE.match(text):
        return None
    return m
_DIM_LINE = patterns.compile(r"^\s*มิติ\s*ที่\s*([0-9๐-๙]+)")


def _sections(lines: list[Line]) -> list[list[Line]]:
    """One section per indicator (`ชื่อตัวชี้วัดที่ N`), with the `มิติที่` line just before it."""
    starts = [i for i, ln in enumerate(lines) if ln.table is None and _kpi_line(ln.text)
              and re.match(r"^\s*ชื่อ", ln.text)]
    if not starts:
        starts = [i for i, ln in enumerate(lines) if ln.table is None and _kpi_line(ln.text)]
        # an indicator heading is followed by its steps; other mentions are not headings
        prose = prose_levels([ln.text if ln.table is None else None for ln in lines])
        steps_table: dict[int, bool] = {}

        def heads_steps(t: Table) -> bool:
            """A milestone matrix or a table of steps (`ที่ | ขั้นตอนการดำเนินงาน | …`)."""
            if id(t) not in steps_table:
                steps_table[id(t)] = _step_table_columns(t) is not None or _matrix([t])[0] is not None
            return steps_table[id(t)]

        # a heading on a sheet of its own, or after the steps of the one before it
        starts = [i for k, i in enumerate(starts)
                  if k == 0 or lines[i].part != lines[starts[k - 1]].part
                  or any(any(_STEP.match(c) for c in ln.cells) or j in prose
                         or (ln.table is not None and not ln.claimed and heads_steps(ln.table))
                         for j, ln in enumerate(lines[starts[k - 1]:i], starts[k - 1]))]
    if not starts:
        return [lines]
    bounds = []
    for k, i in enumerate(starts):
        j = i
        while j > 0 and j > i - 3 and lines[j - 1].table is None and lines[j - 1].part == lines[i].part and (
                _DIM_LINE.match(lines[j - 1].text) or not lines[j - 1].text.strip()):
            j -= 1
        bounds.append(j)
    # the lines before the first heading (title, period, agency) belong to the first indicator,
    # those of its own sheet only, and not the rows of a table another form recognised there
    part = lines[starts[0]].part
    first = bounds[0]
    while first > 0 and lines[first - 1].part == part:
        first -= 1
    out = []
    for k, b in enumerate(bounds):
        end = bounds[k + 1] if k + 1 < len(bounds) else len(lines)
        sec = lines[b:end]
        if k == 0:
            sec = [ln for ln in lines[first:b] if not ln.claimed] + sec
        # a section ends with its sheet: the next sheet is another form or another indicator's
        p = lines[starts[k]].part
        out.append([ln for ln in sec if ln.part == p])
    # a later sheet with no indicator heading of its own whose table describes steps (`ขั้นตอนที่ |
    # รายละเอียด | กำหนดแล้วเสร็จ`) carries on the indicator of the sheet before it; another
    # form's table there (an activity plan) does not
    headed = {lines[i].part for i in starts}
    last_of = {lines[i].part: k for k, i in enumerate(starts)}
    steps_cols: dict[int, bool] = {}
    for ln in lines:
        if ln.part in headed or ln.part < lines[starts[0]].part or ln.table is None or ln.claimed:
            continue
        if id(ln.table) not in steps_cols:
            steps_cols[id(ln.table)] = _step_table_columns(ln.table) is not None
        if steps_cols[id(ln.table)]:
            k = last_of[max(p for p in headed if p < ln.part)]
            out[k].append(ln)
    return out


# the period a report covers: `รอบ 12 เดือน`, `รอบการประเมิน 6 เดือน` (months from 1 October of the
# fiscal year), or the day its data stand at (`ข้อมูล ณ วันที่ 30 ก.ย. 2566`, `ผลการดำเนินงาน ณ 31
# มี.ค. 68`, `ณ สิ้นเดือนมีนาคม 2568`)
_ROUND = patterns.compile(r"รอบ\s*(?:การ\s*(?:ประเมิน|รายงาน)(?:ผล)?\s*)?([0-9๐-๙]{1,2})\s*เดือน")
_TICKED = patterns.compile(r"[☑☒✓✔■▣⊠✗✘]\s*$|\[\s*[xX/✓]\s*\]\s*$|\(\s*[xX/✓]\s*\)\s*$")
_AS_OF = patterns.compile(r"(?:ข้อมูล|ผลการดำเนิน(?:งาน|การ)|ผลการปฏิบัติ(?:งาน|ราชการ)?|รายงาน|สถานะ)"
                          r"[^\n]{0,60}?(?<![ก-๙])ณ\s*(?=วันที่|สิ้น|เดือน|[0-9๐-๙])")


def reported_as_of(lines: list[Line], fy: Optional[int]) -> Optional[tuple[str, str]]:
    """(YYYY-MM-DD, as written) of the last day a report covers, from its paragraphs: a stated
    `ณ` day (as written; a month stands for its last day), else the end of `รอบ N เดือน` of the
    fiscal year the line or the document states (รอบ 6 -> 31 March, รอบ 12 -> 30 September).
    A line naming two different rounds (a template's choice of rounds) states none; of the
    rounds a report states on separate lines (its 6-month and its 12-month results), the last."""
    rounds: list[tuple[str, str]] = []
    for ln in lines:
        if ln.table is not None or _STEP.match(ln.text):
            continue
        m = _AS_OF.search(ln.text)
        if m:
            d, raw, _ = deadline_of("ภายใน " + ln.text[m.end():], fy)
            if d:
                return d, C.clean(ln.text[m.start():m.end()] + raw[len("ภายใน"):])
        found = {int(C.digits(x.group(1))): x for x in _ROUND.finditer(ln.text)}
        if len(found) > 1:
            # a form's choice of rounds (`☐ รอบ 6 เดือน ☑ รอบ 12 เดือน`): the one ticked, if one is
            found = {n: x for n, x in found.items() if _TICKED.search(ln.text[max(0, x.start() - 4):x.start()])}
        if len(found) != 1:
            continue
        n, x = next(iter(found.items()))
        year = C.find_fiscal_year(ln.text) or fy
        if not 1 <= n <= 12 or not year:
            continue
        ce = year - 543 - 1                     # the fiscal year starts 1 October of the year before
        month = 10 + n - 1
        y, mo = (ce + (month - 1) // 12, (month - 1) % 12 + 1)
        last = (date(y + (mo == 12), mo % 12 + 1, 1) - timedelta(days=1))
        rounds.append((last.isoformat(), C.clean(x.group(0))))
    return max(rounds) if rounds else None


_PLAN_HEAD = patterns.compile(r"ไตรมาส|q[1-4]|quarter|[ก-ฮ]\.\s*[ก-ฮ]\.|(?:มกรา|กุมภา|มีนา|เมษา|พฤษภา|มิถุนา|กรกฎา|"
                              r"สิงหา|กันยา|ตุลา|พฤศจิกา|ธันวา)", re.I)


# the headings of a steps table's columns (squashed; an English gloss in brackets dropped)
_GLOSS = patterns.compile(r"\([A-Za-z][A-Za-z .&/-]*\)$")
_STEP_TABLE_HEADS = (
    # (`ข้อ`: steps numbered as the items of a list, `ข้อ | การดำเนินงาน | กำหนดแล้วเสร็จ`)
    ("step", patterns.compile(r"ขั้น(?:ตอน)?(?:ที่)?|ที่|ลำดับ(?:ที่)?|ข้อ(?:ที่)?|(?:step|milestone)(?:no\.?)?", re.I).fullmatch),
    # one step per level, level N adding step N (ก.พ.ร.): the level numbers the step (`ระดับ`,
    # `ระดับคะแนน`, or `คะแนน` alone: the score the step brings the indicator to)
    ("level_step", patterns.compile(r"ระดับ(?:คะแนน|ที่)?|คะแนน|(?:score)?level", re.I).fullmatch),
    # a progress column (`ร้อยละความก้าวหน้า`, `ความก้าวหน้า (%)`, `% ความสำเร็จ`): the share of the
    # step done, its status when no result column says otherwise
    ("progress", patterns.compile(r"(?:ร้อยละ|%|คิดเป็น)?(?:ผล)?ความ(?:ก้าวหน้า|คืบหน้า|สำเร็จ)|(?:%|percent(?:age)?)?progress|"
                                  r"%(?:completed?|completion)|percent(?:age)?complet", re.I).match),
    ("completed", patterns.compile(r"วันที่.*(?:แล้วเสร็จ|ดำเนินการ)|วันที่เสร็จ|completed", re.I).search),
    # a remarks column: the day a step was done is often written there (`แล้วเสร็จ 5 เม.ย. 69`)
    ("note", patterns.compile(r"หมายเหตุ|ข้อสังเกต|remarks?|notes?", re.I).match),
    ("deadline", patterns.compile(r"กำหนด|ภายใน|deadline|due(?:date|by)?$|targetdate", re.I).search),
    # a period (`ต.ค. 66 - ธ.ค. 66`): its end is the step's deadline
    ("period", patterns.compile(r"(?:ระยะ|ช่วง|ห้วง)เวลา|period|timeline|duration", re.I).match),
    # `แผน`, `แผน (เดือน)` beside `ผล (เดือน)`: the month or period planned for the step, whose
    # end is its deadline
    ("period", patterns.compile(r"แผน(?:\((?:เดือน|วันที่|วัน|ว/ด/ป|วัน/เดือน/ปี|ระยะเวลา|ช่วงเวลา)\))?").fullmatch),
    ("result", patterns.compile(r"ผล|สถานะ|status|result", re.I).match),
    # a status column headed by its question (`เสร็จแล้ว (Y/N)`, `แล้วเสร็จหรือไม่`)
    ("result", patterns.compile(r"(?:ดำเนินการ)?(?:เสร็จ(?:แล้ว)?|แล้วเสร็จ)(?:หรือไม่|แล้วหรือยัง|หรือยัง)?").fullmatch),
    ("text", patterns.compile(r"รายละเอียด|รายการ|กิจกรรม|การดำเนินงาน|การดำเนินการ|ขั้นตอนการ|คำอธิบาย|description|activity",
                              re.I).search),
    # `เกณฑ์การให้คะแนน`: the steps' text only beside a level column (`ระดับคะแนน`), one step per
    # level written as a sentence; beside an indicator (form 7.2) it is a ladder
    ("criteria", patterns.compile(r"เกณฑ์(?:การ)?(?:ให้)?คะแนน|scoringcriteria", re.I).match),
    ("plan", _PLAN_HEAD.match),
)


_LATIN = patterns.compile(r"[a-z]{2}")
_THAI_RUN = patterns.compile(r"[ก-๙][ก-๙0-9๐-๙.()%]*[ก-๙)%]|[ก-๙]")


@lru_cache(maxsize=8192)
def _step_table_head(s: str) -> str:
    """The column a steps-table heading cell (squashed) names, "" none; "plan" a timeline
    column. A heading in both languages (`ขั้นตอนที่ (Step)`, `กำหนดแล้วเสร็จ (Deadline)`) is read
    by its Thai, the English in brackets only when it is all the cell holds."""
    s = _GLOSS.sub("", s) or s
    if _LATIN.search(s):
        # English first (`Step / ขั้นตอนที่`, `Due Date` over `กำหนดแล้วเสร็จ`): read by its Thai too
        th = _THAI_RUN.search(s)
        s = th.group(0) if th else s
    if s:
        for role, test in _STEP_TABLE_HEADS:
            if test(s):
                return role
    return ""


# a status column answered yes or no (`เสร็จแล้ว (Y/N)`, `(ใช่/ไม่ใช่)`), and its answers
_YES_NO_HEAD = patterns.compile(r"\((?:y/n|yes/no|ใช่/ไม่ใช่|ใช่/ไม่)\)", re.I)
YES_ANSWERS = frozenset({"y", "yes", "ใช่"})
NO_ANSWERS = frozenset({"n", "no", "ไม่ใช่", "ไม่"})


# a heading that names the steps without numbering them (`ขั้นตอน`, not `ขั้นตอนที่`)
_STEP_WORD_HEAD = patterns.compile(r"ขั้น(?:ตอน)?|step|milestone", re.I)
_BARE_DAY_HEAD = patterns.compile(r"วันที่|ว\.?/ด\.?/ป\.?|date", re.I)


def _step_table_columns(t: Table, fy: Optional[int] = None) -> Optional[dict[str, int]]:
    """Columns of a table that describes the steps row by row (`ขั้นตอนที่ | รายละเอียด |
    กำหนดแล้วเสร็จ | ผลการดำเนินงาน`): step number, step text, deadline, result, completion.
    The header is the table's first row, or a later one where a PDF ran the steps table into the
    matrix above it (the key "header" holds its row; the steps are the rows below it)."""
    for r, row in enumerate(t.grid(limit=12)):
        cols: dict[str, int] = {}
        plan_heads: dict[int, str] = {}
        bare_day: Optional[int] = None
        for i, x in enumerate(row):
            role = _step_table_head(C.squash(x)) if x else ""
            if role == "step" and "step" in cols and "text" not in cols and _STEP_WORD_HEAD.fullmatch(
                    _GLOSS.sub("", C.squash(x)) or C.squash(x)):
                # `ที่ | ขั้นตอน | กำหนดแล้วเสร็จ`: the numbers come first, `ขั้นตอน` then heads the steps' text
                role = "text"
            if role == "plan":
                plan_heads[i] = x
            elif role == "progress":
                cols[role] = i      # progress by round (`รอบ 6 เดือน | รอบ 12 เดือน`): the latest, rightmost
            elif role:
                cols.setdefault(role, i)
            elif x and _BARE_DAY_HEAD.fullmatch(C.squash(x)):
                bare_day = bare_day if bare_day is not None else i
        if "result" in cols and _YES_NO_HEAD.search(C.squash(row[cols["result"]])):
            # `เสร็จแล้ว (Y/N)`: its `Y` / `N` say whether the step is done (a string: no column)
            cols["yes_no"] = "result"
        if bare_day is not None and "deadline" in cols and "completed" not in cols and bare_day > cols["deadline"]:
            # a column headed just `วันที่` after the deadline's, in a table that reports results:
            # the day each step was done (the deadline has a column of its own)
            cols["completed"] = bare_day
        if "step" not in cols and "text" in cols and ("deadline" in cols or "result" in cols) and \
                _transposed_matrix(t, t.rows(limit=r + 3 + 2 * N_LEVELS)) is not None:
            # a transposed matrix whose step rows describe the steps (`1. ศึกษา… | ● | ● … |
            # 31 ธ.ค. 2570`): the step's number opens its text cell; the level banner is no step
            cols["step"] = cols["text"]
            cols["step_in_text"] = 1
            cols.pop("level_step", None)
        if "step" not in cols and "level_step" in cols and ("text" in cols or "criteria" in cols) and (
                "deadline" in cols or "result" in cols or "period" in cols):
            cols["step"], cols["by_level"] = cols["level_step"], 1
            cols.setdefault("text", cols["criteria"] if "criteria" in cols else cols["text"])
        if "step" in cols and "text" in cols:
            cols["header"] = r
            for i, x in plan_heads.items():
                # a timeline column (`ไตรมาส 2`, `ม.ค. 70`): a tick under it plans the step then
                end = period_end(C.clean(x), fy)
                if end[0]:
                    cols.setdefault("plan", {})[i] = end
            return cols
    return None


_STEP_NO_CELL = patterns.compile(r"^\s*(?:ขั้น(?:ตอน)?\s*ที่\s*|\(\s*)?([0-9๐-๙]{1,2})\s*[.)]?\s*$")


def _continued_steps(prev_cols: Optional[dict], prev: Table, t: Table) -> Optional[dict]:
    """The columns of a steps table that a page break carried on into table t without its header
    row (a PDF starts a new table on each page; Word repeats a header only when told to): t
    follows the steps table right away, has its columns, and its first row opens with a step
    number or carries on the row above (its step cell empty). The header is then "row -1"."""
    if prev_cols is None or t.index != prev.index + 1 or t.n_cols != prev.n_cols:
        return None
    top = t.grid(limit=1)
    if not top:
        return None
    row = top[0]
    cell = lambda role: row[prev_cols[role]] if role in prev_cols and prev_cols[role] < len(row) else ""
    if prev_cols.get("step_in_text"):
        opens = bool(_STEP.match(cell("text")) or _NUMBERED.match(cell("text")))
    else:
        opens = bool(_STEP_NO_CELL.match(cell("step")) or
                     (prev_cols.get("by_level") and _LEVEL_CELL.match(cell("step"))))
    if not opens and (C.clean(cell("step")) or not C.clean(cell("text"))):
        return None
    return dict(prev_cols, header=-1)


def _split_over_page(ln: "Line", st_cols: dict, tables: list, prev_step: dict) -> bool:
    """Row ln, the first below a steps table's header, carries on the last row of the steps table
    just before it: Word lets a row break across pages, and the PDF starts a new table (its header
    repeated, or none) on the next page."""
    prev_ln: Line = prev_step["line"]
    return (ln.row == st_cols["header"] + 1 and len(tables) >= 2 and prev_ln.table is tables[-2]
            and prev_ln.table.n_cols == ln.table.n_cols and ln.page is not None and prev_ln.page is not None
            and ln.page > prev_ln.page)


def _completion_column(t: Table) -> Optional[int]:
    """The column of a results table (header in its first row) that gives the day each step was
    done: headed as a completion date (`วันที่แล้วเสร็จ`, `Completed`), or just `วันที่` / `Date`
    where no column gives a deadline."""
    head = t.grid(limit=1)
    if not head:
        return None
    roles = [_step_table_head(C.squash(x)) if x else "" for x in head[0]]
    if "completed" in roles:
        return roles.index("completed")
    if "deadline" in roles or "period" in roles:
        return None
    return next((i for i, x in enumerate(head[0]) if x and _BARE_DAY_HEAD.fullmatch(C.squash(x))), None)


def _is_result_table(t: Table) -> bool:
    roles = C.vocab(FORM)
    head = [c.text for c in t.cells if c.row == 0]
    return any(C.match_role(x, {"result": roles["result"]})[0] for x in head)


# `1. …`, `1) …`, `(1) …`, `(๑) …`
_NUMBERED = patterns.compile(r"^\s*(?:\(\s*)?([0-9๐-๙]{1,2})\s*[.)]\s*(?=\S)")


def _tables_of(lines: list[Line]) -> list[Table]:
    """The tables of a run of lines, in order."""
    tables: list[Table] = []
    for ln in lines:
        if ln.table is not None and (not tables or tables[-1] is not ln.table):
            tables.append(ln.table)
    return tables


def _numbered_steps(lines: list[Line]) -> set[int]:
    """Indices of the paragraphs that describe the steps as a numbered list (`1. …`, `2. …`)
    after the milestone matrix, in a report that does not write them `ขั้นตอนที่ N`."""
    if any(ln.table is None and _STEP.match(ln.text) for ln in lines):
        return set()
    table, _, step_nos = _matrix(_tables_of(lines))
    if table is None:
        # no matrix: the list may follow levels that cite its steps (`ระดับ 3 = ขั้นตอนที่ 1-3`)
        return set(_cited_list([ln.text if ln.table is None else None for ln in lines]))
    after = max(i for i, ln in enumerate(lines) if ln.table is table) + 1
    run: list[int] = []
    for i in range(after, len(lines)):
        ln = lines[i]
        if ln.table is not None:
            if run:
                break
            continue
        m = _NUMBERED.match(ln.text)
        if m is None:
            continue
        no = int(C.digits(m.group(1)))
        if no == len(run) + 1:
            run.append(i)
        elif run:
            break
    return set(run) if len(run) >= 2 and len(run) <= max(step_nos, default=0) else set()


_NUMBER = patterns.compile(r"[0-9๐-๙]+(?:\.[0-9๐-๙]+)?")


def _prose_steps(lines: list[Line]) -> dict[int, int]:
    """Line index -> level of prose milestones (`ระดับ N : …`) in a section that has neither a
    matrix nor `ขั้นตอนที่ N` steps (there a `ระดับ N` line explains the scoring instead)."""
    if any(_STEP.match(ln.cells[0]) for ln in lines):
        return {}
    tables = []
    for ln in lines:
        if ln.table is not None and (not tables or tables[-1] is not ln.table):
            tables.append(ln.table)
    if _matrix(tables)[0] is not None:
        return {}
    return prose_levels([ln.text if ln.table is None else None for ln in lines])


def extract(doc: Document, meta, claimed: Optional[frozenset] = None) -> Extraction:
    """``claimed``: indices of the tables the table forms recognised (recognised here when not
    given). Those tables are no indicator's preamble and no source of its steps once the
    indicator has steps of its own."""
    if claimed is None:
        claimed = frozenset(tf.table.index for inst in R.recognize(doc) for tf in inst.tables)
    ex = Extraction(source_file=meta.source_file)
    lines = _regroup_long_format(_lines(doc, claimed))
    doc_period = reported_as_of(lines, meta.fiscal_year)
    sections = _sections(lines)
    agencies = _section_agencies(lines, sections)
    for sec, agency in zip(sections, agencies):
        first = len(ex.records)
        _extract_section(sec, ex, meta, reported_as_of(sec, meta.fiscal_year) or doc_period)
        for r in ex.records[first:]:
            r.agency = r.agency or agency
    if ex.records:
        ex.forms.append(FORM)
    return ex


# the indicator's own columns in a long-format export (one row per step, the indicator repeated
# on every row): `ตัวชี้วัดที่ | ชื่อตัวชี้วัด | น้ำหนัก | ขั้นตอนที่ | …` (squashed headings)
_LONG_KPI_NO = patterns.compile(r"(?:ตัวชี้วัด|kpi)(?:ที่|no\.?|#)|(?:ลำดับ|รหัส)ตัวชี้วัด|kpi(?:code|id)", re.I).fullmatch
_LONG_KPI_NAME = patterns.compile(r"(?:ชื่อ)?ตัวชี้วัด|(?:kpi|indicator)(?:name)?", re.I).fullmatch
_LONG_WEIGHT = patterns.compile(r"(?:ค่า)?น้ำหนัก(?:ตัวชี้วัด|คะแนน)?(?:\(?(?:ร้อยละ|%)\)?)?|weight", re.I).fullmatch


def _long_format_columns(t: Table) -> Optional[dict[str, int]]:
    """A steps table that carries its indicator on every row (an online system's export):
    the steps-table columns plus `kpi_name` (and `kpi_no`, `kpi_weight` where given), or None.
    The name must repeat on the row under the header: a table listing indicators is no such."""
    # (a column headed with the indicator's name first: far cheaper than reading a steps table's
    # header, and few tables have one)
    if not any(x and len(x) <= 60 and _LONG_KPI_NAME(_GLOSS.sub("", C.squash(x)) or C.squash(x))
               for row in t.grid(limit=12) for x in row):
        return None
    cols = _step_table_columns(t)
    if cols is None or not ("deadline" in cols or "result" in cols or "plan" in cols or "level_step" in cols):
        return None
    grid = t.grid(limit=cols["header"] + 3)
    if len(grid) < cols["header"] + 3:
        return None
    head = grid[cols["header"]]
    taken = {v for k, v in cols.items() if isinstance(v, int) and k != "header"}
    found: dict[str, int] = {}
    for i, x in enumerate(head):
        if i in taken or not x:
            continue
        sq = _GLOSS.sub("", C.squash(x)) or C.squash(x)
        for role, test in (("kpi_no", _LONG_KPI_NO), ("kpi_name", _LONG_KPI_NAME), ("kpi_weight", _LONG_WEIGHT)):
            if role not in found and test(sq):
                found[role] = i
                break
    if "kpi_name" not in found:
        return None
    a, b = (C.clean(row[found["kpi_name"]]) if found["kpi_name"] < len(row) else ""
            for row in grid[cols["header"] + 1:cols["header"] + 3])
    if not a or a != b:
        return None
    return {**cols, **found}


def has_long_format(doc: Document) -> bool:
    """A long-format milestone export: a steps table with the indicator repeated on its rows."""
    return any(_long_format_columns(t) is not None for t in doc.tables())


def _regroup_long_format(lines: list[Line]) -> list[Line]:
    """The rows of a long-format export regrouped as one section per indicator: before each run
    of rows naming the same indicator, its heading (`ตัวชี้วัดที่ N name`) and weight as the
    paragraphs a report would write, so the steps under them are that indicator's."""
    cols_of: dict[int, Optional[dict[str, int]]] = {}
    out: list[Line] = []
    last_key: dict[int, tuple] = {}
    for ln in lines:
        if ln.table is None or ln.claimed or ln.full is None:
            out.append(ln)
            continue
        if id(ln.table) not in cols_of:
            cols_of[id(ln.table)] = _long_format_columns(ln.table)
        cols = cols_of[id(ln.table)]
        if cols is None or ln.row is None or ln.row < cols["header"]:
            out.append(ln)
            continue
        if ln.row == cols["header"]:
            continue        # its `ตัวชี้วัดที่ | ชื่อตัวชี้วัด` headings would read as a label line
        get = lambda role: C.clean(ln.full[cols[role]]) if role in cols and cols[role] < len(ln.full) else ""
        name, no = get("kpi_name"), C.digits(get("kpi_no"))
        if name and not C.is_ditto(name):
            key = (no, name)
            if last_key.get(id(ln.table)) != key:
                last_key[id(ln.table)] = key
                head = f"ตัวชี้วัดที่ {no} {name}" if re.fullmatch(r"[0-9]+(?:\.[0-9]+)*", no) else name
                if not _kpi_line(head):
                    head = f"ตัวชี้วัดที่ {head}"
                out.append(Line(head, [head], ln.page, part=ln.part))
                if get("kpi_weight"):
                    w = f"น้ำหนัก : {get('kpi_weight')}"
                    out.append(Line(w, [w], ln.page, part=ln.part))
        out.append(ln)
    return out


# `หน่วยงาน : สำนักงานสาธารณสุขอำเภอพบพระ`: the office whose report follows
_AGENCY_LABEL = patterns.compile(r"^\s*(?:ชื่อ)?(?:หน่วยงาน|ส่วนราชการ)(?:ที่รายงาน|ผู้รายงาน)?\s*[:：]\s*(\S[^\t\n]*)$")


def _section_agencies(lines: list[Line], sections: list[list[Line]]) -> list[str]:
    """Each section's agency where a file gathers several offices' reports (a district's or a
    network's consolidated file): the one the last `หน่วยงาน :` line before its indicator
    heading names. Empty (the document's agency) unless the sections name two or more."""
    if len(sections) < 2:
        return [""] * len(sections)
    in_effect: dict[int, str] = {}
    cur = ""
    for ln in lines:
        if ln.table is None:
            m = _AGENCY_LABEL.match(ln.text)
            if m:
                cur = C.clean(m.group(1))
        in_effect[id(ln)] = cur
    out = []
    for sec in sections:
        head = next((ln for ln in sec if ln.table is None and _kpi_line(ln.text)), None)
        out.append(in_effect.get(id(head), "") if head is not None else "")
    return out if len(set(x for x in out if x)) >= 2 else [""] * len(sections)


# the headings of a report's other parts: a paragraph that starts with one is not the wrapped
# rest of the step (or labelled field) above it (`แหล่งข้อมูล …` after the last step)
_ENDS_FIELD = patterns.compile(r"^\s*(?:โดยที่|หมายเหตุ|ผลการดำเนิน(?:งาน|การ)|ผลการปฏิบัติงาน|แหล่ง(?:ที่มาของ)?ข้อมูล|"
                               r"วิธี(?:การ)?(?:จัด)?เก็บ(?:รวบรวม)?ข้อมูล|เอกสาร\s*/?\s*(?:หลักฐาน|ประกอบ|อ้างอิง)|"
                               r"หลักฐาน(?:อ้างอิง|ประกอบ)|ปัญหา(?:และ)?อุปสรรค|ข้อเสนอแนะ|เงื่อนไข|สูตร(?:การ)?คำนวณ|"
                               r"ผู้รับผิดชอบ|ผู้รายงาน|ผู้ให้ข้อมูล|ลงชื่อ|ลงนาม|เกณฑ์การ|มิติที่|(?:ชื่อ)?ตัวชี้วัดที่)")


# a line naming the agency and the fiscal year (`สำนักงานจังหวัดอุทัยธานี ปีงบประมาณ พ.ศ. 2569`)
_META_LINE = patterns.compile(r"^\s*(?:กรม|กระทรวง|สำนักงาน|สำนัก|จังหวัด|อำเภอ|เทศบาล|องค์การบริหารส่วน|มหาวิทยาลัย|"
                              r"โรงพยาบาล|สถาบัน|ศูนย์|กอง|หน่วยงาน|ส่วนราชการ)[^\n]{0,120}?"
                              r"(?:ปีงบประมาณ|ประจำปี)\s*(?:พ\s*\.\s*ศ\s*\.?\s*)?[0-9๐-๙]{2,4}(?![0-9๐-๙])")


# a labelled result paragraph right under a step's paragraph
_RESULT_PARA = patterns.compile(r"^\s*(?:ผล(?:การ)?(?:ดำเนิน(?:งาน|การ)|ปฏิบัติ(?:งาน|ราชการ))?|result)\s*"
                                r"(?:\([A-Za-z ]+\))?\s*[:：]\s*(\S.*)$", re.I | re.S)


def _extract_section(lines: list[Line], ex: Extraction, meta,
                     period: Optional[tuple[str, str]] = None) -> None:
    labels = rules.load("headers")[FORM]["labels"]
    kpi = Record(record_type="kpi", form=FORM, source_file=meta.source_file)
    phones: list[str] = []
    steps: dict[int, dict] = {}
    results: dict[int, list[str]] = {}
    current: Optional[tuple[str, object]] = None
    fy = meta.fiscal_year
    tables: list[Table] = []
    result_tables: dict[int, bool] = {}
    step_tables: dict[int, Optional[dict[str, int]]] = {}
    claimed_use: dict[int, bool] = {}
    numbered = _numbered_steps(lines)
    # the section's matrix: its step rows (a transposed matrix ticked `1`) describe no step
    mx_table = _matrix(_tables_of(lines))[0]
    para_step: Optional[int] = None      # the step whose paragraph came last, while no table follows
    last_row_step: Optional[tuple[int, int]] = None
    prose = _prose_steps(lines)
    # the round (`ผลการดำเนินงาน รอบ 12 เดือน`) the results below a paragraph report, and the
    # table and round each step's result came from: a later round's table replaces an earlier's
    cur_round: Optional[int] = None
    result_src: dict[int, tuple[int, Optional[int]]] = {}
    # a results table's completion-date column (`ขั้นตอนที่ | ผลการดำเนินงาน | วันที่แล้วเสร็จ`):
    # table -> its column, and step -> its cell there
    done_cols: dict[int, Optional[int]] = {}
    results_done: dict[int, str] = {}
    last_done = ""
    weight_labels = labels["weight"]      # the indicator's weight (`น้ำหนัก : ร้อยละ 5`)
    for i_ln, ln in enumerate(lines):
        if ln.table is not None and (not tables or tables[-1] is not ln.table):
            tables.append(ln.table)
        cells = ln.cells
        first = cells[0]
        rest_cells = cells[1:]
        if ln.table is None:
            rounds = {int(C.digits(x.group(1))) for x in _ROUND.finditer(ln.text)}
            if len(rounds) == 1:
                cur_round = rounds.pop()
        if ln.claimed:
            # a table another form recognised belongs to this indicator only for what it still
            # lacks: its steps (a steps table the plan reader also takes), else its results. An
            # activity plan after a complete indicator is no part of it
            if id(ln.table) not in claimed_use:
                claimed_use[id(ln.table)] = not steps or not (
                    results or any(v for s in steps.values() for v in s.get("parts", {}).values()))
            if not claimed_use[id(ln.table)]:
                continue
        if ln.table is not None and id(ln.table) not in result_tables:
            result_tables[id(ln.table)] = _is_result_table(ln.table)
        in_results = ln.table is not None and result_tables[id(ln.table)]
        if ln.table is not None and id(ln.table) not in step_tables:
            # a table another form recognised (an activity plan's `ที่ | กิจกรรม`) describes the
            # steps only when the indicator has none yet (a steps table the plan reader also takes)
            step_tables[id(ln.table)] = None if ln.claimed and steps else _step_table_columns(ln.table, fy)
            if step_tables[id(ln.table)] is None and not ln.claimed and len(tables) >= 2:
                # a steps table carried on to the next page without its header row (PDF)
                prev = tables[-2]
                step_tables[id(ln.table)] = _continued_steps(step_tables.get(id(prev)), prev, ln.table)
        st_cols = step_tables.get(id(ln.table)) if ln.table is not None else None
        if st_cols is not None and ln.row is not None and ln.row > st_cols["header"] and ln.full is not None:
            # a table of steps, one row each, with their deadline and result beside them
            cell = lambda role: ln.full[st_cols[role]] if role in st_cols and st_cols[role] < len(ln.full) else ""
            if st_cols.get("step_in_text"):
                ms = _STEP.match(cell("text")) or _NUMBERED.match(cell("text"))
                text = C.clean(cell("text")[ms.end():]) if ms else ""
            else:
                ms = re.match(r"^\s*(?:ขั้น(?:ตอน)?\s*ที่\s*|\(\s*)?([0-9๐-๙]{1,2})\s*[.)]?\s*$", cell("step"))
                if ms is None and st_cols.get("by_level"):
                    ms = _LEVEL_CELL.match(cell("step"))   # `ระดับ 3`, `คะแนน 3`: level N adds step N
                text = C.clean(cell("text"))
            if ms and text and int(C.digits(ms.group(1))) not in steps:
                no = int(C.digits(ms.group(1)))
                planned = [end for col, end in st_cols.get("plan", {}).items()
                           if col < len(ln.full) and is_mark(ln.full[col])]
                steps[no] = {"text": text, "line": ln, "deadline_text": C.clean(cell("deadline")),
                             "period_text": C.clean(cell("period")), "planned_end": max(planned, default=None),
                             "parts": {k: C.clean(cell(k)) for k in ("result", "completed")},
                             "yes_no": bool(st_cols.get("yes_no")),
                             "progress": C.clean(cell("progress")),
                             "note": C.clean(cell("note")), "by_level": bool(st_cols.get("by_level")),
                             "level": level_heading(cell("level_step")) if _levelled_steps(st_cols) else None}
                current = None
                last_row_step = (id(ln.table), no)
                continue
            if not C.clean(cell("step")) and all(_NO_ALONE.match(x) for x in cells if x.strip()):
                # numbers under the header (`1 2 3 4 5` under a `ระดับคะแนน` banner): a header
                # row, no step's cells and no result
                current = None
                continue
            if not C.clean(cell("step")) and last_row_step and (
                    last_row_step[0] == id(ln.table) or _split_over_page(ln, st_cols, tables, steps[last_row_step[1]])):
                # a row a PDF split off the one above (`… เมื่อวันที่ 18 เม.ย.` / `2568`): the
                # cells carry on the previous step's
                s_prev = steps[last_row_step[1]]
                s_prev["text"] = C.clean(s_prev["text"] + " " + cell("text"))
                s_prev["deadline_text"] = C.clean(s_prev["deadline_text"] + " " + cell("deadline"))
                s_prev["period_text"] = C.clean(s_prev["period_text"] + " " + cell("period"))
                for k in ("result", "completed"):
                    s_prev["parts"][k] = C.clean(s_prev["parts"][k] + " " + cell(k))
                s_prev["note"] = C.clean(s_prev.get("note", "") + " " + cell("note"))
                s_prev["progress"] = C.clean(s_prev.get("progress", "") + " " + cell("progress"))
                continue
        elif ln.table is not None and st_cols is None:
            # (a steps table's header, repeated on the next page, keeps the step above open: its
            # first row may carry on the row a page break split)
            last_row_step = None
        key, v = None, None
        for k in ("kpi", "dimension", "supervisor", "data_collector", "phone", "description", "criteria",
                  "other"):
            v = _label(first, labels.get(k, []))
            if v is not None:
                key = k
                break
        if key is None and ln.table is None and not kpi.name and (_KPI_BARE.match(first) or _KPI_PREFIX.match(first)):
            key, v = "kpi", ""          # `ตัวชี้วัด 5 …`, `KPI 2 : …`, `รายงานผล ตัวชี้วัดที่ 1 …`
        if key is None and ln.table is not None and not ln.claimed and not kpi.name and len(cells) == 2 and \
                _LONG_KPI_NAME(C.squash(first)) and _KPI_VALUE.match(cells[1]):
            key, v = "kpi", ""          # a key/value pair `ตัวชี้วัด | 5.1 ระดับความสำเร็จ…` (a system's export)
        if key is None and not in_results and kpi.weight is None:
            v = _label(first, weight_labels)
            wv = C.clean(" ".join([v] + rest_cells)) if v is not None else ""
            mw = _NUMBER.search(wv)
            if mw:
                kpi.weight = C.amount_value(mw.group(0))
                kpi.weight_raw = wv
                current = None
                continue
        if key is not None and not in_results:
            value = C.clean(" ".join([v] + rest_cells)) if v or rest_cells else ""
            if key == "kpi":
                m = _KPI_LINE.match(_strip_kpi_prefix(C.clean(ln.text.replace("\t", " "))))
                if not kpi.name and (m or value):
                    if m:
                        kpi.item_no, kpi.name = C.digits(m.group(1)), C.clean(m.group(2))
                    else:          # `ชื่อตัวชี้วัด : 7. …` or the name alone
                        item = C.split_item(value, allow_group=False)
                        kpi.item_no, kpi.name = item.number, C.clean(item.rest)
                    mw = _WEIGHT_TAIL.search(kpi.name)
                    if mw and mw.start() > 0:
                        if kpi.weight is None:
                            kpi.weight = C.amount_value(C.digits(mw.group(1)))
                            kpi.weight_raw = C.clean(mw.group(0))
                        kpi.name = C.clean(kpi.name[:mw.start()])
                    my = _FY_TAIL.search(kpi.name) if _KPI_PREFIX.match(first) else None
                    if my and my.start() > 0 and "งบประมาณ" not in kpi.name[:my.start()]:
                        # (a budget indicator names its own year: `… การเบิกจ่ายงบประมาณ ปีงบประมาณ 2569`)
                        kpi.name = C.clean(kpi.name[:my.start()])
                    kpi.page, kpi.table, kpi.row = ln.page, (ln.table.index if ln.table else None), ln.row
                    current = ("name", kpi)
                    continue
            if key == "other":
                current = None      # a template's field (`เกณฑ์เป้าหมาย :`): ends the name, not read
                continue
            if key == "dimension":
                m = _DIM_LINE.match(C.clean(ln.text))
                if m and not kpi.dimension:
                    kpi.dimension = C.digits(m.group(1))
                current = None
                continue
            if key in ("supervisor", "data_collector", "description"):
                if key != "description":
                    # `นายอนุชา แก้วมณี โทร. 0-4323-6781`: the number is a phone, not the name
                    mp = _PHONE_AFTER.search(value)
                    if mp:
                        phones.append(C.clean(mp.group(1)))
                        value = C.clean(value[:mp.start()])
                setattr(kpi, key, value)
                current = (key, kpi)
                continue
            if key == "phone":
                if value:
                    phones.append(value)
                current = None
                continue
            if key == "criteria":
                current = None
                continue
        if i_ln in prose:
            # `ระดับ N : …`: step N, the one that level N adds to the levels below it
            no = prose[i_ln]
            if no not in steps:
                steps[no] = {"text": C.clean(first[_prose_level(first)[1]:]), "line": ln, "extra": [],
                             "prose": True}
                current = ("step", no)
            continue
        m = _STEP.match(first) or (_NUMBERED.match(first) if i_ln in numbered else None)
        if m is None and in_results:
            m = re.match(r"^\s*(?:\(\s*)?([0-9๐-๙]{1,2})\s*[.)]?\s*$", first)   # a results row 1, 2 … / (1)
        if m:
            n_steps = sum(1 for c in cells if _STEP.match(c))
            if n_steps >= 2:
                current = None
                continue          # the matrix header row
            no = int(C.digits(m.group(1)))
            text = C.clean(" ".join([first[m.end():]] + rest_cells[:1]))
            extra = rest_cells[1:]
            dl_field = ""
            if ln.table is None and "\t" in first:
                # a step typed as a row of tab stops (`ขั้นตอนที่ 1 ⇥ แต่งตั้ง… ⇥ ภายใน 31 ต.ค. 68 ⇥
                # แล้วเสร็จ…`): its fields are the cells of a steps table, the one naming a deadline its
                # deadline, the others its result
                fields = [f for f in (C.clean(x) for x in first[m.end():].split("\t")) if f]
                text, extra = (fields[0], fields[1:]) if fields else ("", [])
                dl_field = next((f for f in extra if deadline_of(f, fy)[0]), "")
                extra = [f for f in extra if f is not dl_field]
            if ln.table is not None and all(is_mark(x) or ln.table is mx_table and _CELL_NUMBER.match(x)
                                            for x in [text] + extra):
                current = None
                continue          # a step row of a transposed matrix: its ticks (`✓`, `1`), not its text
            if not in_results and no not in steps:
                steps[no] = {"text": text, "line": ln, "extra": extra, "deadline_text": dl_field}
                current = ("step", no)
                para_step = no if ln.table is None else None
            else:
                prev = result_src.get(no)
                if ln.table is not None and prev is not None and prev[0] != id(ln.table):
                    # the step reported again in another table: another round's results
                    if prev[1] is not None and cur_round is not None and cur_round < prev[1]:
                        current = None
                        continue      # an earlier round after a later one: the later stands
                    results[no] = []
                    results_done.pop(no, None)
                results.setdefault(no, []).extend([text] + extra)
                if ln.table is not None:
                    result_src[no] = (id(ln.table), cur_round)
                    if id(ln.table) not in done_cols:
                        done_cols[id(ln.table)] = _completion_column(ln.table)
                    col = done_cols[id(ln.table)]
                    if col is not None and ln.full is not None and col < len(ln.full):
                        day = C.clean(ln.full[col])
                        results_done[no] = last_done if C.is_ditto(day) else day
                        last_done = results_done[no]
                current = None
            continue
        mr = _RESULT_PARA.match(ln.text) if ln.table is None and para_step is not None else None
        if mr and para_step not in results:
            # `ผลการดำเนินงาน : ดำเนินการแล้วเสร็จ เมื่อวันที่ 5 ธันวาคม 2568` under a step's
            # paragraph (a page's running footer may stand between them): that step's result
            results.setdefault(para_step, []).append(C.clean(mr.group(1)))
            current = para_step = None
            continue
        if ln.table is not None:
            para_step = None
            if current and current[0] != "step":
                current = None        # a table ends a labelled field: text after it is not its value
            if current and current[0] == "step" and len(cells) == 1 and not _LEVEL_CELL.match(first):
                steps[current[1]]["text"] = C.clean(steps[current[1]]["text"] + "\n" + first)
            continue
        # a wrapped paragraph continues the field above it
        if current is not None and current[0] == "name" and _META_LINE.match(ln.text):
            current = None        # the agency and year under the heading: no part of the name
        if current is not None and not _ENDS_FIELD.match(ln.text):
            if current[0] == "step" and steps[current[1]].get("prose") and re.match(
                    r"^[^:：]{1,40}[:：]", ln.text):
                current = None    # a labelled field (`แหล่งข้อมูล : …`) after the last level
            elif current[0] == "step":
                steps[current[1]]["text"] = C.clean(steps[current[1]]["text"] + "\n" + ln.text)
            elif current[0] in ("description", "name", "supervisor", "data_collector"):
                setattr(kpi, current[0], C.clean(getattr(kpi, current[0]) + "\n" + ln.text))
            else:
                current = None
        else:
            current = None
    table, levels, _ = _matrix(tables)
    if not steps and table is None:
        return          # a mention of an indicator, not a report of one
    kpi.phones = ";".join(phones)
    prose_nos = sorted(no for no, s in steps.items() if s.get("prose"))
    if table is None and not prose_nos and steps and all(s.get("by_level") for s in steps.values()):
        # one row per level (`ระดับ 3 | ดำเนินการตามระดับ 2 และ… | กำหนดแล้วเสร็จ | ผล`): read as
        # the prose levels are, level N adding step N to the levels below it
        prose_nos = sorted(steps)
    if table is None and prose_nos:
        # prose levels read as a matrix whose level N ticks the steps 1..N the document describes:
        # a level left out is absent, and the levels above it lack its step (MILESTONE_MISSING)
        levels = {lvl: [s for s in prose_nos if s <= lvl] for lvl in prose_nos}
        head_ln: Line = steps[prose_nos[0]]["line"]
        mx = MilestoneMatrix(kpi_no=kpi.item_no, loc=C.loc_of(head_ln.table, None, head_ln.page),
                             levels=levels, steps_defined=prose_nos, n_levels=5)
        ex.matrices.append(mx)
        kpi.required_steps = [levels.get(lvl, []) for lvl in range(1, 6)]
    if table is None and not prose_nos:
        # `ระดับ 3 : ขั้นตอนที่ 1-3` paragraphs: the levels cite the steps, as a matrix would
        cited: dict[int, list[int]] = {}
        first_ln: Optional[Line] = None
        for ln in lines:
            p = _prose_level(ln.text) if ln.table is None else None
            span = _step_span(p[2]) if p else None
            if span:
                cited.setdefault(p[0], span)
                first_ln = first_ln or ln
        if len(cited) >= 3:
            levels = cited
            ex.matrices.append(MilestoneMatrix(kpi_no=kpi.item_no, loc=C.loc_of(None, None, first_ln.page),
                                               levels=levels, steps_defined=sorted(steps), n_levels=5))
            kpi.required_steps = [levels.get(lvl, []) for lvl in range(1, 6)]
    if table is None and not prose_nos and not levels and steps and all(s.get("level") for s in steps.values()):
        # each step's level in a column of its own: level L needs the steps of levels 1..L. No
        # MilestoneMatrix is recorded (there is no matrix to check); the levels score the steps
        named = sorted({s["level"] for s in steps.values()})
        levels = {lvl: sorted(no for no, s in steps.items() if s["level"] <= lvl) for lvl in named}
        kpi.required_steps = [levels.get(lvl, []) for lvl in range(1, N_LEVELS + 1)]
    if table is None and not prose_nos and not levels and sorted(steps) == list(range(1, N_LEVELS + 1)):
        # five steps and no matrix: under the ก.พ.ร. convention level N needs steps 1..N. No
        # MilestoneMatrix is recorded (there is none to check); the levels only score the steps
        levels = {lvl: list(range(1, lvl + 1)) for lvl in range(1, N_LEVELS + 1)}
        kpi.required_steps = [levels[lvl] for lvl in range(1, N_LEVELS + 1)]
    if table is not None:
        mx = MilestoneMatrix(kpi_no=kpi.item_no, loc=C.loc_of(table, None),
                             levels=levels, steps_defined=sorted(steps), n_levels=5)
        if table.page is not None:
            mx.loc.page = table.page
        ex.matrices.append(mx)
        kpi.required_steps = [levels.get(lvl, []) for lvl in range(1, 6)]
    kpi.direction = C.direction_for(kpi.name, [])
    if period:
        kpi.reported_as_of = period[0]
    ex.records.append(kpi)
    last_period = last_deadline = last_progress = ""
    last_parts: dict = {}
    for no in sorted(steps):
        s = steps[no]
        ln: Line = s["line"]
        rec = Record(record_type="milestone", form=FORM, source_file=meta.source_file,
                     page=ln.page, table=ln.table.index if ln.table else None, row=ln.row)
        rec.item_no = str(no)
        rec.kpi_no = rec.parent_item = kpi.item_no
        rec.name = s["text"]
        rec.level = min((lvl for lvl, st in levels.items() if no in st), default=None)
        rec.deadline, rec.deadline_raw, rec.deadline_status = deadline_of(rec.name, fy)
        dl_text = s.get("deadline_text", "")
        if C.is_ditto(dl_text):
            dl_text = last_deadline     # a ditto repeats the deadline above
        else:
            last_deadline = dl_text
        if not rec.deadline and dl_text:
            # a deadline in a column of its own (`31 ต.ค. 2567`, `ภายในเดือนกันยายน 2568`)
            d, draw, dst = deadline_of("ภายใน " + re.sub(r"^\s*ภายใน\s*", "", dl_text), fy)
            if d:
                rec.deadline, rec.deadline_raw, rec.deadline_status = d, dl_text, dst
        per = s.get("period_text", "")
        if C.is_ditto(per):
            per_eff = last_period       # a ditto repeats the period above
        else:
            per_eff = last_period = per
        if not rec.deadline and per_eff:
            rec.deadline, _, rec.deadline_status = period_end(per_eff, fy)
            rec.deadline_raw = per if rec.deadline else ""
        if not rec.deadline and s.get("planned_end"):
            # ticked under the timeline columns: the end of the last period ticked
            rec.deadline, rec.deadline_raw, rec.deadline_status = s["planned_end"]
        if rec.deadline_status == "corrected" and rec.deadline_raw:
            # a misspelt month read anyway (`30 เมษยน 2567`) is reported, as an activity's is
            rec.date_notes.append(("deadline", rec.deadline_raw, rec.deadline, "corrected"))
        rec.target, rec.unit, rec.target_raw = threshold_of(rec.name)
        parts = s.get("parts", {})
        if parts:
            # a ditto under a result or completion-date column repeats the step above's
            parts = {k: (last_parts.get(k, "") if C.is_ditto(v) else v) for k, v in parts.items()}
            last_parts = parts
        yes_no = ""
        if s.get("yes_no") and parts.get("result"):
            # a `Y` / `N` answer under a Y/N heading is the step's status; its other cells give the day
            answer = C.squash(parts["result"]).lower()
            yes_no = "done" if answer in YES_ANSWERS else "not_done" if answer in NO_ANSWERS else ""
            if yes_no:
                parts = {k: v for k, v in parts.items() if k != "result"}
        extra = s.get("extra") or [x for x in parts.values() if x]
        done_on = results_done.get(no) or parts.get("completed", "")
        if no in results and result_src.get(no, (None, None))[1] is not None:
            extra = []      # a round's results table reports the step anew: its own cells are older
            done_on = results_done.get(no, "")
        status, completed, craw = result_of(extra + results.get(no, []), fy, s.get("note", ""), done_on)
        progress = s.get("progress", "")
        if C.is_ditto(progress):
            progress = last_progress
        last_progress = progress
        if not status and progress:
            # nothing in a result column: the progress column tells whether the step is done
            status = _progress_status(progress)
            if not status:
                status, completed, craw = result_of([progress], fy, s.get("note", ""))
        if yes_no:
            status = yes_no
            if yes_no == "not_done":
                completed = craw = ""
        rec.status = status or "unknown"
        rec.completed, rec.completed_raw = completed, craw
        if period:
            rec.reported_as_of = period[0]
        ex.records.append(rec)
