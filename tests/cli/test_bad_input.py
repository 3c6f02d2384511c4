"""Bad input: exit 2, one line on stderr saying what is wrong and what to do, nothing written.

Each case runs twice: against a store that holds a goal (its bytes must not change) and
against a store file that does not exist yet (no file may appear).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from growthtui.domain.goals import Goal, Milestone
from growthtui.store.repository import Store

if TYPE_CHECKING:  # fixtures' types, from tests/cli/conftest.py
    from conftest import Files, Run


@dataclass(frozen=True)
class Case:
    id: str
    argv: tuple[str, ...]
    what: str
    """A fragment saying what was wrong."""
    todo: str
    """A fragment saying what to do."""


CASES = [
    # dates
    Case("goal due not a real day", ("add", "goal", "G", "--due", "2026-02-30"),
         "'2026-02-30' is not a real date", "check the month"),
    Case("goal due gibberish", ("add", "goal", "G", "--due", "tomorrowish"),
         "'tomorrowish' is not a date", "YYYY-MM-DD"),
    Case("milestone due not a real day", ("add", "milestone", "1", "M", "--due", "2026-02-30"),
         "'2026-02-30' is not a real date", "check the month"),
    Case("milestone due gibberish", ("add", "milestone", "1", "M", "--due", "tomorrowish"),
         "'tomorrowish' is not a date", "YYYY-MM-DD"),
    Case("date with a line break", ("add", "goal", "G", "--due", "next\nweek"),
         "is not a date", "YYYY-MM-DD"),
    Case("log date gibberish", ("log", "Won", "--date", "tomorrowish"),
         "'tomorrowish' is not a date", "YYYY-MM-DD"),
    # empty titles and texts
    Case("goal title empty", ("add", "goal", ""), "needs a title", "type at least one"),
    Case("goal title blank", ("add", "goal", "   "), "needs a title", "type at least one"),
    Case("milestone title blank", ("add", "milestone", "1", " \t", "--due", "2027-01-01"),
         "needs a title", "type at least one"),
    Case("log text blank", ("log", "  "), "needs a text", "type at least one"),
    # ids
    Case("milestone for unknown goal", ("add", "milestone", "99", "M", "--due", "2027-01-01"),
         "no goal with id 99", "list them"),
    Case("milestone for unknown #goal", ("add", "milestone", "#99", "M", "--due", "2027-01-01"),
         "no goal with id 99", "list them"),
    Case("log for unknown goal", ("log", "Won", "--goal", "99"), "no goal with id 99",
         "list them"),
    Case("log for unknown #goal", ("log", "Won", "--goal", "#99"), "no goal with id 99",
         "list them"),
    Case("goal id not a number", ("add", "milestone", "abc", "M", "--due", "2027-01-01"),
         "'abc' is not a goal id", "use the number shown"),
    Case("goal id zero", ("log", "Won", "--goal", "0"), "'0' is not a goal id",
         "ids start at 1"),
    # choices and numbers
    Case("unknown export format", ("export", "--format", "xml"), "invalid choice: 'xml'",
         "json"),
    Case("unknown horizon", ("add", "goal", "G", "--horizon", "someday"),
         "invalid choice: 'someday'", "short"),
    Case("unknown import source", ("import", "x.json", "--from", "excel"),
         "invalid choice: 'excel'", "taskwarrior"),
    Case("negative scale", ("seed", "--scale", "-5"), "'-5' must not be negative",
         "growthtui seed --help"),
    Case("scale not a number", ("seed", "--scale", "lots"), "'lots' is not a whole number",
         "growthtui seed --help"),
    Case("scale too big", ("seed", "--scale", "5000000"), "5000000", "between 0 and"),
    Case("negative days", ("agenda", "--days", "-1"), "'-1' must not be negative",
         "growthtui agenda --help"),
    Case("days not a number", ("agenda", "--days", "week"), "'week' is not a whole number",
         "growthtui agenda --help"),
    # the shape of the command
    Case("unknown subcommand", ("frobnicate",), "invalid choice: 'frobnicate'",
         "growthtui --help"),
    Case("add without a kind", ("add",), "required: KIND", "growthtui add --help"),
    Case("add goal without a title", ("add", "goal"), "required: TITLE",
         "growthtui add goal --help"),
    Case("milestone without due", ("add", "milestone", "1", "M"), "required: --due",
         "growthtui add milestone --help"),
    Case("milestone without title", ("add", "milestone", "1"), "required: TITLE",
         "growthtui add milestone --help"),
    Case("log without text", ("log",), "required: TEXT", "growthtui log --help"),
    Case("import without file", ("import",), "required: FILE", "growthtui import --help"),
    Case("unknown option", ("export", "--colour"), "unrecognized arguments: --colour",
         "growthtui --help"),
    Case("a double dash as a value", ("agenda", "--days=--"), "--days needs a value",
         "growthtui --help"),
    Case("a double dash as a scale", ("seed", "--scale=--"), "--scale needs a value",
         "growthtui --help"),
    # files
    Case("import missing file", ("import", "{tmp}/nowhere.json"), "there is no file",
         "check the path"),
    Case("import a folder", ("import", "{tmp}/inputs"), "is a folder", "path of a file"),
    Case("import not json", ("import", "{tmp}/inputs/notes.txt"), "is not valid JSON",
         "right file"),
    Case("import a json list", ("import", "{tmp}/inputs/list.json"),
         "is not a growthtui JSON export", "schema_version"),
    Case("import json without version", ("import", "{tmp}/inputs/other.json"),
         "has no 'schema_version'", "growthtui JSON export"),
    Case("import a newer export", ("import", "{tmp}/inputs/newer.json"),
         "newer growthtui", "upgrade growthtui"),
    Case("import taskwarrior json as ours", ("import", "{tmp}/inputs/tasks.json"),
         "looks like a taskwarrior export", "--from taskwarrior"),
    Case("import text as taskwarrior", ("import", "{tmp}/inputs/notes.txt", "--from",
         "taskwarrior"), "not a task", "task export"),
    Case("import a record without id", ("import", "{tmp}/inputs/no_id.json"),
         "goals[0]", "positive whole number"),
    Case("import a dangling link", ("import", "{tmp}/inputs/dangling.json"),
         "no goal with id 42", "existing goal"),
    Case("export into a missing folder", ("export", "-o", "{tmp}/missing/export.json"),
         "does not exist", "create it"),
    Case("export onto a folder", ("export", "-o", "{tmp}/inputs"), "is a folder",
         "name a file"),
    Case("data is blank", ("agenda", "--data", " "), "argument --data",
         "path of a data file"),
    Case("data is a folder", ("add", "goal", "G", "--data", "{tmp}/inputs"), "is a folder",
         "path of a data file"),
]  # fmt: skip


TASK = {
    "uuid": "6f1c1f4e-7d2a-4a55-9c1e-1f2b3c4d5e6f",
    "description": "Learn Rust",
    "status": "pending",
    "entry": "20260101T000000Z",
}


def write_inputs(folder: Path) -> None:
    """Files a person might wrongly hand to `import`."""
    folder.mkdir()
    (folder / "notes.txt").write_text("Remember to ask Priya about the RFC\n")
    (folder / "list.json").write_text("[1, 2, 3]\n")
    (folder / "other.json").write_text('{"name": "package.json, maybe"}\n')
    (folder / "newer.json").write_text('{"schema_version": 999, "goals": []}\n')
    (folder / "tasks.json").write_text(json.dumps([TASK]))
    (folder / "no_id.json").write_text(json.dumps({"schema_version": 1, "goals": [{"title": "x"}]}))
    (folder / "dangling.json").write_text(
        json.dumps(
            {
                "schema_version": 1,
                "milestones": [{"id": 7, "goal_id": 42, "title": "M", "due": "2027-01-01"}],
            }
        )
    )


def argv_for(case: Case, tmp_path: Path, data: Path) -> list[str]:
    argv = [arg.replace("{tmp}", str(tmp_path)) for arg in case.argv]
    return argv if "--data" in argv else [*argv, "--data", str(data)]


def assert_refused(result_code: int, err: str, out: str, case: Case) -> None:
    assert result_code == 2, (out, err)
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("growthtui: ")
    assert "Traceback" not in err
    assert case.what in lines[0], lines[0]
    assert case.todo in lines[0], lines[0]
    assert out == ""


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_refused_on_a_store_with_data_which_stays_byte_for_byte(
    run: Run, files: Files, tmp_path: Path, store: Store, case: Case
) -> None:
    write_inputs(tmp_path / "inputs")
    goal = store.add(Goal.build(title="Become a staff engineer", horizon="long"))
    store.add(Milestone.build(goal_id=goal.id, title="Write the RFC", due="2026-12-15"))
    assert store.path is not None
    before = files(tmp_path)

    result = run(*argv_for(case, tmp_path, store.path))

    assert_refused(result.code, result.err, result.out, case)
    assert files(tmp_path) == before


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_refused_without_a_store_and_no_file_appears(
    run: Run, files: Files, tmp_path: Path, case: Case
) -> None:
    write_inputs(tmp_path / "inputs")
    before = files(tmp_path)

    result = run(*argv_for(case, tmp_path, tmp_path / "data" / "growth.json"))

    assert_refused(result.code, result.err, result.out, case)
    assert files(tmp_path) == before
    assert not (tmp_path / "data").exists()


def test_seed_into_a_store_with_data_is_refused(
    run: Run, files: Files, tmp_path: Path, store: Store
) -> None:
    store.add(Goal.build(title="Mine", horizon="short"))
    assert store.path is not None
    before = files(tmp_path)
    result = run("seed", "--scale", "1000", "--data", store.path)
    assert result.code == 2
    assert len(result.err_lines) == 1
    assert str(store.path) in result.err
    assert files(tmp_path) == before


def test_export_onto_the_data_file_itself_is_refused(
    run: Run, files: Files, tmp_path: Path, store: Store
) -> None:
    store.add(Goal.build(title="Mine", horizon="short"))
    assert store.path is not None
    before = files(tmp_path)
    result = run("export", "-o", store.path, "--data", store.path)
    assert result.code == 2
    assert len(result.err_lines) == 1
    assert "is the data file itself" in result.err
    assert files(tmp_path) == before
    assert run("export", "--data", store.path).json()["goals"][0]["title"] == "Mine"


@pytest.mark.parametrize(
    "argv",
    [("add", "goal", "G"), ("log", "Won"), ("agenda",), ("export",), ("seed",)],
    ids=lambda argv: argv[0],
)
def test_a_corrupt_store_is_refused_naming_the_file_and_left_untouched(
    run: Run, files: Files, store_path: Path, argv: tuple[str, ...]
) -> None:
    store_path.write_text('{"goals": {"1": {"title": "half a fi')
    before = files(store_path.parent)
    result = run(*argv, "--data", store_path)
    assert result.code == 2
    assert len(result.err_lines) == 1
    assert str(store_path) in result.err
    assert "Traceback" not in result.err
    assert files(store_path.parent) == before


def test_a_bad_pinned_today_is_bad_input(
    run: Run, store_path: Path, monkeypatch: pytest.MonkeyPatch, files: Files
) -> None:
    monkeypatch.setenv("GROWTHTUI_TODAY", "2026-13-01")
    result = run("add", "goal", "G", "--data", store_path)
    assert result.code == 2
    assert len(result.err_lines) == 1
    assert "GROWTHTUI_TODAY" in result.err and "YYYY-MM-DD" in result.err
    assert files(store_path.parent) == {}


def test_a_bug_is_one_line_and_exit_1_unless_debugging(
    run: Run, store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import growthtui.services.agenda as agenda

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the agenda fell over")

    monkeypatch.setattr(agenda, "build_agenda", broken)
    result = run("agenda", "--data", store_path)
    assert result.code == 1
    assert len(result.err_lines) == 1
    assert "the agenda fell over" in result.err
    assert "GROWTHTUI_DEBUG=1" in result.err
    assert "Traceback" not in result.err

    monkeypatch.setenv("GROWTHTUI_DEBUG", "1")
    with pytest.raises(RuntimeError, match="the agenda fell over"):
        run("agenda", "--data", store_path)


def test_a_folder_where_the_lock_file_goes_is_named_and_nothing_is_written(
    run: Run, files: Files, tmp_path: Path, store: Store
) -> None:
    store.add(Goal.build(title="Mine", horizon="short"))
    assert store.path is not None
    lock = store.path.with_name(store.path.name + ".lock")
    lock.unlink(missing_ok=True)
    lock.mkdir()
    before = files(tmp_path)
    result = run("add", "goal", "Another", "--data", store.path)
    assert result.code == 2
    assert result.err_lines == [
        f"growthtui: cannot open the lock file {lock}: it is a folder; move it aside "
        f"(`mv '{lock}' '{lock}.old'`), then try again; nothing was changed"
    ]
    assert files(tmp_path) == before
