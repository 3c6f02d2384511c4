"""Every subcommand of the command line, used the way a person would."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from growthtui import __version__
from growthtui.domain.entities import ENTITIES

if TYPE_CHECKING:  # fixtures' types, from tests/cli/conftest.py
    from conftest import Files, Run

SUBCOMMANDS = (
    *("add", "log", "checkin", "done", "edit", "undo", "list", "show"),
    *("agenda", "export", "import", "seed", "sync", "completion"),
)


def added_id(out: str, kind: str) -> str:
    """The id `add` printed, as a person would copy it."""
    match = re.search(rf"added {kind} (\d+)\b", out)
    assert match, out
    return match.group(1)


def exported(run: Run, data: Path) -> dict[str, Any]:
    result = run("export", "--format", "json", "--data", data)
    assert result.code == 0, result.err
    parsed: dict[str, Any] = result.json()
    return parsed


# -- --version and --help --------------------------------------------------------------
def test_version_prints_the_package_version(run: Run) -> None:
    result = run("--version")
    assert result.code == 0
    assert result.out.strip() == f"growthtui {__version__}"


def test_help_lists_every_subcommand_and_the_global_options(run: Run) -> None:
    result = run("--help")
    assert result.code == 0
    assert result.err == ""
    for word in (*SUBCOMMANDS, "--data", "--demo", "--version"):
        assert word in result.out


@pytest.mark.parametrize(
    "argv",
    [
        ["add", "--help"],
        ["add", "goal", "--help"],
        ["add", "milestone", "--help"],
        *([name, "--help"] for name in SUBCOMMANDS if name != "add"),
    ],
    ids=lambda argv: " ".join(argv),
)
def test_every_subcommand_has_help_that_mentions_data(run: Run, argv: list[str]) -> None:
    result = run(*argv)
    assert result.code == 0
    assert "--data" in result.out


# -- add ---------------------------------------------------------------------------------
def test_add_goal_prints_a_short_id_and_stores_the_goal(run: Run, store_path: Path) -> None:
    result = run(
        "add", "goal", "Become a staff engineer", "--horizon", "long", "--due", "2031-06-30",
        "--data", store_path,
    )  # fmt: skip
    assert result.code == 0, result.err
    assert result.err == ""
    goal_id = added_id(result.out, "goal")
    assert goal_id == "1", "the id is the record's small integer id, easy to type"
    [goal] = exported(run, store_path)["goals"]
    assert goal["id"] == 1
    assert goal["title"] == "Become a staff engineer"
    assert goal["horizon"] == "long"
    assert goal["due"] == "2031-06-30"


def test_add_goal_defaults_to_short_horizon_and_no_due(run: Run, store_path: Path) -> None:
    assert run("add", "goal", "Pass the AWS exam", "--data", store_path).code == 0
    [goal] = exported(run, store_path)["goals"]
    assert (goal["horizon"], goal["due"]) == ("short", None)


def test_each_added_goal_gets_the_next_id(run: Run, store_path: Path) -> None:
    outputs = [run("add", "goal", f"Goal {n}", "--data", store_path).out for n in (1, 2, 3)]
    ids = [added_id(out, "goal") for out in outputs]
    assert ids == ["1", "2", "3"]


@pytest.mark.parametrize("typed", ["{id}", "#{id}"], ids=["plain", "hash"])
def test_add_milestone_to_the_id_that_add_goal_printed(
    run: Run, store_path: Path, typed: str
) -> None:
    run("add", "goal", "Warm-up goal", "--data", store_path)
    goal_id = added_id(run("add", "goal", "Write the RFC", "--data", store_path).out, "goal")
    result = run(
        "add", "milestone", typed.format(id=goal_id), "First draft", "--due", "2026-12-15",
        "--data", store_path,
    )  # fmt: skip
    assert result.code == 0, result.err
    assert "Write the RFC" in result.out
    [milestone] = exported(run, store_path)["milestones"]
    assert milestone["goal_id"] == int(goal_id) == 2
    assert (milestone["title"], milestone["due"]) == ("First draft", "2026-12-15")


def test_add_milestone_reads_relative_dates_from_today(
    run: Run, store_path: Path, today: dt.date
) -> None:
    run("add", "goal", "Ship it", "--data", store_path)
    assert run("add", "milestone", "1", "Soon", "--due", "tomorrow", "--data", store_path).code == 0
    [milestone] = exported(run, store_path)["milestones"]
    assert milestone["due"] == (today + dt.timedelta(days=1)).isoformat()


# -- log ---------------------------------------------------------------------------------
def test_log_without_a_goal_records_a_win_today(run: Run, store_path: Path, today: dt.date) -> None:
    result = run("log", "Fixed the flaky deploy", "--data", store_path)
    assert result.code == 0, result.err
    [evidence] = exported(run, store_path)["evidence"]
    assert evidence["text"] == "Fixed the flaky deploy"
    assert evidence["date"] == today.isoformat()
    assert evidence["kind"] == "win"
    assert evidence["goal_ids"] == []


@pytest.mark.parametrize("typed", ["1", "#1"])
def test_log_with_a_goal_links_the_evidence(run: Run, store_path: Path, typed: str) -> None:
    run("add", "goal", "Lead incident reviews", "--data", store_path)
    result = run(
        "log", "Led the incident review for the March outage", "--goal", typed,
        "--data", store_path,
    )  # fmt: skip
    assert result.code == 0, result.err
    assert "goal 1" in result.out
    [evidence] = exported(run, store_path)["evidence"]
    assert evidence["goal_ids"] == [1]


def test_log_with_a_date_records_that_day(run: Run, store_path: Path) -> None:
    assert run("log", "Gave a talk", "--date", "2026-11-02", "--data", store_path).code == 0
    [evidence] = exported(run, store_path)["evidence"]
    assert evidence["date"] == "2026-11-02"


# -- seed --------------------------------------------------------------------------------
def test_seed_fills_an_empty_store_with_a_believable_person(run: Run, store_path: Path) -> None:
    result = run("seed", "--data", store_path)
    assert result.code == 0, result.err
    data = exported(run, store_path)
    for table in ("profile", "goals", "milestones", "people", "interactions", "evidence"):
        assert data[table], f"the sample person has {table}"
    total = sum(len(v) for v in data.values() if isinstance(v, list))
    assert str(total) in result.out, "seed says how many records it wrote"


@pytest.mark.parametrize("scale", [1000, 3000])
def test_seed_scale_writes_about_n_records(run: Run, store_path: Path, scale: int) -> None:
    assert run("seed", "--scale", str(scale), "--data", store_path).code == 0
    data = exported(run, store_path)
    total = sum(len(v) for v in data.values() if isinstance(v, list))
    assert abs(total - scale) <= scale * 0.03, total


def test_seed_refuses_a_store_that_has_records_and_writes_nothing(
    run: Run, store_path: Path, files: Files
) -> None:
    run("add", "goal", "My own goal", "--data", store_path)
    before = files(store_path.parent)
    result = run("seed", "--data", store_path)
    assert result.code == 2
    assert len(result.err_lines) == 1
    assert "already has records" in result.err and "--data" in result.err
    assert files(store_path.parent) == before


# -- agenda ------------------------------------------------------------------------------
def test_agenda_shows_its_sections_for_the_sample_person(run: Run, store_path: Path) -> None:
    run("seed", "--data", store_path)
    result = run("agenda", "--days", "14", "--data", store_path)
    assert result.code == 0, result.err
    text = result.out.lower()
    for section in ("overdue", "follow-up", "review"):
        assert section in text
    assert "\x1b[" not in result.out, "no colour codes when stdout is not a terminal"


def test_agenda_on_a_missing_store_says_nothing_is_due_and_creates_nothing(
    run: Run, tmp_path: Path, files: Files
) -> None:
    result = run("agenda", "--data", tmp_path / "none.json")
    assert result.code == 0, result.err
    assert "review" in result.out.lower()
    assert files(tmp_path) == {}


# -- export ------------------------------------------------------------------------------
def test_export_json_is_one_object_with_one_list_per_entity(run: Run, store_path: Path) -> None:
    run("seed", "--data", store_path)
    data = exported(run, store_path)
    assert isinstance(data["schema_version"], int)
    assert set(data) == {"schema_version"} | {model.table for model in ENTITIES}
    assert {"goals", "milestones"} <= set(data)
    for table, records in data.items():
        if table == "schema_version":
            continue
        assert isinstance(records, list)
        ids = [record["id"] for record in records]
        assert all(isinstance(i, int) and i > 0 for i in ids), table
        assert len(set(ids)) == len(ids), f"ids in {table} are unique"


def test_export_format_defaults_to_json(run: Run, store_path: Path) -> None:
    run("add", "goal", "A goal", "--data", store_path)
    assert (
        run("export", "--data", store_path).out
        == run("export", "--format", "json", "--data", store_path).out
    )


def test_export_to_a_file_writes_what_stdout_would_show(run: Run, tmp_path: Path) -> None:
    data = tmp_path / "growth.json"
    run("seed", "--data", data)
    target = tmp_path / "export.json"
    result = run("export", "--format", "json", "-o", target, "--data", data)
    assert result.code == 0, result.err
    assert result.out == "", "the export went to the file, not the terminal"
    assert str(target) in result.err
    assert target.read_text(encoding="utf-8") == run("export", "--data", data).out


def test_export_dash_means_stdout(run: Run, store_path: Path, tmp_path: Path) -> None:
    run("add", "goal", "A goal", "--data", store_path)
    result = run("export", "-o", "-", "--data", store_path)
    assert result.code == 0
    assert result.json()["goals"][0]["title"] == "A goal"
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize("fmt", ["json", "md", "csv", "ics"])
def test_every_export_format_of_the_contract_is_accepted(
    run: Run, store_path: Path, tmp_path: Path, fmt: str
) -> None:
    run("seed", "--data", store_path)
    shown = run("export", "--format", fmt, "--data", store_path)
    assert shown.code == 0, shown.err
    assert shown.out.strip()
    target = tmp_path / f"report.{fmt}"
    written = run("export", "--format", fmt, "-o", target, "--data", store_path)
    assert written.code == 0, written.err
    assert target.read_bytes() == shown.out.encode("utf-8")


# -- import ------------------------------------------------------------------------------
def test_import_of_an_export_into_an_empty_store_round_trips_byte_for_byte(
    run: Run, tmp_path: Path
) -> None:
    original = tmp_path / "original.json"
    run("seed", "--data", original)
    run("add", "goal", "Naïve café goal — with “quotes”", "--data", original)
    run("log", "Ünïcode win", "--goal", "#1", "--data", original)
    export_file = tmp_path / "export.json"
    assert run("export", "-o", export_file, "--data", original).code == 0

    copy = tmp_path / "copy.json"
    result = run("import", export_file, "--data", copy)
    assert result.code == 0, result.err
    assert run("export", "--data", copy).out.encode("utf-8") == export_file.read_bytes()

    again = run("import", export_file, "--data", copy)
    assert again.code == 0, "importing the same export twice is harmless"
    assert run("export", "--data", copy).out.encode("utf-8") == export_file.read_bytes()


def test_imported_store_accepts_new_records_after_the_imported_ids(
    run: Run, tmp_path: Path
) -> None:
    original = tmp_path / "original.json"
    run("seed", "--data", original)
    export_file = tmp_path / "export.json"
    run("export", "-o", export_file, "--data", original)
    copy = tmp_path / "copy.json"
    run("import", export_file, "--data", copy)
    highest = max(goal["id"] for goal in exported(run, copy)["goals"])
    result = run("add", "goal", "Next goal", "--data", copy)
    assert added_id(result.out, "goal") == str(highest + 1)


def test_import_from_taskwarrior_into_a_new_store(run: Run, tmp_path: Path) -> None:
    tasks = tmp_path / "tasks.json"
    tasks.write_text(
        json.dumps(
            [
                {
                    "uuid": "6f1c1f4e-7d2a-4a55-9c1e-1f2b3c4d5e6f",
                    "description": "Learn Rust",
                    "status": "pending",
                    "entry": "20260101T000000Z",
                }
            ]
        )
    )
    data = tmp_path / "growth.json"
    first = run("import", tasks, "--from", "taskwarrior", "--data", data)
    assert first.code == 0, first.err
    assert "1 added" in first.out
    before = run("export", "--data", data).out
    second = run("import", tasks, "--from", "taskwarrior", "--data", data)
    assert second.code == 0, second.err
    assert run("export", "--data", data).out == before, "importing twice adds nothing"
