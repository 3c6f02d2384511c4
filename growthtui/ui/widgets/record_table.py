"""A DataTable for records: keyboard only, rows keyed by id, updated in place."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import DataTable
from textual.widgets.data_table import RowDoesNotExist

Cell = str | Text
Row = tuple[str, Sequence[Cell]]
"""(row key, cells)."""


class RecordTable(DataTable[Cell], inherit_bindings=False):
    """Rows of records. `enter` and `space` are left to the screen (edit, toggle done),
    `j`/`k` move like the arrows."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding("down,j", "cursor_down", "Down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home,g", "scroll_top", "Top", show=False),
        Binding("end,G", "scroll_bottom", "Bottom", show=False),
        Binding("left", "cursor_left", "Left", show=False),
        Binding("right", "cursor_right", "Right", show=False),
    ]

    def __init__(
        self, *, id: str | None = None, classes: str | None = None, flex: str | None = None
    ) -> None:
        super().__init__(
            id=id,
            classes=classes,
            cursor_type="row",
            zebra_stripes=False,
            cursor_foreground_priority="renderable",
        )
        self.flex = flex
        """The key of the column that takes the width the others leave (titles)."""

    def on_resize(self) -> None:
        self.fit_flex_column()

    def fit_flex_column(self) -> None:
        """Give the flex column the room left, so every column shows without scrolling."""
        if self.flex is None or self.flex not in self.columns or not self.size.width:
            return
        column = self.columns[self.flex]  # type: ignore[index]
        others = sum(
            c.get_render_width(self) for key, c in self.columns.items() if key != self.flex
        )
        room = self.size.width - others - 2 * self.cell_padding - 1
        width = max(8, room)
        if column.auto_width or column.width != width:
            column.auto_width = False
            column.width = width
            self._require_update_dimensions = True
            self._clear_caches()
            self.refresh(layout=True)

    @property
    def current_key(self) -> str | None:
        """The key of the row under the cursor."""
        if self.row_count == 0:
            return None
        try:
            row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        except Exception:
            return None
        return row_key.value

    def row_keys(self) -> list[str]:
        return [str(row.key.value) for row in self.ordered_rows]

    def sync(self, rows: Sequence[Row], keep: str | None = None) -> None:
        """Show `rows`. When the same keys are shown in the same order, only the cells
        that changed are updated (no rebuild, cursor and scroll stay); otherwise the
        table is rebuilt and the cursor goes back to the same record (or `keep`)."""
        keys = [key for key, _ in rows]
        columns = list(self.columns)
        if keys == self.row_keys():
            for key, cells in rows:
                current = self.get_row(key)
                for index, cell in enumerate(cells):
                    if index < len(current) and current[index] != cell:
                        self.update_cell(key, columns[index], cell)
            return
        target = keep or self.current_key
        old_row = self.cursor_row
        self.clear()
        for key, cells in rows:
            self.add_row(*cells, key=key)
        self.move_to(target, fallback_row=old_row)

    def move_to(self, key: str | None, fallback_row: int = 0) -> None:
        if self.row_count == 0:
            return
        if key is not None:
            try:
                self.move_cursor(row=self.get_row_index(key), scroll=True)
                return
            except RowDoesNotExist:
                pass
        self.move_cursor(row=max(0, min(fallback_row, self.row_count - 1)), scroll=True)
