"""The running brag document: wins, feedback, lessons, praise, as they happen."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from pydantic import Field

from growthtui.domain.base import Ids, Record, Title, empty_list
from growthtui.domain.kinds import EvidenceKind

__all__ = ["Evidence", "EvidenceKind"]


class Evidence(Record):
    """Something that happened and is worth remembering at review time."""

    entity: ClassVar[str] = "evidence"
    table: ClassVar[str] = "evidence"

    date: dt.date
    text: Title
    kind: EvidenceKind = EvidenceKind.WIN
    goal_ids: Ids = Field(default_factory=empty_list)
    skill_ids: Ids = Field(default_factory=empty_list)
    person_ids: Ids = Field(default_factory=empty_list)

    def link_fields(self) -> dict[str, tuple[str, list[int]]]:
        return {
            "goal_ids": ("goals", self.goal_ids),
            "skill_ids": ("skills", self.skill_ids),
            "person_ids": ("people", self.person_ids),
        }
