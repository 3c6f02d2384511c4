"""People use cases without the UI: a next step becomes a milestone once; follow-ups per
person come from the last interaction of any kind."""

from __future__ import annotations

import datetime as dt

import pytest

from growthtui.domain.errors import InvalidInput
from growthtui.domain.goals import Goal, Milestone
from growthtui.domain.kinds import GoalStatus, Relation
from growthtui.domain.people import Interaction, InteractionKind, Person
from growthtui.services.people import (
    default_due,
    default_goal,
    follow_ups,
    milestone_of,
    next_step_to_milestone,
)
from growthtui.store.repository import Store

TODAY = dt.date(2026, 11, 24)


@pytest.fixture
def priya(store: Store) -> tuple[Person, Goal, Interaction]:
    goal = store.add(Goal(title="Become a staff engineer"))
    person = store.add(
        Person(name="Priya", relation=Relation.MENTOR, follow_up_days=21, goal_ids=[goal.id or 0])
    )
    talk = store.add(
        Interaction(
            person_id=person.id or 0,
            date=TODAY,
            summary="1:1 on the RFC",
            advice="Lead with the failure modes",
            next_step="Draft the RFC by the 15th",
        )
    )
    return person, goal, talk


def test_a_next_step_becomes_a_milestone_on_the_goal_and_the_link_is_kept(
    store: Store, priya: tuple[Person, Goal, Interaction]
) -> None:
    _, goal, talk = priya
    milestone = next_step_to_milestone(store, talk, goal, dt.date(2026, 12, 15))
    stored = store.list(Milestone)
    assert [(m.goal_id, m.title, m.due) for m in stored] == [
        (goal.id, "Draft the RFC by the 15th", dt.date(2026, 12, 15))
    ]
    assert store.get(Interaction, talk.id or 0).milestone_id == milestone.id
    assert milestone_of(store, store.get(Interaction, talk.id or 0)) == stored[0]


def test_a_next_step_is_not_turned_twice(
    store: Store, priya: tuple[Person, Goal, Interaction]
) -> None:
    _, goal, talk = priya
    next_step_to_milestone(store, talk, goal, dt.date(2026, 12, 15))
    with pytest.raises(InvalidInput, match="already milestone"):
        next_step_to_milestone(store, talk, goal, dt.date(2026, 12, 20))
    assert store.count(Milestone) == 1


def test_after_the_milestone_is_deleted_the_step_can_be_turned_again(
    store: Store, priya: tuple[Person, Goal, Interaction]
) -> None:
    _, goal, talk = priya
    first = next_step_to_milestone(store, talk, goal, dt.date(2026, 12, 15))
    store.delete(Milestone, first.id or 0)
    assert store.get(Interaction, talk.id or 0).milestone_id is None
    again = next_step_to_milestone(store, talk, goal, dt.date(2026, 12, 16), title="Draft it")
    assert [m.title for m in store.list(Milestone)] == ["Draft it"]
    assert store.get(Interaction, talk.id or 0).milestone_id == again.id


def test_one_undo_takes_back_the_milestone_and_the_link(
    store: Store, priya: tuple[Person, Goal, Interaction]
) -> None:
    _, goal, talk = priya
    writes = store.revision
    next_step_to_milestone(store, talk, goal, dt.date(2026, 12, 15))
    assert store.revision[1] == writes[1] + 1  # one write
    assert store.undo_description() == "turn a next step into a milestone"
    store.undo()
    assert store.get(Interaction, talk.id or 0).milestone_id is None
    assert store.count(Milestone) == 0
    assert store.get(Interaction, talk.id or 0) == talk  # the conversation itself stays


def test_no_next_step_no_milestone(store: Store, priya: tuple[Person, Goal, Interaction]) -> None:
    person, goal, _ = priya
    quiet = store.add(Interaction(person_id=person.id or 0, date=TODAY, summary="Coffee"))
    with pytest.raises(InvalidInput, match="no next step"):
        next_step_to_milestone(store, quiet, goal, TODAY)
    assert store.count(Milestone) == 0


def test_the_default_goal_is_an_open_goal_the_person_helps_with(store: Store) -> None:
    dropped = store.add(Goal(title="Old", status=GoalStatus.DROPPED))
    store.add(Goal(title="Other"))
    theirs = store.add(Goal(title="Theirs"))
    person = Person(name="Sam", goal_ids=[dropped.id or 0, theirs.id or 0])
    goals = store.list(Goal)
    assert default_goal(person, goals) == theirs
    assert default_goal(Person(name="Nobody"), goals) is None


def test_the_default_due_date_is_the_follow_up_date_unless_it_has_passed() -> None:
    talk = Interaction(person_id=1, date=TODAY, summary="x", next_step="y")
    assert default_due(talk, TODAY) == dt.date(2026, 12, 8)
    ahead = talk.model_copy(update={"follow_up_on": dt.date(2026, 12, 1)})
    assert default_due(ahead, TODAY) == dt.date(2026, 12, 1)
    passed = talk.model_copy(update={"follow_up_on": dt.date(2026, 11, 1)})
    assert default_due(passed, TODAY) == dt.date(2026, 12, 8)


def test_follow_ups_per_person_restart_on_any_kind_of_contact(
    store: Store, priya: tuple[Person, Goal, Interaction]
) -> None:
    person, _, _ = priya
    silent = store.add(Person(name="Diego", follow_up_days=60, max_gap_days=120))
    store.add(Interaction(person_id=silent.id or 0, date=dt.date(2026, 6, 1), summary="Met"))
    by_person = follow_ups(store, TODAY)
    assert by_person[person.id or 0].due == dt.date(2026, 12, 15)
    assert by_person[silent.id or 0].losing_touch
    store.add(
        Interaction(
            person_id=silent.id or 0, date=TODAY, kind=InteractionKind.MESSAGE, summary="Ping"
        )
    )
    again = follow_ups(store, TODAY)[silent.id or 0]
    assert not again.losing_touch
    assert again.due == dt.date(2027, 1, 23)


def test_a_next_step_near_the_calendar_end_is_due_on_its_last_day() -> None:
    last_week = dt.date(9999, 12, 25)
    talk = Interaction(person_id=1, date=last_week, summary="coffee", next_step="write up")
    assert default_due(talk, last_week) == dt.date.max
