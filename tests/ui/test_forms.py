"""Forms and dialogs: keys sent in one burst land where they were typed for, choices change
in place, typed text is checked, stored text is shown safely, a refusal of the store keeps
the form open, long text goes to the person's editor, and dates get a second look.

Each test acts as a person would (keys, often all at once as SSH delivers them), then
looks at what the store holds and what the screen shows.
"""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from growthtui.domain.goals import CheckIn, Goal, Milestone
from growthtui.domain.kinds import Horizon
from growthtui.domain.profile import Profile
from growthtui.store.errors import StoreWriteFailed
from growthtui.store.repository import Store
from growthtui.ui.screens.confirm import ConfirmModal
from growthtui.ui.screens.goal_form import GoalForm
from growthtui.ui.screens.goals import GoalsScreen
from growthtui.ui.screens.profile_form import ProfileForm
from growthtui.ui.screens.progress_forms import CheckInForm, MilestoneForm
from growthtui.ui.screens.prompt import PromptModal
from growthtui.ui.widgets.choice_field import ChoiceField
from growthtui.ui.widgets.form import FormField
from growthtui.ui.widgets.long_text import LongText, edit_text, editor_command
from growthtui.ui.widgets.record_table import RecordTable
from tests.ui.screen_lines import screen_lines, send_burst, settle

TODAY = dt.date(2026, 11, 24)
HOSTILE = "Evil \x1b]52;c;cm0gLXJmIH4=\x07 title"


def field(app, name: str) -> FormField:  # type: ignore[no-untyped-def]
    return app.screen.query_one(f"#field-{name}", FormField)


def selected_key(app) -> str | None:  # type: ignore[no-untyped-def]
    return app.screen.query_one("#goals-table", RecordTable).current_key


async def open_goals(pilot, app) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("3")
    await settle(pilot)
    assert isinstance(app.screen, GoalsScreen)


def one_goal(store: Store, **fields: object) -> Goal:
    return store.add(Goal(title="Write the RFC", **fields))  # type: ignore[arg-type]


# -- keys in one burst ---------------------------------------------------------------------
async def test_a_burst_fills_the_goal_form_and_the_horizon_choice(memory_store: Store, make_app):
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_goals(pilot, app)
        send_burst(app, "n", *"Burst title", "tab", "enter", "down", "down", "enter", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, GoalsScreen)
        [goal] = memory_store.list(Goal)
        assert (goal.title, goal.horizon) == ("Burst title", Horizon.LONG)
        # back on the list, on the goal just saved, which the list and the detail show
        assert app.focused is app.screen.query_one("#goals-table", RecordTable)
        assert selected_key(app) == str(goal.id)
        assert any("Burst title" in line for line in screen_lines(app))


async def test_keys_typed_after_d_answer_the_delete_question(memory_store: Store, make_app):
    keep = one_goal(memory_store)
    gone = memory_store.add(Goal(title="Side project"))
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_goals(pilot, app)
        app.screen.select_goal(gone.id or 0)
        send_burst(app, "d", "y")
        await settle(pilot)
        assert [g.id for g in memory_store.list(Goal)] == [keep.id]
        assert isinstance(app.screen, GoalsScreen)
        assert app.focused is app.screen.query_one("#goals-table", RecordTable)
        assert selected_key(app) == str(keep.id)


async def test_enter_moves_on_before_the_keys_typed_after_it(memory_store: Store, make_app):
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_goals(pilot, app)
        # title, enter, then (past horizon and parent, each a tab) the "what exactly"
        send_burst(app, "n", *"Talk", "enter", "tab", "tab", *"Give a talk at a meetup")
        send_burst(app, "ctrl+s")
        await settle(pilot)
        [goal] = memory_store.list(Goal)
        assert (goal.title, goal.specific) == ("Talk", "Give a talk at a meetup")


