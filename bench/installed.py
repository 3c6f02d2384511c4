"""The growthtui under test, run as an installed copy runs."""

from __future__ import annotations

import compileall
from pathlib import Path


def compile_growthtui() -> None:
    """Byte-compile the package, as pip does when it installs one (pipx, uv tool).

    An editable install writes its .pyc files on first import, unless
    PYTHONDONTWRITEBYTECODE is set (as on some CI and sandbox machines): then every run
    would compile each changed module again, and the figures would time the compiler.
    """
    import growthtui

    compileall.compile_dir(Path(growthtui.__file__).parent, quiet=1)
