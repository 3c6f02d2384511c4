"""`growthtui checkin GOAL_ID VALUE [--confidence 1-5] [--note TEXT]`: today's value."""

from __future__ import annotations

import argparse
import math

from growthtui.cli.base import Parser, goal_id, open_store, stored, today, typed


def _value(text: str) -> float:
    """A number as Python writes one. `3,5` is refused, not guessed: it is three and a
    half in much of Europe, and `1,500` fifteen hundred in English."""
    hint = "use a dot for decimals: 3.5" if "," in text else "e.g. 12 or 3.5"
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number ({hint})") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"{text!r} is not a number ({hint})")
    return value


def _confidence(text: str) -> int:
    if text.strip() not in ("1", "2", "3", "4", "5"):
        raise argparse.ArgumentTypeError(f"{text!r} is not a confidence from 1 to 5")
    return int(text)


def register(checkin: Parser, common: Parser) -> None:
    checkin.add_argument("goal_id", metavar="GOAL_ID", type=goal_id)
    checkin.add_argument("value", metavar="VALUE", type=_value)
    checkin.add_argument(
        "--confidence", metavar="1-5", type=_confidence, default=3, help="how sure (default 3)"
    )
    checkin.add_argument("--note", metavar="TEXT", default="")
    checkin.set_defaults(handler=check_in)


def check_in(args: argparse.Namespace) -> int:
    from growthtui.domain.goals import Goal
    from growthtui.services.checkins import check_in as record

    note = typed(args.note, "note") if args.note else ""
    store = open_store(args)
    saved = record(store, args.goal_id, args.value, today(), args.confidence, note)
    goal = store.get(Goal, args.goal_id)
    from growthtui.domain.printable import printable

    return stored(
        f"checked in on goal {goal.id} ({printable(goal.title)}): {saved.value:g}, "
        f"confidence {saved.confidence}/5"
    )
