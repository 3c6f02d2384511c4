"""Counts read in plain English: "1 person", "3 people", "1 item", "1 milestone"."""

from __future__ import annotations

import datetime as dt

from growthtui.domain.goals import Goal, Milestone
from growthtui.domain.kinds import Relation
from growthtui.domain.learning import LearningItem
from growthtui.domain.people import Person
from growthtui.store.repository import Store

from .drawn import screen_text


async def test_counts_in_the_areas_read_as_english(memory_store: Store, make_app):
    memory_store.add(Person(name="Priya", relation=Relation.MENTOR))
    goal = memory_store.add(Goal(title="Ship it", due=dt.date(2027, 6, 1)))
    memory_store.add(Milestone(goal_id=goal.id or 0, title="Draft", due=dt.date(2026, 12, 1)))
    memory_store.add(LearningItem(title="Designing Data-Intensive Applications"))
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("6")
        await pilot.pause()
        text = screen_text(app)
        assert "1 person · 0 due" in text and "everyone" not in text
        await pilot.press("t")  # the relation filter: mentors
        await pilot.pause()
        assert "1 mentor · 0 due" in screen_text(app)
        await pilot.press("t", "f")  # sponsors, with a follow-up due
        await pilot.pause()
        assert "0 sponsors with a follow-up due" in screen_text(app)
        await pilot.press("5")
        await pilot.pause()
        assert "1 item · all" in screen_text(app)
        await pilot.press("4")
        await pilot.pause()
        assert "1 milestone (all)" in screen_text(app)
        await pilot.press("k")  # the month heading
        await pilot.pause()
        assert "1 milestone: 0 done" in screen_text(app)
        memory_store.add(Person(name="Sam"))
        memory_store.add(Person(name="Lena"))
        app.data_changed()
        await pilot.press("6", "t", "t", "t", "t", "f", "f")  # back to everyone
        await pilot.pause()
        assert "3 people · 0 due" in screen_text(app)
