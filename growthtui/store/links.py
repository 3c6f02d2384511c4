"""Links between records: checked when made, cleared or cascaded when their target goes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from growthtui import heap
from growthtui.domain.base import Record
from growthtui.domain.entities import ENTITIES, ENTITY_BY_TABLE
from growthtui.domain.errors import InvalidInput

if TYPE_CHECKING:
    from growthtui.store.changes import Transaction
    from growthtui.store.repository import Store


def check_links(store: Store, record: Record, previous: Record | None = None) -> None:
    """Every link must point at an existing record; links already stored are not re-checked
    (their target may have been deleted since, which is history, not an error)."""
    old = previous.link_fields() if previous else {}
    for name, (table, ids) in record.link_fields().items():
        known = set(old.get(name, ("", []))[1])
        model = ENTITY_BY_TABLE[table]
        for linked in ids:
            if linked not in known and not store.has(model, linked):
                raise InvalidInput(
                    f"there is no {model.entity} with id {linked} to link to; "
                    f"pick an existing {model.entity}",
                    name,
                )


Referrers = dict[tuple[str, int], list[tuple[type[Record], int, str]]]
"""(table, id) → the records whose field links to it: (model, record id, field name)."""


def _referrers(store: Store) -> Referrers:
    """Every link in the store, by target: one pass over the records."""
    found: Referrers = {}
    with heap.paused():
        for model in ENTITIES:
            for record in store.list(model):
                for name, (table, ids) in record.link_fields().items():
                    for target in ids:
                        found.setdefault((table, target), []).append((model, record.id, name))
    return found


def delete_cascading(store: Store, model: type[Record], record_id: int, tx: Transaction) -> None:
    """Remove a record; records that cannot exist without it (a required link: a goal's
    milestones, a person's interactions) go too; optional links and link lists to it are
    cleared. Links kept inside history (a review's decisions) are left as they are."""
    if store.find(model, record_id) is None:
        return
    referrers = _referrers(store)
    doomed: list[tuple[type[Record], int]] = [(model, record_id)]
    gone = {(model.table, record_id)}
    for target_model, target_id in doomed:  # grows while it is walked: the whole cascade
        for other, other_id, name in referrers.get((target_model.table, target_id), []):
            field = other.model_fields.get(name)
            if field is None or not field.is_required() or (other.table, other_id) in gone:
                continue
            if isinstance(getattr(store.get(other, other_id), name), int):
                gone.add((other.table, other_id))
                doomed.append((other, other_id))

    updates: dict[tuple[type[Record], int], dict[str, Any]] = {}
    for target_model, target_id in doomed:
        tx.remove(target_model, target_id)
        for other, other_id, name in referrers.get((target_model.table, target_id), []):
            if (other.table, other_id) in gone or name not in other.model_fields:
                continue
            changes = updates.setdefault((other, other_id), {})
            value = changes.get(name, getattr(store.get(other, other_id), name))
            if isinstance(value, list):
                if all(isinstance(x, int) for x in value):  # not history: a list of ids
                    changes[name] = [x for x in value if x != target_id]
            elif isinstance(value, int) and not other.model_fields[name].is_required():
                changes[name] = None
    for (other, other_id), changes in updates.items():
        if changes:
            tx.put(store.get(other, other_id).model_copy(update=changes))
