"""A check-in's value becomes the goal's current value, so the detail, the progress and
every export say the same number."""

from __future__ import annotations

import datetime as dt

from growthtui.domain.goals import CheckIn, Goal, Measure
from growthtui.domain.progress import goal_progress, latest_value
from growthtui.interop.formats import export_text
from growthtui.services.checkins import record_checkin
from growthtui.store.repository import Store
from tests.conftest import TODAY


def talks_goal(store: Store) -> Goal:
    return store.add(
        Goal(title="Give talks", measure=Measure(metric="talks", baseline=0, target=12, current=0))
    )


def test_a_check_in_sets_the_goal_current_value(store: Store) -> None:
    goal = talks_goal(store)
    record_checkin(store, CheckIn(goal_id=goal.id or 0, date=TODAY, value=12))
    stored = store.get(Goal, goal.id or 0)
    checkins = store.list(CheckIn)
    assert stored.measure.current == 12
    assert latest_value(stored, checkins) == 12
    assert goal_progress(stored, checkins=checkins) == 1.0
    csv = export_text(store, "csv", TODAY)
    assert any(line.startswith(f"goal,{goal.id},") and ",12," in line for line in csv.splitlines())


def test_one_undo_takes_back_the_check_in_and_the_value(store: Store) -> None:
    goal = talks_goal(store)
    record_checkin(store, CheckIn(goal_id=goal.id or 0, date=TODAY, value=5))
    store.undo()
    assert store.list(CheckIn) == []
    assert store.get(Goal, goal.id or 0).measure.current == 0


def test_a_back_dated_check_in_leaves_a_newer_value_alone(store: Store) -> None:
    goal = talks_goal(store)
    record_checkin(store, CheckIn(goal_id=goal.id or 0, date=TODAY, value=7))
    record_checkin(store, CheckIn(goal_id=goal.id or 0, date=TODAY - dt.timedelta(30), value=3))
    assert store.get(Goal, goal.id or 0).measure.current == 7


def test_a_check_in_without_a_value_changes_no_number(store: Store) -> None:
    goal = talks_goal(store)
    record_checkin(store, CheckIn(goal_id=goal.id or 0, date=TODAY, confidence=2))
    stored = store.get(Goal, goal.id or 0)
    assert (stored.measure.current, len(stored.history)) == (0, 0)
