"""Header matching (extractors.common.match_role) against a plain reference: every vocabulary
term scored one by one with the scalar scorer. The fast path (all terms scored at once, only the
scores that can reach the threshold computed) must name the same role with the same score."""
from hypothesis import given, settings, strategies as st
from rapidfuzz import fuzz

from extractors import common as C
from schemas import rules

FORMS = [f for f, v in rules.load("headers").items() if isinstance(v, dict) and "roles" in v]
VOCABS = [C.vocab(f) for f in FORMS]
TERMS = sorted({t for v in VOCABS for ts in v.values() for t in ts})


def score(segments: tuple[str, ...], tt: str) -> float:
    """One term against a cell's segments, rule by rule as match_role's docstring states them."""
    best = 0.0
    if not tt:
        return 0.0
    for seg in segments:
        if len(seg) > 3 * len(tt) + 12:
            continue  # a long data cell is not a header
        if len(tt) <= 3 and "." in tt and seg.strip("/()[]:：|-") != tt:
            continue  # a short abbreviation (`นน.`) names a column only as written
        s = fuzz.ratio(seg, tt)
        if len(tt) >= 4 and (seg.startswith(tt) or (len(seg) >= 4 and tt.startswith(seg)
                                                    and len(seg) >= 0.6 * len(tt))):
            s = max(s, 92)
        if len(tt) >= 4 and s < 90:
            s = max(s, fuzz.ratio("".join(sorted(seg)), "".join(sorted(tt))) - 8)
        best = max(best, s)
    return best


def reference(text: str, roles: dict, threshold: float = 78) -> tuple[str, float]:
    if not text.strip() or len(text) > 120:
        return "", 0.0
    segs = C._segments(text)
    best, role = 0.0, ""
    for r, terms in roles.items():
        for term in terms:
            s = score(segs, C.squash(term))
            if s > best:
                best, role = s, r
    return (role, best) if best >= threshold and role else ("", best)


def mutate(term: str, how: int, k: int) -> str:
    if how == 0:
        return term[: max(1, len(term) * (k % 10 + 1) // 10)]
    if how == 1:
        return term[k % max(1, len(term)):]
    if how == 2:
        return "".join(sorted(term, key=lambda ch: (hash(ch) + k) % 7))
    if how == 3:
        return f"{term} ({k})"
    return term + " " + TERMS[k % len(TERMS)]


cells = st.one_of(
    st.builds(mutate, st.sampled_from(TERMS), st.integers(0, 4), st.integers(0, 10_000)),
    st.text(alphabet="กขคงจตถทนบปผพมยรลวสหอะาิีึืุูเแโใไ่้๊๋็์ำ0123456789๑๒ .-/%()",
            max_size=30),
    st.sampled_from(TERMS),
)


@settings(max_examples=600, deadline=None)
@given(cells, st.integers(0, len(VOCABS) - 1))
def test_same_role_as_scoring_every_term(text, v):
    got = C.match_role(text, VOCABS[v])
    want = reference(text, VOCABS[v])
    assert got[0] == want[0]
    if want[0]:
        assert got[1] == want[1]


def test_figures_and_ticks_name_no_role():
    roles = C.vocab("activity_plan")
    for text in ("5", "100", "✓", "-", "30,000", "ต.ค. 67", "นายสมชาย ใจดี"):
        assert C.match_role(text, roles)[0] == ""
    assert C.match_role("ผู้รับผิดชอบ", roles)[0] == "responsible"


def test_every_form_has_a_vocabulary():
    assert {"form72", "activity_plan"} <= set(FORMS)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="กขคงตนมยรวะาิีุเแ่้ abc", max_size=40),
       st.text(alphabet="กขคงตนมยรวะาิีุเแ่้ abc", max_size=40))
def test_ratio_is_bounded_by_the_lengths(a, b):
    """The bound match_role skips terms of the wrong length by (extractors.common._near)."""
    if a or b:
        assert fuzz.ratio(a, b) <= 200.0 * min(len(a), len(b)) / (len(a) + len(b)) + 1e-9


def test_terms_out_of_reach_are_not_scored():
    roles = C.vocab("activity_plan")
    key = C._roles_key(roles)
    # 200·min(n, b)/(n + b) ≥ 78: a segment of 8 letters can reach terms of 6 to 12 letters
    idx, near = C._near(key, 8, 78 - 1e-6, False)
    assert idx and {len(t) for t in near} <= set(range(6, 13))
    assert {j for j, t in enumerate(C._vocab_terms(key)) if 6 <= t[2] <= 12} == set(idx)
    # and one of 60 letters none of this vocabulary's (its terms have at most 31 letters)
    assert C._near(key, 60, 78 - 1e-6, False) == ([], [])
    assert C.match_role("ร" * 60, roles)[0] == ""


def test_short_abbreviations_match_as_written_brackets_and_slashes_aside():
    v = C.vocab("form72")
    assert C.match_role("No. / ที่", v)[0] == "item"        # bilingual header
    assert C.match_role("ลำดับ (No.)", v)[0] == "item"
    assert C.match_role("นน.(%)", v)[0] == "weight"
    assert C.match_role("นนท.", v)[0] == ""                  # one letter more is another word
