"""Text that could drive a terminal: `ESC ] 52` (set the clipboard), `ESC c` (reset the
screen), `CSI 2J` (clear it), BEL, and U+202E (turn the line around).

Typed on the command line it is refused, in one sentence, and nothing is written (by the
quick write too). Stored anyway (an import, a hand edit), it reaches the terminal
from no command: `agenda`, the md and csv exports and every message show it as visible
escapes. The installed command is run as a shell runs it, and its raw bytes are checked.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from growthtui.domain.evidence import Evidence
from growthtui.domain.goals import Goal, Milestone
from growthtui.store.repository import Store

if TYPE_CHECKING:  # fixtures' types, from tests/cli/conftest.py
    from conftest import Files, Run

TIMEOUT = 60
CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4K\x07"
"""OSC 52: "put `rm -rf ~` on the clipboard" (tmux with set-clipboard on obeys it)."""
HOSTILE = f"Ship {CLIPBOARD} now \x1bc \x1b[2J \u202egnp.exe"
RAW = (b"\x1b", b"\x07", "\u202e".encode())
"""Bytes that must never reach the terminal as they are."""


def command() -> str:
    script = Path(sys.executable).with_name("growthtui")
    assert script.exists(), "the `growthtui` command is installed (pip install -e .)"
    return str(script)


def installed(*argv: str | Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [command(), *map(str, argv)],
        capture_output=True,
        timeout=TIMEOUT,
        check=False,
        env=os.environ.copy(),
    )


def assert_nothing_raw(done: subprocess.CompletedProcess[bytes]) -> None:
    for raw in RAW:
        assert raw not in done.stdout, (raw, done.stdout[:300])
        assert raw not in done.stderr, (raw, done.stderr[:300])


@pytest.fixture
def imported(tmp_path: Path, today: dt.date) -> Path:
    """A store holding a goal, a milestone and a win whose text is HOSTILE, put there the
    way such text gets in: a JSON file edited by hand, then imported."""
    clean = tmp_path / "clean.json"
    store = Store.open(clean, today=lambda: today)
    goal = store.add(Goal(title="TITLE", due=today + dt.timedelta(days=2)))
    store.add(Milestone(goal_id=goal.id or 0, title="TITLE", due=today))
    store.add(Evidence.build(date=today, text="TITLE", goal_ids=[goal.id]))
    exported = installed("export", "--format", "json", "--data", clean)
    assert exported.returncode == 0, exported.stderr
    edited = tmp_path / "edited.json"
    edited.write_text(
        exported.stdout.decode().replace('"TITLE"', json.dumps(HOSTILE)), encoding="utf-8"
    )
    data = tmp_path / "growth.json"
    done = installed("import", edited, "--data", data)
    assert done.returncode == 0, done.stderr
    assert_nothing_raw(done)
    assert Store.open(data, today=lambda: today).get(Goal, 1).title == HOSTILE  # kept exactly
    return data


def test_agenda_shows_stored_control_characters_as_escapes(imported: Path) -> None:
    done = installed("agenda", "--data", imported)
    assert done.returncode == 0, done.stderr
    assert_nothing_raw(done)
    shown = "Ship \\x1b]52;c;cm0gLXJmIH4K\\x07 now \\x1bc \\x1b[2J \\u202egnp.exe"
    assert f"goal #1 due: {shown}, in 2 days" in done.stdout.decode()


@pytest.mark.parametrize("fmt", ["md", "csv"])
def test_the_md_and_csv_exports_show_them_as_escapes(imported: Path, fmt: str) -> None:
    done = installed("export", "--format", fmt, "--data", imported)
    assert done.returncode == 0, done.stderr
    assert_nothing_raw(done)
    assert b"\\x1b" in done.stdout and b"\\u202egnp.exe" in done.stdout


@pytest.mark.parametrize("fmt", ["json", "ics"])
def test_the_json_and_ics_exports_are_data_for_programs(imported: Path, fmt: str) -> None:
    """JSON keeps the text exactly (escaped by JSON itself, so no raw byte either); the
    calendar drops what RFC 5545 forbids in text and keeps the rest."""
    done = installed("export", "--format", fmt, "--data", imported)
    assert done.returncode == 0, done.stderr
    if fmt == "json":
        titles = [goal["title"] for goal in json.loads(done.stdout)["goals"]]
        assert titles == [HOSTILE]
    else:
        assert b"\x1b" not in done.stdout and b"\x07" not in done.stdout


def test_an_import_error_quoting_the_file_shows_escapes(tmp_path: Path) -> None:
    """The file's name and content reach the message; neither as raw control bytes."""
    named = tmp_path / f"plan{CLIPBOARD}.json"
    goal = {"id": 1, "title": HOSTILE, "horizon": HOSTILE}
    named.write_text(json.dumps({"schema_version": 1, "goals": [goal]}), encoding="utf-8")
    for argv in (
        ["import", named],  # a horizon that is not one, quoted in the sentence
        ["import", tmp_path / f"missing{CLIPBOARD}.json"],
        ["import", named, "--from", "taskwarrior"],
    ):
        done = installed(*argv, "--data", tmp_path / "growth.json")
        assert done.returncode == 2, done.stderr
        assert len(done.stderr.splitlines()) == 1
        assert_nothing_raw(done)
        assert b"\\x1b]52" in done.stderr


def test_an_export_written_to_a_file_names_it_with_escapes(imported: Path) -> None:
    target = imported.parent / f"report{CLIPBOARD}.md"
    done = installed("export", "--format", "md", "-o", target, "--data", imported)
    assert done.returncode == 0, done.stderr
    assert_nothing_raw(done)
    assert target.exists()


TYPED = ["Ship \x1b]52;c;aGk=\x07", "\x1bc", "clear \x1b[2J", "\u202egnp.exe", "a\tb", "bell\x07"]


@pytest.mark.parametrize("text", TYPED, ids=repr)
@pytest.mark.parametrize(
    "argv",
    [
        ["add", "goal", "{}"],
        ["add", "goal", "{}", "--due", "2027-01-01"],
        ["add", "milestone", "1", "{}", "--due", "2027-01-01"],
        ["log", "{}"],
        ["log", "{}", "--goal", "1"],
    ],
    ids=lambda argv: " ".join(argv[:2]),
)
def test_typed_control_characters_are_refused_and_nothing_is_written(
    run: Run, files: Files, tmp_path: Path, today: dt.date, argv: list[str], text: str
) -> None:
    """On a sealed store with today's backup, where the quick write would take
    the plain forms: it must refuse what the full command line refuses."""
    data = tmp_path / "growth.json"
    store = Store.open(data, today=lambda: today)
    store.add(Goal(title="Become a staff engineer"))
    store.add(Milestone(goal_id=1, title="Draft", due=today))
    store.add(Evidence.build(date=today, text="Led the review"))
    before = files(tmp_path)
    result = run(*[arg.replace("{}", text) for arg in argv], "--data", data)
    assert (result.code, result.out) == (2, "")
    [line] = result.err_lines
    assert line.startswith("growthtui: the ") and "holds a control character (\\" in line
    assert "\x1b" not in result.err and "\u202e" not in result.err
    assert files(tmp_path) == before


def test_the_installed_command_refuses_a_typed_clipboard_sequence(tmp_path: Path) -> None:
    done = installed("add", "goal", HOSTILE, "--data", tmp_path / "growth.json")
    assert done.returncode == 2
    assert_nothing_raw(done)
    assert list(tmp_path.iterdir()) == []
