"""Recognising form instances in a document by content: header cells matched against each
form's vocabulary (schemas/rules/headers.json), never by file name or position."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from pipeline import patterns
from schemas import Document, Paragraph, Table, rules

from . import common as C

TABLE_FORMS = ("form72", "activity_plan")


@dataclass
class TableForm:
    """A table with the form it was recognised as and its header."""
    table: Table
    form: str
    header: C.HeaderMap
    continued: bool = False          # carries on the previous table's form (no header of its own)


@dataclass
class Instance:
    """One occurrence of a form: its tables in order, and the paragraphs that follow each."""
    form: str
    tables: list[TableForm] = field(default_factory=list)
    after: dict[int, list[Paragraph]] = field(default_factory=dict)   # table index -> paragraphs
    before: list[Paragraph] = field(default_factory=list)


def classify_table(table: Table, form72_title: bool = False) -> Optional[TableForm]:
    """The form a table's header names. ``form72_title``: the table stands under a form 7.2
    title (`แบบฟอร์มที่ 7.2`) in the text before it."""
    best = None
    for form in TABLE_FORMS:
        spec = rules.load("headers")[form]
        hm = C.map_header(table, form)
        if len(hm.roles) < spec["min_roles"] or not any(r in hm.roles for r in spec["key_roles"]):
            continue
        if spec.get("also_one_of") and not any(r in hm.roles for r in spec["also_one_of"]) \
                and not (form == "form72" and _form72_by_content(table, hm, form72_title)):
            continue
        if best is None or hm.score > best.header.score:
            best = TableForm(table, form, hm)
    return best


# A form 7.2 table may have no dimension, plan or target column: `ตัวชี้วัด | หน่วยวัด | น้ำหนัก |
# เกณฑ์การให้คะแนน 1 … 5`, the header of a percentage-ladder KPI table too. Its dimensions are
# rows of their own across the table (`7.1 มิติที่ 1 ด้านประสิทธิผล`, `๗.๒ ด้านคุณภาพการให้บริการ`,
# `มิติที่ 4 ด้านการพัฒนาองค์การ`), or the form's title stands above it: with a ladder in its header
# (the ladder's header or five level columns `1 2 3 4 5`), either makes it a form 7.2 table.
_FORM72_TITLE = patterns.compile(r"แบบฟอร์ม(?:ที่)?(?:[:：])?7\.2(?![0-9])")          # on squashed text
_FORM_TITLE = patterns.compile(r"แบบฟอร์ม(?:ที่)?(?:[:：])?([0-9]+(?:\.[0-9]+)?)")    # any form's title
_DIM_ROW = patterns.compile(r"^(?:7\.([1-4])(?![0-9])\.?(?![0-9])(?:มิติ(?:ด้าน(?:ที่)?(?=[1-4])|ที่)?(?:[1-4](?![0-9]))?)?"
                            r"|มิติ(?:ด้าน)?(?:ที่)?([1-4])(?![0-9])(?!\.[0-9]))[:：.]?(.*)$")                   # squashed
# squashed; `ระดับ 1 (Level 1)`, `ระดับ 1 (ต่ำสุด)` (a word in brackets), and `เกณฑ์ 1`, `เกณฑ์ที่ 1`, `เกณฑ์คะแนน 1` as form72._LEVEL_HEADER reads them
_LEVEL_CELL = patterns.compile(r"(?:(?:ระดับ|ระดับคะแนน|คะแนน|เกณฑ์|เกณฑ์คะแนน)(?:ที่)?|level|score)?([1-5])(?:คะแนน)?"
                               r"(?:\((?:level|score)\1\)|\([^()0-9]{1,30}\))?")
_BODY_ROWS = 15


def form72_title(text: str) -> Optional[bool]:
    """True for a line titling form 7.2 (`แบบฟอร์มที่ 7.2`, `แบบฟอร์ม ๗.๒`), False for another
    form's title (`แบบฟอร์มที่ 3`), None for any other line."""
    sq = C.squash(text)
    if "แบบฟอร์ม" not in sq:
        return None
    if _FORM72_TITLE.search(sq):
        return True
    return False if _FORM_TITLE.search(sq) else None


def _dimension_labels() -> tuple[str, ...]:
    dims = rules.load("headers")["form72"].get("dimensions", {})
    return tuple(C.squash(x) for labels in dims.values() for x in labels) + ("ด้าน", "มิติ")


