"""The timeline's calendar: month groups, month/quarter columns, bars with ticks."""

from __future__ import annotations

import datetime as dt

import pytest

from growthtui.domain.goals import Goal, Milestone
from growthtui.domain.kinds import Horizon
from growthtui.domain.timeline import (
    Mark,
    Scale,
    Window,
    bar_marks,
    by_month,
    choose_scale,
    default_start,
    first_due_from,
    goal_span,
    month_heading,
    outside,
    overall_span,
    period_label,
    periods_between,
    shift,
)

TODAY = dt.date(2026, 11, 24)
D = dt.date


def milestone(mid: int, due: dt.date, done_at: dt.date | None = None) -> Milestone:
    return Milestone(id=mid, goal_id=1, title=f"step {mid}", due=due, done_at=done_at)


def goal(**fields: object) -> Goal:
    return Goal(id=1, title="Write the RFC", horizon=Horizon.SHORT, **fields)


def test_month_heading_names_the_month_and_year() -> None:
    assert month_heading(D(2026, 12, 3)) == "December 2026"
    assert month_heading(D(2027, 1, 31)) == "January 2027"


def test_by_month_groups_in_date_order_with_ties_by_id() -> None:
    groups = by_month(
        [
            milestone(3, D(2027, 1, 2)),
            milestone(2, D(2026, 12, 9)),
            milestone(1, D(2026, 12, 9)),
            milestone(4, D(2026, 11, 30)),
        ]
    )
    assert [(month, [m.id for m in ms]) for month, ms in groups] == [
        (D(2026, 11, 1), [4]),
        (D(2026, 12, 1), [1, 2]),
        (D(2027, 1, 1), [3]),
    ]


def test_first_due_from_today_includes_today_and_done_ones() -> None:
    ms = [
        milestone(1, D(2026, 11, 20)),
        milestone(2, D(2026, 11, 24), done_at=D(2026, 11, 23)),
        milestone(3, D(2026, 11, 25)),
    ]
    found = first_due_from(ms, TODAY)
    assert found is not None and found.id == 2
    assert first_due_from(ms[:1], TODAY) is None


@pytest.mark.parametrize(
    ("day", "scale", "label"),
    [(D(2026, 12, 1), Scale.MONTH, "Dec"), (D(2026, 10, 1), Scale.QUARTER, "Q4")],
)
def test_period_labels(day: dt.date, scale: Scale, label: str) -> None:
    assert period_label(day, scale) == label


def test_periods_between_and_shift_agree_across_years() -> None:
    assert periods_between(D(2026, 11, 24), D(2027, 2, 1), Scale.MONTH) == 3
    assert periods_between(D(2026, 11, 24), D(2027, 2, 1), Scale.QUARTER) == 1
    assert periods_between(D(2027, 2, 1), D(2026, 11, 24), Scale.QUARTER) == -1
    assert shift(D(2026, 11, 24), 3, Scale.MONTH) == D(2027, 2, 1)
    assert shift(D(2026, 11, 24), -2, Scale.QUARTER) == D(2026, 4, 1)


def test_goal_span_prefers_start_then_created_then_milestones() -> None:
    assert goal_span(goal(start=D(2026, 9, 1), due=D(2027, 1, 1))) == (D(2026, 9, 1), D(2027, 1, 1))
    assert goal_span(goal(created=D(2026, 10, 1), due=D(2027, 1, 1))) == (
        D(2026, 10, 1),
        D(2027, 1, 1),
    )
    ms = [milestone(1, D(2026, 12, 1)), milestone(2, D(2027, 3, 1))]
    assert goal_span(goal(), ms) == (D(2026, 12, 1), D(2027, 3, 1))
    assert goal_span(goal()) is None
    # Created after its due date (an imported late goal): still a bar, never reversed.
    assert goal_span(goal(created=D(2027, 2, 1), due=D(2027, 1, 1))) == (
        D(2027, 1, 1),
        D(2027, 2, 1),
    )


