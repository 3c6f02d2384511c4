"""GrowthApp: wiring only — styles, areas, app-wide keys, the palette, the store poll."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import errno
import functools
import os
import signal
import sys
import threading
import traceback
import weakref
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.filter import Monochrome, NoColor
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.reactive import reactive
from textual.screen import ModalScreen, Screen

from growthtui import heap
from growthtui.domain.errors import GrowthError, InvalidInput
from growthtui.domain.printable import printable
from growthtui.domain.words import counted
from growthtui.settings import Settings, save_theme
from growthtui.ui.areas import AREAS, area_screen
from growthtui.ui.commands import GrowthCommands
from growthtui.ui.frames import FrameEncoding
from growthtui.ui.frames.app_hooks import AppHooks
from growthtui.ui.glyphs import Glyphs, choose_glyphs
from growthtui.ui.keymap import apply_keymap
from growthtui.ui.shown import StrayControls

if TYPE_CHECKING:
    from rich.console import RenderableType
    from textual.driver import Driver
    from textual.widget import AwaitMount

    from growthtui.services.dashboard import DashboardView
    from growthtui.store.repository import Store

POLL_SECONDS = 1.0
"""How often the app checks (one stat) whether another session changed the file."""
COLLECTOR_HELD_AT_MOST = 5.0
"""Seconds: should an area never be drawn (the app leaving), the collector is on again."""
BUILT_AHEAD = ("goals", "timeline")
"""The areas of the daily loop, built while the person reads the Dashboard (`_build_ahead`):
their first visit is then as quick as any later one. The others are built when first
visited."""
BUILD_AHEAD_PAUSE = 0.15
"""Seconds between two areas built ahead, and before trying again while the person is busy."""


@dataclass(frozen=True)
class OpenAfterFirstFrame:
    """A store the app opens itself, in a worker, once its first frame is drawn: the
    Dashboard's frame is out while the records (and the models that check them) are
    still being read. Input that comes meanwhile waits in Textual's queue.

    `preview` gives what the Dashboard shows, worked out without the models
    (services.dashboard), or None when it cannot vouch for the file (store.quick_read:
    only a file the Store sealed as its own, whose every record it checked when it wrote
    it); it is called in a thread from the app's mount (the command's reads in a child
    process started before Textual is imported). The Dashboard shows it once its first
    whole frame is out, and the store is opened once that is on screen. Nothing is
    written from it."""

    open: Callable[[], Store]
    preview: Callable[[], DashboardView | None] | None = None


class StoreOpened(Message):
    """Posted by the opening worker: the store is open and the screens may read it."""


class GrowthApp(AppHooks, FrameEncoding, App[int]):
    """The growthtui app on a store. `today` is the clock; tests pass a fixed date."""

    TITLE = "growthtui"
    CSS_PATH = "styles/app.tcss"
    COMMANDS: ClassVar = {GrowthCommands}
    ENABLE_COMMAND_PALETTE = True
    BINDING_GROUP_TITLE = "Everywhere"
    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(
                area.key,
                f"area('{area.mode}')",
                area.title,
                id=f"area.{area.mode}",
                show=False,
            )
            for area in AREAS
        ),
        Binding("question_mark", "help", "Keys", id="app.help"),
        Binding("u", "undo", "Undo", id="app.undo", show=False),
        Binding("w", "log_win", "Log a win", id="app.log_win", show=False),
        Binding("q", "quit", "Quit", id="app.quit"),
    ]

    revision: reactive[object] = reactive(None, init=False, always_update=False, repaint=False)
    """What the store holds, as a token: screens refresh when it changes. The screens
    repaint what their refresh changed; the app repainting the whole screen on every save
    would resend every cell of it."""

    sync_line: reactive[str] = reactive("", init=False, repaint=False)
    """"synced 3 h ago · 2 changes to send", or "" when this store does not sync
    (`growthtui sync`); the Dashboard shows it."""

    def __init__(
        self,
        store: Store | OpenAfterFirstFrame,
        settings: Settings | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        glyphs: Glyphs | None = None,
        demo: bool = False,
        poll: bool = True,
        build_ahead: bool | None = None,
    ) -> None:
        super().__init__()
        # NO_COLOR: Textual draws in greys (its Monochrome filter), still colour codes on
        # the wire; NoColor sends none, and the styles show selection and focus by reverse
        # and bold instead (styles/app.tcss, `:nocolor`). Control characters that reached a
        # line despite the entry points (growthtui.ui.shown) are dropped on the way out.
        self.change_line_filters(
            lambda filters: [
                *(NoColor() if isinstance(f, Monochrome) else f for f in filters),
                StrayControls(),
            ]
        )
        self.leaving = False
        """`exit` was called: the app is on its way out."""
        self.build_ahead = build_ahead
        """Build the areas of BUILT_AHEAD while the person reads the Dashboard; None:
        only on a terminal (under tests an area is built when a test shows it)."""
        self.built_ahead = asyncio.Event()
        """Set once `_build_ahead` finds every area of BUILT_AHEAD built (by it, or by a
        visit)."""
        self._keymap_in_use: dict[str, str] = {}
        self._store: Store | None = None
        self._opening: OpenAfterFirstFrame | None = None
        self._opening_started = False
        self._batch_over = False
        """Textual's start-up batch is over: frames are written from now on (`on_ready`)."""
        self._frame_out = False
        """The first frame was written."""
        self._preview_shown = False
        """The Dashboard shows the records read without the models (or none came)."""
        self._areas_built: set[str] = set()
        self._area_switch = False
        """A switch from one area to another is under way (see `delay_update`)."""
        self._collector_held = False
        """The cyclic collector is off for an area's first visit (`_hold_collector`)."""
        self._loading_areas = threading.Lock()
        """Held while a thread imports the areas' code (`_load_areas`): an area built
        meanwhile waits for it rather than import the same modules alongside it."""
        self._styles_applied: object = None
        """The styles' inputs (see `_styles_key`) the stylesheet last applied to the app."""
        self._styled_with: weakref.WeakKeyDictionary[Screen[Any], object] = (
            weakref.WeakKeyDictionary()
        )
        """The styles' inputs each screen's widgets were last styled with."""
        self._open = asyncio.Event()
        """Set once the store is open (or refused): input waits for it."""
        self.refusal: GrowthError | None = None
        """Why the store could not be opened after the first frame (the app then exits 2)."""
        self.settings = settings or Settings()
        self.frame_encoding = self.settings.frame_encoder
        self.today = today
        self._sync_line_reading = self._sync_line_again = False
        self.glyphs = glyphs or choose_glyphs()
        self.demo = demo
        self.poll = poll
        self.crash_message: str | None = None
        for area in AREAS:
            self.add_mode(area.mode, functools.partial(self._new_area, area.mode))
        if isinstance(store, OpenAfterFirstFrame):
            self._opening = store
            self._preview_shown = store.preview is None
        else:
            self._store = store
            self._open.set()
            self.set_reactive(GrowthApp.revision, store.revision)

    @property
    def store(self) -> Store:
        if self._store is None:
            raise RuntimeError("the store is read after the first frame; it is not open yet")
        return self._store

    # -- start -------------------------------------------------------------------------
    def on_mount(self) -> None:
        # Textual has just styled the app (and its first screen) with its theme.
        self._styles_applied = self._styled_with[self.screen] = self._styles_key()
        problems = list(self.settings.problems)
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        else:
            problems.append(
                f"theme {self.settings.theme!r} is unknown; using {self.theme!r} "
                "(pick one with ctrl+p → app: change theme)"
            )
        problems += apply_keymap(self, self.settings.keymap)
        for problem in problems:
            self.notify(problem, severity="warning", timeout=12)
        self.switch_mode("dashboard")
        if self._opening is None:
            self.post_message(StoreOpened())
        if not self.is_headless and hasattr(signal, "SIGHUP"):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                # The SSH connection dropped or the terminal closed: stop as `q` would (a
                # write in progress finishes first; every save is already on disk), exit 129.
                asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, self.exit, None, 129)
        self.watch(self, "theme", self._remember_theme, init=False)

    def _remember_theme(self, theme: str) -> None:
        self.settings.theme = theme
        if self.settings.path is None:
            return
        try:
            save_theme(self.settings.path, theme)
        except GrowthError as error:
            self.notify(str(error), severity="warning")

    # -- styles ----------------------------------------------------------------------
    def _new_area(self, mode: str) -> Screen[Any]:
        """An area's screen, built on its first visit (the factory of its mode). Its
        widgets are styled as they mount, with the styles the stylesheet holds: those of
        the last theme applied (a change of theme is applied later, in Textual's queue;
        the switch then restyles the screen: see `refresh_css`)."""
        waited = self._loading_areas.acquire(timeout=10)  # a fraction of a second at most
        try:
            screen = area_screen(mode)
        finally:
            if waited:
                self._loading_areas.release()
        self._styled_with[screen] = self._styles_applied
        return screen

    def _styles_key(self) -> object:
        """What the styles' values come from: the theme (its colours are the CSS
        variables) and the ANSI colours it maps. The style sheets' rules are parsed as
        they are added (ui.screens.base.load_styles), and apply to widgets as they mount."""
        return (self.current_theme, self.ansi_theme)

    def refresh_css(self, animate: bool = True) -> None:
        """Textual parses every style sheet again and restyles the current screen each
        time it shows a screen it has not restyled since the last change of styles, which
        includes every area's first visit (~0.05-0.1 s at 10k; the area's widgets were
        styled as they mounted). Skipped when the screen shown (and the app) already have
        the styles of the current theme; done as Textual does otherwise: the theme changed,
        or this screen was styled before it did."""
        if self.styled_now(self.screen):
            return
        key = self._styles_key()
        super().refresh_css(animate)
        self._styles_applied = key
        for screen in self.screen_stack:  # the ones Textual restyled
            self._styled_with[screen] = key

    def styled_now(self, screen: Screen[Any]) -> bool:
        """The screen's widgets (and the app) have the styles of the current theme: they
        need no restyling to be shown (see AreaScreen.post_message)."""
        key = self._styles_key()
        return self._styles_applied == key and self._styled_with.get(screen) == key

    # -- data ------------------------------------------------------------------------
    def _start_preview(self) -> None:
        """Once the Dashboard's first whole frame is out: get what it shows without the
        models (`OpenAfterFirstFrame.preview`), in a thread. The command reads it in a
        process of its own, started before Textual was imported
        (services.dashboard.EarlyDashboard), so this thread usually finds it waiting in a
        pipe; where it reads the file itself, it does not take turns with Textual's first
        frames for the interpreter."""
        if self._opening is not None and self._opening.preview is not None:
            self.run_worker(self._read_preview, name="read the Dashboard's records", thread=True)

    def on_ready(self) -> None:
        """Textual's first layout is done and its batch of start-up updates is over.
        Frames composed before this were not written (Textual drops what is displayed
        during that batch), so only frames after it count as out: see `frame_written`.
        Should no frame follow, the screen's next idle moment stands for one."""
        self._batch_over = True
        self.screen.call_after_refresh(self.frame_written, self.screen)

    def frame_written(self, screen: Screen[object], whole: bool = False) -> None:
        if self._opening is None or screen is not self.screen or not self._batch_over:
            return
        if not self._frame_out:
            self._frame_out = True
            if whole:
                # The Dashboard with its panes, whole (the first frame of a screen is,
                # through growthtui.ui.frames): the records may come now.
                self.call_later(self._dashboard_drawn)
            else:
                # Once the screen is idle: the first frames written are partial ones (with
                # Textual's own output), and the one with the Dashboard's panes follows.
                screen.call_after_refresh(self._dashboard_drawn)

    def _dashboard_drawn(self) -> None:
        """The Dashboard's first whole frame is out: wait for the records (or read them),
        then show them."""
        if self._preview_shown:  # none to show
            self._start_opening()
        else:
            self._start_preview()

    def _start_opening(self) -> None:
        """Once the first frame is out and the Dashboard's records are on screen (or there
        were none to show), open the store, which imports and checks the models, for the
        keys and the other areas (started sooner, it would only delay what is shown)."""
        if self._frame_out and not self._opening_started:
            self._opening_started = True
            self.run_worker(self._open_store, name="open the store", thread=True)

    def _read_preview(self) -> None:
        """The worker (a thread) that waits for what the Dashboard shows without the models."""
        opening = self._opening
        assert opening is not None and opening.preview is not None
        try:
            view = opening.preview()
        except Exception:  # only an earlier view: the store reads the file, or says why
            view = None
        self.call_from_thread(self._preview_read, view)

    def _preview_read(self, view: DashboardView | None) -> None:
        """In the app's loop: what the Dashboard shows came (or None: nothing to show)."""
        if view is None:
            self._preview_shown = True  # the Store reads the file
            self._start_opening()
            return
        self._show_preview(view)

    def _show_preview(self, view: DashboardView) -> None:
        """Show the records read without the models, after the Dashboard's first whole
        frame (shown before, they would delay it by their drawing), then open the store
        once their frame is out. Not once a key came: the Store is opening then, and
        shows the records itself."""
        from growthtui.ui.screens.dashboard import DashboardScreen

        self._preview_shown = True
        screen = self.screen
        if self._opening_started or self.leaving:
            return
        if isinstance(screen, DashboardScreen) and screen.is_mounted:
            screen.show_early(view)
            screen.call_after_refresh(self._start_opening)  # once the screen is idle
        else:
            self._start_opening()

    def _open_store(self) -> None:
        """The worker (a thread) that opens the store once the first frame is out."""
        opening = self._opening
        assert opening is not None
        try:
            store = opening.open()
        except GrowthError as error:  # a corrupt or newer file: one sentence, exit 2
            self.call_from_thread(self._opened, None, error)
        except BaseException:  # a bug: the worker reports it (a crash report); let go
            self.call_from_thread(self._open.set)
            raise
        else:
            self.call_from_thread(self._opened, store, None)

    def _opened(self, store: Store | None, refusal: GrowthError | None) -> None:
        """In the app's loop: the store is open (or refused); what waited goes on."""
        self._store = store
        self.refusal = refusal
        self._open.set()
        if refusal is not None:
            self.exit(2)
        else:
            self.post_message(StoreOpened())

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent) and not self._open.is_set():
            # The records are not read yet: this key (and, behind it in Textual's queue,
            # every later event) waits until they are, then goes where it would have gone.
            # Everything behind it waits too, Textual's Ready and the early records'
            # display among them: so the store starts opening now, not on a signal that
            # would have to come through this queue (it never would).
            self._frame_out = True
            self._start_opening()
            await self._open.wait()
            if self._store is None or not self.screen_stack:  # refused, or leaving anyway
                return
        await super().on_event(event)

    def on_store_opened(self, _message: StoreOpened) -> None:
        """The records are read: show them, watch the file for other sessions, and once
        they are on screen settle the heap (heap.settle)."""
        if self.revision == self.store.revision:
            self._read_sync_line()  # else watch_revision does
        self.revision = self.store.revision
        if self.poll:
            self.set_interval(POLL_SECONDS, self.check_for_outside_changes)
        self.call_after_refresh(self._settled)

    def _settled(self) -> None:
        """The records are on screen: settle the heap, then load the other areas' styles
        and code."""
        from growthtui.ui.screens.base import load_styles

        heap.settle(freeze=not self.is_headless)
        load_styles(self)
        if self._loading_areas.acquire(blocking=False):  # released by the thread
            self.run_worker(
                self._load_areas, name="load the areas' code", thread=True, exit_on_error=False
            )

    def _load_areas(self) -> None:
        """Import every area's module (a thread, while the person reads the Dashboard):
        their first visit then builds the screen only (~0.05-0.2 s less each). Nothing is
        built or shown here; an area the person opens meanwhile waits for its import.
        Then the areas of the daily loop are built (`_build_ahead`)."""
        from growthtui.ui.areas import AREAS, area_screen_class

        try:
            for area in AREAS:
                area_screen_class(area.mode)
        finally:
            self._loading_areas.release()
        if self.build_ahead or (self.build_ahead is None and not self.is_headless):
            with contextlib.suppress(RuntimeError):  # the app has ended meanwhile
                self.call_from_thread(self.set_timer, BUILD_AHEAD_PAUSE, self._build_ahead)

    async def _build_ahead(self) -> None:
        """Build the next area of BUILT_AHEAD not visited yet, unseen, then the next after
        a pause: its first visit then only shows it (~0.03 s at 10k records instead of
        ~0.1 s: composing, styling, listing, laying out and drawing it). The app switches
        to the area and back within one batch of updates, so nothing of it is written;
        the area's resume lays it out and draws it (a frame Textual drops in a batch),
        which fills the caches of its rows and texts. Keys typed meanwhile wait for it,
        as they wait for any key's work (~0.1 s at 10k records, once per area). Not while
        a dialog is open, keys are waiting or the person is elsewhere than an area."""
        from growthtui.ui.screens.base import AreaScreen

        mode = next((mode for mode in BUILT_AHEAD if mode not in self._areas_built), None)
        if mode is None:
            self.built_ahead.set()
            return
        if self.leaving or self._store is None:
            return
        back = self.current_mode
        if not isinstance(self.screen, AreaScreen) or self.keys_waiting:
            self.set_timer(BUILD_AHEAD_PAUSE, self._build_ahead)
            return
        with self.batch_update():
            await self.switch_mode(mode)
            drawn = asyncio.Event()
            self.screen.call_after_refresh(drawn.set)
            with contextlib.suppress(TimeoutError):  # not drawn by then: not waited for
                await asyncio.wait_for(drawn.wait(), COLLECTOR_HELD_AT_MOST)
            await self.switch_mode(back)
            if isinstance(self.screen, AreaScreen):
                # Back where the person was: the focus stays where it was (a filter box
                # being typed in, say), not on the list as on a switch they asked for.
                self.screen.entering = False
        self.set_timer(BUILD_AHEAD_PAUSE, self._build_ahead)

    def data_changed(self) -> None:
        """This session changed the store: every screen catches up."""
        self.revision = self.store.revision

    def watch_revision(self) -> None:
        self._read_sync_line()

    def _read_sync_line(self) -> None:
        """Read the sync status line again, in a thread (with changes to send it compares
        the store with the clone's last synced state: no network, but not instant). One
        read at a time; a change meanwhile asks for one more. A store that does not sync
        costs one `stat` here."""
        from growthtui.services.sync_git import clone_path

        path = self.store.path
        if path is None or not (clone_path(path) / "config").is_file():
            self.sync_line = ""
            return
        if self._sync_line_reading:
            self._sync_line_again = True
            return
        self._sync_line_reading = True
        self.run_worker(
            functools.partial(self._sync_line_worker, path),
            name="sync status",
            group="sync-line",
            thread=True,
            exit_on_error=False,
        )

    def _sync_line_worker(self, path: Path) -> None:
        from growthtui.services.sync_status import sync_status

        try:
            line = sync_status(path)
        except (GrowthError, OSError):
            line = ""
        self.call_from_thread(self._sync_line_read, line)

    def _sync_line_read(self, line: str) -> None:
        self.sync_line = line
        self._sync_line_reading = False
        if self._sync_line_again:
            self._sync_line_again = False
            self._read_sync_line()

    def action_sync_now(self) -> None:
        self.notify("syncing…", timeout=3)
        self._sync_now()

    @work(thread=True, group="sync", exit_on_error=False)
    def _sync_now(self) -> None:
        """`growthtui sync` from the palette: what it received shows as another session's
        write does (the poll), and the sentence says what it did or why it could not."""
        from growthtui.services.sync_status import sync_now

        path = self.store.path
        if path is None:
            self.call_from_thread(self.notify, "this store is in memory only: nothing to sync")
            return
        ok, sentence = sync_now(path, today=self.today)
        self.call_from_thread(self._synced, ok, sentence)

    def _synced(self, ok: bool, sentence: str) -> None:
        self.notify(sentence, severity="information" if ok else "error", timeout=10)
        self.check_for_outside_changes()
        self._read_sync_line()

    def check_for_outside_changes(self) -> None:
        """Another session (or `growthtui add`) wrote the file: re-read it once."""
        if not self.is_headless and not _terminal_attached():
            # The terminal is gone but no SIGHUP came (nohup, a wrapper): without this the
            # input loop would spin on end-of-input for ever.
            self.exit(129)
            return
        try:
            if self.store.changed_on_disk() and self.store.refresh():
                self.revision = self.store.revision
        except (GrowthError, OSError) as error:
            self.notify(_sentence(error), severity="error", timeout=15)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """A notification. Messages quote titles and names: never read as markup (a
        screen's `notify` passes markup=True by default; no message of this app is
        markup), and shown with their control characters as escapes."""
        super().notify(
            printable(message, lines=True),
            title=printable(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def attempt(self, change: Callable[[], object], done: str | None = None) -> bool:
        """Run a change of the store; when it cannot be made (a GrowthError, or the
        system refusing a file) say why in one sentence and keep going.
        Returns True when it worked."""
        try:
            change()
        except (GrowthError, OSError) as error:
            self.notify(_sentence(error), severity="error", timeout=10)
            self.data_changed()
            return False
        self.data_changed()
        if done:
            self.notify(done, timeout=3)
        return True

    # -- actions ---------------------------------------------------------------------
    def _modal_open(self) -> bool:
        return isinstance(self.screen, ModalScreen)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Area keys, undo and the win log act on the app, not on an open dialog.
        return not (action in ("area", "undo", "log_win", "help") and self._modal_open())

    async def action_area(self, mode: str) -> None:
        """Show an area. Its key's turn ends once the area is mounted (the first visit
        builds it): keys typed behind it in one burst (`3 n` and a title) then find its
        list focused, never a screen still being built."""
        await self.switch_mode(mode)

    def delay_update(self, delay: float = 0.05) -> None:
        """Textual's `switch_mode` holds every frame back for 0.05 s, to hide a screen
        being built. A switch from one area to another is not held. On a first visit
        Textual lays the area out and draws it as soon as the area is mounted (its
        resume), which is inside the hold: that frame was dropped and the area drawn again
        once the hold was over (Textual 8.2.8), ~0.04-0.06 s of each first visit; a
        visited area had nothing to hide, and the hold was two thirds of switching to it.
        Nothing half-built or mixed shows: an area's first frame is drawn once it is
        mounted, and it is drawn whole (growthtui.ui.frames: Textual would first draw what
        changed on a visited area since it was last shown, over the other area). The
        start-up switch to the Dashboard keeps Textual's hold, and so does every switch
        with `frame_encoder = false` (Textual's own output)."""
        if self._area_switch and self.frame_encoding:
            return
        super().delay_update(delay)

    @property
    def areas_built(self) -> frozenset[str]:
        """The areas built so far (visited, or built ahead), by mode."""
        return frozenset(self._areas_built)

    def switch_mode(self, mode: str) -> AwaitMount:
        # Every way to an area (its key, the palette, a goal opened from the Dashboard)
        # comes through here.
        from growthtui.ui.screens.base import AreaScreen

        if mode == self.current_mode:
            if isinstance(self.screen, AreaScreen):
                self.screen.on_area_entered()  # the area's own key: back to its list
            return super().switch_mode(mode)
        built = mode in self._areas_built
        self._area_switch = self.current_mode in self._areas_built  # not the start-up one
        self._areas_built.add(mode)
        if not built:
            self._hold_collector()
        try:
            mounted = super().switch_mode(mode)
        finally:
            self._area_switch = False
        if not built:
            self.screen.call_after_refresh(self._release_collector)  # once it is drawn
        elif isinstance(self.screen, AreaScreen):
            self.screen.entering = True  # its resume puts the focus on its list
        return mounted

    def _hold_collector(self) -> None:
        """An area's first visit builds objects that stay alive as long as the app (its
        widgets, its rows, the lines it drew: ~30-40k at 10k), and its garbage is freed by
        reference counting: the cyclic collector's rounds during the visit walked them for
        nothing, a full one 0.03-0.07 s of it. The collector waits until the area is drawn
        (`_release_collector`). Not while start-up has it off (heap.settle turns it on)."""
        if self._collector_held or not heap.hold():
            return
        self._collector_held = True
        self.set_timer(COLLECTOR_HELD_AT_MOST, self._release_collector)

    def _release_collector(self) -> None:
        """The area is drawn: what its visit built is frozen (as heap.settle does for what
        start-up built; later collections do not walk it again) and the collector is on.
        Not collected first: a full collection here would be the pause the hold avoids,
        and a visit leaves next to no cyclic garbage (~1k objects, kept). Under tests
        nothing is frozen."""
        if not self._collector_held:
            return
        self._collector_held = False
        heap.release(freeze=not self.is_headless)

    def action_help(self) -> None:
        from growthtui.ui.screens.help import HelpScreen

        self.push_screen(HelpScreen(self.screen))

    def action_undo(self) -> None:
        if not self.store.can_undo:
            self.notify("nothing to undo in this session", timeout=3)
            return
        from growthtui.services.records import undo

        descriptions: list[str] = []
        if self.attempt(lambda: descriptions.append(undo(self.store))):
            self.notify(f"undone: {descriptions[0]}", timeout=4)

    def action_log_win(self) -> None:
        from growthtui.ui.screens.evidence_form import EvidenceForm

        self.push_screen(EvidenceForm())

    async def run_command(self, mode: str | None, action: str) -> None:
        """Run an action in an area (switching to it first), or app-wide when mode is None."""
        if mode is not None:
            await self.switch_mode(mode)
            if action:
                await self.screen.run_action(action)
        elif action:
            await self.run_action(action)

    async def show_goal(self, goal_id: int) -> None:
        """Open the Goals screen on one goal."""
        from growthtui.ui.screens.goals import GoalsScreen

        await self.switch_mode("goals")
        screen = self.screen
        if isinstance(screen, GoalsScreen):
            screen.refresh_data()
            screen.select_goal(goal_id)

    def set_keymap(self, keymap: Mapping[str, str]) -> None:
        self._keymap_in_use = dict(keymap)
        super().set_keymap(keymap)

    def exit(
        self,
        result: int | None = None,
        return_code: int = 0,
        message: RenderableType | None = None,
    ) -> None:
        self.leaving = True
        super().exit(result, return_code, message)

    def key_for(self, binding_id: str) -> str:
        """The key that runs a binding now (the user's keymap applied), as displayed."""
        from growthtui.ui.keymap import binding_scopes

        keys = self._keymap_in_use.get(binding_id)
        if keys is None:
            for bindings in binding_scopes(self).values():
                for binding in bindings:
                    if binding.id == binding_id:
                        keys = binding.key
                        break
                if keys is not None:
                    break
        if not keys:
            return ""
        first = keys.split(",")[0].strip()
        return self.get_key_display(Binding(first, ""))

    def action_edit_profile(self) -> None:
        from growthtui.ui.screens.profile_form import ProfileForm

        self.push_screen(ProfileForm())

    @work
    async def action_export(self) -> None:
        from growthtui.interop.formats import EXPORT_FORMATS, export_text
        from growthtui.services.exports import check_export_target, write_export
        from growthtui.ui.screens.prompt import PromptModal

        default = f"~/growthtui-{self.today().isoformat()}.md"

        def check(text: str) -> str | None:
            suffix = Path(text).suffix.lstrip(".")
            if suffix not in EXPORT_FORMATS:
                return f"end the file name with one of .{', .'.join(EXPORT_FORMATS)}"
            return None

        answer = await self.push_screen_wait(
            PromptModal(
                "Export to which file?",
                value=default,
                hint="The extension picks the format: .json .md .csv .ics",
                check=check,
            )
        )
        if not answer:
            return
        path = Path(answer).expanduser()
        try:
            # The command line's guards (the store's own file, a folder, a folder that is
            # not there), then the app's own: a pipe or a device would hold the app until
            # something read it, so only a plain file (new or not) is written.
            check_export_target(path, self.store.path)
            if os.path.exists(path) and not os.path.isfile(path):
                raise InvalidInput(f"{path} is not a plain file: export to a file name")
            text = export_text(self.store, path.suffix.lstrip("."), self.today())
            write_export(path, text, self.store.path)
        except (GrowthError, OSError) as error:
            self.notify(_sentence(error), severity="error", timeout=10)
            return
        self.notify(f"wrote {path} ({counted(len(text), 'character')})", timeout=6)

    @work
    async def action_import_data(self) -> None:
        from growthtui.interop.formats import import_file, import_format_of
        from growthtui.ui.screens.prompt import PromptModal

        answer = await self.push_screen_wait(
            PromptModal(
                "Import which file?",
                placeholder="path to a growthtui .json export or a `task export` file",
                hint="Records merge by id; importing the same file twice adds nothing.",
            )
        )
        if not answer:
            return
        path = Path(answer).expanduser()
        fmt = import_format_of(path)
        reports = []
        if self.attempt(lambda: reports.append(import_file(self.store, path, fmt))):
            self.notify(f"imported {path.name} ({fmt}): {reports[0].describe()}", timeout=8)

    def get_driver_class(self) -> type[Driver]:
        driver_class = super().get_driver_class()
        from textual.drivers.linux_driver import LinuxDriver

        if driver_class is LinuxDriver:  # not on Windows, nor a driver chosen by TEXTUAL_DRIVER
            from growthtui.ui.frames.driver import GrowthDriver

            return GrowthDriver
        return driver_class

    # -- errors ----------------------------------------------------------------------
    def handle_uncaught(self, error: Exception) -> bool:
        if isinstance(error, GrowthError | OSError):
            # A person's mistake that slipped past a form, or a store that could not be
            # written (a read-only folder, a lock file): say it, keep the app running.
            self.notify(_sentence(error), severity="error", timeout=10)
            return True
        if self.is_headless or os.environ.get("GROWTHTUI_DEBUG"):
            return False
        if self.leaving:
            # Already leaving (q, or the terminal hung up): a screen caught half-built by
            # the exit fails to find its own widgets. Every change was saved when it was
            # made, so there is nothing to report and nothing to lose.
            return True
        report = _write_crash_report(error)
        where = f"; details in {report}" if report else ""
        self.crash_message = (
            f"growthtui stopped on an unexpected error ({type(error).__name__}: {error}); "
            f"everything saved before it is safe{where}"
        )
        self.exit(1, return_code=1)
        return True


def _terminal_attached() -> bool:
    stdin = sys.__stdin__
    try:
        return stdin is not None and os.isatty(stdin.fileno())
    except (OSError, ValueError):
        return False


def _sentence(error: GrowthError | OSError) -> str:
    """What a person reads when a change could not be made: the store's own sentence, or
    one that fits what the system said about the file."""
    if isinstance(error, GrowthError):
        return str(error)
    where = f" {error.filename}" if error.filename else ""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"the disk is full: the change was not saved to{where}; free some space and retry"
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (
            f"cannot write{where}: permission denied, so the change was not saved; make the "
            "folder writable (or open a copy with --data) and retry"
        )
    return f"cannot write{where}: {error.strerror or error}; the change was not saved"


def _write_crash_report(error: Exception) -> Path | None:
    """The traceback, for a bug report: readable by its owner only (0600, in a 0700 folder),
    since it may quote what the person wrote."""
    import platformdirs

    path = Path(platformdirs.user_state_dir("growthtui", appauthor=False)) / "crash.log"
    text = "".join(traceback.format_exception(error))
    try:
        for folder in reversed([path.parent, *path.parent.parents]):
            if not folder.is_dir():
                folder.mkdir(mode=0o700)  # each folder made on the way: its owner's only
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
        descriptor = os.open(path, flags, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as report:
            os.fchmod(report.fileno(), 0o600)  # an older report may have been 0644
            report.write(f"{dt.datetime.now().isoformat()}\n{text}")
    except OSError:
        return None
    return path


def run_app(
    store: Store | OpenAfterFirstFrame,
    *,
    today: Callable[[], dt.date],
    demo: bool = False,
) -> int:
    """Open the app on `store` until the person quits; returns the exit code."""
    from growthtui.locations import settings_path
    from growthtui.settings import load_settings

    # shutil.get_terminal_size (which Textual asks, also on every resize) believes COLUMNS
    # and LINES over the terminal itself: an exported stale value would pin the app's size.
    os.environ.pop("COLUMNS", None)
    os.environ.pop("LINES", None)
    app = GrowthApp(
        store,
        load_settings(settings_path()),
        today=today,
        demo=demo,
    )
    code = app.run()
    if app.refusal is not None:
        raise app.refusal
    if app.crash_message:
        print(f"growthtui: {app.crash_message}", file=sys.stderr)
        return 1
    return code if isinstance(code, int) else 0
