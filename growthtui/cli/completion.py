"""`growthtui completion bash|zsh|fish`: a completion script for the shell, made by shtab
from the parser itself, so it never falls behind a new command or option."""

from __future__ import annotations

import argparse

from growthtui import output
from growthtui.cli.base import EXIT_OK, Parser

SHELLS = ("bash", "zsh", "fish")


def register(completion: Parser, common: Parser) -> None:
    completion.add_argument("shell", metavar="SHELL", choices=SHELLS, help=", ".join(SHELLS))
    completion.set_defaults(handler=print_completion)


def print_completion(args: argparse.Namespace) -> int:
    import shtab

    from growthtui.cli import build_parser

    script = shtab.complete(build_parser(), shell=args.shell)
    output.deliver(script if script.endswith("\n") else script + "\n", "the completion script")
    return EXIT_OK
