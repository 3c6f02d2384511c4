"""A review gathers, per goal, what the period holds: evidence, milestones done, check-ins,
learning finished, conversations — and nothing from other goals or other periods."""

from __future__ import annotations

import datetime as dt

import pytest

from growthtui.domain.assessment import (
    Feedback,
    Skill,
    Trait,
    TraitKind,
    addressed_by,
    unaddressed_weaknesses,
)
from growthtui.domain.evidence import Evidence, EvidenceKind
from growthtui.domain.goals import CheckIn, Goal, Milestone
from growthtui.domain.kinds import GoalStatus, Horizon, Relation
from growthtui.domain.learning import LearningItem, LearningStatus
from growthtui.domain.people import Interaction, Person
from growthtui.domain.review_evidence import GoalEvidence, Period, gather, goals_to_review
from growthtui.domain.reviews import Decision, Review, ReviewDecision

TODAY = dt.date(2026, 11, 24)
QUARTER = Period(dt.date(2026, 8, 26), TODAY)
BEFORE = dt.date(2026, 8, 25)
"""The day before the period: nothing dated then belongs to it."""

CERT = Goal(id=1, title="Pass the AWS exam")
TALK = Goal(id=2, title="Speak at a conference")
PRIYA = Person(id=1, name="Priya", relation=Relation.MENTOR, goal_ids=[1])
SAM = Person(id=2, name="Sam", relation=Relation.PEER)


def day(month: int, dom: int) -> dt.date:
    return dt.date(2026, month, dom)


def evidence(
    eid: int, on: dt.date, goals: list[int], kind: EvidenceKind = EvidenceKind.WIN
) -> Evidence:
    return Evidence(id=eid, date=on, text=f"evidence {eid}", kind=kind, goal_ids=goals)


RECORDS = {
    "evidence": [
        evidence(1, day(9, 3), [1]),
        evidence(2, day(11, 20), [1, 2], EvidenceKind.PRAISE),
        evidence(3, day(10, 1), [1], EvidenceKind.LESSON),
        evidence(4, BEFORE, [1]),  # too early
        evidence(5, day(10, 2), [2]),  # another goal
        evidence(6, day(12, 1), [1]),  # after the period
    ],
    "milestones": [
        Milestone(id=1, goal_id=1, title="Course videos", due=day(9, 1), done_at=day(8, 30)),
        Milestone(id=2, goal_id=1, title="Practice exam", due=day(11, 1), done_at=BEFORE),
        Milestone(id=3, goal_id=1, title="Book the exam", due=day(12, 1)),  # not done
        Milestone(id=4, goal_id=2, title="CFP", due=day(10, 1), done_at=day(10, 1)),
    ],
    "checkins": [
        CheckIn(id=1, goal_id=1, date=day(11, 19), value=68, confidence=4),
        CheckIn(id=2, goal_id=1, date=day(9, 5), value=55, confidence=2),
        CheckIn(id=3, goal_id=1, date=BEFORE, value=50, confidence=1),
        CheckIn(id=4, goal_id=2, date=day(10, 5), confidence=5),
    ],
    "learning": [
        LearningItem(
            id=1, title="Exam prep", status=LearningStatus.DONE, completed=day(10, 9), goal_ids=[1]
        ),
        LearningItem(id=2, title="Labs", status=LearningStatus.IN_PROGRESS, goal_ids=[1]),
        LearningItem(
            id=3, title="Old course", status=LearningStatus.DONE, completed=BEFORE, goal_ids=[1]
        ),
        LearningItem(
            id=4,
            title="Talk workshop",
            status=LearningStatus.DONE,
            completed=day(9, 9),
            goal_ids=[2],
        ),
    ],
    "interactions": [
        Interaction(id=1, person_id=1, date=day(10, 12), summary="1:1 with Priya"),
        Interaction(id=2, person_id=1, date=BEFORE, summary="old 1:1"),
        Interaction(id=3, person_id=2, date=day(10, 20), summary="coffee with Sam"),
        Interaction(id=4, person_id=2, date=day(11, 2), summary="Sam on booking", milestone_id=3),
    ],
    "people": [PRIYA, SAM],
}


