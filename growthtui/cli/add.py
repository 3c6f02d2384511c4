"""`growthtui add goal TITLE…` and `growthtui add milestone GOAL_ID TITLE…`.

Both take the quick write (store/quick_write.py) when it can vouch for the file and the
input, else the Store's way through services.records; the two store the same record.
"""

from __future__ import annotations

import argparse

from growthtui import replies
from growthtui.cli import base
from growthtui.cli.base import Parser, add_kinds, add_words, goal_id, typed_words
from growthtui.domain.kinds import Horizon

TYPE_CHECKING = False  # not `from typing import …`: see growthtui.cli.base
if TYPE_CHECKING:
    from growthtui.cli.base import Said

HORIZONS = [horizon.value for horizon in Horizon]


def register(add: Parser, common: Parser) -> None:
    kinds = [("goal", "add a goal", _goal), ("milestone", "add a milestone to a goal", _milestone)]
    add_kinds(add, common, "what to add", kinds)


def _goal(goal: Parser) -> None:
    add_words(goal, "TITLE")
    goal.add_argument("--horizon", choices=HORIZONS, default="short")
    goal.add_argument("--due", metavar="YYYY-MM-DD")
    goal.set_defaults(handler=add_goal)


def _milestone(milestone: Parser) -> None:
    milestone.add_argument("goal_id", metavar="GOAL_ID", type=goal_id)
    add_words(milestone, "TITLE")
    milestone.add_argument("--due", metavar="YYYY-MM-DD", required=True)
    milestone.set_defaults(handler=add_milestone)


def add_goal(args: argparse.Namespace) -> int:
    title = typed_words(args, "title")
    day = base.today()
    due = None
    if args.due is not None:  # (the date rules bring `calendar`: not for a goal without)
        from growthtui.domain.dates import parse_optional_date

        due = parse_optional_date(args.due, day, "due date")
    warning = replies.due_warning(due, day)

    def quickly(path: str) -> Said | None:
        from growthtui.store.quick_write import add_goal as quick_add_goal

        added = quick_add_goal(path, title, Horizon(args.horizon), due, day)
        return None if added is None else (replies.added_goal(added, title), warning)

    def by_the_store() -> Said:
        from growthtui.domain.goals import Goal
        from growthtui.services.records import save

        goal = Goal.build(title=title, horizon=args.horizon, due=due)
        saved = save(base.open_store(args), goal)
        return replies.added_goal(saved.id, saved.title), warning

    return base.store_new(args, quickly, by_the_store)


def add_milestone(args: argparse.Namespace) -> int:
    from growthtui.domain.dates import parse_date

    title = typed_words(args, "title")
    day = base.today()
    due = parse_date(args.due, day, "due date")

    def quickly(path: str) -> Said | None:
        from growthtui.store.goal_peek import goal_start
        from growthtui.store.quick_write import add_milestone as quick_add_milestone

        added = quick_add_milestone(path, args.goal_id, title, due, day)
        if added is None:
            return None
        warning = replies.due_warning(due, day, args.goal_id, goal_start(path, args.goal_id))
        return replies.added_milestone(added[0], args.goal_id, added[1], due), warning

    def by_the_store() -> Said:
        from growthtui.domain.goals import Goal, Milestone
        from growthtui.services.records import save

        milestone = Milestone.build(goal_id=args.goal_id, title=title, due=due)
        store = base.open_store(args)
        goal = store.get(Goal, args.goal_id)
        saved = save(store, milestone)
        warning = replies.due_warning(saved.due, day, goal.id, goal.start)
        return replies.added_milestone(saved.id, goal.id, goal.title, saved.due), warning

    return base.store_new(args, quickly, by_the_store)
