"""Which importer a file goes to when the app is only given its path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from growthtui.domain.goals import Goal
from growthtui.interop.formats import export_text, import_format_of
from growthtui.store.repository import Store

TASK = {"uuid": "a-1", "description": "Write the RFC", "status": "pending"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (json.dumps([TASK]), "taskwarrior"),  # `task export` (2.6+): an array
        (json.dumps(TASK) + "\n" + json.dumps(TASK | {"uuid": "a-2"}), "taskwarrior"),  # per line
        (json.dumps(TASK) + ",\n" + json.dumps(TASK | {"uuid": "a-2"}), "taskwarrior"),
        ("[]", "taskwarrior"),  # an empty task list: nothing to import, said so
        (json.dumps(TASK), "taskwarrior"),
        ('{"schema_version": 1, "goals": []}', "json"),
        ("not json at all", "json"),  # the json import says what is wrong
        ("", "json"),
    ],
    ids=["array", "lines", "lines-commas", "empty-array", "one-task", "growthtui", "junk", "empty"],
)
def test_the_format_is_read_from_the_content(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "export.json"
    path.write_text(text)
    assert import_format_of(path) == expected


def test_a_growthtui_export_with_tasks_in_its_text_is_json(
    memory_store: Store, tmp_path: Path, today: object
) -> None:
    memory_store.add(Goal(title='Close "uuid" and "description" gaps'))
    path = tmp_path / "growth.json"
    path.write_text(export_text(memory_store, "json", today))  # type: ignore[arg-type]
    assert import_format_of(path) == "json"


def test_a_missing_file_goes_to_the_json_import_which_says_so(tmp_path: Path) -> None:
    assert import_format_of(tmp_path / "nope.json") == "json"
