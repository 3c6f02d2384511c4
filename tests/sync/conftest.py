"""Copies of a store that sync through a bare repository in tmp_path."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from growthtui import cli
from growthtui.store.repository import Store
from growthtui.store.sync_shared import shared_state

TODAY = dt.date(2026, 11, 24)
T0 = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)


def at(minutes: int) -> dt.datetime:
    """A time of change `minutes` after 09:00 on the test's day."""
    return T0 + dt.timedelta(minutes=minutes)


def open_copy(path: Path, when: dt.datetime = T0) -> Store:
    """The store of one copy, its changes stamped `when`."""
    return Store.open(path, today=lambda: TODAY, now=lambda: when)


def records(path: Path) -> dict[str, dict[str, dict[str, Any]]]:
    """What a copy holds, as every copy should agree on it: by identity, links by
    identity, without the short numbers (each copy keeps its own)."""
    store = Store.open(path, create=False, today=lambda: TODAY)
    try:
        state = shared_state(store)
    finally:
        store.close()
    return {
        table: {uid: {k: v for k, v in doc.items() if k != "id"} for uid, doc in rows.items()}
        for table, rows in state.items()
    }


def run_sync(capsys: pytest.CaptureFixture[str], path: Path, *args: str) -> tuple[int, str, str]:
    """`growthtui --data PATH sync ARGS` in this process: exit code, stdout, stderr."""
    capsys.readouterr()
    code = cli.main(["--data", str(path), "sync", *args])
    out, err = capsys.readouterr()
    return code, out, err


def sync_process(
    path: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`growthtui --data PATH sync ARGS` in a process of its own."""
    return subprocess.run(
        [sys.executable, "-m", "growthtui", "--data", str(path), "sync", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "GROWTHTUI_TODAY": TODAY.isoformat(), **(env or {})},
        check=False,
        timeout=120,
    )


def git(*args: str) -> str:
    return subprocess.run(["git", *args], capture_output=True, text=True, check=True).stdout.strip()


@pytest.fixture
def remote(tmp_path: Path) -> Path:
    """An empty bare repository: the remote both copies sync through."""
    path = tmp_path / "remote.git"
    git("init", "--quiet", "--bare", str(path))
    return path


@pytest.fixture
def laptop(tmp_path: Path) -> Path:
    (tmp_path / "laptop").mkdir()
    return tmp_path / "laptop" / "growth.json"


@pytest.fixture
def box(tmp_path: Path) -> Path:
    (tmp_path / "box").mkdir()
    return tmp_path / "box" / "growth.json"


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("GROWTHTUI_TODAY", TODAY.isoformat())
    yield
