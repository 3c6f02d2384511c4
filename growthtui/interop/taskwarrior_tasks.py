"""The tasks in a `task export`, read and checked: only the fields growthtui uses.

Both the JSON array `task export` prints and one object per line (rc.json.array=off, and
what older taskwarrior printed) are read. Dates become the local dates a person entered.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from growthtui.domain.errors import InvalidInput


@dataclass
class Task:
    """The part of a taskwarrior task growthtui uses."""

    uuid: str
    description: str
    status: str
    project: str = ""
    tags: list[str] = field(default_factory=list)
    due: dt.date | None = None
    entry: dt.date | None = None
    end: dt.date | None = None
    annotations: list[tuple[dt.date | None, str]] = field(default_factory=list)
    series: str = ""
    """For an occurrence of a recurring task: the uuid of its template."""
    recur: str = ""


def parse_export(text: str, source: str = "the file") -> list[dict[str, Any]]:
    """The tasks of a `task export`: a JSON array, or one JSON object per line."""
    stripped = text.strip()
    if not stripped:
        return []
    try:
        data = json.loads(stripped)
    except json.JSONDecodeError:
        data = _parse_lines(stripped, source)
    except RecursionError:
        raise _too_deep(source) from None
    if isinstance(data, dict):
        if "schema_version" in data:
            raise InvalidInput(
                f"{source} is a growthtui JSON export, not a taskwarrior one: "
                "import it with --from json"
            )
        data = [data]
    if not isinstance(data, list):
        raise InvalidInput(f"{source} is not a taskwarrior export: run `task export > FILE`")
    for index, item in enumerate(data):
        if not isinstance(item, dict):
            raise InvalidInput(
                f"item {index + 1} of {source} is not a task (a JSON object): "
                "is it the output of `task export`?"
            )
    return data


def _parse_lines(text: str, source: str) -> list[Any]:
    items: list[Any] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip().rstrip(",")
        if line in ("", "[", "]"):
            continue
        try:
            items.append(json.loads(line))
        except json.JSONDecodeError:
            raise InvalidInput(
                f"line {number} of {source} is not a task in JSON: "
                "is it the output of `task export`?"
            ) from None
        except RecursionError:
            raise _too_deep(source) from None
    return items


def _too_deep(source: str) -> InvalidInput:
    return InvalidInput(
        f"{source} nests lists or objects too deeply to be a taskwarrior export: "
        "is it the output of `task export`?"
    )


def read_tasks(
    items: Sequence[dict[str, Any]], source: str = "the file", tz: dt.tzinfo | None = None
) -> list[Task]:
    """Validate the fields growthtui uses; dates become local dates in `tz` (default: this
    machine's time zone, as taskwarrior shows them)."""
    return [_task(item, index, source, tz) for index, item in enumerate(items, start=1)]


def _task(item: dict[str, Any], index: int, source: str, tz: dt.tzinfo | None) -> Task:
    uuid = item.get("uuid")
    if not isinstance(uuid, str) or not uuid.strip():
        raise InvalidInput(
            f"task {index} of {source} has no uuid: export with `task export`, "
            "which always includes it"
        )
    where = f"task {uuid} in {source}"

    def text(name: str) -> str:
        value = item.get(name, "")
        return value.strip() if isinstance(value, str) else ""

    def date(name: str) -> dt.date | None:
        value = item.get(name)
        return None if value in (None, "") else _local_date(value, f"'{name}' of {where}", tz)

    annotations: list[tuple[dt.date | None, str]] = []
    raw_notes = item.get("annotations")
    for note in raw_notes if isinstance(raw_notes, list) else []:
        if isinstance(note, dict) and isinstance(note.get("description"), str):
            when = note.get("entry")
            day = _local_date(when, f"an annotation of {where}", tz) if when else None
            annotations.append((day, note["description"].strip()))
    raw_tags = item.get("tags")
    tags = raw_tags if isinstance(raw_tags, list) else []
    status = text("status").lower()
    if status != "deleted" and not text("description"):
        raise InvalidInput(f"{where} has no description: give it one in taskwarrior and export")
    return Task(
        uuid=uuid.strip(),
        description=text("description"),
        status=status,
        project=text("project"),
        tags=[t.strip() for t in tags if isinstance(t, str) and t.strip()],
        due=date("due"),
        entry=date("entry"),
        end=date("end"),
        annotations=annotations,
        series=text("parent") or text("template"),
        recur=text("recur"),
    )


def _local_date(value: Any, what: str, tz: dt.tzinfo | None) -> dt.date:
    """`20261214T230000Z` (or ISO 8601) as the local date a person entered it as. A moment
    whose local date is past 9999-12-31 (or before year 1), which a calendar cannot hold,
    is the last (or first) date there is: taskwarrior users write `due:9999-12-31` for
    "some day"."""
    moment = _moment(value.strip()) if isinstance(value, str) else None
    if moment is None:
        raise InvalidInput(f"{what} is not a taskwarrior date ({value!r}): fix it or remove it")
    try:
        return moment.astimezone(tz).date()
    except OverflowError:
        return dt.date.max if moment.year > 1 else dt.date.min


def _moment(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.strptime(text, "%Y%m%dT%H%M%SZ").replace(tzinfo=dt.UTC)
    except ValueError:
        pass
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
