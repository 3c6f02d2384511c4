"""What every area screen gets from its base: it is set up once when mounted (Textual calls
each class's `on_mount`, so a subclass's `on_mount` calling `super().on_mount()` ran the
base's twice: two watchers of the store's revision, two timers), and its list has the
focus."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import pytest

from growthtui.store.repository import Store
from growthtui.ui.app import GrowthApp
from growthtui.ui.screens.base import AreaScreen, is_record_list
from growthtui.ui.screens.registry import AREA_SCREEN_CLASSES


async def test_every_area_is_set_up_once_with_the_focus_on_its_list(
    make_app: Callable[..., GrowthApp],
    seeded_store: Store,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    set_up: Counter[str] = Counter()
    for mode, cls in AREA_SCREEN_CLASSES.items():

        def counted(
            self: AreaScreen, _own: Callable[[AreaScreen], None] = cls.set_up, _mode: str = mode
        ) -> None:
            set_up[_mode] += 1
            _own(self)

        monkeypatch.setattr(cls, "set_up", counted)

    app = make_app(seeded_store)
    async with app.run_test(size=(100, 30)) as pilot:
        for key in "234567":
            await pilot.press(key)
            await app.workers.wait_for_complete()
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, AreaScreen)
            assert is_record_list(screen.focused), (screen.MODE, screen.focused)
        assert set_up == Counter(dict.fromkeys(AREA_SCREEN_CLASSES, 1))
