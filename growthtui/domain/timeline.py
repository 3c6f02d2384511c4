"""The timeline's calendar: milestones grouped by month, and goals laid out as bars across
month or quarter columns. Pure functions of dates; "today" is a parameter."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum, StrEnum
from operator import attrgetter

from growthtui.domain.dates import month_start, quarter_of, quarter_start
from growthtui.domain.goals import Goal, Milestone
from growthtui.domain.schedule import is_overdue

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


class Scale(StrEnum):
    """What one column of the bar view stands for."""

    MONTH = "month"
    QUARTER = "quarter"

    @property
    def months(self) -> int:
        return 1 if self is Scale.MONTH else 3

    @property
    def other(self) -> Scale:
        return Scale.QUARTER if self is Scale.MONTH else Scale.MONTH


def month_heading(day: dt.date) -> str:
    """The heading a month's milestones sit under: "December 2026"."""
    return f"{MONTH_NAMES[day.month - 1]} {day.year}"


def by_month(milestones: Iterable[Milestone]) -> list[tuple[dt.date, list[Milestone]]]:
    """Milestones grouped by the month they are due in, months and milestones in date
    order (ties by id, so the order is stable)."""
    groups: list[tuple[dt.date, list[Milestone]]] = []
    month: dt.date | None = None
    mine: list[Milestone] = []
    for milestone in sorted(milestones, key=attrgetter("due", "id")):
        due = milestone.due
        if month is None or due.month != month.month or due.year != month.year:
            month = month_start(due)  # once a month, not once a milestone
            mine = []
            groups.append((month, mine))
        mine.append(milestone)
    return groups


def first_due_from(milestones: Sequence[Milestone], today: dt.date) -> Milestone | None:
    """The first milestone (in date order) due today or later, done or not."""
    later = [m for m in milestones if m.due >= today]
    return min(later, key=lambda m: (m.due, m.id)) if later else None


def period_start(day: dt.date, scale: Scale) -> dt.date:
    """The first day of the month or quarter holding `day`."""
    return month_start(day) if scale is Scale.MONTH else quarter_start(day)


def period_label(start: dt.date, scale: Scale) -> str:
    """ "Dec" for a month, "Q4" for a quarter."""
    if scale is Scale.MONTH:
        return MONTH_NAMES[start.month - 1][:3]
    return f"Q{quarter_of(start)}"


def periods_between(first: dt.date, day: dt.date, scale: Scale) -> int:
    """How many whole periods `day`'s period lies after `first`'s (negative before)."""
    a, b = period_start(first, scale), period_start(day, scale)
    return ((b.year - a.year) * 12 + b.month - a.month) // scale.months


def _month_number(day: dt.date) -> int:
    """Months since the calendar began (0001-01 is 12)."""
    return day.year * 12 + day.month - 1


