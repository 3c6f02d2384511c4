"""Learning (5): add an item linked to a skill, finish it and re-rate the skill, filters,
delete and undo, totals. Keys as a person presses them; asserts on the store and screen."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Input, SelectionList, Static

from growthtui.domain.assessment import Skill, SkillRating
from growthtui.domain.goals import Goal
from growthtui.domain.learning import LearningItem, LearningKind, LearningStatus
from growthtui.store.repository import Store
from growthtui.ui.screens.confirm import ConfirmModal
from growthtui.ui.screens.learning import LearningScreen
from growthtui.ui.screens.learning_form import LearningForm
from growthtui.ui.screens.skill_rating_form import RateSkillForm
from growthtui.ui.widgets.form import FormField
from growthtui.ui.widgets.record_table import RecordTable

TODAY = dt.date(2026, 11, 24)


def shown(app) -> str:  # type: ignore[no-untyped-def]
    """The text on screen: statics and table rows."""
    parts = [str(w.render()) for w in app.screen.query("Static, Label")]
    for table in app.screen.query(RecordTable):
        for row in table.ordered_rows:
            parts.append(" | ".join(str(c) for c in table.get_row(row.key)))
    return "\n".join(parts)


def rows(app) -> list[str]:  # type: ignore[no-untyped-def]
    table = app.screen.query_one("#learning-table", RecordTable)
    return [str(table.get_row(row.key)[1]) for row in table.ordered_rows]


async def type_into(pilot, app, name: str, text: str) -> None:  # type: ignore[no-untyped-def]
    control = app.screen.query_one(f"#field-{name}", FormField).control
    assert isinstance(control, Input)
    control.focus()
    control.value = ""
    await pilot.press(*text)
    await pilot.pause()


def with_skill(store: Store) -> tuple[Skill, LearningItem]:
    skill = store.add(
        Skill(
            name="System design",
            target_level=4,
            ratings=[SkillRating(on=dt.date(2026, 5, 1), level=2)],
        )
    )
    course = store.add(
        LearningItem(
            kind=LearningKind.COURSE,
            title="Distributed systems course",
            provider="MIT OCW",
            status=LearningStatus.IN_PROGRESS,
            start=dt.date(2026, 10, 1),
            hours=20,
            skill_ids=[skill.id or 0],
        )
    )
    return skill, course


async def test_a_new_course_linked_to_a_skill_and_a_goal_is_stored_and_shown(
    memory_store: Store, make_app
):
    skill = memory_store.add(Skill(name="Public speaking"))
    goal = memory_store.add(Goal(title="Give three internal tech talks"))
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("5", "n")
        await pilot.pause()
        assert isinstance(app.screen, LearningForm)
        await pilot.press(*"Speaking")
        await type_into(pilot, app, "provider", "Toastmasters")
        await type_into(pilot, app, "hours", "7.5")
        for name in ("skill_ids", "goal_ids"):
            app.screen.query_one(f"#field-{name} SelectionList", SelectionList).focus()
            await pilot.pause()
            await pilot.press("space")  # tick the highlighted (only) option
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LearningScreen)
        [item] = memory_store.list(LearningItem)
        assert (item.title, item.provider, item.hours) == ("Speaking", "Toastmasters", 7.5)
        assert (item.kind, item.status) == (LearningKind.COURSE, LearningStatus.PLANNED)
        assert item.skill_ids == [skill.id] and item.goal_ids == [goal.id]
        text = shown(app)
        assert "Speaking" in rows(app)
        assert "Skills: Public speaking" in text
        assert f"Goals: #{goal.id} Give three internal tech talks" in text


async def test_bad_hours_are_explained_next_to_the_field_and_nothing_is_saved(
    memory_store: Store, make_app
):
    app = make_app(memory_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "n")
        await pilot.pause()
        await type_into(pilot, app, "hours", "lots")
        await type_into(pilot, app, "due", "2026-02-30")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LearningForm)
        assert "needs a title" in app.screen.field("title").error
        assert "hours must be a number" in app.screen.field("hours").error
        assert "not a real date" in app.screen.field("due").error
        assert memory_store.count(LearningItem) == 0


async def test_finishing_a_course_records_today_and_re_rating_grows_the_skill_history(
    memory_store: Store, make_app
):
    skill, course = with_skill(memory_store)
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("5")
        await pilot.pause()
        totals = app.screen.query_one("#learning-totals", Static)
        assert "Q4 2026: 20 h, 0 done" in str(totals.render())
        await pilot.press("space")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        assert "System design" in shown(app)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, RateSkillForm)
        await pilot.press("enter", "3", "enter")  # level 3
        await pilot.press("tab", "tab", *"did it")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LearningScreen)
        assert "Q4 2026: 20 h, 1 done" in str(totals.render())
        assert "System design 3→4" in shown(app)
    done = memory_store.get(LearningItem, course.id or 0)
    assert (done.status, done.completed) == (LearningStatus.DONE, TODAY)
    rated = memory_store.get(Skill, skill.id or 0)
    assert len(rated.ratings) == 2
    assert (rated.ratings[-1].on, rated.ratings[-1].level, rated.ratings[-1].note) == (
        TODAY,
        3,
        "did it",
    )


async def test_not_now_leaves_the_skill_alone_and_space_again_reopens(
    memory_store: Store, make_app
):
    skill, course = with_skill(memory_store)
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("5", "space")
        await pilot.pause()
        await pilot.press("n")  # not now
        await pilot.pause()
        assert memory_store.get(LearningItem, course.id or 0).status is LearningStatus.DONE
        assert len(memory_store.get(Skill, skill.id or 0).ratings) == 1
        await pilot.press("space")
        await pilot.pause()
        reopened = memory_store.get(LearningItem, course.id or 0)
        assert (reopened.status, reopened.completed) == (LearningStatus.IN_PROGRESS, None)
        assert "in progress" in shown(app)


async def test_status_and_kind_filters_cycle(seeded_store: Store, make_app):
    app = make_app(seeded_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("5")
        await pilot.pause()
        assert len(rows(app)) == 7
        await pilot.press("f")  # open
        await pilot.pause()
        assert len(rows(app)) == 4
        assert not any("Designing Data-Intensive" in r for r in rows(app))
        await pilot.press("f", "f", "f")  # in progress, planned, done
        await pilot.pause()
        assert [r.removesuffix(" ✓") for r in rows(app)] == [
            "Presenting with confidence",
            "Designing Data-Intensive Applications",
        ]
        await pilot.press("f", "f", "t", "t", "t", "t", "t")  # dropped, all; kind: book
        await pilot.pause()
        assert "· all · books" in shown(app)
        assert [r.removesuffix(" ✓") for r in rows(app)] == [
            "Designing Data-Intensive Applications"
        ]


async def test_delete_asks_and_undo_brings_it_back(memory_store: Store, make_app):
    _, course = with_skill(memory_store)
    app = make_app(memory_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("5", "d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("n")
        await pilot.pause()
        assert memory_store.count(LearningItem) == 1
        await pilot.press("d", "y")
        await pilot.pause()
        assert memory_store.count(LearningItem) == 0
        assert rows(app) == []
        await pilot.press("u")
        await pilot.pause()
        assert memory_store.get(LearningItem, course.id or 0).title == course.title
        assert rows(app) == ["Distributed systems course"]
