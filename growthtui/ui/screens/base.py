"""What every area screen shares: the tabs, the footer, the store, and refreshing when
the data changed (here or in another session)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App, ComposeResult
from textual.screen import Screen

from growthtui.domain import GrowthError
from growthtui.ui.areas import AREA_BY_MODE
from growthtui.ui.screens.app_access import AppAccess
from growthtui.ui.widgets.area_tabs import AreaTabs
from growthtui.ui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    pass


STYLES = Path(__file__).resolve().parent.parent / "styles"


def load_styles(app: App[Any]) -> None:
    """Add every screen's style file to the stylesheet at once (they are scoped to their
    screens), so opening a screen or dialog later does not parse all the app's CSS again."""
    stylesheet = app.stylesheet
    for path in sorted(STYLES.glob("*.tcss")):
        if not stylesheet.has_source(str(path), ""):
            stylesheet.read(path)


class AreaScreen(AppAccess, Screen[None]):
    """An area of the app (Dashboard, Goals, ...). Subclasses compose `compose_body` and
    fill it in `refresh_data`, which runs when the screen is shown and whenever the data
    changed since it last ran."""

    MODE: ClassVar[str] = ""
    AUTO_FOCUS = "RecordTable"
    """Lists take the focus, so arrows and j/k work at once (never a hidden filter box)."""

    def __init__(self) -> None:
        super().__init__(id=f"{self.MODE}-screen")
        self._seen_revision: object = None
        area = AREA_BY_MODE[self.MODE]
        self.title = area.title
        self.BINDING_GROUP_TITLE = area.title
        # The stylesheet already holds every style this screen uses (see `load_styles`):
        # without this, Textual parses all the app's CSS again and restyles every widget
        # on the first visit of each area, a tenth of a second each time.
        self._css_update_count = self.app._css_update_count

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
        # Once the first frame is out (Textual holds it back 0.05 s on a screen switch):
        # parsing the other screens' styles is no reason to keep this one waiting.
        self.set_timer(0.25, lambda: load_styles(self.app))
        self.watch(self.app, "revision", self._revision_changed, init=False)
        self._refresh_if_stale()

    def on_screen_resume(self) -> None:
        self._refresh_if_stale()

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
