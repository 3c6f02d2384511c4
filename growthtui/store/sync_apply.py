"""A sync's merged state written into the store (store/sync_merge.py makes it).

In one transaction, the store's lock held while it runs: records changed, added or deleted
here. Records known here keep their short number; a new record keeps the number it was
born with when it is free here, else takes the next free one, with its links remapped, and
the report says "goal 12 from the remote is now goal 14 here".
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field

from pydantic import ValidationError

from growthtui.domain.base import Record, explain
from growthtui.domain.entities import ENTITIES, ENTITY_BY_TABLE
from growthtui.domain.errors import InvalidInput
from growthtui.domain.profile import Profile
from growthtui.store.changes import dump_record, same_content
from growthtui.store.importing import titled
from growthtui.store.repository import Store
from growthtui.store.sync_merge import Merged, Note
from growthtui.store.sync_shared import relink


@dataclass
class Applied:
    """What a sync changed here, and the sentences it says."""

    received: int = 0
    notes: list[str] = field(default_factory=list)


def apply_merged(store: Store, result: Merged, other: str) -> Applied:
    """Make the store hold `result` (inside the caller's transaction, or one of its own):
    records changed, added or deleted here, renumbered where their number is taken here."""
    applied = Applied()
    with store.transaction(f"sync with {other}") as tx:
        local: dict[str, dict[str, int]] = {}
        records: dict[str, dict[int, Record]] = {}
        for model in ENTITIES:
            rows = store.list(model)
            records[model.table] = {r.id: r for r in rows if r.id is not None}
            local[model.table] = {r.uid: r.id for r in rows if r.id is not None}
        numbers = _numbered(store, result, local, other, applied)
        written: list[Record] = []
        for model in ENTITIES:
            table = model.table
            wanted = result.state.get(table) or {}
            for uid, doc in wanted.items():
                number = numbers[table][uid]
                local_doc = relink(doc, lambda t, u: numbers[t].get(u, u))
                try:
                    record = model.model_validate({**local_doc, "id": number})
                except ValidationError as error:
                    raise InvalidInput(
                        f"the remote holds a {model.entity} growthtui cannot read "
                        f"({explain(error, model.entity)[0][1]}); nothing here was changed"
                    ) from None
                here = records[table].get(number)
                if here is not None:
                    before, after = dump_record(here), dump_record(record)
                    if before == after:
                        continue
                    if same_content(before, after):
                        # Only its time of change differs (the same edit made on both
                        # sides): stored anew, so every copy holds the same time, which
                        # later merges compare. A put alone keeps the time it had.
                        tx.remove(model, number)
                        written.append(tx.put(record, keep_modified=True))
                        continue
                written.append(tx.put(record, keep_modified=True))
                applied.received += 1
            for uid, number in local[table].items():
                if uid not in wanted:
                    tx.remove(model, number)
                    applied.received += 1
        store.check_links(written)
        for note in result.notes:
            applied.notes.append(_named(note, numbers, result))
    return applied


def _numbered(
    store: Store, result: Merged, local: dict[str, dict[str, int]], other: str, applied: Applied
) -> dict[str, dict[str, int]]:
    """The number here of every record of the result: its own when it is here, else the
    number it was born with when free here, else the next free one."""
    numbers: dict[str, dict[str, int]] = {}
    for model in ENTITIES:
        table = model.table
        rows = result.state.get(table) or {}
        mine = {u: n for u, n in local[table].items() if u in rows}
        used = set(mine.values())
        new = sorted((u for u in rows if u not in mine), key=lambda u: (rows[u].get("id") or 0, u))
        renumber = []
        taken = set(local[table].values())
        for uid in new:
            wish = rows[uid].get("id")
            if isinstance(wish, int) and wish >= 1 and wish not in used and wish not in taken:
                mine[uid] = wish
                used.add(wish)
            else:
                renumber.append(uid)
        next_id = max(
            store.next_id(model),
            max(used, default=0) + 1,
            max(local[table].values(), default=0) + 1,
        )
        for uid in renumber:
            mine[uid] = next_id
            wish = rows[uid].get("id")
            if isinstance(wish, int) and model is not Profile:  # one profile: no number said
                applied.notes.append(
                    f"{model.entity} {wish} from {other} is now {model.entity} {next_id} here"
                )
            next_id += 1
        numbers[table] = mine
    return numbers


def _named(
    note: Note,
    numbers: dict[str, dict[str, int]],
    result: Merged,
) -> str:
    """A note's sentence, the record named as a person knows it here: "goal 14 (“…”)"."""
    model = ENTITY_BY_TABLE[note.table]
    number = numbers[note.table].get(note.uid)
    doc = (result.state.get(note.table) or {}).get(note.uid)
    name = model.entity if model is not Profile else "the profile"
    if model is Profile:
        return f"{name} {note.text}"
    shown = f"{name} {number}" if number is not None else name
    if doc is not None:
        with contextlib.suppress(ValidationError):
            shown += titled(model.model_validate({**relink(doc, lambda t, v: 1), "id": 0}))
    return f"{shown}: {note.text}" if not note.text.startswith("and ") else f"{shown} {note.text}"
