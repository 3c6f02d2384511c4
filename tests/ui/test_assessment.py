"""Assessment (2): SWOT add/edit/archive, rating skills from the inventory, feedback, and the
weaknesses nothing works on — asserted on the store and on what the screen shows."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from textual.pilot import Pilot
from textual.widgets import Static

from growthtui.domain.assessment import Feedback, Skill, Trait, TraitKind
from growthtui.domain.goals import Goal
from growthtui.store.repository import Store
from growthtui.ui.app import GrowthApp
from growthtui.ui.screens.assessment import AssessmentScreen
from tests.ui.conftest import TODAY

Scenario = Callable[[GrowthApp, Pilot[int]], Awaitable[None]]


def run(app: GrowthApp, scenario: Scenario, size: tuple[int, int] = (100, 30)) -> None:
    async def go() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.press("2")
            await pilot.pause()
            await scenario(app, pilot)

    asyncio.run(go())


def screen_of(app: GrowthApp) -> AssessmentScreen:
    screen = app.screen
    assert isinstance(screen, AssessmentScreen)
    return screen


def shown(app: GrowthApp, panel: str) -> list[str]:
    table = screen_of(app).table(panel)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


def detail(app: GrowthApp) -> str:
    return str(screen_of(app).query_one("#assessment-detail", Static).render())


def test_swot_add_in_each_quadrant_edit_archive_and_delete(store: Store, make_app) -> None:  # type: ignore[no-untyped-def]
    async def scenario(app: GrowthApp, pilot: Pilot[int]) -> None:
        for title in ("Debug", "Estimates", "Lead", "Reorg"):  # n adds to the focused quadrant
            await pilot.press("n", *title, "ctrl+s", "tab")
            await pilot.pause()
        assert shown(app, "opportunity") == ["Lead"]
        assert str(screen_of(app).query_one("#pane-threat").border_title) == "Threats (1)"

        await pilot.press("shift+tab", "shift+tab", "shift+tab")  # back to the weakness
        assert shown(app, "weakness") == ["! Estimates"]
        assert "Nothing works on this weakness yet" in detail(app)
        await pilot.press("e", "ctrl+e", *", teams", "tab", "tab", "enter")
        await pilot.press(*"sup", "enter", "tab", *"Q3 slipped", "ctrl+s")
        await pilot.pause()
        assert shown(app, "weakness") == ["! Estimates, teams"]
        assert "from supervisor" in detail(app) and "Q3 slipped" in detail(app)

        await pilot.press("a")  # archive: hidden
        await pilot.pause()
        assert shown(app, "weakness") == []
        await pilot.press("A")  # show archived
        await pilot.pause()
        assert shown(app, "weakness") == ["Estimates, teams (archived)"]

        await pilot.press("tab", "tab", "d")  # the threat: delete asks first
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert shown(app, "threat") == ["Reorg"]
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert shown(app, "threat") == []

    run(make_app(store), scenario)
    reopened = Store.open(store.path or "", today=lambda: TODAY)
    traits = {(t.kind, t.title, t.source, t.evidence, t.archived) for t in reopened.list(Trait)}
    assert traits == {
        (TraitKind.STRENGTH, "Debug", "self", "", False),
        (TraitKind.WEAKNESS, "Estimates, teams", "supervisor", "Q3 slipped", True),
        (TraitKind.OPPORTUNITY, "Lead", "self", "", False),
    }


def test_add_a_skill_then_rate_it_from_the_inventory(memory_store: Store, make_app) -> None:  # type: ignore[no-untyped-def]
    async def scenario(app: GrowthApp, pilot: Pilot[int]) -> None:
        await pilot.press("r")  # no skill selected in a quadrant: says what to do
        await pilot.pause()
        assert any("pick a skill first" in str(n.message) for n in app._notifications)
        for _ in range(4):
            await pilot.press("tab")  # the skills panel
        await pilot.press("n", *"Design", "tab", "tab", "tab", "enter", "2", "enter", "ctrl+s")
        await pilot.pause()  # a new skill, rated 2 on the way in
        assert screen_of(app).table("skills").get_row_at(0)[:2] == ["Design", "2→4"]
        await pilot.press("r", "enter", "3", "enter", "ctrl+s")
        await pilot.pause()
        row = screen_of(app).table("skills").get_row_at(0)
        assert row[1] == "3→4" and str(row[2]) == "1" and row[3] == "▃▅"
        assert "levels 2→3 since 2026-11-24" in detail(app)

    run(make_app(memory_store), scenario)
    (skill,) = memory_store.list(Skill)
    assert [(r.on, r.level) for r in skill.ratings] == [(TODAY, 2), (TODAY, 3)]


def test_archived_traits_stay_hidden_after_reopening(store: Store, make_app) -> None:  # type: ignore[no-untyped-def]
    store.add(Trait(kind=TraitKind.STRENGTH, title="Old strength", archived=True))
    store.add(Trait(kind=TraitKind.STRENGTH, title="Current strength"))

    async def scenario(app: GrowthApp, pilot: Pilot[int]) -> None:
        assert shown(app, "strength") == ["Current strength"]
        pane = screen_of(app).query_one("#pane-strength")
        assert str(pane.border_title) == "Strengths (1) +1 archived"

    run(make_app(store), scenario)


def test_a_weakness_with_a_goal_is_no_longer_flagged(memory_store: Store, make_app) -> None:  # type: ignore[no-untyped-def]
    speaking = memory_store.add(Trait(kind=TraitKind.WEAKNESS, title="Speaking"))
    memory_store.add(Trait(kind=TraitKind.WEAKNESS, title="Estimating"))
    memory_store.add(Goal(title="Give three talks", trait_ids=[speaking.id or 0]))

    async def scenario(app: GrowthApp, pilot: Pilot[int]) -> None:
        assert shown(app, "weakness") == ["Speaking", "! Estimating"]
        title = str(screen_of(app).query_one("#pane-weakness").border_title)
        assert title == "Weaknesses (2, 1 with no plan)"
        await pilot.press("tab")
        assert "Worked on by: goal #1 Give three talks" in detail(app)

    run(make_app(memory_store), scenario)


def test_log_feedback_linked_to_a_trait_then_delete_it(memory_store: Store, make_app) -> None:  # type: ignore[no-untyped-def]
    memory_store.add(Trait(kind=TraitKind.STRENGTH, title="Clear design docs"))

    async def scenario(app: GrowthApp, pilot: Pilot[int]) -> None:
        for _ in range(5):
            await pilot.press("tab")  # the feedback panel
        await pilot.press("n", *"Docs are read", "tab", *"Sam")
        await pilot.press("tab", "tab", "tab", "space", "ctrl+s")  # source, date, traits
        await pilot.pause()
        assert shown(app, "feedback") == ["2026-11"]
        assert "Sam (peer)" in detail(app) and "About: Clear design docs" in detail(app)
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert screen_of(app).table("feedback").row_count == 0

    run(make_app(memory_store), scenario)
    assert memory_store.list(Feedback) == []
    assert memory_store.can_undo


def test_every_key_is_in_the_palette_and_the_footer_fits_80_columns() -> None:
    from growthtui.ui.commands import palette_commands

    names = {c.name for c in palette_commands()}
    assert {
        "assessment: new",
        "assessment: rate skill",
        "assessment: archive",
        "assessment: show archived",
        "assessment: new weakness",
        "assessment: new feedback",
    } <= names
    footer = [b for b in AssessmentScreen.BINDINGS if getattr(b, "show", True)]
    width = sum(len(b.key.split(",")[0]) + len(b.description) + 3 for b in footer)  # type: ignore[union-attr]
    assert width + len("? Keys  q Quit  ^p palette") <= 80


def test_feedback_logged_with_w_shows_beside_the_feedback_records(
    memory_store: Store, make_app
) -> None:  # type: ignore[no-untyped-def]
    from growthtui.domain.evidence import Evidence, EvidenceKind
    from growthtui.domain.people import Person

    priya = memory_store.add(Person(name="Priya"))
    memory_store.add(
        Feedback(date=TODAY.replace(month=9), giver="Sam", text="Docs are read by everyone")
    )
    memory_store.add(Evidence(date=TODAY, text="Shipped the ledger", kind=EvidenceKind.WIN))

    async def scenario(app: GrowthApp, pilot: Pilot[int]) -> None:
        await pilot.press("w", *"Your RFC changed my mind")
        await pilot.pause()
        app.screen.query_one("#field-kind ChoiceField").focus()
        await pilot.press(*"feed")  # the kind: feedback received (typed first letters pick it)
        await pilot.pause()
        people = app.screen.query_one("#field-person_ids SelectionList")
        people.focus()
        await pilot.press("space")  # from Priya
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AssessmentScreen)
        table = screen_of(app).table("feedback")
        rows = [" ".join(str(c) for c in table.get_row_at(i)) for i in range(table.row_count)]
        # One view over both, newest first; a win is not feedback.
        assert rows == [
            "2026-11 Your RFC changed my mind · Priya",
            "2026-09 Docs are read by everyone · Sam",
        ]
        for _ in range(5):
            await pilot.press("tab")  # the feedback panel
        await pilot.pause()
        # The cursor stayed on the record it was on; the new line is above it.
        assert "Sam (peer)" in detail(app) and "feedback log" in detail(app)
        await pilot.press("k")
        await pilot.pause()
        assert "Priya: Your RFC changed my mind" in detail(app)
        assert "evidence log (logged with w" in detail(app)

    run(make_app(memory_store), scenario)
    [logged] = [e for e in memory_store.list(Evidence) if e.text.startswith("Your RFC")]
    assert (logged.kind, logged.person_ids) == (EvidenceKind.FEEDBACK, [priya.id])
