"""How far along a goal is: from its measure, else its milestones done, else its stepping
stones."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from growthtui.domain.goals import CheckIn, Goal, GoalChange, Measure, Milestone
from growthtui.domain.kinds import GoalStatus
from growthtui.domain.progress import (
    goal_progress,
    latest_value,
    measure_progress,
    progress_bar,
    progress_by_goal,
)

TODAY = dt.date(2026, 11, 24)


def goal(measure: Measure | None = None, status: GoalStatus = GoalStatus.ACTIVE) -> Goal:
    return Goal(
        id=1, title="Raise my practice exam score", measure=measure or Measure(), status=status
    )


def checkin(value: float | None, days_ago: int, goal_id: int = 1) -> CheckIn:
    return CheckIn(goal_id=goal_id, date=TODAY - dt.timedelta(days=days_ago), value=value)


def milestone(done: bool, goal_id: int = 1) -> Milestone:
    return Milestone(
        goal_id=goal_id,
        title="A step",
        due=TODAY,
        done_at=TODAY if done else None,
    )


@pytest.mark.parametrize(
    ("measure", "expected"),
    [
        (Measure(metric="score", baseline=55, target=80, current=55), 0.0),
        (Measure(metric="score", baseline=55, target=80, current=68), 0.52),
        (Measure(metric="score", baseline=55, target=80, current=80), 1.0),
        # Without a baseline, counting starts at zero.
        (Measure(metric="talks", target=3, current=1), 1 / 3),
        # Going down: latency from 800 ms to 200 ms, now 350.
        (Measure(metric="latency", baseline=800, target=200, current=350), 0.75),
        # Clamped: past the target is done, below the baseline is nothing yet.
        (Measure(metric="score", baseline=55, target=80, current=95), 1.0),
        (Measure(metric="score", baseline=55, target=80, current=40), 0.0),
        (Measure(metric="latency", baseline=800, target=200, current=900), 0.0),
        # Target equal to the baseline: done only when the value is there.
        (Measure(metric="bugs", baseline=0, target=0, current=0), 1.0),
        (Measure(metric="bugs", baseline=0, target=0, current=4), 0.0),
        # Nothing to go on.
        (Measure(metric="score", baseline=55, current=60), None),
        (Measure(metric="score", baseline=55, target=80), None),
        (Measure(), None),
        # The models refuse infinity; the rule still copes with one built without checks.
        (Measure.model_construct(metric="score", target=float("inf"), current=3), None),
    ],
)
def test_measure_progress(measure: Measure, expected: float | None) -> None:
    result = measure_progress(measure)
    if expected is None:
        assert result is None
    else:
        assert result == pytest.approx(expected)


def test_the_latest_check_in_wins_over_the_goal_own_value() -> None:
    scored = goal(Measure(metric="score", baseline=50, target=100, current=60))
    checkins = [checkin(70, days_ago=20), checkin(90, days_ago=2), checkin(80, days_ago=9)]
    assert latest_value(scored, checkins) == 90
    assert goal_progress(scored, checkins=checkins) == pytest.approx(0.8)


def test_check_ins_without_a_value_or_of_other_goals_are_ignored() -> None:
    scored = goal(Measure(metric="score", baseline=50, target=100, current=60))
    checkins = [checkin(None, days_ago=1), checkin(100, days_ago=0, goal_id=2)]
    assert latest_value(scored, checkins) == 60
    assert goal_progress(scored, checkins=checkins) == pytest.approx(0.2)


def test_of_two_check_ins_on_one_day_the_one_logged_last_wins() -> None:
    scored = goal(Measure(metric="score", baseline=0, target=10))
    assert latest_value(scored, [checkin(4, days_ago=0), checkin(6, days_ago=0)]) == 6


def test_a_check_in_gives_progress_to_a_measure_without_a_current_value() -> None:
    scored = goal(Measure(metric="talks", target=4))
    assert goal_progress(scored) is None
    assert goal_progress(scored, checkins=[checkin(1, days_ago=3)]) == pytest.approx(0.25)


def test_without_a_measure_progress_is_the_share_of_milestones_done() -> None:
    steps = [milestone(True), milestone(False), milestone(True), milestone(False, goal_id=2)]
    assert goal_progress(goal(), milestones=steps) == pytest.approx(2 / 3)


def test_a_measure_with_a_value_wins_over_milestones() -> None:
    scored = goal(Measure(metric="score", baseline=0, target=10, current=9))
    assert goal_progress(scored, milestones=[milestone(False)]) == pytest.approx(0.9)


def test_a_measure_that_cannot_say_falls_back_to_milestones() -> None:
    unscored = goal(Measure(metric="score", target=10))
    assert goal_progress(unscored, milestones=[milestone(True)]) == 1.0


def test_an_achieved_goal_is_complete_whatever_its_numbers() -> None:
    done = goal(Measure(metric="score", baseline=0, target=10, current=2), GoalStatus.ACHIEVED)
    assert goal_progress(done, milestones=[milestone(False)]) == 1.0
    assert goal_progress(goal(status=GoalStatus.ACHIEVED)) == 1.0


def test_with_nothing_to_go_on_progress_is_unknown() -> None:
    assert goal_progress(goal()) is None
    assert goal_progress(goal(), milestones=[milestone(True, goal_id=2)]) is None


@given(
    baseline=st.none() | st.floats(-1e6, 1e6),
    target=st.floats(-1e6, 1e6),
    current=st.floats(-1e9, 1e9),
)
def test_measure_progress_is_always_between_zero_and_one(
    baseline: float | None, target: float, current: float
) -> None:
    measure = Measure(metric="m", baseline=baseline, target=target, current=current)
    result = measure_progress(measure)
    assert result is not None
    assert 0.0 <= result <= 1.0


@pytest.mark.parametrize(
    ("fraction", "bar", "ascii_bar"),
    [
        (0.0, "░░░░░░░░░░   0%", "----------   0%"),
        (0.5, "█████░░░░░  50%", "#####-----  50%"),
        (0.52, "█████░░░░░  52%", "#####-----  52%"),
        (1.0, "██████████ 100%", "########## 100%"),
        # Almost there is not done: the bar stays open and the figure under 100%.
        (0.996, "█████████░  99%", "#########-  99%"),
        # Out of range values are clamped rather than drawing a longer bar.
        (1.7, "██████████ 100%", "########## 100%"),
        (-0.3, "░░░░░░░░░░   0%", "----------   0%"),
        (None, "–", "-"),
        (float("nan"), "–", "-"),
    ],
)
def test_progress_bar(fraction: float | None, bar: str, ascii_bar: str) -> None:
    assert progress_bar(fraction) == bar
    assert progress_bar(fraction, ascii_only=True) == ascii_bar
    assert progress_bar(fraction, ascii_only=True).isascii()


def test_progress_bar_width() -> None:
    assert progress_bar(0.25, width=4) == "█░░░  25%"
    assert progress_bar(0.5, width=20, ascii_only=True) == "#" * 10 + "-" * 10 + "  50%"


@given(fraction=st.floats(allow_nan=True, allow_infinity=True), width=st.integers(1, 40))
def test_progress_bar_always_has_the_same_width(fraction: float, width: int) -> None:
    bar = progress_bar(fraction, width=width, ascii_only=True)
    assert bar == "-" or len(bar) == width + 5


# -- the current value: check-ins and the goal's own ----------------------------------------
def changed_measure_on(day: dt.date) -> list[GoalChange]:
    at = dt.datetime.combine(day, dt.time(9), tzinfo=dt.UTC)
    return [GoalChange(at=at, field="measure", old="score", new="score")]


def test_a_value_set_on_the_goal_after_the_latest_check_in_wins() -> None:
    measure = Measure(metric="score", baseline=55, target=80, current=75)
    edited = goal(measure).model_copy(update={"history": changed_measure_on(TODAY)})
    assert latest_value(edited, [checkin(60, days_ago=3)]) == 75


def test_a_value_the_goal_held_before_the_latest_check_in_gives_way() -> None:
    """A store written before check-ins set the goal's value: current 0, check-in 12."""
    measure = Measure(metric="talks", baseline=0, target=12, current=0)
    old = goal(measure).model_copy(update={"history": changed_measure_on(TODAY - dt.timedelta(9))})
    assert latest_value(old, [checkin(12, days_ago=3)]) == 12
    assert goal_progress(old, checkins=[checkin(12, days_ago=3)]) == 1.0


