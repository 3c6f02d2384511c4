"""The bindings Textual merges for a class, and the app's own map, read where Textual keeps
them (`DOMNode._merge_bindings`, `App._bindings`).

growthtui.ui.keymap checks a person's keymap before anything is shown: which keys each
screen, list and dialog answers, so a rebinding that would clash, or that a text field
would type instead of run, is refused with a sentence. Textual answers "which bindings are
active" only for the screen on display (`Screen.active_bindings`); the keymap needs them
for every class, including dialogs not open yet, and the app's instance map also holds
Textual's own keys (quit, the palette). Kept here with growthtui's other uses of Textual's
private parts (pyproject.toml's import contract).
"""

from __future__ import annotations

from typing import Any

from textual.binding import Binding
from textual.dom import DOMNode


def declared_bindings(owner: type[DOMNode]) -> list[Binding]:
    """Every binding an instance of `owner` answers itself, as Textual merges them (its
    own and the inherited ones, one Binding per key)."""
    merged = owner._merge_bindings()
    return [b for bindings in merged.key_to_bindings.values() for b in bindings]


def app_bindings(app: Any) -> list[Binding]:
    """The app's bindings: its own and Textual's (ctrl+q, ctrl+c, the palette key)."""
    return [b for bindings in app._bindings.key_to_bindings.values() for b in bindings]
