"""The app's one queue of keys (growthtui.ui.key_order.KeyQueue): a key that switches area
or opens a form has its turn before the next key is routed, so a burst typed on the first
visit of an area lands where it was typed for, however the terminal split it; and keys the
app reads before its store is open wait for it, then go through the same queue, in order."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from textual import events
from textual.worker import WorkerCancelled

from growthtui.domain.assessment import Trait, TraitKind
from growthtui.domain.goals import Goal
from growthtui.domain.kinds import Horizon
from growthtui.domain.people import Person
from growthtui.settings import Settings
from growthtui.store.repository import Store
from growthtui.ui.app import GrowthApp, OpenAfterFirstFrame
from growthtui.ui.glyphs import UNICODE
from growthtui.ui.screens.assessment import AssessmentScreen
from growthtui.ui.screens.dashboard import DashboardScreen
from growthtui.ui.screens.goals import GoalsScreen
from growthtui.ui.screens.people import PeopleScreen
from tests.ui.conftest import TODAY
from tests.ui.screen_lines import send_burst, settle

BURST_AFTER_N = (*"Learn Rust", "tab", "enter", "down", "down", "enter", "ctrl+s")
"""The title, tab to the horizon, open its choices, down down to "long", keep, save."""


async def saved_goals(pilot, store: Store) -> list[tuple[str, Horizon]]:  # type: ignore[no-untyped-def]
    """Let the app handle what it was sent until a goal is saved, then what the store holds."""
    for _ in range(400):
        if store.list(Goal):
            break
        await pilot.pause()
    await settle(pilot)
    return [(goal.title, goal.horizon) for goal in store.list(Goal)]


async def test_a_burst_pressed_on_the_first_visit_of_goals_saves_the_goal(
    memory_store: Store, make_app
):
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("3", "n", *BURST_AFTER_N)
        assert await saved_goals(pilot, memory_store) == [("Learn Rust", Horizon.LONG)]
        assert isinstance(app.screen, GoalsScreen)


async def test_a_burst_read_at_once_on_the_first_visit_saves_the_goal(
    memory_store: Store, make_app
):
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        send_burst(app, "3", "n", *BURST_AFTER_N)
        assert await saved_goals(pilot, memory_store) == [("Learn Rust", Horizon.LONG)]


async def test_keys_read_while_the_area_switch_is_under_way_wait_for_the_form(
    memory_store: Store, make_app
):
    """The terminal's second read (the title onwards) comes once Goals is the current
    area but before `3` has finished its turn and `n` has had its own: the title used to
    reach the Goals list, before `n` had opened the form, and be lost."""
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        send_burst(app, "3", "n")
        while app.current_mode != "goals":
            await asyncio.sleep(0)  # the app's next step: the switch has begun
        send_burst(app, *BURST_AFTER_N)
        assert await saved_goals(pilot, memory_store) == [("Learn Rust", Horizon.LONG)]
        assert isinstance(app.screen, GoalsScreen)


# -- keys read before the store is open --------------------------------------------------
class OpensWhenLetGo:
    """A store the app opens after its first frame, as `growthtui` does, that stays "being
    read" until the test lets it go: keys the test hands the app meanwhile are read before
    the store is open, however loaded the machine is."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.asked = threading.Event()
        self.let_go = threading.Event()
        self.opening = OpenAfterFirstFrame(self.open)

    def open(self) -> Store:
        self.asked.set()
        self.let_go.wait(timeout=60)
        return self.store

    async def wait_until_asked(self) -> None:
        assert await asyncio.to_thread(self.asked.wait, 60), "the store was never opened"


@contextmanager
def let_go_at_the_end(opening: OpensWhenLetGo) -> Iterator[None]:
    """A failing test does not leave the opening thread waiting."""
    try:
        yield
    finally:
        opening.let_go.set()


async def keys_wait_for_the_store(app, opening: OpensWhenLetGo, *keys: str) -> None:  # type: ignore[no-untyped-def]
    """Hand the app `keys` at once while its store is being read (as its driver hands over
    what one read of the terminal returned), check that nothing acted on them yet, then
    let the store open."""
    await opening.wait_until_asked()
    send_burst(app, *keys)
    for _ in range(50):  # turns of the loop (no clock): the app reads what it was sent
        await asyncio.sleep(0)
    assert isinstance(app.screen, DashboardScreen)  # nothing acted on a store not open
    opening.let_go.set()


async def until_stored(pilot, store: Store, kind: type, count: int) -> None:  # type: ignore[no-untyped-def]
    """Let the app handle what it was sent until the store holds `count` of `kind`."""
    for _ in range(400):
        if len(store.list(kind)) >= count:
            break
        await pilot.pause()
    await settle(pilot)


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_the_whole_burst_read_before_the_store_is_open_saves_the_goal(
    seeded_store: Store, make_app, size: tuple[int, int]
):
    """`3 n Learn Rust tab enter down down enter ctrl+s`, all read while the records are
    still being read: every key, the final ctrl+s included, has its turn once they are."""
    before = len(seeded_store.list(Goal))
    opening = OpensWhenLetGo(seeded_store)
    app = make_app(opening.opening)
    with let_go_at_the_end(opening):
        async with app.run_test(size=size) as pilot:
            await keys_wait_for_the_store(app, opening, "3", "n", *BURST_AFTER_N)
            await until_stored(pilot, seeded_store, Goal, before + 1)
            added = [(g.title, g.horizon) for g in seeded_store.list(Goal)][before:]
            assert added == [("Learn Rust", Horizon.LONG)]
            assert isinstance(app.screen, GoalsScreen)  # the form saved and closed


