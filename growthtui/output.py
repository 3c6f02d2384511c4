"""What the command line prints, when standard output or error may not take it.

Standard output can be closed (`growthtui add goal x >&-`), full (`>/dev/full`), a pipe
whose reader left (`growthtui export | head`), or unable to encode a character
(`PYTHONIOENCODING=ascii`, a C locale). What that means depends on the command:

- A command that stored something has succeeded once the write is durable, whatever
  happens to its reply (`reply`): it exits 0, and when the reply cannot be printed one line
  on standard error says so, with the reply in it. A script that retries on failure would
  otherwise store the record twice.
- A command that only prints (`agenda`, `export` to standard output) has failed when its
  text cannot be delivered (`deliver`): OutputFailed holds the one sentence to show, and the
  command exits 2. A reader that left early is not a failure: BrokenPipeError goes up to the
  command line, which ends quietly.
- A character the stream cannot encode is written as an escape (`\\u2713`), never a
  failure (`prepare_streams`).

Every line of ours goes through `printable`, so a title holding `ESC ] 52` reaches no
terminal as it is. Standard library only (`os`, `sys`): every command starts with this.
"""

from __future__ import annotations

import os
import sys

from growthtui.domain.errors import GrowthError
from growthtui.domain.printable import printable

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TextIO

PROGRAM = "growthtui"
_ENOSPC = 28
_EBADF = 9


class OutputFailed(GrowthError):
    """A command's text could not be written to standard output (the sentence says why)."""


def prepare_streams() -> None:
    """Write what standard output and error cannot encode as escapes (`\\u2713`) rather
    than failing, as Python already does on standard error."""
    for stream in (sys.stdout, sys.stderr):
        errors = getattr(stream, "errors", None)
        if errors in ("strict", "surrogateescape"):
            try:  # noqa: SIM105 - contextlib would cost every command an import
                stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
            except (AttributeError, ValueError, OSError):
                pass  # not a text stream of ours (a test's capture): leave it


def reason(error: BaseException) -> str:
    """Why a stream refused a write, in words a person reads."""
    if isinstance(error, UnicodeEncodeError):
        return f"it cannot encode {error.object[error.start : error.end]!r}"
    if isinstance(error, ValueError) or getattr(error, "errno", None) == _EBADF:
        return "it is closed"
    if getattr(error, "errno", None) == _ENOSPC:
        return "no space left on device"
    text = getattr(error, "strerror", None) or str(error) or type(error).__name__
    return text[:1].lower() + text[1:]


def _write(stream: TextIO | None, text: str) -> None:
    """`text` written and flushed; OSError (or ValueError) when the stream refuses it."""
    if stream is None:  # the descriptor was closed when the process started
        raise OSError(_EBADF, "closed")
    stream.write(text)
    stream.flush()


def reply(text: str) -> None:
    """Print the reply of a command that has stored something (a line, or a report of
    several). Never raises: the record is stored, so the command succeeds; when the reply
    cannot be printed, standard error says so in one line (when it can)."""
    shown = printable(text, lines=True)
    try:
        _write(sys.stdout, shown + "\n")
    except BrokenPipeError:  # `growthtui add goal … | head -0`: the reader left
        silence(1)
    except (OSError, ValueError) as error:
        silence(1)
        say(f"could not print to standard output ({reason(error)}); done all the same: {shown}")


def deliver(text: str, what: str) -> None:
    """Write the text of a command that only prints (`what`: "the agenda"). OutputFailed
    with the sentence to show when standard output cannot take it; BrokenPipeError when
    its reader left (the caller ends quietly). `text` is written as it is: the caller made
    its stored text printable where the format allows (the JSON and calendar exports keep
    it exact: they are data for programs)."""
    try:
        _write(sys.stdout, text)
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as error:
        silence(1)
        raise OutputFailed(f"could not write {what} to standard output: {reason(error)}") from None


def say(message: str) -> None:
    """One line on standard error, `growthtui: message`, on one line and printable.
    Never raises: when standard error cannot take it either, there is nobody to tell."""
    note(f"{PROGRAM}: {' '.join(message.split())}")


def note(line: str) -> None:
    """`line` on standard error as it is (printable), never raising."""
    try:
        _write(sys.stderr, printable(line) + "\n")
    except (OSError, ValueError):
        silence(2)


def silence(fd: int) -> None:
    """Point descriptor `fd` (1 or 2) at the null device: what is left in its buffer, and
    the interpreter's last flush, then go nowhere instead of failing again."""
    stream = sys.stdout if fd == 1 else sys.stderr
    if stream is None:
        return
    try:
        if stream.fileno() != fd:  # not the process's own stream (a test's capture)
            return
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fd)
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass
