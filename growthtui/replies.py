"""What the command line says back when it stored something: one line each, the same
whichever way the record was stored (the launcher's quick way or the full command line).

No import: the launcher uses it before anything else is loaded.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    import datetime as dt


def added_goal(goal_id: int | None, title: str) -> str:
    return f"added goal {goal_id}: {title}"


def added_milestone(
    milestone_id: int | None, goal_id: int | None, goal_title: str, due: dt.date
) -> str:
    return f"added milestone {milestone_id} to goal {goal_id} ({goal_title}), due {due}"


def logged(kind: str, record_id: int | None, goal_id: int | None, text: str) -> str:
    """`kind`: the kind's stored value ("win", "feedback received", …)."""
    target = f" for goal {goal_id}" if goal_id else ""
    return f"logged {kind} {record_id}{target}: {text}"
