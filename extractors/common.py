"""Helpers shared by the form extractors: text cleaning, item numbers, header matching,
document metadata, and thin wrappers around the normaliser (pipeline/normalize.py)."""
from __future__ import annotations

import calendar
import re
from functools import lru_cache
from dataclasses import dataclass, field
from datetime import date
from typing import Iterable, Optional

from rapidfuzz import fuzz
from rapidfuzz.process import extract

from pipeline import patterns
from schemas import Document, Paragraph, Table, rules
from schemas.extraction import Location

THAI = "\u0e00-\u0e7f"
_THAI_CHAR = patterns.compile(f"[{THAI}]")
_WS = patterns.compile(r"[ \t\u00a0\u200b\u3000]+")

# ---------------------------------------------------------------- normaliser access


_NORMALIZE = None


def N():
    """The normaliser module, imported late so that extractors load even while it is absent."""
    global _NORMALIZE
    if _NORMALIZE is None:
        from pipeline import normalize
        _NORMALIZE = normalize
    return _NORMALIZE


def digits(text: str) -> str:
    """Thai digits to Arabic (through the normaliser)."""
    return N().thai_digits(text or "")


def amount(text: str):
    return N().parse_amount(text or "")


def amount_value(text: str) -> Optional[float]:
    t = (text or "").strip()
    if not t or t in DASHES:
        return None
    a = amount(t)
    return a.value if a.ok else None


def number_text(v: Optional[float]) -> str:
    if v is None:
        return ""
    return str(int(v)) if float(v).is_integer() else str(v)


def ym(d: Optional[date]) -> str:
    return f"{d.year:04d}-{d.month:02d}" if d else ""


def month_end(d: date) -> date:
    return date(d.year, d.month, calendar.monthrange(d.year, d.month)[1])


def months_between(a: date, b: date) -> int:
    """Months from a's month to b's month inclusive (Jan..Jan = 1)."""
    return (b.year - a.year) * 12 + (b.month - a.month) + 1


# ---------------------------------------------------------------- text

DASHES = {"-", "–", "—", "--", "―", "-/-"}
DITTO = {'"', "〃", '-"-', "”", "“", "″", "''", "-”-", "-“-", "„", "=\"=", "〃〃", '""', "ʺ", "〞", "〟", "ๆ"}


_DITTO_RUN = patterns.compile(r"-?[\"”“〃″]+-?")


def is_ditto(text: str) -> bool:
    # str.split() drops the same whitespace as re's \s, without a pattern lookup per cell
    t = "".join(text.split()) if text else ""
    return bool(t) and (t in DITTO or _DITTO_RUN.fullmatch(t) is not None)


def is_thai(ch: str) -> bool:
    return bool(ch) and "\u0e00" <= ch <= "\u0e7f"


_NEWLINE = patterns.compile(r"\r\n|\r|\n")


# Cached: extractors clean the same cell text many times over (roles, values, ladders).
@lru_cache(maxsize=4096)
def clean(text: str) -> str:
    """Wrapped lines joined (no space between two Thai characters, one space otherwise),
    whitespace collapsed. Never alters the characters themselves."""
    if not text:
        return ""
    lines = [_WS.sub(" ", ln).strip() for ln in _NEWLINE.split(text)]
    out = ""
    for ln in lines:
        if not ln:
            continue
        if out and not (is_thai(out[-1]) and is_thai(ln[0])):
            out += " "
        out += ln
    return out.strip()


_SPACES = patterns.compile(r"\s+")


@lru_cache(maxsize=4096)
def squash(text: str) -> str:
    """Text for matching only: no whitespace, lower case, Thai digits made Arabic."""
    t = _SPACES.sub("", text or "").lower()
    return t.translate(_THAI_DIGITS)


_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")  # matching only; values go through N()

# ---------------------------------------------------------------- item numbers

_GROUP = patterns.compile(r"^\s*(?:กิจกรรม(?:หลัก)?|โครงการ(?:ย่อย)?)\s*ที่\s*([0-9๐-๙]+(?:\.[0-9๐-๙]+)*)\s*[.:)]?\s*")
_PAREN = patterns.compile(r"^\s*[(（]\s*([0-9๐-๙]+)\s*[)）]\s*")
# `ตัวชี้วัดที่ 1.2 …`: an indicator's number written after the word; the number is read as if
# written alone (`1.2`), so `ตัวชี้วัดที่ 1` and `ตัวชี้วัดที่ 1.1` nest as `1` and `1.1` do
_KPI_NO = patterns.compile(r"^\s*ตัวชี้วัด\s*ที่\s*(?=[0-9๐-๙])")
# the unit a bare number is followed by; not the start of a name (รายได้…, แห่งชาติ, พันธุ์…)
_UNIT = patterns.compile(r"(?:%|วัน|เดือน|ปี|บาท|คะแนน|แห่ง(?!ชาติ)|ครั้ง|ราย(?!ได้|งาน|การ|ละเอียด|ชื่อ)|คน(?!ไทย)|ล้าน|พัน(?!ธ))")
# `1.`, `1.2`, and `1)` (a closing bracket ends the number as a dot does)
_DOTTED = patterns.compile(r"^\s*([0-9๐-๙]{1,3}(?:\s?\.\s?[0-9๐-๙]{1,3})*)(\s?[.)）])?(?=\s|[^\d๐-๙%.,/]|$)\s*")


@dataclass
class ItemNo:
    """A row's item number split from its text ("1.2 ร้อยละของ…")."""
    kind: str          # group | plain | dotted | paren | ""
    number: str        # normalised item_no ("1.2", "(3)", "2")
    rest: str          # the text after the number


def split_item(text: str, allow_group: bool = True) -> ItemNo:
    """The numbering at the start of an item's text (`3.`, `1.2`, `(1)`, `กิจกรรมที่ 2`)."""
    t = text or ""
    if allow_group:
        m = _GROUP.match(t)
        if m:
            return ItemNo("group", _digits_local(m.group(1)), t[m.end():].strip())
    m = _PAREN.match(t)
    if m:
        return ItemNo("paren", f"({_digits_local(m.group(1))})", t[m.end():].strip())
    named = _KPI_NO.match(t)
    if named:
        after = t[named.end():]
        m = _DOTTED.match(after)
        if m:
            num = "".join(_digits_local(m.group(1)).split())
            if len(num) <= 7 and int(num.split(".")[0]) < 100:
                return ItemNo("dotted" if "." in num else "plain", num,
                              after[m.end():].lstrip(":： \t").strip())
    m = _DOTTED.match(t)
    if m:
        num = "".join(_digits_local(m.group(1)).split())
        rest = t[m.end():].strip()
        # "60 วัน", "2553" are not item numbers; a number needs a dot or a following text
        dotted = "." in num or bool(m.group(2))
        # a bare number followed by a unit ("60 วัน", "5 คะแนน") is a value, not an item number
        unit = _UNIT.match(rest)
        if len(num) <= 7 and (dotted or (rest and not unit and int(num.split(".")[0]) < 100)):
            return ItemNo("dotted" if "." in num else "plain", num, rest)
    return ItemNo("", "", t.strip())


def _digits_local(s: str) -> str:
    # item numbers are structure, not values: a plain digit map is enough here
    return s.translate(_THAI_DIGITS)


LEVEL_ORDER = {"group": 0, "plain": 1, "dotted": 2, "paren": 3}


class Hierarchy:
    """Tracks enclosing items so each new item gets its parent_item."""

    def __init__(self):
        self.stack: list[tuple[int, str]] = []

    def push(self, kind: str, number: str) -> str:
        lvl = LEVEL_ORDER.get(kind, 9)
        if kind == "dotted":
            lvl = 1 + number.count(".")  # 1.2 -> 2, 1.2.3 -> 3
        elif kind == "paren":
            lvl = 8
        elif kind == "plain":
            lvl = 1
        while self.stack and self.stack[-1][0] >= lvl:
            self.stack.pop()
        parent = self.stack[-1][1] if self.stack else ""
        self.stack.append((lvl, number))
        return parent

    def reset(self):
        self.stack.clear()


# ---------------------------------------------------------------- header vocabularies


def vocab(form: str) -> dict[str, list[str]]:
    return rules.load("headers")[form]["roles"]


_YEAR = patterns.compile(r"[0-9๐-๙]{4}")
_NOT_THAI_PART = patterns.compile(f"[^{THAI}/ .]")


