"""A sync killed (SIGKILL) at each of its steps leaves a store that opens and a clone the
next sync completes with, nothing lost or doubled; two syncs at once run one after the
other."""

from __future__ import annotations

import itertools
import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from growthtui.domain.goals import Goal, Milestone
from growthtui.services.sync import KILL_ENV

from .conftest import at, git, open_copy, records, run_sync, sync_process

Capsys = pytest.CaptureFixture[str]

STEPS = ("fetched", "merged", "applied", "committed", "pushed")
"""Where growthtui.services.sync can be told to kill itself: after the fetch; with the
store's lock held, before writing what was received; after writing it; with the commit
made, before the push; after the push, before noting it."""


@pytest.mark.parametrize("step", STEPS)
def test_a_sync_killed_at_any_step_is_completed_by_the_next(
    capsys: Capsys, remote: Path, laptop: Path, box: Path, step: str
) -> None:
    open_copy(laptop, at(1)).add(Goal(title="Laptop's"))
    run_sync(capsys, laptop, "--remote", str(remote))
    run_sync(capsys, box, "--remote", str(remote))
    store = open_copy(box, at(2))
    goal = store.add(Goal(title="Box's"))
    store.add(Milestone(goal_id=goal.id or 0, title="Box's step", due=at(0).date()))
    run_sync(capsys, box)
    open_copy(laptop, at(3)).add(Goal(title="Laptop's second"))

    killed = sync_process(laptop, env={KILL_ENV: step})

    assert killed.returncode == -signal.SIGKILL
    open_copy(laptop).list(Goal)  # the store opens: it is whole
    again = sync_process(laptop)
    assert again.returncode == 0, again.stderr
    assert run_sync(capsys, box)[0] == 0
    assert run_sync(capsys, laptop)[:2] == (0, "0 received, 0 sent\n")
    assert records(laptop) == records(box)
    titles = sorted(g.title for g in open_copy(laptop).list(Goal))
    assert titles == ["Box's", "Laptop's", "Laptop's second"]  # each once
    assert [m.title for m in open_copy(laptop).list(Milestone)] == ["Box's step"]


def test_a_lock_file_left_by_a_killed_git_does_not_stop_the_next_sync(
    capsys: Capsys, remote: Path, laptop: Path
) -> None:
    open_copy(laptop, at(1)).add(Goal(title="Mine"))
    run_sync(capsys, laptop, "--remote", str(remote))
    clone = laptop.with_name("growth.json.sync")
    (clone / "refs" / "heads" / "main.lock").write_text("")  # git was killed mid-update
    open_copy(laptop, at(2)).add(Goal(title="Another"))

    assert run_sync(capsys, laptop)[:2] == (0, "0 received, 1 sent\n")


def test_what_a_killed_first_sync_left_is_cleared(
    capsys: Capsys, remote: Path, laptop: Path
) -> None:
    open_copy(laptop, at(1)).add(Goal(title="Mine"))
    half_made = laptop.parent / ".growth.json.sync.k2j4"  # a clone not yet renamed into place
    half_made.mkdir()
    (half_made / "config").write_text("")

    assert run_sync(capsys, laptop, "--remote", str(remote))[:2] == (0, "0 received, 1 sent\n")
    half_written = laptop.parent / "growth.json.sync" / ".growthtui-sync.x7"
    half_written.write_text("{")
    assert run_sync(capsys, laptop)[:2] == (0, "0 received, 0 sent\n")

    assert not half_made.exists()
    assert not half_written.exists()


