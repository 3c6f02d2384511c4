"""Record a review and its decisions: the guided review's use cases, on the store.

A guided review is a Review with `draft=True` from its first step: every step is saved as
it is taken, so it can be left at any point and resumed later where it was left. Each
decision takes effect when it is taken; a goal's history records the review as the reason.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from growthtui.domain.assessment import Feedback
from growthtui.domain.base import Record
from growthtui.domain.errors import InvalidInput
from growthtui.domain.evidence import Evidence, EvidenceKind
from growthtui.domain.goals import CheckIn, Goal, Milestone, stepping_stones_below
from growthtui.domain.learning import LearningItem
from growthtui.domain.people import Interaction, Person
from growthtui.domain.review_evidence import (
    GoalEvidence,
    Period,
    gather,
    goals_to_review,
    suggest_period,
)
from growthtui.domain.reviews import Decision, Review, ReviewDecision, ReviewStep
from growthtui.interop.plan import read_lists
from growthtui.store.repository import Store

REFLECTION_FIELDS: tuple[str, ...] = (
    "wins",
    "obstacles",
    "lessons",
    "what_worked",
    "what_didnt",
    "satisfaction",
    "next_focus",
)
"""What a person writes after walking the goals."""

GATHERED_KINDS: tuple[type[Record], ...] = (
    Evidence,
    Milestone,
    CheckIn,
    LearningItem,
    Interaction,
    Person,
    Feedback,
)
"""What a review gathers about each goal (besides the goals below it): `gather` takes each
by its table's name."""


def open_draft(store: Store) -> Review | None:
    """The guided review left half-way (the newest, should there be several)."""
    drafts = store.list(Review, draft=True)
    return max(drafts, key=lambda r: (r.date, r.id)) if drafts else None


def start_or_resume(store: Store, today: dt.date) -> Review:
    """The draft to continue, or a new one saved now, covering the period since the last
    review in the profile's cadence."""
    draft = open_draft(store)
    if draft is not None:
        return draft
    cadence = store.profile().review_cadence
    period = suggest_period(cadence, store.list(Review), today)
    return store.add(
        Review(
            period=cadence,
            date=today,
            covers_from=period.start,
            covers_to=period.end,
            draft=True,
            step=ReviewStep.PERIOD,
        )
    )


def save_draft(store: Store, review: Review, **changes: Any) -> Review:
    """Save what the person has done so far (InvalidRecord when a value does not fit)."""
    current = store.get(Review, review.id)
    edited = current.edit(**changes) if changes else current
    if edited == current:
        return current
    return store.update(edited, base=current)


def period_of(review: Review) -> Period:
    return Period(review.covers_from, review.covers_to)


def goals_left(store: Store, review: Review) -> list[Goal]:
    """The active goals this review has not decided yet, in the order it walks them."""
    return goals_to_review(store.list(Goal), review)


def evidence_for(store: Store, review: Review, goal: Goal) -> GoalEvidence:
    """What the review's period holds about `goal` and the stepping stones below it."""
    return gather(
        goal,
        period_of(review),
        **read_lists(store, GATHERED_KINDS),
        stones=stepping_stones_below(goal, store.list(Goal)),
    )


def decide(
    store: Store, review: Review, goal_id: int, decision: Decision, note: str = ""
) -> Review:
    """Take a decision on a goal. Pause, achieve and drop change its status now, with the
    review as the reason in its history; keep leaves it be; adjust is recorded after the
    goal was edited (see `adjust_goal`). Returns the saved draft."""
    goal = store.get(Goal, goal_id)
    status = decision.status
    with store.transaction(f"decide to {decision.value} goal {goal_id}"):  # one write, one `u`
        if status is not None and goal.status is not status:
            store.update(
                goal.model_copy(update={"status": status}), reason=review.reason(note), base=goal
            )
        current = store.get(Review, review.id)
        entry = ReviewDecision(goal_id=goal_id, decision=decision, note=note.strip())
        return store.update(current.with_decision(entry), base=current)


def adjust_goal(store: Store, review: Review, edited: Goal, base: Goal, note: str = "") -> Goal:
    """Save a goal changed during the review — its history records the review as the
    reason — and record the decision "adjust"."""
    with store.transaction(f"adjust goal {edited.id} in the review"):  # one write, one `u`
        saved = store.update(edited, reason=review.reason(note), base=base)
        decide(store, review, saved.id, Decision.ADJUST, note)
    return saved


def suggested_reflection(store: Store, review: Review) -> dict[str, str]:
    """Wins and lessons logged in the period, one per line, to start the reflection from;
    feedback received in the period (logged with `w`, or in Assessment) goes with the
    lessons, as what others saw."""
    period = period_of(review)
    logged = [e for e in store.list(Evidence) if e.date in period]
    logged.sort(key=lambda e: (e.date, e.id))
    wins = [e.text for e in logged if e.kind in (EvidenceKind.WIN, EvidenceKind.PRAISE)]
    lessons = [e.text for e in logged if e.kind is EvidenceKind.LESSON]
    heard = [(e.date, 0, e.id, "", e.text) for e in logged if e.kind is EvidenceKind.FEEDBACK]
    heard += [(f.date, 1, f.id, f.giver, f.text) for f in store.list(Feedback) if f.date in period]
    for _date, _kind, _id, giver, text in sorted(heard):
        lessons.append(f"feedback from {giver}: {text}" if giver else f"feedback: {text}")
    return {
        "wins": "\n".join(f"- {t}" for t in wins),
        "lessons": "\n".join(f"- {t}" for t in lessons),
    }


def finish(store: Store, review: Review, **reflection: Any) -> Review:
    """Save the review as done. Every active goal must have its decision first."""
    unknown = set(reflection) - set(REFLECTION_FIELDS)
    if unknown:
        raise InvalidInput(f"a review has no field {sorted(unknown)[0]!r}")
    current = store.get(Review, review.id)
    left = goals_to_review(store.list(Goal), current)
    if left:
        goal = left[0]
        raise InvalidInput(
            f"goal #{goal.id} '{goal.title}' has no decision yet: decide it before finishing"
        )
    done = current.edit(
        **reflection, draft=False, step=ReviewStep.DONE, pending_goal_id=None, pending_note=""
    )
    return store.update(done, base=current)


def discard(store: Store, review: Review) -> None:
    """Throw a draft away (decisions already taken stay in the goals' history)."""
    store.delete(Review, review.id)
