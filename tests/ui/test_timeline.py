"""Timeline (4): press keys, then check what the store holds and what the screen shows."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from rich.style import Style
from textual.strip import Strip
from textual.widgets import Static

from growthtui.domain.goals import Goal, Milestone
from growthtui.domain.kinds import GoalStatus, Horizon
from growthtui.store.repository import Store
from growthtui.ui.app import GrowthApp
from growthtui.ui.screens.goal_picker import GoalPicker
from growthtui.ui.screens.goals import GoalsScreen
from growthtui.ui.screens.timeline import TimelineScreen
from growthtui.ui.widgets.gantt import HEADER_LINES, GanttChart
from growthtui.ui.widgets.lane_list import LaneList

TODAY = dt.date(2026, 11, 24)
SIZE = (100, 30)


@dataclass
class Plan:
    staff: Goal
    rfc: Goal
    talk: Goal
    collect: Milestone
    """Overdue: due 2026-11-21, not done."""
    draft: Milestone
    """The first one due on or after today."""
    outline: Milestone
    """Done."""
    cfp: Milestone
    packet: Milestone


@pytest.fixture
def plan(memory_store: Store) -> Plan:
    s = memory_store
    staff = s.add(
        Goal(
            title="Become a staff engineer",
            horizon=Horizon.LONG,
            start=dt.date(2025, 9, 24),
            due=dt.date(2030, 9, 24),
        )
    )
    rfc = s.add(
        Goal(
            title="Write the ledger RFC",
            horizon=Horizon.SHORT,
            parent_id=staff.id,
            start=dt.date(2026, 10, 15),
            due=dt.date(2027, 1, 13),
        )
    )
    talk = s.add(
        Goal(
            title="Speak at a conference",
            horizon=Horizon.MEDIUM,
            parent_id=staff.id,
            start=dt.date(2026, 8, 24),
            due=dt.date(2028, 2, 24),
        )
    )

    def step(goal: Goal, title: str, due: dt.date, done: dt.date | None = None) -> Milestone:
        return s.add(Milestone(goal_id=goal.id or 0, title=title, due=due, done_at=done))

    return Plan(
        staff=staff,
        rfc=rfc,
        talk=talk,
        outline=step(rfc, "Outline the RFC", dt.date(2026, 11, 12), dt.date(2026, 11, 11)),
        collect=step(rfc, "Collect requirements", dt.date(2026, 11, 21)),
        draft=step(rfc, "Draft the RFC", dt.date(2026, 11, 28)),
        cfp=step(talk, "Submit the CFP", dt.date(2027, 2, 24)),
        packet=step(staff, "Promotion packet draft", dt.date(2027, 7, 24)),
    )


def timeline(app: GrowthApp) -> TimelineScreen:
    screen = app.screen
    assert isinstance(screen, TimelineScreen)
    return screen


def lanes(app: GrowthApp) -> LaneList:
    return app.screen.query_one("#timeline-table", LaneList)


def drawn(app: GrowthApp, key: object) -> Strip:
    """The line of the list as drawn on screen for one row (it must be on screen)."""
    widget = lanes(app)
    y = widget.row_keys().index(str(key)) - round(widget.scroll_y) + 1
    assert 1 <= y < widget.scrollable_content_region.height, "row is off screen"
    return widget.render_line(y)


def cells(app: GrowthApp, key: object) -> list[str]:
    """What the list shows on one row: Due, Short-term, Medium-term, Long-term."""
    text = drawn(app, key).text
    return [text[x : x + width].rstrip() for x, width in lanes(app).columns()]


def style_of(app: GrowthApp, key: object, words: str) -> Style:
    """The style the list draws `words` in, on one row."""
    segment = next(s for s in drawn(app, key) if words in s.text)
    return segment.style or Style()


def shown(app: GrowthApp, widget_id: str) -> str:
    return str(app.screen.query_one(widget_id, Static).render())


def chart_lines(app: GrowthApp) -> list[str]:
    """The bar view's lines as drawn, header first."""
    chart = app.screen.query_one("#timeline-gantt", GanttChart)
    return [chart.render_line(y).text for y in range(chart.scrollable_content_region.height)]


def chart_line(app: GrowthApp, title: str) -> str:
    return next(line for line in chart_lines(app) if title in line)


def current_key(app: GrowthApp) -> str | None:
    return lanes(app).current_key


