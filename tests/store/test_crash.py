"""`kill -9` at any moment leaves the old or the new file, never a broken one, and never
loses a write that was acknowledged (the call returned)."""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from growthtui.domain import Goal
from growthtui.services.seed import seed
from growthtui.store import Store

KILLS = 50


def test_kill_9_never_breaks_the_file_nor_loses_an_acknowledged_write(
    store_path: Path,
    today: dt.date,
    start_writer: Any,
    litter: Callable[[Path], list[str]],
) -> None:
    seed(Store.open(store_path, today=lambda: today), today, scale=3000)
    server = start_writer("serve", store_path)
    server.expect("ready")
    rng = random.Random(1124)
    acknowledged: set[int] = set()
    kills_mid_write = 0
    for _ in range(KILLS):
        server.send()
        pid = int(server.expect("start ").split()[1])
        # When to kill, not a timing assertion: some land while the child opens the store,
        # most while it writes.
        time.sleep(rng.uniform(0.0, 0.25))
        os.kill(pid, signal.SIGKILL)
        while (line := server.readline()) != "reaped":
            kind, record_id = line.split()
            assert kind == "ack", line
            acknowledged.add(int(record_id))
        if litter(store_path):  # a temp file left behind: the kill landed inside a write
            kills_mid_write += 1

        after = Store.open(store_path, today=lambda: today)  # loads: not broken
        missing = acknowledged - after.ids(Goal)
        assert not missing, f"acknowledged goals lost after a kill: {sorted(missing)}"

    assert len(acknowledged) > KILLS  # the writers did get work done between kills
    assert kills_mid_write > 0, "no kill landed inside a write; make the writes bigger"
    after.add(Goal(title="After the crashes"))
    assert litter(store_path) == []  # the next writer sweeps the half-written temp files
    assert Store.open(store_path).ids(Goal) >= acknowledged
