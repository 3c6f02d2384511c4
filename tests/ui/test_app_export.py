"""The palette's export goes through the command line's guards (services/exports.py): the
store's own file is refused in one sentence and left as it was; a pipe, which would hold
the app until something read it, is refused too."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from textual.widgets import Input

from growthtui.domain.goals import Goal
from growthtui.store.repository import Store
from growthtui.ui.screens.prompt import PromptModal

from .conftest import TODAY


async def _export_to(app, pilot, target: Path) -> list[str]:  # type: ignore[no-untyped-def]
    app.action_export()
    await pilot.pause()
    assert isinstance(app.screen, PromptModal)
    app.screen.query_one("#prompt-input", Input).value = str(target)
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    await pilot.pause()
    return [n.message for n in app._notifications]


async def test_exporting_onto_the_store_itself_is_refused_and_the_store_is_kept(
    store_path: Path, make_app
):
    store = Store.open(store_path, today=lambda: TODAY)
    store.add(Goal(title="Ship it", due=dt.date(2027, 1, 31)))
    before = store_path.read_bytes()
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        messages = await _export_to(app, pilot, store_path)
    refusals = [m for m in messages if "data file itself" in m]
    assert len(refusals) == 1, messages
    assert refusals[0].count(".") <= 2 and "\n" not in refusals[0]  # one sentence
    assert store_path.read_bytes() == before
    assert Store.open(store_path, today=lambda: TODAY).list(Goal)[0].title == "Ship it"


async def test_exporting_onto_a_pipe_is_refused_without_waiting_for_a_reader(
    store_path: Path, make_app, tmp_path: Path
):
    store = Store.open(store_path, today=lambda: TODAY)
    pipe = tmp_path / "plan.md"
    os.mkfifo(pipe)
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        messages = await _export_to(app, pilot, pipe)
    assert any("is not a plain file" in m for m in messages), messages
    assert not any(m.startswith("wrote") for m in messages)


async def test_undo_from_the_app_reverses_the_last_change(store_path: Path, make_app):
    store = Store.open(store_path, today=lambda: TODAY)
    store.add(Goal(title="Ship it", due=dt.date(2027, 1, 31)))
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("u")
        messages = [n.message for n in app._notifications]
    assert any(m.startswith("undone:") for m in messages), messages
    assert Store.open(store_path, today=lambda: TODAY).list(Goal) == []
