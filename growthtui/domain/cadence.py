"""Rhythms: when the next review is due, and when to follow up with a person."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from growthtui.domain.dates import add_months, days_between, quarter_start, shift_days
from growthtui.domain.kinds import Cadence
from growthtui.domain.shapes import InteractionShape, PersonShape, ReviewShape
from growthtui.domain.words import counted

P = TypeVar("P", bound=PersonShape)
"""The kind of person record: the model, or the plain record `agenda` reads."""
P_co = TypeVar("P_co", bound=PersonShape, covariant=True)
R = TypeVar("R", bound=ReviewShape)

_MONTHS = {Cadence.MONTHLY: 1, Cadence.QUARTERLY: 3, Cadence.ANNUAL: 12}


def next_after(day: dt.date, cadence: Cadence) -> dt.date:
    """One cadence step after `day`."""
    if cadence is Cadence.WEEKLY:
        return shift_days(day, 7)
    return add_months(day, _MONTHS[cadence])


_GRACE_DAYS = {Cadence.WEEKLY: 2, Cadence.MONTHLY: 7, Cadence.QUARTERLY: 14, Cadence.ANNUAL: 31}
"""How many first days of a period still belong to reviewing the one that just ended."""


def _period_start(cadence: Cadence, day: dt.date) -> dt.date:
    if cadence is Cadence.WEEKLY:
        return shift_days(day, -day.weekday())
    if cadence is Cadence.MONTHLY:
        return day.replace(day=1)
    if cadence is Cadence.QUARTERLY:
        return quarter_start(day)
    return dt.date(day.year, 1, 1)


def period_bounds(cadence: Cadence, today: dt.date) -> tuple[dt.date, dt.date]:
    """The calendar period a review on `today` naturally covers: the week, month, quarter
    or year that just ended if we are in its first days, else the current one up to today.

    "First days": Monday and Tuesday of a week, the first 7 days of a month, 14 of a
    quarter, 31 of a year (a January review is of the year before).
    """
    start = _period_start(cadence, today)
    if (today - start).days < _GRACE_DAYS[cadence]:
        if start == dt.date.min:  # nothing before the calendar's first day
            return start, today
        end = shift_days(start, -1)
        return _period_start(cadence, end), end
    return start, today


def last_review(reviews: Iterable[R]) -> R | None:
    """The latest finished review (drafts do not count)."""
    done = [r for r in reviews if not r.draft]
    return max(done, key=lambda r: (r.date, r.id)) if done else None


@dataclass(frozen=True)
class ReviewDue:
    """When the next review is due and how that compares with today."""

    due: dt.date
    days: int
    """Days from today to `due`; negative when overdue."""
    never_reviewed: bool

    @property
    def is_due(self) -> bool:
        return self.days <= 0

    def describe(self, cadence: Cadence) -> str:
        if self.never_reviewed:
            return f"no {cadence.value} review yet: start your first one"
        if self.days < 0:
            return f"{cadence.value} review overdue by {_days(-self.days)}: start it now"
        if self.days == 0:
            return f"{cadence.value} review due today"
        return f"{cadence.value} review due in {_days(self.days)}"


def _days(count: int) -> str:
    return counted(count, "day")


def review_due(cadence: Cadence, reviews: Sequence[ReviewShape], today: dt.date) -> ReviewDue:
    """The next review is one cadence after the last finished one; with none, it is due now."""
    last = last_review(reviews)
    if last is None:
        return ReviewDue(today, 0, never_reviewed=True)
    due = next_after(last.date, cadence)
    return ReviewDue(due, days_between(today, due), never_reviewed=False)


@dataclass(frozen=True)
class FollowUp(Generic[P_co]):
    """When to next contact a person, from the last interaction of any kind."""

    person: P_co
    last_contact: dt.date | None
    due: dt.date | None
    days: int | None
    """Days from today to `due`; negative when past; None without a rhythm."""
    losing_touch: bool
    rhythm_days: int | None = None
    """The rhythm that applies: the person's own, else the default; None without one."""
    asked_for: bool = False
    """`due` is a "follow up on" date a person set, sooner than the rhythm."""

    @property
    def is_due(self) -> bool:
        return self.days is not None and self.days <= 0

    def describe(self) -> str:
        who = f"{self.person.name} ({self.person.relation.value})"
        if self.due is None:
            return f"{who}: no follow-up rhythm; set one to be reminded"
        if self.last_contact is None:
            return f"follow up with {who}: no contact logged yet"
        if self.losing_touch:
            # Today is `days` before `due`: the silence runs from the last contact to today.
            silence = (self.due - self.last_contact).days - (self.days or 0)
            return f"follow up with {who} — losing touch: {_days(silence)} since your last contact"
        if self.days is not None and self.days < 0:
            if self.asked_for:
                return (
                    f"follow up with {who} — {_days(-self.days)} past the date you set "
                    f"({self.due.isoformat()})"
                )
            rhythm = _rhythm_words(self.rhythm_days)
            return f"follow up with {who} — {_days(-self.days)} past your {rhythm} rhythm"
        if self.days == 0:
            return f"follow up with {who} today"
        return f"follow up with {who} in {_days(self.days or 0)}"


