"""The `growthtui` command's entry point: the process's start, then the one command line
(growthtui.cli), which argparse reads whole.

A process of its own starts without the cyclic garbage collector: importing and building
what stays alive (modules, widgets, the records) sets off collections that walk it all
and free next to nothing, ~30 ms of the app's start-up. A command ends soon after
(cli._one_shot); the app turns the collector back on once its records are in (ui.app).

And it ends with what is alive frozen (`gc.freeze`): the interpreter's last act is one
more collection, which `gc.disable` does not stop, over every object still alive (every
module, argparse's parsers) for nothing, since the process is about to end: the end of
`add goal`'s process took ~9 ms before, ~4 ms frozen (on a loaded machine). Frozen
objects are left to the end of the process, as any object alive at exit may be; what a
command writes is closed before it returns (the store's files by `os`).
"""

from __future__ import annotations

import gc

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run growthtui on `argv` (default: this process's command line); the exit code."""
    if argv is None:
        gc.disable()
    from growthtui.cli import main as run

    code = run(argv)
    if argv is None:  # the process ends now
        gc.freeze()
    return code
