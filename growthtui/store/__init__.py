"""Storage: the only package that imports tinydb.

The names below are imported when first used, not with this package: `growthtui agenda`
reads the file through growthtui.store.quick_read without loading the repository (and
pydantic with it).
"""

from __future__ import annotations

from growthtui.domain.lazy import lazy_names

TYPE_CHECKING = False  # not `from typing import …`: typing costs the quick write ~10 ms

if TYPE_CHECKING:  # `name as name`: offered by this package (the names of `_MODULES`)
    from growthtui.store.changes import Change as Change
    from growthtui.store.changes import ImportReport as ImportReport
    from growthtui.store.errors import Conflict as Conflict
    from growthtui.store.errors import StoreBusy as StoreBusy
    from growthtui.store.errors import StoreError as StoreError
    from growthtui.store.errors import StoreNoAccess as StoreNoAccess
    from growthtui.store.errors import StoreTooNew as StoreTooNew
    from growthtui.store.errors import StoreUnreadable as StoreUnreadable
    from growthtui.store.errors import StoreWriteFailed as StoreWriteFailed
    from growthtui.store.repository import Store as Store
    from growthtui.store.schema import CURRENT_SCHEMA as CURRENT_SCHEMA

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

__all__ = sorted(name for names in _MODULES.values() for name in names)

__getattr__ = lazy_names(__name__, _MODULES)
