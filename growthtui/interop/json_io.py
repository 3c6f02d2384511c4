"""The JSON export: `schema_version` plus one list per entity, every record with its short
number (`id`), its identity for life (`uid`) and the time of its last change (`modified`).

Importing it into an empty store and exporting again gives the same bytes. Importing it
into a store that has data merges it by identity (store/importing.py).
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from growthtui.domain.base import Record, explain
from growthtui.domain.entities import ENTITIES, ENTITY_BY_TABLE
from growthtui.domain.errors import InvalidInput
from growthtui.store.changes import ImportReport
from growthtui.store.importing import import_records
from growthtui.store.repository import Store
from growthtui.store.schema import CURRENT_SCHEMA, MAX_ID


def export_data(store: Store) -> dict[str, Any]:
    """Every record of every kind, in a stable order."""
    out: dict[str, Any] = {"schema_version": CURRENT_SCHEMA}
    for table, records in store.dump().items():
        out[table] = [record.model_dump(mode="json") for record in records]
    return out


def export_json(store: Store) -> str:
    """The export as text: indented, keys in model order, ending with a newline."""
    return json.dumps(export_data(store), indent=2, ensure_ascii=False) + "\n"


def records_from_data(data: Any, source: str = "the file") -> list[Record]:
    """Validate an export object into records; InvalidInput names the first bad record."""
    if not isinstance(data, dict):
        raise InvalidInput(
            f"{source} is not a growthtui JSON export (expected an object with "
            "'schema_version' and lists such as 'goals')"
        )
    if "schema_version" not in data:
        raise InvalidInput(f"{source} has no 'schema_version': is it a growthtui JSON export?")
    version = data["schema_version"]
    if type(version) is not int or version < 1:  # not True, 1.0 or "1"
        raise InvalidInput(
            f"{source} has the schema_version {json.dumps(version)[:40]}, not a version "
            "number: is it a growthtui JSON export?"
        )
    if version > CURRENT_SCHEMA:
        raise InvalidInput(
            f"{source} was exported by a newer growthtui (schema {version}, this version reads "
            f"up to {CURRENT_SCHEMA}): upgrade growthtui first"
        )
    unknown = [k for k in data if k != "schema_version" and k not in ENTITY_BY_TABLE]
    if unknown:
        raise InvalidInput(
            f"{source} has a list growthtui does not know: {unknown[0]!r}; remove it and retry"
        )
    records: list[Record] = []
    for model in ENTITIES:
        items = data.get(model.table, [])
        if not isinstance(items, list):
            raise InvalidInput(f"'{model.table}' in {source} must be a list of records")
        for index, item in enumerate(items):
            records.append(_validate(model, item, index, source))
    return records


def _validate(model: type[Record], item: Any, index: int, source: str) -> Record:
    where = f"{model.table}[{index}]"
    if not isinstance(item, dict):
        raise InvalidInput(f"{where} in {source} is not a record (an object)")
    number = item.get("id")
    if type(number) is not int or not 1 <= number <= MAX_ID:
        raise InvalidInput(
            f"{where} in {source} has no valid 'id' (a positive whole number, at most {MAX_ID})"
        )
    uid = item.get("uid", "")
    if uid != "" and not _is_uid(uid):
        raise InvalidInput(
            f"{where} (id {number}) in {source} has the uid {json.dumps(uid)[:60]}, which is "
            "not an identity growthtui writes (a UUID); remove it to import the record as new"
        )
    try:
        record = model.model_validate(item)
    except ValidationError as error:
        _, message = explain(error, model.entity)[0]
        raise InvalidInput(f"{where} (id {number}) in {source}: {message}") from None
    for table, linked in _links(record):
        if any(not 1 <= n <= MAX_ID for n in linked):
            wrong = next(n for n in linked if not 1 <= n <= MAX_ID)
            entity = ENTITY_BY_TABLE[table].entity
            raise InvalidInput(
                f"{where} (id {number}) in {source} links to {entity} {wrong}, which cannot "
                f"exist (ids are whole numbers from 1 to {MAX_ID}); fix or remove the link"
            )
    return record


def _links(record: Record) -> list[tuple[str, list[int]]]:
    return list(record.link_fields().values())


def _is_uid(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        return str(uuid.UUID(value)) == value
    except ValueError:
        return False


def read_text_file(path: Path) -> str:
    """The text of a file to import (UTF-8), or InvalidInput saying why it cannot be read."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InvalidInput(f"there is no file {path}: check the path") from None
    except IsADirectoryError:
        raise InvalidInput(f"{path} is a folder, not a file: give the path of a file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InvalidInput(f"cannot read {path}: {error}") from None


def read_json_file(path: Path) -> Any:
    """Parse a JSON file, or InvalidInput saying why not."""
    text = read_text_file(path)
    try:
        return parse_json(text)
    except json.JSONDecodeError as error:
        raise InvalidInput(
            f"{path} is not valid JSON (line {error.lineno}, column {error.colno}): "
            "is it the right file?"
        ) from None
    except NestedTooDeeply:
        raise InvalidInput(
            f"{path} nests lists or objects too deeply to be an export (a growthtui or "
            "taskwarrior export nests a few levels): is it the right file?"
        ) from None


class NestedTooDeeply(ValueError):
    """JSON nested deeper than Python's parser follows."""


def parse_json(text: str) -> Any:
    """`json.loads`, with NestedTooDeeply instead of a RecursionError for deep nesting."""
    try:
        return json.loads(text)
    except RecursionError:
        raise NestedTooDeeply from None


def import_json(
    store: Store, data: Any, source: str = "the file", name: str | None = None
) -> ImportReport:
    """Merge an export into the store by identity (store/importing.py): nothing is
    written if any record is bad. `name` is how the report names the file (default:
    the last part of `source`)."""
    records = records_from_data(data, source)
    return import_records(store, records, name or Path(source).name)
