"""Colours that survive SSH and tmux: 256 colours unless the terminal says truecolor, a
UI without a single colour code under NO_COLOR (selection and focus by reverse and bold),
animations as the person set them. The decision is growthtui.ui.terminal's; Textual reads
it once, at import."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from growthtui.ui.terminal import color_system_for, prepare_terminal_environment

from .conftest import Terminal, growthtui_command, run_cli


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
from growthtui.store.repository import Store
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


COLOUR_PARAMETERS = re.compile(r"^(3[0-7]|38|4[0-7]|48|9[0-7]|10[0-7])$")
"""SGR parameters that set a colour (39 and 49, the terminal's own default, do not)."""


def sgr_colours(raw: bytes) -> list[str]:
    """Every SGR sequence in `raw` (what the app wrote) that sets a colour."""
    found = []
    for match in re.finditer(rb"\x1b\[([0-9;:]*)m", raw):
        parameters = match.group(1).decode()
        if any(COLOUR_PARAMETERS.match(p) for p in re.split("[;:]", parameters)):
            found.append(parameters)
    return found


@pytest.mark.e2e
def test_no_color_sends_no_colour_at_all_and_the_selection_still_stands_out(
    terminal: Terminal, terminal_env: dict[str, str], tmp_path: Path
) -> None:
    data = tmp_path / "s.json"
    raw = tmp_path / "raw.bin"
    assert run_cli(terminal_env, "--data", str(data), "seed").returncode == 0
    # Every byte the app writes is kept (tmux pipe-pane), from before its first frame.
    terminal.start(
        f"tmux wait-for growthtui-go; env NO_COLOR=1 {growthtui_command()} --data {data}"
    )
    terminal.tmux("pipe-pane", "-t", terminal.session, "-o", f"cat > {raw}")
    terminal.tmux("wait-for", "-S", "growthtui-go")
    terminal.wait_for("Active goals")
    terminal.wait_until_still()
    terminal.keys("3")
    terminal.wait_for("#1 Become a staff engineer")  # the detail of the selected goal
    terminal.wait_until_still()
    assert not terminal.colours()

    def row(title: str) -> tuple[bool, bool]:
        """How a row of the goal list is marked: bold, reverse."""
        style = terminal.style_of(f"  {title}", at=title.lstrip("├└ "))
        return style.bold, style.reverse

    first, second = "Become a staff engineer", "├ Lead the payments platform"
    assert row(first) == (True, True)  # selected, in the focused list
    assert row(second) == (False, False)
    terminal.keys("j")
    terminal.wait_for("#2 Lead the payments platform")
    assert row(second) == (True, True)  # the highlight moved with the cursor
    assert row(first) == (False, False)
    for key, shown in (("4", "Milestones by month"), ("2", "Strengths"), ("6", "Conversations")):
        terminal.keys(key)
        terminal.wait_for(shown)
    terminal.wait_until_still()
    terminal.keys("q")
    terminal.wait_for("EXITED 0")
    written = raw.read_bytes()
    assert b"Become a staff engineer" in written  # the capture saw the app's frames
    assert sgr_colours(written) == []
