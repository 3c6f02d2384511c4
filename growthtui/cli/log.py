"""`growthtui log TEXT…`: a win, a lesson, praise or feedback, in a few words at the prompt."""

from __future__ import annotations

import argparse

from growthtui import replies
from growthtui.cli.base import Parser, add_words, goal_id, open_store, store_new, today, typed_words
from growthtui.domain.kinds import EVIDENCE_KIND_WORDS

TYPE_CHECKING = False  # not `from typing import …`: see growthtui.cli.base
if TYPE_CHECKING:
    from growthtui.cli.base import Said


def register(log: Parser, common: Parser) -> None:
    add_words(log, "TEXT")
    log.add_argument("--goal", metavar="GOAL_ID", type=goal_id)
    log.add_argument("--kind", choices=list(EVIDENCE_KIND_WORDS), default="win")
    log.add_argument("--date", metavar="YYYY-MM-DD", help="when it happened (default: today)")
    log.set_defaults(handler=log_evidence)


def log_evidence(args: argparse.Namespace) -> int:
    from growthtui.domain.dates import parse_date

    text = typed_words(args, "text")
    day = today()
    kind = EVIDENCE_KIND_WORDS[args.kind]
    when = parse_date(args.date, day, "date") if args.date else day

    def quickly(path: str) -> Said | None:
        from growthtui.store.quick_write import log_evidence as quick_log

        logged = quick_log(path, text, kind, when, args.goal, day)
        return (
            None if logged is None else (replies.logged(kind.value, logged, args.goal, text), None)
        )

    def by_the_store() -> Said:
        from growthtui.domain.evidence import Evidence
        from growthtui.domain.goals import Goal
        from growthtui.services.records import save

        evidence = Evidence.build(
            date=when, text=text, kind=kind, goal_ids=[args.goal] if args.goal else []
        )
        store = open_store(args)
        if args.goal:
            store.get(Goal, args.goal)
        saved = save(store, evidence)
        return replies.logged(saved.kind.value, saved.id, args.goal, saved.text), None

    return store_new(args, quickly, by_the_store)