@lru_cache(maxsize=50000)
def _segments(text: str) -> tuple[str, ...]:
    """A header cell as whole, its Thai part and its Latin part (``เป้าหมาย Target``)."""
    t = _YEAR.sub("", text or "")           # a year in the header is not its name
    whole = squash(t)
    thai = squash(_NOT_THAI_PART.sub("", t))
    latin = squash(_THAI_CHAR.sub(" ", t))
    return tuple(s for s in dict.fromkeys([whole, thai, latin]) if s)


def match_role(text: str, roles: dict[str, list[str]], threshold: float = 78) -> tuple[str, float]:
    if not (text or "").strip() or len(text) > 120:
        return "", 0.0
    return _match_role(text, _roles_key(roles), threshold)


class _Vocab:
    """A vocabulary as a cache key: hashed once, not on every lookup of a cell's role."""
    __slots__ = ("terms", "_hash")

    def __init__(self, terms: tuple):
        self.terms = terms
        self._hash = hash(terms)

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, other) -> bool:
        return self is other or (isinstance(other, _Vocab) and self.terms == other.terms)


_ROLES_KEYS: dict[int, tuple[dict, _Vocab]] = {}
_VOCABS: dict[tuple, _Vocab] = {}


def _roles_key(roles: dict[str, list[str]]) -> _Vocab:
    """The vocabulary as a hashable key, built once per vocabulary dict (it is called per cell).
    Equal vocabularies share one key, so that a dict built anew for each call (`{"level": …}`)
    still finds the match cache by identity instead of comparing every term."""
    hit = _ROLES_KEYS.get(id(roles))
    if hit is None or hit[0] is not roles:
        if len(_ROLES_KEYS) > 64:
            _ROLES_KEYS.clear()
        terms = tuple((r, tuple(terms)) for r, terms in roles.items())
        key = _VOCABS.get(terms)
        if key is None:
            if len(_VOCABS) > 256:
                _VOCABS.clear()
            key = _VOCABS[terms] = _Vocab(terms)
        hit = _ROLES_KEYS[id(roles)] = (roles, key)
    return hit[1]


@lru_cache(maxsize=256)
def _vocab_terms(roles: _Vocab) -> tuple[tuple[str, str, int, str], ...]:
    """(role, squashed term, its length, its letters sorted) per term, computed once per
    vocabulary instead of once per cell matched against it."""
    out = []
    for r, terms in roles.terms:
        for term in terms:
            tt = squash(term)
            if tt:
                out.append((r, tt, len(tt), "".join(sorted(tt))))
    return tuple(out)


_SEG_PUNCT = "/()[]:：|-"    # around an abbreviation in a segment (`no./` of `No. / ที่`)


@lru_cache(maxsize=256)
def _vocab_arrays(roles: _Vocab):
    """A vocabulary's terms laid out for scoring a cell against all of them at once: their roles,
    lengths, the terms of 4+ letters by their first four, the term prefixes a cell may stand
    for, and the terms matched only as written."""
    terms = _vocab_terms(roles)
    starts: dict[str, dict[str, list[int]]] = {}  # first 4 letters -> a term of 4+ -> indices
    heads: dict[str, list[int]] = {}     # a prefix of 4+ letters and ≥ 0.6 of a term -> indices
    # an abbreviation of three letters or fewer (`นน.`, `no.`): one letter off is another word
    # (`นนท.`, `ชนน.`) or none (`นน`), so it names a column only when the cell says exactly it
    exact = {j: tt for j, (_, tt, n, _) in enumerate(terms) if n <= 3 and "." in tt}
    for j, (_, tt, n, _) in enumerate(terms):
        if n >= 4:
            starts.setdefault(tt[:4], {}).setdefault(tt, []).append(j)
            for k in range(4, n + 1):
                if k >= 0.6 * n:
                    heads.setdefault(tt[:k], []).append(j)
    return [t[0] for t in terms], [t[2] for t in terms], starts, heads, exact


@lru_cache(maxsize=4096)
def _near(roles: _Vocab, n: int, cutoff: float, letters_sorted: bool):
    """The terms a segment of ``n`` letters can reach ``cutoff`` with (fuzz.ratio of lengths a and
    b is at most 200·min(a, b)/(a + b)), as (their indices, their squashed or sorted forms).
    Scoring only these is the same as scoring all: the rest fall below the cutoff, and a cell is
    most often far longer or shorter than most header words."""
    terms = _vocab_terms(roles)
    idx = [j for j, (_, _, b, _) in enumerate(terms)
           if n + b and 200.0 * min(n, b) / (n + b) >= cutoff - 1e-6
           and (b >= 4 or not letters_sorted)]      # sorted letters count for 4+ letters only
    return idx, [terms[j][3 if letters_sorted else 1] for j in idx]


def _prefix_terms(seg: str, starts: dict, heads: dict) -> list[int]:
    """Terms the cell starts with, and terms the cell is the beginning of (both scored 92)."""
    if len(seg) < 4:
        return []
    found = [j for tt, js in starts.get(seg[:4], {}).items() if seg.startswith(tt) for j in js]
    found.extend(heads.get(seg, ()))
    return found


@lru_cache(maxsize=100000)
def _match_role(text: str, roles: _Vocab, threshold: float) -> tuple[str, float]:
    """The role of the first term with the best score, and that score; ("", 0.0) when no term
    reaches the threshold.

    A term's score is its best over the cell's segments: the ratio; 92 where the segment starts
    the term or with it; below 90, the ratio of the letters sorted less 8 where that is higher;
    and none for a segment too long to be the term's header, nor for a segment other than the
    term itself (brackets and slashes aside) where the term is an abbreviation of three letters or
    fewer. Only scores that can reach the
    threshold are computed (terms of a length that can, then rapidfuzz's score_cutoff): most
    cells (figures, ticks, names) reach no term at all."""
    role_of, lt, starts, heads, exact = _vocab_arrays(roles)
    cutoff = threshold - 1e-6       # never miss one to rounding
    found: dict[int, float] = {}    # term -> its best score, where that reaches the threshold
    for seg in _segments(text):
        idx, near = _near(roles, len(seg), cutoff, False)
        score = {idx[j]: s for _, s, j in extract(seg, near, scorer=fuzz.ratio, limit=None,
                                                  score_cutoff=cutoff)}
        for j in _prefix_terms(seg, starts, heads):
            score[j] = max(score.get(j, 0.0), 92.0)
        # PDF export puts vowels and tone marks after the wrong consonant (ผูร้บัผดิชอบ): the
        # same letters in another order still name the column
        idx, near = _near(roles, len(seg), cutoff + 8, True)
        if idx:
            for _, s, j in extract("".join(sorted(seg)), near, scorer=fuzz.ratio, limit=None,
                                   score_cutoff=cutoff + 8):
                j = idx[j]
                if score.get(j, 0.0) < 90:
                    score[j] = max(score.get(j, 0.0), s - 8)
        for j, s in score.items():
            if j in exact and seg.strip(_SEG_PUNCT) != exact[j]:
                continue
            if s >= threshold and len(seg) <= 3 * lt[j] + 12 and s > found.get(j, -1.0):
                found[j] = s      # (a longer cell is data, not this term's header)
    if not found:
        return "", 0.0
    best = max(found.values())
    return role_of[min(j for j, s in found.items() if s == best)], best   # the first of the best


@dataclass
class HeaderMap:
    """Which columns of a table hold which role, and where its header ends."""
    roles: dict[str, int] = field(default_factory=dict)        # role -> first column
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)  # role -> [c0, c1)
    rows: int = 0                                              # first row after the header
    start: int = 0                                             # first header row (titles above)
    score: float = 0.0


