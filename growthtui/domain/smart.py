"""The SMART check: each letter ok, or a warning with a reason a person can act on."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from growthtui.domain.kinds import GoalStatus
from growthtui.domain.schedule import horizon_problem
from growthtui.domain.words import counted

TYPE_CHECKING = False  # the check reads attributes only: `growthtui list` runs it on the
if TYPE_CHECKING:  # plain records of store.quick_read, without loading pydantic
    from growthtui.domain.goals import Goal, Milestone

_VAGUE_WORDS = ("better", "more", "improve", "get good", "some", "stuff", "things", "etc")
_WORD = re.compile(r"[a-z0-9']+")


@dataclass(frozen=True)
class LetterCheck:
    """One letter of SMART: ok, or a warning and what to do about it."""

    letter: str
    name: str
    ok: bool
    reason: str


@dataclass(frozen=True)
class SmartCheck:
    letters: tuple[LetterCheck, ...]

    @property
    def ok(self) -> bool:
        return all(letter.ok for letter in self.letters)

    @property
    def warnings(self) -> list[LetterCheck]:
        return [letter for letter in self.letters if not letter.ok]

    @property
    def score(self) -> int:
        """How many letters pass, 0–5."""
        return sum(letter.ok for letter in self.letters)

    def summary(self) -> str:
        """Letters that pass in capitals, failing ones as a dot: `SM.RT`."""
        return "".join(letter.letter if letter.ok else "·" for letter in self.letters)


def check_smart(
    goal: Goal,
    today: dt.date,
    milestones: Sequence[Milestone] = (),
    parent: Goal | None = None,
) -> SmartCheck:
    """Check a goal against SMART on `today`. Pure: works on a goal being edited too.

    `milestones` may hold other goals' milestones too: only this goal's count (all of
    them for a goal not saved yet, whose id is 0).
    """
    if goal.id:
        milestones = [m for m in milestones if m.goal_id == goal.id]
    return SmartCheck(
        (
            _specific(goal),
            _measurable(goal, milestones),
            _achievable(goal, milestones),
            _relevant(goal, parent),
            _time_bound(goal, today),
        )
    )


def _specific(goal: Goal) -> LetterCheck:
    what = goal.specific.strip()
    if not what:
        return LetterCheck(
            "S", "specific", False, "no 'what exactly': describe what will be different when done"
        )
    if len(what.split()) < 4:
        return LetterCheck(
            "S", "specific", False, "'what exactly' is very short: say what, for whom, where"
        )
    # Whole words only, punctuation aside: "improve." is as vague as "improve".
    words = f" {' '.join(_WORD.findall(what.lower()))} "
    vague = [word for word in _VAGUE_WORDS if f" {word} " in words]
    if vague and len(what.split()) < 8:
        return LetterCheck(
            "S",
            "specific",
            False,
            f"'{vague[0]}' is vague: name the concrete result instead",
        )
    return LetterCheck("S", "specific", True, "says what exactly will be different")


def _measurable(goal: Goal, milestones: Sequence[Milestone]) -> LetterCheck:
    measure = goal.measure
    if measure.is_set:
        if measure.baseline is not None and measure.baseline == measure.target:
            return LetterCheck(
                "M", "measurable", False, "the target equals the baseline: set where you aim to get"
            )
        return LetterCheck("M", "measurable", True, f"measured by {measure.metric}")
    if measure.metric and measure.target is None:
        return LetterCheck(
            "M", "measurable", False, f"'{measure.metric}' has no target: what number means done?"
        )
    if measure.target is not None:
        return LetterCheck(
            "M",
            "measurable",
            False,
            f"the target {measure.target:g} has no metric: name what you will count",
        )
    if milestones:
        return LetterCheck(
            "M", "measurable", True, f"measured by {counted(len(milestones), 'milestone')} done"
        )
    return LetterCheck(
        "M",
        "measurable",
        False,
        "no measure: how will you know it is done? Add a metric and target, or milestones",
    )


def _achievable(goal: Goal, milestones: Sequence[Milestone]) -> LetterCheck:
    if goal.achievable.strip():
        return LetterCheck("A", "achievable", True, "has a plan and resources")
    if milestones:
        return LetterCheck("A", "achievable", True, "has milestones as a plan")
    return LetterCheck(
        "A",
        "achievable",
        False,
        "no plan: note the steps, time and help you will use, or add milestones",
    )


def _relevant(goal: Goal, parent: Goal | None) -> LetterCheck:
    if goal.relevant.strip():
        return LetterCheck("R", "relevant", True, "says why it matters")
    if parent is not None:
        return LetterCheck("R", "relevant", True, f"a stepping stone toward '{parent.title}'")
    if goal.parent_id is not None:
        return LetterCheck("R", "relevant", True, "a stepping stone toward a longer goal")
    if goal.trait_ids or goal.skill_ids:
        return LetterCheck("R", "relevant", True, "linked to your assessment")
    return LetterCheck(
        "R",
        "relevant",
        False,
        "no 'why': link it to a longer goal, a skill or a weakness, or say why it matters",
    )


def _time_bound(goal: Goal, today: dt.date) -> LetterCheck:
    if goal.due is None:
        return LetterCheck("T", "time-bound", False, "no due date: by when will it be done?")
    # Overdue first: for a late goal, that is what to act on, not its horizon.
    if goal.status is GoalStatus.ACTIVE and goal.due < today:
        return LetterCheck(
            "T",
            "time-bound",
            False,
            f"overdue since {goal.due.isoformat()}: review it, move the date or close it",
        )
    problem = horizon_problem(goal, today)
    if problem:
        return LetterCheck("T", "time-bound", False, problem)
    return LetterCheck("T", "time-bound", True, f"due {goal.due.isoformat()}")
