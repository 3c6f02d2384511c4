"""The three layers point one way: domain <- store <- ui/cli (import-linter contracts in
pyproject.toml), and the app takes its store from the caller."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept():
    if shutil.which("lint-imports") is None:
        pytest.fail("lint-imports is missing: pip install -e '.[dev]'")
    result = subprocess.run(
        ["lint-imports", "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert "0 broken" in result.stdout


def test_importing_the_package_does_no_work_and_loads_no_textual():
    """`growthtui agenda` and `add` must start fast: the CLI imports Textual only to open
    the app, and importing creates no folders."""
    code = (
        "import sys, growthtui.cli, growthtui.store, growthtui.services.agenda;"
        "print(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
