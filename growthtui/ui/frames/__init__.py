"""Frames written with fewer bytes: Textual's screen updates re-encoded against a model of
what this app last sent to each cell of the terminal.

Why it exists: a cursor move in a list with a detail pane (Goals, 120x40) is ~3.8 KB as
Textual writes it and ~1 KB through the encoder. Over SSH or a slow link that is the
difference between a list that follows the key and one that lags (bench/app.py measures
it: "bytes per cursor move"). To see the screen exactly as Textual writes it, when chasing
a display bug, set `frame_encoder = false` in the settings file (growthtui.settings).

This package is the one place in growthtui that uses Textual's private parts (an
import-linter contract in pyproject.toml keeps it so): the update classes of
`textual._compositor`, the `App._display` hook every frame passes through, and the
driver's writer thread (whose change tells of a suspend and resume). They are pinned to
the Textual version in pyproject.toml; `routing.py` holds the other private hooks (see
its docstring).

Textual writes every changed fragment of a line whole, each segment as a full style, its
text and a reset. `FrameEncoder` writes the same screen: only the cells that differ from
what the terminal already shows (short unchanged gaps are written through when that is
shorter than a cursor move), and a style only when it changes, as the attributes that
changed or a reset and the full style, whichever is shorter. A blank counts as unchanged
when only what a blank does not show changed (its foreground, bold, italic...), and is
written in whatever style is set if that looks the same. On a terminal whose terminfo
entry says it erases with the current background (`bce`, and `ech`: xterm, the Linux
console, most terminal emulators; not tmux or screen), runs of blanks are erased (ECH)
rather than written.

A full update (a screen switch, a resize) is written as Textual writes it, which is quick:
the whole screen is new, there is nothing to leave out, and encoding every cell of it in
Python costs ten times Textual's own. Its lines are kept and the model learns a line from
them when a later partial update touches it (a cursor move learns the rows it changes).

The model is only as good as the knowledge that nothing else wrote to the terminal: it is
dropped on every full update (which then teaches it, line by line), on a change of
screen or size, whenever Textual writes anything that is not a compositor update, when the
app is suspended or resumed, and after any fragment it cannot read cell by cell (control
characters, a zero-width character with no cell to join). The inline driver is left alone.
"""

from __future__ import annotations

import contextlib
import os
import weakref
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from textual._compositor import ChopsUpdate, CompositorUpdate, LayoutUpdate

from growthtui.ui.frames.encoder import FrameEncoder
from growthtui.ui.frames.sgr import sgr_change
from growthtui.ui.frames.spans import SpanCompositor, use_span_compositor

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
    from textual.screen import Screen

__all__ = ["FrameEncoder", "FrameEncoding", "SpanCompositor", "encode_all", "sgr_change"]


class _EncodedUpdate(CompositorUpdate):
    """A compositor update that App._display writes through a FrameEncoder."""

    def __init__(self, encoder: FrameEncoder, update: CompositorUpdate) -> None:
        self.encoder = encoder
        self.update = update

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        return self.update.__rich_console__(console, options)  # type: ignore[attr-defined, no-any-return]

    def render_segments(self, console: Console) -> str:
        try:
            return self.encoder.encode(self.update, console)
        except Exception:
            # A frame must reach the terminal: Textual's own encoding, and start over.
            self.encoder.failures += 1
            self.encoder.invalidate()
            return self.update.render_segments(console)


