"""Overdue, due soon, and whether a goal's due date fits its horizon."""

from __future__ import annotations

import datetime as dt

import pytest

from growthtui.domain.dates import add_months
from growthtui.domain.goals import Goal, Milestone
from growthtui.domain.kinds import GoalStatus, Horizon
from growthtui.domain.schedule import (
    DUE_SOON_DAYS,
    HORIZON_WINDOWS,
    days_until,
    goal_is_overdue,
    horizon_problem,
    is_due_soon,
    is_overdue,
    suggest_horizon,
)

TODAY = dt.date(2026, 11, 24)


def day(offset: int) -> dt.date:
    return TODAY + dt.timedelta(days=offset)


def milestone(due: dt.date, done_at: dt.date | None = None) -> Milestone:
    return Milestone(id=1, goal_id=1, title="Draft the RFC", due=due, done_at=done_at)


@pytest.mark.parametrize(
    ("due", "done_at", "overdue", "soon"),
    [
        (day(-30), None, True, False),
        (day(-1), None, True, False),
        (day(0), None, False, True),
        (day(1), None, False, True),
        (day(14), None, False, True),
        (day(15), None, False, False),
        (day(200), None, False, False),
        # Done milestones are never overdue nor due, whenever they were done.
        (day(-30), day(-40), False, False),
        (day(-30), day(-1), False, False),
        (day(3), day(-1), False, False),
        (day(0), day(0), False, False),
    ],
)
def test_overdue_and_due_soon_boundaries(
    due: dt.date, done_at: dt.date | None, overdue: bool, soon: bool
) -> None:
    item = milestone(due, done_at)
    assert is_overdue(item, TODAY) is overdue
    assert is_due_soon(item, TODAY) is soon


def test_due_soon_looks_two_weeks_ahead_unless_told_otherwise() -> None:
    assert DUE_SOON_DAYS == 14
    assert is_due_soon(milestone(day(7)), TODAY, days=7)
    assert not is_due_soon(milestone(day(8)), TODAY, days=7)


@pytest.mark.parametrize(
    ("status", "due", "overdue"),
    [
        (GoalStatus.ACTIVE, day(-1), True),
        (GoalStatus.PAUSED, day(-1), True),
        (GoalStatus.ACTIVE, day(0), False),
        (GoalStatus.ACTIVE, None, False),
        (GoalStatus.ACHIEVED, day(-100), False),
        (GoalStatus.DROPPED, day(-100), False),
    ],
)
def test_goal_is_overdue_only_while_open(
    status: GoalStatus, due: dt.date | None, overdue: bool
) -> None:
    goal = Goal(title="Pass the AWS exam", status=status, due=due)
    assert goal_is_overdue(goal, TODAY) is overdue


def test_days_until_is_negative_once_passed() -> None:
    assert days_until(day(5), TODAY) == 5
    assert days_until(day(-2), TODAY) == -2


# --- horizons ---------------------------------------------------------------------------


def goal(horizon: Horizon, due: dt.date | None, start: dt.date | None = None) -> Goal:
    return Goal(title="Become a staff engineer", horizon=horizon, due=due, start=start)


@pytest.mark.parametrize(
    ("horizon", "due"),
    [
        (Horizon.SHORT, day(1)),
        (Horizon.SHORT, day(30)),
        (Horizon.SHORT, dt.date(2027, 5, 24)),  # exactly six months
        (Horizon.MEDIUM, dt.date(2027, 5, 24)),
        (Horizon.MEDIUM, dt.date(2028, 6, 1)),
        (Horizon.MEDIUM, dt.date(2029, 11, 24)),  # exactly three years
        (Horizon.LONG, dt.date(2029, 11, 24)),
        (Horizon.LONG, dt.date(2033, 1, 1)),
        (Horizon.LONG, dt.date(2036, 11, 24)),  # exactly ten years
    ],
)
def test_due_dates_inside_their_horizon_are_fine(horizon: Horizon, due: dt.date) -> None:
    assert horizon_problem(goal(horizon, due), TODAY) is None


@pytest.mark.parametrize(
    ("horizon", "due", "says"),
    [
        (
            Horizon.SHORT,
            dt.date(2030, 11, 1),
            "due 2030-11-01 is outside a short-term horizon (3–6 months): make it long-term",
        ),
        (
            Horizon.SHORT,
            dt.date(2027, 8, 1),
            "outside a short-term horizon (3–6 months): make it medium-term or set a sooner",
        ),
        (
            Horizon.MEDIUM,
            dt.date(2031, 1, 1),
            "outside a medium-term horizon (1–3 years): make it long-term",
        ),
        (
            Horizon.MEDIUM,
            day(60),
            "sooner than a medium-term horizon (1–3 years): make it short-term or set a later",
        ),
        (
            Horizon.LONG,
            dt.date(2026, 12, 24),
            "due 2026-12-24 is sooner than a long-term horizon (5–10 years): make it short-term",
        ),
        (
            Horizon.LONG,
            dt.date(2028, 6, 1),
            "sooner than a long-term horizon (5–10 years): make it medium-term",
        ),
        (
            Horizon.LONG,
            dt.date(2040, 1, 1),
            "beyond a long-term horizon (5–10 years): set a date within 10 years",
        ),
    ],
)
def test_due_dates_outside_their_horizon_say_what_to_change(
    horizon: Horizon, due: dt.date, says: str
) -> None:
    problem = horizon_problem(goal(horizon, due), TODAY)
    assert problem is not None
    assert says in problem


