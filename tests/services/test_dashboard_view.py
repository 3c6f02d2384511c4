"""What the Dashboard shows, worked out from its records (services.dashboard), and the
command's early read of it in a child process while the app starts."""

from __future__ import annotations

import json
import subprocess
import sys

from growthtui.services.dashboard import DashboardView, decode, encode, read_dashboard_view
from growthtui.store.repository import Store
from tests.conftest import TODAY


def _plain(view: DashboardView) -> list[object]:
    """The view with each active goal's progress in place of the function that gives it."""
    fields: list[object] = list(view)
    fields[DashboardView._fields.index("progress")] = [
        view.progress(int(key)) for key, _ in view.goals
    ]
    return fields


def test_a_view_crosses_the_pipe_whole(seeded_store: Store) -> None:
    assert seeded_store.path is not None
    view = read_dashboard_view(seeded_store.path, lambda: TODAY)
    assert view is not None
    assert view.name == "Alex Rivera" and view.goals and view.milestones and view.skills
    assert any(view.progress(int(key)) is not None for key, _ in view.goals)
    assert _plain(decode(encode(view))) == _plain(view)


def test_a_new_store_shows_the_welcome(store: Store) -> None:
    assert store.path is not None
    view = read_dashboard_view(store.path, lambda: TODAY)
    assert view is not None
    assert view.steps_done == (False, False, False, False, False)
    assert (view.goals, view.milestones, view.follow_ups, view.skills) == ((), (), (), ())
    assert view.review is None  # no nag before there is a goal to review
    assert _plain(decode(encode(view))) == _plain(view)


# In a fresh interpreter (no other thread: the early read forks only then), as the command
# starts it.
PROBE = """
import datetime as dt, json, os, sys, time
from pathlib import Path
from growthtui.services import dashboard
from growthtui.services.dashboard import DashboardView, EarlyDashboard, read_dashboard_view

path = Path(sys.argv[1])
today = lambda: dt.date.fromisoformat(sys.argv[2])
busy = sys.argv[3] == "busy"
# The machine's load, as the child's fork is decided on: a core free, or all of them busy.
os.getloadavg = lambda: (2.0 * (os.cpu_count() or 1),) * 3 if busy else (0.0, 0.0, 0.0)

def plain(view):
    if view is None:
        return None
    fields = list(view)
    fields[DashboardView._fields.index("progress")] = [
        view.progress(int(key)) for key, _ in view.goals
    ]
    return json.loads(json.dumps(fields))

def reaped(pid):
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False

early = EarlyDashboard(path, today)
child = early._pid
got = early()
report = {
    "forked": child != 0 and child != os.getpid(),
    "same": plain(got) == plain(read_dashboard_view(path, today)),
    "shown": got is not None and got.name,
    "reaped": reaped(child),
}
dropped = EarlyDashboard(path, today)  # never asked: the app did not start
child = dropped._pid
del dropped
report["dropped reaped"] = reaped(child)
if sys.argv[3] == "stuck":
    dashboard.WAIT_SECONDS = 0.3
    stuck = EarlyDashboard(path, lambda: time.sleep(60))  # `today` runs in the child
    child = stuck._pid
    report["stuck"] = stuck()
    report["stuck reaped"] = reaped(child)
print(json.dumps(report))
"""


def _probe(path: object, mode: str = "") -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(path), TODAY.isoformat(), mode],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert done.stderr == ""  # the child writes nothing, to the terminal or anywhere
    result: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return result


def test_the_command_reads_the_view_in_a_child_process_as_it_would_itself(
    seeded_store: Store,
) -> None:
    assert seeded_store.path is not None
    assert _probe(seeded_store.path, "stuck") == {
        "forked": True,
        "same": True,
        "shown": "Alex Rivera",
        "reaped": True,
        "dropped reaped": True,
        # A child that does not answer in time is given up (and ended): the Store shows
        # the records instead of the app waiting on it.
        "stuck": None,
        "stuck reaped": True,
    }


def test_on_a_busy_machine_the_view_is_read_by_the_thread_that_asks_for_it(
    seeded_store: Store,
) -> None:
    """No core free: a child would only take turns with the app. The same read runs
    in the app's thread (started once the first frame is out)."""
    assert seeded_store.path is not None
    assert _probe(seeded_store.path, "busy") == {
        "forked": False,
        "same": True,
        "shown": "Alex Rivera",
        "reaped": True,
        "dropped reaped": True,
    }


def test_the_child_gives_nothing_for_a_file_the_store_did_not_seal(seeded_store: Store) -> None:
    assert seeded_store.path is not None
    path = seeded_store.path
    path.write_bytes(path.read_bytes())  # the same text, not the version the Store sealed
    assert _probe(path) == {
        "forked": True,
        "same": True,
        "shown": False,
        "reaped": True,
        "dropped reaped": True,
    }
