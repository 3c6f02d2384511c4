"""Storage: the only package that imports tinydb.

The names below are imported when first used, not with this package: `growthtui agenda`
reads the file through growthtui.store.quick_read without loading the repository (and
pydantic with it).
"""

from __future__ import annotations

from growthtui.domain.lazy import lazy_names

TYPE_CHECKING = False  # not `from typing import …`: typing costs the quick write ~10 ms

if TYPE_CHECKING:
    from growthtui.store.changes import Change, ImportReport
    from growthtui.store.errors import (
        Conflict,
        StoreBusy,
        StoreError,
        StoreNoAccess,
        StoreTooNew,
        StoreUnreadable,
        StoreWriteFailed,
    )
    from growthtui.store.repository import Store
    from growthtui.store.schema import CURRENT_SCHEMA

_MODULES: dict[str, tuple[str, ...]] = {
    "changes": ("Change", "ImportReport"),
    "errors": (
        "Conflict",
        "StoreBusy",
        "StoreError",
        "StoreNoAccess",
        "StoreTooNew",
        "StoreUnreadable",
        "StoreWriteFailed",
    ),
    "schema": ("CURRENT_SCHEMA",),
    "repository": ("Store",),
}
"""Each module of this package, and the names it gives `growthtui.store`."""

__all__ = [
    "CURRENT_SCHEMA",
    "Change",
    "Conflict",
    "ImportReport",
    "Store",
    "StoreBusy",
    "StoreError",
    "StoreNoAccess",
    "StoreTooNew",
    "StoreUnreadable",
    "StoreWriteFailed",
]


__getattr__ = lazy_names(__name__, _MODULES)
