"""Goals (3): create, edit with a reason, delete and undo, check-ins, milestones, filters.

Each test presses keys as a person would, then looks at what the store holds and what the
screen shows.
"""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import Input, Static

from growthtui.domain.goals import CheckIn, Goal, Milestone
from growthtui.domain.kinds import GoalStatus
from growthtui.domain.reviews import Review
from growthtui.interop.formats import export_text
from growthtui.store.repository import Store
from growthtui.ui.screens.goal_form import GoalForm, SmartPanel
from growthtui.ui.screens.goals import GoalsScreen
from growthtui.ui.screens.progress_forms import CheckInForm, MilestoneForm
from growthtui.ui.screens.prompt import PromptModal
from growthtui.ui.widgets.form import FormField
from growthtui.ui.widgets.record_table import RecordTable
from growthtui.ui.widgets.text_pane import TextPane
from tests.ui.screen_lines import screen_lines, send_burst, settle

TODAY = dt.date(2026, 11, 24)


def _plain(app) -> str:  # type: ignore[no-untyped-def]
    parts: list[str] = []
    for widget in app.screen.query("Static, Label"):
        parts.append(str(widget.render()))
    for table in app.screen.query(RecordTable):
        for row in table.ordered_rows:
            parts.append(" ".join(str(c) for c in table.get_row(row.key)))
    return "\n".join(parts)


def field_error(app, name: str) -> str:  # type: ignore[no-untyped-def]
    return app.screen.query_one(f"#field-{name}", FormField).error


async def type_into(pilot, app, name: str, text: str) -> None:  # type: ignore[no-untyped-def]
    control = app.screen.query_one(f"#field-{name}", FormField).control
    assert isinstance(control, Input)
    control.focus()
    control.value = ""
    if text:
        await pilot.press(*text)
    await pilot.pause()


async def test_n_opens_the_form_with_title_focused_and_ctrl_s_saves(memory_store: Store, make_app):
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3", "n")
        await pilot.pause()
        assert isinstance(app.screen, GoalForm)
        title = app.screen.query_one("#field-title", FormField).control
        assert app.focused is title
        await pilot.press(*"Pass the AWS exam")
        await type_into(pilot, app, "due", "2027-03-01")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)
        goals = memory_store.list(Goal)
        assert [(g.title, g.due) for g in goals] == [("Pass the AWS exam", dt.date(2027, 3, 1))]
        assert "Pass the AWS exam" in _plain(app)


async def test_bad_fields_are_explained_next_to_the_field_and_nothing_is_saved(
    memory_store: Store, make_app
):
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3", "n")
        await pilot.pause()
        await type_into(pilot, app, "due", "2027-02-30")
        await type_into(pilot, app, "target", "lots")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, GoalForm)
        assert "needs a title" in field_error(app, "title")
        assert "not a real date" in field_error(app, "due")
        assert "must be a number" in field_error(app, "target")
        assert memory_store.count(Goal) == 0
        # the first bad field gets the focus, so the person can fix it at once
        assert app.focused is app.screen.query_one("#field-title", FormField).control


async def test_escape_asks_before_discarding_typed_text(memory_store: Store, make_app):
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3", "n")
        await pilot.pause()
        await pilot.press(*"Half a thought")
        await pilot.press("escape")
        await pilot.pause()
        assert "Discard" in _plain(app)
        await pilot.press("n")  # keep editing
        await pilot.pause()
        assert isinstance(app.screen, GoalForm)
        assert app.screen.value("title") == "Half a thought"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)
        assert memory_store.count(Goal) == 0


async def test_the_smart_check_updates_while_typing(memory_store: Store, make_app):
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3", "n")
        await pilot.pause()
        check = app.screen.query_one("#smart-check", SmartPanel)
        assert "no due date" in check.plain
        await type_into(pilot, app, "due", "+3m")
        assert "no due date" not in check.plain
        assert "how will you know it is done" in check.plain
        await type_into(pilot, app, "metric", "practice exam score")
        await type_into(pilot, app, "target", "80")
        assert "measured by practice exam score" in check.plain


async def test_editing_the_due_date_asks_why_and_keeps_it_in_the_history(
    seeded_store: Store, make_app
):
    app = make_app(seeded_store)
    goal = seeded_store.get(Goal, 6)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.show_goal(6)
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        await type_into(pilot, app, "due", "2027-06-30")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PromptModal)
        await pilot.press(*"exam date moved by AWS", "enter")
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)
        assert "exam date moved by AWS" in _plain(app)
    stored = seeded_store.get(Goal, 6)
    assert stored.due == dt.date(2027, 6, 30)
    last = stored.history[-1]
    assert (last.field, last.old, last.new, last.reason) == (
        "due",
        goal.due.isoformat() if goal.due else "",
        "2027-06-30",
        "exam date moved by AWS",
    )


