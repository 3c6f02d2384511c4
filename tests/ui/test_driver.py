"""The app's output thread when the terminal is gone (an SSH drop, a closed window): the
app must still be able to write and to quit, or the process stays asleep for ever."""

from __future__ import annotations

import threading

import pytest
from textual.drivers._writer_thread import WriterThread

from growthtui.ui.frames.driver import TerminalWriter


class HungUpTerminal:
    """A terminal that takes a few writes, then fails every one with EIO."""

    def __init__(self, good_writes: int) -> None:
        self.left = good_writes
        self.written: list[str] = []

    def write(self, text: str) -> int:
        if self.left <= 0:
            raise OSError(5, "Input/output error")
        self.left -= 1
        self.written.append(text)
        return len(text)

    def flush(self) -> None:
        pass

    def fileno(self) -> int:
        return 1


def writes_then_quits(writer_class: type[WriterThread]) -> bool:
    """Start a writer on a terminal that hangs up after 3 writes, write 100 times and stop
    it, as an app does on its way out; whether that finished within 5 s."""
    terminal = HungUpTerminal(good_writes=3)
    writer = writer_class(terminal)  # type: ignore[arg-type]
    writer.start()

    def app() -> None:
        for n in range(100):
            writer.write(f"frame {n}")
        writer.stop()

    thread = threading.Thread(target=app, daemon=True)
    thread.start()
    thread.join(timeout=5)
    return not thread.is_alive()


def test_the_app_writes_and_quits_after_the_terminal_hung_up() -> None:
    assert writes_then_quits(TerminalWriter)


@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
def test_textuals_own_writer_would_hang_there() -> None:
    # Why TerminalWriter exists: the same run with Textual's thread never finishes (the
    # stuck thread is a daemon and is left behind).
    assert not writes_then_quits(WriterThread)


def test_the_app_runs_on_that_writer(memory_store, make_app, monkeypatch) -> None:
    import sys

    from growthtui.ui.frames.driver import GrowthDriver

    monkeypatch.delenv("TEXTUAL_DRIVER", raising=False)
    if sys.platform == "win32":
        pytest.skip("Windows has its own driver")
    assert make_app(memory_store).get_driver_class() is GrowthDriver
