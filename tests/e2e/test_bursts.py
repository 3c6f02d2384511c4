"""Keys sent in one burst, as SSH and a fast typist deliver them, each land where they were
typed for: every sequence below goes to the installed `growthtui` in ONE `tmux send-keys`,
then the store file says what happened. And `ctrl+o` hands a long field to $EDITOR and
takes the text back, which needs nothing but the terminal (so it works over SSH too)."""

from __future__ import annotations

import json
import stat
import time
from pathlib import Path
from typing import Any

import pytest

from .conftest import Terminal, growthtui_command, run_cli

pytestmark = pytest.mark.e2e


def stored(data: Path) -> dict[str, Any]:
    """What the store file holds (each table: id → record)."""
    tables: dict[str, Any] = json.loads(data.read_text())
    return tables


def goals_in(data: Path) -> list[dict[str, Any]]:
    return list(stored(data).get("goals", {}).values())


def wait_for_store(data: Path, check: Any, timeout: float = 30.0) -> dict[str, Any]:
    """Poll the store file until `check(tables)` holds (each save replaces it whole)."""
    deadline = time.monotonic() + timeout
    tables: dict[str, Any] = {}
    while time.monotonic() < deadline:
        try:
            tables = stored(data)
        except (OSError, ValueError):
            tables = {}
        if tables and check(tables):
            return tables
        time.sleep(0.1)
    raise AssertionError(f"the store never got there: {json.dumps(tables)[:2000]}")


def open_goals(terminal: Terminal, data: Path) -> None:
    terminal.start(f"{growthtui_command()} --data {data}")
    terminal.wait_for("Dashboard")
    terminal.keys("3")
    terminal.wait_for(" open goal")
    terminal.wait_until_still()


def test_a_goal_form_filled_and_saved_in_one_burst(
    terminal: Terminal, terminal_env: dict[str, str], tmp_path: Path
):
    data = tmp_path / "s.json"
    added = run_cli(terminal_env, "--data", str(data), "add", "goal", "First goal")
    assert added.returncode == 0, added.stderr
    open_goals(terminal, data)
    # n, a title, Tab to the horizon, enter (as one would open a drop-down), down down
    # to "long", enter, ctrl+s: one write to the terminal.
    terminal.keys("n", "Burst title", "Tab", "Enter", "Down", "Down", "Enter", "C-s")
    tables = wait_for_store(data, lambda t: len(t.get("goals", {})) == 2)
    burst = next(g for g in tables["goals"].values() if g["title"] == "Burst title")
    assert burst["horizon"] == "long"
    shown = terminal.wait_for("2 open goals")
    assert "Burst title" in shown
    terminal.keys("q")
    terminal.wait_for("EXITED 0")


def test_a_choice_made_and_a_delete_answered_in_one_burst(
    terminal: Terminal, terminal_env: dict[str, str], tmp_path: Path
):
    data = tmp_path / "s.json"
    for title in ("Keep me", "Delete me"):
        assert run_cli(terminal_env, "--data", str(data), "add", "goal", title).returncode == 0
    open_goals(terminal, data)
    # j: the second goal. e, tab, Right: its horizon one longer; ctrl+s saves, and the
    # reason asked for (a horizon is tracked) is typed and answered in the same burst.
    terminal.keys("j", "e", "Tab", "Right", "C-s", "longer now", "Enter")
    tables = wait_for_store(
        data, lambda t: any(g["horizon"] == "medium" for g in t["goals"].values())
    )
    changed = next(g for g in tables["goals"].values() if g["horizon"] == "medium")
    assert changed["title"] == "Delete me"
    assert changed["history"][-1]["reason"] == "longer now"
    terminal.wait_until_still()
    # d y: the delete question asked and answered at once, on the goal selected.
    terminal.keys("d", "y")
    tables = wait_for_store(data, lambda t: len(t["goals"]) == 1)
    assert [g["title"] for g in tables["goals"].values()] == ["Keep me"]
    terminal.wait_for("1 open goal ")
    terminal.keys("q")
    terminal.wait_for("EXITED 0")


def test_ctrl_o_writes_the_plan_in_editor_and_brings_it_back(
    terminal: Terminal, terminal_env: dict[str, str], tmp_path: Path
):
    editor = tmp_path / "editor.sh"
    editor.write_text(
        '#!/bin/sh\nprintf "Two focus days a week\\nPriya reviews drafts\\n" > "$1"\n'
    )
    editor.chmod(editor.stat().st_mode | stat.S_IXUSR)
    terminal.env = {**terminal_env, "EDITOR": str(editor)}
    terminal.env.pop("VISUAL", None)
    data = tmp_path / "s.json"
    assert run_cli(terminal_env, "--data", str(data), "add", "goal", "Lead").returncode == 0
    open_goals(terminal, data)
    terminal.keys("e")
    terminal.wait_for("Edit goal #1 Lead")
    # To the plan: past horizon, status, parent, what exactly, measure (5), then ctrl+o.
    terminal.keys(*["Tab"] * 10)
    terminal.wait_until_still()
    assert "ctrl+o" in terminal.screen()
    terminal.keys("C-o")
    terminal.wait_for("Priya reviews drafts")
    terminal.keys("C-s")
    tables = wait_for_store(data, lambda t: t["goals"]["1"]["achievable"] != "")
    assert tables["goals"]["1"]["achievable"] == "Two focus days a week\nPriya reviews drafts"
    terminal.keys("q")
    terminal.wait_for("EXITED 0")
