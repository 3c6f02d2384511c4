"""The plan read once from the store, with the facts every report needs about a goal."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from growthtui.domain.assessment import Skill, Trait
from growthtui.domain.base import Record
from growthtui.domain.cadence import last_review
from growthtui.domain.evidence import Evidence
from growthtui.domain.goals import CheckIn, Goal, Milestone
from growthtui.domain.kinds import GoalStatus, Horizon
from growthtui.domain.learning import LearningItem
from growthtui.domain.profile import Profile
from growthtui.domain.progress import GoalProgress
from growthtui.domain.reviews import Review
from growthtui.domain.schedule import is_overdue
from growthtui.store.repository import Store

HORIZON_ORDER = (Horizon.LONG, Horizon.MEDIUM, Horizon.SHORT)
"""Long to short: aspirations first, then the stepping stones toward them."""

STATUS_ORDER = {
    GoalStatus.ACTIVE: 0,
    GoalStatus.PAUSED: 1,
    GoalStatus.ACHIEVED: 2,
    GoalStatus.DROPPED: 3,
}


@dataclass(frozen=True)
class Plan:
    """Everything a report shows, read in one pass."""

    today: dt.date
    profile: Profile
    goals: list[Goal]
    milestones: list[Milestone]
    checkins: list[CheckIn]
    skills: list[Skill]
    traits: list[Trait]
    learning: list[LearningItem]
    evidence: list[Evidence]
    reviews: list[Review]
    _goals_by_id: dict[int, Goal] = field(default_factory=dict, repr=False)
    _milestones_by_goal: dict[int, list[Milestone]] = field(default_factory=dict, repr=False)
    _checkins_by_goal: dict[int, list[CheckIn]] = field(default_factory=dict, repr=False)
    _progress: GoalProgress | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self._goals_by_id.update({g.id: g for g in self.goals})
        by_goal: dict[int, list[Milestone]] = defaultdict(list)
        for milestone in sorted(self.milestones, key=milestone_order):
            by_goal[milestone.goal_id].append(milestone)
        self._milestones_by_goal.update(by_goal)
        checkins: dict[int, list[CheckIn]] = defaultdict(list)
        for checkin in sorted(self.checkins, key=lambda c: (c.date, c.id)):
            checkins[checkin.goal_id].append(checkin)
        self._checkins_by_goal.update(checkins)
        progress = GoalProgress(self._goals_by_id, self._milestones_by_goal, self._checkins_by_goal)
        object.__setattr__(self, "_progress", progress)  # frozen: set once, here

    def goal(self, goal_id: int | None) -> Goal | None:
        return self._goals_by_id.get(goal_id) if goal_id is not None else None

    def milestones_of(self, goal: Goal) -> list[Milestone]:
        """The goal's milestones by date."""
        return self._milestones_by_goal.get(goal.id, [])

    def checkins_of(self, goal: Goal) -> list[CheckIn]:
        """The goal's check-ins, oldest first."""
        return self._checkins_by_goal.get(goal.id, [])

    def progress(self, goal: Goal) -> float | None:
        """As the app shows it: a parent without a measure or milestones of its own moves
        with its stepping stones."""
        assert self._progress is not None
        return self._progress.of(goal.id)

    def milestone_state(self, milestone: Milestone) -> str:
        """`done`, `overdue` or `open` on the plan's date."""
        if milestone.done_at is not None:
            return "done"
        return "overdue" if is_overdue(milestone, self.today) else "open"

    def latest_review(self) -> Review | None:
        return last_review(self.reviews)


def milestone_order(milestone: Milestone) -> tuple[dt.date, int]:
    return (milestone.due, milestone.id)


def goal_order(goal: Goal) -> tuple[int, dt.date, int]:
    """Open before closed, then by due date (undated last), then by id."""
    return (STATUS_ORDER[goal.status], goal.due or dt.date.max, goal.id)


def closed_on(goal: Goal) -> dt.date | None:
    """When an achieved or dropped goal got that status, from its history."""
    if goal.is_open:
        return None
    for change in reversed(goal.history):
        if change.field == "status" and change.new == goal.status.value:
            return change.at.date()
    return None


def closing_reason(goal: Goal) -> str:
    """The reason recorded with the latest status change, if any."""
    for change in reversed(goal.history):
        if change.field == "status":
            return change.reason
    return ""


def read_lists(store: Store, kinds: Iterable[type[Record]]) -> dict[str, Any]:
    """The records of each kind in id order, by the name of its table (`goals`,
    `milestones`...): the names Plan, the review's `gather` and the agenda give the lists
    they take, so the result is passed to them as it is (`**`)."""
    return {kind.table: store.list(kind) for kind in kinds}


PLAN_KINDS: tuple[type[Record], ...] = (
    Goal,
    Milestone,
    CheckIn,
    Skill,
    Trait,
    LearningItem,
    Evidence,
    Review,
)
"""What a Plan holds, besides the profile."""


def read_plan(store: Store, today: dt.date) -> Plan:
    """The store's plan as of `today`."""
    return Plan(today=today, profile=store.profile(), **read_lists(store, PLAN_KINDS))
