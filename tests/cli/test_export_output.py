"""`growthtui export -o FILE`: through links, into pipes and devices, `-` for stdout, never
over the store. The installed command, run as a shell runs it."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:  # fixtures' types, from tests/cli/conftest.py
    from conftest import Files, Run

TIMEOUT = 60


def command() -> str:
    script = Path(sys.executable).with_name("growthtui")
    assert script.exists(), "the `growthtui` command is installed (pip install -e .)"
    return str(script)


def sh(line: str, *argv: str | Path, **env: str) -> subprocess.CompletedProcess[str]:
    """`line` run by sh, "$@" being the installed command and `argv`; `env` added."""
    return subprocess.run(
        ["sh", "-c", line, "sh", command(), *map(str, argv)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
        env={**os.environ, **env},
    )


@pytest.fixture
def data(run: Run, tmp_path: Path) -> Path:
    path = tmp_path / "growth.json"
    assert run("add", "goal", "Become a staff engineer", "--data", path).code == 0
    return path


def test_dash_and_dev_stdout_both_reach_a_pipe(data: Path) -> None:
    plain = sh('"$@"', "export", "--format", "md", "--data", data)
    dash = sh('"$@"', "export", "--format", "md", "-o", "-", "--data", data)
    device = sh('"$@"', "export", "--format", "md", "-o", "/dev/stdout", "--data", data)
    assert plain.returncode == dash.returncode == device.returncode == 0, device.stderr
    assert "Become a staff engineer" in plain.stdout
    assert plain.stdout == dash.stdout == device.stdout
    assert device.stderr == "wrote the md export to /dev/stdout\n"


def test_dev_stdout_redirected_to_a_file_appends_as_the_shell_asked(
    data: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.md"
    out.write_text("before\n")
    argv = ["export", "--format", "md", "-o", "/dev/stdout", "--data", data]
    done = sh('"$@" >>"$OUT"', *argv, OUT=str(out))
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("before\n# Growth plan")


def test_a_fifo_gets_the_export_and_stays_a_fifo(data: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader waits (the export is small)
    try:
        done = sh('"$@"', "export", "--format", "csv", "-o", fifo, "--data", data)
        received = os.read(reader, 1 << 16).decode("utf-8")
    finally:
        os.close(reader)
    assert done.returncode == 0, done.stderr
    assert "Become a staff engineer" in received
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_symlinked_target_gets_the_export_and_the_link_stays(
    run: Run, data: Path, tmp_path: Path
) -> None:
    (tmp_path / "dotfiles").mkdir()
    real = tmp_path / "dotfiles" / "plan.ics"
    link = tmp_path / "plan.ics"
    link.symlink_to(real)
    result = run("export", "--format", "ics", "-o", link, "--data", data)
    assert result.code == 0, result.err
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")


def test_a_link_to_the_store_is_refused_and_the_store_kept(
    run: Run, files: Files, data: Path, tmp_path: Path
) -> None:
    link = tmp_path / "export.json"
    link.symlink_to(data.name)
    before = files(tmp_path)
    result = run("export", "-o", link, "--data", data)
    assert result.code == 2
    assert result.err_lines == [
        f"growthtui: {link} is the data file itself: name another file so the store is kept"
    ]
    assert files(tmp_path) == before


def test_a_full_device_is_one_sentence_about_space(run: Run, data: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("needs /dev/full (Linux)")
    result = run("export", "-o", "/dev/full", "--data", data)
    assert result.code == 2
    [line] = result.err_lines
    assert "the disk is full" in line and "permission" not in line
