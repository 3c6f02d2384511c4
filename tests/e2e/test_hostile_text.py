"""Hostile text in a real terminal: a goal title holding `ESC ] 52` (set the clipboard),
`ESC c` (reset the terminal), `CSI 2J` (clear it) or U+202E (turn a line around) is shown
by the installed app as visible escapes, and tmux, told to let programs set its clipboard
(`set-clipboard on`), never gets one."""

from __future__ import annotations

import base64
import datetime as dt
from pathlib import Path

import pytest

from growthtui.domain.goals import Goal, Milestone
from growthtui.store.repository import Store

from .conftest import TODAY, Terminal, growthtui_command

pytestmark = pytest.mark.e2e

SECRET = "pwned"
PAYLOAD = base64.b64encode(SECRET.encode()).decode()
OSC_52 = f"\x1b]52;c;{PAYLOAD}\x07"
"""Set the clipboard, ended by BEL."""
OSC_52_ST = f"\x1b]52;c;{PAYLOAD}\x1b\\"
"""The same, ended by ST (`ESC \\`)."""


def hostile_store(path: Path) -> None:
    """Titles as an import or a hand edit could leave them (the Store keeps them as is)."""
    today = dt.date.fromisoformat(TODAY)
    store = Store.open(path, today=lambda: today)
    goal = store.add(Goal(title=f"{OSC_52}Ship the ledger", due=today + dt.timedelta(days=40)))
    store.add(Goal(title=f"{OSC_52_ST}Lead the RFC", due=today + dt.timedelta(days=45)))
    store.add(Goal(title="Reset \x1bc the terminal", due=today + dt.timedelta(days=50)))
    store.add(Goal(title="Clear \x1b[2J the screen", due=today + dt.timedelta(days=60)))
    store.add(Goal(title="Flip \u202eit around", due=today + dt.timedelta(days=70)))
    store.add(
        Milestone(goal_id=goal.id or 0, title=f"{OSC_52}Draft", due=today + dt.timedelta(days=3))
    )


def start_gated(terminal: Terminal, command: str) -> None:
    """Start `command` only once the server's options are set (`set-clipboard on` must
    be in force before the app writes its first frame)."""
    terminal.start(f"tmux wait-for growthtui-go; {command}")
    terminal.tmux("set", "-g", "set-clipboard", "on")
    terminal.tmux("wait-for", "-S", "growthtui-go")


def test_a_title_cannot_set_the_clipboard_or_scramble_the_screen(
    terminal: Terminal, tmp_path: Path
) -> None:
    data = tmp_path / "hostile.json"
    hostile_store(data)
    start_gated(terminal, f"{growthtui_command()} --data {data}")
    terminal.wait_for("Active goals")
    terminal.wait_until_still()  # the records are drawn
    assert_no_clipboard(terminal)
    seen = terminal.wait_for("\\x1b]52")  # the Dashboard: active goals, milestones
    for keys, expected in (
        ("3", "\\x1b[2J the screen"),  # Goals
        ("4", "\\x1b]52"),  # Timeline, lanes
        ("v", "Goals as bars"),  # Timeline, bars
    ):
        terminal.keys(keys)
        terminal.wait_for(expected)
        seen += terminal.wait_until_still()
    assert "\\x1b]52;c;" in seen  # a visible escape, not a clipboard
    assert f"{PAYLOAD}\\x1b\\" in seen  # ended by ST: visible too
    assert "\\x1bc the terminal" in seen
    assert "\\u202eit around" in seen
    assert_no_clipboard(terminal)
    terminal.keys("q")
    terminal.wait_for("EXITED 0")
    assert_no_clipboard(terminal)


def assert_no_clipboard(terminal: Terminal) -> None:
    """tmux's paste buffer (what OSC 52 sets under `set-clipboard on`) holds no secret."""
    buffer = terminal.tmux("show-buffer", check=False)
    assert buffer.returncode != 0 or SECRET not in buffer.stdout, buffer.stdout
    assert SECRET not in terminal.tmux("list-buffers", check=False).stdout
