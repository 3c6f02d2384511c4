"""The installed `growthtui` in a real terminal (tmux), as a person uses it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import Terminal, growthtui_command, run_cli

pytestmark = pytest.mark.e2e


def test_type_a_goal_quit_and_find_it_in_the_export(
    terminal: Terminal, terminal_env: dict[str, str], tmp_path: Path
):
    data = tmp_path / "scratch.json"
    terminal.start(f"{growthtui_command()} --data {data}")
    terminal.wait_for("Dashboard")
    terminal.wait_for("Welcome to growthtui")
    terminal.keys("3")
    terminal.wait_for("No goals yet")
    terminal.keys("n")
    terminal.wait_for("New goal")
    terminal.type("Give a conference talk")
    terminal.keys("Tab")
    terminal.keys("C-s")
    terminal.wait_for("1 open goal")
    terminal.keys("q")
    terminal.wait_for("EXITED 0")

    exported = run_cli(terminal_env, "--data", str(data), "export", "--format", "json")
    assert exported.returncode == 0, exported.stderr
    goals = json.loads(exported.stdout)["goals"]
    assert [g["title"] for g in goals] == ["Give a conference talk"]


def test_quit_and_start_again_everything_is_still_there(
    terminal: Terminal, terminal_env: dict[str, str], tmp_path: Path
):
    data = tmp_path / "s.json"
    assert run_cli(terminal_env, "--data", str(data), "seed").returncode == 0
    terminal.start(f"{growthtui_command()} --data {data}")
    terminal.wait_for("Alex Rivera")
    terminal.keys("w")
    terminal.wait_for("Log a win")
    terminal.type("Shipped the ledger migration")
    terminal.keys("C-s")
    terminal.wait_for("logged")
    terminal.keys("q")
    terminal.wait_for("EXITED 0")
    exported = json.loads(run_cli(terminal_env, "--data", str(data), "export").stdout)
    assert "Shipped the ledger migration" in [e["text"] for e in exported["evidence"]]


def test_keys_typed_at_once_are_answered(
    terminal: Terminal, terminal_env: dict[str, str], tmp_path: Path
):
    # The Dashboard is drawn before the store is read; a person who types at once (or
    # ahead, before the app started) gets each key answered once the records are in
    # (tests/ui/test_start.py holds the opening back to check the keys wait for it).
    data = tmp_path / "s.json"
    assert run_cli(terminal_env, "--data", str(data), "seed", "--scale", "2000").returncode == 0
    terminal.start(f"{growthtui_command()} --data {data}")
    terminal.keys("3", "j", "j")
    shown = terminal.wait_for(" open goal")
    terminal.wait_until_still()
    rows = [line for line in terminal.screen().splitlines() if "#" in line and "%" in line]
    assert rows, shown
    terminal.keys("q")
    terminal.wait_for("EXITED 0")


def test_a_corrupt_store_is_one_clear_line_not_a_traceback(terminal: Terminal, tmp_path: Path):
    data = tmp_path / "broken.json"
    data.write_text('{"goals": {"1": {"title": "half a fi')
    terminal.start(f"{growthtui_command()} --data {data}")
    shown = terminal.wait_for("EXITED 2")
    assert "cannot read the data file" in shown
    assert "Traceback" not in shown
    assert data.read_text() == '{"goals": {"1": {"title": "half a fi'


def test_works_in_80x24_without_colour(terminal_env: dict[str, str], tmp_path: Path):
    import shutil

    if shutil.which("tmux") is None:
        pytest.skip("TMUX IS NOT INSTALLED: the real-terminal tests did not run")
    env = {**terminal_env, "NO_COLOR": "1"}
    data = tmp_path / "s.json"
    assert run_cli(env, "--data", str(data), "seed").returncode == 0
    term = Terminal(env, width=80, height=24)
    try:
        term.start(f"{growthtui_command()} --data {data}")
        term.wait_for("Active goals")
        shown = term.wait_for("!2026-11-21")  # the records follow the first frame
        assert "!2026-11-21" in shown  # the overdue milestone is marked without colour
        term.keys("3")
        term.wait_for("Become a staff engineer")
        term.keys("q")
        term.wait_for("EXITED 0")
    finally:
        term.close()
