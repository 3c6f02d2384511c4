"""First run and empty states: every empty panel says which key fills it, the welcome
checklist stays until each of its steps is done (ticking them off), and no review is said
to be due before there is a goal to review."""

from __future__ import annotations

import datetime as dt

from growthtui.domain.assessment import Trait, TraitKind
from growthtui.domain.evidence import Evidence
from growthtui.domain.goals import Goal, Milestone
from growthtui.domain.profile import Profile
from growthtui.store.repository import Store

from .conftest import TODAY
from .drawn import screen_text


async def test_an_empty_store_says_which_key_fills_each_area(memory_store: Store, make_app):
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Welcome to growthtui" in text
        assert "review due" not in text and "first review" not in text  # no nag yet
        await pilot.press("4")
        await pilot.pause()
        assert "No milestones yet — press 3, then n to set a goal" in screen_text(app)
        await pilot.press("2")
        await pilot.pause()
        text = screen_text(app)
        assert "No strengths yet — n adds one" in text
        assert "No feedback yet — n here, or w" in text  # wrapped at a word
        await pilot.press("6")
        await pilot.pause()
        assert "press n to add" in screen_text(app).lower().replace("\n", " ")


async def test_the_checklist_stays_and_ticks_off_each_step_until_all_are_done(
    memory_store: Store, make_app
):
    memory_store.add(Goal(title="Give a conference talk", due=dt.date(2027, 6, 1)))
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Getting started: 1 of 5" in text
        assert "✓ 3 n a first SMART goal" in text
        assert "· p   profile and vision" in text
        # The goal is there beside the checklist, with what fills the empty panels.
        assert "Give a conference talk" in text
        assert "No milestones yet — press 3, then m on a goal" in text

        memory_store.save_profile(Profile(name="Alex", vision="Staff engineer"))
        memory_store.add(Trait(kind=TraitKind.STRENGTH, title="Debugging"))
        goal = memory_store.list(Goal)[0]
        memory_store.add(Milestone(goal_id=goal.id or 0, title="Submit the CFP", due=TODAY))
        app.data_changed()
        await pilot.pause()
        text = screen_text(app)
        assert "Getting started: 4 of 5" in text
        assert "· w   log a win" in text

        memory_store.add(Evidence(date=TODAY, text="Shipped the ledger"))
        app.data_changed()
        await pilot.pause()
        text = screen_text(app)
        assert "Getting started" not in text
        assert "Skills: level → target" in text  # the panel the checklist stood in


async def test_no_review_is_due_before_there_is_a_goal_to_review(memory_store: Store, make_app):
    memory_store.save_profile(Profile(name="Alex"))
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Getting started" in text
        assert "quarterly review" not in text.lower()
        await pilot.press("7")
        await pilot.pause()
        text = screen_text(app)
        assert "No active goal to review yet: set one in Goals (3, then n)" in text
        assert "review yet: start your first one" not in text
        await pilot.press("1")
        await pilot.pause()
        memory_store.add(Goal(title="Give a conference talk", due=dt.date(2027, 6, 1)))
        app.data_changed()
        await pilot.pause()
        assert "quarterly review" in screen_text(app).lower()
