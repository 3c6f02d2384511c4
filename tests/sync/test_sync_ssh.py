"""`growthtui sync` over the suite's loopback OpenSSH server (ssh://127.0.0.1:PORT/...):
adds on both sides, the same field changed on both, goal 1 made on both, a repeated sync,
an unreachable remote, and a kill -9 then a second sync, through a real sshd."""

from __future__ import annotations

import shlex
import signal
import subprocess
from pathlib import Path

import pytest

from growthtui.domain.goals import Goal, Milestone
from growthtui.services.sync import KILL_ENV
from tests.e2e.conftest import SshServer, ssh_server

from .conftest import at, open_copy, records, sync_process

pytestmark = pytest.mark.e2e

__all__ = ["ssh_server"]  # the fixture, shared with tests/e2e


def _ssh_env(server: SshServer) -> dict[str, str]:
    """git's ssh: the throwaway key, no prompts, no person's ssh config."""
    command = server.ssh("true", terminal=False)[:-2]  # without host and remote command
    at = command.index("-p")
    del command[at : at + 2]  # the port is the URL's
    return {"GIT_SSH_COMMAND": shlex.join(command)}


def _sync(
    server: SshServer, path: Path, *args: str, **env: str
) -> subprocess.CompletedProcess[str]:
    return sync_process(path, *args, env={**_ssh_env(server), **env})


def test_two_copies_sync_over_ssh(
    ssh_server: SshServer, tmp_path: Path, laptop: Path, box: Path
) -> None:
    bare = tmp_path / "served" / "growth.git"
    subprocess.run(["git", "init", "-q", "--bare", str(bare)], check=True)
    url = f"ssh://127.0.0.1:{ssh_server.port}{bare}"

    store = open_copy(laptop, at(1))
    goal = store.add(Goal(title="Laptop's goal"))
    store.add(Milestone(goal_id=goal.id or 0, title="Draft", due=at(0).date()))
    open_copy(box, at(2)).add(Goal(title="Box's goal"))

    first = _sync(ssh_server, laptop, "--remote", url)
    assert (first.returncode, first.stdout, first.stderr) == (0, "0 received, 2 sent\n", "")
    second = _sync(ssh_server, box, "--remote", url)
    assert second.returncode == 0, second.stderr
    assert second.stdout == ("2 received, 1 sent, goal 1 from the remote is now goal 2 here\n")

    # The same field on both: the later change wins, the other goes into the history.
    mine = open_copy(laptop, at(10))
    mine.update(mine.get(Goal, 1).model_copy(update={"title": "Laptop's, renamed early"}))
    theirs = open_copy(box, at(20))
    theirs.update(theirs.get(Goal, 2).model_copy(update={"title": "Laptop's, renamed later"}))
    assert _sync(ssh_server, box).returncode == 0
    assert _sync(ssh_server, laptop).returncode == 0
    goal_here = open_copy(laptop).get(Goal, 1)
    assert goal_here.title == "Laptop's, renamed later"
    assert any(
        "sync: the value here was “Laptop's, renamed early”" in h.reason for h in goal_here.history
    )

    # A kill -9 in the middle of a sync, then a second sync.
    open_copy(laptop, at(30)).add(Goal(title="After the kill"))
    killed = _sync(ssh_server, laptop, **{KILL_ENV: "committed"})
    assert killed.returncode == -signal.SIGKILL
    assert _sync(ssh_server, laptop).returncode == 0
    assert _sync(ssh_server, box).returncode == 0

    # In step: a repeated sync does nothing.
    saved = (laptop.read_bytes(), laptop.stat().st_mtime_ns)
    again = _sync(ssh_server, laptop)
    assert (again.returncode, again.stdout) == (0, "0 received, 0 sent\n")
    assert (laptop.read_bytes(), laptop.stat().st_mtime_ns) == saved
    assert records(laptop) == records(box)

    # Unreachable: nothing listens on the port any more.
    open_copy(laptop, at(40)).add(Goal(title="Offline"))
    elsewhere = _sync(ssh_server, laptop, "--remote", f"ssh://127.0.0.1:1{bare}")
    assert elsewhere.returncode == 2
    assert elsewhere.stderr.startswith("growthtui: cannot reach the remote ssh://127.0.0.1:1")
    assert elsewhere.stderr.count("\n") == 1
    back = _sync(ssh_server, laptop, "--remote", url)
    assert (back.returncode, back.stdout) == (0, "0 received, 1 sent\n")
