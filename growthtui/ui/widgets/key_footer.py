"""The footer of keys: one line, drawn by one widget.

Textual's Footer mounts a widget per key and composes them all again whenever the keys
change (every screen switch, every focus move): six to eight widgets to style, lay out and
draw before a screen's first frame. This footer draws the same line itself and repaints
only when the keys it shows changed."""

from __future__ import annotations

from typing import Any, ClassVar, NamedTuple

from rich.text import Text
from textual.screen import Screen
from textual.widget import Widget

SEPARATOR = "▏"
"""Before the command palette's key, on the right (Textual's footer draws the same)."""


class FooterKey(NamedTuple):
    """One key as the footer shows it."""

    key: str
    display: str
    description: str
    enabled: bool


class KeyFooter(Widget, can_focus=False):
    """The keys the focused widget, the screen and the app answer (those bound with
    `show=True`, one per action), and the command palette's key on the right."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "footer-key--key",
        "footer-key--description",
        "footer-key--separator",
    }
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        .footer-key--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .footer-key--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .footer-key--separator {
            color: $foreground 20%;
        }
    }
    """

    def __init__(self, *, compact: bool = True) -> None:
        super().__init__()
        self.compact = compact
        self._shown: tuple[tuple[FooterKey, ...], FooterKey | None] | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def keys(self) -> tuple[tuple[FooterKey, ...], FooterKey | None]:
        """The keys shown (left to right) and the command palette's key (or None)."""
        app = self.app
        shown: list[FooterKey] = []
        actions: set[str] = set()
        palette: FooterKey | None = None
        for key, (_node, binding, enabled, _tip) in self.screen.active_bindings.items():
            entry = FooterKey(key, app.get_key_display(binding), binding.description, enabled)
            if key == app.COMMAND_PALETTE_BINDING and app.ENABLE_COMMAND_PALETTE:
                palette = entry
            elif binding.show and binding.action not in actions:
                actions.add(binding.action)
                shown.append(entry)
        return tuple(shown), palette

    def _bindings_changed(self, screen: Screen[Any]) -> None:
        if self.is_attached and screen is self.screen and self.keys() != self._shown:
            self.refresh()

    def render(self) -> Text:
        keys, palette = self._shown = self.keys()
        key_style = self.get_component_rich_style("footer-key--key")
        description_style = self.get_component_rich_style("footer-key--description")
        gap = "" if self.compact else " "

        def entry(key: FooterKey) -> Text:
            text = Text.assemble(
                (f"{gap}{key.display}{gap}", key_style), (f" {key.description}", description_style)
            )
            if not key.enabled:
                text.stylize("dim")
            return text

        line = Text(no_wrap=True, overflow="crop", end="")
        for key in keys:
            line.append_text(entry(key))
            line.append(" ")
        if palette is not None:
            right = Text(SEPARATOR, style=self.get_component_rich_style("footer-key--separator"))
            right.append_text(entry(palette))
            right.append(" ")
            room = self.size.width - right.cell_len
            line.truncate(max(0, room), pad=True)
            line.append_text(right)
        line.stylize_before(self.rich_style)  # the footer's colours under every part
        return line
