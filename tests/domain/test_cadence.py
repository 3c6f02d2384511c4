"""Rhythms: when the next review is due, and when to follow up with a person."""

from __future__ import annotations

import datetime as dt
from itertools import count

import pytest

from growthtui.domain.cadence import (
    follow_up,
    follow_ups_due,
    last_review,
    losing_touch,
    next_after,
    period_bounds,
    review_due,
)
from growthtui.domain.kinds import Cadence, Relation
from growthtui.domain.people import Interaction, InteractionKind, Person
from growthtui.domain.reviews import Review

TODAY = dt.date(2026, 11, 24)
_ids = count(1)


def day(offset: int) -> dt.date:
    return TODAY + dt.timedelta(days=offset)


def review(on: dt.date, draft: bool = False, period: Cadence = Cadence.QUARTERLY) -> Review:
    return Review(
        id=next(_ids),
        period=period,
        date=on,
        covers_from=on - dt.timedelta(days=30),
        covers_to=on,
        draft=draft,
    )


PRIYA = Person(id=1, name="Priya Natarajan", relation=Relation.MENTOR, follow_up_days=21)
MARCUS = Person(id=2, name="Marcus Lee", relation=Relation.SPONSOR, follow_up_days=30)
AISHA = Person(id=3, name="Aisha Bello", relation=Relation.PEER)


def met(
    person: Person,
    on: dt.date,
    kind: InteractionKind = InteractionKind.MEETING,
    follow_up_on: dt.date | None = None,
) -> Interaction:
    assert person.id is not None
    return Interaction(
        id=next(_ids),
        person_id=person.id,
        date=on,
        kind=kind,
        summary="1:1",
        follow_up_on=follow_up_on,
    )


# --- reviews ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cadence", "last", "due"),
    [
        (Cadence.WEEKLY, dt.date(2026, 11, 20), dt.date(2026, 11, 27)),
        (Cadence.MONTHLY, dt.date(2026, 10, 31), dt.date(2026, 11, 30)),
        (Cadence.QUARTERLY, dt.date(2026, 9, 30), dt.date(2026, 12, 30)),
        (Cadence.ANNUAL, dt.date(2026, 1, 15), dt.date(2027, 1, 15)),
    ],
)
def test_the_next_review_is_one_cadence_after_the_last(
    cadence: Cadence, last: dt.date, due: dt.date
) -> None:
    assert next_after(last, cadence) == due
    result = review_due(cadence, [review(last)], TODAY)
    assert result.due == due
    assert result.days == (due - TODAY).days
    assert not result.is_due
    assert not result.never_reviewed


@pytest.mark.parametrize(
    ("cadence", "last", "days", "says"),
    [
        (Cadence.QUARTERLY, dt.date(2026, 8, 30), 6, "quarterly review due in 6 days"),
        (Cadence.MONTHLY, dt.date(2026, 10, 25), 1, "monthly review due in 1 day"),
        (Cadence.WEEKLY, dt.date(2026, 11, 17), 0, "weekly review due today"),
        (Cadence.WEEKLY, dt.date(2026, 11, 16), -1, "weekly review overdue by 1 day: start it"),
        (Cadence.ANNUAL, dt.date(2025, 11, 1), -23, "annual review overdue by 23 days"),
    ],
)
def test_review_due_says_how_soon(cadence: Cadence, last: dt.date, days: int, says: str) -> None:
    result = review_due(cadence, [review(last)], TODAY)
    assert result.days == days
    assert result.is_due is (days <= 0)
    assert result.describe(cadence).startswith(says)


def test_never_reviewed_is_due_now_and_says_to_start() -> None:
    result = review_due(Cadence.QUARTERLY, [], TODAY)
    assert result.never_reviewed
    assert result.is_due
    assert result.due == TODAY
    assert result.describe(Cadence.QUARTERLY) == "no quarterly review yet: start your first one"


def test_drafts_do_not_count_as_a_review() -> None:
    reviews = [review(dt.date(2026, 6, 1)), review(dt.date(2026, 11, 20), draft=True)]
    result = review_due(Cadence.QUARTERLY, reviews, TODAY)
    assert result.due == dt.date(2026, 9, 1)
    assert result.is_due
    assert result.describe(Cadence.QUARTERLY) == (
        "quarterly review overdue by 84 days: start it now"
    )
    only_draft = review_due(Cadence.QUARTERLY, [review(day(-3), draft=True)], TODAY)
    assert only_draft.never_reviewed


def test_the_latest_finished_review_counts_whatever_the_order() -> None:
    reviews = [review(dt.date(2026, 10, 1)), review(dt.date(2026, 4, 1))]
    last = last_review(reviews)
    assert last is not None
    assert last.date == dt.date(2026, 10, 1)
    assert review_due(Cadence.QUARTERLY, reviews, TODAY).due == dt.date(2027, 1, 1)


