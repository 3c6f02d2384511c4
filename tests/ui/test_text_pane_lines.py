"""The detail pane draws its lines itself when Textual's styles would add nothing to them
(growthtui.ui.widgets.text_pane.TextPane.render_lines): the lines must be exactly those
Textual's own drawing gives (styles, then the app's line filters), and with a style that
does add something (a border, padding, a tint) Textual draws them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from rich.text import Text
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.widget import Widget

from growthtui.services.seed import seed
from growthtui.store.repository import Store
from growthtui.ui.widgets.text_pane import TextPane
from tests.ui.screen_lines import goals_shown, settle

TODAY = dt.date(2026, 11, 24)


def _textual_lines(pane: TextPane, crop: Region) -> list[Any]:
    """The lines as Textual's Widget.render_lines draws them (its styles cache, whose
    lines are all drawn afresh here)."""
    pane._styles_cache.clear()
    return Widget.render_lines(pane, crop)


def _same(pane: TextPane, crop: Region) -> None:
    ours = pane.render_lines(crop)
    theirs = _textual_lines(pane, crop)
    assert [list(strip) for strip in ours] == [list(strip) for strip in theirs]
    assert [strip.cell_length for strip in ours] == [strip.cell_length for strip in theirs]


async def test_the_goals_detail_draws_the_lines_textual_would(
    memory_store: Store, make_app: Callable[..., Any]
) -> None:
    seed(memory_store, TODAY, scale=300)
    app = make_app(memory_store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await goals_shown(pilot)
        pane = screen.detail_pane
        assert pane._plain()
        width, height = pane.size
        for keys in (["j"], ["j", "j"], ["tab", "pagedown"], ["down"], ["shift+tab", "j"]):
            await pilot.press(*keys)
            await settle(pilot, rounds=3)
            _same(pane, Region(0, 0, width, height))
            _same(pane, Region(0, 3, width, 5))  # a few lines, as a move asks for
            _same(pane, Region(2, 0, width - 4, 2))  # cut at both sides
        assert pane.has_focus or screen.table.has_focus


class PaneApp(App[None]):
    def __init__(self, css: str, lines: int = 30) -> None:
        self.CSS = css
        self.lines = lines
        super().__init__()

    def compose(self) -> ComposeResult:
        text = Text("\n".join(f"line {n}" for n in range(self.lines)), style="bold")
        yield TextPane(text, id="pane")


@pytest.mark.parametrize(
    "css",
    [
        "#pane { border: round red; }",
        "#pane { padding: 1 2; }",
        "#pane { tint: red 30%; }",
        "#pane { opacity: 50%; }",
        "#pane { outline: solid blue; }",
        "#pane { hatch: right $primary; }",
    ],
)
async def test_a_pane_with_styles_that_change_its_lines_is_drawn_by_textual(css: str) -> None:
    app = PaneApp(css)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        pane = app.query_one(TextPane)
        assert not pane._plain()
        width, height = pane.outer_size
        _same(pane, Region(0, 0, width, height))


async def test_a_plain_pane_scrolled_draws_the_lines_textual_would() -> None:
    app = PaneApp("#pane { background: $panel; }")
    async with app.run_test(size=(40, 12)) as pilot:
        pane = app.query_one(TextPane)
        await pilot.pause()
        assert pane._plain()
        pane.scroll_to(y=15, animate=False)
        await pilot.pause()
        width, height = pane.size
        _same(pane, Region(0, 0, width, height))
        assert pane.render_lines(Region(0, 0, width, 1))[0].text.startswith("line 15")


async def test_the_lines_below_a_short_text_are_the_blank_lines_textual_draws() -> None:
    app = PaneApp("#pane { background: $panel; }", lines=3)
    async with app.run_test(size=(40, 12)) as pilot:
        pane = app.query_one(TextPane)
        await pilot.pause()
        assert pane._plain()
        width, height = pane.size
        _same(pane, Region(0, 0, width, height))
        assert pane.render_lines(Region(0, height - 1, width, 1))[0].text == " " * width
