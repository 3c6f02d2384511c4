"""Goals as bars across months or quarters: a Line API widget that draws only the lines on
screen, so thousands of goals scroll and shift as fast as ten."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.geometry import Size
from textual.strip import Strip

from growthtui.domain.goals import Milestone
from growthtui.domain.timeline import (
    Mark,
    Scale,
    Window,
    bar_marks,
    choose_scale,
    default_start,
    latest_start,
    outside,
    overall_span,
    period_label,
    shift,
)
from growthtui.ui.glyphs import UNICODE, Glyphs
from growthtui.ui.shown import shown_text
from growthtui.ui.widgets.line_list import FittedList, LineList, cursor_bindings, fitted

HEADER_LINES = 2
"""Years, then months or quarters; they stay put while the goals scroll under them."""

CELL = 4
"""Characters per month or quarter: room for "Dec " or "Q4  "."""


@dataclass(frozen=True)
class GanttRow:
    """One goal's line: its label (tree guide, marks, title) and what its bar shows."""

    key: str
    label: Text
    span: tuple[dt.date, dt.date] | None
    milestones: Sequence[Milestone] = ()
    progress: float | None = None
    dim: bool = False
    alarm: bool = False
    """Draw the bar in the alarm style (an open goal past its due date)."""


class GanttChart(FittedList):
    """Rows of bars under a header of years and periods, a cursor row, and a window of
    months or quarters that the screen shifts (`shift`, `to_today`, `toggle_scale`)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "gantt--header",
        "gantt--bar",
        "gantt--today",
        "gantt--tick",
        "gantt--cursor",
        "gantt--hint",
    }
    DEFAULT_CSS = """
    GanttChart > .gantt--header { text-style: bold; color: $text-muted; }
    GanttChart > .gantt--bar { color: $primary; }
    GanttChart > .gantt--today { color: $warning; text-style: bold; }
    GanttChart > .gantt--tick { color: $text; text-style: bold; }
    GanttChart > .gantt--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: $block-cursor-text-style;
    }
    GanttChart > .gantt--hint { color: $text-muted; text-style: italic; }
    """
    BINDINGS: ClassVar[list[BindingType]] = cursor_bindings(
        "gantt", top=("home", "First goal", "first"), bottom=("end", "Last goal", "last")
    )
    HEADER_LINES = 2

    class Highlighted(LineList.Highlighted):
        """The cursor moved to another goal (or the rows changed under it)."""

    class WindowChanged(LineList.Said):
        """The months or quarters shown changed (shifted, zoomed, resized, new rows)."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.rows: list[GanttRow] = []
        self.today = dt.date.today()
        self.glyphs: Glyphs = UNICODE
        self.alarm_style = Style(bold=True)
        self._scale: Scale | None = None
        """The person's choice of months or quarters; None picks from the span."""
        self._start: dt.date | None = None
        """Where the person shifted the window to; None opens it around today."""
        self._window: tuple[int, Window] | None = None
        """The window, and the width it was made for."""

    # -- what to show ----------------------------------------------------------------
    def show(
        self,
        rows: Sequence[GanttRow],
        today: dt.date,
        glyphs: Glyphs,
        alarm_style: str,
        keep: str | None = None,
    ) -> None:
        """Show `rows`; the cursor stays on the same goal (or `keep`) when it is there."""
        target = keep or self.current_key
        self.rows = list(rows)
        self.set_keys([row.key for row in self.rows])
        self.today = today
        self.glyphs = glyphs
        self.alarm_style = Style.parse(alarm_style)
        found = self._index.get(target or "")
        self.cursor_row = (
            min(self.cursor_row, max(0, len(self.rows) - 1)) if found is None else found
        )
        self._relayout()
        self._scroll_to_cursor()
        self._announce(always=True)

    @property
    def window(self) -> Window:
        width = self.line_width
        if self._window is None or self._window[0] != width:
            # Made again whenever the width changed, even if a resize went unnoticed.
            self._lines.clear()
            self._window = (width, self._make_window())
            if width:
                self.post_message(self.WindowChanged(self))
        return self._window[1]

    def shift(self, periods: int) -> None:
        """Move the window `periods` months or quarters later (earlier when negative)."""
        self._start = shift(self.window.start, periods, self.window.scale)
        self._relayout()

    def to_today(self) -> None:
        """Back to the window that opens around today."""
        self._start = None
        self._relayout()

    def toggle_scale(self) -> None:
        """Months ⇄ quarters, opened around today."""
        self._scale = self.window.scale.other
        self._start = None
        self._relayout()

    def move_to(self, key: str | None, fallback_row: int | None = None) -> None:
        """The cursor on the goal with `key` (it stays where it is when none has it)."""
        index = self._index.get(key) if key is not None else None
        if index is not None or fallback_row is not None:
            super().move_to(key, fallback_row or 0)

    # -- layout ----------------------------------------------------------------------
    @property
    def label_width(self) -> int:
        return max(14, min(34, self.line_width * 3 // 10))

    def _make_window(self) -> Window:
        periods = max(1, (self.line_width - self.label_width - 1) // CELL)
        span = overall_span(row.span for row in self.rows)
        scale = self._scale or choose_scale(span, periods)
        start = self._start or default_start(span, self.today, periods, scale)
        # Never past the calendar's last period (a goal due 9999-12-31, `]` held down).
        return Window(min(start, latest_start(periods, scale)), periods, scale, CELL)

    def _relayout(self) -> None:
        self._window = None
        self.virtual_size = Size(self.line_width, len(self.rows) + HEADER_LINES)
        self.forget_lines()

    def on_resize(self, _event: events.Resize) -> None:
        # LineList.on_resize runs next (Textual calls each class's), scrolling to the cursor.
        self._relayout()

    # -- drawing ---------------------------------------------------------------------
    def render_header(self, y: int, base: Style) -> Strip:
        return self._header_line(y)

    def render_row(self, index: int, selected: bool, base: Style) -> Strip:
        return self._row_line(self.rows[index], selected)

    def _header_line(self, y: int) -> Strip:
        window = self.window
        header = self.get_component_rich_style("gantt--header")
        today_style = self.get_component_rich_style("gantt--today")
        base = self.rich_style
        chars = [" "] * window.width
        styles: list[Style] = [header] * window.width
        columns = window.columns()
        for x, start in columns:
            if y == 0:
                # A year over its January (or Q1); over the first column too when the next
                # January is far enough away not to run into it.
                starts_year = start.month == 1
                crowded = any(0 < nx <= 4 and ns.month == 1 for nx, ns in columns)
                if starts_year or (x == 0 and not crowded):
                    for i, char in enumerate(str(start.year)[: window.width - x]):
                        chars[x + i] = char
            else:
                for i, char in enumerate(period_label(start, window.scale)):
                    if x + i < window.width:
                        chars[x + i] = char
                        if start <= self.today < shift(start, 1, window.scale):
                            styles[x + i] = today_style
        title = "Goal" if y == HEADER_LINES - 1 else ""
        segments = [Segment(title.ljust(self.label_width + 1), header if title else base)]
        segments += _runs(chars, styles)
        return Strip(segments)

    def _row_line(self, row: GanttRow, selected: bool) -> Strip:
        glyphs = self.glyphs
        window = self.window
        base = self.rich_style
        label = shown_text(row.label, lines=False)
        cursor = self.get_component_rich_style("gantt--cursor") if selected else None
        segments = fitted(label, self.label_width, base, self.app.console, cursor)
        segments.append(Segment(" ", base))

        bar = self.get_component_rich_style("gantt--bar")
        if row.alarm:
            bar = bar + self.alarm_style
        tick = self.get_component_rich_style("gantt--tick")
        today = self.get_component_rich_style("gantt--today")
        dim = Style(dim=True)
        alarm = base + self.alarm_style
        look: dict[Mark, tuple[str, Style]] = {
            Mark.EMPTY: (" ", base),
            Mark.BAR: (glyphs.bar_empty, bar),
            Mark.BAR_DONE: (glyphs.bar_full, bar),
            Mark.TODAY: (glyphs.today, today),
            Mark.TICK: (glyphs.tick, tick),
            Mark.TICK_DONE: (glyphs.done, tick + dim),
            Mark.TICK_OVERDUE: (glyphs.overdue, alarm),
        }
        marks = bar_marks(window, row.span, row.milestones, self.today, row.progress)
        chars = [look[mark][0] for mark in marks]
        styles = [look[mark][1] + dim if row.dim else look[mark][1] for mark in marks]
        side = outside(window, row.span)
        if side is not None and row.span is not None:
            hint_style = self.get_component_rich_style("gantt--hint")
            if side == "before":
                hint = f"< ended {row.span[1].isoformat()}"
                at = 0
            else:
                hint = f"starts {row.span[0].isoformat()} >"
                at = max(0, window.width - len(hint))
            for i, char in enumerate(hint[: window.width]):
                if marks[at + i] is Mark.EMPTY:
                    chars[at + i] = char
                    styles[at + i] = hint_style
        segments += _runs(chars, styles)
        return Strip(segments)


def _runs(chars: list[str], styles: list[Style]) -> list[Segment]:
    """Characters as segments, one per run of the same style."""
    segments: list[Segment] = []
    start = 0
    for index in range(1, len(chars) + 1):
        if index == len(chars) or styles[index] != styles[start]:
            segments.append(Segment("".join(chars[start:index]), styles[start]))
            start = index
    return segments
