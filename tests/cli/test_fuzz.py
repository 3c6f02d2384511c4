"""The whole command line, fuzzed: random command lines built from the real commands and
options, their values mixed with unicode, control characters, huge numbers, odd dates and
empty strings, run through the `growthtui` entry point (growthtui.launch.main) on a store
the Store sealed (so the quick write takes what it can).

Whatever the line: the exit code is 0 or 2, no traceback and no "unexpected error" reach
stderr, and a refused line (exit 2) leaves the store file byte for byte as it was.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from growthtui import cli
from growthtui.cli import app as cli_app
from growthtui.domain.evidence import Evidence
from growthtui.domain.goals import Goal, Milestone
from growthtui.domain.people import Person
from growthtui.launch import main
from growthtui.store.backups import daily_backup_name
from growthtui.store.repository import Store
from growthtui.store.schema import CURRENT_SCHEMA
from growthtui.store.seal import write_seal

TODAY = dt.date(2026, 11, 24)
STORE = "growth.json"

# Characters a command line can hold: no NUL (C strings), no lone surrogates but the
# PEP 383 ones that stand for bytes the locale could not decode.
TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=12,
)
ODD = [
    "", " ", "-", "--", "-x", "#", "#1", "0", "1", "2", "-1", "99", str(2**64), str(10**30),
    "1e3", "½", "٣", "Ω ✓", "\x1b]52;c;aGk=\x07", "\x1bc", "\x1b[2J", "\u202e", "a\tb",
    "line\nbreak", "bad\udcff", "x" * 600,
]  # fmt: skip
DATES = [
    "9999-12-31", "0000-01-01", "0001-01-01", "2026-02-30", "2026-11-24", "2020-01-01",
    "+99999y", "+9999y", "-9999y", "9999y", "+3d", "2w", "1m", "1y", "-1d", "today",
    "tomorrow", "yesterday", "", "2026-1-1", "٢٠٢٦-01-01", "2026-11-24T10:00",
]  # fmt: skip
SAFE_NAME = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs",), blacklist_characters="\x00/~"
    ),  # never a path outside the example's folder
    min_size=1,
    max_size=8,
).map(lambda name: f"{name}_" if name in (".", "..") else name)
FILES = ["export.json", "tasks.json", "notes.txt", "missing.json", "folder", STORE, "link.json"]
OUTPUTS = ["out.md", "-", "folder", "folder/out.csv", "missing/out.md", STORE, "link.json"]


def _mostly(good: str, *odd: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """`good` about half the time, else one of `odd`: most lines then get past the parser."""
    return st.one_of(st.just(good), st.one_of(*odd))


ANY_DATE = st.sampled_from(DATES)
OPTIONS: dict[tuple[str, ...], dict[str, st.SearchStrategy[str]]] = {
    ("add", "goal"): {
        "--due": _mostly("2027-01-31", ANY_DATE),
        "--horizon": _mostly("long", st.sampled_from(["short", "medium", "forever", ""])),
    },
    ("add", "milestone"): {"--due": _mostly("2027-01-31", ANY_DATE)},
    ("log",): {
        "--goal": _mostly("1", st.sampled_from(ODD)),
        "--kind": _mostly("lesson", st.sampled_from(["win", "praise", "feedback", "trophy", ""])),
        "--date": _mostly("2026-11-20", ANY_DATE),
    },
    ("seed",): {"--scale": st.sampled_from(["0", "5", "-1", str(2**64), str(10**30), "x"])},
    ("agenda",): {"--days": st.sampled_from(["0", "7", "365", "3650", "3651", "-1", str(2**64)])},
    ("export",): {
        "--format": st.sampled_from(["json", "md", "csv", "ics", "xml", ""]),
        "-o": st.one_of(st.sampled_from(OUTPUTS), SAFE_NAME),
    },
    ("import",): {"--from": _mostly("json", st.sampled_from(["taskwarrior", "excel"]))},
}


TITLE = _mostly("Ship it", st.sampled_from(ODD), TEXT)
POSITIONAL: dict[tuple[str, ...], list[st.SearchStrategy[str]]] = {
    ("add", "goal"): [TITLE],
    ("add", "milestone"): [_mostly("1", st.sampled_from(ODD)), TITLE],
    ("log",): [TITLE],
    ("seed",): [],
    ("agenda",): [],
    ("export",): [],
    ("import",): [_mostly("export.json", st.sampled_from(FILES), SAFE_NAME)],
}
VALUE = st.one_of(st.sampled_from(ODD + DATES), TEXT)


@st.composite
def command_lines(draw: st.DrawFn) -> list[str]:
    """A real command and its arguments, some of its options (and some of another's) with
    odd values, `--data` somewhere, and now and then a stray word."""
    words = draw(st.sampled_from(list(OPTIONS)))
    pieces: list[list[str]] = [list(words)]
    pieces += [[draw(strategy)] for strategy in POSITIONAL[words]]
    options = OPTIONS[words]
    for name in draw(st.lists(st.sampled_from(sorted(options)), unique=True)):
        value = draw(options[name] if draw(st.integers(0, 4)) else VALUE)
        pieces.append([f"{name}={value}"] if draw(st.booleans()) else [name, value])
    if draw(st.integers(0, 9)) == 0:  # an option of another command
        other = draw(st.sampled_from(sorted({o for opts in OPTIONS.values() for o in opts})))
        pieces.append([other, draw(VALUE)])
    if draw(st.integers(0, 9)) == 0:  # a stray word anywhere
        stray = draw(st.one_of(st.sampled_from(["--help", "--version", "--demo"]), VALUE))
        pieces.insert(draw(st.integers(0, len(pieces))), [stray])
    data = ["--data", STORE]
    if draw(st.booleans()):  # before the command, or after it
        pieces.insert(0, data)
    else:
        pieces.append(data)
    return [token for piece in pieces for token in piece]


@pytest.fixture(scope="module")
def template() -> Iterator[Path]:
    """A folder holding a store the Store wrote today (goals, a milestone, a win, a person),
    its backup, and the files `import` is pointed at."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        store = Store.open(folder / STORE, today=lambda: TODAY)
        goal = store.add(Goal(title="Become a staff engineer", due=dt.date(2030, 1, 1)))
        store.add(Milestone(goal_id=goal.id or 0, title="Draft the RFC", due=TODAY))
        store.add(Evidence.build(date=TODAY, text="Led the review", goal_ids=[goal.id]))
        store.add(Person.build(name="Priya", relation="mentor", follow_up_days=21))
        assert (
            cli.main(["export", "-o", str(folder / "export.json"), "--data", str(folder / STORE)])
            == 0
        )
        (folder / "tasks.json").write_text(
            '[{"uuid": "6f1c1f4e-7d2a-4a55-9c1e-1f2b3c4d5e6f", "description": "Learn Rust",'
            ' "status": "pending", "entry": "20260101T000000Z", "due": "99991231T000000Z"}]'
        )
        (folder / "notes.txt").write_text("not an export\n")
        (folder / "folder").mkdir()
        yield folder


def _fresh(template: Path, into: Path) -> Path:
    """A copy of the template, its store sealed again: the bytes are exactly what the
    Store wrote (the seal names a file's identity, which a copy changes)."""
    shutil.copytree(template, into, symlinks=True, dirs_exist_ok=True)
    store = into / STORE
    write_seal(store, os.stat(store), CURRENT_SCHEMA)
    assert (into / daily_backup_name(STORE, TODAY)).exists()
    (into / "link.json").symlink_to(STORE)
    return store


@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    argv=command_lines(),
    today=st.sampled_from([TODAY, TODAY, TODAY, dt.date.max, dt.date.min, dt.date(9999, 12, 25)]),
)
def test_any_command_line_exits_0_or_2_without_a_traceback_and_refusals_write_nothing(
    argv: list[str],
    today: dt.date,
    template: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("GROWTHTUI_TODAY", today.isoformat())  # the calendar's ends too
    opened: list[object] = []
    monkeypatch.setattr(cli_app, "launch", lambda *args, **kwargs: opened.append(args) or 0)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        store = _fresh(template, folder)
        monkeypatch.chdir(folder)
        before = store.read_bytes()
        capsys.readouterr()
        code = main(argv)
        out, err = capsys.readouterr()
        words = [w for w in argv if w in ("add", "goal", "milestone", "log", "seed", "agenda",
                                             "export", "import")][:2]  # fmt: skip
        event(f"{' '.join(words)}: exit {code}")
        assert code in (0, 2), (code, err)
        assert "Traceback" not in err and "unexpected error" not in err, err
        if code == 2:
            assert err.startswith("growthtui: ") and len(err.splitlines()) == 1, err
            assert store.read_bytes() == before, "a refused command wrote to the store"
        for raw in ("\x1b", "\x07", "\u202e"):
            assert raw not in err
            if "--format=json" not in argv and "json" not in argv and "ics" not in argv:
                assert raw not in out
