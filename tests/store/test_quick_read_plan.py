"""The plain records `growthtui list` reads from a sealed file (store.quick_read): the
same goals, milestones and check-ins the Store reads, and None, never a guess, when the
text is not laid out as the Store lays it out."""

from __future__ import annotations

import datetime as dt

import pytest

from growthtui.domain.goals import CheckIn, Goal, Milestone
from growthtui.services.seed import seed
from growthtui.store import quick_read
from growthtui.store.repository import Store


def test_the_plain_records_hold_what_the_models_hold(store: Store, today: dt.date) -> None:
    seed(store, today, 800)
    assert store.path is not None
    plain = quick_read.read_plan_records(store.path)
    assert plain is not None
    goals = {goal.id: goal for goal in store.list(Goal)}
    assert [g.id for g in plain.goals] == sorted(goals)
    for goal in plain.goals:
        model = goals[goal.id]
        for name in ("title", "horizon", "status", "parent_id", "specific", "achievable",
                     "relevant", "start", "due", "created"):  # fmt: skip
            assert getattr(goal, name) == getattr(model, name), name
        assert tuple(goal.measure) == tuple(model.measure.model_dump().values())
        assert goal.measure.is_set == model.measure.is_set
        assert [(c.at, c.field) for c in goal.history] == [(c.at, c.field) for c in model.history]
        assert bool(goal.trait_ids or goal.skill_ids) == bool(model.trait_ids or model.skill_ids)
    milestones = store.list(Milestone)
    assert [(m.id, m.goal_id, m.title, m.due, m.done_at) for m in milestones] == [
        tuple(m) for m in plain.milestones
    ]
    checkins = store.list(CheckIn)
    assert [(c.id, c.goal_id, c.date, c.value) for c in checkins] == [
        tuple(c) for c in plain.checkins
    ]


@pytest.mark.parametrize(
    "text",
    [
        b'{"goals": {"1": {"title": "x"}}}',  # one line: not the Store's layout
        b'{\n  "goals": [\n  ]\n}',  # not a table
        b'{\n  "goals": {\n    "1": {}',  # cut short
    ],
)
def test_a_table_not_laid_out_as_the_store_lays_it_out_is_left_to_the_store(text: bytes) -> None:
    with pytest.raises(quick_read._Unsure):
        quick_read._table_of(text, "goals")


def test_a_kind_with_no_records_reads_as_empty() -> None:
    assert quick_read._table_of(b'{\n  "goals": {},\n  "meta": {}\n}', "goals") == {}
    assert quick_read._table_of(b'{\n  "meta": {}\n}', "checkins") == {}
