"""`growthtui done milestone ID` and `growthtui done learning ID`: ticked off."""

from __future__ import annotations

import argparse

from growthtui.cli.base import Parser, add_kinds, open_store, record_id, stored, today


def register(done: Parser, common: Parser) -> None:
    kinds = [
        ("milestone", "mark a milestone done today", _milestone),
        ("learning", "mark a learning item done today", _learning),
    ]
    add_kinds(done, common, "what is done", kinds)


def _milestone(milestone: Parser) -> None:
    milestone.add_argument(
        "id", metavar="ID", type=record_id("milestone", "growthtui list milestones")
    )
    milestone.set_defaults(handler=milestone_done)


def _learning(learning: Parser) -> None:
    learning.add_argument(
        "id", metavar="ID", type=record_id("learning item", "growthtui list learning")
    )
    learning.set_defaults(handler=learning_done)


def milestone_done(args: argparse.Namespace) -> int:
    from growthtui.domain.printable import printable
    from growthtui.services.milestones import mark_done

    day = today()
    milestone = mark_done(open_store(args), args.id, day)
    return stored(
        f"milestone {milestone.id} of goal {milestone.goal_id} done on {day.isoformat()}: "
        f"{printable(milestone.title)} (growthtui undo takes it back)"
    )


def learning_done(args: argparse.Namespace) -> int:
    from growthtui.domain.printable import printable
    from growthtui.services.learning import mark_done

    day = today()
    item = mark_done(open_store(args), args.id, day)
    return stored(
        f"learning item {item.id} done on {day.isoformat()}: {printable(item.title)} "
        "(growthtui undo takes it back)"
    )
