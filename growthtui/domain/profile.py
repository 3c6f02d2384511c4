"""Who the plan belongs to, and how often they review it."""

from __future__ import annotations

from collections.abc import Iterable
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

    def replacing(self, stored: Profile) -> Profile:
        """There is one profile: the one saved takes the place (the id) of `stored`, the
        one there was (without an id when there was none)."""
        return self if self.id == stored.id else self.model_copy(update={"id": stored.id})


def the_profile(stored: Iterable[Profile]) -> Profile:
    """The person's profile among the stored ones (there is one): an empty one until the
    person fills it in."""
    for profile in stored:
        return profile
    return Profile()
