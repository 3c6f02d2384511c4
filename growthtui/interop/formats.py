"""One entry point per direction: export the store as text, import a file into it."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from growthtui.domain.errors import InvalidInput
from growthtui.interop.csv_export import export_csv
from growthtui.interop.ics import export_ics
from growthtui.interop.json_io import (
    NestedTooDeeply,
    export_json,
    import_json,
    parse_json,
    read_json_file,
    read_text_file,
)
from growthtui.interop.markdown import export_markdown
from growthtui.interop.taskwarrior import import_taskwarrior, parse_export
from growthtui.store.changes import ImportReport
from growthtui.store.repository import Store

EXPORT_FORMATS = ("json", "md", "csv", "ics")
IMPORT_FORMATS = ("json", "taskwarrior")

_EXPORTERS: dict[str, Callable[[Store, dt.date], str]] = {
    "json": lambda store, _today: export_json(store),
    "md": export_markdown,
    "csv": export_csv,
    "ics": export_ics,
}


def export_text(store: Store, fmt: str, today: dt.date) -> str:
    """The store in `fmt` as text (`today` dates the report and marks what is overdue)."""
    exporter = _EXPORTERS.get(fmt)
    if exporter is None:
        raise InvalidInput(f"unknown export format {fmt!r}: use one of {', '.join(EXPORT_FORMATS)}")
    return exporter(store, today)


def import_file(store: Store, path: Path, fmt: str = "json") -> ImportReport:
    """Merge the file at `path` into the store; nothing is written if the file is bad."""
    if fmt == "json":
        data = read_json_file(path)
        if _looks_like_taskwarrior(data):
            raise InvalidInput(
                f"{path} looks like a taskwarrior export: import it with --from taskwarrior"
            )
        return import_json(store, data, source=str(path), name=path.name)
    if fmt == "taskwarrior":
        text = read_text_file(path)
        return import_taskwarrior(store, parse_export(text, str(path)), source=str(path))
    raise InvalidInput(f"unknown import format {fmt!r}: use one of {', '.join(IMPORT_FORMATS)}")


def import_format_of(path: Path) -> str:
    """The import format of the file at `path`: "taskwarrior" for what `task export` writes
    (a JSON array, or one task object per line), else "json" (whose import then says what
    is wrong with a file that is neither, or cannot be read)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return "json"
    try:
        data = parse_json(text)
    except NestedTooDeeply:
        return "json"  # whose import says the file is not one
    except json.JSONDecodeError:
        try:  # one task object per line, read as the Taskwarrior import reads it
            return "taskwarrior" if _looks_like_taskwarrior(parse_export(text)) else "json"
        except InvalidInput:
            return "json"
    # A growthtui export is one object; a list can only be tasks (or not an export at all).
    return "taskwarrior" if isinstance(data, list) or _looks_like_taskwarrior(data) else "json"


def _looks_like_taskwarrior(data: Any) -> bool:
    first = data[0] if isinstance(data, list) and data else data
    return isinstance(first, dict) and "uuid" in first and "description" in first
