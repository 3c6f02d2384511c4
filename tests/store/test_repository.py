"""The repository's promises to the rest of growthtui: what comes back, what is merged,
what is cascaded and undone, and what is refused."""

from __future__ import annotations

import datetime as dt
import errno
import os
from pathlib import Path

import pytest

from growthtui.domain.assessment import Feedback
from growthtui.domain.errors import InvalidInput, NotFound
from growthtui.domain.evidence import Evidence
from growthtui.domain.goals import CheckIn, Goal, Measure, Milestone
from growthtui.domain.kinds import GoalStatus, Horizon
from growthtui.domain.learning import LearningItem
from growthtui.domain.people import Interaction, Person
from growthtui.domain.reviews import Decision, Review, ReviewDecision
from growthtui.store.errors import Conflict, StoreWriteFailed
from growthtui.store.repository import Store

NOW = dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.UTC)


def _session(path: Path, today: dt.date) -> Store:
    """Another session (a second SSH login) on the same file."""
    return Store.open(path, today=lambda: today, now=lambda: NOW)


# -- reading --------------------------------------------------------------------------------
def test_added_records_come_back_by_id_and_by_filter(store: Store, today: dt.date) -> None:
    staff = store.add(Goal(title="Become a staff engineer", horizon=Horizon.LONG))
    talk = store.add(Goal(title="Give a talk", status=GoalStatus.PAUSED))
    cert = store.add(Goal(title="Pass the CKA exam", due=today + dt.timedelta(days=90)))

    assert (staff.id, talk.id, cert.id) == (1, 2, 3)
    assert cert.created == today
    assert store.get(Goal, 2) == talk
    assert [g.title for g in store.list(Goal)] == [staff.title, talk.title, cert.title]
    assert store.list(Goal, horizon=Horizon.LONG) == [staff]
    assert store.list(Goal, status=GoalStatus.ACTIVE, horizon=Horizon.SHORT) == [cert]
    assert store.list(Goal, where=lambda g: g.due is not None) == [cert]
    with pytest.raises(NotFound, match="no goal with id 9"):
        store.get(Goal, 9)
    assert store.find(Goal, 9) is None
    assert [g.title for g in Store.open(store.path or Path()).list(Goal)] == [
        staff.title,
        talk.title,
        cert.title,
    ]


# -- updating -------------------------------------------------------------------------------
def test_an_edit_keeps_another_sessions_edit_to_a_different_field(
    store_path: Path, today: dt.date
) -> None:
    mine = _session(store_path, today)
    goal = mine.add(Goal(title="Lead the migration", specific="Move billing to Postgres"))
    theirs = _session(store_path, today)

    theirs.update(theirs.get(Goal, 1).model_copy(update={"notes": "ask Priya about it"}))
    mine.update(goal.model_copy(update={"specific": "Move billing and invoicing"}))

    for session in (mine, _session(store_path, today)):
        stored = session.get(Goal, 1)
        assert stored.specific == "Move billing and invoicing"
        assert stored.notes == "ask Priya about it"


def test_an_edit_of_a_record_deleted_elsewhere_is_refused(store_path: Path, today: dt.date) -> None:
    mine = _session(store_path, today)
    goal = mine.add(Goal(title="Write a blog post"))
    theirs = _session(store_path, today)
    theirs.delete(Goal, goal.id or 0)
    on_disk = store_path.read_bytes()

    with pytest.raises(Conflict, match="deleted in another session"):
        mine.update(goal.model_copy(update={"title": "Write two blog posts"}))
    assert store_path.read_bytes() == on_disk
    assert mine.find(Goal, goal.id) is None


def test_goal_history_records_each_tracked_field_with_its_reason(store: Store) -> None:
    goal = store.add(Goal(title="Give a conference talk", horizon=Horizon.SHORT))
    changed = goal.model_copy(
        update={
            "title": "Give a talk at KubeCon",
            "specific": "A 30-minute talk on our migration",
            "measure": Measure(metric="talks given", unit="talks", baseline=0, target=1),
            "due": dt.date(2027, 10, 1),
            "horizon": Horizon.MEDIUM,
            "notes": "not a tracked field",
        }
    )
    store.update(changed, reason="team re-org moved it to Q4")
    store.update(store.get(Goal, 1).model_copy(update={"status": GoalStatus.PAUSED}), reason="")

    history = store.history(1)
    assert [(h.field, h.old, h.new) for h in history] == [
        ("title", "Give a conference talk", "Give a talk at KubeCon"),
        ("specific", "", "A 30-minute talk on our migration"),
        ("measure", "", "talks given: 0 → 1 talks"),
        ("due", "", "2027-10-01"),
        ("horizon", "short", "medium"),
        ("status", "active", "paused"),
    ]
    assert {h.reason for h in history[:5]} == {"team re-org moved it to Q4"}
    assert all(h.at == NOW for h in history)
    assert Store.open(store.path or Path()).history(1) == history


