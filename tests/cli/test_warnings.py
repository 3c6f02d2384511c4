"""A due date in the past, or a milestone due before its goal starts: stored all the same
(a person may be recording what already happened), with one line on stderr saying so.
The same words whichever way the record is stored: the Store's, or the quick
way on a sealed store."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from growthtui.domain.evidence import Evidence
from growthtui.domain.goals import Goal, Milestone
from growthtui.store.goal_peek import goal_start
from growthtui.store.repository import Store

if TYPE_CHECKING:  # fixtures' types, from tests/cli/conftest.py
    from conftest import Run

START = dt.date(2027, 3, 1)


@pytest.fixture(params=["store", "quick"])
def data(request: pytest.FixtureRequest, tmp_path: Path, today: dt.date) -> Path:
    """A store holding goal 1, which starts on START. "quick": sealed, with a record of each
    kind the quick way adds and today's backup, so the quick write takes the plain forms."""
    path = tmp_path / "growth.json"
    store = Store.open(path, today=lambda: today)
    store.add(Goal(title="Speak at a conference", start=START, due=dt.date(2028, 2, 1)))
    if request.param == "quick":
        store.add(Milestone(goal_id=1, title="Pick a topic", due=START))
        store.add(Evidence.build(date=today, text="Led the review"))
    else:
        path.with_name(".growth.json.seal").unlink()  # the Store's way, every time
    return path


def _milestones(path: Path, today: dt.date) -> dict[str, dt.date]:
    return {m.title: m.due for m in Store.open(path, today=lambda: today).list(Milestone)}


@pytest.mark.parametrize("due", ["2020-01-01", "-1d", "yesterday"])
def test_a_goal_due_in_the_past_is_stored_with_a_warning(
    run: Run, data: Path, today: dt.date, due: str
) -> None:
    result = run("add", "goal", "Write it up", f"--due={due}", "--data", data)
    assert result.code == 0, result.err
    assert result.out.startswith("added goal ")
    [line] = result.err_lines
    stored = [
        g
        for g in Store.open(data, today=lambda: today).list(Goal)
        if g.title != "Speak at a conference"
    ]
    assert [g.title for g in stored] == ["Write it up"] and stored[0].due is not None
    assert line == (
        f"growthtui: warning: the due date {stored[0].due} is in the past; "
        "it was stored all the same"
    )


def test_a_milestone_due_before_its_goal_starts_is_stored_with_a_warning(
    run: Run, data: Path, today: dt.date
) -> None:
    result = run("add", "milestone", "1", "Draft", "--due", "2027-01-15", "--data", data)
    assert result.code == 0, result.err
    assert result.err_lines == [
        "growthtui: warning: the due date 2027-01-15 is before goal 1 starts (2027-03-01); "
        "it was stored all the same"
    ]
    assert _milestones(data, today)["Draft"] == dt.date(2027, 1, 15)


def test_both_at_once_is_still_one_line(run: Run, data: Path) -> None:
    result = run("add", "milestone", "1", "Old step", "--due", "2020-01-01", "--data", data)
    assert result.code == 0
    assert result.err_lines == [
        "growthtui: warning: the due date 2020-01-01 is in the past and before goal 1 starts "
        "(2027-03-01); it was stored all the same"
    ]


@pytest.mark.parametrize("due", ["today", "2027-03-01", "2030-01-01"])
def test_a_date_from_today_and_from_the_goals_start_needs_no_warning(
    run: Run, data: Path, due: str
) -> None:
    goal = run("add", "goal", "Fine", "--due", due, "--data", data)
    milestone = run("add", "milestone", "1", "Fine", "--due", due, "--data", data)
    assert (goal.code, goal.err) == (0, "")
    if due == "today":  # before the goal's start: that one warning only
        [line] = milestone.err_lines
        assert line.endswith("is before goal 1 starts (2027-03-01); it was stored all the same")
    else:
        assert (milestone.code, milestone.err) == (0, "")


@settings(max_examples=25, deadline=None)
@given(
    starts=st.lists(st.one_of(st.none(), st.dates()), min_size=1, max_size=12),
    asked=st.integers(0, 14),
)
def test_the_quick_ways_goal_start_is_the_stores(starts: list[dt.date | None], asked: int) -> None:
    """goal_peek reads a goal's start from the sealed file's text: for any goals it says
    what the Store says (milestones with the same ids beside them), None for no goal."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "growth.json"
        store = Store.open(path, today=lambda: dt.date(2026, 11, 24))
        goals = store.add_many([Goal(title=f"Goal {n}", start=s) for n, s in enumerate(starts)])
        store.add_many([Milestone(goal_id=1, title="Step", due=dt.date(2027, 1, 1))] * 3)
        expected = {g.id: g.start for g in goals}
        assert goal_start(path, asked) == expected.get(asked)
        for goal_id, start in expected.items():
            assert goal_start(path, goal_id or 0) == start
        os.utime(path)  # no longer the version the Store sealed: it cannot tell
        assert all(goal_start(path, goal_id or 0) is None for goal_id in expected)
