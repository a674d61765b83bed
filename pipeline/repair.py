"""Thai text repair for text that comes out of PDFs, Word and Excel files.

What goes wrong and is repaired here:
- Private Use Area glyphs (U+F700–U+F71A Windows, U+F884–U+F89E Mac): the shifted/descender-less
  shaping forms that fonts such as TH SarabunPSK use; mapped back to the standard code points
  (mapping from HarfBuzz's Thai shaper, hb-ot-shaper-thai.cc).
- Sara am written as nikhahit + sara aa (``ํ`` + ``า``) or duplicated (``ำา``), and a tone mark
  put after sara am (``นำ้า`` -> ``น้ำ``).
- Marks separated from their base by a space (``ตัวชวี้ ัด``) and marks in a non-canonical order
  (tone mark before the vowel above/below).
- ``เเ`` typed for ``แ``.

Deliberately not done: Unicode NFKC (it splits sara am into nikhahit + sara aa) and
pythainlp.util.normalize (it drops tone marks in some inputs, e.g. ``ไตรมาสที ่ 3``).

PDF readers can also repair from character positions (``order_marks_by_position``): a mark
belongs to the base character it is drawn over, whatever order the file stores them in.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Sequence

from pipeline import patterns

# --- PUA shaping forms -> standard code points (HarfBuzz thai_pua_shape tables) ---
_PUA_PAIRS = {
    # SD: shift down (marks on short consonants without an above vowel)
    0x0E48: (0xF70A, 0xF88B), 0x0E49: (0xF70B, 0xF88E), 0x0E4A: (0xF70C, 0xF891),
    0x0E4B: (0xF70D, 0xF894), 0x0E4C: (0xF70E, 0xF897), 0x0E38: (0xF718, 0xF89B),
    0x0E39: (0xF719, 0xF89C), 0x0E3A: (0xF71A, 0xF89D),
}
_PUA_SDL = {0x0E48: (0xF705, 0xF88C), 0x0E49: (0xF706, 0xF88F), 0x0E4A: (0xF707, 0xF892),
            0x0E4B: (0xF708, 0xF895), 0x0E4C: (0xF709, 0xF898)}
_PUA_SL = {0x0E48: (0xF713, 0xF88A), 0x0E49: (0xF714, 0xF88D), 0x0E4A: (0xF715, 0xF890),
           0x0E4B: (0xF716, 0xF893), 0x0E4C: (0xF717, 0xF896), 0x0E31: (0xF710, 0xF884),
           0x0E34: (0xF701, 0xF885), 0x0E35: (0xF702, 0xF886), 0x0E36: (0xF703, 0xF887),
           0x0E37: (0xF704, 0xF888), 0x0E47: (0xF712, 0xF889), 0x0E4D: (0xF711, 0xF899)}
_PUA_RD = {0x0E0D: (0xF70F, 0xF89A), 0x0E10: (0xF700, 0xF89E)}  # yo ying / tho than w/o descender

PUA_MAP: dict[int, str] = {}
for _table in (_PUA_PAIRS, _PUA_SDL, _PUA_SL, _PUA_RD):
    for _std, (_win, _mac) in _table.items():
        PUA_MAP[_win] = chr(_std)
        PUA_MAP[_mac] = chr(_std)

_PUA = patterns.compile("[\uf700-\uf8ff]")
_PUA_TABLE = {k: v for k, v in PUA_MAP.items()}

# --- character classes ---
THAI_RANGE = "\u0E01-\u0E5B"
ABOVE_VOWELS = "\u0E31\u0E34\u0E35\u0E36\u0E37\u0E47"
BELOW_VOWELS = "\u0E38\u0E39\u0E3A"
TONES = "\u0E48\u0E49\u0E4A\u0E4B"
OTHER_MARKS = "\u0E4C\u0E4D\u0E4E"          # thanthakhat, nikhahit, yamakkan
MARKS = ABOVE_VOWELS + BELOW_VOWELS + TONES + OTHER_MARKS
SARA_AM, SARA_AA, NIKHAHIT = "\u0E33", "\u0E32", "\u0E4D"

# (with the PUA shaping forms of marks: a PDF draws them over their base like the marks they stand
# for, so they are placed by position like them, not read as letters of their own)
_MARK_SET = frozenset(MARKS) | {chr(k) for k, v in PUA_MAP.items() if v in MARKS}
_THAI_CHAR = patterns.compile(f"[{THAI_RANGE}]")

# Order of marks within one cluster: vowel below/above first, then tone, then the rest.
_MARK_RANK = {**{c: 0 for c in BELOW_VOWELS}, **{c: 1 for c in ABOVE_VOWELS},
              **{c: 2 for c in TONES}, "\u0E4C": 3, "\u0E4E": 3, NIKHAHIT: 4}

_INVISIBLE = patterns.compile("[\u200b\u200c\ufeff\u00ad\ufe0e\ufe0f]")  # (+ emoji/text variation selectors: `✔︎`)
# space(s) between a Thai character and a mark that must belong to it
_SPACE_BEFORE_MARK = patterns.compile(f"(?<=[{THAI_RANGE}])[ \u00a0]+(?=[{MARKS}])")
_MARK_RUN = patterns.compile(f"[{MARKS}]{{2,}}")
# nikhahit (+ tones) + sara aa  ->  tones + sara am;  sara am (+ tones) + sara aa  -> the same
_NIKHAHIT_AA = patterns.compile(f"{NIKHAHIT}([{TONES}\u0E4C]*){SARA_AA}")
_AM_TONE_AA = patterns.compile(f"{SARA_AM}([{TONES}]*){SARA_AA}")
_AM_THEN_TONE = patterns.compile(f"{SARA_AM}([{TONES}]+)")
# two vowels above one consonant while the consonant before it has none: the first vowel (and
# its tone) belongs to that earlier consonant (``ชวี้ั`` -> ``ชี้วั``)
_CONS = "\u0E01-\u0E2E"
_DOUBLE_ABOVE = patterns.compile(f"([{_CONS}])([{_CONS}])([{ABOVE_VOWELS}][{TONES}\u0E4C]*)([{ABOVE_VOWELS}])")
_TONE_NIKHAHIT = patterns.compile(f"([{TONES}]+){NIKHAHIT}(?={SARA_AA}|{SARA_AM})")


def _sort_marks(m: re.Match) -> str:
    run = m.group(0)
    out = []
    for ch in sorted(run, key=lambda c: _MARK_RANK.get(c, 5)):   # stable sort
        if out and out[-1] == ch:                                 # doubled mark: keep one
            continue
        out.append(ch)
    return "".join(out)


def repair_thai(text: str) -> str:
    """Repair Thai text as described in the module docstring. Idempotent; clean text is
    returned unchanged."""
    if not text or text.isascii():
        return text
    return _repair_thai(text)


# Cached: forms repeat their wording (headers, units, month names) within and across files.
@lru_cache(maxsize=4096)
def _repair_thai(text: str) -> str:
    if _PUA.search(text):
        text = text.translate(_PUA_TABLE)
    if not _THAI_CHAR.search(text):
        return _INVISIBLE.sub("", text) if "\u200b" in text or "\ufeff" in text \
            or "\u200c" in text or "\u00ad" in text or "\ufe0e" in text or "\ufe0f" in text else text
    text = _INVISIBLE.sub("", text)
    # the rules feed each other (a removed space exposes a mark run ...): apply to a fixpoint
    for _ in range(10):
        fixed = _repair_once(text)
        if fixed == text:
            break
        text = fixed
    return text


def _repair_once(text: str) -> str:
    text = _SPACE_BEFORE_MARK.sub("", text)
    text = text.replace("\u0E40\u0E40", "\u0E41")        # เเ -> แ
    text = _TONE_NIKHAHIT.sub(lambda m: NIKHAHIT + m.group(1), text)
    text = _NIKHAHIT_AA.sub(lambda m: m.group(1) + SARA_AM, text)
    text = _AM_TONE_AA.sub(lambda m: m.group(1) + SARA_AM, text)
    text = _AM_THEN_TONE.sub(lambda m: m.group(1) + SARA_AM, text)
    text = _DOUBLE_ABOVE.sub(lambda m: m.group(1) + m.group(3) + m.group(2) + m.group(4), text)
    text = _MARK_RUN.sub(_sort_marks, text)
    while SARA_AM + SARA_AM in text:
        text = text.replace(SARA_AM + SARA_AM, SARA_AM)
    return text


def is_thai(ch: str) -> bool:
    return "\u0E01" <= ch <= "\u0E5B"


def is_mark(ch: str) -> bool:
    return ch in _MARK_SET


def join_wrapped(lines: Iterable[str]) -> str:
    """Join visually wrapped lines: no space between two Thai characters (Thai has no spaces
    between words, so a wrap inside Thai text is not a word break), one space otherwise."""
    out = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if not out:
            out = line
        elif is_thai(out[-1]) and is_thai(line[0]):
            out += line
        else:
            out += " " + line
    return out


_WS = patterns.compile(r"[ \t\u00a0\u3000]+")


def collapse_spaces(text: str) -> str:
    return _WS.sub(" ", text).strip()


def order_marks_by_position(chars: Sequence[tuple[str, float, float]]) -> list[int]:
    """Order for characters of one line given as (char, x0, x1): each combining mark is moved
    right after the base character whose horizontal extent holds the mark's centre (the base
    it is drawn on), whatever order the file stores them in (``ตัวชวี้ ัด`` for ``ตัวชี้วัด``, a
    sara u stored at the end of the line). Returns a permutation of the kept indices; a space
    that only separates a mark from its base is dropped."""
    n = len(chars)
    base_idx = [i for i, (ch, _, _) in enumerate(chars) if ch not in _MARK_SET and not ch.isspace()]
    thai_bases = [i for i in base_idx if is_thai(chars[i][0])]
    marks_of: dict[int, list[int]] = {}
    lead: list[int] = []
    prev_base = None
    drop: set[int] = set()
    for i, (ch, x0, x1) in enumerate(chars):
        if ch not in _MARK_SET:
            if not ch.isspace():
                prev_base = i
            continue
        cx = (x0 + x1) / 2
        best, best_key = None, None
        # the usual case first: a base drawn under the mark among its file-order neighbours
        for b in range(max(0, i - 4), min(n, i + 3)):
            ch_b = chars[b][0]
            if b != i and is_thai(ch_b) and ch_b not in _MARK_SET and \
                    chars[b][1] - 0.3 <= cx <= chars[b][2] + 0.3:
                # drawn inside the base's box before only near its edge; then the base the
                # file stores it after (``นี้ได้``: the tone mark of นี at its right edge, where
                # ไ begins, is not ไ's)
                inside = chars[b][1] <= cx <= chars[b][2]
                key = (0.0 if inside else 0.1, 0 if b < i else 1, abs(b - i))
                if best_key is None or key < best_key:
                    best, best_key = b, key
        for b in (thai_bases if best is None else ()):
            bx0, bx1 = chars[b][1], chars[b][2]
            d = 0.0 if bx0 - 0.3 <= cx <= bx1 + 0.3 else min(abs(cx - bx0), abs(cx - bx1))
            key = (d, abs(b - i))           # drawn over it; ties: nearest in file order
            if best_key is None or key < best_key:
                best, best_key = b, key
        if best is None or best_key[0] > 3.0:
            best = prev_base                # no base under it: keep it where the file put it
        if best is None:
            lead.append(i)
        else:
            marks_of.setdefault(best, []).append(i)
    # spaces standing between a mark and the base it was moved to are artefacts
    for i, (ch, _, _) in enumerate(chars):
        if ch.isspace() and i + 1 < n and chars[i + 1][0] in _MARK_SET:
            drop.add(i)
    order = list(lead)
    for i, (ch, _, _) in enumerate(chars):
        if ch in _MARK_SET or i in drop:
            continue
        order.append(i)
        order.extend(marks_of.get(i, []))
    return order
