"""What a Pilot test's terminal shows, line by line (`screen_lines`, read as `drawn` reads
it), and keys sent the way a terminal sends a burst (all read at once, before the app has
handled the first)."""

from __future__ import annotations

from typing import Any

from textual import events

from tests.ui.drawn import screen_lines

__all__ = ["CHARACTERS", "goals_shown", "screen_lines", "send_burst", "settle"]

CHARACTERS = {"space": " ", "tab": "\t", "enter": "\r", "escape": "\x1b", "slash": "/"}


def send_burst(app: Any, *keys: str) -> None:
    """Hand the app every key at once, as its driver does with what one read of the
    terminal returned (`pilot.press` waits for each key to be handled; a person over SSH
    does not). Each argument is a key: spell text out with `*"text"`."""
    for key in keys:
        character = key if len(key) == 1 else CHARACTERS.get(key)
        app.post_message(events.Key(key, character))


async def settle(pilot: Any, rounds: int = 12) -> None:
    """Let the app handle what it was sent (several rounds: keys go from the app to a
    screen, to a field, and back)."""
    for _ in range(rounds):
        await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def goals_shown(pilot: Any) -> Any:
    """Goals opened with `3` and settled: its screen (a GoalsScreen)."""
    from growthtui.ui.screens.goals import GoalsScreen

    await pilot.press("3")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, GoalsScreen)
    return screen