def map_header(table: Table, form: str, max_rows: int = 8) -> HeaderMap:
    """Roles of a table's columns from its header rows, fuzzy-matched against the form's
    vocabulary. Header cells may wrap, carry English glosses, be reordered or missing; title
    rows above the header (a spreadsheet keeps them in the same block) are passed over."""
    roles = vocab(form)
    hm = HeaderMap()
    stats = []
    for row in table.rows(limit=max_rows):
        hits, filled, row_found = 0, 0, {}
        seen: set[str] = set()
        for c in row:
            if c is None or not c.text.strip():
                continue
            filled += 1
            role, s = match_role(c.text, roles)
            if role and c.text not in seen:
                # one text repeated across a row (`ดำเนินการ` in each month cell, read
                # fuzzily as `งบดำเนินการ`) is one header word at most
                seen.add(c.text)
                hits += 1
                if role not in row_found or s > row_found[role][0]:
                    row_found[role] = (s, c.col, c.col + c.colspan)
        stats.append((hits, filled, row_found))

    def is_head(hits: int, filled: int) -> bool:
        # a header row is mostly header words; a data row may hold one by chance ("1. แผนงาน")
        return hits >= 3 or (hits >= 2 and hits * 2 >= filled)

    start = next((r for r, (h, f, _) in enumerate(stats) if is_head(h, f)), None)
    if start is None:
        return hm
    found: dict[str, tuple[float, int, int, int]] = {}
    r = start
    while r < len(stats) and (r == start or is_head(stats[r][0], stats[r][1])):
        for role, v in stats[r][2].items():
            if role not in found or v[0] > found[role][0]:
                found[role] = (*v, r)
        r += 1
    hm.rows = r
    hm.start = start
    # a header cell spanning sub-headers (`ระยะเวลา` over `เริ่มต้น | สิ้นสุด`) yields its
    # first column to the sub-header found below it
    by_col: dict[int, list[str]] = {}
    for role, v in found.items():
        by_col.setdefault(v[1], []).append(role)
    for col, roles_here in by_col.items():
        if len(roles_here) > 1:
            keep = max(roles_here, key=lambda k: (found[k][3], found[k][0]))
            for k in roles_here:
                if k != keep:
                    del found[k]
    for role, (s, c0, c1, _) in found.items():
        hm.roles[role] = c0
        hm.spans[role] = (c0, c1)
        hm.score += s / 100
    return hm


class CellAt:
    """Table.cell(row, col) in constant time: the cell covering each grid position."""

    def __init__(self, table: Table):
        # built once per table (several rules of a form ask for it), kept beside the table
        key = (len(table.cells), table.n_rows, table.n_cols)
        hit = table.__dict__.get("_cell_at")
        if hit is not None and hit[0] == key:
            self.at = hit[1]
            return
        self.at: dict[tuple[int, int], object] = {}
        table.__dict__["_cell_at"] = (key, self.at)
        at, n_rows, n_cols = self.at, table.n_rows, table.n_cols
        for c in table.cells:
            row, col = c.row, c.col
            if c.rowspan == 1 and c.colspan == 1:    # most cells: no loops to set up
                if row < n_rows and col < n_cols and (row, col) not in at:
                    at[row, col] = c
                continue
            for r in range(row, min(row + c.rowspan, n_rows)):
                for k in range(col, min(col + c.colspan, n_cols)):
                    at.setdefault((r, k), c)

    def __call__(self, row: int, col: int):
        return self.at.get((row, col))


# ---------------------------------------------------------------- document metadata


def doc_text_lines(doc: Document, skip: Iterable[int] = ()) -> list[str]:
    """Every paragraph and table row as one line (cells joined by TAB), in reading order;
    tables whose index is in ``skip`` are left out."""
    out = []
    skip = set(skip)
    for b in doc.blocks():
        if isinstance(b, Paragraph):
            out.extend(l for l in b.text.split("\n"))
        elif b.index in skip:
            continue
        else:
            for row in b.grid():
                out.append("\t".join(row))
    return out


# An agency of its own, not the province it is in, when the title names it: a local government
# or a province's office of a department (`องค์การบริหารส่วนจังหวัดลพบุรี`,
# `สำนักงานสาธารณสุขจังหวัดเชียงราย`), a district (`อำเภอบ้านผือ`), a sub-district administration or
# a municipality (`องค์การบริหารส่วนตำบลบ้านเป็ด`, `เทศบาลนครแม่สอด`), a hospital, a university, an
# educational service area or a Bangkok district office. Only in the title: a province's own plan names such offices in its
# tables. A district is one when a line starts with it or names its province after it. Names
# never run on across a line break (`…ของที่ว่าการอำเภอ` / `กรมการปกครอง …` is the department's).
# where such a name may start: a word of its own, or run straight on from `ของ` or from the plan's
# name (`แผนปฏิบัติการโรงพยาบาลกำแพงแสน`, form 7.2's `…ตามแผนพัฒนาองค์การสำนักงานขนส่งจังหวัดตาก`), as
# Thai titles write them
_NAME_AFTER = r"(?:(?<![ก-๙])|(?<=ของ)|(?<=แผนปฏิบัติการ)|(?<=แผนปฏิบัติราชการ)|(?<=แผนการดำเนินงาน)" \
    r"|(?<=แผนพัฒนาองค์การ)|(?<=แผนพัฒนาองค์กร)"
