"""The calendar export: milestones, goal deadlines, follow-ups and the next review (RFC 5545).

All-day events, marked free (TRANSP:TRANSPARENT) so they never block a meeting slot. Each
event's UID comes from what it is about (`milestone-12@growthtui`, `goal-3@growthtui`,
`follow-up-person-4@growthtui`, `review@growthtui`), so a calendar subscribed to the file
moves an event when its date changes instead of adding a second one. DTSTAMP is midnight UTC
of the export's `today`: exporting twice on one day gives the same bytes.
The `icalendar` library does the escaping, line folding and CRLF line ends.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from icalendar import Calendar, Event, vText

from growthtui import __version__
from growthtui.domain.cadence import FollowUp, follow_up, review_due
from growthtui.domain.goals import Goal, Milestone
from growthtui.domain.kinds import GoalStatus
from growthtui.domain.people import Interaction, Person
from growthtui.domain.reviews import Review
from growthtui.store.repository import Store

UID_DOMAIN = "growthtui"
PRODID = f"-//growthtui//growthtui {__version__}//EN"
_CONTROL = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]"
)
"""Dropped from text: the control characters RFC 5545 forbids (a newline is escaped
instead), the C1 controls (U+009B and U+009D are one-character ESC [ and ESC ], and the
file may be printed: `export -o -`) and the direction marks and line separators that
growthtui.domain.printable also keeps from a terminal."""
REVIEW_UID = f"review@{UID_DOMAIN}"
"""There is one next review at a time: its event moves as reviews are done."""


def uid(kind: str, record_id: int | None) -> str:
    """A stable identity for an event about one record."""
    return f"{kind}-{record_id}@{UID_DOMAIN}"


def _line(text: str) -> str:
    """One line of text for a summary or a name."""
    return _CONTROL.sub("", " ".join(text.split()))


def _event(
    uid_text: str,
    category: str,
    day: dt.date,
    summary: str,
    about: Sequence[str],
    stamp: dt.datetime,
    cancelled: bool = False,
) -> Event:
    """An all-day event, marked free; `about` is its description, line by line, and
    `category` what it is about (after the app's own category)."""
    description = "\n".join(about)
    event = Event()
    event.add("uid", uid_text)
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    if day < dt.date.max:
        event.add("dtend", day + dt.timedelta(days=1))
    # On 9999-12-31 there is no next day to end on: without DTEND an all-day event lasts
    # that one day (RFC 5545, 3.6.1).
    event.add("summary", _line(summary))
    if description:
        event.add("description", _CONTROL.sub("", description.replace("\r\n", "\n")))
    event.add("categories", ["growthtui", category])
    event.add("transp", "TRANSPARENT")
    if cancelled:
        event.add("status", "CANCELLED")
    return event


def _milestone_event(milestone: Milestone, goal: Goal | None, stamp: dt.datetime) -> Event:
    about = [f"Milestone toward goal #{milestone.goal_id}: {goal.title}"] if goal else []
    if milestone.done_at is not None:
        about.append(f"Done on {milestone.done_at.isoformat()}.")
    if milestone.notes:
        about += ["", milestone.notes]
    done = " (done)" if milestone.done_at is not None else ""
    summary = f"Milestone{done}: {milestone.title}"
    dropped = goal is not None and goal.status is GoalStatus.DROPPED
    return _event(
        uid("milestone", milestone.id), "milestone", milestone.due, summary, about, stamp, dropped
    )


def _goal_event(goal: Goal, stamp: dt.datetime) -> Event:
    assert goal.due is not None
    state = "" if goal.status is GoalStatus.ACTIVE else f" ({goal.status.value})"
    about = [f"{goal.horizon.value.capitalize()}-term goal #{goal.id}, {goal.status.value}."]
    if goal.specific:
        about += ["", goal.specific]
    summary = f"Goal due{state}: {goal.title}"
    dropped = goal.status is GoalStatus.DROPPED
    return _event(uid("goal", goal.id), "goal", goal.due, summary, about, stamp, dropped)


def _follow_up_event(item: FollowUp[Person], today: dt.date, stamp: dt.datetime) -> Event:
    """On its due date, or today when that has passed (a past event is never seen)."""
    assert item.due is not None
    person = item.person
    late = f" (was due {item.due.isoformat()})" if item.due < today else ""
    about = [f"{person.relation.value.capitalize()}"]
    if person.role or person.organisation:
        about[0] += ": " + ", ".join(x for x in (person.role, person.organisation) if x)
    if item.last_contact is not None:
        about.append(f"Last contact {item.last_contact.isoformat()}.")
    summary = f"Follow up with {person.name}{late}"
    day = max(item.due, today)
    return _event(uid("follow-up-person", person.id), "follow-up", day, summary, about, stamp)


def export_ics(store: Store, today: dt.date) -> str:
    """The calendar as text with CRLF line ends."""
    stamp = dt.datetime(today.year, today.month, today.day, tzinfo=dt.UTC)
    profile = store.profile()
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    name = f"growthtui: {profile.name}" if profile.name else "growthtui"
    calendar.add("x-wr-calname", vText(_line(name)))
    goals = {g.id: g for g in store.list(Goal)}
    for milestone in store.list(Milestone):
        calendar.add_component(_milestone_event(milestone, goals.get(milestone.goal_id), stamp))
    for goal in goals.values():
        if goal.due is not None:
            calendar.add_component(_goal_event(goal, stamp))
    interactions = store.list(Interaction)
    for person in store.list(Person):
        due = follow_up(person, interactions, today)
        if due.due is not None:
            calendar.add_component(_follow_up_event(due, today, stamp))
    review = review_due(profile.review_cadence, store.list(Review), today)
    cadence = profile.review_cadence.value
    late = f" (was due {review.due.isoformat()})" if review.days < 0 else ""
    summary = f"{cadence.capitalize()} review due{late}"
    about = ["Time to look back and adjust: open growthtui and start the guided review."]
    calendar.add_component(
        _event(REVIEW_UID, "review", max(review.due, today), summary, about, stamp)
    )
    return bytes(calendar.to_ical()).decode("utf-8")