async def test_a_reason_typed_right_after_ctrl_s_goes_to_the_reason(memory_store: Store, make_app):
    goal = one_goal(memory_store, due=dt.date(2027, 3, 1))
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_goals(pilot, app)
        await pilot.press("e")
        await settle(pilot)
        due = field(app, "due").control
        assert isinstance(due, Input)
        due.value = "2027-06-30"
        due.focus()
        await pilot.pause()
        send_burst(app, "ctrl+s", *"exam moved", "enter", "j")
        await settle(pilot)
        assert isinstance(app.screen, GoalsScreen)
    stored = memory_store.get(Goal, goal.id or 0)
    assert stored.title == "Write the RFC"  # nothing typed into the title meanwhile
    assert (stored.due, stored.history[-1].reason) == (dt.date(2027, 6, 30), "exam moved")


async def test_escape_then_y_discards_what_was_typed(memory_store: Store, make_app):
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_goals(pilot, app)
        send_burst(app, "n", *"Half a thought", "escape", "y")
        await settle(pilot)
        assert isinstance(app.screen, GoalsScreen)
        assert memory_store.count(Goal) == 0


async def test_space_then_a_reason_marks_the_selected_goal_achieved(memory_store: Store, make_app):
    goal = one_goal(memory_store)
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_goals(pilot, app)
        send_burst(app, "space", *"merged", "enter")
        await settle(pilot)
        stored = memory_store.get(Goal, goal.id or 0)
        assert stored.status.value == "achieved"
        assert stored.history[-1].reason == "merged"


# -- choices -------------------------------------------------------------------------------
async def test_a_choice_shows_every_option_and_keys_change_it_at_once(
    memory_store: Store, make_app
):
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_goals(pilot, app)
        await pilot.press("n", "tab")
        await settle(pilot)
        horizon = field(app, "horizon").control
        assert isinstance(horizon, ChoiceField) and app.focused is horizon
        shown = "\n".join(screen_lines(app))
        for label in ("short (3–6 months)", "medium (1–3 years)", "long (5–10 years)"):
            assert label in shown
        await pilot.press("end")
        assert horizon.value == "long"
        await pilot.press("up")
        assert horizon.value == "medium"
        await pilot.press("s")  # a letter picks the option it starts
        assert horizon.value == "short"
        await pilot.press("enter", "right")  # enter keeps the choice; right moves on
        assert horizon.value == "medium"
        assert "(•) medium" in "\n".join(screen_lines(app))


async def test_letters_typed_in_a_row_pick_the_option_they_start(memory_store: Store, make_app):
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2", "n")
        await settle(pilot)
        source = field(app, "source").control
        assert isinstance(source, ChoiceField)
        source.focus()
        await pilot.pause()
        send_burst(app, *"sup")
        await settle(pilot)
        assert source.value == "supervisor"


# -- typed and stored text -----------------------------------------------------------------
async def test_control_characters_typed_are_refused_next_to_the_field(
    memory_store: Store, make_app
):
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_goals(pilot, app)
        await pilot.press("n")
        await settle(pilot)
        title = field(app, "title").control
        assert isinstance(title, Input)
        title.value = HOSTILE  # as a paste would put it there
        notes = field(app, "notes").control
        assert isinstance(notes, LongText)
        notes.text = "fine\nbut \u202e reversed"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, GoalForm)
        assert "control character (\\x1b)" in field(app, "title").error
        assert "control character (\\u202e)" in field(app, "notes").error
        assert memory_store.count(Goal) == 0
        assert all("\x1b" not in line for line in screen_lines(app))


async def test_stored_control_characters_are_shown_as_escapes_and_kept_unless_edited(
    memory_store: Store, make_app
):
    goal = memory_store.add(Goal(title=HOSTILE, notes="from an import"))
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_goals(pilot, app)
        assert all("\x1b" not in line and "\x07" not in line for line in screen_lines(app))
        await pilot.press("e")
        await settle(pilot)
        title = field(app, "title").control
        assert isinstance(title, Input)
        assert title.value == "Evil \\x1b]52;c;cm0gLXJmIH4=\\x07 title"
        assert all("\x1b" not in line for line in screen_lines(app))
        notes = field(app, "notes").control
        assert isinstance(notes, LongText)
        notes.text = "kept the title as it was"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, GoalsScreen)
    stored = memory_store.get(Goal, goal.id or 0)
    assert (stored.title, stored.notes) == (HOSTILE, "kept the title as it was")


