"""Sample data: a believable person's growth plan, dated relative to `today`.

Alex Rivera, a senior backend engineer, aims to be a staff engineer in five years. The
demo (`growthtui --demo`), the screenshots and the tests all start from here. The person is
data, not code: `sample_person.json` beside this module is a JSON export (the format
`growthtui export --format json` writes) taken on its `anchor` day. Seeding moves every date
in it by the days between that anchor and `today` (a milestone due three days after the
anchor is due three days from today), then imports it the way `growthtui import` does.

`scale` adds years of history for benchmarks (about `scale` records in all), made by
`sample_history.scale_records`.
"""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources
from typing import Any

from pydantic import BaseModel

from growthtui.domain.base import Record
from growthtui.domain.entities import ENTITIES
from growthtui.domain.errors import InvalidInput
from growthtui.interop.json_io import import_json, records_from_data
from growthtui.services.sample_history import scale_records
from growthtui.store.repository import Store

MAX_SCALE = 1_000_000
SAMPLE_FILE = "sample_person.json"
ANCHOR_KEY = "anchor"
"""The day the sample was exported on: its dates are relative to it."""


def sample_export(today: dt.date) -> dict[str, Any]:
    """The sample person as a JSON export, every date moved to be relative to `today`."""
    text = resources.files(__package__).joinpath(SAMPLE_FILE).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    anchor = dt.date.fromisoformat(data.pop(ANCHOR_KEY))
    records = records_from_data(data, source=SAMPLE_FILE)
    shift = today - anchor
    out: dict[str, Any] = {"schema_version": data["schema_version"]}
    for record in records:
        out.setdefault(record.table, []).append(_moved(record, shift).model_dump(mode="json"))
    return out


def _moved(value: Any, shift: dt.timedelta) -> Any:
    """`value` with every date and time in it moved by `shift` (records, nested values and
    lists of them; text is left alone)."""
    if not shift:
        return value
    if isinstance(value, dt.datetime | dt.date):
        return value + shift
    if isinstance(value, list):
        return [_moved(item, shift) for item in value]
    if isinstance(value, BaseModel):
        changes = {
            name: _moved(getattr(value, name), shift)
            for name in type(value).model_fields
            if _holds_dates(getattr(value, name))
        }
        return value.model_copy(update=changes) if changes else value
    return value


def _holds_dates(value: Any) -> bool:
    return isinstance(value, dt.date | BaseModel) or (
        isinstance(value, list) and any(_holds_dates(item) for item in value)
    )


def seed(store: Store, today: dt.date, scale: int | None = None) -> int:
    """Fill an empty store with the sample person (and, with `scale`, about `scale` records
    in all), in one write. Returns how many records were written. Refuses a store that has
    data."""
    if not store.is_empty():
        where = f" at {store.path}" if store.path else ""
        raise InvalidInput(
            f"the store{where} already has records; seed fills only an empty store — "
            "give another file with --data"
        )
    if scale is not None and not 0 <= scale <= MAX_SCALE:
        raise InvalidInput(f"--scale must be between 0 and {MAX_SCALE:,}, not {scale}")
    sample = sample_export(today)
    count = sum(len(v) for v in sample.values() if isinstance(v, list))
    with store.transaction("seed sample data"):
        import_json(store, sample, source="the sample person")
        if scale is not None and scale > count:
            next_ids = {model.table: max(store.ids(model), default=0) + 1 for model in ENTITIES}
            extra: list[Record] = list(scale_records(today, scale - count, next_ids))
            store.add_many(extra, description="seed sample data")
            count += len(extra)
    return count
