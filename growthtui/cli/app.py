"""`growthtui [--data PATH]` and `growthtui --demo`: open the app."""

from __future__ import annotations

import argparse
import functools
import os

from growthtui.cli.base import data_path, today

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from growthtui.services.dashboard import DashboardView
    from growthtui.store.repository import Store


def run_app(args: argparse.Namespace) -> int:
    from pathlib import Path

    if args.demo:
        import tempfile

        with tempfile.TemporaryDirectory(prefix="growthtui-demo-") as folder:
            demo = Path(folder) / "demo.json"
            return launch(functools.partial(_open_demo, demo), demo=True)
    # The first frame is drawn before the store is read; then the Dashboard's records are
    # read without the models from a file the Store sealed, and shown; then every record
    # is read and checked, and a file that cannot be used is refused in one sentence,
    # exit 2, once the terminal is back to normal.
    path = data_path(args)
    from growthtui.services.dashboard import EarlyDashboard

    # Started now, in a process of its own, alongside Textual's import and first frame.
    return launch(functools.partial(_open_for_app, path), preview=EarlyDashboard(path, today))


def _open_for_app(path: Path) -> Store:
    from growthtui.store.repository import Store

    return Store.open(path, create=True, today=today)


def _open_demo(path: Path) -> Store:
    from growthtui.services.seed import seed
    from growthtui.store.repository import Store

    store = Store.open(path, today=today)
    seed(store, today())
    return store


def launch(
    open_store: Callable[[], Store],
    demo: bool = False,
    preview: Callable[[], DashboardView | None] | None = None,
) -> int:
    from growthtui.ui.terminal import prepare_terminal_environment

    # Before Textual's first import: it reads the colour system once (256 colours unless
    # the terminal says truecolor; COLORTERM is not forwarded over SSH).
    prepare_terminal_environment(os.environ)
    from growthtui.ui.app import OpenAfterFirstFrame
    from growthtui.ui.app import run_app as run

    code: int = run(OpenAfterFirstFrame(open_store, preview), today=today, demo=demo)
    return code