async def test_a_store_that_refuses_keeps_the_form_open_with_what_was_typed(
    memory_store: Store, make_app, monkeypatch: pytest.MonkeyPatch
):
    def refuse(record: object) -> object:
        raise StoreWriteFailed(Path("growth.json"), "the file is read-only")

    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_goals(pilot, app)
        monkeypatch.setattr(memory_store, "add", refuse)
        send_burst(app, "n", *"Kept goal", "ctrl+s")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, GoalForm)
        assert form.value("title") == "Kept goal"
        assert "read-only" in form.error_text
        assert any("read-only" in line for line in screen_lines(app))
        monkeypatch.undo()
        await pilot.press("ctrl+s")  # once it is writable again, the same form saves
        await settle(pilot)
        assert [g.title for g in memory_store.list(Goal)] == ["Kept goal"]


# -- long text -----------------------------------------------------------------------------
def editor_script(tmp_path: Path, body: str) -> Path:
    """An $EDITOR that keeps what it was given in `seen.txt` and writes `body` back."""
    script = tmp_path / "editor.sh"
    seen = tmp_path / "seen.txt"
    script.write_text(f'#!/bin/sh\ncp "$1" {seen}\nprintf \'{body}\' > "$1"\n')
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


async def test_ctrl_o_edits_the_plan_in_the_editor_and_reads_it_back(
    memory_store: Store, make_app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    goal = one_goal(memory_store, achievable="first draft")
    monkeypatch.setenv("EDITOR", str(editor_script(tmp_path, "Step one\\nStep two\\n")))
    monkeypatch.delenv("VISUAL", raising=False)
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_goals(pilot, app)
        await pilot.press("e")
        await settle(pilot)
        plan = field(app, "achievable").control
        assert isinstance(plan, LongText)
        plan.focus()
        await pilot.pause()
        assert "ctrl+o" in str(app.screen.query_one("#form-keys", Static).render())
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert plan.text == "Step one\nStep two"
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert (tmp_path / "seen.txt").read_text() == "first draft\n"
    assert memory_store.get(Goal, goal.id or 0).achievable == "Step one\nStep two"


def test_the_editor_gets_a_private_file_which_is_removed_after() -> None:
    seen: list[tuple[Path, str, int]] = []

    def run(argv: list[str]) -> int:
        path = Path(argv[-1])
        seen.append((path, path.read_text(), stat.S_IMODE(path.stat().st_mode)))
        path.write_text("new text\n")
        return 0

    assert edit_text("old text", run, ["ed"]) == "new text"
    [(path, given, mode)] = seen
    assert (given, mode) == ("old text\n", 0o600)
    assert not path.exists()


def test_an_editor_that_fails_leaves_the_text_as_it_was() -> None:
    from growthtui.ui.widgets.long_text import EditorFailed

    with pytest.raises(EditorFailed, match="status 3"):
        edit_text("keep me", lambda _argv: 3, ["false"])
    with pytest.raises(EditorFailed, match="cannot start the editor"):
        edit_text("keep me", lambda _argv: (_ for _ in ()).throw(FileNotFoundError()), ["nope"])


def test_the_editor_is_visual_then_editor_then_vi() -> None:
    assert editor_command({"VISUAL": "code --wait", "EDITOR": "nano"}) == ["code", "--wait"]
    assert editor_command({"EDITOR": "nano"}) == ["nano"]
    assert editor_command({}) == ["vi"]


async def test_the_vision_is_several_lines(memory_store: Store, make_app):
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(ProfileForm())
        await settle(pilot)
        vision = field(app, "vision").control
        assert isinstance(vision, LongText)
        vision.focus()
        await pilot.pause()
        await pilot.press(*"Staff engineer", "enter", *"then principal", "ctrl+s")
        await settle(pilot)
    assert memory_store.profile().vision == "Staff engineer\nthen principal"
    assert isinstance(memory_store.profile(), Profile)


# -- defaults and warnings -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("parent", "proposed"),
    [(Horizon.LONG, Horizon.MEDIUM), (Horizon.MEDIUM, Horizon.SHORT), (Horizon.SHORT, "short")],
)
async def test_a_stepping_stone_proposes_the_next_shorter_horizon(
    memory_store: Store, make_app, parent: Horizon, proposed: str
):
    memory_store.add(Goal(title="The aspiration", horizon=parent))
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_goals(pilot, app)
        send_burst(app, "N", *"A stone", "ctrl+s")
        await settle(pilot)
    stone = memory_store.list(Goal)[-1]
    assert (stone.title, stone.parent_id, stone.horizon.value) == ("A stone", 1, proposed)


