"""The quick read `growthtui agenda` uses: the Store's answer without pydantic, or none.

For any valid store the two agree (a hypothesis test in tests/interop/test_json_import.py);
here: the seeded person over a year of days, and every file the quick read must leave to
the Store.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from growthtui.domain.goals import Milestone
from growthtui.services.agenda import build_agenda, records_of, render_agenda
from growthtui.services.seed import seed
from growthtui.store.quick_read import read_agenda_records
from growthtui.store.repository import Store
from growthtui.store.schema import CURRENT_SCHEMA
from growthtui.store.seal import write_seal

TODAY = dt.date(2026, 11, 24)


def _agenda_texts(path: Path, store: Store, today: dt.date, days: int) -> tuple[str, str]:
    quick = read_agenda_records(path)
    assert quick is not None
    return (
        render_agenda(build_agenda(quick, today, days)),
        render_agenda(build_agenda(records_of(store), today, days)),
    )


@pytest.mark.parametrize("scale", [None, 600])
def test_the_seeded_person_gets_the_same_agenda_every_day_of_a_year(
    store_path: Path, scale: int | None
) -> None:
    store = Store.open(store_path, today=lambda: TODAY)
    seed(store, TODAY, scale)
    shown = 0
    for offset in range(-120, 260, 7):
        day = TODAY + dt.timedelta(days=offset)
        for days in (0, 7, 30):
            quick, full = _agenda_texts(store_path, store, day, days)
            assert quick == full, (day, days)
            shown += quick.count("\n")
    assert shown > 1000  # the agendas had things in them, not only headings


def test_a_missing_file_is_left_to_the_store(tmp_path: Path) -> None:
    assert read_agenda_records(tmp_path / "none.json") is None


def _edited(path: Path, edit: Callable[[Any], object], *, sealed: bool = False) -> Path:
    """`path` edited by hand; `sealed`: and vouched for as if the Store had written it (to
    test what the quick read does with a file it trusts)."""
    data = json.loads(path.read_bytes())
    edit(data)
    path.write_text(json.dumps(data))
    if sealed:
        write_seal(path, os.stat(path), CURRENT_SCHEMA)
    return path


def _set(table: str, key: str, field: str, value: object) -> Callable[[Any], object]:
    return lambda data: data[table][key].__setitem__(field, value)


UNSURE = {
    "newer schema": lambda d: d["meta"]["1"].__setitem__("schema_version", 99),
    "older schema": lambda d: d["meta"]["1"].__setitem__("schema_version", 0),
    "no meta": lambda d: d.pop("meta"),
    "a table that is a list": lambda d: d.__setitem__("goals", []),
    "a key that is not a number": lambda d: d["goals"].__setitem__("x", d["goals"]["1"]),
    "an impossible date": _set("milestones", "1", "due", "2026-02-30"),
    "a date with a time": _set("milestones", "1", "due", "2026-12-01T00:00:00"),
    "a date as a number": _set("interactions", "1", "date", 20261201),
    "an unknown status": _set("goals", "1", "status", "someday"),
    "an unknown relation": _set("people", "1", "relation", "boss"),
    "a title that is not text": _set("goals", "1", "title", 42),
    "a goal id that is text": _set("milestones", "1", "goal_id", "1"),
    "a rhythm that is true": _set("people", "1", "follow_up_days", True),
    "a draft flag that is text": _set("reviews", "1", "draft", "no"),
    "a missing due date": lambda d: d["milestones"]["1"].pop("due"),
    "a milestone that is a list": lambda d: d["milestones"].__setitem__("1", ["due"]),
    "an unknown cadence": _set("profile", "1", "review_cadence", "hourly"),
}


@pytest.mark.parametrize("edit", list(UNSURE.values()), ids=list(UNSURE))
def test_a_field_not_as_growthtui_writes_it_is_left_to_the_store(
    seeded_store: Store, edit: Callable[[Any], object]
) -> None:
    assert seeded_store.path is not None
    assert read_agenda_records(seeded_store.path) is not None
    assert seeded_store.get(Milestone, 1).done_at is None  # the edits' milestone is read
    assert read_agenda_records(_edited(seeded_store.path, edit)) is None


def test_milestones_already_done_are_left_unread(seeded_store: Store) -> None:
    """The agenda never shows a milestone that is done, so the quick read skips them."""
    done = next(m for m in seeded_store.list(Milestone) if m.done_at is not None)
    assert seeded_store.path is not None
    quick = read_agenda_records(
        _edited(seeded_store.path, _set("milestones", str(done.id), "title", 42), sealed=True)
    )
    assert quick is not None
    assert done.id not in {m.id for m in quick.milestones}


@pytest.mark.parametrize(
    "content", [b"", b"{", b"\x00\xff garbage", b"[]", b'{"_default": {}}', b"null"]
)
def test_a_file_that_is_not_a_store_is_left_to_the_store(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "growth.json"
    path.write_bytes(content)
    assert read_agenda_records(path) is None


def test_it_never_writes_nor_locks(seeded_store: Store) -> None:
    path = seeded_store.path
    assert path is not None
    os.chmod(path.parent, 0o500)  # a folder it could not write to anyway
    try:
        before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in path.parent.iterdir()}
        assert read_agenda_records(path) is not None
        after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in path.parent.iterdir()}
    finally:
        os.chmod(path.parent, 0o700)
    assert after == before


def test_the_agenda_path_loads_no_pydantic_no_tinydb_no_textual() -> None:
    code = (
        "import sys\n"
        "import growthtui.store.quick_read, growthtui.services.agenda\n"
        "heavy = {'pydantic', 'tinydb', 'textual', 'filelock'}\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & heavy))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
