"""Follow-ups and losing touch, as the People screen shows them, on fixed dates."""

from __future__ import annotations

import datetime as dt
from itertools import count

import pytest

from growthtui.domain.cadence import follow_up, follow_ups_due, losing_touch
from growthtui.domain.kinds import Relation
from growthtui.domain.people import Interaction, InteractionKind, Person

TODAY = dt.date(2026, 11, 24)
_ids = count(100)

PRIYA = Person(id=1, name="Priya", relation=Relation.MENTOR, follow_up_days=21)
DIEGO = Person(id=2, name="Diego", follow_up_days=60, max_gap_days=120)
LENA = Person(id=3, name="Lena", relation=Relation.MENTEE, follow_up_days=14)
NOBODY = Person(id=4, name="Quiet", follow_up_days=None)


def contact(
    person: Person,
    on: str,
    kind: InteractionKind = InteractionKind.MEETING,
    follow_up_on: str | None = None,
) -> Interaction:
    assert person.id is not None
    return Interaction(
        id=next(_ids),
        person_id=person.id,
        date=dt.date.fromisoformat(on),
        kind=kind,
        summary="talked",
        follow_up_on=dt.date.fromisoformat(follow_up_on) if follow_up_on else None,
    )


@pytest.mark.parametrize("kind", list(InteractionKind))
def test_any_kind_of_contact_restarts_the_rhythm(kind: InteractionKind) -> None:
    history = [contact(PRIYA, "2026-10-01"), contact(PRIYA, "2026-11-20", kind)]
    item = follow_up(PRIYA, history, TODAY)
    assert item.last_contact == dt.date(2026, 11, 20)
    assert item.due == dt.date(2026, 12, 11)
    assert not item.is_due


def test_logging_a_second_contact_moves_the_follow_up_date() -> None:
    first = contact(PRIYA, "2026-10-20")
    assert follow_up(PRIYA, [first], TODAY).due == dt.date(2026, 11, 10)
    assert follow_up(PRIYA, [first], TODAY).days == -14
    second = contact(PRIYA, "2026-11-24", InteractionKind.MESSAGE)
    moved = follow_up(PRIYA, [first, second], TODAY)
    assert moved.due == dt.date(2026, 12, 15)
    assert moved.days == 21


def test_a_follow_up_on_date_sooner_than_the_rhythm_is_the_due_date() -> None:
    history = [contact(PRIYA, "2026-11-20", follow_up_on="2026-11-27")]
    item = follow_up(PRIYA, history, TODAY)
    assert item.due == dt.date(2026, 11, 27)
    assert item.asked_for
    assert item.days == 3


def test_due_today_is_due_and_listed() -> None:
    history = [contact(PRIYA, "2026-11-03")]
    assert follow_up(PRIYA, history, TODAY).days == 0
    assert [f.person.name for f in follow_ups_due([PRIYA], history, TODAY)] == ["Priya"]


def test_losing_touch_starts_the_day_after_the_maximum_gap() -> None:
    at_the_gap = [contact(DIEGO, "2026-07-27")]  # 120 days ago
    past_the_gap = [contact(DIEGO, "2026-07-26")]  # 121 days ago
    assert follow_up(DIEGO, at_the_gap, TODAY).is_due
    assert not follow_up(DIEGO, at_the_gap, TODAY).losing_touch
    assert follow_up(DIEGO, past_the_gap, TODAY).losing_touch


def test_without_a_maximum_gap_losing_touch_is_twice_the_rhythm() -> None:
    assert not follow_up(LENA, [contact(LENA, "2026-10-27")], TODAY).losing_touch  # 28 days
    lost = follow_up(LENA, [contact(LENA, "2026-10-26")], TODAY)  # 29 days
    assert lost.losing_touch
    assert lost.describe() == (
        "follow up with Lena (mentee) — losing touch: 29 days since your last contact"
    )


def test_the_losing_touch_list_has_the_longest_silence_first_and_nobody_else() -> None:
    people = [PRIYA, DIEGO, LENA, NOBODY]
    history = [
        contact(PRIYA, "2026-09-01"),  # 84 days, rhythm 21: lost
        contact(DIEGO, "2026-06-01"),  # 176 days, max 120: lost
        contact(LENA, "2026-11-10"),  # 14 days: due today, not lost
        contact(NOBODY, "2020-01-01"),  # no rhythm: never lost
    ]
    assert [f.person.name for f in losing_touch(people, history, TODAY)] == ["Diego", "Priya"]
    due = follow_ups_due(people, history, TODAY)
    assert [f.person.name for f in due] == ["Diego", "Priya", "Lena"]


def test_someone_elses_contact_does_not_restart_the_rhythm() -> None:
    history = [contact(PRIYA, "2026-09-01"), contact(LENA, "2026-11-24")]
    assert follow_up(PRIYA, history, TODAY).losing_touch
