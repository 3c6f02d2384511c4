"""With the app open (the installed command, in tmux), a sync in another terminal writes
what it received, and the app shows it as it shows another session's write."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.e2e.conftest import Terminal, growthtui_command, run_cli, terminal, terminal_env

pytestmark = pytest.mark.e2e

__all__ = ["terminal", "terminal_env"]  # the fixtures, shared with tests/e2e


def test_a_goal_received_by_a_sync_shows_in_the_open_app(
    terminal: Terminal, terminal_env: dict[str, str], tmp_path: Path
) -> None:
    remote = tmp_path / "remote.git"
    laptop, box = tmp_path / "laptop.json", tmp_path / "box.json"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    for path, title in ((laptop, "Write the laptop's plan"), (box, "Run the box's errand")):
        assert run_cli(terminal_env, "--data", str(path), "add", "goal", title).returncode == 0
    assert (
        run_cli(terminal_env, "--data", str(box), "sync", "--remote", str(remote)).returncode == 0
    )

    terminal.start(f"{growthtui_command()} --data {laptop}")
    terminal.wait_for("Dashboard")
    terminal.keys("3")
    terminal.wait_for("Write the laptop's plan")

    done = run_cli(terminal_env, "--data", str(laptop), "sync", "--remote", str(remote))

    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("1 received, 1 sent")
    screen = terminal.wait_for("Run the box's errand")
    assert "Write the laptop's plan" in screen
    terminal.keys("q")
    terminal.wait_for("EXITED 0")
