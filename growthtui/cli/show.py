"""`growthtui show [goal] ID [--json]`: one goal in full."""

from __future__ import annotations

import argparse

from growthtui import output
from growthtui.cli.base import (
    EXIT_OK,
    Parser,
    UsageError,
    colour_allowed,
    goal_id,
    open_store_to_read,
    today,
)


def register(show: Parser, common: Parser) -> None:
    show.add_argument("words", metavar="[goal] ID", nargs="+")
    show.add_argument("--json", action="store_true", help="the records, as the export has them")
    show.set_defaults(handler=show_goal)


def show_goal(args: argparse.Namespace) -> int:
    from growthtui.services.goal_report import build_report, render_report, report_data

    words = list(args.words)
    if len(words) == 2 and words[0] == "goal":
        words = words[1:]
    if len(words) != 1:
        raise UsageError("show takes one goal id, e.g. `growthtui show 4` (see `growthtui list`)")
    try:
        wanted = goal_id(words[0])
    except argparse.ArgumentTypeError as error:
        raise UsageError(str(error)) from None
    report = build_report(open_store_to_read(args), wanted, today())
    if args.json:
        import json

        text = json.dumps(report_data(report), indent=2, ensure_ascii=False) + "\n"
        output.deliver(text, "the goal")
    else:
        output.deliver(render_report(report, color=colour_allowed()), "the goal")
    return EXIT_OK
