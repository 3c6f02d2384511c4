"""What a Pilot test's terminal shows, line by line, and keys sent the way a terminal
sends a burst (all read at once, before the app has handled the first)."""

from __future__ import annotations

from typing import Any

from textual import events

CHARACTERS = {"space": " ", "tab": "\t", "enter": "\r", "escape": "\x1b", "slash": "/"}


def screen_lines(app: Any) -> list[str]:
    """The top screen as the terminal shows it, one string per line."""
    update = app.screen._compositor.render_update(full=True)
    return ["".join(segment.text for strip in line for segment in strip) for line in update.strips]


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
