"""A burst typed on the first visit of an area, in a real terminal: `3 n Title Tab Enter
Down Down Enter C-s` goes to the installed `growthtui` in ONE `tmux send-keys` right
after start, and the store file must hold the goal with its title and horizon (the title
used to be lost now and then, when the terminal's reads split the burst while the app was
switching to Goals)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import Terminal, growthtui_command, run_cli
from .test_bursts import goals_in, wait_for_store

pytestmark = pytest.mark.e2e

BURST = ("3", "n", "Learn Rust", "Tab", "Enter", "Down", "Down", "Enter", "C-s")


def burst_on_first_visit(terminal: Terminal, data: Path, goals_before: int) -> None:
    terminal.start(f"{growthtui_command()} --data {data}")
    terminal.wait_for("Dashboard")
    terminal.keys(*BURST)  # one write to the terminal
    tables = wait_for_store(data, lambda t: len(t.get("goals", {})) == goals_before + 1)
    added = [g for g in tables["goals"].values() if g["title"] == "Learn Rust"]
    assert [g["horizon"] for g in added] == ["long"], goals_in(data)[-3:]
    terminal.wait_for("Learn Rust")
    terminal.keys("q")
    terminal.wait_for("EXITED 0")


def test_a_burst_on_the_first_visit_of_goals_saves_the_goal(terminal: Terminal, tmp_path: Path):
    burst_on_first_visit(terminal, tmp_path / "k.json", goals_before=0)


def test_a_burst_on_the_first_visit_of_goals_saves_the_goal_among_many_records(
    terminal: Terminal, terminal_env: dict[str, str], tmp_path: Path
):
    data = tmp_path / "k.json"
    seeded = run_cli(terminal_env, "seed", "--scale", "1000", "--data", str(data))
    assert seeded.returncode == 0, seeded.stderr
    burst_on_first_visit(terminal, data, goals_before=len(goals_in(data)))
