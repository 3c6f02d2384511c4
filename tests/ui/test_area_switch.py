"""Switching areas: Textual's restyling of the whole screen it switches to is skipped
when the screen already has the current theme's styles (AreaScreen.post_message), and
still happens when it does not."""

from __future__ import annotations

from textual.color import Color
from textual.screen import Screen

from growthtui.store.repository import Store


def _screens_restyled(app) -> list[str]:
    """The screens Textual restyles whole (what a ScreenResume asking for it does)."""
    restyled: list[str] = []
    update_styles = app.update_styles

    def recorded(node, animate: bool = True) -> None:
        if isinstance(node, Screen):
            restyled.append(type(node).__name__)
        update_styles(node, animate)

    app.update_styles = recorded
    return restyled


async def test_switching_areas_restyles_no_screen_whole(seeded_store: Store, make_app):
    app = make_app(seeded_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        restyled = _screens_restyled(app)
        for key in "34134":  # first visits, then warm ones
            await pilot.press(key)
            await pilot.pause()
        assert type(app.screen).__name__ == "TimelineScreen"
        assert restyled == []


async def test_an_area_built_before_a_theme_change_is_restyled_once_shown(
    seeded_store: Store, make_app
):
    app = make_app(seeded_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        app.theme = "textual-light"
        await pilot.pause()
        restyled = _screens_restyled(app)
        await pilot.press("3")
        await pilot.pause()
        goals = app.screen
        variables = app.get_css_variables()
        assert goals.styles.background == Color.parse(variables["background"])
        detail = goals.query_one("#goals-detail")  # a pane without the focus
        assert detail.styles.border_top[1] == Color.parse(variables["panel-lighten-2"])
        assert app.styled_now(goals)
        await pilot.press("1")
        await pilot.pause()
        assert restyled.count("GoalsScreen") <= 1


async def test_the_collector_waits_while_an_area_is_first_built_and_drawn(
    seeded_store: Store, make_app, monkeypatch
):
    import gc

    from growthtui.ui.screens.goals import GoalsScreen

    seen: list[bool] = []
    refresh_data = GoalsScreen.refresh_data

    def recorded(self: GoalsScreen) -> None:
        seen.append(gc.isenabled())
        refresh_data(self)

    monkeypatch.setattr(GoalsScreen, "refresh_data", recorded)
    app = make_app(seeded_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert gc.isenabled()
        await pilot.press("3")
        await pilot.pause()
        assert seen == [False]  # the first visit's rows were made with it off
        for _ in range(20):  # the area's first frames, then its idle moment
            if gc.isenabled():
                break
            await pilot.pause()
        assert gc.isenabled()
        await pilot.press("1", "3")  # a warm visit leaves it alone
        await pilot.pause()
        assert gc.isenabled()


async def test_no_first_visit_adds_or_parses_styles_once_the_app_has_settled(
    seeded_store: Store, make_app
):
    app = make_app(seeded_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        stylesheet = app.stylesheet
        sources = set(stylesheet.source)
        parses: list[int] = []
        parse = stylesheet.parse

        def counted() -> None:
            parses.append(1)
            parse()

        stylesheet.parse = counted
        for key in "2345671":  # every area's first visit
            await pilot.press(key)
            await pilot.pause()
        assert set(stylesheet.source) == sources
        assert parses == []
        # The styles added ahead are the ones the widgets get: the filter box's own
        # (hidden, 3 rows when open) over the Input's it is made from.
        await pilot.press("3")
        await pilot.pause()
        box = app.screen.query_one("#goals-filter")
        assert not box.display
        await pilot.press("slash")
        await pilot.pause()
        assert box.display and box.outer_size.height == 3
