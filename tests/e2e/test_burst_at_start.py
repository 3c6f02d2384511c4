"""A burst typed the moment `growthtui` starts, in a real terminal (issue 15).

- Sent as soon as the app has drawn its first frame, while its store is still being read
  (1,000 records take a while to read and check): `3 n Learn Rust Tab Enter Down Down
  Enter C-s q` in ONE `tmux send-keys` saves the goal and quits; `growthtui list` then
  shows it.
- Typed before the app has even started (right after the terminal is opened): until the
  app takes the terminal over, the keys go through the terminal's own line handling,
  which keeps them for the app but turns `enter` into a newline (`ctrl+j`), which the
  app takes as `enter`; `ctrl+s` is the terminal's own key there (it pauses the
  terminal's output) and never reaches the app. So `3 n Learn Rust Enter Down Down`
  typed ahead fills the form (`enter` moved to the horizon, the downs chose "long"), and
  `ctrl+s` pressed once the form shows saves it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import Terminal, growthtui_command, run_cli
from .test_bursts import goals_in

pytestmark = pytest.mark.e2e

FORM = ("3", "n", "Learn Rust", "Tab", "Enter", "Down", "Down", "Enter")
"""Goals, a new goal, its title, tab to the horizon, open its choices, down down to
"long", keep it."""


def seeded(terminal_env: dict[str, str], data: Path, scale: int) -> int:
    """A store with `scale` records' worth of the demo plan (none for 0); its goals."""
    if scale:
        done = run_cli(terminal_env, "seed", "--scale", str(scale), "--data", str(data))
        assert done.returncode == 0, done.stderr
        return len(goals_in(data))
    return 0


def listed_goals(terminal_env: dict[str, str], data: Path) -> list[tuple[str, str]]:
    """What `growthtui list goals --json` says the store holds: (title, horizon)."""
    listed = run_cli(terminal_env, "list", "goals", "--all", "--json", "--data", str(data))
    assert listed.returncode == 0, listed.stderr
    return [(g["title"], g["horizon"]) for g in json.loads(listed.stdout)["goals"]]


@pytest.mark.parametrize(
    ("width", "height", "scale"),
    [(80, 24, 1000), (100, 30, 1000), (80, 24, 0)],
    ids=["80x24-1000", "100x30-1000", "80x24-empty"],
)
def test_a_burst_sent_as_the_first_frame_shows_saves_the_goal_and_quits(
    terminal: Terminal,
    terminal_env: dict[str, str],
    tmp_path: Path,
    width: int,
    height: int,
    scale: int,
):
    data = tmp_path / "k.json"
    before = seeded(terminal_env, data, scale)
    terminal.width, terminal.height = width, height
    terminal.start(f"{growthtui_command()} --data {data}")
    terminal.wait_for("Dash")  # the first frame: the app has the terminal
    terminal.keys(*FORM, "C-s", "q")  # one write to the terminal
    terminal.wait_for("EXITED 0")
    goals = listed_goals(terminal_env, data)
    assert len(goals) == before + 1
    assert ("Learn Rust", "long") in goals


def test_a_burst_typed_before_the_app_starts_fills_the_form_and_ctrl_s_saves_it(
    terminal: Terminal, terminal_env: dict[str, str], tmp_path: Path
):
    data = tmp_path / "k.json"
    before = seeded(terminal_env, data, 1000)
    terminal.width, terminal.height = 80, 24
    terminal.start(f"{growthtui_command()} --data {data}")
    terminal.keys("3", "n", "Learn Rust", "Enter", "Down", "Down")  # before the app starts
    terminal.wait_for("(•) long")
    assert "Learn Rust" in terminal.wait_until_still()
    terminal.keys("C-s")
    terminal.wait_for(" open goal")  # the form saved and closed: Goals shows again
    terminal.keys("q")
    terminal.wait_for("EXITED 0")
    goals = listed_goals(terminal_env, data)
    assert len(goals) == before + 1
    assert ("Learn Rust", "long") in goals
