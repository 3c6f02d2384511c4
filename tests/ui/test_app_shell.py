"""The shell around the areas: number keys, help from the live bindings, the palette,
the theme remembered, another session's writes showing up, first run."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

from textual.binding import Binding
from textual.widgets import Static

from growthtui.domain.goals import Goal, Milestone
from growthtui.settings import Settings, load_settings
from growthtui.store.repository import Store
from growthtui.ui.app import GrowthApp
from growthtui.ui.areas import AREAS
from growthtui.ui.commands import GrowthCommands, palette_commands
from growthtui.ui.glyphs import UNICODE
from growthtui.ui.screens.base import AreaScreen
from growthtui.ui.screens.goal_form import GoalForm
from growthtui.ui.screens.goals import GoalsScreen
from growthtui.ui.screens.help import HelpScreen
from growthtui.ui.screens.registry import AREA_SCREEN_CLASSES
from growthtui.ui.widgets.area_tabs import AreaTabs
from growthtui.ui.widgets.form import FormField
from growthtui.ui.widgets.record_table import RecordTable

from .drawn import screen_text

TODAY = dt.date(2026, 11, 24)


async def test_number_keys_switch_areas_and_the_name_is_always_shown(seeded_store: Store, make_app):
    app = make_app(seeded_store)
    async with app.run_test(size=(100, 30)) as pilot:
        for area in [*AREAS[1:], AREAS[0]]:
            await pilot.press(area.key)
            await pilot.pause()
            assert isinstance(app.screen, AreaScreen)
            assert area.mode == app.screen.MODE
            tabs = app.screen.query_one(AreaTabs).render()
            assert area.title in tabs.plain
            current = [span for span in tabs.spans if "reverse" in str(span.style)]
            assert tabs.plain[current[0].start : current[0].end].strip().endswith(area.title)


async def test_number_keys_type_digits_in_a_form_instead_of_switching(
    memory_store: Store, make_app
):
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3", "n")
        await pilot.pause()
        await pilot.press(*"Run 5k")
        await pilot.pause()
        assert isinstance(app.screen, GoalForm)
        assert app.screen.query_one("#field-title", FormField).value() == "Run 5k"


async def test_help_lists_the_live_keys_of_the_screen_with_their_ids(seeded_store: Store, make_app):
    app = make_app(seeded_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = {(keys, what, ident) for _, keys, what, ident in app.screen.rows}
        assert ("n", "New", "goals.new") in rows
        assert any(ident == "goals.delete" and keys == "d" for keys, _, ident in rows)
        assert any(ident == "app.quit" for _, _, ident in rows)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)


async def test_help_shows_a_rebound_key(seeded_store: Store, make_app):
    app = make_app(seeded_store)
    async with app.run_test(size=(100, 30)) as pilot:
        app.set_keymap({"goals.new": "a"})
        await pilot.press("3", "question_mark")
        await pilot.pause()
        rows = {ident: keys for _, keys, _, ident in app.screen.rows}
        assert rows["goals.new"] == "a"
        await pilot.press("escape", "a")
        await pilot.pause()
        assert isinstance(app.screen, GoalForm)


def test_every_key_action_of_every_area_is_in_the_palette():
    names = {(c.mode, c.action) for c in palette_commands()}
    for binding in GrowthApp.BINDINGS:
        assert isinstance(binding, Binding)
        assert (None, binding.action) in names
    for mode, screen_class in AREA_SCREEN_CLASSES.items():
        for binding in screen_class.__dict__.get("BINDINGS", []):
            assert isinstance(binding, Binding)
            assert (mode, binding.action) in names, f"{mode}: {binding.action} not in palette"


def test_every_binding_has_an_id_and_a_description():
    classes: list[type] = [GrowthApp, *AREA_SCREEN_CLASSES.values()]
    for owner in classes:
        for binding in owner.__dict__.get("BINDINGS", []):
            assert isinstance(binding, Binding)
            assert binding.id, f"{owner.__name__}: {binding.key} has no id"
            assert binding.description, f"{owner.__name__}: {binding.key} has no description"


def test_palette_names_read_area_colon_verb():
    for command in palette_commands():
        area, _, verb = command.name.partition(": ")
        assert area and verb and command.name == command.name.lower(), command.name


async def test_a_palette_command_runs_in_its_area(seeded_store: Store, make_app):
    app = make_app(seeded_store)
    async with app.run_test(size=(100, 30)) as pilot:
        provider = GrowthCommands(app.screen)
        hits = [hit async for hit in provider.search("goals: new")]
        best = max(hits, key=lambda h: h.score)
        assert best.text == "goals: new"
        best.command()
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, GoalForm)


async def test_the_chosen_theme_is_remembered_in_the_settings_file(
    memory_store: Store, tmp_path: Path
):
    settings = Settings(path=tmp_path / "config.toml")
    app = GrowthApp(memory_store, settings, today=lambda: TODAY, glyphs=UNICODE, poll=False)
    async with app.run_test(size=(100, 30)) as pilot:
        app.theme = "nord"
        await pilot.pause()
    assert load_settings(tmp_path / "config.toml").theme == "nord"
    again = GrowthApp(
        memory_store,
        load_settings(tmp_path / "config.toml"),
        today=lambda: TODAY,
        glyphs=UNICODE,
        poll=False,
    )
    async with again.run_test(size=(100, 30)):
        assert again.theme == "nord"


async def test_an_unknown_theme_in_settings_is_said_not_fatal(memory_store: Store):
    app = GrowthApp(memory_store, Settings(theme="no-such-theme"), today=lambda: TODAY, poll=False)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("no-such-theme" in m for m in messages)
        assert app.theme in app.available_themes


async def test_first_run_shows_a_guide_not_a_blank_screen(memory_store: Store, make_app):
    app = make_app(memory_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        guide = app.screen.query_one("#first-run", Static)
        assert guide.display
        text = screen_text(app)
        assert "assess yourself" in text and "first SMART goal" in text


async def test_another_session_adding_a_goal_shows_up(store_path: Path, make_app):
    store = Store.open(store_path, today=lambda: TODAY)
    store.add(Goal(title="Already here"))
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        table = app.screen.query_one("#goals-table", RecordTable)
        assert len(table.row_keys()) == 1
        # a second process (another SSH session, or `growthtui add` in another shell)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "growthtui",
                "--data",
                str(store_path),
                "add",
                "goal",
                "Added elsewhere",
            ],
            check=True,
            capture_output=True,
        )
        app.check_for_outside_changes()  # what the app's 1-second poll does
        await pilot.pause()
        titles = [str(table.get_row(k)[0]) for k in table.row_keys()]
        assert "Added elsewhere" in titles


async def test_an_outside_change_does_not_disturb_a_form_being_edited(store_path: Path, make_app):
    store = Store.open(store_path, today=lambda: TODAY)
    goal = store.add(Goal(title="Learn Go", due=dt.date(2027, 3, 1)))
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.show_goal(goal.id or 0)
        await pilot.press("e")
        await pilot.pause()
        title = app.screen.query_one("#field-title", FormField).control
        title.value = "Learn Go properly"
        other = Store.open(store_path, today=lambda: TODAY)
        other.add(Milestone(goal_id=goal.id or 0, title="Tour of Go", due=dt.date(2026, 12, 1)))
        other.update(goal.edit(notes="note from the other session"), base=goal)
        app.check_for_outside_changes()
        await pilot.pause()
        assert isinstance(app.screen, GoalForm)
        assert app.screen.query_one("#field-title", FormField).value() == "Learn Go properly"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")  # no reason given
        await pilot.pause()
    saved = Store.open(store_path).get(Goal, goal.id or 0)
    # both sessions' edits are kept: the title from the form, the notes from the other
    assert (saved.title, saved.notes) == ("Learn Go properly", "note from the other session")


async def test_palette_search_for_every_area_shows_commands_with_their_keys(
    seeded_store: Store, make_app
):
    app = make_app(seeded_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        for area in AREAS:
            await pilot.press(*f"{area.title.lower()}:")
            await pilot.pause()
            await pilot.press(*(["backspace"] * (len(area.title) + 1)))
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AreaScreen)
        provider = GrowthCommands(app.screen)
        hits = [hit async for hit in provider.search("goals: filter")]
        assert any("(/)" in str(hit.help) for hit in hits)


def test_an_error_while_the_app_is_leaving_is_not_reported_as_a_crash(
    seeded_store: Store, make_app, tmp_path: Path
) -> None:
    """After q or a hang-up, a screen caught half-built by the exit may fail to find its
    widgets; every change is already saved, so that is not a crash to report. An error
    before that is one: a sentence for the person and a crash log."""
    import platformdirs

    crash_log = Path(platformdirs.user_state_dir("growthtui", appauthor=False)) / "crash.log"
    leaving = make_app(seeded_store)
    assert not leaving.is_headless  # not running: the real handler, not the test one
    leaving.exit()
    assert leaving.handle_uncaught(RuntimeError("no #table-reviews"))
    assert leaving.crash_message is None
    assert not crash_log.exists()

    running = make_app(seeded_store)
    assert running.handle_uncaught(RuntimeError("a real bug"))
    assert running.crash_message is not None and "a real bug" in running.crash_message
    assert "a real bug" in crash_log.read_text()


async def _import_from_palette(app: GrowthApp, pilot, path: Path) -> list[str]:
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*"import")
    await app.workers.wait_for_complete()  # the palette's search has listed its hits
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press(*str(path), "enter")
    await pilot.pause()
    return [str(n.message) for n in app._notifications]


async def test_the_palette_imports_a_taskwarrior_export_by_its_content(
    memory_store: Store, make_app, tmp_path: Path
) -> None:
    path = tmp_path / "tasks.json"  # named .json, as `task export > tasks.json` makes it
    path.write_text(
        '{"uuid": "a-1", "description": "Write the RFC", "status": "pending", '
        '"entry": "20261120T000000Z"}\n'
    )
    app = make_app(memory_store)
    async with app.run_test(size=(120, 40)) as pilot:
        said = await _import_from_palette(app, pilot, path)
    assert said == ["imported tasks.json (taskwarrior): 1 added, 0 updated, 0 unchanged"]
    assert [g.title for g in memory_store.list(Goal)] == ["Write the RFC"]


async def test_the_palette_imports_a_growthtui_export(
    seeded_store: Store, memory_store: Store, make_app, tmp_path: Path
) -> None:
    from growthtui.interop.formats import export_text

    path = tmp_path / "growth.json"
    path.write_text(export_text(seeded_store, "json", TODAY))
    app = make_app(memory_store)
    async with app.run_test(size=(120, 40)) as pilot:
        said = await _import_from_palette(app, pilot, path)
    assert len(said) == 1 and said[0].startswith("imported growth.json (json): ")
    assert memory_store.count(Goal) == seeded_store.count(Goal) > 0
