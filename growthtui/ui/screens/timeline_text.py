"""The lines under the Timeline that say everything about the selected row.

Stored text goes through `printable` before it is put in a Text: Rich drops BEL, BS, VT,
FF and CR from what it is given, so they would vanish instead of showing as escapes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from rich.text import Text

from growthtui.domain.dates import relative_day
from growthtui.domain.goals import Goal, Milestone
from growthtui.domain.printable import printable
from growthtui.domain.schedule import goal_is_overdue, is_overdue
from growthtui.domain.timeline import goal_span
from growthtui.domain.words import counted
from growthtui.ui.glyphs import Glyphs


def _goal_name(goal: Goal | None, goal_id: int) -> str:
    if goal is None:
        return f"goal #{goal_id}"
    return f"#{goal.id} {printable(goal.title)} ({goal.horizon.value}-term)"


def milestone_summary(
    milestone: Milestone, goal: Goal | None, today: dt.date, glyphs: Glyphs, alarm_style: str
) -> Text:
    """ "Draft the RFC · due Thu 2026-12-03, in 9 days · goal #4 ... (short-term)"."""
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(printable(milestone.title), style="bold")
    text.append(f" · due {milestone.due:%a} {milestone.due.isoformat()}")
    if milestone.done_at is not None:
        text.append(f" · {glyphs.done} done {milestone.done_at.isoformat()}", style="dim")
    elif is_overdue(milestone, today):
        late = (today - milestone.due).days
        text.append(f" · {glyphs.overdue} overdue by {counted(late, 'day')}", style=alarm_style)
    else:
        text.append(f", {relative_day(milestone.due, today)}")
    text.append(f"\ngoal {_goal_name(goal, milestone.goal_id)}", style="italic")
    if milestone.notes:
        text.append(f" · {printable(milestone.notes)}", style="dim")
    return text


def month_summary(milestones: Sequence[Milestone], today: dt.date, glyphs: Glyphs) -> Text:
    """ "5 milestones: 1 done, 1 overdue, 3 to do"."""
    done = sum(1 for m in milestones if m.done_at is not None)
    late = sum(1 for m in milestones if is_overdue(m, today))
    todo = len(milestones) - done - late
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(f"{counted(len(milestones), 'milestone')}: {done} done", style="bold")
    if late:
        text.append(f", {glyphs.overdue} {late} overdue", style="bold")
    text.append(f", {todo} to do", style="bold")
    text.append("\n[ and ] jump between months · t today", style="dim")
    return text


def goal_summary(
    goal: Goal, milestones: Sequence[Milestone], today: dt.date, glyphs: Glyphs, alarm_style: str
) -> Text:
    """The selected bar: dates, milestones done, the next one."""
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(f"#{goal.id} {printable(goal.title)}", style="bold")
    text.append(f" · {goal.horizon.value}-term · {goal.status.value}")
    span = goal_span(goal, milestones)
    text.append("\n")
    if span is not None:
        text.append(f"{span[0].isoformat()} → {span[1].isoformat()}")
    if goal_is_overdue(goal, today):
        text.append(f" {glyphs.overdue} overdue", style=alarm_style)
    done = sum(1 for m in milestones if m.done_at is not None)
    text.append(f" · {done} of {counted(len(milestones), 'milestone')} done", style="italic")
    upcoming = sorted((m for m in milestones if m.done_at is None), key=lambda m: (m.due, m.id))
    if upcoming:
        step = upcoming[0]
        style = alarm_style if is_overdue(step, today) else "italic"
        text.append(" · next: ", style="italic")
        text.append(f"{printable(step.title)} {step.due.isoformat()}", style=style)
    return text
