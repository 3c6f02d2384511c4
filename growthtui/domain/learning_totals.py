"""Totals of the learning plan: hours this quarter and this year, items done.

The rule, in one place so every screen and report counts the same way:

- An item's hours are counted once, on its *learning date*: the day it was completed for a
  done item (its start when no completed date was recorded); its start for an item in
  progress or dropped (that time was spent, even if the item was given up). Planned items
  count nothing yet, and an item without such a date counts in no period.
- A period runs from its first day (1 January, the first day of the quarter) to today,
  both included: "this quarter" means "so far this quarter", so a date typed in the future
  does not count before it comes.
- "Done" counts done items by their completed date alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from growthtui.domain.dates import quarter_of, quarter_start
from growthtui.domain.learning import LearningItem, LearningStatus


def learning_date(item: LearningItem) -> dt.date | None:
    """The day an item's hours count on (see the module's rule); None when they count nowhere."""
    if item.status is LearningStatus.DONE:
        return item.completed or item.start
    if item.status in (LearningStatus.IN_PROGRESS, LearningStatus.DROPPED):
        return item.start
    return None


def hours_between(items: Iterable[LearningItem], first: dt.date, last: dt.date) -> float:
    """Hours of the items whose learning date falls from `first` to `last`, both included."""
    total = 0.0
    for item in items:
        day = learning_date(item)
        if day is not None and first <= day <= last:
            total += item.hours
    return total


def done_between(items: Iterable[LearningItem], first: dt.date, last: dt.date) -> int:
    """How many items were completed from `first` to `last`, both included."""
    return sum(
        1
        for item in items
        if item.status is LearningStatus.DONE
        and item.completed is not None
        and first <= item.completed <= last
    )


@dataclass(frozen=True)
class LearningTotals:
    """Where the learning plan stands on a day."""

    today: dt.date
    quarter_hours: float
    year_hours: float
    done_this_quarter: int
    done_this_year: int
    in_progress: int
    planned: int

    @property
    def quarter_label(self) -> str:
        """e.g. "Q4 2026"."""
        return f"Q{quarter_of(self.today)} {self.today.year}"

    def describe(self) -> str:
        """One line for the top of the Learning screen."""
        return (
            f"{self.quarter_label}: {hours_text(self.quarter_hours)}, "
            f"{self.done_this_quarter} done · {self.today.year}: "
            f"{hours_text(self.year_hours)}, {self.done_this_year} done · "
            f"{self.in_progress} in progress · {self.planned} planned"
        )


def hours_text(hours: float) -> str:
    """Hours as a person reads them: "12 h", "7.5 h"."""
    return f"{hours:g} h"


def learning_totals(items: Iterable[LearningItem], today: dt.date) -> LearningTotals:
    """Hours and items done so far this quarter and this year, and what is under way."""
    items = list(items)
    quarter = quarter_start(today)
    year = dt.date(today.year, 1, 1)
    return LearningTotals(
        today=today,
        quarter_hours=hours_between(items, quarter, today),
        year_hours=hours_between(items, year, today),
        done_this_quarter=done_between(items, quarter, today),
        done_this_year=done_between(items, year, today),
        in_progress=sum(1 for i in items if i.status is LearningStatus.IN_PROGRESS),
        planned=sum(1 for i in items if i.status is LearningStatus.PLANNED),
    )
