"""What every command of the command line shares: the parser class, "today", the store it
works on, the checks of typed text, and what a command prints.

Little at import time (argparse, os, sys): a command's module imports what it needs (the
domain, the store, the services, even pathlib) inside its handler, so `--help`,
`--version` and usage errors never load pydantic, and `add goal` on a store the quick
write can vouch for loads neither pydantic nor the store's decoder (`python -X importtime
growthtui add goal …` shows what each import costs).
"""

from __future__ import annotations

import argparse
import os
import sys

from growthtui import output

TYPE_CHECKING = False  # not `from typing import …`: typing costs every command ~10 ms
if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Sequence
    from pathlib import Path
    from typing import Any, NoReturn

    from _typeshed import SupportsWrite

    from growthtui.store.repository import Store

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2
DEBUG_ENV = "GROWTHTUI_DEBUG"

WORDS = "words"
"""The dest of a command's words (`add goal Publish the post`): a list argparse gathers,
joined by `joined`. Every other list-valued dest is an option given `--`."""


def _translate_once() -> None:
    """argparse's words (`usage:`, `options`, its errors) from one catalog, found once.

    argparse passes every word it shows through `gettext.gettext` (and `ngettext`), as it
    builds a parser too, not only when it shows help: ~15 calls for `add goal`. Each
    call looks for the catalog again (`gettext.translation`: the locale's names normalised,
    a `stat` of each place a `.mo` file may be), ~0.8 ms for 15 on a loaded machine, for
    the same answer every time in a process that never changes its text domain. The translation is
    the one `gettext.gettext` finds, so a catalog installed for argparse still translates;
    only the looking is done once.

    Where the catalogs' folder is missing (as in a Python built from source, pyenv's),
    there is nothing to find: the translation is the one `gettext.translation` gives
    then (`NullTranslations`), without its looking, which loads `locale` to read the
    locale's names (~1.6 ms of every command's start) for `stat`s of files in a folder
    that is not there."""
    import gettext  # loaded by argparse already

    domain = gettext.textdomain()
    folder = gettext.bindtextdomain(domain)
    if os.path.isdir(folder):
        catalog = gettext.translation(domain, folder, fallback=True)
    else:
        catalog = gettext.NullTranslations()
    vars(argparse).update(_=catalog.gettext, ngettext=catalog.ngettext)


_translate_once()


class UsageError(Exception):
    """Bad command-line usage (reported like the domain's GrowthError: one line, exit 2)."""


class Formatter(argparse.HelpFormatter):
    """argparse's help layout, its width found as `shutil.get_terminal_size` finds it,
    without importing shutil (and the compression modules shutil brings): argparse makes
    a formatter for every argument it adds, and that import was most of building the
    parser."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        if width is None:
            width = _terminal_columns() - 2
        super().__init__(prog, indent_increment, max_help_position, width)


def _terminal_columns() -> int:
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class Parser(argparse.ArgumentParser):
    """argparse, but errors are one line on stderr and exit 2, and help or a version that
    cannot be printed is an error too (argparse would drop it silently and exit 0)."""

    named: str | None = None
    """For a command's parser built for one command line (cli.build_parser(argv)): the word
    that follows the command there (`goal` in `add goal …`), so that only that kind is
    built (`add_kinds`). None: every kind is (`--help`, the whole parser)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see `{self.prog} --help`)")

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: None = None
    ) -> argparse.Namespace:
        parsed = super().parse_args(args, namespace)
        # `--days=--`: argparse (before Python 3.12.7) drops the `--` and hands the option
        # an empty list instead of refusing it; no option here takes a list.
        for name, value in vars(parsed).items():
            if isinstance(value, list) and name != WORDS:
                option = "--from" if name == "source" else f"--{name.replace('_', '-')}"
                self.error(f"{option} needs a value, not `--`")
        return parsed

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        if message and file is sys.stdout:  # sys.stdout is None when it was closed
            output.deliver(message, "the help" if "usage:" in message else "the version")
        else:
            super()._print_message(message, file)


