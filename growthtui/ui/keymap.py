"""User keymaps: rebind any binding by its id, with a clear sentence for mistakes.

Ids are `area.goals`, `goals.new`, `app.quit`... (`?` in the app lists them). A keymap
entry that names no binding, or gives a key that another binding of the same screen
already uses, is refused (and said so); the rest applies.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from textual.binding import Binding

if TYPE_CHECKING:
    from textual.app import App

_KEY = re.compile(r"^((ctrl|shift|alt|super|meta)\+)*([a-z0-9_]+|f[0-9]{1,2}|.)$")


def _bindings_of(owner: type) -> list[Binding]:
    found = []
    for item in owner.__dict__.get("BINDINGS", []):
        if isinstance(item, Binding):
            found.append(item)
    return found


def binding_scopes(app: App[object]) -> dict[str, list[Binding]]:
    """Every place bindings live: the app, each area screen, each dialog."""
    from growthtui.ui.screens.registry import AREA_SCREENS, DIALOGS

    scopes = {"app": _bindings_of(type(app))}
    for mode, screen_class in AREA_SCREENS.items():
        scopes[mode] = _bindings_of(screen_class)
    for dialog in DIALOGS:
        scopes[dialog.__name__] = _bindings_of(dialog)
    return scopes


def _keys(text: str) -> list[str]:
    return [k.strip() for k in text.split(",") if k.strip()]


def check_keymap(
    keymap: Mapping[str, str], scopes: Mapping[str, Iterable[Binding]]
) -> tuple[dict[str, str], list[str]]:
    """Split `keymap` into what can apply and sentences about what cannot."""
    known: dict[str, Binding] = {}
    for bindings in scopes.values():
        for binding in bindings:
            if binding.id:
                known[binding.id] = binding
    good: dict[str, str] = {}
    problems: list[str] = []
    for binding_id, keys in keymap.items():
        if binding_id not in known:
            close = [k for k in known if k.split(".")[-1] == binding_id.split(".")[-1]]
            hint = f" (did you mean {close[0]!r}?)" if close else " (press ? to see the ids)"
            problems.append(f"keymap: there is no action with id {binding_id!r}{hint}; ignored")
            continue
        bad = [k for k in _keys(keys) if not _KEY.match(k)]
        if bad or not _keys(keys):
            problems.append(
                f"keymap: {keys!r} for {binding_id!r} is not a key "
                '(write e.g. "a", "ctrl+g", "f2"); ignored'
            )
            continue
        good[binding_id] = keys
    # clashes: within a screen (plus the app-wide keys), one key may do one thing
    for scope, bindings in scopes.items():
        seen: dict[str, str] = {}
        pool = list(bindings) if scope == "app" else [*scopes.get("app", []), *bindings]
        if scope not in ("app",) and scope[0].isupper():  # dialogs don't see app keys
            pool = list(bindings)
        for binding in pool:
            keys = good.get(binding.id or "", binding.key)
            for key in _keys(keys):
                other = seen.get(key)
                if other and other != binding.id and (binding.id in good or other in good):
                    changed = binding.id if binding.id in good else other
                    problems.append(
                        f"keymap: {key!r} for {changed!r} clashes with {other if changed != other else binding.id!r} "
                        f"on the {scope} screen; {changed!r} keeps its default key"
                    )
                    good.pop(changed or "", None)
                else:
                    seen[key] = binding.id or binding.action
    return good, problems


def apply_keymap(app: App[object], keymap: Mapping[str, str]) -> list[str]:
    """Apply what is valid in `keymap` to the app; return sentences about the rest."""
    if not keymap:
        return []
    good, problems = check_keymap(keymap, binding_scopes(app))
    if good:
        app.set_keymap(good)
    return problems
