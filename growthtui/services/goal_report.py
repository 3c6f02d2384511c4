"""What `growthtui show ID` prints: one goal in full, read through the rules the goal detail
shows (the SMART check, progress and where it comes from, overdue).

Plain text, one fact a line, a heading per part; stored text through `printable`. Colour
(bold headings, red for what is late or failing the check) only when asked for.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from growthtui.domain.dates import relative_day
from growthtui.domain.goals import CheckIn, Goal, Milestone
from growthtui.domain.kinds import GoalStatus
from growthtui.domain.learning import LearningItem
from growthtui.domain.people import Person
from growthtui.domain.printable import printable
from growthtui.domain.progress import GoalProgress, latest_value, measure_progress
from growthtui.domain.schedule import goal_is_overdue, is_overdue
from growthtui.domain.smart import SmartCheck, check_smart
from growthtui.domain.words import counted
from growthtui.services.listing import percent
from growthtui.store.repository import Store
from growthtui.store.schema import CURRENT_SCHEMA

RECENT_CHECKINS = 5
"""Check-ins shown: the latest ones."""


@dataclass(frozen=True)
class GoalReport:
    """A goal and every record `show` tells about."""

    goal: Goal
    parent: Goal | None
    stones: list[Goal]
    milestones: list[Milestone]
    checkins: list[CheckIn]
    people: list[Person]
    learning: list[LearningItem]
    smart: SmartCheck
    progress: float | None
    source: str
    today: dt.date


def build_report(store: Store, goal_id: int, today: dt.date) -> GoalReport:
    """Goal `goal_id` and what belongs to it; NotFound when there is no such goal."""
    goal = store.get(Goal, goal_id)
    goals = store.list(Goal)
    milestones = store.list(Milestone)
    checkins = store.list(CheckIn)
    mine = [m for m in milestones if m.goal_id == goal_id]
    my_checkins = sorted(
        (c for c in checkins if c.goal_id == goal_id), key=lambda c: (c.date, c.id)
    )
    stones = [g for g in goals if g.parent_id == goal_id and g.id != goal_id]
    parent = store.find(Goal, goal.parent_id)
    by_goal: dict[int, list[Milestone]] = {}
    for milestone in milestones:
        by_goal.setdefault(milestone.goal_id, []).append(milestone)
    checkins_of: dict[int, list[CheckIn]] = {}
    for checkin in checkins:
        checkins_of.setdefault(checkin.goal_id, []).append(checkin)
    progress = GoalProgress({g.id: g for g in goals}, by_goal, checkins_of)
    return GoalReport(
        goal=goal,
        parent=parent,
        stones=stones,
        milestones=sorted(mine, key=lambda m: (m.due, m.id)),
        checkins=my_checkins,
        people=store.list(Person, where=lambda p: goal_id in p.goal_ids),
        learning=store.list(LearningItem, where=lambda i: goal_id in i.goal_ids),
        smart=check_smart(goal, today, mine, parent),
        progress=progress.of(goal_id),
        source=_source(goal, mine, my_checkins, stones),
        today=today,
    )


def _source(
    goal: Goal, milestones: list[Milestone], checkins: list[CheckIn], stones: list[Goal]
) -> str:
    """Where the progress comes from, in the order `goal_progress` asks."""
    if goal.status is GoalStatus.ACHIEVED:
        return "achieved"
    value = latest_value(goal, checkins)
    if measure_progress(goal.measure, value) is not None:
        return f"from its measure: now {_number(value)}, {_measure(goal)}"
    if milestones:
        done = sum(m.done for m in milestones)
        return f"from its milestones: {done} of {counted(len(milestones), 'milestone')} done"
    counting = [s for s in stones if s.status is not GoalStatus.DROPPED]
    if counting:
        return f"from its stepping stones ({len(counting)})"
    return "nothing tells yet: set a measure with a target, or add milestones"


def report_data(report: GoalReport) -> dict[str, Any]:
    """The goal and its records in the export's shape (`schema_version`, one list per
    kind, each record as `export --format json` writes it)."""

    def dump(records: list[Any]) -> list[Any]:
        ordered = sorted(records, key=lambda record: record.id)
        return [record.model_dump(mode="json") for record in ordered]

    return {
        "schema_version": CURRENT_SCHEMA,
        "goals": dump([report.goal]),
        "milestones": dump(report.milestones),
        "checkins": dump(report.checkins),
        "people": dump(report.people),
        "learning": dump(report.learning),
    }


def render_report(report: GoalReport, color: bool = False) -> str:
    """The report as text; ANSI bold headings and red alarms only when `color`."""

    def head(text: str) -> str:
        return f"\x1b[1m{text}\x1b[0m" if color else text

    def alarm(text: str) -> str:
        return f"\x1b[31m{text}\x1b[0m" if color else text

    goal, today = report.goal, report.today
    lines = [head(f"Goal {goal.id}: {_line(goal.title)}")]
    due = "no due date"
    if goal.due is not None:
        due = f"due {goal.due.isoformat()} ({relative_day(goal.due, today)})"
        if goal_is_overdue(goal, today):
            due = alarm(f"overdue: {due}")
    lines.append(f"  {goal.horizon.value} · {goal.status.value} · {due}")
    if goal.start is not None:
        lines.append(f"  starts {goal.start.isoformat()}")
    if report.parent is not None:
        lines.append(
            f"  stepping stone toward goal {report.parent.id}: {_line(report.parent.title)}"
        )
    for stone in report.stones:
        lines.append(f"  stepping stone: goal {stone.id}: {_line(stone.title)}")

    smart = report.smart
    lines += ["", head(f"SMART check: {smart.summary()} ({smart.score}/5)")]
    fields = {
        "S": _line(goal.specific) or "-",
        "M": _measure(goal) if goal.measure.metric or goal.measure.target is not None else "-",
        "A": _line(goal.achievable) or "-",
        "R": _line(goal.relevant) or "-",
        "T": goal.due.isoformat() if goal.due else "-",
    }
    for letter in smart.letters:
        lines.append(f"  {letter.letter}  {letter.name:<11} {fields[letter.letter]}")
        mark = "ok" if letter.ok else "check"
        finding = f"     {mark}: {printable(letter.reason)}"
        lines.append(finding if letter.ok else alarm(finding))

    lines += ["", head("Progress"), f"  {percent(report.progress)}, {report.source}"]

    lines += ["", head(f"Milestones ({len(report.milestones)})")]
    if not report.milestones:
        lines.append(f"  none yet: growthtui add milestone {goal.id} TITLE --due DATE")
    for milestone in report.milestones:
        late = not milestone.done and is_overdue(milestone, today)
        state = f"done {milestone.done_at.isoformat()}" if milestone.done_at else "to do"
        mark = "!" if late else " "
        text = (
            f"  {milestone.id:>4}  {mark}{milestone.due.isoformat()}  {state:<15}"
            f"  {_line(milestone.title)}"
        )
        lines.append(alarm(text) if late else text)

    recent = report.checkins[-RECENT_CHECKINS:]
    heading = f"Check-ins ({len(report.checkins)}"
    heading += f", the last {len(recent)})" if len(recent) < len(report.checkins) else ")"
    lines += ["", head(heading)]
    if not recent:
        lines.append(f"  none yet: growthtui checkin {goal.id} VALUE")
    for checkin in reversed(recent):
        value = _number(checkin.value) if checkin.value is not None else "-"
        note = f"  {_line(checkin.note)}" if checkin.note.strip() else ""
        lines.append(
            f"  {checkin.date.isoformat()}  value {value}  confidence {checkin.confidence}/5{note}"
        )

    lines += ["", head(f"History ({len(goal.history)})")]
    if not goal.history:
        lines.append("  no changes yet")
    for change in goal.history:
        was = _line(change.old) or "-"
        now = _line(change.new) or "-"
        reason = f" — {_line(change.reason)}" if change.reason.strip() else " — no reason given"
        lines.append(f"  {change.at.date().isoformat()}  {change.field}: {was} → {now}{reason}")

    lines += ["", head(f"People ({len(report.people)})")]
    for person in report.people:
        lines.append(f"  {person.id:>4}  {person.relation.value:<8}  {_line(person.name)}")
    lines += ["", head(f"Learning ({len(report.learning)})")]
    for item in report.learning:
        lines.append(
            f"  {item.id:>4}  {item.kind.value:<13}  {item.status.value:<11}  {_line(item.title)}"
        )
    return "\n".join(lines) + "\n"


def _measure(goal: Goal) -> str:
    measure = goal.measure
    unit = f" {_line(measure.unit)}" if measure.unit.strip() else ""
    start = f"{_number(measure.baseline)} → " if measure.baseline is not None else ""
    target = _number(measure.target) if measure.target is not None else "no target"
    return f"{_line(measure.metric) or 'no metric'}: {start}{target}{unit}"


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:g}"


def _line(text: str) -> str:
    return printable(" ".join(text.split()))
