"""How far along a goal is: from its measure, else from its milestones done."""

from __future__ import annotations

import math
from collections.abc import Sequence

from growthtui.domain.goals import CheckIn, Goal, GoalStatus, Measure, Milestone


def measure_progress(measure: Measure, current: float | None = None) -> float | None:
    """Fraction 0–1 from baseline to target, or None when the measure cannot say."""
    if measure.target is None:
        return None
    value = measure.current if current is None else current
    if value is None:
        return None
    baseline = measure.baseline if measure.baseline is not None else 0.0
    if not all(math.isfinite(number) for number in (value, baseline, measure.target)):
        return None
    span = measure.target - baseline
    if span == 0:
        return 1.0 if value == measure.target else 0.0
    return min(1.0, max(0.0, (value - baseline) / span))


def latest_value(goal: Goal, checkins: Sequence[CheckIn]) -> float | None:
    """The measure's current value: the latest check-in with a value, else the goal's own."""
    mine = [c for c in checkins if c.goal_id == goal.id and c.value is not None]
    if mine:
        latest = max(enumerate(mine), key=lambda pair: (pair[1].date, pair[0]))[1]
        return latest.value
    return goal.measure.current


def goal_progress(
    goal: Goal, milestones: Sequence[Milestone] = (), checkins: Sequence[CheckIn] = ()
) -> float | None:
    """Progress 0–1: from the measure if it has a target and a value, else the share of
    milestones done; an achieved goal is 1; None when nothing can tell."""
    if goal.status is GoalStatus.ACHIEVED:
        return 1.0
    from_measure = measure_progress(goal.measure, latest_value(goal, checkins))
    if from_measure is not None:
        return from_measure
    mine = [m for m in milestones if m.goal_id == goal.id]
    if mine:
        return sum(m.done_at is not None for m in mine) / len(mine)
    return None


def progress_bar(fraction: float | None, width: int = 10, ascii_only: bool = False) -> str:
    """A text bar such as `█████░░░░░  50%`; `ascii_only` gives `#####-----  50%`.

    The bar is full and the figure 100% only when the goal is done: 99.6% shows as 99%.
    """
    if fraction is None or math.isnan(fraction):
        return "–" if not ascii_only else "-"
    fraction = min(1.0, max(0.0, fraction))
    full, empty = ("#", "-") if ascii_only else ("█", "░")
    filled = round(fraction * width)
    percent = round(fraction * 100)
    if fraction < 1.0:
        filled = min(filled, width - 1)
        percent = min(percent, 99)
    return f"{full * filled}{empty * (width - filled)} {percent:>3}%"
