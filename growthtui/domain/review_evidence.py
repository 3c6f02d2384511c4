"""What a review looks at: the period it covers, and per goal the evidence gathered in it,
so a review is written from the record and not from memory."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from growthtui.domain.assessment import Feedback
from growthtui.domain.cadence import last_review, period_bounds
from growthtui.domain.errors import InvalidInput
from growthtui.domain.evidence import Evidence, EvidenceKind
from growthtui.domain.goals import CheckIn, Goal, GoalStatus, Milestone
from growthtui.domain.learning import LearningItem, LearningStatus
from growthtui.domain.people import Interaction, Person
from growthtui.domain.profile import Cadence
from growthtui.domain.reviews import Review
from growthtui.domain.words import counted


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
    """Everything the period holds about one goal and the stepping stones below it, each
    list oldest first."""

    goal: Goal
    period: Period
    evidence: tuple[Evidence, ...] = ()
    """Wins, praise, feedback and lessons logged against the goal or a stepping stone."""
    milestones_done: tuple[Milestone, ...] = ()
    checkins: tuple[CheckIn, ...] = ()
    learning_finished: tuple[LearningItem, ...] = ()
    conversations: tuple[Conversation, ...] = ()
    feedback: tuple[Feedback, ...] = ()
    """Feedback received (Assessment's log) about a trait the goal or a stone addresses."""
    stones: tuple[Goal, ...] = ()
    """The stepping stones below the goal whose evidence is gathered here too."""

    @property
    def count(self) -> int:
        return (
            len(self.evidence)
            + len(self.milestones_done)
            + len(self.checkins)
            + len(self.learning_finished)
            + len(self.conversations)
            + len(self.feedback)
        )

    @property
    def is_empty(self) -> bool:
        return self.count == 0

    @property
    def wins(self) -> tuple[Evidence, ...]:
        return tuple(e for e in self.evidence if e.kind in (EvidenceKind.WIN, EvidenceKind.PRAISE))

    @property
    def feedback_count(self) -> int:
        """Feedback received, logged either way: `w` (feedback received) or Assessment."""
        logged = sum(1 for e in self.evidence if e.kind is EvidenceKind.FEEDBACK)
        return logged + len(self.feedback)

    @property
    def confidence(self) -> tuple[int, ...]:
        """Confidence of each check-in in the period, oldest first (a trend)."""
        return tuple(c.confidence for c in self.checkins)

    def stone_of(self, goal_id: int | None) -> Goal | None:
        """The stepping stone `goal_id` names, None for the goal itself (or another)."""
        return next((s for s in self.stones if s.id == goal_id), None)

    def summary(self) -> str:
        """One line: what was gathered, in counts ("2 wins, 1 milestone done")."""
        lessons = sum(1 for e in self.evidence if e.kind is EvidenceKind.LESSON)
        parts = [
            (len(self.wins), "win", None),
            (self.feedback_count, "piece of feedback", "pieces of feedback"),
            (lessons, "lesson", None),
            (len(self.milestones_done), "milestone done", "milestones done"),
            (len(self.checkins), "check-in", None),
            (len(self.learning_finished), "learning item finished", "learning items finished"),
            (len(self.conversations), "conversation", None),
        ]
        said = [counted(number, one, many) for number, one, many in parts if number]
        return ", ".join(said) if said else "nothing logged in this period"


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
    feedback: Iterable[Feedback] = (),
    stones: Iterable[Goal] = (),
) -> GoalEvidence:
    """The period's evidence about `goal` and its stepping stones (`stones`: every goal
    below it): evidence linked to one of them, their milestones done, their check-ins,
    learning linked to one of them and finished, conversations with people who help with
    one of them (or about one of their milestones), and feedback received about a trait
    one of them addresses. A review of a long-term goal thus sees what its stepping stones
    did. Records of other goals or outside the period are left out: pass whole lists, the
    filtering is done here."""
    below = tuple(s for s in stones if s.id != goal.id)
    covered = {goal.id, *(s.id for s in below)}
    traits = {t for g in (goal, *below) for t in g.trait_ids}
    own_milestones = [m for m in milestones if m.goal_id in covered]
    milestone_ids = {m.id for m in own_milestones}
    everyone = {p.id: p for p in people}
    helpers = {pid for pid, p in everyone.items() if covered.intersection(p.goal_ids)}
    logged = [e for e in evidence if covered.intersection(e.goal_ids) and e.date in period]
    done = [m for m in own_milestones if m.done_at in period]
    checked = [c for c in checkins if c.goal_id in covered and c.date in period]
    finished = [
        item
        for item in learning
        if covered.intersection(item.goal_ids)
        and item.status is LearningStatus.DONE
        and item.completed in period
    ]
    talks = [
        i
        for i in interactions
        if i.date in period and (i.person_id in helpers or i.milestone_id in milestone_ids)
    ]
    heard = [f for f in feedback if f.date in period and traits.intersection(f.trait_ids)]
    return GoalEvidence(
        goal=goal,
        period=period,
        evidence=tuple(sorted(logged, key=lambda e: (e.date, e.id))),
        milestones_done=tuple(sorted(done, key=lambda m: (m.done_at or m.due, m.id))),
        checkins=tuple(sorted(checked, key=lambda c: (c.date, c.id))),
        learning_finished=tuple(
            sorted(finished, key=lambda item: (item.completed or period.end, item.id))
        ),
        conversations=tuple(
            Conversation(i, everyone.get(i.person_id))
            for i in sorted(talks, key=lambda i: (i.date, i.id))
        ),
        feedback=tuple(sorted(heard, key=lambda f: (f.date, f.id))),
        stones=below,
    )


def goals_to_review(goals: Sequence[Goal], review: Review) -> list[Goal]:
    """The active goals a guided review still has to walk: those without a decision in it,
    longest horizon first (the aspiration before its stepping stones), then by due date."""
    order = {"long": 0, "medium": 1, "short": 2}
    decided = {d.goal_id for d in review.decisions}
    todo = [g for g in goals if g.status is GoalStatus.ACTIVE and g.id not in decided]
    return sorted(
        todo,
        key=lambda g: (order[g.horizon.value], g.due or dt.date.max, g.id),
    )
