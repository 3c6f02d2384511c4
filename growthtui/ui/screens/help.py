"""`?`: the keys that work here, read from the live bindings (so a user's keymap shows)."""

from __future__ import annotations

import re
from typing import Any, ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Label, Static

from growthtui.ui.screens.base import is_record_list

_TITLE_TAIL = re.compile(r"\s*(?:[:,(·].*)?$")
"""What a panel's title says after its name: ": long → medium → short", " (3)"."""


def panel_name(widget: Widget) -> str | None:
    """The name of the panel `widget` sits in, from the panel's title as the screen
    shows it ("Goals: long → medium → short" → "Goals"), or None outside any panel."""
    for node in (widget, *widget.ancestors):
        title = getattr(node, "_border_title", None)
        if title is not None and title.plain.strip():
            name = _TITLE_TAIL.sub("", title.plain.strip())
            return name or title.plain.strip()
    return None


def group_title(node: DOMNode) -> str:
    """The heading `?` lists a node's keys under, in the product's words: the app's keys
    "Everywhere", a screen's under its name, a list's under its panel ("Goals list"),
    a scrolling pane's under its panel ("Detail") — never a widget's class name."""
    own = node.__class__.__dict__.get("BINDING_GROUP_TITLE") or getattr(
        node, "BINDING_GROUP_TITLE", None
    )
    if isinstance(node, App | Screen):
        return str(own or getattr(node, "title", "") or "This screen")
    if isinstance(node, Widget):
        name = panel_name(node) or node.screen.title or "This screen"
        return f"{name} list" if is_record_list(node) and not name.endswith("list") else name
    return "This screen"


def key_rows(screen: Screen[Any]) -> list[tuple[str, str, str, str]]:
    """(group, keys, what it does, binding id) for every active binding of `screen`,
    with every key bound to the same action shown together."""
    app = screen.app
    grouped: dict[tuple[str, str], tuple[str, list[str], str, str]] = {}
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if binding.system or not binding.description:
            continue
        node = active.node
        group = group_title(node)
        ident = (group, binding.action)
        display = app.get_key_display(
            binding.with_key(key) if hasattr(binding, "with_key") else binding
        )
        if ident in grouped:
            old_group, keys, description, old_id = grouped[ident]
            keys.append(display)
            grouped[ident] = (old_group, keys, description, old_id or binding.id or "")
        else:
            grouped[ident] = (group, [display], binding.description, binding.id or "")
    rows = [(g, " ".join(keys), desc, bid) for (g, keys, desc, bid) in grouped.values()]
    return rows


class HelpScreen(ModalScreen[None]):
    """The keys of the screen underneath, grouped, with the binding ids for the keymap."""

    BINDING_GROUP_TITLE = "Help"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close", id="help.close"),
        Binding("down,j", "scroll('down')", "Down", id="help.down", show=False),
        Binding("up,k", "scroll('up')", "Up", id="help.up", show=False),
    ]

    def __init__(self, screen: Screen[Any]) -> None:
        super().__init__(classes="dialog-screen")
        self.rows = key_rows(screen)
        self.screen_title = screen.title or "growthtui"

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=True, header_style="bold", expand=True)
        table.add_column("Keys", no_wrap=True)
        table.add_column("Does")
        table.add_column("Keymap id", style="dim", no_wrap=True)
        last_group = None
        for group, keys, description, binding_id in self.rows:
            if group != last_group:
                table.add_row(Text(group, style="bold underline"), "", "")
                last_group = group
            table.add_row(Text(keys, style="bold"), Text(description), Text(binding_id))
        with VerticalScroll(classes="dialog help-dialog", id="help-scroll"):
            yield Label(Text(f"Keys on {self.screen_title}"), classes="dialog-title")
            yield Static(table)
            # Text, not markup: "[keymap]" is the settings file's section, shown as written.
            yield Static(
                Text.assemble(
                    "Rebind any key in the settings file's [keymap] by its id. ",
                    ("ctrl+p", "bold"),
                    " lists every action.   ",
                    ("esc", "bold"),
                    " close",
                ),
                classes="dialog-keys",
            )

    def action_close(self) -> None:
        self.dismiss(None)

    def action_scroll(self, direction: str) -> None:
        scroll = self.query_one("#help-scroll", VerticalScroll)
        if direction == "down":
            scroll.scroll_down()
        else:
            scroll.scroll_up()