def test_gathers_only_this_goals_records_inside_the_period() -> None:
    found = gather(CERT, QUARTER, **RECORDS)  # type: ignore[arg-type]

    assert [e.id for e in found.evidence] == [1, 3, 2]  # oldest first
    assert [e.id for e in found.wins] == [1, 2]  # wins and praise, not the lesson
    assert [m.id for m in found.milestones_done] == [1]
    assert [c.id for c in found.checkins] == [2, 1]
    assert found.confidence == (2, 4)
    assert [i.id for i in found.learning_finished] == [1]
    # Priya helps with this goal; Sam's message was about one of its milestones.
    assert [(c.interaction.id, c.person) for c in found.conversations] == [(1, PRIYA), (4, SAM)]
    assert found.count == 9
    assert found.summary() == (
        "2 wins, 1 lesson, 1 milestone done, 2 check-ins, 1 learning item finished, 2 conversations"
    )


def test_the_other_goal_gets_its_own_records() -> None:
    found = gather(TALK, QUARTER, **RECORDS)  # type: ignore[arg-type]
    assert [e.id for e in found.evidence] == [5, 2]
    assert [m.id for m in found.milestones_done] == [4]
    assert [c.id for c in found.checkins] == [4]
    assert [i.id for i in found.learning_finished] == [4]
    assert found.conversations == ()


@pytest.mark.parametrize(
    ("period", "evidence_ids"),
    [
        (Period(day(9, 3), day(9, 3)), [1]),  # both ends included
        (Period(day(11, 21), day(11, 30)), []),
        (Period(BEFORE, day(12, 31)), [4, 1, 3, 2, 6]),
    ],
)
def test_the_period_decides_what_counts(period: Period, evidence_ids: list[int]) -> None:
    found = gather(CERT, period, evidence=RECORDS["evidence"])  # type: ignore[arg-type]
    assert [e.id for e in found.evidence] == evidence_ids


def test_a_quiet_period_says_so() -> None:
    found = gather(CERT, Period(day(1, 1), day(1, 31)), **RECORDS)  # type: ignore[arg-type]
    assert found == GoalEvidence(CERT, Period(day(1, 1), day(1, 31)))
    assert found.is_empty
    assert found.summary() == "nothing logged in this period"


def test_a_review_walks_active_undecided_goals_long_horizon_first() -> None:
    goals = [
        Goal(id=1, title="short, due late", due=day(12, 30)),
        Goal(id=2, title="long", horizon=Horizon.LONG),
        Goal(id=3, title="paused", status=GoalStatus.PAUSED),
        Goal(id=4, title="short, due soon", due=day(12, 1)),
        Goal(id=5, title="medium", horizon=Horizon.MEDIUM),
        Goal(id=6, title="achieved", status=GoalStatus.ACHIEVED),
        Goal(id=7, title="decided already"),
    ]
    review = Review(
        date=TODAY,
        covers_from=QUARTER.start,
        covers_to=TODAY,
        decisions=[ReviewDecision(goal_id=7, decision=Decision.KEEP)],
    )
    assert [g.id for g in goals_to_review(goals, review)] == [2, 5, 4, 1]


def test_a_review_names_itself_in_the_reason_for_a_change() -> None:
    review = Review(date=TODAY, covers_from=QUARTER.start, covers_to=TODAY)
    assert review.reason("team re-org") == "quarterly review 2026-11-24: team re-org"
    assert review.reason("  ") == "quarterly review 2026-11-24"
    decided = review.with_decision(ReviewDecision(goal_id=1, decision=Decision.KEEP))
    redecided = decided.with_decision(ReviewDecision(goal_id=1, decision=Decision.DROP))
    assert [(d.goal_id, d.decision) for d in redecided.decisions] == [(1, Decision.DROP)]


