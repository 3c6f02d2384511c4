"""The shell as a client (issue 19): `list`, `show`, `done`, `checkin`, `edit`, `undo` and
`completion`, good input and bad. Bad input is one sentence on stderr, exit 2, and
nothing written; what the shell changes, the app shows.

The golden files are the demo person on the tests' fixed date, piped and on a terminal
(a pseudo-terminal: colour, unless NO_COLOR). To write them again after a change that is
meant, run this file with GROWTHTUI_WRITE_GOLDEN=1 and read the diff.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from growthtui.domain.goals import CheckIn, Goal, Milestone
from growthtui.domain.learning import LearningItem, LearningStatus
from growthtui.interop.json_io import export_data
from growthtui.store.repository import Store
from tests.terminal import on_a_terminal

if TYPE_CHECKING:  # fixtures' types, from tests/cli/conftest.py
    from conftest import Files, Run

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture
def demo(seeded_store: Store) -> Path:
    """The demo person's store, on the fixed date."""
    assert seeded_store.path is not None
    return seeded_store.path


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "GROWTHTUI_DEBUG")}
    env.update(GROWTHTUI_TODAY="2026-11-24", COLUMNS="100", **extra)
    return env


def _piped(*argv: str | Path, **env: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "growthtui", *map(str, argv)],
        capture_output=True,
        env=_env(**env),
        check=True,
        timeout=120,
    )
    return done.stdout.decode("utf-8")


def _on_a_terminal(*argv: str | Path, **env: str) -> str:
    """What the command writes to a terminal (its line ends as the program wrote them)."""
    return on_a_terminal(list(argv), _env(**env)).decode("utf-8").replace("\r\n", "\n")


