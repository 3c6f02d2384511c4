"""Running the command line in-process, and looking at what it left on disk."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from growthtui.launch import main


@dataclass(frozen=True)
class Ran:
    """What a person sees after one command: the exit code, stdout and stderr."""

    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return self.err.splitlines()

    def json(self) -> Any:
        return json.loads(self.out)


Run = Callable[..., Ran]
Files = Callable[[Path], dict[str, bytes]]


@pytest.fixture(autouse=True)
def _pinned_today(monkeypatch: pytest.MonkeyPatch, today: dt.date) -> None:
    """The command's "today" is the tests' fixed date, also in subprocesses."""
    monkeypatch.setenv("GROWTHTUI_TODAY", today.isoformat())
    monkeypatch.delenv("GROWTHTUI_DEBUG", raising=False)


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    """`run("add", "goal", "X", "--data", path)` → Ran, as typed in a shell."""

    def run(*argv: str | Path) -> Ran:
        capsys.readouterr()
        code = main([str(arg) for arg in argv])
        out, err = capsys.readouterr()
        return Ran(code, out, err)

    return run


@pytest.fixture
def files() -> Files:
    """Every file under a folder with its bytes: equal before and after = nothing written."""

    def files(folder: Path) -> dict[str, bytes]:
        return {
            str(path.relative_to(folder)): path.read_bytes()
            for path in sorted(folder.rglob("*"))
            if path.is_file()
        }

    return files
