"""`growthtui sync`: bring this copy and another in step through git (growthtui.services.sync).

`sync --auto` makes every command that stores something start a quiet sync after it
(`after_change`, called by `main` when the store's clone is there: `_may_sync`).
"""

from __future__ import annotations

import argparse
import os

from growthtui import output
from growthtui.cli.base import EXIT_OK, Parser, data_path, today


def register(sync: Parser, common: Parser) -> None:
    sync.add_argument(
        "--remote", metavar="URL", help="the git repository both copies sync through (remembered)"
    )
    sync.add_argument(
        "--auto",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="sync quietly after each change (remembered)",
    )
    sync.add_argument("--quiet", action="store_true", help="print nothing when all went well")
    sync.set_defaults(handler=run_sync)


def run_sync(args: argparse.Namespace) -> int:
    from growthtui.services.sync import sync

    result = sync(_store(args), remote=args.remote, auto=args.auto, quiet=args.quiet, today=today)
    if not args.quiet:
        output.reply(result.describe())
    return EXIT_OK


def after_change(args: argparse.Namespace) -> None:
    """With `sync --auto` on, a command that stored something starts a quiet sync; failing
    soft: the change itself is stored whatever happens here."""
    try:
        from growthtui.services.sync import auto_enabled, sync_in_background

        path = _store(args)
        if auto_enabled(path):
            sync_in_background(path)
    except Exception:  # the change is stored whatever happens: the next sync sends it
        return


def _store(args: argparse.Namespace) -> str | os.PathLike[str]:
    """The store named by `--data` or GROWTHTUI_DATA, as given (a sync with nothing new
    then never loads pathlib), else `data_path`'s (the default location; a folder given
    is refused there, in its words)."""
    from growthtui.locations import given_data_path

    given = given_data_path(getattr(args, "data", None))
    if given is not None and not os.path.isdir(given):
        return given
    return data_path(args)
