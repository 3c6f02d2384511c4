"""Storage: the only package that imports tinydb."""

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
