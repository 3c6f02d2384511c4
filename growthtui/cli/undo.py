"""`growthtui undo`: take back the latest change, as `u` does in the app."""

from __future__ import annotations

import argparse

from growthtui.cli.base import Commands, Parser, open_store, stored

NAME = "undo"
HELP = "take back the latest change (from here or the app)"


def register(commands: Commands, common: Parser) -> None:
    undo = commands.add_parser(NAME, help=HELP, parents=[common])
    undo.set_defaults(handler=undo_latest)


def undo_latest(args: argparse.Namespace) -> int:
    from growthtui.domain.printable import printable
    from growthtui.services.records import undo_latest as undo

    return stored(f"undid: {printable(undo(open_store(args)))}")
