"""Finishing a learning item, and taking it up again."""

from __future__ import annotations

import datetime as dt

from growthtui.domain.errors import InvalidInput
from growthtui.domain.learning import LearningItem, LearningStatus
from growthtui.services.records import save
from growthtui.store.repository import Store


def mark_done(store: Store, item_id: int, today: dt.date) -> LearningItem:
    """Mark learning item `item_id` done, completed today; one change `u` undoes.
    InvalidInput when it is done already (nothing is written)."""
    item = store.get(LearningItem, item_id)
    if item.status is LearningStatus.DONE:
        when = f" on {item.completed.isoformat()}" if item.completed else ""
        raise InvalidInput(f"learning item {item_id} is done already{when}")
    done = item.model_copy(update={"status": LearningStatus.DONE, "completed": today})
    return save(store, done, base=item)


def reopen(store: Store, item_id: int) -> LearningItem:
    """Take a finished or dropped learning item up again (in progress, no completion
    date). InvalidInput when it is open already."""
    item = store.get(LearningItem, item_id)
    if item.is_open:
        raise InvalidInput(f"learning item {item_id} is not done: it is {item.status.value}")
    update = {"status": LearningStatus.IN_PROGRESS, "completed": None}
    return save(store, item.model_copy(update=update), base=item)
