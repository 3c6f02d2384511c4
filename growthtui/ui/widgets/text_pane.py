"""A scrollable pane of text that follows a cursor elsewhere (a detail pane), drawn line by
line: showing another record's text repaints only the lines that differ and lays nothing
out again, so a cursor move costs a few lines on the terminal instead of the whole pane.

It draws no scrollbar: a thumb whose length follows each record's text would be drawn
again, row by row, on most moves (a quarter of a move's work in Goals at 50k goals, and
~50 bytes). Instead `hint` says in words where more text is ("more below · tab"), for
the pane's border."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.visual import Visual, visualize
from textual.widget import Widget
from textual.widgets import Static

from growthtui.ui.shown import shown_text

PREPARED = 6
"""Texts kept wrapped ahead of time."""
STYLED_LINES = 1024
"""Lines kept as drawn: several texts' worth (the one shown, those prepared)."""


class _ScrollArea(ScrollView):
    """A ScrollView that accepts (and ignores) Static's `markup` argument, so a Static can
    be a ScrollView too."""

    def __init__(self, *children: Widget, markup: bool = True, **kwargs: Any) -> None:
        super().__init__(*children, **kwargs)


class TextPane(Static, _ScrollArea, can_focus=True):
    """Text wrapped to the pane's width; scrolls when it is taller (tab in, then arrows).

    It is a Static too (queries and `render()` find the text as in any Static), drawn by
    ScrollView's line API."""

    DEFAULT_CSS = """
    TextPane {
        height: 1fr;
        overflow-x: hidden;
        overflow-y: scroll;
        scrollbar-size-vertical: 0;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "scroll_up", "Scroll up", id="pane.up", show=False),
        Binding("down", "scroll_down", "Scroll down", id="pane.down", show=False),
        Binding("home", "scroll_home", "Scroll to the top", id="pane.top", show=False),
        Binding("end", "scroll_end", "Scroll to the end", id="pane.bottom", show=False),
        Binding("pageup", "page_up", "Page up", id="pane.page_up", show=False),
        Binding("pagedown", "page_down", "Page down", id="pane.page_down", show=False),
    ]

    hint: reactive[str] = reactive("", layout=False, repaint=False)
    """Where the text goes on beyond the pane, in words ("more below", "more above and
    below"), with " · tab" while the pane is not focused; "" when it all shows."""

    def __init__(self, text: Text | str = "", *, id: str | None = None, classes: str | None = None):
        super().__init__(id=id, classes=classes, markup=False)
        self._text = shown_text(text)
        self._strips: list[Strip] = []
        self._wrapped_at = -1
        self._prepared: dict[Hashable, tuple[Text, list[Strip]]] = {}
        """Texts wrapped ahead of time (see `prepare`), at `_wrapped_at`."""
        self._styled_lines: dict[int, tuple[Strip, object, Strip]] = {}
        """Lines as drawn (see `_styled`), by the text line they were drawn from."""
        self._blank: Strip | None = None
        self._blank_style: object = None

    def render(self) -> Text:
        return self._text

    @property
    def text(self) -> Text:
        return self._text

    def prepare(self, key: Hashable, text: Text) -> None:
        """Wrap `text` now, while nothing else is going on, so that `show(text, key=key)`
        costs only the drawing (the records next to the cursor are prepared after each
        move)."""
        if self._wrapped_at < 0 or key in self._prepared:
            return
        text = shown_text(text)
        if len(self._prepared) >= PREPARED:
            del self._prepared[next(iter(self._prepared))]
        strips = self._wrapped(text, self._wrapped_at)
        self._prepared[key] = (text, strips)
        self._filtered(strips)

    def show(self, text: Text | str, *, top: bool = False, key: Hashable = None) -> None:
        """Show `text` (`top`: scrolled to its first line, for another record's text; `key`:
        names the text, for a text prepared ahead)."""
        text = shown_text(text)
        if text == self._text and not top:
            return
        self._text = text
        if not self.is_mounted or self._wrapped_at < 0:
            self._wrapped_at = -1  # wrapped when first drawn
            return
        old = self._strips
        prepared = self._prepared.get(key) if key is not None else None
        if prepared is not None and prepared[0] is text:
            self._strips = prepared[1]
        else:
            self._wrap(self._wrapped_at)
        if self._fit():
            return  # the scroll range came or went: the pane is laid out and drawn again
        if top and round(self.scroll_y):
            self.scroll_to(y=0, animate=False)
            return  # scrolling draws the pane again
        width, height = self.scrollable_content_region.size
        scroll_y = round(self.scroll_y)
        changed = []
        for y in range(height):
            index = y + scroll_y
            before = old[index] if index < len(old) else None
            after = self._strips[index] if index < len(self._strips) else None
            if before != after:
                changed.append(Region(0, y, width, 1))
        if changed:
            self.refresh(*changed)  # one call: each costs a walk of the screen's dirty state

    def _wrapped(self, text: Text, width: int) -> list[Strip]:
        visual: Visual = visualize(self, text, markup=False)
        return Visual.to_strips(self, visual, width, None, self.visual_style)

    def _wrap(self, width: int) -> None:
        if width != self._wrapped_at:
            self._prepared.clear()
        self._strips = self._wrapped(self._text, width)
        self._wrapped_at = width

    def _fit(self) -> bool:
        """Wrap to the pane's width and set the scrollable height; True when that made the
        pane lay out again. The (zero-wide) scrollbar is always there, so another text never
        changes the width the text wraps at, nor the layout."""
        width = self.scrollable_content_region.width
        if width != self._wrapped_at:
            self._wrap(width)
        # Never shorter than the pane: texts that fit leave the scroll range as it is.
        size = Size(width, max(len(self._strips), self.container_size.height))
        if size == self.virtual_size:
            self._update_hint()
            return False
        scrollbar = self.show_vertical_scrollbar
        # Set without a layout (the pane's size does not change with its text); the scroll
        # position is then kept within the new range (a shorter text scrolled past its end
        # shows its last page). The scrollbar is always there and zero wide: nothing of it
        # to update.
        self.set_reactive(Widget.virtual_size, size)
        self.scroll_y = min(self.scroll_y, self.max_scroll_y)
        self._update_hint()
        return self.show_vertical_scrollbar != scrollbar

    def on_resize(self) -> None:
        self._fit()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._update_hint()

    def watch_has_focus(self, has_focus: bool) -> None:
        super().watch_has_focus(has_focus)
        self._update_hint()

    def _update_hint(self) -> None:
        below = round(self.scroll_y) < self.max_scroll_y
        above = round(self.scroll_y) > 0
        where = " and ".join(side for side, more in (("above", above), ("below", below)) if more)
        tab = "" if self.has_focus else " · tab"
        self.hint = f"more {where}{tab}" if where else ""

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._prepared.clear()
        if self._wrapped_at >= 0:
            self._wrap(self._wrapped_at)

    def render_line(self, y: int) -> Strip:
        return self._lines_from(y, 1)[0]

    def _lines_from(self, y: int, count: int) -> list[Strip]:
        """Lines `y` to `y + count` of the pane, as `render_line` gives them."""
        width = self.scrollable_content_region.width
        if width != self._wrapped_at:
            # Laid out at a new width: wrap now so this frame is right (the scrollable
            # height follows in on_resize).
            self._wrap(width)
        index = y + round(self.scroll_y)
        # Padded to the width as a Static's lines are.
        lines = self._strips[index : index + count]
        if len(lines) < count:
            style = self.visual_style.rich_style
            blank = self._blank
            if blank is None or blank.cell_length != width or self._blank_style != style:
                blank = self._blank = Strip.blank(width, style)
                self._blank_style = style
            lines += [blank] * (count - len(lines))
        return lines

    def render_lines(self, crop: Region) -> list[Strip]:
        """The pane's lines as Textual draws them (its styles, then the app's line
        filters), without the work of styles the pane does not have: with no border,
        padding, outline, tint, hatch or opacity, Textual's line is the text's line padded
        to the width in the pane's background, passed through the filters. That line is
        kept with the text's line, so a text shown again, or prepared ahead (see
        `prepare`), costs no drawing at all."""
        if not self._plain():
            return super().render_lines(crop)
        strips = self._styled(self._lines_from(crop.y, crop.height))
        x1, x2 = crop.column_span
        if (x1, x2) != (0, self.size.width):
            strips = [strip.crop(x1, x2) for strip in strips]
        return strips

    def _styled(self, strips: list[Strip]) -> list[Strip]:
        """`strips` as Textual's styles cache draws them for this (plain) pane."""
        base_background, background = self.background_colors
        # What Textual pads a line of content with: the pane's background over its base.
        inner = VisualStyle(background=base_background + background).rich_style
        look = (self.size.width, inner, background, tuple(self.get_line_filters()))
        width, _, _, filters = look
        kept = self._styled_lines
        out: list[Strip] = []
        for strip in strips:
            entry = kept.get(id(strip))
            if entry is None or entry[0] is not strip or entry[1] != look:
                line = strip.adjust_cell_length(width, inner)
                for line_filter in filters:
                    line = line.apply_filter(line_filter, background)
                if len(kept) >= STYLED_LINES:
                    kept.clear()
                entry = kept[id(strip)] = (strip, look, line)
            out.append(entry[2])
        return out

    def _plain(self) -> bool:
        """Whether Textual's styles add nothing to the pane's lines (see `render_lines`)."""
        styles = self.styles
        if any(styles.gutter) or self.scrollable_content_region.size != self.size:
            return False  # a border, padding, or a scrollbar that takes room
        if any(edge for edge, _color in styles.outline):
            return False
        if styles.tint.a or styles.text_opacity != 1.0 or self.opacity != 1.0:
            return False
        if styles.has_rule("hatch") and styles.hatch != "none":
            return False
        # Textual restyles the links under the mouse: left to it.
        hover = self.hover_style
        return not (self.auto_links and hover.link_id and "@click" in hover.meta)

    def _filtered(self, strips: list[Strip]) -> None:
        """Draw `strips` as `render_lines` will, now, while the app is idle."""
        if self.is_mounted and self._plain():
            self._styled(strips)
