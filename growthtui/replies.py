"""What the command line says back when it stored something: one line each, the same
whichever way the record was stored (the quick write or the Store's way),
and the warnings about what was stored all the same (a due date already past).

Stored text is shown through `printable`: a title from a hand-edited file cannot drive the
terminal. Nothing else is imported: `add goal` uses this before anything else is loaded.
"""

from __future__ import annotations

from growthtui.domain.printable import printable

TYPE_CHECKING = False
if TYPE_CHECKING:
    import datetime as dt


def added_goal(goal_id: int | None, title: str) -> str:
    return f"added goal {goal_id}: {printable(title)}"


def added_milestone(
    milestone_id: int | None, goal_id: int | None, goal_title: str, due: dt.date
) -> str:
    return f"added milestone {milestone_id} to goal {goal_id} ({printable(goal_title)}), due {due}"


def logged(kind: str, record_id: int | None, goal_id: int | None, text: str) -> str:
    """`kind`: the kind's stored value ("win", "feedback received", …)."""
    target = f" for goal {goal_id}" if goal_id else ""
    return f"logged {kind} {record_id}{target}: {printable(text)}"


def due_warning(
    due: dt.date | None,
    today: dt.date,
    goal_id: int | None = None,
    goal_start: dt.date | None = None,
) -> str | None:
    """The warning for a goal or milestone stored with `due` (for a milestone, its goal
    and that goal's start): a date already past, or before the goal starts. One line for
    standard error, or None; the record is stored all the same."""
    if due is None:
        return None
    wrong = []
    if due < today:
        wrong.append("in the past")
    if goal_start is not None and due < goal_start:
        wrong.append(f"before goal {goal_id} starts ({goal_start})")
    if not wrong:
        return None
    return f"warning: the due date {due} is {' and '.join(wrong)}; it was stored all the same"
