"""Fixtures shared by every layer of tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from growthtui.store.repository import Store

TODAY = dt.date(2026, 11, 24)
"""The fixed "today" of every test: rules and screens never read the clock in tests."""

NOW = dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.UTC)


@pytest.fixture
def today() -> dt.date:
    return TODAY


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "growth.json"


@pytest.fixture
def store(store_path: Path) -> Iterator[Store]:
    """An empty store in a file under tmp_path, on the fixed date."""
    yield Store.open(store_path, today=lambda: TODAY, now=lambda: NOW)


@pytest.fixture
def memory_store() -> Store:
    return Store.in_memory(today=lambda: TODAY, now=lambda: NOW)


@pytest.fixture
def seeded_store(store: Store) -> Store:
    """The demo person's data, dated relative to TODAY."""
    from growthtui.services.seed import seed

    seed(store, TODAY)
    return store


@pytest.fixture(autouse=True)
def _isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test reads or writes the real user's data or config."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.delenv("GROWTHTUI_DATA", raising=False)
    monkeypatch.delenv("GROWTHTUI_CONFIG", raising=False)
    monkeypatch.delenv("GROWTHTUI_TODAY", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
