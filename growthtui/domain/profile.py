"""Who the plan belongs to, and how often they review it."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from growthtui.domain.base import Record, Text
from growthtui.domain.kinds import DEFAULT_REVIEW_CADENCE
from growthtui.domain.kinds import Cadence as Cadence


class Profile(Record):
    """The person: name, current role, long-term vision, review cadence."""

    entity: ClassVar[str] = "profile"
    table: ClassVar[str] = "profile"

    name: Text = ""
    role: Text = ""
    vision: Text = ""
    review_cadence: Cadence = DEFAULT_REVIEW_CADENCE
    follow_up_days: int = Field(default=30, ge=1, le=3650)
    """The follow-up rhythm filled in for each new person (they may change or clear it)."""
