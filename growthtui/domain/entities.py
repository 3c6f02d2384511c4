"""Every stored entity, in the order exports list them."""

from __future__ import annotations

from growthtui.domain.assessment import Feedback, Skill, Trait
from growthtui.domain.base import Record
from growthtui.domain.evidence import Evidence
from growthtui.domain.goals import CheckIn, Goal, Milestone
from growthtui.domain.learning import LearningItem
from growthtui.domain.people import Interaction, Person
from growthtui.domain.profile import Profile
from growthtui.domain.reviews import Review

ENTITIES: tuple[type[Record], ...] = (
    Profile,
    Trait,
    Skill,
    Feedback,
    Goal,
    Milestone,
    CheckIn,
    LearningItem,
    Person,
    Interaction,
    Evidence,
    Review,
)
"""Every stored entity, in the order exports list them."""

ENTITY_BY_TABLE: dict[str, type[Record]] = {model.table: model for model in ENTITIES}
