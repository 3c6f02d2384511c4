"""The seven areas of the app, switched by number keys from anywhere."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from growthtui.ui.screens.base import AreaScreen


@dataclass(frozen=True)
class Area:
    key: str
    mode: str
    title: str
    short: str
    """A shorter title for narrow terminals."""
    screen: str
    """`module:Class` under growthtui.ui.screens: imported when the area is first built, so
    the first frame (the Dashboard) loads no other screen's code."""


AREAS: tuple[Area, ...] = (
    Area("1", "dashboard", "Dashboard", "Dash", "dashboard:DashboardScreen"),
    Area("2", "assessment", "Assessment", "Assess", "assessment:AssessmentScreen"),
    Area("3", "goals", "Goals", "Goals", "goals:GoalsScreen"),
    Area("4", "timeline", "Timeline", "Time", "timeline:TimelineScreen"),
    Area("5", "learning", "Learning", "Learn", "learning:LearningScreen"),
    Area("6", "people", "People", "People", "people:PeopleScreen"),
    Area("7", "reviews", "Reviews", "Review", "reviews:ReviewsScreen"),
)

AREA_BY_MODE = {area.mode: area for area in AREAS}


def area_screen_class(mode: str) -> type[AreaScreen]:
    """The screen class of an area, importing only its module."""
    module, name = AREA_BY_MODE[mode].screen.split(":")
    screen_class: type[AreaScreen] = getattr(
        importlib.import_module(f"growthtui.ui.screens.{module}"), name
    )
    return screen_class


def area_screen(mode: str) -> AreaScreen:
    """A new screen for an area (the factory App.add_mode is given)."""
    return area_screen_class(mode)()
