"""A corrupt, foreign or newer file is refused with a message naming it and its newest
backup, from the API and from the command line, and its bytes are never touched."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from growthtui.domain.goals import Goal
from growthtui.store.errors import StoreError, StoreTooNew, StoreUnreadable
from growthtui.store.repository import Store


def _invalid_record(good: bytes) -> bytes:
    data = json.loads(good)
    data["goals"]["1"]["horizon"] = "someday"
    return json.dumps(data).encode()


def _too_new(good: bytes) -> bytes:
    data = json.loads(good)
    data["meta"]["1"]["schema_version"] = 99
    data["meta"]["1"]["something_new"] = {"kept": True}
    return json.dumps(data).encode()


CASES: dict[str, tuple[Callable[[bytes], bytes], type[StoreError]]] = {
    "truncated JSON": (lambda good: good[: len(good) // 2], StoreUnreadable),
    "garbage bytes": (lambda good: b"\x89PNG\r\n\x1a\n\x00\xff\xfe not json", StoreUnreadable),
    "empty file": (lambda good: b"", StoreUnreadable),
    "JSON that is not a store": (lambda good: b'{"name": "Alex", "tasks": [1]}\n', StoreUnreadable),
    "a JSON list": (lambda good: b"[1, 2, 3]\n", StoreUnreadable),
    "JSON of objects, not records": (
        lambda good: b'{"compilerOptions": {"strict": true, "target": "es2022"}}\n',
        StoreUnreadable,
    ),
    "another app's TinyDB file": (
        lambda good: b'{"_default": {"1": {"task": "buy milk"}}}\n',
        StoreUnreadable,
    ),
    "a record that fails validation": (_invalid_record, StoreUnreadable),
    "a newer schema version": (_too_new, StoreTooNew),
}


def _files(folder: Path) -> dict[str, bytes]:
    """Every file in the folder and its bytes (the lock file is empty and may come and go)."""
    return {p.name: p.read_bytes() for p in folder.iterdir() if not p.name.endswith(".lock")}


@pytest.fixture
def used_store(store_path: Path, today: dt.date) -> tuple[Path, Path]:
    """A store that has been used for a while: a goal, and a daily backup beside it."""
    store = Store.open(store_path, today=lambda: today)
    store.add(Goal(title="Become a staff engineer", horizon="long"))
    store.add(Goal(title="Give a conference talk"))
    backup = store_path.with_name(f"{store_path.name}.{today.isoformat()}.bak")
    assert backup.exists()
    return store_path, backup


@pytest.mark.parametrize("case", CASES)
def test_open_refuses_naming_file_and_backup_and_touches_nothing(
    case: str, used_store: tuple[Path, Path], today: dt.date
) -> None:
    path, backup = used_store
    corrupt, expected = CASES[case]
    path.write_bytes(corrupt(path.read_bytes()))
    before = _files(path.parent)

    with pytest.raises(StoreError) as refused:
        Store.open(path, today=lambda: today)

    assert type(refused.value) is expected
    message = str(refused.value)
    assert str(path) in message
    assert str(backup) in message
    assert _files(path.parent) == before


def test_without_a_backup_the_message_says_so(store_path: Path) -> None:
    store_path.write_bytes(b'{"goals": {"1": {"title": ')
    with pytest.raises(StoreUnreadable) as refused:
        Store.open(store_path)
    assert str(store_path) in str(refused.value)
    assert "no backup" in str(refused.value)
    assert store_path.read_bytes() == b'{"goals": {"1": {"title": '


def _cli(path: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "growthtui", "--data", str(path), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.parametrize("case", CASES)
def test_cli_exits_2_with_one_line_and_touches_nothing(
    case: str, used_store: tuple[Path, Path]
) -> None:
    path, backup = used_store
    corrupt, _ = CASES[case]
    path.write_bytes(corrupt(path.read_bytes()))
    before = _files(path.parent)

    running = [_cli(path, "add", "goal", "Learn Rust"), _cli(path, "export")]
    for proc in running:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 2, (out, err)
        assert out == ""
        lines = err.splitlines()
        assert len(lines) == 1, err
        assert "Traceback" not in err
        assert str(path) in lines[0]
        assert str(backup) in lines[0]
    assert _files(path.parent) == before


def test_an_open_store_refuses_to_write_over_a_file_corrupted_under_it(
    used_store: tuple[Path, Path], today: dt.date
) -> None:
    path, _ = used_store
    store = Store.open(path, today=lambda: today)
    path.write_bytes(b"{ this is not json")  # another program broke it meanwhile

    with pytest.raises(StoreUnreadable):
        store.refresh()
    with pytest.raises(StoreUnreadable):
        store.add(Goal(title="Mentor a new hire"))
    assert path.read_bytes() == b"{ this is not json"


def test_a_lazy_store_refuses_on_first_read_and_never_writes(
    used_store: tuple[Path, Path], today: dt.date
) -> None:
    path, backup = used_store
    path.write_bytes(_invalid_record(path.read_bytes()))
    before = _files(path.parent)

    store = Store.open(path, today=lambda: today, lazy=True)  # fast: records checked later
    with pytest.raises(StoreUnreadable, match="goal 1 is not valid") as refused:
        store.list(Goal)
    assert str(backup) in str(refused.value)
    with pytest.raises(StoreUnreadable):
        store.add(Goal(title="Learn Rust"))
    assert _files(path.parent) == before
