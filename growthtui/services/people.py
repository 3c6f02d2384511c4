"""People use cases: follow-ups per person, and turning a conversation's next step into a
milestone on a goal (once)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

from growthtui.domain.cadence import FollowUp, follow_up
from growthtui.domain.dates import shift_days
from growthtui.domain.errors import InvalidInput
from growthtui.domain.goals import Goal, Milestone
from growthtui.domain.people import Interaction, Person
from growthtui.store.repository import Store

NEXT_STEP_DAYS = 14
"""A next step without a (future) follow-up date becomes a milestone due two weeks out."""


def follow_ups(store: Store, today: dt.date) -> dict[int, FollowUp[Person]]:
    """Each person's follow-up (by person id), from their last interaction of any kind."""
    by_person: dict[int, list[Interaction]] = defaultdict(list)
    for interaction in store.list(Interaction):
        by_person[interaction.person_id].append(interaction)
    return {
        person.id: follow_up(person, by_person.get(person.id, []), today)
        for person in store.list(Person)
    }


def milestone_of(store: Store, interaction: Interaction) -> Milestone | None:
    """The milestone this interaction's next step already became, if it still exists."""
    return store.find(Milestone, interaction.milestone_id)


def default_goal(person: Person | None, goals: Sequence[Goal]) -> Goal | None:
    """The goal a next step most likely serves: the first open goal the person helps with."""
    if person is None:
        return None
    linked = set(person.goal_ids)
    return next((g for g in goals if g.id in linked and g.is_open), None)


def default_due(interaction: Interaction, today: dt.date) -> dt.date:
    """The interaction's follow-up date when it is still ahead (or today), else two weeks
    from today: a milestone that is overdue the moment it is made helps nobody."""
    if interaction.follow_up_on is not None and interaction.follow_up_on >= today:
        return interaction.follow_up_on
    return shift_days(today, NEXT_STEP_DAYS)


def next_step_to_milestone(
    store: Store,
    interaction: Interaction,
    goal: Goal,
    due: dt.date,
    title: str | None = None,
    notes: str = "",
) -> Milestone:
    """Make the next step of `interaction` a milestone on `goal` due on `due`, and record
    the link on the interaction so the same step is not turned twice.

    `title` defaults to the next step itself. Raises InvalidInput when there is no next
    step or it already became a milestone that still exists.
    """
    current = store.get(Interaction, interaction.id)
    if not current.next_step and not title:
        raise InvalidInput(
            "this conversation has no next step to turn into a milestone: "
            "edit it (e) and write the next step first"
        )
    existing = milestone_of(store, current)
    if existing is not None:
        raise InvalidInput(
            f"this next step is already milestone #{existing.id} '{existing.title}' "
            f"(goal #{existing.goal_id}); edit that milestone instead"
        )
    with store.transaction("turn a next step into a milestone"):  # one write, one `u`
        milestone = store.add(
            Milestone.build(goal_id=goal.id, title=title or current.next_step, due=due, notes=notes)
        )
        store.update(current.edit(milestone_id=milestone.id), base=current)
    return milestone
