"""The footer of keys, composed again only when the keys it shows changed."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    """Textual's Footer, but a screen switch or a focus move that announces the same keys
    again leaves it alone: each recompose mounts every key anew and lays the whole screen
    out, three or four times per screen switch."""

    def __init__(self, *, compact: bool = False) -> None:
        super().__init__(compact=compact)
        # Compose with the keys at once: Textual's Footer mounts empty and fills itself a
        # frame later, laying the screen out twice.
        self.set_reactive(Footer._bindings_ready, True)
        self._shown: tuple[Any, ...] | None = None
        self._pending = False

    def _keys_shown(self) -> tuple[Any, ...]:
        """What `compose` draws from: the shown bindings (and the command palette's), their
        state and how they read. Keys that only the focused list answers are not shown."""
        app = self.app
        keys = tuple(
            (
                key,
                binding.key,
                app.get_key_display(binding),
                binding.description,
                binding.action,
                binding.group,
                enabled,
                tooltip,
            )
            for key, (_node, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show or key == app.COMMAND_PALETTE_BINDING
        )
        return (keys, self.compact, self.show_command_palette, app.ENABLE_COMMAND_PALETTE)

    def compose(self) -> ComposeResult:
        self._shown = self._keys_shown()
        yield from super().compose()

    def bindings_changed(self, screen: Screen[Any]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._pending:
            self._pending = True
            self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        self._pending = False
        if self.is_attached and self._keys_shown() != self._shown:
            await self.recompose()
