"""The SMART check: each letter ok, or a warning with a reason a person can act on."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from growthtui.domain.goals import Goal, Measure, Milestone
from growthtui.domain.kinds import GoalStatus, Horizon
from growthtui.domain.smart import LetterCheck, SmartCheck, check_smart

TODAY = dt.date(2026, 11, 24)

GOOD: dict[str, Any] = {
    "id": 7,
    "title": "Pass the AWS Solutions Architect exam",
    "horizon": Horizon.SHORT,
    "specific": "Pass the SAP-C02 exam on the first attempt",
    "measure": Measure(metric="practice exam score", unit="%", baseline=55, target=80),
    "achievable": "Course bought; five hours a week on Tuesday and Saturday mornings",
    "relevant": "Fills the org-scale design gap the assessment found",
    "start": dt.date(2026, 10, 1),
    "due": dt.date(2027, 2, 1),
}
"""A goal that passes every letter; each case below spoils one thing."""


def smart_goal(**changes: Any) -> Goal:
    return Goal(**{**GOOD, **changes})


def letter(check: SmartCheck, name: str) -> LetterCheck:
    return next(item for item in check.letters if item.letter == name)


def step(title: str = "Book the exam", goal_id: int = 7) -> Milestone:
    return Milestone(goal_id=goal_id, title=title, due=dt.date(2026, 12, 15))


def test_a_well_formed_goal_passes_every_letter() -> None:
    check = check_smart(smart_goal(), TODAY)
    assert check.ok
    assert check.score == 5
    assert check.summary() == "SMART"
    assert check.warnings == []
    assert letter(check, "M").reason == "measured by practice exam score"
    assert letter(check, "T").reason == "due 2027-02-01"


@pytest.mark.parametrize(
    ("changes", "name", "says"),
    [
        # S
        ({"specific": ""}, "S", "no 'what exactly': describe what will be different"),
        ({"specific": "   "}, "S", "no 'what exactly'"),
        ({"specific": "AWS exam"}, "S", "'what exactly' is very short: say what, for whom"),
        ({"specific": "Get better at system design"}, "S", "'better' is vague"),
        ({"specific": "Improve my public speaking skills."}, "S", "'improve' is vague"),
        ({"specific": "Read books about stuff, etc."}, "S", "is vague: name the concrete result"),
        # M
        (
            {"measure": Measure()},
            "M",
            "no measure: how will you know it is done? Add a metric and target, or milestones",
        ),
        (
            {"measure": Measure(metric="talks given")},
            "M",
            "'talks given' has no target: what number means done?",
        ),
        (
            {"measure": Measure(target=3)},
            "M",
            "the target 3 has no metric: name what you will count",
        ),
        (
            {"measure": Measure(metric="talks given", baseline=2, target=2)},
            "M",
            "the target equals the baseline: set where you aim to get",
        ),
        # A
        ({"achievable": ""}, "A", "no plan: note the steps, time and help you will use"),
        # R
        ({"relevant": ""}, "R", "no 'why': link it to a longer goal, a skill or a weakness"),
        # T
        ({"due": None}, "T", "no due date: by when will it be done?"),
        (
            {"start": None, "due": dt.date(2026, 11, 1)},
            "T",
            "overdue since 2026-11-01: review it, move the date or close it",
        ),
        (
            {"start": None, "due": dt.date(2030, 11, 24)},
            "T",
            "due 2030-11-24 is outside a short-term horizon (3–6 months): make it long-term",
        ),
        (
            {"horizon": Horizon.LONG, "start": None, "due": dt.date(2026, 12, 24)},
            "T",
            "sooner than a long-term horizon (5–10 years): make it short-term",
        ),
    ],
)
def test_each_warning_says_what_to_do(changes: dict[str, Any], name: str, says: str) -> None:
    check = check_smart(smart_goal(**changes), TODAY)
    failed = letter(check, name)
    assert not failed.ok
    assert says in failed.reason
    assert not check.ok
    assert [item.letter for item in check.warnings] == [name], "only the spoiled letter fails"
    assert check.score == 4
    assert check.summary() == "SMART".replace(name, "·")


@pytest.mark.parametrize(
    ("changes", "name", "says"),
    [
        (
            {"specific": "Give three internal talks at the guild, each twenty minutes long"},
            "S",
            "says what exactly will be different",
        ),
        (
            # Vague words are forgiven in a long, detailed description.
            {"specific": "Improve the p99 latency of the ledger API from 800 ms to 200 ms"},
            "S",
            "says what exactly",
        ),
        ({"specific": "Somewhere in the handbook chapter"}, "S", "says what exactly"),
        ({"relevant": "", "trait_ids": [3]}, "R", "linked to your assessment"),
        ({"relevant": "", "skill_ids": [2]}, "R", "linked to your assessment"),
        ({"relevant": "", "parent_id": 1}, "R", "a stepping stone toward a longer goal"),
        (
            {"measure": Measure(metric="latency", unit="ms", baseline=800, target=200)},
            "M",
            "measured by latency",
        ),
        ({"measure": Measure(metric="mentees", target=2)}, "M", "measured by mentees"),
    ],
)
def test_letters_that_pass_say_why(changes: dict[str, Any], name: str, says: str) -> None:
    checked = letter(check_smart(smart_goal(**changes), TODAY), name)
    assert checked.ok
    assert says in checked.reason


def test_a_parent_goal_counts_as_relevant_and_is_named() -> None:
    parent = Goal(id=1, title="Become a staff engineer", horizon=Horizon.LONG)
    check = check_smart(smart_goal(relevant="", parent_id=1), TODAY, parent=parent)
    assert letter(check, "R").ok
    assert letter(check, "R").reason == "a stepping stone toward 'Become a staff engineer'"


def test_milestones_count_as_measure_and_plan() -> None:
    bare = smart_goal(measure=Measure(), achievable="")
    assert check_smart(bare, TODAY).summary() == "S··RT"
    check = check_smart(bare, TODAY, milestones=[step(), step("Take the exam")])
    assert check.ok
    assert letter(check, "M").reason == "measured by 2 milestones done"
    assert letter(check, "A").reason == "has milestones as a plan"


def test_milestones_of_another_goal_do_not_count() -> None:
    bare = smart_goal(measure=Measure(), achievable="")
    check = check_smart(bare, TODAY, milestones=[step(goal_id=99)])
    assert check.summary() == "S··RT"


def test_a_goal_being_written_counts_the_milestones_it_is_given() -> None:
    draft = smart_goal(id=0, measure=Measure(), achievable="")
    assert check_smart(draft, TODAY, milestones=[step(goal_id=0)]).ok


def test_a_metric_without_target_is_not_rescued_by_milestones() -> None:
    goal = smart_goal(measure=Measure(metric="talks given"))
    assert not letter(check_smart(goal, TODAY, milestones=[step()]), "M").ok


@pytest.mark.parametrize(
    ("status", "ok"),
    [
        (GoalStatus.ACTIVE, False),
        (GoalStatus.ACHIEVED, True),
        (GoalStatus.DROPPED, True),
    ],
)
def test_only_an_active_goal_is_overdue(status: GoalStatus, ok: bool) -> None:
    goal = smart_goal(status=status, start=dt.date(2026, 6, 1), due=dt.date(2026, 11, 1))
    assert letter(check_smart(goal, TODAY), "T").ok is ok


def test_an_overdue_goal_of_the_wrong_horizon_is_told_it_is_overdue() -> None:
    # A medium goal due last month: what to act on is the date that passed.
    goal = smart_goal(horizon=Horizon.MEDIUM, start=None, due=dt.date(2026, 10, 1))
    assert letter(check_smart(goal, TODAY), "T").reason.startswith("overdue since 2026-10-01")


def test_due_today_is_not_overdue() -> None:
    assert letter(check_smart(smart_goal(due=TODAY), TODAY), "T").ok


# --- properties -------------------------------------------------------------------------

words = st.sampled_from(
    ["", "  ", "better", "more", "ship", "the", "ledger", "RFC", "etc.", "talk", "3", "é", "\n"]
)
texts = st.lists(words, max_size=12).map(" ".join) | st.text(max_size=40)
# Any number a goal can hold: the models refuse NaN and infinity (tests/domain/test_numbers.py).
numbers = st.none() | st.floats(allow_nan=False, allow_infinity=False) | st.integers(-5, 5)
dates = st.none() | st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2060, 12, 31))


@st.composite
def goals(draw: st.DrawFn) -> Goal:
    start = draw(dates)
    due = draw(dates)
    if start is not None and due is not None and due < start:
        start, due = due, start
    return Goal(
        id=draw(st.integers(0, 20)),  # 0: not stored yet
        title="A goal",
        horizon=draw(st.sampled_from(Horizon)),
        status=draw(st.sampled_from(GoalStatus)),
        parent_id=draw(st.none() | st.integers(21, 30)),
        specific=draw(texts),
        measure=Measure(
            metric=draw(texts),
            unit=draw(texts),
            baseline=draw(numbers),
            target=draw(numbers),
            current=draw(numbers),
        ),
        achievable=draw(texts),
        relevant=draw(texts),
        trait_ids=draw(st.lists(st.integers(1, 5), max_size=2)),
        skill_ids=draw(st.lists(st.integers(1, 5), max_size=2)),
        start=start,
        due=due,
        created=draw(dates),
    )


milestone_lists = st.lists(
    st.builds(
        Milestone,
        goal_id=st.integers(1, 20),
        title=st.just("A step"),
        due=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2060, 12, 31)),
    ),
    max_size=4,
)


@given(
    goal=goals(),
    today=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2060, 12, 31)),
    milestones=milestone_lists,
    with_parent=st.booleans(),
)
def test_any_goal_gets_five_letters_in_order_with_reasons(
    goal: Goal, today: dt.date, milestones: list[Milestone], with_parent: bool
) -> None:
    parent = Goal(id=goal.parent_id, title="Parent") if with_parent and goal.parent_id else None
    check = check_smart(goal, today, milestones, parent)
    assert [item.letter for item in check.letters] == list("SMART")
    assert [item.name for item in check.letters] == [
        "specific",
        "measurable",
        "achievable",
        "relevant",
        "time-bound",
    ]
    assert check.ok is all(item.ok for item in check.letters)
    assert check.score == sum(item.ok for item in check.letters)
    assert len(check.summary()) == 5
    for item in check.letters:
        assert item.reason.strip(), f"{item.letter} has no reason"
    for item in check.warnings:
        assert not item.ok
        assert ":" in item.reason or "?" in item.reason, "a warning says what to do"
    if goal.due is None:
        assert not check.ok
