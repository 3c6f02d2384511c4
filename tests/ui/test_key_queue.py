"""The app's one queue of keys (growthtui.ui.key_order.KeyQueue): a key that switches area
or opens a form has its turn before the next key is routed, so a burst typed on the first
visit of an area lands where it was typed for, however the terminal split it."""

from __future__ import annotations

import asyncio

from growthtui.domain.goals import Goal
from growthtui.domain.kinds import Horizon
from growthtui.store.repository import Store
from growthtui.ui.screens.goals import GoalsScreen
from tests.ui.screen_lines import send_burst, settle

BURST_AFTER_N = (*"Learn Rust", "tab", "enter", "down", "down", "enter", "ctrl+s")
"""The title, tab to the horizon, open its choices, down down to "long", keep, save."""


async def saved_goals(pilot, store: Store) -> list[tuple[str, Horizon]]:  # type: ignore[no-untyped-def]
    """Let the app handle what it was sent until a goal is saved, then what the store holds."""
    for _ in range(400):
        if store.list(Goal):
            break
        await pilot.pause()
    await settle(pilot)
    return [(goal.title, goal.horizon) for goal in store.list(Goal)]


async def test_a_burst_pressed_on_the_first_visit_of_goals_saves_the_goal(
    memory_store: Store, make_app
):
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("3", "n", *BURST_AFTER_N)
        assert await saved_goals(pilot, memory_store) == [("Learn Rust", Horizon.LONG)]
        assert isinstance(app.screen, GoalsScreen)


async def test_a_burst_read_at_once_on_the_first_visit_saves_the_goal(
    memory_store: Store, make_app
):
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        send_burst(app, "3", "n", *BURST_AFTER_N)
        assert await saved_goals(pilot, memory_store) == [("Learn Rust", Horizon.LONG)]


async def test_keys_read_while_the_area_switch_is_under_way_wait_for_the_form(
    memory_store: Store, make_app
):
    """The terminal's second read (the title onwards) comes once Goals is the current
    area but before `3` has finished its turn and `n` has had its own: the title used to
    reach the Goals list, before `n` had opened the form, and be lost."""
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        send_burst(app, "3", "n")
        while app.current_mode != "goals":
            await asyncio.sleep(0)  # the app's next step: the switch has begun
        send_burst(app, *BURST_AFTER_N)
        assert await saved_goals(pilot, memory_store) == [("Learn Rust", Horizon.LONG)]
        assert isinstance(app.screen, GoalsScreen)
