"""The `growthtui` command's first step: the plain forms of `add goal`, `add milestone`
and `log`, stored without loading the rest of the command line.

A goal, a milestone or a win typed at a shell prompt should be stored before the prompt
comes back. On ten years of data the quick write itself (store/quick_write.py) takes a few
milliseconds; building the argparse parser, and importing what argparse and pathlib bring,
took longer than that. So these commands, typed in their plain forms, are read here:

    growthtui [--data PATH] add goal TITLE [--data PATH] [--due YYYY-MM-DD] [--horizon H]
    growthtui [--data PATH] add milestone GOAL_ID TITLE --due YYYY-MM-DD [--data PATH]
    growthtui [--data PATH] log TEXT [--data PATH] [--goal ID] [--kind K] [--date YYYY-MM-DD]

Each option at most once, as `--name value` or `--name=value`; the store named by `--data`
or GROWTHTUI_DATA; dates in ISO form; horizons, kinds and ids as the full command line
takes them. Anything else (another command, `--help`, an abbreviated option, a relative
date, the default store location, a value or a title starting with `-`, …) and anything the
quick write cannot vouch for goes to growthtui.cli, which reads the whole command line,
takes the Store's way when it must, and says what is wrong. A form read here means what
argparse would read from it: tests compare the two on many command lines. So is text the
full command line refuses (a control character, a direction override): it is left to it,
to say so.

Once the record is stored the command has succeeded: its reply, and a warning about a due
date already past, are printed by growthtui.output, which never turns a closed or full
standard output into a failure (see there).

Standard library only, and only what the interpreter has loaded already (plus `datetime`).
"""

from __future__ import annotations

import gc
import sys

from growthtui import output, replies
from growthtui.clock import today
from growthtui.domain.printable import hostile_character
from growthtui.locations import given_data_path

TYPE_CHECKING = False
if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

DATA = "--data"
FORMS: dict[tuple[str, ...], tuple[int, frozenset[str]]] = {
    ("add", "goal"): (1, frozenset({DATA, "--due", "--horizon"})),
    ("add", "milestone"): (2, frozenset({DATA, "--due"})),
    ("log",): (1, frozenset({DATA, "--goal", "--kind", "--date"})),
}
"""The commands read here: how many arguments follow their words, and the options they take
after their words (`--data` may also come before or between them, as the full command
line allows)."""


class Plain:
    """A command line in one of the plain FORMS: its words, the arguments after them (the
    title or text; a goal id first for a milestone), and its options by name."""

    def __init__(self, words: tuple[str, ...], args: list[str], options: dict[str, str]):
        self.words = words
        self.args = args
        self.options = options

    @property
    def text(self) -> str:
        """The title or text, without surrounding whitespace, as the full command line
        stores it (cli._typed)."""
        return self.args[-1].strip()


def read_plain(argv: Sequence[str]) -> Plain | None:
    """`argv` as a Plain command line, or None when it is not one."""
    positional: list[str] = []
    options: dict[str, str] = {}
    after: dict[str, int] = {}  # how many words came before each option
    tokens = iter(argv)
    for token in tokens:
        if not token.startswith("-"):
            positional.append(token)
            continue
        name, equals, value = token.partition("=")
        if not equals:
            following = next(tokens, None)
            if following is None:
                return None
            value = following
        if name in options or not value.strip() or value.startswith("-"):
            return None
        options[name] = value
        after[name] = len(positional)
    for words, (count, allowed) in FORMS.items():
        if tuple(positional[: len(words)]) != words or len(positional) != len(words) + count:
            continue
        for name in options:
            if name not in allowed or (name != DATA and after[name] < len(words)):
                return None
        return Plain(words, positional[len(words) :], options)
    return None


def iso_date(text: str) -> dt.date | None:
    """`text` as a date when it is exactly `YYYY-MM-DD` in ASCII digits and a real date
    (what domain.dates.parse_date reads from such text); None for anything else."""
    import datetime as dt

    digits = text[:4] + text[5:7] + text[8:]
    if len(text) != 10 or text[4] != "-" or text[7] != "-":
        return None
    if not (digits.isascii() and digits.isdigit()):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def goal_id(text: str) -> int | None:
    """`text` as a goal id when it is a whole number from 1, in ASCII digits."""
    if not (text.isascii() and text.isdigit()):
        return None
    value = int(text)
    return value if value >= 1 else None


