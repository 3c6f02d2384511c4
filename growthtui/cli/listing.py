"""`growthtui list [goals|milestones|people|learning|reviews] [--all] [--horizon H]
[--status S] [--json]`: what is there, with the ids the other commands take."""

from __future__ import annotations

import argparse

from growthtui import output
from growthtui.cli.base import EXIT_OK, Parser, colour_allowed, data_path, open_store_to_read, today
from growthtui.domain.kinds import GoalStatus, Horizon

TYPE_CHECKING = False
if TYPE_CHECKING:
    from growthtui.domain.goals import CheckIn, Goal, Milestone
    from growthtui.services.listing import Filters, Listing

KINDS = ("goals", "milestones", "people", "learning", "reviews")
"""services.listing.KINDS (the parser is built without loading the services)."""


def register(listing: Parser, common: Parser) -> None:
    listing.add_argument("kind", metavar="KIND", nargs="?", choices=KINDS, help=", ".join(KINDS))
    listing.add_argument("--all", action="store_true", help="closed records too")
    listing.add_argument("--horizon", choices=[h.value for h in Horizon])
    listing.add_argument("--status", choices=[s.value for s in GoalStatus])
    listing.add_argument("--json", action="store_true", help="the records, as the export has them")
    listing.set_defaults(handler=list_records)


def list_records(args: argparse.Namespace) -> int:
    from growthtui.services.listing import Filters, build_listing, listing_data, render_tables

    filters = Filters(
        everything=args.all,
        horizon=Horizon(args.horizon) if args.horizon else None,
        status=GoalStatus(args.status) if args.status else None,
    )
    listing = None
    if not args.json and args.kind in (None, "goals", "milestones"):
        listing = _quick_listing(args, filters)
    if listing is None:
        listing = build_listing(open_store_to_read(args), args.kind, filters, today())
    if args.json:
        import json

        text = json.dumps(listing_data(listing), indent=2, ensure_ascii=False) + "\n"
        output.deliver(text, "the list")
    else:
        output.deliver(render_tables(listing.tables, color=colour_allowed()), "the list")
    return EXIT_OK


def _quick_listing(args: argparse.Namespace, filters: Filters) -> Listing | None:
    """Goals and milestones from a file the Store sealed as its own, read without pydantic
    (store.quick_read: the rules read attributes only); None for any other file, which
    the Store then reads, or refuses in one sentence."""
    from typing import cast

    from growthtui.services.listing import plan_listing
    from growthtui.store.quick_read import read_plan_records

    records = read_plan_records(data_path(args))
    if records is None:
        return None
    return plan_listing(
        cast("list[Goal]", records.goals),
        cast("list[Milestone]", records.milestones),
        cast("list[CheckIn]", records.checkins),
        args.kind,
        filters,
        today(),
    )