_OWN_AGENCY = patterns.compile(
    # (an office named by its initials: `สำนักงาน ป.ป.ช. ประจำจังหวัดน่าน`)
    _NAME_AFTER + r"|(?<=ที่ว่าการ))(?P<org>(?:องค์การบริหารส่วน|ที่ทำการปกครอง|สำนักงาน[ก-๙]+?"
    r"|สำนักงาน[ \u00a0]?(?:[ก-ฮ]\.){2,5}[ \u00a0]?ประจำ|ด่าน[ก-๙]+?|ศูนย์(?!ราชการ)[ก-๙]+?"
    # a department's provincial institution named สถาน… (`สถานพินิจและคุ้มครองเด็กและเยาวชนจังหวัด…`),
    # not a place (`สถานที่`) nor a station (`สถานี…`, read below)
    r"|สถาน(?!ที่|ี)[ก-๙]+?)จังหวัด)"
    r"[ \u00a0]?(?P<province>[ก-๙]+)"
    r"|(?:^|(?<=ที่ว่าการ)|(?<=ที่ทำการปกครอง))อำเภอ[ \u00a0]?(?P<district>[ก-๙]+)"
    r"|(?<![ก-๙])อำเภอ[ \u00a0]?(?P<district_of>[ก-๙]+?)[ \u00a0]?(?=จังหวัด)"     # `อำเภอแม่สาย จังหวัดเชียงราย`
    # a department's numbered regional office or centre (`สำนักงานทรัพยากรน้ำภาคที่ 4`, `ศูนย์อนามัย
    # ที่ 9 นครราชสีมา`, `สำนักงานป้องกันควบคุมโรคที่ 7`): a unit of its own, not its department
    r"|" + _NAME_AFTER + r")(?P<region>(?:สำนักงาน|ศูนย์)(?!เขตพื้นที่)[ก-๙]{3,40}?(?:(?:ภาค|[ \u00a0]?เขต)[ \u00a0]?(?:ที่[ \u00a0]?)?|ที่[ \u00a0]?)[0-9๐-๙]{1,2})(?![0-9๐-๙])"
    # a university's faculty (`คณะแพทยศาสตร์ มหาวิทยาลัยขอนแก่น`)
    # (or a university's own college: `วิทยาลัยนานาชาติ มหาวิทยาลัยมหิดล`)
    r"|" + _NAME_AFTER + r")(?P<faculty>(?:คณะ|วิทยาลัย)[ก-๙]{3,40}?)[ \u00a0]+(?P<university>มหาวิทยาลัย[ก-๙]{3,})"
    # a university's or a department's own office, institute, centre or bureau written with its
    # parent (`สำนักงานอธิการบดี มหาวิทยาลัยนเรศวร`, `หอศิลป์ มหาวิทยาลัยศิลปากร`, `สำนักพิพิธภัณฑสถาน
    # แห่งชาติ กรมศิลปากร`, `ศูนย์บริการประชาชน สำนักงานปลัดกระทรวงกลาโหม`): the unit, when the title
    # names no agency before it (_title_agency). Not a division (`กองแผนงาน กรมส่งเสริมการเกษตร`):
    # a division named in a title is most often the one that drew up its department's plan
    r"|" + _NAME_AFTER + r")(?P<unit>(?:สำนัก|สถาบัน|ศูนย์|หอ|บัณฑิตวิทยาลัย)[ก-๙]{2,40}?)[ \u00a0]+"
    r"(?P<parent>มหาวิทยาลัย[ก-๙]{3,}|[ก-๙]{3,}มหาวิทยาลัย(?![ก-๙])|กรม[ก-๙]{3,}|สำนักงานปลัดกระทรวง[ก-๙]{3,})"
    r"|" + _NAME_AFTER + r")(?P<named>(?:โรงพยาบาล|มหาวิทยาลัย|องค์การบริหารส่วนตำบล|กองทุน"
    r"|เทศบาล(?:นคร|เมือง|ตำบล)|โรงเรียน"
    # a police station, a prison or a correctional institution: a unit of its own, not its
    # province's or its department's (`สถานีตำรวจภูธรเมืองลำพูน`, `เรือนจำกลางเชียงใหม่`, `ทัณฑสถานหญิง…`)
    r"|สถานีตำรวจ(?=[ก-๙]{4})|เรือนจำ|ทัณฑสถาน|วิทยาลัย"
    # a court (`ศาลจังหวัดเชียงราย`, `ศาลเยาวชนและครอบครัวจังหวัดขอนแก่น`, `ศาลแขวงพระนครเหนือ`), not a
    # provincial hall or a shrine (`ศาลากลางจังหวัด…`, `ศาลเจ้า…`)
    r"|ศาล(?!า|เจ้า|พระภูมิ))[ก-๙]{3,}"
    r"|สำนักงานเขตพื้นที่การศึกษา[ก-๙]+(?:[ \u00a0]?เขต[ \u00a0]?[0-9๐-๙]+)?"
    # a police sub-division with its division or provincial police (`กองกำกับการ 4 กองบังคับการ
    # ตำรวจทางหลวง`, `กองกำกับการสืบสวน ตำรวจภูธรจังหวัดเชียงราย`): a unit of its own
    r"|กองกำกับการ(?:[ \u00a0]?[0-9๐-๙]{1,2}|[ก-๙]{2,30}?)[ \u00a0]?(?:กองบังคับการ[ก-๙]{3,}|ตำรวจภูธรจังหวัด[ก-๙]{2,})"
    # a Bangkok district office (`สำนักงานเขตจตุจักร`), a numbered region (`สำนักงานเขตสุขภาพที่ 1`)
    r"|สำนักงานเขต[ก-๙]{2,}?(?:ที่[ \u00a0]?[0-9๐-๙]+|(?![ก-๙]))"
    r"|(?:สำนักงาน|ศูนย์)[ก-๙]+?[ \u00a0]?อำเภอ[ก-๙]{2,}"
    # a numbered area office (`สำนักงานสรรพากรพื้นที่เชียงใหม่ 1`)
    r"|สำนักงาน[ก-๙]{3,30}?พื้นที่[ก-๙]{2,}[ \u00a0]?[0-9๐-๙]{1,2}(?![0-9๐-๙])"
    # a state enterprise (`การท่าเรือแห่งประเทศไทย`, `การไฟฟ้าส่วนภูมิภาค`, `การประปานครหลวง`)
    r"|การ[ก-๙]{2,30}?แห่ง(?:ประเทศไทย|ชาติ)"
    # (with its office or branch written after it: `การท่องเที่ยวแห่งประเทศไทย สำนักงานเชียงราย`)
    r"(?:[ \u00a0]?(?:สำนักงาน(?!ใหญ่)|สาขา)[ก-๙]{2,40}(?![ก-๙]))?"
    # (a provincial office or branch of one is its own unit: `การไฟฟ้าส่วนภูมิภาคจังหวัดกระบี่`,
    # `การประปาส่วนภูมิภาคสาขาชุมแพ`, `การไฟฟ้าส่วนภูมิภาค เขต 1`)
    r"|การ(?:ไฟฟ้า|ประปา)(?:ส่วนภูมิภาค|นครหลวง)(?:[ \u00a0]?(?:(?:จังหวัด|สาขา|อำเภอ)[ก-๙]{2,}"
    r"|เขต[ \u00a0]?[0-9๐-๙]{1,2}(?![0-9๐-๙])))?"
    # one named องค์การ… (`องค์การเภสัชกรรม`, `องค์การสวนยาง`), not a local administration's
    # องค์การบริหารส่วน… (read above) nor องค์การมหาชน
    r"|องค์การ(?!บริหารส่วน|มหาชน|แห่งการเรียนรู้)[ก-๙]{4,30}(?![ก-๙]*[ \u00a0]?[(（]\s*องค์การมหาชน)"
    # a company (`บริษัท ขนส่ง จำกัด`, `บริษัท ทีโอที จำกัด (มหาชน)`), on one line
    r"|บริษัท[ \u00a0]?[ก-๙A-Za-z0-9.&][ก-๙A-Za-z0-9.& \u00a0\-]{0,60}?[ \u00a0]?จำกัด"
    r"(?:[ \u00a0]?\(มหาชน\))?"
    # any name the title marks a public organisation (`สำนักงานพัฒนารัฐบาลดิจิทัล (องค์การมหาชน)`)
    r"|(?:สำนักงาน|สำนัก|สถาบัน|ศูนย์|องค์การ|กองทุน|หอ)[ก-๙]{3,}(?=[ \u00a0]?[(（]\s*องค์การมหาชน)"
    # a labelled agency field (`หน่วยงาน: สวนสัตว์เชียงใหม่ องค์การสวนสัตว์แห่งประเทศไทย`): the office it
    # names first (_field_agency)
    r"|^(?:ชื่อ)?(?:หน่วยงาน|ส่วนราชการ)[ \u00a0]*[:：][ \u00a0]*(?P<field>[ก-๙][^\n]{2,160})"
    # a department's office in a province named after the province without `จังหวัด`
    # (`สำนักงานพัฒนาฝีมือแรงงานพะเยา`, `สถานีพัฒนาที่ดินน่าน`, `ด่านตรวจคนเข้าเมืองท่าอากาศยานภูเก็ต`):
    # read where nothing above is, and kept only when a province ends it (_title_agency)
    r"|(?=(?P<seated>(?:สำนักงาน|ศูนย์|สถานี|ด่าน|แขวงทางหลวง|โครงการชลประทาน)[ก-๙]{4,40}(?![ก-๙]))))", re.M)
_TITLE_LINES = 4
# `(องค์การมหาชน)` written after a name is part of it (`โรงพยาบาลบ้านแพ้ว (องค์การมหาชน)`)
_PUBLIC_ORG = patterns.compile(r"[ \u00a0]*[(（]\s*องค์การมหาชน\s*[)）]")


# A form's field naming the agency at its top (`ชื่อหน่วยงาน | ศาลจังหวัดเชียงราย`, `ส่วนราชการ | …`):
# a table row in a spreadsheet, a PDF or a Word form, whose value is a line of the title.
_AGENCY_FIELD = patterns.compile(r"(?:ชื่อ)?(?:หน่วยงาน|ส่วนราชการ)(?:ที่รายงาน|ผู้รับการประเมิน)?\s*[:：]?")


def _title_line(ln: str) -> Optional[str]:
    """What a line gives the title (_title_text): the line, an agency field's value, or the text
    of a table row with one cell filled (a spreadsheet's title rows inside its print area, a
    banner merged across the table: `แบบฟอร์มที่ 7.2`, the agency's name); "" for an empty row;
    None for any other table row (a line holding a tab), where the title ends."""
    if "\t" not in ln:
        return ln.strip()
    cells = [c.strip() for c in ln.split("\t") if c.strip()]
    if len(cells) == 2 and _AGENCY_FIELD.fullmatch(cells[0]):
        return cells[1]
    if len(cells) <= 1:
        return cells[0] if cells else ""
    return None


# A page's running header or footer (`สำนักงาน… หน้า 1/4`, `หน้า 2 จาก 5`, `Page 1 of 3`): no line
# of the title, though it may name the agency (often cut short: `สนง.…`, `…ฯ`)
_PAGE_MARK = patterns.compile(
    r"(?<![ก-๙])หน้า[ \u00a0]*(?:ที่[ \u00a0]*)?[0-9๐-๙]{1,4}[ \u00a0]*(?:/|จาก)[ \u00a0]*[0-9๐-๙]{1,4}(?![0-9๐-๙])"
    r"|(?<![A-Za-z])page[ \u00a0]*[0-9]{1,4}[ \u00a0]*(?:/|of)[ \u00a0]*[0-9]{1,4}(?![0-9])", re.I)


def _title_scan(text: str) -> tuple[list[str], int]:
    """The title's lines and where the title ends in ``text``: the first _TITLE_LINES non-empty
    lines before any table row (_title_line). A running header among them (_PAGE_MARK) does not
    count towards them and goes after them, so the real title is read first."""
    title: list[str] = []
    furniture: list[str] = []
    pos = 0
    for ln in text.split("\n", 40):
        line = _title_line(ln)
        if line is None or len(title) == _TITLE_LINES:
            break
        if line and _PAGE_MARK.search(line):
            furniture.append(line)
        elif line:
            title.append(line)
        pos += len(ln) + 1
    return title + furniture, pos


def _title_text(text: str) -> str:
    """The document's title (_title_scan) as one text, a line each."""
    return "\n".join(_title_scan(text)[0])


