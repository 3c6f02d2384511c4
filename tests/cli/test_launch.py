"""The launcher (growthtui/launch.py): the plain forms of `add goal` and `log`, read without
argparse, mean exactly what the full command line reads from them; anything else goes to it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from growthtui import cli, launch
from growthtui.domain import Evidence, Goal, Milestone
from growthtui.store import Store, quick_write

if TYPE_CHECKING:  # fixtures' types, from tests/cli/conftest.py
    from conftest import Run

FORMS = {
    ("add", "goal"): ["--data", "--due", "--horizon"],
    ("add", "milestone"): ["--data", "--due"],
    ("log",): ["--data", "--goal", "--kind", "--date"],
}
VALUES = {
    "--data": ["a.json", "~/g.json", "b c.json", "", " ", "-x"],
    "--due": [
        "2027-03-31",
        "2027-02-30",
        "+3d",
        "2027-3-31",
        "today",
        "٢٠٢٧-03-31",
        "-1d",
        "2020-01-01",  # in the past: stored, with a warning on stderr
        "9999-12-31",
    ],
    "--horizon": ["short", "long", "weekly", "LONG", ""],
    "--goal": ["2", "02", "#2", "0", "-1", "٣", "two"],
    "--kind": ["win", "feedback", "feedback received", "praise", "lesson", "Win"],
    "--date": ["2026-11-20", "today", "2026-13-01", "2026-11-20 "],
    "--hor": ["long"],
    "-h": [],
    "--version": [],
}
TEXTS = ["Ship it", "A goal", "goal", "log", "1", "-x", "", "  padded  ", "--", "Ω ✓ «x»"]
TEXTS += [  # what the full command line refuses: control characters, direction overrides
    "Ship\x1bit", "\x1b]52;c;aGk=\x07", "\x1bc", "\x1b[2J", "\u202egnp.exe", "a\tb", "bell\x07",
    "line\nbreak", "\x85next", "sep\u2028",
]  # fmt: skip
GOAL_IDS = ["2", "02", "#2", "0", "-1", "two", "Ship it"]
JUNK = ["extra", "--", "-", "--help", "--demo", "=", "milestone", "agenda"]


def _mostly_first(values: list[str]) -> st.SearchStrategy[str]:
    """The first (good) value half of the time, else any: most lines are then read here."""
    return st.one_of(st.just(values[0]), st.sampled_from(values))


@st.composite
def command_lines(draw: st.DrawFn) -> list[str]:
    """A plain form's words and text, its options (and some foreign ones) in any place and
    either spelling, with good and bad values, and now and then a stray word."""
    words = draw(st.sampled_from(list(FORMS)))
    pieces = [[word] for word in words]
    if words == ("add", "milestone"):
        pieces.append([draw(_mostly_first(GOAL_IDS))])
    pieces.append([draw(_mostly_first(TEXTS))])
    chosen = draw(st.lists(st.sampled_from(FORMS[words]), unique=True))
    if words == ("add", "milestone") and "--due" not in chosen and draw(st.integers(0, 5)):
        chosen.append("--due")  # it needs one: most of its command lines have it
    if draw(st.integers(0, 3)) == 0:  # an option it does not take, or one given twice
        chosen.append(draw(st.sampled_from(["--hor", "-h", "--version", "--goal", "--due"])))
    for name in chosen:
        values = VALUES[name]
        if not values:
            group = [name]
        else:
            value = draw(_mostly_first(values))
            group = [f"{name}={value}"] if draw(st.booleans()) else [name, value]
        pieces.insert(draw(st.integers(0, len(pieces))), group)
    if draw(st.integers(0, 4)) == 0:
        pieces.insert(draw(st.integers(0, len(pieces))), [draw(st.sampled_from(JUNK))])
    return [token for piece in pieces for token in piece]


class Calls:
    """What the quick write was asked to store, with the store's own functions replaced."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.made: list[tuple[Any, ...]] = []
        monkeypatch.setattr(quick_write, "add_goal", self._add_goal)
        monkeypatch.setattr(quick_write, "add_milestone", self._add_milestone)
        monkeypatch.setattr(quick_write, "log_evidence", self._log)

    def _add_goal(self, path: Any, *args: Any) -> int:
        self.made.append(("goal", Path(path), *args))
        return 7

    def _add_milestone(self, path: Any, *args: Any) -> tuple[int, str]:
        self.made.append(("milestone", Path(path), *args))
        return 7, "Become a staff engineer"

    def _log(self, path: Any, *args: Any) -> int:
        self.made.append(("log", Path(path), *args))
        return 7

    def take(self) -> list[tuple[Any, ...]]:
        made, self.made = self.made, []
        return made


