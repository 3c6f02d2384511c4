"""A cursor move in the Goals list costs what is on screen, whatever the number of goals
listed: nothing in it walks the goals, the rows or the store (issue 15's key → frame
figure at 50k records). Counted in calls, not timed."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest

from growthtui.services.seed import seed
from growthtui.store.repository import Store
from growthtui.ui.screens import goals as goals_module
from growthtui.ui.screens.goals import GoalsScreen
from growthtui.ui.widgets.line_list import LineList
from growthtui.ui.widgets.record_table import RecordTable
from growthtui.ui.widgets.text_pane import TextPane
from tests.ui.screen_lines import goals_shown, settle

TODAY = dt.date(2026, 11, 24)
MOVES = 6


def _counted(monkeypatch: pytest.MonkeyPatch, calls: Counter[str], owner: Any, name: str) -> None:
    """Count the calls of `owner.name` under that name (it still does its work)."""
    original: Callable[..., Any] = getattr(owner, name)

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls[name] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, counting)


async def test_j_in_a_long_goals_list_walks_neither_the_goals_nor_the_rows(
    memory_store: Store, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(memory_store, TODAY, scale=3000)
    app = make_app(memory_store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await goals_shown(pilot)
        table = screen.table
        assert table.row_count > 200  # far more goals than the screen shows
        first = table.current_key
        cells_made = len(table._cells)

        calls: Counter[str] = Counter()
        # Everything that goes over every goal, row or record (each is O(listed goals)).
        _counted(monkeypatch, calls, goals_module, "goal_tree")
        for name in ("refresh_data", "show_rows", "_visible"):
            _counted(monkeypatch, calls, GoalsScreen, name)
        for name in ("set_keys", "row_keys", "kept_rows"):
            _counted(monkeypatch, calls, LineList, name)
        for name in ("show_rows", "_fit_auto_columns", "_changed_shape"):
            _counted(monkeypatch, calls, RecordTable, name)
        for name in ("list", "count", "ids"):
            _counted(monkeypatch, calls, Store, name)

        for _ in range(MOVES):
            await pilot.press("j")
        await settle(pilot)

        # The moves happened: the cursor and the detail are on another goal.
        assert table.cursor_row == MOVES
        assert table.current_key != first
        goal = screen.selected_goal()
        assert goal is not None
        assert screen.detail_pane.text.plain.startswith(f"#{goal.id} ")
        # ...and none of them went over the list or the store.
        assert calls == Counter()
        # The rows moved over were on screen already: no row's cells were made again.
        assert len(table._cells) == cells_made


async def test_a_move_onto_a_prepared_neighbour_draws_no_row_and_wraps_no_text(
    memory_store: Store, make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the idle time after a move prepares (the rows next to the cursor drawn with
    the cursor on them, the neighbours' details wrapped and drawn) is all the next move
    needs: it draws no row of the list and wraps no detail."""
    seed(memory_store, TODAY, scale=300)
    app = make_app(memory_store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await goals_shown(pilot)
        table = screen.table
        await pilot.press("j")
        await settle(pilot)
        # What the timer after the move does, at once; the next move's own timer is
        # left out (it prepares the move after).
        screen._prepare_neighbours(table.cursor_row)
        monkeypatch.setattr(GoalsScreen, "_prepare_neighbours", lambda _screen, _row: None)

        calls: Counter[str] = Counter()
        _counted(monkeypatch, calls, RecordTable, "render_row")
        _counted(monkeypatch, calls, TextPane, "_wrapped")
        _counted(monkeypatch, calls, TextPane, "render_lines")
        await pilot.press("j")
        await settle(pilot)

        assert table.cursor_row == 2
        goal = screen.selected_goal()
        assert goal is not None
        assert screen.detail_pane.text.plain.startswith(f"#{goal.id} ")
        assert calls["render_lines"] > 0  # the detail was drawn...
        assert calls["render_row"] == 0  # ...from kept lines only
        assert calls["_wrapped"] == 0