# A campus named after a university (`มหาวิทยาลัยสงขลานครินทร์ วิทยาเขตปัตตานี`) is part of it.
_CAMPUS = patterns.compile(r"[ \u00a0]?(วิทยาเขต[ \u00a0]?[ก-๙]{2,})")


@lru_cache(maxsize=4)
def _military_rx(numbered: tuple[str, ...], named: tuple[str, ...]) -> Optional[re.Pattern]:
    """The pattern of an armed-forces unit (headers.json agencies.military): a numbered unit's
    head, the words of its name and its number (not a year: at most three digits), or a named
    unit's head and its name; None when the lists are empty."""
    alts = []
    if numbered:
        alts.append("(?:" + "|".join(map(re.escape, numbered)) + r")[ก-๙]{0,30}?[ \u00a0]?"
                    r"(?:ที่[ \u00a0]?)?[0-9๐-๙]{1,3}(?![0-9๐-๙./:-])")
    if named:
        alts.append("(?:" + "|".join(map(re.escape, named)) + r")[ก-๙]{3,}")
    return re.compile(_NAME_AFTER + ")(?:" + "|".join(alts) + ")") if alts else None


def _military_unit(title: str) -> Optional[re.Match]:
    """The first armed-forces unit the title names (_military_rx), or None."""
    data = rules.load("headers").get("agencies", {}).get("military", {})
    rx = _military_rx(tuple(data.get("numbered", ())), tuple(data.get("named", ())))
    return rx.search(title) if rx is not None else None


def _title_agency(title: str, provinces: list[str]) -> str:
    """The agency of its own (see _OWN_AGENCY, and an armed-forces unit: _military_unit) the
    document's title (_title_text) names first, or ""."""
    # (a unit is an agency of its own like those _OWN_AGENCY reads: the first the title names wins)
    unit = _military_unit(title)
    for m in _OWN_AGENCY.finditer(title):
        if unit is not None and unit.start() < m.start():
            break
        if m.group("org"):
            p = next((p for p in provinces if m.group("province").startswith(p)), None)
            if p is not None:
                # a branch of a province's office (`สำนักงานที่ดินจังหวัดชลบุรี สาขาศรีราชา`) is its own unit
                br = _BRANCH.match(title, m.start("province") + len(p))
                return m.group("org") + p + (" " + br.group(1) if br else "")
        elif m.group("region"):
            # the province a centre is named after (`ศูนย์อนามัยที่ 9 นครราชสีมา`) is part of its name
            seat = _provinces_after(title, m.end(), provinces)[:1]
            return " ".join([clean(m.group("region")), *seat])
        elif m.group("faculty"):
            # (the university read as a name of its own: its campus, a stray space in it)
            uni = _title_agency(title[m.start("university"):], provinces) or m.group("university")
            return f"{m.group('faculty')} {uni}"
        elif m.group("unit"):
            # (a title that names its department first, `กรมการปกครอง`, then the division that
            # drew the plan up, `กองแผนงาน กรมการปกครอง`, is the department's)
            if not _DEPT.search(title, 0, m.start()):
                uni = _title_agency(m.group("parent"), provinces) if "มหาวิทยาลัย" in m.group("parent") else ""
                return f"{m.group('unit')} {uni or m.group('parent')}"
        elif m.group("field"):
            name = _field_agency(m.group("field"), provinces)
            if name:
                return name
        elif m.group("seated"):
            name = m.group("seated")
            # (`สำนักงานจังหวัดลำปาง` is the province's own office: the province, as above)
            if "จังหวัด" not in name and any(name.endswith(p) and len(name) - len(p) >= 9
                                            for p in provinces):
                return name
            checkpoints = rules.load("headers").get("agencies", {}).get("checkpoints", ())
            kind = next((k for k in checkpoints if name.startswith(k)), None)
            if kind and len(name) - len(kind) >= 3:
                # a checkpoint is named after its town or district (`ด่านศุลกากรสะเดา`), seldom
                # a province: an agency of its own wherever it stands
                return name
        elif m.group("district") or m.group("district_of"):
            name = (m.group("district") or m.group("district_of")).split("จังหวัด")[0]
            if len(name) >= 2:
                return "อำเภอ" + name
        else:
            name = clean(m.group("named"))
            if name.startswith("สำนักงานเขตพื้นที่การศึกษา") and "เขต" not in name[len("สำนักงานเขต"):]:
                # an area over two or three provinces names the others after a space
                # (`…มัธยมศึกษาลำปาง ลำพูน`)
                return name + "".join(" " + p for p in _provinces_after(title, m.end(), provinces))
            if name.startswith("โรงเรียน"):
                # a school numbered after its name (`โรงเรียนสตรีวิทยา 2`), not a year after it,
                # or with its full name in brackets (`โรงเรียนอนุบาลลำปาง (เขลางค์รัตน์อนุสรณ์)`)
                no = _SCHOOL_NO.match(title, m.end())
                if no:
                    return f"{name} {no.group(1)}"
                full = _SCHOOL_BRACKET.match(title, m.end())
                if full:
                    return f"{name} ({clean(full.group(1))})"
            if name.startswith("วิทยาลัย"):
                # a college named after its seat (`วิทยาลัยพยาบาลบรมราชชนนี ลำปาง`)
                return " ".join([name, *_provinces_after(title, m.end(), provinces)[:1]])
            campus = _CAMPUS.match(title, m.end()) if name.startswith("มหาวิทยาลัย") else None
            return f"{name} {squash(campus.group(1)).replace(' ', '')}" if campus else name
    return clean(unit.group()) if unit is not None else ""


# Where a field's first office ends: a space before its parent body or a title word.
_FIELD_PARENT = patterns.compile(r"[ \u00a0]+(?=องค์การ|กรม|กระทรวง|สำนักงาน|มหาวิทยาลัย|สังกัด|ในพระบรม|ประจำปี|ปีงบ)")
# A province or a section inside an agency (a group, a unit): no office of a field's own
_FIELD_SECTIONS = ("จังหวัด", "กลุ่ม", "ฝ่าย", "งาน", "แผนก")
# Offices the general rules read first (a central office, a department, a ministry, a division)
_FIELD_GENERAL = ("สำนักงาน", "กรม", "กระทรวง", "กอง")


def _field_office(value: str) -> str:
    """The first office an agency field's value names, up to its parent body (`สวนสัตว์เชียงใหม่`
    of `สวนสัตว์เชียงใหม่ องค์การสวนสัตว์แห่งประเทศไทย`); "" for a province or a section."""
    first = clean(_FIELD_PARENT.split(value, 1)[0])
    return "" if len(first) < 6 or first.startswith(_FIELD_SECTIONS) else first


def _field_agency(value: str, provinces: list[str]) -> str:
    """The agency an agency field names first: one the rules above read at its start
    (`โรงพยาบาล…`, `การยางแห่งประเทศไทย`), else its first office (_field_office); "" where the
    general rules decide (_FIELD_GENERAL; _find_agency falls back on the field's office last)."""
    own = _title_agency(value, provinces)
    if own and value.startswith(own.split(" ")[0]):
        return own
    first = _field_office(value)
    return "" if first.startswith(_FIELD_GENERAL) else first


_SCHOOL_BRACKET = patterns.compile(r"[ \u00a0]?[(（]([ก-๙][ก-๙ \u00a0]{2,40})[)）]")
_SCHOOL_NO = patterns.compile(r"[ \u00a0]?([0-9๐-๙]{1,2})(?![0-9๐-๙./:-])")
_BRANCH = patterns.compile(r"[ \u00a0]?(สาขา[ก-๙]{2,})")
_WORD_AFTER_SPACE = patterns.compile(r"[ \u00a0]+([ก-๙]+)")


def _provinces_after(title: str, at: int, provinces: list[str]) -> list[str]:
    """The province names written one after another from ``at``, each after a space."""
    out = []
    while len(out) < 3:
        m = _WORD_AFTER_SPACE.match(title, at)
        if m is None or m.group(1) not in provinces:
            break
        out.append(m.group(1))
        at = m.end()
    return out