def _golden(name: str, text: str) -> str:
    path = GOLDEN / name
    if os.environ.get("GROWTHTUI_WRITE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    return path.read_text(encoding="utf-8")


# -- list and show: golden files ----------------------------------------------------------
@pytest.mark.parametrize(
    ("argv", "name"),
    [
        (["list"], "list_demo.txt"),
        (["list", "--all"], "list_demo_all.txt"),
        (["show", "1"], "show_goal_1.txt"),
        (["show", "6"], "show_goal_6.txt"),
    ],
)
def test_list_and_show_piped_are_plain_text_equal_to_the_golden(
    demo: Path, argv: list[str], name: str
) -> None:
    text = _piped(*argv, "--data", demo)
    assert "\x1b" not in text
    assert text == _golden(name, text)


@pytest.mark.parametrize(
    ("argv", "plain", "name"),
    [
        (["list"], "list_demo.txt", "list_demo_terminal.txt"),
        (["show", "1"], "show_goal_1.txt", "show_goal_1_terminal.txt"),
    ],
)
def test_list_and_show_on_a_terminal_are_coloured_unless_no_color(
    demo: Path, argv: list[str], plain: str, name: str
) -> None:
    coloured = _on_a_terminal(*argv, "--data", demo)
    assert "\x1b[" in coloured
    assert coloured == _golden(name, coloured)
    no_color = _on_a_terminal(*argv, "--data", demo, NO_COLOR="1")
    assert no_color == (GOLDEN / plain).read_text(encoding="utf-8")


def test_list_reads_through_the_views_rules(demo: Path, run: Run) -> None:
    listed = run("list", "--data", demo)
    goals_part = listed.out.split("\n\n")[0].splitlines()
    assert goals_part[0] == "8 open goals"
    order = [int(line.split()[0]) for line in goals_part[2:]]
    assert order[0] == 1  # the long-horizon goal leads its tree
    assert "Run the incident review" not in listed.out  # achieved: listed with --all only
    assert "!2026-11-21" in listed.out  # an overdue milestone, marked as the app marks it
    every = run("list", "--all", "--data", demo).out
    assert "Run the incident review program for a quarter" in every


@pytest.mark.parametrize(
    ("argv", "wanted"),
    [
        (["list", "goals", "--horizon", "medium"], {"Lead the payments platform redesign"}),
        (["list", "--status", "dropped"], {"Learn to write Kubernetes operators"}),
        (["list", "people"], {"Priya Natarajan", "Marcus Chen"}),
        (["list", "learning", "--all"], {"AWS SA Professional exam prep"}),
        (["list", "milestones"], {"Draft the RFC"}),
    ],
)
def test_list_names_a_kind_and_filters(
    demo: Path, run: Run, argv: list[str], wanted: set[str]
) -> None:
    listed = run(*argv, "--data", demo)
    assert (listed.code, listed.err) == (0, "")
    assert all(text in listed.out for text in wanted), listed.out
    if "--horizon" in argv:
        assert "Speak at a major conference" in listed.out  # medium too
        assert "Become a staff engineer" not in listed.out  # long


def test_list_and_show_json_give_the_exports_record_shape(
    demo: Path, run: Run, seeded_store: Store
) -> None:
    exported = export_data(Store.open(demo))
    by_id = {
        table: {record["id"]: record for record in records}
        for table, records in exported.items()
        if isinstance(records, list)
    }
    listed = run("list", "--json", "--data", demo).json()
    assert listed["schema_version"] == exported["schema_version"]
    assert [g["id"] for g in listed["goals"]] == [1, 2, 3, 4, 5, 6, 7, 8]
    for table in ("goals", "milestones"):
        for record in listed[table]:
            assert record == by_id[table][record["id"]]
    shown = run("show", "--json", "6", "--data", demo).json()
    assert [g["id"] for g in shown["goals"]] == [6]
    assert {c["goal_id"] for c in shown["checkins"]} == {6}
    assert [i["id"] for i in shown["learning"]] == [1, 2]
    for table in ("goals", "milestones", "checkins", "learning"):
        for record in shown[table]:
            assert record == by_id[table][record["id"]]


def test_show_goal_id_is_show_id(demo: Path, run: Run) -> None:
    assert run("show", "goal", "1", "--data", demo).out == run("show", "#1", "--data", demo).out


# -- bad input: one sentence, exit 2, nothing written -------------------------------------
@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["show"], "the following arguments are required"),
        (["show", "99"], "there is no goal with id 99; list them with `growthtui list goals`"),
        (["show", "x"], "'x' is not a goal id"),
        (["show", "1", "2"], "show takes one goal id"),
        (["list", "people", "--horizon", "long"], "--horizon and --status choose goals"),
        (["list", "tasks"], "invalid choice: 'tasks'"),
        (["done", "milestone"], "the following arguments are required: ID"),
        (["done", "milestone", "2"], "milestone 2 is done already (on 2026-11-11)"),
        (["done", "milestone", "999"], "there is no milestone with id 999"),
        (["done", "learning", "3"], "learning item 3 is done already"),
        (["done", "learning", "99"], "there is no learning item with id 99"),
        (["done", "goal", "1"], "invalid choice: 'goal'"),
        (["checkin", "6"], "the following arguments are required: VALUE"),
        (["checkin", "6", "abc"], "'abc' is not a number"),
        (["checkin", "6", "nan"], "'nan' is not a number"),
        (["checkin", "6", "74,5"], "'74,5' is not a number (use a dot for decimals: 3.5)"),
        (["checkin", "6", "70", "--confidence", "7"], "'7' is not a confidence from 1 to 5"),
        (["checkin", "99", "70"], "there is no goal with id 99"),
        (["edit", "goal", "4", "--due", "2027-02-15"], "needs a reason, for its history"),
        (["edit", "goal", "4", "--title", "New", "--reason", " "], "needs a reason"),
        (["edit", "goal", "4"], "say what to change"),
        (["edit", "goal", "99", "--due", "+1m", "--reason", "x"], "there is no goal with id 99"),
        (["edit", "goal", "4", "--due", "someday", "--reason", "x"], "due date"),
        (["completion", "tcsh"], "invalid choice: 'tcsh'"),
    ],
)
def test_bad_input_is_one_sentence_exit_2_and_nothing_is_written(
    demo: Path, run: Run, files: Files, argv: list[str], said: str
) -> None:
    before = files(demo.parent)
    refused = run(*argv, "--data", demo)
    assert refused.code == 2, refused
    assert len(refused.err_lines) == 1 and refused.err.startswith("growthtui: "), refused.err
    assert said in refused.err
    assert refused.out == ""
    assert files(demo.parent) == before


