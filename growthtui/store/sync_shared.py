"""The shared form of a store: what a sync keeps in git (services/sync.py).

In it a record is known by its identity (`uid`), never by its short number: every link to
another record names that record's uid, and `id` is only the number the record was born
with (a hint: each copy keeps its own numbers). Git holds one file per kind of record that
has any (`shared_files`): a JSON list sorted by uid, indented, keys in the model's order, so
that `git log -p` reads as a history.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from growthtui.domain.entities import ENTITIES
from growthtui.domain.errors import InvalidInput
from growthtui.domain.printable import printable
from growthtui.store.repository import Store

Doc = dict[str, Any]
Shared = dict[str, dict[str, Doc]]
"""A store in shared form: kind (table) → uid → record (links as uids)."""

LINKS: dict[str, str] = {
    "parent_id": "goals",
    "goal_id": "goals",
    "pending_goal_id": "goals",
    "goal_ids": "goals",
    "trait_ids": "traits",
    "skill_ids": "skills",
    "person_id": "people",
    "person_ids": "people",
    "milestone_id": "milestones",
}
"""Every field that links to another record, and the kind it links to (a review's
`decisions` link to goals too, each through its `goal_id`)."""
DECISIONS = "decisions"
REQUIRED_LINKS = {("milestones", "goal_id"), ("checkins", "goal_id"), ("interactions", "person_id")}
"""Links a record cannot exist without."""
SCHEMA_FILE = "schema.json"


def shared_state(store: Store) -> Shared:
    """The store's records in shared form (each record's `id`: its number here)."""
    dumped = store.dump()
    uids = {table: {r.id: r.uid for r in records} for table, records in dumped.items()}
    shared: Shared = {}
    for table, records in dumped.items():
        rows: dict[str, Doc] = {}
        for record in records:
            doc = record.model_dump(mode="json")
            rows[record.uid] = relink(doc, lambda t, n: uids[t].get(n, n))
        shared[table] = rows
    return shared


def relink(doc: Doc, to: Any) -> Doc:
    """`doc` with every link passed through `to(table, value)`."""
    out = dict(doc)
    for name, table in LINKS.items():
        value = out.get(name)
        if value is None:
            continue
        out[name] = [to(table, v) for v in value] if isinstance(value, list) else to(table, value)
    if out.get(DECISIONS):
        out[DECISIONS] = [{**d, "goal_id": to("goals", d["goal_id"])} for d in out[DECISIONS]]
    return out


def link_targets(doc: Doc) -> list[tuple[str, str, Any]]:
    """(field, kind, uid) for every link of a shared record."""
    found: list[tuple[str, str, Any]] = []
    for name, table in LINKS.items():
        value = doc.get(name)
        if isinstance(value, list):
            found += [(name, table, v) for v in value]
        elif value is not None:
            found.append((name, table, value))
    for decision in doc.get(DECISIONS) or ():
        found.append((DECISIONS, "goals", decision.get("goal_id")))
    return found


def shared_files(state: Shared, schema: int) -> dict[str, bytes]:
    """The files git holds for `state`: one per kind that has records, each a JSON list
    sorted by uid, indented, keys in the model's order: `git log -p` reads as a history."""
    files = {SCHEMA_FILE: (json.dumps({"schema_version": schema}) + "\n").encode()}
    for model in ENTITIES:
        rows = state.get(model.table) or {}
        if not rows:
            continue
        order = list(model.model_fields)
        docs = [_ordered(rows[uid], order) for uid in sorted(rows)]
        files[f"{model.table}.json"] = (
            json.dumps(docs, indent=2, ensure_ascii=False) + "\n"
        ).encode()
    return files


def _ordered(doc: Doc, order: list[str]) -> Doc:
    out = {k: doc[k] for k in order if k in doc}
    out.update({k: v for k, v in doc.items() if k not in out})
    return out


def state_from_files(files: Mapping[str, bytes], schema: int, where: str) -> Shared:
    """The shared state in `files` (as `shared_files` wrote them); InvalidInput, in one
    sentence, when they are not growthtui's or come from a newer growthtui."""
    state: Shared = {model.table: {} for model in ENTITIES}
    try:
        if SCHEMA_FILE in files:
            version = json.loads(files[SCHEMA_FILE]).get("schema_version")
            if not isinstance(version, int) or version > schema:
                raise InvalidInput(
                    f"{where} was synced by a newer growthtui (data schema {version}; this "
                    f"one reads up to {schema}): upgrade growthtui here first; nothing was "
                    "changed"
                )
        for name, raw in files.items():
            table = name.removesuffix(".json")
            if name == SCHEMA_FILE or table not in state:
                continue
            docs = json.loads(raw)
            if not isinstance(docs, list) or not all(_well_formed(d) for d in docs):
                raise ValueError(f"{name} is not a list of records, each with its uid and links")
            state[table] = {d["uid"]: d for d in docs}
    except (ValueError, AttributeError) as error:
        raise InvalidInput(
            f"{where} holds files growthtui cannot read ({printable(str(error))[:120]}): "
            "is it a growthtui sync repository? nothing was changed"
        ) from None
    return state


def _well_formed(doc: object) -> bool:
    """A record as the merge reads it: a uid, a number, a time of change, and links that
    are uids (its fields are checked by its model when it is stored)."""
    if not isinstance(doc, dict) or not isinstance(doc.get("uid"), str) or not doc["uid"]:
        return False
    if not isinstance(doc.get("id"), int | None) or not isinstance(doc.get("modified"), str | None):
        return False
    for name in LINKS:
        value = doc.get(name)
        if isinstance(value, list):
            if not all(isinstance(v, str) for v in value):
                return False
        elif not isinstance(value, str | None):
            return False
    decisions = doc.get(DECISIONS)
    if decisions is None:
        return True
    return isinstance(decisions, list) and all(
        isinstance(d, dict) and isinstance(d.get("goal_id"), str) for d in decisions
    )


def content(doc: Doc) -> Doc:
    """A shared record without its number and time of change: what two versions compare."""
    return {k: v for k, v in doc.items() if k not in ("id", "modified")}


def changes_between(state: Shared, other: Shared) -> int:
    """How many records differ between two shared states (added, changed or deleted)."""
    count = 0
    for table in set(state) | set(other):
        a, b = state.get(table) or {}, other.get(table) or {}
        for uid in set(a) | set(b):
            x, y = a.get(uid), b.get(uid)
            if x is None or y is None or content(x) != content(y):
                count += 1
    return count
