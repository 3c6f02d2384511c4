"""The Timeline's calendar to the ends of the dates the types allow: a goal due
9999-12-31 (or started in year 1) is drawn, and the window never runs off the calendar."""

from __future__ import annotations

import datetime as dt

import pytest

from growthtui.domain.timeline import (
    Scale,
    Window,
    bar_marks,
    latest_start,
    outside,
    period_days,
    shift,
)

LAST = dt.date.max
FIRST = dt.date.min


@pytest.mark.parametrize("scale", list(Scale))
def test_shifting_stops_at_the_calendars_ends(scale: Scale) -> None:
    assert shift(LAST, 1, scale).year == 9999
    assert shift(dt.date(9999, 11, 1), 30, scale) == shift(LAST, 0, scale)
    assert shift(FIRST, -5, scale) == FIRST
    assert period_days(shift(LAST, 0, scale), scale) == (31 if scale is Scale.MONTH else 92)


@pytest.mark.parametrize("scale", list(Scale))
def test_a_window_at_the_end_of_time_draws_a_bar_to_its_last_day(scale: Scale) -> None:
    start = latest_start(12, scale)
    window = Window(start, 12, scale)
    assert window.contains(LAST) and window.last_day == LAST
    marks = bar_marks(window, (dt.date(9990, 1, 1), LAST), [], dt.date(2026, 11, 24))
    assert marks[-1].value == "bar"
    assert outside(window, (dt.date(2026, 1, 1), LAST)) is None
    assert window.x(LAST) == window.width - 1
