"""Textual's Linux/macOS driver, with an output thread that survives the terminal going away.

Textual writes to the terminal from a thread fed by a queue of 30 writes. When the terminal
is gone (an SSH connection dropped, the terminal window closed) a write fails with EIO,
that thread dies, and the queue is never emptied again: the app's next writes fill it, and
the one after (at the latest the quit's own `stop`) waits for ever. The process then stays,
asleep, after its terminal is gone. Here the thread goes on taking writes after a failed
one and drops them: there is no one left to read them.

It lives in growthtui.ui.frames, growthtui's one place for Textual's private parts: the
writer thread is in `textual.drivers._writer_thread`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import textual.drivers.linux_driver as linux_driver
from textual.drivers._writer_thread import WriterThread
from textual.drivers.linux_driver import LinuxDriver


class TerminalWriter(WriterThread):
    """Textual's output thread; after a write fails, what is written is dropped."""

    def run(self) -> None:
        try:
            super().run()
        except (OSError, ValueError):  # EIO on a hung-up terminal; ValueError: file closed
            queue = self._queue
            while queue.get() is not None:  # until stop()
                pass


@contextlib.contextmanager
def _terminal_writer() -> Iterator[None]:
    """LinuxDriver builds its WriterThread by name from its module: for the duration of the
    call, that name is TerminalWriter."""
    module: Any = linux_driver
    saved = module.WriterThread
    module.WriterThread = TerminalWriter
    try:
        yield
    finally:
        module.WriterThread = saved


class GrowthDriver(LinuxDriver):
    """LinuxDriver whose output thread is a TerminalWriter."""

    def start_application_mode(self) -> None:
        with _terminal_writer():
            super().start_application_mode()  # type: ignore[no-untyped-call]
