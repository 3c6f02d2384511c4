"""Which screen class serves each area, and the dialogs that carry their own keys."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen

from growthtui.ui.screens.assessment import AssessmentScreen
from growthtui.ui.screens.base import AreaScreen
from growthtui.ui.screens.confirm import ConfirmModal
from growthtui.ui.screens.dashboard import DashboardScreen
from growthtui.ui.screens.goals import GoalsScreen
from growthtui.ui.screens.help import HelpScreen
from growthtui.ui.screens.learning import LearningScreen
from growthtui.ui.screens.people import PeopleScreen
from growthtui.ui.screens.prompt import PromptModal
from growthtui.ui.screens.record_form import RecordForm
from growthtui.ui.screens.reviews import ReviewsScreen
from growthtui.ui.screens.timeline import TimelineScreen

AREA_SCREEN_CLASSES: dict[str, type[AreaScreen]] = {
    screen.MODE: screen
    for screen in (
        DashboardScreen,
        AssessmentScreen,
        GoalsScreen,
        TimelineScreen,
        LearningScreen,
        PeopleScreen,
        ReviewsScreen,
    )
}
"""Every area's screen class, for the keymap check and the palette (the app itself builds
an area from `ui.areas.area_screen`, which imports one screen's module)."""

DIALOGS: tuple[type[Screen[Any]], ...] = (ConfirmModal, PromptModal, HelpScreen, RecordForm)
