"""The bar at the top: every area with its number key, the current one highlighted."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from growthtui.ui.areas import AREAS


class AreaTabs(Widget):
    """`1 Dashboard  2 Assessment  3 Goals ...` — the screen's name is always visible."""

    DEFAULT_CSS = """
    AreaTabs {
        height: 1;
        background: $panel;
        color: $text-muted;
    }
    """

    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current

    def render(self) -> Text:
        width = self.size.width or 100
        full = sum(len(a.title) + 4 for a in AREAS) <= width
        text = Text(no_wrap=True, overflow="ellipsis")
        for area in AREAS:
            label = area.title if full else area.short
            if area.mode == self.current:
                text.append(f" {area.key} {label} ", style="bold reverse")
            else:
                text.append(f" {area.key} ", style="bold")
                text.append(f"{label} ")
        return text
