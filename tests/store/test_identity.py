"""Every record's identity for life, and the time of its last change."""

from __future__ import annotations

import datetime as dt
import json
import time
import uuid
from pathlib import Path

import pytest

from growthtui.domain.goals import Goal, Milestone
from growthtui.domain.people import Person
from growthtui.store.identity import content_bytes, derived_uid, new_uid, utc_stamp
from growthtui.store.repository import Store
from growthtui.store.schema import CURRENT_SCHEMA

NOW = dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.UTC)


class Clock:
    """A clock a test moves forward by hand."""

    def __init__(self, start: dt.datetime = NOW) -> None:
        self.at = start

    def __call__(self) -> dt.datetime:
        return self.at

    def tick(self, seconds: int = 60) -> dt.datetime:
        self.at += dt.timedelta(seconds=seconds)
        return self.at


def _is_v7(text: str) -> bool:
    parsed = uuid.UUID(text)
    return str(parsed) == text and parsed.version == 7 and parsed.variant == uuid.RFC_4122


# -- the uid itself --------------------------------------------------------------------------
def test_a_new_uid_is_a_uuid_v7_of_now() -> None:
    before = time.time_ns() // 1_000_000
    made = new_uid()
    after = time.time_ns() // 1_000_000
    assert _is_v7(made)
    millis = uuid.UUID(made).int >> 80
    assert before <= millis <= after + 1


def test_uids_sort_in_the_order_they_were_made_even_within_a_millisecond() -> None:
    made = [new_uid() for _ in range(5000)]  # thousands per millisecond
    assert sorted(made) == made
    assert len(set(made)) == len(made)
    assert all(_is_v7(u) for u in made[:50])


def test_a_derived_uid_depends_on_kind_number_and_content_only() -> None:
    doc = {"title": "Learn Rust", "horizon": "short", "due": None}
    same = derived_uid("goals", 3, content_bytes({"id": 3, **doc}))
    assert _is_v7(same)
    assert same == derived_uid("goals", 3, content_bytes(dict(reversed(doc.items()))))
    assert same == derived_uid("goals", 3, content_bytes({**doc, "uid": "x", "modified": "y"}))
    assert same != derived_uid("goals", 4, content_bytes(doc))
    assert same != derived_uid("milestones", 3, content_bytes(doc))
    assert same != derived_uid("goals", 3, content_bytes({**doc, "title": "Learn Go"}))
    # Its time field is the short number: derived uids sort by number, before new ones.
    assert derived_uid("goals", 2, b"z") < same < derived_uid("goals", 10, b"a") < new_uid()


def test_the_modified_text_is_what_pydantic_writes() -> None:
    goal = Goal(title="x", modified=NOW)
    assert goal.model_dump(mode="json")["modified"] == utc_stamp(NOW.timestamp())


# -- what the Store gives and keeps --------------------------------------------------------
def test_every_new_record_gets_a_uid_and_the_time_it_was_stored(store_path: Path) -> None:
    clock = Clock()
    store = Store.open(store_path, now=clock)
    goal = store.add(Goal(title="Become a staff engineer"))
    clock.tick()
    batch = store.add_many(
        [Goal(title="Learn Rust"), Milestone(goal_id=1, title="RFC", due=dt.date(2027, 1, 1))]
    )
    uids = [goal.uid, *(r.uid for r in batch)]
    assert all(_is_v7(u) for u in uids) and len(set(uids)) == 3
    assert goal.modified == NOW and {r.modified for r in batch} == {clock.at}
    reopened = Store.open(store_path)
    assert reopened.get(Goal, 1) == goal
    assert [g.uid for g in reopened.list(Goal)] == [goal.uid, batch[0].uid]


def test_add_gives_a_new_identity_even_to_a_copy_of_a_record(store: Store) -> None:
    first = store.add(Goal(title="Write a blog post"))
    copy = store.add(first.model_copy(update={"id": None}))
    assert copy.uid != first.uid


def test_an_edit_keeps_the_uid_and_moves_modified(store_path: Path) -> None:
    clock = Clock()
    store = Store.open(store_path, now=clock)
    goal = store.add(Goal(title="Give a talk"))
    clock.tick()
    # A form builds the record again from its fields: no uid, no modified.
    edited = Goal.build(id=goal.id, title="Give a talk at KubeCon", created=goal.created)
    stored = store.update(edited, base=goal)
    assert (stored.uid, stored.modified) == (goal.uid, clock.at)
    assert Store.open(store_path).get(Goal, 1) == stored


def test_saving_an_equal_record_changes_nothing(store_path: Path) -> None:
    clock = Clock()
    store = Store.open(store_path, now=clock)
    goal = store.add(Goal(title="Read SICP"))
    on_disk = store_path.read_bytes()
    clock.tick()
    assert store.update(goal.model_copy(update={"modified": None})) == goal
    store.update(goal)
    assert store_path.read_bytes() == on_disk
    assert store.undo_description() == "add goal"


