"""The frame encoder in a real terminal (tmux): after many cursor moves the screen looks as
a fresh redraw of it does, whether blanks are erased (a terminal whose terminfo entry says
it erases with the background) or written (one that does not say so)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import CellStyle, Terminal, growthtui_command, parse_sgr_line, run_cli

ERASE = re.compile(rb"\x1b\[\d+X")


def _looks(terminal: Terminal) -> list[list[tuple[str, object]]]:
    """The screen cell by cell as it looks: a space by its background and underline only
    (its foreground, bold or italic do not show), unless reverse video shows them."""
    shown = terminal.tmux("capture-pane", "-p", "-e", "-t", terminal.session).stdout
    rows = []
    for line in shown.splitlines():
        row: list[tuple[str, object]] = []
        for char, style in parse_sgr_line(line):
            if char == " " and not style.reverse:
                row.append((char, CellStyle(bg=style.bg, underline=style.underline)))
            else:
                row.append((char, style))
        while row and row[-1] == (" ", CellStyle()):
            row.pop()  # tmux leaves out trailing default blanks, or not
        rows.append(row)
    return rows


@pytest.mark.parametrize(("term", "erases"), [("xterm-256color", True), ("screen", False)])
def test_moves_in_goals_leave_the_screen_a_redraw_shows(
    terminal: Terminal, terminal_env: dict[str, str], tmp_path: Path, term: str, erases: bool
) -> None:
    pytest.importorskip("curses", reason="Python without curses: terminfo is not read")
    data = tmp_path / "growth.json"
    assert run_cli(terminal_env, "--data", str(data), "seed", "--scale", "1000").returncode == 0
    raw = tmp_path / "pane.out"
    terminal.width, terminal.height = 120, 40
    terminal.start(f"env TERM={term} COLORTERM=truecolor {growthtui_command()} --data {data}")
    terminal.tmux("pipe-pane", "-o", "-t", terminal.session, f"cat >> {raw}")
    terminal.wait_for("Dashboard")
    terminal.keys("3")
    terminal.wait_for("open goals")
    terminal.wait_until_still()
    for _ in range(12):  # one move a frame: each drawn before the next key
        terminal.keys("j")
        terminal.wait_until_still()
    terminal.keys("k", "k", "j")
    terminal.wait_until_still()
    moved = _looks(terminal)
    written = raw.read_bytes()
    terminal.keys("4")
    terminal.wait_for("Timeline")
    terminal.keys("3")  # a switch draws the whole screen again
    terminal.wait_until_still()
    assert _looks(terminal) == moved
    assert bool(ERASE.search(written)) is erases
    assert len(written) > 1000
