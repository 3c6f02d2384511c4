"""The one way a record is saved, deleted and un-done, for the app and the command line."""

from __future__ import annotations

from growthtui.domain.goals import Goal, Milestone
from growthtui.domain.profile import Profile
from growthtui.services import records
from growthtui.store.repository import Store
from tests.conftest import TODAY


def test_a_new_record_is_added_and_an_edit_keeps_the_other_sessions_fields(store: Store) -> None:
    goal = records.save(store, Goal(title="Ship it"))
    assert goal.id == 1
    other = Store.open(store.path)  # type: ignore[arg-type]
    other.update(other.get(Goal, 1).model_copy(update={"relevant": "for the team"}))
    store.refresh()
    edited = records.save(
        store, goal.model_copy(update={"title": "Ship it well"}), base=goal, reason="clearer"
    )
    assert (edited.title, edited.relevant) == ("Ship it well", "for the team")
    assert [change.reason for change in store.history(1)] == ["clearer"]


def test_the_profile_is_one_of_a_kind(store: Store) -> None:
    records.save(store, Profile(name="Alex"))
    records.save(store, store.profile().model_copy(update={"role": "Engineer"}))
    assert len(store.list(Profile)) == 1
    assert (store.profile().name, store.profile().role) == ("Alex", "Engineer")


def test_delete_says_what_went_and_undo_brings_it_back(store: Store) -> None:
    goal = records.save(store, Goal(title="Ship it"))
    records.save(store, Milestone(goal_id=goal.id or 0, title="Draft", due=TODAY))
    assert records.delete(store, Goal, 1) == "deleted goal #1 (u undoes)"
    assert store.list(Goal) == [] and store.list(Milestone) == []
    assert records.undo(store) == "delete goal 1"
    assert [m.title for m in store.list(Milestone)] == ["Draft"]