async def test_list_shows_month_headings_and_each_milestone_in_its_goals_lane(
    make_app: Callable[..., GrowthApp], memory_store: Store, plan: Plan
) -> None:
    app = make_app(memory_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        headings = [k for k in lanes(app).row_keys() if k.startswith("month:")]
        assert headings == ["month:2026-11", "month:2027-02", "month:2027-07"]
        assert drawn(app, "month:2026-11").text.strip() == "November 2026"
        due, short, medium, long = cells(app, plan.draft.id)
        assert (due, medium, long) == (" 2026-11-28", "", "")
        assert short.startswith("  Draft the RFC · Write")
        # The lanes share the width by what their lines want, not by how many they hold.
        widths = [width for _, width in lanes(app).columns()[1:]]
        assert max(widths) - min(widths) <= 2, widths
        assert cells(app, plan.cfp.id)[2].startswith("  Submit the CFP")
        assert cells(app, plan.packet.id)[3].startswith("  Promotion packet")
        outline = cells(app, plan.outline.id)
        assert outline[1].startswith("✓ Outline the RFC")
        # the stylesheet of the screen is loaded: the detail sits under a rule
        assert app.screen.query_one("#timeline-detail").styles.border_top[0] == "solid"


async def test_overdue_milestones_are_marked_and_bold_even_without_colour(
    make_app: Callable[..., GrowthApp],
    memory_store: Store,
    plan: Plan,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(memory_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        due, lane, _, _ = cells(app, plan.collect.id)
        assert due == "!2026-11-21"
        assert lane.startswith("! Collect requirements")
        assert style_of(app, plan.collect.id, "!2026-11-21").bold
        assert style_of(app, plan.collect.id, "! Collect requirements").bold
        assert not style_of(app, plan.outline.id, "2026-11-12").bold
        assert "! 1 overdue" in shown(app, "#timeline-summary")


async def test_opens_on_today_and_t_jumps_back_to_the_first_row_due_from_today(
    make_app: Callable[..., GrowthApp], memory_store: Store, plan: Plan
) -> None:
    today_step = memory_store.add(
        Milestone(goal_id=plan.talk.id or 0, title="Rehearse with Lena", due=TODAY)
    )
    app = make_app(memory_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        assert current_key(app) == str(today_step.id)
        await pilot.press("home")
        assert current_key(app) == "month:2026-11"
        await pilot.press("t")
        assert current_key(app) == str(today_step.id)
        assert "Rehearse with Lena · due Tue 2026-11-24, today" in shown(app, "#timeline-detail")


async def test_space_ticks_off_in_place_and_again_brings_it_back(
    make_app: Callable[..., GrowthApp], memory_store: Store, plan: Plan
) -> None:
    app = make_app(memory_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        assert current_key(app) == str(plan.draft.id)
        cursor_before = lanes(app).cursor_row

        await pilot.press("space")
        assert memory_store.get(Milestone, plan.draft.id or 0).done_at == TODAY
        assert cells(app, plan.draft.id)[1].startswith("✓ Draft the RFC")
        assert lanes(app).cursor_row == cursor_before

        await pilot.press("space")
        assert memory_store.get(Milestone, plan.draft.id or 0).done_at is None
        assert cells(app, plan.draft.id)[1].startswith("  Draft the RFC")


async def test_u_undoes_a_tick(
    make_app: Callable[..., GrowthApp], memory_store: Store, plan: Plan
) -> None:
    app = make_app(memory_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "space")
        assert memory_store.get(Milestone, plan.draft.id or 0).done_at == TODAY
        await pilot.press("u")
        assert memory_store.get(Milestone, plan.draft.id or 0).done_at is None
        assert cells(app, plan.draft.id)[1].startswith("  Draft the RFC")


async def test_brackets_jump_between_months_space_there_does_nothing_f_hides_done(
    make_app: Callable[..., GrowthApp], memory_store: Store, plan: Plan
) -> None:
    app = make_app(memory_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "right_square_bracket")
        assert current_key(app) == "month:2027-02"
        await pilot.press("left_square_bracket")
        assert current_key(app) == "month:2026-11"
        # space on a heading changes nothing; the detail sums up the month
        await pilot.press("space")
        assert all(m == memory_store.get(Milestone, m.id or 0) for m in (plan.draft, plan.collect))
        assert "3 milestones: 1 done, ! 1 overdue, 1 to do" in shown(app, "#timeline-detail")
        await pilot.press("f")
        keys = lanes(app).row_keys()
        assert str(plan.outline.id) not in keys and str(plan.draft.id) in keys
        assert "(open)" in shown(app, "#timeline-summary")


async def test_n_asks_which_goal_then_adds_the_milestone_under_its_month(
    make_app: Callable[..., GrowthApp], memory_store: Store, plan: Plan
) -> None:
    app = make_app(memory_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "n")
        await pilot.pause()
        assert isinstance(app.screen, GoalPicker)
        # the goal of the selected milestone is offered first (tree order: the staff goal,
        # the conference talk, the RFC); one up is the talk
        await pilot.press("k", "enter")
        await pilot.pause()
        await pilot.press(*"Book the venue", "tab", *"2026-12-10", "ctrl+s")
        await pilot.pause()
        added = [m for m in memory_store.list(Milestone) if m.title == "Book the venue"]
        assert len(added) == 1
        assert added[0].goal_id == plan.talk.id and added[0].due == dt.date(2026, 12, 10)
        assert current_key(app) == str(added[0].id)
        assert cells(app, added[0].id)[2].startswith("  Book the venue · Speak")
        assert "month:2026-12" in lanes(app).row_keys()


async def test_n_then_enter_uses_the_goal_of_the_selected_row_and_escape_adds_nothing(
    make_app: Callable[..., GrowthApp], memory_store: Store, plan: Plan
) -> None:
    app = make_app(memory_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "n")
        await pilot.pause()
        await pilot.press("escape")  # changed my mind: nothing added
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)
        assert memory_store.count(Milestone) == 5
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"Send the draft to Priya", "tab", *"+1w", "ctrl+s")
        await pilot.pause()
        added = memory_store.list(Milestone, title="Send the draft to Priya")
        assert [m.goal_id for m in added] == [plan.rfc.id]


async def test_enter_edits_the_milestone(
    make_app: Callable[..., GrowthApp], memory_store: Store, plan: Plan
) -> None:
    app = make_app(memory_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "enter")
        await pilot.pause()
        await pilot.press("end", *" v1", "ctrl+s")
        await pilot.pause()
        assert memory_store.get(Milestone, plan.draft.id or 0).title == "Draft the RFC v1"
        assert cells(app, plan.draft.id)[1].startswith("  Draft the RFC v1")


async def test_d_asks_first_deletes_on_yes_and_u_brings_it_back(
    make_app: Callable[..., GrowthApp], memory_store: Store, plan: Plan
) -> None:
    app = make_app(memory_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "d")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert memory_store.find(Milestone, plan.draft.id) is not None
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert memory_store.find(Milestone, plan.draft.id) is None
        table = lanes(app)
        assert str(plan.draft.id) not in table.row_keys()
        await pilot.press("u")
        await pilot.pause()
        assert memory_store.find(Milestone, plan.draft.id) is not None
        assert str(plan.draft.id) in table.row_keys()


async def test_o_opens_the_goal_of_the_milestone_on_the_goals_screen(
    make_app: Callable[..., GrowthApp], memory_store: Store, plan: Plan
) -> None:
    app = make_app(memory_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "o")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, GoalsScreen)
        assert screen.table.current_key == str(plan.rfc.id)


async def test_v_shows_goals_in_tree_order_as_bars_with_ticks_and_today(
    make_app: Callable[..., GrowthApp], memory_store: Store, plan: Plan
) -> None:
    app = make_app(memory_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "v")
        await pilot.pause()
        lines = chart_lines(app)
        rows = lines[HEADER_LINES : HEADER_LINES + 3]
        assert [r.split("  ")[0].strip() for r in rows] == [
            "Become a staff engineer",
            "├ Speak at a conference",
            "└ Write the ledger RFC",
        ]
        rfc = chart_line(app, "Write the ledger RFC")
        assert "✓" in rfc  # the outline, done
        assert "!" in rfc.split("RFC", 1)[1]  # collecting requirements, overdue
        assert "█" in rfc or "░" in rfc
        talk = chart_line(app, "Speak at a conference")
        assert "◆" in talk and "┃" in talk  # the CFP ahead, and today's column
        assert "Q1" in lines[1] and "Goal" in lines[1]
        # the detail follows the cursor: it opened on the goal of the selected milestone
        assert f"#{plan.rfc.id} Write the ledger RFC" in shown(app, "#timeline-detail")
        await pilot.press("k")
        assert f"#{plan.talk.id} Speak at a conference" in shown(app, "#timeline-detail")


async def test_brackets_shift_the_bars_and_t_brings_today_back(
    make_app: Callable[..., GrowthApp], memory_store: Store, plan: Plan
) -> None:
    app = make_app(memory_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "v")
        await pilot.pause()
        chart = app.screen.query_one("#timeline-gantt", GanttChart)
        opened = chart.window
        assert opened.contains(TODAY)
        summary = shown(app, "#timeline-summary")
        years = chart_lines(app)[0]

        await pilot.press("right_square_bracket")
        assert chart.window.start.year == opened.start.year + 1
        assert shown(app, "#timeline-summary") != summary
        assert chart_lines(app)[0] != years
        await pilot.press("right_square_bracket", "right_square_bracket")
        # the RFC ended before the window: its line says so
        assert "< ended 2027-01-13" in chart_line(app, "Write the ledger RFC")
        await pilot.press("left_square_bracket", "left_square_bracket")
        await pilot.press(*["left_square_bracket"] * 4)
        assert chart.window.start.year == opened.start.year - 3
        assert not chart.window.contains(TODAY)
        assert "┃" not in chart_line(app, "Speak at a conference")

        await pilot.press("t")
        assert chart.window == opened
        assert shown(app, "#timeline-summary") == summary


async def test_z_switches_between_quarters_and_months_and_f_shows_closed_goals(
    make_app: Callable[..., GrowthApp], memory_store: Store, plan: Plan
) -> None:
    memory_store.add(
        Goal(
            title="Pass the exam",
            status=GoalStatus.ACHIEVED,
            start=dt.date(2026, 3, 1),
            due=dt.date(2026, 9, 1),
        )
    )
    app = make_app(memory_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "v")
        await pilot.pause()
        # five years of goals do not fit in months: quarters it is
        assert "Q4" in chart_lines(app)[1]
        await pilot.press("z")
        header = chart_lines(app)[1]
        assert "Nov" in header and "Dec" in header and "Q4" not in header
        months = r"· [A-Z][a-z]{2} \d{4} – [A-Z][a-z]{2} \d{4} ·"
        assert re.search(months, shown(app, "#timeline-summary"))

        assert not any("Pass the exam" in line for line in chart_lines(app))
        await pilot.press("f")
        assert "4 goals (all)" in shown(app, "#timeline-summary")
        assert "█" in chart_line(app, "Pass the exam")  # achieved: the bar is full


async def test_thousands_stay_in_place_when_one_is_ticked_and_scroll_to_the_end(
    make_app: Callable[..., GrowthApp], memory_store: Store
) -> None:
    goals = [
        Goal(
            id=n,
            title=f"Goal number {n}",
            horizon=Horizon.SHORT,
            start=dt.date(2026, 9, 1),
            due=dt.date(2027, 2, 1),
        )
        for n in range(1, 2001)
    ]
    steps = [
        Milestone(goal_id=n, title=f"Step {n}", due=dt.date(2026, 9, 1) + dt.timedelta(days=n))
        for n in range(1, 2001)
    ]
    memory_store.add_many([*goals, *steps])
    app = make_app(memory_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "end")
        await pilot.pause()
        last = memory_store.list(Milestone)[-1]
        assert current_key(app) == str(last.id)
        scrolled = lanes(app).scroll_y
        assert scrolled > 1000

        await pilot.press("space")
        assert memory_store.get(Milestone, last.id or 0).done_at == TODAY
        assert cells(app, last.id)[1].startswith("✓ Step 2000")
        assert lanes(app).scroll_y == scrolled and current_key(app) == str(last.id)

        await pilot.press("v", "end")
        await pilot.pause()
        assert "2000 goals (open)" in shown(app, "#timeline-summary")
        lines = chart_lines(app)
        bottom = max(i for i, line in enumerate(lines) if line.strip())
        assert "Goal number 2000" in lines[bottom]
        assert "Goal number 2000" in shown(app, "#timeline-detail")


async def test_the_first_visit_opens_on_today_with_its_detail_drawn_once(
    make_app: Callable[..., GrowthApp], memory_store: Store, plan: Plan
) -> None:
    from growthtui.ui.widgets.record_text import RecordText

    shown_texts: list[str] = []
    update = RecordText.update

    def recorded(self: RecordText, *args: object, **kwargs: object) -> None:
        if self.id == "timeline-detail":
            shown_texts.append(str(args[0]) if args else "")
        update(self, *args, **kwargs)  # type: ignore[arg-type]

    app = make_app(memory_store)
    async with app.run_test(size=SIZE) as pilot:
        RecordText.update = recorded  # type: ignore[method-assign]
        try:
            await pilot.press("4")
            await pilot.pause()
        finally:
            RecordText.update = update  # type: ignore[method-assign]
        assert current_key(app) == str(plan.draft.id)
        assert len(shown_texts) == 1
        assert "Draft the RFC" in shown(app, "#timeline-detail")


async def test_a_month_heading_sums_up_the_milestones_the_filter_shows(
    make_app: Callable[..., GrowthApp], memory_store: Store, plan: Plan
) -> None:
    app = make_app(memory_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "f", "left_square_bracket")  # open ones only
        assert current_key(app) == "month:2026-11"
        assert "2 milestones: 0 done, ! 1 overdue, 1 to do" in shown(app, "#timeline-detail")
        await pilot.press("f", "f")  # all again: the heading's detail follows
        await pilot.pause()
        assert current_key(app) == "month:2026-11"
        assert "3 milestones: 1 done, ! 1 overdue, 1 to do" in shown(app, "#timeline-detail")
