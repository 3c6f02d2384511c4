"""One goal in a guided review: the period's evidence beside it, and the goal editor that
"adjust" opens, which records the review as the reason for every change."""

from __future__ import annotations

from rich.text import Text

from growthtui.domain.goals import Goal
from growthtui.domain.printable import printable
from growthtui.domain.review_evidence import GoalEvidence
from growthtui.domain.reviews import Decision, Review
from growthtui.domain.words import counted
from growthtui.services.reviews import adjust_goal
from growthtui.ui.glyphs import Glyphs
from growthtui.ui.screens.goal_form import GoalForm

DECISIONS: tuple[tuple[Decision, str], ...] = (
    (Decision.KEEP, "keep — on track"),
    (Decision.ADJUST, "adjust — change plan"),
    (Decision.PAUSE, "pause — set aside"),
    (Decision.ACHIEVE, "achieve — it's done"),
    (Decision.DROP, "drop — let it go"),
)


def past_tense(decision: Decision) -> str:
    """How a decision reads once taken: "kept", "adjusted"..."""
    return {
        Decision.KEEP: "kept",
        Decision.ADJUST: "adjusted",
        Decision.PAUSE: "paused",
        Decision.ACHIEVE: "achieved",
        Decision.DROP: "dropped",
    }[decision]


def evidence_text(found: GoalEvidence, glyphs: Glyphs, progress: float | None = None) -> Text:
    """The goal and what the review's period holds about it and its stepping stones, as a
    person reads it (a stone's record says which stone: "via #5")."""
    goal = found.goal
    text = Text()
    text.append(f"#{goal.id} {printable(goal.title)}\n", style="bold")
    facts = [f"{goal.horizon.value}-term"]
    if goal.due:
        facts.append(f"due {goal.due.isoformat()}")
    if progress is not None:
        facts.append(glyphs.progress(progress, 8))
    text.append(" · ".join(facts) + "\n", style="dim")
    if goal.specific:
        text.append(f"{printable(goal.specific)}\n", style="italic")
    if found.stones:
        names = ", ".join(f"#{s.id} {printable(s.title)}" for s in found.stones[:3])
        more = f" and {len(found.stones) - 3} more" if len(found.stones) > 3 else ""
        text.append(
            f"With its {counted(len(found.stones), 'stepping stone')}: {names}{more}\n",
            style="dim",
        )

    def via(goal_ids: list[int]) -> str:
        if goal.id in goal_ids:
            return ""
        stone = next((found.stone_of(i) for i in goal_ids if found.stone_of(i)), None)
        return f"  (via #{stone.id})" if stone is not None else ""

    text.append(f"\nIn {found.period.describe()}: ", style="bold")
    text.append(f"{found.summary()}\n")
    if found.is_empty:
        text.append(
            "Nothing was logged for this goal. Is it still the right goal, at the right time?\n",
            style="dim",
        )
    if found.evidence:
        text.append("\nWins, praise, feedback, lessons\n", style="bold")
        for item in found.evidence:
            text.append(f" {item.date.isoformat()} ", style="dim")
            text.append(f"{item.kind.value}: ", style="bold" if item in found.wins else "")
            text.append(f"{printable(item.text)}{via(item.goal_ids)}\n")
    if found.feedback:
        text.append("\nFeedback received\n", style="bold")
        for heard in found.feedback:
            giver = f"from {printable(heard.giver)}: " if heard.giver else ""
            text.append(f" {heard.date.isoformat()} {giver}{printable(heard.text)}\n")
    if found.milestones_done:
        text.append("\nMilestones done\n", style="bold")
        for milestone in found.milestones_done:
            done = milestone.done_at.isoformat() if milestone.done_at else ""
            where = via([milestone.goal_id])
            text.append(f" {done} {glyphs.done} {printable(milestone.title)}{where}\n")
    if found.checkins:
        text.append("\nCheck-ins (value, confidence 1–5)\n", style="bold")
        for checkin in found.checkins:
            value = f"{checkin.value:g}" if checkin.value is not None else "–"
            note = f"  {printable(checkin.note)}" if checkin.note else ""
            where = via([checkin.goal_id])
            text.append(
                f" {checkin.date.isoformat()}  {value:>6}  confidence {checkin.confidence}"
                f"{note}{where}\n"
            )
    if found.learning_finished:
        text.append("\nLearning finished\n", style="bold")
        for learned in found.learning_finished:
            done = learned.completed.isoformat() if learned.completed else ""
            where = via(learned.goal_ids)
            text.append(f" {done} {learned.kind.value}: {printable(learned.title)}{where}\n")
    if found.conversations:
        text.append("\nConversations\n", style="bold")
        for talk in found.conversations:
            who = printable(talk.person.name) if talk.person else "someone"
            i = talk.interaction
            text.append(f" {i.date.isoformat()} {who} ({i.kind.value}): {printable(i.summary)}\n")
            if i.advice:
                text.append(f"   advice: {printable(i.advice, lines=True)}\n", style="italic")
    text.rstrip()
    return text


class ReviewGoalForm(GoalForm):
    """The goal editor opened by "adjust": no reason is asked, the review is the reason
    ("quarterly review 2026-11-24: <note>"), and the decision is recorded on save."""

    def __init__(self, goal: Goal, review: Review, note: str = "") -> None:
        super().__init__(goal)
        self.review = review
        self.note = note
        self.heading = f"Adjust goal #{goal.id} {goal.title} ({review.title})"

    def proceed(self, record: Goal) -> None:
        self.finish(record)

    def save(self, record: Goal) -> Goal:
        assert self.original is not None
        return adjust_goal(self.store, self.review, record, self.original, self.note)
