"""The JSON export: `schema_version` plus one list per entity, every record with its id.

Importing it into an empty store and exporting again gives the same bytes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from growthtui.domain import ENTITIES, ENTITY_BY_TABLE, InvalidInput, Record, explain
from growthtui.store import CURRENT_SCHEMA, ImportReport, Store


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
    version = data.get("schema_version")
    if not isinstance(version, int):
        raise InvalidInput(f"{source} has no 'schema_version': is it a growthtui JSON export?")
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
    if not isinstance(item.get("id"), int) or item["id"] < 1:
        raise InvalidInput(f"{where} in {source} has no valid 'id' (a positive whole number)")
    try:
        return model.model_validate(item)
    except ValidationError as error:
        _, message = explain(error, model.entity)[0]
        raise InvalidInput(f"{where} (id {item['id']}) in {source}: {message}") from None


def read_json_file(path: Path) -> Any:
    """Parse a JSON file, or InvalidInput saying why not."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InvalidInput(f"there is no file {path}: check the path") from None
    except IsADirectoryError:
        raise InvalidInput(f"{path} is a folder, not a file: give the path of a file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InvalidInput(f"cannot read {path}: {error}") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InvalidInput(
            f"{path} is not valid JSON (line {error.lineno}, column {error.colno}): "
            "is it the right file?"
        ) from None


def import_json(store: Store, data: Any, source: str = "the file") -> ImportReport:
    """Merge an export into the store by id: nothing is written if any record is bad."""
    return store.merge(records_from_data(data, source), description=f"import {source}")
