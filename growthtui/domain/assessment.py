"""Know yourself: traits (SWOT), skills with a rating history, feedback received."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import ClassVar

from pydantic import Field

from growthtui.domain.base import Ids, Level, Record, Text, Title, Value, empty_list
from growthtui.domain.evidence import Evidence, EvidenceKind
from growthtui.domain.goals import Goal
from growthtui.domain.learning import LearningItem, LearningStatus


class TraitKind(StrEnum):
    """The four SWOT quadrants."""

    STRENGTH = "strength"
    WEAKNESS = "weakness"
    OPPORTUNITY = "opportunity"
    THREAT = "threat"


class Source(StrEnum):
    """Where a piece of self-knowledge came from."""

    SELF = "self"
    PEER = "peer"
    SUPERVISOR = "supervisor"
    ASSESSMENT = "formal assessment"
    EXPERIENCE = "experience"


class Trait(Record):
    """A strength, weakness, opportunity or threat, with where it came from."""

    entity: ClassVar[str] = "trait"
    table: ClassVar[str] = "traits"

    kind: TraitKind
    title: Title
    notes: Text = ""
    source: Source = Source.SELF
    evidence: Text = ""
    archived: bool = False


class SkillRating(Value):
    """One rating of a skill on a date; ratings are added, never overwritten."""

    on: dt.date
    level: Level
    source: Source = Source.SELF
    note: Text = ""


class Skill(Record):
    """A skill with a target level and the history of its ratings."""

    entity: ClassVar[str] = "skill"
    table: ClassVar[str] = "skills"

    name: Title
    category: Text = ""
    target_level: Level = 4
    ratings: list[SkillRating] = Field(default_factory=empty_list)
    trait_ids: Ids = Field(default_factory=empty_list)
    """Weaknesses (or other traits) this skill is about."""

    def link_fields(self) -> dict[str, tuple[str, list[int]]]:
        return {"trait_ids": ("traits", self.trait_ids)}

    @property
    def level(self) -> int | None:
        """The latest rating's level, or None if never rated."""
        latest = self.latest_rating
        return latest.level if latest else None

    @property
    def latest_rating(self) -> SkillRating | None:
        if not self.ratings:
            return None
        return max(enumerate(self.ratings), key=lambda pair: (pair[1].on, pair[0]))[1]

    @property
    def gap(self) -> int | None:
        """Levels still to climb to the target (0 when reached), None if never rated."""
        level = self.level
        return None if level is None else max(0, self.target_level - level)

    def trend(self) -> list[int]:
        """Rating levels in date order, oldest first (for a sparkline)."""
        ordered = sorted(enumerate(self.ratings), key=lambda pair: (pair[1].on, pair[0]))
        return [rating.level for _, rating in ordered]


class Feedback(Record):
    """Feedback received: who, when, what, and which traits it speaks to."""

    entity: ClassVar[str] = "feedback"
    table: ClassVar[str] = "feedback"

    date: dt.date
    giver: Text = ""
    """Who gave it, as free text (or the name of a person)."""
    person_id: int | None = None
    source: Source = Source.PEER
    text: Title
    trait_ids: Ids = Field(default_factory=empty_list)

    def link_fields(self) -> dict[str, tuple[str, list[int]]]:
        links = {"trait_ids": ("traits", self.trait_ids)}
        if self.person_id is not None:
            links["person_id"] = ("people", [self.person_id])
        return links


def addressed_by(
    trait: Trait,
    goals: Iterable[Goal] = (),
    learning: Iterable[LearningItem] = (),
    skills: Iterable[Skill] = (),
) -> list[Record]:
    """What works on a trait: open goals, learning not dropped, and skills linked to it."""
    tid = trait.id
    found: list[Record] = [g for g in goals if g.is_open and tid in g.trait_ids]
    found += [i for i in learning if i.status is not LearningStatus.DROPPED and tid in i.trait_ids]
    found += [s for s in skills if tid in s.trait_ids]
    return found


def unaddressed_weaknesses(
    traits: Iterable[Trait],
    goals: Iterable[Goal] = (),
    learning: Iterable[LearningItem] = (),
    skills: Iterable[Skill] = (),
) -> list[Trait]:
    """Current weaknesses that nothing works on: no open goal, no learning item (unless
    dropped) and no skill links to them. One pass over each kind (the same rule as
    `addressed_by`, without walking every goal once per weakness)."""
    addressed: set[int] = set()
    for goal in goals:
        if goal.is_open:
            addressed.update(goal.trait_ids)
    for item in learning:
        if item.status is not LearningStatus.DROPPED:
            addressed.update(item.trait_ids)
    for skill in skills:
        addressed.update(skill.trait_ids)
    return [
        t
        for t in traits
        if t.kind is TraitKind.WEAKNESS and not t.archived and t.id not in addressed
    ]


@dataclass(frozen=True)
class FeedbackReceived:
    """One line of the feedback a person received, whichever way it was logged: a
    Feedback record (Assessment, `n` in its Feedback panel) or a piece of evidence of kind
    "feedback received" (`w`, from any screen)."""

    record: Feedback | Evidence
    giver: str
    """Who gave it, as far as the record says ("" when it does not)."""

    @property
    def key(self) -> str:
        """Unique across both kinds of record: "feedback:3", "evidence:12"."""
        return f"{self.record.entity}:{self.record.id}"

    @property
    def date(self) -> dt.date:
        return self.record.date

    @property
    def text(self) -> str:
        return self.record.text

    @property
    def logged_with(self) -> str:
        """Where it came from, in words: the feedback log, or the evidence log (`w`)."""
        if isinstance(self.record, Feedback):
            return "feedback log (n in this panel)"
        return "evidence log (logged with w; Reviews, 7)"


def feedback_received(
    feedback: Iterable[Feedback],
    evidence: Iterable[Evidence],
    people: Mapping[int, str] | None = None,
) -> list[FeedbackReceived]:
    """One view over the feedback logged both ways, newest first (on one day, the later
    logged first). `people` names people by id, for the records linked to them."""
    names = people or {}
    entries = [
        FeedbackReceived(item, item.giver or names.get(item.person_id or 0, ""))
        for item in feedback
    ]
    entries += [
        FeedbackReceived(item, ", ".join(names[p] for p in item.person_ids if p in names))
        for item in evidence
        if item.kind is EvidenceKind.FEEDBACK
    ]
    return sorted(
        entries,
        key=lambda entry: (entry.date, entry.record.id, entry.record.entity),
        reverse=True,
    )