# -- arguments ----------------------------------------------------------------------------
Kind = tuple[str, str, "Callable[[Parser], None]"]
"""A command's kind (`goal` of `add goal`): its word, its line of help, and what adds its
arguments and handler to its parser."""


def add_kinds(command: Parser, common: Parser, title: str, kinds: Sequence[Kind]) -> None:
    """The kinds of `command` (`add goal`, `add milestone`), which a command line must name
    one of: only the kind named when the parser is built for one command line
    (`Parser.named`), and any refusal is then read again by the whole parser (cli._parse),
    so its sentence, and its list of kinds, is the whole parser's."""
    subparsers = command.add_subparsers(
        title=title, metavar="KIND", parser_class=Parser, prog=command.prog
    )
    subparsers.required = True
    named = command.named if any(command.named == word for word, _, _ in kinds) else None
    for word, help_line, build in kinds:
        if named is None or named == word:
            build(subparsers.add_parser(word, help=help_line, parents=[common]))


def add_words(parser: argparse.ArgumentParser, metavar: str) -> None:
    """The command's text as words: everything up to the first option, joined by single
    spaces (`growthtui log Shipped the migration --goal 4`); quotes work as well, and `--`
    ends the options (`growthtui add goal -- -1 day`)."""
    parser.add_argument(WORDS, metavar=metavar, nargs="+")


def joined(words: Sequence[str]) -> str:
    """The words as one text, separated by single spaces: one quoted argument is kept as
    typed (what `typed` then checks)."""
    return words[0] if len(words) == 1 else " ".join(word.strip() for word in words)


def typed_words(args: argparse.Namespace, what: str) -> str:
    """The command's words (`add_words`) as one text, when it may be stored (`typed`)."""
    return typed(joined(getattr(args, WORDS)), what)


def positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} must not be negative")
    return value


def data_file(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError("give the path of a data file, e.g. --data growth.json")
    return text


def record_id(what: str, shown_by: str) -> type:
    """An argparse type for the id of a `what` (`12` or `#12`), which says where ids are
    shown when the text is not one."""

    def read(text: str) -> int:
        try:
            value = int(text.lstrip("#"))
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"{text!r} is not a {what} id: use the number shown by `{shown_by}`"
            ) from None
        if value < 1:
            raise argparse.ArgumentTypeError(f"{text!r} is not a {what} id (ids start at 1)")
        return value

    read.__name__ = f"{what} id"
    return read  # type: ignore[return-value]


goal_id = record_id("goal", "growthtui list")


# -- the store and the day ----------------------------------------------------------------
def today() -> dt.date:
    """The date growthtui works with: GROWTHTUI_TODAY when set, else the clock's."""
    from growthtui import clock  # datetime: only for the commands that ask for the day

    try:
        return clock.today()
    except ValueError as error:
        from growthtui.domain.errors import InvalidInput

        raise InvalidInput(str(error)) from None


def quick_path(args: argparse.Namespace) -> str | None:
    """The data file as `--data` or GROWTHTUI_DATA name it, for the quick write; None for
    the platform's default location (then `data_path` says where: platformdirs' answer)."""
    from growthtui.locations import given_data_path

    return given_data_path(getattr(args, "data", None))


def data_path(args: argparse.Namespace) -> Path:
    from growthtui.domain.errors import InvalidInput
    from growthtui.locations import data_path as located

    path = located(getattr(args, "data", None))
    if path.is_dir():
        raise InvalidInput(
            f"{path} is a folder: give the path of a data file, e.g. --data {path / 'growth.json'}"
        )
    return path


