"""Drive the installed `growthtui` in a real terminal: tmux send-keys / capture-pane."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

TODAY = "2026-11-24"


def growthtui_command() -> str:
    """The installed console script (what a person runs), else `python -m growthtui`."""
    found = shutil.which("growthtui")
    return shlex.quote(found) if found else f"{shlex.quote(sys.executable)} -m growthtui"


class Terminal:
    """One tmux session on a private server, torn down at the end."""

    def __init__(self, env: dict[str, str], width: int = 100, height: int = 30) -> None:
        self.socket = f"growthtui-test-{uuid.uuid4().hex[:8]}"
        self.session = "t"
        self.env = env
        self.width = width
        self.height = height

    def tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["tmux", "-L", self.socket, *args],
            check=check,
            capture_output=True,
            text=True,
            env=self.env,
        )

    def start(self, command: str) -> None:
        # The app draws on stderr: never redirect it. The trailing sleep keeps the pane
        # (and the exit code line) readable after the app quits.
        wrapped = f"{command}; echo EXITED $?; sleep 30"
        self.tmux(
            "new-session",
            "-d",
            "-s",
            self.session,
            "-x",
            str(self.width),
            "-y",
            str(self.height),
            wrapped,
        )
        self.tmux("set", "-g", "escape-time", "10")

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.session, *keys)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", self.session, "-l", text)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.session).stdout

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        """Poll the screen until `text` shows; fail with what was on screen."""
        deadline = time.monotonic() + timeout
        shown = ""
        while time.monotonic() < deadline:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.1)
        raise AssertionError(f"{text!r} did not appear within {timeout}s; screen was:\n{shown}")

    def close(self) -> None:
        self.tmux("kill-server", check=False)


@pytest.fixture
def terminal_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "HOME": str(tmp_path / "home"),
            "XDG_DATA_HOME": str(tmp_path / "home" / ".local" / "share"),
            "XDG_CONFIG_HOME": str(tmp_path / "home" / ".config"),
            "GROWTHTUI_TODAY": TODAY,
            "TERM": "xterm-256color",
        }
    )
    for name in ("GROWTHTUI_DATA", "GROWTHTUI_CONFIG", "NO_COLOR", "COLORTERM", "TMUX"):
        env.pop(name, None)
    return env


@pytest.fixture
def terminal(terminal_env: dict[str, str]) -> Iterator[Terminal]:
    if shutil.which("tmux") is None:
        pytest.skip(
            "TMUX IS NOT INSTALLED: the real-terminal tests did not run (apt-get install -y tmux)"
        )
    term = Terminal(terminal_env)
    yield term
    term.close()


def run_cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*shlex.split(growthtui_command()), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