@pytest.mark.parametrize(
    ("cadence", "on", "bounds"),
    [
        # In the middle of a period: from its start up to today.
        (Cadence.WEEKLY, dt.date(2026, 11, 27), (dt.date(2026, 11, 23), dt.date(2026, 11, 27))),
        (Cadence.MONTHLY, TODAY, (dt.date(2026, 11, 1), TODAY)),
        (Cadence.QUARTERLY, TODAY, (dt.date(2026, 10, 1), TODAY)),
        (Cadence.ANNUAL, TODAY, (dt.date(2026, 1, 1), TODAY)),
        # In its first days: the period that just ended.
        (Cadence.WEEKLY, dt.date(2026, 11, 23), (dt.date(2026, 11, 16), dt.date(2026, 11, 22))),
        (Cadence.MONTHLY, dt.date(2026, 3, 2), (dt.date(2026, 2, 1), dt.date(2026, 2, 28))),
        (Cadence.QUARTERLY, dt.date(2027, 1, 5), (dt.date(2026, 10, 1), dt.date(2026, 12, 31))),
        (Cadence.ANNUAL, dt.date(2027, 1, 20), (dt.date(2026, 1, 1), dt.date(2026, 12, 31))),
        (Cadence.QUARTERLY, dt.date(2026, 7, 20), (dt.date(2026, 7, 1), dt.date(2026, 7, 20))),
    ],
)
def test_period_bounds(cadence: Cadence, on: dt.date, bounds: tuple[dt.date, dt.date]) -> None:
    start, end = period_bounds(cadence, on)
    assert (start, end) == bounds
    assert start <= end <= on, "a review never covers days still to come"


# --- follow-ups -------------------------------------------------------------------------


def test_follow_up_is_due_one_rhythm_after_the_last_contact() -> None:
    item = follow_up(PRIYA, [met(PRIYA, day(-10))], TODAY)
    assert item.last_contact == day(-10)
    assert item.due == day(11)
    assert item.days == 11
    assert not item.is_due
    assert item.describe() == "follow up with Priya Natarajan (mentor) in 11 days"


def test_past_the_rhythm_says_by_how_much_in_weeks() -> None:
    item = follow_up(PRIYA, [met(PRIYA, day(-26))], TODAY)
    assert item.is_due
    assert item.days == -5
    assert item.describe() == (
        "follow up with Priya Natarajan (mentor) — 5 days past your 3-week rhythm"
    )


@pytest.mark.parametrize("kind", list(InteractionKind))
def test_any_kind_of_contact_restarts_the_rhythm(kind: InteractionKind) -> None:
    # Monica #1814: a quick message counts, not only a meeting.
    history = [met(PRIYA, day(-40)), met(PRIYA, day(-2), kind=kind)]
    item = follow_up(PRIYA, history, TODAY)
    assert item.last_contact == day(-2)
    assert item.due == day(19)
    assert not item.is_due
    assert item.describe() == "follow up with Priya Natarajan (mentor) in 19 days"


def test_a_message_after_a_meeting_takes_the_person_off_the_due_list() -> None:
    meeting = met(PRIYA, day(-30))
    assert [f.person.name for f in follow_ups_due([PRIYA], [meeting], TODAY)] == ["Priya Natarajan"]
    message = met(PRIYA, day(-1), kind=InteractionKind.MESSAGE)
    assert follow_ups_due([PRIYA], [meeting, message], TODAY) == []


def test_only_this_person_interactions_count() -> None:
    item = follow_up(PRIYA, [met(MARCUS, day(-1)), met(PRIYA, day(-30))], TODAY)
    assert item.last_contact == day(-30)


def test_an_explicit_follow_up_date_sooner_than_the_rhythm_wins() -> None:
    item = follow_up(PRIYA, [met(PRIYA, day(-10), follow_up_on=day(-3))], TODAY)
    assert item.due == day(-3)
    assert item.is_due
    assert item.describe() == (
        "follow up with Priya Natarajan (mentor) — 3 days past the date you set (2026-11-21)"
    )


def test_an_explicit_follow_up_date_later_than_the_rhythm_does_not_delay_it() -> None:
    item = follow_up(PRIYA, [met(PRIYA, day(-10), follow_up_on=day(60))], TODAY)
    assert item.due == day(11)


def test_an_explicit_date_still_ahead_survives_a_later_quick_contact() -> None:
    asked = met(MARCUS, day(-20), follow_up_on=day(2))
    chat = met(MARCUS, day(-5), kind=InteractionKind.MESSAGE)
    item = follow_up(MARCUS, [asked, chat], TODAY)
    assert item.due == day(2)
    # A date that the later contact already passed is met and forgotten.
    met_already = met(MARCUS, day(-20), follow_up_on=day(-10))
    assert follow_up(MARCUS, [met_already, chat], TODAY).due == day(25)