def _rhythm_words(days: int | None) -> str:
    if days is None:
        return "usual"
    if days % 7 == 0:
        weeks = days // 7
        return f"{weeks}-week" if weeks > 1 else "weekly"
    return f"{days}-day"


def follow_up(
    person: P,
    interactions: Iterable[InteractionShape],
    today: dt.date,
    default_days: int | None = None,
) -> FollowUp[P]:
    """Follow-up due for a person.

    The rhythm (the person's own, else `default_days`) restarts on any contact, whatever
    its kind. A "follow up on" date set on the latest interaction, or set earlier for a day
    after the latest contact (so not yet met), wins over the rhythm when it is sooner.
    Without any contact logged, a person with a rhythm is due today.
    """
    mine = [i for i in interactions if i.person_id == person.id]
    last = max(mine, key=lambda i: (i.date, i.id)) if mine else None
    rhythm = person.follow_up_days or default_days
    if last is None:
        if rhythm is None:
            return FollowUp(person, None, None, None, False)
        return FollowUp(person, None, today, 0, False, rhythm)
    asked = [
        i.follow_up_on
        for i in mine
        if i.follow_up_on is not None and (i is last or i.follow_up_on > last.date)
    ]
    if rhythm is None and not asked:
        return FollowUp(person, last.date, None, None, False)
    by_rhythm = shift_days(last.date, rhythm) if rhythm is not None else None
    asked_for = bool(asked) and (by_rhythm is None or min(asked) < by_rhythm)
    due = min(asked) if asked_for or by_rhythm is None else by_rhythm
    max_gap = person.max_gap_days or (2 * rhythm if rhythm else None)
    losing = max_gap is not None and days_between(last.date, today) > max_gap
    return FollowUp(person, last.date, due, days_between(today, due), losing, rhythm, asked_for)


def follow_ups_due(
    people: Sequence[P],
    interactions: Sequence[InteractionShape],
    today: dt.date,
    within_days: int = 0,
    default_days: int | None = None,
) -> list[FollowUp[P]]:
    """People to contact by `today + within_days`, most overdue first."""
    by_person: dict[int | None, list[InteractionShape]] = {}
    for interaction in interactions:
        by_person.setdefault(interaction.person_id, []).append(interaction)
    due = []
    for person in people:
        item = follow_up(person, by_person.get(person.id, []), today, default_days)
        if item.days is not None and item.days <= within_days:
            due.append(item)
    return sorted(due, key=lambda f: (f.days or 0, f.person.name.lower()))


def losing_touch(
    people: Sequence[P],
    interactions: Sequence[InteractionShape],
    today: dt.date,
    default_days: int | None = None,
) -> list[FollowUp[P]]:
    """People far past their rhythm (beyond the maximum gap), longest silence first.

    `default_days` is the rhythm of people without their own, as in `follow_ups_due`.
    """
    by_person: dict[int | None, list[InteractionShape]] = {}
    for interaction in interactions:
        by_person.setdefault(interaction.person_id, []).append(interaction)
    items = [follow_up(p, by_person.get(p.id, []), today, default_days) for p in people]
    lost = [f for f in items if f.losing_touch]
    return sorted(lost, key=lambda f: (f.last_contact or dt.date.min, f.person.name.lower()))