# squashed; an enumerator before a dimension's label (`ก.`, `ข)`, `(ค)`, `1.`), then `มิติ`
_DIM_ENUM = patterns.compile(r"^(?:[(（](?:[ก-ฮ]|[0-9]{1,2})[)）]|(?:[ก-ฮ]|[0-9]{1,2})[.)）])?(?:มิติ)?")


def _dimension_row(text: str) -> bool:
    """A form 7.2 dimension written across the table: its number (`7.1`, `มิติที่ 1`) and, after
    the number, nothing or a dimension's label; not an indicator numbered 7.1. Or a dimension's
    label alone, after a letter or number that only orders the rows (`ก. มิติด้านประสิทธิผล`)."""
    sq = C.squash(text)
    m = _DIM_ROW.match(sq)
    if not m:
        rest = sq[_DIM_ENUM.match(sq).end():]
        return bool(rest) and rest in _dimension_labels()[:-2]   # the label exactly; not ด้าน/มิติ alone
    rest = m.group(3)
    if not rest:
        return m.group(2) is not None          # `มิติที่ 2` alone; a bare `7.1` is an item number
    return rest.startswith(_dimension_labels())


def _form72_by_content(table: Table, hm: C.HeaderMap, titled: bool) -> bool:
    """A KPI table with a ladder that is form 7.2 by its body or its title (see above)."""
    grid = table.grid(limit=hm.rows + _BODY_ROWS)
    if "ladder" not in hm.roles and not _has_level_columns(grid[hm.start:hm.rows + 1]):
        return False
    if titled or any(form72_title(x) for row in grid[:hm.start] for x in row if x):
        return True
    for row in grid[hm.rows:]:
        first = next((x for x in row if x.strip()), "")
        if first and _dimension_row(first):
            return True
    return False


def _has_level_columns(rows: list[list[str]]) -> bool:
    """Five adjacent cells `1 2 3 4 5` (`ระดับ 1` …), in any order (`5 คะแนน` … `1 คะแนน`), in
    a header row: a ladder with no header word."""
    for row in rows:
        levels = [(c, int(m.group(1))) for c, x in enumerate(row)
                  if x.strip() and (m := _LEVEL_CELL.fullmatch(C.squash(x)))]
        for i in range(len(levels) - 4):
            if sorted(lv for _, lv in levels[i:i + 5]) == [1, 2, 3, 4, 5] and levels[i + 4][0] - levels[i][0] == 4:
                return True
    return False


def _looks_like_data(table: Table, form: str) -> bool:
    """A headerless table continuing a form: rows that read like that form's rows."""
    hits = 0
    for row in table.grid(limit=6):
        first = next((t for t in row if t.strip()), "")
        if form == "activity_plan":
            if C.split_item(first).kind or any(_MONTHISH.search(t) for t in row):
                hits += 1
        elif form == "form72":
            if any(_DIM.match(t) or _LADDERISH.match(t.strip()) for t in row):
                hits += 1
    return hits >= 1


_MONTHISH = patterns.compile(r"[ก-ฮ]{1,2}\.\s?[ก-ฮ]{1,2}\.?\s?[0-9๐-๙]{2}")
_DIM = patterns.compile(r"^\s*7\s*\.\s*[1-4๑-๔]")
_LADDERISH = patterns.compile(r"^(?:ร้อยละ\s*)?[0-9๐-๙.,]+\s*%?$|^[1-5๑-๕]\s*คะแนน")


def recognize(doc: Document) -> list[Instance]:
    """Table form instances in reading order. Consecutive tables of one form with no other
    form between them belong to one instance (a table continued across pages)."""
    out: list[Instance] = []
    cur: Optional[Instance] = None
    last_tf: Optional[TableForm] = None
    trailing: list[Paragraph] = []
    ctx = _StepsContext(doc)
    titled = False          # under a form 7.2 title (and no other form's title since)
    for b in doc.blocks():
        if isinstance(b, Paragraph):
            if cur is not None and last_tf is not None:
                cur.after.setdefault(last_tf.table.index, []).append(b)
            trailing.append(b)
            ctx.paragraph(b.text)
            titled = _title_state(b.text, titled)
            continue
        tf = classify_table(b, titled)
        if tf is not None and tf.form == "activity_plan" and ctx.steps_table(b, tf):
            tf = None          # an indicator's steps: the KPI report reads them
        if tf is None and last_tf is not None and abs(b.n_cols - last_tf.table.n_cols) <= 2 \
                and b.sheet == last_tf.table.sheet and _looks_like_data(b, last_tf.form) \
                and not _is_milestone_matrix(b):
            tf = TableForm(b, last_tf.form, last_tf.header, continued=True)
        if tf is None and is_text_table(b):
            # a spreadsheet keeps titles and approval blocks in cells: read them as paragraphs
            for p in as_paragraphs(b):
                if cur is not None and last_tf is not None:
                    cur.after.setdefault(last_tf.table.index, []).append(p)
                trailing.append(p)
                ctx.paragraph(p.text)
                titled = _title_state(p.text, titled)
            continue
        ctx.table(b, tf)
        if tf is None:
            last_tf = None
            cur = None
            continue
        breaks = cur is None or cur.form != tf.form or _approval_between(cur, last_tf)
        if breaks:
            cur = Instance(tf.form, before=trailing[-12:])
            out.append(cur)
        cur.tables.append(tf)
        last_tf = tf
        trailing = []
    return out


