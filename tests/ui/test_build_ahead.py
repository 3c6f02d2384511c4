"""The areas of the daily loop (Goals, Timeline) are built while the Dashboard shows, so
their first visit only shows them; the person sees nothing of it and loses no key."""

from __future__ import annotations

import asyncio
from typing import Any

from growthtui.domain.kinds import Horizon
from growthtui.store.repository import Store
from growthtui.ui.app import BUILT_AHEAD
from tests.ui.screen_lines import send_burst, settle
from tests.ui.test_key_queue import BURST_AFTER_N, saved_goals

WAIT = 30.0
"""Seconds: how long a test waits for the areas to be built before it fails."""


async def test_the_daily_areas_are_built_unseen_while_the_dashboard_shows(
    seeded_store: Store, make_app: Any
) -> None:
    from growthtui.ui.screens.dashboard import DashboardScreen
    from growthtui.ui.screens.goals import GoalsScreen

    app = make_app(seeded_store, build_ahead=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        dashboard = app.screen
        assert isinstance(dashboard, DashboardScreen)
        focused = dashboard.focused
        await asyncio.wait_for(app.built_ahead.wait(), WAIT)
        await settle(pilot)
        assert set(BUILT_AHEAD) <= app.areas_built
        # Still the Dashboard, its list still focused: nothing of the areas showed.
        assert app.screen is dashboard
        assert app.current_mode == "dashboard"
        assert dashboard.focused is focused
        # The built area is the one shown: its list filled, focused, no second build.
        await pilot.press("3")
        await settle(pilot)
        goals = app.screen
        assert isinstance(goals, GoalsScreen)
        assert goals.focused is goals.query_one("RecordTable")
        assert goals.query_one("RecordTable").row_count > 0
        await pilot.press("1", "3")
        await settle(pilot)
        assert app.screen is goals


async def test_no_area_is_built_ahead_by_default_under_tests(
    seeded_store: Store, make_app: Any
) -> None:
    app = make_app(seeded_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        assert app.areas_built == {"dashboard"}


async def test_keys_typed_while_an_area_is_built_ahead_reach_what_they_were_typed_for(
    memory_store: Store, make_app: Any
) -> None:
    """`3 n` and a whole new goal read at once, behind the building of Goals: they wait
    for it, then fill the form and save."""
    app = make_app(memory_store, build_ahead=False)  # built when the test says
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.call_later(app._build_ahead)
        send_burst(app, "3", "n", *BURST_AFTER_N)
        assert await saved_goals(pilot, memory_store) == [("Learn Rust", Horizon.LONG)]
        assert "goals" in app.areas_built


async def test_nothing_is_built_ahead_while_a_dialog_is_open(
    seeded_store: Store, make_app: Any
) -> None:
    from textual.screen import ModalScreen

    app = make_app(seeded_store, build_ahead=False)  # built when the test says
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("w")  # log a win: a dialog over the Dashboard
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ModalScreen)
        app.call_later(app._build_ahead)
        await settle(pilot)
        assert app.screen is dialog
        assert app.areas_built == {"dashboard"}
        await pilot.press("escape")  # it tries again later: now it builds
        await asyncio.wait_for(app.built_ahead.wait(), WAIT)
        assert set(BUILT_AHEAD) <= app.areas_built


async def test_building_ahead_leaves_the_focus_where_the_person_had_it(
    seeded_store: Store, make_app: Any
) -> None:
    """Typing in Goals' filter box while the Timeline is built ahead: the keys typed after
    it still go to the box (never to the list, where they would run its keys)."""
    from growthtui.ui.widgets.filter_box import FilterBox

    app = make_app(seeded_store, build_ahead=False)  # built when the test says
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("3", "slash", "s", "h")
        await settle(pilot)
        box = app.screen.query_one("#goals-filter", FilterBox)
        assert app.screen.focused is box
        app.call_later(app._build_ahead)  # the Timeline, unseen
        await pilot.press("i", "p")
        await settle(pilot)
        assert "timeline" in app.areas_built
        assert app.screen.focused is box
        assert box.value == "ship"
