"""Standard output that cannot take the text: closed (`>&-`), full (`>/dev/full`), or unable
to encode a character (`PYTHONIOENCODING=ascii`). Run as a shell runs the installed command.

A command that stored something has succeeded: exit 0, the record is there, and one line on
stderr says the reply could not be printed. A command that only prints has failed: exit 2
and one sentence. Never a traceback, never "unexpected error".
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest

from growthtui.domain.evidence import Evidence
from growthtui.domain.goals import Goal
from growthtui.store.repository import Store

TIMEOUT = 60
FULL = Path("/dev/full")

pytestmark = pytest.mark.skipif(not FULL.exists(), reason="needs /dev/full (Linux)")


def command() -> str:
    """The `growthtui` script installed beside this interpreter."""
    script = Path(sys.executable).with_name("growthtui")
    assert script.exists(), "the `growthtui` command is installed (pip install -e .)"
    return str(script)


def shell(
    line: str, *argv: str | Path, env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`line` run by sh with "$@" = the installed command and `argv`, e.g. `"$@" >&-`."""
    return subprocess.run(
        ["sh", "-c", line, "sh", command(), *map(str, argv)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
        env={**os.environ, **(env or {})},
    )


def assert_no_crash(stderr: str) -> None:
    assert "Traceback" not in stderr
    assert "unexpected error" not in stderr
    assert "Exception ignored" not in stderr


@pytest.fixture(params=["store", "quick"])
def data(request: pytest.FixtureRequest, tmp_path: Path, today: dt.date) -> Path:
    """A store file: empty (the first write goes the Store's way) or sealed with today's
    backup taken (the quick write takes it)."""
    path = tmp_path / "growth.json"
    if request.param == "quick":
        store = Store.open(path, today=lambda: today)
        store.add(Goal(title="Become a staff engineer"))
        store.add(Evidence.build(date=today, text="Led the review"))
    return path


def goal_titles(path: Path, today: dt.date) -> list[str]:
    return [g.title for g in Store.open(path, today=lambda: today).list(Goal)]


@pytest.mark.parametrize(
    ("redirect", "says"),
    [(">/dev/full", "no space left on device"), (">&-", "it is closed")],
    ids=["full", "closed"],
)
def test_a_stored_goal_is_a_success_whatever_stdout_is(
    data: Path, today: dt.date, redirect: str, says: str
) -> None:
    done = shell(f'"$@" {redirect}', "add", "goal", "a", "--due", "2027-01-01", "--data", data)
    assert done.returncode == 0, done.stderr
    assert_no_crash(done.stderr)
    [line] = done.stderr.splitlines()
    assert line.startswith("growthtui: could not print to standard output")
    assert says in line and line.endswith(": a")  # the reply itself, with its id
    assert "added goal" in line
    assert "a" in goal_titles(data, today)


def test_a_stored_win_with_both_outputs_closed_is_a_success(data: Path, today: dt.date) -> None:
    done = shell('"$@" >&- 2>&-', "log", "Shipped it", "--data", data)
    assert done.returncode == 0
    texts = [e.text for e in Store.open(data, today=lambda: today).list(Evidence)]
    assert "Shipped it" in texts


def test_a_reply_the_terminal_cannot_encode_is_printed_with_escapes(
    data: Path, today: dt.date
) -> None:
    done = shell('"$@"', "log", "ok ✓", "--data", data, env={"PYTHONIOENCODING": "ascii"})
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert done.stdout.startswith("logged win ") and done.stdout.endswith(": ok \\u2713\n")
    texts = [e.text for e in Store.open(data, today=lambda: today).list(Evidence)]
    assert "ok ✓" in texts  # stored exactly


@pytest.mark.parametrize(
    ("argv", "what"),
    [(["agenda"], "the agenda"), (["export", "--format", "md"], "the md export")],
    ids=["agenda", "export"],
)
@pytest.mark.parametrize(
    ("redirect", "says"),
    [(">/dev/full", "no space left on device"), (">&-", "it is closed")],
    ids=["full", "closed"],
)
def test_a_command_that_only_prints_says_it_could_not(
    tmp_path: Path, argv: list[str], what: str, redirect: str, says: str
) -> None:
    data = tmp_path / "growth.json"
    assert shell('"$@"', "seed", "--data", data).returncode == 0
    done = shell(f'"$@" {redirect}', *argv, "--data", data)
    assert done.returncode == 2
    assert done.stderr == f"growthtui: could not write {what} to standard output: {says}\n"


def test_help_that_cannot_be_printed_is_not_a_silent_success() -> None:
    done = shell('"$@" >/dev/full', "--help")
    assert done.returncode == 2
    assert done.stderr == (
        "growthtui: could not write the help to standard output: no space left on device\n"
    )


def test_an_unencodable_title_in_the_agenda_is_escaped(tmp_path: Path, today: dt.date) -> None:
    data = tmp_path / "growth.json"
    Store.open(data, today=lambda: today).add(Goal(title="Ship ✓", due=today))
    done = shell('"$@"', "agenda", "--data", data, env={"PYTHONIOENCODING": "ascii"})
    assert done.returncode == 0, done.stderr
    assert "goal #1 due: Ship \\u2713, today" in done.stdout
