"""Two of Textual's private App parts growthtui needs, behind names of its own.

- The line filters every frame passes through (`App._filters`): Textual has no public way
  to change them, and growthtui swaps its greys-only NO_COLOR filter for one that sends no
  colour at all, and adds one that drops stray control characters (growthtui.ui.app).
- The handler of an exception nothing caught (`App._handle_exception`): Textual prints
  the traceback and stops; growthtui says one sentence for a person's mistake or a file
  it could not write and keeps going, and writes a crash report for a bug.

They live here with growthtui's other uses of Textual's private parts (pyproject.toml's
import contract), so a Textual upgrade has one folder to check.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from growthtui.ui.key_order import KeyQueue


class AppHooks(KeyQueue):
    """Mixin for an App (before App in the bases). It also brings the app's one queue of
    keys (growthtui.ui.key_order.KeyQueue, public Textual only)."""

    def change_line_filters(self, change: Callable[[list[Any]], list[Any]]) -> None:
        """Replace the filters every line of every frame passes through with
        `change(filters)` (Textual's own: greys for NO_COLOR, dimming when unfocused)."""
        app: Any = self
        app._filters = change(list(app._filters))

    def handle_uncaught(self, error: Exception) -> bool:
        """An exception nothing caught; True when it was dealt with (else Textual's own
        handling follows: the traceback, and the app stops). For the app to override."""
        return False

    def _handle_exception(self, error: Exception) -> None:
        if not self.handle_uncaught(error):
            super()._handle_exception(error)  # type: ignore[misc]
