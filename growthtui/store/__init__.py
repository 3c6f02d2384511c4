"""Storage: the only package that imports tinydb.

The names below are imported when first used, not with this package: `growthtui agenda`
reads the file through growthtui.store.quick_read without loading the repository (and
pydantic with it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from growthtui.domain.lazy import lazy_names

if TYPE_CHECKING:
    from growthtui.store.changes import Change, ImportReport
    from growthtui.store.errors import (
        Conflict,
        StoreBusy,
        StoreError,
        StoreTooNew,
        StoreUnreadable,
        StoreWriteFailed,
    )
    from growthtui.store.migrations import CURRENT_SCHEMA
    from growthtui.store.repository import Store

_HOME = {
    "CURRENT_SCHEMA": "migrations",
    "Change": "changes",
    "Conflict": "errors",
    "ImportReport": "changes",
    "Store": "repository",
    "StoreBusy": "errors",
    "StoreError": "errors",
    "StoreTooNew": "errors",
    "StoreUnreadable": "errors",
    "StoreWriteFailed": "errors",
}

__all__ = [
    "CURRENT_SCHEMA",
    "Change",
    "Conflict",
    "ImportReport",
    "Store",
    "StoreBusy",
    "StoreError",
    "StoreTooNew",
    "StoreUnreadable",
    "StoreWriteFailed",
]


__getattr__ = lazy_names(__name__, _HOME)
