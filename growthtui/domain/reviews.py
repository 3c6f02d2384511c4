"""Review and adjust: periodic reviews and the decision taken on each goal."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import ClassVar

from pydantic import Field, ValidationInfo, field_validator

from growthtui.domain.base import Level, Record, Text, Value, empty_list
from growthtui.domain.goals import GoalStatus
from growthtui.domain.profile import Cadence


class Decision(StrEnum):
    """What a review decides for a goal. Adjusting is not failure."""

    KEEP = "keep"
    ADJUST = "adjust"
    PAUSE = "pause"
    ACHIEVE = "achieve"
    DROP = "drop"

    @property
    def status(self) -> GoalStatus | None:
        """The goal status this decision leads to (None: status unchanged)."""
        return {
            Decision.PAUSE: GoalStatus.PAUSED,
            Decision.ACHIEVE: GoalStatus.ACHIEVED,
            Decision.DROP: GoalStatus.DROPPED,
        }.get(self)


class ReviewDecision(Value):
    goal_id: int
    decision: Decision
    note: Text = ""


class ReviewStep(StrEnum):
    """The steps of a guided review, in order; a draft remembers where it was left."""

    PERIOD = "period"
    GOALS = "goals"
    LOOK_BACK = "look back"
    LOOK_AHEAD = "look ahead"
    DONE = "done"


class Review(Record):
    """A periodic review: what went well and badly, and a decision per goal."""

    entity: ClassVar[str] = "review"
    table: ClassVar[str] = "reviews"

    period: Cadence = Cadence.QUARTERLY
    date: dt.date
    covers_from: dt.date
    covers_to: dt.date
    wins: Text = ""
    obstacles: Text = ""
    lessons: Text = ""
    what_worked: Text = ""
    what_didnt: Text = ""
    satisfaction: Level | None = None
    next_focus: Text = ""
    decisions: list[ReviewDecision] = Field(default_factory=empty_list)
    draft: bool = False
    """A guided review left half-way; resumed later, not counted as done."""
    step: ReviewStep = ReviewStep.DONE
    """Where a draft was left: resuming continues at this step."""
    pending_goal_id: int | None = None
    """The goal on screen when the draft was left (its decision not yet taken)."""
    pending_note: Text = ""
    """The note typed for that goal so far, kept until the decision is taken."""

    @field_validator("covers_to")
    @classmethod
    def _end_after_start(cls, covers_to: dt.date, info: ValidationInfo) -> dt.date:
        start = info.data.get("covers_from")
        if start is not None and covers_to < start:
            raise ValueError(
                f"the review ends {covers_to}, before it starts {start}: "
                "the end must not be before the start"
            )
        return covers_to

    def link_fields(self) -> dict[str, tuple[str, list[int]]]:
        links = {"decisions": ("goals", [d.goal_id for d in self.decisions])}
        if self.pending_goal_id is not None:
            links["pending_goal_id"] = ("goals", [self.pending_goal_id])
        return links

    @property
    def title(self) -> str:
        """How a person names it: "quarterly review 2026-11-24"."""
        return f"{self.period.value} review {self.date.isoformat()}"

    def reason(self, note: str = "") -> str:
        """The reason a goal's history records for a change decided in this review."""
        note = note.strip()
        return f"{self.title}: {note}" if note else self.title

    def decision_for(self, goal_id: int) -> ReviewDecision | None:
        return next((d for d in self.decisions if d.goal_id == goal_id), None)

    def with_decision(self, decision: ReviewDecision) -> Review:
        """A copy deciding a goal once: a new decision for the same goal replaces the old."""
        kept = [d for d in self.decisions if d.goal_id != decision.goal_id]
        return self.edit(decisions=[*kept, decision], pending_goal_id=None, pending_note="")