def test_an_explicit_date_works_for_a_person_without_rhythm() -> None:
    item = follow_up(AISHA, [met(AISHA, day(-10), follow_up_on=day(4))], TODAY)
    assert item.due == day(4)
    assert item.describe() == "follow up with Aisha Bello (peer) in 4 days"


def test_a_person_without_rhythm_is_never_due() -> None:
    item = follow_up(AISHA, [met(AISHA, day(-400))], TODAY)
    assert item.due is None
    assert not item.is_due
    assert not item.losing_touch
    assert item.describe() == "Aisha Bello (peer): no follow-up rhythm; set one to be reminded"
    assert follow_ups_due([AISHA], [met(AISHA, day(-400))], TODAY) == []


def test_the_profile_rhythm_applies_to_people_without_their_own() -> None:
    item = follow_up(AISHA, [met(AISHA, day(-35))], TODAY, default_days=30)
    assert item.due == day(-5)
    assert item.describe() == "follow up with Aisha Bello (peer) — 5 days past your 30-day rhythm"
    # A person's own rhythm beats the default.
    assert follow_up(PRIYA, [met(PRIYA, day(-10))], TODAY, default_days=7).due == day(11)


def test_nobody_contacted_yet_with_a_rhythm_is_due_today() -> None:
    item = follow_up(PRIYA, [], TODAY)
    assert item.due == TODAY
    assert item.is_due
    assert not item.losing_touch
    assert item.describe() == "follow up with Priya Natarajan (mentor): no contact logged yet"


def test_follow_ups_due_lists_the_most_overdue_first_within_the_window() -> None:
    people = [PRIYA, MARCUS, AISHA]
    history = [met(PRIYA, day(-25)), met(MARCUS, day(-40)), met(AISHA, day(-1))]
    assert [f.person.name for f in follow_ups_due(people, history, TODAY)] == [
        "Marcus Lee",
        "Priya Natarajan",
    ]
    later = [met(PRIYA, day(-15)), met(MARCUS, day(-33))]
    assert [f.person.name for f in follow_ups_due(people, later, TODAY)] == ["Marcus Lee"]
    assert [f.person.name for f in follow_ups_due(people, later, TODAY, within_days=7)] == [
        "Marcus Lee",
        "Priya Natarajan",
    ]


def test_losing_touch_past_twice_the_rhythm_by_default() -> None:
    assert not follow_up(PRIYA, [met(PRIYA, day(-42))], TODAY).losing_touch
    item = follow_up(PRIYA, [met(PRIYA, day(-43))], TODAY)
    assert item.losing_touch
    assert item.describe() == (
        "follow up with Priya Natarajan (mentor) — losing touch: 43 days since your last contact"
    )


def test_losing_touch_past_an_explicit_maximum_gap() -> None:
    strict = PRIYA.model_copy(update={"max_gap_days": 25})
    assert not follow_up(strict, [met(strict, day(-25))], TODAY).losing_touch
    assert follow_up(strict, [met(strict, day(-26))], TODAY).losing_touch


def test_losing_touch_lists_the_longest_silence_first() -> None:
    people = [PRIYA, MARCUS, AISHA]
    history = [met(PRIYA, day(-50)), met(MARCUS, day(-90)), met(AISHA, day(-900))]
    assert [f.person.name for f in losing_touch(people, history, TODAY)] == [
        "Marcus Lee",
        "Priya Natarajan",
    ]
    # With the profile's rhythm, people without their own can be losing touch too.
    assert [f.person.name for f in losing_touch(people, history, TODAY, default_days=30)] == [
        "Aisha Bello",
        "Marcus Lee",
        "Priya Natarajan",
    ]


# --- the calendar's ends ------------------------------------------------------------------


@pytest.mark.parametrize("cadence", list(Cadence))
def test_a_review_on_the_calendars_last_day_is_next_due_that_day(cadence: Cadence) -> None:
    last = dt.date.max
    assert next_after(last, cadence) == last
    due = review_due(cadence, [review(last, period=cadence)], last)
    assert (due.due, due.days) == (last, 0)
    start, end = period_bounds(cadence, last)
    assert start <= end == last


@pytest.mark.parametrize("cadence", list(Cadence))
def test_periods_on_the_calendars_first_days(cadence: Cadence) -> None:
    for today in (dt.date.min, dt.date(1, 1, 2)):
        start, end = period_bounds(cadence, today)
        assert dt.date.min <= start <= end <= today


def test_a_rhythm_past_the_calendars_end_is_due_on_its_last_day() -> None:
    last = dt.date.max
    item = follow_up(PRIYA, [met(PRIYA, dt.date(9999, 12, 25))], last)
    assert (item.due, item.days) == (last, 0)
    assert follow_ups_due([PRIYA], [met(PRIYA, last)], last, within_days=3650) != []
