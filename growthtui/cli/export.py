"""`growthtui export [--format json|md|csv|ics] [-o FILE]`."""

from __future__ import annotations

import argparse

from growthtui import output
from growthtui.cli.base import EXIT_OK, Parser, open_store, today


def register(export: Parser, common: Parser) -> None:
    export.add_argument("--format", choices=["json", "md", "csv", "ics"], default="json")
    export.add_argument(
        "-o", "--output", metavar="FILE", help="write here instead of stdout ('-' is stdout)"
    )
    export.set_defaults(handler=export_store)


def export_store(args: argparse.Namespace) -> int:
    from pathlib import Path

    from growthtui.interop.formats import export_text
    from growthtui.services.exports import check_export_target, write_export

    store = open_store(args, lazy=False)
    target = Path(args.output).expanduser() if args.output not in (None, "-") else None
    if target is not None:
        check_export_target(target, store.path)
    text = export_text(store, args.format, today())
    if target is None:
        output.deliver(text, f"the {args.format} export")
    else:
        write_export(target, text, store.path)
        output.note(f"wrote the {args.format} export to {target}")
    return EXIT_OK
