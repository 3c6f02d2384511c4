"""What needs attention now: overdue and upcoming milestones, follow-ups, the next review.

The Dashboard and `growthtui agenda` both read from here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from growthtui.domain import Cadence, Goal, Interaction, Milestone, Person, Review
from growthtui.domain.cadence import FollowUp, ReviewDue, follow_ups_due, review_due
from growthtui.domain.schedule import goal_is_overdue, is_due_soon, is_overdue
from growthtui.store import Store


@dataclass(frozen=True)
class AgendaItem:
    milestone: Milestone
    goal: Goal | None


@dataclass(frozen=True)
class Agenda:
    today: dt.date
    days: int
    overdue: list[AgendaItem]
    upcoming: list[AgendaItem]
    overdue_goals: list[Goal]
    follow_ups: list[FollowUp]
    review: ReviewDue
    review_cadence: Cadence

    @property
    def is_clear(self) -> bool:
        return not (self.overdue or self.upcoming or self.follow_ups or self.overdue_goals)


def build_agenda(store: Store, today: dt.date, days: int = 7) -> Agenda:
    """Milestones of open goals that are overdue or due within `days`, follow-ups due within
    `days`, and the review due date."""
    goals = {g.id: g for g in store.list(Goal)}
    open_ids = {gid for gid, g in goals.items() if g.is_open}
    overdue: list[AgendaItem] = []
    upcoming: list[AgendaItem] = []
    for milestone in store.list(Milestone):
        if milestone.goal_id not in open_ids:
            continue
        if is_overdue(milestone, today):
            overdue.append(AgendaItem(milestone, goals.get(milestone.goal_id)))
        elif is_due_soon(milestone, today, days):
            upcoming.append(AgendaItem(milestone, goals.get(milestone.goal_id)))
    overdue.sort(key=lambda item: (item.milestone.due, item.milestone.id or 0))
    upcoming.sort(key=lambda item: (item.milestone.due, item.milestone.id or 0))
    profile = store.profile()
    follow = follow_ups_due(store.list(Person), store.list(Interaction), today, within_days=days)
    return Agenda(
        today=today,
        days=days,
        overdue=overdue,
        upcoming=upcoming,
        overdue_goals=[g for g in goals.values() if goal_is_overdue(g, today)],
        follow_ups=follow,
        review=review_due(profile.review_cadence, store.list(Review), today),
        review_cadence=profile.review_cadence,
    )


def render_agenda(agenda: Agenda, color: bool = False) -> str:
    """Plain text for a login shell or a cron mail; ANSI bold/red only when `color`."""

    def head(text: str) -> str:
        return f"\x1b[1m{text}\x1b[0m" if color else text

    def alarm(text: str) -> str:
        return f"\x1b[31m{text}\x1b[0m" if color else text

    lines = [head(f"growthtui agenda for {agenda.today.isoformat()} (next {agenda.days} days)")]
    if agenda.overdue:
        lines += ["", head("Overdue")]
        for item in agenda.overdue:
            late = (agenda.today - item.milestone.due).days
            goal = f" [{item.goal.title}]" if item.goal else ""
            lines.append(
                alarm(f"  {item.milestone.due}  {item.milestone.title}{goal} — {late} day(s) late")
            )
    if agenda.overdue_goals:
        lines += ["", head("Goals past their due date")]
        for goal in agenda.overdue_goals:
            lines.append(alarm(f"  {goal.due}  #{goal.id} {goal.title}"))
    if agenda.upcoming:
        lines += ["", head("Upcoming")]
        for item in agenda.upcoming:
            goal = f" [{item.goal.title}]" if item.goal else ""
            lines.append(f"  {item.milestone.due}  {item.milestone.title}{goal}")
    if agenda.follow_ups:
        lines += ["", head("Follow-ups")]
        for follow in agenda.follow_ups:
            text = f"  {follow.describe()}"
            lines.append(alarm(text) if follow.is_due else text)
    lines += ["", head("Review")]
    review_line = f"  {agenda.review.describe(agenda.review_cadence)}"
    lines.append(alarm(review_line) if agenda.review.is_due else review_line)
    if agenda.is_clear:
        lines += ["", 'Nothing due. Log a win with `growthtui log "..."`.']
    return "\n".join(lines) + "\n"
