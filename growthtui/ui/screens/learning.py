"""Learning (learning)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from growthtui.ui.screens.base import AreaScreen


class LearningScreen(AreaScreen):
    """Develop skills: courses, certifications, workshops, conferences, books, projects, volunteering, publications."""

    MODE = "learning"

    def compose_body(self) -> ComposeResult:
        yield Static(
            "Develop skills: courses, certifications, workshops, conferences, books, projects, volunteering, publications.",
            classes="placeholder",
        )
