"""Assessment (assessment)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from growthtui.ui.screens.base import AreaScreen


class AssessmentScreen(AreaScreen):
    """Know yourself: strengths, weaknesses, opportunities and threats; skills and their trend; feedback received."""

    MODE = "assessment"

    def compose_body(self) -> ComposeResult:
        yield Static(
            "Know yourself: strengths, weaknesses, opportunities and threats; skills and their trend; feedback received.",
            classes="placeholder",
        )