async def test_escape_at_the_reason_goes_back_to_the_form_without_saving(
    seeded_store: Store, make_app
):
    app = make_app(seeded_store)
    before = seeded_store.get(Goal, 6)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.show_goal(6)
        await pilot.press("e")
        await pilot.pause()
        await type_into(pilot, app, "title", "Pass the exam")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, GoalForm)
        assert app.screen.value("title") == "Pass the exam"
    assert seeded_store.get(Goal, 6) == before


async def test_delete_asks_then_undo_brings_back_the_goal_and_its_milestones(
    seeded_store: Store, make_app
):
    app = make_app(seeded_store)
    milestones = seeded_store.list(Milestone, goal_id=4)
    assert milestones
    async with app.run_test(size=(100, 30)) as pilot:
        await app.show_goal(4)
        await pilot.press("d")
        await pilot.pause()
        assert "Delete goal #4" in _plain(app)
        await pilot.press("n")
        await pilot.pause()
        assert seeded_store.find(Goal, 4) is not None
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert seeded_store.find(Goal, 4) is None
        assert seeded_store.list(Milestone, goal_id=4) == []
        table = app.screen.query_one("#goals-table", RecordTable)
        assert "4" not in table.row_keys()
        await pilot.press("u")
        await pilot.pause()
        assert seeded_store.find(Goal, 4) is not None
        assert seeded_store.list(Milestone, goal_id=4) == milestones
        assert "4" in table.row_keys()


async def test_check_in_from_the_detail_pane(seeded_store: Store, make_app):
    app = make_app(seeded_store)
    before = len(seeded_store.list(CheckIn, goal_id=6))
    async with app.run_test(size=(100, 30)) as pilot:
        await app.show_goal(6)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CheckInForm)
        await type_into(pilot, app, "value", "74")
        await type_into(pilot, app, "note", "networking section done")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)
        detail = str(app.screen.query_one("#goal-detail", Static).render())
    checkins = seeded_store.list(CheckIn, goal_id=6)
    assert len(checkins) == before + 1
    assert (checkins[-1].value, checkins[-1].note, checkins[-1].date) == (
        74,
        "networking section done",
        TODAY,
    )
    assert "networking section done" in detail
    # progress comes from the latest check-in: (74 - 55) / (80 - 55) = 76%
    assert "76%" in detail


async def test_add_a_milestone_from_the_detail_pane(seeded_store: Store, make_app):
    app = make_app(seeded_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.show_goal(6)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MilestoneForm)
        await pilot.press(*"Book a study weekend")
        await type_into(pilot, app, "due", "+2w")
        await pilot.press("ctrl+s")
        await pilot.pause()
        detail = str(app.screen.query_one("#goal-detail", Static).render())
    added = [
        m for m in seeded_store.list(Milestone, goal_id=6) if m.title == "Book a study weekend"
    ]
    assert [m.due for m in added] == [TODAY + dt.timedelta(weeks=2)]
    assert "Book a study weekend" in detail


