"""`agenda` refuses exactly what the Store refuses, with the same sentence.

`agenda` reads a file the Store sealed as its own without pydantic (store/quick_read.py);
any other file goes through the Store. Here a sealed store, made by the Store, is edited
by hand in many ways (the eight of the issue first), and every edited file must give
`agenda` the exit code and the stderr of a command that always reads through the Store
(`export --format json`). When the Store reads it, `agenda` must say the same thing whether
it read the file quickly (the file sealed again) or through the Store.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from growthtui.launch import main
from growthtui.services.seed import seed
from growthtui.store.quick_read import read_agenda_records
from growthtui.store.repository import Store
from growthtui.store.schema import CURRENT_SCHEMA
from growthtui.store.seal import write_seal

TODAY = dt.date(2026, 11, 24)
Edit = Callable[[dict[str, Any]], object]


class Text(bytes):
    """A store file's text, shown short when a test fails."""

    def __repr__(self) -> str:
        return f"<{len(self)} bytes of a store the Store wrote>"


@pytest.fixture(scope="module")
def sealed_store() -> Iterator[Text]:
    """The text of a store the Store wrote (the demo person: every kind of record)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "growth.json"
        seed(Store.open(path, today=lambda: TODAY), TODAY)
        assert read_agenda_records(path) is not None  # sealed: the quick read takes it
        yield Text(path.read_bytes())


def _set(table: str, field: str, value: object, key: str = "1") -> Edit:
    return lambda data: data[table][key].__setitem__(field, value)


THE_ISSUES_EIGHT: dict[str, Edit] = {
    "schema_version true": lambda d: d["meta"]["1"].__setitem__("schema_version", True),
    "schema_version 1.0": lambda d: d["meta"]["1"].__setitem__("schema_version", 1.0),
    "a goal horizon of forever": _set("goals", "horizon", "forever"),
    "an extra field": _set("goals", "colour", "blue"),
    "a title over the limit": _set("milestones", "title", "x" * 501),
    "an invalid skill": _set("skills", "target_level", 9),
    "an invalid evidence kind": _set("evidence", "kind", "trophy"),
    "a parent_id of 2^70": _set("goals", "parent_id", 2**70),
}

ODD_VALUES = [
    True, False, None, 0, -1, 1.0, 2**64, 2**70, -(2**70), "", " ", "forever", "x" * 501,
    "2026-02-30", "9999-12-31", "0000-01-01", "2026-11-24T10:00:00", [], {}, [1],
    "\x1b]52;c;aGk=\x07", "\u202e", 1e308,
]  # fmt: skip


@st.composite
def edits(draw: st.DrawFn, data: dict[str, Any]) -> tuple[str, Edit]:
    """One hand edit of the store's text: a field set to an odd value, removed, or added;
    a record or a table replaced; the meta record changed."""
    tables = [name for name, records in data.items() if records]
    table = draw(st.sampled_from(tables))
    key = draw(st.sampled_from(sorted(data[table])))
    fields = sorted(data[table][key])
    how = draw(st.sampled_from(["set", "set", "set", "drop", "add", "record", "table", "key"]))
    value = draw(st.sampled_from(ODD_VALUES))
    if how == "set":
        field = draw(st.sampled_from(fields))
        return f"{table}[{key}].{field} = {value!r}", _set(table, field, value, key)
    if how == "drop":
        field = draw(st.sampled_from(fields))
        return f"del {table}[{key}].{field}", lambda d: d[table][key].pop(field)
    if how == "add":
        return f"{table}[{key}].extra = {value!r}", _set(table, "extra", value, key)
    if how == "record":
        return f"{table}[{key}] = {value!r}", lambda d: d[table].__setitem__(key, value)
    if how == "table":
        return f"{table} = {value!r}", lambda d: d.__setitem__(table, value)
    new_key = draw(st.sampled_from(["01", "-1", "1e3", "x", str(2**70), "99"]))
    return f"{table}[{key}] moved to {new_key!r}", lambda d: d[table].__setitem__(
        new_key, d[table].pop(key)
    )


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _restore(folder: Path, files: dict[str, bytes]) -> None:
    for path in folder.iterdir():
        if path.name not in files:
            path.unlink()
    for name, content in files.items():
        (folder / name).write_bytes(content)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def check_agreement(
    edited: bytes, capsys: pytest.CaptureFixture[str], *, refused_cleanly: bool = True
) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        path = folder / "growth.json"
        path.write_bytes(edited)
        files = _files(folder)
        agenda = _run(capsys, "agenda", "--days", "30", "--data", str(path))
        _restore(folder, files)
        exported = _run(capsys, "export", "--format", "json", "--data", str(path))
        assert agenda[0] == exported[0], (agenda, exported[2])
        assert agenda[2] == exported[2]  # the same sentence, or nothing
        if refused_cleanly:
            assert agenda[0] in (0, 2), agenda[2]
        if agenda[0] != 0:
            assert agenda[1] == ""
            assert _files(folder) == files  # refused: nothing written
            return
        # The Store reads it. Sealed as if the Store had written it, the quick read takes it
        # (or leaves a field it reads strictly, 1.0 for a whole number, to the Store) and
        # `agenda` says the same.
        write_seal(path, os.stat(path), CURRENT_SCHEMA)
        quick = read_agenda_records(path) is not None
        with contextlib.suppress(InvalidArgument):  # outside a hypothesis test
            event("quick read" if quick else "left to the Store")
        assert _run(capsys, "agenda", "--days", "30", "--data", str(path)) == agenda


@pytest.mark.parametrize("edit", list(THE_ISSUES_EIGHT.values()), ids=list(THE_ISSUES_EIGHT))
def test_the_issues_eight_files_are_refused_by_agenda_as_by_every_command(
    sealed_store: Text, edit: Edit, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(sealed_store)
    edit(data)
    with tempfile.TemporaryDirectory() as name:
        path = Path(name) / "growth.json"
        path.write_text(json.dumps(data, indent=2))
        code, out, err = _run(capsys, "agenda", "--data", str(path))
        assert (code, out) == (2, "")
        assert err.startswith(f"growthtui: cannot read the data file {path}: ")
    check_agreement(json.dumps(data).encode(), capsys)


ODD_KEYS: dict[str, Edit] = {
    "a record key '²' (a digit to str.isdigit)": lambda d: d["goals"].__setitem__(
        "²", d["goals"].pop("1")
    ),
    "a counter 'abc'": lambda d: d["meta"]["1"]["next_id"].__setitem__("goals", "abc"),
}


@pytest.mark.parametrize("edit", list(ODD_KEYS.values()), ids=list(ODD_KEYS))
def test_odd_keys_give_agenda_what_the_store_gives(
    sealed_store: Text, edit: Edit, capsys: pytest.CaptureFixture[str]
) -> None:
    """Whether the Store refuses these in one sentence is the Store's to say (a record key
    that int() cannot read); `agenda` must only say the same as it does."""
    data = json.loads(sealed_store)
    edit(data)
    check_agreement(json.dumps(data).encode(), capsys, refused_cleanly=False)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
@example(data=None)  # the file as the Store wrote it, only re-laid out
def test_any_hand_edit_gives_agenda_the_stores_answer(
    sealed_store: Text, data: st.DataObject | None, capsys: pytest.CaptureFixture[str]
) -> None:
    document = json.loads(sealed_store)
    if data is not None:
        _shown, edit = data.draw(edits(document), label="edit")  # drawn: shown on failure
        edit(document)
    check_agreement(json.dumps(document, indent=2).encode(), capsys)


def test_the_quick_read_vouches_only_for_the_version_it_sealed(
    tmp_path: Path, sealed_store: Text
) -> None:
    """A copy, a touch, a rewrite with the same bytes: not the version sealed."""
    path = tmp_path / "growth.json"
    store = Store.open(path, today=lambda: TODAY)
    seed(store, TODAY)
    assert read_agenda_records(path) is not None
    os.utime(path)  # the bytes are the Store's; the file is not the one it sealed
    assert read_agenda_records(path) is None
    shutil.copy(path, tmp_path / "copy.json")
    assert read_agenda_records(tmp_path / "copy.json") is None