# Head words that are not a name on their own (`กรมการ`, `สำนักงานคณะกรรมการ`, `มหาวิทยาลัยราชภัฏ`):
# a space after one is a stray break inside the name (`กรมการ ปกครอง`, `มหาวิทยาลัยราชภัฏ เชียงใหม่`,
# `มหาวิทยาลัยเทคโนโลยีราชมงคล ธัญบุรี`), unless what follows is what a title writes after a name.
_BROKEN_NAME = patterns.compile(
    r"(?<![ก-๙])(กรมการ|กรมส่งเสริม|กรมพัฒนา|สำนักงานคณะกรรมการ|สำนักงานปลัดกระทรวง|สำนักงานเลขาธิการ"
    r"|กระทรวงการ|มหาวิทยาลัยราชภัฏ|มหาวิทยาลัยเทคโนโลยีราชมงคล|มหาวิทยาลัยเทคโนโลยีพระจอมเกล้า)"
    r"[ \u00a0]+(?=(?!ประจำ|ปี|พ\.|แผน|รายงาน|คำรับรอง|ฉบับ|และ|กระทรวง|กรม|สำนัก|ของ|วิทยาเขต)[ก-๙])"
    r"|(?<![ก-๙])(สำนักงานปลัด)[ \u00a0]+(?=กระทรวง|สำนักนายก)")
# After an official name, on the same line: the end of the line, a non-letter, or the words a
# title writes after an agency.
_OFFICIAL_AFTER = patterns.compile(r"[^ก-๙]|$|ประจำ|ปีงบ|ปี\s?พ|พ\.\s?ศ|กระทรวง")
_SPACES_IN_NAME = patterns.compile(r"[ \u00a0]+")
# Title words a name may follow without a space: `แผนปฏิบัติราชการกรมศิลปากร`, `ของสถาบันพระปกเกล้า`.
_OFFICIAL_BEFORE = ("ของ", "ราชการ", "ปฏิบัติการ", "คำรับรอง")


@lru_cache(maxsize=4)
def _official(names: tuple[str, ...]):
    """(pattern of the official names without spaces, longest first; spelling of each)."""
    flat = {_SPACES_IN_NAME.sub("", n): n for n in names}
    rx = re.compile("|".join(re.escape(n) for n in sorted(flat, key=len, reverse=True))) if flat else None
    return rx, flat


def _official_name(title: str, names: tuple[str, ...]) -> str:
    """The first official name (headers.json agencies.official) the title writes, spaces optional
    between its letters, never across a line break; "" if none."""
    rx, flat = _official(names)
    if rx is None:
        return ""
    keep = [i for i, ch in enumerate(title) if ch not in " \u00a0"]
    squeezed = "".join(title[i] for i in keep)
    for m in rx.finditer(squeezed):
        a, b = keep[m.start()], keep[m.end() - 1] + 1
        if a and "ก" <= title[a - 1] <= "๙" and not title.endswith(_OFFICIAL_BEFORE, 0, a):
            continue          # inside a longer word, not run on from the title's words
        if not _OFFICIAL_AFTER.match(title, b):
            continue          # runs on into a longer name
        return flat[m.group()]
    return ""


# Words a title writes after an agency that are never part of one (no official name, province or
# known agency holds them): a PDF that joins two title lines glues them to the name
# (`มหาวิทยาลัยราชภัฏเชียงใหม่ประจำปีงบประมาณ`). A space goes back before one glued to a name. Kept
# long enough to be no part of a name: not `แผน` (`สำนักงานนโยบายและแผน…`), `งบประมาณ`
# (`สำนักงบประมาณ`), `รอบ` (`ครอบครัว`) or `ประจ` (`ประจวบคีรีขันธ์`).
_TITLE_WORDS = ("ประจำปี", "ปีงบประมาณ", "ปีการศึกษา", "พ.ศ.", "พ.ศ ", "ค.ศ.", "แผนปฏิบัติ",
                "รายงานผล", "คำรับรอง", "ตัวชี้วัด", "ผลการดำเนินงาน", "ผลการปฏิบัติ")
# (no lookbehind before the words: a pattern that starts with literal words is searched for by
# their first letters, many times faster over a document's whole text)
_TITLE_WORD = patterns.compile("|".join(re.escape(w) for w in _TITLE_WORDS))


def _unglue(text: str) -> str:
    """The text with a space before each title word (_TITLE_WORDS) glued to the word before it;
    a title word that starts a word is passed over whole (`ประจำปีงบประมาณ` stays one)."""
    out, last = [], 0
    for m in _TITLE_WORD.finditer(text):
        at = m.start()
        if at and "ก" <= text[at - 1] <= "๙":
            out.append(text[last:at])
            out.append(" ")
            last = at
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)


# A department, ministry or institute written straight after the title's word for what the
# document is or whose (`ตัวชี้วัดกรมศุลกากร`, `ตัวชี้วัดของกรมศุลกากร`, `แผนปฏิบัติราชการกรมประมง`):
# a space goes before its head word so it is read as a name of its own. So too an agency after a
# report's round (`รอบ 12 เดือนมหาวิทยาลัย…`: a PDF joins the title's lines without a space).
_GLUED_HEAD = patterns.compile(r"(ตัวชี้วัด|ของ|ราชการ|ปฏิบัติการ|คำรับรอง)(?=กรม|กระทรวง|สถาบัน)")
_GLUED_ROUND = patterns.compile(r"(รอบ\s*[0-9๐-๙]{1,2}\s*เดือน)(?=มหาวิทยาลัย|กรม|กระทรวง|สถาบัน|"
                                r"สำนักงาน|จังหวัด|โรงพยาบาล|วิทยาลัย|เทศบาล|องค์การ)")


@lru_cache(maxsize=4)
def _abbreviation_rx(heads: tuple[str, ...]) -> Optional[re.Pattern]:
    """A head cut short (headers.json agencies.abbreviations) starting a word, before a name of
    two letters or more that is no abbreviation itself (`รพ.สต.…` stays)."""
    if not heads:
        return None
    return re.compile(r"(?<![ก-๙.])(" + "|".join(map(re.escape, sorted(heads, key=len, reverse=True)))
                      + r")[ \u00a0]?(?=[ก-๙]{2,}(?![ก-๙]*\.))")


def _expand_abbreviations(text: str) -> str:
    """The text with agency heads cut short (`สนง.…`) written in full, so a name a running header
    or a table cuts short reads as the name itself."""
    full = rules.load("headers").get("agencies", {}).get("abbreviations", {})
    if not any(head in text for head in full):
        return text     # (the common case, found at C speed: the pattern tries every position)
    rx = _abbreviation_rx(tuple(full))
    return rx.sub(lambda m: full[m.group(1)], text) if rx is not None else text


def find_agency(text: str) -> str:
    text = _GLUED_HEAD.sub(r"\1 ", _unglue(_expand_abbreviations(text)))
    if "เดือน" in text:       # (found at C speed: the pattern would try every position)
        text = _GLUED_ROUND.sub(r"\1 ", text)
    title = _BROKEN_NAME.sub(r"\1\2", _title_text(text))
    name = _find_agency(text, title)
    if name:
        # a public organisation's name goes on with `(องค์การมหาชน)` where the title writes it
        at = title.find(name)
        if at >= 0 and _PUBLIC_ORG.match(title, at + len(name)):
            return name + " (องค์การมหาชน)"
    return name


