"""Reading dates a person types, and the calendar arithmetic the rules share.

Every date growthtui stores lies between 0001-01-01 and 9999-12-31 (Python's `date.min`
and `date.max`), and so does every date a rule computes from one: `shift_days` and
`add_months` stop at those ends instead of raising OverflowError, so a goal due
9999-12-31, or "today" pinned there, never crashes a rule, a screen or an export.
Only what a person types is refused when it would pass an end (`parse_date`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from growthtui.domain.errors import InvalidInput

# ASCII digits only: `\d` would also take Arabic-Indic or full-width digits, which
# `date.fromisoformat` then refuses with a misleading "not a real date".
_RELATIVE = re.compile(r"([+-]?)([0-9]{1,4})\s*([dwmy])")
_ISO = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_NAMED_DAYS = {"tomorrow": (1, "d"), "yesterday": (-1, "d")}
_FIRST = dt.date.min.toordinal()
_LAST = dt.date.max.toordinal()


def parse_date(text: str, today: dt.date, field: str = "date") -> dt.date:
    """Read a date typed by a person.

    Accepts ISO `YYYY-MM-DD`, `today`, `tomorrow`, `yesterday`, and offsets such as
    `+3d`, `2w`, `-1m`, `1y` counted from `today`. Anything else raises InvalidInput.
    """
    raw = text.strip().lower()
    shown = text.strip()
    for_field = "" if field == "date" else f" for the {field}"
    if not raw:
        raise InvalidInput(f"the {field} is empty: type a date as YYYY-MM-DD", field)
    if raw == "today":
        return today
    offset = _NAMED_DAYS.get(raw)
    match = None if offset is not None else _RELATIVE.fullmatch(raw)
    if match:
        sign = -1 if match.group(1) == "-" else 1
        offset = (sign * int(match.group(2)), match.group(3))
    if offset is not None:
        amount, unit = offset
        if unit in ("d", "w"):
            found = _days_later(today, amount * (7 if unit == "w" else 1))
        else:
            found = _months_later(today, amount * (12 if unit == "y" else 1))
        if found is None:
            raise InvalidInput(
                f"{shown!r} is too far away{for_field}: "
                "use a smaller offset or a date between 0001-01-01 and 9999-12-31",
                field,
            )
        return found
    if _ISO.fullmatch(raw):
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            raise InvalidInput(
                f"{shown!r} is not a real date{for_field}: check the month and the day",
                field,
            ) from None
    raise InvalidInput(
        f"{shown!r} is not a date{for_field}: use YYYY-MM-DD (or today, +3d, 2w, 1m)",
        field,
    )


def parse_optional_date(text: str, today: dt.date, field: str = "date") -> dt.date | None:
    """Like parse_date, but an empty text means "no date"."""
    return parse_date(text, today, field) if text.strip() else None


def _days_later(day: dt.date, days: int) -> dt.date | None:
    """`day` moved by `days` (negative: earlier); None past 0001-01-01 or 9999-12-31."""
    ordinal = day.toordinal() + days
    if not _FIRST <= ordinal <= _LAST:
        return None
    return dt.date.fromordinal(ordinal)


def _months_later(day: dt.date, months: int) -> dt.date | None:
    """The same day `months` later, at the month's end when shorter; None past the ends."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        return None
    month += 1
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last))


def shift_days(day: dt.date, days: int) -> dt.date:
    """`day` moved by `days` (negative: earlier), stopping at 0001-01-01 and 9999-12-31:
    "a week after 9999-12-28" is 9999-12-31, never an OverflowError."""
    moved = _days_later(day, days)
    if moved is not None:
        return moved
    return dt.date.max if days > 0 else dt.date.min


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, clamped to the month's end (Jan 31 + 1m = Feb 28/29),
    and to 9999-12-31 (or 0001-01-01) when it would pass the calendar's ends."""
    moved = _months_later(day, months)
    if moved is not None:
        return moved
    return dt.date.max if months > 0 else dt.date.min


def quarter_of(day: dt.date) -> int:
    """1–4."""
    return (day.month - 1) // 3 + 1


def quarter_start(day: dt.date) -> dt.date:
    return dt.date(day.year, 3 * (quarter_of(day) - 1) + 1, 1)


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def days_between(start: dt.date, end: dt.date) -> int:
    return (end - start).days


def relative_day(day: dt.date, today: dt.date) -> str:
    """A date as a person says it from today: "today", "tomorrow", "yesterday",
    "in 9 days", "3 days ago"; past two months, in months ("in 5 months")."""
    days = (day - today).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    if abs(days) < 60:
        return f"in {days} days" if days > 0 else f"{-days} days ago"
    months = round(abs(days) / 30.4)
    return f"in {months} months" if days > 0 else f"{months} months ago"
