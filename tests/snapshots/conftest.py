"""Snapshot tests: fixed terminal sizes, fixed date, demo data, no blinking cursor."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from textual.reactive import reactive
from textual.widgets import Input

from growthtui.services.seed import seed
from growthtui.settings import Settings
from growthtui.store.repository import Store
from growthtui.ui.app import GrowthApp
from growthtui.ui.glyphs import UNICODE

TODAY = dt.date(2026, 11, 24)
NOW = dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.UTC)
SIZES = [(100, 30), (80, 24)]
"""Every screen is checked at the size people use and at the smallest we promise."""


@pytest.fixture(autouse=True)
def _no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """A blinking cursor would make screenshots differ from run to run."""
    steady: reactive[bool] = reactive(False, init=False)
    steady.__set_name__(Input, "cursor_blink")
    monkeypatch.setattr(Input, "cursor_blink", steady)


@pytest.fixture
def demo_app() -> Callable[[], GrowthApp]:
    """A fresh app on the demo person's data, in memory, on the fixed date."""

    def build() -> GrowthApp:
        store = Store.in_memory(today=lambda: TODAY, now=lambda: NOW)
        seed(store, TODAY)
        return GrowthApp(store, Settings(), today=lambda: TODAY, glyphs=UNICODE, poll=False)

    return build
