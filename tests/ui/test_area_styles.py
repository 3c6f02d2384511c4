"""Areas are styled as they are built, without Textual parsing every style sheet again on
each first visit (GrowthApp.refresh_css); a theme change still restyles every area,
including the ones built before it, when they are shown."""

from __future__ import annotations

from textual.color import Color
from textual.widget import Widget

from growthtui.store.repository import Store


def _count_reparses(app) -> list[int]:
    calls: list[int] = []
    reparse = app.stylesheet.reparse

    def counted() -> None:
        calls.append(1)
        reparse()

    app.stylesheet.reparse = counted
    return calls


def _detail_rule_colour(app) -> Color:
    """The colour of the Timeline's rule above its detail (`$panel-lighten-2`)."""
    detail: Widget = app.screen.query_one("#timeline-detail")
    return detail.styles.border_top[1]


def _expected_rule_colour(app) -> Color:
    return Color.parse(app.get_css_variables()["panel-lighten-2"])


async def test_a_first_visit_parses_no_style_sheet_again(seeded_store: Store, make_app):
    app = make_app(seeded_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        reparses = _count_reparses(app)
        for key in "34213":
            await pilot.press(key)
            await pilot.pause()
        assert reparses == []
        await pilot.press("4")
        assert _detail_rule_colour(app) == _expected_rule_colour(app)


async def test_a_theme_change_restyles_the_areas_built_before_it(seeded_store: Store, make_app):
    app = make_app(seeded_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")  # the Timeline is built, in the first theme
        await pilot.pause()
        before = _detail_rule_colour(app)
        await pilot.press("1")
        app.theme = "textual-light"
        await pilot.pause()
        reparses = _count_reparses(app)
        await pilot.press("4")
        await pilot.pause()
        assert reparses  # restyled as it is shown again
        after = _detail_rule_colour(app)
        assert after == _expected_rule_colour(app)
        assert after != before
        await pilot.press("1")
        await pilot.press("4")  # once restyled, shown again as it is
        assert len(reparses) == 1


async def test_a_theme_from_the_settings_styles_the_first_screen_and_the_areas(
    seeded_store: Store,
):
    from growthtui.settings import Settings
    from growthtui.ui.app import GrowthApp
    from growthtui.ui.glyphs import UNICODE
    from tests.ui.conftest import TODAY

    app = GrowthApp(
        seeded_store, Settings(theme="gruvbox"), today=lambda: TODAY, glyphs=UNICODE, poll=False
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.current_theme.name == "gruvbox"
        background = Color.parse(app.get_css_variables()["background"])
        assert app.screen.styles.background == background
        await pilot.press("4")
        await pilot.pause()
        assert app.screen.styles.background == background
        assert _detail_rule_colour(app) == _expected_rule_colour(app)
