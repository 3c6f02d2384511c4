"""A separate process that writes to a store, for the crash and two-writer tests.

Run with the test's interpreter (`sys.executable writer.py MODE ...`). Every line it prints
is flushed at once, so the test sees exactly what was acknowledged before a kill.

Modes:
  add PATH COUNT TAG      warm up, print `ready`, wait for a line on stdin, then add COUNT goals
                          titled TAG-<n>, printing `ack <id>` after each `add` returns, and
                          waiting for another line on stdin after the first;
                          exit 0, or print `refused <message>` and exit 2 if refused.
  serve PATH              a fork server for the crash test: imports once, then for each
                          line on stdin forks a child that opens the store and adds goals
                          (printing `start <pid>` then `ack <id>` lines) until it is killed;
                          prints `reaped` when that child is gone. Forking keeps fifty
                          kills fast: the child is a real process, killed for real.
  serve-quick PATH        the same, each goal added by the quick write (`add goal`'s), or
                          by the Store when the quick write cannot vouch for the file.
  hold-lock PATH          take the store's write lock, print `locked`, and wait forever.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time

from growthtui.domain.errors import GrowthError
from growthtui.domain.goals import Goal
from growthtui.domain.kinds import Horizon
from growthtui.store import quick_write
from growthtui.store.repository import Store
from growthtui.store.storage import AtomicJSONStorage

TODAY = dt.date(2026, 11, 24)
NOTES = "A note long enough to make every save move a good deal of bytes. " * 48
"""About 3 KB per goal: a write takes long enough for some kills to land inside it."""


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def open_store(path: str) -> Store:
    return Store.open(path, today=lambda: TODAY)


def add_goals(
    path: str, count: int | None, tag: str, quick: bool = False, wait_after_first: bool = False
) -> int:
    store = open_store(path)
    n = 0
    while count is None or n < count:
        title = f"{tag}-{n}"
        added = quick_write.add_goal(path, title, Horizon.SHORT, None, TODAY) if quick else None
        try:
            if added is None:
                added = store.add(Goal(title=title, notes=NOTES)).id
        except GrowthError as error:
            say(f"refused {error}")
            return 2
        say(f"ack {added}")
        n += 1
        if wait_after_first and n == 1:
            sys.stdin.readline()
    return 0


def warm_up(path: str) -> None:
    """Do what a writer would otherwise do before its first write: load the lock's library
    and build the models' validators (both happen on first use, like the imports), so that
    after `ready` (or in a forked child) the process only writes."""
    import growthtui.store.lock  # noqa: F401

    open_store(path).close()
    Goal(title="warm-up", notes=NOTES)


def serve(path: str, quick: bool = False) -> int:
    warm_up(path)  # once: the children are forks and inherit it
    say("ready")
    for _line in sys.stdin:
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:  # the child: write until killed
            try:
                say(f"start {os.getpid()}")
                add_goals(path, None, f"crash{os.getpid()}", quick)
            finally:
                os._exit(3)
        os.waitpid(pid, 0)
        say("reaped")
    return 0


def hold_lock(path: str) -> int:
    with AtomicJSONStorage(path).locked():
        say("locked")
        while True:
            time.sleep(60)


def main(argv: list[str]) -> int:
    mode, path = argv[0], argv[1]
    if mode == "add":
        warm_up(path)
        say("ready")
        sys.stdin.readline()
        return add_goals(path, int(argv[2]), argv[3], wait_after_first=True)
    if mode in ("serve", "serve-quick"):
        return serve(path, quick=mode == "serve-quick")
    if mode == "hold-lock":
        return hold_lock(path)
    raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
