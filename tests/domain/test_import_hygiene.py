"""The domain stays pure: it loads no UI or storage library and never reads the clock.

If it did, `growthtui agenda` and every rule test would pay for Textual's import, and a rule
could give a different answer depending on when it runs.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

import growthtui.domain

REPO = Path(__file__).resolve().parents[2]
DOMAIN = Path(growthtui.domain.__file__).resolve().parent
FORBIDDEN = ("textual", "tinydb", "filelock", "platformdirs")

# Imports `package` and every module under it in this fresh interpreter, then prints the
# names of the loaded top-level modules that are on the forbidden list, and which of our
# own modules came along.
PROBE = """
import importlib, json, pkgutil, sys
package = importlib.import_module(sys.argv[1])
names = [package.__name__]
if hasattr(package, "__path__"):
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        importlib.import_module(info.name)
        names.append(info.name)
forbidden = tuple(sys.argv[2].split(","))
loaded = sorted({m.split(".")[0] for m in sys.modules if m.split(".")[0] in forbidden})
ours = sorted(m for m in sys.modules if m.startswith("growthtui."))
print(json.dumps({"imported": names, "forbidden": loaded, "ours": ours}))
"""


def probe(package: str) -> dict[str, list[str]]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, package, ",".join(FORBIDDEN)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, list[str]] = json.loads(done.stdout)
    return result


def test_importing_the_domain_loads_no_ui_or_storage_library() -> None:
    result = probe("growthtui.domain")
    expected = {f"growthtui.domain.{path.stem}" for path in DOMAIN.glob("*.py")}
    expected = {name.removesuffix(".__init__") for name in expected}
    assert set(result["imported"]) == expected, "every domain module was imported"
    assert result["forbidden"] == []
    outside = [m for m in result["ours"] if not m.startswith("growthtui.domain")]
    assert outside == [], "the domain imports nothing from the other layers"


def test_the_probe_does_see_a_library_when_one_is_loaded() -> None:
    # The store is built on TinyDB: the same probe must notice it, or it proves nothing.
    assert "tinydb" in probe("growthtui.store")["forbidden"]


# --- no clock, no I/O in the source ----------------------------------------------------

CLOCK_CALLS = {"today", "now", "utcnow", "time", "monotonic", "perf_counter"}
CLOCK_OWNERS = {"date", "datetime", "time"}
IO_MODULES = {"os", "io", "pathlib", "shutil", "subprocess", "socket", "time", "tempfile"}


def _owner(node: ast.expr) -> str | None:
    """`date` for `dt.date`, `datetime.date` or `date`."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def clock_reads(source: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in CLOCK_CALLS
            and _owner(node.func.value) in CLOCK_OWNERS
        ):
            found.append(f"line {node.lineno}: {ast.unparse(node)}")
    return found


def io_uses(source: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.split(".")[0] in IO_MODULES]
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module.split(".")[0] in IO_MODULES:
                found.append(node.module)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in {"open", "print", "input"}
        ):
            found.append(f"line {node.lineno}: {node.func.id}()")
    return found


@pytest.mark.parametrize("path", sorted(DOMAIN.glob("*.py")), ids=lambda p: p.name)
def test_domain_rules_never_read_the_clock_or_touch_files(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert clock_reads(source) == [], f"{path.name} reads the clock: take `today` instead"
    assert io_uses(source) == [], f"{path.name} does I/O: the domain must stay pure"


@pytest.mark.parametrize(
    "source",
    [
        "import datetime as dt\ndt.date.today()",
        "from datetime import datetime\ndatetime.now()",
        "import datetime\ndatetime.datetime.utcnow()",
        "import time\ntime.time()",
    ],
)
def test_the_clock_check_catches_each_way_of_asking_the_time(source: str) -> None:
    assert clock_reads(source)


def test_the_clock_check_ignores_words_in_docstrings_and_other_todays() -> None:
    source = '"""Never call date.today() here."""\ndef f(today):\n    return today.isoformat()'
    assert clock_reads(source) == []
