"""`growthtui import FILE [--from json|taskwarrior]`: merge an export into the store."""

from __future__ import annotations

import argparse

from growthtui.cli.base import Parser, open_store, stored, today


def register(imp: Parser, common: Parser) -> None:
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--from", dest="source", choices=["json", "taskwarrior"], default="json")
    imp.set_defaults(handler=import_into_store)


def import_into_store(args: argparse.Namespace) -> int:
    from pathlib import Path

    from growthtui.interop.formats import import_file
    from growthtui.store.repository import Store

    path = Path(args.file).expanduser()
    store = open_store(args)
    if store.path is not None and not store.path.exists():
        # A store not created yet is empty: try the import in memory first, so a file that
        # cannot be imported leaves nothing behind (not even a lock file or the folder).
        import_file(Store.in_memory(today=today), path, args.source)
    report = import_file(store, path, args.source)
    return stored(f"imported {path}: {report.describe()}")
