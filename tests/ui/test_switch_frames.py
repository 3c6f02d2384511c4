"""What a switch of area writes: the area whole, at once (not held back, never dropped),
once, and never a partial update of one area over another."""

from __future__ import annotations

from typing import Any

import pytest
from rich.console import Console
from textual._compositor import ChopsUpdate, LayoutUpdate
from textual.app import App

from growthtui.store.repository import Store
from tests.ui.screen_lines import settle


class Written:
    """Every update the app hands to Textual's writer: what would be written (the
    encoder's bytes, in order, as the writer asks for them), and what Textual drops."""

    def __init__(self) -> None:
        self.console = Console(color_system="256", force_terminal=True, width=120)
        self.out: list[tuple[Any, Any, str]] = []
        self.dropped: list[tuple[Any, Any]] = []

    def display(self, app: Any, screen: Any, renderable: Any) -> None:
        if renderable is None:
            return
        if app._batch_count:
            self.dropped.append((screen, renderable))
            return
        update = getattr(renderable, "update", renderable)
        render = getattr(renderable, "render_segments", None)
        self.out.append((screen, update, render(self.console) if render else ""))


@pytest.fixture
def written(monkeypatch: pytest.MonkeyPatch) -> Written:
    record = Written()
    monkeypatch.setattr(App, "_display", lambda app, screen, r: record.display(app, screen, r))
    return record


def writing_app(make_app: Any, store: Store, **kwargs: Any) -> Any:
    """An app that writes its frames (a headless one does not)."""
    app = make_app(store, **kwargs)

    class WritingApp(type(app)):  # type: ignore[misc]
        def _frames_written(self) -> bool:
            return True

    app.__class__ = WritingApp
    return app


@pytest.mark.parametrize("visit", ["first", "again"])
async def test_a_switch_writes_the_area_whole_at_once_and_once(
    seeded_store: Store, make_app: Any, written: Written, visit: str
) -> None:
    app = writing_app(make_app, seeded_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        if visit == "again":
            await pilot.press("3")
            await settle(pilot)
            await pilot.press("1")
            await settle(pilot)
        written.out.clear()
        written.dropped.clear()
        await pilot.press("3")
        await settle(pilot)
        goals = app.screen
        assert type(goals).__name__ == "GoalsScreen"
        updates = [(update, text) for screen, update, text in written.out if screen is goals]
        assert updates, "nothing of Goals was written"
        # Its first update is the whole screen; nothing of Goals was drawn and dropped.
        assert isinstance(updates[0][0], LayoutUpdate)
        assert not [screen for screen, _ in written.dropped if screen is goals]
        # Written whole once: Textual's later whole updates of it (its resume draws it
        # whole again) write only the lines that differ from what the terminal shows.
        whole = [len(text) for update, text in updates if isinstance(update, LayoutUpdate)]
        assert whole[0] > 10_000
        assert all(size < whole[0] / 4 for size in whole[1:]), whole


async def test_back_to_an_area_is_never_a_partial_update_over_another(
    seeded_store: Store, make_app: Any, written: Written
) -> None:
    """Goals, Timeline, Goals, Dashboard, Goals: each first update of the area switched to
    is whole (Textual's switch first draws what changed on it since it was last shown)."""
    app = writing_app(make_app, seeded_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for key in "34313":
            before = len(written.out)
            await pilot.press(key)
            await settle(pilot)
            shown = app.screen
            first = next(update for screen, update, _ in written.out[before:] if screen is shown)
            assert isinstance(first, LayoutUpdate), f"after {key}: {type(first).__name__}"
        # A move in the list afterwards is a partial update again.
        before = len(written.out)
        await pilot.press("j")
        await settle(pilot)
        assert any(isinstance(update, ChopsUpdate) for _, update, _ in written.out[before:])


@pytest.mark.parametrize("encoding", [True, False], ids=["growthtui", "textual"])
async def test_a_switch_is_held_back_only_with_textuals_own_output(
    seeded_store: Store,
    make_app: Any,
    written: Written,
    monkeypatch: pytest.MonkeyPatch,
    encoding: bool,
) -> None:
    """Textual holds every frame 0.05 s on a switch; growthtui's frames need no hold (the
    area is drawn whole, see above). `frame_encoder = false` gives Textual's way back."""
    holds: list[float] = []
    delay_update = App.delay_update

    def held(self: Any, delay: float = 0.05) -> None:
        holds.append(delay)
        delay_update(self, delay)

    monkeypatch.setattr(App, "delay_update", held)
    app = writing_app(make_app, seeded_store)
    app.frame_encoding = encoding
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        holds.clear()  # the start-up switch is held either way
        for key in "3134":
            await pilot.press(key)
            await settle(pilot)
        assert holds == ([] if encoding else [0.05] * 4)
