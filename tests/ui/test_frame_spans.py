"""The span compositor (growthtui.ui.frames.spans) writes exactly Textual's partial
updates while drawing far fewer lines: every partial update of a session through the
app's areas is rendered by both from the same marked regions, and they must agree on
every fragment written (and on the bytes Textual would write); a cursor move in Goals must
ask the widgets for a fraction of the lines Textual's asks for."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from rich.console import Console
from textual._compositor import ChopsUpdate, Compositor
from textual.widget import Widget

from growthtui.services.seed import seed
from growthtui.store.repository import Store
from growthtui.ui.frames.spans import SpanCompositor
from growthtui.ui.screens.goals import GoalsScreen
from tests.ui.screen_lines import settle

CONSOLE = Console(
    width=120, height=40, color_system="truecolor", force_terminal=True, legacy_windows=False
)


def _written(update: ChopsUpdate) -> list[tuple[int, int, list[Any], int | None]]:
    """What a ChopsUpdate writes, fragment by fragment as ChopsUpdate chooses them: row,
    column, the fragment's segments and where it is cut (None: written whole; 0: only
    moved to, its segments left out)."""
    out: list[tuple[int, int, list[Any], int | None]] = []
    for y, x1, x2 in update.spans:
        for end, (x, strip) in zip(update.chop_ends[y], update.chops[y].items(), strict=False):
            if strip is None or x > x2 or end <= x1:
                continue
            whole = x2 > x >= x1 and end <= x2
            cut = None if whole else min(end, x2) - x
            # A fragment cut to nothing is only moved to: what it holds is never written.
            out.append((y, x, [] if cut == 0 else list(strip), cut))
    return out


class Compared:
    """Each partial update drawn by the span compositor, then by Textual's own from the
    same marked regions; the lines each asked the widgets for are counted."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.updates = 0
        self.lines: list[tuple[int, int]] = []
        """(lines drawn by ours, lines drawn by Textual's), per update."""
        self.drawn = 0
        drawing = Widget.render_lines
        span_update = SpanCompositor.render_partial_update

        def counted(widget: Widget, crop: Any) -> Any:
            self.drawn += crop.height
            return drawing(widget, crop)

        def both(compositor: SpanCompositor) -> ChopsUpdate | None:
            regions = set(compositor._dirty_regions)
            self.drawn = 0
            ours = span_update(compositor)
            drawn_by_ours = self.drawn
            compositor._dirty_regions.update(regions)
            self.drawn = 0
            theirs = Compositor.render_partial_update(compositor)
            self.lines.append((drawn_by_ours, self.drawn))
            assert (ours is None) == (theirs is None)
            if ours is not None and theirs is not None:
                self.updates += 1
                assert ours.spans == theirs.spans
                assert _written(ours) == _written(theirs), f"update {self.updates}"
                assert ours.render_segments(CONSOLE) == theirs.render_segments(CONSOLE)
            return ours

        monkeypatch.setattr(Widget, "render_lines", counted)
        monkeypatch.setattr(SpanCompositor, "render_partial_update", both)


async def test_a_session_through_every_area_writes_what_textual_would(
    memory_store: Store, make_app: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(memory_store, memory_store.today(), scale=300)
    compared = Compared(monkeypatch)
    app = make_app(memory_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        await settle(pilot)
        assert isinstance(app.screen, GoalsScreen)
        assert isinstance(app.screen._compositor, SpanCompositor)
        keys = [
            *"jjjjjkk",
            "pagedown",
            "G",
            "g",
            "tab",  # into the detail: it scrolls
            "down",
            "down",
            "pagedown",
            "shift+tab",
            *"jjf",  # the status filter
            "n",  # a form over the screen
            "escape",
            *"4jj1jj2j5j6j7j3",
        ]
        for key in keys:
            await pilot.press(key)
            await settle(pilot, rounds=3)
        await pilot.resize_terminal(100, 30)
        await settle(pilot)
        await pilot.press("j", "j")
        await settle(pilot)
    assert compared.updates > 30


async def test_a_move_in_goals_draws_a_fraction_of_the_lines(
    memory_store: Store, make_app: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(memory_store, memory_store.today(), scale=300)
    app = make_app(memory_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        await settle(pilot)
        compared = Compared(monkeypatch)
        for _ in range(6):
            await pilot.press("j")
            await settle(pilot, rounds=3)
    assert len(compared.lines) >= 6
    ours = sum(drawn for drawn, _ in compared.lines)
    theirs = sum(drawn for _, drawn in compared.lines)
    # Textual's asks every widget in the rectangle around the changes for all its lines
    # (~260 a move); ours only for the lines written, where no widget in front drew them.
    assert ours * 3 < theirs, (ours, theirs)
