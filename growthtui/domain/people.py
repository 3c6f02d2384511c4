"""Seek mentorship and network: people and the interactions with them."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import ClassVar

from pydantic import Field, ValidationInfo, field_validator

from growthtui.domain.base import Ids, Record, Text, Title, empty_list
from growthtui.domain.kinds import Relation as Relation
from growthtui.domain.words import counted


class InteractionKind(StrEnum):
    MEETING = "meeting"
    CALL = "call"
    MESSAGE = "message"
    EVENT = "event"
    INTRO = "intro"


class Person(Record):
    """A mentor, sponsor, peer, mentee or contact, and how often to stay in touch."""

    entity: ClassVar[str] = "person"
    table: ClassVar[str] = "people"

    name: Title
    role: Text = ""
    organisation: Text = ""
    relation: Relation = Relation.CONTACT
    expertise: Text = ""
    how_met: Text = ""
    follow_up_days: int | None = Field(default=None, ge=1, le=3650)
    """The ideal gap between contacts; None means no rhythm is kept."""
    max_gap_days: int | None = Field(default=None, ge=1, le=3650)
    """Past this gap the person is "losing touch"; defaults to twice the ideal."""
    tags: list[str] = Field(default_factory=empty_list)
    notes: Text = ""
    goal_ids: Ids = Field(default_factory=empty_list)
    """Goals this person helps with (mentor for X, sponsor for Y)."""

    @field_validator("max_gap_days")
    @classmethod
    def _max_gap_not_shorter(cls, max_gap: int | None, info: ValidationInfo) -> int | None:
        ideal = info.data.get("follow_up_days")
        if max_gap is not None and ideal is not None and max_gap < ideal:
            raise ValueError(
                f"the longest gap ({counted(max_gap, 'day')}) is shorter than the follow-up "
                f"rhythm ({counted(ideal, 'day')}): make it at least as long"
            )
        return max_gap

    def link_fields(self) -> dict[str, tuple[str, list[int]]]:
        return {"goal_ids": ("goals", self.goal_ids)}


class Interaction(Record):
    """A contact with a person: what was said, advised, and what comes next."""

    entity: ClassVar[str] = "interaction"
    table: ClassVar[str] = "interactions"

    person_id: int
    date: dt.date
    kind: InteractionKind = InteractionKind.MEETING
    summary: Title
    advice: Text = ""
    next_step: Text = ""
    follow_up_on: dt.date | None = None
    milestone_id: int | None = None
    """The milestone this interaction's next step became, if any."""

    def link_fields(self) -> dict[str, tuple[str, list[int]]]:
        links = {"person_id": ("people", [self.person_id])}
        if self.milestone_id is not None:
            links["milestone_id"] = ("milestones", [self.milestone_id])
        return links
