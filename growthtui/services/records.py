"""Saving, deleting and undoing: the one way the app's forms and lists, and the command
line, change a record.

A screen or a command never calls the Store's write methods itself; it calls these (or a
service built on them for a use case of its own: a check-in, a ticked milestone, a review
step). They say in words what was done, so the app's status line and the command line's
reply are the same sentence.
"""

from __future__ import annotations

from typing import TypeVar

from growthtui.domain.base import Record
from growthtui.domain.profile import Profile
from growthtui.store.repository import Store

R = TypeVar("R", bound=Record)


def save(store: Store, record: R, *, base: R | None = None, reason: str = "") -> R:
    """Add `record` when it is new (no id yet), else save it as an edit of `base` (the
    version the edit started from): fields changed since in another session are kept.
    `reason` goes into a goal's history for the fields that keep one."""
    if isinstance(record, Profile):
        stored: Record = store.save_profile(record)
        return stored  # type: ignore[return-value]
    if not record.id:
        return store.add(record)
    return store.update(record, reason=reason, base=base)


def delete(store: Store, model: type[Record], record_id: int) -> str:
    """Delete a record and what cannot exist without it; returns the reply in words."""
    store.delete(model, record_id)
    return f"deleted {model.entity} #{record_id} (u undoes)"


def undo(store: Store) -> str:
    """Reverse the last change; returns what was undone, in words."""
    return store.undo()


def undo_latest(store: Store) -> str:
    """Reverse the latest change to the store, whichever session or command made it (the
    store's undo journal): `growthtui undo`. Returns what was undone, in words."""
    return store.undo_latest()
