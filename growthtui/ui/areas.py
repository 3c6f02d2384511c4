"""The seven areas of the app, switched by number keys from anywhere."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Area:
    key: str
    mode: str
    title: str
    short: str
    """A shorter title for narrow terminals."""


AREAS: tuple[Area, ...] = (
    Area("1", "dashboard", "Dashboard", "Dash"),
    Area("2", "assessment", "Assessment", "Assess"),
    Area("3", "goals", "Goals", "Goals"),
    Area("4", "timeline", "Timeline", "Time"),
    Area("5", "learning", "Learning", "Learn"),
    Area("6", "people", "People", "People"),
    Area("7", "reviews", "Reviews", "Review"),
)

AREA_BY_MODE = {area.mode: area for area in AREAS}
