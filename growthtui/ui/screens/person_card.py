"""What the People screen says about a person and about one conversation, as Rich text."""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text

from growthtui.domain.cadence import FollowUp
from growthtui.domain.goals import Goal, Milestone
from growthtui.domain.people import Interaction, Person
from growthtui.domain.words import counted
from growthtui.ui.glyphs import Glyphs


def days_text(count: int) -> str:
    return counted(count, "day")


def person_card(
    person: Person,
    follow: FollowUp[Person],
    goals: Mapping[int, Goal],
    glyphs: Glyphs,
    alarm_style: str,
) -> Text:
    """Who they are; first what is due, then the rhythm, the goals, and the rest."""
    text = Text()
    who = [person.relation.value]
    who += [part for part in (person.role, person.organisation) if part]
    text.append(" · ".join(who) + "\n", style="bold")
    # The card names the person already: "follow up in 11 days", not "... with Priya".
    line = follow.describe().replace(f" with {person.name} ({person.relation.value})", "")
    if follow.due is not None:
        alarm = follow.is_due or follow.losing_touch
        mark = f"{glyphs.overdue} " if alarm else ""
        when = "" if follow.asked_for else f" (due {follow.due.isoformat()})"
        text.append(
            f"{mark}{line[0].upper()}{line[1:]}{when}\n", style=alarm_style if alarm else ""
        )
    rhythm = []
    if person.follow_up_days:
        rhythm.append(f"every {days_text(person.follow_up_days)}")
        if person.max_gap_days:
            rhythm.append(f"at most {days_text(person.max_gap_days)}")
    else:
        rhythm.append("none (e sets one)")
    if follow.last_contact:
        rhythm.append(f"last contact {follow.last_contact.isoformat()}")
    text.append("Rhythm: ", style="bold")
    text.append(" · ".join(rhythm) + "\n")
    helps = [goals[g] for g in person.goal_ids if g in goals]
    for label, value in (
        ("Helps with", ", ".join(f"#{g.id} {g.title}" for g in helps)),
        ("Expertise", person.expertise),
        ("Met", person.how_met),
        ("Tags", ", ".join(person.tags)),
        ("Notes", person.notes),
    ):
        if value:
            text.append(f"{label}: ", style="bold")
            text.append(value + "\n")
    text.rstrip()
    return text


def conversation_detail(
    talk: Interaction,
    milestones: Mapping[int, Milestone],
    goals: Mapping[int, Goal],
    glyphs: Glyphs,
) -> Text:
    """Kind and follow-up date, the advice, the next step and what became of it."""
    text = Text()
    text.append(talk.kind.value, style="italic")
    if talk.follow_up_on:
        text.append(f" · follow up on {talk.follow_up_on.isoformat()}", style="italic")
    text.append("\n")
    if talk.advice:
        text.append("Advice: ", style="bold")
        text.append(talk.advice + "\n")
    if talk.next_step:
        text.append("Next step: ", style="bold")
        text.append(talk.next_step + "\n")
        milestone = milestones.get(talk.milestone_id or 0)
        if milestone is not None:
            goal = goals.get(milestone.goal_id)
            where = f" on #{goal.id} {goal.title}" if goal else ""
            text.append(f"{glyphs.done} milestone #{milestone.id}{where}", style="dim")
        else:
            text.append(f"{glyphs.tick} m makes it a milestone on a goal", style="dim")
    if not talk.advice and not talk.next_step:
        text.append("No advice or next step noted: e adds them.", style="dim")
    text.rstrip()
    return text
