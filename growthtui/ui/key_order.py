"""Keys typed in one burst reach what they were typed for, in the order typed.

Over SSH, from a paste or from a fast typist, several keys arrive at once. Textual decides
where each key goes the moment it reads it (`App.on_event`): to the widget focused then,
or to the screen when nothing has the focus. A key's work is done later, in that widget's
turn, and its binding is looked up later still, when it has bubbled up to the app. So a
burst such as `n` + a title is routed in full before `n` has opened its form: the title
goes to the list the form is opened from, and is dropped when it reaches the app. In a
form, `ctrl+s` followed by a reason would type the reason into the field being saved,
and keys after `tab` would land in the field being left. This puts it right:

- `KeyQueue`, the app's one queue: a key that may run an action (one the focused field
  does not type) has its turn, through the widget and screen it was routed to and its
  binding, before the next key is routed; when that action showed another screen (a
  switch of area, a form, a dialog), the next key waits until that screen is ready. So
  `3 n Title` on a first visit of Goals opens the form before the title is routed.
- `HoldKeys`, for dialogs and forms: keys that come before the first field has the focus
  are held, and handed to the app again once it has. `settle_then` runs an action (save,
  cancel, next field, answer) once the keys typed before it have been handled, bindings
  included, and holds the keys typed after it until the action is done: they then go to
  what has the focus (the next field, a question the action asked, the screen below
  when the action closed this one, after that screen ran its result callback).
- `HeldWhileSettling`, for the fields of such forms: a key routed to the field while its
  screen holds keys is held with them.
- `typed_ahead_enter`: `enter` typed before the app took the terminal over comes as a
  newline (`ctrl+j`); the queue routes it as `enter`.

This module is the one place that knows Textual's routing (Textual 8.2.8): the app reads
each key in `App.on_event` (public), routes it to the focused widget or the screen, and the
key bubbles back up to the app, where its binding runs. The forms hold keys where the app
hands them to the widget or screen it routed them to, through growthtui.ui.frames.routing
(the one private hook, kept with growthtui's other uses of Textual's private parts).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import events
from textual.dom import NoScreen
from textual.message import Message
from textual.widget import Widget

from growthtui.ui.frames.routing import KeyIntake

if TYPE_CHECKING:
    from textual.screen import Screen


def fresh(key: events.Key) -> events.Key:
    """A copy of `key` the app will route again (a routed key is marked as forwarded)."""
    return events.Key(key.key, key.character)


def typed_ahead_enter(key: events.Key, screen: Screen[Any]) -> events.Key:
    """`enter` for a `ctrl+j` that nothing on `screen` is bound to. Until the app has taken
    the terminal over (a key typed as the app starts, before its first frame) the terminal
    handles keys a line at a time and turns `enter` into a newline, which the app reads as
    `ctrl+j`: the field it reaches would drop it (`enter` moves to the next field or keeps
    a choice). As in a shell, `ctrl+j` pressed later does what `enter` does."""
    if key.key != "ctrl+j" or "ctrl+j" in screen.active_bindings:
        return key
    return events.Key("enter", "\r")


class KeyTurn(Message):
    """Sent behind a key, to where the app routed it: when it has bubbled back up to the
    app, the key has been through every handler on its way and its binding has run."""

    def __init__(self, turn: int, screen: Screen[Any], hops: int = 0) -> None:
        super().__init__()
        self.turn = turn
        self.screen = screen
        self.hops = hops


READY_HOPS = 3
"""How often a key's turn is sent through a screen that its action showed (a switch of
area, a form pushed) before the next key goes: once is enough unless that screen at once
shows another."""

STUCK_SECONDS = 3.0
"""A key whose turn has not come back by then (its widget was removed with the turn still
queued in it) stops holding the keys behind it."""


class KeyQueue:
    """Mixin for the App (before App in the bases): the one queue of the keys the
    terminal sends. A key that may run an action (one the focused field does not type) is
    routed as Textual routes it, followed by a `KeyTurn`; every key that comes until that
    turn is back at the app is held, in order. A turn that comes back on another screen
    than it left from (the key switched area or opened a form or a dialog) goes through
    that screen once more, after what it has queued (its mount, its focus), so the held
    keys reach what has the focus once the new screen is ready. Keys a form held while it
    settled (`HoldKeys`) come back to the front of the queue (`again`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held_keys: list[events.Key] = []
        self._key_turn = 0
        self._key_busy: tuple[int, Widget | Screen[Any], float] | None = None
        """The key whose turn is out: its number, where it went, since when."""
        self._key_watch = False

    @property
    def keys_waiting(self) -> bool:
        """A key's work is under way, or keys typed behind it wait for their turn."""
        return self._key_busy is not None or bool(self._held_keys)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            if self._key_busy is not None or self._held_keys:
                self._held_keys.append(event)
                self._watch_keys()
                return
            await self._route_key(event)
            return
        await super().on_event(event)  # type: ignore[misc]

    async def _route_key(self, key: events.Key) -> None:
        app: Any = self
        screen = app.screen
        key = typed_ahead_enter(key, screen)
        focused = screen.focused
        target = focused if focused is not None else screen
        await super().on_event(key)  # type: ignore[misc]
        if focused is not None and focused.check_consume_key(key.key, key.character):
            return  # typed into the field: nothing to wait for
        self._key_turn += 1
        self._key_busy = (self._key_turn, target, time.monotonic())
        if not target.post_message(KeyTurn(self._key_turn, screen)):
            self._key_busy = None

    async def on_key_turn(self, message: KeyTurn) -> None:
        message.stop()
        if self._key_busy is None or message.turn != self._key_busy[0]:
            return  # a turn given up on (`again`, or stuck)
        app: Any = self
        screen = app.screen
        # The key showed another screen: the next key goes once that screen is ready.
        if (
            screen is not message.screen
            and message.hops < READY_HOPS
            and screen.post_message(KeyTurn(message.turn, screen, message.hops + 1))
        ):
            return
        self._key_busy = None
        await self._next_keys()

    async def _next_keys(self) -> None:
        held = self._held_keys
        while held and self._key_busy is None:
            await self._route_key(held.pop(0))

    async def again(self, keys: list[events.Key]) -> None:
        """Route `keys` (held by a form while it settled; typed before those held here)
        before the keys held here."""
        self._held_keys[:0] = keys
        self._key_busy = None
        await self._next_keys()

    def _watch_keys(self) -> None:
        if self._key_watch:
            return
        self._key_watch = True
        app: Any = self
        app.set_timer(STUCK_SECONDS / 4, self._check_stuck)

    async def _check_stuck(self) -> None:
        self._key_watch = False
        busy = self._key_busy
        if busy is not None:
            _turn, target, since = busy
            if target.is_attached and time.monotonic() - since < STUCK_SECONDS:
                self._watch_keys()
                return
            self._key_busy = None
        await self._next_keys()


class KeysSettled(Message):
    """Posted behind the keys already routed to a field: when it reaches the screen, they
    have all been through the field and its containers."""

    def __init__(self, then: Callable[[], object]) -> None:
        super().__init__()
        self.then = then


class HoldKeys(KeyIntake):
    """Mixed into a ModalScreen (before it): keys that come while it holds are kept in
    order and handed to the app again when it lets go. It holds from the start until
    `release_keys` (call it once the first field has the focus), and while an action
    started by `settle_then` waits for the keys typed before it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held: list[events.Key] = []
        self._holding = True
        self._focus_after: Widget | None = None

    @property
    def holding(self) -> bool:
        """Keys are being held (the screen is opening, or an action is settling)."""
        return self._holding

    def hold(self, key: events.Key) -> None:
        self._held.append(fresh(key))

    # The app hands a screen the keys it routes while nothing in it has the focus (the
    # fields hand over theirs themselves: `HeldWhileSettling`).
    def take_key(self, key: events.Key) -> bool:
        if self._holding:
            self.hold(key)
            return True
        return False

    @property
    def _screen(self) -> Screen[Any]:
        return self  # type: ignore[return-value]

    def focus_when_released(self, widget: Widget | None) -> None:
        """Focus `widget` now or, while keys are held, once they are let go (so the held
        keys reach it)."""
        if self._holding:
            self._focus_after = widget
        elif widget is not None:
            self._screen.set_focus(widget)

    def release_keys(self, focus: Widget | None = None) -> None:
        """Once the app has handled what it holds now: focus `focus` and hand the held keys
        (and those that come until then) to the app, in the order typed."""
        self._screen.app.call_later(self._let_go, focus)

    async def _let_go(self, focus: Widget | None = None) -> None:
        """Runs in the app's turn, so no key is routed while the held ones are replayed."""
        screen = self._screen
        app = screen.app
        target = focus or self._focus_after
        self._focus_after = None
        if app.screen is screen and target is not None and target.is_attached:
            screen.set_focus(target)
        self._holding = False
        held, self._held = self._held, []
        if not held:
            return
        top = app.screen
        if top is screen:
            await _replay(app, held)
        elif isinstance(top, HoldKeys) and top.holding:
            # A dialog this screen opened, still opening: it holds the keys typed later.
            top._held[:0] = held
        else:
            # This screen closed: the screen below runs the result callback first.
            top.call_next(_replay, app, held)

    def settle_then(self, act: Callable[[], object]) -> None:
        """Run `act` once the keys routed before now have been handled (their bindings
        too); hold the keys that come meanwhile, and let them go after `act`, to what has
        the focus then: the next field, a question `act` asked, the screen below when
        `act` closed this one."""
        if self._holding:
            return
        screen = self._screen
        self._holding = True
        focused = screen.focused
        (focused if focused is not None else screen).post_message(KeysSettled(act))

    def on_keys_settled(self, message: KeysSettled) -> None:
        message.stop()
        # The keys ahead of it have bubbled up to the app by now: their bindings run in
        # its turn, so the action goes behind them there.
        self._screen.app.call_later(self._act, message.then)

    async def _act(self, act: Callable[[], object]) -> None:
        try:
            act()
        finally:
            await self._let_go()


class HeldWhileSettling(KeyIntake):
    """Mixed into a form's field (before the widget class): a key the app routes to it
    while its screen holds keys is held by the screen, behind the keys held already."""

    def take_key(self, key: events.Key) -> bool:
        try:
            screen = self.screen  # type: ignore[attr-defined]
        except NoScreen:
            return False
        if isinstance(screen, HoldKeys) and screen.holding:
            screen.hold(key)
            return True
        return False


async def _replay(app: Any, keys: list[events.Key]) -> None:
    """Route `keys` again, in order, ahead of the keys the app holds (they were typed
    before those)."""
    if isinstance(app, KeyQueue):
        await app.again(keys)
    else:
        for key in keys:
            await app.on_event(key)
