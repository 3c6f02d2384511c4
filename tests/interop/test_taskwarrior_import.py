"""Importing `task export` output (made by a real taskwarrior 2.6, see fixtures/)."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from growthtui.domain.errors import InvalidInput
from growthtui.domain.goals import Goal
from growthtui.domain.kinds import GoalStatus, Horizon
from growthtui.interop.formats import import_file
from growthtui.interop.taskwarrior import (
    PROJECT_PREFIX,
    TaskwarriorReport,
    import_taskwarrior,
    parse_export,
)
from growthtui.store.repository import Store

FIXTURES = Path(__file__).parent / "fixtures"
ARRAY = FIXTURES / "taskwarrior_export.json"
LINES = FIXTURES / "taskwarrior_export.jsonl"
BERLIN = ZoneInfo("Europe/Berlin")
"""Where the fixture's tasks were entered: their dates are local dates there."""


def _tasks(path: Path = ARRAY) -> list[dict[str, Any]]:
    return parse_export(path.read_text(encoding="utf-8"), path.name)


def _import(store: Store, tasks: list[dict[str, Any]]) -> TaskwarriorReport:
    return import_taskwarrior(store, tasks, "tasks.json", tz=BERLIN)


def _by_title(store: Store) -> dict[str, Goal]:
    goals = store.list(Goal)
    titles = [g.title for g in goals]
    assert len(titles) == len(set(titles)), f"duplicated goals: {titles}"
    return {g.title: g for g in goals}


def _task(tasks: list[dict[str, Any]], description: str) -> dict[str, Any]:
    """The task itself, not one of the occurrences of a recurring task."""
    return next(t for t in tasks if t["description"] == description and "parent" not in t)


def test_tasks_become_goals_with_their_status_due_date_tags_and_notes(
    memory_store: Store,
) -> None:
    tasks = _tasks()
    report = _import(memory_store, tasks)
    goals = _by_title(memory_store)

    rfc = goals["Draft the ledger-service RFC"]
    assert rfc.status is GoalStatus.ACTIVE
    assert rfc.due == dt.date(2026, 12, 15)  # entered as due:2026-12-15 in Berlin
    assert rfc.tags == ["design", "writing"]
    assert "Priya offered to review the failure-mode section" in rfc.notes
    assert "Outline agreed with the architecture group" in rfc.notes
    assert rfc.external_id == _task(tasks, "Draft the ledger-service RFC")["uuid"]

    done = goals["Migrate team 1 to the ledger service"]
    assert done.status is GoalStatus.ACHIEVED
    assert done.history[-1].new == "achieved"
    assert "Zero downtime, no incidents" in done.notes
    assert goals["Give talk 1: ledger consistency"].status is GoalStatus.ACHIEVED

    waiting = goals["Ask Marcus for a second mentee"]  # has a wait date: hidden in taskwarrior
    assert waiting.status is GoalStatus.ACTIVE
    assert waiting.due == dt.date(2026, 12, 5)
    assert goals["Read Designing Data-Intensive Applications, part 3"].due is None
    assert goals["Write the quarterly brag document | wins & lessons"].tags == ["review"]

    assert "Learn Kubernetes operators" not in goals  # deleted in taskwarrior
    assert report.deleted == 1


def test_a_recurring_task_is_one_goal_due_on_its_next_occurrence(memory_store: Store) -> None:
    tasks = _tasks()
    report = _import(memory_store, tasks)
    series = [g for g in memory_store.list(Goal) if g.title.startswith("Prepare the fortnightly")]
    assert len(series) == 1
    template = next(t for t in tasks if t["status"] == "recurring")
    assert series[0].external_id == template["uuid"]
    assert series[0].due == dt.date(2026, 11, 20)  # the earliest occurrence still pending
    assert "Repeats weekly" in series[0].notes
    assert report.occurrences == 2


def test_projects_become_parent_goals_nested_by_their_dots(memory_store: Store) -> None:
    _import(memory_store, _tasks())
    goals = _by_title(memory_store)
    career, staff, cert = goals["career"], goals["staff"], goals["cert"]
    assert career.parent_id is None and career.horizon is Horizon.LONG
    assert staff.parent_id == career.id and staff.horizon is Horizon.MEDIUM
    assert cert.parent_id == career.id
    assert staff.external_id == PROJECT_PREFIX + "career.staff"
    assert goals["Draft the ledger-service RFC"].parent_id == staff.id
    assert goals["Migrate team 1 to the ledger service"].parent_id == staff.id
    assert goals["Book the AWS exam"].parent_id == cert.id
    assert goals["Ask Marcus for a second mentee"].parent_id == career.id
    assert goals["Prepare the fortnightly 1:1 with Lena"].parent_id == goals["mentoring"].id
    assert goals["Read Designing Data-Intensive Applications, part 3"].parent_id is None


def test_importing_the_same_export_again_adds_nothing(memory_store: Store) -> None:
    first = _import(memory_store, _tasks())
    before = memory_store.list(Goal)
    second = _import(memory_store, _tasks())
    assert first.added == len(before) == 14  # 8 tasks, 1 recurring series, 5 projects
    assert (second.added, second.updated, second.skipped) == (0, 0, len(before))
    assert memory_store.list(Goal) == before
    assert second.describe() == (
        "0 added, 0 updated, 14 unchanged; left out 1 deleted task, "
        "2 occurrences of recurring tasks"
    )


