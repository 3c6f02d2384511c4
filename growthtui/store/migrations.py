"""Schema versions of the data file and the steps that move an old file forward.

Each step takes the whole document of version N and returns version N+1. The store backs
the file up before migrating and writes the result atomically.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from growthtui.store.identity import content_bytes, derived_uid
from growthtui.store.schema import CURRENT_SCHEMA, MAX_ID, META_ID, META_TABLE

Data = dict[str, dict[str, Any]]


class UnknownVersion(ValueError):
    """The `meta` table is there, but its schema version is not a version number."""


def schema_version(data: Data) -> int:
    """The version a document declares; a plain TinyDB file without `meta` is version 0.

    UnknownVersion when `meta` declares something that is not a version number: such a file
    is not migrated (that would overwrite what we do not understand)."""
    meta = data.get(META_TABLE, {}).get(META_ID)
    if not meta:
        return 0
    version = meta.get("schema_version", 0)
    if type(version) is not int or version < 0:
        raise UnknownVersion(f"its schema_version is {version!r}, not a version number")
    return version


def check_counters(data: Data) -> None:
    """UnknownVersion (with the reason) when `meta`'s id counters are not what the Store
    writes: a table name → a whole number from 1 to one past the largest id."""
    meta = data.get(META_TABLE, {}).get(META_ID)
    if not meta or "next_id" not in meta:
        return
    counters = meta["next_id"]
    if type(counters) is not dict:
        raise UnknownVersion(f"its next_id is {counters!r}, not a table of counters")
    for table, counter in counters.items():
        if type(counter) is not int or not 1 <= counter <= MAX_ID + 1:
            raise UnknownVersion(
                f"its next_id of '{table}' is {counter!r}, not a whole number "
                f"from 1 to {MAX_ID + 1}"
            )


def foreign_tables_only(data: Data, known: set[str]) -> bool:
    """True for an unversioned file that holds records, none of them in growthtui's tables:
    another program's TinyDB file, not an old growthtui store."""
    if schema_version(data) != 0:
        return False
    filled = {name for name, docs in data.items() if docs}
    return bool(filled) and not filled & known


def _v0_to_v1(data: Data) -> Data:
    """Version 0 is a bare TinyDB file (hand-made, or from before versioning): add `meta`
    with the id counters the repository needs so that ids are never reused."""
    next_id = {}
    for table, docs in data.items():
        if table == META_TABLE:
            continue
        ids = [int(key) for key in docs if key.isdigit()]
        next_id[table] = max(ids, default=0) + 1
    data[META_TABLE] = {META_ID: {"schema_version": 1, "next_id": next_id}}
    return data


def _v1_to_v2(data: Data) -> Data:
    """Version 2 gives every record its identity for life (`uid`) and the time of its last
    change (`modified`: unknown, so None). The identity is derived from the record (see
    identity.derived_uid): two copies of one store upgraded apart give their common records
    the same identity, and an export of schema 1 matches the records it came from."""
    out: Data = {}
    for table, docs in data.items():
        if table == META_TABLE:
            out[table] = docs
        else:
            out[table] = {key: _identified(table, key, doc) for key, doc in docs.items()}
    return out


def _identified(table: str, key: str, doc: dict[str, Any]) -> dict[str, Any]:
    """`doc` (a new dict) with its uid and modified first, as the models order them."""
    uid = doc.get("uid") or derived_uid(table, int(key), content_bytes(doc))
    rest = {k: v for k, v in doc.items() if k not in ("uid", "modified")}
    return {"uid": uid, "modified": doc.get("modified"), **rest}


MIGRATIONS: dict[int, Callable[[Data], Data]] = {0: _v0_to_v1, 1: _v1_to_v2}


def migrate(data: Data) -> Data:
    """Apply every step from the document's version up to CURRENT_SCHEMA; `data` itself is
    left as it was."""
    version = schema_version(data)
    while version < CURRENT_SCHEMA:
        data = MIGRATIONS[version](dict(data))
        version += 1
        # New dicts all the way down: `data` may be the store's documents in memory.
        meta_table = data.get(META_TABLE, {})
        meta = {**meta_table.get(META_ID, {}), "schema_version": version}
        data[META_TABLE] = {**meta_table, META_ID: meta}
    return data
