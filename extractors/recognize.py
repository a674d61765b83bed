"""Recognising form instances in a document by content: header cells matched against each
form's vocabulary (schemas/rules/headers.json), never by file name or position."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

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


def classify_table(table: Table) -> Optional[TableForm]:
    best = None
    for form in TABLE_FORMS:
        spec = rules.load("headers")[form]
        hm = C.map_header(table, form)
        if len(hm.roles) < spec["min_roles"] or not any(r in hm.roles for r in spec["key_roles"]):
            continue
        if spec.get("also_one_of") and not any(r in hm.roles for r in spec["also_one_of"]):
            continue
        if best is None or hm.score > best.header.score:
            best = TableForm(table, form, hm)
    return best


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


_MONTHISH = re.compile(r"[ก-ฮ]{1,2}\.\s?[ก-ฮ]{1,2}\.?\s?[0-9๐-๙]{2}")
_DIM = re.compile(r"^\s*7\s*\.\s*[1-4๑-๔]")
_LADDERISH = re.compile(r"^(?:ร้อยละ\s*)?[0-9๐-๙.,]+\s*%?$|^[1-5๑-๕]\s*คะแนน")


def recognize(doc: Document) -> list[Instance]:
    """Table form instances in reading order. Consecutive tables of one form with no other
    form between them belong to one instance (a table continued across pages)."""
    out: list[Instance] = []
    cur: Optional[Instance] = None
    last_tf: Optional[TableForm] = None
    trailing: list[Paragraph] = []
    for b in doc.blocks():
        if isinstance(b, Paragraph):
            if cur is not None and last_tf is not None:
                cur.after.setdefault(last_tf.table.index, []).append(b)
            trailing.append(b)
            continue
        tf = classify_table(b)
        if tf is None and last_tf is not None and abs(b.n_cols - last_tf.table.n_cols) <= 2 \
                and b.sheet == last_tf.table.sheet and _looks_like_data(b, last_tf.form) \
                and not _is_milestone_matrix(b):
            tf = TableForm(b, last_tf.form, last_tf.header, continued=True)
        if tf is None and _is_text_table(b):
            # a spreadsheet keeps titles and approval blocks in cells: read them as paragraphs
            for p in as_paragraphs(b):
                if cur is not None and last_tf is not None:
                    cur.after.setdefault(last_tf.table.index, []).append(p)
                trailing.append(p)
            continue
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


def _is_milestone_matrix(t: Table) -> bool:
    """A KPI report's levels × steps matrix (`ระดับคะแนน | ขั้นตอนที่ 1 …`): no form's data rows."""
    from .kpi_report import matrix_header
    return any(_STEP_LINE.match(x.lstrip()) for row in t.grid(limit=3) for x in row) or \
        matrix_header(t) is not None


def _is_text_table(t: Table) -> bool:
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

_STEP_LINE = re.compile(r"ขั้น(?:ตอน)?ที่\s*[0-9๐-๙]+\s*[:：]?")


def has_milestone_matrix(doc: Document) -> bool:
    # the KPI report reader's own test of a matrix header (imported here, not at the top:
    # kpi_report imports activity_plan, which imports this module)
    from .kpi_report import matrix_header
    for t in doc.tables():
        g = t.grid(limit=3)
        steps = sum(1 for row in g for x in row if _STEP_LINE.match(x.lstrip()))
        if steps >= 2:
            return True
        # `ขั้นตอนที่` merged over a row of bare step numbers `1 2 3 4 5` / `๑ ๒ ๓ ๔ ๕`
        if matrix_header(t) is not None:
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
    return ("ชื่อตัวชี้วัด" in sq and len(_STEP_LINE.findall(text)) >= 2
            and ("milestone" in sq or "ระดับขั้นของความสำเร็จ" in sq or "ผู้กำกับดูแล" in sq))
