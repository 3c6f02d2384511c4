"""The growthtui under test, run as an installed copy runs."""

from __future__ import annotations

import argparse
import compileall
import subprocess
import sys
import sysconfig
from pathlib import Path


def compile_growthtui() -> None:
    """Byte-compile the package, as pip does when it installs one (pipx, uv tool).

    An editable install writes its .pyc files on first import, unless
    PYTHONDONTWRITEBYTECODE is set (as on some CI and sandbox machines): then every run
    would compile each changed module again, and the figures would time the compiler.
    """
    import growthtui

    compileall.compile_dir(Path(growthtui.__file__).parent, quiet=1)


def install_copy(
    folder: Path, source: Path | None = None, name: str = "venv"
) -> tuple[Path | None, str]:
    """growthtui installed as a person installs it (`pip install .`, as pipx does): a
    virtual environment of its own in `folder` (named `name`), the package built from
    `source` (a source tree with its pyproject.toml; default: this one, the tree of the
    imported growthtui) and installed into it (not editable), its `growthtui` script beside
    the environment's interpreter.

    Its dependencies are this interpreter's, reached through a plain path line in a .pth
    file, so nothing is downloaded but the build tools. Unlike this interpreter's own
    script, it runs none of the `.pth` hooks of this interpreter's site-packages: an
    editable install's import finder (~20 ms a start here), a sandbox's certificate patch.

    Returns (the script, how it was made), or (None, why not) when it could not be made
    (e.g. offline, with no build tools cached)."""
    import growthtui

    if source is None:
        source = Path(growthtui.__file__).parents[1]
    if not (source / "pyproject.toml").is_file():
        return None, f"no source tree (pyproject.toml) in {source}"
    env = folder / name
    python = str(env / "bin" / "python")
    where = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    install = [sys.executable, "-m", "pip", "--python", python, "install", "--quiet"]
    try:
        _run([sys.executable, "-m", "venv", "--without-pip", str(env)])
        site = Path(_run([python, "-c", where]).decode().strip())
        paths = sorted({sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]})
        (site / "_bench_dependencies.pth").write_text("\n".join(paths) + "\n")
        _run([*install, "--no-deps", "--disable-pip-version-check", str(source)])
    except (OSError, subprocess.SubprocessError) as error:
        detail = getattr(error, "stderr", None) or b""
        last = detail.decode(errors="replace").strip().splitlines()[-1:]
        return None, " ".join(["could not install a copy:", str(error), *last])
    script = env / "bin" / "growthtui"
    if not script.is_file():
        return None, "the copy was installed without its `growthtui` script"
    return script, "pip install . into a venv of its own (dependencies by a .pth path line)"


def _run(command: list[str]) -> bytes:
    return subprocess.run(command, check=True, capture_output=True, timeout=600).stdout


def copies_options(parser: argparse.ArgumentParser, *, size: int, runs: int) -> None:
    """The options of a benchmark that times this copy beside earlier ones: --size, --runs
    and --other NAME=DIR (see other_copies)."""
    parser.add_argument("--size", type=int, default=size, help="records in the store")
    parser.add_argument("--runs", type=int, default=runs, help="rounds (medians reported)")
    parser.add_argument(
        "--other",
        action="append",
        default=[],
        metavar="NAME=DIR",
        help="another growthtui package to time alike (DIR holds its growthtui/ folder)",
    )


def other_copies(others: list[str]) -> list[tuple[str, str]]:
    """Each --other NAME=DIR as (name, resolved DIR), its package byte-compiled as this
    copy is: under PYTHONDONTWRITEBYTECODE an archive's copy would compile every module
    on every start, and its figures would time that."""
    found = []
    for other in others:
        name, _, folder = other.partition("=")
        compileall.compile_dir(Path(folder) / "growthtui", quiet=1)
        found.append((name, str(Path(folder).resolve())))
    return found