class FrameEncoding:
    """Mixin for an App (before App in the bases): its screen updates go through a
    FrameEncoder. The inline driver and anything that is not a compositor update are
    written as Textual writes them, and the model is forgotten."""

    frame_encoding: bool = True
    """False: every update is written as Textual writes it (the `frame_encoder` setting)."""
    _frame_encoder: FrameEncoder | None = None
    _frame_screen: weakref.ref[Screen[Any]] | None = None
    _frame_writer: object = None
    _frame_terminal_read = False

    def _display(self, screen: Screen[Any], renderable: RenderableType | None) -> None:
        app: Any = self
        if renderable is None or app._batch_count:
            # Nothing to write, or Textual drops it (a batch of updates): not shown.
            super()._display(screen, renderable)  # type: ignore[misc]
            return
        if self.frame_encoding and self._frames_written():
            renderable = self._whole_if_new(screen, renderable)
        super()._display(screen, self._encoded(screen, renderable))  # type: ignore[misc]
        if self.frame_encoding:
            # The screen's next partial updates draw only the lines they write.
            use_span_compositor(screen)
        self.frame_written(screen, whole=isinstance(renderable, LayoutUpdate))

    def _whole_if_new(self, screen: Screen[Any], renderable: RenderableType) -> RenderableType:
        """`renderable`, or the whole of `screen` instead of a partial update if the
        terminal shows another screen: a switch to an area shown before is not held back
        (GrowthApp.delay_update), and Textual first draws what changed on it since it was
        last laid out, which written over the other area would show a mix of the two. Its
        SpanCompositor draws it whole in the first place (`whole_next`, set here when
        another screen is shown); this is for a screen not shown yet (its frames so far
        were dropped in a batch of updates, or it has drawn none)."""
        shown = self._frame_screen() if self._frame_screen is not None else None
        if screen is shown:
            return renderable
        if shown is not None:
            self._not_shown(shown)
        if isinstance(renderable, ChopsUpdate):
            app: Any = self
            compositor: Any = screen._compositor
            return compositor.render_update(full=True, screen_stack=app._background_screens)  # type: ignore[no-any-return]
        return renderable

    @staticmethod
    def _not_shown(screen: Screen[Any]) -> None:
        """What the terminal shows is not `screen`'s last frame: its next one is whole."""
        compositor = use_span_compositor(screen)
        if compositor is not None:
            compositor.whole_next = True

    def frame_written(self, screen: Screen[Any], whole: bool = False) -> None:
        """Called right after each update of `screen` was handed to the terminal (Textual
        has no public event for it: its `call_after_refresh` waits until the screen is
        idle, several small updates later); `whole`: it was the whole screen. For the app
        to override."""

    def _encoded(
        self, screen: Screen[Any], renderable: RenderableType | None
    ) -> RenderableType | None:
        if renderable is None or not self.frame_encoding:
            return renderable
        app: Any = self
        encoder = self._frame_encoder
        if encoder is None:
            encoder = self._frame_encoder = FrameEncoder()
            self._subscribe(app, encoder)
        if not self._frames_written() or not isinstance(renderable, ChopsUpdate | LayoutUpdate):
            encoder.invalidate()
            return renderable
        if isinstance(renderable, ChopsUpdate) and not self._frame_terminal_read:
            # After the first frame (which is written whole anyway): not on its way.
            from growthtui.ui.terminal import erases_with_background

            encoder.erase = erases_with_background(os.environ)
            self._frame_terminal_read = True
        driver = app._driver
        # Suspend and resume (ctrl+z, App.suspend) start a new writer and a clear screen.
        writer = getattr(driver, "_writer_thread", None)
        known = self._frame_screen() if self._frame_screen is not None else None
        if (
            screen is not known
            or writer is not self._frame_writer
            or (tuple(app.size) != encoder.size and isinstance(renderable, ChopsUpdate))
        ):
            encoder.invalidate()
            self._frame_screen = weakref.ref(screen)
            self._frame_writer = writer
        return _EncodedUpdate(encoder, renderable)

    def _frames_written(self) -> bool:
        """Whether App._display writes to a terminal, in full-screen mode."""
        app: Any = self
        driver = app._driver
        return driver is not None and not driver.is_inline and not app.is_headless

    @staticmethod
    def _subscribe(app: Any, encoder: FrameEncoder) -> None:
        def forget(_: object) -> None:
            encoder.invalidate()

        for signal in (app.app_suspend_signal, app.app_resume_signal):
            # Not running yet: the check of the driver's writer still catches a resume.
            with contextlib.suppress(Exception):
                signal.subscribe(app, forget, immediate=True)


def encode_all(updates: Iterable[CompositorUpdate], console: Console) -> list[str]:
    """Each update encoded in turn by one FrameEncoder (for tests and measurements)."""
    encoder = FrameEncoder()
    return [encoder.encode(update, console) for update in updates]
