"""When the next review is due, for every cadence, and which period a new review covers."""

from __future__ import annotations

import datetime as dt
from itertools import count

import pytest

from growthtui.domain.cadence import review_due
from growthtui.domain.errors import InvalidInput
from growthtui.domain.kinds import Cadence
from growthtui.domain.review_evidence import Period, suggest_period
from growthtui.domain.reviews import Review

TODAY = dt.date(2026, 11, 24)
_ids = count(1)


def review(on: dt.date, *, draft: bool = False, period: Cadence = Cadence.QUARTERLY) -> Review:
    return Review(id=next(_ids), period=period, date=on, covers_from=on, covers_to=on, draft=draft)


# (cadence, last review, due date) — one cadence step after the last finished review.
STEPS = [
    (Cadence.WEEKLY, dt.date(2026, 11, 10), dt.date(2026, 11, 17)),
    (Cadence.MONTHLY, dt.date(2026, 8, 31), dt.date(2026, 9, 30)),
    (Cadence.QUARTERLY, dt.date(2026, 5, 31), dt.date(2026, 8, 31)),
    (Cadence.ANNUAL, dt.date(2024, 2, 29), dt.date(2025, 2, 28)),
]


@pytest.mark.parametrize(("cadence", "last", "due"), STEPS, ids=[c.value for c, _, _ in STEPS])
def test_overdue_after_one_cadence_without_a_review(
    cadence: Cadence, last: dt.date, due: dt.date
) -> None:
    result = review_due(cadence, [review(last, period=cadence)], TODAY)
    assert result.due == due
    assert result.is_due
    assert result.days == -(TODAY - due).days
    assert result.describe(cadence).startswith(f"{cadence.value} review overdue by ")
    assert result.describe(cadence).endswith("start it now")


@pytest.mark.parametrize(
    ("cadence", "days_ago", "days_left"),
    [
        (Cadence.WEEKLY, 3, 4),
        (Cadence.MONTHLY, 24, 6),  # 2026-10-31 → 2026-11-30
        (Cadence.QUARTERLY, 84, 7),  # 2026-09-01 → 2026-12-01
        (Cadence.ANNUAL, 300, 65),  # 2026-01-28 → 2027-01-28
    ],
)
def test_due_in_the_future_after_a_recent_review(
    cadence: Cadence, days_ago: int, days_left: int
) -> None:
    last = TODAY - dt.timedelta(days=days_ago)
    result = review_due(cadence, [review(last)], TODAY)
    assert not result.is_due
    assert result.days == days_left
    assert result.describe(cadence) == f"{cadence.value} review due in {days_left} days"


@pytest.mark.parametrize("cadence", list(Cadence))
def test_due_today_exactly_one_cadence_later(cadence: Cadence) -> None:
    back = {
        Cadence.WEEKLY: dt.date(2026, 11, 17),
        Cadence.MONTHLY: dt.date(2026, 10, 24),
        Cadence.QUARTERLY: dt.date(2026, 8, 24),
        Cadence.ANNUAL: dt.date(2025, 11, 24),
    }[cadence]
    result = review_due(cadence, [review(back)], TODAY)
    assert (result.days, result.is_due) == (0, True)
    assert result.describe(cadence) == f"{cadence.value} review due today"


@pytest.mark.parametrize("cadence", list(Cadence))
def test_a_draft_does_not_count_as_a_review(cadence: Cadence) -> None:
    """Leaving a guided review half-way must not silence the reminder."""
    result = review_due(cadence, [review(TODAY, draft=True)], TODAY)
    assert result.never_reviewed and result.is_due
    assert result.describe(cadence) == f"no {cadence.value} review yet: start your first one"


def test_the_latest_finished_review_counts_whatever_the_order() -> None:
    reviews = [review(dt.date(2026, 9, 1)), review(dt.date(2026, 3, 1)), review(TODAY, draft=True)]
    assert review_due(Cadence.MONTHLY, reviews, TODAY).due == dt.date(2026, 10, 1)


# -- the period a new review covers -------------------------------------------------------


def test_a_review_covers_from_the_last_finished_review_to_today() -> None:
    reviews = [review(dt.date(2026, 9, 1)), review(dt.date(2026, 11, 1), draft=True)]
    assert suggest_period(Cadence.QUARTERLY, reviews, TODAY) == Period(dt.date(2026, 9, 1), TODAY)


@pytest.mark.parametrize(
    ("cadence", "today", "start", "end"),
    [
        # Mid-period: the current week, month, quarter or year up to today.
        (Cadence.WEEKLY, dt.date(2026, 11, 26), dt.date(2026, 11, 23), dt.date(2026, 11, 26)),
        (Cadence.MONTHLY, TODAY, dt.date(2026, 11, 1), TODAY),
        (Cadence.QUARTERLY, TODAY, dt.date(2026, 10, 1), TODAY),
        (Cadence.ANNUAL, TODAY, dt.date(2026, 1, 1), TODAY),
        # In the first days of a period: the one that just ended (TODAY is a Tuesday).
        (Cadence.WEEKLY, TODAY, dt.date(2026, 11, 16), dt.date(2026, 11, 22)),
        (Cadence.MONTHLY, dt.date(2026, 12, 3), dt.date(2026, 11, 1), dt.date(2026, 11, 30)),
        (Cadence.ANNUAL, dt.date(2027, 1, 10), dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
    ],
)
def test_a_first_review_covers_the_calendar_period(
    cadence: Cadence, today: dt.date, start: dt.date, end: dt.date
) -> None:
    assert suggest_period(cadence, [], today) == Period(start, end)


def test_a_review_already_done_today_falls_back_to_the_calendar_period() -> None:
    period = suggest_period(Cadence.MONTHLY, [review(TODAY)], TODAY)
    assert period == Period(dt.date(2026, 11, 1), TODAY)


def test_a_period_may_not_end_before_it_starts() -> None:
    with pytest.raises(InvalidInput, match="before it starts"):
        Period(TODAY, TODAY - dt.timedelta(days=1))
    one_day = Period(TODAY, TODAY)
    assert one_day.days == 1 and TODAY in one_day
    assert TODAY + dt.timedelta(days=1) not in one_day
