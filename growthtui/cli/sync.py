"""`growthtui sync`: bring this copy and another in step through git (growthtui.services.sync).

`sync --auto` makes every command that stores something start a quiet sync after it
(`after_change`, called by `main` when the store's clone is there: `_may_sync`).
"""

from __future__ import annotations

import argparse
import contextlib

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

    result = sync(
        data_path(args), remote=args.remote, auto=args.auto, quiet=args.quiet, today=today
    )
    if not args.quiet:
        output.reply(result.describe())
    return EXIT_OK


def after_change(args: argparse.Namespace) -> None:
    """With `sync --auto` on, a command that stored something starts a quiet sync; failing
    soft: the change itself is stored whatever happens here."""
    with contextlib.suppress(Exception):
        from growthtui.services.sync import auto_enabled, sync_in_background

        path = data_path(args)
        if auto_enabled(path):
            sync_in_background(path)
