"""`kill -9` at any moment leaves the old or the new file, never a broken one, and never
loses a write that was acknowledged (the call returned)."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from growthtui.domain.goals import Goal
from growthtui.domain.kinds import Horizon
from growthtui.services.seed import seed
from growthtui.store import journal, quick_write
from growthtui.store.repository import Store

KILLS = 50


def _kill_when_a_temp_file_appears(store_path: Path, pid: int, before: set[str]) -> None:
    """Kill the child the moment a temp file of its own shows beside the store: inside a
    write. Polls the folder (an event, not a clock), for as long as the child needs."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        names = {p.name for p in store_path.parent.iterdir() if p.name.endswith(".tmp")}
        if names - before:
            break
    os.kill(pid, signal.SIGKILL)


@pytest.mark.parametrize("writer", ["serve", "serve-quick"], ids=["Store", "quick write"])
def test_kill_9_never_breaks_the_file_nor_loses_an_acknowledged_write(
    store_path: Path,
    today: dt.date,
    start_writer: Any,
    litter: Callable[[Path], list[str]],
    writer: str,
) -> None:
    """For the Store, and for the quick write of `add goal` (which appends to the undo
    journal and writes the seal in place): after every kill the store loads and holds every
    acknowledged goal, and the journal undoes the latest change or refuses in a sentence."""
    seed(Store.open(store_path, today=lambda: today), today, scale=3000)
    server = start_writer(writer, store_path)
    server.expect("ready")
    acknowledged: set[int] = set()
    kills_mid_write = 0
    for kill in range(KILLS):
        before = set(litter(store_path))
        server.send()
        pid = int(server.expect("start ").split()[1])
        # Where each kill lands is chosen by what the child has done, never by a clock:
        # while it opens the store, right after its 1st, 2nd or 3rd acknowledged write,
        # or inside a write (its temp file is there).
        moment = kill % 5
        acks = 0
        if moment == 4:
            _kill_when_a_temp_file_appears(store_path, pid, before)
        else:
            while acks < moment:
                kind, record_id = server.readline().split()
                assert kind == "ack", kind
                acknowledged.add(int(record_id))
                acks += 1
            os.kill(pid, signal.SIGKILL)
        while (line := server.readline()) != "reaped":
            kind, record_id = line.split()
            assert kind == "ack", line
            acknowledged.add(int(record_id))
        if set(litter(store_path)) - before:  # the kill landed inside a write
            kills_mid_write += 1

        after = Store.open(store_path, today=lambda: today)  # loads: not broken
        missing = acknowledged - after.ids(Goal)
        assert not missing, f"acknowledged goals lost after a kill: {sorted(missing)}"
        lines = journal.read_lines(store_path)
        for line in lines[:-1]:  # only the last line may be cut short by a kill
            assert "description" in json.loads(line), line

    assert len(acknowledged) >= KILLS  # 0+1+2+3 acknowledged writes in four kills of five
    assert kills_mid_write > 0, "no kill landed inside a write; make the writes bigger"
    after.add(Goal(title="After the crashes"))
    assert litter(store_path) == []  # the next writer sweeps the half-written temp files
    assert Store.open(store_path).ids(Goal) >= acknowledged
    by_quick_write = {g.id for g in Store.open(store_path).list(Goal) if g.id in acknowledged}
    by_quick_write -= {g.id for g in Store.open(store_path).list(Goal) if g.notes}
    assert bool(by_quick_write) == (writer == "serve-quick")  # its goals have no notes
    last = quick_write.add_goal(store_path, "Undone", Horizon.SHORT, None, today)
    assert last is not None and last not in acknowledged
    assert Store.open(store_path, today=lambda: today).undo_latest() == "add goal"
    assert last not in Store.open(store_path).ids(Goal)
    assert Store.open(store_path).ids(Goal) >= acknowledged