# -- a parent's progress from its stepping stones ---------------------------------------------
def test_a_goal_without_measure_or_milestones_averages_its_stepping_stones() -> None:
    assert goal_progress(goal(), stepping_stones=[1.0, 0.5]) == 0.75
    # a stone that cannot tell counts as not started; none that can tell: unknown
    assert goal_progress(goal(), stepping_stones=[1.0, None]) == 0.5
    assert goal_progress(goal(), stepping_stones=[None, None]) is None
    assert goal_progress(goal(), stepping_stones=[]) is None


def test_a_goal_own_measure_or_milestones_come_before_its_stones() -> None:
    measured = goal(Measure(metric="score", baseline=0, target=10, current=2))
    assert goal_progress(measured, stepping_stones=[1.0]) == 0.2
    assert goal_progress(goal(), [milestone(False)], stepping_stones=[1.0]) == 0.0


def tree(*goals: tuple[int, int | None, GoalStatus]) -> list[Goal]:
    return [
        Goal(id=gid, title=f"goal {gid}", parent_id=parent, status=status)
        for gid, parent, status in goals
    ]


def test_progress_by_goal_climbs_the_tree_and_leaves_dropped_stones_out() -> None:
    active, achieved, dropped = GoalStatus.ACTIVE, GoalStatus.ACHIEVED, GoalStatus.DROPPED
    goals = tree(
        (1, None, active),  # long: from 2 and 3
        (2, 1, active),  # medium: from 4 (achieved) and 5 (half its milestones)
        (3, 1, active),  # medium: one milestone of one, not done
        (4, 2, achieved),
        (5, 2, active),
        (6, 2, dropped),  # left out, though it has nothing to show
    )
    steps = [milestone(True, 5), milestone(False, 5), milestone(False, 3)]
    found = progress_by_goal(goals, steps)
    assert found[5] == 0.5 and found[4] == 1.0
    assert found[2] == 0.75
    assert found[3] == 0.0
    assert found[1] == 0.375


def test_goals_that_are_each_other_parents_and_long_chains_are_worked_out() -> None:
    circle = tree((1, 2, GoalStatus.ACTIVE), (2, 1, GoalStatus.ACTIVE))
    assert progress_by_goal(circle, [milestone(True, 2)]) == {1: 1.0, 2: 1.0}
    chain = tree((1, None, GoalStatus.ACTIVE)) + tree(
        *((n, n - 1, GoalStatus.ACTIVE) for n in range(2, 5001))
    )
    found = progress_by_goal(chain, [milestone(True, 5000)])
    assert found[1] == 1.0
