"""Stored text that came from elsewhere (an import, a hand-edited file) is drawn with its
control characters as visible escapes and never read as markup, on every screen; dates to
the end of the calendar draw; a store that cannot be written is a sentence, not the end
of the app."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import pytest

from growthtui.domain.assessment import Feedback, Trait, TraitKind
from growthtui.domain.evidence import Evidence, EvidenceKind
from growthtui.domain.goals import Goal, Milestone
from growthtui.domain.learning import LearningItem
from growthtui.domain.people import Interaction, Person
from growthtui.domain.profile import Profile
from growthtui.store.repository import Store
from growthtui.ui.app import GrowthApp, _write_crash_report
from growthtui.ui.glyphs import UNICODE
from growthtui.ui.screens.help import HelpScreen
from growthtui.ui.screens.timeline_rows import GoalBars
from growthtui.ui.screens.timeline_text import goal_summary, milestone_summary

from .conftest import TODAY
from .drawn import drawn_lines, screen_text

CLIPBOARD = "\x1b]52;c;aGFja2Vk\x07Ship the ledger"
RESET = "Reset \x1bc the screen"
CLEAR = "Clear \x1b[2J it"
REVERSED = "Flip \u202eit around"
MARKUP = "Use [b]bold[/b] and [/] as typed"


def hostile_store(store: Store) -> Store:
    goal = store.add(Goal(title=CLIPBOARD, due=dt.date(2027, 1, 31)))
    store.add(Goal(title=RESET, due=dt.date(2027, 3, 1), parent_id=goal.id))
    store.add(Goal(title=REVERSED, due=dt.date(9999, 12, 31)))
    store.add(Goal(title=MARKUP, due=dt.date(2027, 2, 1)))
    store.add(Milestone(goal_id=goal.id or 0, title=CLEAR, due=TODAY + dt.timedelta(days=3)))
    store.add(Milestone(goal_id=goal.id or 0, title=MARKUP, due=dt.date(9999, 12, 31)))
    person = store.add(Person(name="Eve [/] \x1b]52;c;x", expertise=CLEAR, follow_up_days=7))
    store.add(Interaction(person_id=person.id or 0, date=TODAY, summary=RESET, advice=CLIPBOARD))
    store.add(Trait(kind=TraitKind.STRENGTH, title=REVERSED, notes=CLEAR))
    store.add(Feedback(date=TODAY, giver=MARKUP, text=CLIPBOARD))
    store.add(Evidence(date=TODAY, text=RESET, kind=EvidenceKind.FEEDBACK))
    store.add(LearningItem(title=CLIPBOARD, notes=MARKUP))
    store.save_profile(Profile(name=RESET, vision=CLIPBOARD))
    return store


def assert_clean(app: GrowthApp) -> None:
    """Nothing on screen is a control character or a direction override."""
    for line in drawn_lines(app):
        bad = [c for c in line.plain if ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F or c == "\u202e"]
        assert not bad, (bad, line.plain)


async def test_every_screen_shows_stored_controls_as_escapes(memory_store: Store, make_app):
    app = make_app(hostile_store(memory_store))
    async with app.run_test(size=(120, 40)) as pilot:
        seen = ""
        for keys in ("1", "2", "3", "4", "v", "5", "6", "tab", "7"):
            await pilot.press(*keys)
            await pilot.pause()
            assert_clean(app)
            seen += screen_text(app)
        await pilot.press("3", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert_clean(app)
    assert "\\x1b]52;c;aGFja2Vk\\x07Ship" in seen
    assert "\\x1bc the screen" in seen
    assert "\\x1b[2J it" in seen
    assert "Flip \\u202eit around" in seen
    assert "Use [b]bold[/b] and [/] as typed" in seen  # never read as markup
    assert "Eve [/] \\x1b]52;c;x" in seen  # the card's title too
    assert app.return_code in (None, 0)


async def test_a_notification_quoting_a_title_shows_it_as_written(memory_store: Store, make_app):
    memory_store.add(LearningItem(title=MARKUP + " " + CLIPBOARD))
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("5", "space")  # done: "'…' done on …"
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("[b]bold[/b] and [/]" in m and "\\x1b]52" in m for m in messages), messages
        await pilot.pause()
        assert "Use [b]bold[/b] and [/] as typed" in screen_text(app)  # the toast, as written
        assert_clean(app)
    assert app.return_code in (None, 0)


async def test_a_goal_due_on_the_last_day_of_the_calendar_draws_as_a_bar(
    memory_store: Store, make_app
):
    goal = memory_store.add(Goal(title="Forever", due=dt.date(9999, 12, 31)))
    memory_store.add(Milestone(goal_id=goal.id or 0, title="The end", due=dt.date(9999, 12, 31)))
    memory_store.add(Goal(title="Since year one", start=dt.date(1, 1, 1), due=TODAY))
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("4", "v", "z", *"]" * 40, "end", "z", *"[" * 40, "t")
        await pilot.pause()
        text = screen_text(app)
        assert "Forever" in text and "Since year one" in text
        await pilot.press("v", "G")  # the list, at its last row: December 9999
        await pilot.pause()
        assert "December 9999" in screen_text(app)
    assert app.return_code in (None, 0)


async def test_a_store_that_cannot_be_written_is_a_sentence_not_the_end(store_path: Path, make_app):
    store = Store.open(store_path, today=lambda: TODAY)
    store.add(Goal(title="Ship it", due=dt.date(2027, 1, 31)))
    app = make_app(store)
    lock = store_path.with_name(store_path.name + ".lock")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        if lock.exists():
            lock.unlink()
        lock.mkdir()  # the lock file cannot be opened (as root too)
        await pilot.press("space")  # achieved: asks why, then saves
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("not saved" in m or "cannot" in m for m in messages), messages
        assert app.is_running
        lock.rmdir()
        await pilot.press("space")  # the same key works once the file can be written
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
    assert Store.open(store_path, today=lambda: TODAY).list(Goal)[0].status.value == "achieved"


async def test_a_store_corrupted_under_the_app_then_w_keeps_the_app_and_the_form(
    store_path: Path, make_app
):
    store = Store.open(store_path, today=lambda: TODAY)
    store.add(Goal(title="Ship it", due=dt.date(2027, 1, 31)))
    app = make_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        store_path.write_text("{ not json", encoding="utf-8")
        await pilot.press("w", *"Shipped the ledger", "ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert app.is_running
        shown = screen_text(app) + " ".join(n.message for n in app._notifications)
        assert "Shipped the ledger" in shown  # the form (and what was typed) is still there
        assert store_path.read_text(encoding="utf-8") == "{ not json"  # never overwritten


def test_the_crash_report_is_its_owners_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    state = tmp_path / "state"
    monkeypatch.setenv("XDG_STATE_HOME", str(state))
    monkeypatch.setattr(os, "umask", os.umask)  # restored by monkeypatch
    old = os.umask(0)
    try:
        path = _write_crash_report(RuntimeError("boom"))
    finally:
        os.umask(old)
    assert path is not None and path.is_file()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    for folder in (path.parent, state):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    assert "RuntimeError: boom" in path.read_text()


@pytest.mark.parametrize(
    ("key", "record", "drawn"),
    [
        ("2", Feedback(date=TODAY, giver="Bo\rb", text="Ring\x07 the bell"), "Ring\\x07 the bell"),
        ("2", Feedback(date=TODAY, giver="Bo\rb", text="Ring the bell"), "Bo\\x0db"),
        ("5", LearningItem(title="Ring\x07 the bell"), "Ring\\x07 the bell"),
        ("6", Person(name="Ring\x07 the bell"), "Ring\\x07 the bell"),
    ],
)
async def test_a_bell_or_carriage_return_in_a_table_cell_is_shown_as_an_escape(
    memory_store: Store,
    make_app,
    key: str,
    record: Feedback | LearningItem | Person,
    drawn: str,
):
    """BEL, BS, VT, FF and CR were dropped without a trace from the rows these screens
    style (Rich's Text drops them when made from a str), where every other control
    character shows as its escape: the row must say what the record holds."""
    memory_store.add(record)
    app = make_app(memory_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(key)
        await pilot.pause()
        assert_clean(app)
        quoting = [line for line in screen_text(app).splitlines() if "the bell" in line]
        assert quoting
        for line in quoting:  # the row, and every other place that quotes it
            assert drawn in line, line


def test_the_timeline_s_summary_lines_show_a_stored_bell_as_an_escape() -> None:
    goal = Goal(id=1, title="Goal\x07 one", due=dt.date(2027, 1, 31))
    step = Milestone(id=2, goal_id=1, title="Step\x07 two", notes="Note\r three", due=TODAY)
    about_step = milestone_summary(step, goal, TODAY, UNICODE, "red").plain
    about_goal = goal_summary(goal, [step], TODAY, UNICODE, "red").plain
    assert "Step\\x07 two" in about_step
    assert "#1 Goal\\x07 one (short-term)" in about_step
    assert "Note\\x0d three" in about_step
    assert "#1 Goal\\x07 one" in about_goal
    assert "next: Step\\x07 two" in about_goal


def test_a_timeline_bar_s_label_shows_a_stored_bell_as_an_escape() -> None:
    goal = Goal(id=1, title="Goal\x07 one", due=dt.date(2027, 1, 31))
    (bar,) = GoalBars().build([(goal, "")], {}, lambda _id: None, TODAY, UNICODE, "red")
    assert bar.label.plain == "Goal\\x07 one"


async def test_the_dashboard_shows_a_stored_bell_as_an_escape(memory_store: Store, make_app):
    """The Dashboard styles its late milestones, its follow-ups and the profile's lines
    (Rich's Text drops BEL and CR when made from a str): each must show what is stored."""
    memory_store.add(Profile(name="Ann\x07 Bell", role="Lead\r dev", vision="Ring\x07 it"))
    goal = memory_store.add(Goal(title="Ship it", due=TODAY + dt.timedelta(days=90)))
    memory_store.add(
        Milestone(goal_id=goal.id, title="Late\x07 step", due=TODAY - dt.timedelta(days=3))
    )
    memory_store.add(Person(name="Bo\x07 Peer", follow_up_days=1))
    app = make_app(memory_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert_clean(app)
        shown = screen_text(app)
        for escaped in ("Ann\\x07 Bell", "Lead\\x0d dev", "Ring\\x07 it", "Late\\x07 step"):
            assert escaped in shown, escaped
        assert "Bo\\x07 Peer" in shown
