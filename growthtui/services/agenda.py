"""What needs attention now: overdue and upcoming milestones and goals, follow-ups, the review.

The Dashboard and `growthtui agenda` both read from here. The text rendering is for a login
shell or a cron mail: plain lines, one item per line, escape codes only when asked for.
Stored text (titles, names) is shown through `printable`: a control character or a
direction override in it is written as a visible escape, never sent as it is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from growthtui.domain.cadence import FollowUp, ReviewDue, follow_ups_due, review_due
from growthtui.domain.dates import shift_days
from growthtui.domain.errors import InvalidInput
from growthtui.domain.kinds import Cadence
from growthtui.domain.printable import printable
from growthtui.domain.schedule import goal_is_overdue, is_due_soon, is_overdue
from growthtui.domain.shapes import AgendaRecords, GoalShape, MilestoneShape, PersonShape
from growthtui.domain.words import counted

if TYPE_CHECKING:
    from growthtui.store.repository import Store

# This module loads no model (and so no pydantic) until a Store is read: `growthtui agenda`
# computes from the plain records of growthtui.store.quick_read when it can.

MAX_DAYS = 3650
"""The longest look-ahead: ten years, the longest horizon."""

_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def records_of(store: Store) -> AgendaRecords:
    """The agenda's records as the store's models."""
    from growthtui.domain.goals import Goal, Milestone
    from growthtui.domain.people import Interaction, Person
    from growthtui.domain.reviews import Review
    from growthtui.interop.plan import read_lists

    kinds = (Goal, Milestone, Person, Interaction, Review)
    return AgendaRecords(**read_lists(store, kinds), review_cadence=store.profile().review_cadence)


@dataclass(frozen=True)
class AgendaItem:
    milestone: MilestoneShape
    goal: GoalShape | None


@dataclass(frozen=True)
class Agenda:
    today: dt.date
    days: int
    overdue: list[AgendaItem]
    """Open milestones of open goals whose date has passed, oldest first."""
    upcoming: list[AgendaItem]
    """Open milestones of open goals due from today to `days` ahead, soonest first."""
    overdue_goals: list[GoalShape]
    """Open goals past their due date, oldest first."""
    follow_ups: Sequence[FollowUp[PersonShape]]
    """People to contact by `days` ahead, most overdue first."""
    review: ReviewDue
    review_cadence: Cadence
    upcoming_goals: tuple[GoalShape, ...] = ()
    """Open goals due from today to `days` ahead, soonest first."""

    @property
    def is_clear(self) -> bool:
        """Nothing overdue or coming up (the review aside)."""
        return not (
            self.overdue
            or self.upcoming
            or self.follow_ups
            or self.overdue_goals
            or self.upcoming_goals
        )


def build_agenda(records: AgendaRecords, today: dt.date, days: int = 7) -> Agenda:
    """Milestones and goals that are overdue or due within `days`, follow-ups due within
    `days`, and the review due date. Milestones of achieved or dropped goals are left out."""
    if not 0 <= days <= MAX_DAYS:
        raise InvalidInput(
            f"the agenda looks 0 to {MAX_DAYS} days ahead, not {days}: pick a number in that range"
        )
    goals = {g.id: g for g in records.goals}
    open_ids = {gid for gid, g in goals.items() if g.is_open}
    overdue: list[AgendaItem] = []
    upcoming: list[AgendaItem] = []
    for milestone in records.milestones:
        if milestone.goal_id not in open_ids:
            continue
        if is_overdue(milestone, today):
            overdue.append(AgendaItem(milestone, goals.get(milestone.goal_id)))
        elif is_due_soon(milestone, today, days):
            upcoming.append(AgendaItem(milestone, goals.get(milestone.goal_id)))
    overdue.sort(key=lambda item: (item.milestone.due, item.milestone.id))
    upcoming.sort(key=lambda item: (item.milestone.due, item.milestone.id))
    horizon = shift_days(today, days)
    late_goals = [g for g in goals.values() if goal_is_overdue(g, today)]
    soon_goals = [
        g for g in goals.values() if g.is_open and g.due is not None and today <= g.due <= horizon
    ]
    follow = follow_ups_due(records.people, records.interactions, today, within_days=days)
    return Agenda(
        today=today,
        days=days,
        overdue=overdue,
        upcoming=upcoming,
        overdue_goals=sorted(late_goals, key=_goal_order),
        follow_ups=follow,
        review=review_due(records.review_cadence, records.reviews, today),
        review_cadence=records.review_cadence,
        upcoming_goals=tuple(sorted(soon_goals, key=_goal_order)),
    )


def _goal_order(goal: GoalShape) -> tuple[dt.date, int]:
    return (goal.due or dt.date.max, goal.id)


def _when(day: dt.date, today: dt.date) -> str:
    """`today`, `tomorrow`, `in 4 days`, `1 day late`, `3 days late`: the agenda's own words
    (its text is a contract, kept by a golden file), always in days; the screens say it as
    a person does, in months when far, with domain.dates.relative_day."""
    delta = (day - today).days
    if delta == 0:
        return "today"
    if delta == 1:
        return "tomorrow"
    if delta > 1:
        return f"in {delta} days"
    return f"{counted(-delta, 'day')} late"


def _clean(text: str) -> str:
    """Stored text on one line, every control character and direction override shown as
    a visible escape (`\x1b`, `\u202e`)."""
    return printable(" ".join(text.split()))


def _day(day: dt.date) -> str:
    # Not strftime("%a"): that follows the process locale, and this text is a contract.
    return f"{_WEEKDAYS[day.weekday()]} {day.isoformat()}"


def _milestone_line(item: AgendaItem, today: dt.date) -> str:
    goal = f"  (goal #{item.goal.id}: {_clean(item.goal.title)})" if item.goal else ""
    when = _when(item.milestone.due, today)
    return f"  {_day(item.milestone.due)}  {_clean(item.milestone.title)}, {when}{goal}"


def _goal_line(goal: GoalShape, today: dt.date) -> str:
    assert goal.due is not None
    when = _when(goal.due, today)
    return f"  {_day(goal.due)}  goal #{goal.id} due: {_clean(goal.title)}, {when}"


def _review_line(agenda: Agenda) -> str:
    review, cadence = agenda.review, agenda.review_cadence.value
    if review.never_reviewed:
        return f"  no {cadence} review yet: start your first one"
    if review.days < 0:
        late = counted(-review.days, "day")
        return f"  {cadence} review overdue by {late} (was due {review.due})"
    if review.days == 0:
        return f"  {cadence} review due today"
    return f"  {cadence} review due {_when(review.due, agenda.today)} ({_day(review.due)})"


def render_agenda(agenda: Agenda, color: bool = False) -> str:
    """Plain text; ANSI bold headings and red alarms only when `color`."""

    def head(text: str) -> str:
        return f"\x1b[1m{text}\x1b[0m" if color else text

    def alarm(text: str) -> str:
        return f"\x1b[31m{text}\x1b[0m" if color else text

    window = "today only" if agenda.days == 0 else f"the next {counted(agenda.days, 'day')}"
    lines = [head(f"growthtui agenda for {_day(agenda.today)}, {window}")]

    late = [(i.milestone.due, 0, _milestone_line(i, agenda.today)) for i in agenda.overdue]
    late += [(g.due or agenda.today, 1, _goal_line(g, agenda.today)) for g in agenda.overdue_goals]
    if late:
        lines += ["", head(f"Overdue ({len(late)})")]
        lines += [alarm(text) for _, _, text in sorted(late, key=lambda row: row[:2])]

    soon = [(i.milestone.due, 0, _milestone_line(i, agenda.today)) for i in agenda.upcoming]
    soon += [(g.due or agenda.today, 1, _goal_line(g, agenda.today)) for g in agenda.upcoming_goals]
    if soon:
        title = "Due today" if agenda.days == 0 else f"Due in {window}"
        lines += ["", head(f"{title} ({len(soon)})")]
        lines += [text for _, _, text in sorted(soon, key=lambda row: row[:2])]

    if agenda.follow_ups:
        lines += ["", head(f"Follow-ups ({len(agenda.follow_ups)})")]
        for follow in agenda.follow_ups:
            text = f"  {_clean(follow.describe())}"
            lines.append(alarm(text) if follow.is_due else text)

    lines += ["", head("Review")]
    review_line = _review_line(agenda)
    lines.append(alarm(review_line) if agenda.review.is_due else review_line)
    if agenda.is_clear:
        lines += ["", 'Nothing due. Log a win with `growthtui log "..."`.']
    return "\n".join(lines) + "\n"
