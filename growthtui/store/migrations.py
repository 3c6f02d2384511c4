"""Schema versions of the data file and the steps that move an old file forward.

Each step takes the whole document of version N and returns version N+1. The store backs
the file up before migrating and writes the result atomically.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from growthtui.store.schema import CURRENT_SCHEMA, META_ID, META_TABLE

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


MIGRATIONS: dict[int, Callable[[Data], Data]] = {0: _v0_to_v1}


def migrate(data: Data) -> Data:
    """Apply every step from the document's version up to CURRENT_SCHEMA."""
    version = schema_version(data)
    while version < CURRENT_SCHEMA:
        data = MIGRATIONS[version](data)
        version += 1
        data.setdefault(META_TABLE, {}).setdefault(META_ID, {})["schema_version"] = version
    return data
