"""Pilot tests build the app on a store in tmp_path (or memory), on the fixed date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from growthtui.settings import Settings
from growthtui.store.repository import Store
from growthtui.ui.app import GrowthApp
from growthtui.ui.glyphs import UNICODE

TODAY = dt.date(2026, 11, 24)


@pytest.fixture
def make_app() -> Callable[[Store], GrowthApp]:
    """An app on `store`, fixed date, Unicode glyphs, no file polling (tests call
    `app.check_for_outside_changes()` when they want it)."""

    def build(store: Store, **kwargs: object) -> GrowthApp:
        return GrowthApp(
            store, Settings(), today=lambda: TODAY, glyphs=UNICODE, poll=False, **kwargs
        )

    return build
