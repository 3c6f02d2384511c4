"""`growthtui seed [--scale N]`: a believable sample person, or N records for benchmarks."""

from __future__ import annotations

import argparse

from growthtui.cli.base import Parser, open_store, positive, stored, today


def register(seed: Parser, common: Parser) -> None:
    seed.add_argument(
        "--scale", metavar="N", type=positive, help="about N records in all (for benchmarks)"
    )
    seed.set_defaults(handler=seed_store)


def seed_store(args: argparse.Namespace) -> int:
    from growthtui.domain.errors import InvalidInput
    from growthtui.services.seed import MAX_SCALE, seed

    if args.scale is not None and args.scale > MAX_SCALE:  # the argument before the store
        raise InvalidInput(f"--scale must be between 0 and {MAX_SCALE:,}, not {args.scale}")
    from growthtui.domain.words import counted

    store = open_store(args)
    count = seed(store, today(), args.scale)
    return stored(f"seeded {counted(count, 'record')} into {store.path}")
