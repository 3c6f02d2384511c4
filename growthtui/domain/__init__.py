"""The domain: pydantic models and pure rules. No textual, no tinydb, no clock, no I/O.

"Today" is always a parameter.

The names below come from growthtui.domain.catalog when first used, not when this package
is imported: the rules that need no model (dates, kinds, rhythms, shapes) can then be used
without loading pydantic, which `growthtui agenda` relies on to start fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from growthtui.domain.assessment import Feedback, Skill, SkillRating, Source, Trait, TraitKind
    from growthtui.domain.base import Record, Value, explain
    from growthtui.domain.catalog import ENTITIES, ENTITY_BY_TABLE
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


def __getattr__(name: str) -> Any:
    if name in __all__:
        from growthtui.domain import catalog

        value = getattr(catalog, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
