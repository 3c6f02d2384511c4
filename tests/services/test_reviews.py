"""Recording a review and its decisions: what the store holds after each step."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from growthtui.domain.assessment import Feedback
from growthtui.domain.cadence import review_due
from growthtui.domain.errors import InvalidInput
from growthtui.domain.evidence import Evidence, EvidenceKind
from growthtui.domain.goals import Goal
from growthtui.domain.kinds import Cadence, GoalStatus
from growthtui.domain.reviews import Decision, Review, ReviewStep
from growthtui.services import reviews as service
from growthtui.store.repository import Store
from tests.conftest import NOW, TODAY


def goal_titled(store: Store, title: str) -> Goal:
    return next(g for g in store.list(Goal) if g.title == title)


def test_starting_saves_a_draft_covering_the_time_since_the_last_review(
    seeded_store: Store,
) -> None:
    last = max(r.date for r in seeded_store.list(Review))
    draft = service.start_or_resume(seeded_store, TODAY)

    stored = seeded_store.get(Review, draft.id or 0)
    assert stored.draft and stored.step is ReviewStep.PERIOD
    assert (stored.period, stored.covers_from, stored.covers_to) == (
        Cadence.QUARTERLY,
        last,
        TODAY,
    )
    # Starting again resumes the same draft instead of opening a second one.
    assert service.start_or_resume(seeded_store, TODAY).id == draft.id
    assert len(seeded_store.list(Review, draft=True)) == 1


def test_a_first_review_covers_the_calendar_period(store: Store) -> None:
    draft = service.start_or_resume(store, TODAY)
    assert (draft.covers_from, draft.covers_to) == (dt.date(2026, 10, 1), TODAY)


def test_each_decision_changes_the_goal_with_the_review_as_reason(seeded_store: Store) -> None:
    draft = service.start_or_resume(seeded_store, TODAY)
    draft = service.save_draft(seeded_store, draft, step=ReviewStep.GOALS)
    left = service.goals_left(seeded_store, draft)
    assert [g.title for g in left][:2] == [
        "Become a staff engineer",
        "Lead the payments platform redesign",
    ]
    staff, redesign, talk, rfc, talks, cert, mentor = (g.id or 0 for g in left)
    history_before = {g.id: len(g.history) for g in left}

    draft = service.decide(seeded_store, draft, staff, Decision.KEEP, "on track")
    draft = service.decide(seeded_store, draft, cert, Decision.ACHIEVE, "passed first try")
    draft = service.decide(seeded_store, draft, talk, Decision.PAUSE, "no budget this year")
    draft = service.decide(seeded_store, draft, talks, Decision.DROP, "")
    rfc_goal = seeded_store.get(Goal, rfc)
    service.adjust_goal(
        seeded_store,
        draft,
        rfc_goal.edit(due=dt.date(2027, 3, 31)),
        rfc_goal,
        "team re-org",
    )

    statuses = {gid: seeded_store.get(Goal, gid).status for gid in (staff, cert, talk, talks, rfc)}
    assert statuses == {
        staff: GoalStatus.ACTIVE,
        cert: GoalStatus.ACHIEVED,
        talk: GoalStatus.PAUSED,
        talks: GoalStatus.DROPPED,
        rfc: GoalStatus.ACTIVE,
    }
    assert len(seeded_store.history(staff)) == history_before[staff]  # keep changes nothing
    latest = {gid: seeded_store.history(gid)[-1] for gid in (cert, talk, talks, rfc)}
    assert (latest[cert].field, latest[cert].new, latest[cert].reason) == (
        "status",
        "achieved",
        "quarterly review 2026-11-24: passed first try",
    )
    assert latest[talk].reason == "quarterly review 2026-11-24: no budget this year"
    assert latest[talks].reason == "quarterly review 2026-11-24"
    assert (latest[rfc].field, latest[rfc].new, latest[rfc].reason) == (
        "due",
        "2027-03-31",
        "quarterly review 2026-11-24: team re-org",
    )
    assert latest[rfc].at == NOW

    stored = seeded_store.get(Review, draft.id or 0)
    assert stored.draft
    assert [(d.goal_id, d.decision, d.note) for d in stored.decisions] == [
        (staff, Decision.KEEP, "on track"),
        (cert, Decision.ACHIEVE, "passed first try"),
        (talk, Decision.PAUSE, "no budget this year"),
        (talks, Decision.DROP, ""),
        (rfc, Decision.ADJUST, "team re-org"),
    ]
    assert [g.id for g in service.goals_left(seeded_store, stored)] == [redesign, mentor]


def test_finishing_needs_every_active_goal_decided(seeded_store: Store) -> None:
    draft = service.start_or_resume(seeded_store, TODAY)
    with pytest.raises(InvalidInput, match="has no decision yet"):
        service.finish(seeded_store, draft, wins="x")
    assert seeded_store.get(Review, draft.id or 0).draft


def test_a_finished_review_is_kept_and_moves_the_next_due_date(
    seeded_store: Store, store_path: Path
) -> None:
    draft = service.start_or_resume(seeded_store, TODAY)
    for goal in service.goals_left(seeded_store, draft):
        draft = service.decide(seeded_store, draft, goal.id or 0, Decision.KEEP)
    done = service.finish(
        seeded_store,
        draft,
        wins="- RFC praised",
        obstacles="on-call",
        lessons="pre-wire",
        what_worked="focus days",
        what_didnt="late study",
        satisfaction=4,
        next_focus="the exam",
    )

    reopened = Store.open(store_path, today=lambda: TODAY, now=lambda: NOW)
    saved = reopened.get(Review, done.id or 0)
    assert not saved.draft and saved.step is ReviewStep.DONE
    assert (saved.wins, saved.satisfaction, saved.next_focus) == ("- RFC praised", 4, "the exam")
    assert len(saved.decisions) == 7
    assert service.open_draft(reopened) is None
    due = review_due(Cadence.QUARTERLY, reopened.list(Review), TODAY)
    assert due.due == dt.date(2027, 2, 24)


def test_a_satisfaction_outside_1_to_5_is_refused(seeded_store: Store) -> None:
    draft = service.start_or_resume(seeded_store, TODAY)
    with pytest.raises(InvalidInput, match="from 1 to 5"):
        service.save_draft(seeded_store, draft, satisfaction=9)


def test_the_draft_keeps_a_note_typed_before_deciding(seeded_store: Store) -> None:
    draft = service.start_or_resume(seeded_store, TODAY)
    goal = service.goals_left(seeded_store, draft)[0]
    service.save_draft(
        seeded_store, draft, step=ReviewStep.GOALS, pending_goal_id=goal.id, pending_note="half"
    )
    again = service.start_or_resume(seeded_store, TODAY)
    assert (again.step, again.pending_goal_id, again.pending_note) == (
        ReviewStep.GOALS,
        goal.id,
        "half",
    )
    decided = service.decide(seeded_store, again, goal.id or 0, Decision.KEEP, "half done")
    assert (decided.pending_goal_id, decided.pending_note) == (None, "")


def test_evidence_of_the_period_is_gathered_per_goal(seeded_store: Store) -> None:
    draft = service.start_or_resume(seeded_store, TODAY)
    rfc = goal_titled(seeded_store, "Write and land the ledger-service RFC")
    found = service.evidence_for(seeded_store, draft, rfc)
    assert [e.text for e in found.evidence] == [
        "Priya: 'the RFC's failure-mode section is the best I've read this year'"
    ]
    assert [m.title for m in found.milestones_done] == ["Outline the RFC and circulate to Priya"]
    assert {c.person.name for c in found.conversations if c.person} == {"Priya Natarajan"}
    suggested = service.suggested_reflection(seeded_store, draft)
    lines = suggested["wins"].splitlines()
    assert lines[-1] == "- Led the incident review for the card-authorisation outage"
    in_period = [e for e in seeded_store.list(Evidence) if e.date >= draft.covers_from]
    for item in in_period:
        shown_in = [key for key, text in suggested.items() if f"- {item.text}" in text]
        expected = {
            EvidenceKind.WIN: ["wins"],
            EvidenceKind.PRAISE: ["wins"],
            EvidenceKind.LESSON: ["lessons"],
            EvidenceKind.FEEDBACK: [],
        }[item.kind]
        assert shown_in == expected, item.text


def test_discarding_a_draft_removes_it(seeded_store: Store) -> None:
    draft = service.start_or_resume(seeded_store, TODAY)
    service.discard(seeded_store, draft)
    assert service.open_draft(seeded_store) is None


def test_a_decision_that_changes_a_goal_is_one_write_and_one_undo(seeded_store: Store) -> None:
    draft = service.start_or_resume(seeded_store, TODAY)
    goal = service.goals_left(seeded_store, draft)[0]
    writes = seeded_store.revision[1]
    draft = service.decide(seeded_store, draft, goal.id or 0, Decision.PAUSE, "no budget")
    assert seeded_store.revision[1] == writes + 1
    assert seeded_store.get(Goal, goal.id or 0).status is GoalStatus.PAUSED
    seeded_store.undo()
    assert seeded_store.get(Goal, goal.id or 0) == goal  # status and history as before
    assert seeded_store.get(Review, draft.id or 0).decision_for(goal.id or 0) is None


def test_a_parent_goal_review_gathers_its_stepping_stones_evidence(seeded_store: Store) -> None:
    draft = service.start_or_resume(seeded_store, TODAY)
    staff = goal_titled(seeded_store, "Become a staff engineer")
    rfc = goal_titled(seeded_store, "Write and land the ledger-service RFC")
    found = service.evidence_for(seeded_store, draft, staff)
    assert rfc in found.stones
    # the RFC's praise and its milestone done, two levels below, are the parent's too
    assert "Priya: 'the RFC's failure-mode section is the best I've read this year'" in [
        e.text for e in found.evidence
    ]
    assert "Outline the RFC and circulate to Priya" in [m.title for m in found.milestones_done]
    assert not found.is_empty


def test_feedback_received_in_the_period_starts_the_lessons(store: Store) -> None:
    start = service.start_or_resume(store, TODAY)
    store.add(Evidence(date=TODAY, text="Your demo ran long", kind=EvidenceKind.FEEDBACK))
    store.add(Feedback(date=TODAY, giver="Priya", text="Write the summary first"))
    store.add(Feedback(date=start.covers_from - dt.timedelta(days=1), text="Too old"))
    lessons = service.suggested_reflection(store, start)["lessons"].splitlines()
    assert lessons == [
        "- feedback: Your demo ran long",
        "- feedback from Priya: Write the summary first",
    ]


def test_deleting_the_goal_a_draft_is_on_clears_it_and_a_missing_goal_is_refused(
    seeded_store: Store,
) -> None:
    draft = service.start_or_resume(seeded_store, TODAY)
    goal = service.goals_left(seeded_store, draft)[0]
    service.save_draft(seeded_store, draft, step=ReviewStep.GOALS, pending_goal_id=goal.id)
    seeded_store.delete(Goal, goal.id or 0)
    assert service.start_or_resume(seeded_store, TODAY).pending_goal_id is None
    with pytest.raises(InvalidInput, match="no goal with id 999"):
        service.save_draft(seeded_store, draft, pending_goal_id=999)
