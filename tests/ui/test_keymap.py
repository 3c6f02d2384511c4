"""A person's keymap in the settings file: the keys they chose work, and `?`, the footer and
the palette show them; a mistake in it is one sentence when the app starts, and the rest of
the app keeps its default keys."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from textual.binding import Binding
from textual.pilot import Pilot

from growthtui.domain.goals import Goal, Milestone
from growthtui.settings import load_settings
from growthtui.store.repository import Store
from growthtui.ui.app import GrowthApp
from growthtui.ui.areas import AREAS
from growthtui.ui.glyphs import UNICODE
from growthtui.ui.keymap import binding_places, check_keymap
from growthtui.ui.screens.base import AreaScreen
from growthtui.ui.screens.evidence_form import EvidenceForm
from growthtui.ui.screens.goal_form import GoalForm
from growthtui.ui.screens.goals import GoalsScreen
from growthtui.ui.screens.help import HelpScreen
from growthtui.ui.screens.timeline import TimelineScreen
from growthtui.ui.widgets.form import FormField
from growthtui.ui.widgets.key_footer import KeyFooter
from growthtui.ui.widgets.lane_list import LaneList
from growthtui.ui.widgets.record_table import RecordTable

TODAY = dt.date(2026, 11, 24)
SIZE = (100, 30)


def app_with_config(store: Store, tmp_path: Path, text: str) -> GrowthApp:
    """The app as `growthtui` starts it: settings read from a real file."""
    path = tmp_path / "config" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    settings = load_settings(path)
    return GrowthApp(store, settings, today=lambda: TODAY, glyphs=UNICODE, poll=False)


def footer(app: GrowthApp) -> dict[str, str]:
    """What the footer shows: description → key, as drawn."""
    bar = app.screen.query_one(KeyFooter)
    shown, palette = bar.keys()
    drawn = bar.render().plain
    keys = {key.description: key.display for key in (*shown, *([palette] if palette else []))}
    for description, key in keys.items():
        assert f"{key} {description}" in drawn, drawn
    return keys


def warnings(app: GrowthApp) -> list[str]:
    return [str(n.message) for n in app._notifications if n.severity == "warning"]


async def warnings_said(pilot: Pilot[int], count: int) -> list[str]:
    """The warnings shown, once `count` of them are (notifications are messages the app
    handles in its turn: on a loaded machine one more pause may not be enough), or what
    is shown after many rounds."""
    for _ in range(100):
        said = warnings(pilot.app)  # type: ignore[arg-type]
        if len(said) >= count:
            return said
        await pilot.pause()
    return warnings(pilot.app)  # type: ignore[arg-type]


async def test_a_rebound_key_works_and_the_footer_help_and_palette_show_it(
    memory_store: Store, tmp_path: Path
) -> None:
    app = app_with_config(memory_store, tmp_path, '[keymap]\n"goals.new" = "a"\n')
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("3")
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)
        assert footer(app)["New"] == "a"
        assert app.key_for("goals.new") == "a"  # what the palette lists beside "goals: new"

        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = {ident: keys for _, keys, _, ident in app.screen.rows}
        assert rows["goals.new"] == "a"
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("n")  # the old key no longer makes a goal
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, GoalForm)
        await pilot.press(*"Run a 10k", "ctrl+s")
        await pilot.pause()
    assert [g.title for g in memory_store.list(Goal)] == ["Run a 10k"]
    assert warnings(app) == []


async def test_an_unknown_id_and_a_clash_are_one_sentence_each_and_ignored(
    memory_store: Store, tmp_path: Path
) -> None:
    config = '[keymap]\n"goals.nwe" = "x"\n"goals.edit" = "d"\n"app.log_win" = "ctrl+l"\n'
    app = app_with_config(memory_store, tmp_path, config)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("3")
        said = await warnings_said(pilot, 2)
        assert len(said) == 2, said
        unknown, clash = said
        assert "'goals.nwe'" in unknown and "'goals.new'" in unknown  # names the likely id
        assert "'d'" in clash and "'goals.edit'" in clash and "'goals.delete'" in clash
        for sentence in said:
            assert sentence.count(". ") == 0 and "\n" not in sentence
        # The refused entries changed nothing; the good one applies.
        assert footer(app)["Edit"] == "e" and footer(app)["Delete"] == "d"
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, EvidenceForm)


async def test_a_broken_settings_file_gives_the_default_keys_and_says_so(
    memory_store: Store, tmp_path: Path
) -> None:
    app = app_with_config(memory_store, tmp_path, '[keymap\n"goals.new" = "a"\n')
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("3")
        said = await warnings_said(pilot, 1)
        assert len(said) == 1, said
        assert "config.toml is not valid TOML" in said[0] and "using defaults" in said[0]
        assert footer(app)["New"] == "n"
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, GoalForm)


async def test_a_key_that_forms_would_type_is_refused_and_typing_still_types(
    memory_store: Store, tmp_path: Path
) -> None:
    app = app_with_config(memory_store, tmp_path, '[keymap]\n"form.save" = "s"\n')
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("3", "n")
        (said,) = await warnings_said(pilot, 1)
        assert "'form.save'" in said and "typed" in said
        await pilot.press(*"Speak at a summit")
        await pilot.pause()
        assert isinstance(app.screen, GoalForm)
        assert app.screen.query_one("#field-title", FormField).value() == "Speak at a summit"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert [g.title for g in memory_store.list(Goal)] == ["Speak at a summit"]


async def test_the_timeline_lanes_keys_are_rebindable_without_quotes(
    memory_store: Store, tmp_path: Path
) -> None:
    goal = memory_store.add(Goal(title="Write the RFC"))
    for day, title in ((1, "Outline"), (8, "Draft"), (15, "Review")):
        due = dt.date(2026, 12, day)
        memory_store.add(Milestone(goal_id=goal.id or 0, title=title, due=due))
    # An id written without quotes is a dotted TOML key: it still names the binding.
    app = app_with_config(memory_store, tmp_path, '[keymap]\nlanes.down = "x"\n')
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("4")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        lanes = screen.query_one(LaneList)
        start = lanes.cursor_row
        await pilot.press("x")
        await pilot.pause()
        assert lanes.cursor_row > start
        moved = lanes.cursor_row
        await pilot.press("j")  # the default key is gone
        await pilot.pause()
        assert lanes.cursor_row == moved
        assert warnings(app) == []


def test_a_misspelt_setting_is_named(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('theme = "nord"\n[keymaps]\n"goals.new" = "a"\n', encoding="utf-8")
    settings = load_settings(path)
    assert settings.theme == "nord" and settings.keymap == {}
    assert settings.problems == [
        f"settings {path} has no setting 'keymaps' "
        "(there are: theme, keymap, frame_encoder); ignored"
    ]


async def test_on_every_screen_a_key_its_list_moves_with_is_refused_for_the_screen(
    seeded_store: Store, make_app: Callable[[Store], GrowthApp]
) -> None:
    """The focused list answers its keys before the screen does: rebinding a screen's
    action to one of them would silently do nothing, so it is refused, by name."""
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        for area in AREAS:
            await pilot.press(area.key)
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, AreaScreen)
            focused = screen.focused
            assert focused is not None, area.title
            list_key = next(
                key for key, active in screen.active_bindings.items() if active.node is focused
            )
            action = next(b for b in type(screen).BINDINGS if isinstance(b, Binding) and b.id)
            _, problems = check_keymap({action.id or "": list_key}, binding_places(app))
            assert len(problems) == 1, (area.title, list_key, problems)
            assert f"already taken on the {area.title} screen" in problems[0]


async def test_list_movement_can_be_rebound_on_every_list(seeded_store: Store, make_app):
    """Lists answer their own keys; `list.down` rebinds cursor-down in every area's list."""
    app = make_app(seeded_store)
    app.settings.keymap = {"list.down": "ctrl+n"}
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        table = app.screen.query_one("#goals-table", RecordTable)
        before = table.cursor_row
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert table.cursor_row == before + 1
