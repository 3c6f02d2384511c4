"""`growthtui edit goal ID [--title T] [--due D] [--horizon H] [--status S] --reason TEXT`."""

from __future__ import annotations

import argparse

from growthtui.cli.base import (
    Parser,
    UsageError,
    goal_id,
    open_store,
    stored,
    today,
    typed,
)
from growthtui.domain.kinds import GoalStatus, Horizon


def register(edit: Parser, common: Parser) -> None:
    kinds = edit.add_subparsers(
        title="what to edit", metavar="KIND", parser_class=Parser, prog=edit.prog
    )
    kinds.required = True
    goal = kinds.add_parser("goal", help="change a goal", parents=[common])
    goal.add_argument("id", metavar="ID", type=goal_id)
    goal.add_argument("--title", metavar="T")
    goal.add_argument("--due", metavar="D", help="YYYY-MM-DD, +2w, … or `none`")
    goal.add_argument("--horizon", choices=[h.value for h in Horizon])
    goal.add_argument("--status", choices=[s.value for s in GoalStatus])
    goal.add_argument(
        "--reason", metavar="TEXT", default="", help="why (kept in the goal's history)"
    )
    goal.set_defaults(handler=edit_goal)


def edit_goal(args: argparse.Namespace) -> int:
    from growthtui.domain.dates import parse_date
    from growthtui.domain.errors import InvalidInput
    from growthtui.domain.goals import Goal, goal_due_warning
    from growthtui.domain.printable import printable
    from growthtui.services.goals import edit_goal as edit

    changes: dict[str, object] = {}
    if args.title is not None:
        changes["title"] = typed(args.title, "title")
    if args.due is not None:
        due = args.due.strip()
        changes["due"] = None if due.lower() == "none" else parse_date(due, today(), "due date")
    if args.horizon is not None:
        changes["horizon"] = Horizon(args.horizon)
    if args.status is not None:
        changes["status"] = GoalStatus(args.status)
    if not changes:
        raise UsageError(
            "say what to change: --title, --due, --horizon or --status "
            "(see `growthtui edit goal --help`)"
        )
    reason = typed(args.reason, "reason") if args.reason else ""
    store = open_store(args)
    was = store.get(Goal, args.id).due
    try:
        goal = edit(store, args.id, changes, reason)
    except InvalidInput as error:
        if error.field == "reason":
            raise InvalidInput(f"{error}: add --reason TEXT", "reason") from None
        raise
    warning = None
    if goal.due is not None and goal.due != was:  # as the goal form warns under the field
        parent = store.find(Goal, goal.parent_id)
        found = goal_due_warning(goal.due, today(), parent, was)
        warning = f"warning: {found}; it was saved all the same" if found else None
    reply = f"saved goal {goal.id}: {printable(goal.title)} (growthtui undo takes it back)"
    return stored(reply, warning)
