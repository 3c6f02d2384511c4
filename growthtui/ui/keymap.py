"""User keymaps: rebind any binding by its id, with one clear sentence per mistake.

Ids are `area.goals`, `goals.new`, `lanes.down`, `app.quit`... (`?` in the app lists the
ones of the screen it is on). A keymap entry is refused, said so, and the binding keeps its
default key when it names no binding, gives something that is not a key, takes a key that
another action already answers in the same place (a screen with the app-wide keys and its
focused list; a dialog with the app's priority keys), or gives a dialog with text fields a
key that would be typed into them. The rest applies, through `App.set_keymap`.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from textual.binding import Binding
from textual.keys import Keys, key_to_character

from growthtui.ui.frames.bindings import app_bindings, declared_bindings

if TYPE_CHECKING:
    from textual.app import App
    from textual.dom import DOMNode

_MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})


@dataclass(frozen=True)
class Place:
    """Bindings that answer keys together: an area screen with the app-wide keys and the
    list that has the focus, or a dialog with the app's priority keys."""

    where: str
    """For sentences: "everywhere", "on the Goals screen", "in forms"."""
    bindings: tuple[Binding, ...]
    typing: bool = False
    """Text fields take the focus here: a printable key is typed, not run."""


def _dialogs() -> dict[type[DOMNode], tuple[str, bool]]:
    """Each dialog with its own keys → (how sentences name it, whether it has text fields)."""
    from growthtui.ui.screens.confirm import ConfirmModal
    from growthtui.ui.screens.goal_picker import GoalPicker
    from growthtui.ui.screens.help import HelpScreen
    from growthtui.ui.screens.prompt import PromptModal
    from growthtui.ui.screens.record_form import RecordForm
    from growthtui.ui.screens.registry import DIALOGS
    from growthtui.ui.screens.review_wizard import ReviewWizard

    named: dict[type[DOMNode], tuple[str, bool]] = {
        ConfirmModal: ("in yes/no questions", False),
        PromptModal: ("in one-line prompts", True),
        HelpScreen: ("in the keys help", False),
        RecordForm: ("in forms", True),
        GoalPicker: ("in the goal picker", False),
        ReviewWizard: ("in the guided review", True),
    }
    for dialog in DIALOGS:  # a dialog registered later is still checked
        named.setdefault(dialog, (f"in {dialog.__name__}", False))
    return named


def _lists_of_areas() -> dict[str, tuple[type[DOMNode], ...]]:
    """The focusable lists (and scrolling panes) of each area: their keys answer before
    the screen's."""
    from growthtui.ui.screens.registry import AREA_SCREEN_CLASSES
    from growthtui.ui.widgets.gantt import GanttChart
    from growthtui.ui.widgets.lane_list import LaneList
    from growthtui.ui.widgets.record_table import RecordTable
    from growthtui.ui.widgets.text_pane import TextPane

    lists: dict[str, tuple[type[DOMNode], ...]] = {
        "timeline": (LaneList, GanttChart),
        "goals": (RecordTable, TextPane),  # the detail pane scrolls with its own keys
    }
    return {mode: lists.get(mode, (RecordTable,)) for mode in AREA_SCREEN_CLASSES}


def binding_scopes(app: App[Any]) -> dict[str, list[Binding]]:
    """Every place bindings are declared: the app, each area screen, each list widget,
    each dialog (keyed by mode or class name)."""
    from growthtui.ui.screens.registry import AREA_SCREEN_CLASSES

    scopes = {"app": app_bindings(app)}
    for mode, screen_class in AREA_SCREEN_CLASSES.items():
        scopes[mode] = declared_bindings(screen_class)
    for widgets in _lists_of_areas().values():
        for widget in widgets:
            scopes.setdefault(widget.__name__, declared_bindings(widget))
    for dialog in _dialogs():
        scopes[dialog.__name__] = declared_bindings(dialog)
    return scopes


def binding_places(app: App[Any]) -> list[Place]:
    """Where keys are answered together, the app-wide place first."""
    from growthtui.ui.areas import AREA_BY_MODE
    from growthtui.ui.screens.registry import AREA_SCREEN_CLASSES

    everywhere = app_bindings(app)
    places = [Place("everywhere", tuple(everywhere))]
    lists = _lists_of_areas()
    for mode, screen_class in AREA_SCREEN_CLASSES.items():
        where = f"on the {AREA_BY_MODE[mode].title} screen"
        for widget in lists[mode]:
            bindings = (*declared_bindings(widget), *declared_bindings(screen_class), *everywhere)
            places.append(Place(where, bindings))
    priority = [b for b in everywhere if b.priority]
    for dialog, (where, typing) in _dialogs().items():
        places.append(Place(where, (*declared_bindings(dialog), *priority), typing))
    return places


# -- keys ---------------------------------------------------------------------------------
def _long_forms(keys: list[str]) -> list[str]:
    """`keys` in Textual's long form ("?" → "question_mark"), as a Binding names them."""
    if not keys:
        return []
    return [binding.key for binding in Binding.make_bindings([Binding(",".join(keys), "")])]


