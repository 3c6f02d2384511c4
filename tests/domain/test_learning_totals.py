"""Learning totals: hours this quarter and this year, items done, on fixed dates."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from growthtui.domain.learning import LearningItem, LearningKind, LearningStatus
from growthtui.domain.learning_totals import (
    done_between,
    hours_between,
    learning_date,
    learning_totals,
)

TODAY = dt.date(2026, 11, 24)
"""Q4 2026 began on 1 October."""


def item(status: LearningStatus, hours: float, **dates: Any) -> LearningItem:
    return LearningItem(
        id=1, kind=LearningKind.COURSE, title="Course", status=status, hours=hours, **dates
    )


DONE = LearningStatus.DONE
DOING = LearningStatus.IN_PROGRESS
PLANNED = LearningStatus.PLANNED
DROPPED = LearningStatus.DROPPED


@pytest.mark.parametrize(
    ("learning", "counted_on"),
    [
        (item(DONE, 8, start=dt.date(2026, 3, 1), completed=dt.date(2026, 10, 2)), "2026-10-02"),
        (item(DONE, 8, start=dt.date(2026, 3, 1)), "2026-03-01"),
        (item(DOING, 8, start=dt.date(2026, 9, 30), due=dt.date(2027, 1, 1)), "2026-09-30"),
        (item(DROPPED, 8, start=dt.date(2026, 5, 5)), "2026-05-05"),
        (item(PLANNED, 8, start=dt.date(2026, 11, 1)), None),
        (item(DOING, 8), None),
    ],
    ids=["done-by-completed", "done-without-completed-by-start", "in-progress-by-start",
         "dropped-by-start", "planned-counts-nothing", "no-date-counts-nowhere"],
)  # fmt: skip
def test_an_items_hours_count_on_its_learning_date(
    learning: LearningItem, counted_on: str | None
) -> None:
    day = learning_date(learning)
    assert (day.isoformat() if day else None) == counted_on


def test_a_course_started_last_quarter_and_finished_this_one_counts_this_quarter() -> None:
    course = item(DONE, 12, start=dt.date(2026, 8, 1), completed=dt.date(2026, 10, 1))
    totals = learning_totals([course], TODAY)
    assert totals.quarter_hours == 12
    assert totals.year_hours == 12
    assert totals.done_this_quarter == 1


def test_an_item_in_progress_counts_in_the_quarter_it_started() -> None:
    started_in_q3 = item(DOING, 30, start=dt.date(2026, 9, 30))
    started_in_q4 = item(DOING, 5, start=dt.date(2026, 10, 1))
    totals = learning_totals([started_in_q3, started_in_q4], TODAY)
    assert totals.quarter_hours == 5
    assert totals.year_hours == 35
    assert totals.in_progress == 2
    assert totals.done_this_year == 0


def test_last_year_and_planned_items_and_future_dates_are_left_out() -> None:
    items = [
        item(DONE, 40, start=dt.date(2025, 11, 1), completed=dt.date(2025, 12, 31)),
        item(PLANNED, 16, start=dt.date(2026, 11, 1), due=dt.date(2026, 11, 2)),
        item(DONE, 3, completed=dt.date(2026, 11, 25)),  # tomorrow: not yet
        item(DONE, 2.5, completed=TODAY),
        item(DROPPED, 6, start=dt.date(2026, 1, 1)),
    ]
    totals = learning_totals(items, TODAY)
    assert totals.quarter_hours == 2.5
    assert totals.year_hours == 8.5
    assert totals.done_this_quarter == 1
    assert totals.done_this_year == 1
    assert totals.planned == 1


def test_period_bounds_include_both_ends() -> None:
    first, last = dt.date(2026, 1, 1), dt.date(2026, 3, 31)
    items = [
        item(DONE, 1, completed=first),
        item(DONE, 10, completed=last),
        item(DONE, 100, completed=dt.date(2025, 12, 31)),
        item(DONE, 1000, completed=dt.date(2026, 4, 1)),
    ]
    assert hours_between(items, first, last) == 11
    assert done_between(items, first, last) == 2


def test_on_the_first_day_of_a_year_the_quarter_and_the_year_are_the_same_day() -> None:
    new_year = dt.date(2027, 1, 1)
    items = [
        item(DONE, 4, completed=new_year),
        item(DONE, 9, completed=dt.date(2026, 12, 31)),
    ]
    totals = learning_totals(items, new_year)
    assert (totals.quarter_hours, totals.year_hours) == (4, 4)
    assert totals.quarter_label == "Q1 2027"


def test_the_summary_line_names_the_quarter_and_the_year() -> None:
    items = [
        item(DONE, 7.5, start=dt.date(2026, 10, 1), completed=dt.date(2026, 10, 20)),
        item(DONE, 20, completed=dt.date(2026, 2, 1)),
        item(DOING, 0, start=dt.date(2026, 11, 1)),
        item(PLANNED, 16),
    ]
    assert learning_totals(items, TODAY).describe() == (
        "Q4 2026: 7.5 h, 1 done · 2026: 27.5 h, 2 done · 1 in progress · 1 planned"
    )


def test_late_means_open_and_past_its_due_date() -> None:
    due = dt.date(2026, 11, 23)
    assert item(DOING, 0, due=due).is_late(TODAY)
    assert item(PLANNED, 0, due=due).is_late(TODAY)
    assert not item(DOING, 0, due=TODAY).is_late(TODAY)
    assert not item(DONE, 0, due=due, completed=TODAY).is_late(TODAY)
    assert not item(DROPPED, 0, due=due).is_late(TODAY)
