"""Dates worth a second look (warnings, never refusals): a due date newly set in the past,
a milestone outside its goal's dates, a stepping stone outside its goal's."""

from __future__ import annotations

import datetime as dt

from growthtui.domain.goals import Goal, goal_due_warning, goal_start_warning, milestone_due_warning
from growthtui.domain.kinds import Horizon

TODAY = dt.date(2026, 11, 24)
RFC = Goal(id=3, title="Write the RFC", start=dt.date(2026, 12, 1), due=dt.date(2027, 3, 1))
STAFF = Goal(
    id=1,
    title="Become staff",
    horizon=Horizon.LONG,
    start=dt.date(2026, 1, 1),
    due=dt.date(2030, 1, 1),
)


def test_a_milestone_outside_its_goal_or_newly_in_the_past() -> None:
    before = milestone_due_warning(dt.date(2026, 11, 30), RFC, TODAY)
    assert before == (
        "due before #3 Write the RFC starts (2026-12-01): move it later, or the goal's start "
        "earlier"
    )
    after = milestone_due_warning(dt.date(2027, 4, 1), RFC, TODAY)
    assert after is not None and after.startswith("due after #3 Write the RFC is due (2027-03-01)")
    free = Goal(id=4, title="Free")
    past = milestone_due_warning(dt.date(2026, 1, 15), free, TODAY)
    assert past is not None and past.startswith("2026-01-15 is in the past")
    # a date it already had is not warned about again; one within the goal is fine
    assert (
        milestone_due_warning(dt.date(2026, 1, 15), free, TODAY, was=dt.date(2026, 1, 15)) is None
    )
    assert milestone_due_warning(dt.date(2027, 1, 10), RFC, TODAY) is None


def test_a_stepping_stone_outside_its_goal() -> None:
    early = goal_due_warning(dt.date(2025, 12, 1), TODAY, STAFF)
    assert early is not None and early.startswith("due before #1 Become staff starts")
    late = goal_due_warning(dt.date(2031, 1, 1), TODAY, STAFF)
    assert late is not None and late.startswith("due after #1 Become staff is due")
    assert goal_due_warning(dt.date(2027, 6, 1), TODAY, STAFF) is None
    start = goal_start_warning(dt.date(2025, 6, 1), STAFF)
    assert start == "starts before #1 Become staff does (2026-01-01)"
    assert goal_start_warning(dt.date(2026, 6, 1), STAFF) is None
    assert goal_due_warning(dt.date(2026, 6, 1), TODAY) is not None  # past, no parent