@cache
def _key_names() -> frozenset[str]:
    # A comma separates keys in a binding and a space is stripped: named by hand.
    printable = _long_forms([chr(code) for code in range(33, 127) if chr(code) != ","])
    return frozenset({key.value for key in Keys} | {*printable, "comma", "space"})


def _keys(text: str) -> list[str]:
    """The keys of a keymap value, in Textual's long form ("?" → "question_mark")."""
    return _long_forms([k.strip() for k in text.split(",") if k.strip()])


def _is_key(key: str) -> bool:
    *modifiers, base = key.split("+") if len(key) > 1 else [key]
    if not base or any(m not in _MODIFIERS for m in modifiers):
        return False
    return len(base) == 1 or base in _key_names() or key_to_character(base) is not None


def _is_typed(key: str) -> bool:
    """A key a text field takes as a character (as Textual's Input decides)."""
    character = key_to_character(key)
    return character is not None and character.isprintable()


def _name(binding: Binding) -> str:
    return binding.id or binding.description or binding.action


# -- checking ---------------------------------------------------------------------------
def _unknown(binding_id: str, known: Iterable[str]) -> str:
    known = sorted(known)
    close = difflib.get_close_matches(binding_id, known, n=1, cutoff=0.75) or [
        k for k in known if k.split(".")[-1] == binding_id.split(".")[-1]
    ]
    hint = f"did you mean {close[0]!r}?" if close else "press ? to see the ids"
    return f"keymap: there is no action with id {binding_id!r} ({hint}); ignored"


def _first_clash(
    place: Place, chosen: Mapping[str, list[str]], order: Sequence[str]
) -> tuple[str, str, str] | None:
    """(rebound id, key, the other action) for the first key two actions answer here,
    at least one of them through the keymap; None when there is none."""
    default_keys: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    actions: dict[str, str] = {}
    for binding in place.bindings:
        ident = binding.id or f"{binding.action}/{binding.description}"
        default_keys.setdefault(ident, []).append(binding.key)
        names.setdefault(ident, _name(binding))
        actions.setdefault(ident, binding.action)
    owners: dict[str, list[str]] = {}
    for ident, keys in default_keys.items():
        for key in chosen.get(ident, keys):
            owners.setdefault(key, [])
            if ident not in owners[key]:
                owners[key].append(ident)
    for rebound in order:  # the keymap's order: the later of two rebound entries yields
        if rebound not in default_keys:
            continue
        rank = order.index(rebound)
        for key in chosen[rebound]:
            # Another binding of the same action (Textual's own ctrl+q quits too) is no clash.
            others = [o for o in owners[key] if actions[o] != actions[rebound]]
            kept = [o for o in others if o not in chosen or order.index(o) < rank]
            if kept:
                return rebound, key, names[kept[0]]
    return None


def check_keymap(
    keymap: Mapping[str, str], places: Sequence[Place]
) -> tuple[dict[str, str], list[str]]:
    """Split `keymap` into what can apply (in Textual's key names) and one sentence for each
    entry that cannot (see the module's doc)."""
    known = {b.id for place in places for b in place.bindings if b.id}
    chosen: dict[str, list[str]] = {}
    problems: list[str] = []
    for binding_id, text in keymap.items():
        keys = _keys(text)
        if binding_id not in known:
            problems.append(_unknown(binding_id, known))
        elif not keys or not all(_is_key(k) for k in keys):
            problems.append(
                f"keymap: {text!r} for {binding_id!r} is not a key "
                '(write e.g. "a", "ctrl+g", "f2", or several as "a,ctrl+n"); ignored'
            )
        else:
            chosen[binding_id] = keys
    for place in places:
        if not place.typing:
            continue
        ids = {b.id for b in place.bindings}
        for binding_id in [i for i in chosen if i in ids]:
            typed = next((k for k in chosen[binding_id] if _is_typed(k)), None)
            if typed is not None:
                problems.append(
                    f"keymap: {typed!r} for {binding_id!r} would be typed into the text "
                    f"fields {place.where}; pick a key with ctrl+, e.g. 'ctrl+{typed}' "
                    f"({binding_id!r} keeps its default key)"
                )
                del chosen[binding_id]
    order = list(chosen)
    clashing = True
    while clashing:  # one refusal can bring back a default key another entry now meets
        clashing = False
        for place in places:
            clash = _first_clash(place, chosen, order)
            if clash is None:
                continue
            rebound, key, other = clash
            problems.append(
                f"keymap: {key!r} for {rebound!r} is already taken {place.where} by "
                f"{other!r}; {rebound!r} keeps its default key"
            )
            del chosen[rebound]
            order.remove(rebound)
            clashing = True
            break
    return {binding_id: ",".join(keys) for binding_id, keys in chosen.items()}, problems


def apply_keymap(app: App[Any], keymap: Mapping[str, str]) -> list[str]:
    """Apply what is valid in `keymap` to the app; return one sentence for each entry
    that was refused."""
    if not keymap:
        return []
    good, problems = check_keymap(keymap, binding_places(app))
    if good:
        app.set_keymap(good)
    return problems
