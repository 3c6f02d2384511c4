"""The three-way merge on its own (store/sync_merge.py), on generated states: a side that
changed nothing takes the other's state whole, two sides that made the same changes keep
them, and which side is "ours" decides nothing but the wording of the history."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from growthtui.domain.goals import Goal
from growthtui.store.sync_merge import merge
from growthtui.store.sync_shared import Shared

AT = dt.datetime(2026, 11, 24, 12, 0, tzinfo=dt.UTC)
UIDS = [f"01a23aa1-0000-7000-8000-00000000000{n}" for n in range(4)]


def _goal(uid: str, title: str, notes: str, parent: str | None, minute: int) -> dict[str, Any]:
    goal = Goal(title=title, notes=notes, uid=uid, id=UIDS.index(uid) + 1)
    doc = goal.model_dump(mode="json")
    doc["parent_id"] = parent
    doc["modified"] = f"2026-11-24T09:{minute:02d}:00Z"
    return doc


GOAL = st.builds(
    _goal,
    uid=st.sampled_from(UIDS),
    title=st.sampled_from(["Rust", "SQL", "Talks"]),
    notes=st.sampled_from(["", "a", "b"]),
    parent=st.none() | st.sampled_from(UIDS),
    minute=st.integers(0, 59),
)
STATE = st.lists(GOAL, max_size=4).map(
    lambda docs: {"goals": {d["uid"]: d for d in docs if d["parent_id"] != d["uid"]}}
)


def _goals(state: Shared) -> dict[str, dict[str, Any]]:
    return state.get("goals") or {}


def _without_history(state: Shared) -> dict[str, dict[str, Any]]:
    return {u: {k: v for k, v in d.items() if k != "history"} for u, d in _goals(state).items()}


def _loop_free(state: Shared) -> bool:
    goals = _goals(state)
    for start in goals:
        seen: set[str] = set()
        at: str | None = start
        while at is not None and at in goals:
            if at in seen:
                return False
            seen.add(at)
            at = goals[at].get("parent_id")
    return True


def _closed(state: Shared) -> bool:
    """Every parent named is in the state."""
    goals = _goals(state)
    return all(d.get("parent_id") in (None, *goals) for d in goals.values())


@settings(max_examples=200, deadline=None)
@given(base=STATE, theirs=STATE)
def test_a_side_that_changed_nothing_takes_the_others_state(base: Shared, theirs: Shared) -> None:
    if not (_loop_free(theirs) and _closed(theirs)):
        return
    result = merge(base, base, theirs, AT, "the remote")
    assert _goals(result.state) == _goals(theirs)
    result = merge(base, theirs, base, AT, "the remote")
    assert _goals(result.state) == _goals(theirs)


@settings(max_examples=200, deadline=None)
@given(base=STATE, both=STATE)
def test_the_same_changes_on_both_sides_are_kept_once(base: Shared, both: Shared) -> None:
    if not (_loop_free(both) and _closed(both)):
        return
    result = merge(base, both, both, AT, "the remote")
    assert _goals(result.state) == _goals(both)
    assert result.notes == []


@settings(max_examples=300, deadline=None)
@given(base=STATE, ours=STATE, theirs=STATE)
def test_which_side_merges_decides_the_same_records(
    base: Shared, ours: Shared, theirs: Shared
) -> None:
    one = merge(base, ours, theirs, AT, "the remote")
    other = merge(base, theirs, ours, AT, "the remote")
    assert _without_history(one.state) == _without_history(other.state)
    assert _loop_free(one.state)
    assert _closed(one.state)
