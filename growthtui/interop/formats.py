"""One entry point per direction: export the store as text, import a file into it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from growthtui.domain import InvalidInput
from growthtui.interop.json_io import export_json, import_json, read_json_file
from growthtui.store import ImportReport, Store

EXPORT_FORMATS = ("json", "md", "csv", "ics")
IMPORT_FORMATS = ("json", "taskwarrior")


def export_text(store: Store, fmt: str, today: dt.date) -> str:
    """The store in `fmt` as text."""
    if fmt == "json":
        return export_json(store)
    raise InvalidInput(f"unknown export format {fmt!r}: use one of {', '.join(EXPORT_FORMATS)}")


def import_file(store: Store, path: Path, fmt: str = "json") -> ImportReport:
    """Merge the file at `path` into the store."""
    data = read_json_file(path)
    if fmt == "json":
        return import_json(store, data, source=str(path))
    raise InvalidInput(f"unknown import format {fmt!r}: use one of {', '.join(IMPORT_FORMATS)}")