def test_a_short_term_goal_due_in_four_years_is_flagged() -> None:
    problem = horizon_problem(goal(Horizon.SHORT, dt.date(2030, 11, 24)), TODAY)
    assert problem is not None
    assert "2030" in problem
    assert "short-term horizon" in problem


def test_a_long_goal_due_in_a_month_is_flagged() -> None:
    problem = horizon_problem(goal(Horizon.LONG, dt.date(2026, 12, 24)), TODAY)
    assert problem is not None
    assert "long-term horizon" in problem


def test_the_window_counts_from_the_start_not_from_today() -> None:
    # Started two years ago with a three-year plan: due next year is still medium-term.
    started = goal(Horizon.MEDIUM, dt.date(2027, 6, 1), start=dt.date(2024, 11, 1))
    assert horizon_problem(started, TODAY) is None
    # The same due date counted from today would be only six months away: fine for short.
    assert horizon_problem(goal(Horizon.SHORT, dt.date(2027, 5, 1)), TODAY) is None
    # And a short goal started long ago cannot stretch to three years.
    stretched = goal(Horizon.SHORT, dt.date(2027, 5, 1), start=dt.date(2024, 11, 1))
    assert horizon_problem(stretched, TODAY) is not None


def test_the_window_counts_from_creation_when_there_is_no_start() -> None:
    made = Goal(
        title="Lead the redesign",
        horizon=Horizon.MEDIUM,
        created=dt.date(2025, 6, 1),
        due=dt.date(2027, 1, 15),
    )
    assert horizon_problem(made, TODAY) is None


def test_a_past_due_date_without_start_is_late_not_on_the_wrong_horizon() -> None:
    late = goal(Horizon.MEDIUM, day(-20))
    assert horizon_problem(late, TODAY) is None


def test_no_due_date_is_no_horizon_problem() -> None:
    assert horizon_problem(goal(Horizon.SHORT, None), TODAY) is None


def test_every_horizon_has_a_window_with_words_a_person_knows() -> None:
    assert set(HORIZON_WINDOWS) == set(Horizon)
    assert HORIZON_WINDOWS[Horizon.SHORT].label == "short-term horizon (3–6 months)"
    assert HORIZON_WINDOWS[Horizon.MEDIUM].label == "medium-term horizon (1–3 years)"
    assert HORIZON_WINDOWS[Horizon.LONG].label == "long-term horizon (5–10 years)"


@pytest.mark.parametrize(
    ("due", "horizon"),
    [
        (day(-10), Horizon.SHORT),
        (day(0), Horizon.SHORT),
        (day(90), Horizon.SHORT),
        (dt.date(2027, 5, 24), Horizon.SHORT),
        (dt.date(2027, 5, 25), Horizon.MEDIUM),
        (dt.date(2028, 11, 24), Horizon.MEDIUM),
        (dt.date(2029, 11, 24), Horizon.MEDIUM),
        (dt.date(2029, 11, 25), Horizon.LONG),
        (dt.date(2035, 1, 1), Horizon.LONG),
        (dt.date(2050, 1, 1), Horizon.LONG),
    ],
)
def test_suggest_horizon(due: dt.date, horizon: Horizon) -> None:
    assert suggest_horizon(due, TODAY) is horizon


@pytest.mark.parametrize("months_ahead", [1, 5, 7, 20, 35, 37, 60, 119])
def test_a_suggested_horizon_never_has_a_horizon_problem(months_ahead: int) -> None:
    due = add_months(TODAY, months_ahead)
    assert horizon_problem(goal(suggest_horizon(due, TODAY), due), TODAY) is None


def test_the_calendars_last_day_is_a_date_like_any_other() -> None:
    last = dt.date.max
    assert is_due_soon(milestone(last), last)
    assert is_due_soon(milestone(last), dt.date(9999, 12, 20), days=365)
    assert not is_overdue(milestone(last), last)
    for horizon in Horizon:
        goal = Goal(title="Someday", horizon=horizon, start=dt.date(9999, 1, 1), due=last)
        horizon_problem(goal, last)  # a sentence or None, never an OverflowError
    assert suggest_horizon(last, dt.date(9999, 7, 1)) is Horizon.SHORT  # 6 months: clamped
    assert add_months(dt.date(9999, 6, 1), 120) == last
