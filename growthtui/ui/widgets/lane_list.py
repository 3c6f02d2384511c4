"""Rows in side-by-side lanes under headings: a Line API widget that styles and draws only
the lines on screen, so thousands of milestones open, scroll and update at once."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import Enum
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import BindingType
from textual.geometry import Size
from textual.strip import Strip

from growthtui.domain.printable import printable
from growthtui.ui.widgets.line_list import FittedList, LineList, cursor_bindings, fitted

MIN_LANE = 12
"""Every lane keeps room for a few words, even when it is empty."""


class RowState(Enum):
    """How a row looks."""

    PLAIN = "plain"
    DONE = "done"
    """Dimmed."""
    ALARM = "alarm"
    """In the alarm style (overdue)."""
    HEADING = "heading"
    """A heading across the lanes (a month)."""


@dataclass(frozen=True)
class LaneRow:
    """One line: `first` in the first column, `title` (then `note`, dimmed) in `lane`."""

    key: str
    first: str
    title: str = ""
    note: str = ""
    lane: int = 0
    state: RowState = RowState.PLAIN


def _no_row(key: str) -> LaneRow:
    return LaneRow(key, "")


def _shown(row: LaneRow) -> LaneRow:
    """The row as it may be drawn: stored text with its control characters as escapes."""
    if (row.first + row.title + row.note).isprintable():
        return row
    return replace(
        row, first=printable(row.first), title=printable(row.title), note=printable(row.note)
    )


def lane_widths(room: int, count: int, needs: Sequence[int]) -> list[int]:
    """Split `room` characters among `count` lanes by what they hold: `needs[i]` is the
    width lane i's longest line wants. Every lane keeps `MIN_LANE` (less when the room is
    short); then the room is shared out evenly among the lanes that want more, each up
    to its need, so a lane of long titles is not squeezed by one of many short ones; what
    is left once every need is met goes to the lanes by need."""
    if count <= 0:
        return []
    needs = [max(0, n) for n in (list(needs) + [0] * count)[:count]]
    floor = max(4, min(MIN_LANE, room // count))
    widths = [floor] * count
    left = max(0, room - floor * count)
    wanting = [i for i in range(count) if needs[i] > widths[i]]
    while left > 0 and wanting:
        share = max(1, left // len(wanting))
        for lane in list(wanting):
            give = min(share, needs[lane] - widths[lane], left)
            widths[lane] += give
            left -= give
            if widths[lane] >= needs[lane]:
                wanting.remove(lane)
            if left <= 0:
                break
    if left > 0:
        total = sum(needs)
        shares = [n / total if total else 1 / count for n in needs]
        extra = [int(left * share) for share in shares]
        extra[max(range(count), key=lambda i: shares[i])] += left - sum(extra)  # rounding
        widths = [w + e for w, e in zip(widths, extra, strict=True)]
    return widths


class LaneList(FittedList):
    """A header of lane titles, then rows; a cursor row; the lanes share the width by
    what they hold."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "lanes--header",
        "lanes--heading",
        "lanes--divider",
        "lanes--cursor",
    }
    DEFAULT_CSS = """
    LaneList > .lanes--header { text-style: bold; background: $panel; }
    LaneList > .lanes--heading { text-style: bold; }
    LaneList > .lanes--divider { color: $panel-lighten-2; }
    LaneList > .lanes--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: $block-cursor-text-style;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = cursor_bindings("lanes")

    class Highlighted(LineList.Highlighted):
        """The cursor moved to another row (or the rows changed under it)."""

    def __init__(
        self,
        first_title: str,
        lane_titles: Sequence[str],
        *,
        first_width: int = 14,
        divider: str = "│",
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.first_title = first_title
        self.lane_titles = list(lane_titles)
        self.first_width = first_width
        self.divider = divider
        self._row_of: Callable[[str], LaneRow] = _no_row
        """Makes a row from its key, when it is first drawn (or asked for)."""
        self._made: dict[str, LaneRow] = {}
        self.weights: list[int] = []
        """What each lane's longest line wants (see `lane_widths`)."""
        self.alarm_style = Style(bold=True)

    # -- rows ------------------------------------------------------------------------
    def sync(
        self,
        rows: Sequence[LaneRow],
        keep: str | None = None,
        weights: Mapping[int, int] | None = None,
        alarm_style: str | None = None,
    ) -> None:
        """Show `rows` (see `show_rows`)."""
        made = {row.key: row for row in rows}
        self.show_rows(list(made), made.__getitem__, keep, weights, alarm_style)

    def show_rows(
        self,
        keys: Sequence[str],
        row_of: Callable[[str], LaneRow],
        keep: str | None = None,
        weights: Mapping[int, int] | None = None,
        alarm_style: str | None = None,
    ) -> None:
        """Show the rows with `keys`; `row_of(key)` makes a row and is called only for the
        rows drawn (or asked for), so thousands of milestones cost what is on screen. The
        cursor stays on the same row (or goes to `keep`); when the same keys come again,
        only lines on screen whose row changed are drawn again."""
        target = keep or self.current_key
        old_keys, old_made = self._keys, self._made
        self.set_keys(keys)
        self._row_of = row_of
        self._made = {}
        if weights is not None:
            new_weights = [weights.get(i, 0) for i in range(len(self.lane_titles))]
            if new_weights != self.weights:
                self.weights = new_weights
                self._lines.clear()
        if alarm_style is not None and Style.parse(alarm_style) != self.alarm_style:
            self.alarm_style = Style.parse(alarm_style)
            self._lines.clear()
        if old_keys == self._keys:
            # Same rows: keep the lines (all on screen, or near) whose row did not change.
            for index in self.kept_rows():
                if old_made.get(self._keys[index]) != self._row(index):
                    self.forget_row(index)
        else:
            self._lines.clear()
        self.virtual_size = Size(0, len(self._keys) + 1)
        found = self._index.get(target or "")
        fallback = min(self.cursor_row, max(0, len(self._keys) - 1))
        self.move_cursor(row=fallback if found is None else found, announce=True)
        self.refresh()

    def _row(self, index: int) -> LaneRow:
        key = self._keys[index]
        row = self._made.get(key)
        if row is None:
            row = self._made[key] = _shown(self._row_of(key))
        return row

    @property
    def rows(self) -> list[LaneRow]:
        """Every row (each made now if it was not yet)."""
        return [self._row(index) for index in range(len(self._keys))]

    def row(self, key: str) -> LaneRow:
        return self._row(self._index[key])

    # -- drawing ---------------------------------------------------------------------
    def columns(self) -> list[tuple[int, int]]:
        """(x, width) of the first column and of each lane."""
        count = len(self.lane_titles)
        room = self.line_width - self.first_width - 1 - 3 * count
        widths = lane_widths(room, count, self.weights)
        spans = [(1, self.first_width)]
        x = 1 + self.first_width
        for width in widths:
            spans.append((x + 3, width))  # a space, the divider, a space
            x += width + 3
        return spans

    def _place(
        self, line: list[Segment], columns: list[tuple[int, int]], texts: list[Text], base: Style
    ) -> None:
        """Lay `texts` into `columns`, cut to width with an ellipsis, dividers between lanes."""
        console = self.app.console
        divider = self.get_component_rich_style("lanes--divider")
        x = 0
        for number, ((start, width), text) in enumerate(zip(columns, texts, strict=True)):
            if number >= 1:
                line.append(Segment(" " * (start - 2 - x), base))
                line.append(Segment(self.divider, divider + Style(bgcolor=base.bgcolor)))
                line.append(Segment(" ", base))
                x = start
            else:
                line.append(Segment(" " * (start - x), base))
                x = start
            line.extend(fitted(text, width, base, console))
            x += width

    def render_header(self, y: int, base: Style) -> Strip:
        style = self.get_component_rich_style("lanes--header")
        texts = [Text(self.first_title), *(Text(title) for title in self.lane_titles)]
        line: list[Segment] = []
        self._place(line, self.columns(), texts, style)
        return Strip(line).adjust_cell_length(self.line_width, style)

    def render_row(self, index: int, selected: bool, base: Style) -> Strip:
        row = self._row(index)
        if selected:
            base = self.get_component_rich_style("lanes--cursor")
        if row.state is RowState.HEADING:
            heading = base + self.get_component_rich_style("lanes--heading", partial=True)
            return Strip([Segment(" " + row.first, heading)]).adjust_cell_length(
                self.line_width, base
            )
        state: Style | None = None
        if row.state is RowState.DONE:
            state = Style(dim=True)
        elif row.state is RowState.ALARM:
            state = self.alarm_style
        first = Text(row.first, style=state or "")
        cell = Text(row.title, style=state or "")
        if row.note:
            cell.append(f" · {row.note}", style="dim")
        texts = [first] + [cell if i == row.lane else Text() for i in range(len(self.lane_titles))]
        line: list[Segment] = []
        self._place(line, self.columns(), texts, base)
        return Strip(line)
