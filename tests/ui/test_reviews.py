"""Reviews (7): the guided review end to end, leaving and resuming it, the evidence log,
and the profile's cadence — asserted on the store and on what the screen shows."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Static, TextArea

from growthtui.domain.evidence import Evidence, EvidenceKind
from growthtui.domain.goals import Goal
from growthtui.domain.kinds import Cadence, GoalStatus
from growthtui.domain.profile import Profile
from growthtui.domain.reviews import Decision, Review, ReviewDecision, ReviewStep
from growthtui.store.repository import Store
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
    """On a goal step: move down the decisions `moves` times, type a note, go on."""
    await pilot.press(*(["down"] * moves), "tab", *note, "ctrl+s")
    await pilot.pause()


def goal(store: Store, title: str) -> Goal:
    return next(g for g in store.list(Goal) if g.title.startswith(title))


def five_goals(store: Store) -> list[Goal]:
    """Five active goals, walked in this order, and a win logged for the first."""
    goals = [
        store.add(Goal(title=title)) for title in ("Staff", "Redesign", "Talk", "Exam", "Rust")
    ]
    store.add(Evidence(date=TODAY, text="Led the outage review", goal_ids=[goals[0].id or 0]))
    return goals


def test_a_full_guided_review_with_every_kind_of_decision(store: Store, make_app) -> None:  # type: ignore[no-untyped-def]
    staff, redesign, talk, exam, rust = five_goals(store)

    async def scenario(app: GrowthApp, pilot: Pilot[int]) -> None:
        await pilot.press("s")
        await pilot.pause()
        assert "step 1 of 4: the period" in wizard_title(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "goal 1 of 5" in wizard_title(app)
        evidence = str(wizard(app).query_one("#review-evidence Static", Static).render())
        assert evidence.startswith(f"#{staff.id} Staff")
        assert "win: Led the outage review" in evidence

        await decide(pilot, 0, "ok")  # keep
        await decide(pilot, 1, "re-org")  # adjust → the goal editor
        await pilot.press("ctrl+e", *" v2", "ctrl+s")  # a new title, no reason asked
        await pilot.pause()
        assert "goal 3 of 5" in wizard_title(app)
        await decide(pilot, 2, "no budget")  # pause
        await decide(pilot, 3, "passed")  # achieve
        await decide(pilot, 4, "")  # drop
        assert "step 3 of 4: looking back" in wizard_title(app)
        wins = wizard(app).query_one("#text-wins", TextArea).text
        assert wins == "- Led the outage review"

        await pilot.press("tab", *"on-call", "ctrl+s")  # obstacles
        await pilot.pause()
        assert "step 4 of 4: looking ahead" in wizard_title(app)
        await pilot.press(*"focus", "tab", "tab", "enter", "4", "enter")  # satisfaction
        await pilot.press("tab", *"exam", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReviewsScreen)
        assert "review due in 92 days (2027-02-24)" in banner(app)

    run(make_app(store), scenario)

    reopened = Store.open(store.path or "", today=lambda: TODAY, now=lambda: NOW)
    status = {g.id: g.status for g in reopened.list(Goal)}
    assert status == {
        staff.id: GoalStatus.ACTIVE,
        redesign.id: GoalStatus.ACTIVE,
        talk.id: GoalStatus.PAUSED,
        exam.id: GoalStatus.ACHIEVED,
        rust.id: GoalStatus.DROPPED,
    }
    history = {g.id: [(c.field, c.new, c.reason) for c in g.history] for g in reopened.list(Goal)}
    assert history == {
        staff.id: [],  # keep changes nothing
        redesign.id: [("title", "Redesign v2", f"{REASON}: re-org")],
        talk.id: [("status", "paused", f"{REASON}: no budget")],
        exam.id: [("status", "achieved", f"{REASON}: passed")],
        rust.id: [("status", "dropped", REASON)],
    }
    assert reopened.get(Goal, redesign.id or 0).history[0].at == NOW

    (review,) = reopened.list(Review)
    assert not review.draft and review.step is ReviewStep.DONE
    assert (review.covers_from, review.covers_to) == (TODAY.replace(month=10, day=1), TODAY)
    assert [(d.goal_id, d.decision, d.note) for d in review.decisions] == [
        (staff.id, Decision.KEEP, "ok"),
        (redesign.id, Decision.ADJUST, "re-org"),
        (talk.id, Decision.PAUSE, "no budget"),
        (exam.id, Decision.ACHIEVE, "passed"),
        (rust.id, Decision.DROP, ""),
    ]
    assert (review.wins, review.obstacles, review.what_worked, review.satisfaction) == (
        "- Led the outage review",
        "on-call",
        "focus",
        4,
    )
    assert review.next_focus == "exam"


def test_leaving_half_way_keeps_the_draft_and_resumes_at_the_same_goal(
    store: Store, store_path: Path, make_app
) -> None:  # type: ignore[no-untyped-def]
    staff, redesign, *_ = five_goals(store)

    async def leave(app: GrowthApp, pilot: Pilot[int]) -> None:
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await decide(pilot, 0, "fine")
        await pilot.press("tab", *"half", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ReviewsScreen)
        assert banner(app) == "! Draft quarterly review at 'goals', 1 decided · s resumes it"

    run(make_app(store), leave)

    reopened = Store.open(store_path, today=lambda: TODAY, now=lambda: NOW)
    (draft,) = reopened.list(Review, draft=True)
    assert (draft.step, draft.pending_goal_id, draft.pending_note) == (
        ReviewStep.GOALS,
        redesign.id,
        "half",
    )
    assert [(d.goal_id, d.decision, d.note) for d in draft.decisions] == [
        (staff.id, Decision.KEEP, "fine")
    ]

    async def resume(app: GrowthApp, pilot: Pilot[int]) -> None:
        await pilot.press("s")
        await pilot.pause()
        assert "goal 2 of 5" in wizard_title(app)
        assert wizard(app).query_one("#field-note Input", Input).value == "half"
        evidence = str(wizard(app).query_one("#review-evidence Static", Static).render())
        assert evidence.startswith(f"#{redesign.id} Redesign")

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
    memory_store.add(Goal(title="Ship it"))  # a goal to review: the banner says when
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


def test_every_review_action_is_in_the_palette() -> None:
    from growthtui.ui.commands import palette_commands

    commands = {c.name: (c.mode, c.action) for c in palette_commands()}
    assert commands["reviews: start review"] == ("reviews", "start_review")
    assert commands["reviews: log evidence"] == ("reviews", "new_evidence")
    assert commands["reviews: profile and cadence"] == ("reviews", "app.edit_profile")
    assert commands["profile: edit"] == (None, "edit_profile")


def test_a_finished_reviews_reflection_can_be_edited_not_its_decisions(
    memory_store: Store, make_app
) -> None:  # type: ignore[no-untyped-def]
    goal = memory_store.add(Goal(title="Ship it"))
    decisions = [ReviewDecision(goal_id=goal.id or 0, decision=Decision.KEEP, note="fine")]
    memory_store.add(
        Review(
            date=TODAY, covers_from=TODAY, covers_to=TODAY, wins="- shipped", decisions=decisions
        )
    )

    async def scenario(app: GrowthApp, pilot: Pilot[int]) -> None:
        await pilot.press("e", "ctrl+e", *" v1", "tab", *"none", "ctrl+s")
        await pilot.pause()
        detail = str(app.screen.query_one("#review-detail", Static).render())
        assert "- shipped v1" in detail and "Obstacles\nnone" in detail

    run(make_app(memory_store), scenario)
    (review,) = memory_store.list(Review)
    assert (review.wins, review.obstacles, review.decisions) == ("- shipped v1", "none", decisions)