async def test_a_burst_split_across_the_store_opening_keeps_its_order(
    memory_store: Store, make_app
):
    """The terminal's first read comes before the store is open, its second once it is
    open but before the keys of the first have had their turns: the second read waits
    behind the first."""
    opening = OpensWhenLetGo(memory_store)
    app = make_app(opening.opening)
    with let_go_at_the_end(opening):
        async with app.run_test(size=(80, 24)) as pilot:
            await keys_wait_for_the_store(app, opening, "3", "n", *"Learn")
            while app.refusal is None and not app._open.is_set():
                await asyncio.sleep(0)  # the app's next step: the store is open
            send_burst(app, *" Rust", "tab", "enter", "down", "down", "enter", "ctrl+s")
            await until_stored(pilot, memory_store, Goal, 1)
            assert [(g.title, g.horizon) for g in memory_store.list(Goal)] == [
                ("Learn Rust", Horizon.LONG)
            ]


@pytest.mark.parametrize(
    ("keys", "kind", "area", "stored", "expected"),
    [
        (("3", "n", *"Ship it", "ctrl+s"), Goal, GoalsScreen, lambda g: g.title, "Ship it"),
        (
            ("2", "n", *"Debugging", "ctrl+s"),
            Trait,
            AssessmentScreen,
            lambda t: (t.kind, t.title),
            (TraitKind.STRENGTH, "Debugging"),  # the first panel has the focus
        ),
        (("6", "n", *"Priya", "ctrl+s"), Person, PeopleScreen, lambda p: p.name, "Priya"),
    ],
    ids=["goals", "assessment", "people"],
)
async def test_an_area_a_new_record_and_its_save_read_before_the_store_is_open(
    memory_store: Store, make_app, keys, kind, area, stored, expected
):
    opening = OpensWhenLetGo(memory_store)
    app = make_app(opening.opening)
    with let_go_at_the_end(opening):
        async with app.run_test(size=(80, 24)) as pilot:
            await keys_wait_for_the_store(app, opening, *keys)
            await until_stored(pilot, memory_store, kind, 1)
            assert [stored(r) for r in memory_store.list(kind)] == [expected]
            assert isinstance(app.screen, area)  # the form saved and closed


async def test_enter_typed_before_the_app_had_the_terminal_moves_to_the_next_field(
    memory_store: Store, make_app
):
    """Typed as the app starts, before it has taken the terminal over, `enter` goes
    through the terminal's line handling, which turns it into a newline: the app reads
    `ctrl+j` (as Textual's parser reads "\\n"). It moves to the next field as `enter` does,
    so the downs choose the horizon instead of reaching the title."""
    opening = OpensWhenLetGo(memory_store)
    app = make_app(opening.opening)
    with let_go_at_the_end(opening):
        async with app.run_test(size=(80, 24)) as pilot:
            await opening.wait_until_asked()
            send_burst(app, "3", "n", *"Learn Rust")
            app.post_message(events.Key("ctrl+j", "\n"))
            send_burst(app, "down", "down", "ctrl+s")
            opening.let_go.set()
            await until_stored(pilot, memory_store, Goal, 1)
            assert [(g.title, g.horizon) for g in memory_store.list(Goal)] == [
                ("Learn Rust", Horizon.LONG)
            ]


async def test_ctrl_j_bound_in_the_keymap_keeps_its_binding(memory_store: Store):
    """Only a ctrl+j nothing is bound to is taken as `enter`."""
    app = GrowthApp(
        memory_store,
        Settings(keymap={"goals.new": "ctrl+j"}),
        today=lambda: TODAY,
        glyphs=UNICODE,
        poll=False,
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        send_burst(app, "3")
        app.post_message(events.Key("ctrl+j", "\n"))
        send_burst(app, *"Learn Rust", "ctrl+s")
        assert await saved_goals(pilot, memory_store) == [("Learn Rust", Horizon.SHORT)]


async def test_q_read_before_the_store_is_open_quits_once_it_is(memory_store: Store, make_app):
    opening = OpensWhenLetGo(memory_store)
    app = make_app(opening.opening)
    with let_go_at_the_end(opening):
        async with app.run_test(size=(80, 24)) as pilot:
            await keys_wait_for_the_store(app, opening, "q")
            with contextlib.suppress(WorkerCancelled):  # quitting may cancel a worker
                await app.workers.wait_for_complete()
            for _ in range(100):
                if not app.is_running:
                    break
                await pilot.pause()
            assert app.leaving
    assert app.return_code == 0
