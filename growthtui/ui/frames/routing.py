"""The one hook into Textual's key routing that has no public form (Textual 8.2.8).

When the app reads a key it picks, there and then, the widget (or the screen) the key goes
to, and hands it over through `_forward_event`. growthtui.ui.key_order needs to hold keys
back at that moment: a form that is still opening, or a save that is still settling, must
keep the keys typed behind it until it is ready, in the order typed, before any field
reads them. Textual has no public event for "a key was routed to you": a widget's
`on_key` runs only when the widget gets to the key, after the field's own handler may
have typed it. So this mixin overrides `_forward_event`, and nothing else; key_order.py
holds the policy. It lives here, beside the frame encoder, because this package is where
growthtui keeps what depends on Textual's private parts (pyproject.toml's import
contract), so a Textual upgrade has one folder to check.
"""

from __future__ import annotations

from textual import events


class KeyIntake:
    """Mixin (before the Textual class in the bases): `take_key` sees each key the app
    routes to this widget or screen before it is handed over; True keeps it."""

    def take_key(self, key: events.Key) -> bool:
        """Keep `key` (True) instead of letting it be handed over."""
        return False

    def _forward_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and self.take_key(event):
            return
        super()._forward_event(event)  # type: ignore[misc]
