"""What the app's Line API lists share (RecordTable, LaneList, GanttChart): rows by key
under a header that stays put, a row cursor kept in view, paging, what an empty list says,
and the drawn lines kept (by row, and whether the cursor is on it) until their row changes,
so a cursor move draws at most the line it lands on and thousands of rows cost what is on
screen."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

CACHE_LINES = 400
"""Drawn lines kept; more than a few screens' worth is dropped and drawn again."""


def cursor_bindings(
    prefix: str,
    top: tuple[str, str, str] = ("home,g", "Top", "top"),
    bottom: tuple[str, str, str] = ("end,G", "Bottom", "bottom"),
    up: str = "Up",
    down: str = "Down",
) -> list[BindingType]:
    """The keys that move a list's cursor, with ids `<prefix>.up`, `<prefix>.down`...
    (`top` and `bottom`: keys, description, id suffix)."""
    return [
        Binding("up,k", "move(-1)", up, id=f"{prefix}.up", show=False),
        Binding("down,j", "move(1)", down, id=f"{prefix}.down", show=False),
        Binding("pageup", "page(-1)", "Page up", id=f"{prefix}.page_up", show=False),
        Binding("pagedown", "page(1)", "Page down", id=f"{prefix}.page_down", show=False),
        Binding(top[0], "move_to_end(-1)", top[1], id=f"{prefix}.{top[2]}", show=False),
        Binding(bottom[0], "move_to_end(1)", bottom[1], id=f"{prefix}.{bottom[2]}", show=False),
    ]


def fitted(
    text: Text, width: int, base: Style, console: Console, over: Style | None = None
) -> list[Segment]:
    """`text` on one line exactly `width` cells wide: cut with an ellipsis (cut text says
    it was cut) or padded, in `base` under the text's own styles (`over` over them all,
    padding included)."""
    cell = text.copy()
    cell.truncate(width, overflow="ellipsis", pad=True)
    if over is not None:
        cell.stylize(over)
    # Text.render leaves out the Text's own style when it has no spans: add it here.
    own = base + console.get_style(cell.style) if cell.style else base
    return [
        Segment(s.text, own + s.style if s.style else own) for s in cell.render(console, end="")
    ]