def _find_agency(text: str, title: str) -> str:
    data = rules.load("headers").get("agencies", {})
    provinces = sorted(data.get("provinces", []), key=len, reverse=True)
    own = _title_agency(title, provinces)
    if own:
        return own
    official = tuple(data.get("official", ()))
    in_title = [m.group(1) for m in _PROVINCE.finditer(title)]
    if not any(t.startswith(p) for t in in_title for p in provinces):
        # A central agency the title names, not a province the tables keep naming
        name = _official_name(title, official)
        if name:
            return name
        for m in _DEPT.finditer(title):
            line_end = title.find("\n", m.start())
            if "ปีงบประมาณ" in title[m.start():line_end if line_end >= 0 else len(title)]:
                return _dept_name(m, title)
    seen: dict[str, int] = {}
    for m in _PROVINCE.finditer(text):
        tail = m.group(1)
        for p in provinces:
            if tail.startswith(p):
                seen[p] = seen.get(p, 0) + 1
                break
    if seen:
        # the province the document keeps naming (others are mentioned in passing)
        first = list(seen)
        return "จังหวัด" + max(first, key=lambda p: (seen[p], -first.index(p)))
    names = data.get("names", [])
    for name in names:
        if name in title:
            return name
    if any(name in text for name in names):
        # a known agency only the tables name (an activity held in Bangkok) yields to a
        # department or institute the title names
        title_end = _title_end(text)
        for m in _DEPT.finditer(text):
            if m.start() >= title_end:
                break
            return _dept_name(m, text)
    for name in names:
        if name in text:
            return name
    # a department, ministry or central office: the one the title names beside its fiscal year,
    # else the first department named, else the first ministry (units named in the table are
    # mentioned in passing), else a central office (สำนักงาน…) the title names
    found = [(_dept_name(m, text), m.start()) for m in _DEPT.finditer(text)]
    title_end = _title_end(text)
    for name, pos in found:
        if pos >= title_end and name.startswith(_TITLE_ONLY):
            continue
        line_end = text.find("\n", pos)
        if "ปีงบประมาณ" in text[pos:line_end if line_end >= 0 else len(text)]:
            return name
    # the title's agency before one a table names (a responsible department, a partner):
    # a department, else a central office or an institute (under a ministry the title may name
    # too), else a ministry
    for heads in (("กรม",), ("สำนักงาน", *_TITLE_ONLY), ("กระทรวง",)):
        for name, pos in found:
            if pos < title_end and name.startswith(heads):
                return name
    for prefix in ("กรม", "กระทรวง"):
        for name, _ in found:
            if name.startswith(prefix):
                return name
    for name, pos in found:
        if pos < title_end and name.startswith(("สำนักงาน", *_TITLE_ONLY)):
            return name
    # last: the office a labelled field names (`หน่วยงาน : สำนักงานส่งเสริมเศรษฐกิจดิจิทัล`) that
    # no rule above reads
    for m in _OWN_AGENCY.finditer(title):
        if m.group("field") and _field_office(m.group("field")):
            return _field_office(m.group("field"))
    return ""


# A department (กรม…), a ministry (กระทรวง…), a central office (สำนักงานปลัดกระทรวง…,
# สำนักงานคณะกรรมการ…, สำนักงานตำรวจแห่งชาติ), an institute (สถาบัน…) or an armed force (กองทัพ…,
# กองบัญชาการ…); the last two only in the title (_TITLE_ONLY: departments have institutes too). The name runs to the first space; an official
# name that lists its fields with spaces (`กรมอุทยานแห่งชาติ สัตว์ป่า และพันธุ์พืช`) goes on over
# one or two more words when the last of them joins the list with และ. What a title writes after
# an agency (`ประจำปีงบประมาณ`, `กระทรวง…`, `และหน่วยงานในสังกัด`, `และกรม…`) is not part of it,
# and a name never crosses a line break.
_NAME_STOP = (r"(?:ประจำ|ปี|พ\.|พ\s|ค\.ศ|แผน|รายงาน|คำรับรอง|ผลการ|ตัวชี้วัด|โครงการ|กิจกรรม|ฉบับ|"
              r"ระยะ|ระหว่าง|ร่วม|โดย|ของ|เพื่อ|ใน|ที่|ตาม|สังกัด|ด้าน|เรื่อง|ไตรมาส|รอบ|งบ|การ|ผล|เป้า)")
_AGENCY_HEAD = (r"(?:กรม|กระทรวง|สำนักงาน|สำนัก|จังหวัด|อำเภอ|หน่วยงาน|ส่วนราชการ|ภาคี|เครือข่าย|องค์กร|องค์การ|"
                r"ผู้|สถาบัน|ศูนย์|โรงพยาบาล|กอง|กลุ่ม|ภาค|เขต)")
_DEPT = patterns.compile(
    r"(?<![ก-๙])((?:กรม|กระทรวง|สถาบัน|กองทัพ|กองบัญชาการ|สำนักงาน(?=ปลัด|คณะกรรมการ|[ก-๙]+แห่งชาติ|การ|ศาล|อัยการ|ตำรวจ|ราชบัณฑิต|"
    r"สภา|พระพุทธ|ทรัพย์สิน|เลขาธิการ|ก\.|ป\.|ส\.))[ก-๙]{3,})"
    rf"(?P<more>(?:[ \u00a0](?!{_NAME_STOP}|{_AGENCY_HEAD})[ก-๙]{{2,}}){{0,2}}"
    rf"[ \u00a0](?:และ[ \u00a0]?(?!{_NAME_STOP}|{_AGENCY_HEAD})[ก-๙]{{2,}}"
    rf"|(?!{_NAME_STOP}|{_AGENCY_HEAD})[ก-๙]{{2,}}?และ(?!{_AGENCY_HEAD})[ก-๙]{{2,}}))?")


_TITLE_ONLY = ("สถาบัน", "กองทัพ", "กองบัญชาการ")
_PROVINCE = patterns.compile(r"จังหวัด\s?([ก-๙]+)")
_FRAGMENT = patterns.compile(r"กรม(?:การ|ส่งเสริม|พัฒนา)|สำนักงาน(?:คณะกรรมการ|ปลัดกระทรวง|เลขาธิการ|ปลัด)|กระทรวงการ")


def _dept_name(m: re.Match, text: str) -> str:
    if _FRAGMENT.fullmatch(m.group(1)):
        # `กรมการ ปกครอง`: a head that is no name on its own, broken from the rest by a space
        end = text.find("\n", m.start())
        line = _BROKEN_NAME.sub(r"\1\2", text[m.start():end if end >= 0 else len(text)])
        again = _DEPT.match(line)
        if again is not None and again.group(1) != m.group(1):
            m = again
    more = m.group("more")
    if not more:
        return m.group(1)
    _, flat = _official(tuple(rules.load("headers").get("agencies", {}).get("official", ())))
    if m.group(1) in flat and _SPACES_IN_NAME.sub("", m.group(1) + more) not in flat:
        return m.group(1)          # an official name is complete: `กรมศิลปากร โบราณสถานและพิพิธภัณฑ์`
    return m.group(1) + re.sub(r"[ \u00a0]+", " ", more)


def _title_end(text: str) -> int:
    """Where the title (_title_scan) ends in ``text``."""
    return _title_scan(text)[1]


# (`ปีงบฯ` abbreviated; `ปีบัญชี`: a state enterprise's accounting year, which its forms give in place
# of a fiscal year)
_FY_STATED = patterns.compile(r"ประจำปี\s*(?:งบ(?:ประมาณ|\s*ฯ)|บัญชี)\s*[:：]?\s*(?:พ\s*\.\s*ศ\s*\.?)?\s*([0-9๐-๙]{4})")
_FY_ANY = patterns.compile(r"ปี\s*(?:งบ(?:ประมาณ|\s*ฯ)|บัญชี)\s*[:：]?\s*(?:พ\s*\.\s*ศ\s*\.?)?\s*([0-9๐-๙]{4})")
# A plan's or a report's title that writes its year without `งบประมาณ` (`แผนปฏิบัติการ ประจำปี 2571`):
# read in the title only, after the plan's or report's word on the same line; elsewhere `ประจำปี`
# is an annual event (`ตรวจสุขภาพประจำปี 2571`), and `ประจำปีการศึกษา` an academic year
_FY_TITLE = patterns.compile(r"(?:แผน|คำรับรอง|รายงาน|ผลการ|ตัวชี้วัด)[^\n]{0,80}?ประจำปี\s*"
                             r"(?:พ\s*\.\s*ศ\s*\.?\s*)?([0-9๐-๙]{4})(?![0-9๐-๙])")
_FY_SHORT = patterns.compile(r"ปี\s*งบ(?:ประมาณ|\s*ฯ)\s*[:：]?\s*(?:พ\s*\.\s*ศ\s*\.?)?\s*([0-9๐-๙]{2})(?![0-9๐-๙.,/:]|\s*(?:ล้าน|บาท|%|ร้อยละ))")
# English headings: `FY 2026`, `Fiscal Year 2026` (Christian Era, or a Buddhist-Era year as is)
_FY_EN = patterns.compile(r"(?<![A-Za-z])(?:FY|Fiscal\s+Year)\s*[.:]?\s*([0-9]{4})(?![0-9])", re.I)


# What a reported result says of a step or an activity, tried not-done first (`ยังไม่แล้วเสร็จ`
# holds `แล้วเสร็จ`; `คาดว่าจะแล้วเสร็จ` expects the end, it does not report it)
RESULT_NOT_DONE = patterns.compile(
    r"ยัง\s*ไม่|ไม่\s*แล้ว\s*เสร็จ|ไม่\s*ได้\s*ดำเนิน|ไม่\s*สามารถ\s*(?:ดำเนิน|จัด)|ไม่\s*เสร็จ|ไม่\s*ผ่าน|อยู่\s*ระหว่าง|กำลัง\s*ดำเนิน|"
    r"คาดว่า|จะ\s*(?:แล้ว\s*)?เสร็จ|not\s+(?:yet\s+)?(?:done|started|completed)|in\s+progress|pending|ongoing",
    re.I)
