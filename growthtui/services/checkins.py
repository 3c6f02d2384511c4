"""A check-in on a goal: the value measured today becomes the goal's current value."""

from __future__ import annotations

import datetime as dt
import math

from growthtui.domain.errors import InvalidInput
from growthtui.domain.goals import CheckIn, Goal
from growthtui.domain.progress import latest_checkin
from growthtui.store.repository import Store


def record_checkin(store: Store, checkin: CheckIn) -> CheckIn:
    """Store `checkin`. When it has a value and is the goal's latest check-in with one,
    the goal's measure takes that value as its current value, in the same write (one `u`
    undoes both): the detail, the progress and every export then say the same number."""
    with store.transaction(f"check in on goal {checkin.goal_id}"):
        stored = store.add(checkin)
        goal = store.get(Goal, checkin.goal_id)
        latest = latest_checkin(goal, store.list(CheckIn, goal_id=goal.id))
        if (
            stored.value is not None
            and latest is not None
            and latest.id == stored.id
            and goal.measure.current != stored.value
        ):
            measure = goal.measure.model_copy(update={"current": stored.value})
            store.update(
                goal.model_copy(update={"measure": measure}),
                reason=f"check-in {stored.date.isoformat()}",
                base=goal,
            )
    return stored


def check_in(
    store: Store,
    goal_id: int,
    value: float | None,
    today: dt.date,
    confidence: int = 3,
    note: str = "",
) -> CheckIn:
    """Record today's check-in on goal `goal_id` (`record_checkin`). NotFound for a goal
    that is not there, InvalidRecord for a value that does not fit (a confidence outside
    1–5, a value that is not a finite number); nothing is written then."""
    if value is not None and not math.isfinite(value):
        raise InvalidInput(f"the value must be a number, e.g. 12 or 3.5, not {value}", "value")
    store.get(Goal, goal_id)
    checkin = CheckIn.build(
        goal_id=goal_id, date=today, value=value, confidence=confidence, note=note
    )
    return record_checkin(store, checkin)
