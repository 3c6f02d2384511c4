"""The README's key tables say what the app does: under each heading of its "Keys" section,
every binding of that place is listed by its id (the id a keymap rebinds), with exactly
the keys the app binds to it, and nothing the app does not bind."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.binding import Binding

from growthtui.ui.app import GrowthApp
from growthtui.ui.areas import AREAS
from growthtui.ui.screens.help import HelpScreen
from growthtui.ui.screens.record_form import RecordForm
from growthtui.ui.screens.registry import AREA_SCREEN_CLASSES
from growthtui.ui.screens.review_wizard import ReviewWizard
from growthtui.ui.widgets.gantt import GanttChart
from growthtui.ui.widgets.lane_list import LaneList
from growthtui.ui.widgets.record_table import RecordTable
from growthtui.ui.widgets.text_pane import TextPane

README = Path(__file__).resolve().parents[1] / "README.md"

PLACES: dict[str, tuple[type, ...]] = {
    "Everywhere": (GrowthApp,),
    "In every list": (RecordTable,),
    **{area.title: (AREA_SCREEN_CLASSES[area.mode],) for area in AREAS},
    "In forms": (RecordForm,),
    "The keys help (`?`)": (HelpScreen,),
}
PLACES["Goals"] += (TextPane,)
PLACES["Timeline"] += (LaneList, GanttChart)
PLACES["Reviews"] += (ReviewWizard,)

SHOWN_AS = {
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "escape": "esc",
    "slash": "/",
    "question_mark": "?",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "less_than_sign": "<",
    "greater_than_sign": ">",
}
"""How the README writes a key Textual names otherwise."""


def readme_tables() -> dict[str, dict[str, list[str]]]:
    """Heading → binding id → the keys its row lists, for every table of "## Keys"."""
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## Keys\n", 1)[1].split("\n## ", 1)[0]
    tables: dict[str, dict[str, list[str]]] = {}
    heading = ""
    for line in section.splitlines():
        if line.startswith("### "):
            heading = line[4:].strip()
            tables.setdefault(heading, {})
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 3 or not line.startswith("|") or cells[0] in ("key", "---"):
            continue
        ids = re.findall(r"`([^`]+)`", cells[2])
        assert len(ids) == 1, f"one id per row: {line}"
        assert ids[0] not in tables[heading], f"{ids[0]} twice under {heading}"
        tables[heading][ids[0]] = re.findall(r"`([^`]+)`", cells[0])
    return tables


def bound(places: tuple[type, ...]) -> dict[str, list[str]]:
    """Binding id → its keys as the README writes them, for the bindings these classes
    declare themselves."""
    found: dict[str, list[str]] = {}
    for owner in places:
        for binding in owner.__dict__.get("BINDINGS", []):
            assert isinstance(binding, Binding)
            assert binding.id, f"{owner.__name__}: {binding.key} has no id to rebind it by"
            keys = [key.strip() for key in binding.key.split(",")]
            found[binding.id] = [SHOWN_AS.get(key, key) for key in keys]
    return found


def test_the_keys_section_has_a_table_for_every_place() -> None:
    assert set(readme_tables()) == set(PLACES)


@pytest.mark.parametrize("heading", sorted(PLACES))
def test_the_readme_lists_each_binding_with_its_keys(heading: str) -> None:
    listed = readme_tables()[heading]
    expected = bound(PLACES[heading])
    assert sorted(listed) == sorted(expected), f"ids under {heading!r}"
    for ident, keys in expected.items():
        assert sorted(listed[ident]) == sorted(keys), f"{ident}: README {listed[ident]}"


def test_a_rebound_key_is_named_by_an_id_the_readme_documents() -> None:
    from growthtui.settings import Settings
    from growthtui.store.repository import Store
    from growthtui.ui.keymap import binding_scopes

    documented = {ident for table in readme_tables().values() for ident in table}
    app = GrowthApp(Store.in_memory(), Settings(), poll=False)
    rebindable = {
        binding.id
        for owner, bindings in binding_scopes(app).items()
        if owner
        in {
            "app",
            *AREA_SCREEN_CLASSES,
            "RecordTable",
            "LaneList",
            "GanttChart",
            "TextPane",
            "HelpScreen",
            "ReviewWizard",
        }
        for binding in bindings
        if binding.id
    }
    assert rebindable <= documented, sorted(rebindable - documented)
