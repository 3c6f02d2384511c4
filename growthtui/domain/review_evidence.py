"""What a review looks at: the period it covers, and per goal the evidence gathered in it,
so a review is written from the record and not from memory."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from growthtui.domain.cadence import last_review, period_bounds
from growthtui.domain.errors import InvalidInput
from growthtui.domain.evidence import Evidence, EvidenceKind
from growthtui.domain.goals import CheckIn, Goal, GoalStatus, Milestone
from growthtui.domain.learning import LearningItem, LearningStatus
from growthtui.domain.people import Interaction, Person
from growthtui.domain.profile import Cadence
from growthtui.domain.reviews import Review


@dataclass(frozen=True)
class Period:
    """The days a review covers, both ends included."""

    start: dt.date
    end: dt.date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise InvalidInput(
                f"the period ends {self.end}, before it starts {self.start}: "
                "the end must not be before the start",
                "covers_to",
            )

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def describe(self) -> str:
        return f"{self.start.isoformat()} → {self.end.isoformat()}"


def suggest_period(cadence: Cadence, reviews: Iterable[Review], today: dt.date) -> Period:
    """The period a review started today covers: from the last finished review's date (it
    looked at everything up to then) to today; without one, the calendar period that
    `period_bounds` names for the cadence."""
    last = last_review(reviews)
    if last is not None and last.date < today:
        return Period(last.date, today)
    start, end = period_bounds(cadence, today)
    return Period(start, end)


@dataclass(frozen=True)
class Conversation:
    """A contact with a person who helps with the goal (or about one of its milestones)."""

    interaction: Interaction
    person: Person | None


@dataclass(frozen=True)
class GoalEvidence:
    """Everything the period holds about one goal, each list oldest first."""

    goal: Goal
    period: Period
    evidence: tuple[Evidence, ...] = ()
    """Wins, praise, feedback and lessons logged against the goal."""
    milestones_done: tuple[Milestone, ...] = ()
    checkins: tuple[CheckIn, ...] = ()
    learning_finished: tuple[LearningItem, ...] = ()
    conversations: tuple[Conversation, ...] = ()

    @property
    def count(self) -> int:
        return (
            len(self.evidence)
            + len(self.milestones_done)
            + len(self.checkins)
            + len(self.learning_finished)
            + len(self.conversations)
        )

    @property
    def is_empty(self) -> bool:
        return self.count == 0

    @property
    def wins(self) -> tuple[Evidence, ...]:
        return tuple(e for e in self.evidence if e.kind in (EvidenceKind.WIN, EvidenceKind.PRAISE))

    @property
    def confidence(self) -> tuple[int, ...]:
        """Confidence of each check-in in the period, oldest first (a trend)."""
        return tuple(c.confidence for c in self.checkins)

    def summary(self) -> str:
        """One line: what was gathered, in counts ("2 wins, 1 milestone done")."""
        parts = [
            _count(len(self.wins), "win"),
            _count(len(self.evidence) - len(self.wins), "other note"),
            _count(len(self.milestones_done), "milestone done", "milestones done"),
            _count(len(self.checkins), "check-in"),
            _count(len(self.learning_finished), "learning item finished", "learning finished"),
            _count(len(self.conversations), "conversation"),
        ]
        said = [p for p in parts if p]
        return ", ".join(said) if said else "nothing logged in this period"


def _count(number: int, one: str, many: str | None = None) -> str:
    if number == 0:
        return ""
    return f"1 {one}" if number == 1 else f"{number} {many or one + 's'}"


def gather(
    goal: Goal,
    period: Period,
    *,
    evidence: Iterable[Evidence] = (),
    milestones: Iterable[Milestone] = (),
    checkins: Iterable[CheckIn] = (),
    learning: Iterable[LearningItem] = (),
    interactions: Iterable[Interaction] = (),
    people: Iterable[Person] = (),
) -> GoalEvidence:
    """The period's evidence about `goal`: evidence linked to it, its milestones done, its
    check-ins, learning linked to it and finished, and conversations with people linked to
    it (or about one of its milestones). Records of other goals or outside the period are
    left out: pass whole lists, the filtering is done here."""
    gid = goal.id
    own_milestones = [m for m in milestones if m.goal_id == gid]
    milestone_ids = {m.id for m in own_milestones if m.id is not None}
    everyone = {p.id: p for p in people}
    helpers = {pid for pid, p in everyone.items() if gid in p.goal_ids}
    logged = [e for e in evidence if gid in e.goal_ids and e.date in period]
    done = [m for m in own_milestones if m.done_at in period]
    checked = [c for c in checkins if c.goal_id == gid and c.date in period]
    finished = [
        item
        for item in learning
        if gid in item.goal_ids and item.status is LearningStatus.DONE and item.completed in period
    ]
    talks = [
        i
        for i in interactions
        if i.date in period and (i.person_id in helpers or i.milestone_id in milestone_ids)
    ]
    return GoalEvidence(
        goal=goal,
        period=period,
        evidence=tuple(sorted(logged, key=lambda e: (e.date, e.id or 0))),
        milestones_done=tuple(sorted(done, key=lambda m: (m.done_at or m.due, m.id or 0))),
        checkins=tuple(sorted(checked, key=lambda c: (c.date, c.id or 0))),
        learning_finished=tuple(
            sorted(finished, key=lambda item: (item.completed or period.end, item.id or 0))
        ),
        conversations=tuple(
            Conversation(i, everyone.get(i.person_id))
            for i in sorted(talks, key=lambda i: (i.date, i.id or 0))
        ),
    )


def goals_to_review(goals: Sequence[Goal], review: Review) -> list[Goal]:
    """The active goals a guided review still has to walk: those without a decision in it,
    longest horizon first (the aspiration before its stepping stones), then by due date."""
    order = {"long": 0, "medium": 1, "short": 2}
    decided = {d.goal_id for d in review.decisions}
    todo = [g for g in goals if g.status is GoalStatus.ACTIVE and g.id not in decided]
    return sorted(
        todo,
        key=lambda g: (order[g.horizon.value], g.due or dt.date.max, g.id or 0),
    )
