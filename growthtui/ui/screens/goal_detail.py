"""The goal detail pane: SMART fields, live check, progress, milestones, check-ins, history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from rich.text import Text

from growthtui.domain.dates import relative_day
from growthtui.domain.goals import CheckIn, Goal, Milestone, closed_on
from growthtui.domain.printable import printable
from growthtui.domain.progress import goal_progress, latest_value
from growthtui.domain.schedule import horizon_window, is_overdue
from growthtui.domain.smart import check_smart
from growthtui.domain.words import counted
from growthtui.ui.glyphs import Glyphs
from growthtui.ui.screens.goal_form import render_smart


def _field(text: Text, label: str, value: str, empty: str = "—") -> None:
    text.append(f"{label:<15}", style="bold")
    text.append(f"{printable(value, lines=True) or empty}\n", style="" if value else "dim")


def when_line(goal: Goal, today: dt.date) -> str:
    """When the goal is due (and how far away), or, for an achieved or dropped goal, when
    it was closed: "achieved 2026-11-02 (was due 2027-04-01)"."""
    due = goal.due.isoformat() if goal.due else ""
    if not goal.is_open:
        on = closed_on(goal)
        closed = f"{goal.status.value} {on.isoformat()}" if on else goal.status.value
        return f"{closed} (was due {due})" if due else closed
    if goal.due:
        return f"due {due} ({relative_day(goal.due, today)})"
    return "no due date"


def goal_detail(
    goal: Goal,
    today: dt.date,
    milestones: Sequence[Milestone],
    checkins: Sequence[CheckIn],
    parent: Goal | None,
    children: Sequence[Goal],
    glyphs: Glyphs,
    progress: float | None = None,
) -> Text:
    """Everything about one goal, as text for the detail pane. `progress` is the goal's
    progress when the caller knows it (a parent's comes from its stepping stones);
    without it, it is worked out from the goal's measure and milestones."""
    text = Text()
    text.append(f"#{goal.id} {printable(goal.title)}\n", style="bold")
    # The lines are laid out so that moving the cursor to another goal moves few of them
    # (the terminal is sent only the cells that differ): the facts one line each, the
    # progress without its source (the Measure field and the Milestones heading say it),
    # the SMART score one line near the top, and the check's reasons, which wrap to one
    # line or two, after the fields.
    window = horizon_window(goal.horizon)
    text.append(f"{window.label.split(' (')[0]} · {goal.status.value}\n", style="italic")
    when = when_line(goal, today)
    text.append(f"{when}\n", style="dim italic" if when == "no due date" else "italic")
    if parent is not None:
        text.append(f"stepping stone toward #{parent.id} {printable(parent.title)}\n")
    if children:
        names = ", ".join(f"#{c.id} {printable(c.title)}" for c in children[:4])
        more = f" and {len(children) - 4} more" if len(children) > 4 else ""
        text.append(f"{counted(len(children), 'stepping stone')}: {names}{more}\n")
    if progress is None:
        progress = goal_progress(goal, milestones, checkins)
    smart = check_smart(goal, today, milestones, parent)
    text.append("\n")
    _field(text, "Progress", glyphs.progress(progress))
    _field(text, "SMART", f"{smart.score}/5  {smart.summary()}")
    _field(text, "What exactly", goal.specific)
    measure = goal.measure
    if measure.metric:
        parts = [measure.metric]
        numbers = []
        if measure.baseline is not None:
            numbers.append(f"from {measure.baseline:g}")
        now = latest_value(goal, checkins)
        if now is not None:
            numbers.append(f"now {now:g}")
        if measure.target is not None:
            numbers.append(f"target {measure.target:g}")
        unit = f" {measure.unit}" if measure.unit else ""
        _field(text, "Measure", f"{', '.join(parts)}: {', '.join(numbers)}{unit}")
    else:
        _field(text, "Measure", "")
    _field(text, "Plan", goal.achievable)
    _field(text, "Why", goal.relevant)
    _field(text, "Start", goal.start.isoformat() if goal.start else "")
    if goal.tags:
        _field(text, "Tags", ", ".join(printable(tag) for tag in goal.tags))
    if goal.notes:
        _field(text, "Notes", goal.notes)
    text.append("\n")
    text.append_text(render_smart(smart, glyphs.done, glyphs.overdue))

    text.append("\nMilestones", style="bold underline")
    if milestones:
        done = sum(1 for m in milestones if m.done_at)
        text.append(f"  {done} of {len(milestones)} done")
    text.append("  (m adds one)\n", style="dim")
    if not milestones:
        text.append("  none yet\n", style="dim")
    for milestone in sorted(milestones, key=lambda m: (m.due, m.id)):
        title = printable(milestone.title)
        if milestone.done_at:
            text.append(f"  {glyphs.done} {milestone.due}  {title}\n", style="dim")
        elif is_overdue(milestone, today):
            text.append(f"  {glyphs.overdue} {milestone.due}  {title}  (overdue)\n", style="bold")
        else:
            text.append(f"  {glyphs.pending} {milestone.due}  {title}\n")

    text.append("\nCheck-ins", style="bold underline")
    text.append("  (c adds one)\n", style="dim")
    if not checkins:
        text.append("  none yet\n", style="dim")
    for checkin in sorted(checkins, key=lambda c: (c.date, c.id), reverse=True)[:8]:
        value = f"{checkin.value:g}" if checkin.value is not None else "–"
        note = f"  {printable(checkin.note)}" if checkin.note else ""
        text.append(f"  {checkin.date}  {value:>6}  confidence {checkin.confidence}/5{note}\n")

    text.append("\nHistory\n", style="bold underline")
    # A check-in moving the measure's current value is a change the history cannot show
    # (it names metric, baseline and target): the check-ins above say it.
    changes = [c for c in goal.history if c.old != c.new]
    if not changes:
        text.append("  no changes yet\n", style="dim")
    for change in reversed(changes[-12:]):
        name = "what exactly" if change.field == "specific" else change.field
        text.append(f"  {change.at.date()}  {name}: ")
        text.append(f"{printable(change.old) or '—'} → {printable(change.new) or '—'}")
        if change.reason:
            text.append(f" — {printable(change.reason)}", style="italic")
        text.append("\n")
    return text
