"""A subcommand loads only what it uses: start-up is most of what `agenda` and `add` cost.

And opening the store lazily never lets a file with a record that is not valid be written.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import growthtui
from growthtui.domain.evidence import Evidence
from growthtui.domain.goals import Goal, Milestone
from growthtui.store.repository import Store

if TYPE_CHECKING:  # fixtures' types, from tests/cli/conftest.py
    from conftest import Files, Run

HEAVY = ("pydantic", "tinydb", "filelock", "platformdirs", "textual")

# Runs the command line in a fresh interpreter, then prints which of HEAVY it loaded.
PROBE = """
import json, sys
from growthtui.launch import main
code = main(sys.argv[1:])
loaded = sorted({m.split(".")[0] for m in sys.modules} & set(HEAVY))
print(json.dumps({"code": code, "loaded": loaded}), file=sys.stderr)
"""


def loaded_by(*argv: str, exit_code: int = 0) -> list[str]:
    """The heavy libraries `growthtui ARGV` loads (in a fresh interpreter), on its way to
    `exit_code`."""
    code = f"HEAVY = {HEAVY!r}\n{PROBE}"
    done = subprocess.run(
        [sys.executable, "-c", code, *argv],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    report = json.loads(done.stderr.splitlines()[-1])
    assert report["code"] == exit_code, done.stderr
    loaded: list[str] = report["loaded"]
    return loaded


def test_importing_the_command_line_loads_no_library() -> None:
    code = (
        "import sys, growthtui.cli\n"
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & {set(HEAVY)!r}))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize("argv", [("--version",), ("--help",), ("agenda", "--help")])
def test_version_and_help_load_no_library(argv: tuple[str, ...]) -> None:
    assert loaded_by(*argv) == []


def test_agenda_on_a_file_it_understands_loads_no_library_but_orjson(
    store: Store, today: dt.date
) -> None:
    store.add(Goal(title="Become a staff engineer", due=today))
    assert store.path is not None
    assert loaded_by("agenda", "--data", str(store.path)) == []  # the quick read


def test_agenda_on_a_file_it_does_not_understand_leaves_it_to_the_store(
    run: Run, files: Files, store: Store, today: dt.date
) -> None:
    """A milestone date the quick read cannot vouch for: the Store reads the file and says
    what is wrong, as every other command does."""
    goal = store.add(Goal(title="Become a staff engineer", due=today))
    store.add(Milestone(goal_id=goal.id or 0, title="Draft the RFC", due=today))
    assert store.path is not None
    data = json.loads(store.path.read_bytes())
    data["milestones"]["1"]["due"] = "2026-02-30"
    store.path.write_text(json.dumps(data))
    assert "pydantic" in loaded_by("agenda", "--data", str(store.path), exit_code=2)
    before = files(store.path.parent)
    result = run("agenda", "--data", store.path)
    assert result.code == 2, result.out
    assert len(result.err_lines) == 1
    assert str(store.path) in result.err and "milestone 1 is not valid" in result.err
    assert files(store.path.parent) == before


def test_add_goal_on_a_file_the_store_sealed_loads_no_library(
    run: Run, store: Store, today: dt.date, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The quick write (store/quick_write.py): no pydantic, no parse, the same answer."""
    monkeypatch.setenv("GROWTHTUI_TODAY", today.isoformat())
    store.add(Goal(title="Become a staff engineer"))
    store.add(Goal(title="Learn Rust"))  # the day's second write: today's backup exists
    assert store.path is not None
    assert loaded_by("add", "goal", "Learn Go", "--data", str(store.path)) == []
    result = run("add", "goal", "Give a talk", "--due", "2027-03-31", "--data", store.path)
    assert (result.code, result.out, result.err) == (0, "added goal 4: Give a talk\n", "")
    goals = Store.open(store.path, today=lambda: today).list(Goal)
    assert [(g.id, g.title, g.due) for g in goals][2:] == [
        (3, "Learn Go", None),
        (4, "Give a talk", dt.date(2027, 3, 31)),
    ]


SPARED = ("contextlib", "locale", "pydantic")
"""Modules `add goal` on a sealed file does without (each costs milliseconds at start):
`contextlib` (heap.paused is a class of its own), `locale` (argparse's catalog is not
looked for where the catalogs' folder is missing: cli.base._translate_once)."""

