"""The reports say the numbers the app shows: a parent moves with its stepping stones, and
a check-in's value is the current value, even in a store written before check-ins set it."""

from __future__ import annotations

import csv
import io

from growthtui.domain.goals import CheckIn, Goal, Measure, Milestone
from growthtui.domain.kinds import Horizon
from growthtui.interop.formats import export_text
from growthtui.interop.plan import read_plan
from growthtui.store.repository import Store
from tests.conftest import TODAY


def _rows(store: Store) -> dict[str, dict[str, str]]:
    text = export_text(store, "csv", TODAY).lstrip("\ufeff")  # the BOM is for spreadsheets
    return {row["id"]: row for row in csv.DictReader(io.StringIO(text)) if row["type"] == "goal"}


def test_a_parent_moves_with_its_stepping_stones_in_the_plan_and_the_csv(store: Store) -> None:
    parent = store.add(Goal(title="Become staff", horizon=Horizon.LONG))
    stone = store.add(Goal(title="Lead the redesign", parent_id=parent.id))
    store.add(Milestone(goal_id=stone.id or 0, title="RFC", due=TODAY, done_at=TODAY))
    store.add(Milestone(goal_id=stone.id or 0, title="Launch", due=TODAY))
    plan = read_plan(store, TODAY)
    assert plan.progress(parent) == plan.progress(stone) == 0.5
    assert _rows(store)[str(parent.id)]["progress_percent"] == "50"


def test_the_csv_current_is_the_latest_check_in_of_an_old_store(store: Store) -> None:
    goal = store.add(
        Goal(title="Talks", measure=Measure(metric="talks", baseline=0, target=12, current=0))
    )
    # Written as a store from before check-ins set the goal's value: the goal still says 0.
    store.add(CheckIn(goal_id=goal.id or 0, date=TODAY, value=12))
    assert store.get(Goal, goal.id or 0).measure.current == 0
    assert _rows(store)[str(goal.id)]["current"] == "12"