def test_undo_with_nothing_to_undo_is_one_sentence(run: Run, store_path: Path) -> None:
    refused = run("undo", "--data", store_path)
    assert (refused.code, refused.err) == (
        2,
        "growthtui: nothing to undo: no change was recorded since\n",
    )


# -- good input ---------------------------------------------------------------------------
def _fresh(path: Path, today: dt.date) -> Store:
    return Store.open(path, today=lambda: today)


def test_done_milestone_ticks_it_off_today_and_undo_takes_it_back(
    demo: Path, run: Run, today: dt.date
) -> None:
    done = run("done", "milestone", "3", "--data", demo)
    assert (done.code, done.err) == (0, "")
    assert done.out.startswith("milestone 3 of goal 4 done on 2026-11-24: Draft the RFC")
    assert _fresh(demo, today).get(Milestone, 3).done_at == today
    undone = run("undo", "--data", demo)
    assert (undone.code, undone.out) == (0, "undid: edit milestone 3\n")
    assert _fresh(demo, today).get(Milestone, 3).done_at is None


def test_done_learning_finishes_the_item_today(demo: Path, run: Run, today: dt.date) -> None:
    done = run("done", "learning", "1", "--data", demo)
    assert (done.code, done.err) == (0, "")
    item = _fresh(demo, today).get(LearningItem, 1)
    assert (item.status, item.completed) == (LearningStatus.DONE, today)


def test_checkin_records_todays_value_and_moves_the_progress(
    demo: Path, run: Run, today: dt.date
) -> None:
    checked = run(
        "checkin", "6", "74.5", "--confidence", "4", "--note", "mock exam", "--data", demo
    )
    assert (checked.code, checked.err) == (0, "")
    assert checked.out.startswith("checked in on goal 6 (Pass the AWS")
    store = _fresh(demo, today)
    latest = store.list(CheckIn, goal_id=6)[-1]
    assert (latest.date, latest.value, latest.confidence, latest.note) == (
        today,
        74.5,
        4,
        "mock exam",
    )
    assert store.get(Goal, 6).measure.current == 74.5
    assert "now 74.5" in run("show", "6", "--data", demo).out


def test_edit_goal_keeps_the_reason_in_the_history(demo: Path, run: Run, today: dt.date) -> None:
    edited = run(
        "edit", "goal", "4", "--due", "2027-02-15", "--horizon", "medium",
        "--reason", "finance team late", "--data", demo,
    )  # fmt: skip
    assert (edited.code, edited.err) == (0, "")
    goal = _fresh(demo, today).get(Goal, 4)
    assert (goal.due, goal.horizon.value) == (dt.date(2027, 2, 15), "medium")
    reasons = {(change.field, change.reason) for change in goal.history}
    assert reasons == {("due", "finance team late"), ("horizon", "finance team late")}
    shown = run("show", "4", "--data", demo).out
    assert "due: 2027-01-13 → 2027-02-15 — finance team late" in shown


def test_edit_goal_without_a_tracked_field_needs_no_reason(
    demo: Path, run: Run, today: dt.date
) -> None:
    assert run("edit", "goal", "4", "--status", "paused", "--data", demo).code == 2
    unchanged = run("edit", "goal", "4", "--status", "active", "--data", demo)
    assert unchanged.code == 0  # no change at all: nothing to give a reason for
    assert _fresh(demo, today).get(Goal, 4).history == []


def test_undo_takes_back_a_goal_the_quick_write_added(
    run: Run, store: Store, today: dt.date
) -> None:
    assert store.path is not None
    store.add(Goal(title="First"))
    added = run("add", "goal", "Publish", "the", "blog", "post", "--data", store.path)
    assert added.out == "added goal 2: Publish the blog post\n"
    assert run("undo", "--data", store.path).out == "undid: add goal\n"
    assert not _fresh(store.path, today).has(Goal, 2)
    assert run("undo", "--data", store.path).out == "undid: add goal\n"
    assert _fresh(store.path, today).count(Goal) == 0


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_scripts_come_from_the_parser(run: Run, shell: str) -> None:
    script = run("completion", shell)
    assert (script.code, script.err) == (0, "")
    for word in ("growthtui", "checkin", "milestone", "--reason", "--horizon"):
        assert word in script.out, word