def test_undo_and_a_deleted_record_brought_back_keep_their_uid(store_path: Path) -> None:
    clock = Clock()
    store = Store.open(store_path, now=clock)
    goal = store.add(Goal(title="Mentor a junior"))
    milestone = store.add(Milestone(goal_id=1, title="Find one", due=dt.date(2027, 1, 1)))
    mentor = store.add(Person(name="Priya", goal_ids=[1]))
    clock.tick()
    store.update(goal.model_copy(update={"title": "Mentor two juniors"}))
    clock.tick()
    store.undo()
    assert store.get(Goal, 1).uid == goal.uid
    assert store.get(Goal, 1).title == "Mentor a junior"
    # Exactly as it was, its time too: an undone change is no change to another copy.
    assert store.get(Goal, 1).modified == goal.modified != clock.at

    store.delete(Goal, 1)  # takes the milestone with it and unlinks the mentor
    assert store.find(Milestone, 2) is None
    store.undo()
    back = Store.open(store_path)
    assert back.get(Goal, 1).uid == goal.uid
    assert back.get(Milestone, 1).uid == milestone.uid
    assert back.get(Person, 1).uid == mentor.uid
    assert back.get(Person, 1).goal_ids == [1]


def test_a_new_store_starts_at_the_current_schema(store_path: Path) -> None:
    Store.open(store_path)
    assert json.loads(store_path.read_bytes())["meta"]["1"]["schema_version"] == CURRENT_SCHEMA
    assert CURRENT_SCHEMA == 2


# -- the migration from schema 1 -------------------------------------------------------------
V1 = {
    "meta": {"1": {"schema_version": 1, "next_id": {"goals": 8, "milestones": 4}}},
    "goals": {
        "1": {"title": "Become a tech lead", "horizon": "medium"},
        "2": {"title": "Speak at a meetup"},
        "7": {"title": "Learn Rust"},
    },
    "milestones": {"3": {"goal_id": 2, "title": "Submit the abstract", "due": "2026-12-01"}},
}


def test_a_schema_1_store_is_backed_up_then_every_record_gets_a_uid(tmp_path: Path) -> None:
    path = tmp_path / "growth.json"
    original = json.dumps(V1, indent=1).encode()
    path.write_bytes(original)

    store = Store.open(path)

    assert path.with_name(f"{path.name}.schema-1.bak").read_bytes() == original
    data = json.loads(path.read_bytes())
    assert data["meta"]["1"] == {"schema_version": 2, "next_id": {"goals": 8, "milestones": 4}}
    goals = store.list(Goal)
    assert [g.title for g in goals] == ["Become a tech lead", "Speak at a meetup", "Learn Rust"]
    assert all(_is_v7(g.uid) and g.modified is None for g in goals)
    assert sorted(goals, key=lambda g: g.uid) == goals  # creation order
    assert list(data["goals"]["1"])[:3] == ["uid", "modified", "title"]  # the model's order
    assert store.get(Milestone, 3).goal_id == 2 and _is_v7(store.get(Milestone, 3).uid)
    assert store.add(Goal(title="Next")).id == 8


def test_two_copies_upgraded_apart_agree_on_the_identity_of_what_they_share(
    tmp_path: Path,
) -> None:
    mine, theirs = tmp_path / "mine.json", tmp_path / "theirs.json"
    mine.write_text(json.dumps(V1))
    changed = json.loads(json.dumps(V1))
    changed["goals"]["7"]["title"] = "Learn Go"  # edited on one side before the upgrade
    theirs.write_text(json.dumps(changed))

    a, b = Store.open(mine), Store.open(theirs)

    assert a.get(Goal, 1).uid == b.get(Goal, 1).uid
    assert a.get(Milestone, 3).uid == b.get(Milestone, 3).uid
    assert a.get(Goal, 7).uid != b.get(Goal, 7).uid  # not the same record any more
    assert len({g.uid for g in a.list(Goal)}) == 3


@pytest.mark.parametrize("version", [0, 1])
def test_an_old_store_migrates_once_and_the_next_open_writes_nothing(
    tmp_path: Path, version: int
) -> None:
    path = tmp_path / "growth.json"
    old = {k: v for k, v in V1.items() if k != "meta"} if version == 0 else V1
    path.write_text(json.dumps(old))
    first = Store.open(path).list(Goal)
    migrated = path.read_bytes()
    assert Store.open(path).list(Goal) == first
    assert path.read_bytes() == migrated


# -- which of two versions of one record is kept -----------------------------------------------
def test_the_later_change_wins_and_an_unknown_time_is_the_oldest() -> None:
    from growthtui.domain.versions import later_version

    earlier = Goal(title="Give a talk", modified=NOW)
    later = Goal(title="Give two talks", modified=NOW + dt.timedelta(seconds=1))
    unknown = Goal(title="From before identities")
    assert later_version(earlier, later) is later
    assert later_version(later, earlier) is later
    assert later_version(unknown, earlier) is earlier
    assert later_version(earlier, unknown) is earlier
    other_zone = Goal(
        title="Same moment", modified=NOW.astimezone(dt.timezone(dt.timedelta(hours=2)))
    )
    assert later_version(later, other_zone) is later


def test_on_a_tie_both_copies_keep_the_same_version() -> None:
    from growthtui.domain.versions import later_version

    mine = Goal(id=1, title="Learn Rust", modified=NOW)
    theirs = Goal(id=7, title="Learn Go", modified=NOW)  # numbered otherwise in that copy
    kept = later_version(mine, theirs)
    assert kept.title == later_version(theirs, mine).title
    assert later_version(mine, mine.model_copy(update={"id": 9})) is mine  # equal: here's
