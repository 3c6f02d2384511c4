"""growthtui over SSH, as on the dev box: a real sshd on 127.0.0.1, `ssh -tt` inside tmux,
the installed command on the far side. What was done there is in the store afterwards,
and a dropped connection loses nothing saved, leaves a file that loads and no lock."""

from __future__ import annotations

import itertools
import json
import os
import shlex
import signal
from pathlib import Path
from typing import Any

import pytest
from filelock import FileLock

from .conftest import (
    SshServer,
    Terminal,
    find_processes,
    is_grey,
    remote_growthtui,
    run_cli,
    wait_until_gone,
)

pytestmark = pytest.mark.e2e


@pytest.fixture
def remote_env(terminal_env: dict[str, str], tmp_path: Path) -> dict[str, str]:
    """What the far side's growthtui is given: an isolated home, the fixed date."""
    return {**terminal_env, "XDG_STATE_HOME": str(tmp_path / "home" / ".local" / "state")}


def open_over_ssh(terminal: Terminal, server: SshServer, env: dict[str, str], data: Path) -> None:
    terminal.start(shlex.join(server.ssh(remote_growthtui(env, "--data", str(data)))))
    terminal.wait_for("1 Dashboard", timeout=90)


def export(env: dict[str, str], data: Path) -> dict[str, Any]:
    done = run_cli(env, "--data", str(data), "export", "--format", "json")
    assert done.returncode == 0, done.stderr
    exported: dict[str, Any] = json.loads(done.stdout)
    return exported


def test_a_goal_a_ticked_milestone_and_a_review_step_made_over_ssh_are_stored(
    ssh_server: SshServer,
    terminal: Terminal,
    terminal_env: dict[str, str],
    remote_env: dict[str, str],
    tmp_path: Path,
) -> None:
    data = tmp_path / "growth.json"
    for args in (
        ("add", "goal", "Ship the ledger RFC", "--horizon", "short", "--due", "2027-01-31"),
        ("add", "milestone", "1", "Draft the RFC", "--due", "2026-11-30"),
    ):
        assert run_cli(terminal_env, "--data", str(data), *args).returncode == 0
    open_over_ssh(terminal, ssh_server, remote_env, data)
    # Over SSH COLORTERM is not forwarded: 256 colours, never truecolor guesses.
    terminal.wait_for("Draft the RFC")
    colours = terminal.colours()
    assert any(c.startswith("5;") for c in colours) and not any(
        c.startswith("2;") for c in colours
    ), sorted(colours)
    assert not all(is_grey(c) for c in colours)

    terminal.keys("3")
    terminal.wait_for("1 open goal")
    terminal.keys("n")
    terminal.wait_for("New goal")
    terminal.type("Give a conference talk")
    terminal.keys("Tab")
    terminal.keys("C-s")
    terminal.wait_for("2 open goals")

    terminal.keys("4")
    terminal.wait_for("Milestones by month")
    terminal.keys("Space")
    terminal.wait_for("'Draft the RFC' marked done")

    terminal.keys("7")
    terminal.wait_for("No reviews yet")
    terminal.keys("s")
    terminal.wait_for("step 1 of 4: the period")
    # A ctrl+s that overtakes the step's own late focus change crashes the wizard
    # (NoMatches '#decision', a bug reported to its owner): let the step settle first.
    terminal.wait_until_still()
    terminal.keys("C-s")
    terminal.wait_for("goal 1 of 2")
    # "keep" is highlighted; bold while the decision list has the focus, as a person sees.
    keep = "keep — on track"
    terminal.wait_for_style(keep, lambda style: style.bold)
    terminal.keys("Tab")
    terminal.wait_for_style(keep, lambda style: not style.bold)  # the focus is on the note
    terminal.type("on track for January")
    terminal.wait_for("on track for January")
    terminal.keys("C-s")
    terminal.wait_for("goal 2 of 2")
    terminal.keys("Escape")  # leave the rest for later: kept as a draft
    terminal.wait_for("s resumes it")
    terminal.keys("q")
    terminal.wait_for("EXITED 0")

    stored = export(terminal_env, data)
    assert sorted(str(g["title"]) for g in stored["goals"]) == [
        "Give a conference talk",
        "Ship the ledger RFC",
    ]
    assert [(m["title"], m["done_at"]) for m in stored["milestones"]] == [
        ("Draft the RFC", "2026-11-24")
    ]
    (review,) = stored["reviews"]
    assert review["draft"] is True
    assert [(d["decision"], d["note"]) for d in review["decisions"]] == [
        ("keep", "on track for January")
    ]


def test_a_dropped_connection_keeps_what_was_saved_and_leaves_no_lock(
    ssh_server: SshServer,
    terminal: Terminal,
    terminal_env: dict[str, str],
    remote_env: dict[str, str],
    tmp_path: Path,
) -> None:
    data = tmp_path / "growth.json"
    open_over_ssh(terminal, ssh_server, remote_env, data)
    terminal.keys("3")
    terminal.wait_for("No goals yet")
    terminal.keys("n")
    terminal.wait_for("New goal")
    terminal.type("Give a conference talk")
    terminal.keys("Tab")
    terminal.keys("C-s")
    terminal.wait_for("1 open goal")
    terminal.keys("n")  # a second goal, typed but never saved when the line drops
    terminal.wait_for("New goal")
    terminal.type("Half typed")
    terminal.wait_for("Half typed")

    def is_the_app(args: list[str]) -> bool:
        return any(a == "--data" and b == str(data) for a, b in itertools.pairwise(args))

    def is_the_client(args: list[str]) -> bool:
        return os.path.basename(args[0]) == "ssh" and str(data) in args[-1]

    (app,) = find_processes(is_the_app)
    (client,) = find_processes(is_the_client)
    os.kill(client, signal.SIGKILL)  # the laptop lid closes: sshd hangs up on the app
    assert wait_until_gone(app), "growthtui kept running after its SSH connection dropped"
    lock = FileLock(f"{data}.lock")
    lock.acquire(timeout=0)  # free at once: raises Timeout if the app left it held
    lock.release()
    stored = export(terminal_env, data)
    assert [g["title"] for g in stored["goals"]] == ["Give a conference talk"]
    added = run_cli(terminal_env, "--data", str(data), "add", "goal", "Written after the drop")
    assert added.returncode == 0, added.stderr
    assert len(export(terminal_env, data)["goals"]) == 2
    assert sorted(p.name for p in tmp_path.glob(".growth.json.*.tmp")) == []  # no temp file left
    assert not (tmp_path / "home" / ".local" / "state" / "growthtui" / "crash.log").exists()
