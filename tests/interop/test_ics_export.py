"""The calendar export, read back with icalendar as a calendar program would."""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar, Event

from growthtui.domain.cadence import follow_up
from growthtui.domain.goals import Goal, Milestone
from growthtui.domain.people import Interaction, Person
from growthtui.interop.formats import export_text
from growthtui.store.repository import Store


def _events(text: str) -> dict[str, Event]:
    calendar = Calendar.from_ical(text)
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT") if isinstance(e, Event)}
    assert len(events) == len(calendar.walk("VEVENT")), "UIDs are unique"
    return events


def _day(event: Event) -> dt.date:
    start = event.decoded("DTSTART")
    assert type(start) is dt.date, "all-day events"
    assert event.decoded("DTEND") == start + dt.timedelta(days=1)
    return start


def test_every_milestone_and_goal_deadline_is_an_all_day_event_on_its_date(
    seeded_store: Store, today: dt.date
) -> None:
    events = _events(export_text(seeded_store, "ics", today))
    for milestone in seeded_store.list(Milestone):
        event = events[f"milestone-{milestone.id}@growthtui"]
        assert _day(event) == milestone.due
        assert milestone.title in str(event["SUMMARY"])
    for goal in seeded_store.list(Goal):
        if goal.due is not None:
            event = events[f"goal-{goal.id}@growthtui"]
            assert _day(event) == goal.due
            assert goal.title in str(event["SUMMARY"])
    dropped = next(g for g in seeded_store.list(Goal) if g.status.value == "dropped")
    assert events[f"goal-{dropped.id}@growthtui"]["STATUS"] == "CANCELLED"


def test_follow_ups_and_the_next_review_are_in_the_calendar(
    seeded_store: Store, today: dt.date
) -> None:
    events = _events(export_text(seeded_store, "ics", today))
    interactions = seeded_store.list(Interaction)
    for person in seeded_store.list(Person):
        due = follow_up(person, interactions, today)
        event = events[f"follow-up-person-{person.id}@growthtui"]
        assert person.name in str(event["SUMMARY"])
        # A follow-up already late is put on today, where it will be seen.
        assert due.due is not None and _day(event) == max(due.due, today)
    late = next(p for p in seeded_store.list(Person) if p.name == "Diego Alvarez")
    diego = events[f"follow-up-person-{late.id}@growthtui"]
    assert "was due" in str(diego["SUMMARY"]) and _day(diego) == today
    review = events["review@growthtui"]
    assert _day(review) == dt.date(2026, 12, 1)
    assert str(review["SUMMARY"]) == "Quarterly review due"


def test_the_file_follows_rfc_5545(seeded_store: Store, today: dt.date) -> None:
    text = export_text(seeded_store, "ics", today)
    raw = text.encode("utf-8")
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    lines = raw.split(b"\r\n")[:-1]
    assert b"\n" not in b"".join(lines), "every line ends with CRLF"
    assert max(len(line) for line in lines) <= 75, "long lines are folded at 75 octets"
    calendar = Calendar.from_ical(text)
    assert calendar["VERSION"] == "2.0"
    assert str(calendar["PRODID"]).startswith("-//growthtui//")
    for event in calendar.walk("VEVENT"):
        assert event.decoded("DTSTAMP") == dt.datetime(2026, 11, 24, tzinfo=dt.UTC)
        assert event["TRANSP"] == "TRANSPARENT"


def test_exporting_again_gives_the_same_bytes_and_a_later_day_keeps_the_uids(
    seeded_store: Store, today: dt.date
) -> None:
    first = export_text(seeded_store, "ics", today)
    assert export_text(seeded_store, "ics", today) == first
    later = export_text(seeded_store, "ics", today + dt.timedelta(days=3))
    assert set(_events(later)) == set(_events(first))