# -- the app sees what the shell did --------------------------------------------------------
async def test_a_change_made_from_the_shell_shows_in_an_open_app(demo: Path) -> None:
    from growthtui.settings import Settings
    from growthtui.ui.app import GrowthApp
    from growthtui.ui.glyphs import UNICODE
    from growthtui.ui.widgets.record_table import RecordTable

    app = GrowthApp(
        _fresh(demo, dt.date(2026, 11, 24)),
        Settings(),
        today=lambda: dt.date(2026, 11, 24),
        glyphs=UNICODE,
        poll=True,  # the app's own poll notices the other process's write
    )
    noticed = asyncio.Event()
    async with app.run_test(size=(100, 30)) as pilot:
        await app.show_goal(4)
        await pilot.pause()
        table = app.screen.query_one("#goals-table", RecordTable)
        first = app.revision
        app.watch(app, "revision", lambda value: value != first and noticed.set(), init=False)
        await asyncio.to_thread(
            _piped,
            "edit", "goal", "4", "--title", "Land the ledger RFC",
            "--reason", "shorter", "--data", demo,
        )  # fmt: skip
        await asyncio.wait_for(noticed.wait(), timeout=60)
        await pilot.pause()
        titles = [str(table.get_row(key)[0]) for key in table.row_keys()]
        assert any("Land the ledger RFC" in title for title in titles), titles


def _record(data: dict[str, Any], table: str, record_id: int) -> dict[str, Any]:
    return next(r for r in data[table] if r["id"] == record_id)


def test_json_is_the_same_record_the_export_writes(demo: Path, run: Run) -> None:
    exported = json.loads(run("export", "--data", demo).out)
    shown = run("show", "1", "--json", "--data", demo).json()
    assert _record(shown, "goals", 1) == _record(exported, "goals", 1)


# -- the quick read behind list -----------------------------------------------------------
@pytest.mark.parametrize(
    "argv",
    [
        ["list"],
        ["list", "--all"],
        ["list", "goals", "--horizon", "short"],
        ["list", "goals", "--status", "paused"],
        ["list", "milestones"],
        ["list", "milestones", "--all"],
    ],
)
@pytest.mark.parametrize("scale", [None, 1500])
def test_list_reads_a_sealed_file_without_pydantic_and_says_what_the_store_says(
    store: Store, today: dt.date, argv: list[str], scale: int | None
) -> None:
    from growthtui.services.seed import seed
    from growthtui.store.seal import seal_path

    seed(store, today, scale)
    assert store.path is not None
    probe = (
        "import sys\n"
        "from growthtui.launch import main\n"
        "code = main(sys.argv[1:])\n"
        "print('PYDANTIC', 'pydantic' in sys.modules, file=sys.stderr)\n"
        "raise SystemExit(code)\n"
    )
    command = [sys.executable, "-c", probe, *argv, "--data", str(store.path)]
    quick = subprocess.run(command, capture_output=True, env=_env(), check=True, timeout=120)
    assert b"PYDANTIC False" in quick.stderr  # the quick read took it
    Path(seal_path(store.path)).unlink()  # not sealed: the Store reads every record
    full = subprocess.run(command, capture_output=True, env=_env(), check=True, timeout=120)
    assert b"PYDANTIC True" in full.stderr
    assert quick.stdout == full.stdout
    assert quick.stdout.count(b"\n") >= 3  # a heading, the column names, a row at least


def test_edit_goal_warns_about_a_due_date_worth_a_second_look(demo: Path, run: Run) -> None:
    edited = run("edit", "goal", "4", "--due", "2026-11-01", "--reason", "late", "--data", demo)
    assert edited.code == 0
    assert edited.err == (
        "growthtui: warning: 2026-11-01 is in the past: right for a goal done already, "
        "else a later date; it was saved all the same\n"
    )
    renamed = run("edit", "goal", "4", "--title", "RFC", "--reason", "shorter", "--data", demo)
    assert (renamed.code, renamed.err) == (0, "")  # the due date did not change
