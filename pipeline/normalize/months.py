"""Month vocabulary (schemas/rules/months.json) and the lookup that repairs misspelt months."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from schemas.rules import load
from schemas.values import AMBIGUOUS, CORRECTED, INVALID, OK

_VOCAB = load("months")
MONTHS = {int(k): v for k, v in _VOCAB["months"].items()}
ABBR = {m: v["abbr"] for m, v in MONTHS.items()}            # canonical abbreviation per month
FULL = {m: v["full"] for m, v in MONTHS.items()}


def month_key(raw: str) -> str:
    """Spelling-insensitive key of a month token: no dots, no spaces, lower case."""
    return raw.replace(".", "").replace(" ", "").lower()


# key -> month for the spellings read as they are (status ok).
EXACT: dict[str, int] = {}
# key -> month for listed misspellings (status corrected).
MISSPELT: dict[str, int] = {}
for _m, _v in MONTHS.items():
    for _form in [_v["abbr"], _v["full"], *_v["short"], *_v["en"]]:
        EXACT[month_key(_form)] = _m
    for _form in _v["misspellings"]:
        MISSPELT[month_key(_form)] = _m
CONFUSIONS: dict[str, tuple[tuple[int, ...], str]] = {
    month_key(c["text"]): (tuple(c["months"]), c["why"]) for c in _VOCAB["confusions"]}

_ABBR_KEYS = {month_key(a): m for m, a in ABBR.items()}
_VOWELS = set(_VOCAB["vowels"])
_ALIKE = {(a, b) for group in _VOCAB["lookalikes"] for a in group for b in group if a != b}
_ALIKE |= {(a, b) for a in _VOWELS for b in _VOWELS if a != b}


def _plausible_slip(key: str, abbr_key: str) -> bool:
    """One edit that a typist or OCR makes: a look-alike letter swapped, or a vowel added or
    dropped. Any one-letter edit of a two-letter abbreviation would make most initials months."""
    ops = Levenshtein.editops(key, abbr_key)
    if len(ops) != 1:
        return False
    op = ops[0]
    if op.tag == "replace":
        return (key[op.src_pos], abbr_key[op.dest_pos]) in _ALIKE
    if op.tag == "insert":
        return abbr_key[op.dest_pos] in _VOWELS
    return key[op.src_pos] in _VOWELS


_LONG_CHOICES = {month_key(f): m for m, v in MONTHS.items()
                 for f in [v["full"], *v["short"], *v["misspellings"]]}
_EN_CHOICES = {f: m for m, v in MONTHS.items() for f in v["en"] if len(f) > 3}
_LONG_CUTOFF = 75.0      # rapidfuzz ratio (0-100) a misspelt full name must reach
_LONG_MARGIN = 6.0       # a second month this close to the best makes the reading ambiguous


@dataclass(frozen=True)
class MonthMatch:
    """What a month token can stand for: months best first, and how sure the reading is."""
    months: tuple[int, ...]
    status: str               # ok, corrected, ambiguous
    long: bool                # the token was a full/short name (else an abbreviation)
    why: str = ""
    english: bool = False


@lru_cache(maxsize=8192)
def lookup_month(key: str) -> MonthMatch | None:
    """Read a month key (see month_key); None when it is not a month.

    Order: the vocabulary, the listed misspellings, the explicit confusion table, then repair:
    an abbreviation one plausible slip from a month's abbreviation, a long name by rapidfuzz ratio.
    """
    if not key:
        return None
    m = EXACT.get(key)
    if m is not None:
        return MonthMatch((m,), OK, key not in _ABBR_KEYS, english=key.isascii())
    m = MISSPELT.get(key)
    if m is not None:
        return MonthMatch((m,), CORRECTED, True, "listed misspelling")
    conf = CONFUSIONS.get(key)
    if conf is not None:
        months, why = conf
        return MonthMatch(months, CORRECTED if len(months) == 1 else AMBIGUOUS, False, why)
    if key.isascii():
        if len(key) < 4:
            return None
        return _fuzzy_long(key, _EN_CHOICES, english=True)
    if len(key) <= 4:
        near = tuple(m for k, m in _ABBR_KEYS.items() if _plausible_slip(key, k))
        if near:
            return MonthMatch(near, CORRECTED if len(near) == 1 else AMBIGUOUS, False, "one letter off")
    if len(key) < 5:       # four letters or fewer are too short to repair by similarity
        return None
    return _fuzzy_long(key, _LONG_CHOICES)


def _fuzzy_long(key: str, choices: dict[str, int], english: bool = False) -> MonthMatch | None:
    hits = process.extract(key, list(choices), scorer=fuzz.ratio, score_cutoff=_LONG_CUTOFF, limit=8)
    if not hits:
        return None
    best: dict[int, float] = {}
    for choice, score, _ in hits:
        m = choices[choice]
        best[m] = max(best.get(m, 0.0), score)
    ranked = sorted(best.items(), key=lambda kv: -kv[1])
    top = ranked[0][1]
    months = tuple(m for m, s in ranked if s >= top - _LONG_MARGIN)
    return MonthMatch(months, CORRECTED if len(months) == 1 else AMBIGUOUS, True, "misspelt name",
                      english)


def spelling(mm: MonthMatch, month: int) -> str:
    """How a repaired month is written: in the style of the token it replaces."""
    if mm.english:
        return max(MONTHS[month]["en"], key=len).capitalize()
    return FULL[month] if mm.long else ABBR[month]


@lru_cache(maxsize=None)
def near_months(month: int) -> tuple[int, ...]:
    """Months whose abbreviation is one letter away from this month's (ก.ค. ~ ต.ค., ส.ค. …):
    the readings a column-order check may prefer over a valid-looking but misplaced header."""
    key = month_key(ABBR[month])
    return tuple(m for k, m in _ABBR_KEYS.items()
                 if m != month and Levenshtein.distance(key, k, score_cutoff=1) <= 1)


@dataclass
class MonthReading:
    """A bare month cell (a Gantt header) read on its own.

    ``months``: candidate month numbers, best first (empty when the cell is not a month);
    ``status``: ok / corrected / ambiguous / invalid; ``fixed``: the corrected spelling;
    ``near``: other months one letter away, for an extractor that settles a header from the
    column order (Oct..Sep) even when the cell is a valid but misplaced month.
    """
    text: str
    months: tuple[int, ...] = ()
    status: str = INVALID
    note: str = ""
    fixed: str = ""
    near: tuple[int, ...] = ()
    year: int | None = None      # Common Era year when the cell also gives one (ต.ค. 52)

    @property
    def month(self) -> int | None:
        return self.months[0] if self.months else None

    @property
    def ok(self) -> bool:
        return bool(self.months)
