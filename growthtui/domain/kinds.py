"""The kinds a record's fields take: plain enums, without pydantic.

They live apart from the models so that rules over dates and rhythms (and `growthtui
agenda`, which must start fast) can use them without loading pydantic. The model modules
re-export them: `from growthtui.domain.goals import Horizon` still works.
"""

from __future__ import annotations

from enum import StrEnum

TITLE_MAX = 500
"""The longest name or title a person may type, in characters."""


class Horizon(StrEnum):
    """How far ahead a goal looks."""

    SHORT = "short"
    MEDIUM = "medium"
    LONG = "long"


class EvidenceKind(StrEnum):
    """What a piece of evidence (a line of the brag document) is."""

    WIN = "win"
    FEEDBACK = "feedback received"
    LESSON = "lesson"
    PRAISE = "praise"


EVIDENCE_KIND_WORDS = {
    "win": EvidenceKind.WIN,
    "lesson": EvidenceKind.LESSON,
    "praise": EvidenceKind.PRAISE,
    "feedback": EvidenceKind.FEEDBACK,
}
"""The one word that names each kind on the command line (`growthtui log --kind …`)."""


class GoalStatus(StrEnum):
    ACTIVE = "active"
    PAUSED = "paused"
    ACHIEVED = "achieved"
    DROPPED = "dropped"


OPEN_STATUSES = frozenset({GoalStatus.ACTIVE, GoalStatus.PAUSED})
"""Active or paused: still part of the plan."""


class Cadence(StrEnum):
    """How often a person reviews their plan."""

    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    ANNUAL = "annual"


class Relation(StrEnum):
    MENTOR = "mentor"
    SPONSOR = "sponsor"
    PEER = "peer"
    MENTEE = "mentee"
    CONTACT = "contact"


DEFAULT_REVIEW_CADENCE = Cadence.QUARTERLY
"""The review rhythm of a profile that has not set one."""
