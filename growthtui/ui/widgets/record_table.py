"""A table of records: keyboard only, rows keyed by id, updated in place, drawn line by line.

It looks like Textual's DataTable (same component classes, same cell rendering, so themes
and screenshots are unchanged) but is a Line API widget that does work only for what is on
screen: `sync` stores the rows (no cell is measured: every column has a width, or is the
one `flex` column that takes the room left), a line is rendered when it is first shown and
kept until its row changes, and a cursor move repaints the two lines it touches.
A DataTable measures every cell of every row and re-renders whole screens of rows after
each change, which costs hundreds of milliseconds at a few thousand rows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar, NamedTuple

from rich.cells import cell_len
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.renderables.styled import Styled
from textual.strip import Strip

from growthtui.ui.shown import shown_cell
from growthtui.ui.widgets.line_list import LineList, cursor_bindings

Cell = str | Text
Row = tuple[str, Sequence[Cell]]
"""(row key, cells)."""

_PLAIN_LINE = re.compile(r"[^\x00-\x1f\x7f]*")
"""One line of text without tabs or other control characters."""
MIN_FLEX = 8
"""The flex column keeps room for a few characters, even in a narrow pane."""


class RowDoesNotExist(KeyError):
    """No row has this key."""


class TableRow(NamedTuple):
    """A row as `ordered_rows` lists it: its key (pass it to `get_row`)."""

    key: str


@dataclass
class Column:
    """A column: its key, header label and width in cells (padding not included)."""

    key: str
    label: Text
    width: int
    auto_width: bool = False
    content_width: int = 0
    grown: int = 0
    """The widest cell drawn so far, when wider than `width`: a date with its overdue mark,
    a number, a state is never cut; the flex column (the title) gives way instead."""

    def get_render_width(self, table: RecordTable) -> int:
        """Width in cells with the padding on both sides."""
        inner = self.content_width if self.auto_width else max(self.width, self.grown)
        return 2 * table.cell_padding + inner


class RecordTable(LineList):
    """Rows of records with a row cursor. `enter` and `space` are left to the screen (edit,
    toggle done), `j`/`k` move like the arrows."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "datatable--header",
        "datatable--cursor",
    }
    DEFAULT_CSS = """
    RecordTable {
        background: $surface;
        color: $foreground;
        height: auto;
        max-height: 100%;
        &:focus {
            background-tint: $foreground 5%;
            & > .datatable--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .datatable--header {
                background-tint: $foreground 5%;
            }
        }
        & > .datatable--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        &:ansi > .datatable--header {
            background: ansi_bright_blue;
            color: ansi_default;
        }
        & > .datatable--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        *cursor_bindings("list"),
        Binding("left", "cursor_left", "Left", id="list.left", show=False),
        Binding("right", "cursor_right", "Right", id="list.right", show=False),
    ]
    SCROLL_AT_ONCE = False

    class RowHighlighted(LineList.Highlighted):
        """The cursor is on another record (or the rows changed under it)."""

    Highlighted = RowHighlighted

    def __init__(
        self,
        *,
        id: str | None = None,
        classes: str | None = None,
        flex: str | None = None,
        empty: str = "",
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.flex = flex
        """The key of the column that takes the width the others leave (titles)."""
        self._empty = empty
        self.columns: dict[str, Column] = {}
        self.cell_padding = 1
        self._show_header = True
        self._source: Callable[[str], Sequence[Cell]] = _no_cells
        """Makes the cells of a row from its key, when the row is first shown."""
        self._cells: dict[str, tuple[Cell, ...]] = {}
        """The cells made so far, by key."""
        self._base: Style | None = None
        """The widget's own style (costly to work out: it walks the ancestors)."""
        self.follow: Callable[[str | None], object] | None = None
        """Called at once when the cursor lands on another row, before the next frame is
        drawn, so a pane that follows the cursor changes in the same frame as the list (the
        RowHighlighted message reaches the screen a frame later)."""

    # -- columns and rows ------------------------------------------------------------
    def add_column(self, label: str | Text, *, key: str, width: int | None = None) -> str:
        """Add a column; without a width it is the flex column or fits its content."""
        text = Text(label) if isinstance(label, str) else label
        content = text.cell_len
        if width is None:
            column = Column(key, text, content, auto_width=True, content_width=content)
        else:
            column = Column(key, text, width, content_width=content)
        self.columns[key] = column
        self._changed_shape()
        return key

    def set_column_width(self, key: str, width: int) -> None:
        """Give a column of set width another width (the Dashboard's bars at 80 columns)."""
        column = self.columns[key]
        if column.width != width:
            column.width = width
            column.grown = 0
            self._changed_shape()

    @property
    def show_header(self) -> bool:
        return self._show_header

    @show_header.setter
    def show_header(self, show: bool) -> None:
        self._show_header = show
        self._changed_shape()

    @property
    def header_height(self) -> int:
        return 1 if self._show_header else 0

    @property
    def ordered_rows(self) -> list[TableRow]:
        return [TableRow(key) for key in self._keys]

    def row_keys_near(self, index: int, distance: int = 1) -> list[str]:
        """The keys of the rows up to `distance` above and below row `index`."""
        rows = range(max(0, index - distance), min(len(self._keys), index + distance + 1))
        return [self._keys[row] for row in rows if row != index]

    def get_row_index(self, key: str) -> int:
        try:
            return self._index[key]
        except KeyError:
            raise RowDoesNotExist(key) from None

    def get_row(self, key: str) -> list[Cell]:
        """The cells of the row with this key."""
        return list(self._row_cells(self.get_row_index(key)))

    def get_row_at(self, index: int) -> list[Cell]:
        """The cells of the row at position `index`."""
        return list(self._row_cells(index))

    def _row_cells(self, index: int) -> tuple[Cell, ...]:
        key = self._keys[index]
        cells = self._cells.get(key)
        if cells is None:
            # Stored text is drawn here: each cell once, when its row is first made.
            cells = self._cells[key] = tuple(map(shown_cell, self._source(key)))
            self._fit_fixed_columns(cells)
        return cells

    def _fit_fixed_columns(self, cells: Sequence[Cell]) -> None:
        """Widen a column of set width to a cell that is wider (never narrowed again: the
        columns do not jump as the cursor moves); the flex column gives the room."""
        grew = False
        for column, cell in zip(self.columns.values(), cells, strict=False):
            if column.auto_width or column.key == self.flex:
                continue
            width = _cell_width(cell)
            if width > max(column.width, column.grown):
                column.grown = width
                grew = True
        if grew:
            self._changed_shape(fit=False)

    def sync(self, rows: Sequence[Row], keep: str | None = None) -> None:
        """Show `rows` (see `show_rows`)."""
        cells = {key: tuple(row) for key, row in rows}
        self.show_rows([key for key, _ in rows], cells.__getitem__, keep=keep)

    def show_rows(
        self, keys: Sequence[str], cells: Callable[[str], Sequence[Cell]], keep: str | None = None
    ) -> None:
        """Show the rows with `keys`, in that order; `cells(key)` makes a row's cells and is
        called only for the rows drawn (or asked for with `get_row`), so thousands of rows
        cost only what is on screen.

        When the same keys are shown in the same order, cursor and scroll stay and only the
        rows on screen whose cells changed are drawn again; otherwise the rows are replaced
        and the cursor goes back to the same record (or `keep`)."""
        keys = list(keys)
        old_cells = self._cells
        self._source = cells
        self._cells = {}
        if keys == self._keys:
            shown = self._shown_rows()
            for index in self.kept_rows():
                if index not in shown:
                    self.forget_row(index)
            for index in shown:
                if old_cells.get(keys[index]) != self._row_cells(index):
                    self.forget_row(index)
            self._fit_auto_columns()
            return
        target = keep or self.current_key
        old_row = self.cursor_row
        self.set_keys(keys)
        self._changed_shape()
        self.move_to(target, fallback_row=old_row)
        for index in self._shown_rows():
            self._row_cells(index)  # the columns fit the rows on screen before they are drawn

    def _shown_rows(self) -> range:
        """The rows on screen now."""
        top = round(self.scroll_y)
        return range(top, min(len(self._keys), top + self._page))

    def cursor_moved(self, key: str | None) -> None:
        if self.follow is not None:
            self.follow(key)

    # -- geometry --------------------------------------------------------------------
    def _fit_auto_columns(self) -> None:
        """Columns without a width (other than the flex one) fit their widest cell."""
        changed = False
        for number, column in enumerate(self.columns.values()):
            if not column.auto_width or column.key == self.flex:
                continue
            rows = (self._row_cells(index) for index in range(len(self._keys)))
            widest = max(
                [column.label.cell_len]
                + [_cell_width(row[number]) for row in rows if number < len(row)]
            )
            if widest != column.content_width:
                column.content_width = widest
                changed = True
        if changed:
            self._changed_shape()

    def _render_widths(self, width: int | None = None) -> list[int]:
        """The width of each column as drawn now (in a table `width` wide, else as wide
        as it is), padding included."""
        pad = 2 * self.cell_padding
        widths = [column.get_render_width(self) for column in self.columns.values()]
        if width is None:
            width = self.size.width
        if self.flex in self.columns and width:
            flex_index = list(self.columns).index(self.flex)
            others = sum(widths) - widths[flex_index]
            # One cell is left for the vertical scrollbar, so every column shows.
            widths[flex_index] = max(MIN_FLEX, width - others - pad - 1) + pad
        return widths

    def _changed_shape(self, fit: bool = True) -> None:
        """Rows or columns changed: set the scrollable size and draw again."""
        if self.flex is None and fit:
            self._fit_auto_columns()
        self.virtual_size = Size(self._least_width(), len(self._keys) + self.header_height)
        self.forget_lines()

    def _least_width(self) -> int:
        """The width the columns need with the flex column at its narrowest: wider than
        the table, it scrolls sideways. It does not follow the table's width, so a resize
        does not lay the screen out again."""
        widths = [column.get_render_width(self) for column in self.columns.values()]
        if self.flex in self.columns:
            widths[list(self.columns).index(self.flex)] = MIN_FLEX + 2 * self.cell_padding
        return sum(widths)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._base = None

    def action_cursor_left(self) -> None:
        self.scroll_left(animate=False)

    def action_cursor_right(self) -> None:
        self.scroll_right(animate=False)

    # -- drawing ---------------------------------------------------------------------
    @property
    def line_width(self) -> int:
        return self.size.width

    def lines_token(self) -> object:
        return (self.size.width, round(self.scroll_x))

    def base_style(self) -> Style:
        """The widget's own style (costly to work out: it walks the ancestors)."""
        if self._base is None:
            self._base = self.rich_style
        return self._base

    def render_header(self, y: int, base: Style) -> Strip:
        return self._cropped(-1, False, base)

    def render_row(self, index: int, selected: bool, base: Style) -> Strip:
        return self._cropped(index, selected, base)

    def _cropped(self, index: int, cursor: bool, base: Style) -> Strip:
        """Row `index` (-1: the header) as far as the table is scrolled sideways."""
        scroll_x = round(self.scroll_x)
        width = self.size.width  # worked out from the layout each time it is read
        strip = Strip(self._row_segments(index, cursor, base, width))
        strip = strip.crop(scroll_x, scroll_x + width)
        return strip.adjust_cell_length(width, base).simplify()

    def _row_segments(
        self, index: int, cursor: bool, base: Style, table_width: int
    ) -> list[Segment]:
        """One row (index -1: the header), cell by cell as a DataTable draws it, for a
        table `table_width` wide."""
        header = index == -1
        if header:
            row_style = self.get_component_styles("datatable--header").rich_style
            cells: Sequence[Cell] = [column.label for column in self.columns.values()]
        else:
            row_style = base
            cells = self._row_cells(index)
        cursor_style = self.get_component_rich_style("datatable--cursor") if cursor else Style()
        # The cell's own colours win over the cursor's foreground, not its background.
        post_style = Style.from_color(bgcolor=cursor_style.bgcolor)
        widths = self._render_widths(table_width)
        segments: list[Segment] = []
        for number, width in enumerate(widths):
            cell = cells[number] if number < len(cells) else ""
            text = (
                Text(cell, no_wrap=True, end="", overflow="ellipsis")
                if isinstance(cell, str)
                else cell
            )
            pre_style = row_style + Style.from_meta({"row": index, "column": number})
            pre_style += cursor_style
            segments.extend(self._cell_segments(text, width, pre_style, post_style))
        remaining = max(0, table_width - sum(widths))
        extend = row_style + cursor_style
        extend += Style.from_meta({"row": index, "column": 0, "out_of_bounds": True})
        segments.append(Segment(" " * remaining, extend))
        return segments

    def _cell_segments(
        self, text: Text, width: int, pre_style: Style, post_style: Style
    ) -> list[Segment]:
        """A cell `width` wide with its padding, as `_rich_cell_segments` draws it, but
        without going through Rich's renderables: a third of the time, for the one-line
        cells tables hold; anything else is drawn by Rich itself."""
        pad = self.cell_padding
        room = width - 2 * pad
        plain = text.plain
        if room < 1 or pad != 1 or text.no_wrap is False or not _PLAIN_LINE.fullmatch(plain):
            return self._rich_cell_segments(text, width, pre_style, post_style)
        console = self.app.console
        justify = text.justify or "default"
        # A cell too long for its column ends in "…": cut text says it was cut.
        overflow = text.overflow or "ellipsis"
        (line,) = text.wrap(console, room, justify=justify, overflow=overflow, no_wrap=True)
        chunks = list(Text("\n").join([line]).render(console, end=""))
        used = sum(chunk.cell_length for chunk in chunks)
        edge = pre_style + post_style if post_style else pre_style
        out = [Segment(" ", edge)]
        for chunk in chunks:
            style = pre_style + chunk.style
            out.append(Segment(chunk.text, style + post_style if post_style else style))
        if used < room:
            out.append(Segment(" " * (room - used), edge))
        out.append(Segment(" ", edge))
        return out

    def _rich_cell_segments(
        self, text: Text, width: int, pre_style: Style, post_style: Style
    ) -> list[Segment]:
        """A cell drawn the way Textual's DataTable draws one (Rich does the work)."""
        if text.overflow is None:
            text = text.copy()
            text.overflow = "ellipsis"
        options = self.app.console_options.update_dimensions(width, 1).update(no_wrap=True)
        lines = self.app.console.render_lines(
            Styled(
                Padding(text, (0, self.cell_padding)),
                pre_style=pre_style,
                post_style=post_style,
            ),
            options,
        )
        return lines[0]


def _no_cells(_key: str) -> Sequence[Cell]:
    return ()


def _cell_width(cell: Cell) -> int:
    return cell.cell_len if isinstance(cell, Text) else cell_len(cell)