async def test_a_due_date_in_the_past_is_pointed_out_and_can_be_saved(
    memory_store: Store, make_app
):
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_goals(pilot, app)
        await pilot.press("n", *"Old win")
        await settle(pilot)
        due = field(app, "due").control
        assert isinstance(due, Input)
        due.focus()
        await pilot.pause()
        await pilot.press(*"2026-01-15")
        await settle(pilot)
        assert "2026-01-15 is in the past" in field(app, "due").warning
        assert any("is in the past" in line for line in screen_lines(app))
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, GoalsScreen)
    assert [(g.title, g.due) for g in memory_store.list(Goal)] == [
        ("Old win", dt.date(2026, 1, 15))
    ]


async def test_a_milestone_due_before_its_goal_starts_is_pointed_out(memory_store: Store, make_app):
    goal = one_goal(memory_store, start=dt.date(2026, 12, 1), due=dt.date(2027, 6, 1))
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(MilestoneForm(goal))
        await settle(pilot)
        await pilot.press(*"Outline")
        due = field(app, "due").control
        assert isinstance(due, Input)
        due.value = "2026-11-30"
        await settle(pilot)
        warning = field(app, "due").warning
        assert "due before #1 Write the RFC starts (2026-12-01)" in warning
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert [m.due for m in memory_store.list(Milestone)] == [dt.date(2026, 11, 30)]


async def test_a_stepping_stone_due_after_its_goal_is_pointed_out(memory_store: Store, make_app):
    memory_store.add(Goal(title="Aspiration", horizon=Horizon.LONG, due=dt.date(2027, 1, 1)))
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_goals(pilot, app)
        await pilot.press("N")
        await settle(pilot)
        due = field(app, "due").control
        assert isinstance(due, Input)
        due.value = "2028-01-01"
        await settle(pilot)
        assert "due after #1 Aspiration is due (2027-01-01)" in field(app, "due").warning


# -- every dialog names its record -----------------------------------------------------------
async def test_every_dialog_names_the_goal_it_acts_on(memory_store: Store, make_app):
    one_goal(memory_store)
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_goals(pilot, app)
        for key, kind in (
            ("c", CheckInForm),
            ("m", MilestoneForm),
            ("e", GoalForm),
            ("d", ConfirmModal),
            ("space", PromptModal),
        ):
            await pilot.press(key)
            await settle(pilot)
            assert isinstance(app.screen, kind)
            assert any("#1 Write the RFC" in line for line in screen_lines(app)), key
            await pilot.press("escape")
            await settle(pilot)
            if isinstance(app.screen, ConfirmModal):  # "discard what you typed?"
                await pilot.press("y")
                await settle(pilot)
            assert isinstance(app.screen, GoalsScreen)
        assert memory_store.count(CheckIn) == 0