def open_store(args: argparse.Namespace, *, lazy: bool = True) -> Store:
    """The store named by --data / GROWTHTUI_DATA / the default.

    Subcommands open it without creating it: a missing file reads as empty, and the first
    change that succeeds creates it. So input refused by a check never leaves a file behind.
    A command that writes opens it lazily: a kind of record is checked when first read, and
    every record before the first write, so a file holding a record that is not valid is
    refused (exit 2) and never rewritten. A command that only reads passes `lazy=False`:
    every record is checked as it opens, so it refuses exactly the files a write refuses,
    with the same sentence, whichever kinds it shows.
    """
    from growthtui.store.repository import Store

    return Store.open(data_path(args), create=False, today=today, lazy=lazy)


def open_store_to_read(args: argparse.Namespace) -> Store:
    """The store for a command that only reads (`list`, `show`). A file the Store sealed
    as its own (store/seal.py: it checked every record in that very version) is opened
    lazily, each kind checked when first read; any other file has every record checked
    as it opens, so it is refused exactly as a write would refuse it."""

    from growthtui.store.files import real_path
    from growthtui.store.schema import CURRENT_SCHEMA
    from growthtui.store.seal import is_sealed

    path = data_path(args)
    try:
        sealed = is_sealed(real_path(path), os.stat(real_path(path)), CURRENT_SCHEMA)
    except OSError:
        sealed = False
    return open_store(args, lazy=sealed)


# -- text in, text out --------------------------------------------------------------------
def typed(text: str, what: str) -> str:
    """`text` as typed on the command line without surrounding whitespace (the records
    never keep it), when it may be stored: no control characters, no direction overrides;
    InvalidInput saying which character otherwise."""
    from growthtui.domain.errors import InvalidInput
    from growthtui.domain.printable import check_typed

    undecoded = next((char for char in text if "\udc80" <= char <= "\udcff"), None)
    if undecoded is not None:  # a byte the locale's encoding could not read (PEP 383)
        raise InvalidInput(
            f"the {what} holds a byte that is not text in your terminal's encoding "
            f"(0x{ord(undecoded) - 0xDC00:02x}): check the terminal's encoding (UTF-8) and "
            "type it again"
        )
    return check_typed(text.strip(), what)


def stored(reply: str, warning: str | None = None) -> int:
    """What a command that stored something prints: its reply, and a warning on stderr.
    It has succeeded whatever happens to them (growthtui.output)."""
    output.reply(reply)
    if warning is not None:
        output.say(warning)
    return EXIT_OK


Said = tuple[str, "str | None"]
"""What a command that stored a record says (`stored`): its reply, and a warning or None."""


def store_new(
    args: argparse.Namespace,
    quickly: Callable[[str], Said | None],
    by_the_store: Callable[[], Said],
) -> int:
    """Store a new record (`add goal`, `add milestone`, `log`) and say so (`stored`):
    `quickly` on the data file that --data or GROWTHTUI_DATA names, the quick write
    (store/quick_write.py), which returns None when it cannot vouch for the file and the
    input; else `by_the_store`, the Store's way (also for the platform's default location).
    Both store the same record and say the same."""
    path = quick_path(args)
    said = None if path is None else quickly(path)
    return stored(*(by_the_store() if said is None else said))


def colour_allowed() -> bool:
    """Colour codes only for a terminal, and never with NO_COLOR."""
    try:
        return sys.stdout is not None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    except (OSError, ValueError):
        return False


def report_unexpected(error: Exception) -> int:
    """A bug: one line on stderr and exit 1, never a traceback, unless GROWTHTUI_DEBUG is
    set (then it is raised again, with its traceback)."""
    if os.environ.get(DEBUG_ENV):
        raise error
    output.say(
        f"unexpected error: {type(error).__name__}: {error} — please report it; "
        f"run again with {DEBUG_ENV}=1 to see the details"
    )
    return EXIT_FAILURE


def silence_stdout() -> None:
    """Point stdout at devnull: its reader left (`growthtui export | head`), and the
    interpreter's last flush must not complain either."""
    output.silence(1)
