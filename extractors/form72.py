"""แบบฟอร์มที่ 7.2: plan × dimension × KPI with baseline, target, weight and a five-level ladder.

Rows are read by content as well as by column, because exports lose structure: a ladder given as
five rows, as one cell with five lines, or as `60%` and `1 คะแนน` in separate cells; rows at the
end of a table shifted left into the plan column; a plan cell split over many rows.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Optional

from pipeline import patterns
from schemas import Document, Record, Table, rules
from schemas.extraction import DimensionRow, Extraction, Location, WeightGroup

from . import common as C
from .activity_plan import _round_of, lines_above, plan_heading
from .recognize import Instance, TableForm

FORM = "form72"
_DIM = patterns.compile(r"^\s*(?:[(（\[]\s*)?([7๗]\s*\.\s*[1-4๑-๔])\s*(?:[)）\]]\s*)?(.*)$", re.S)
# `มิติที่ 1 …`, `มิติด้านที่ 1 …` as local government writes it, and `ด้านที่ 1 : …` as a state
# enterprise's form numbers its dimensions
_DIM_NO = patterns.compile(r"^\s*(?:มิติ\s*(?:ด้าน\s*)?(?:ที่)?|ด้าน\s*ที่)\s*([1-4๑-๔])(?![0-9๐-๙])\s*[:：.]?\s*(.*)$",
                           re.S)
# a dimension column holding the dimension's number alone (`มิติที่` over `1`, `2` …)
_DIM_DIGIT = patterns.compile(r"^[1-4๑-๔]$")


def dimension_of(text: str, role: str) -> Optional[tuple[str, str]]:
    """(7.1–7.4, label) of a dimension cell: `7.1 ด้านประสิทธิผล`, `มิติที่ 1 …`, or in the
    dimension column the label alone (`ด้านคุณภาพการให้บริการ`)."""
    t = C.clean(text)
    m = _DIM.match(t)
    # `7.1 ด้าน…` or `7.1. ด้าน…`; not `7.15` nor an indicator numbered `7.1.1 ร้อยละ…`
    if m and (not C.clean(m.group(2)) or not re.match(r"^(?:\.\s*)?[0-9๐-๙]", m.group(2))):
        return C.squash(m.group(1)), C.clean(m.group(2))    # squash: ๗.๒ -> 7.2
    m = _DIM_NO.match(t)
    if m:
        return "7." + C.squash(m.group(1)), C.clean(m.group(2))
    listed = lettered_dimensions(t)
    if listed:
        return listed[-1]
    if role == "dimension" and _DIM_DIGIT.match(t):
        return "7." + C.squash(t), ""
    if role == "dimension" and t and len(t) < 80:
        labels, exact, each = _dimension_vocab()
        code = exact.get(C.squash(t))
        if code:
            return code, t
        code, s = C.match_role(t, labels, threshold=85)
        # a label as near another dimension's (`ประสิทธิ…`: ประสิทธิผล or ประสิทธิภาพ) names neither
        if code and not any(C.match_role(t, each[o], threshold=max(s - 5, 80))[0]
                            for o in each if o != code):
            return code, t
    return None


# an enumerator before a dimension's label (`ก.`, `ข)`, `(ค)`, `1.`): it orders the rows and
# names no dimension, the label after it does
_ENUM = patterns.compile(r"^\s*(?:[(（]\s*(?:[ก-ฮ]|[0-9๐-๙]{1,2})\s*[)）]|(?:[ก-ฮ]|[0-9๐-๙]{1,2})\s*[.)）])\s*")
# where a PDF row holding two dimension rows (`ค. มิติด้าน… ง. มิติด้าน…`) starts the second
_ENUM_SPLIT = patterns.compile(r"\s+(?=[(（]\s*[ก-ฮ]\s*[)）]|[ก-ฮ]\s*[.)）]\s)")
# a bracketed gloss after the label (`(Effectiveness)`), squashed
_GLOSS = patterns.compile(r"[(（][^()（）]*[)）]$")


def lettered_dimensions(text: str) -> list[tuple[str, str]]:
    """[(7.1–7.4, label)] of a cell that is one or more dimension rows, each an enumerator or
    `มิติ` then a dimension's label and nothing else (`ก. มิติด้านประสิทธิผล`, `(ข) ด้านคุณภาพการ
    ให้บริการ`, `มิติด้านประสิทธิภาพ`); [] when any part is not a label. A label alone is no row:
    a group indicator may be named after its dimension (`คุณภาพการให้บริการ` over 1.1, 1.2)."""
    t = C.clean(text)
    if not t or len(t) > 160:
        return []
    found = []
    for part in _ENUM_SPLIT.split(t):
        m = _ENUM.match(part)
        label = C.clean(part[m.end():] if m else part)
        sq = _GLOSS.sub("", C.squash(label))
        if sq.startswith("มิติ"):
            sq = sq[len("มิติ"):]
        elif not m:
            return []
        code = _dimension_vocab()[1].get(sq)
        if not code:
            return []
        found.append((code, label))
    return found


@lru_cache(maxsize=1)
def _dimension_vocab():
    """The dimension labels (headers.json form72.dimensions): all of them, squashed term ->
    dimension for an exact label, and one vocabulary per dimension."""
    labels = rules.load("headers")[FORM].get("dimensions", {})
    exact = {C.squash(w): code for code, terms in labels.items() for w in terms if C.squash(w)}
    return labels, exact, {code: {code: terms} for code, terms in labels.items()}
# where a new plan starts in the plan column: its number, or the word a plan, an issue or a goal
# of the plan starts with (`แผนพัฒนาองค์การที่ 2`, `ประเด็นที่ 2 …`, `เป้าประสงค์ที่ 1 …`)
_PLAN_START = patterns.compile(r"^\s*(?:[0-9๐-๙]+\s*\.|แผน|โครงการ|ยุทธศาสตร์|(?:แนว)?นโยบาย|หมวด|ประเด็น|เป้าประสงค์|กลยุทธ์"
                               r"|(?:plan|strategy|strategic\s+issue)\s*[0-9]+\b)", re.I)
_ITEM_CODE = patterns.compile(r"(?=[^\s]*[0-9๐-๙])[A-Za-z][A-Za-z0-9]*[-_./]?[0-9๐-๙][0-9๐-๙.\-]{0,8}")
# an indicator cell saying there is none (squashed): a dash, `ไม่มี`, `- ไม่มีตัวชี้วัด -`
_NO_KPI = patterns.compile(r"[-–—−_.]*(?:\(?ไม่มี(?:ตัวชี้วัด)?(?:ในมิตินี้|ในด้านนี้)?\)?)?[-–—−_.]*")
_THRESH_ONLY = patterns.compile(r"^(?:ร้อยละ\s*)?[<>≤≥]?\s*[0-9๐-๙]+(?:[.,][0-9๐-๙]+)?\s*(?:%|ร้อยละ)?$")
_LEVEL_ONLY = patterns.compile(r"^(?:(?:ระดับ|คะแนน)\s*(?:ที่)?\s*[1-5๑-๕]|[1-5๑-๕]\s*คะแนน)$")
# squashed; a qualifier in brackets after the level (`คะแนน 1 (ต่ำสุด)`, `5 (สูงสุด)`)
# `ระดับที่ 1`, `คะแนนที่ 1` too
# (or the level again in English: `ระดับ 1 (Level 1)`, `คะแนน 1 (Score 1)`); the level named as
# the criterion it meets: `เกณฑ์ 1`, `เกณฑ์ที่ 1`, `เกณฑ์คะแนน 1`
# `เกณฑ์ระดับ 1`, `เกณฑ์คะแนนระดับ 1`: the criterion and the level named together; `ค่าเกณฑ์ 1`: its value
_LEVEL_HEADER = patterns.compile(r"(?:(?:ระดับ|ระดับคะแนน|คะแนน|(?:ค่า)?เกณฑ์|เกณฑ์คะแนน|เกณฑ์ระดับ|เกณฑ์คะแนนระดับ"
                                 r"|เกณฑ์ระดับคะแนน)(?:ที่)?|level|score)?([1-5])(?:คะแนน)?"
                                 r"(?:\([^()0-9๐-๙]{1,30}\)|\((?:level|score)\1\))?")
# squashed; a level numbered only in brackets, after a word or none (`ขั้นต่ำ (1)`, `(2)`,
# `ค่าเป้าหมาย (3)`, `ขั้นสูง (5)`, as court and state-enterprise forms head their ladders): a
# level only where its siblings in the row make the whole ladder (_level_columns)
_BRACKET_LEVEL = patterns.compile(r"[ก-๙A-Za-z.]{0,30}[(（]([1-5])[)）]")
# a column-numbering row (`(1) | (2) | … | (9)`) numbers every column, not the levels
_BRACKET_NO = patterns.compile(r"[(（][0-9]{1,2}[)）]")
# squashed; the first level is 1, or 5 where the levels run down
_BANNER_LEVEL = patterns.compile(r"[ก-๙a-z)](?:(?:ระดับ|ระดับคะแนน|คะแนน)(?:ที่)?|level)?([15])(?:คะแนน)?$")


def banner_level(text: str) -> Optional[int]:
    """The level (1 or 5) a ladder banner run into its first or last level's head names
    (`เกณฑ์การประเมิน ระดับ 1`, cells a PDF or a typist fused), or None."""
    b = _BANNER_LEVEL.search(C.squash(text)) if text else None
    return int(b.group(1)) if b else None


# The row under the indicators that adds up their weights (`รวม | 100`), on squashed text
_TOTAL_ROW = patterns.compile(r"^(?:total/)?(?:(?:ผล|ยอด)?รวม(?:ทั้งสิ้น|ทั้งหมด)?(?:ค่า)?(?:น้ำหนัก)?|(?:ค่า)?น้ำหนักรวม|total)"
                              r"(?:/total|\(total\))?(?:\((?:ร้อยละ|%)\))?[:：]?$", re.I)

# A sign-off line under the form (`ผู้รับรองข้อมูล`, `ลงชื่อ ……`, `ตำแหน่ง …`, a dotted blank for a
# signature): below the weights' total, a spreadsheet printed with its grid puts it in the
# ladder columns, where it would read as more of the last indicator's ladder
_SIGN_OFF = patterns.compile(r"ลงชื่อ|ลงนาม|ผู้รับรอง|ผู้จัดทำ|ผู้ตรวจสอบ|ผู้อนุมัติ|ผู้เสนอ|ผู้บันทึก|ตำแหน่ง|"
                             r"[.…_]{6,}")


@dataclass
class _Kpi:
    """A form 7.2 indicator with the ladder entries gathered for it."""
    rec: Record
    row: int
    entries: list[tuple[Optional[int], Optional[float], str]] = field(default_factory=list)
    dim: Optional[DimensionRow] = None


def _is_ladder_text(t: str) -> bool:
    t = C.clean(t)
    if not t:
        return False
    if _THRESH_ONLY.match(t) or _LEVEL_ONLY.match(t):
        return True
    lvl, thr, _ = C.parse_ladder_entry(t)
    return lvl is not None and thr is not None and len(t) < 40


def _ladder_entries(cells: list[tuple[int, str]], level_of_col: dict[int, int],
                    ladder_span: Optional[tuple[int, int]] = None):
    """Entries (level, threshold, raw) from a row's ladder cells. ``ladder_span``: the columns
    of a ladder banner over exactly five columns whose level headings were not read."""
    if not cells:
        return []
    if not level_of_col and ladder_span and ladder_span[1] - ladder_span[0] == 5 and len(cells) > 1 \
            and all(ladder_span[0] <= c < ladder_span[1] and "\n" not in t.strip() for c, t in cells):
        # one figure in each of the banner's five columns: a blank column is a level left blank,
        # so each figure keeps its column's place (1 to 5 from the left, as the levels are read
        # with no headings) rather than moving left into the blank level
        parsed = [(c, C.parse_ladder_entry(C.clean(t))) for c, t in cells]
        if all(lvl is None and thr is not None for _, (lvl, thr, _) in parsed):
            return [(c - ladder_span[0] + 1, thr, raw) for c, (_, thr, raw) in parsed]
    if level_of_col and all(c in level_of_col for c, _ in cells):
        out = []
        for c, t in cells:
            v = C.amount_value(C.clean(t))
            if v is None and C.clean(t):
                # a band (`70-74.99`) or a worded threshold: read as a ladder entry is read
                v = C.parse_ladder_entry(C.clean(t))[1]
            out.append((level_of_col[c], v, C.clean(t)))
        # level 1 first, as the level columns of the output read, where the headings run down
        return sorted(out, key=lambda e: e[0])
    if len(cells) == 1:
        paired = _levels_over_thresholds(cells[0][1])
        if paired:
            return paired
    lines = [_cell_lines(t) for _, t in cells]
    if max(len(x) for x in lines) <= 1 and sum(len(x) for x in lines) <= 2:
        return [C.parse_ladder_entry(" ".join(C.clean(t) for _, t in cells))]
    counts = {len(x) for x in lines if len(x) > 1}
    if len(counts) == 1 and all(len(x) in (counts | {0}) for x in lines):
        k = counts.pop()
        out = []
        for i in range(k):
            out.append(C.parse_ladder_entry(" ".join(x[i] for x in lines if x)))
        return _pair_loose(out)
    flat = [ln for x in lines for ln in x]
    return _pair_loose([C.parse_ladder_entry(ln) for ln in flat])


def _cell_lines(text: str) -> list[str]:
    """A ladder cell's entries, line by line; a cell whose lines are one entry wrapped in a
    narrow column (``ร้อยละ`` over ``82.5``: a line that is neither a level nor a threshold)
    is that one entry, not a word and a loose figure that would go to the next level."""
    lns = [ln for ln in text.split("\n") if ln.strip()]
    parsed = [C.parse_ladder_entry(C.clean(ln))[:2] for ln in lns]
    # one figure among the lines, and a line with neither a level nor a figure (the wrapped
    # word): a cell of several entries (`ร้อยละ 25 1 คะแนน` a line) is not joined
    if len(lns) > 1 and (None, None) in parsed and \
            sum(thr is not None for _, thr in parsed) <= 1:
        joined = C.clean(" ".join(lns))
        lvl, thr, _ = C.parse_ladder_entry(joined)
        if len(_split_line(joined)) == 1 and (lvl is not None or thr is not None):
            return [joined]
    return [e for ln in lns for e in _split_line(ln)]


# A line that is nothing but thresholds, each with the same wording (`ร้อยละ 88 ร้อยละ 89 …`,
# `30 เรื่อง 25 เรื่อง …`): a ladder cell of five lines whose line breaks a PDF or a text export
# turned into spaces. One token per threshold; `80,000` is one number, `80, 85` two.
_THR_TOKEN = patterns.compile(r"(?:ร้อยละ\s*)?[<>≤≥]?\s*[0-9๐-๙]+(?:,[0-9๐-๙]{3})*(?:\.[0-9๐-๙]+)?"
                              r"(?:\s*%|\s*(?!ร้อยละ)([ก-๙]+\.?))?")
_THR_SEP = patterns.compile(r"[\s,;|/]*")


_TIGHT_SPLIT = patterns.compile(r"[\s,;]+(?=[1-5๑-๕]\s*[=:：]\s*[0-9๐-๙<>≤≥ร])")


def _split_line(line: str) -> list[str]:
    """A ladder line split into its entries (common.split_entries), and a line of five or more
    thresholds worded alike split into one entry per threshold."""
    parts = C.split_entries(line)
    if len(parts) != 1:
        return parts
    # `1=60 2=65 3=70 4=75 5=80`: levels joined to their thresholds without a space
    tight = [p for p in _TIGHT_SPLIT.split(line.strip()) if p.strip()]
    if len(tight) >= 3:
        return tight
    toks, pos, t = [], 0, line.strip()
    while pos < len(t):
        pos = _THR_SEP.match(t, pos).end()
        if pos >= len(t):
            break
        m = _THR_TOKEN.match(t, pos)
        if not m or m.end() == pos:
            return parts
        toks.append(m)
        pos = m.end()
    words = {(m.group(0).lstrip().startswith("ร้อยละ"), m.group(1) or "") for m in toks}
    if len(toks) >= 5 and len(words) == 1:
        return [C.clean(m.group(0)) for m in toks]
    return parts


_LEVEL_WORDS = patterns.compile(r"ระดับคะแนน|ระดับ|คะแนน|ที่|level|score|\s", re.I)


def _levels_over_thresholds(text: str):
    """A ladder written as a line of the levels over a line of their thresholds (a small table in
    the cell: `1 2 3 4 5` over `70 75 80 85 90`), paired position by position; None otherwise."""
    lns = [ln for ln in text.split("\n") if ln.strip()]
    for i in range(len(lns) - 1):
        digits = C.squash(_LEVEL_WORDS.sub("", lns[i]))
        if not (3 <= len(digits) <= 5 and digits == "12345"[:len(digits)]):
            continue
        thr = [C.parse_ladder_entry(e) for e in C.split_entries(lns[i + 1])]
        if len(thr) != len(digits) or any(lv is not None or t is None for lv, t, _ in thr):
            continue
        return [(k + 1, t, raw) for k, (_, t, raw) in enumerate(thr)]
    return None


def _pair_loose(entries):
    """Join a threshold-only line with the level-only line next to it (`60%` / `1 คะแนน`)."""
    out = []
    i = 0
    while i < len(entries):
        lvl, thr, raw = entries[i]
        if i + 1 < len(entries):
            l2, t2, r2 = entries[i + 1]
            if thr is not None and lvl is None and l2 is not None and t2 is None:
                out.append((l2, thr, f"{raw} {r2}"))
                i += 2
                continue
            if lvl is not None and thr is None and t2 is not None and l2 is None:
                out.append((lvl, t2, f"{raw} {r2}"))
                i += 2
                continue
        if lvl is None and thr is None:
            i += 1
            continue
        out.append((lvl, thr, raw))
        i += 1
    return out


def _level_columns(table: Table, tf: TableForm) -> dict[int, int]:
    """Ladder given as five columns headed `1 2 3 4 5` (or `ระดับ 1` …): under a ladder header
    (`เกณฑ์การให้คะแนน`), or without one, five columns side by side in a header row."""
    span = tf.header.spans.get("ladder")
    for r in range(min(_header_block_end(table, tf) + 1, table.n_rows)):
        out = {}
        bracketed = {}
        row_cells = [cell for c in range(table.n_cols)
                     if (cell := table.cell(r, c)) is not None and cell.row == r and cell.col == c]
        for cell in row_cells:
            c = cell.col
            if span and c < span[0]:
                continue
            sq = C.squash(cell.text)
            m = _LEVEL_HEADER.fullmatch(sq)
            if m:
                out[c] = int(m.group(1))
            elif span and c == span[0] and cell.colspan == 1 and \
                    (b := _BANNER_LEVEL.search(sq)):
                # the banner fused into the first level's cell (`เกณฑ์การให้คะแนน 1 | 2 | 3 …`,
                # `… 5 | 4 | 3 …`: one header row, as a CSV or a loosely drawn table gives it)
                out[c] = int(b.group(1))
            elif b := _BRACKET_LEVEL.fullmatch(sq):
                bracketed[c] = int(b.group(1))
        if bracketed and not out and _bracketed_levels_ok(bracketed, row_cells, tf):
            out = bracketed
        if span and len(out) >= 3 and sorted(out.values()) == list(range(1, len(out) + 1)):
            return out
        # no ladder header: only all five levels, each once, in adjacent columns; each column
        # keeps the level its own heading gives (`5 คะแนน | 4 คะแนน | … | 1 คะแนน` runs down)
        cols = sorted(out)
        if len(cols) == 5 and sorted(out.values()) == [1, 2, 3, 4, 5] \
                and cols[-1] - cols[0] == 4:
            return out
    return {}


def _ladder_span(tf: TableForm) -> Optional[tuple[int, int]]:
    """The columns under the ladder banner; a banner in one unmerged cell (a CSV or TSV, where
    merges are lost) covers the columns up to the next header role's, or the table's end."""
    span = tf.header.spans.get("ladder")
    if not span or span[1] - span[0] != 1:
        return span
    after = [c0 for role, (c0, _) in tf.header.spans.items() if role != "ladder" and c0 > span[0]]
    return span[0], min(after + [tf.table.n_cols])


def _header_block_end(table: Table, tf: TableForm) -> int:
    """The first row after the whole header: the header rows found, the rows its cells are
    merged down over (`ลำดับ` over three rows), and under a ladder banner the rows holding
    nothing but the ladder's columns (`เกณฑ์การให้คะแนน` > `ระดับคะแนน` > `1 … 5`), which no
    indicator's row can be, since an indicator's row has its name left of the ladder."""
    end = tf.header.rows
    if tf.continued:
        return end
    for c in table.cells:
        if tf.header.start <= c.row < tf.header.rows:
            # a few rows at most: a cell merged down far is no header's
            end = max(end, min(c.row + max(c.rowspan, 1), tf.header.rows + 3))
    span = tf.header.spans.get("ladder")
    if span:
        limit = min(table.n_rows, tf.header.rows + 3)
        while end < limit:
            texts = [c for c in table.cells if c.row == end and c.text.strip()]
            if not texts or any(c.col < span[0] for c in texts):
                break
            end += 1
    return min(end, table.n_rows)


def _bracketed_levels_ok(bracketed: dict[int, int], row_cells, tf: TableForm) -> bool:
    """Levels numbered only in brackets are a ladder's where they lie right of the indicator,
    in no column the header gives the name, number, unit, weight or baseline, and the row does
    not number its columns beyond five (a column-numbering row `(1) … (9)`)."""
    if sum(1 for cell in row_cells if _BRACKET_NO.search(C.squash(cell.text))) > len(bracketed):
        return False
    kpi = tf.header.roles.get("kpi")
    if kpi is None or min(bracketed) <= kpi:
        return False
    for role in ("item", "kpi", "plan", "dimension", "unit", "weight", "baseline"):
        c0, c1 = tf.header.spans.get(role, (-1, -1))
        if any(c0 <= c < c1 for c in bracketed):
            return False
    return True


def _column_numbers_row(cells: list[tuple[int, str]]) -> bool:
    """A row numbering the columns in brackets, one after another (`(1) | (2) | … | (9)`)."""
    if len(cells) < 3 or not all(_BRACKET_NO.fullmatch(C.squash(t)) for _, t in cells):
        return False
    nos = [int(C.squash(t).strip("()（）")) for _, t in cells]
    return all(b == a + 1 for a, b in zip(nos, nos[1:]))


def _repeated_level_heads(cells: list[tuple[int, str]], level_cols: dict[int, int],
                          after_head: bool) -> bool:
    """A row of nothing but the level headings again, each over its own column (`ระดับ 1 …
    ระดับ 5`). Bare figures (`1 2 3 4 5`) may be a ladder of the indicator above (ระดับความสำเร็จ):
    they are headings only right under a repeated header row."""
    if len(cells) < 3 or any(c not in level_cols or level_of_head(t) != level_cols[c]
                             for c, t in cells):
        return False
    return after_head or not all(C.squash(t).isdigit() for _, t in cells)


def level_of_head(text: str) -> Optional[int]:
    """The level a level column's heading names (`ระดับ 1`, `เกณฑ์ระดับ 1`, `ขั้นต่ำ (1)`)."""
    sq = C.squash(text)
    m = _LEVEL_HEADER.fullmatch(sq) or _BRACKET_LEVEL.fullmatch(sq)
    return int(m.group(1)) if m else None


def _level_header_end(table: Table, level_cols: dict[int, int], header_rows: int) -> int:
    """The row after the `1 2 3 4 5` level headings. The row just under the detected header
    is a headings row only when nothing but the levels starts in it: a first indicator whose
    own ladder is `1 2 3 4 5` (ระดับความสำเร็จ) has its name, weight, … beside them."""
    last = 0
    data_row = header_rows < table.n_rows and any(
        c.row == header_rows and c.col not in level_cols and c.text.strip()
        for c in table.cells)
    for c in table.cells:
        if c.col in level_cols and level_of_head(c.text) is not None and (
                c.row < header_rows or (c.row == header_rows and not data_row)):
            last = max(last, c.row + 1)
    return last


_YEAR = patterns.compile(r"(?<![0-9๐-๙])([2๒][4-6๔-๖][0-9๐-๙]{2})(?![0-9๐-๙])")


def _header_years(tf: TableForm, span: tuple[int, int]) -> list[int]:
    """The Buddhist-Era years written in a column's header cells."""
    head = " ".join(c.text for c in tf.table.cells
                    if tf.header.start <= c.row < tf.header.rows and span[0] <= c.col < span[1])
    return [int(C.digits(y)) for y in _YEAR.findall(head)]


def _past_results_as_baseline(tf: TableForm, fy: Optional[int],
                              doc_fy: Optional[int] = None) -> TableForm:
    """A results column headed with a year before the form's fiscal year (`ผลการดำเนินงานปี
    ๒๕๖๙` on a form for 2570, `ผลการดำเนินงาน ปี 2560` beside `เป้าหมาย ปี 2561`) holds the past
    year's result: the baseline, not an actual. The form's year is the one its title states,
    else the one its target column names, else the document's."""
    span = tf.header.spans.get("actual")
    if span is None or "baseline" in tf.header.spans:
        return tf
    years = _header_years(tf, span)
    if not fy:
        target = tf.header.spans.get("target")
        fy = max(_header_years(tf, target), default=None) if target else None
    fy = fy or doc_fy
    if not fy:
        return tf
    if not years or max(years) >= fy:
        return tf
    spans = {("baseline" if k == "actual" else k): v for k, v in tf.header.spans.items()}
    roles = {("baseline" if k == "actual" else k): v for k, v in tf.header.roles.items()}
    return replace(tf, header=replace(tf.header, spans=spans, roles=roles))


def _unit_under_target(tf: TableForm) -> TableForm:
    """A target header over two or more columns whose sub-headings name a unit column
    (`ค่าเป้าหมาย` over `หน่วยนับ | จำนวน`): that column is the unit, the others the target. The
    sub-headings may sit in the header or in the row just under it, which is then header too."""
    span = tf.header.spans.get("target")
    if span is None or span[1] - span[0] < 2 or "unit" in tf.header.spans or tf.continued:
        return tf
    table, roles = tf.table, C.vocab(FORM)
    for r in range(tf.header.start, min(tf.header.rows + 1, table.n_rows)):
        units = [c for c in range(*span) if (cell := table.cell(r, c)) is not None and cell.row == r
                 and cell.colspan == 1 and C.match_role(cell.text, roles)[0] == "unit"]
        if len(units) != 1:
            continue
        if r == tf.header.rows and any(c.row == r and not span[0] <= c.col < span[1] and c.text.strip()
                                       for c in table.cells):
            return tf        # the row under the header is a data row, not sub-headings
        u = units[0]
        rest = (u + 1, span[1]) if u == span[0] else (span[0], u)
        if u not in (span[0], span[1] - 1):
            return tf
        spans = dict(tf.header.spans, target=rest, unit=(u, u + 1))
        hroles = dict(tf.header.roles, target=rest[0], unit=u)
        return replace(tf, header=replace(tf.header, spans=spans, roles=hroles,
                                          rows=max(tf.header.rows, r + 1)))
    return tf


def _round_results_column(tf: TableForm) -> TableForm:
    """Results reported per quarter or round under headings of their own, with no results
    heading over them (`ผล ไตรมาส 1` … `ผล ไตรมาส 4`, `ผล รอบ 6 เดือน | ผล รอบ 12 เดือน`, or the
    last quarter's alone): those columns are the results (read by round, _actual_rounds)."""
    if "actual" in tf.header.spans or tf.continued:
        return tf
    table = tf.table
    owned = [(c0, c1) for c0, c1 in tf.header.spans.values()]
    cols = []
    for c in table.cells:
        if not (tf.header.start <= c.row < tf.header.rows) or c.colspan != 1 or not c.text.strip() \
                or any(c0 <= c.col < c1 for c0, c1 in owned):
            continue
        got = _round_of(c.text) if len(c.text) <= 80 else None
        if got is not None and got[1].startswith("ผล"):
            cols.append(c.col)
    cols = sorted(set(cols))
    if not cols or cols[-1] - cols[0] != len(cols) - 1:
        return tf
    spans = dict(tf.header.spans, actual=(cols[0], cols[-1] + 1))
    roles = dict(tf.header.roles, actual=cols[0])
    return replace(tf, header=replace(tf.header, spans=spans, roles=roles))


def _description_column(tf: TableForm) -> TableForm:
    """A definition, formula or explanation column (`คำนิยาม / สูตรการคำนวณ`, headers.json
    form72.description): a column of its own (`description`), never more of the indicator's
    name beside it. Its vocabulary is kept out of the roles, so it never changes which form a
    table is."""
    terms = rules.load("headers")[FORM].get("description")
    if not terms or "description" in tf.header.spans or tf.continued:
        return tf
    vocab = _description_vocab()
    table, spans = tf.table, dict(tf.header.spans)
    for c in table.cells:
        if not (tf.header.start <= c.row < tf.header.rows) or not c.text.strip():
            continue
        if any(c0 == c.col for c0, _ in spans.values()) or \
                C.match_role(c.text, vocab)[0] != "description":
            continue
        # a header over the name and its definition (`ตัวชี้วัด` over `ชื่อ | คำนิยาม`) yields the
        # definition's columns
        for role, (c0, c1) in list(spans.items()):
            if c0 < c.col < c1:
                spans[role] = (c0, c.col)
        spans["description"] = (c.col, c.col + c.colspan)
        roles = dict(tf.header.roles, description=c.col)
        return replace(tf, header=replace(tf.header, spans=spans, roles=roles))
    return tf


@lru_cache(maxsize=1)
def _description_vocab() -> dict[str, list[str]]:
    return {"description": rules.load("headers")[FORM].get("description", [])}


def _actual_rounds(table: Table, tf: TableForm, first_row: int,
                   level_cols: dict[int, int]) -> tuple[dict[int, int], int]:
    """({column: its round}, the first data row) of results reported per round in columns side
    by side (`ผลการดำเนินงาน` over `รอบ 6 เดือน | รอบ 12 เดือน`, `ผล ไตรมาส 1` … `ผล ไตรมาส 4`);
    ({}, first_row) unless two or more results columns name a round. The rounds may be named in
    the row under the header, beside the level headings `1 … 5` only: that row is headings."""
    cols = {c for c in range(table.n_cols) if _role_of(c, tf) == "actual"}
    if len(cols) < 2:
        return {}, first_row
    under = [c for c in table.cells if c.row == first_row and c.text.strip()]
    last = first_row
    if under and all(c.col in cols or c.col in level_cols for c in under) and \
            any(c.col in cols for c in under):
        last = first_row + 1
    out = {}
    for col in sorted(cols):
        parts = [c.text for c in table.cells if tf.header.start <= c.row < last
                 and c.col <= col < c.col + max(c.colspan, 1) and c.text.strip()]
        text = " ".join(dict.fromkeys(parts))
        got = _round_of(text) if text and len(text) <= 80 else None
        if got is not None:
            out[col] = got[0]
    return (out, last) if len(out) >= 2 else ({}, first_row)


def _latest_round(cells: list[tuple[int, str]], rounds: dict[int, int]) -> str:
    """The actual of an indicator reported per round: the latest round's that gives a figure;
    a later round left empty or `-` (not reported yet) falls back to the round before it."""
    said = sorted(((rounds[c], c, C.clean(t)) for c, t in cells if c in rounds
                   and C.clean(t) and C.clean(t) not in C.DASHES), reverse=True)
    for _, _, t in said:
        if C.amount_value(t) is not None:
            return t
    return said[0][2] if said else ""


def _own_cells(cells: list[tuple[int, str]], role: str, tf: TableForm) -> list[tuple[int, str]]:
    """A weight's cells: those under its own heading only. A weight left blank is missing; the
    column to its right (a ladder level's, whatever its heading) never stands in for it."""
    span = tf.header.spans.get(role)
    if role != "weight" or span is None:
        return cells
    return [(c, t) for c, t in cells if span[0] <= c < span[1]]


def _role_of(col: int, tf: TableForm) -> str:
    best, role = -1, ""
    for r, (c0, c1) in tf.header.spans.items():
        if c0 <= col < c1:
            return r
        if c0 <= col and c0 > best:
            best, role = c0, r
    # a column right of the last header role belongs to it (the ladder's level column)
    return role


def extract(doc: Document, inst: Instance, meta) -> Extraction:
    ex = Extraction(source_file=meta.source_file)
    kpis: list[_Kpi] = []
    plan_segments: list[tuple[int, int, list[str]]] = []   # (table idx, start row, pieces)
    current_plan_seg: Optional[list] = None
    dim: Optional[DimensionRow] = None
    cur: Optional[_Kpi] = None
    # the year this form's title states outranks the document's
    inst_fy = C.find_fiscal_year("\n".join(p.text for p in inst.before))
    total_row = None      # (weight as written, where): a `รวม` row under the indicators
    unit_tables: set[int] = set()   # tables whose indicator column gives each name's unit
    counts_only: dict[int, bool] = {}   # tables whose indicator column holds only figures
    prev_cols: tuple[dict[int, int], int] = ({}, -1)    # the table above's level columns, width
    prev_desc: tuple[Optional[tuple[int, int]], int] = (None, -1)   # its definition column, width
    prev_rounds: tuple[dict[int, int], int] = ({}, -1)   # its results-by-round columns, width
    for ti, tf in enumerate(inst.tables):
        tf = _past_results_as_baseline(tf, inst_fy, getattr(meta, "fiscal_year", None))
        tf = _unit_under_target(tf)
        tf = _description_column(tf)
        tf = _round_results_column(tf)
        if tf.continued and prev_desc[0] is not None and tf.table.n_cols == prev_desc[1] \
                and "description" not in tf.header.spans:
            # a table carrying on the one above keeps its definition column
            spans = dict(tf.header.spans, description=prev_desc[0])
            for role, (c0, c1) in list(spans.items()):
                if role != "description" and c0 < prev_desc[0][0] < c1:
                    spans[role] = (c0, prev_desc[0][0])
            tf = replace(tf, header=replace(tf.header, spans=spans,
                                            roles=dict(tf.header.roles, description=prev_desc[0][0])))
        prev_desc = (tf.header.spans.get("description"), tf.table.n_cols)
        table = tf.table
        if "plan" not in tf.header.roles:
            # no plan column: the plan a heading above the table names (rows naming a plan
            # inside the table, read below, take over from their row on)
            above = inst.before if ti == 0 else inst.after.get(inst.tables[ti - 1].table.index, [])
            heading = _plan_above(above, table, tf)
            if heading:
                current_plan_seg = [heading]
                plan_segments.append((table.index, -1, current_plan_seg))
        heading_dim = None
        if "dimension" not in tf.header.roles:
            # a dimension named only above the table (a slide's title `มิติที่ 1 ด้านประสิทธิผล`
            # over its table): the table's indicators are in it, and a table with none leaves it
            # empty
            above = inst.before if ti == 0 else inst.after.get(inst.tables[ti - 1].table.index, [])
            found = _dimension_above(above, table, tf)
            if found:
                dim = heading_dim = DimensionRow(
                    dimension=found[0], label=found[1], plan="",
                    loc=Location(page=C.loc_of(table, doc=doc).page, table=table.index, row=None))
                ex.dimensions.append(dim)
                cur = None
        if _names_carry_units(table, tf):
            unit_tables.add(table.index)
        level_cols = _level_columns(table, tf)
        inherited = False
        if not level_cols and tf.continued and table.n_cols == prev_cols[1]:
            # a table with no header of its own carrying on the one above (split at an empty
            # row): its level columns are the ones the header above named
            level_cols, inherited = prev_cols[0], True
        prev_cols = (level_cols, table.n_cols)
        tspan = tf.header.spans.get("target")
        target_level_col = {tspan[0]} if tspan and tspan[1] - tspan[0] == 1 and tspan[0] in level_cols \
            and tspan[0] == tf.header.roles.get("target") else set()
        rows = table.rows()
        start = 0 if tf.continued else tf.header.rows
        if level_cols and not inherited:
            start = max(start, _level_header_end(table, level_cols, _header_block_end(table, tf)))
        if not tf.continued:
            rounds, start = _actual_rounds(table, tf, start, level_cols)
        elif table.n_cols != prev_rounds[1]:
            rounds = {}
        else:
            rounds = prev_rounds[0]     # carrying on the table above: its results rounds
        prev_rounds = (rounds, table.n_cols)
        after_head = False      # the row above was a header repeated inside the table
        kspan = tf.header.spans.get("kpi")
        past_total = False      # the weights' total row is above: what follows may be a sign-off
        for r in range(start, table.n_rows):
            cells = [(c.col, c.text) for c in rows[r] if c is not None and c.text.strip()]
            if not cells:
                continue
            if past_total and any(_SIGN_OFF.search(t) for _, t in cells):
                # the sign-off block under the form: it and the rows under it (the signer's name,
                # position, date) are no indicator's
                break
            if _is_header_row(cells, tf):
                after_head = True
                continue
            if _column_numbers_row(cells):
                continue    # `(1) | (2) | … | (9)` under the header numbers its columns
            if level_cols and _repeated_level_heads(cells, level_cols, after_head):
                # the level headings of a header repeated at a page break (a spreadsheet or PDF
                # printed with its head on every page): not a second ladder of the row above
                after_head = False
                continue
            after_head = False
            by_role: dict[str, list[tuple[int, str]]] = {}
            dim_cell = None
            dims_before: list[tuple[str, str]] = []
            ladder_cells: list[tuple[int, str]] = []
            has_kpi = any(_role_of(c, tf) == "kpi" and not dimension_of(t, "kpi") and not _is_ladder_text(t)
                          for c, t in cells)
            for c, t in cells:
                role = _role_of(c, tf)
                # a dimension is read in its own columns, or from a row of its own across the
                # table (`7.1 มิติด้านประสิทธิผล` over its indicators) whatever column it starts in
                if (role in ("plan", "dimension", "kpi", "") or len(cells) == 1) and dim_cell is None:
                    found = dimension_of(t, role)
                    if found:
                        dim_cell = found
                        # a PDF row holding two dimension rows: the first has no indicators
                        dims_before = lettered_dimensions(t)[:-1]
                        continue
                if c in level_cols and c in target_level_col:
                    # `ค่าเป้าหมาย (3)`: the level the heading names is the target too
                    by_role.setdefault("target", []).append((c, t))
                if role == "ladder" or c in level_cols or (
                        not has_kpi and role not in ("baseline", "target", "weight", "description")
                        and _is_ladder_text(t)):
                    ladder_cells.append((c, t))
                    continue
                by_role.setdefault(role, []).append((c, t))
            loc_page = C.loc_of(table, r, doc=doc).page
            heading = _plan_heading(cells, ladder_cells, dim_cell, tf, rows[r])
            if heading:
                # a plan written as a row of its own above its indicators (no plan column)
                current_plan_seg = [heading]
                plan_segments.append((table.index, r, current_plan_seg))
                continue
            if dim_cell is not None and dim is not None and by_role.get("kpi") and not dims_before \
                    and dim_cell[0] == dim.dimension and dim_cell[1] in ("", dim.label):
                # the code of the dimension row above written again in its indicator's dimension
                # column (`7.1 มิติด้านประสิทธิผล` as a row, then `7.1 | 1. ร้อยละ…`): the same one
                dim_cell = None
            if dim_cell is not None:
                if heading_dim is not None and heading_dim.indicator_count == 0 and dim is heading_dim:
                    # the table names its dimensions in rows of its own: those, not the heading
                    ex.dimensions.remove(heading_dim)
                heading_dim = None
                for code, label in dims_before:
                    ex.dimensions.append(DimensionRow(dimension=code, label=label, plan="",
                                                      loc=Location(page=loc_page, table=table.index, row=r)))
                dim = DimensionRow(dimension=dim_cell[0], label=dim_cell[1], plan="",
                                   loc=Location(page=loc_page, table=table.index, row=r))
                ex.dimensions.append(dim)
                if not by_role.get("kpi"):
                    cur = None    # an indicator's name does not carry on across a dimension row
            starts_row = dim_cell is not None or bool(by_role.get("kpi"))
            for c, t in by_role.get("plan", []):
                piece = t
                if not by_role.get("kpi") and _TOTAL_ROW.match(C.squash(piece)):
                    continue   # the weights' total row written from the plan column (`รวม`), no plan text
                # a new plan begins beside a dimension or an indicator; a numbered line on a
                # row of its own is the plan cell continued over a page's rows (PDF)
                if current_plan_seg is not None and C.clean(piece) == C.clean(current_plan_seg[-1]):
                    continue   # the same plan written again on every indicator's row
                if current_plan_seg is None or (starts_row and _PLAN_START.match(C.clean(piece))):
                    current_plan_seg = [piece]
                    plan_segments.append((table.index, r, current_plan_seg))
                else:
                    current_plan_seg.append(piece)
            kpi_text = "\n".join(t for _, t in by_role.get("kpi", []))
            for c, t in cells:
                if kspan is not None and kspan[0] <= c < kspan[1]:
                    counts_only[table.index] = counts_only.get(table.index, True) and \
                        C.amount_value(C.clean(t)) is not None
            desc_text = "\n".join(t for _, t in by_role.get("description", []))
            own_no = C.clean("\n".join(t for _, t in by_role.get("item", [])))
            after_dim = None
            if own_no and (m := _NO_THEN_TEXT.match(own_no)) and (found := _dimension_heading(m.group(2))):
                # a PDF row's number cell holding the dimension row under it (`11 ด้านที่ 3 : …`):
                # the indicator keeps the dimension above; the next rows are in the new one
                own_no, after_dim = m.group(1), found
            values = {k: C.clean("\n".join(t for _, t in _own_cells(by_role.get(k, []), k, tf)[:1]))
                      for k in ("target", "weight")}
            # baseline over several years' columns: the latest year's figure
            values["baseline"] = C.clean(by_role["baseline"][-1][1]) if by_role.get("baseline") else ""
            actual = C.clean("\n".join(t for _, t in by_role.get("actual", [])[:1]))
            if rounds:
                actual = _latest_round(by_role.get("actual", []), rounds)
            no_sq, kpi_sq = C.squash(own_no), C.squash(kpi_text)
            if (_TOTAL_ROW.match(kpi_sq) and (not no_sq or _TOTAL_ROW.match(no_sq))) or (
                    not kpi_sq and no_sq and _TOTAL_ROW.match(no_sq)):
                # the weights' total, not an indicator: the indicators above it add up to it.
                # `รวม` may stand in the number column, merged over the indicator's (Word)
                if values.get("weight") and total_row is None:
                    total_row = (values["weight"], Location(page=loc_page, table=table.index, row=r))
                past_total = True
                continue
            if C.squash(kpi_text) and _NO_KPI.fullmatch(C.squash(kpi_text)) and \
                    _NO_KPI.fullmatch(C.squash(own_no)) and \
                    not any(v and v not in C.DASHES for v in values.values()):
                # `-` or `- ไม่มีตัวชี้วัด -` under a dimension, a dash in the number column
                # beside it too: it has no indicator (not one named `-`, nor more of the
                # indicator above's name)
                cur = None
                continue
            if kpi_text.strip():
                item = C.split_item(C.clean(kpi_text), allow_group=False)
                if own_no and not item.kind:
                    own = C.split_item(own_no + " x", allow_group=False)
                    if own.kind:   # numbering in its own column (ลำดับ)
                        item = C.ItemNo(own.kind, own.number, C.clean(kpi_text))
                    elif _ITEM_CODE.fullmatch(own_no):
                        # an indicator's code in its own column (รหัส: `KPI-01`), as written
                        item = C.ItemNo("plain", own_no, C.clean(kpi_text))
                continuation = (cur is not None and not item.kind and not any(values.values())
                                and dim_cell is None)
                if continuation:
                    cur.rec.name = C.clean(cur.rec.name + "\n" + kpi_text)
                    if desc_text.strip():
                        cur.rec.description = C.clean(cur.rec.description + "\n" + desc_text)
                else:
                    rec = Record(record_type="kpi", form=FORM, source_file=meta.source_file,
                                 page=loc_page, table=table.index, row=r, fiscal_year=inst_fy)
                    rec.item_no = item.number
                    rec.name = C.clean(item.rest if item.kind else kpi_text)
                    rec.dimension = dim.dimension if dim else ""
                    rec.description = C.clean(desc_text)
                    _set_values(rec, values)
                    if kpis:
                        for f in ("baseline", "target", "weight"):
                            if C.is_ditto(getattr(rec, f + "_raw") or ""):
                                # 〃 / " under a weight, target or baseline column: the figure above
                                setattr(rec, f, getattr(kpis[-1].rec, f))
                    unit = C.clean("\n".join(t for _, t in by_role.get("unit", [])[:1]))
                    if unit and C.is_ditto(unit):
                        # 〃 / -"- under the unit column: the unit of the indicator above
                        unit = "" if rec.unit or not kpis else kpis[-1].rec.unit
                    if unit and unit not in C.DASHES and not rec.unit:
                        # a unit column (หน่วยนับ): ร้อยละ is written %
                        units = rules.load("headers").get("units", {})
                        rec.unit = units.get(unit, units.get(C.squash(unit), unit))
                    if actual and actual not in C.DASHES:
                        rec.actual_raw, rec.actual = actual, C.amount_value(actual)
                    cur = _Kpi(rec, r, dim=dim)
                    if dim is not None:
                        dim.indicator_count += 1
                    kpis.append(cur)
            else:
                if cur is not None and any(values.values()) and not any(
                        getattr(cur.rec, f + "_raw") for f in ("baseline", "target", "weight")):
                    _set_values(cur.rec, values)   # values on the row below a wrapped KPI name
                if cur is not None and desc_text.strip() and dim_cell is None:
                    # the definition wrapped onto a row of its own (a page break in a PDF)
                    cur.rec.description = C.clean(cur.rec.description + "\n" + desc_text)
            if ladder_cells and cur is not None:
                cur.entries.extend(_ladder_entries(ladder_cells, level_cols, _ladder_span(tf)))
            if after_dim is not None:
                dim = DimensionRow(dimension=after_dim[0], label=after_dim[1], plan="",
                                   loc=Location(page=loc_page, table=table.index, row=r))
                ex.dimensions.append(dim)
                heading_dim = None
    _sub_indicators(kpis, ex)
    # a summary under the form counting indicators per dimension (`มิติที่ 1 | 1 | 0.5` under
    # `มิติ | จำนวนตัวชี้วัด | น้ำหนักรวม`) names no indicator: its dimensions are not empty ones
    with_kpis = {k.rec.table for k in kpis}
    ex.dimensions = [d for d in ex.dimensions
                     if d.loc.table in with_kpis or not counts_only.get(d.loc.table)]
    if total_row is not None:
        stated = C.amount_value(total_row[0])
        tops = [k.rec for k in kpis if not k.rec.parent_item and k.rec.item_no]
        items = [r.item_no for r in tops]
        # numbers repeated in one form (two tables each from 1): which ones the total covers
        # is not clear, so it is not checked
        if stated is not None and len(items) >= 2 and len(set(items)) == len(items):
            ex.weight_groups.append(WeightGroup(
                parent_item="", stated_total=stated, stated_raw=total_row[0], member_items=items,
                loc=total_row[1], member_tables=sorted({r.table for r in tops})))
    # plans: every KPI and dimension row takes the plan segment its row falls in
    for k in kpis:
        k.rec.plan = _plan_for(plan_segments, k.rec.table, k.row)
        if k.rec.table in unit_tables:
            _unit_from_name(k.rec)
        _finish_ladder(k)
        ex.records.append(k.rec)
    for d in ex.dimensions:
        d.plan = _plan_for(plan_segments, d.loc.table, -1 if d.loc.row is None else d.loc.row)
    ex.forms.append(FORM)
    return ex


def _sub_indicators(kpis: list[_Kpi], ex: Extraction) -> None:
    """Indicators numbered `4.1`, `4.2` under an indicator `4` above them (the latest of that
    number: a document may number each plan's indicators from 1): its sub-indicators
    (parent_item), whose weights add up to the group's weight. At any depth: `1.1.1` belongs
    to `1.1` (its nearest numbered indicator above), not to `1`."""
    seen: dict[str, _Kpi] = {}
    members: dict[int, list[_Kpi]] = {}
    for k in kpis:
        no = k.rec.item_no or ""
        parts = no.split(".")
        parent = None
        for n in range(len(parts) - 1, 0, -1):
            parent = seen.get(".".join(parts[:n]))
            if parent is not None:
                break
        if parent is not None:
            k.rec.parent_item = parent.rec.item_no
            members.setdefault(id(parent), []).append(k)
        if no:
            seen[no] = k
    for k in kpis:
        subs = members.get(id(k))
        if subs and k.rec.weight is not None:
            ex.weight_groups.append(WeightGroup(
                parent_item=k.rec.item_no, stated_total=k.rec.weight, stated_raw=k.rec.weight_raw,
                member_items=[s.rec.item_no for s in subs],
                loc=Location(page=k.rec.page, table=k.rec.table, row=k.row)))


def _plan_heading(cells, ladder_cells, dim_cell, tf: TableForm, row_cells) -> str:
    """The text of a row that names a plan across the table (`แผนพัฒนาองค์การที่ 2 …`), in a
    table without a plan column: one filled cell, wide or worded as a plan, no values."""
    if "plan" in tf.header.roles or dim_cell is not None or ladder_cells or len(cells) != 1:
        return ""
    col, text = cells[0]
    t = C.clean(text)
    cell = next((c for c in row_cells if c is not None and c.col == col), None)
    wide = cell is not None and cell.colspan >= 3
    if not (wide or _PLAN_WORD.match(t)) or len(t) < 8:
        return ""
    return t


_PLAN_WORD = patterns.compile(r"^\s*(?:แผน|ยุทธศาสตร์|ประเด็น|(?:แนว)?นโยบาย|เป้าประสงค์|กลยุทธ์)")
# a numbered policy, strategy or issue a table's indicators serve, written between the tables of
# a text export (`นโยบายที่ 2 : ด้านการยกระดับคุณภาพการศึกษา`, `กลยุทธ์ที่ 1 …`)
_NUMBERED_PLAN = patterns.compile(r"^(?:(?:แนว)?นโยบาย|กลยุทธ์|ประเด็น(?:การพัฒนา)?)\s*ที่\s*[0-9๐-๙]{1,2}(?![0-9๐-๙.])"
                                  r"\s*[:：.\-–]?\s*[ก-๙A-Za-z]")


def _plan_above(above, table: Table, tf: TableForm) -> str:
    """The plan the nearest heading above a form 7.2 table names (the paragraphs before it,
    then its caption rows; nearest first), kept as written; "" when none does. A heading is a
    plan-column word (headers.json form72.roles.plan) with a number or a colon before its name
    (`แผนพัฒนาองค์การ : การยกระดับ…`, `ยุทธศาสตร์ที่ 2 …`; not a title `แผนพัฒนาองค์การ ประจำปี…`),
    a numbered policy, strategy or issue (`นโยบายที่ 2 : …`), or a project, programme or issue
    heading as an activity plan reads one (plan_heading)."""
    for line in reversed(lines_above(above, table, tf)):
        t = C.clean(line)
        m = _plan_label_rx().match(t)
        if (m and _HAS_LETTER.search(m.group("name"))) or (len(t) <= 200 and _NUMBERED_PLAN.match(t)):
            return t
        h = plan_heading(line)
        if h:
            return h
    return ""


_HAS_LETTER = patterns.compile(r"[A-Za-zก-ฮ]")


def _dimension_above(above, table: Table, tf: TableForm) -> Optional[tuple[str, str]]:
    """(7.1–7.4, label) a heading just above a form 7.2 table names (`มิติที่ 1 (7.1) ด้าน
    ประสิทธิผล`, `7.2 ด้านคุณภาพการให้บริการ`, `ด้านที่ 3 : …`); None otherwise. After the number
    comes nothing or a dimension's label: `7.2 ตัวชี้วัดและเกณฑ์…` titles the form."""
    for line in list(reversed(lines_above(above, table, tf)))[:2]:
        found = _dimension_heading(line)
        if found:
            return found
    return None


def _dimension_heading(line: str) -> Optional[tuple[str, str]]:
    """(7.1–7.4, label) of a line that is a dimension's heading and nothing else."""
    t = C.clean(line)
    if len(t) > 100:
        return None
    found = dimension_of(t, "")
    if not found:
        return None
    label = _BRACKET_DIM.sub("", found[1], count=1).strip()
    numbered = _DIM_NO.match(t) is not None
    if (not label and numbered) or C.squash(label).startswith(_dimension_words()):
        return found[0], label
    return None


_NO_THEN_TEXT = patterns.compile(r"^([0-9๐-๙]+(?:\.[0-9๐-๙]+)*)\s+(\S.*)$", re.S)
# `(7.1)` or `(มิติที่ 1)` after a dimension's number, before its label
_BRACKET_DIM = patterns.compile(r"^\s*[(（]\s*(?:[7๗]\s*\.\s*[1-4๑-๔]|มิติ\s*(?:ด้าน\s*)?(?:ที่)?\s*[1-4๑-๔])\s*[)）]")


@lru_cache(maxsize=1)
def _dimension_words() -> tuple[str, ...]:
    """A dimension's label starts with one of these (squashed): its vocabulary, ด้าน, มิติ."""
    labels = rules.load("headers")[FORM].get("dimensions", {})
    return tuple(C.squash(w) for terms in labels.values() for w in terms if C.squash(w)) + ("ด้าน", "มิติ")


@lru_cache(maxsize=1)
def _plan_label_rx() -> re.Pattern:
    """A plan-column word, then its number (`ที่ 2`, `2.1`; not a four-digit year) or a colon,
    then the name."""
    words = rules.load("headers")[FORM]["roles"]["plan"]
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True) if not w.isascii())
    return re.compile(
        rf"^(?:{alt})\s*(?:(?:ที่\s*)?[0-9๐-๙]{{1,2}}(?:\.[0-9๐-๙]{{1,2}})*(?![0-9๐-๙])\s*[:：.\-–]?|[:：\-–])"
        rf"\s*(?P<name>.*)$", re.S)


def _is_header_row(cells, tf: TableForm) -> bool:
    roles = C.vocab(FORM)
    hits = sum(1 for _, t in cells if len(t) < 60 and C.match_role(t, roles)[0])
    return hits >= 3


def _plan_for(segments, table_index, row) -> str:
    best = None
    for ti, r, pieces in segments:
        if (ti, r) <= (table_index, row):
            best = pieces
    if best is None and segments:
        best = segments[0][2]
    return C.clean("\n".join(best)) if best else ""


# An indicator column headed `ตัวชี้วัด (หน่วยนับ)` or `ตัวชี้วัด/หน่วย`: each name ends with its unit
# in brackets (`พื้นที่ชลประทานที่เพิ่มขึ้น (ไร่)`). A bracket of Latin letters (`(IDP)`) or figures is
# part of the name.
_UNIT_TAIL = patterns.compile(r"\s*[(（]\s*([ก-๙ .%/]{1,20}?)\s*[)）]\s*$")


def _names_carry_units(table: Table, tf: TableForm) -> bool:
    col = tf.header.roles.get("kpi")
    if col is None:
        return False
    for r in range(tf.header.start, tf.header.rows):
        c = table.cell(r, col)
        if c is not None and "หน่วย" in c.text and "หน่วยงาน" not in c.text:
            return True
    return False


def _unit_from_name(rec: Record) -> None:
    m = _UNIT_TAIL.search(rec.name)
    if not m or not re.search(r"[ก-๙%]", m.group(1)):
        return
    rec.name = rec.name[:m.start()].rstrip()
    if not rec.unit:
        unit = C.clean(m.group(1))
        units = rules.load("headers").get("units", {})
        rec.unit = units.get(unit, units.get(C.squash(unit), unit))


def _set_values(rec: Record, values: dict[str, str]) -> None:
    for f in ("baseline", "target", "weight"):
        raw = values.get(f, "")
        setattr(rec, f + "_raw", raw)
        if not raw or raw.strip() in C.DASHES:
            setattr(rec, f, None)
            continue
        a = C.amount(raw)
        setattr(rec, f, a.value if a.ok else None)
        if f == "target" and a.ok and a.unit and a.unit != "บาท":
            rec.unit = a.unit


_UNIT_AFTER = patterns.compile(r"[0-9๐-๙]\s*([ก-๙]+)\s*$")


def ladder_of_cell(text: str) -> Optional[tuple[dict[int, float], list[str], list, str]]:
    """(levels, raws, (level, raw) pairs, unit) of a ladder written in one cell (`ระดับ 1 =
    ร้อยละ 80` lines, `1 = 80, 2 = 82 …`, five thresholds), for readers of other forms; None
    when the cell gives fewer than three thresholds (a description, not a ladder)."""
    entries = _ladder_entries([(0, text)], {})
    if sum(1 for _, thr, _ in entries if thr is not None) < 3:
        return None
    levels, raws, seen = _levels_of(entries)
    unit = ""
    if raws and all("%" in r or "ร้อยละ" in r for r in raws):
        unit = "%"
    else:
        words = {m.group(1) if m else "" for m in (_UNIT_AFTER.search(r) for r in raws)}
        if len(words) == 1 and "" not in words and words != {"คะแนน"}:
            unit = words.pop()           # `500 คดี`, `15 วัน` on every level
    return levels, raws, seen, unit


def _levels_of(entries):
    levels: dict[int, float] = {}
    raws, seen = [], []
    nxt = 1
    for lvl, thr, raw in entries:
        if lvl is None:
            lvl = nxt
        nxt = lvl + 1
        seen.append((lvl, raw))
        raws.append(raw)
        if thr is not None and lvl not in levels and 1 <= lvl <= 5:
            levels[lvl] = thr
    return levels, raws, seen


_BAND_NUM = r"[0-9๐-๙]+(?:,[0-9๐-๙]{3})*(?:\.[0-9๐-๙]+)?"
_BAND = patterns.compile(rf"^(?:ร้อยละ\s*)?({_BAND_NUM})\s*%?\s*[-–—]\s*(?:ร้อยละ\s*)?({_BAND_NUM})\s*(?:%|ร้อยละ)?$")


def _band(raw: str) -> Optional[tuple[float, float]]:
    """The two ends of a band cell (`70.00-74.99`, `ร้อยละ 18.01 - 20.00`); None otherwise."""
    m = _BAND.match(C.clean(raw))
    if not m:
        return None
    a, b = C.amount_value(m.group(1)), C.amount_value(m.group(2))
    return None if a is None or b is None else (a, b)


def level_cell_value(raw: str) -> Optional[float]:
    """The threshold a level's own cell gives: a figure, or a band's (`70.00-74.99`) or a
    worded threshold's figure, read as a ladder entry is read."""
    t = C.clean(raw)
    if not t:
        return None
    v = C.amount_value(t)
    return C.parse_ladder_entry(t)[1] if v is None else v


def band_thresholds(levels: dict[int, float], raw_of: dict[int, str]) -> dict[int, float]:
    """Levels written as bands take the end a level is reached at: the lower end on a rising
    ladder (`70.00-74.99` -> 70), the upper end on a falling one (`18.01-20.00` over
    `16.01-18.00` … -> 20, 18 …: at most 20 earns level 1). The direction is the bands' own
    order; fewer than two bands leave the levels as read."""
    bands = {lv: b for lv, raw in raw_of.items() if lv in levels and (b := _band(raw))}
    if len(bands) < 2:
        return levels
    order = [min(bands[lv]) for lv in sorted(bands)]
    falling = all(x > y for x, y in zip(order, order[1:]))
    rising = all(x < y for x, y in zip(order, order[1:]))
    if not (falling or rising):
        return levels
    out = dict(levels)
    for lv, b in bands.items():
        out[lv] = max(b) if falling else min(b)
    return out


def _finish_ladder(k: _Kpi) -> None:
    rec = k.rec
    levels, raws, seen = _levels_of(k.entries)
    levels = band_thresholds(levels, {lv: raw for lv, raw in reversed(seen)})
    if not levels and [lv for lv, _ in seen] == [1, 2, 3, 4, 5] and \
            all(thr is None for _, thr, _ in k.entries):
        # `ระดับ 1` … `ระดับ 5` and nothing else: a level-of-success indicator scored on the
        # levels themselves (its actual is a level, its target `ระดับ 5`)
        levels = {i: float(i) for i in range(1, 6)}
    for i in range(1, 6):
        setattr(rec, f"level_{i}", levels.get(i))
    rec.ladder_raw = " | ".join(raws)
    rec.ladder_levels_raw = seen
    if not rec.unit and levels and all("%" in r or "ร้อยละ" in r for r in raws if r):
        rec.unit = "%"          # the target gave no unit; the thresholds do
    if not rec.unit and rec.name.startswith("ร้อยละ"):
        rec.unit = "%"          # `ร้อยละของ…` with bare figures and no unit column
    rec.direction = C.direction_for(rec.name, rec.ladder)
