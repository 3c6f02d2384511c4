"""Forms and dialogs with stored text that looks like markup, bad input, and a data file
that may not be written: the text is shown as it was typed, a bad value gets one sentence
next to its field, and a refusal of the store keeps the form open on what was typed.

Each test acts as a person would (keys), then looks at the screen and at the store.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import Input

from growthtui.domain.errors import InvalidInput
from growthtui.domain.evidence import Evidence
from growthtui.domain.goals import Goal, Measure, Milestone
from growthtui.domain.kinds import Horizon
from growthtui.domain.people import Person
from growthtui.store.repository import Store
from growthtui.ui.screens.confirm import ConfirmModal
from growthtui.ui.screens.evidence_form import EvidenceForm
from growthtui.ui.screens.goal_form import GoalForm
from growthtui.ui.screens.goal_picker import GoalPicker
from growthtui.ui.screens.goals import GoalsScreen
from growthtui.ui.screens.person_form import PersonForm
from growthtui.ui.screens.progress_forms import CheckInForm, MilestoneForm
from growthtui.ui.widgets.form import FieldSpec, FormField
from tests.ui.screen_lines import screen_lines, send_burst, settle

MARKUP = "x [/] [bold]y"
"""A title that, read as markup, would stop the app ([/] closes nothing) or turn bold."""


def shown(app) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(screen_lines(app))


def field(app, name: str) -> FormField:  # type: ignore[no-untyped-def]
    return app.screen.query_one(f"#field-{name}", FormField)


async def type_into(pilot, app, name: str, text: str) -> None:  # type: ignore[no-untyped-def]
    control = field(app, name).control
    assert isinstance(control, Input)
    control.value = text
    await settle(pilot)


async def open_goals(pilot, app) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("3")
    await settle(pilot)
    assert isinstance(app.screen, GoalsScreen)


async def close(pilot, app) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("escape")
    await settle(pilot)
    assert isinstance(app.screen, GoalsScreen)


# -- stored text that looks like markup ------------------------------------------------------
async def test_a_title_with_markup_shows_as_typed_in_every_dialog_and_form(
    memory_store: Store, make_app
):
    goal = memory_store.add(Goal(title=MARKUP, measure=Measure(metric="score [/]", unit="[b]pts")))
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_goals(pilot, app)

        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmModal)
        assert f"Delete goal #1 {MARKUP}?" in shown(app)
        await pilot.press("n")
        await settle(pilot)
        assert memory_store.count(Goal) == 1

        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, GoalForm)
        assert f"Edit goal #1 {MARKUP}" in shown(app)
        await close(pilot, app)

        await pilot.press("c")  # the check-in's label quotes the goal's metric and unit
        await settle(pilot)
        assert isinstance(app.screen, CheckInForm)
        assert f"Check-in on #1 {MARKUP}" in shown(app)
        assert "Value: score [/] ([b]pts)" in shown(app)
        await close(pilot, app)

        app.push_screen(GoalPicker(f"Which goal, {MARKUP}?", [goal], hint=f"* {MARKUP} helps"))
        await settle(pilot)
        assert isinstance(app.screen, GoalPicker)
        screen = shown(app)
        assert f"Which goal, {MARKUP}?" in screen
        assert f"#1 {MARKUP} (short-term)" in screen
        assert f"* {MARKUP} helps" in screen
        await close(pilot, app)


async def test_markup_in_the_records_a_form_lists_shows_as_typed(memory_store: Store, make_app):
    memory_store.add(Goal(title=MARKUP))
    memory_store.add(Person(name="[red]Ann"))
    evidence = memory_store.add(Evidence(date=dt.date(2026, 11, 20), text=f"Shipped {MARKUP}"))
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(EvidenceForm(evidence))
        await settle(pilot)
        screen = shown(app)
        assert f"Edit evidence #1 Shipped {MARKUP}" in screen
        assert f"#1 {MARKUP}" in screen  # a goal it may speak to
        assert "[red]Ann" in screen  # a person it may name
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert memory_store.get(Evidence, evidence.id or 0).text == f"Shipped {MARKUP}"


async def test_markup_typed_or_stored_shows_as_typed_in_a_field_s_sentence(
    memory_store: Store, make_app
):
    memory_store.add(Goal(title=MARKUP, horizon=Horizon.LONG, due=dt.date(2027, 1, 1)))
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_goals(pilot, app)
        await pilot.press("N")  # a stepping stone toward it
        await settle(pilot)
        await type_into(pilot, app, "due", "2028-01-01")  # after its goal: a second look
        assert f"due after #1 {MARKUP} is due" in field(app, "due").warning
        await type_into(pilot, app, "title", "Speak at a meetup")
        await type_into(pilot, app, "start", "[/] soon")  # not a date: an error
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, GoalForm)
        assert "'[/] soon' is not a date" in field(app, "start").error
        assert "'[/] soon' is not a date" in shown(app)
    assert memory_store.count(Goal) == 1


# -- bad input -------------------------------------------------------------------------------
async def test_bad_input_gets_one_sentence_next_to_its_field_and_the_form_stays_open(
    memory_store: Store, make_app
):
    goal = memory_store.add(Goal(title="Write the RFC"))
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(MilestoneForm(goal))
        await settle(pilot)
        await type_into(pilot, app, "due", "next blue moon")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, MilestoneForm)
        title, due = field(app, "title").error, field(app, "due").error
        assert title and "\n" not in title and "title" in title
        assert due and "\n" not in due and "next blue moon" in due
        # on screen, next to their fields (a long sentence wraps in the dialog)
        assert "the milestone needs a title" in shown(app)
        assert "'next blue moon' is not a date" in shown(app)
        assert memory_store.count(Milestone) == 0

        await type_into(pilot, app, "title", "Outline")
        await type_into(pilot, app, "due", "2026-12-15")
        await pilot.press("ctrl+s")
        await settle(pilot)
    [milestone] = memory_store.list(Milestone)
    assert (milestone.title, milestone.due, milestone.goal_id) == (
        "Outline",
        dt.date(2026, 12, 15),
        goal.id,
    )


async def test_a_number_that_is_not_one_is_named_next_to_its_field(memory_store: Store, make_app):
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_goals(pilot, app)
        send_burst(app, "n", *"Run a 10k")
        await settle(pilot)
        await type_into(pilot, app, "target", "ten")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, GoalForm)
        assert field(app, "target").error == "the target must be a number, like 3 or 72.5"
        assert field(app, "title").error == ""
        assert memory_store.count(Goal) == 0


# -- a data file that may not be written -------------------------------------------------------
async def test_a_read_only_data_file_keeps_the_form_open_with_the_sentence(
    store: Store, store_path: Path, make_app
):
    goal = store.add(Goal(title="Write the RFC"))
    store_path.chmod(0o444)
    before = store_path.read_bytes()
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_goals(pilot, app)
        await pilot.press("e")
        await settle(pilot)
        await type_into(pilot, app, "tags", "writing")
        await pilot.press("ctrl+s")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, GoalForm)
        assert form.value("tags") == "writing"
        assert f"the data file {store_path} is read-only" in form.error_text
        assert "chmod u+w" in shown(app)
        assert store_path.read_bytes() == before

        app.push_screen(PersonForm())  # a new record is refused the same way
        await settle(pilot)
        send_burst(app, *"Priya", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PersonForm)
        assert "is read-only" in app.screen.error_text
        assert store_path.read_bytes() == before

        store_path.chmod(0o644)  # once it may be written, the same forms save
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, GoalForm)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, GoalsScreen)
    assert store.get(Goal, goal.id or 0).tags == ["writing"]
    assert [p.name for p in store.list(Person)] == ["Priya"]


# -- the field specs ---------------------------------------------------------------------------
def test_a_field_spec_reads_what_was_typed_in_the_record_s_type() -> None:
    today = dt.date(2026, 11, 24)
    due = FieldSpec("due", "T — Due", "date", what="due date")
    assert due.read("+1w", today) == dt.date(2026, 12, 1)
    assert due.read("  ", today) is None
    with pytest.raises(InvalidInput, match="the due date"):
        due.read("soon", today)
    with pytest.raises(InvalidInput, match="the date is empty"):
        FieldSpec("on", "Date", "date", required=True).read("", today)
    assert FieldSpec("hours", "Hours", "number", empty=0.0).read("", today) == 0.0
    assert FieldSpec("hours", "Hours", "number").read("2,5", today) == 2.5
    with pytest.raises(InvalidInput, match="not a number of days"):
        FieldSpec("gap", "Gap", "days").read("monthly", today)
    assert FieldSpec("tags", "Tags", "tags").read(" a, ,b ", today) == ["a", "b"]
    assert FieldSpec("tags", "Tags", "tags").text(["a", "b"]) == "a, b"
    assert FieldSpec("due", "Due", "date").text(dt.date(2026, 1, 2)) == "2026-01-02"


async def test_a_form_opened_on_a_data_file_that_cannot_be_read_closes_with_the_sentence(
    store: Store, store_path: Path, make_app
):
    """The data file is broken while the app is open, then `w`: the form cannot list the
    goals it offers. It closes at once and says why, instead of staying open with no
    fields, where ctrl+s stopped the app (it found no place for its sentence)."""
    store.add(Goal(title="Write the RFC"))
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_goals(pilot, app)
        store_path.write_text('{"goals": {"1": {"title": ')
        app.check_for_outside_changes()
        await settle(pilot)
        app.clear_notifications()
        await pilot.press("w")
        await settle(pilot)
        assert not isinstance(app.screen, EvidenceForm)
        said = [str(n.message) for n in app._notifications]
        assert len(said) == 1
        assert f"cannot read the data file {store_path}: it is not valid JSON" in said[0]
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.is_running
        assert isinstance(app.screen, GoalsScreen)

        await pilot.press("n")  # a new goal offers the goals as parents: the same
        await settle(pilot)
        assert not isinstance(app.screen, GoalForm)
        assert app.is_running
    assert store_path.read_text() == '{"goals": {"1": {"title": '
