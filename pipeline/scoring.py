"""Scores the ก.พ.ร. way: ladders, milestone levels, weighted sub-indicators, late-step deductions.

Pure functions on numbers; pipeline/validate.py decides which records they apply to. The
conventions (what short of level 1 scores, rounding) come from schemas/rules/validation.json.
"""
from __future__ import annotations

from typing import Iterable, Mapping, Optional, Sequence


def ladder_direction(levels: Sequence[Optional[float]]) -> str:
    """"rising", "falling" or "" (fewer than two thresholds, or not strictly monotonic)."""
    vals = [v for v in levels if v is not None]
    if len(vals) < 2:
        return ""
    pairs = list(zip(vals, vals[1:]))
    if all(b > a for a, b in pairs):
        return "rising"
    if all(b < a for a, b in pairs):
        return "falling"
    return ""


def ladder_score(levels: Sequence[float], actual: float, *, below_level_1: float = 0.0,
                 decimals: int = 4) -> float:
    """Score of ``actual`` on a complete, strictly monotonic ladder (thresholds of levels 1..n).

    At or beyond the last threshold -> n; exactly at level k's threshold -> k; between levels k
    and k+1 -> k plus the fraction of the way (60/65/70/75/80 and 72.5 -> 3.5); short of
    level 1 -> ``below_level_1``. A falling ladder (lower is better) is read the other way round.
    """
    n = len(levels)
    if n < 2:
        raise ValueError("a ladder needs at least two thresholds")
    sign = 1.0 if levels[-1] > levels[0] else -1.0
    t = [sign * float(x) for x in levels]
    a = sign * float(actual)
    if a >= t[-1]:
        return float(n)
    if a < t[0]:
        return float(below_level_1)
    for k in range(n - 1):
        if a < t[k + 1]:
            score = (k + 1) + (a - t[k]) / (t[k + 1] - t[k])
            # rounding must not lift a score into the next level it has not reached
            return min(round(score, decimals), float(k + 2))
    return float(n)  # unreachable: a >= t[-1] handled above


def milestone_score(levels: Mapping[int, Iterable[int]], done: set, n_levels: int = 5) -> int:
    """The highest level L such that every level 1..L is defined and done (0 when level 1 is not
    reached). Levels are climbed in order: a level whose steps happen to be done does not count
    while a lower one is missing from the matrix.

    Level N needs the steps its row ticks and, under the ก.พ.ร. convention the contract checks
    (MILESTONE_MISSING: level N lacks one of steps 1..N), steps 1..N as well: a level the matrix
    leaves short of a step still needs it, so the score never passes a level the validator reports
    as lacking a step. A 4-step matrix whose level 5 ticks steps 1-4 tops out at 4 (there is no
    step 5 to complete), as does one whose level 5 is absent or empty. A level row left with
    nothing ticked is the extreme of a short one: it needs steps 1..N (MILESTONE_MISSING reports
    it). Steps named otherwise than by number are required only where ticked, so there an empty
    level is not reached."""
    numbered = all(type(s) is int for st in levels.values() for s in (st or ()))
    score = 0
    for level in range(1, n_levels + 1):
        steps = levels.get(level)
        if steps is None or (not steps and not numbered):
            break
        needed = set(steps) | (set(range(1, level + 1)) if numbered else set())
        if not needed <= done:
            break
        score = level
    return score


def weighted_score(parts: Iterable[tuple[float, float]], decimals: int = 4) -> Optional[float]:
    """Σ(Wi × SMi) / ΣWi over (weight, score) pairs (seed 003); None when the weights sum to 0
    or one is negative (no meaningful average)."""
    parts = list(parts)
    total_w = sum(w for w, _ in parts)
    if not parts or total_w <= 0 or any(w < 0 for w, _ in parts):
        return None
    return round(sum(w * s for w, s in parts) / total_w, decimals)


def late_deduction(points: float, per_day: float, days_late: int) -> float:
    """Best Service (seed 002): ``points`` once when late, plus ``per_day`` a working day late."""
    if days_late <= 0:
        return 0.0
    return points + per_day * days_late


def apply_deduction(score: float, deduction: float, weight: Optional[float],
                    decimals: int = 4, floor: float = 0.0) -> float:
    """Deduction points come off the indicator's weighted score (weight × score), so on the
    0..5 scale they weigh ``deduction / weight``; without a weight they come off the score."""
    per_score = deduction / weight if weight else deduction
    return round(max(floor, score - per_score), decimals)
