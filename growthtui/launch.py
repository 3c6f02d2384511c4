"""The `growthtui` command's entry point: the process's start, then the one command line
(growthtui.cli), which argparse reads whole.

A process of its own starts without the cyclic garbage collector (growthtui/heap.py, the
one place of that policy): importing and building what stays alive (modules, widgets,
the records) sets off collections that walk it all and free next to nothing, ~30 ms of
the app's start-up. A command ends soon after; the app turns the collector back on once
its records are in (heap.settle).

And it ends with what is alive frozen (`heap.at_exit`): the interpreter's last act is one
more collection, which `gc.disable` does not stop, over every object still alive (every
module, argparse's parsers) for nothing, since the process is about to end: the end of
`add goal`'s process took ~9 ms before, ~4 ms frozen (on a loaded machine). Frozen
objects are left to the end of the process, as any object alive at exit may be; what a
command writes is closed before it returns (the store's files by `os`).

A command's process then ends at once (`os._exit`), its output flushed, rather than
through the interpreter's teardown, which empties every module and frees every object
one by one for nothing (the end of `add goal` took ~8 ms before, ~3 ms now, on a loaded
machine). Only when nothing is left for that teardown to do: no thread but this one,
not the app (Textual), and both streams flushed; what was registered with `atexit` (a
temporary folder to remove, logging's flush) runs first, as at the interpreter's end.
Otherwise the interpreter ends it as before, and says what it says about a stream it
cannot flush. What a command stores is durable
before it returns, whichever way the process ends.
"""

from __future__ import annotations

import atexit
import os
import sys

from growthtui import heap

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run growthtui on `argv` (default: this process's command line); the exit code."""
    if argv is None:
        heap.quiet_start()
    from growthtui.cli import main as run

    code = run(argv)
    if argv is None:  # the process ends now
        heap.at_exit()
        end_now(code)
    return code


def end_now(code: int) -> None:
    """End the process with `code` now, without the interpreter's teardown, when it has
    nothing left to do (see above); else return, and the interpreter ends it."""
    threading = sys.modules.get("threading")
    if "textual" in sys.modules or (threading is not None and threading.active_count() > 1):
        return
    try:
        flush()
        atexit._run_exitfuncs()  # as the interpreter's end would (logging's flush, say)
        flush()
    except (OSError, ValueError):
        return
    os._exit(code)


def flush() -> None:
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
