"""The installed `growthtui` command and `python -m growthtui`, run as real processes.

Few on purpose (each start costs well under a second): they prove the entry points, the
exit codes as a shell sees them, and that no traceback ever reaches the terminal.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from growthtui import __version__
from growthtui.cli import main

TIMEOUT = 60


def installed() -> str:
    command = shutil.which("growthtui")
    assert command is not None, "the `growthtui` command is installed (pip install -e .)"
    return command


def shell(*argv: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(arg) for arg in argv], capture_output=True, text=True, timeout=TIMEOUT, check=False
    )


@pytest.mark.parametrize(
    "prefix", [["growthtui"], [sys.executable, "-m", "growthtui"]], ids=["command", "module"]
)
def test_version_through_each_entry_point(prefix: list[str]) -> None:
    if prefix == ["growthtui"]:
        prefix = [installed()]
    result = shell(*prefix, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"growthtui {__version__}"
    assert result.stderr == ""


def test_a_write_and_a_read_through_the_installed_command(tmp_path: Path) -> None:
    data = tmp_path / "growth.json"
    added = shell(installed(), "add", "goal", "Become a staff engineer", "--data", data)
    assert added.returncode == 0, added.stderr
    assert added.stdout.startswith("added goal 1")
    logged = shell(installed(), "log", "Led the incident review", "--goal", "1", "--data", data)
    assert logged.returncode == 0, logged.stderr
    exported = shell(installed(), "export", "--format", "json", "--data", data)
    assert exported.returncode == 0
    assert '"title": "Become a staff engineer"' in exported.stdout
    assert '"text": "Led the incident review"' in exported.stdout


@pytest.mark.parametrize(
    "argv",
    [
        ["add", "goal", "G", "--due", "2026-02-30"],
        ["log", "Won", "--goal", "99"],
        ["frobnicate"],
    ],
    ids=["bad date", "unknown goal", "unknown subcommand"],
)
def test_bad_input_exits_2_with_one_line_and_no_traceback(tmp_path: Path, argv: list[str]) -> None:
    result = shell(installed(), *argv, "--data", tmp_path / "growth.json")
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith("growthtui: ")
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert list(tmp_path.iterdir()) == []


def test_a_corrupt_store_exits_2_naming_the_file(tmp_path: Path) -> None:
    data = tmp_path / "growth.json"
    data.write_text("{ not json")
    result = shell(sys.executable, "-m", "growthtui", "agenda", "--data", data)
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert str(data) in result.stderr
    assert data.read_text() == "{ not json"


def test_export_into_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    """`growthtui export | head -c 10`: the reader leaves early; no traceback, no error."""
    data = tmp_path / "growth.json"
    assert main(["seed", "--scale", "1000", "--data", str(data)]) == 0  # ≈250 kB of export
    with subprocess.Popen(
        [installed(), "export", "--data", str(data)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        head = process.stdout.read(10)
        process.stdout.close()  # like `head` exiting: the rest cannot be delivered
        errors = process.stderr.read().decode()
        code = process.wait(timeout=TIMEOUT)
    assert head == b'{\n  "schem'
    assert "Traceback" not in errors
    assert "BrokenPipe" not in errors
    assert errors == ""
    assert code == 0
