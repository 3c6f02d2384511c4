"""The app's side of a sync: the Dashboard's status line, and the palette's "sync now",
whose received records show as another session's write does."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from growthtui.domain.goals import Goal
from growthtui.settings import Settings
from growthtui.ui.app import GrowthApp
from growthtui.ui.commands import palette_commands
from growthtui.ui.glyphs import UNICODE

from .conftest import TODAY, open_copy, run_sync


def _app(path: Path) -> GrowthApp:
    return GrowthApp(open_copy(path), Settings(), today=lambda: TODAY, glyphs=UNICODE, poll=False)


def _sync_line(app: GrowthApp) -> Static:
    return app.screen.query_one("#sync-line", Static)


async def test_a_store_that_does_not_sync_shows_no_sync_line(laptop: Path) -> None:
    open_copy(laptop).add(Goal(title="Mine"))
    app = _app(laptop)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.sync_line == ""
        assert not _sync_line(app).display


async def test_sync_now_receives_the_other_copy_and_the_line_says_when(
    capsys: pytest.CaptureFixture[str], remote: Path, laptop: Path, box: Path
) -> None:
    open_copy(laptop).add(Goal(title="From the laptop"))
    assert run_sync(capsys, laptop, "--remote", str(remote))[0] == 0
    assert run_sync(capsys, box, "--remote", str(remote))[0] == 0
    open_copy(box).add(Goal(title="From the box"))
    assert run_sync(capsys, box)[0] == 0
    open_copy(laptop).add(Goal(title="Not sent yet"))

    app = _app(laptop)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.sync_line == "synced just now · 1 change to send"
        assert _sync_line(app).display
        assert "Sync: synced just now · 1 change to send" in str(_sync_line(app).render())

        assert any(c.action == "sync_now" for c in palette_commands())
        app.action_sync_now()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await app.workers.wait_for_complete()  # the line read again after the sync
        await pilot.pause()
        titles = {goal.title for goal in app.store.list(Goal)}
        assert titles == {"From the laptop", "From the box", "Not sent yet"}
        assert app.sync_line == "synced just now"
        messages = [n.message for n in app._notifications]
        assert any("received" in m for m in messages), messages
