"""Which screen class serves each area, and the dialogs that carry their own keys."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen

from growthtui.ui.areas import AREAS, area_screen_class
from growthtui.ui.screens.base import AreaScreen
from growthtui.ui.screens.confirm import ConfirmModal
from growthtui.ui.screens.help import HelpScreen
from growthtui.ui.screens.prompt import PromptModal
from growthtui.ui.screens.record_form import RecordForm

AREA_SCREEN_CLASSES: dict[str, type[AreaScreen]] = {
    area.mode: area_screen_class(area.mode) for area in AREAS
}
"""Every area's screen class (imported: all of them), for the keymap check and the palette.
Which class serves an area is said once, in `ui.areas`; the app builds an area from
`area_screen`, which imports that one screen's module."""

DIALOGS: tuple[type[Screen[Any]], ...] = (ConfirmModal, PromptModal, HelpScreen, RecordForm)
