"""The services behind the shell's writes (and, once pointed at them, the app's): a goal
edit needs a reason for a field that keeps history, a milestone or a learning item done
once, a check-in's value a number; refused, they write nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from growthtui.domain.errors import InvalidInput, NotFound
from growthtui.domain.goals import CheckIn, Goal, Milestone
from growthtui.domain.kinds import GoalStatus
from growthtui.domain.learning import LearningItem, LearningStatus
from growthtui.services import checkins, goals, learning, milestones, records
from growthtui.services.listing import goal_tree
from growthtui.store.repository import Store


def test_a_tracked_field_changes_only_with_a_reason(store: Store) -> None:
    goal = store.add(Goal(title="Ship the RFC", due=dt.date(2027, 1, 31)))
    before = store.path.read_bytes() if store.path else b""
    with pytest.raises(InvalidInput, match="changing the due date of goal 1 needs a reason") as no:
        goals.edit_goal(store, 1, {"due": dt.date(2027, 2, 28)}, reason="  ")
    assert no.value.field == "reason"
    assert store.path is not None and store.path.read_bytes() == before
    edited = goals.edit_goal(store, 1, {"due": dt.date(2027, 2, 28)}, reason="finance late")
    assert edited.due == dt.date(2027, 2, 28)
    assert [(c.field, c.reason) for c in edited.history] == [("due", "finance late")]
    assert goal.id == edited.id


def test_an_untracked_field_or_no_change_needs_no_reason(store: Store) -> None:
    store.add(Goal(title="Ship the RFC"))
    assert goals.edit_goal(store, 1, {"notes": "a note"}).notes == "a note"
    same = goals.edit_goal(store, 1, {"title": "Ship the RFC"})
    assert same.history == []


def test_an_edit_of_a_goal_not_there_is_not_found(store: Store) -> None:
    with pytest.raises(NotFound):
        goals.edit_goal(store, 9, {"status": GoalStatus.DROPPED}, reason="x")


def test_a_milestone_is_done_once(store: Store, today: dt.date) -> None:
    store.add(Goal(title="Ship the RFC"))
    store.add(Milestone(goal_id=1, title="Draft", due=today))
    assert milestones.mark_done(store, 1, today).done_at == today
    with pytest.raises(InvalidInput, match="milestone 1 is done already"):
        milestones.mark_done(store, 1, today)
    assert records.undo_latest(store) == "edit milestone 1"
    assert store.get(Milestone, 1).done_at is None


def test_a_learning_item_is_done_once_and_can_be_taken_up_again(
    store: Store, today: dt.date
) -> None:
    store.add(LearningItem(title="Designing Data-Intensive Applications"))
    done = learning.mark_done(store, 1, today)
    assert (done.status, done.completed) == (LearningStatus.DONE, today)
    with pytest.raises(InvalidInput, match="learning item 1 is done already on 2026-11-24"):
        learning.mark_done(store, 1, today)
    again = learning.reopen(store, 1)
    assert (again.status, again.completed) == (LearningStatus.IN_PROGRESS, None)
    with pytest.raises(InvalidInput, match="is not done"):
        learning.reopen(store, 1)


@pytest.mark.parametrize("value", [float("nan"), float("inf")])
def test_a_checkin_value_must_be_a_number(store: Store, today: dt.date, value: float) -> None:
    store.add(Goal(title="Ship the RFC"))
    with pytest.raises(InvalidInput, match="must be a number"):
        checkins.check_in(store, 1, value, today)
    assert store.count(CheckIn) == 0
    with pytest.raises(NotFound):
        checkins.check_in(store, 2, 3.0, today)


def test_goal_tree_puts_stones_under_their_goal_and_survives_a_circle() -> None:
    def goal(goal_id: int, horizon: str, parent: int | None = None) -> Goal:
        fields = Goal(title=f"g{goal_id}").model_dump()
        fields.update(id=goal_id, horizon=horizon, parent_id=parent)
        return Goal.model_construct(**fields)

    given = [goal(1, "short"), goal(2, "long"), goal(3, "medium", 2)]
    given += [goal(4, "short", 3), goal(5, "short", 6), goal(6, "short", 5)]
    tree = [(g.id, depth) for g, depth in goal_tree(given)]
    assert tree[:4] == [(2, 0), (3, 1), (4, 2), (1, 0)]
    assert sorted(tree[4:]) == [(5, 0), (6, 1)]  # each other's parents: each once
