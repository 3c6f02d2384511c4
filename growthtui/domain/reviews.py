"""Review and adjust: periodic reviews and the decision taken on each goal."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import ClassVar

from pydantic import Field, ValidationInfo, field_validator

from growthtui.domain.base import Level, Record, Text, Value
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
    decisions: list[ReviewDecision] = Field(default_factory=list)
    draft: bool = False
    """A guided review left half-way; resumed later, not counted as done."""

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
        return {"decisions": ("goals", [d.goal_id for d in self.decisions])}
