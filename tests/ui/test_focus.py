"""Focus you can see, and keys that act on the record shown selected: the focused panel
stands out in colour and without it, a focused list's selection looks unlike an unfocused
one's, and coming back to an area puts the focus on its list where the person left it."""

from __future__ import annotations

import pytest

from growthtui.domain.goals import Goal
from growthtui.store.repository import Store
from growthtui.ui.screens.people import PeopleScreen
from growthtui.ui.widgets.record_table import RecordTable
from growthtui.ui.widgets.text_pane import TextPane

from .drawn import colours_drawn, screen_text, style_of


async def test_coming_back_to_goals_puts_the_focus_on_the_list_on_the_same_goal(
    seeded_store: Store, make_app
):
    app = make_app(seeded_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3", "j", "j")
        await pilot.pause()
        table = app.screen.query_one("#goals-table", RecordTable)
        chosen = table.current_key
        app.screen.query_one("#goal-detail", TextPane).focus()
        await pilot.pause()
        assert isinstance(app.screen.focused, TextPane)
        await pilot.press("1", "3")
        await pilot.pause()
        assert app.screen.focused is table
        assert table.current_key == chosen
        # `j` moves the list, not the detail: the key acts on what is shown selected.
        await pilot.press("j")
        await pilot.pause()
        assert table.current_key != chosen


async def test_the_palette_going_to_an_area_also_lands_on_its_list(seeded_store: Store, make_app):
    app = make_app(seeded_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("6")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PeopleScreen)
        screen.log_table.focus()
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        await app.run_command("people", "")
        await pilot.pause()
        # The conversation log was the list used last: the focus goes back to it.
        assert app.screen.focused is screen.log_table
        await pilot.press("3")
        await pilot.pause()
        app.screen.query_one("#goal-detail", TextPane).focus()
        await pilot.pause()
        await pilot.press("3")  # the area's own key, while already there
        await pilot.pause()
        assert app.screen.focused is app.screen.query_one("#goals-table", RecordTable)


async def test_the_focused_panel_has_a_heavy_border_and_a_reversed_title(
    seeded_store: Store, make_app
):
    app = make_app(seeded_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert style_of(app, "Active goals").reverse
        assert not style_of(app, "Follow-ups due this week").reverse
        assert "┏━ Active goals" in screen_text(app)
        await pilot.press("tab")
        await pilot.pause()
        assert not style_of(app, "Active goals").reverse
        assert "┏━ Milestones" in screen_text(app)
        assert style_of(app, "Milestones: overdue").reverse


async def test_without_colour_nothing_is_coloured_and_focus_and_selection_still_show(
    seeded_store: Store, make_app, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(seeded_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        assert colours_drawn(app) == set()
        first = seeded_store.get(Goal, 1).title
        table = app.screen.query_one("#goals-table", RecordTable)
        selected = style_of(app, first, within=table)
        assert selected.reverse and selected.bold  # the focused list's selection
        assert not style_of(app, "Lead the payments", within=table).reverse
        assert style_of(app, "Goals: long").reverse  # the focused panel's title
        app.screen.query_one("#goal-detail", TextPane).focus()
        await pilot.pause()
        blurred = style_of(app, first, within=table)
        assert not blurred.reverse and blurred.underline  # selected, but not where keys go
        assert style_of(app, "Detail").reverse
        assert not style_of(app, "Goals: long").reverse
