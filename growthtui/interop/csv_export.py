"""The spreadsheet export: one row per goal and per milestone, told apart by a `type` column.

RFC 4180 CSV from the csv module (header row, CRLF, quoted where needed), UTF-8 with a byte
order mark so spreadsheet programs pick the right encoding, dates in ISO 8601. Text a person
typed that starts with = + - @ (or a tab or carriage return) is prefixed with an apostrophe,
so a spreadsheet shows it instead of running it as a formula. Control characters and
direction overrides in stored text are written as visible escapes (`\\x1b`, `printable`),
line breaks kept: a CSV is also read with `cat` and `less`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from growthtui.domain.goals import Goal, Milestone
from growthtui.domain.printable import printable
from growthtui.domain.progress import latest_value
from growthtui.interop.plan import Plan, closed_on, read_plan
from growthtui.store.repository import Store

BOM = "\ufeff"

COLUMNS = (
    "type",
    "id",
    "title",
    "goal_id",
    "goal",
    "parent_goal_id",
    "horizon",
    "status",
    "start",
    "due",
    "done",
    "progress_percent",
    "metric",
    "unit",
    "baseline",
    "target",
    "current",
    "specific",
    "achievable",
    "relevant",
    "tags",
    "notes",
    "external_id",
)
"""The header row; a milestone's `goal_id`/`goal` name its goal, a goal's `parent_goal_id` the
longer goal it leads to. `done` is when a milestone was done or a goal achieved or dropped."""

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def guard(text: str) -> str:
    """Stored text as a cell: shown as text by a spreadsheet, never evaluated (OWASP's CSV
    injection advice), and printable on a terminal (line breaks kept)."""
    text = printable(text, lines=True)
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def _number(value: float | None) -> str:
    if value is None:
        return ""
    value = float(value)  # an int has no is_integer before Python 3.12
    return str(int(value)) if value.is_integer() else repr(value)


def _date(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def _goal_row(plan: Plan, goal: Goal) -> dict[str, str]:
    progress = plan.progress(goal)
    measure = goal.measure
    return {
        "type": "goal",
        "id": str(goal.id),
        "title": guard(goal.title),
        "goal_id": "",
        "goal": "",
        "parent_goal_id": str(goal.parent_id) if goal.parent_id is not None else "",
        "horizon": goal.horizon.value,
        "status": goal.status.value,
        "start": _date(goal.start),
        "due": _date(goal.due),
        "done": _date(closed_on(goal)),
        "progress_percent": "" if progress is None else str(round(progress * 100)),
        "metric": guard(measure.metric),
        "unit": guard(measure.unit),
        "baseline": _number(measure.baseline),
        "target": _number(measure.target),
        "current": _number(latest_value(goal, plan.checkins_of(goal))),
        "specific": guard(goal.specific),
        "achievable": guard(goal.achievable),
        "relevant": guard(goal.relevant),
        "tags": guard(", ".join(goal.tags)),
        "notes": guard(goal.notes),
        "external_id": guard(goal.external_id or ""),
    }


def _milestone_row(plan: Plan, milestone: Milestone) -> dict[str, str]:
    goal = plan.goal(milestone.goal_id)
    return {
        **dict.fromkeys(COLUMNS, ""),
        "type": "milestone",
        "id": str(milestone.id),
        "title": guard(milestone.title),
        "goal_id": str(milestone.goal_id),
        "goal": guard(goal.title) if goal else "",
        "status": plan.milestone_state(milestone),
        "due": _date(milestone.due),
        "done": _date(milestone.done_at),
        "notes": guard(milestone.notes),
    }


def export_csv(store: Store, today: dt.date) -> str:
    """Goals in id order, each followed by its milestones by date."""
    plan = read_plan(store, today)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    placed: set[int | None] = set()
    for goal in plan.goals:
        writer.writerow(_goal_row(plan, goal))
        for milestone in plan.milestones_of(goal):
            writer.writerow(_milestone_row(plan, milestone))
            placed.add(milestone.id)
    for milestone in plan.milestones:
        if milestone.id not in placed:  # a goal removed behind the store's back
            writer.writerow(_milestone_row(plan, milestone))
    return BOM + out.getvalue()
