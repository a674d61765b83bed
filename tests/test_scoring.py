"""Scoring the ก.พ.ร. way: ladder interpolation, milestone levels, weighted sub-indicators,
Best Service deductions."""
from __future__ import annotations

import pytest
from hypothesis import assume, given, strategies as st

from pipeline import scoring
from schemas import rules

LADDER = [60, 65, 70, 75, 80]


@pytest.mark.parametrize("actual,score", [
    (72.5, 3.5), (60, 1), (65, 2), (80, 5), (95, 5), (59.99, 0), (0, 0), (61, 1.2), (77.5, 4.5),
])
def test_rising_ladder_examples(actual, score):
    assert scoring.ladder_score(LADDER, actual) == pytest.approx(score)


@pytest.mark.parametrize("actual,score", [
    (20, 1), (12.5, 2.5), (0, 5), (-3, 5), (20.5, 0), (2, 4.6),
])
def test_falling_ladder_examples(actual, score):
    assert scoring.ladder_score([20, 15, 10, 5, 0], actual) == pytest.approx(score)


def test_below_level_1_convention_is_data():
    cfg = rules.load("validation")
    assert cfg["below_level_1_score"] == 0
    assert scoring.ladder_score(LADDER, 50, below_level_1=cfg["below_level_1_score"]) == 0


def test_seed_003_ladders():
    assert scoring.ladder_score([60, 70, 80, 90, 100], 85) == 3.5
    assert scoring.ladder_score([65, 70, 75, 80, 85], 83) == pytest.approx(4.6)


def test_ladder_direction():
    assert scoring.ladder_direction(LADDER) == "rising"
    assert scoring.ladder_direction([5, 4, 3, 2, 1]) == "falling"
    assert scoring.ladder_direction([60, 65, 65, 75, 80]) == ""
    assert scoring.ladder_direction([60, None, 70, None, 80]) == "rising"
    assert scoring.ladder_direction([60, None, None, None, None]) == ""


finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)


@st.composite
def rising_ladders(draw):
    start = draw(st.floats(min_value=-1e4, max_value=1e4, allow_nan=False))
    steps = draw(st.lists(st.floats(min_value=0.01, max_value=1e3), min_size=4, max_size=4))
    out = [start]
    for s in steps:
        out.append(out[-1] + s)
    assume(all(b > a for a, b in zip(out, out[1:])))
    return out


@given(rising_ladders(), finite)
def test_score_within_0_and_5(ladder, actual):
    assert 0 <= scoring.ladder_score(ladder, actual) <= 5


@given(rising_ladders(), finite, finite)
def test_score_monotone_in_actual_on_a_rising_ladder(ladder, a, b):
    lo, hi = sorted((a, b))
    assert scoring.ladder_score(ladder, lo) <= scoring.ladder_score(ladder, hi)


@given(rising_ladders(), finite, finite)
def test_score_antitone_in_actual_on_a_falling_ladder(ladder, a, b):
    falling = [-x for x in ladder]
    lo, hi = sorted((a, b))
    assert scoring.ladder_score(falling, lo) >= scoring.ladder_score(falling, hi)


@given(rising_ladders(), st.integers(min_value=0, max_value=4))
def test_score_at_each_threshold_is_its_level(ladder, k):
    assert scoring.ladder_score(ladder, ladder[k]) == k + 1


def test_milestone_score_seed_000_matrix():
    matrix = {n: list(range(1, n + 1)) for n in range(1, 6)}
    assert scoring.milestone_score(matrix, {1, 2, 3}) == 3
    assert scoring.milestone_score(matrix, {1, 2, 3, 4, 5}) == 5
    assert scoring.milestone_score(matrix, set()) == 0
    assert scoring.milestone_score(matrix, {2, 3, 4}) == 0     # step 1 not done
    assert scoring.milestone_score(matrix, {1, 2, 4}) == 2


def test_milestone_score_does_not_skip_a_missing_level():
    matrix = {1: [1], 3: [1, 2, 3], 4: [1, 2, 3, 4], 5: [1, 2, 3, 4, 5]}
    assert scoring.milestone_score(matrix, {1, 2, 3, 4, 5}) == 1


def test_milestone_score_an_unticked_level_row_needs_steps_1_to_n():
    # a numbered matrix whose level-1 row was left empty: level 1 still needs step 1, so steps
    # 1-3 done reach level 3 (the validator reports the empty row as MILESTONE_MISSING)
    levels = {1: set(), 2: {1, 2}, 3: {1, 2, 3}, 4: {1, 2, 3, 4}, 5: {1, 2, 3, 4, 5}}
    assert scoring.milestone_score(levels, {1, 2, 3}) == 3
    assert scoring.milestone_score(levels, {2, 3}) == 0
    # a level row absent from the matrix still stops the climb
    assert scoring.milestone_score({2: {1, 2}, 3: {1, 2, 3}}, {1, 2, 3}) == 0
    # steps named otherwise than by number: an unticked level is not reached
    assert scoring.milestone_score({1: set(), 2: {"ก", "ข"}}, {"ก", "ข"}) == 0


def test_weighted_score_seed_003():
    # weights 1, 5, 4 (รวม 10); scores 5, 3.5, 4 -> (5 + 17.5 + 16) / 10
    assert scoring.weighted_score([(1, 5), (5, 3.5), (4, 4)]) == pytest.approx(3.85)
    assert scoring.weighted_score([]) is None
    assert scoring.weighted_score([(0, 3)]) is None
    assert scoring.weighted_score([(-1, 5), (3, 1)]) is None


@given(st.lists(st.tuples(st.floats(min_value=0.01, max_value=100),
                          st.floats(min_value=0, max_value=5)), min_size=1, max_size=8))
def test_weighted_score_stays_within_the_scores(parts):
    s = scoring.weighted_score(parts)
    assert min(p[1] for p in parts) - 1e-4 <= s <= max(p[1] for p in parts) + 1e-4


def test_late_deduction_seed_002():
    assert scoring.late_deduction(0.5, 0.01, 0) == 0
    assert scoring.late_deduction(0.5, 0.01, 1) == pytest.approx(0.51)
    assert scoring.late_deduction(0.5, 0.01, 10) == pytest.approx(0.6)
    assert scoring.late_deduction(0.02, 0, 3) == pytest.approx(0.02)


def test_apply_deduction_on_the_weighted_score():
    assert scoring.apply_deduction(4, 0.6, weight=3) == pytest.approx(3.8)
    assert scoring.apply_deduction(4, 0.6, weight=None) == pytest.approx(3.4)
    assert scoring.apply_deduction(0.1, 2, weight=None) == 0


def test_working_days_late_skip_weekends_and_thai_holidays():
    from datetime import date, timedelta
    from pipeline.normalize import working_days_between
    deadline = date(2014, 11, 30)                     # a Sunday
    # Mon 1 – Thu 4 Dec; Fri 5 Dec 2014 (วันพ่อแห่งชาติ) is a public holiday
    assert working_days_between(deadline + timedelta(days=1), date(2014, 12, 5)) == 4
