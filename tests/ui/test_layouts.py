"""Layouts that fit from 80×24 up: titles give way (with "…"), dates, numbers and states
never do; the Dashboard keeps room for goal titles at 80 columns; the Timeline's lanes
share the width by what they hold."""

from __future__ import annotations

import datetime as dt

import pytest

from growthtui.domain.goals import Goal, Milestone
from growthtui.domain.kinds import Horizon
from growthtui.store.repository import Store
from growthtui.ui.widgets.lane_list import lane_widths
from growthtui.ui.widgets.record_table import RecordTable

from .drawn import screen_lines, screen_text

LONG_TITLE = "Become the engineer who owns the payments platform architecture end to end"


def goal_titles_on_screen(lines: list[str], title: str) -> str:
    """The part of `title` a line of the screen shows (the longest prefix found)."""
    shown = ""
    for line in lines:
        for size in range(len(title), 0, -1):
            if title[:size] in line:
                if size > len(shown):
                    shown = title[:size]
                break
    return shown


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_the_dashboard_keeps_thirty_characters_of_a_goal_title(
    memory_store: Store, make_app, size: tuple[int, int]
):
    goal = memory_store.add(Goal(title=LONG_TITLE, due=dt.date(2027, 6, 1)))
    memory_store.add(Milestone(goal_id=goal.id or 0, title="Draft", due=dt.date(2027, 1, 1)))
    app = make_app(memory_store)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        lines = screen_lines(app)
        shown = goal_titles_on_screen(lines, LONG_TITLE)
        assert len(shown) >= 29, "\n".join(lines)
        row = next(line for line in lines if shown in line)
        assert f"{shown}…" in row  # cut titles say so
        assert "0%" in row  # and the progress still shows whole


async def test_a_cell_wider_than_its_column_widens_the_column_not_the_title():
    from textual.app import App, ComposeResult

    class One(App[None]):
        def compose(self) -> ComposeResult:
            table = RecordTable(id="t", flex="title")
            table.add_column("Title", key="title")
            table.add_column("Due", key="due", width=10)
            yield table

        def on_mount(self) -> None:
            self.query_one(RecordTable).sync(
                [("1", (LONG_TITLE, "!2020-01-01")), ("2", ("Short", "2027-01-01"))]
            )

    app = One()
    async with app.run_test(size=(60, 6)) as pilot:
        await pilot.pause()
        lines = screen_lines(app)
        assert any("!2020-01-01" in line and "…" in line for line in lines), lines
        assert any(" 2027-01-01" in line for line in lines)


def test_lanes_share_the_width_by_what_they_hold():
    # Every lane wants more than its share: even shares.
    assert lane_widths(90, 3, [60, 60, 60]) == [30, 30, 30]
    # A lane of short titles gives its room to the lane of long ones.
    widths = lane_widths(90, 3, [14, 70, 0])
    assert widths[0] >= 14 and widths[1] >= 60 and widths[2] >= 12
    assert sum(widths) == 90
    # Nobody wants much: the room left goes by need, every lane keeps a few words' room.
    assert sum(lane_widths(90, 3, [10, 20, 0])) == 90


async def test_the_long_term_lane_is_not_squeezed_by_a_busy_short_term_lane(
    memory_store: Store, make_app
):
    short = memory_store.add(Goal(title="Ship it", horizon=Horizon.SHORT))
    far = memory_store.add(Goal(title="Staff", horizon=Horizon.LONG))
    for day in range(1, 16):
        memory_store.add(
            Milestone(goal_id=short.id or 0, title=f"Step {day}", due=dt.date(2026, 12, day))
        )
    memory_store.add(
        Milestone(
            goal_id=far.id or 0,
            title="Lead the architecture review board",
            due=dt.date(2026, 12, 20),
        )
    )
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        text = screen_text(app)
        assert "Lead the architecture review board" in text, text
        assert "Step 15" in text
