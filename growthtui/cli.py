"""The `growthtui` command: opens the app, or runs one subcommand and exits.

Exit codes: 0 success, 2 bad input (one line on stderr saying what and what to do),
1 an unexpected failure (one line too; set GROWTHTUI_DEBUG=1 for the traceback).
A command that stored something exits 0 even when its reply cannot be printed, and one
that only prints exits 2 when its text cannot be delivered (growthtui.output).

Text a person types (a title, a win) is refused when it holds a control character or a
direction override (`check_typed`); text that was stored elsewhere is printed through
`printable`, so no line this prints can drive the terminal.

Start-up is most of what a subcommand costs, so this module imports only the standard
library: pydantic comes with the domain when a handler needs it (`--version`, `--help` and
usage errors never load it), the store's file lock only for a write, Textual only when the
app opens.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import functools
import gc
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from growthtui import __version__, clock, output, replies
from growthtui.domain.kinds import EVIDENCE_KIND_WORDS, Horizon

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

    from growthtui.store import Store

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2
DEBUG_ENV = "GROWTHTUI_DEBUG"


class UsageError(Exception):
    """Bad command-line usage (reported like the domain's GrowthError: one line, exit 2)."""


class _Parser(argparse.ArgumentParser):
    """argparse, but errors are one line on stderr and exit 2, and help or a version that
    cannot be printed is an error too (argparse would drop it silently and exit 0)."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see `{self.prog} --help`)")

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: None = None
    ) -> argparse.Namespace:
        parsed = super().parse_args(args, namespace)
        # `--days=--`: argparse (before Python 3.12.7) drops the `--` and hands the option
        # an empty list instead of refusing it; no option here takes a list.
        for name, value in vars(parsed).items():
            if isinstance(value, list):
                option = "--from" if name == "source" else f"--{name.replace('_', '-')}"
                self.error(f"{option} needs a value, not `--`")
        return parsed

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        if message and file is sys.stdout:  # sys.stdout is None when it was closed
            output.deliver(message, "the help" if "usage:" in message else "the version")
        else:
            super()._print_message(message, file)


def today() -> dt.date:
    """The date growthtui works with: GROWTHTUI_TODAY when set, else the clock's."""
    try:
        return clock.today()
    except ValueError as error:
        from growthtui.domain.errors import InvalidInput

        raise InvalidInput(str(error)) from None


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} must not be negative")
    return value


