"""People (6): add a person, log conversations and watch the follow-up move, turn a next
step into a milestone (once), losing touch, delete and undo. Keys as a person presses them;
asserts on the store and on the screen."""

from __future__ import annotations

import datetime as dt
import html
import re

from textual.widgets import Input, Label, OptionList, Static

from growthtui.domain.goals import Goal, Milestone
from growthtui.domain.kinds import Relation
from growthtui.domain.people import Interaction, InteractionKind, Person
from growthtui.store.repository import Store
from growthtui.ui.screens.confirm import ConfirmModal
from growthtui.ui.screens.goal_picker import GoalPicker
from growthtui.ui.screens.interaction_form import InteractionForm, NextStepMilestoneForm
from growthtui.ui.screens.people import PeopleScreen
from growthtui.ui.screens.person_form import PersonForm
from growthtui.ui.screens.timeline import TimelineScreen
from growthtui.ui.widgets.form import FormField
from growthtui.ui.widgets.record_table import RecordTable

from .drawn import screen_lines as drawn_screen_lines

TODAY = dt.date(2026, 11, 24)


def screen_text(app) -> str:  # type: ignore[no-untyped-def]
    """What the terminal shows, as text (from a screenshot, whatever the widgets are)."""
    svg = app.export_screenshot()
    return html.unescape("".join(re.findall(r"<text[^>]*>(.*?)</text>", svg))).replace("\xa0", " ")


def card(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#person-card", Static).render())


def people_rows(app) -> list[str]:  # type: ignore[no-untyped-def]
    table = app.screen.query_one("#people-table", RecordTable)
    return [" | ".join(str(c) for c in table.get_row(row.key)) for row in table.ordered_rows]


def talk_rows(app) -> list[str]:  # type: ignore[no-untyped-def]
    table = app.screen.query_one("#interactions-table", RecordTable)
    return [" | ".join(str(c) for c in table.get_row(row.key)) for row in table.ordered_rows]


async def type_into(pilot, app, name: str, text: str) -> None:  # type: ignore[no-untyped-def]
    control = app.screen.query_one(f"#field-{name}", FormField).control
    assert isinstance(control, Input)
    control.focus()
    control.value = ""
    await pilot.pause()
    await pilot.press(*text)


async def log_talk(pilot, app, summary: str, date: str, next_step: str = "") -> None:  # type: ignore[no-untyped-def]
    await pilot.press("i")
    await pilot.pause()
    assert isinstance(app.screen, InteractionForm)
    await pilot.press(*summary)
    await type_into(pilot, app, "date", date)
    if next_step:
        await type_into(pilot, app, "next_step", next_step)
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(app.screen, PeopleScreen)


async def test_add_a_person_log_two_talks_and_the_follow_up_moves(memory_store: Store, make_app):
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("6", "n")
        await pilot.pause()
        assert isinstance(app.screen, PersonForm)
        await pilot.press(*"Priya")
        app.screen.query_one("#field-relation ChoiceField").focus()
        await pilot.pause()
        await pilot.press("m")  # the first letters pick "mentor"
        await type_into(pilot, app, "follow_up_days", "21")
        await pilot.press("ctrl+s")
        await pilot.pause()
        [priya] = memory_store.list(Person)
        assert (priya.name, priya.relation, priya.follow_up_days) == ("Priya", Relation.MENTOR, 21)
        assert "no contact logged yet" in card(app)

        await log_talk(pilot, app, "1:1", "2026-10-20")
        assert "3-week rhythm (due 2026-11-10)" in card(app)
        assert people_rows(app) == ["Priya | mentor | !14d late"]

        await log_talk(pilot, app, "Call", "today")
        assert "Follow up in 21 days (due 2026-12-15)" in card(app)
        assert people_rows(app) == ["Priya | mentor | in 21d"]
        assert talk_rows(app) == ["2026-11-24 | Call", "2026-10-20 | 1:1"]

    talks = memory_store.list(Interaction)
    assert [(t.person_id, t.date, t.summary) for t in talks] == [
        (priya.id, dt.date(2026, 10, 20), "1:1"),
        (priya.id, TODAY, "Call"),
    ]


async def test_a_rhythm_in_words_is_explained_and_nothing_is_saved(memory_store: Store, make_app):
    app = make_app(memory_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("6", "n")
        await pilot.pause()
        await pilot.press(*"Sam")
        await type_into(pilot, app, "follow_up_days", "monthly")
        await type_into(pilot, app, "max_gap_days", "7")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PersonForm)
        assert "not a number of days" in app.screen.field("follow_up_days").error
        await type_into(pilot, app, "follow_up_days", "30")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "shorter than the follow-up rhythm" in app.screen.field("max_gap_days").error
        assert memory_store.count(Person) == 0


def mentor_with_next_step(store: Store) -> tuple[Goal, Person, Interaction]:
    store.add(Goal(title="Ship a side project"))
    staff = store.add(Goal(title="Become a staff engineer"))
    priya = store.add(
        Person(
            name="Priya",
            relation=Relation.MENTOR,
            follow_up_days=21,
            goal_ids=[staff.id or 0],
        )
    )
    talk = store.add(
        Interaction(
            person_id=priya.id or 0,
            date=dt.date(2026, 11, 20),
            kind=InteractionKind.CALL,
            summary="Reviewed the RFC outline",
            advice="Lead with the failure modes",
            next_step="Draft the RFC",
            follow_up_on=dt.date(2026, 12, 1),
        )
    )
    return staff, priya, talk


async def test_a_next_step_becomes_a_milestone_on_the_persons_goal_once(
    memory_store: Store, make_app
):
    staff, _, talk = mentor_with_next_step(memory_store)
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("6", "tab")  # into the conversation log
        await pilot.pause()
        detail = str(app.screen.query_one("#interaction-detail", Static).render())
        assert "Next step: Draft the RFC" in detail and "m makes it a milestone" in detail
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, GoalPicker)
        await pilot.press("enter")  # the cursor starts on the goal Priya helps with
        await pilot.pause()
        form = app.screen
        assert isinstance(form, NextStepMilestoneForm)
        assert (form.value("title"), form.value("due")) == ("Draft the RFC", "2026-12-01")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen)
        [milestone] = memory_store.list(Milestone)
        assert (milestone.goal_id, milestone.title, milestone.due) == (
            staff.id,
            "Draft the RFC",
            dt.date(2026, 12, 1),
        )
        assert memory_store.get(Interaction, talk.id or 0).milestone_id == milestone.id
        detail = str(app.screen.query_one("#interaction-detail", Static).render())
        assert f"milestone #{milestone.id} on #{staff.id} Become a staff engineer" in detail

        await pilot.press("m")  # the same step again: said, not made twice
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen)
        assert memory_store.count(Milestone) == 1

        await pilot.press("4")  # and the Timeline shows it
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)
        assert "Draft the RFC" in screen_text(app)

        await pilot.press("u")  # one u takes back the milestone and the link
        await pilot.pause()
        assert memory_store.count(Milestone) == 0
        assert memory_store.get(Interaction, talk.id or 0).milestone_id is None
        assert "Draft the RFC" not in screen_text(app)