@settings(
    max_examples=600, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(argv=command_lines())
def test_a_plain_form_means_what_the_full_command_line_reads(
    argv: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("GROWTHTUI_DATA", "env.json")
    calls = Calls(monkeypatch)
    plain = launch.read_plain(argv)
    said = launch.run_plain(plain) if plain is not None else None
    quick = calls.take()
    if said is None:
        assert quick == []  # declined: nothing was stored
        return
    reply, warning = said
    capsys.readouterr()
    code = cli.main(argv)  # the full command line, on the same words
    out, err = capsys.readouterr()
    said_on_stderr = f"growthtui: {warning}\n" if warning else ""
    assert (code, calls.take(), out, err) == (0, quick, reply + "\n", said_on_stderr), argv


@pytest.mark.parametrize(
    "argv",
    [
        ["add", "goal", "Ship it", "--due", "+3d"],  # a relative date
        ["add", "goal", "Ship it", "--hor", "long"],  # an abbreviated option
        ["add", "goal", "-Ship it"],  # a title that looks like an option
        ["add", "goal", "Ship it", "--due", "2027-03-31", "--due", "2027-04-30"],
        ["--goal", "2", "log", "--goal", "2", "Shipped"],  # once too soon, then in place
        ["--due", "2027-03-31", "add", "goal", "Ship it"],  # an option before its command
        ["add", "goal", "Ship it", "extra"],
        ["log", "Shipped", "--goal", "#2"],
        ["log", "Shipped", "--kind", "feedback received"],
        ["add", "milestone", "1", "Draft"],  # no --due: the full command line says so
        ["add", "milestone", "#1", "Draft", "--due", "2027-03-31"],
        ["add", "milestone", "1", "Draft", "--due", "+1w"],
        ["add", "goal", "--help"],
    ],
)
def test_anything_else_is_left_to_the_full_command_line(
    argv: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GROWTHTUI_DATA", "env.json")
    calls = Calls(monkeypatch)  # a form read here would be "stored" by these
    plain = launch.read_plain(argv)
    assert plain is None or launch.run_plain(plain) is None
    assert calls.take() == []


def test_a_plain_form_without_a_named_store_is_left_to_the_full_command_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The platform's default location is platformdirs' to say (see locations.py)."""
    monkeypatch.delenv("GROWTHTUI_DATA", raising=False)
    calls = Calls(monkeypatch)
    plain = launch.read_plain(["add", "goal", "Ship it"])
    assert plain is not None and launch.run_plain(plain) is None
    assert calls.take() == []


def test_a_bad_pinned_today_is_left_to_the_full_command_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GROWTHTUI_TODAY", "someday")
    calls = Calls(monkeypatch)
    code = launch.main(["add", "goal", "Ship it", "--data", str(tmp_path / "g.json")])
    assert code == 2 and calls.take() == []
    err = capsys.readouterr().err
    assert err.startswith("growthtui: GROWTHTUI_TODAY='someday' is not a date")


@pytest.fixture
def sealed(store: Store, today: dt.date) -> Path:
    """A store the Store wrote today: sealed, today's backup taken, a record of each kind
    the quick way adds (it leaves the first of a kind to the Store)."""
    store.add(Goal(title="Become a staff engineer"))
    store.add(Milestone(goal_id=1, title="Write the RFC", due=today))
    store.add(Evidence.build(date=today, text="Led the review"))
    assert store.path is not None
    return store.path


def test_the_launcher_stores_a_goal_and_a_win_the_quick_way(
    run: Run, sealed: Path, today: dt.date
) -> None:
    added = run("add", "goal", "Learn Go", "--horizon", "long", "--data", sealed)
    assert (added.code, added.out, added.err) == (0, "added goal 2: Learn Go\n", "")
    logged = run("--data", sealed, "log", "Shipped", "--goal=2", "--date", "2026-11-20")
    assert (logged.code, logged.out, logged.err) == (0, "logged win 2 for goal 2: Shipped\n", "")
    store = Store.open(sealed, today=lambda: today)
    goal = store.get(Goal, 2)
    assert (goal.title, goal.horizon.value, goal.created) == ("Learn Go", "long", today)
    win = store.get(Evidence, 2)
    assert (win.text, win.goal_ids, win.date) == ("Shipped", [2], dt.date(2026, 11, 20))


def test_the_launcher_adds_a_milestone_the_quick_way(
    run: Run, sealed: Path, today: dt.date
) -> None:
    added = run("add", "milestone", "1", "Draft it", "--due", "2027-01-31", "--data", sealed)
    assert (added.code, added.err) == (0, "")
    assert added.out == "added milestone 2 to goal 1 (Become a staff engineer), due 2027-01-31\n"
    milestone = Store.open(sealed, today=lambda: today).get(Milestone, 2)
    assert (milestone.goal_id, milestone.title) == (1, "Draft it")
    assert milestone.due == dt.date(2027, 1, 31)


def test_a_form_the_launcher_leaves_is_stored_by_the_full_command_line(
    run: Run, sealed: Path, today: dt.date
) -> None:
    added = run("add", "goal", "Learn Go", "--due", "+1w", "--data", sealed)
    assert (added.code, added.out) == (0, "added goal 2: Learn Go\n")
    assert Store.open(sealed, today=lambda: today).get(Goal, 2).due == today + dt.timedelta(7)


# Runs the launcher in a fresh interpreter, then prints the modules it loaded beyond those
# loaded before it was imported (whatever this machine's site hooks bring).
PROBE = """
import json, sys
before = set(sys.modules)
from growthtui.launch import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "loaded": sorted(set(sys.modules) - before)}), file=sys.stderr)
"""
SLOW_TO_START = {"argparse", "json", "re", "pathlib", "typing", "orjson", "pydantic", "tinydb"}
"""What the quick way leaves out: each costs milliseconds to import on a slow
file system, and together more than the write itself (see store/quick_write.py)."""


@pytest.mark.parametrize(
    ("argv", "stored"),
    [
        (["add", "goal", "Learn Go"], b'"title": "Learn Go"'),
        (["add", "milestone", "1", "Draft", "--due", "2027-01-31"], b'"title": "Draft"'),
        (["log", "Shipped", "--goal", "1"], b'"text": "Shipped"'),
    ],
)
def test_the_quick_way_imports_none_of_the_slow_modules(
    sealed: Path, argv: list[str], stored: bytes
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *argv, "--data", str(sealed)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"),
    )
    report = json.loads(done.stderr.splitlines()[-1])
    assert report["code"] == 0, done.stderr
    loaded = {name.split(".")[0] for name in report["loaded"]}
    assert "growthtui" in loaded  # the probe saw the launcher's own imports
    assert loaded & SLOW_TO_START == set()
    assert stored in sealed.read_bytes()