SPARING_PROBE = """
import gettext, sys
sys.path.insert(0, ROOT)
gettext.bindtextdomain("messages", MISSING)
from growthtui.launch import main
code = main(sys.argv[1:])
loaded = sorted(set(sys.modules) & set(SPARED))
import json
print(json.dumps({"code": code, "loaded": loaded}), file=sys.stderr)
"""


def test_add_goal_on_a_file_the_store_sealed_loads_no_module_it_can_spare(
    store: Store, today: dt.date, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without `site` (-S), so that only the command's own imports count: no library is
    reachable, and the quick write needs none."""
    monkeypatch.setenv("GROWTHTUI_TODAY", today.isoformat())
    store.add(Goal(title="Become a staff engineer"))
    store.add(Goal(title="Learn Rust"))  # the day's second write: today's backup exists
    assert store.path is not None
    root = str(Path(growthtui.__file__).parents[1])
    head = f"ROOT = {root!r}\nMISSING = {str(tmp_path / 'no-catalogs')!r}\nSPARED = {SPARED!r}"
    argv = ["add", "goal", "Learn Go", "--data", str(store.path)]
    done = subprocess.run(
        [sys.executable, "-S", "-c", f"{head}\n{SPARING_PROBE}", *argv],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert json.loads(done.stderr.splitlines()[-1]) == {"code": 0, "loaded": []}, done.stderr
    assert done.stdout == "added goal 3: Learn Go\n"
    titles = [g.title for g in Store.open(store.path, today=lambda: today).list(Goal)]
    assert titles == ["Become a staff engineer", "Learn Rust", "Learn Go"]


def test_log_on_a_file_the_store_sealed_loads_no_library(
    run: Run, store: Store, today: dt.date, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GROWTHTUI_TODAY", today.isoformat())
    goal = store.add(Goal(title="Become a staff engineer"))
    store.add(Evidence.build(date=today, text="Led the review", goal_ids=[goal.id]))
    assert store.path is not None
    assert loaded_by("log", "Shipped it", "--data", str(store.path)) == []
    result = run("log", "Praised", "--kind", "feedback", "--goal", "1", "--data", store.path)
    assert (result.code, result.err) == (0, "")
    assert result.out == "logged feedback received 3 for goal 1: Praised\n"
    result = run("log", "Nope", "--goal", "7", "--data", store.path)  # the Store's way says
    assert result.code == 2 and "no goal with id 7" in result.err
    texts = [e.text for e in Store.open(store.path, today=lambda: today).list(Evidence)]
    assert texts == ["Led the review", "Shipped it", "Praised"]


def test_add_goal_with_a_title_to_tidy_stores_it_tidied(
    run: Run, store: Store, today: dt.date, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GROWTHTUI_TODAY", today.isoformat())
    store.add(Goal(title="Become a staff engineer"))
    store.add(Goal(title="Learn Rust"))
    assert store.path is not None
    padded = run("add", "goal", "  Learn Go  ", "--data", store.path)
    assert (padded.code, padded.out) == (0, "added goal 3: Learn Go\n")
    assert Store.open(store.path, today=lambda: today).get(Goal, 3).title == "Learn Go"
    result = run("add", "goal", "   ", "--data", store.path)
    assert result.code == 2 and len(result.err_lines) == 1 and "title" in result.err


def test_the_collector_runs_again_after_a_command(run: Run, store_path: Path) -> None:
    assert gc.isenabled()
    assert run("add", "goal", "Learn Rust", "--data", store_path).code == 0
    assert gc.isenabled()
    assert run("add", "goal", "", "--data", store_path).code == 2
    assert gc.isenabled()


def _spoil_evidence(path: Path) -> None:
    """Make the one evidence record invalid: a table `agenda` does not read."""
    data = json.loads(path.read_bytes())
    data["evidence"]["1"]["kind"] = "trophy"
    path.write_text(json.dumps(data))


@pytest.fixture
def spoiled(store: Store) -> Path:
    goal = store.add(Goal(title="Become a staff engineer"))
    store.add(Evidence.build(date="2026-11-20", text="Led the review", goal_ids=[goal.id]))
    assert store.path is not None
    _spoil_evidence(store.path)
    return store.path


def test_agenda_refuses_a_bad_record_it_does_not_show_as_every_command_does(
    run: Run, files: Files, spoiled: Path
) -> None:
    """The file was edited by hand (the seal no longer matches): `agenda` reads it through
    the Store, which checks every record, as `export` does."""
    before = files(spoiled.parent)
    agenda = run("agenda", "--data", spoiled)
    exported = run("export", "--format", "json", "--data", spoiled)
    assert (agenda.code, agenda.out) == (2, "")
    assert agenda.err == exported.err
    assert "evidence 1 is not valid" in agenda.err
    assert files(spoiled.parent) == before


@pytest.mark.parametrize(
    "argv",
    [
        ("add", "goal", "Learn Rust"),
        ("add", "milestone", "1", "Draft the RFC", "--due", "2026-12-15"),
        ("log", "Shipped it"),
        ("export",),
    ],
    ids=lambda argv: " ".join(argv[:2]),
)
def test_a_bad_record_anywhere_refuses_every_write_and_export(
    run: Run, files: Files, spoiled: Path, argv: tuple[str, ...]
) -> None:
    before = files(spoiled.parent)
    result = run(*argv, "--data", spoiled)
    assert result.code == 2, result.out
    assert len(result.err_lines) == 1
    assert str(spoiled) in result.err and "evidence 1 is not valid" in result.err
    assert result.out == ""
    assert files(spoiled.parent) == before


def test_the_process_ends_with_what_is_alive_frozen(store_path: Path) -> None:
    """The interpreter's last collection skips frozen objects: the process's own command
    line freezes what is alive as it ends (launch.main), while a caller that runs commands
    in its own process (argv given, as the tests do) keeps its collector as it was."""
    probe = (
        "import gc, json, sys, threading\n"
        "from growthtui.launch import main\n"
        "given = main(sys.argv[1:])\n"
        "kept = gc.get_freeze_count()\n"
        "waiting = threading.Event()\n"  # a thread alive: main() returns (launch.end_now)
        "threading.Thread(target=waiting.wait, daemon=True).start()\n"
        "own = main()\n"
        "print(json.dumps([given, kept, own, gc.get_freeze_count()]), file=sys.stderr)\n"
    )
    argv = ["add", "goal", "Learn Rust", "--data", str(store_path)]
    done = subprocess.run(
        [sys.executable, "-c", probe, *argv], capture_output=True, text=True, timeout=120
    )
    given, kept, own, frozen = json.loads(done.stderr.splitlines()[-1])
    assert (given, kept, own) == (0, 0, 0)
    assert frozen > 0
    assert done.stdout == "added goal 1: Learn Rust\nadded goal 2: Learn Rust\n"


END_PROBE = """
import atexit, sys
from growthtui.launch import main
if sys.argv.pop(1) == "with atexit":
    atexit.register(print, "the atexit callback ran", file=sys.stderr)
code = main()
print("the interpreter went on after main()", file=sys.stderr)
sys.exit(code)
"""


@pytest.mark.parametrize("how", ["alone", "with atexit"])
def test_a_command_ends_its_process_once_its_output_is_out(store_path: Path, how: str) -> None:
    """The process's own command line ends the process in main(), its output flushed,
    its exit code kept and what was registered with atexit run (launch.end_now); the
    interpreter does not go on after it."""
    ends = []
    for argv in (["add", "goal", "Learn Rust"], ["add", "goal", " "], ["export", "--format", "md"]):
        done = subprocess.run(
            [sys.executable, "-c", END_PROBE, how, *argv, "--data", str(store_path)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        ends.append((done.returncode, done.stdout, done.stderr.splitlines()))
    ran = ["the atexit callback ran"] if how == "with atexit" else []
    assert ends[0] == (0, "added goal 1: Learn Rust\n", ran)
    assert ends[1][:2] == (2, "") and ends[1][2][1:] == ran
    assert ends[1][2][0].startswith("growthtui: the goal needs a title")
    assert ends[2][0] == 0 and ends[2][2] == ran
    assert "Learn Rust" in ends[2][1] and ends[2][1].endswith("\n")
