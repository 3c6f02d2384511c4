"""The domain: pydantic models and pure rules. No textual, no tinydb, no clock, no I/O.

"Today" is always a parameter.

The names below are imported from their modules when first used, not with this package:
the rules that need no model (dates, kinds, shapes, schedule, cadence) then run without
loading pydantic, which `growthtui agenda` relies on to start fast.
"""

from __future__ import annotations

from growthtui.domain.lazy import lazy_names

TYPE_CHECKING = False  # not `from typing import …`: typing costs the quick write ~10 ms

if TYPE_CHECKING:
    from growthtui.domain.assessment import Feedback, Skill, SkillRating, Source, Trait, TraitKind
    from growthtui.domain.base import Record, Value, explain
    from growthtui.domain.entities import ENTITIES, ENTITY_BY_TABLE
    from growthtui.domain.errors import GrowthError, InvalidInput, InvalidRecord, NotFound
    from growthtui.domain.evidence import Evidence, EvidenceKind
    from growthtui.domain.goals import TRACKED_FIELDS, CheckIn, Goal, GoalChange, Measure, Milestone
    from growthtui.domain.kinds import Cadence, GoalStatus, Horizon, Relation
    from growthtui.domain.learning import LearningItem, LearningKind, LearningStatus
    from growthtui.domain.people import Interaction, InteractionKind, Person
    from growthtui.domain.profile import Profile
    from growthtui.domain.reviews import Decision, Review, ReviewDecision

_MODULES: dict[str, tuple[str, ...]] = {
    "assessment": ("Feedback", "Skill", "SkillRating", "Source", "Trait", "TraitKind"),
    "base": ("Record", "Value", "explain"),
    "entities": ("ENTITIES", "ENTITY_BY_TABLE"),
    "errors": ("GrowthError", "InvalidInput", "InvalidRecord", "NotFound"),
    "evidence": ("Evidence", "EvidenceKind"),
    "goals": ("TRACKED_FIELDS", "CheckIn", "Goal", "GoalChange", "Measure", "Milestone"),
    "kinds": ("Cadence", "GoalStatus", "Horizon", "Relation"),  # no pydantic
    "learning": ("LearningItem", "LearningKind", "LearningStatus"),
    "people": ("Interaction", "InteractionKind", "Person"),
    "profile": ("Profile",),
    "reviews": ("Decision", "Review", "ReviewDecision"),
}
"""Each module of this package, and the names it gives `growthtui.domain`."""

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


__getattr__ = lazy_names(__name__, _MODULES)
