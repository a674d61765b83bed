"""Percentage-ladder KPI reports and templates (SLA and Best Service indicators, seeds 002/003).

Such documents are often slides exported as text: sub-indicators (`1.1 … 1`), weight totals
(`รวม 10`), ladders (`ระดับคะแนน 1 2 3 4 5` then `ผลสำรวจความพึงพอใจ 65 70 75 80 85`, digits
sometimes run together as `60708090100`) and steps with deadlines and deductions. The same
content in a table is read from its rows; in text it is read from the wording.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import product
from typing import Optional

from rapidfuzz import fuzz

from pipeline import patterns
from schemas import Document, Record, rules
from schemas.extraction import DeductionRule, Extraction, Location, WeightGroup

from . import common as C
from .form72 import band_thresholds, banner_level, ladder_of_cell, level_cell_value
from .form72 import level_of_head as form72_level_of_head
from .kpi_report import Line, _lines, deadline_of, level_heading, result_of

FORM = "kpi_ladder"
_NUM = r"[0-9๐-๙]+(?:\.[0-9๐-๙]+)?"
_INDICATOR = patterns.compile(rf"ตัวชี้วัด\s*ที่\s*({_NUM})\s*[:：.]?\s*")
_SUB = patterns.compile(r"(?<![0-9๐-๙.])([0-9๐-๙]{1,2}\.[0-9๐-๙]{1,2})(?![0-9๐-๙.])\s+(?=[^\s0-9])")
_GROUP = patterns.compile(r"กลุ่มที่\s*([0-9๐-๙]+)")
# a title's line of year and agency (`ประจำปีงบประมาณ พ.ศ. 2570 สำนักงาน…`): never an indicator's name
_TITLE_LINE = patterns.compile(r"\s*(?:ประจำ\s*ปี|ปี\s*งบ\s*ประมาณ|พ\s*\.\s*ศ\s*\.)")
_TOTAL = patterns.compile(rf"รวม\s*(?:น้ำหนัก)?\s*({_NUM})")
# `น้ำหนัก ร้อยละ 5`, `น้ำหนัก : 5`, `น้ำหนัก : ร้อยละ 5` (the word before or after the colon)
_WEIGHT = patterns.compile(rf"(?:น้ำหนัก|(?<![A-Za-z])weight(?![A-Za-z]))\s*(?:ร้อยละ|\(%\))?\s*[:：]?\s*(?:ร้อยละ)?\s*({_NUM})",
                           re.I)
_LEVELS_HDR = patterns.compile(r"ระดับคะแนน|ระดับ\s*คะแนน|คะแนน\s*(?:ที่)?\s*1\s*2\s*3\s*4\s*5")


def split_run(run: str) -> Optional[list[float]]:
    """Five ladder values from a digit run that lost its spaces (`60708090100` -> 60..100)."""
    s = C.digits(run)
    if not s.isdigit():
        return None
    n = len(s)
    for lens in product((1, 2, 3), repeat=5):
        if sum(lens) != n:
            continue
        parts, i = [], 0
        for k in lens:
            parts.append(s[i:i + k])
            i += k
        if any(p.startswith("0") and len(p) > 1 for p in parts):
            continue
        vals = [int(p) for p in parts]
        steps = {vals[i + 1] - vals[i] for i in range(4)}
        if len(steps) == 1 and 0 not in steps:
            return [float(v) for v in vals]
    return None


@dataclass
class Ladder:
    """A scoring ladder found in text: its label and five threshold values."""
    label: str
    values: list[float]
    raw: str
    pos: int


# five numbers in a row. Atomic groups: the numbers and the spaces between them can be split
# only one way for a match, and without them a long line of figures that is not a ladder took
# milliseconds of backtracking (the same matches: tests/test_extract_ladder_regex.py).
_SEQ = patterns.compile(rf"((?:(?>{_NUM})(?>\s*%[ \t]+|\s*(?<=[ \t]))){{4}}{_NUM}\s*%?)"
                        rf"(?![0-9๐-๙.]|[ \t]+[0-9๐-๙])")
_RUN = patterns.compile(r"(?<![0-9๐-๙])([0-9๐-๙]{6,15})(?![0-9๐-๙])")


def find_ladders(text: str) -> list[Ladder]:
    """Label + five monotonic thresholds, not the `1 2 3 4 5` level header itself."""
    out = []
    for rx, kind in ((_SEQ, "seq"), (_RUN, "run")):
        for m in rx.finditer(text):
            if kind == "seq":
                vals = [C.amount_value(x) for x in re.findall(rf"{_NUM}", C.digits(m.group(1)))]
            else:
                vals = split_run(m.group(1))
            if not vals or len(vals) != 5 or any(v is None for v in vals):
                continue
            if vals == [1.0, 2.0, 3.0, 4.0, 5.0]:
                continue
            diffs = [vals[i + 1] - vals[i] for i in range(4)]
            if not (all(d > 0 for d in diffs) or all(d < 0 for d in diffs)):
                continue
            before = text[max(0, m.start() - 160):m.start()]
            # the label: text after the level header (`ระดับคะแนน (ร้อยละ) 1 2 3 4 5`)
            parts = re.split(r"(?:ระดับคะแนน[^0-9๐-๙]*)?(?:1\s*2\s*3\s*4\s*5|12345)\s*", before)
            label = C.clean(parts[-1].replace("\t", " "))
            label = re.sub(r"^\W+", "", label)
            out.append(Ladder(label, vals, C.clean(m.group(0)), m.start()))
    out.sort(key=lambda x: x.pos)
    dedup = []
    for l in out:
        if dedup and abs(dedup[-1].pos - l.pos) < 5:
            continue
        dedup.append(l)
    return dedup


def is_kpi_ladder(doc: Document, text: str, claimed: frozenset = frozenset()) -> bool:
    sq = C.squash(text)
    if "ตัวชี้วัด" not in sq:
        return False
    # an indicator headed `ตัวชี้วัดที่ N` in the text (a slide's title) over a table of its
    # own: the table's row is the indicator, unnumbered
    headed = any(_HEADING.match(ln) for ln in text.split("\n"))
    for t in doc.tables():
        if t.index not in claimed:
            hdr = ladder_table_header(t)
            if hdr is not None and (hdr[2] or "weight" in hdr[1]) and any(
                    _numbered_row(row, hdr[1]) or (headed and _levelled_row(row, hdr[1], hdr[2]))
                    for row in t.grid()[hdr[0]:]):
                return True
    if ("น้ำหนัก" in sq or "เกณฑ์การให้คะแนน" in sq or "ระดับคะแนน" in sq) and \
            find_ladders(text.replace("\t", " ")):
        return True
    if any(t.index not in claimed and (vertical_ladders(t) or across_ladders(t)) for t in doc.tables()):
        return True         # a ladder written down a table, one row per level, or across it
    if not claimed and paragraph_ladders(_lines(doc)):
        return True         # or as five level paragraphs (a slide's boxes)
    return "เกณฑ์การหักคะแนน" in sq or "หักคะแนน" in sq


def ladder_tables(doc: Document, claimed: frozenset = frozenset()) -> frozenset:
    """Indices of the tables that list numbered indicators, each with thresholds in the five
    level columns (`ตัวชี้วัด | น้ำหนัก | 1 … 5 | ผลการดำเนินงาน`, `2. ร้อยละ… | 20 | 70 … 90`):
    ladder indicators a file of another form (a milestone report's annex) holds too."""
    out = set()
    for t in doc.tables():
        if t.index in claimed:
            continue
        hdr = ladder_table_header(t)
        if hdr is not None and hdr[2] and any(
                _numbered_row(row, hdr[1]) and _levelled_row(row, hdr[1], hdr[2]) for row in t.grid()[hdr[0]:]):
            out.add(t.index)
    return frozenset(out)


def extract_tables(doc: Document, meta, tables: frozenset) -> Extraction:
    """The ladder indicators of the given tables (see ladder_tables), read from their rows
    alone: the rest of the file is another form's."""
    lines = [ln for ln in _lines(doc) if ln.table is not None and ln.table.index in tables]
    return _extract_lines(lines, meta) if lines else Extraction(source_file=meta.source_file)


# an item number alone in its cell (`2`, `2.1`, `2.1.`): the name is in the cell after it
_BARE_NO = patterns.compile(r"^[0-9๐-๙]{1,2}(?:\.[0-9๐-๙]{1,2}){0,2}\.?$")


def _kpi_text(row: list[str], roles: dict[str, int]) -> str:
    """The indicator cell, with the name cell after it when the `ตัวชี้วัด` header spans both
    and the first holds only the number (`2.1 | ร้อยละของ…`)."""
    k = roles["kpi"]
    first = C.clean(row[k]) if k < len(row) else ""
    n = roles.get("kpi_name")
    if n is not None and n < len(row) and _BARE_NO.match(first):
        name = C.clean(row[n])
        if re.search(r"[ก-๙A-Za-z]", name):
            return f"{first} {name}"
    return first


def _numbered_row(row: list[str], roles: dict[str, int]) -> bool:
    """An indicator row: numbered in the indicator cell (`1. …`) or in its own column (ที่)."""
    if C.split_item(_kpi_text(row, roles)).kind:
        return True
    own = C.clean(row[roles["item"]]) if "item" in roles and roles["item"] < len(row) else ""
    return bool(own) and bool(C.clean(row[roles["kpi"]])) and \
        bool(C.split_item(own + " x", allow_group=False).kind)


def _levelled_row(row: list[str], roles: dict[str, int], levels: dict[int, int]) -> bool:
    """A row naming an indicator with thresholds in at least three level columns."""
    name = _kpi_text(row, roles)
    filled = [c for c in levels if c < len(row) and level_cell_value(row[c]) is not None]
    return bool(re.search(r"[ก-๙A-Za-z]", name)) and len(filled) >= 3


@dataclass
class _Sub:
    """A sub-indicator and where it starts in the text."""
    rec: Record
    group: str
    pos: int


def _flat(lines: list[Line]) -> tuple[str, list[tuple[int, Line]]]:
    """All lines as one text (table cells separated by TAB) with each line's offset."""
    parts, offs, pos = [], [], 0
    for ln in lines:
        t = ln.text.replace("\n", " ")
        offs.append((pos, ln))
        parts.append(t)
        pos += len(t) + 1
    return "\n".join(parts), offs


def _line_at(offs, pos) -> Line:
    cur = offs[0][1]
    for p, ln in offs:
        if p > pos:
            break
        cur = ln
    return cur


_HEADING = patterns.compile(rf"^\s*(?:[0-9]{{1,2}}\s+)?ตัวชี้วัด\s*ที่\s*({_NUM})\s*[:：.]?\s*(?:\S|$)")

# A note under a table or a slide (`หมายเหตุ : ตัวชี้วัดที่ 3 อยู่ระหว่างพิจารณาค่าน้ำหนัก`,
# `* ตัวชี้วัดที่ 2 …`, `ที่มา : …`) speaks about an indicator; it heads none. A bare `หมายเหตุ :`
# opens a block: the line after it, and the listed lines (`1. …`, `- …`) after that, are the note.
# (`**ตัวชี้วัดที่ 1**`, a text export's bold, is no footnote mark.)
_NOTE = patterns.compile(r"^\s*(?:[*※]+(?=\s*[^\s*])(?!.*\*\s*$)|หมายเหตุ|(?:แหล่ง)?ที่มา(?!ตร)|notes?\b|remarks?\b)",
                         re.I)          # (`ที่มาตรฐาน…`, `ที่มาตรา…` are no source line)
_NOTE_BARE = patterns.compile(r"^\s*(?:[*※]+|หมายเหตุ|(?:แหล่ง)?ที่มา(?:ของ)?(?:ข้อมูล)?|notes?|remarks?)\s*[:：.]?\s*$",
                              re.I)
_LISTED = patterns.compile(r"^\s*(?:[0-9๐-๙]{1,2}\s*[.)]|\(\s*[0-9๐-๙]{1,2}\s*\)|[-–•*※])")


def _note_lines(lines: list[Line]) -> set[int]:
    """Indices of the paragraph lines that are notes (see above); a table row ends a note."""
    out: set[int] = set()
    block = bare = False
    for i, ln in enumerate(lines):
        if ln.table is not None:
            block = bare = False
        elif _NOTE.match(ln.text) or _NOTE_BARE.match(ln.text):
            out.add(i)
            block, bare = True, bool(_NOTE_BARE.match(ln.text))
        elif block and (bare or _LISTED.match(ln.text)):
            out.add(i)
            bare = False
        else:
            block = bare = False
    return out


def extract(doc: Document, meta, claimed: frozenset = frozenset()) -> Extraction:
    """Each indicator headed `ตัวชี้วัดที่ N` in the text is read with the lines up to the next
    indicator's heading (slides repeat the same heading on every page: one indicator)."""
    lines = [ln for ln in _lines(doc) if ln.table is None or ln.table.index not in claimed]
    heads = []
    notes = _note_lines(lines)
    for i, ln in enumerate(lines):
        m = _HEADING.match(ln.text) if ln.table is None and i not in notes else None
        if m:
            no = C.digits(m.group(1))
            if not heads or heads[-1][1] != no:
                heads.append((i, no))
    numbers = [no for _, no in heads]
    if len(set(numbers)) < 2 or len(set(numbers)) != len(numbers):
        ex = _extract_lines(lines, meta)
    else:
        ex = Extraction(source_file=meta.source_file)
        bounds = [0] + [i for i, _ in heads[1:]] + [len(lines)]
        for a, b in zip(bounds, bounds[1:]):
            part = _extract_lines(lines[a:b], meta)
            ex.extend(part)
        ex.forms = [FORM] if ex.records else []
    if ex.records:
        # one results table after all the indicators reports on each of them
        _link_round_results(lines, ex)
    return ex


def _extract_lines(lines: list[Line], meta) -> Extraction:
    ex = Extraction(source_file=meta.source_file)
    text, offs = _flat(lines)
    fy = meta.fiscal_year

    def locate(rec: Record, pos: int):
        ln = _line_at(offs, pos) if offs else None
        if ln is not None:
            rec.page = ln.page
            rec.table = ln.table.index if ln.table else None
            rec.row = ln.row

    # the indicator: the first heading outside a note
    kpi = Record(record_type="kpi", form=FORM, source_file=meta.source_file)
    notes = {id(lines[i]) for i in _note_lines(lines)}
    m = next((x for x in _INDICATOR.finditer(text) if id(_line_at(offs, x.start())) not in notes), None)
    if m:
        kpi.item_no = C.digits(m.group(1))
        tail = text[m.end():m.end() + 400]
        stop = re.search(r"\(\s*น้ำหนัก|น้ำหนัก\s*[:：]|(?<![A-Za-z])weight\s*(?:\(%\))?\s*[:：]|ผู้รับผิดชอบ"
                         r"|เกณฑ์การ|การประเมิน|\n|\t", tail, re.I)
        kpi.name = C.clean(tail[:stop.start()] if stop else tail)
        nxt = _line_at(offs, m.end()) if offs and "\n" in text[m.end(1):m.end()] else None
        if nxt is not None and (nxt.table is not None or _TITLE_LINE.match(nxt.text)):
            # `ตัวชี้วัดที่ N` alone over a table: its name is in the table, not the header's
            # first cell (`ตัวชี้วัด`); nor is the document's year-and-agency line under it
            kpi.name = ""
        locate(kpi, m.start())
    mr = re.search(r"ผู้รับผิดชอบ\s*[:：]\s*([^\t\n]+)", text[m.end():m.end() + 600] if m else "")
    if mr:
        # a PDF line may run the next field on without a break (`สำนักงาน ก.ก.Line & Staff`)
        kpi.responsible = C.clean(re.split(r"(?<=[ก-๙.])(?=[A-Za-z])|\s{2,}", mr.group(1))[0])
    # (not across a tab: a header cell `น้ำหนัก` before the level heads `1 2 3 4 5` states none)
    mw = next((x for x in _WEIGHT.finditer(text) if "\t" not in x.group(0)), None)
    if mw and kpi.item_no:
        kpi.weight_raw = C.clean(mw.group(0))
        kpi.weight = C.amount_value(mw.group(1))
    unit_default = ""
    mu = re.search(r"หน่วย\s*(?:วัด|นับ)?\s*[:：]\s*([^)\n\t]+)", text)
    if mu:
        unit_default = unit_of(mu.group(1))

    group_marks = [(g.start(), f"กลุ่มที่ {C.digits(g.group(1))}") for g in _GROUP.finditer(text)]

    def group_at(pos: int) -> str:
        g = ""
        for p, name in group_marks:
            if p <= pos:
                g = name
        return g

    used: set = set()       # table indices read as tables; (index, row) of rows left to the text
    indicators: list[Record] = [kpi] if kpi.item_no else []
    subs = _subs_from_tables(lines, offs, kpi, ex, group_at, unit_default, used, indicators)
    if not subs:
        subs = _subs_from_text(text, kpi, ex, group_at, locate)
    _read_verticals(lines, kpi, subs, indicators, used)
    _read_across(lines, kpi, subs, indicators, used)
    _read_paragraph_ladders(lines, kpi, subs, indicators)
    ex.records.extend(indicators)
    for ln in lines:
        # a results-by-round table (`ตัวชี้วัด | รอบ 6 เดือน | …`) is read by _link_round_results:
        # its figures are no ladder
        if ln.table is not None and ln.table.index not in used and _rounds_table(ln.table):
            used.add(ln.table.index)
    # ladders written as rows in the text, outside the tables read above
    chars = list(text)
    for p0, ln in offs:
        if ln.table is not None and ln.table.index in used and (ln.table.index, ln.row) not in used:
            chars[p0:p0 + len(ln.text)] = " " * len(ln.text)
    ladder_text = "".join(chars)
    groups: dict[str, list[_Sub]] = {}
    for s in subs:
        groups.setdefault(s.group, []).append(s)

    # ladders: each goes to the sub-indicator of its group whose name it resembles most
    for lad in find_ladders(ladder_text):
        g = group_at(lad.pos)
        cands = [s for s in groups.get(g, subs) if s.pos < lad.pos] or groups.get(g, []) or subs
        cands = [s for s in cands if not s.rec.ladder_raw]
        if not cands and (not indicators or indicators[0].ladder_raw):
            continue
        target = indicators[0] if indicators else kpi
        if cands:
            best = max(cands, key=lambda s: fuzz.partial_ratio(C.squash(lad.label), C.squash(s.rec.name)))
            target = best.rec
        elif target is kpi and m and lad.pos < m.start() and kpi.table is None \
                and _line_at(offs, lad.pos).table is not None:
            continue        # a table row's figures above the indicator's paragraph: not its ladder
        if target.ladder_raw:
            continue
        for i, v in enumerate(lad.values, 1):
            setattr(target, f"level_{i}", v)
        target.ladder_raw = " | ".join(C.number_text(v) for v in lad.values)
        target.ladder_levels_raw = [(i + 1, C.number_text(v)) for i, v in enumerate(lad.values)]
        header = ladder_text[max(0, lad.pos - 200):lad.pos].split("\n")
        # the ladder's own line and the level header above it (`ระดับคะแนน (ร้อยละ) 1 2 3 4 5`),
        # not another ladder's row above it
        own_line = header[-1]
        labelled = re.search(r"[ก-๙A-Za-z]", own_line)
        above = ""
        for h in reversed(header[:-1]):
            # the level header over this ladder's block (`ระดับคะแนน (ร้อยละ) 1 2 3 4 5`),
            # above other ladder rows; an unlabelled ladder takes the line above as its label
            if _LEVELS_HDR.search(h) or re.search(r"(?:^|\s)1\s+2\s+3\s+4\s+5(?:\s|$)", C.digits(h)):
                above += " " + h
                break
            if not labelled and not above:
                above = h
                continue
            if len(re.findall(_NUM, h)) < 5:
                break
        near = above + " " + own_line
        if "%" in lad.raw or "ร้อยละ" in near:
            target.unit = target.unit or "%"
        elif unit_default:
            target.unit = target.unit or unit_default
    for s in subs:
        if not any(s.rec is r for r in ex.records):
            ex.records.append(s.rec)
    for r in ex.records:
        if r.record_type == "kpi":
            r.direction = C.direction_for(r.name, r.ladder)

    if not _steps_from_tables(lines, kpi, ex, fy, meta):
        _steps(text, offs, kpi, ex, fy, meta, locate)
    substance = [r for r in ex.records if r.record_type == "milestone" or r.parent_item
                 or r.ladder_raw or r.actual is not None] or ex.weight_groups or ex.deductions
    if not substance:
        # an indicator named but no sub-indicator, ladder, result or step: not a ladder form
        return Extraction(source_file=meta.source_file)
    ex.forms.append(FORM)
    return ex


def _header_roles(cells: list[str]) -> dict[str, int]:
    roles = C.vocab(FORM)
    out = {}
    for i, t in enumerate(cells):
        role, _ = C.match_role(t, roles)
        if role and role not in out:
            out[role] = i
    return out


def unit_of(text: str) -> str:
    t = C.clean(text)
    units = rules.load("headers").get("units", {})
    return units.get(t, units.get(C.squash(t), t))


def ladder_table_header(table) -> Optional[tuple[int, dict[str, int], dict[int, int]]]:
    """(header rows, role -> column, level columns) of a table of indicators with their
    weights and/or ladders (`ตัวชี้วัด | น้ำหนัก | เกณฑ์การให้คะแนน 1..5 | ผลการดำเนินงาน`)."""
    g = table.grid(limit=8)
    roles: dict[str, int] = {}
    levels: dict[int, int] = {}
    rows = 0
    steps = step_ladder_columns(table)
    for r in range(len(g)):
        found = _header_roles(g[r])
        # `1` … `5`, `ระดับ 1`, `Level 1`, `คะแนน 1 (Score 1)`, `ระดับ 1 (Level 1)`
        # (and as form 7.2 heads them: `เกณฑ์ 1`, `ระดับ 1 (ต่ำสุด)`, `ขั้นต่ำ (1)`)
        nums = {c: v for c, x in enumerate(g[r])
                if (v := level_heading(x) or form72_level_of_head(x)) is not None and v <= 5}
        if steps is not None and steps[0] == r:
            nums = dict(steps[1])       # `ขั้นที่ 1 … 5` over thresholds: the levels
        if sorted(nums.values()) == [2, 3, 4, 5] and min(nums) > 0 and banner_level(g[r][min(nums) - 1]) == 1:
            nums[min(nums) - 1] = 1     # the banner run into level 1's head (`เกณฑ์การประเมิน ระดับ 1`)
        if len(nums) >= 3 and sorted(nums.values()) == list(range(1, len(nums) + 1)):
            if levels:
                # levels headed already: an indicator scored on the levels themselves
                # (ระดับความสำเร็จ, ladder `1 2 3 4 5`) is the first row under them
                break
            levels = nums
            rows = r + 1
            found = {k: v for k, v in found.items() if v not in nums}
            for k, v in found.items():
                roles.setdefault(k, v)
            continue
        if found and (len(found) >= 2 or (r == 0 and len([x for x in g[r] if x.strip()]) <= 2)):
            for k, v in found.items():
                roles.setdefault(k, v)
            rows = r + 1
        elif roles:
            break           # the header is over (rows above it were titles)
    if "kpi" not in roles or not ({"weight", "criteria"} & set(roles)):
        return None
    _number_column(g, rows, roles)
    span = _header_span(table, rows, roles["kpi"], set(roles.values()) | set(levels))
    if span > 1:
        roles["kpi_name"] = roles["kpi"] + 1
    return rows, roles, levels


def _header_span(table, n_hdr: int, col: int, taken: set) -> int:
    """How many columns the header cell over ``col`` covers: its merge, or (a text export or
    a PDF loses merges) the next column when no header row names it."""
    hdr = table.rows(limit=n_hdr)
    for r in range(n_hdr):
        cell = hdr[r][col] if col < len(hdr[r]) else None
        if cell is not None and cell.colspan > 1:
            return cell.colspan
    nxt = col + 1
    if n_hdr and nxt < table.n_cols and nxt not in taken and all(
            nxt >= len(hdr[r]) or hdr[r][nxt] is None or not hdr[r][nxt].text.strip()
            for r in range(n_hdr)):
        # a cell merged from the left or above reads None here too: only an unnamed column
        return 2
    return 1


def _subs_from_tables(lines, offs, kpi, ex, group_at, unit_default, used, indicators) -> list[_Sub]:
    """Tables of indicators: `ตัวชี้วัด | เกณฑ์การให้คะแนน | น้ำหนัก` with rows `1.1 …`, or with
    five level columns, a unit and the reported result; a `รวม` row states the weight total."""
    subs: list[_Sub] = []
    pos_of = {id(ln): p for p, ln in offs}
    seen: set[tuple[str, str, str]] = set()     # (parent, number, name) read so far
    tables, by_table = [], {}
    for ln in lines:
        if ln.table is not None:
            if id(ln.table) not in by_table:
                tables.append(ln.table)
                by_table[id(ln.table)] = []
            by_table[id(ln.table)].append(ln)
    for t in tables:
        hdr = ladder_table_header(t)
        if hdr is None or (not hdr[2] and vertical_ladders(t)):
            continue            # (a ladder down the table: _read_verticals reads it)
        n_hdr, roles, levels = hdr
        used.add(t.index)
        periods = _result_periods(t, n_hdr, roles)
        parent = kpi.item_no
        members: list[str] = []
        tops: dict[str, tuple[Record, list[str]]] = {}     # top-level rows of this table
        ladder_block = False
        table_group = ""
        for ln in by_table[id(t)]:
            if ln.row < n_hdr:
                continue
            grid = ln.full
            if ladder_block or (not levels and _is_level_row(grid)):
                # `ระดับคะแนน | 1 | 2 | 3 | 4 | 5` under the sub-indicators of a text export
                # that ran both tables together: the rest are ladder rows, read as text
                ladder_block = True
                used.add((t.index, ln.row))
                continue
            col = lambda role: C.clean(grid[roles[role]]) if role in roles and roles[role] < len(grid) else ""
            first = _kpi_text(grid, roles) or next((C.clean(c) for c in grid if c.strip()), "")
            own = col("item")
            own_item = None
            if own and not C.split_item(first, allow_group=False).kind and not _INDICATOR.match(first) \
                    and C.split_item(own + " x", allow_group=False).kind:
                # numbering in its own column (ลำดับ): the number is that cell, the name the
                # indicator cell whole (`1 | รายได้…` is not read as a value `1 ราย`)
                no = C.split_item(own + " x", allow_group=False)
                own_item = C.ItemNo(no.kind, no.number, first)
                first = f"{own} {first}"
            elif own and re.match(r"^\s*รวม", own):
                first = own
            pos = pos_of.get(id(ln), 0)
            across = {C.clean(x) for x in grid if x.strip()}
            if len(across) == 1 and _GROUP.match(first):
                # a group heading written across the table (`กลุ่มที่ 1 การสนองตอบ…`): the plan of
                # the rows under it, as written
                table_group = first
                continue
            mi = _INDICATOR.match(first)
            if mi:
                no = C.digits(mi.group(1))
                rec = next((r for r in indicators if r.item_no == no), None)
                if rec is None:
                    rec = Record(record_type="kpi", form=FORM, source_file=kpi.source_file,
                                 page=ln.page, table=t.index, row=ln.row, item_no=no)
                    indicators.append(rec)
                rec.name = rec.name or C.clean(first[mi.end():])
                _row_values(rec, col, grid, levels, unit_default, roles, periods)
                parent, members = no, []
                continue
            if re.match(r"^\s*รวม", first):
                total = col("weight") or (_TOTAL.search(C.clean(" ".join(grid))) or [None, ""])[1]
                # a total over top-level indicators has no parent to hold it: the validator
                # checks sub-indicators of an indicator (WeightGroup.parent_item)
                if members and parent:
                    ex.weight_groups.append(WeightGroup(
                        parent_item=parent, stated_total=C.amount_value(total) if total else None,
                        stated_raw=C.clean(" ".join(c for c in grid if c.strip())),
                        member_items=members[:],
                        loc=Location(page=ln.page, table=t.index, row=ln.row)))
                members = []
                continue
            item = own_item or C.split_item(first, allow_group=False)
            if not item.kind and kpi in indicators and not kpi.name and not kpi.ladder_raw \
                    and levels and _levelled_row(grid, roles, levels):
                # `ตัวชี้วัดที่ N` alone above the table (a slide's title): the table's
                # unnumbered row is that indicator, its name, weight, ladder and result
                kpi.name = first
                kpi.page, kpi.table, kpi.row = ln.page, t.index, ln.row
                if col("weight"):
                    kpi.weight_raw, kpi.weight = "", None   # a cell outranks the text's `น้ำหนัก`
                _row_values(kpi, col, grid, levels, unit_default, roles, periods)
                continue
            head_rec = next((r for r in indicators if r.item_no == parent), None) if parent else None
            if item.kind and head_rec is not None and item.number.rstrip(".") == parent:
                # `2. …` under the heading `ตัวชี้วัดที่ 2 …` (a slide's title over its row): the
                # heading's indicator again, no sub-indicator of its own
                head_rec.name = head_rec.name or C.clean(item.rest)
                if head_rec.table is None:
                    head_rec.page, head_rec.table, head_rec.row = ln.page, t.index, ln.row
                _row_values(head_rec, col, grid, levels, unit_default, roles, periods)
                continue
            given = next((r for r in [x.rec for x in subs] + indicators
                          if r.item_no == item.number.rstrip(".")), None) if item.kind else None
            if given is not None and not C.clean(item.rest):
                # a number alone (`3.1 | 3 | <result> | <score>`): a results table reporting on an
                # indicator given above, no indicator of its own
                _row_values(given, col, grid, levels, unit_default, roles, periods)
                continue
            # the same row again (a table repeated on the next slide) is read once; a second
            # row with the same number but another name is kept, not dropped unseen
            key = (parent, item.number, C.squash(item.rest))
            if not item.kind or key in seen:
                continue
            seen.add(key)
            rec = Record(record_type="kpi", form=FORM, source_file=kpi.source_file,
                         page=ln.page, table=t.index, row=ln.row)
            rec.item_no = item.number
            rec.parent_item = parent
            head, dot, _ = item.number.partition(".")
            if dot and not parent and head in tops:
                # `4.1` under a row `4` of the same table: a sub-indicator of indicator 4, whose
                # weights add up to 4's
                rec.parent_item = head
                tops[head][1].append(rec.item_no)
            rec.name = C.clean(item.rest)
            rec.plan = table_group or group_at(pos)
            _row_values(rec, col, grid, levels, unit_default, roles, periods)
            mw = _WEIGHT.search(rec.name) if rec.weight is None else None
            if mw:
                # a group's weight written in its name (`… (น้ำหนัก 30)`) with no weight cell
                rec.weight_raw, rec.weight = C.clean(mw.group(0)), C.amount_value(mw.group(1))
                name = C.clean(re.sub(r"\(\s*" + re.escape(mw.group(0)) + r"\s*\)", " ", rec.name, count=1))
                rec.name = name or rec.name      # the name without its weight
            subs.append(_Sub(rec, rec.plan, pos))
            if not rec.parent_item:
                tops[rec.item_no] = (rec, [])
            if rec.parent_item == parent:
                members.append(rec.item_no)
        for head, (top, subs_of) in tops.items():
            if subs_of and top.weight is not None:
                ex.weight_groups.append(WeightGroup(
                    parent_item=head, stated_total=top.weight, stated_raw=top.weight_raw,
                    member_items=subs_of, loc=Location(page=top.page, table=t.index, row=top.row)))
    return subs


def _is_level_row(grid: list[str]) -> bool:
    """A row whose cells after its label are the levels `1 2 3 4 5` (`๑ … ๕`)."""
    if not grid or C.split_item(C.clean(grid[0]), allow_group=False).kind:
        return False          # `5.3 ระดับความสำเร็จ… | 1 … 5` is an indicator scored on levels
    cells = [C.digits(C.clean(x)) for x in grid[1:] if x.strip()]
    return cells == ["1", "2", "3", "4", "5"]


# a period heading under a results banner: `ไตรมาส 1`, `Q2`, `รอบ 6 เดือน`, `ครั้งที่ 2`, a month
_PERIOD_HEAD = patterns.compile(r"ไตรมาส|q[1-4]|quarter|รอบ|ครั้งที่|[ก-ฮ]\.\s*[ก-ฮ]\.|(?:มกรา|กุมภา|มีนา|เมษา|พฤษภา|"
                                r"มิถุนา|กรกฎา|สิงหา|กันยา|ตุลา|พฤศจิกา|ธันวา)|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|"
                                r"oct|nov|dec)[a-z]*\.?(?:\s|$)", re.I)


def _result_periods(table, n_hdr: int, roles: dict[str, int]) -> list[int]:
    """The columns of a results banner that spans reporting periods (`ผลการดำเนินงานรายไตรมาส`
    over `ไตรมาส 1 … ไตรมาส 4`), left to right; [] when the result is one column. The banner
    reaches over its merged columns, or over the empty cells after it (a PDF or a CSV loses
    merges); each column under it must be headed by a period."""
    a = roles.get("actual")
    if a is None or n_hdr < 2:
        return []
    rows = table.rows(limit=n_hdr)
    for r in range(n_hdr - 1):
        cell = rows[r][a] if a < len(rows[r]) else None
        if cell is None or not cell.text.strip():
            continue
        end = a + cell.colspan
        while end < len(rows[r]) and (rows[r][end] is None or not rows[r][end].text.strip()):
            end += 1
        under = {k: rows[r + 1][k] for k in range(a, min(end, len(rows[r + 1])))}
        heads = {k: c for k, c in under.items() if c is not None and c.text.strip()}
        if len(heads) >= 2 and all(_PERIOD_HEAD.search(c.text) for c in heads.values()):
            return sorted(heads)
        return []
    return []


def _rounds_table(table) -> Optional[tuple[int, int, Optional[int], list[int]]]:
    """(header rows, indicator column, number column, result columns left to right) of a
    results table apart from the ladder (`ตัวชี้วัด | รอบ 6 เดือน | รอบ 9 เดือน | รอบ 12 เดือน`,
    or `ตัวชี้วัด | ผลการดำเนินงาน`), which names its indicators by number or name; None for
    any other table."""
    key = (len(table.cells), table.n_rows, table.n_cols)
    hit = table.__dict__.get("_kpi_rounds")
    if hit is not None and hit[0] == key:
        return hit[1]            # asked once per line of the table
    out = None
    if ladder_table_header(table) is None:
        kpi = item = result = None
        krow = 0
        for r, row in enumerate(table.grid(limit=3)):
            roles = _header_roles(row)
            if kpi is None:
                if "kpi" not in roles:
                    continue        # a title row above the header
                kpi, item, result, krow = roles["kpi"], roles.get("item"), roles.get("actual"), r
            elif r > krow + 1 or row[kpi].strip():
                # the rounds are headed in the indicator's header row or the row under its
                # banner, which names no indicator (a row of dates under it is data)
                break
            heads = [c for c, x in enumerate(row) if c > kpi and x.strip() and len(C.clean(x)) <= 40
                     and _PERIOD_HEAD.search(x)]
            if len(heads) >= 2:
                out = (r + 1, kpi, item, heads)
                break
        if out is None and kpi is not None and result is not None and result > kpi:
            out = (krow + 1, kpi, item, [result])
    table.__dict__["_kpi_rounds"] = (key, out)
    return out


def _link_round_results(lines: list[Line], ex: Extraction) -> None:
    """The result of each indicator without one, from a results table apart from its ladder:
    the row naming it by number (`3.2`, `ตัวชี้วัดที่ 3.2`) or by name (the same words, or
    nearly), and the latest round that reports a figure (`ยังไม่ประเมิน`, `-`, empty are none)."""
    kpis = [r for r in ex.records if r.record_type == "kpi" and (r.item_no or r.name)]
    if not kpis or all(r.actual is not None for r in kpis):
        return
    by_no: dict[str, list[Record]] = {}
    for r in kpis:
        if r.item_no:
            by_no.setdefault(r.item_no, []).append(r)
    names = [(C.squash(r.name), r) for r in kpis if r.name]
    for _, ln in _first_lines_of_tables(lines):
        t = ln.table
        found = _rounds_table(t)
        if found is None:
            continue
        n_hdr, kpi_col, item_col, cols = found
        for grid in t.grid()[n_hdr:]:
            key = C.clean(grid[kpi_col]) if kpi_col < len(grid) else ""
            own = C.clean(grid[item_col]) if item_col is not None and item_col < len(grid) else ""
            no, name = "", key
            mi = _INDICATOR.match(key)
            if mi:
                no, name = C.digits(mi.group(1)), C.clean(key[mi.end():])
            else:
                item = C.split_item(f"{own} {key}" if own else key, allow_group=False)
                if item.kind:
                    no, name = item.number.rstrip("."), item.rest
            rec = None
            if no and len(by_no.get(no, [])) == 1:
                rec = by_no[no][0]
            elif name and re.search(r"[ก-๙A-Za-z]", name):
                sq = C.squash(name)
                same = [r for n, r in names if n == sq]
                if len(same) == 1:
                    rec = same[0]
                elif not same:
                    # a name retyped with a letter or two changed: one comparison per row and
                    # indicator, at a threshold no other indicator's name reaches
                    scored = sorted(((fuzz.ratio(sq, n), i) for i, (n, _) in enumerate(names)), reverse=True)
                    if scored and scored[0][0] >= 92 and (len(scored) == 1 or scored[1][0] < 92):
                        rec = names[scored[0][1]][1]
            if rec is None or rec.actual is not None:
                continue
            figures = [C.clean(grid[c]) for c in cols if c < len(grid)]
            figures = [x for x in figures if x and x not in C.DASHES and C.amount_value(x) is not None]
            if figures:
                rec.actual_raw = figures[-1]
                rec.actual = C.amount_value(figures[-1])


def _row_values(rec: Record, col, grid, levels: dict[int, int], unit_default: str,
                roles: dict[str, int], periods: Optional[list[int]] = None) -> None:
    w = col("weight")
    if w and not rec.weight_raw:
        rec.weight_raw = w
        rec.weight = C.amount_value(w)
    u = col("unit")
    if u:
        rec.unit = unit_of(u)
    vals = {}
    for c, lvl in levels.items():
        # a figure, or a band (`70.00-74.99`) / a worded threshold (`≥ 90.00`) as form 7.2 reads it
        v = level_cell_value(grid[c]) if c < len(grid) else None
        if v is not None:
            vals[lvl] = v
    vals = band_thresholds(vals, {lvl: grid[c] for c, lvl in levels.items() if c < len(grid)})
    worded = [C.clean(grid[c]) for c in sorted(levels) if c < len(grid)]
    if not vals and len(levels) == 5 and len(worded) == 5 and all(
            re.search(r"[ก-๙A-Za-z]", w) and w not in C.DASHES for w in worded):
        # a milestone described under every level (`มีการแต่งตั้งคณะทำงาน` … ): a
        # level-of-success indicator, scored on the level it reached
        vals = {lvl: float(lvl) for lvl in levels.values()}
    if vals:
        for lvl, v in vals.items():
            setattr(rec, f"level_{lvl}", v)
        rec.ladder_raw = " | ".join(C.clean(grid[c]) for c in sorted(levels) if C.clean(grid[c]))
        rec.ladder_levels_raw = [(levels[c], C.clean(grid[c])) for c in sorted(levels) if C.clean(grid[c])]
        if not rec.unit:
            rec.unit = "%" if "ร้อยละ" in rec.name[:8] and not unit_default else unit_default
        if not rec.unit:
            # thresholds written with their unit (`20 นาที` … `8 นาที`)
            rec.unit = _vertical_unit([x for _, x in rec.ladder_levels_raw] + [""])
    if not vals and not levels and not rec.ladder_raw:
        # no level columns: a ladder written in the criteria cell (`ระดับ 1 = ร้อยละ 80` lines)
        cc = roles.get("criteria")
        # the cell as written: its line breaks separate the levels
        found = ladder_of_cell(grid[cc]) if cc is not None and cc < len(grid) else None
        if found:
            got, raws, seen, unit = found
            if not unit and not unit_default and "ร้อยละ" in rec.name[:8]:
                unit = "%"           # `ร้อยละของ…` scored on bare numbers
            for lvl, v in got.items():
                setattr(rec, f"level_{lvl}", v)
            rec.ladder_raw = " | ".join(raws)
            rec.ladder_levels_raw = seen
            rec.unit = rec.unit or unit or unit_default
    a = col("actual")
    if periods:
        # results by period: the latest period reported (the last filled cell, not a dash)
        filled = [C.clean(grid[k]) for k in periods if k < len(grid)]
        filled = [x for x in filled if x and x not in C.DASHES and C.amount_value(x) is not None]
        a = filled[-1] if filled else ""
    if a and a not in C.DASHES:
        rec.actual_raw = a
        rec.actual = C.amount_value(a)


def _subs_from_text(text, kpi, ex, group_at, locate) -> list[_Sub]:
    """Sub-indicators run together in slide text: split at `1.1`, `1.2` … up to `รวม 10`."""
    subs: list[_Sub] = []
    taken: set[str] = set()
    zone_starts = [h.end() for h in re.finditer(
        r"ตัวชี้วัด\s*(?:ย่อย)?\s*\t?\s*เกณฑ์การให้คะแนน\s*\t?\s*น้ำหนัก|ตัวชี้วัดย่อย", text)]
    for zs in zone_starts:
        zone_end = len(text)
        mt = _TOTAL.search(text, zs)
        nxt = re.search(r"ระดับคะแนน|เกณฑ์การประเมิน", text[zs:])
        if mt:
            zone_end = mt.start()
        if nxt and zs + nxt.start() < zone_end:
            zone_end = zs + nxt.start()
        zone = text[zs:zone_end]
        starts = list(_SUB.finditer(zone))
        members = []
        for i, sm in enumerate(starts):
            if C.digits(sm.group(1)) in taken:
                continue
            body = zone[sm.end():(starts[i + 1].start() if i + 1 < len(starts) else len(zone))]
            rec = Record(record_type="kpi", form=FORM, source_file=kpi.source_file)
            rec.item_no = C.digits(sm.group(1))
            taken.add(rec.item_no)
            rec.parent_item = kpi.item_no
            rec.plan = group_at(zs + sm.start())
            body_c = C.clean(body.replace("\t", " "))
            mwt = re.search(rf"\s({_NUM})\s*$", " " + body_c)
            if mwt and (C.amount_value(mwt.group(1)) or 0) <= 100:
                rec.weight_raw = mwt.group(1)
                rec.weight = C.amount_value(mwt.group(1))
                body_c = body_c[:len(body_c) - len(mwt.group(0)) + 1].strip()
            rec.name = body_c
            locate(rec, zs + sm.start())
            subs.append(_Sub(rec, rec.plan, zs + sm.start()))
            members.append(rec.item_no)
        if mt and members and mt.start() == zone_end:
            ex.weight_groups.append(WeightGroup(
                parent_item=kpi.item_no, stated_total=C.amount_value(mt.group(1)),
                stated_raw=C.clean(mt.group(0)), member_items=members,
                loc=Location(table=subs[-1].rec.table, page=subs[-1].rec.page)))
    return subs


def _deduction(text: str, step: str) -> Optional[DeductionRule]:
    t = C.clean(text)
    md = re.search(rf"({_NUM})\s*คะแนน(?:.*?วัน\s*ละ\s*({_NUM})\s*คะแนน)?", t)
    if not md:
        return None
    return DeductionRule(step=step, points=float(C.amount_value(md.group(1)) or 0),
                         per_day=float(C.amount_value(md.group(2)) or 0) if md.group(2) else 0.0)


def _deadline_column(cells: list[str], roles: dict[str, int]) -> Optional[int]:
    """A column headed as a deadline (`กำหนดส่ง`, `กำหนดแล้วเสร็จ`, `Due date`: the KPI report's
    reading of a steps table's heads) that no role of this form's vocabulary took."""
    from .kpi_report import _step_table_head
    taken = set(roles.values())
    return next((i for i, x in enumerate(cells) if i not in taken and x and
                 _step_table_head(C.squash(x)) == "deadline"), None)


def _steps_from_tables(lines, kpi, ex, fy, meta) -> bool:
    """Step tables: `การดำเนินการ | ระยะเวลา | เกณฑ์การหักคะแนน`, or with a deadline column
    (`ลำดับ | การดำเนินการ | กำหนดส่ง | เกณฑ์การหักคะแนน`), the steps numbered in their text or
    in a number column of their own."""
    found = False
    cur_table, cols = None, None
    hier = C.Hierarchy()
    for ln in lines:
        if ln.table is None:
            continue
        if ln.table is not cur_table:
            cur_table, cols = ln.table, None
        grid = ln.full
        if cols is None:
            roles = _header_roles(grid)
            if "period" not in roles and "step" in roles:
                due = _deadline_column(grid, roles)
                if due is not None:
                    roles["period"] = due
            if "period" in roles and ("step" in roles or "deduction" in roles):
                cols = roles
            continue
        first = grid[cols.get("step", 0)]
        item = C.split_item(C.clean(first), allow_group=False)
        own = C.clean(grid[cols["item"]]) if "item" in cols and cols["item"] < len(grid) else ""
        no = C.split_item(own + " x", allow_group=False) if own else None
        if not item.kind and "step" in cols and no is not None and no.kind and no.rest == "x" and C.clean(first):
            # `1 | จัดส่งแผน… | 30 ธ.ค. 2569`: the number in its own column (ลำดับ), the step's text whole
            item = C.ItemNo(no.kind, no.number, C.clean(first))
        if not item.kind:
            continue
        found = True
        rec = Record(record_type="milestone", form=FORM, source_file=meta.source_file,
                     page=ln.page, table=ln.table.index, row=ln.row)
        rec.item_no = item.number
        rec.kpi_no = kpi.item_no
        rec.parent_item = hier.push(item.kind, item.number) or kpi.item_no
        rec.name = C.clean(item.rest)
        rec.status = "unknown"
        if "actual" in cols and cols["actual"] < len(grid) and C.clean(grid[cols["actual"]]):
            # a results column beside the steps (a template reported on): done, when, or not
            status, rec.completed, rec.completed_raw = result_of([grid[cols["actual"]]], fy)
            rec.status = status or "unknown"
        period = C.clean(grid[cols["period"]]) if "period" in cols else ""
        rec.deadline, rec.deadline_raw, rec.deadline_status = deadline_of(period, fy)
        if not rec.deadline and period and period not in C.DASHES:
            # a date alone in the column (`30 ธ.ค. 2569`, a spreadsheet date `2026-12-30`)
            d, _, dst = deadline_of("ภายใน " + period, fy)
            if d:
                rec.deadline, rec.deadline_raw, rec.deadline_status = d, period, dst
        if not rec.deadline_raw and period not in C.DASHES:
            rec.deadline_raw = period
        if rec.deadline_status == "corrected" and rec.deadline_raw:
            # a misspelt month read anyway (`30 พฤศจิกยน 2568`) is reported, as a report's is
            rec.date_notes.append(("deadline", rec.deadline_raw, rec.deadline, "corrected"))
        rule = _deduction(grid[cols["deduction"]], rec.item_no) if "deduction" in cols else None
        if rule is not None:
            mwd = re.search(rf"ภายใน\s*({_NUM})\s*วัน\s*ทำการ", period)
            if mwd:
                rule.working_days = int(float(C.amount_value(mwd.group(1)) or 0))
            rule.deadline_raw = period
            rule.loc = Location(page=ln.page, table=ln.table.index, row=ln.row)
            ex.deductions.append(rule)
        ex.records.append(rec)
    return found


_STEP_HDR = patterns.compile(r"การดำเนินการ.{0,40}?ร\s*ะ\s*ย\s*ะ\s*เ\s*ว\s*ล\s*า.{0,60}?ห\s*ั\s*ก\s*ค\s*ะ\s*แ\s*น\s*น[^\n]*?ตัวชี้วัด\s*\)?", re.S)
_STEP_NO = patterns.compile(r"(?:^|(?<=\s))([0-9๐-๙]{1,2}\.(?:[0-9๐-๙]{1,2})?)\s*(?=[ก-๙])")


def _steps(text, offs, kpi, ex, fy, meta, locate):
    """Steps with periods and deductions (Best Service): milestone records + DeductionRules."""
    hdrs = list(_STEP_HDR.finditer(text))
    if not hdrs:
        return
    chunks = []
    for i, h in enumerate(hdrs):
        end = hdrs[i + 1].start() if i + 1 < len(hdrs) else len(text)
        chunks.append((h.end(), text[h.end():end]))
    seen = set()
    for base, chunk in chunks:
        marks = [m for m in _STEP_NO.finditer(chunk)]
        # keep a numbering that advances (1, 2, 3 … 6, 6.1, 6.2, 7): other numbers are values
        kept = []
        for m in marks:
            no = C.digits(m.group(1)).rstrip(".")
            if no in seen:
                continue
            if kept:
                prev = C.digits(kept[-1].group(1)).rstrip(".")
                if not _follows(prev, no):
                    continue
            elif not _follows(_last(seen), no):
                continue
            kept.append(m)
            seen.add(no)
        for i, m in enumerate(kept):
            body = chunk[m.end():(kept[i + 1].start() if i + 1 < len(kept) else len(chunk))]
            body = re.split(r"\n(?:[0-9]+\s*\n|ดาวน์โหลด|งานนำเสนอ)", body)[0]
            body_c = C.clean(body.replace("\t", " "))
            body_c = re.sub(r"\s[0-9]{1,2}$", "", body_c)      # a slide number after the step
            rec = Record(record_type="milestone", form=FORM, source_file=meta.source_file)
            rec.item_no = C.digits(m.group(1)).rstrip(".")
            rec.kpi_no = kpi.item_no
            rec.parent_item = rec.item_no.split(".")[0] if "." in rec.item_no else kpi.item_no
            rec.status = "unknown"
            # deduction text at the end: "0.5 คะแนน และตัดคะแนนเพิ่มอีกวันละ 0.01 คะแนน"
            md = re.search(rf"({_NUM})\s*คะแนน(?:.*?วัน\s*ละ\s*({_NUM})\s*คะแนน)?\s*$", body_c)
            name = body_c
            if md:
                name = body_c[:md.start()].strip()
                rule = DeductionRule(step=rec.item_no, points=float(C.amount_value(md.group(1)) or 0),
                                     per_day=float(C.amount_value(md.group(2)) or 0) if md.group(2) else 0.0)
            else:
                name = re.sub(r"\s[-–]+\s*$", "", body_c).strip()
                rule = None
            dl, draw, dstatus = deadline_of(name, fy)
            mwd = re.search(rf"ภายใน\s*({_NUM})\s*วัน\s*ทำการ", name)
            if mwd and rule is not None:
                rule.working_days = int(float(C.amount_value(mwd.group(1)) or 0))
            if mwd and not draw:
                draw = C.clean(mwd.group(0))
            rec.name = name
            rec.deadline, rec.deadline_raw, rec.deadline_status = dl, draw, dstatus
            locate(rec, base + m.start())
            if rule is not None:
                rule.deadline_raw = draw
                rule.loc = Location(page=rec.page, table=rec.table, row=rec.row)
                ex.deductions.append(rule)
            ex.records.append(rec)


def _last(seen: set) -> str:
    if not seen:
        return ""
    return max(seen, key=lambda s: tuple(int(x) for x in s.split(".")))


def _follows(prev: str, no: str) -> bool:
    if not prev:
        return no == "1"
    p = [int(x) for x in prev.split(".")]
    n = [int(x) for x in no.split(".")]
    if len(n) == 1:
        return n[0] == p[0] + 1
    if len(p) == 1:
        return n[0] == p[0] and n[1] == 1
    return (n[0] == p[0] and n[1] == p[1] + 1)


# ---------------------------------------------------------------- ladders written down a table

# A ladder written vertically, one row per level (`ระดับคะแนน | เกณฑ์`, `คะแนน | ระยะเวลาให้บริการ`
# over `1 | ไม่เกิน 30 นาที` … `5 | ไม่เกิน 10 นาที`), as service offices' SLA slides draw it. The
# level column is headed by a level word (the words a level cell itself may carry), or its cells
# carry one (`ระดับ 1`, `5 คะแนน`); bare `1 … 5` with no such head need a unit or a comparison
# in the thresholds (`≤ 15 นาที`), not bare figures that could be any numbered list.
# a template's criteria row (`เกณฑ์การประเมิน | ระดับ 1 | … | ระดับ 5` among its label rows)
_CRITERIA_ROW = patterns.compile(r"\s*เกณฑ์\s*(?:การ)?\s*(?:ประเมิน|ให้คะแนน|วัด)")
_LEVEL_COL_HEAD = patterns.compile(r"(?:ระดับ(?:ที่)?|ระดับ(?:คะแนน|ขั้น)|คะแนน(?:ที่)?|level|score)"
                                   r"(?:\s*\(.{0,30}\))?", re.I)
_WORDED = patterns.compile(r"[ก-๙A-Za-z%<>≤≥]")


@dataclass
class Vertical:
    """One ladder read down a table: its rows, levels, the cells as written, and the indicator
    named in the table above or beside it (``name``, ``item_no``), if any."""
    table: object
    first_row: int
    last_row: int
    header_row: Optional[int]
    levels: dict[int, float]
    raws: list[tuple[int, str]]
    unit: str
    name: str = ""
    item_no: str = ""


def _is_threshold(text: str) -> bool:
    from .activity_plan import is_mark
    t = C.clean(text)
    return bool(t) and not is_mark(t) and not _STEP_WORD_RX.search(t) and level_cell_value(t) is not None


_STEP_WORD_RX = patterns.compile(r"ขั้น(?:ตอน)?\s*ที่?\s*[0-9๐-๙]")


def vertical_ladders(table) -> list[Vertical]:
    """The ladders written down ``table`` (see above), top to bottom."""
    key = (len(table.cells), table.n_rows, table.n_cols)
    hit = table.__dict__.get("_kpi_vertical")
    if hit is not None and hit[0] == key:
        return hit[1]
    g = table.grid()
    out: list[Vertical] = []
    taken_to = -1
    for r0 in range(len(g)):
        if r0 <= taken_to:
            continue
        for c in range(table.n_cols):
            v = _vertical_at(table, g, r0, c, taken_to)
            if v is not None:
                out.append(v)
                taken_to = v.last_row
                break
    table.__dict__["_kpi_vertical"] = (key, out)
    return out


def _level_of_cell(text: str) -> Optional[int]:
    lv = level_heading(text)
    return lv if lv is not None and 1 <= lv <= 5 else None


def _vertical_at(table, g, r0: int, c: int, taken_to: int) -> Optional[Vertical]:
    """A ladder whose level 1 or 5 is row r0's cell in column c."""
    first = _level_of_cell(g[r0][c])
    if first not in (1, 5):
        return None
    step = 1 if first == 1 else -1
    rows = [r0]
    while len(rows) < 5 and rows[-1] + 1 < len(g) and _level_of_cell(g[rows[-1] + 1][c]) == first + step * len(rows):
        rows.append(rows[-1] + 1)
    if len(rows) < 5:
        return None
    hdr = r0 - 1 if r0 - 1 > taken_to else None
    head = C.clean(g[hdr][c]) if hdr is not None else ""
    worded_levels = any(not C.digits(C.clean(g[r][c])).isdigit() for r in rows)
    headed = bool(head) and _LEVEL_COL_HEAD.fullmatch(C.squash(head)) is not None
    for vc in range(table.n_cols):
        if vc == c:
            continue
        cells = {first + step * k: C.clean(g[r][vc]) for k, r in enumerate(rows)}
        vals = {lv: level_cell_value(x) for lv, x in cells.items() if _is_threshold(x)}
        rest = [x for lv, x in cells.items() if lv not in vals]
        if len(vals) < 3 or any(x and x not in C.DASHES for x in rest):
            continue
        if all(v == lv for lv, v in vals.items()):
            continue            # the level's own score written again (`ระดับ | คะแนน`)
        if not (headed or worded_levels or all(_WORDED.search(x) for lv, x in cells.items() if lv in vals)):
            continue
        vals = band_thresholds(vals, cells)
        order = [vals[lv] for lv in sorted(vals)]
        worded = all(_WORDED.search(x) for lv, x in cells.items() if lv in vals)
        if not (all(a < b for a, b in zip(order, order[1:])) or all(a > b for a, b in zip(order, order[1:]))) \
                and not (headed and worded):
            # out of order: still a ladder (LADDER_NOT_MONOTONIC) under a level head with every
            # threshold worded (`≤ 25 นาที`); bare figures out of order may be any list
            continue
        raws = [(lv, cells[lv]) for lv in sorted(cells) if cells[lv]]
        texts = [x for _, x in raws] + [C.clean(g[hdr][vc]) if hdr is not None else ""]
        v = Vertical(table, rows[0], rows[-1], hdr, vals, raws, _vertical_unit(texts))
        v.name, v.item_no = _vertical_name(table, g, v, c, vc, taken_to)
        return v
    return None


_UNIT_AFTER = patterns.compile(r"[0-9๐-๙]\s*([ก-๙]+|[A-Za-z]{1,12})\.?\s*$")   # (`นาที`, `min`, `days`)


def _vertical_unit(texts: list[str]) -> str:
    """`%` for percentages; the word every threshold ends with (`นาที`, `วัน`) otherwise."""
    cells = [t for t in texts[:-1] if t and t not in C.DASHES]
    if any("%" in t or "ร้อยละ" in t for t in texts):
        return "%"
    words = {m.group(1) if (m := _UNIT_AFTER.search(t)) else "" for t in cells}
    if len(words) == 1 and "" not in words:
        return unit_of(words.pop())
    return ""


# `ตัวชี้วัด :`, `ชื่อตัวชี้วัด`, `ตัวชี้วัดที่ 2 :` before an indicator's name in a cell
_NAME_LABEL = patterns.compile(rf"^\s*(?:ชื่อ)?\s*ตัวชี้วัด\s*(?:ที่\s*({_NUM}))?\s*[:：.]?\s*")


def _vertical_name(table, g, v: Vertical, c: int, vc: int, taken_to: int) -> tuple[str, str]:
    """The indicator a ladder down a table belongs to, named in the table: in a column beside
    its levels (a cell merged down over them), or in a row above its header row (a title row
    across the table, `ชื่อตัวชี้วัด | ร้อยละ…`). ("", "") when the table names none."""
    beside = [C.clean(g[r][k]) for r in range(v.first_row, v.last_row + 1)
              for k in range(table.n_cols) if k not in (c, vc) and k < c]
    beside = [x for x in beside if re.search(r"[ก-๙A-Za-z]{4}", x) and not _is_threshold(x)]
    if beside:
        return _named(beside[0])
    top = v.header_row if v.header_row is not None else v.first_row
    for r in range(top - 1, taken_to, -1):
        cells = [C.clean(x) for x in g[r] if x.strip()]
        if not cells:
            continue
        text = " ".join(cells)
        if re.search(r"[ก-๙A-Za-z]{4}", text):
            return _named(text)
        break
    return "", ""


def _named(text: str) -> tuple[str, str]:
    m = _NAME_LABEL.match(text)
    if m:
        return C.clean(text[m.end():]), C.digits(m.group(1) or "")
    item = C.split_item(text, allow_group=False)
    if item.kind:
        return C.clean(item.rest), item.number.rstrip(".")
    return C.clean(text), ""


def _set_vertical(rec: Record, v: Vertical) -> None:
    for lvl, val in v.levels.items():
        setattr(rec, f"level_{lvl}", val)
    rec.ladder_raw = " | ".join(x for _, x in v.raws)
    rec.ladder_levels_raw = list(v.raws)
    rec.unit = rec.unit or v.unit or ("%" if "ร้อยละ" in rec.name[:8] else "")


# paragraph lines above a ladder that are an indicator's fields, not its name
_FIELD_LINE = patterns.compile(r"^\s*(?:เกณฑ์|น้ำหนัก|หน่วย|ผู้รับผิดชอบ|ผู้กำกับ|ผู้จัดเก็บ|คำอธิบาย|(?:ค่า)?เป้าหมาย|"
                               r"ระดับคะแนน|วิธีการ|สูตร|แหล่ง|ข้อมูลพื้นฐาน|ผลการดำเนินงาน)")


def _first_lines_of_tables(lines: list[Line], used: frozenset | set = frozenset()):
    """(position, line) of each table's first line in ``lines``, tables in ``used`` (by index)
    left out."""
    seen: set[int] = set()
    for i, ln in enumerate(lines):
        t = ln.table
        if t is None or id(t) in seen or t.index in used:
            continue
        seen.add(id(t))
        yield i, ln


def _read_verticals(lines: list[Line], kpi: Record, subs: list[_Sub], indicators: list[Record],
                    used: set) -> None:
    """Ladders written down a table, each given to its indicator: the one the table names (by
    number, else by name), else the indicator headed above (`ตัวชี้วัดที่ N …`, a slide's title)
    while it has no ladder, else a new indicator named by the nearest heading paragraph above."""
    notes = _note_lines(lines)
    for i, ln in _first_lines_of_tables(lines, used):
        t = ln.table
        found = vertical_ladders(t)
        if not found:
            continue
        used.add(t.index)
        for v in found:
            row_ln = next((x for x in lines[i:] if x.table is t and x.row >= v.first_row), ln)
            known = indicators + [s.rec for s in subs]
            rec = None
            if v.item_no:
                rec = next((r for r in known if r.item_no == v.item_no), None)
            if rec is None and v.name:
                sq = C.squash(v.name)
                rec = next((r for r in known if r.name and (C.squash(r.name) == sq or
                                                            fuzz.ratio(C.squash(r.name), sq) >= 90)), None)
            if rec is None and v.name and not v.item_no and kpi.item_no and kpi in indicators \
                    and not kpi.name and not kpi.ladder_raw:
                rec = kpi       # numbered by the heading above (`ตัวชี้วัดที่ ๑`), named by the table
            if rec is None and not v.name and not v.item_no:
                if kpi.item_no and kpi in indicators and not kpi.ladder_raw:
                    rec = kpi
                else:
                    rec = next((s.rec for s in subs if not s.rec.ladder_raw), None)
            if rec is not None and rec.ladder_raw:
                continue            # the same ladder again (a slide repeated): read once
            if rec is None:
                name, no = v.name, v.item_no
                if not name:
                    name, no = _heading_above(lines, i, notes)
                if not name and not no:
                    continue
                rec = Record(record_type="kpi", form=FORM, source_file=kpi.source_file, item_no=no,
                             name=name)
                if kpi.item_no and no != kpi.item_no and kpi in indicators and not kpi.ladder_raw \
                        and no.split(".")[0] == kpi.item_no:
                    rec.parent_item = kpi.item_no
                indicators.append(rec)
            if not rec.name and v.name:
                rec.name = v.name
            if rec.table is None:
                rec.page, rec.table, rec.row = row_ln.page, t.index, row_ln.row
            _set_vertical(rec, v)


def _heading_above(lines: list[Line], i: int, notes: set[int]) -> tuple[str, str]:
    """(name, number) from the nearest paragraph line above line i that names an indicator:
    not a field (`เกณฑ์การให้คะแนน`, `น้ำหนัก : 5`), not a note; a table in between ends it."""
    for k in range(i - 1, -1, -1):
        ln = lines[k]
        if ln.table is not None:
            break
        if k in notes or _FIELD_LINE.match(ln.text) or not re.search(r"[ก-๙A-Za-z]{4}", ln.text):
            continue
        return _named(C.clean(ln.text))
    return "", ""


# ---------------------------------------------------------------- ladders across a table

# Level heads across a table (`ระดับ 1 … ระดับ 5`, or `ระดับคะแนน | 1 | … | 5`) over one row per
# indicator, the indicator's label first, with no weight or criteria column (so no indicators
# table read above): each row is a ladder. Its cells may be worded (`ไม่เกิน 60 นาที`, `ร้อยละ
# 80`, `5 เรื่อง`), bands (`70-74.99`), or a dash for a level left out. Bare `1 … 5` heads need a
# level word before them (`ระดับคะแนน`) or worded thresholds; a row out of order must be worded.


@dataclass
class Across:
    """One ladder read across a table: its row, the label before its levels, the levels, the
    cells as written, and the unit."""
    row: int
    label: str
    levels: dict[int, float]
    raws: list[tuple[int, str]]
    unit: str


def _across_heads(row: list[str]) -> Optional[dict[int, int]]:
    """column -> level of a row heading five level columns, each level once, else None."""
    heads = {c: v for c, x in enumerate(row)
             if x.strip() and (v := level_heading(x) or form72_level_of_head(x)) is not None and 1 <= v <= 5}
    return heads if sorted(heads.values()) == [1, 2, 3, 4, 5] else None


def across_ladders(table) -> list[Across]:
    """The ladders written across ``table`` (see above), top to bottom."""
    key = (len(table.cells), table.n_rows, table.n_cols)
    hit = table.__dict__.get("_kpi_across")
    if hit is not None and hit[0] == key:
        return hit[1]
    out: list[Across] = []
    g = table.grid()
    heads, head_label, heads_named = None, "", False
    unit_col = None     # a unit column before the levels (`หน่วยนับ`): the unit, no part of the name
    for r, row in enumerate(g):
        if heads is None and r >= 8 and not (row and _CRITERIA_ROW.match(row[0])):
            continue        # deep in a table only a criteria row heads a ladder (a template's grid)
        found = _across_heads(row)
        if found is not None:
            first = min(found)
            before = [C.clean(x) for x in row[:first] if x.strip()]
            worded_heads = all(not C.digits(C.clean(row[c])).isdigit() for c in found)
            labelled = any(_LEVEL_COL_HEAD.fullmatch(C.squash(x)) for x in before)
            rising = [found[c] for c in sorted(found)] == [1, 2, 3, 4, 5]
            # bare `1 … 5` heads read left to right; under heads a row of bare figures `5 4 3 2 1`
            # is a ladder, not heads again
            if any("weight" in _header_roles(x) for x in g[max(0, r - 1):r + 1]):
                break           # an indicators table with weights: not this layout
            if (worded_heads or labelled) or (heads is None and rising):
                heads, head_label = found, " ".join(before)
                heads_named = worded_heads or labelled
                unit_col = next((x.get("unit") for x in map(_header_roles, g[max(0, r - 1):r + 1])
                                 if x.get("unit") is not None and x["unit"] < first), None)
                continue
        if heads is None:
            continue
        first = min(heads)
        label = " ".join(dict.fromkeys(C.clean(x) for c, x in enumerate(row[:first])
                                       if x.strip() and c != unit_col))
        if not re.search(r"[ก-๙A-Za-z]{2}", label):
            continue
        cells = {lv: C.clean(row[c]) if c < len(row) else "" for c, lv in heads.items()}
        vals = {lv: level_cell_value(x) for lv, x in cells.items() if _is_threshold(x)}
        if len(vals) < 3 or any(x and x not in C.DASHES for lv, x in cells.items() if lv not in vals):
            continue
        if all(v == lv for lv, v in vals.items()):
            continue            # scored on the levels themselves: no thresholds
        worded = all(_WORDED.search(cells[lv]) for lv in vals)
        if not (heads_named or worded):
            continue
        vals = band_thresholds(vals, cells)
        order = [vals[lv] for lv in sorted(vals)]
        if not (all(a < b for a, b in zip(order, order[1:])) or all(a > b for a, b in zip(order, order[1:]))) \
                and not worded:
            continue
        raws = [(lv, cells[lv]) for lv in sorted(cells) if cells[lv]]
        unit = C.clean(row[unit_col]) if unit_col is not None else ""
        unit = rules.load("headers").get("units", {}).get(unit, unit)
        out.append(Across(r, label, vals, raws,
                          unit or _vertical_unit([x for _, x in raws] + [head_label])))
    table.__dict__["_kpi_across"] = (key, out)
    return out


def _read_across(lines: list[Line], kpi: Record, subs: list[_Sub], indicators: list[Record],
                 used: set) -> None:
    """Ladders across a table (see above), each to its indicator: the one its label numbers
    (`5.1 …`, `ตัวชี้วัดที่ 2 …`), else the one it names, else the sub-indicator without a
    ladder whose name it resembles most, else the indicator headed above while it has no
    ladder, else a new indicator named by the label."""
    for _, ln in _first_lines_of_tables(lines, used):
        t = ln.table
        found = across_ladders(t)
        if not found:
            continue
        used.add(t.index)
        for a in found:
            row_ln = next((x for x in lines if x.table is t and x.row == a.row), ln)
            known = indicators + [s.rec for s in subs]
            no, name = "", a.label
            mi = _INDICATOR.match(a.label)
            if mi:
                no, name = C.digits(mi.group(1)), C.clean(a.label[mi.end():])
            else:
                item = C.split_item(a.label, allow_group=False)
                if item.kind:
                    no, name = item.number.rstrip("."), C.clean(item.rest)
            rec = next((r for r in known if r.item_no == no), None) if no else None
            if rec is None and not no:
                sq = C.squash(name)
                rec = next((r for r in known if r.name and not r.ladder_raw and (
                    C.squash(r.name) == sq or fuzz.ratio(C.squash(r.name), sq) >= 90)), None)
                free = [s.rec for s in subs if not s.rec.ladder_raw]
                if rec is None and free:
                    rec = max(free, key=lambda x: fuzz.partial_ratio(sq, C.squash(x.name)))
                if rec is None and kpi.item_no and kpi in indicators and not kpi.ladder_raw:
                    rec = kpi
            if rec is not None and rec.ladder_raw:
                continue            # the same ladder again (a slide repeated): read once
            if rec is None:
                rec = Record(record_type="kpi", form=FORM, source_file=kpi.source_file, item_no=no, name=name)
                if kpi.item_no and no and no != kpi.item_no and kpi in indicators \
                        and no.split(".")[0] == kpi.item_no:
                    rec.parent_item = kpi.item_no
                indicators.append(rec)
            if rec.table is None:
                rec.page, rec.table, rec.row = row_ln.page, t.index, row_ln.row
            _set_vertical(rec, Vertical(t, a.row, a.row, None, a.levels, a.raws, a.unit))


# ---------------------------------------------------------------- steps that are levels

# `ขั้นที่ 1 … ขั้นที่ 5` (`ขั้นตอนที่`) heading five columns head a milestone matrix when the cells
# under them are ticks (or the step numbers again); when they hold thresholds (`60 … 80`,
# `30 นาที … 10 นาที`, `ร้อยละ 80`) the steps are a ladder's levels, each row an indicator.
_STEP_LEVEL_HEAD = patterns.compile(r"^\s*ขั้น(?:ตอน)?\s*(?:ที่?)?\s*([1-5๑-๕])\s*$")


def step_ladder_columns(table) -> Optional[tuple[int, dict[int, int]]]:
    """(the heads' row, column -> level) of a table whose `ขั้นที่ N` heads are over
    thresholds (see above), else None."""
    from .activity_plan import is_mark
    key = (len(table.cells), table.n_rows, table.n_cols)
    hit = table.__dict__.get("_kpi_step_levels")
    if hit is not None and hit[0] == key:
        return hit[1]
    out = None
    g = table.grid(limit=8 + 30)
    for r, row in enumerate(g[:8]):
        heads = {c: int(C.digits(m.group(1))) for c, x in enumerate(row)
                 if (m := _STEP_LEVEL_HEAD.match(C.clean(x)))}
        if len(heads) < 3 or sorted(heads.values()) != list(range(1, len(heads) + 1)):
            continue
        ladders = 0
        for body in g[r + 1:]:
            cells = {lv: C.clean(body[c]) for c, lv in heads.items() if c < len(body)}
            if any(is_mark(x) for x in cells.values() if x and x not in C.DASHES):
                ladders = 0
                break           # a tick: a milestone matrix
            vals = {lv: level_cell_value(x) for lv, x in cells.items()
                    if x and x not in C.DASHES and not _STEP_WORD_RX.search(x)}
            vals = {lv: v for lv, v in vals.items() if v is not None}
            if len(vals) < 3 or all(v == lv for lv, v in vals.items()):
                continue
            order = [vals[lv] for lv in sorted(vals)]
            if all(a < b for a, b in zip(order, order[1:])) or all(a > b for a, b in zip(order, order[1:])):
                ladders += 1
        if ladders:
            out = (r, heads)
        break
    table.__dict__["_kpi_step_levels"] = (key, out)
    return out


def _number_column(g: list[list[str]], n_hdr: int, roles: dict[str, int]) -> None:
    """Two columns headed as the indicator (`ตัวชี้วัด | ชื่อตัวชี้วัด`), one holding only item
    numbers (`1`, `1.1`, `2`): that one is the numbering (``item``), the other the name."""
    heads = [c for r in range(n_hdr) for c, x in enumerate(g[r]) if x.strip()
             and _header_roles([x]).get("kpi") == 0]
    heads = sorted(set(heads))
    if len(heads) < 2 or "item" in roles:
        return
    # a row written across the table (a group heading `กลุ่มที่ 1 …`, one cell merged over the
    # row) and a `รวม` row are in neither column's numbering
    body = [row for row in g[n_hdr:] if len({C.clean(x) for x in row if x.strip()}) > 1
            and not re.match(r"^\s*รวม", next((x for x in row if x.strip()), ""))]

    def numbers_only(c: int) -> bool:
        cells = [C.clean(row[c]) for row in body if c < len(row) and row[c].strip()]
        nums = [x for x in cells if _BARE_NO.match(x)]
        return bool(nums) and len(nums) >= len(cells) - 1   # (a `รวม` row may close it)

    num = next((c for c in heads if numbers_only(c)), None)
    name = next((c for c in heads if c != num and not numbers_only(c)), None)
    if num is not None and name is not None:
        roles["item"], roles["kpi"] = num, name


# ---------------------------------------------------------------- ladders as five paragraphs

# Five boxes on a slide, one per level (`ระดับ 1 ไม่เกิน 30 นาที` … `ระดับ 5 ไม่เกิน 10 นาที`, or
# `ระดับ 1` with its threshold as the next paragraph): the reader gives them as paragraphs in
# order. Each entry is a bare threshold (a comparison, a figure, a unit word at most): a level
# described in words (`ระดับ 1 จัดตั้งคณะทำงาน…`) is a milestone, which the KPI report reads.
_PARA_LEVEL = patterns.compile(r"^\s*(?:ระดับ(?:คะแนน)?|คะแนน|level|score)\s*(?:ที่)?\s*([1-5๑-๕])(?![0-9๐-๙.])"
                               r"\s*(?:คะแนน)?\s*[:：=]?\s*(.*)$", re.I)
_PARA_THRESHOLD = patterns.compile(r"^(?:[<>≤≥]=?|ไม่\s*(?:เกิน|น้อยกว่า|ต่ำกว่า|มากกว่า|ถึง)|น้อยกว่า|มากกว่า|"
                                   r"ต่ำกว่า|ภายใน|ตั้งแต่|ร้อยละ|\s)*\s*[0-9๐-๙][0-9๐-๙.,]*\s*(?:%|[ก-๙]{1,12})?\s*$")


def paragraph_ladders(lines: list[Line]) -> list[tuple[int, int, dict[int, float], list[tuple[int, str]]]]:
    """(first line, last line, levels, (level, threshold as written)) of each ladder written as
    five level paragraphs in a row (see above)."""
    out = []
    i = 0
    while i < len(lines):
        got = _para_entry(lines, i)
        if got is None or got[0] not in (1, 5):
            i += 1
            continue
        first, step = got[0], 1 if got[0] == 1 else -1
        entries, j = [], i
        while got is not None and got[0] == first + step * len(entries):
            entries.append(got)
            j = got[2]
            if len(entries) == 5:
                break
            got = _para_entry(lines, j + 1)
        if len(entries) == 5:
            vals = {lv: level_cell_value(x) for lv, x, _ in entries}
            order = [vals[lv] for lv in sorted(vals)]
            if None not in order and (all(a < b for a, b in zip(order, order[1:]))
                                      or all(a > b for a, b in zip(order, order[1:]))):
                out.append((i, j, vals, sorted((lv, x) for lv, x, _ in entries)))
                i = j + 1
                continue
        i += 1
    return out


def _para_entry(lines: list[Line], i: int) -> Optional[tuple[int, str, int]]:
    """(level, threshold, the line it ends on) of a level paragraph at line i."""
    if i >= len(lines) or lines[i].table is not None:
        return None
    m = _PARA_LEVEL.match(lines[i].text)
    if not m:
        return None
    rest, end = C.clean(m.group(2)), i
    if not rest and i + 1 < len(lines) and lines[i + 1].table is None:
        rest, end = C.clean(lines[i + 1].text), i + 1
    if not rest or not _PARA_THRESHOLD.match(rest):
        return None
    return int(C.digits(m.group(1))), rest, end


def _read_paragraph_ladders(lines: list[Line], kpi: Record, subs: list[_Sub], indicators: list[Record]) -> None:
    """Ladders written as level paragraphs, each to the indicator headed above while it has no
    ladder, else the first sub-indicator without one, else a new indicator named by the nearest
    heading above."""
    notes = _note_lines(lines)
    for a, b, vals, raws in paragraph_ladders(lines):
        if kpi.item_no and kpi in indicators and not kpi.ladder_raw:
            rec = kpi
        else:
            rec = next((s.rec for s in subs if not s.rec.ladder_raw), None)
        if rec is None:
            name, no = _heading_above(lines, a, notes)
            if not name and not no:
                continue
            rec = Record(record_type="kpi", form=FORM, source_file=kpi.source_file, item_no=no, name=name,
                         page=lines[a].page)
            indicators.append(rec)
        v = Vertical(None, a, b, None, vals, raws, _vertical_unit([x for _, x in raws] + [""]))
        _set_vertical(rec, v)
