"""Develop skills: the learning plan."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import ClassVar

from pydantic import Field, ValidationInfo, field_validator

from growthtui.domain.base import Ids, Record, Text, Title, due_not_before_start, empty_list


class LearningKind(StrEnum):
    COURSE = "course"
    CERTIFICATION = "certification"
    WORKSHOP = "workshop"
    CONFERENCE = "conference"
    BOOK = "book"
    PROJECT = "project"
    VOLUNTEERING = "volunteering"
    PUBLICATION = "publication"


class LearningStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in progress"
    DONE = "done"
    DROPPED = "dropped"


class LearningItem(Record):
    """A course, certification, book, talk... aimed at skills and goals."""

    entity: ClassVar[str] = "learning item"
    table: ClassVar[str] = "learning"

    kind: LearningKind = LearningKind.COURSE
    title: Title
    provider: Text = ""
    status: LearningStatus = LearningStatus.PLANNED
    start: dt.date | None = None
    due: dt.date | None = None
    completed: dt.date | None = None
    hours: float = Field(default=0.0, ge=0, le=100_000)
    skill_ids: Ids = Field(default_factory=empty_list)
    goal_ids: Ids = Field(default_factory=empty_list)
    trait_ids: Ids = Field(default_factory=empty_list)
    """Weaknesses this item addresses."""
    notes: Text = ""

    @field_validator("due")
    @classmethod
    def _due_after_start(cls, due: dt.date | None, info: ValidationInfo) -> dt.date | None:
        return due_not_before_start(due, info.data.get("start"))

    @property
    def is_open(self) -> bool:
        """Planned or in progress: still part of the plan."""
        return self.status in (LearningStatus.PLANNED, LearningStatus.IN_PROGRESS)

    def is_late(self, today: dt.date) -> bool:
        """Still open and its due date has passed."""
        return self.is_open and self.due is not None and self.due < today

    def link_fields(self) -> dict[str, tuple[str, list[int]]]:
        return {
            "skill_ids": ("skills", self.skill_ids),
            "goal_ids": ("goals", self.goal_ids),
            "trait_ids": ("traits", self.trait_ids),
        }
