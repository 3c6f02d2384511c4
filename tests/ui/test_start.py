"""The app draws the Dashboard first and reads the store right after, in a worker (issue 7's
start-up, issue 17's public life cycle): what the first frame shows, what it loads, keys
typed meanwhile, and a store refused once the frame is out."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import json
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from textual import events
from textual.widgets import Static
from textual.worker import WorkerCancelled

from growthtui.services.dashboard import DashboardView, read_dashboard_view
from growthtui.store.errors import StoreUnreadable
from growthtui.store.quick_read import read_dashboard_records
from growthtui.store.repository import Store
from growthtui.ui.app import GrowthApp, OpenAfterFirstFrame
from growthtui.ui.areas import AREAS
from growthtui.ui.screens.dashboard import DashboardScreen
from growthtui.ui.screens.goals import GoalsScreen
from growthtui.ui.widgets.record_table import RecordTable
from tests.conftest import TODAY
from tests.ui.screen_lines import screen_lines


def _early(path: Path) -> Callable[[], DashboardView | None]:
    """What the Dashboard shows of the file at `path`, read without the models as the
    command's child process reads it (here in the app's thread)."""
    return lambda: read_dashboard_view(path, lambda: TODAY)


def _who(app: GrowthApp) -> str:
    return str(app.screen.query_one("#dashboard-who", Static).render())


async def test_the_dashboard_is_drawn_before_the_store_is_read_then_shows_it(
    seeded_store: Store, make_app
):
    seen: list[tuple[str, bool]] = []

    def open_store() -> Store:
        screen = app.screen
        seen.append((_who(app), isinstance(screen, DashboardScreen) and screen.is_mounted))
        return seeded_store

    app = make_app(OpenAfterFirstFrame(open_store))
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert seen == [("Reading your plan…", True)]  # opened once, the frame drawn first
        assert "Alex Rivera" in _who(app)
        assert app.store is seeded_store
        await pilot.press("3")  # the areas work on the store once it is open
        assert isinstance(app.screen, GoalsScreen)
        assert app.screen.query_one(RecordTable).row_count > 0


async def test_keys_pressed_before_the_store_is_open_are_answered_once_it_is(
    seeded_store: Store, make_app
):
    reading = threading.Event()
    let_go = threading.Event()

    def open_store() -> Store:  # the records are "still read" until the test lets go
        reading.set()
        let_go.wait(timeout=60)
        return seeded_store

    app = make_app(OpenAfterFirstFrame(open_store))
    async with app.run_test(size=(100, 30)) as pilot:
        await asyncio.to_thread(reading.wait, 60)
        # As the driver hands the app what the terminal sent (the Pilot would wait for
        # the app to be idle, and it is not: it holds the keys).
        for key in "3j":
            app.post_message(events.Key(key, key))
        for _ in range(20):  # turns of the loop (no clock): the app reads the keys
            await asyncio.sleep(0)
        assert isinstance(app.screen, DashboardScreen)  # nothing acted on a store not open
        assert _who(app) == "Reading your plan…"
        let_go.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)  # "3", then "j" on the Goals list
        await pilot.pause()
        table = app.screen.query_one(RecordTable)
        assert table.cursor_row == 1


async def test_a_store_refused_after_the_first_frame_ends_the_app_with_exit_2(make_app, tmp_path):
    refused = StoreUnreadable(tmp_path / "s.json", "it is not valid JSON", None)

    def open_store() -> Store:
        raise refused

    app = make_app(OpenAfterFirstFrame(open_store))
    async with app.run_test(size=(100, 30)) as pilot:
        with contextlib.suppress(WorkerCancelled):  # the app leaves on its own: it may be
            await app.workers.wait_for_complete()  # cancelled once it said why
        await pilot.pause()
        assert app.refusal is refused
        assert app.leaving  # leaving on its own, not waiting for a key
    assert app.return_value == 2
    assert app.refusal is refused  # run_app raises it: the command line says it, exit 2


# In a fresh interpreter: what is loaded when the app asks for the store, i.e. everything
# the first frame and the Dashboard's records read from the sealed file needed.
PROBE = """
import asyncio, json, sys, threading
from pathlib import Path
from growthtui.ui.app import GrowthApp, OpenAfterFirstFrame
from growthtui.services.dashboard import EarlyDashboard
from datetime import date

loaded = []
shown = []
areas = []
asked = threading.Event()

def area_modules():
    from growthtui.ui.areas import AREAS
    names = {"growthtui.ui.screens." + a.screen.split(":")[0] for a in AREAS}
    return sorted(names & set(sys.modules))

def open_store():
    loaded.extend(sorted({m.split(".")[0] for m in sys.modules} & {"pydantic", "tinydb"}))
    shown.append("Alex Rivera" in str(app.screen.query_one("#dashboard-who").render()))
    areas.append(area_modules())
    from growthtui.store.repository import Store
    asked.set()
    return Store.in_memory()