Said = tuple[str, str | None]
"""What a stored command says: its reply (standard output) and a warning, if any (standard
error)."""


def run_plain(plain: Plain) -> Said | None:
    """Store what `plain` asks for by the quick write; the lines to print, or None when
    this way cannot (nothing changed)."""
    path = given_data_path(plain.options.get(DATA))
    if path is None or hostile_character(plain.text) is not None:
        return None  # the full command line refuses the text, in its own words
    try:
        day = today()
    except ValueError:
        return None
    if plain.words == ("add", "goal"):
        return _add_goal(path, plain, day)
    if plain.words == ("add", "milestone"):
        return _add_milestone(path, plain, day)
    return _log(path, plain, day)


def _add_goal(path: str, plain: Plain, day: dt.date) -> Said | None:
    from growthtui.domain.kinds import Horizon
    from growthtui.store.quick_write import add_goal

    due = None
    if "--due" in plain.options:
        due = iso_date(plain.options["--due"])
        if due is None:
            return None
    try:
        horizon = Horizon(plain.options.get("--horizon", Horizon.SHORT.value))
    except ValueError:
        return None
    added = add_goal(path, plain.text, horizon, due, day)
    if added is None:
        return None
    return replies.added_goal(added, plain.text), replies.due_warning(due, day)


def _add_milestone(path: str, plain: Plain, day: dt.date) -> Said | None:
    from growthtui.store.goal_peek import goal_start
    from growthtui.store.quick_write import add_milestone

    goal = goal_id(plain.args[0])
    due = iso_date(plain.options.get("--due", ""))
    if goal is None or due is None:  # no --due: the full command line says it is needed
        return None
    added = add_milestone(path, goal, plain.text, due, day)
    if added is None:
        return None
    warning = replies.due_warning(due, day, goal, goal_start(path, goal))
    return replies.added_milestone(added[0], goal, added[1], due), warning


def _log(path: str, plain: Plain, day: dt.date) -> Said | None:
    from growthtui.domain.kinds import EVIDENCE_KIND_WORDS
    from growthtui.store.quick_write import log_evidence

    kind = EVIDENCE_KIND_WORDS.get(plain.options.get("--kind", "win"))
    when = iso_date(plain.options["--date"]) if "--date" in plain.options else day
    goal = goal_id(plain.options["--goal"]) if "--goal" in plain.options else None
    if kind is None or when is None or ("--goal" in plain.options and goal is None):
        return None
    logged = log_evidence(path, plain.text, kind, when, goal, day)
    if logged is None:
        return None
    return replies.logged(kind.value, logged, goal, plain.text), None


def main(argv: Sequence[str] | None = None) -> int:
    """Run growthtui on `argv` (default: this process's command line); the exit code."""
    if argv is None:
        # A process of its own: no cyclic garbage collection while it starts. Importing
        # and building what stays alive (modules, widgets, the records) sets off
        # collections that walk it all and free next to nothing: ~30 ms of the app's
        # start-up here. A command ends soon after (cli._one_shot); the app turns the
        # collector back on once its records are in (ui.app, `_data_in_memory`).
        gc.disable()
    plain = read_plain(sys.argv[1:] if argv is None else argv)
    said = None
    if plain is not None:
        try:
            said = run_plain(plain)
        except KeyboardInterrupt:
            return 130
        except Exception as error:  # a bug: reported as the full command line reports one
            from growthtui.cli import report_unexpected

            return report_unexpected(error)
    if said is None:
        from growthtui.cli import main as run

        return run(argv)
    # Stored: the command has succeeded, whatever happens to what it says.
    output.prepare_streams()
    reply, warning = said
    output.reply(reply)
    if warning is not None:
        output.say(warning)
    return 0