def test_scale_is_months_when_the_span_fits_else_quarters() -> None:
    assert choose_scale((D(2026, 10, 1), D(2027, 6, 30)), 16) is Scale.MONTH
    assert choose_scale((D(2025, 9, 1), D(2030, 9, 24)), 16) is Scale.QUARTER
    assert choose_scale(None, 16) is Scale.MONTH


def test_default_start_shows_the_whole_span_when_it_fits() -> None:
    span = (D(2026, 10, 15), D(2027, 6, 30))
    assert default_start(span, TODAY, 16, Scale.MONTH) == D(2026, 10, 1)


def test_default_start_puts_today_a_quarter_in_without_running_past_the_span() -> None:
    span = (D(2025, 9, 1), D(2030, 9, 24))
    start = default_start(span, TODAY, 12, Scale.QUARTER)
    assert start == D(2026, 1, 1)  # 2026 Q4 is the 4th of 12 columns
    window = Window(start, 12, Scale.QUARTER)
    assert window.contains(TODAY)
    # near the end of the span the window stops at its last period
    late = default_start(span, D(2030, 6, 1), 12, Scale.QUARTER)
    assert shift(late, 11, Scale.QUARTER) == D(2030, 7, 1)


def test_window_positions_days_inside_their_period() -> None:
    window = Window(D(2026, 11, 1), 3, Scale.MONTH, cell=4)
    assert window.width == 12
    assert window.end == D(2027, 2, 1)
    assert window.x(D(2026, 11, 1)) == 0
    assert window.x(TODAY) == 3  # day 24 of 30 → last character of November
    assert window.x(D(2026, 12, 16)) == 5  # day 16 of 31 → second character
    assert window.x(D(2026, 10, 31)) < 0
    assert window.x(D(2027, 2, 1)) >= window.width
    assert window.describe() == "Nov 2026 – Jan 2027"
    assert Window(D(2026, 1, 1), 8, Scale.QUARTER).describe() == "2026 Q1 – 2027 Q4"


def test_bar_marks_draw_bar_progress_ticks_and_today() -> None:
    window = Window(D(2026, 11, 1), 4, Scale.MONTH, cell=4)
    ms = [
        milestone(1, D(2026, 11, 10), done_at=D(2026, 11, 9)),  # x=1
        milestone(2, D(2026, 11, 16)),  # x=2: overdue
        milestone(3, D(2026, 12, 28)),  # x=7: to do
        milestone(4, D(2027, 6, 1)),  # beyond the window: not drawn
    ]
    marks = bar_marks(window, (D(2026, 11, 1), D(2027, 1, 31)), ms, TODAY, progress=0.5)
    assert len(marks) == 16
    assert marks[1] is Mark.TICK_DONE
    assert marks[2] is Mark.TICK_OVERDUE
    assert marks[3] is Mark.TODAY
    assert marks[7] is Mark.TICK
    assert marks[0] is Mark.BAR_DONE and marks[5] is Mark.BAR_DONE
    assert marks[6] is Mark.BAR and marks[11] is Mark.BAR
    assert marks[12:] == [Mark.EMPTY] * 4


def test_an_overdue_tick_wins_a_shared_character() -> None:
    window = Window(D(2026, 1, 1), 2, Scale.QUARTER, cell=4)
    ms = [milestone(1, D(2026, 1, 2), done_at=D(2026, 1, 2)), milestone(2, D(2026, 1, 3))]
    marks = bar_marks(window, None, ms, TODAY)
    assert marks[0] is Mark.TICK_OVERDUE
    assert marks.count(Mark.BAR) == 0


def test_outside_tells_which_side_a_bar_lies() -> None:
    window = Window(D(2026, 11, 1), 4, Scale.MONTH)
    assert outside(window, (D(2025, 1, 1), D(2026, 10, 31))) == "before"
    assert outside(window, (D(2027, 3, 1), D(2027, 9, 1))) == "after"
    assert outside(window, (D(2025, 1, 1), D(2027, 9, 1))) is None
    assert overall_span([None, (D(2026, 1, 1), D(2026, 3, 1)), (D(2025, 6, 1), D(2026, 2, 1))]) == (
        D(2025, 6, 1),
        D(2026, 3, 1),
    )
