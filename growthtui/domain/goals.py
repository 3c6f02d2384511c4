"""SMART goals on three horizons, their milestones and check-ins."""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Iterable
from typing import Any, ClassVar

from pydantic import Field, ValidationInfo, field_validator

from growthtui.domain.base import (
    Ids,
    Level,
    Record,
    Text,
    Title,
    Value,
    due_not_before_start,
    empty_list,
)
from growthtui.domain.kinds import OPEN_STATUSES
from growthtui.domain.kinds import GoalStatus as GoalStatus
from growthtui.domain.kinds import Horizon as Horizon


class Measure(Value):
    """How a person will know a goal is done: a metric from baseline to target."""

    metric: Text = ""
    unit: Text = ""
    baseline: float | None = None
    target: float | None = None
    current: float | None = None

    @property
    def is_set(self) -> bool:
        """A measure exists when it names a metric and a target."""
        return bool(self.metric) and self.target is not None


class GoalChange(Value):
    """One change to a goal, with the reason a person gave for it."""

    at: dt.datetime
    field: str
    old: str = ""
    new: str = ""
    reason: Text = ""


TRACKED_FIELDS: tuple[str, ...] = ("title", "specific", "measure", "due", "horizon", "status")
"""Changes to these fields go into the goal's history with a reason."""


class Goal(Record):
    """A SMART goal: what exactly, how measured, how achievable, why relevant, by when."""

    entity: ClassVar[str] = "goal"
    table: ClassVar[str] = "goals"

    title: Title
    horizon: Horizon = Horizon.SHORT
    status: GoalStatus = GoalStatus.ACTIVE
    parent_id: int | None = None
    """The longer-horizon goal this one is a stepping stone toward."""
    specific: Text = ""
    """S: what exactly will be different."""
    measure: Measure = Field(default_factory=Measure)
    """M: metric, unit, baseline, target, current."""
    achievable: Text = ""
    """A: the plan and resources that make it achievable."""
    relevant: Text = ""
    """R: why it matters."""
    trait_ids: Ids = Field(default_factory=empty_list)
    skill_ids: Ids = Field(default_factory=empty_list)
    start: dt.date | None = None
    due: dt.date | None = None
    """T: the date it is due."""
    tags: list[str] = Field(default_factory=empty_list)
    notes: Text = ""
    created: dt.date | None = None
    history: list[GoalChange] = Field(default_factory=empty_list)
    external_id: str | None = None
    """Identity in another tool (a taskwarrior uuid), so importing twice adds nothing."""

    @field_validator("due")
    @classmethod
    def _due_after_start(cls, due: dt.date | None, info: ValidationInfo) -> dt.date | None:
        return due_not_before_start(due, info.data.get("start"))

    @field_validator("parent_id")
    @classmethod
    def _not_own_parent(cls, parent_id: int | None, info: ValidationInfo) -> int | None:
        if parent_id is not None and parent_id == info.data.get("id"):
            raise ValueError("a goal cannot be a stepping stone toward itself: pick another")
        return parent_id

    def link_fields(self) -> dict[str, tuple[str, list[int]]]:
        links = {"trait_ids": ("traits", self.trait_ids), "skill_ids": ("skills", self.skill_ids)}
        if self.parent_id is not None:
            links["parent_id"] = ("goals", [self.parent_id])
        return links

    @property
    def is_open(self) -> bool:
        """Active or paused: still part of the plan."""
        return self.status in OPEN_STATUSES

    def as_new(self, today: dt.date) -> Goal:
        """A new goal notes the day it was created (unless it brings one: an import)."""
        return self if self.created is not None else self.model_copy(update={"created": today})

    def revised(self, previous: Goal, reason: str, at: dt.datetime) -> Goal:
        """This edit with one history entry, giving `reason`, per tracked field that
        differs from `previous`."""
        entries = list(self.history)
        for name in TRACKED_FIELDS:
            before, after = getattr(previous, name), getattr(self, name)
            if before != after:
                old, new = describe_value(before), describe_value(after)
                entries.append(
                    GoalChange(at=at, field=name, old=old, new=new, reason=reason.strip())
                )
        if len(entries) == len(self.history):
            return self
        return self.model_copy(update={"history": entries})


def describe_value(value: Any) -> str:
    """A tracked field's value as a person reads it in the history."""
    if value is None:
        return ""
    if isinstance(value, Measure):
        if not value.is_set:
            return value.metric
        unit = f" {value.unit}" if value.unit else ""
        start = f"{value.baseline:g} → " if value.baseline is not None else ""
        return f"{value.metric}: {start}{value.target:g}{unit}"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(getattr(value, "value", value))