def test_a_moved_milestone_moves_its_event_instead_of_adding_one(
    seeded_store: Store, today: dt.date
) -> None:
    milestone = seeded_store.list(Milestone)[0]
    before = _events(export_text(seeded_store, "ics", today))
    seeded_store.update(milestone.edit(due=milestone.due + dt.timedelta(days=10)))
    after = _events(export_text(seeded_store, "ics", today))
    uid = f"milestone-{milestone.id}@growthtui"
    assert set(after) == set(before)
    assert _day(after[uid]) == milestone.due + dt.timedelta(days=10)


def test_commas_semicolons_newlines_and_long_unicode_titles_survive(
    memory_store: Store, today: dt.date
) -> None:
    title = "Talk; part 1, “Ledgers” \\ back-slash — " + "ü" * 60
    goal = memory_store.add(Goal.build(title="G", due=today))
    milestone = memory_store.add(
        Milestone.build(goal_id=goal.id, title=title, due=today, notes="line 1\nline 2; done")
    )
    text = export_text(memory_store, "ics", today)
    assert max(len(line) for line in text.encode("utf-8").split(b"\r\n")) <= 75
    event = _events(text)[f"milestone-{milestone.id}@growthtui"]
    assert str(event["SUMMARY"]) == f"Milestone: {title}"
    assert str(event["DESCRIPTION"]).endswith("line 1\nline 2; done")


def test_an_empty_store_still_gives_a_valid_calendar_with_the_first_review(
    memory_store: Store, today: dt.date
) -> None:
    events = _events(export_text(memory_store, "ics", today))
    assert list(events) == ["review@growthtui"]
    assert _day(events["review@growthtui"]) == today


def test_the_calendars_last_day_is_an_event_without_an_end_past_it(
    memory_store: Store, today: dt.date
) -> None:
    """9999-12-31 has no next day: the event has no DTEND, which makes it that one day."""
    goal = memory_store.add(Goal.build(title="Someday", due=dt.date.max))
    memory_store.add(Milestone.build(goal_id=goal.id, title="Last step", due=dt.date.max))
    events = _events(export_text(memory_store, "ics", today))
    for uid in (f"goal-{goal.id}@growthtui", "milestone-1@growthtui"):
        assert events[uid].decoded("DTSTART") == dt.date.max
        assert "DTEND" not in events[uid]


def test_a_calendar_made_on_the_calendars_last_day(memory_store: Store) -> None:
    last = dt.date.max
    person = memory_store.add(Person.build(name="Priya", relation="mentor", follow_up_days=21))
    memory_store.add(
        Interaction.build(person_id=person.id, date=last, kind="call", summary="Caught up")
    )
    memory_store.add(Goal.build(title="Keep going", due=last))
    events = _events(export_text(memory_store, "ics", last))
    assert events["review@growthtui"].decoded("DTSTART") == last
    assert events[f"follow-up-person-{person.id}@growthtui"].decoded("DTSTART") == last


def test_c1_controls_and_direction_overrides_in_a_hand_edited_title_never_reach_the_file(
    memory_store: Store, today: dt.date
) -> None:
    """`export --format ics -o -` prints to the terminal: CSI (U+009B) and OSC (U+009D)
    are the one-character forms of ESC [ and ESC ], and U+202E turns a line around. They
    are dropped, as the C0 controls are (RFC 5545 forbids those)."""
    hostile = "C1\u009b2J OSC\u009d52;c;eA==\u009c Flip\u202eit \u2066iso\u2069 \u200emark"
    goal = memory_store.add(Goal.build(title="G", due=today))
    milestone = memory_store.add(
        Milestone.build(goal_id=goal.id, title=hostile, due=today, notes=f"about: {hostile}")
    )
    text = export_text(memory_store, "ics", today)
    bad = {"\u009b", "\u009c", "\u009d", "\u202e", "\u2066", "\u2069", "\u200e"}
    assert not bad & set(text)
    event = _events(text)[f"milestone-{milestone.id}@growthtui"]
    assert str(event["SUMMARY"]) == "Milestone: C12J OSC52;c;eA== Flipit iso mark"
    assert str(event["DESCRIPTION"]).endswith("about: C12J OSC52;c;eA== Flipit iso mark")
