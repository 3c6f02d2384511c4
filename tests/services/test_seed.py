"""The sample person is data: one JSON export, dated relative to the day it is seeded."""

from __future__ import annotations

import datetime as dt

import pytest

from growthtui.domain.base import Record
from growthtui.domain.errors import InvalidInput
from growthtui.domain.goals import Goal, Milestone
from growthtui.domain.profile import Profile
from growthtui.services.seed import MAX_SCALE, sample_export, seed
from growthtui.store.repository import Store

ANCHOR = dt.date(2026, 11, 24)


def _store(today: dt.date) -> Store:
    return Store.in_memory(today=lambda: today)


def test_the_sample_person_is_seeded_through_the_import() -> None:
    store = _store(ANCHOR)
    count = seed(store, ANCHOR)
    assert count == sum(store.count(model) for model in _kinds())
    assert store.profile().name == "Alex Rivera"
    assert store.count(Goal) == 10
    # One write, one undo: the person can take the whole sample back.
    assert store.undo() == "seed sample data"
    assert store.is_empty()


def test_dates_follow_the_day_it_is_seeded() -> None:
    later = ANCHOR + dt.timedelta(days=100)
    at_anchor, moved = _store(ANCHOR), _store(later)
    seed(at_anchor, ANCHOR)
    seed(moved, later)
    for before in at_anchor.list(Milestone):
        after = moved.get(Milestone, before.id or 0)
        assert after.title == before.title
        assert (after.due - later) == (before.due - ANCHOR)
    goal = at_anchor.list(Goal, where=lambda g: bool(g.history))[0]
    shifted = moved.get(Goal, goal.id or 0)
    assert [
        c.at - goal_change.at for c, goal_change in zip(shifted.history, goal.history, strict=True)
    ] == [dt.timedelta(days=100)] * len(goal.history)


def test_the_export_keeps_links_and_text() -> None:
    sample = sample_export(ANCHOR)
    goal_ids = {goal["id"] for goal in sample["goals"]}
    assert all(m["goal_id"] in goal_ids for m in sample["milestones"])
    assert all(g["parent_id"] in goal_ids for g in sample["goals"] if g["parent_id"])


def test_scale_adds_years_of_history() -> None:
    store = _store(ANCHOR)
    assert seed(store, ANCHOR, scale=2_000) == 2_000
    assert sum(store.count(model) for model in _kinds()) == 2_000
    assert min(m.due for m in store.list(Milestone)) < ANCHOR - dt.timedelta(days=3000)


def test_seed_refuses_a_store_with_records_and_a_scale_out_of_range() -> None:
    store = _store(ANCHOR)
    store.add(Goal(title="mine"))
    with pytest.raises(InvalidInput, match="already has records"):
        seed(store, ANCHOR)
    with pytest.raises(InvalidInput, match="--scale"):
        seed(_store(ANCHOR), ANCHOR, scale=MAX_SCALE + 1)
    assert store.count(Goal) == 1 and store.profile() == Profile()


def _kinds() -> list[type[Record]]:
    from growthtui.domain.entities import ENTITIES

    return list(ENTITIES)