# -- deleting and undoing ------------------------------------------------------------------
def _plan(store: Store, today: dt.date) -> dict[str, int]:
    """A goal with everything that can point at it."""
    long = store.add(Goal(title="Become a staff engineer", horizon=Horizon.LONG))
    goal = store.add(Goal(title="Lead a cross-team project", parent_id=long.id))
    child = store.add(Goal(title="Write the RFC", parent_id=goal.id))
    other = store.add(Goal(title="Learn Go"))
    step = store.add(Milestone(goal_id=goal.id or 0, title="Kick-off", due=today))
    store.add(Milestone(goal_id=other.id or 0, title="Tour of Go", due=today))
    store.add(CheckIn(goal_id=goal.id or 0, date=today, value=3))
    priya = store.add(Person(name="Priya", goal_ids=[goal.id or 0, other.id or 0]))
    store.add(Interaction(person_id=priya.id or 0, date=today, summary="1:1", milestone_id=step.id))
    store.add(Evidence(date=today, text="Ran the kick-off", goal_ids=[goal.id or 0]))
    store.add(LearningItem(title="Leading without authority", goal_ids=[goal.id or 0]))
    store.add(
        Review(
            date=today,
            covers_from=today - dt.timedelta(days=90),
            covers_to=today,
            decisions=[ReviewDecision(goal_id=goal.id or 0, decision=Decision.KEEP)],
        )
    )
    return {"goal": goal.id or 0, "child": child.id or 0, "other": other.id or 0}


def test_deleting_a_goal_takes_its_parts_clears_links_and_undo_restores_all(
    store: Store, today: dt.date
) -> None:
    ids = _plan(store, today)
    before = store.dump()
    file_before = Store.open(store.path or Path()).dump()

    store.delete(Goal, ids["goal"])

    for view in (store, Store.open(store.path or Path())):
        assert view.find(Goal, ids["goal"]) is None
        assert [m.title for m in view.list(Milestone)] == ["Tour of Go"]
        assert view.list(CheckIn) == []
        assert view.get(Goal, ids["child"]).parent_id is None
        assert view.list(Person)[0].goal_ids == [ids["other"]]
        assert view.list(Evidence)[0].goal_ids == []
        assert view.list(LearningItem)[0].goal_ids == []
        assert view.list(Interaction)[0].milestone_id is None
        # A review's decision is history: it keeps naming the goal.
        assert view.list(Review)[0].decisions[0].goal_id == ids["goal"]

    assert store.undo() == f"delete goal {ids['goal']}"
    assert store.dump() == before
    assert Store.open(store.path or Path()).dump() == file_before == before


def test_deleting_a_person_takes_their_conversations_and_undo_brings_them_back(
    store: Store, today: dt.date
) -> None:
    priya = store.add(Person(name="Priya", role="Principal engineer"))
    sam = store.add(Person(name="Sam"))
    store.add(Interaction(person_id=priya.id or 0, date=today, summary="First 1:1"))
    store.add(Interaction(person_id=sam.id or 0, date=today, summary="Coffee"))
    store.add(Feedback(date=today, person_id=priya.id, text="Write shorter RFCs"))
    store.add(Evidence(date=today, text="Praise", person_ids=[priya.id or 0, sam.id or 0]))
    before = store.dump()

    store.delete(Person, priya.id or 0)

    view = Store.open(store.path or Path())
    assert [p.name for p in view.list(Person)] == ["Sam"]
    assert [i.summary for i in view.list(Interaction)] == ["Coffee"]
    assert view.list(Feedback)[0].person_id is None
    assert view.list(Evidence)[0].person_ids == [sam.id]
    store.undo()
    assert store.dump() == before == Store.open(store.path or Path()).dump()


def test_undo_is_refused_when_another_session_changed_the_record_since(
    store_path: Path, today: dt.date
) -> None:
    mine = _session(store_path, today)
    goal = mine.add(Goal(title="Run a reading group"))
    mine.update(goal.model_copy(update={"title": "Run a design reading group"}))
    theirs = _session(store_path, today)
    theirs.update(theirs.get(Goal, 1).model_copy(update={"notes": "every other Friday"}))
    on_disk = store_path.read_bytes()

    with pytest.raises(Conflict, match="nothing was undone"):
        mine.undo()
    assert store_path.read_bytes() == on_disk
    assert mine.get(Goal, 1).notes == "every other Friday"
    assert mine.get(Goal, 1).title == "Run a design reading group"


def test_ids_are_never_reused_after_a_delete(store_path: Path, today: dt.date) -> None:
    store = _session(store_path, today)
    for n in range(3):
        store.add(Goal(title=f"Goal {n}"))
    store.delete(Goal, 3)
    store.delete(Goal, 2)
    assert store.add(Goal(title="Next")).id == 4
    assert _session(store_path, today).add(Goal(title="From elsewhere")).id == 5


