"""A sync with nothing new on either side: it tells so from the store file's identity and
the clone's refs, runs one git command (the fetch), loads neither the store nor the
heavier standard modules, and still notices a store changed behind its back. And the way
it runs git (sync_git.run_command), on its own."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

import growthtui
from growthtui.domain.goals import Goal
from growthtui.services.sync_git import Git, SyncError, clone_path, run_command

from .conftest import TODAY, at, open_copy, run_sync

Capsys = pytest.CaptureFixture[str]


def _in_step(capsys: Capsys, remote: Path, laptop: Path) -> None:
    open_copy(laptop, at(1)).add(Goal(title="Mine"))
    assert run_sync(capsys, laptop, "--remote", str(remote))[:2] == (0, "0 received, 1 sent\n")
    assert run_sync(capsys, laptop)[:2] == (0, "0 received, 0 sent\n")


def test_a_store_changed_in_place_with_its_old_time_put_back_is_still_sent(
    capsys: Capsys, remote: Path, laptop: Path
) -> None:
    """Same inode, same size, same time of modification: only the time of change (which
    nobody can set back) tells this version from the synced one."""
    _in_step(capsys, remote, laptop)
    before = laptop.stat()
    raw = laptop.read_bytes()
    assert raw.count(b'"Mine"') == 1
    with laptop.open("r+b") as file:  # written in place, not replaced
        file.write(raw.replace(b'"Mine"', b'"Mint"'))
    os.utime(laptop, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = laptop.stat()
    assert (after.st_ino, after.st_size, after.st_mtime_ns) == (
        before.st_ino,
        before.st_size,
        before.st_mtime_ns,
    )

    assert run_sync(capsys, laptop)[:2] == (0, "0 received, 1 sent\n")
    assert [g.title for g in open_copy(laptop).list(Goal)] == ["Mint"]


def _git_that_notes(folder: Path, log: Path) -> str:
    """PATH with a `git` first that notes its arguments in `log`, then runs the real one."""
    real = subprocess.run(["which", "git"], capture_output=True, text=True, check=True)
    folder.mkdir()
    wrapper = folder / "git"
    wrapper.write_text(f'#!/bin/sh\necho "$*" >> {log}\nexec {real.stdout.strip()} "$@"\n')
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IXUSR)
    return f"{folder}{os.pathsep}{os.environ['PATH']}"


def test_a_sync_with_nothing_new_runs_one_git_command_the_fetch(
    capsys: Capsys,
    remote: Path,
    laptop: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """One git started by the sync (seen through a `git` on PATH); and the processes that
    fetch starts itself are the fetch's own (the remote's upload-pack, its check of what
    it has), not a `git maintenance` or `gc` run after it (seen through GIT_TRACE)."""
    _in_step(capsys, remote, laptop)
    log, trace = tmp_path / "git.log", tmp_path / "trace.log"
    monkeypatch.setenv("PATH", _git_that_notes(tmp_path / "bin", log))
    monkeypatch.setenv("GIT_TRACE", str(trace))

    assert run_sync(capsys, laptop) == (0, "0 received, 0 sent\n", "")

    ran = log.read_text().splitlines()
    assert len(ran) == 1, ran
    assert " fetch " in f" {ran[0]} "
    started = [
        line.split("trace: built-in: git ", 1)[1].split()[0]
        for line in trace.read_text().splitlines()
        if "trace: built-in: git " in line
    ]
    assert started[0] == "fetch"
    assert set(started) <= {"fetch", "upload-pack", "rev-list"}, started


NOT_LOADED = ("subprocess", "pathlib", "shutil", "json", "tinydb", "pydantic", "orjson")
"""What a sync with nothing new never imports (each costs it milliseconds; the store's
modules bring tinydb, pydantic and orjson)."""

LOADS = """
import sys
before = set(sys.modules)
assert not before & set(sys.argv[2:]), sorted(before & set(sys.argv[2:]))
from growthtui.launch import main
code = main(["--data", sys.argv[1], "sync"])
loaded = set(sys.modules) - before
print(code, sorted(m for m in loaded if m.split(".")[0] in sys.argv[2:]))
"""


def test_a_sync_with_nothing_new_loads_neither_the_store_nor_subprocess_pathlib_or_json(
    capsys: Capsys, remote: Path, laptop: Path
) -> None:
    """Run as the installed command runs (no editable install's import hooks, which load
    pathlib themselves): `python -S` with the package and its dependencies on the path."""
    _in_step(capsys, remote, laptop)
    paths = [
        str(Path(growthtui.__file__).parents[1]),
        sysconfig.get_paths()["purelib"],
        sysconfig.get_paths()["platlib"],
    ]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(paths), "GROWTHTUI_TODAY": str(TODAY)}
    done = subprocess.run(
        [sys.executable, "-S", "-c", LOADS, str(laptop), *NOT_LOADED],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )

    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["0 received, 0 sent", "0 []"]
    assert (clone_path(laptop) / "growthtui-synced").is_file()


def test_run_command_writes_the_input_as_it_reads_the_output() -> None:
    """More than a pipe holds each way, at once: neither side waits for the other."""
    data = os.urandom(1 << 20)
    script = "cat; head -c 300000 /dev/zero >&2; exit 3"

    done = run_command(["sh", "-c", script], dict(os.environ), data)

    assert (done.returncode, done.stdout, done.stderr) == (3, data, bytes(300000))


def test_run_command_a_command_that_reads_no_input_is_no_error() -> None:
    done = run_command(["sh", "-c", "echo early >&2"], dict(os.environ), bytes(1 << 20))

    assert (done.returncode, done.stdout, done.stderr) == (0, b"", b"early\n")


def test_run_command_a_command_stopped_by_a_signal_says_which() -> None:
    done = run_command(["sh", "-c", "kill -9 $$"], dict(os.environ), b"")

    assert done.returncode == -signal.SIGKILL


def test_run_command_gives_the_child_sigpipe_back() -> None:
    """Python ignores SIGPIPE; git must not inherit that (it would write on to no reader)."""
    done = run_command(["sh", "-c", "yes | head -c 1"], dict(os.environ), b"")

    assert (done.returncode, done.stdout, done.stderr) == (0, b"y", b"")  # no "Broken pipe"


def test_run_command_no_such_command() -> None:
    with pytest.raises(FileNotFoundError):
        run_command(["growthtui-no-such-command"], dict(os.environ), b"")


def test_git_gone_from_path_mid_way_is_one_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    git = Git(tmp_path, quiet=True)
    monkeypatch.setenv("PATH", str(tmp_path))

    with pytest.raises(SyncError, match=r"^git is not installed \(or not on PATH\)"):
        git.run("--version")


def test_run_command_interrupted_kills_and_reaps_the_child(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Ctrl-C while git runs: the child is killed and waited for (no git left running
    after us, no zombie), and the interrupt goes on up."""
    import select

    started: list[int] = []
    spawn = os.posix_spawnp

    def noted(*args: object, **kwargs: object) -> int:
        pid = spawn(*args, **kwargs)  # type: ignore[arg-type]
        started.append(pid)
        return pid

    class Interrupted:
        def register(self, fd: int, events: int) -> None:
            pass

        def unregister(self, fd: int) -> None:
            pass

        def poll(self) -> list[tuple[int, int]]:
            raise KeyboardInterrupt

    monkeypatch.setattr(os, "posix_spawnp", noted)
    monkeypatch.setattr(select, "poll", Interrupted)

    with pytest.raises(KeyboardInterrupt):
        run_command(["sleep", "300"], dict(os.environ), b"")

    assert len(started) == 1
    with pytest.raises(ChildProcessError):  # reaped: no longer our child
        os.waitpid(started[0], os.WNOHANG)