# `เสร็จ` alone as a word (a status cell `เสร็จ`, `เสร็จ 25 พ.ย. 68`), not `กำหนดเสร็จ` (a plan)
RESULT_DONE = patterns.compile(r"แล้ว\s*เสร็จ|เสร็จ\s*สิ้น|เสร็จ\s*แล้ว|ดำเนินการ\s*แล้ว|ผ่าน|\bdone\b|completed?\b|"
                               r"finished|(?<![ก-๙])เสร็จ(?![ก-๙])", re.I)

# A day written inside a result or a sentence: `20/10/2568`, `๓๑.๑๒.๖๘`, `20 เม.ย. 2568`,
# `5 ม.ค. พ.ศ. 2569`, and `2024-10-20`, the ISO day the XLSX reader gives a cell holding an
# Excel date (read with the date normaliser afterwards; this only finds the candidates)
# an English month, whole or cut short (not the start of another word: `10 market 2025`)
_EN_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
             r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?![a-z])")
DAY_WRITTEN = patterns.compile(
    r"(?<![0-9๐-๙])[0-9]{4}-[0-9]{2}-[0-9]{2}(?![0-9๐-๙])"
    r"|(?<![0-9๐-๙])[0-9๐-๙]{1,2}\s*[/.\-]\s*[0-9๐-๙]{1,2}\s*[/.\-]\s*[0-9๐-๙]{2,4}(?![0-9๐-๙])"
    r"|(?<![0-9๐-๙])[0-9๐-๙]{1,2}\s*[ก-๙][ก-๙.]*\s*(?:พ\s*\.\s*ศ\s*\.\s*)?[0-9๐-๙]{2,4}"
    # English: `15 December 2025`, `Dec 15, 2025`
    r"|(?<![0-9A-Za-z])[0-9]{1,2}\s*" + _EN_MONTH + r",?\s*[0-9]{4}(?![0-9])"
    r"|(?<![A-Za-z])" + _EN_MONTH + r"\s*[0-9]{1,2},?\s*[0-9]{4}(?![0-9])",
    re.I)


def find_fiscal_year(text: str) -> Optional[int]:
    def ok(y: int) -> bool:
        return 2400 <= y <= 2700
    for rx in (_FY_STATED, _FY_ANY):
        years = [int(_digits_local(m.group(1))) for m in rx.finditer(text)]
        years = [y for y in years if ok(y)]
        if years:
            if rx is _FY_STATED:
                return years[0]
            counts = {y: years.count(y) for y in years}
            return max(counts, key=lambda y: (counts[y], y))
    for m in _FY_TITLE.finditer(_title_text(text)):
        y = int(_digits_local(m.group(1)))
        if ok(y):
            return y
    years = [y if y >= 2400 else y + 543 for y in (int(m.group(1)) for m in _FY_EN.finditer(text))]
    years = [y for y in years if ok(y)]
    if years:
        return years[0]
    # `ปีงบประมาณ 70`, `ปีงบประมาณ พ.ศ. ๒๕`: a Buddhist-Era year cut to two digits, in the title only
    for m in _FY_SHORT.finditer(_title_text(text)):
        return 2500 + int(_digits_local(m.group(1)))
    return None


_ROW_PAGES: dict[int, tuple[Table, list]] = {}


def row_page(table: Table, row: int) -> Optional[int]:
    """The page a table row starts on (Table.row_pages, computed once per table)."""
    hit = _ROW_PAGES.get(id(table))
    if hit is None or hit[0] is not table:
        hit = _ROW_PAGES[id(table)] = (table, table.row_pages())
    return hit[1][row]


def forget_tables() -> None:
    """Drop what was computed per table: called when a document is done, so that its tables
    (a PDF's can hold thousands of cells) are not kept alive into the next file."""
    _ROW_PAGES.clear()


def loc_of(table: Optional[Table], row: Optional[int] = None, page: Optional[int] = None,
           doc: Optional[Document] = None) -> Location:
    pg = page
    if table is not None and pg is None:
        if row is not None and 0 <= row < table.n_rows:
            pg = row_page(table, row)
        else:
            pg = table.page
    if doc is not None and doc.format != "pdf":
        pg = None
    return Location(page=pg, table=table.index if table is not None else None, row=row)


# ---------------------------------------------------------------- direction


def lower_words() -> list[str]:
    try:
        v = rules.load("validation")
    except FileNotFoundError:
        return []
    return list(v.get("lower_is_better", []) or v.get("lower_is_better_words", []))


def lower_overrides() -> list[str]:
    try:
        return list(rules.load("validation").get("lower_word_overrides", []))
    except FileNotFoundError:
        return []


@lru_cache(maxsize=1)
def higher_words() -> tuple[str, ...]:
    try:
        return tuple(rules.load("validation").get("higher_is_better_words", []))
    except FileNotFoundError:
        return ()


def direction_for(name: str, ladder: Iterable[Optional[float]]) -> str:
    """`lower` or `higher`: the indicator's nature where its name tells it (validation.json's
    lower- and higher-is-better words; DIRECTION_MISMATCH reports a ladder running the other
    way), else the way its ladder runs."""
    n = squash(name)
    if any(squash(w) and squash(w) in n for w in lower_overrides()):
        vals = [v for v in ladder if v is not None]
        return "lower" if len(vals) >= 2 and vals[-1] < vals[0] else "higher"
    for w in lower_words():
        if squash(w) and squash(w) in n:
            return "lower"
    if any(squash(w) and squash(w) in n for w in higher_words()):
        return "higher"
    vals = [v for v in ladder if v is not None]
    if len(vals) >= 2 and vals[-1] < vals[0]:
        return "lower"
    return "higher"


# ---------------------------------------------------------------- ladder entries

_LEVEL_RX = patterns.compile(r"(?:(?:ระดับ|คะแนน|level|score)\s*(?:ที่)?\s*([1-5๑-๕])(?![0-9])|(?<![0-9๐-๙.,])([1-5๑-๕])\s*(?:คะแนน|points?|pts?))", re.I)
_LEVEL_FIRST = patterns.compile(r"^\s*(?:[(（]\s*([1-5๑-๕])\s*[)）]|([1-5๑-๕])\s*[=:：])\s*(?=\S)")
_ENTRY_SPLIT = patterns.compile(r"\s+(?=(?:ระดับ|คะแนน)\s*(?:ที่)?\s*[1-5๑-๕](?![0-9])|[(（][1-5๑-๕][)）]|[1-5๑-๕]\s*[=:：]\s)")


def split_entries(line: str) -> list[str]:
    """One line holding several ladder entries (`ระดับ 1 : 13% ระดับ 2 : 11%`, or five bare
    thresholds `60 - 65 - 70 - 75 - 80`) split into them."""
    nums = re.findall(r"[0-9๐-๙]+(?:\.[0-9๐-๙]+)?\s*%?", line)
    if len(nums) == 5 and not _LEVEL_RX.search(line) and not _LEVEL_FIRST.match(line) \
            and re.fullmatch(r"[\s0-9๐-๙.%,/|;–\-]*(?:ร้อยละ)?[\s0-9๐-๙.%,/|;–\-]*", line):
        return [n.strip() for n in nums]
    return [p for p in _ENTRY_SPLIT.split(line) if p.strip()]
_THRESH_RX = patterns.compile(r"(?:ร้อยละ\s*)?([<>≤≥]?\s*[0-9๐-๙]+(?:[.,][0-9๐-๙]+)?\s*%?)")


def parse_ladder_entry(text: str) -> tuple[Optional[int], Optional[float], str]:
    """One ladder entry (``60%  1 คะแนน``, ``ระดับ 1 = ร้อยละ 60``): (level, threshold, raw)."""
    raw = clean(text)
    if not raw:
        return None, None, ""
    level = None
    rest = raw
    m = _LEVEL_RX.search(raw) or _LEVEL_FIRST.match(raw)
    if m:
        level = int(_digits_local(m.group(1) or m.group(2)))
        rest = (raw[:m.start()] + " " + raw[m.end():]).strip()
    rest = re.sub(r"^[=:\-–\s]+|[=:\-–\s]+$", "", rest)
    thr = None
    if rest:
        mt = _THRESH_RX.search(rest)
        if mt:
            thr = amount_value(mt.group(1).replace(" ", ""))
    return level, thr, raw
