"""Running the installed command with a terminal as its standard output, as a person does."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path


def on_a_terminal(argv: list[str | Path], env: Mapping[str, str]) -> bytes:
    """What `python -m growthtui ARGV` writes to a pseudo-terminal (exit 0 asserted)."""
    leader, follower = pty.openpty()
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "growthtui", *map(str, argv)],
            stdout=follower,
            stderr=subprocess.PIPE,
            env=dict(env),
        )
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal closed: the command is done
                break
            if not chunk:
                break
            chunks.append(chunk)
        assert proc.wait(timeout=120) == 0
        return b"".join(chunks)
    finally:
        os.close(leader)
