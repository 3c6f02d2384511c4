"""Helpers for the store tests: writer processes and a look at the folder beside a store."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

WRITER = Path(__file__).with_name("writer.py")


class Writer:
    """A writer.py process, line by line."""

    def __init__(self, *args: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(WRITER), *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            bufsize=1,
        )

    def send(self, line: str = "go") -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()

    def readline(self) -> str:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            assert self.proc.stderr is not None
            raise AssertionError(f"writer ended early: {self.proc.stderr.read()}")
        return line.rstrip("\n")

    def expect(self, prefix: str) -> str:
        line = self.readline()
        assert line.startswith(prefix), line
        return line

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=30)
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if stream is not None:
                stream.close()


@pytest.fixture
def start_writer() -> Iterator[Callable[..., Writer]]:
    """Start writer.py processes; all are stopped when the test ends."""
    started: list[Writer] = []

    def start(*args: str | Path) -> Writer:
        writer = Writer(*(str(a) for a in args))
        started.append(writer)
        return writer

    yield start
    for writer in started:
        writer.stop()


@pytest.fixture
def litter() -> Callable[[Path], list[str]]:
    """Half-written temp files left beside a store."""

    def find(path: Path) -> list[str]:
        return sorted(p.name for p in path.parent.iterdir() if p.name.endswith(".tmp"))

    return find
