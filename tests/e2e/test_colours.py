"""Colours that survive SSH and tmux: 256 colours unless the terminal says truecolor, a
usable grey UI with NO_COLOR (the selection still stands out), animations as the person
set them. The decision is growthtui.ui.terminal's; Textual reads it once, at import."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from growthtui.ui.terminal import color_system_for, prepare_terminal_environment

from .conftest import Terminal, growthtui_command, is_grey, run_cli


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"TERM": "tmux-256color"}, "256"),  # inside tmux; COLORTERM unset
        ({"TERM": "xterm-256color"}, "256"),  # over SSH: COLORTERM is not forwarded
        ({"TERM": "screen"}, "256"),  # GNU screen, older tmux: Rich alone would pick 16
        ({"TERM": "xterm"}, "256"),
        ({"TERM": "dumb"}, "256"),  # Textual alone would guess truecolor here
        ({}, "256"),
        ({"TERM": "xterm-256color", "COLORTERM": "truecolor"}, "truecolor"),
        ({"TERM": "xterm-kitty", "COLORTERM": "24bit"}, "truecolor"),
        ({"TERM": "xterm-256color", "COLORTERM": "gnome-terminal"}, "256"),
        ({"TERM": "linux"}, "standard"),  # the Linux console has 16 colours
        ({"TERM": "xterm-16color"}, "standard"),
        ({"TERM": "xterm-color"}, "standard"),
        ({"TERM": "xterm", "TEXTUAL_COLOR_SYSTEM": "truecolor"}, "truecolor"),  # theirs
        ({"COLORTERM": "truecolor", "TEXTUAL_COLOR_SYSTEM": "standard"}, "standard"),
        ({"TERM": "xterm", "TEXTUAL_COLOR_SYSTEM": "24bits"}, "256"),  # a typo never crashes
    ],
)
def test_the_colour_system_follows_what_the_terminal_says(
    environ: dict[str, str], expected: str
) -> None:
    assert color_system_for(environ) == expected
    prepared = dict(environ)
    prepare_terminal_environment(prepared)
    assert prepared["TEXTUAL_COLOR_SYSTEM"] == expected


PROBE = """
import asyncio, datetime as dt, json, os
from growthtui.ui.terminal import prepare_terminal_environment
prepare_terminal_environment(os.environ)
from growthtui.settings import Settings
from growthtui.store import Store
from growthtui.ui.app import GrowthApp

async def main():
    app = GrowthApp(Store.in_memory(today=dt.date.today), Settings(), poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        print(json.dumps([app.console.color_system, app.animation_level]))

asyncio.run(main())
"""


def probe(**environ: str) -> list[str]:
    """What a fresh app sees when started in `environ`: (colour system, animation level)."""
    env = {k: v for k, v in os.environ.items() if k not in ("COLORTERM", "TEXTUAL_COLOR_SYSTEM")}
    env.update(environ)
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    seen: list[str] = json.loads(done.stdout.strip().splitlines()[-1])
    return seen


def test_textual_draws_in_the_colour_system_decided_and_keeps_animations_off() -> None:
    assert probe(TERM="screen", TEXTUAL_ANIMATIONS="none") == ["256", "none"]
    assert probe(TERM="screen", COLORTERM="truecolor") == ["truecolor", "full"]


def start(term: Terminal, data: Path, prefix: str = "") -> None:
    term.start(f"{prefix}{growthtui_command()} --data {data}")
    term.wait_for("Active goals")
    term.wait_until_still()  # the records follow the first frame


@pytest.mark.e2e
def test_a_terminal_without_colorterm_gets_256_colours_not_16(
    terminal: Terminal, terminal_env: dict[str, str], tmp_path: Path
) -> None:
    data = tmp_path / "s.json"
    assert run_cli(terminal_env, "--data", str(data), "seed").returncode == 0
    start(terminal, data, prefix="env TERM=screen ")
    colours = terminal.colours()
    assert any(c.startswith("5;") and int(c[2:]) >= 16 for c in colours), sorted(colours)
    assert not any(c.startswith("2;") for c in colours)


@pytest.mark.e2e
def test_a_terminal_that_says_truecolor_gets_it(
    terminal: Terminal, terminal_env: dict[str, str], tmp_path: Path
) -> None:
    data = tmp_path / "s.json"
    assert run_cli(terminal_env, "--data", str(data), "seed").returncode == 0
    start(terminal, data, prefix="env COLORTERM=truecolor ")
    assert any(c.startswith("2;") for c in terminal.colours())


@pytest.mark.e2e
def test_no_color_draws_in_greys_and_the_selection_still_stands_out(
    terminal: Terminal, terminal_env: dict[str, str], tmp_path: Path
) -> None:
    data = tmp_path / "s.json"
    assert run_cli(terminal_env, "--data", str(data), "seed").returncode == 0
    start(terminal, data, prefix="env NO_COLOR=1 ")
    terminal.keys("3")
    terminal.wait_for("#1 Become a staff engineer")  # the detail of the selected goal
    colours = terminal.colours()
    assert colours and all(is_grey(c) for c in colours), sorted(colours)

    def row(title: str) -> tuple[str | None, bool, bool]:
        """How a row of the goal list is marked: background, bold, reverse."""
        style = terminal.style_of(f"  {title}", at=title.lstrip("├└ "))
        return style.bg, style.bold, style.reverse

    first, second = "Become a staff engineer", "├ Lead the payments platform"
    selected = row(first)
    assert selected != row(second)
    terminal.keys("j")
    terminal.wait_for("#2 Lead the payments platform")
    assert row(second) == selected  # the highlight moved with the cursor
    assert row(first) != selected
