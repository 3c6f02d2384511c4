"""Rating a skill adds to its history; nothing a person rated before is lost."""

from __future__ import annotations

import asyncio
import datetime as dt

from growthtui.domain.assessment import Skill, SkillRating, Source
from growthtui.store.repository import Store
from growthtui.ui.screens.skill_rating_form import RateSkillForm
from growthtui.ui.widgets.choice_field import ChoiceField
from tests.ui.conftest import TODAY


async def _rate(app, pilot, skill: Skill, level_key: str, note: str, date: str = "") -> list:  # type: ignore[no-untyped-def]
    results: list[Skill | None] = []
    app.push_screen(RateSkillForm(skill), results.append)
    await pilot.pause()
    await pilot.press("enter", level_key, "enter")  # open the level menu, pick by typing
    await pilot.press("tab", "tab")  # source → note
    await pilot.press(*note)
    if date:
        await pilot.press("tab", "ctrl+a", "ctrl+k", *date)
    await pilot.press("ctrl+s")
    await pilot.pause()
    return results


def test_rating_twice_gives_a_two_point_history(memory_store: Store, make_app) -> None:  # type: ignore[no-untyped-def]
    async def scenario() -> None:
        skill = memory_store.add(Skill(name="System design", target_level=4))
        app = make_app(memory_store)
        async with app.run_test(size=(100, 30)) as pilot:
            first = await _rate(app, pilot, skill, "2", "first design review", "2026-06-01")
            assert first and first[0] is not None and first[0].level == 2
            second = await _rate(app, pilot, first[0], "4", "led the RFC")
            assert second and second[0] is not None

        stored = memory_store.get(Skill, skill.id or 0)
        assert stored.trend() == [2, 4]
        assert [(r.on, r.note) for r in stored.ratings] == [
            (dt.date(2026, 6, 1), "first design review"),
            (TODAY, "led the RFC"),
        ]
        assert stored.level == 4 and stored.gap == 0

    asyncio.run(scenario())


def test_rating_keeps_history_added_meanwhile(memory_store: Store, make_app) -> None:  # type: ignore[no-untyped-def]
    """Another session rated the skill while the form was open: both ratings stay."""

    async def scenario() -> None:
        skill = memory_store.add(Skill(name="Go", target_level=5))
        app = make_app(memory_store)
        async with app.run_test(size=(100, 30)) as pilot:
            results: list[Skill | None] = []
            app.push_screen(RateSkillForm(skill), results.append)
            await pilot.pause()
            memory_store.update(
                skill.edit(
                    ratings=[SkillRating(on=dt.date(2026, 1, 5), level=3, source=Source.PEER)]
                ),
                base=skill,
            )
            await pilot.press("ctrl+s")
            await pilot.pause()
        stored = memory_store.get(Skill, skill.id or 0)
        assert [(r.level, r.source) for r in stored.ratings] == [(3, Source.PEER), (3, Source.SELF)]

    asyncio.run(scenario())


def test_a_bad_date_is_explained_next_to_the_field(memory_store: Store, make_app) -> None:  # type: ignore[no-untyped-def]
    async def scenario() -> None:
        skill = memory_store.add(Skill(name="Mentoring"))
        app = make_app(memory_store)
        async with app.run_test(size=(80, 24)) as pilot:
            app.push_screen(RateSkillForm(skill))
            await pilot.pause()
            form = app.screen
            assert isinstance(form, RateSkillForm)
            assert form.query_one("#field-level ChoiceField", ChoiceField).value == 3
            form.field("on").control.focus()
            await pilot.press("ctrl+a", "ctrl+k", *"31/12", "ctrl+s")
            await pilot.pause()
            assert "YYYY-MM-DD" in form.field("on").error
            assert app.screen is form
        assert memory_store.get(Skill, skill.id or 0).ratings == []

    asyncio.run(scenario())