def _month_of(number: int) -> dt.date:
    return dt.date(number // 12, number % 12 + 1, 1)


def shift(start: dt.date, periods: int, scale: Scale) -> dt.date:
    """The start of the period `periods` after the one holding `start`; the calendar's
    first or last period when that would fall outside it (years 1 to 9999)."""
    number = _month_number(period_start(start, scale)) + periods * scale.months
    first = _month_number(dt.date.min)
    last = _month_number(period_start(dt.date.max, scale))
    return _month_of(min(max(number, first), last))


def period_days(first: dt.date, scale: Scale) -> int:
    """How many days the period starting on `first` has (the calendar's last one too)."""
    following = _month_number(first) + scale.months
    if following > _month_number(dt.date.max):
        return (dt.date.max - first).days + 1
    return (_month_of(following) - first).days


def latest_start(periods: int, scale: Scale) -> dt.date:
    """The latest start a window of `periods` periods can have: it ends with the
    calendar's last period."""
    return shift(dt.date.max, -(max(1, periods) - 1), scale)


def goal_span(goal: Goal, milestones: Sequence[Milestone] = ()) -> tuple[dt.date, dt.date] | None:
    """The days a goal's bar covers: from its start (else the day it was created, else its
    first milestone) to its due date (else its last milestone). None when nothing dates it."""
    dues = [m.due for m in milestones]
    begin = goal.start or goal.created or (min(dues) if dues else None) or goal.due
    end = goal.due or (max(dues) if dues else None) or begin
    if begin is None or end is None:
        return None
    return (begin, end) if begin <= end else (end, begin)


def overall_span(spans: Iterable[tuple[dt.date, dt.date] | None]) -> tuple[dt.date, dt.date] | None:
    """From the earliest start to the latest end of some spans."""
    real = [s for s in spans if s is not None]
    if not real:
        return None
    return min(s[0] for s in real), max(s[1] for s in real)


def choose_scale(span: tuple[dt.date, dt.date] | None, columns: int) -> Scale:
    """Months when the whole span fits in `columns` month columns, else quarters."""
    if span is None:
        return Scale.MONTH
    return (
        Scale.MONTH if periods_between(span[0], span[1], Scale.MONTH) < columns else Scale.QUARTER
    )


def default_start(
    span: tuple[dt.date, dt.date] | None, today: dt.date, columns: int, scale: Scale
) -> dt.date:
    """Where the bar view opens: the whole span when it fits, else today about a quarter
    of the way in (some past for context), without running past either end of the span."""
    here = period_start(today, scale)
    if span is None or columns <= 0:
        return here
    first = period_start(span[0], scale)
    count = periods_between(first, span[1], scale) + 1
    if count <= columns:
        return first
    wanted = periods_between(first, shift(here, -(columns // 4), scale), scale)
    latest = count - columns
    return shift(first, max(0, min(wanted, latest)), scale)


class Mark(Enum):
    """What one character of a goal's row in the bar view shows."""

    EMPTY = "empty"
    BAR = "bar"
    """Part of the bar not yet covered by progress."""
    BAR_DONE = "bar_done"
    """Part of the bar covered by the goal's progress."""
    TODAY = "today"
    TICK = "tick"
    """A milestone still to do."""
    TICK_DONE = "tick_done"
    TICK_OVERDUE = "tick_overdue"


_TICK_RANK = {Mark.TICK_DONE: 1, Mark.TICK: 2, Mark.TICK_OVERDUE: 3}
"""When milestones share a character, the one that needs attention wins."""


@dataclass(frozen=True)
class Window:
    """The months or quarters the bar view shows, `cell` characters per period."""

    start: dt.date
    periods: int
    scale: Scale
    cell: int = 4

    @property
    def width(self) -> int:
        return self.periods * self.cell

    @property
    def end(self) -> dt.date:
        """The first day after the window (the start of the calendar's last period when
        the window reaches it: see `last_day`)."""
        return shift(self.start, self.periods, self.scale)

    @property
    def last_day(self) -> dt.date:
        """The window's last day."""
        last = shift(self.start, self.periods - 1, self.scale)
        return last + dt.timedelta(days=period_days(last, self.scale) - 1)

    def x(self, day: dt.date) -> int:
        """The character column of `day`: within the period's cell by how far into the
        period the day is. Negative before the window, `width` or more after it."""
        index = periods_between(self.start, day, self.scale)
        first = period_start(day, self.scale)
        within = (day - first).days * self.cell // period_days(first, self.scale)
        return index * self.cell + within

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.last_day

    def columns(self) -> list[tuple[int, dt.date]]:
        """(character column, period start) of each period shown."""
        return [(i * self.cell, shift(self.start, i, self.scale)) for i in range(self.periods)]

    def describe(self) -> str:
        """ "Dec 2026 – Nov 2027" or "2026 Q1 – 2029 Q4"."""
        last = shift(self.start, self.periods - 1, self.scale)

        def name(day: dt.date) -> str:
            if self.scale is Scale.MONTH:
                return f"{period_label(day, self.scale)} {day.year}"
            return f"{day.year} {period_label(day, self.scale)}"

        return f"{name(self.start)} – {name(last)}"


def bar_marks(
    window: Window,
    span: tuple[dt.date, dt.date] | None,
    milestones: Sequence[Milestone],
    today: dt.date,
    progress: float | None = None,
) -> list[Mark]:
    """One Mark per character of the window: the bar from the span's start to its end
    (the first `progress` share of it done), milestones as ticks, today's column."""
    marks = [Mark.EMPTY] * window.width
    if span is not None:
        left, right = window.x(span[0]), window.x(span[1])
        done_until = left + round((right - left + 1) * progress) if progress else left
        for x in range(max(0, left), min(window.width, right + 1)):
            marks[x] = Mark.BAR_DONE if x < done_until else Mark.BAR
    now = window.x(today)
    if 0 <= now < window.width:
        marks[now] = Mark.TODAY
    for milestone in milestones:
        x = window.x(milestone.due)
        if not 0 <= x < window.width:
            continue
        if milestone.done_at is not None:
            tick = Mark.TICK_DONE
        elif is_overdue(milestone, today):
            tick = Mark.TICK_OVERDUE
        else:
            tick = Mark.TICK
        if _TICK_RANK.get(marks[x], 0) < _TICK_RANK[tick]:
            marks[x] = tick
    return marks


def outside(window: Window, span: tuple[dt.date, dt.date] | None) -> str | None:
    """ "before" or "after" when a span lies wholly outside the window, else None."""
    if span is None:
        return None
    if span[1] < window.start:
        return "before"
    if span[0] > window.last_day:
        return "after"
    return None
