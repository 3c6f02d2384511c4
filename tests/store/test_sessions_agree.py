"""Whatever two sessions do to one file, each one's view after a refresh is what a fresh
open of the file shows: the in-memory records never drift from the disk."""

from __future__ import annotations

import contextlib
import datetime as dt
import random
from pathlib import Path

import pytest

from growthtui.domain.errors import GrowthError
from growthtui.domain.evidence import Evidence
from growthtui.domain.goals import CheckIn, Goal, Milestone
from growthtui.domain.people import Person
from growthtui.store.repository import Store


def _one_step(store: Store, rng: random.Random, today: dt.date) -> None:
    goals = store.list(Goal)
    goal_id = rng.choice(goals).id if goals else None
    roll = rng.random()
    if roll < 0.25 or goal_id is None:
        store.add(Goal(title=f"Goal {rng.randrange(1000)}", notes="x" * rng.randrange(50)))
    elif roll < 0.4:
        store.add(Milestone(goal_id=goal_id, title="Step", due=today))
    elif roll < 0.5:
        store.add(CheckIn(goal_id=goal_id, date=today, value=rng.randrange(10)))
    elif roll < 0.6:
        person = store.add(Person(name="Sam", goal_ids=[goal_id]))
        store.add(Evidence(date=today, text="Win", goal_ids=[goal_id], person_ids=[person.id or 0]))
    elif roll < 0.75:
        goal = store.get(Goal, goal_id)
        store.update(goal.model_copy(update={"title": f"Renamed {rng.randrange(1000)}"}))
    elif roll < 0.85:
        store.delete(Goal, goal_id)
    elif roll < 0.92:
        store.undo()
    elif roll < 0.96:  # refused: links to nothing, rolled back in memory
        store.add(Milestone(goal_id=10_000, title="Dangling", due=today))
    else:  # refused half-way through a bulk change
        store.merge([Goal(id=9_000, title="New"), CheckIn(goal_id=9_999, date=today)])


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_two_sessions_always_agree_with_the_file(
    seed: int, store_path: Path, today: dt.date
) -> None:
    rng = random.Random(seed)
    sessions = [Store.open(store_path, today=lambda: today) for _ in range(2)]
    for _ in range(80):
        acting = rng.choice(sessions)
        # A refusal (a conflict, nothing to undo, a dangling link) writes nothing.
        with contextlib.suppress(GrowthError):
            _one_step(acting, rng, today)
        on_disk = Store.open(store_path).dump()
        assert acting.dump() == on_disk
        for session in sessions:
            session.refresh()
            assert session.dump() == on_disk
