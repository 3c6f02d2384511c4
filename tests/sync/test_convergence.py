"""Convergence: random changes (goals added, renamed, deleted,
given a parent or a milestone) on two or three copies, syncs in a random order; after a
final round every copy holds the same records, and no change is missing: every goal made
and never deleted is there, with the title of its latest change."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from growthtui.domain.goals import Goal, Milestone
from growthtui.services.sync import sync

from .conftest import at, open_copy, records

TITLES = st.sampled_from(["Rust", "SQL", "Talks", "Run", "Write"])
COPY = st.integers(min_value=0, max_value=2)
PICK = st.integers(min_value=0, max_value=5)
STEP = st.one_of(
    st.tuples(st.just("add"), COPY, TITLES),
    st.tuples(st.just("edit"), COPY, PICK, TITLES),
    st.tuples(st.just("delete"), COPY, PICK),
    st.tuples(st.just("milestone"), COPY, PICK),
    st.tuples(st.just("parent"), COPY, PICK, PICK),
    st.tuples(st.just("sync"), COPY),
)


def _ancestors(goal: Goal, goals: list[Goal]) -> set[int | None]:
    """`goal` and every goal above it."""
    by_id = {g.id: g for g in goals}
    found: set[int | None] = {goal.id}
    at_goal = goal.parent_id
    while at_goal is not None and at_goal not in found:
        found.add(at_goal)
        at_goal = by_id[at_goal].parent_id
    return found


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(copies=st.integers(min_value=2, max_value=3), steps=st.lists(STEP, max_size=12))
def test_copies_that_sync_in_any_order_converge_and_lose_nothing(
    copies: int, steps: list[tuple[object, ...]]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        remote = root / "remote.git"
        subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
        paths = []
        for n in range(copies):
            (root / str(n)).mkdir()
            paths.append(root / str(n) / "growth.json")
            sync(paths[n], remote=str(remote), quiet=True)
        latest: dict[str, str] = {}
        """Each goal's title as last changed (in clock order), whichever copy changed it."""
        deleted: set[str] = set()
        for clock, step in enumerate(steps, start=1):
            kind, n = step[0], int(step[1]) % copies  # type: ignore[call-overload]
            path = paths[n]
            if kind == "sync":
                sync(path, quiet=True)
                continue
            store = open_copy(path, at(clock))
            goals = store.list(Goal)
            if kind == "add":
                goal = store.add(Goal(title=str(step[2])))
                latest[goal.uid] = goal.title
                continue
            if not goals:
                continue
            goal = goals[int(step[2]) % len(goals)]  # type: ignore[call-overload]
            if kind == "edit" and goal.title != step[3]:
                store.update(goal.model_copy(update={"title": step[3]}))
                latest[goal.uid] = str(step[3])
            elif kind == "delete":
                store.delete(Goal, goal.id or 0)
                deleted.add(goal.uid)
            elif kind == "parent":
                parent = goals[int(step[3]) % len(goals)]  # type: ignore[call-overload]
                if goal.id not in _ancestors(parent, goals):  # the app makes no loop
                    store.update(goal.model_copy(update={"parent_id": parent.id}))
            elif kind == "milestone":
                store.add(Milestone(goal_id=goal.id or 0, title="step", due=at(0).date()))

        for _round in range(2):
            for path in paths:
                sync(path, quiet=True)

        held = [records(path) for path in paths]
        assert all(h == held[0] for h in held[1:])
        goals = held[0]["goals"]
        for uid, title in latest.items():
            if uid not in deleted:
                assert uid in goals, f"goal {title!r} was lost"
                assert goals[uid]["title"] == title
        goal_uids = set(goals)
        assert all(m["goal_id"] in goal_uids for m in held[0]["milestones"].values())
        for path in paths:  # every copy opens (links resolve, no goal is its own ancestor)
            store = open_copy(path)
            parents = {g.id: g.parent_id for g in store.list(Goal)}
            for start in parents:
                seen, at_goal = set(), parents[start]
                while at_goal is not None:
                    assert at_goal not in seen, "goals are each other's parents"
                    seen.add(at_goal)
                    at_goal = parents[at_goal]
