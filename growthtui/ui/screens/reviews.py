"""Reviews (reviews)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from growthtui.ui.screens.base import AreaScreen


class ReviewsScreen(AreaScreen):
    """Review and adjust: past reviews and the guided review."""

    MODE = "reviews"

    def compose_body(self) -> ComposeResult:
        yield Static(
            "Review and adjust: past reviews and the guided review.", classes="placeholder"
        )