async def test_space_marks_achieved_with_a_reason_and_u_undoes(seeded_store: Store, make_app):
    app = make_app(seeded_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.show_goal(7)
        await pilot.press("space")
        await pilot.pause()
        await pilot.press(*"second mentee found", "enter")
        await pilot.pause()
        goal = seeded_store.get(Goal, 7)
        assert goal.status is GoalStatus.ACHIEVED
        assert goal.history[-1].reason == "second mentee found"
        # achieved goals leave the default "open" filter
        table = app.screen.query_one("#goals-table", RecordTable)
        assert "7" not in table.row_keys()
        await pilot.press("u")
        await pilot.pause()
        assert seeded_store.get(Goal, 7).status is GoalStatus.ACTIVE
        assert "7" in table.row_keys()


async def test_filters_by_text_status_and_horizon(seeded_store: Store, make_app):
    app = make_app(seeded_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        table = app.screen.query_one("#goals-table", RecordTable)
        open_goals = {str(g.id) for g in seeded_store.list(Goal) if g.is_open}
        assert set(table.row_keys()) == open_goals
        await pilot.press("slash", *"talk")
        await pilot.pause()
        shown = {seeded_store.get(Goal, int(k)).title for k in table.row_keys()}
        assert shown == {"Speak at a major conference", "Give three internal tech talks"}
        await pilot.press("escape")
        await pilot.pause()
        assert set(table.row_keys()) == open_goals
        await pilot.press("h")  # long-term only
        await pilot.pause()
        assert {seeded_store.get(Goal, int(k)).horizon.value for k in table.row_keys()} == {"long"}
        await pilot.press("h", "h", "h", "f", "f", "f", "f")  # all horizons, dropped
        await pilot.pause()
        assert [seeded_store.get(Goal, int(k)).status for k in table.row_keys()] == [
            GoalStatus.DROPPED
        ]


async def test_stepping_stones_show_under_their_parent(seeded_store: Store, make_app):
    app = make_app(seeded_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        table = app.screen.query_one("#goals-table", RecordTable)
        keys = table.row_keys()
        # the long-term goal first, its medium-term stepping stone next, then that one's
        assert keys[:3] == ["1", "2", "4"]
        titles = [str(table.get_row(k)[0]) for k in keys[:3]]
        assert titles[1].startswith("├") and titles[2].lstrip("│ ").startswith("└")


async def test_opening_a_goal_hidden_by_the_filter_clears_the_filter(seeded_store: Store, make_app):
    from growthtui.ui.widgets.filter_box import FilterBox

    app = make_app(seeded_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3", "slash", *"talk", "enter")
        await pilot.pause()
        table = app.screen.query_one("#goals-table", RecordTable)
        assert "1" not in table.row_keys()
        await app.show_goal(1)  # e.g. enter on the Dashboard
        await pilot.pause()
        box = app.screen.query_one("#goals-filter", FilterBox)
        assert (box.is_open, box.value) == (False, "")
        assert table.current_key == "1"


async def test_the_detail_border_says_where_more_of_the_text_is(seeded_store: Store, make_app):
    """The detail pane draws no scrollbar (a thumb redrawn on most moves): its border says
    in words where the rest of a long text is, and that tab gets there."""
    app = make_app(seeded_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        pane = app.screen.query_one("#goals-detail")
        detail = app.screen.query_one("#goal-detail", TextPane)
        assert detail.max_scroll_y > 0  # the first goal's detail is taller than the pane
        assert pane.border_subtitle == "more below · tab"
        detail.focus()
        await pilot.pause()
        assert pane.border_subtitle == "more below"
        await pilot.press("down", "down")
        await pilot.pause()
        assert pane.border_subtitle == "more above and below"
        await pilot.press("end")
        await pilot.wait_for_scheduled_animations()  # `end` scrolls there animated
        await pilot.pause()
        assert pane.border_subtitle == "more above"
        app.screen.query_one(RecordTable).focus()
        await pilot.pause()
        assert pane.border_subtitle == "more above · tab"


# -- focus you can trust -------------------------------------------------------------------
def _table(app) -> RecordTable:  # type: ignore[no-untyped-def]
    return app.screen.query_one("#goals-table", RecordTable)


async def test_coming_back_to_goals_puts_the_focus_on_the_list(seeded_store: Store, make_app):
    app = make_app(seeded_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.show_goal(3)
        await pilot.press("tab")  # the person moves into the detail pane to scroll it
        await pilot.pause()
        assert app.focused is app.screen.query_one("#goal-detail", TextPane)
        await pilot.press("1", "3")  # away and back by area key
        await settle(pilot)
        assert app.focused is _table(app) and _table(app).current_key == "3"
        await pilot.press("tab")
        await pilot.press("ctrl+p")  # the palette, closed again
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, GoalsScreen)
        assert app.focused is _table(app) and _table(app).current_key == "3"
        await pilot.press("tab", "m")  # a form opened from the detail pane, then closed
        await settle(pilot)
        assert isinstance(app.screen, MilestoneForm)
        await pilot.press("escape")
        await settle(pilot)
        assert app.focused is _table(app) and _table(app).current_key == "3"


async def test_keys_act_on_the_selected_goal_whatever_has_the_focus(seeded_store: Store, make_app):
    """The detail shows the selected goal; c from the detail pane checks in on that goal,
    and the value becomes the goal's current value everywhere."""
    app = make_app(seeded_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.show_goal(5)
        await pilot.press("tab")  # focus in the detail pane
        await pilot.pause()
        assert "#5 Give three internal tech talks" in detail_text(app)
        await pilot.press("c")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, CheckInForm) and form.goal.id == 5
        assert any("#5 Give three internal tech talks" in line for line in screen_lines(app))
        await type_into(pilot, app, "value", "3")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, GoalsScreen)
        assert app.focused is _table(app) and _table(app).current_key == "5"
        assert "from 0, now 3, target 3 talks" in detail_text(app)
        assert "100%" in detail_text(app)
    assert [c.goal_id for c in seeded_store.list(CheckIn) if c.date == TODAY] == [5]
    assert seeded_store.get(Goal, 5).measure.current == 3
    csv = export_text(seeded_store, "csv", TODAY)
    assert any(line.startswith("goal,5,") and ",3," in line for line in csv.splitlines())


def detail_text(app) -> str:  # type: ignore[no-untyped-def]
    return app.screen.query_one("#goal-detail", TextPane).text.plain


async def test_a_parent_moves_with_its_stepping_stones(memory_store: Store, make_app):
    parent = memory_store.add(Goal(title="Become a speaker", horizon="long"))
    for title, done in (("First talk", True), ("Second talk", False)):
        stone = memory_store.add(Goal(title=title, parent_id=parent.id))
        memory_store.add(
            Milestone(
                goal_id=stone.id or 0, title="Give it", due=TODAY, done_at=TODAY if done else None
            )
        )
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.show_goal(parent.id or 0)
        await settle(pilot)
        assert _table(app).get_row("1")[2].plain == "50%"
        assert "Progress       █████░░░░░  50%" in detail_text(app)


async def test_an_achieved_goal_says_when_it_was_achieved(memory_store: Store, make_app):
    goal = memory_store.add(Goal(title="Ship it", due=dt.date(2027, 4, 24)))
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.show_goal(goal.id or 0)
        await settle(pilot)
        assert "due 2027-04-24 (in 5 months)" in detail_text(app)
        await pilot.press("space", "enter")  # achieved, without a reason
        await settle(pilot)
        await app.show_goal(goal.id or 0)
        await settle(pilot)
        assert "achieved 2026-11-24 (was due 2027-04-24)" in detail_text(app)
        assert "in 5 months" not in detail_text(app)


async def test_counts_read_in_plain_english(memory_store: Store, make_app):
    memory_store.add(Goal(title="Only one"))
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")
        await settle(pilot)
        status = str(app.screen.query_one("#goals-filter-status", Static).render())
        assert status.startswith("1 open goal ·")
        await pilot.press("d")
        await settle(pilot)
        assert any(
            "Its 0 milestones and 0 check-ins go with it" in line for line in screen_lines(app)
        )


# -- layouts from 80x24 up -----------------------------------------------------------------
LONG_TITLE = "Pass the AWS Solutions Architect Professional exam"


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_titles_keep_thirty_characters_and_dates_are_whole(
    seeded_store: Store, make_app, size: tuple[int, int]
):
    late = seeded_store.add(Goal(title="Fix the flaky tests", due=dt.date(2020, 1, 1)))
    app = make_app(seeded_store)
    async with app.run_test(size=size) as pilot:
        await app.show_goal(6)
        await settle(pilot)
        row = next(line for line in screen_lines(app) if "├ Pass the AWS" in line)
        assert LONG_TITLE[:30] in row and "2027-01-03" in row
        await app.show_goal(late.id or 0)
        await settle(pilot)
        overdue = next(line for line in screen_lines(app) if "  Fix the flaky tests  " in line)
        assert "!2020-01-01" in overdue


@pytest.mark.parametrize("size", [(80, 24), (100, 30)])
async def test_the_goal_editor_shows_all_five_smart_letters(
    memory_store: Store, make_app, size: tuple[int, int]
):
    app = make_app(memory_store)
    async with app.run_test(size=size) as pilot:
        await pilot.press("3", "n")
        await settle(pilot)
        shown = "\n".join(screen_lines(app))
        for letter, finding in (
            ("S", "no 'what exactly'"),
            ("M", "no measure"),
            ("A", "no plan"),
            ("R", "no 'why'"),
            ("T", "no due date"),
        ):
            assert f"! {letter} {finding}" in shown


async def test_words_typed_right_after_slash_go_into_the_filter(seeded_store: Store, make_app):
    """`/rfc` in one burst: the letters are the filter's (not the status filter `f` or a
    check-in `c`); enter goes back to the list, and `c` checks in on the goal found."""
    app = make_app(seeded_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")
        await settle(pilot)
        send_burst(app, "slash", *"rfc")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, GoalsScreen)  # no check-in form opened by the `c`
        assert (screen.text_filter, screen.status_filter) == ("rfc", 0)  # nor `f` cycled
        await pilot.press("enter", "c")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, CheckInForm)
        assert form.goal.title == "Write and land the ledger-service RFC"
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.text_filter == "rfc"
        assert app.focused is _table(app)


async def test_the_review_of_a_parent_shows_what_its_stepping_stones_did(
    seeded_store: Store, make_app
):
    """Reviews (7), s, ctrl+s: the first goal walked is the long-term one, with nothing
    logged against itself; its stepping stones' evidence is shown, marked with the stone."""
    staff = seeded_store.get(Goal, 1)
    assert staff.horizon.value == "long" and staff.parent_id is None
    app = make_app(seeded_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("7", "s")
        await settle(pilot)
        await pilot.press("ctrl+s")  # the period as proposed
        await settle(pilot)
        evidence = str(app.screen.query_one("#review-evidence Static", Static).render())
        assert evidence.startswith("#1 Become a staff engineer")
        assert "Nothing was logged" not in evidence
        assert "(via #4)" in evidence  # the RFC's milestone, two levels down
    draft = next(r for r in seeded_store.list(Review) if r.draft)
    assert draft.decisions == []  # only looked, nothing decided
