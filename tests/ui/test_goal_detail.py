"""The goal detail pane's text: everything about a goal, laid out so that moving the cursor
to another goal moves few lines (the terminal is sent only the cells that differ)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest
from rich.console import Console

from growthtui.domain.goals import CheckIn, Goal, Measure, Milestone
from growthtui.ui.glyphs import UNICODE
from growthtui.ui.screens.goal_detail import goal_detail

TODAY = dt.date(2026, 11, 24)


def _lines(goal: Goal, milestones: Sequence[Milestone] = (), width: int = 0) -> list[str]:
    """The pane's text, one line per paragraph, or as the pane wraps it at `width`."""
    text = goal_detail(goal, TODAY, milestones, list[CheckIn](), None, [], UNICODE)
    if not width:
        return text.plain.splitlines()
    return [line.plain for line in text.wrap(Console(width=width), width)]


def _at(lines: list[str], start: str) -> int:
    return next(n for n, line in enumerate(lines) if line.startswith(start))


# A goal that passes every letter, and one that fails four with long reasons, has no due
# date and counts its progress by milestones.
WELL_SET = Goal(
    id=1,
    title="Become a staff engineer",
    horizon="medium",
    specific="Be promoted to staff engineer, owning the payments architecture",
    measure=Measure(metric="teams migrated", baseline=0, current=1, target=3),
    achievable="Two focus days a week",
    relevant="Cross-team leadership is the gap to staff",
    due=dt.date(2027, 12, 24),
)
VAGUE = Goal(id=2, title="Improve")
STEPS = [
    Milestone(id=1, goal_id=2, title="First step", due=dt.date(2026, 12, 1), done_at=TODAY),
    Milestone(id=2, goal_id=2, title="Second step", due=dt.date(2027, 1, 1)),
]


@pytest.mark.parametrize("width", [30, 42])  # the pane at 80 and at 120 columns
def test_the_fields_start_on_the_same_line_whatever_the_goal(width: int) -> None:
    well_set, vague = _lines(WELL_SET, width=width), _lines(VAGUE, STEPS, width=width)
    for start in ("Progress", "SMART ", "What exactly"):
        assert _at(well_set, start) == _at(vague, start), start


def test_the_facts_take_one_line_each() -> None:
    well_set, vague = _lines(WELL_SET), _lines(VAGUE, STEPS)
    assert well_set[1:3] == ["medium-term horizon · active", "due 2027-12-24 (in 13 months)"]
    assert not any("milestones done)" in line for line in well_set + vague)
    assert vague[1:3] == ["short-term horizon · active", "no due date"]


def test_the_smart_score_is_near_the_top_and_the_reasons_after_the_fields() -> None:
    well_set, vague = _lines(WELL_SET), _lines(VAGUE, STEPS)
    assert well_set[_at(well_set, "SMART ")].split() == ["SMART", "5/5", "SMART"]
    assert vague[_at(vague, "SMART ")].split() == ["SMART", "2/5", "·MA··"]
    reasons = vague[_at(vague, "SMART check:") :]
    assert _at(vague, "SMART check:") > _at(vague, "Start")
    assert any("no 'what exactly'" in line for line in reasons)
    assert any("no due date: by when" in line for line in reasons)


def test_where_the_progress_comes_from_is_said_by_the_measure_and_the_milestones() -> None:
    well_set, vague = _lines(WELL_SET), _lines(VAGUE, STEPS)
    assert well_set[_at(well_set, "Progress")].rstrip().endswith("33%")
    assert "teams migrated: from 0, now 1, target 3" in well_set[_at(well_set, "Measure")]
    assert vague[_at(vague, "Progress")].rstrip().endswith("50%")
    assert vague[_at(vague, "Milestones")].startswith("Milestones  1 of 2 done")
