"""The `growthtui` command: opens the app, or runs one command and exits.

One grammar: argparse reads every command line. Each command (or group of commands) is a
module of this package named in the product's words, holding:

- `register(parser, common)`, given the command's own parser (made here, with its word
  and help line): it adds the command's arguments (sub-commands such as `add goal` are
  added with `parents=[common]`, which brings `--data`) and
  `parser.set_defaults(handler=…)`: the function that runs it;
- that handler, `(args: argparse.Namespace) -> int`, which imports what it needs (the
  domain, the store, the services) inside itself, so building the parser and `--help`
  load none of it.

Adding a command is that module plus one line in COMMANDS below: its word, its module and
its line of help, e.g. `("sync", "sync", "merge another copy of the store")`. Only the
command named on the command line is imported and built, and of a command with kinds
(`add goal`, `add milestone`: base.add_kinds) only the kind named (`growthtui --help`
builds them all); anything that partial parser refuses is read again by the whole one,
so every message, and every list of choices, is the whole parser's.

Handlers only parse, call a service (growthtui.services: the same the app calls, so the
two cannot disagree) and print; growthtui.cli.base holds what they share (the store named
by `--data`, "today", the checks of typed text, the reply of a command that stored
something).

Text typed as a command's words (`growthtui add goal Publish the post --due +2w`) is every
word up to the first option, joined by single spaces (base.add_words); quotes work too,
and `--` ends the options.

Exit codes: 0 success, 2 bad input (one line on stderr saying what and what to do),
1 an unexpected failure (one line too; set GROWTHTUI_DEBUG=1 for the traceback).
A command that stored something exits 0 even when its reply cannot be printed, and one
that only prints exits 2 when its text cannot be delivered (growthtui.output).

Text a person types (a title, a win) is refused when it holds a control character or a
direction override (base.typed); text that was stored elsewhere is printed through
`printable`, so no line this prints can drive the terminal.
"""

from __future__ import annotations

import argparse
import sys

from growthtui import __version__, heap, output
from growthtui.cli.base import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    Parser,
    UsageError,
    data_file,
    report_unexpected,
    silence_stdout,
)

TYPE_CHECKING = False  # not `from typing import …`: see growthtui.cli.base
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("add", "add", "add a goal or a milestone"),
    ("log", "log", "quick capture of a win or piece of evidence"),
    ("checkin", "checkin", "record today's value of a goal's measure"),
    ("done", "done", "mark a milestone or a learning item done"),
    ("edit", "edit", "change a goal's title, due date, horizon or status"),
    ("undo", "undo", "take back the latest change (from here or the app)"),
    ("list", "listing", "goals as a tree and their milestones, or people, learning, reviews"),
    ("show", "show", "a goal in full: SMART, progress, milestones, check-ins, history"),
    ("agenda", "agenda", "plain text: overdue, upcoming, follow-ups, review due"),
    ("export", "export", "write the store as json, md, csv or ics"),
    ("import", "import_file", "merge a json export or a taskwarrior export"),
    ("seed", "seed", "fill an empty store with a believable sample person"),
    ("sync", "sync", "bring this copy and another (over git) in step"),
    ("completion", "completion", 'print a completion script: eval "$(growthtui completion bash)"'),
)
"""Every command, in the order `--help` lists them, one line each: its word, its module in
this package, and its line of help."""

CHANGES = frozenset({"add", "log", "checkin", "done", "edit", "undo", "import", "seed"})
"""The commands that store something: with `sync --auto`, each is followed by a sync."""