class LineList(ScrollView, can_focus=True, inherit_bindings=False):
    """Rows keyed by strings under `header_height` header lines, and a cursor row.

    Subclasses set the rows with `set_keys`, draw a header line in `render_header` and a
    row in `render_row`; this draws only the lines on screen and keeps them (by row, and
    whether the cursor is on it) until `forget_row` or `forget_lines` says they changed."""

    HEADER_LINES: ClassVar[int] = 1
    SCROLL_AT_ONCE: ClassVar[bool] = True
    """Scroll to the cursor at once, as far as the list scrolls now (a list not laid out
    yet scrolls on its first resize); else after the next refresh, once the rows just
    given are laid out."""

    class Said(Message):
        """A message from the list (`control` is the list)."""

        def __init__(self, widget: LineList) -> None:
            super().__init__()
            self.widget = widget

        @property
        def control(self) -> LineList:
            return self.widget

    class Highlighted(Said):
        """The cursor is on another row (or the rows changed under it): `key`'s."""

        def __init__(self, widget: LineList, key: str | None) -> None:
            super().__init__(widget)
            self.key = key

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.cursor_row = 0
        self.show_cursor = True
        self._keys: list[str] = []
        self._index: dict[str, int] = {}
        self._lines: dict[tuple[int, bool], Strip] = {}
        self._lines_for: object = None
        """What the kept lines were drawn for (see `lines_token`)."""
        self._announced: str | None = None
        self._empty = ""

    # -- rows ------------------------------------------------------------------------
    def set_keys(self, keys: Sequence[str]) -> None:
        self._keys = list(keys)
        self._index = {key: index for index, key in enumerate(self._keys)}

    @property
    def header_height(self) -> int:
        return self.HEADER_LINES

    @property
    def row_count(self) -> int:
        return len(self._keys)

    @property
    def current_key(self) -> str | None:
        """The key of the row under the cursor."""
        if 0 <= self.cursor_row < len(self._keys):
            return self._keys[self.cursor_row]
        return None

    def row_keys(self) -> list[str]:
        return list(self._keys)

    @property
    def empty(self) -> str:
        """What the list says while it has no rows: which key fills it."""
        return self._empty

    @empty.setter
    def empty(self, text: str) -> None:
        if text != self._empty:
            self._empty = text
            if not self._keys:
                self.refresh()

    # -- the cursor ------------------------------------------------------------------
    @property
    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height - self.header_height)

    def move_to(self, key: str | None, fallback_row: int = 0) -> None:
        """Put the cursor on the row with `key` (else on `fallback_row`), scrolled into view."""
        index = self._index.get(key) if key is not None else None
        self.move_cursor(row=fallback_row if index is None else index)

    def move_cursor(self, *, row: int, scroll: bool = True, announce: bool = False) -> None:
        """Move the cursor to row `row` (clamped), scrolling it into view; say so when it
        is on another row now (or always, with `announce`)."""
        if not self._keys:
            self.cursor_row = 0
            self._announce(announce)
            return
        row = max(0, min(row, len(self._keys) - 1))
        if row != self.cursor_row:
            old = self.cursor_row
            self.cursor_row = row
            # The lines are kept by row and cursor: both rows' other line stays good (the
            # row left shows its line from before the cursor came, if kept), so a move
            # down a list draws one line, and back up none.
            self.repaint_row(old)
            self.repaint_row(row)
        if scroll:
            self._scroll_to_cursor()
        self._announce(announce)

    def _announce(self, always: bool = False) -> None:
        key = self.current_key
        if always or key != self._announced:
            self._announced = key
            self.cursor_moved(key)
            self.post_message(self.Highlighted(self, key))

    def cursor_moved(self, key: str | None) -> None:
        """Called at once when the cursor lands on another row (the message follows)."""

    def _scroll_to_cursor(self) -> None:
        if not self._keys:
            return
        top = round(self.scroll_y)
        if self.cursor_row < top:
            y = self.cursor_row
        elif self.cursor_row >= top + self._page:
            y = self.cursor_row - self._page + 1
        else:
            return
        later = not self.SCROLL_AT_ONCE
        self.scroll_to(y=y, animate=False, force=later, immediate=not later)

    def action_move(self, step: int) -> None:
        self.move_cursor(row=self.cursor_row + step)

    def action_page(self, direction: int) -> None:
        """A page down (up): the rows scroll by a page and the cursor with them."""
        if not self._keys:
            return
        height = self._page
        self.scroll_relative(y=direction * height, animate=False, force=True)
        self.move_cursor(row=self.cursor_row + direction * height, scroll=False)

    def action_move_to_end(self, direction: int) -> None:
        self.move_cursor(row=0 if direction < 0 else len(self._keys) - 1)

    def on_click(self, event: events.Click) -> None:
        row = event.y - self.header_height + round(self.scroll_y)
        if event.y >= self.header_height and 0 <= row < len(self._keys):
            self.move_cursor(row=row)

    def on_resize(self, _event: events.Resize) -> None:
        # Lines drawn at another width are dropped as they are drawn (see render_line).
        self._scroll_to_cursor()

    # -- drawing ---------------------------------------------------------------------
    @property
    def line_width(self) -> int:
        """The width lines are drawn at."""
        return self.scrollable_content_region.width or self.size.width

    def lines_token(self) -> object:
        """What the kept lines depend on besides their rows: they are dropped when it
        changes (the width; a table scrolled sideways adds how far)."""
        return self.line_width

    def forget_lines(self) -> None:
        """Every line is drawn again."""
        self._lines.clear()
        self.refresh()

    def forget_row(self, index: int) -> None:
        """Row `index` changed: its lines are drawn again, now if it is on screen."""
        self._lines.pop((index, False), None)
        self._lines.pop((index, True), None)
        self.repaint_row(index)

    def repaint_row(self, index: int) -> None:
        """Row `index` goes on screen again (the cursor moved on or off it), from its kept
        line when there is one."""
        y = index - round(self.scroll_y) + self.header_height
        if self.header_height <= y < self.size.height:
            self.refresh(Region(0, y, self.size.width, 1))

    def kept_rows(self) -> set[int]:
        """The rows with lines kept."""
        return {index for index, _ in self._lines if index >= 0}

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._lines.clear()

    def base_style(self) -> Style:
        return self.rich_style

    def render_line(self, y: int) -> Strip:
        width = self._checked_width()
        base = self.base_style()
        header = self.header_height
        if y < header:
            index = y - header
        else:
            index = y - header + round(self.scroll_y)
            if index >= len(self._keys):
                return self.render_beyond(index, width, base)
        cursor = index >= 0 and index == self.cursor_row and self.show_cursor
        return self._line(index, cursor, base)

    def _checked_width(self) -> int:
        """The width lines are drawn at, the kept lines dropped if they were drawn for
        anything else (see `lines_token`)."""
        token = self.lines_token()
        if token != self._lines_for:
            self._lines.clear()
            self._lines_for = token
        return self.line_width

    def _line(self, index: int, cursor: bool, base: Style) -> Strip:
        """The line of row `index` (-1 and below: the header's), kept once drawn."""
        key = (index, cursor)
        strip = self._lines.get(key)
        if strip is None:
            if len(self._lines) > CACHE_LINES:
                self._lines.clear()
            if index < 0:
                strip = self.render_header(index + self.header_height, base)
            else:
                strip = self.render_row(index, cursor, base)
            strip = strip.adjust_cell_length(self.line_width, base)
            self._lines[key] = strip
        return strip

    def prepare_rows(self, rows: Sequence[int]) -> None:
        """Draw now, while the app is idle, the lines the cursor would need on `rows` (those
        on screen), so that a move onto one of them only shows kept lines."""
        if not self.show_cursor or not self.is_mounted:
            return
        self._checked_width()
        base = self.base_style()
        top = round(self.scroll_y)
        for row in rows:
            if top <= row < min(len(self._keys), top + self._page):
                self._line(row, True, base)
                self._line(row, False, base)

    def render_header(self, y: int, base: Style) -> Strip:
        """Header line `y` (0 is the first)."""
        return Strip.blank(self.line_width, base)

    def render_row(self, index: int, selected: bool, base: Style) -> Strip:
        """The line of row `index` (`selected`: the cursor is on it)."""
        return Strip.blank(self.line_width, base)

    def render_beyond(self, index: int, width: int, base: Style) -> Strip:
        """Line `index` past the last row: blank, or what an empty list says (dim,
        wrapped at words to the width left of the scrollbar)."""
        if self._keys or not self._empty:
            return Strip.blank(width, base)
        room = max(1, self.scrollable_content_region.width - 2)
        lines = Text(self._empty, style="dim").wrap(self.app.console, room)
        if index >= len(lines):
            return Strip.blank(width, base)
        line = lines[index]
        line.rstrip()
        segments = [Segment(" ", base)] + [
            Segment(s.text, base + s.style if s.style else base)
            for s in line.render(self.app.console, end="")
        ]
        return Strip(segments).adjust_cell_length(width, base)


class FittedList(LineList):
    """A LineList whose rows are drawn to its width (the lanes, the Gantt chart): it
    fills the height left to it, never scrolls sideways, and its scrollbar takes one
    column."""

    DEFAULT_CSS = """
    FittedList {
        height: 1fr;
        overflow-x: hidden;
        scrollbar-size-vertical: 1;
    }
    """