def test_two_syncs_at_once_run_one_after_the_other(
    remote: Path, laptop: Path, tmp_path: Path
) -> None:
    """Every git command run by one sync comes before or after every one run by the other
    (the first, `git --version`, runs before the lock is taken): seen through a `git` on
    PATH that notes who ran it, then runs the real one."""
    real = subprocess.run(["which", "git"], capture_output=True, text=True, check=True)
    folder = tmp_path / "bin"
    folder.mkdir()
    log = tmp_path / "git.log"
    wrapper = folder / "git"
    wrapper.write_text(
        "#!/bin/sh\n"
        f'case "$*" in *--version*) ;; *) echo "$PPID" >> {log} ;; esac\n'
        f'exec {real.stdout.strip()} "$@"\n'
    )
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IXUSR)
    open_copy(laptop, at(1)).add(Goal(title="Mine"))
    first = sync_process(laptop, "--remote", str(remote))
    assert first.returncode == 0, first.stderr
    log.unlink(missing_ok=True)
    open_copy(laptop, at(2)).add(Goal(title="Another"))
    env = {**os.environ, "PATH": f"{folder}{os.pathsep}{os.environ['PATH']}"}
    command = [sys.executable, "-m", "growthtui", "--data", str(laptop), "sync"]
    runs = [
        subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    outcomes = [run.communicate(timeout=120) for run in runs]

    assert [run.returncode for run in runs] == [0, 0], outcomes
    callers = log.read_text().split()
    assert len(set(callers)) == 2
    switches = sum(1 for a, b in itertools.pairwise(callers) if a != b)
    assert switches == 1, callers  # one sync's commands, then the other's
    sent = sorted(out.decode() for out, _ in outcomes)
    assert sent == ["0 received, 0 sent\n", "0 received, 1 sent\n"]


@pytest.mark.parametrize("command", ["fetch", "push"])
def test_git_killed_mid_fetch_or_push_is_one_sentence_and_the_next_sync_completes(
    capsys: Capsys, remote: Path, laptop: Path, box: Path, tmp_path: Path, command: str
) -> None:
    open_copy(box, at(1)).add(Goal(title="Box's"))
    run_sync(capsys, box, "--remote", str(remote))
    open_copy(laptop, at(2)).add(Goal(title="Laptop's"))
    run_sync(capsys, laptop, "--remote", str(remote), "--no-auto")  # in step, then:
    open_copy(laptop, at(3)).add(Goal(title="Laptop's second"))
    real = subprocess.run(["which", "git"], capture_output=True, text=True, check=True)
    folder = tmp_path / "bin"
    folder.mkdir()
    wrapper = folder / "git"
    wrapper.write_text(  # this git dies (SIGKILL) as it starts to fetch or push
        "#!/bin/sh\n"
        f'for word in "$@"; do [ "$word" = {command} ] && kill -9 $$; done\n'
        f'exec {real.stdout.strip()} "$@"\n'
    )
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IXUSR)

    failed = sync_process(laptop, env={"PATH": f"{folder}{os.pathsep}{os.environ['PATH']}"})

    assert failed.returncode == 2
    assert failed.stderr.count("\n") == 1
    assert "(git was stopped by signal 9); nothing here was lost, and the next sync sends it" in (
        failed.stderr
    )
    again = sync_process(laptop)
    assert (again.returncode, again.stdout) == (0, "0 received, 1 sent\n")
    run_sync(capsys, box)
    assert records(laptop) == records(box)


@pytest.mark.parametrize(("command", "sent_then"), [("fetch", 2), ("push", 1)])
def test_a_change_made_while_a_sync_runs_is_sent_by_it_or_by_the_next(
    capsys: Capsys, remote: Path, laptop: Path, tmp_path: Path, command: str, sent_then: int
) -> None:
    """Another command stores a goal as the sync fetches (before it reads the store) or as
    it pushes (after it wrote what it received): the goal is never lost."""
    open_copy(laptop, at(1)).add(Goal(title="Before"))
    run_sync(capsys, laptop, "--remote", str(remote))
    open_copy(laptop, at(2)).add(Goal(title="Waiting"))
    real = subprocess.run(["which", "git"], capture_output=True, text=True, check=True)
    folder = tmp_path / "bin"
    folder.mkdir()
    add = [sys.executable, "-m", "growthtui", "--data", str(laptop), "add", "goal", "During"]
    wrapper = folder / "git"
    wrapper.write_text(  # another growthtui stores a goal as the sync runs this git command
        "#!/bin/sh\n"
        f'for word in "$@"; do [ "$word" = {command} ] && {" ".join(add)} >/dev/null; done\n'
        f'exec {real.stdout.strip()} "$@"\n'
    )
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IXUSR)

    during = sync_process(laptop, env={"PATH": f"{folder}{os.pathsep}{os.environ['PATH']}"})

    assert (during.returncode, during.stdout) == (0, f"0 received, {sent_then} sent\n")
    after = sync_process(laptop)
    assert (after.returncode, after.stdout) == (0, f"0 received, {2 - sent_then} sent\n")
    sent = git("--git-dir", str(remote), "show", "main:goals.json")
    assert all(title in sent for title in ("Before", "Waiting", "During"))