def _title_state(text: str, titled: bool) -> bool:
    for ln in text.split("\n"):
        t = form72_title(ln)
        if t is not None:
            titled = t
    return titled


# A KPI report writes an indicator's steps as a table (`ที่ | ขั้นตอนการดำเนินงาน | กำหนดแล้วเสร็จ |
# ผลการดำเนินงาน`) that reads like an activity plan's. Its context tells them apart: right after the
# indicator's milestone matrix (`ระดับคะแนน | ขั้นตอนที่ 1 …`), or under an indicator heading
# (`ตัวชี้วัดที่ 2 …`, `KPI 3 : …`) with step wording in its header, in a document that is a KPI
# report, it is the indicator's steps. A plan keeps what only a plan has (a budget, a start date,
# a timeline of months or quarters), and a plan's own title (`แผนปฏิบัติการ …`) ends the
# indicator's part of the document. A period column (`ระยะเวลาดำเนินการ`: `ต.ค. 66 - ธ.ค. 66`) is no
# plan's own: the steps reader takes its end as the step's deadline.
_PLAN_ONLY_ROLES = ("budget", "start")
_PLAN_TITLE = patterns.compile(r"^\s*(?:แผนปฏิบัติ|action\s*plan)", re.I)
_STEP_WORD = patterns.compile(r"ขั้นตอน|ขั้น\s*ที่|milestone", re.I)
_QUARTER_HEAD = patterns.compile(r"ไตรมาส|quarter|^\s*Q\s*[1-4]\s*$", re.I)