class Milestone(Record):
    """A dated step toward a goal."""

    entity: ClassVar[str] = "milestone"
    table: ClassVar[str] = "milestones"

    goal_id: int
    title: Title
    due: dt.date
    done_at: dt.date | None = None
    notes: Text = ""

    def link_fields(self) -> dict[str, tuple[str, list[int]]]:
        return {"goal_id": ("goals", [self.goal_id])}

    @property
    def done(self) -> bool:
        return self.done_at is not None


class CheckIn(Record):
    """Progress on a goal on a date: the measured value and how confident one feels."""

    entity: ClassVar[str] = "check-in"
    table: ClassVar[str] = "checkins"

    goal_id: int
    date: dt.date
    value: float | None = None
    confidence: Level = 3
    note: Text = ""

    def link_fields(self) -> dict[str, tuple[str, list[int]]]:
        return {"goal_id": ("goals", [self.goal_id])}


def closed_on(goal: Goal) -> dt.date | None:
    """The day an achieved or dropped goal got that status: the latest change to it in
    the goal's history. None for an open goal, or when the history does not say (a goal
    imported as achieved)."""
    if goal.is_open:
        return None
    days = [
        change.at.date()
        for change in goal.history
        if change.field == "status" and change.new == goal.status.value
    ]
    return max(days) if days else None


def stepping_stones_below(goal: Goal, goals: Iterable[Goal]) -> list[Goal]:
    """Every goal below `goal`: its stepping stones, theirs, and so on (each once, even
    where goals are each other's parents), nearest first."""
    children: dict[int | None, list[Goal]] = {}
    for other in goals:
        children.setdefault(other.parent_id, []).append(other)
    found: list[Goal] = []
    seen = {goal.id}
    queue = deque([goal.id])
    while queue:
        parent = queue.popleft()
        for child in children.get(parent, []):
            if child.id not in seen:
                seen.add(child.id)
                found.append(child)
                queue.append(child.id)
    return found


# -- dates worth a second look ------------------------------------------------------------
# Warnings, not refusals: a milestone met last week is logged with last week's date. The
# forms show them under the field; the command line can print them on stderr.
def _name(goal: Goal) -> str:
    return f"#{goal.id} {goal.title}"


def _past(day: dt.date, what: str) -> str:
    return f"{day.isoformat()} is in the past: right for {what} done already, else a later date"


def goal_due_warning(
    due: dt.date, today: dt.date, parent: Goal | None = None, was: dt.date | None = None
) -> str | None:
    """Why a goal's due date deserves a second look: before its parent (the goal it is a
    stepping stone toward) starts, after the parent is due, or newly set in the past (`was`:
    the due date it had, which is not warned about again). None when it is fine."""
    early = "a stepping stone usually falls within its goal"
    late = "a stepping stone usually comes first"
    return _due_warning(due, today, parent, was, "a goal", early, late)


def goal_start_warning(start: dt.date, parent: Goal | None) -> str | None:
    """A stepping stone that starts before the goal it leads to."""
    if parent is not None and parent.start is not None and start < parent.start:
        return f"starts before {_name(parent)} does ({parent.start.isoformat()})"
    return None


def milestone_due_warning(
    due: dt.date, goal: Goal, today: dt.date, was: dt.date | None = None
) -> str | None:
    """Why a milestone's due date deserves a second look: before its goal starts, after
    the goal is due, or newly set in the past. None when it is fine."""
    early = "move it later, or the goal's start earlier"
    late = "a milestone usually comes before its goal's end"
    return _due_warning(due, today, goal, was, "a milestone", early, late)


def _due_warning(
    due: dt.date,
    today: dt.date,
    within: Goal | None,
    was: dt.date | None,
    what: str,
    early: str,
    late: str,
) -> str | None:
    """`due` checked against the goal it falls `within` (`early`: the advice when it is due
    before that goal starts, `late`: after it is due), then against `today` (`what` was
    done already, unless `was` is the date it had)."""
    if within is not None and within.start is not None and due < within.start:
        return f"due before {_name(within)} starts ({within.start.isoformat()}): {early}"
    if within is not None and within.due is not None and due > within.due:
        return f"due after {_name(within)} is due ({within.due.isoformat()}): {late}"
    if due < today and due != was:
        return _past(due, what)
    return None