def test_one_object_per_line_reads_the_same_as_the_array(memory_store: Store) -> None:
    assert _tasks(LINES) == _tasks(ARRAY)
    _import(memory_store, _tasks(ARRAY))
    again = _import(memory_store, _tasks(LINES))
    assert again.added == 0


def test_a_newer_export_updates_the_goals_and_keeps_what_was_planned_here(
    memory_store: Store,
) -> None:
    tasks = _tasks()
    _import(memory_store, tasks)
    rfc = _by_title(memory_store)["Draft the ledger-service RFC"]
    memory_store.update(rfc.edit(specific="Publish the RFC and get architecture sign-off"))

    newer = copy.deepcopy(tasks)
    task = next(t for t in newer if t["uuid"] == rfc.external_id)
    task.update(status="completed", end="20261130T100000Z", tags=[*task["tags"], "rfc"])
    task["annotations"].append({"entry": "20261130T100000Z", "description": "Signed off"})
    report = _import(memory_store, newer)

    assert (report.added, report.updated) == (0, 1)
    goal = memory_store.get(Goal, rfc.id or 0)
    assert goal.status is GoalStatus.ACHIEVED
    assert goal.history[-1].reason == "changed in taskwarrior"
    assert goal.specific == "Publish the RFC and get architecture sign-off"
    assert goal.tags == ["design", "writing", "rfc"]
    assert goal.notes.count("Priya offered to review") == 1
    assert goal.notes.endswith("2026-11-30: Signed off")


def test_older_taskwarrior_statuses_and_unknown_fields_are_fine(memory_store: Store) -> None:
    # Hand-written in the shape of taskwarrior 2.5 (status "waiting") plus a user-defined
    # attribute growthtui knows nothing about.
    tasks: list[dict[str, Any]] = [
        {
            "uuid": "0b1c3d4e-0000-4000-8000-000000000001",
            "description": "Book the conference hotel",
            "status": "waiting",
            "wait": "20261201T000000Z",
            "due": "20261210T000000Z",
            "estimate": "2h",
            "weird": {"nested": [1, 2]},
        },
        {"uuid": "0b1c3d4e-0000-4000-8000-000000000002", "description": "x", "status": "zombie"},
    ]
    report = _import(memory_store, tasks)
    (goal,) = memory_store.list(Goal)
    assert goal.title == "Book the conference hotel" and goal.status is GoalStatus.ACTIVE
    assert report.unknown_status == 1


def test_dates_are_the_local_dates_the_person_entered(memory_store: Store) -> None:
    tasks = [
        {
            "uuid": "u-1",
            "description": "Late-evening deadline",
            "status": "pending",
            "due": "20261214T230000Z",
        }
    ]
    import_taskwarrior(memory_store, tasks, tz=ZoneInfo("America/New_York"))
    assert memory_store.list(Goal)[0].due == dt.date(2026, 12, 14)
    memory_store.delete(Goal, memory_store.list(Goal)[0].id or 0)
    import_taskwarrior(memory_store, tasks, tz=BERLIN)
    assert memory_store.list(Goal)[0].due == dt.date(2026, 12, 15)


def test_the_import_command_path_reads_the_file(memory_store: Store) -> None:
    report = import_file(memory_store, ARRAY, "taskwarrior")
    assert report.added == 14
    assert "left out 1 deleted task" in report.describe()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "line 1 of bad.json is not a task in JSON"),
        ('{"schema_version": 1, "goals": []}', "growthtui JSON export.*--from json"),
        ('[{"description": "no uuid", "status": "pending"}]', "task 1 of bad.json has no uuid"),
        (
            '[{"uuid": "u", "status": "pending", "due": "soon", "description": "d"}]',
            "'due' of task u in bad.json is not a taskwarrior date",
        ),
        ("[1, 2]", "item 1 of bad.json is not a task"),
    ],
)
def test_files_that_are_not_task_exports_are_refused_clearly(
    memory_store: Store, tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InvalidInput, match=message):
        import_taskwarrior(memory_store, parse_export(content, path.name), path.name)
    assert memory_store.is_empty()


def test_an_empty_export_imports_nothing(memory_store: Store) -> None:
    assert parse_export("[]\n") == []
    assert parse_export("") == []
    report = import_taskwarrior(memory_store, [])
    assert report.describe() == "0 added, 0 updated, 0 unchanged"


def test_an_import_is_one_write_and_one_undo(memory_store: Store) -> None:
    """Projects are merged before the goals under them, but it is all one change."""
    kept = memory_store.add(Goal(title="Planned here"))
    writes = memory_store.revision[1]
    report = _import(memory_store, _tasks())
    assert report.added == 14
    assert memory_store.revision[1] == writes + 1
    assert memory_store.undo_description() == "import tasks.json from taskwarrior"
    memory_store.undo()
    assert memory_store.list(Goal) == [kept]


@pytest.mark.parametrize(
    ("due", "zone", "expected"),
    [
        ("99991231T230000Z", "Pacific/Kiritimati", dt.date.max),  # 10000-01-01 there
        ("99991231T230000Z", "America/New_York", dt.date(9999, 12, 31)),
        ("00010101T010000Z", "America/New_York", dt.date.min),  # before year 1 there
    ],
)
def test_a_due_date_at_the_ends_of_the_calendar_is_imported(
    memory_store: Store, due: str, zone: str, expected: dt.date
) -> None:
    task = {"uuid": "a-1", "description": "Some day", "status": "pending", "due": due}
    report = import_taskwarrior(memory_store, [task], "tasks.json", tz=ZoneInfo(zone))
    assert report.added == 1
    assert memory_store.list(Goal)[0].due == expected
