"""The Goals detail's border hint ("more below · tab") is redrawn on its own border row
when a cursor move changes it (growthtui.ui.frames.borders): what shows must be what a
full redraw of the pane shows, whether the hint came, went or stayed."""

from __future__ import annotations

from growthtui.store.repository import Store
from growthtui.ui.screens.goals import GoalsScreen
from tests.ui.screen_lines import screen_lines, settle


async def test_the_hint_row_shows_what_a_full_redraw_shows_as_the_cursor_moves(
    seeded_store: Store, make_app
):
    app = make_app(seeded_store)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("3")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, GoalsScreen)
        pane = screen.query_one("#goals-detail")
        hints: set[str] = set()
        for _ in range(screen.table.row_count):
            bottom = pane.region.bottom - 1
            shown = screen_lines(app)
            pane.refresh()  # drawn again whole, as Textual draws a changed subtitle
            await pilot.pause()
            assert screen_lines(app) == shown
            hint = pane.border_subtitle or ""
            hints.add(hint)
            assert (hint in shown[bottom]) if hint else ("more" not in shown[bottom])
            await pilot.press("j")
            await settle(pilot, rounds=2)
        assert {"", "more below · tab"} <= hints  # the hint came and went
