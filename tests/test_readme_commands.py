"""The README's two first commands are the ones a fresh machine runs, and CI runs the second."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _quick_start_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", section, re.S)]


def test_the_quick_start_opens_the_demo_and_runs_the_tests_in_a_virtual_environment() -> None:
    demo, tests = _quick_start_commands()[:2]
    for command in (demo, tests):
        # PEP 668: never a system-wide pip install; the environment is made in the command.
        assert command.startswith("python3 -m venv .venv && . .venv/bin/activate && ")
        assert "--break-system-packages" not in command
    assert demo.endswith("&& growthtui --demo")
    assert "pytest" in tests


def test_ci_runs_the_readme_test_command_word_for_word() -> None:
    tests = _quick_start_commands()[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert tests in ci.splitlines()
