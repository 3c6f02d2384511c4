"""Reviews (7): the guided review end to end, leaving and resuming it, the evidence log,
and the profile's cadence — asserted on the store and on what the screen shows."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Static, TextArea

from growthtui.domain import (
    Cadence,
    Decision,
    Evidence,
    EvidenceKind,
    Goal,
    GoalStatus,
    Profile,
    Review,
)
from growthtui.domain.reviews import ReviewStep
from growthtui.store import Store
from growthtui.ui.app import GrowthApp
from growthtui.ui.screens.review_wizard import ReviewWizard
from growthtui.ui.screens.reviews import ReviewsScreen
from growthtui.ui.widgets.form import FormField
from tests.conftest import NOW, TODAY

Scenario = Callable[[GrowthApp, Pilot[int]], Awaitable[None]]
REASON = "quarterly review 2026-11-24"


def run(app: GrowthApp, scenario: Scenario, size: tuple[int, int] = (100, 30)) -> None:
    async def go() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.press("7")
            await pilot.pause()
            await scenario(app, pilot)

    asyncio.run(go())


def wizard(app: GrowthApp) -> ReviewWizard:
    assert isinstance(app.screen, ReviewWizard), app.screen
    return app.screen


def wizard_title(app: GrowthApp) -> str:
    return str(wizard(app).query_one("#wizard-title", Static).render())


def banner(app: GrowthApp) -> str:
    screen = app.screen
    assert isinstance(screen, ReviewsScreen)
    return str(screen.query_one("#review-due", Static).render())


async def decide(pilot: Pilot[int], moves: int, note: str) -> None:
    """On a goal step: move down the decisions `moves` times, pick, type a note, go on."""
    await pilot.press(*(["down"] * moves), "space", "tab", *note, "ctrl+s")
    await pilot.pause()


def goal(store: Store, title: str) -> Goal:
    return next(g for g in store.list(Goal) if g.title.startswith(title))


def test_a_full_guided_review_with_every_kind_of_decision(seeded_store: Store, make_app) -> None:  # type: ignore[no-untyped-def]
    async def scenario(app: GrowthApp, pilot: Pilot[int]) -> None:
        await pilot.press("s")
        await pilot.pause()
        assert "step 1 of 4: the period" in wizard_title(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "goal 1 of 7" in wizard_title(app)
        evidence = str(wizard(app).query_one("#review-evidence Static", Static).render())
        assert "#1 Become a staff engineer" in evidence
        assert "Led the incident review for the card-authorisation outage" in evidence

        await decide(pilot, 0, "on track")  # staff engineer: keep
        await decide(pilot, 1, "re-org")  # redesign: adjust → the goal editor
        await pilot.press("ctrl+e", *" v2", "ctrl+s")  # a new title, no reason asked
        await pilot.pause()
        assert "goal 3 of 7" in wizard_title(app)
        await decide(pilot, 2, "no budget")  # talk: pause
        await decide(pilot, 3, "passed")  # certification: achieve
        await decide(pilot, 0, "")  # RFC: keep
        await decide(pilot, 4, "merged")  # internal talks: drop
        await decide(pilot, 0, "")  # mentoring: keep
        assert "step 3 of 4: looking back" in wizard_title(app)
        wins = wizard(app).query_one("#text-wins", TextArea).text
        assert "- Led the incident review for the card-authorisation outage" in wins

        await pilot.press("tab", *"on-call", "ctrl+s")  # obstacles
        await pilot.pause()
        assert "step 4 of 4: looking ahead" in wizard_title(app)
        await pilot.press(*"focus days", "tab", "tab", "enter", "4", "enter")  # satisfaction
        await pilot.press("tab", *"the exam", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReviewsScreen)
        assert "review due in 92 days (2027-02-24)" in banner(app)

    run(make_app(seeded_store), scenario)

    store = seeded_store
    statuses = {g.title: g.status for g in store.list(Goal)}
    assert statuses["Speak at a major conference"] is GoalStatus.PAUSED
    assert statuses["Pass the AWS Solutions Architect Professional exam"] is GoalStatus.ACHIEVED
    assert statuses["Give three internal tech talks"] is GoalStatus.DROPPED
    assert statuses["Become a staff engineer"] is GoalStatus.ACTIVE
    assert statuses["Lead the payments platform redesign v2"] is GoalStatus.ACTIVE

    def last_change(title: str) -> tuple[str, str, str]:
        change = goal(store, title).history[-1]
        return change.field, change.new, change.reason

    assert last_change("Speak at") == ("status", "paused", f"{REASON}: no budget")
    assert last_change("Pass the AWS") == ("status", "achieved", f"{REASON}: passed")
    assert last_change("Give three") == ("status", "dropped", f"{REASON}: merged")
    assert last_change("Lead the payments") == (
        "title",
        "Lead the payments platform redesign v2",
        f"{REASON}: re-org",
    )
    assert goal(store, "Lead the payments").history[-1].at == NOW
    assert len(goal(store, "Become a staff").history) == 1  # keep changes nothing

    (review,) = [r for r in store.list(Review) if r.date == TODAY]
    assert not review.draft and review.step is ReviewStep.DONE
    assert [(d.decision, d.note) for d in review.decisions] == [
        (Decision.KEEP, "on track"),
        (Decision.ADJUST, "re-org"),
        (Decision.PAUSE, "no budget"),
        (Decision.ACHIEVE, "passed"),
        (Decision.KEEP, ""),
        (Decision.DROP, "merged"),
        (Decision.KEEP, ""),
    ]
    assert (review.obstacles, review.what_worked, review.satisfaction, review.next_focus) == (
        "on-call",
        "focus days",
        4,
        "the exam",
    )
    assert "Priya: 'the RFC's failure-mode section" in review.wins


def test_leaving_half_way_keeps_the_draft_and_resumes_at_the_same_goal(
    seeded_store: Store, store_path: Path, make_app
) -> None:  # type: ignore[no-untyped-def]
    async def leave(app: GrowthApp, pilot: Pilot[int]) -> None:
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await decide(pilot, 0, "fine")
        await pilot.press("tab", *"half typed", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ReviewsScreen)
        assert "waiting at 'goals' (1 goals decided): s resumes it" in banner(app)

    run(make_app(seeded_store), leave)

    reopened = Store.open(store_path, today=lambda: TODAY, now=lambda: NOW)
    (draft,) = reopened.list(Review, draft=True)
    redesign = goal(reopened, "Lead the payments")
    assert (draft.step, draft.pending_goal_id, draft.pending_note) == (
        ReviewStep.GOALS,
        redesign.id,
        "half typed",
    )
    assert [(d.decision, d.note) for d in draft.decisions] == [(Decision.KEEP, "fine")]

    async def resume(app: GrowthApp, pilot: Pilot[int]) -> None:
        await pilot.press("s")
        await pilot.pause()
        assert "goal 2 of 7" in wizard_title(app)
        note = wizard(app).query_one("#field-note Input", Input)
        assert note.value == "half typed"
        evidence = str(wizard(app).query_one("#review-evidence Static", Static).render())
        assert evidence.startswith(f"#{redesign.id} Lead the payments platform redesign")

    run(make_app(reopened), resume)
    assert len(reopened.list(Review, draft=True)) == 1


def test_leaving_while_writing_keeps_the_text(memory_store: Store, make_app) -> None:  # type: ignore[no-untyped-def]
    memory_store.add(Goal(title="Ship it"))

    async def scenario(app: GrowthApp, pilot: Pilot[int]) -> None:
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await decide(pilot, 0, "")
        assert "looking back" in wizard_title(app)
        await pilot.press(*"shipped", "escape")
        await pilot.pause()
        (draft,) = memory_store.list(Review, draft=True)
        assert (draft.step, draft.wins) == (ReviewStep.LOOK_BACK, "shipped")
        await pilot.press("s")
        await pilot.pause()
        assert "looking back" in wizard_title(app)
        assert wizard(app).query_one("#text-wins", TextArea).text == "shipped"

    run(make_app(memory_store), scenario, size=(80, 24))


def test_a_period_ending_before_it_starts_is_explained(memory_store: Store, make_app) -> None:  # type: ignore[no-untyped-def]
    async def scenario(app: GrowthApp, pilot: Pilot[int]) -> None:
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("tab", "tab", "ctrl+a", "ctrl+k", *"2026-01-01", "ctrl+s")
        await pilot.pause()
        assert "step 1 of 4" in wizard_title(app)
        error = wizard(app).query_one("#field-covers_to", FormField).error
        assert "before it starts" in error

    run(make_app(memory_store), scenario)
    (draft,) = memory_store.list(Review)
    assert draft.step is ReviewStep.PERIOD and draft.covers_to == TODAY


def test_r_on_the_dashboard_starts_the_review(memory_store: Store, make_app) -> None:  # type: ignore[no-untyped-def]
    memory_store.add(Goal(title="Ship it"))

    async def scenario(app: GrowthApp, pilot: Pilot[int]) -> None:
        await pilot.press("1", "r")
        await pilot.pause()
        assert "step 1 of 4: the period" in wizard_title(app)
        assert "This is your first review" in str(
            wizard(app).query_one(".wizard-intro", Static).render()
        )

    run(make_app(memory_store), scenario)
    (draft,) = memory_store.list(Review)
    assert draft.draft and draft.period is Cadence.QUARTERLY


def test_edit_and_delete_evidence_from_the_log(memory_store: Store, make_app) -> None:  # type: ignore[no-untyped-def]
    done = memory_store.add(Goal(title="First talk", status=GoalStatus.ACHIEVED))
    memory_store.add(
        Evidence(date=TODAY, text="Gave a talk", kind=EvidenceKind.WIN, goal_ids=[done.id or 0])
    )

    async def scenario(app: GrowthApp, pilot: Pilot[int]) -> None:
        await pilot.press("tab", "tab", "e", "ctrl+e", *" to 60", "ctrl+s")
        await pilot.pause()
        # The link to the achieved goal survives the edit.
        assert [(e.text, e.goal_ids) for e in memory_store.list(Evidence)] == [
            ("Gave a talk to 60", [done.id])
        ]
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()

    run(make_app(memory_store), scenario)
    assert memory_store.list(Evidence) == []


def test_the_profile_cadence_sets_when_the_review_is_due(memory_store: Store, make_app) -> None:  # type: ignore[no-untyped-def]
    memory_store.add(Profile(name="Alex"))
    memory_store.add(
        Review(date=TODAY.replace(day=1), covers_from=TODAY.replace(day=1), covers_to=TODAY)
    )

    async def scenario(app: GrowthApp, pilot: Pilot[int]) -> None:
        assert "Quarterly review due in 69 days (2027-02-01)" in banner(app)
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("tab", "tab", "tab", "enter", "w", "enter", "ctrl+s")
        await pilot.pause()
        assert "! Weekly review overdue by 16 days: start it now" in banner(app)

    run(make_app(memory_store), scenario)
    assert memory_store.profile().review_cadence is Cadence.WEEKLY
