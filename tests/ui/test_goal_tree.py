"""The Goals tree's order and indent guides (goal_tree), as the list and the bars draw them."""

from __future__ import annotations

import datetime as dt

from growthtui.domain.goals import Goal
from growthtui.domain.kinds import Horizon
from growthtui.ui.glyphs import ASCII, UNICODE
from growthtui.ui.screens.goals import goal_tree


def _goal(gid: int, horizon: Horizon, due: dt.date | None, parent: int | None = None) -> Goal:
    return Goal(id=gid, title=f"goal {gid}", horizon=horizon, due=due, parent_id=parent)


def test_stones_follow_their_goal_by_horizon_then_due_date_with_guides() -> None:
    goals = [
        _goal(1, Horizon.LONG, dt.date(2030, 1, 1)),
        _goal(2, Horizon.MEDIUM, None, parent=1),  # no due date: after the dated ones
        _goal(3, Horizon.MEDIUM, dt.date(2027, 1, 1), parent=1),
        _goal(4, Horizon.SHORT, dt.date(2026, 12, 1), parent=3),
        _goal(5, Horizon.SHORT, dt.date(2026, 11, 1), parent=3),
        _goal(6, Horizon.SHORT, dt.date(2026, 10, 1), parent=2),
        _goal(7, Horizon.SHORT, dt.date(2026, 9, 1)),  # a root of its own
        _goal(8, Horizon.SHORT, dt.date(2026, 9, 1), parent=99),  # its parent is not listed
    ]
    assert [(goal.id, guide) for goal, guide in goal_tree(goals, UNICODE)] == [
        (1, ""),
        (3, "├ "),
        (5, "│ ├ "),
        (4, "│ └ "),
        (2, "└ "),
        (6, "  └ "),
        (7, ""),
        (8, ""),
    ]
    ascii_guides = [guide for _goal_shown, guide in goal_tree(goals, ASCII)]
    assert ascii_guides[1:6] == [
        ASCII.branch,
        ASCII.pipe + ASCII.branch,
        ASCII.pipe + ASCII.last_branch,
        ASCII.last_branch,
        "  " + ASCII.last_branch,
    ]


def test_goals_whose_parents_form_a_circle_are_left_out() -> None:
    goals = [
        _goal(1, Horizon.LONG, None, parent=2),
        _goal(2, Horizon.LONG, None, parent=1),
        _goal(3, Horizon.SHORT, None),
    ]
    assert [goal.id for goal, _guide in goal_tree(goals)] == [3]
