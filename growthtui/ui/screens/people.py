"""People (people)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from growthtui.ui.screens.base import AreaScreen


class PeopleScreen(AreaScreen):
    """Mentors and network: people, interactions, advice, and follow-ups due."""

    MODE = "people"

    def compose_body(self) -> ComposeResult:
        yield Static(
            "Mentors and network: people, interactions, advice, and follow-ups due.",
            classes="placeholder",
        )
