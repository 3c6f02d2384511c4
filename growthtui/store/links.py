"""Links between records: checked when made, cleared or cascaded when their target goes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from growthtui.domain import ENTITIES, ENTITY_BY_TABLE, InvalidInput, Record

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


def delete_cascading(store: Store, model: type[Record], record_id: int, tx: Transaction) -> None:
    """Remove a record; records that cannot exist without it (a required link: a goal's
    milestones, a person's interactions) go too; optional links and link lists to it are
    cleared. Links kept inside history (a review's decisions) are left as they are."""
    if store.find(model, record_id) is None:
        return
    tx.remove(model, record_id)
    for other in ENTITIES:
        for record in list(store.list(other)):
            updates: dict[str, Any] = {}
            cascade = False
            for name, (table, ids) in record.link_fields().items():
                if table != model.table or record_id not in ids or name not in other.model_fields:
                    continue
                value = getattr(record, name)
                if isinstance(value, list):
                    updates[name] = [x for x in value if x != record_id]
                elif other.model_fields[name].is_required():
                    cascade = True
                else:
                    updates[name] = None
            if record.id is None:
                continue
            if cascade:
                delete_cascading(store, other, record.id, tx)
            elif updates:
                latest = store.find(other, record.id)
                if latest is not None:
                    tx.put(latest.model_copy(update=updates))