__all__ = ["COMMANDS", "UsageError", "build_parser", "main", "report_unexpected"]


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The whole command line; with `argv`, only the command it names (see
    `named_command`)."""
    data_help = "the data file (default: $GROWTHTUI_DATA, else your user data folder)"
    common = Parser(add_help=False)
    # SUPPRESS: a subcommand's parser must not reset a `--data` given before the subcommand.
    common.add_argument(
        "--data", metavar="PATH", type=data_file, help=data_help, default=argparse.SUPPRESS
    )
    parser = Parser(
        prog="growthtui",
        description="Plan your professional growth: assess, set SMART goals, review, adjust.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"growthtui {__version__}")
    parser.add_argument(
        "--demo", action="store_true", help="open a throwaway store filled with sample data"
    )
    parser.set_defaults(handler=open_app)
    # prog given: argparse would lay out the usage (regular expressions and all) to find it
    commands = parser.add_subparsers(
        title="commands", metavar="COMMAND", parser_class=Parser, prog=parser.prog
    )
    wanted = named_command(argv) if argv is not None else None
    for word, module, help_line in COMMANDS:
        if wanted is None or wanted == word:
            command = commands.add_parser(word, help=help_line, parents=[common])
            if argv is not None:
                command.named = next(_words(argv, 1), None)
            # __import__ rather than importlib: one module fewer to load at every start
            __import__(f"growthtui.cli.{module}")
            sys.modules[f"growthtui.cli.{module}"].register(command, common)
    return parser


def open_app(args: argparse.Namespace) -> int:
    """`growthtui` with no command: the app (growthtui.cli.app)."""
    from growthtui.cli.app import run_app

    return run_app(args)


def named_command(argv: Sequence[str]) -> str | None:
    """The command `argv` names: its first word, after nothing but `--data PATH`; None
    for anything else (`--help`, `--version`, no command): the whole parser is built."""
    token = next(_words(argv), None)
    return token if any(token == word for word, _, _ in COMMANDS) else None


def _words(argv: Sequence[str], skip: int = 0) -> Iterator[str]:
    """The words of `argv` but `--data PATH` (`--data=PATH`), after the first `skip`:
    the command's word first, then its kind's (`add goal`)."""
    tokens = iter(argv)
    for token in tokens:
        if token == "--data":
            next(tokens, None)
        elif not token.startswith("--data="):
            if skip == 0:
                yield token
            else:
                skip -= 1


def _may_sync(args: argparse.Namespace) -> bool:
    """Whether the store may be set to sync after each change (`sync --auto`): a store named
    by --data or GROWTHTUI_DATA syncs only when its clone is beside it, one `stat`; the
    default location is left to growthtui.cli.sync."""
    import os

    from growthtui.locations import given_data_path

    given = given_data_path(getattr(args, "data", None))
    return given is None or os.path.isdir(given + ".sync")


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    """`argv` read by the parser built for it, and again by the whole parser when that
    one refuses it (so every refusal is the whole parser's sentence)."""
    if named_command(argv) is not None:
        try:
            return build_parser(argv).parse_args(argv)
        except UsageError:
            pass
    return build_parser().parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run growthtui on `argv` (default: this process's command line); returns the exit code."""
    output.prepare_streams()
    words = list(sys.argv[1:] if argv is None else argv)
    try:
        try:
            args = _parse(words)
        except SystemExit as finished:  # --help and --version have printed what was asked
            return finished.code if isinstance(finished.code, int) else EXIT_OK
        handler: Callable[[argparse.Namespace], int] = args.handler
        if handler is open_app:  # the app is long-lived: keep the collector
            return handler(args)
        with heap.paused():  # a command's run builds what lasts until it ends
            code = handler(args)
        if code == EXIT_OK and named_command(words) in CHANGES and _may_sync(args):
            from growthtui.cli.sync import after_change

            after_change(args)
        return code
    except UsageError as error:
        output.say(str(error))
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `growthtui export | head`: the reader left; not an error worth a message.
        silence_stdout()
        return EXIT_OK
    except Exception as error:
        # Whatever raised a GrowthError has loaded the domain: this import costs nothing.
        from growthtui.domain.errors import GrowthError

        if isinstance(error, GrowthError):
            output.say(str(error))
            return EXIT_BAD_INPUT
        return report_unexpected(error)
