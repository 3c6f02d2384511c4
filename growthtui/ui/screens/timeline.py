"""Timeline (timeline)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from growthtui.ui.screens.base import AreaScreen


class TimelineScreen(AreaScreen):
    """Milestones by month in horizon lanes, and goals as bars across the months."""

    MODE = "timeline"

    def compose_body(self) -> ComposeResult:
        yield Static(
            "Milestones by month in horizon lanes, and goals as bars across the months.",
            classes="placeholder",
        )
