"""A choice among options, shown in place and changed by key at once.

A drop-down (Textual's Select) opens an overlay on `enter` and only then takes the arrow
keys: keys sent in one burst (over SSH, from a fast typist) reach the field before the
overlay is there, and are lost. Here every key acts the moment it is handled, so `enter
down down enter` sent at once leaves the third option chosen, as it would typed slowly.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.widget import Widget

from growthtui.ui.key_order import HeldWhileSettling

BLANK_LABEL = "(none)"
PAGE = 5
LIST_ROWS = 5
"""A long list shows this many options at a time, the chosen one among them."""
FLOW_MAX = 6
FLOW_LABEL = 24
"""Up to FLOW_MAX options, each at most FLOW_LABEL characters, sit side by side."""

PREVIOUS_KEYS = frozenset({"up", "left"})
NEXT_KEYS = frozenset({"down", "right"})


class ChoiceField(HeldWhileSettling, Widget, can_focus=True):
    """One option of `options` ((label, value) pairs) is chosen; every key acts at once:

    ↑ ← the option before · ↓ → the option after · home/end the first/last ·
    pageup/pagedown five at a time · letters: the option they start ("sup": supervisor).
    `enter` and `space` keep the choice (as picking it in a drop-down would).

    A few short options sit side by side (`(•) short  ( ) medium  ( ) long`) when they
    fit on one line, else one a line; more, or longer ones, are a list of LIST_ROWS lines
    that scrolls with the choice.
    """

    DEFAULT_CSS = """
    ChoiceField {
        height: auto;
        background: $boost;
        padding: 0 1;
    }
    ChoiceField:focus {
        background: $primary 30%;
    }
    ChoiceField > .choice-field--chosen {
        text-style: bold;
    }
    ChoiceField:focus > .choice-field--chosen {
        text-style: bold reverse;
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"choice-field--chosen"}

    class Changed(Message):
        """The choice changed (to `value`)."""

        def __init__(self, field: ChoiceField, value: Any) -> None:
            super().__init__()
            self.field = field
            self.value = value

        @property
        def control(self) -> ChoiceField:
            return self.field

    def __init__(
        self,
        options: Iterable[tuple[str, Any]],
        value: Any = None,
        *,
        allow_blank: bool = False,
        blank_label: str = BLANK_LABEL,
        side_by_side: bool | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        items = list(options)
        if allow_blank:
            items.insert(0, (blank_label, None))
        self.options: list[tuple[str, Any]] = items
        values = [v for _, v in items]
        if value in values:
            self.index = values.index(value)
        else:
            self.index = 0
        if side_by_side is None:
            side_by_side = len(items) <= FLOW_MAX and all(
                cell_len(label) <= FLOW_LABEL for label, _ in items
            )
        self.side_by_side = side_by_side
        self._typed = ""
        """The letters typed in a row so far (they pick the option they start)."""
        self._spans: list[list[tuple[int, int, int]]] = []
        """Per line drawn: (first cell, last cell, option index) of each option on it."""

    # -- the value -----------------------------------------------------------------------
    @property
    def value(self) -> Any:
        """The chosen option's value (None when there is no option, or blank is chosen)."""
        return self.options[self.index][1] if self.options else None

    @value.setter
    def value(self, value: Any) -> None:
        for index, (_, option) in enumerate(self.options):
            if option == value:
                self.choose(index)
                return

    @property
    def label(self) -> str:
        return self.options[self.index][0] if self.options else ""

    def choose(self, index: int) -> None:
        """Choose the option at `index` (kept within the options)."""
        if not self.options:
            return
        index = max(0, min(len(self.options) - 1, index))
        if index == self.index:
            return
        self.index = index
        self.refresh(layout=not self.side_by_side)
        self.post_message(self.Changed(self, self.value))

    # -- keys ----------------------------------------------------------------------------
    async def _on_key(self, event: events.Key) -> None:
        """Keys act here, in this field's turn (not through bindings looked up later,
        when the focus may have moved on)."""
        key = event.key
        step = 0
        if key in PREVIOUS_KEYS:
            step = -1
        elif key in NEXT_KEYS:
            step = 1
        elif key == "pageup":
            step = -PAGE
        elif key == "pagedown":
            step = PAGE
        if step:
            self.choose(self.index + step)
        elif key == "home":
            self.choose(0)
        elif key == "end":
            self.choose(len(self.options) - 1)
        elif key in ("enter", "space"):
            pass  # the choice stands
        elif event.is_printable and event.character and event.character.isalnum():
            self._jump_to(event.character)
            event.stop()
            event.prevent_default()
            return
        else:
            return
        self._typed = ""
        event.stop()
        event.prevent_default()

    def _jump_to(self, character: str) -> None:
        """Letters typed one after the other pick the option they start: `s` `u` `p`
        picks "supervisor". A letter that starts no option with those before it starts
        again: the next option (after the chosen one, round) beginning with it."""
        typed = self._typed + character.lower()
        found = self._find(typed, 0)
        if found is None:
            typed = character.lower()
            found = self._find(typed, 1)
        self._typed = typed if found is not None else ""
        if found is not None:
            self.choose(found)

    def _find(self, prefix: str, start: int) -> int | None:
        """The first option from `start` places after the chosen one (round) whose label
        (or its words after a `#12 ` number) starts with `prefix`."""
        count = len(self.options)
        for step in range(start, count + start):
            index = (self.index + step) % count
            label = self.options[index][0].lower()
            if label.startswith(prefix) or label.lstrip("#0123456789 ").startswith(prefix):
                return index
        return None

    def on_blur(self) -> None:
        self._typed = ""

    def on_click(self, event: events.Click) -> None:
        y = event.y - self.styles.padding.top
        x = event.x - self.styles.padding.left
        for start, end, index in self._spans[y] if 0 <= y < len(self._spans) else []:
            if start <= x < end:
                self.choose(index)
                break
        self.focus()

    # -- drawing -------------------------------------------------------------------------
    def _marks(self) -> tuple[str, str]:
        glyphs = getattr(self.app, "glyphs", None)
        if glyphs is not None and getattr(glyphs, "ascii_only", False):
            return "(*)", "( )"
        return "(•)", "( )"

    def _first_shown(self) -> int:
        """In a long list: the first option of the window the chosen one is in."""
        count = len(self.options)
        if count <= LIST_ROWS:
            return 0
        return max(0, min(self.index - LIST_ROWS // 2, count - LIST_ROWS))

    def _flow_lines(self, width: int) -> list[list[int]]:
        """Option indexes per line: all on one line when they fit in `width` cells, else
        one a line."""
        size = sum(4 + cell_len(label) for label, _ in self.options) + 2 * (len(self.options) - 1)
        if size <= width:
            return [list(range(len(self.options)))]
        return [[index] for index in range(len(self.options))]

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return max((4 + cell_len(label) for label, _ in self.options), default=1)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if not self.options:
            return 1
        if self.side_by_side:
            return len(self._flow_lines(max(1, width)))
        return min(LIST_ROWS, len(self.options))

    def render(self) -> Text:
        width = max(1, self.size.width)
        on, off = self._marks()
        chosen_style = self.get_component_rich_style("choice-field--chosen", partial=True)
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        self._spans = []
        if not self.options:
            text.append("(nothing to choose from)", style="dim")
            return text
        if self.side_by_side:
            rows = self._flow_lines(width)
        else:
            first = self._first_shown()
            rows = [[i] for i in range(first, min(len(self.options), first + LIST_ROWS))]
        for row_number, row in enumerate(rows):
            if row_number:
                text.append("\n")
            spans: list[tuple[int, int, int]] = []
            at = 0
            for position, index in enumerate(row):
                if position:
                    text.append("  ")
                    at += 2
                label = self.options[index][0]
                chosen = index == self.index
                piece = _fit(f"{on if chosen else off} {label}", width - at)
                text.append(piece, style=chosen_style if chosen else "")
                spans.append((at, at + cell_len(piece), index))
                at += cell_len(piece)
            self._spans.append(spans)
        return text


def _fit(text: str, width: int) -> str:
    """`text` cut to `width` cells, with `…` where it was cut."""
    if cell_len(text) <= width:
        return text
    if width <= 1:
        return "…"[:width]
    out = ""
    for character in text:
        if cell_len(out + character) > width - 1:
            break
        out += character
    return out + "…"