async def test_escape_in_the_goal_picker_makes_nothing(memory_store: Store, make_app):
    mentor_with_next_step(memory_store)
    app = make_app(memory_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("6", "tab", "m")
        await pilot.pause()
        assert isinstance(app.screen, GoalPicker)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen)
        assert memory_store.count(Milestone) == 0
        assert memory_store.list(Interaction)[0].milestone_id is None


async def test_the_goal_picker_filters_by_words_and_picks_with_enter(memory_store: Store, make_app):
    _, _, talk = mentor_with_next_step(memory_store)
    for title in ("Learn Rust", "Give a talk on tracing", "Ship the billing API"):
        memory_store.add(Goal(title=title))
    app = make_app(memory_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("6", "tab", "m")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, GoalPicker)
        options = picker.query_one("#goal-picker-list", OptionList)
        assert options.option_count == 5

        await pilot.press("slash", *"SHIP")  # words, any case
        await pilot.pause()
        shown = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert [text.split("#")[1] for text in shown] == [
            "1 Ship a side project (short-term)",
            "5 Ship the billing API (short-term)",
        ]
        await pilot.press("space", "b", "i")  # every word must be there
        await pilot.pause()
        assert options.option_count == 1

        await pilot.press("escape")  # empties the filter: every goal again
        await pilot.pause()
        assert isinstance(app.screen, GoalPicker) and options.option_count == 5

        await pilot.press("slash", *"billing", "enter")  # enter picks what is highlighted
        await pilot.pause()
        form = app.screen
        assert isinstance(form, NextStepMilestoneForm)
        assert "#5 Ship the billing API" in str(form.query_one(".dialog-title", Label).render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        [milestone] = memory_store.list(Milestone)
        assert milestone.goal_id == 5
        assert memory_store.get(Interaction, talk.id or 0).milestone_id == milestone.id


async def test_losing_touch_filter_shows_only_the_long_silences(seeded_store: Store, make_app):
    app = make_app(seeded_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("6")
        await pilot.pause()
        assert len(people_rows(app)) == 6
        status = str(app.screen.query_one("#people-status", Static).render())
        assert "1 losing touch" in status
        await pilot.press("f", "f")  # follow-up due, then losing touch
        await pilot.pause()
        assert [row.split(" | ")[0] for row in people_rows(app)] == ["Diego Alvarez"]
        assert "losing touch: 150 days since your last contact" in card(app)
        await pilot.press("f", "t")  # everyone, mentors only
        await pilot.pause()
        assert [row.split(" | ")[0] for row in people_rows(app)] == ["Priya Natarajan"]


async def test_deleting_a_person_asks_takes_their_talks_and_undo_restores(
    memory_store: Store, make_app
):
    _, priya, _ = mentor_with_next_step(memory_store)
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("6", "d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        assert "1 conversation goes" in str(app.screen.query_one(".dialog-detail").render())
        await pilot.press("y")
        await pilot.pause()
        assert memory_store.count(Person) == 0
        assert memory_store.count(Interaction) == 0
        assert people_rows(app) == []
        await pilot.press("u")
        await pilot.pause()
        assert memory_store.get(Person, priya.id or 0).name == "Priya"
        assert memory_store.count(Interaction) == 1
        assert people_rows(app)[0].startswith("Priya")


async def test_after_logging_a_talk_the_card_keeps_every_line(memory_store: Store, make_app):
    memory_store.add(
        Person(
            name="Priya Natarajan",
            role="Principal engineer",
            organisation="Northwind",
            relation=Relation.MENTOR,
            expertise="distributed systems",
            how_met="GopherCon EU hallway track",
            follow_up_days=21,
        )
    )
    app = make_app(memory_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("6")
        await pilot.pause()
        await log_talk(pilot, app, "Coffee chat", "today")
        screen = app.screen
        assert isinstance(screen, PeopleScreen)
        assert screen.focused is screen.log_table  # the talk just logged is selected
        pane = screen.query_one("#person-pane")
        shown = " ".join(
            line[pane.region.x : pane.region.right].strip("│╭╮╰╯─ ┃┏┓┗┛━")
            for line in drawn_screen_lines(app)[pane.region.y : pane.region.bottom]
        )
        for words in ("Rhythm: every 21 days", "last contact 2026-11-24", "Expertise:", "Met:"):
            assert words in shown, shown
