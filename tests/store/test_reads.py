"""Reads come from memory while the file is unchanged: no re-parse per keystroke."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from growthtui.domain.entities import ENTITIES
from growthtui.domain.goals import Goal, Milestone
from growthtui.services.seed import seed
from growthtui.store.repository import Store


def test_reads_do_not_parse_the_file_again(store_path: Path, today: dt.date) -> None:
    seed(Store.open(store_path, today=lambda: today), today, scale=500)
    store = Store.open(store_path, today=lambda: today)
    parsed = store.parse_count
    first_goal = store.list(Goal)[0]

    for _ in range(200):  # a screen redrawing on every keystroke
        for model in ENTITIES:
            store.list(model)
        store.get(Goal, first_goal.id or 0)
        store.profile()
        assert not store.refresh()

    assert store.parse_count == parsed


def test_own_writes_do_not_parse_the_file_again(store_path: Path, today: dt.date) -> None:
    store = Store.open(store_path, today=lambda: today)
    goal = store.add(Goal(title="Ship the mobile app"))
    parsed = store.parse_count
    step = store.add(Milestone(goal_id=goal.id or 0, title="Beta", due=today))
    store.update(step.model_copy(update={"done_at": today}))
    store.delete(Milestone, step.id or 0)
    store.undo()
    assert store.get(Milestone, step.id or 0).done_at == today
    assert store.parse_count == parsed


def test_another_sessions_write_is_picked_up_with_one_parse(
    store_path: Path, today: dt.date
) -> None:
    here = Store.open(store_path, today=lambda: today)
    here.add(Goal(title="Mine"))
    there = Store.open(store_path, today=lambda: today)
    there.add(Goal(title="Theirs"))
    parsed = here.parse_count
    revision = here.revision

    assert here.changed_on_disk()
    assert here.refresh() is True
    assert here.parse_count == parsed + 1
    assert [g.title for g in here.list(Goal)] == ["Mine", "Theirs"]
    assert here.revision != revision
    assert here.refresh() is False
    assert here.parse_count == parsed + 1
