"""Keys typed in one burst reach what they were typed for, in the order typed.

Over SSH, from a paste or from a fast typist, several keys arrive at once. Textual decides
where each key goes the moment it reads it (`App.on_event`): to the widget focused then,
or to the screen when nothing has the focus. A key's work is done later, in that widget's
turn, and its binding is looked up later still, when it has bubbled up to the app. So a
burst such as `n` + a title is routed in full before `n` has opened its form: the title
goes to the list the form is opened from, and is dropped when it reaches the app. In a
form, `ctrl+s` followed by a reason would type the reason into the field being saved,
and keys after `tab` would land in the field being left. Three mixins put this right:

- `KeysInOrder`, for the screens that open dialogs (the areas): a key reaching the screen
  runs its binding there, in its turn, so a dialog it opens is open before the next key's
  turn. A key that reaches the screen once another screen covers it, or once the focus
  has moved to a field that takes such a key (letters typed right after `/`), is handed
  to the app again, which routes it where it belongs now.
- `HoldKeys`, for dialogs and forms: keys that come before the first field has the focus
  are held, and handed to the app again once it has. `settle_then` runs an action (save,
  cancel, next field, answer) once the keys typed before it have been handled, bindings
  included, and holds the keys typed after it until the action is done: they then go to
  what has the focus (the next field, a question the action asked, the screen below
  when the action closed this one, after that screen ran its result callback).
- `HeldWhileSettling`, for the fields of such forms: a key routed to the field while its
  screen holds keys is held with them.

This module is the one place that knows Textual's routing (Textual 8.2.8). It looks a
key's binding up as the app does once the key has bubbled to it (`Screen.active_bindings`,
then `App.run_action`), and holds keys where the app hands them to the widget or screen it
routed them to, through growthtui.ui.frames.routing (the one private hook, kept with
growthtui's other uses of Textual's private parts).
"""

from __future__ import annotations

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


class KeysInOrder:
    """Mixed into a Screen that opens dialogs: its keys run their bindings in their turn,
    and keys that arrive once a dialog covers it go on to the dialog."""

    async def on_key(self, event: events.Key) -> None:
        screen: Screen[Any] = self  # type: ignore[assignment]
        app = screen.app
        if not screen.is_attached:
            return
        focused = screen.focused
        if not screen.is_active or (
            focused is not None and focused.check_consume_key(event.key, event.character)
        ):
            # Routed before another screen opened on top (a dialog, another area), or
            # before the focus moved to a field that takes this key (a letter typed right
            # after `/` opened the words filter): the app routes it again, to them.
            event.stop()
            event.prevent_default()
            app.post_message(fresh(event))
            return
        # The app would look this key's binding up once it bubbled there, which is after
        # the keys behind it were handed on; here, it runs before the next key's turn.
        if await run_binding(screen, event.key):
            event.stop()
            event.prevent_default()


async def run_binding(screen: Screen[Any], key: str) -> bool:
    """Run the binding `key` has on `screen` now (the focused widget's, the screen's or the
    app's, the first that is enabled: as the app does once a key has bubbled up to it);
    True when one ran."""
    active = screen.active_bindings.get(key)
    if active is None or not active.enabled or active.binding.priority:
        # A priority binding had its turn before the key was routed.
        return False
    return await screen.app.run_action(active.binding.action, active.node)


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
    """Route `keys` again, one after the other, as the app routes the keys it reads."""
    for key in keys:
        await app.on_event(key)