class _StepsContext:
    """What came before a table in reading order, to tell an indicator's steps table from a plan."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.kpi_doc: Optional[bool] = None       # the document is a KPI report (read once, lazily)
        self.under_indicator = False              # an indicator heading, no plan title since
        self.prev: Optional[Table] = None         # the table before (no form of its own), no plan title since

    def paragraph(self, text: str) -> None:
        from .kpi_report import _kpi_line
        for ln in text.split("\n"):
            if _PLAN_TITLE.match(ln):
                self.under_indicator = False
                self.prev = None
            elif _kpi_line(ln):
                self.under_indicator = True

    def table(self, t: Table, tf: Optional[TableForm]) -> None:
        self.prev = t if tf is None else None

    def steps_table(self, t: Table, tf: TableForm) -> bool:
        after_matrix = self.prev is not None and _heads_steps_matrix(self.prev)
        if not after_matrix and not (self.under_indicator and _header_has(t, tf, _STEP_WORD)):
            return False
        if any(r in tf.header.roles for r in _PLAN_ONLY_ROLES) or _has_timeline(t, tf):
            return False
        if self.kpi_doc is None:
            self.kpi_doc = is_kpi_report(self.doc, "\n".join(C.doc_text_lines(self.doc)))
        return self.kpi_doc


def _heads_steps_matrix(t: Table) -> bool:
    from .kpi_report import matrix_header
    return matrix_header(t) is not None and not _steps_are_levels(t)


def _steps_are_levels(t: Table) -> bool:
    """`ขั้นที่ 1 … 5` heads over thresholds, not ticks: a percentage ladder's levels
    (kpi_ladder.step_ladder_columns), no milestone matrix."""
    from .kpi_ladder import step_ladder_columns
    return step_ladder_columns(t) is not None


def _header_cells(t: Table, tf: TableForm) -> list[str]:
    rows = t.grid(limit=max(tf.header.rows, 1))
    return [x for row in rows[tf.header.start:] for x in row if x.strip()]


def _header_has(t: Table, tf: TableForm, rx: re.Pattern) -> bool:
    return any(rx.search(x) for x in _header_cells(t, tf))


def _has_timeline(t: Table, tf: TableForm) -> bool:
    """Months or quarters heading columns (a Gantt timeline) in or just under the header."""
    rows = t.grid(limit=tf.header.rows + 2)
    cells = [x for row in rows[tf.header.start:] for x in row if x.strip()]
    months = sum(1 for x in cells if len(x) <= 20 and getattr(C.N().parse_month(x.strip()), "months", ()))
    return months >= 3 or sum(1 for x in cells if _QUARTER_HEAD.search(x)) >= 2


def _is_milestone_matrix(t: Table) -> bool:
    """A KPI report's levels × steps matrix (`ระดับคะแนน | ขั้นตอนที่ 1 …`): no form's data rows."""
    if _steps_are_levels(t):
        return False
    return any(_STEP_LINE.match(x.lstrip()) for row in t.grid(limit=3) for x in row) or \
        _heads_steps_matrix(t)


def is_text_table(t: Table) -> bool:
    """A table of one or two columns holding lines of text, not a grid of values."""
    filled = [c for c in t.cells if c.text.strip()]
    return bool(filled) and len({c.col for c in filled}) <= 2 and t.n_cols <= 3


def as_paragraphs(t: Table) -> list[Paragraph]:
    out = []
    for c in sorted(t.cells, key=lambda c: (c.row, c.col)):
        for line in c.text.split("\n"):
            if line.strip():
                out.append(Paragraph(text=line.strip(), raw=line, page=c.page or t.page))
    return out


def _approval_between(inst: Instance, last: Optional[TableForm]) -> bool:
    """An approval block or a new form title between two tables ends the previous instance."""
    if last is None:
        return True
    for p in inst.after.get(last.table.index, []):
        t = C.squash(p.text)
        if "พิจารณาเห็นชอบ" in t or t.startswith("ลงนาม") or t.startswith("ลงชื่อ") or "แบบฟอร์มที่" in t:
            return True
    return False


# ---------------------------------------------------------------- text-level forms

_STEP_LINE = patterns.compile(r"ขั้น(?:ตอน)?ที่?\s*[0-9๐-๙]+\s*[:：]?")    # `ขั้นตอนที 1`: tone mark left out


def has_milestone_matrix(doc: Document) -> bool:
    # the KPI report reader's own test of a matrix header (imported here, not at the top:
    # kpi_report imports activity_plan, which imports this module)
    from .kpi_report import matrix_header
    for t in doc.tables():
        g = t.grid(limit=3)
        steps = sum(1 for row in g for x in row if _STEP_LINE.match(x.lstrip()))
        # (or `ขั้นตอนที่` merged over a row of bare step numbers `1 2 3 4 5` / `๑ ๒ ๓ ๔ ๕`)
        if (steps >= 2 or matrix_header(t) is not None) and not _steps_are_levels(t):
            return True
    return False


def is_kpi_report(doc: Document, text: str) -> bool:
    from .kpi_report import has_prose_milestones
    sq = C.squash(text)
    if has_milestone_matrix(doc):
        return True
    # milestones written one prose line per level (`ระดับ 1 : จัดตั้งคณะทำงาน …`) under an
    # indicator heading; a ladder's `ระดับ 1 = 60%` lines are thresholds and do not count
    if has_prose_milestones(doc):
        return True
    if _cited_levels_and_steps_table(doc, text):
        return True
    return ("ชื่อตัวชี้วัด" in sq and len(_STEP_LINE.findall(text)) >= 2
            and ("milestone" in sq or "ระดับขั้นของความสำเร็จ" in sq or "ผู้กำกับดูแล" in sq))


def _cited_levels_and_steps_table(doc: Document, text: str) -> bool:
    """Levels that cite the steps they need, one line each (`ระดับ 3 : ขั้นตอนที่ 1-3`), after an
    indicator heading, with the steps in a table of their own (`ขั้นตอนที่ | รายละเอียด |
    กำหนดแล้วเสร็จ | ผลการดำเนินงาน`: a deadline or a result beside each step, nothing only a plan
    has): a milestone indicator with neither a tick matrix nor the steps written as paragraphs."""
    from .kpi_report import _cites_steps, _kpi_line, _step_table_columns
    lines = text.split("\n")
    cited = [i for i, ln in enumerate(lines) if "\t" not in ln and _cites_steps(ln)]
    if len(cited) < 3 or not any(_kpi_line(ln) for ln in lines[:cited[0]] if "\t" not in ln):
        return False
    for t in doc.tables():
        cols = _step_table_columns(t)
        if cols is not None and ("deadline" in cols or "result" in cols):
            tf = classify_table(t)
            if tf is None or not (any(r in tf.header.roles for r in _PLAN_ONLY_ROLES) or _has_timeline(t, tf)):
                return True
    return False
