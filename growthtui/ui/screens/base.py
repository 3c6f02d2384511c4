"""What every area screen shares: the tabs, the footer, the store, and refreshing when
the data changed (here or in another session)."""

from __future__ import annotations

import weakref
from pathlib import Path
from typing import Any, ClassVar

from textual import events
from textual.app import App, ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget

from growthtui.domain.errors import GrowthError
from growthtui.ui.areas import AREA_BY_MODE
from growthtui.ui.frames.styles import add_default_styles
from growthtui.ui.screens.app_access import AppAccess
from growthtui.ui.widgets.area_tabs import AreaTabs
from growthtui.ui.widgets.key_footer import KeyFooter
from growthtui.ui.widgets.line_list import LineList


def is_record_list(widget: Widget | None) -> bool:
    """A list whose selected row the record keys act on (a RecordTable, the Timeline's
    lanes or bars): each says which record is selected by its `current_key`."""
    return isinstance(widget, LineList)


STYLES = Path(__file__).resolve().parent.parent / "styles"


def area_widget_classes() -> tuple[type[Widget], ...]:
    """The widget classes the areas mount that the Dashboard does not: their default
    styles are added with the style files (`load_styles`)."""
    from textual.containers import Grid

    from growthtui.ui.widgets.filter_box import FilterBox
    from growthtui.ui.widgets.gantt import GanttChart
    from growthtui.ui.widgets.lane_list import LaneList
    from growthtui.ui.widgets.text_pane import TextPane

    return (Grid, FilterBox, TextPane, LaneList, GanttChart)


def load_styles(app: App[Any]) -> None:
    """Add every screen's style file to the stylesheet at once (they are scoped to their
    screens), and the default styles of the areas' widgets, and parse them now, so opening
    a screen or dialog later neither parses all the app's CSS again nor these (the app
    calls this once its records are shown)."""
    stylesheet = app.stylesheet
    for path in sorted(STYLES.glob("*.tcss")):
        if not stylesheet.has_source(str(path), ""):
            stylesheet.read(path)
    add_default_styles(app, area_widget_classes())
    stylesheet.parse()  # only what is new: Textual keeps each source's rules


class AreaScreen(AppAccess, Screen[None]):
    """An area of the app (Dashboard, Goals, ...). Subclasses compose `compose_body` and
    fill it in `refresh_data`, which runs when the screen is shown and whenever the data
    changed since it last ran."""

    MODE: ClassVar[str] = ""
    AUTO_FOCUS = "RecordTable"
    """Lists take the focus, so arrows and j/k work at once (never a hidden filter box)."""
    MAIN_LIST: ClassVar[str] = "RecordTable, LaneList, GanttChart"
    """Where the focus goes when the person comes back to the area and no list of it had
    the focus yet: the first of these that shows."""
    FOCUS_ON_MOUNT: ClassVar[bool] = True
    """The focus goes to `main_list()` once the screen is mounted."""

    def __init__(self) -> None:
        super().__init__(id=f"{self.MODE}-screen")
        self._seen_revision: object = None
        self._last_list: weakref.ref[Widget] | None = None
        self.entering = False
        """Set by the app when the person switches to this area (number key, palette, a
        record opened from elsewhere); the resume that follows puts the focus on the list."""
        area = AREA_BY_MODE[self.MODE]
        self.title = area.title
        self.BINDING_GROUP_TITLE = area.title
        # The stylesheet already holds every style this screen uses (see `load_styles`),
        # and the app does not parse it all again on its first visit (GrowthApp.refresh_css).

    def post_message(self, message: Message) -> bool:
        """Textual restyles every widget of an area it switches to (its ScreenResume asks
        for it), the first visit included, whose widgets were styled as they mounted:
        ~0.02-0.04 s of each switch at 10k, and each restyled text pane wraps its text
        again. Not asked when the screen already has the styles of the current theme (the
        app restyles it on the way in otherwise: GrowthApp.refresh_css); a dialog closing
        never asks for it either."""
        if (
            isinstance(message, events.ScreenResume)
            and message.refresh_styles
            and self.growth_app.styled_now(self)
        ):
            message.refresh_styles = False
        return super().post_message(message)

    @property
    def alarm_style(self) -> str:
        """Overdue things: bold in the theme's error colour (bold alone without colour)."""
        error = self.app.current_theme.error if self.app.current_theme else None
        return f"bold {error}" if error and not self.app.no_color else "bold"

    def compose(self) -> ComposeResult:
        yield AreaTabs(self.MODE)
        yield from self.compose_body()
        yield KeyFooter(compact=True)

    def compose_body(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        # The one mount handler of the areas: Textual calls every class's `on_mount` along
        # the MRO, so subclasses set up their widgets in `set_up`, not in an `on_mount`.
        self.watch(self.app, "revision", self._revision_changed, init=False)
        self.watch(self, "focused", self._focus_moved, init=False)
        self.set_up()
        self._refresh_if_stale()
        if self.FOCUS_ON_MOUNT:
            self.focus_main_list()

    def set_up(self) -> None:
        """Called once the screen is mounted, before its records are first shown."""

    def on_screen_resume(self) -> None:
        self._refresh_if_stale()
        if self.entering:
            self.entering = False
            self.on_area_entered()

    # -- focus: the list the record keys act on -----------------------------------------
    def _focus_moved(self, focused: Widget | None) -> None:
        if is_record_list(focused):
            assert focused is not None
            self._last_list = weakref.ref(focused)

    def main_list(self) -> Widget | None:
        """The list the focus goes back to: the one the person used last in this area
        (its cursor still on the record they had selected), else the first `MAIN_LIST`
        that shows. Screens may override it."""
        last = self._last_list() if self._last_list is not None else None
        if last is not None and last.is_attached and last.display and last.focusable:
            return last
        for widget in self.query(self.MAIN_LIST):
            if widget.display and widget.focusable:
                return widget
        return None

    def focus_main_list(self) -> None:
        """Put the focus on `main_list()` now (keys typed next go to it)."""
        widget = self.main_list()
        if widget is not None and self.focused is not widget:
            self.set_focus(widget)

    def on_area_entered(self) -> None:
        """The person came back to this area (a number key, the palette): the focus goes
        to its list, on the record they last had selected, so every key that acts on a
        record acts on the one shown selected (never on a detail pane or a filter box).
        Screens that keep more state override this and call it."""
        self.focus_main_list()

    def _revision_changed(self, _revision: object) -> None:
        if self in self.app.screen_stack:
            self._refresh_if_stale()

    def _refresh_if_stale(self) -> None:
        revision = self.growth_app.revision
        if revision == self._seen_revision or not self.is_mounted:
            return
        self._seen_revision = revision
        try:
            self.refresh_data()
        except GrowthError as error:
            self.notify(str(error), severity="error", timeout=10)

    def refresh_data(self) -> None:
        """Show what the store holds now. Update widgets in place where possible."""

    def data_changed(self) -> None:
        """Call after this screen changed the store: every screen catches up."""
        self.growth_app.data_changed()