async def main():
    async with app.run_test(size=(100, 30)) as pilot:
        await asyncio.to_thread(asked.wait, 60)  # asked once the records are shown
        await app.workers.wait_for_complete()
        for _ in range(50):  # until the app started loading the areas' code (all is shown)
            if any(w.name == "load the areas' code" for w in app.workers):
                break
            await pilot.pause()
        await app.workers.wait_for_complete()
        areas.append(area_modules())
        drawn = app.screen.query_one("#pane-goals").border_title
    print(json.dumps({"loaded": loaded, "drawn": drawn, "shown": shown, "areas": areas}))

app = GrowthApp(
    OpenAfterFirstFrame(open_store, EarlyDashboard(Path(sys.argv[1]), date.today)),
    poll=False,
)
asyncio.run(main())
"""


def test_the_first_frame_and_the_dashboards_records_need_neither_the_models_nor_tinydb(
    seeded_store: Store,
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(seeded_store.path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    report = json.loads(done.stdout.splitlines()[-1])
    screens = "growthtui.ui.screens."
    every_area = [f"{screens}{a.screen.split(':')[0]}" for a in AREAS]
    assert report == {
        "loaded": [],
        "drawn": "Active goals",
        "shown": [True],
        # Only the Dashboard's code until the store is open; every area's once it shows.
        "areas": [[f"{screens}dashboard"], sorted(every_area)],
    }


def test_the_screen_classes_the_areas_name_are_the_registered_ones() -> None:
    from growthtui.ui.areas import AREAS, area_screen_class
    from growthtui.ui.screens.registry import AREA_SCREEN_CLASSES

    assert {a.mode: area_screen_class(a.mode) for a in AREAS} == AREA_SCREEN_CLASSES
    assert all(mode == screen.MODE for mode, screen in AREA_SCREEN_CLASSES.items())


async def test_the_collector_is_back_on_once_the_records_are_in(seeded_store: Store, make_app):
    """`growthtui` starts without the cyclic garbage collector (launch.main); the app turns
    it back on once its records are in, so a long session never runs without it."""
    gc.disable()
    try:
        app = make_app(OpenAfterFirstFrame(lambda: seeded_store))
        async with app.run_test(size=(100, 30)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.store is seeded_store
            assert gc.isenabled()
    finally:
        gc.enable()


def test_a_command_run_in_process_leaves_the_collector_as_it_was(tmp_path) -> None:
    from growthtui.launch import main

    assert gc.isenabled()
    assert main(["add", "goal", "Ship it", "--data", str(tmp_path / "g.json")]) == 0
    assert gc.isenabled()


# -- the Dashboard's records read without the models (store.quick_read), before the Store
async def _dashboard_before_and_after_the_store(
    store: Store, make_app, size: tuple[int, int] = (120, 40)
) -> tuple[list[str], list[str]]:
    """What the Dashboard shows from the sealed file's plain records while the Store is
    held back, and what it shows once the Store is open."""
    assert store.path is not None
    reading = threading.Event()
    let_go = threading.Event()

    def open_store() -> Store:
        reading.set()
        let_go.wait(timeout=60)
        return store

    path = store.path
    app = make_app(OpenAfterFirstFrame(open_store, _early(path)))
    async with app.run_test(size=size) as pilot:
        await asyncio.to_thread(reading.wait, 60)
        await pilot.pause()
        before = screen_lines(app)
        assert app._store is None  # the Store is not open yet: these are the plain records
        let_go.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.store is store
        after = screen_lines(app)
    return before, after


async def test_the_dashboard_shows_a_sealed_files_records_before_the_store_is_open(
    seeded_store: Store, make_app
):
    before, after = await _dashboard_before_and_after_the_store(seeded_store, make_app)
    shown = "\n".join(before)
    assert "Alex Rivera" in shown
    assert "Reading your plan" not in shown
    # The same screen, cell for cell, once the Store's checked records replace them.
    assert before == after


async def test_records_read_early_are_shown_once_the_dashboard_is_drawn_then_the_store_opens(
    seeded_store: Store, make_app, monkeypatch
):
    """The command reads the records while Textual is imported: they are there before
    the Dashboard is built, but shown only once its first whole frame is out (shown
    sooner, drawing them would delay that frame), and the Store opens after them."""
    assert seeded_store.path is not None
    view = read_dashboard_view(seeded_store.path, lambda: TODAY)
    events_seen: list[tuple[str, object]] = []
    show_early = DashboardScreen.show_early

    def showing(screen: DashboardScreen, shown: object) -> None:
        pane = screen.query_one("#pane-goals")
        events_seen.append(("shown", (app._frame_out, pane.region.height > 0, _who(app))))
        show_early(screen, shown)  # type: ignore[arg-type]

    monkeypatch.setattr(DashboardScreen, "show_early", showing)

    def open_store() -> Store:
        events_seen.append(("opened", _who(app)))
        return seeded_store

    app = make_app(OpenAfterFirstFrame(open_store, lambda: view))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.store is seeded_store
    assert len(events_seen) == 2
    (what, (frame_out, laid_out, who)), (then, opened_on) = events_seen
    assert what == "shown" and frame_out and laid_out and who == "Reading your plan…"
    assert then == "opened" and "Alex Rivera" in str(opened_on)


async def test_the_plain_dashboard_matches_the_stores_for_a_new_and_a_started_plan(
    store: Store, make_app
):
    from growthtui.domain.goals import Goal
    from growthtui.domain.profile import Profile

    before, after = await _dashboard_before_and_after_the_store(store, make_app, (90, 30))
    assert "Welcome to growthtui." in "\n".join(before)
    assert before == after
    store.save_profile(Profile(name="Sam", vision="Lead a team"))
    store.add(Goal(title="Write the design doc"))
    before, after = await _dashboard_before_and_after_the_store(store, make_app, (90, 30))
    assert "Getting started: 2 of 5" in "\n".join(before)
    assert before == after


async def test_a_file_not_sealed_is_not_shown_before_the_store_has_read_it(
    seeded_store: Store, make_app
):
    assert seeded_store.path is not None
    path = seeded_store.path
    path.write_bytes(path.read_bytes())  # the same text, but not the version the Store sealed
    seen: list[str] = []
    asked = threading.Event()

    def open_store() -> Store:
        seen.append(_who(app))
        asked.set()
        return seeded_store

    app = make_app(OpenAfterFirstFrame(open_store, _early(path)))
    async with app.run_test(size=(100, 30)) as pilot:
        await asyncio.to_thread(asked.wait, 60)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert seen == ["Reading your plan…"]  # nothing shown from a file nobody vouched for
        assert "Alex Rivera" in _who(app)


async def test_a_file_the_store_refuses_is_never_written_though_its_records_were_shown(
    seeded_store: Store, make_app
):
    """The early records are only shown: keys wait for the Store, which checks every
    record, and a file holding one it cannot read is refused (exit 2), never written. Here
    a seal vouches, wrongly, for a file whose evidence (which the Dashboard does not read)
    is broken."""
    import os

    from growthtui.store.schema import CURRENT_SCHEMA
    from growthtui.store.seal import write_seal
    from growthtui.store.storage import encode

    path = seeded_store.path
    assert path is not None
    seeded_store.close()
    data = json.loads(path.read_bytes())
    first = next(iter(data["evidence"]))
    data["evidence"][first]["date"] = "the day after"
    path.write_bytes(encode(data))
    write_seal(path, os.stat(path), CURRENT_SCHEMA)
    broken = path.read_bytes()
    assert read_dashboard_records(path) is not None  # the Dashboard's records read fine

    reading = threading.Event()
    let_go = threading.Event()

    def open_store() -> Store:
        reading.set()
        let_go.wait(timeout=60)
        return Store.open(path, create=True, today=seeded_store.today)

    app = make_app(OpenAfterFirstFrame(open_store, _early(path)))
    async with app.run_test(size=(120, 40)) as pilot:
        await asyncio.to_thread(reading.wait, 60)
        await pilot.pause()
        assert "Alex Rivera" in _who(app)
        for key in ("tab", "space", "w", "u"):  # a milestone ticked off, a win, an undo
            app.post_message(events.Key(key, " " if key == "space" else None))
        let_go.set()
        with contextlib.suppress(WorkerCancelled):
            await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.refusal, StoreUnreadable)
        assert "not valid" in str(app.refusal)
    assert app.return_value == 2
    assert path.read_bytes() == broken


async def test_a_resize_before_the_store_is_open_redraws_the_early_records(
    seeded_store: Store, make_app
):
    assert seeded_store.path is not None
    path = seeded_store.path
    reading = threading.Event()
    let_go = threading.Event()

    def open_store() -> Store:
        reading.set()
        let_go.wait(timeout=60)
        return seeded_store

    app = make_app(OpenAfterFirstFrame(open_store, _early(path)))
    async with app.run_test(size=(120, 40)) as pilot:
        await asyncio.to_thread(reading.wait, 60)
        await pilot.pause()
        wide = screen_lines(app)
        await pilot.resize_terminal(90, 30)  # narrower than the Dashboard's NARROW
        await pilot.pause()
        narrow = screen_lines(app)
        assert "Alex Rivera" in "\n".join(narrow)
        assert len(narrow[0]) == 90 and narrow != wide
        let_go.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.store is seeded_store
        assert screen_lines(app) == narrow  # the store's records, drawn alike
