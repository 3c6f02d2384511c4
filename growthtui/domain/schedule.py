"""When things are due: overdue, due soon, and the time window of each horizon."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from growthtui.domain.dates import add_months, shift_days
from growthtui.domain.kinds import Horizon
from growthtui.domain.shapes import GoalShape, MilestoneShape

if TYPE_CHECKING:
    from growthtui.domain.goals import Goal

DUE_SOON_DAYS = 14
"""The dashboard's look-ahead for milestones."""


@dataclass(frozen=True)
class HorizonWindow:
    """How far ahead a goal on a horizon is due, in months from its start."""

    horizon: Horizon
    min_months: int
    max_months: int
    label: str


HORIZON_WINDOWS: dict[Horizon, HorizonWindow] = {
    Horizon.SHORT: HorizonWindow(Horizon.SHORT, 0, 6, "short-term horizon (3–6 months)"),
    Horizon.MEDIUM: HorizonWindow(Horizon.MEDIUM, 6, 36, "medium-term horizon (1–3 years)"),
    Horizon.LONG: HorizonWindow(Horizon.LONG, 36, 120, "long-term horizon (5–10 years)"),
}
"""Windows with some slack between them: a 9-month goal is medium, a 4-year one long."""


def is_overdue(milestone: MilestoneShape, today: dt.date) -> bool:
    """Not done and its date has passed."""
    return milestone.done_at is None and milestone.due < today


def is_due_soon(milestone: MilestoneShape, today: dt.date, days: int = DUE_SOON_DAYS) -> bool:
    """Not done and due between today and `days` from now (inclusive)."""
    return milestone.done_at is None and today <= milestone.due <= shift_days(today, days)


def goal_is_overdue(goal: GoalShape, today: dt.date) -> bool:
    """An open goal past its due date."""
    return goal.is_open and goal.due is not None and goal.due < today


def days_until(day: dt.date, today: dt.date) -> int:
    """Negative when `day` has passed."""
    return (day - today).days


def horizon_window(horizon: Horizon) -> HorizonWindow:
    return HORIZON_WINDOWS[horizon]


def horizon_problem(goal: Goal, today: dt.date) -> str | None:
    """Why the goal's due date does not fit its horizon, or None when it fits.

    Counted from the goal's start, else from the day it was created, else from today.
    A due date before that origin says nothing about the horizon (the goal is simply
    late), so it is not a horizon problem.
    """
    if goal.due is None:
        return None
    window = HORIZON_WINDOWS[goal.horizon]
    origin = goal.start or goal.created or today
    if goal.due < origin:
        return None
    latest = add_months(origin, window.max_months)
    earliest = add_months(origin, window.min_months)
    if goal.due > latest:
        if goal.horizon is Horizon.LONG:
            return (
                f"due {goal.due.isoformat()} is beyond a {window.label}: "
                f"set a date within {window.max_months // 12} years"
            )
        better = _horizon_words(suggest_horizon(goal.due, origin))
        return (
            f"due {goal.due.isoformat()} is outside a {window.label}: "
            f"make it {better} or set a sooner date"
        )
    if goal.due < earliest:
        better = _horizon_words(suggest_horizon(goal.due, origin))
        return (
            f"due {goal.due.isoformat()} is sooner than a {window.label}: "
            f"make it {better} or set a later date"
        )
    return None


def _horizon_words(horizon: Horizon) -> str:
    return HORIZON_WINDOWS[horizon].label.split(" horizon")[0]


def suggest_horizon(due: dt.date, today: dt.date) -> Horizon:
    """The horizon a due date naturally falls in."""
    if due <= add_months(today, HORIZON_WINDOWS[Horizon.SHORT].max_months):
        return Horizon.SHORT
    if due <= add_months(today, HORIZON_WINDOWS[Horizon.MEDIUM].max_months):
        return Horizon.MEDIUM
    return Horizon.LONG
