"""Ticking off a milestone: the Dashboard and the Timeline both do it with `space`."""

from __future__ import annotations

import datetime as dt

from growthtui.domain import Milestone
from growthtui.store import Store


def toggle_done(store: Store, milestone: Milestone, today: dt.date) -> Milestone:
    """Mark a milestone done today, or not done if it was; one change `u` undoes."""
    done = None if milestone.done_at else today
    return store.update(milestone.model_copy(update={"done_at": done}), base=milestone)


def toggled_message(milestone: Milestone) -> str:
    """What to tell the person after `toggle_done` on `milestone` (as it was before)."""
    word = "not done" if milestone.done_at else "done"
    return f"'{milestone.title}' marked {word} (u undoes)"
