"""A check-in on a goal: the value measured today becomes the goal's current value."""

from __future__ import annotations

from growthtui.domain import CheckIn, Goal
from growthtui.domain.progress import latest_checkin
from growthtui.store import Store


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
