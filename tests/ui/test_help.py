"""Help that tells the truth: `?` groups keys under the product's words (the panel's
title), shows `[keymap]` as written; the palette finds actions by plain words; every key
a screen shows in its footer fits at 80 columns."""

from __future__ import annotations

import pytest
from textual.binding import Binding
from textual.widgets import Static

from growthtui.store.repository import Store
from growthtui.ui.areas import AREAS
from growthtui.ui.commands import GrowthCommands
from growthtui.ui.screens.help import HelpScreen
from growthtui.ui.screens.registry import AREA_SCREEN_CLASSES
from growthtui.ui.widgets.text_pane import TextPane

from .drawn import screen_lines, screen_text

CLASS_NAMES = ("RecordTable", "VerticalScroll", "TextPane", "LaneList", "GanttChart", "Screen")


async def test_help_groups_keys_under_the_panels_names_and_shows_keymap_literally(
    seeded_store: Store, make_app
):
    app = make_app(seeded_store)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        app.screen.query_one("#goal-detail", TextPane).focus()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        groups = {group for group, *_ in app.screen.rows}
        assert "Detail" in groups and "Goals" in groups and "Everywhere" in groups
        assert not any(name in group for group in groups for name in CLASS_NAMES), groups
        keys_line = str(app.screen.query_one(".dialog-keys", Static).render())
        assert "settings file's [keymap] by its id" in keys_line
        assert "pane.up" in screen_text(app)  # the detail's scrolling keys can be rebound
        await pilot.press("escape", "1", "3", "question_mark")  # back on the list
        await pilot.pause()
        groups = {group for group, *_ in app.screen.rows}
        assert "Goals list" in groups, groups


@pytest.mark.parametrize(
    ("words", "command"),
    [
        ("conversation", "people: log talk"),
        ("talk", "people: log talk"),
        ("meeting", "people: log talk"),
        ("brag", "app: log a win"),
        ("course", "learning: new"),
        ("retrospective", "reviews: start review"),
        ("stepping stone", "goals: new stepping stone"),
        ("vision", "profile: edit"),
        ("markdown", "app: export"),
    ],
)
async def test_the_palette_finds_an_action_by_a_plain_word(
    memory_store: Store, make_app, words: str, command: str
):
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)):
        provider = GrowthCommands(app.screen)
        hits = [hit async for hit in provider.search(words)]
        assert hits, f"nothing for {words!r}"
        best = max(hits, key=lambda hit: hit.score)
        assert str(best.text) == command, [(str(h.text), h.score) for h in hits]


async def test_conversation_in_the_palette_opens_the_conversation_form(
    seeded_store: Store, make_app
):
    from growthtui.ui.screens.interaction_form import InteractionForm

    app = make_app(seeded_store)
    async with app.run_test(size=(100, 30)) as pilot:
        provider = GrowthCommands(app.screen)
        best = max([hit async for hit in provider.search("conversation")], key=lambda h: h.score)
        best.command()
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, InteractionForm)


@pytest.mark.parametrize("area", AREAS, ids=[area.mode for area in AREAS])
async def test_every_footer_key_fits_at_80_columns(seeded_store: Store, make_app, area):
    app = make_app(seeded_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(area.key)
        await pilot.pause()
        footer = screen_lines(app)[-1]
        shown = [
            b
            for b in AREA_SCREEN_CLASSES[area.mode].__dict__["BINDINGS"]
            if isinstance(b, Binding) and b.show
        ]
        for binding in shown:
            assert binding.description in footer, (binding.description, footer)
        assert "Quit" in footer and "palette" in footer, footer