def test_undo_of_an_add_then_a_new_add_gets_a_fresh_id(store: Store) -> None:
    store.add(Goal(title="Keep"))
    store.add(Goal(title="Regret"))
    store.undo()
    assert [g.title for g in store.list(Goal)] == ["Keep"]
    assert store.add(Goal(title="Another")).id == 3


# -- merging (import) ------------------------------------------------------------------------
def test_merge_reports_what_it_added_updated_and_skipped(store: Store) -> None:
    store.add(Goal(title="Same"))
    store.add(Goal(title="Old title"))
    report = store.merge(
        [
            store.get(Goal, 1),
            store.get(Goal, 2).model_copy(update={"title": "New title"}),
            Goal(id=10, title="Brand new"),
            Milestone(id=4, goal_id=10, title="Links to a goal in the same import", due=NOW.date()),
        ]
    )
    assert (report.added, report.updated, report.skipped) == (2, 1, 1)
    assert [g.title for g in store.list(Goal)] == ["Same", "New title", "Brand new"]
    assert store.get(Milestone, 4).goal_id == 10
    assert store.add(Goal(title="After import")).id == 11


def test_merge_with_a_dangling_link_writes_nothing(store: Store) -> None:
    store.add(Goal(title="Exists"))
    on_disk = (store.path or Path()).read_bytes()
    with pytest.raises(InvalidInput, match="no goal with id 99"):
        store.merge(
            [Goal(id=5, title="New"), Milestone(id=1, goal_id=99, title="x", due=NOW.date())]
        )
    assert (store.path or Path()).read_bytes() == on_disk
    assert [g.title for g in store.list(Goal)] == ["Exists"]
    assert store.add(Goal(title="Next")).id == 2


def test_a_link_to_a_missing_record_is_refused(store: Store, today: dt.date) -> None:
    goal = store.add(Goal(title="Ship the SDK"))
    on_disk = (store.path or Path()).read_bytes()
    with pytest.raises(InvalidInput, match="no goal with id 42") as refused:
        store.add(Milestone(goal_id=42, title="Beta", due=today))
    assert refused.value.field == "goal_id"
    with pytest.raises(InvalidInput, match="no person with id 7"):
        store.add(Evidence(date=today, text="Praise from the CTO", person_ids=[7]))
    with pytest.raises(InvalidInput, match="no goal with id 5"):
        store.update(goal.model_copy(update={"parent_id": 5}))
    assert (store.path or Path()).read_bytes() == on_disk
    assert store.list(Milestone) == []


# -- a failed write -----------------------------------------------------------------------------
def _no_space(*args: object, **kwargs: object) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_a_failed_write_says_so_and_leaves_the_old_file_and_memory_in_step(
    failing: str, store_path: Path, today: dt.date, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _session(store_path, today)
    goal = store.add(Goal(title="Get promoted"))
    on_disk = store_path.read_bytes()
    tomorrow = today + dt.timedelta(days=1)  # the first change of a day also writes a backup
    store.today = lambda: tomorrow

    with monkeypatch.context() as patch:
        patch.setattr(os, failing, _no_space)
        with pytest.raises(StoreWriteFailed, match="the disk is full") as failed:
            store.update(goal.model_copy(update={"title": "Get promoted to staff"}))
        with pytest.raises(StoreWriteFailed):
            store.add(Goal(title="Another"))
    assert str(store_path) in str(failed.value)
    assert store_path.read_bytes() == on_disk
    assert [p.name for p in store_path.parent.iterdir() if p.name.endswith(".tmp")] == []
    assert store.dump() == _session(store_path, today).dump()
    assert store.get(Goal, 1).title == "Get promoted"

    # Once there is room again, saving works and nothing from the failed attempts leaks in.
    store.add(Goal(title="After cleaning up"))
    assert [g.title for g in _session(store_path, today).list(Goal)] == [
        "Get promoted",
        "After cleaning up",
    ]


def test_a_transaction_inside_another_joins_it(store: Store) -> None:
    """One write and one undo step for what was done as one thing; a failure anywhere
    inside leaves memory and file as they were."""
    goal = store.add(Goal(title="Ship the RFC"))
    writes = store.revision[1]
    with store.transaction("plan the RFC"):
        first = store.add(Milestone(goal_id=goal.id or 0, title="Draft", due=dt.date(2026, 12, 1)))
        second = store.add(Milestone(goal_id=goal.id or 0, title="Send", due=dt.date(2026, 12, 8)))
        store.update(goal.edit(notes="two steps"))
    assert second.id == (first.id or 0) + 1
    assert store.revision[1] == writes + 1
    assert store.undo_description() == "plan the RFC"
    store.undo()
    assert store.list(Milestone) == [] and store.get(Goal, goal.id or 0) == goal

    assert store.path is not None
    on_disk = store.path.read_bytes()
    with pytest.raises(Conflict), store.transaction("half done"):
        store.add(Milestone(goal_id=goal.id or 0, title="Draft", due=dt.date(2026, 12, 1)))
        raise Conflict("something else changed")
    assert store.list(Milestone) == []
    assert store.path.read_bytes() == on_disk
