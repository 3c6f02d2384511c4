"""User keymaps: rebind any binding by its id, with a clear sentence for mistakes.

Ids are `area.goals`, `goals.new`, `app.quit`... (`?` in the app lists them). A keymap
entry that names no binding, or gives a key that another binding of the same screen
already uses, is refused (and said so); the rest applies.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from textual.binding import Binding

if TYPE_CHECKING:
    from textual.app import App

_KEY = re.compile(r"^((ctrl|shift|alt|super|meta)\+)*([a-z0-9_]+|f[0-9]{1,2}|.)$")


def _bindings_of(owner: type) -> list[Binding]:
    """The bindings a class declares itself (not those it inherits from Textual)."""
    return [item for item in owner.__dict__.get("BINDINGS", []) if isinstance(item, Binding)]


def binding_scopes(app: App[Any]) -> dict[str, list[Binding]]:
    """Every place bindings live: the app, each area screen, each dialog."""
    from growthtui.ui.screens.registry import AREA_SCREEN_CLASSES, DIALOGS

    scopes = {"app": _bindings_of(type(app))}
    for mode, screen_class in AREA_SCREEN_CLASSES.items():
        scopes[mode] = _bindings_of(screen_class)
    for dialog in DIALOGS:
        scopes[dialog.__name__] = _bindings_of(dialog)
    return scopes


def _keys(text: str) -> list[str]:
    return [k.strip() for k in text.split(",") if k.strip()]


def check_keymap(
    keymap: Mapping[str, str], scopes: Mapping[str, Iterable[Binding]]
) -> tuple[dict[str, str], list[str]]:
    """Split `keymap` into what can apply and sentences about what cannot: unknown ids,
    things that are not keys, and keys another action of the same screen already uses."""
    known = {b.id for bindings in scopes.values() for b in bindings if b.id}
    good: dict[str, str] = {}
    problems: list[str] = []
    for binding_id, keys in keymap.items():
        if binding_id not in known:
            close = sorted(k for k in known if k.split(".")[-1] == binding_id.split(".")[-1])
            hint = f" (did you mean {close[0]!r}?)" if close else " (press ? to see the ids)"
            problems.append(f"keymap: there is no action with id {binding_id!r}{hint}; ignored")
        elif not _keys(keys) or not all(_KEY.match(k) for k in _keys(keys)):
            problems.append(
                f"keymap: {keys!r} for {binding_id!r} is not a key "
                '(write e.g. "a", "ctrl+g", "f2"); ignored'
            )
        else:
            good[binding_id] = keys
    app_bindings = list(scopes.get("app", []))
    for scope, bindings in scopes.items():
        # An area screen also answers the app-wide keys; dialogs answer only their own.
        pool = list(bindings)
        if scope != "app" and not scope[0].isupper():
            pool += app_bindings
        owner_of: dict[str, str] = {}
        for binding in pool:
            ident = binding.id or binding.action
            for key in _keys(good.get(ident, binding.key)):
                other = owner_of.setdefault(key, ident)
                if other == ident:
                    continue
                rebound = ident if ident in good else other if other in good else None
                if rebound is None:
                    continue  # two defaults sharing a key is the design's business
                clash = other if rebound == ident else ident
                where = "everywhere" if scope == "app" else f"on the {scope} screen"
                problems.append(
                    f"keymap: {key!r} for {rebound!r} is already {clash!r} {where}; "
                    f"{rebound!r} keeps its default key"
                )
                good.pop(rebound, None)
    return good, problems


def apply_keymap(app: App[Any], keymap: Mapping[str, str]) -> list[str]:
    """Apply what is valid in `keymap` to the app; return sentences about the rest."""
    if not keymap:
        return []
    good, problems = check_keymap(keymap, binding_scopes(app))
    if good:
        app.set_keymap(good)
    return problems