def _data_file(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError("give the path of a data file, e.g. --data growth.json")
    return text


def _goal_id(text: str) -> int:
    try:
        value = int(text.lstrip("#"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a goal id: use the number shown by `growthtui add goal`"
        ) from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a goal id (ids start at 1)")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, as DESIGN.md states it."""
    data_help = "the data file (default: $GROWTHTUI_DATA, else your user data folder)"
    common = _Parser(add_help=False)
    # SUPPRESS: a subcommand's parser must not reset a `--data` given before the subcommand.
    common.add_argument(
        "--data", metavar="PATH", type=_data_file, help=data_help, default=argparse.SUPPRESS
    )

    parser = _Parser(
        prog="growthtui",
        description="Plan your professional growth: assess, set SMART goals, review, adjust.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"growthtui {__version__}")
    parser.add_argument(
        "--demo", action="store_true", help="open a throwaway store filled with sample data"
    )
    parser.set_defaults(handler=_run_app)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_Parser)

    add = commands.add_parser("add", help="add a goal or a milestone", parents=[common])
    add_kinds = add.add_subparsers(title="what to add", metavar="KIND", parser_class=_Parser)
    add_kinds.required = True
    add_goal = add_kinds.add_parser("goal", help="add a goal", parents=[common])
    add_goal.add_argument("title", metavar="TITLE")
    add_goal.add_argument(
        "--horizon", choices=[horizon.value for horizon in Horizon], default=Horizon.SHORT.value
    )
    add_goal.add_argument("--due", metavar="YYYY-MM-DD")
    add_goal.set_defaults(handler=_add_goal)
    add_ms = add_kinds.add_parser("milestone", help="add a milestone to a goal", parents=[common])
    add_ms.add_argument("goal_id", metavar="GOAL_ID", type=_goal_id)
    add_ms.add_argument("title", metavar="TITLE")
    add_ms.add_argument("--due", metavar="YYYY-MM-DD", required=True)
    add_ms.set_defaults(handler=_add_milestone)

    log = commands.add_parser(
        "log", help="quick capture of a win or piece of evidence", parents=[common]
    )
    log.add_argument("text", metavar="TEXT")
    log.add_argument("--goal", metavar="GOAL_ID", type=_goal_id)
    log.add_argument("--kind", choices=list(EVIDENCE_KIND_WORDS), default="win")
    log.add_argument("--date", metavar="YYYY-MM-DD", help="when it happened (default: today)")
    log.set_defaults(handler=_log)

    seed = commands.add_parser(
        "seed", help="fill an empty store with a believable sample person", parents=[common]
    )
    seed.add_argument(
        "--scale", metavar="N", type=_positive, help="about N records in all (for benchmarks)"
    )
    seed.set_defaults(handler=_seed)

    agenda = commands.add_parser(
        "agenda", help="plain text: overdue, upcoming, follow-ups, review due", parents=[common]
    )
    agenda.add_argument("--days", metavar="N", type=_positive, default=7)
    agenda.set_defaults(handler=_agenda)

    export = commands.add_parser(
        "export", help="write the store as json, md, csv or ics", parents=[common]
    )
    export.add_argument("--format", choices=["json", "md", "csv", "ics"], default="json")
    export.add_argument(
        "-o", "--output", metavar="FILE", help="write here instead of stdout ('-' is stdout)"
    )
    export.set_defaults(handler=_export)

    imp = commands.add_parser(
        "import", help="merge a json export or a taskwarrior export", parents=[common]
    )
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--from", dest="source", choices=["json", "taskwarrior"], default="json")
    imp.set_defaults(handler=_import)
    _add_sync_parser(commands, common)
    return parser


# -- handlers -------------------------------------------------------------------------
def _data_path(args: argparse.Namespace) -> Path:
    from growthtui.domain.errors import InvalidInput
    from growthtui.locations import data_path

    path = data_path(getattr(args, "data", None))
    if path.is_dir():
        raise InvalidInput(
            f"{path} is a folder: give the path of a data file, e.g. --data {path / 'growth.json'}"
        )
    return path


def _open_store(args: argparse.Namespace, *, lazy: bool = True) -> Store:
    """The store named by --data / GROWTHTUI_DATA / the default.

    Subcommands open it without creating it: a missing file reads as empty, and the first
    change that succeeds creates it. So input refused by a check never leaves a file behind.
    A command that writes opens it lazily: a kind of record is checked when first read, and
    every record before the first write, so a file holding a record that is not valid is
    refused (exit 2) and never rewritten. A command that only reads passes `lazy=False`:
    every record is checked as it opens, so it refuses exactly the files a write refuses,
    with the same sentence, whichever kinds it shows.
    """
    from growthtui.store import Store

    return Store.open(_data_path(args), create=False, today=today, lazy=lazy)


def _typed(text: str, what: str) -> str:
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


def _stored(reply: str, warning: str | None = None) -> int:
    """What a command that stored something prints: its reply, and a warning on stderr.
    It has succeeded whatever happens to them (growthtui.output)."""
    output.reply(reply)
    if warning is not None:
        output.say(warning)
    return EXIT_OK


def _add_goal(args: argparse.Namespace) -> int:
    from growthtui.domain.dates import parse_optional_date
    from growthtui.store.quick_write import add_goal

    title = _typed(args.title, "title")
    day = today()
    due = parse_optional_date(args.due or "", day, "due date")
    warning = replies.due_warning(due, day)
    # The short way when it can vouch for the file and the input (see quick_write).
    added = add_goal(_data_path(args), title, Horizon(args.horizon), due, day)
    if added is not None:
        return _stored(replies.added_goal(added, title), warning)
    from growthtui.domain import Goal

    goal = Goal.build(title=title, horizon=args.horizon, due=due)
    stored = _open_store(args).add(goal)
    return _stored(replies.added_goal(stored.id, stored.title), warning)


def _add_milestone(args: argparse.Namespace) -> int:
    from growthtui.domain.dates import parse_date
    from growthtui.store.goal_peek import goal_start
    from growthtui.store.quick_write import add_milestone

    title = _typed(args.title, "title")
    day = today()
    due = parse_date(args.due, day, "due date")
    # The short way when it can vouch for the file and the input (see quick_write).
    path = _data_path(args)
    added = add_milestone(path, args.goal_id, title, due, day)
    if added is not None:
        warning = replies.due_warning(due, day, args.goal_id, goal_start(path, args.goal_id))
        return _stored(replies.added_milestone(added[0], args.goal_id, added[1], due), warning)
    from growthtui.domain import Goal, Milestone

    milestone = Milestone.build(goal_id=args.goal_id, title=title, due=due)
    store = _open_store(args)
    goal = store.get(Goal, args.goal_id)
    stored = store.add(milestone)
    warning = replies.due_warning(stored.due, day, goal.id, goal.start)
    return _stored(replies.added_milestone(stored.id, goal.id, goal.title, stored.due), warning)


def _log(args: argparse.Namespace) -> int:
    from growthtui.domain.dates import parse_date
    from growthtui.store.quick_write import log_evidence

    text = _typed(args.text, "text")
    day = today()
    kind = EVIDENCE_KIND_WORDS[args.kind]
    when = parse_date(args.date, day, "date") if args.date else day
    # The short way when it can vouch for the file and the input (see quick_write).
    logged = log_evidence(_data_path(args), text, kind, when, args.goal, day)
    if logged is not None:
        return _stored(replies.logged(kind.value, logged, args.goal, text))
    from growthtui.domain import Evidence, Goal

    evidence = Evidence.build(
        date=when, text=text, kind=kind, goal_ids=[args.goal] if args.goal else []
    )
    store = _open_store(args)
    if args.goal:
        store.get(Goal, args.goal)
    stored = store.add(evidence)
    return _stored(replies.logged(stored.kind.value, stored.id, args.goal, stored.text))


def _seed(args: argparse.Namespace) -> int:
    from growthtui.domain.errors import InvalidInput
    from growthtui.services.seed import MAX_SCALE, seed

    if args.scale is not None and args.scale > MAX_SCALE:  # the argument before the store
        raise InvalidInput(f"--scale must be between 0 and {MAX_SCALE:,}, not {args.scale}")
    from growthtui.domain.words import counted

    store = _open_store(args)
    count = seed(store, today(), args.scale)
    return _stored(f"seeded {counted(count, 'record')} into {store.path}")


def _agenda(args: argparse.Namespace) -> int:
    from growthtui.domain.shapes import AgendaRecords
    from growthtui.services.agenda import build_agenda, records_of, render_agenda
    from growthtui.store.quick_read import read_agenda_records

    # The quick read takes a file the Store sealed as its own (checked and written whole)
    # without loading pydantic; any other (missing, older, edited by hand, corrupt) goes
    # through the Store, every record checked, which migrates it or says what is wrong.
    records: AgendaRecords | None = read_agenda_records(_data_path(args))
    if records is None:
        records = records_of(_open_store(args, lazy=False))
    agenda = build_agenda(records, today(), args.days)
    output.deliver(render_agenda(agenda, color=_colour_allowed()), "the agenda")
    return EXIT_OK


def _colour_allowed() -> bool:
    """Colour codes only for a terminal, and never with NO_COLOR."""
    try:
        return sys.stdout is not None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    except (OSError, ValueError):
        return False


def _export(args: argparse.Namespace) -> int:
    from growthtui.interop.formats import export_text
    from growthtui.services.exports import check_export_target, write_export

    store = _open_store(args, lazy=False)
    target = Path(args.output).expanduser() if args.output not in (None, "-") else None
    if target is not None:
        check_export_target(target, store.path)
    text = export_text(store, args.format, today())
    if target is None:
        output.deliver(text, f"the {args.format} export")
    else:
        write_export(target, text, store.path)
        output.note(f"wrote the {args.format} export to {target}")
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from growthtui.interop.formats import import_file
    from growthtui.store import Store

    path = Path(args.file).expanduser()
    store = _open_store(args)
    if store.path is not None and not store.path.exists():
        # A store not created yet is empty: try the import in memory first, so a file that
        # cannot be imported leaves nothing behind (not even a lock file or the folder).
        import_file(Store.in_memory(today=today), path, args.source)
    report = import_file(store, path, args.source)
    return _stored(f"imported {path}: {report.describe()}")


def _run_app(args: argparse.Namespace) -> int:
    import tempfile

    if args.demo:
        with tempfile.TemporaryDirectory(prefix="growthtui-demo-") as folder:
            demo = Path(folder) / "demo.json"
            return _launch(functools.partial(_open_demo, demo), demo=True)
    # The first frame is drawn before the store is read; then every record is read and
    # checked (the Dashboard shows most kinds at once), and a file that cannot be used is
    # refused in one sentence, exit 2, once the terminal is back to normal.
    return _launch(functools.partial(_open_for_app, _data_path(args)))


def _open_for_app(path: Path) -> Store:
    from growthtui.store import Store

    return Store.open(path, create=True, today=today)


def _open_demo(path: Path) -> Store:
    from growthtui.services.seed import seed
    from growthtui.store import Store

    store = Store.open(path, today=today)
    seed(store, today())
    return store


def _launch(open_store: Callable[[], Store], demo: bool = False) -> int:
    from growthtui.ui.terminal import prepare_terminal_environment

    # Before Textual's first import: it reads the colour system once (256 colours unless
    # the terminal says truecolor; COLORTERM is not forwarded over SSH).
    prepare_terminal_environment(os.environ)
    from growthtui.ui.app import OpenAfterFirstFrame, run_app

    code: int = run_app(OpenAfterFirstFrame(open_store), today=today, demo=demo)
    return code


# -- sync (issue 18): the logic is in growthtui.services.sync ------------------------------
def _add_sync_parser(commands: argparse._SubParsersAction[_Parser], common: _Parser) -> None:
    sync = commands.add_parser(
        "sync", help="bring this copy and another (over git) in step", parents=[common]
    )
    sync.add_argument(
        "--remote", metavar="URL", help="the git repository both copies sync through (remembered)"
    )
    sync.add_argument(
        "--auto",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="sync quietly after each change (remembered)",
    )
    sync.add_argument("--quiet", action="store_true", help="print nothing when all went well")
    sync.set_defaults(handler=_sync)


def _sync(args: argparse.Namespace) -> int:
    from growthtui.services.sync import sync

    result = sync(
        _data_path(args), remote=args.remote, auto=args.auto, quiet=args.quiet, today=today
    )
    if not args.quiet:
        output.reply(result.describe())
    return EXIT_OK


def _sync_after_change(args: argparse.Namespace) -> None:
    """With `sync --auto` on, a command that stored something starts a quiet sync."""
    from growthtui.services.sync import auto_enabled, sync_in_background

    with contextlib.suppress(Exception):  # failing soft: the change itself is stored
        path = _data_path(args)
        if auto_enabled(path):
            sync_in_background(path)


_CHANGES = {_add_goal, _add_milestone, _log, _seed, _import}
"""The commands that store something: with `sync --auto`, each is followed by a sync."""


# -- entry point ----------------------------------------------------------------------
@contextlib.contextmanager
def _one_shot(restore: bool) -> Iterator[None]:
    """Run a subcommand without the cyclic garbage collector. Such a run lives for a fraction
    of a second and builds objects that all stay alive (the modules it imports, the store's
    records): the collector would walk them again and again and free nothing.

    With `restore`, the collector is turned back on afterwards, for callers that run several
    commands in one process (the tests). The process's own command line does not restore it:
    the process ends right after, and the first collection would walk every object again."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled and restore:
            gc.enable()


def main(argv: Sequence[str] | None = None) -> int:
    """Run growthtui on `argv` (default: this process's command line); returns the exit code."""
    parser = build_parser()
    output.prepare_streams()
    try:
        try:
            args = parser.parse_args(argv)
        except SystemExit as done:  # --help and --version have printed what was asked
            return done.code if isinstance(done.code, int) else EXIT_OK
        handler: Callable[[argparse.Namespace], int] = args.handler
        if handler is _run_app:  # the app is long-lived: keep the collector
            return handler(args)
        with _one_shot(restore=argv is not None):
            code = handler(args)
        if code == EXIT_OK and handler in _CHANGES:
            _sync_after_change(args)
        return code
    except UsageError as error:
        _say(str(error))
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
            _say(str(error))
            return EXIT_BAD_INPUT
        return report_unexpected(error)


def report_unexpected(error: Exception) -> int:
    """A bug: one line on stderr and exit 1, never a traceback, unless GROWTHTUI_DEBUG is
    set (then it is raised again, with its traceback)."""
    if os.environ.get(DEBUG_ENV):
        raise error
    _say(
        f"unexpected error: {type(error).__name__}: {error} — please report it; "
        f"run again with {DEBUG_ENV}=1 to see the details"
    )
    return EXIT_FAILURE


def silence_stdout() -> None:
    """Point stdout at devnull: its reader left (`growthtui export | head`), and the
    interpreter's last flush must not complain either."""
    output.silence(1)


def _say(message: str) -> None:
    """One line on stderr, `growthtui: …`, printable (a value quoted from a file may hold
    control characters)."""
    output.say(message)
