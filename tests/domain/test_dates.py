"""Reading the dates a person types, and the month arithmetic the rules share."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from growthtui.domain.dates import (
    add_months,
    days_between,
    month_start,
    parse_date,
    parse_optional_date,
    quarter_of,
    quarter_start,
    shift_days,
)
from growthtui.domain.errors import InvalidInput

TODAY = dt.date(2026, 11, 24)
"""The same fixed day as the `today` fixture; hypothesis tests cannot take fixtures."""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2027-03-31", dt.date(2027, 3, 31)),
        ("  2027-03-31  ", dt.date(2027, 3, 31)),
        ("2024-02-29", dt.date(2024, 2, 29)),
        ("today", TODAY),
        ("Today", TODAY),
        ("TOMORROW", dt.date(2026, 11, 25)),
        ("yesterday", dt.date(2026, 11, 23)),
        ("+3d", dt.date(2026, 11, 27)),
        ("3d", dt.date(2026, 11, 27)),
        ("3 d", dt.date(2026, 11, 27)),
        ("-3d", dt.date(2026, 11, 21)),
        ("0d", TODAY),
        ("2w", dt.date(2026, 12, 8)),
        ("-1w", dt.date(2026, 11, 17)),
        ("1m", dt.date(2026, 12, 24)),
        ("+2m", dt.date(2027, 1, 24)),
        ("-11m", dt.date(2025, 12, 24)),
        ("1y", dt.date(2027, 11, 24)),
        ("-1y", dt.date(2025, 11, 24)),
        ("10Y", dt.date(2036, 11, 24)),
    ],
)
def test_parse_date_reads_what_a_person_types(text: str, expected: dt.date) -> None:
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "is empty"),
        ("   ", "is empty"),
        ("next tuesday", "use YYYY-MM-DD"),
        ("2026/11/24", "use YYYY-MM-DD"),
        ("24-11-2026", "use YYYY-MM-DD"),
        ("2026-1-5", "use YYYY-MM-DD"),
        ("3x", "use YYYY-MM-DD"),
        ("++3d", "use YYYY-MM-DD"),
        ("12345d", "use YYYY-MM-DD"),
        ("2026-02-29", "check the month and the day"),
        ("2026-13-01", "check the month and the day"),
        ("2026-04-31", "check the month and the day"),
        ("0000-01-01", "check the month and the day"),
        ("9999y", "too far away"),
        ("-9999y", "too far away"),
        # Digits of other scripts look like a date but are not one a person means here.
        ("٢٠٢٦-١١-٢٤", "use YYYY-MM-DD"),
        ("２０２６-１１-２４", "use YYYY-MM-DD"),
        ("٣d", "use YYYY-MM-DD"),
    ],
)
def test_parse_date_refuses_with_a_sentence_saying_what_to_type(text: str, says: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_date(text, TODAY, field="due date")
    message = str(caught.value)
    assert says in message
    assert "due date" in message
    assert caught.value.field == "due date"


def test_a_bad_date_message_quotes_what_was_typed() -> None:
    with pytest.raises(InvalidInput, match="'next tuesday' is not a date: use YYYY-MM-DD"):
        parse_date(" next tuesday ", TODAY)


def test_parse_optional_date_treats_blank_as_no_date() -> None:
    assert parse_optional_date("  ", TODAY) is None
    assert parse_optional_date("2w", TODAY) == dt.date(2026, 12, 8)
    with pytest.raises(InvalidInput):
        parse_optional_date("soon", TODAY)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2027, 1, 31), 1, dt.date(2027, 2, 28)),
        (dt.date(2028, 1, 31), 1, dt.date(2028, 2, 29)),
        (dt.date(2024, 2, 29), 12, dt.date(2025, 2, 28)),
        (dt.date(2024, 2, 29), 48, dt.date(2028, 2, 29)),
        (dt.date(2026, 3, 31), -1, dt.date(2026, 2, 28)),
        (dt.date(2026, 8, 31), 1, dt.date(2026, 9, 30)),
        (dt.date(2026, 11, 24), 2, dt.date(2027, 1, 24)),
        (dt.date(2026, 1, 15), -1, dt.date(2025, 12, 15)),
        (dt.date(2026, 5, 15), 0, dt.date(2026, 5, 15)),
        (dt.date(2026, 5, 15), 120, dt.date(2036, 5, 15)),
    ],
)
def test_add_months_clamps_to_the_end_of_a_shorter_month(
    day: dt.date, months: int, expected: dt.date
) -> None:
    assert add_months(day, months) == expected


def test_one_month_from_january_31_is_the_end_of_february() -> None:
    assert parse_date("1m", dt.date(2027, 1, 31)) == dt.date(2027, 2, 28)
    assert parse_date("1m", dt.date(2028, 1, 31)) == dt.date(2028, 2, 29)


def test_one_year_from_a_leap_day_is_february_28() -> None:
    assert parse_date("1y", dt.date(2024, 2, 29)) == dt.date(2025, 2, 28)
    assert parse_date("4y", dt.date(2024, 2, 29)) == dt.date(2028, 2, 29)


@pytest.mark.parametrize(
    ("day", "quarter", "start"),
    [
        (dt.date(2026, 1, 1), 1, dt.date(2026, 1, 1)),
        (dt.date(2026, 3, 31), 1, dt.date(2026, 1, 1)),
        (dt.date(2026, 4, 1), 2, dt.date(2026, 4, 1)),
        (dt.date(2026, 9, 30), 3, dt.date(2026, 7, 1)),
        (dt.date(2026, 11, 24), 4, dt.date(2026, 10, 1)),
    ],
)
def test_quarters(day: dt.date, quarter: int, start: dt.date) -> None:
    assert quarter_of(day) == quarter
    assert quarter_start(day) == start


def test_month_start_and_days_between() -> None:
    assert month_start(TODAY) == dt.date(2026, 11, 1)
    assert days_between(TODAY, dt.date(2026, 12, 1)) == 7
    assert days_between(dt.date(2026, 12, 1), TODAY) == -7


# --- properties -------------------------------------------------------------------------

# Days of years 1000–9999: `isoformat` gives four-digit years only from 1000 on.
four_digit_years = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31))


@given(day=four_digit_years)
def test_any_iso_date_parses_back_to_itself(day: dt.date) -> None:
    assert parse_date(day.isoformat(), TODAY) == day


@given(text=st.text(max_size=30))
def test_any_text_parses_or_says_why_not(text: str) -> None:
    try:
        day = parse_date(text, TODAY)
    except InvalidInput as error:
        assert str(error)
    else:
        assert isinstance(day, dt.date)


@given(
    text=st.from_regex(r"\A[ +\-0-9dwmyDWMY]{1,8}\Z")
    | st.from_regex(r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}\Z"),
    today=st.dates(),
)
def test_date_like_text_parses_or_says_why_not(text: str, today: dt.date) -> None:
    try:
        parse_date(text, today)
    except InvalidInput as error:
        assert str(error)


@given(today=four_digit_years.filter(lambda d: d.year < 9000), days=st.integers(0, 9999))
def test_day_offsets_count_from_today(today: dt.date, days: int) -> None:
    assert parse_date(f"+{days}d", today) == today + dt.timedelta(days=days)
    assert parse_date(f"{days}d", today) == today + dt.timedelta(days=days)
    assert parse_date(f"-{days}d", today) == today - dt.timedelta(days=days)


@given(today=four_digit_years.filter(lambda d: d.year < 9000), weeks=st.integers(0, 99))
def test_week_offsets_are_seven_days(today: dt.date, weeks: int) -> None:
    assert parse_date(f"{weeks}w", today) == today + dt.timedelta(days=7 * weeks)


@given(day=st.dates(max_value=dt.date(9000, 1, 1)), months=st.integers(0, 600))
def test_add_months_lands_in_the_right_month_on_the_same_or_last_day(
    day: dt.date, months: int
) -> None:
    later = add_months(day, months)
    assert (later.year * 12 + later.month) - (day.year * 12 + day.month) == months
    if later.day != day.day:
        assert later.day < day.day
        assert (later + dt.timedelta(days=1)).day == 1, "clamped only to the month's last day"


@given(day=st.dates(min_value=dt.date(2, 1, 1), max_value=dt.date(9000, 1, 1)))
def test_months_and_years_agree(day: dt.date) -> None:
    assert parse_date("1y", day) == add_months(day, 12) == parse_date("12m", day)
    assert parse_date("-1y", day) == add_months(day, -12)


@pytest.mark.parametrize(
    ("offset", "words"),
    [
        (0, "today"),
        (1, "tomorrow"),
        (-1, "yesterday"),
        (9, "in 9 days"),
        (-3, "3 days ago"),
        (59, "in 59 days"),
        (152, "in 5 months"),
        (-365, "12 months ago"),
    ],
)
def test_relative_day_reads_as_a_person_says_it(offset: int, words: str) -> None:
    from growthtui.domain.dates import relative_day

    today = dt.date(2026, 11, 24)
    assert relative_day(today + dt.timedelta(days=offset), today) == words


# -- the calendar's ends: 0001-01-01 and 9999-12-31 -------------------------------------------
LAST = dt.date.max
FIRST = dt.date.min


@pytest.mark.parametrize(
    ("text", "today"),
    [
        ("tomorrow", LAST),
        ("+1d", LAST),
        ("1w", dt.date(9999, 12, 28)),
        ("+3d", dt.date(9999, 12, 30)),
        ("1m", dt.date(9999, 12, 1)),
        ("1y", dt.date(9999, 1, 1)),
        ("9999y", TODAY),
        ("yesterday", FIRST),
        ("-1d", FIRST),
        ("-1m", FIRST),
        ("-9999y", TODAY),
    ],
)
def test_an_offset_past_the_calendars_ends_is_one_sentence(text: str, today: dt.date) -> None:
    with pytest.raises(InvalidInput, match="is too far away for the due date: use a smaller"):
        parse_date(text, today, "due date")


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("today", LAST, LAST),
        ("+3d", dt.date(9999, 12, 28), LAST),
        ("1m", dt.date(9999, 11, 30), dt.date(9999, 12, 30)),
        ("yesterday", dt.date(1, 1, 2), FIRST),
        ("9999-12-31", TODAY, LAST),
    ],
)
def test_offsets_reach_the_calendars_ends(text: str, today: dt.date, expected: dt.date) -> None:
    assert parse_date(text, today) == expected


@given(day=st.dates(), days=st.integers(-(10**6), 10**6))
def test_shift_days_never_overflows_and_stops_at_the_ends(day: dt.date, days: int) -> None:
    moved = shift_days(day, days)
    try:
        exact = day + dt.timedelta(days=days)
    except OverflowError:
        assert moved == (LAST if days > 0 else FIRST)
    else:
        assert moved == exact


@given(day=st.dates(), months=st.integers(-200_000, 200_000))
def test_add_months_never_overflows_and_stops_at_the_ends(day: dt.date, months: int) -> None:
    moved = add_months(day, months)
    year = day.year + (day.month - 1 + months) // 12
    if 1 <= year <= 9999:
        assert (moved.year, moved.month) == (year, (day.month - 1 + months) % 12 + 1)
    else:
        assert moved == (LAST if months > 0 else FIRST)