def test_weaknesses_nothing_works_on_are_flagged() -> None:
    traits = [
        Trait(id=1, kind=TraitKind.WEAKNESS, title="speaking"),  # a goal works on it
        Trait(id=2, kind=TraitKind.WEAKNESS, title="delegating"),  # a skill
        Trait(id=3, kind=TraitKind.WEAKNESS, title="estimates"),  # nothing
        Trait(id=4, kind=TraitKind.WEAKNESS, title="old", archived=True),  # archived
        Trait(id=5, kind=TraitKind.STRENGTH, title="debugging"),  # not a weakness
        Trait(id=6, kind=TraitKind.WEAKNESS, title="sql"),  # only a dropped course, closed goal
        Trait(id=7, kind=TraitKind.WEAKNESS, title="networking"),  # a course
    ]
    goals = [
        Goal(id=1, title="talk", trait_ids=[1]),
        Goal(id=2, title="closed", status=GoalStatus.DROPPED, trait_ids=[6]),
    ]
    learning = [
        LearningItem(id=1, title="sql course", status=LearningStatus.DROPPED, trait_ids=[6]),
        LearningItem(id=2, title="meetups", trait_ids=[7]),
    ]
    skills = [Skill(id=1, name="mentoring", trait_ids=[2])]
    found = unaddressed_weaknesses(traits, goals, learning, skills)
    assert [t.title for t in found] == ["estimates", "sql"]
    assert addressed_by(traits[0], goals, learning, skills) == [goals[0]]
    # the one-pass list and the per-trait rule agree on every trait
    for trait in traits:
        open_weakness = trait.kind is TraitKind.WEAKNESS and not trait.archived
        nothing = not addressed_by(trait, goals, learning, skills)
        assert (trait in found) == (open_weakness and nothing), trait.title


def test_a_parent_gathers_what_its_stepping_stones_did() -> None:
    """The issue's case: a long-term goal with nothing logged against itself, whose
    stepping stones had a win, a check-in and a finished course."""
    parent = Goal(id=10, title="Become a staff engineer", horizon=Horizon.LONG)
    stone = Goal(id=11, title="Lead the redesign", horizon=Horizon.MEDIUM, parent_id=10)
    pebble = Goal(id=12, title="Write the RFC", parent_id=11)
    records = {
        "evidence": [evidence(20, day(10, 2), [12])],
        "checkins": [CheckIn(id=20, goal_id=11, date=day(11, 1), value=2)],
        "learning": [
            LearningItem(
                id=20, title="DDIA", status=LearningStatus.DONE, completed=day(9, 30), goal_ids=[12]
            )
        ],
        "milestones": [
            Milestone(id=20, goal_id=12, title="Draft", due=day(10, 1), done_at=day(10, 1))
        ],
    }
    alone = gather(parent, QUARTER, **records)  # type: ignore[arg-type]
    assert alone.is_empty
    found = gather(parent, QUARTER, stones=[stone, pebble], **records)  # type: ignore[arg-type]
    assert not found.is_empty
    assert found.summary() == "1 win, 1 milestone done, 1 check-in, 1 learning item finished"
    assert [s.id for s in found.stones] == [11, 12]
    assert found.stone_of(12) is pebble and found.stone_of(10) is None


def test_feedback_received_either_way_is_part_of_the_evidence() -> None:
    """Logged with `w` as "feedback received", or in Assessment about a trait the goal
    addresses: both count, and say so."""
    goal = Goal(id=1, title="Speak at a conference", trait_ids=[7])
    logged = evidence(30, day(10, 3), [1], EvidenceKind.FEEDBACK)
    heard = Feedback(id=1, date=day(10, 4), giver="Priya", text="Slow down", trait_ids=[7])
    elsewhere = Feedback(id=2, date=day(10, 4), text="Other trait", trait_ids=[8])
    too_early = Feedback(id=3, date=BEFORE, text="Old", trait_ids=[7])
    found = gather(goal, QUARTER, evidence=[logged], feedback=[heard, elsewhere, too_early])
    assert [f.id for f in found.feedback] == [1]
    assert found.feedback_count == 2
    assert found.summary() == "2 pieces of feedback"
