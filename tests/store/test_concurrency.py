"""Two processes on one file (two SSH sessions) lose nothing."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import signal
from pathlib import Path
from typing import Any

import pytest

from growthtui.domain.goals import Goal, Milestone
from growthtui.services.seed import seed
from growthtui.store import storage as storage_module
from growthtui.store.errors import StoreBusy
from growthtui.store.repository import Store

PER_WRITER = 80


def test_two_writers_at_once_both_keep_every_record(
    store_path: Path, today: dt.date, start_writer: Any
) -> None:
    seed(Store.open(store_path, today=lambda: today), today)
    first = start_writer("add", store_path, PER_WRITER, "first")
    second = start_writer("add", store_path, PER_WRITER, "second")
    first.expect("ready")
    second.expect("ready")
    # One goal each, in turn, then both at once: each writer's later goals come after the
    # other's first, so the two are known to overlap (not left to the scheduler).
    acked: dict[str, list[int]] = {}
    for name, writer in (("first", first), ("second", second)):
        writer.send()
        acked[name] = [int(writer.expect("ack ").split()[1])]
    first.send()
    second.send()

    for name, writer in (("first", first), ("second", second)):
        out, err = writer.proc.communicate(timeout=120)
        assert writer.proc.returncode == 0, out + err
        lines = out.splitlines()
        assert all(line.startswith("ack ") for line in lines), lines  # none refused
        acked[name] += [int(line.split()[1]) for line in lines]

    goals = {g.title: g.id for g in Store.open(store_path).list(Goal)}
    for name, ids in acked.items():
        assert len(ids) == PER_WRITER
        assert [goals[f"{name}-{n}"] for n in range(PER_WRITER)] == ids
    all_ids = acked["first"] + acked["second"]
    assert len(set(all_ids)) == 2 * PER_WRITER  # no id handed out twice
    # In id order, their records alternate at least once each way.
    owner = ["first" if i in set(acked["first"]) else "second" for i in sorted(all_ids)]
    switches = sum(a != b for a, b in itertools.pairwise(owner))
    assert switches >= 2


def test_an_edit_in_another_session_is_seen_even_when_the_clock_is_coarse(
    store_path: Path, today: dt.date
) -> None:
    """Filesystems with coarse timestamps (1 s on some, one tick on others) can give two
    versions of the file the same mtime and size; inode numbers are reused. The store must
    still notice the other session's write before it writes, or that write is lost."""
    here = Store.open(store_path, today=lambda: today)
    goal = here.add(Goal(title="Lead the platform migration"))
    step = here.add(Milestone(goal_id=goal.id or 0, title="Draft 00", due=today))
    there = Store.open(store_path, today=lambda: today)
    for n in range(1, 11):
        here.refresh()
        seen = os.stat(store_path)
        there.update(there.get(Milestone, step.id or 0).model_copy(update={"title": "Other"}))
        title = f"Draft {n:02}"  # same length as before: the file keeps its size
        there.update(there.get(Milestone, step.id or 0).model_copy(update={"title": title}))
        os.utime(store_path, ns=(seen.st_atime_ns, seen.st_mtime_ns))  # a coarse clock

        here.update(here.get(Goal, goal.id or 0).model_copy(update={"title": f"Lead it {n}"}))

        on_disk = Store.open(store_path)
        assert on_disk.get(Milestone, step.id or 0).title == title
        assert on_disk.get(Goal, goal.id or 0).title == f"Lead it {n}"


def test_a_writer_killed_while_holding_the_lock_does_not_block_the_next(
    store_path: Path, today: dt.date, start_writer: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    Store.open(store_path, today=lambda: today).add(Goal(title="Before"))
    monkeypatch.setattr(storage_module, "LOCK_TIMEOUT_SECONDS", 0.3)
    holder = start_writer("hold-lock", store_path)
    holder.expect("locked")

    waiting = Store.open(store_path, today=lambda: today)
    with pytest.raises(StoreBusy, match="nothing was saved") as busy:
        waiting.add(Goal(title="While another process holds the lock"))
    assert str(store_path) in str(busy.value)

    os.kill(holder.proc.pid, signal.SIGKILL)
    holder.proc.wait(timeout=30)
    assert Path(f"{store_path}.lock").exists()  # the dead process left its lock file

    later = Store.open(store_path, today=lambda: today)
    added = later.add(Goal(title="After the holder died"))
    assert Store.open(store_path).get(Goal, added.id or 0).title == "After the holder died"
    assert [g.title for g in Store.open(store_path).list(Goal)] == [
        "Before",
        "After the holder died",
    ]
