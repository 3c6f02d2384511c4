"""The palette's export never replaces the store it reads (named directly or through a
link) and writes its file whole."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from textual.widgets import Input

from growthtui.domain.goals import Goal
from growthtui.store.repository import Store
from growthtui.ui.screens.prompt import PromptModal

from .conftest import TODAY


async def export_to(app, pilot, target: Path) -> None:  # type: ignore[no-untyped-def]
    app.action_export()
    await pilot.pause()
    assert isinstance(app.screen, PromptModal)
    field = app.screen.query_one("#prompt-input", Input)
    field.value = str(target)
    await pilot.press("enter")
    await pilot.pause()
    await pilot.pause()


async def test_export_refuses_the_store_itself_and_a_link_to_it(store_path: Path, make_app):
    store = Store.open(store_path, today=lambda: TODAY)
    store.add(Goal(title="Ship it", due=dt.date(2027, 1, 31)))
    before = store_path.read_bytes()
    link = store_path.parent / "export.json"
    link.symlink_to(store_path)
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        for target in (store_path, link):
            await export_to(app, pilot, target)
            messages = [n.message for n in app._notifications]
            assert any("is the data file itself" in m for m in messages), messages
            assert store_path.read_bytes() == before
        await export_to(app, pilot, store_path.parent / "plan.json")
    exported = json.loads((store_path.parent / "plan.json").read_text(encoding="utf-8"))
    assert [g["title"] for g in exported["goals"]] == ["Ship it"]
    assert Store.open(store_path, today=lambda: TODAY).list(Goal)[0].title == "Ship it"
    assert link.is_symlink()
