"""Every name `growthtui.domain` offers, and the list of stored entities. Importing this
loads pydantic and builds the models; `growthtui.domain` loads it on the first use of one
of these names."""

from __future__ import annotations

from growthtui.domain.assessment import Feedback, Skill, SkillRating, Source, Trait, TraitKind
from growthtui.domain.base import Record, Value, explain
from growthtui.domain.errors import GrowthError, InvalidInput, InvalidRecord, NotFound
from growthtui.domain.evidence import Evidence, EvidenceKind
from growthtui.domain.goals import (
    TRACKED_FIELDS,
    CheckIn,
    Goal,
    GoalChange,
    GoalStatus,
    Horizon,
    Measure,
    Milestone,
)
from growthtui.domain.learning import LearningItem, LearningKind, LearningStatus
from growthtui.domain.people import Interaction, InteractionKind, Person, Relation
from growthtui.domain.profile import Cadence, Profile
from growthtui.domain.reviews import Decision, Review, ReviewDecision

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

__all__ = [
    "ENTITIES",
    "ENTITY_BY_TABLE",
    "TRACKED_FIELDS",
    "Cadence",
    "CheckIn",
    "Decision",
    "Evidence",
    "EvidenceKind",
    "Feedback",
    "Goal",
    "GoalChange",
    "GoalStatus",
    "GrowthError",
    "Horizon",
    "Interaction",
    "InteractionKind",
    "InvalidInput",
    "InvalidRecord",
    "LearningItem",
    "LearningKind",
    "LearningStatus",
    "Measure",
    "Milestone",
    "NotFound",
    "Person",
    "Profile",
    "Record",
    "Relation",
    "Review",
    "ReviewDecision",
    "Skill",
    "SkillRating",
    "Source",
    "Trait",
    "TraitKind",
    "Value",
    "explain",
]
