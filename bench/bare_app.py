"""The yardstick for growthtui's start-up: a bare Textual app drawing what any list app draws.

    python bench/bare_app.py

Header + a 50-row DataTable + Footer, nothing read from disk. bench/app.py starts it in a
pty, alternately with `growthtui`, and times both to their first frame holding data.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Footer, Header

ROWS = 50
MARKER = "bare row 0001"
"""The text bench/app.py waits for: the first row is on screen."""


class BareApp(App[None]):
    """Header, a 50-row table, Footer."""

    TITLE = "bare textual"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        table: DataTable[str] = self.query_one(DataTable)
        table.add_columns("Goal", "Due", "Done")
        for n in range(1, ROWS + 1):
            table.add_row(f"bare row {n:04d}", f"2027-{n % 12 + 1:02d}-01", f"{n % 100}%")
        table.focus()


if __name__ == "__main__":
    BareApp().run()
