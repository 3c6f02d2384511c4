"""Ticking off a milestone: the Dashboard and the Timeline do it with `space`, the command
line with `growthtui done milestone ID`."""

from __future__ import annotations

import datetime as dt

from growthtui.domain.errors import InvalidInput
from growthtui.domain.goals import Milestone
from growthtui.services.records import save
from growthtui.store.repository import Store


def toggle_done(store: Store, milestone: Milestone, today: dt.date) -> Milestone:
    """Mark a milestone done today, or not done if it was; one change `u` undoes."""
    done = None if milestone.done_at else today
    return save(store, milestone.model_copy(update={"done_at": done}), base=milestone)


def mark_done(store: Store, milestone_id: int, today: dt.date) -> Milestone:
    """Mark milestone `milestone_id` done today; one change `u` undoes. InvalidInput when
    it is done already (nothing is written), NotFound when there is no such milestone."""
    milestone = store.get(Milestone, milestone_id)
    if milestone.done_at is not None:
        raise InvalidInput(
            f"milestone {milestone_id} is done already (on {milestone.done_at.isoformat()})"
        )
    return toggle_done(store, milestone, today)


def toggled_message(milestone: Milestone) -> str:
    """What to tell the person after `toggle_done` on `milestone` (as it was before)."""
    word = "not done" if milestone.done_at else "done"
    return f"'{milestone.title}' marked {word} (u undoes)"
