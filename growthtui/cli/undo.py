"""`growthtui undo`: take back the latest change, as `u` does in the app."""

from __future__ import annotations

import argparse

from growthtui.cli.base import Parser, open_store, stored


def register(undo: Parser, common: Parser) -> None:
    undo.set_defaults(handler=undo_latest)


def undo_latest(args: argparse.Namespace) -> int:
    from growthtui.domain.printable import printable
    from growthtui.services.records import undo_latest as undo

    return stored(f"undid: {printable(undo(open_store(args)))}")
