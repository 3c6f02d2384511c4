"""The installed app reads the person's keymap from the settings file in their config
folder, and the footer shows their keys."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import Terminal, growthtui_command

pytestmark = pytest.mark.e2e


def test_a_key_rebound_in_the_config_file_shows_in_the_footer_and_works(
    terminal: Terminal, terminal_env: dict[str, str], tmp_path: Path
) -> None:
    config = Path(terminal_env["XDG_CONFIG_HOME"]) / "growthtui" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('[keymap]\n"goals.new" = "a"\n"app.quit" = "ctrl+q"\n', encoding="utf-8")
    terminal.start(f"{growthtui_command()} --data {tmp_path / 's.json'}")
    terminal.keys("3")
    terminal.wait_for("No goals yet")
    # The frame can reach tmux in several reads: read the screen once it has settled, not
    # the moment the body shows (the footer, on the last line, may not be there yet).
    shown = terminal.wait_until_still()
    footer = [line for line in shown.splitlines() if line.strip()][-1]
    assert "a New" in footer and "n New" not in footer, footer
    assert "^q Quit" in footer, footer
    terminal.keys("q", "a")  # q no longer quits, so the app is still there to take "a"
    terminal.wait_for("New goal")
    terminal.keys("Escape")
    terminal.wait_for("No goals yet")
    terminal.keys("C-q")
    terminal.wait_for("EXITED 0")
