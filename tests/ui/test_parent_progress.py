"""A parent goal's progress comes from its stepping stones on every screen that shows it:
the Goals list, the Dashboard's active goals and the Timeline's bars say the same number."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from growthtui.domain.goals import Goal, Measure
from growthtui.domain.kinds import Horizon
from growthtui.store.repository import Store
from growthtui.ui.app import GrowthApp
from growthtui.ui.widgets.gantt import GanttChart
from growthtui.ui.widgets.record_table import RecordTable

SIZE = (100, 30)


@dataclass
class Family:
    parent: Goal
    """No measure, no milestones: only its stepping stones can tell how far along it is."""
    stone: Goal
    """Measured, half-way from baseline to target."""
    idle: Goal
    """A stepping stone that cannot tell (counts as 0 beside one that can)."""


@pytest.fixture
def family(memory_store: Store) -> Family:
    s = memory_store
    parent = s.add(
        Goal(
            title="Become a staff engineer",
            horizon=Horizon.LONG,
            start=dt.date(2026, 1, 1),
            due=dt.date(2027, 12, 31),
        )
    )

    def stone(title: str, measure: Measure) -> Goal:
        return s.add(
            Goal(
                title=title,
                horizon=Horizon.SHORT,
                parent_id=parent.id,
                start=dt.date(2026, 6, 1),
                due=dt.date(2027, 3, 1),
                measure=measure,
            )
        )

    moving = stone(
        "Write the ledger RFC", Measure(metric="pages", baseline=0, target=10, current=5)
    )
    idle = stone("Speak at a conference", Measure())
    return Family(parent, moving, idle)


async def _ready(app: GrowthApp, pilot: object) -> None:
    """The store is open and the screen shows its records."""
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]


async def test_the_dashboard_shows_a_parent_at_the_average_of_its_stepping_stones(
    make_app: Callable[..., GrowthApp], memory_store: Store, family: Family
) -> None:
    app = make_app(memory_store)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        table = app.screen.query_one("#dash-goals", RecordTable)
        title, progress = table.get_row(str(family.parent.id))
        assert "staff engineer" in str(title)
        # (50% + 0%) / 2: the moving stone's half, the idle one's nothing.
        assert str(progress).endswith(" 25%"), progress
        _, stone_progress = table.get_row(str(family.stone.id))
        assert str(stone_progress).endswith(" 50%"), stone_progress
        # The Goals list says the same number.
        await pilot.press("3")
        await _ready(app, pilot)
        goals = app.screen.query_one("#goals-table", RecordTable)
        assert str(goals.get_row(str(family.parent.id))[2]) == "25%"


async def test_the_timeline_bar_of_a_parent_fills_with_its_stepping_stones(
    make_app: Callable[..., GrowthApp], memory_store: Store, family: Family
) -> None:
    app = make_app(memory_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "v")
        await _ready(app, pilot)
        chart = app.screen.query_one("#timeline-gantt", GanttChart)
        bars = {row.key: row for row in chart.rows}
        assert bars[str(family.parent.id)].progress == pytest.approx(0.25)
        assert bars[str(family.stone.id)].progress == pytest.approx(0.5)
        # Drawn: the parent's bar is part full.
        y = 2 + [row.key for row in chart.rows].index(str(family.parent.id))
        line = chart.render_line(y).text
        assert "staff engineer" in line
        assert app.glyphs.bar_full in line.split("engineer", 1)[1]
