"""Validated records, kept in memory beside the documents they came from.

Validating a document into a model is the costly part of reading a store (several times the
cost of parsing the JSON), so it is done once per document: a table is validated on first
use, kept in step with the store's own changes, and after the file was re-read (another
session wrote it) rebuilt by validating again only the documents that differ from the ones
its records came from. Documents are never changed in place, so "the same object" means
"unchanged" and the common case costs one identity check.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

from pydantic import TypeAdapter, ValidationError

from growthtui import heap
from growthtui.domain.base import Record, explain

R = TypeVar("R", bound=Record)
Doc = dict[str, Any]


class InvalidStoredRecord(Exception):
    """A stored document does not validate into its model."""

    def __init__(self, model: type[Record], doc_id: int, reasons: str) -> None:
        super().__init__(f"{model.entity} {doc_id} is not valid ({reasons})")


@dataclass
class _Table:
    generation: int
    records: dict[int, Record] = field(default_factory=dict)
    docs: dict[int, Doc] = field(default_factory=dict)
    """The document each record was validated from."""
    source: Mapping[str, Doc] | None = None
    """The stored table the records were built from, while they are in step with it: when
    a re-read gives an equal table, every record is still good (one comparison in C)."""


class RecordCache:
    """Validated records per table, for one generation of the stored documents."""

    def __init__(self) -> None:
        self._tables: dict[str, _Table] = {}

    def records(self, model: type[R], docs: Mapping[str, Doc], generation: int) -> dict[int, R]:
        """The table's records in document order; InvalidStoredRecord if one is not valid."""
        table = self._tables.get(model.table)
        if table is None or table.generation != generation:
            table = self._rebuild(model, docs, generation, table)
        return cast(dict[int, R], table.records)

    def put(
        self,
        table: str,
        doc_id: int,
        doc: Doc | None,
        record: Record | None,
        stored: Mapping[str, Doc] | None,
    ) -> None:
        """Keep a current table in step with a change the store made to `stored` (the table
        as it is now): `doc` is the new document (None: removed) and `record` its model
        (None: not known, so the table is checked again on next use)."""
        found = self._tables.get(table)
        if found is None:
            return
        if found.source is not stored:
            found.source = None  # built from another mapping: compare document by document
        if doc is None:
            found.records.pop(doc_id, None)
            found.docs.pop(doc_id, None)
        elif record is None:
            found.generation = -1
            found.source = None
        else:
            found.records[doc_id] = record
            found.docs[doc_id] = doc

    def mark_stale(self) -> None:
        """Check every table against the documents on next use (after a rollback)."""
        for table in self._tables.values():
            table.generation = -1
            table.source = None

    def _rebuild(
        self, model: type[R], docs: Mapping[str, Doc], generation: int, previous: _Table | None
    ) -> _Table:
        if previous is not None and previous.source is not None and previous.source == docs:
            previous.generation = generation
            previous.source = docs
            return previous
        with heap.paused():
            fresh = self._validated(model, docs, generation, previous)
        self._tables[model.table] = fresh
        return fresh

    def _validated(
        self, model: type[R], docs: Mapping[str, Doc], generation: int, previous: _Table | None
    ) -> _Table:
        seen_docs = previous.docs if previous else {}
        seen_records = previous.records if previous else {}
        fresh = _Table(generation, source=docs)
        pending: list[int] = []
        for key, doc in docs.items():
            doc_id = int(key)
            seen = seen_docs.get(doc_id)
            if seen is not None and (seen is doc or seen == doc):
                fresh.records[doc_id] = seen_records[doc_id]
            else:
                pending.append(doc_id)
                fresh.records[doc_id] = _NOT_YET  # keeps the table in document order
            fresh.docs[doc_id] = doc
        if pending:
            validated = _validate_many(model, [(i, fresh.docs[i]) for i in pending])
            fresh.records.update(zip(pending, validated, strict=True))
        return fresh


_NOT_YET = cast(Record, None)


@functools.cache
def _list_of(model: type[Record]) -> TypeAdapter[list[Record]]:
    return TypeAdapter(list[model])  # type: ignore[valid-type]


def _validate_many(model: type[R], docs: list[tuple[int, Doc]]) -> list[R]:
    """Validate documents into records, in one call into pydantic (much faster than one call
    per document); InvalidStoredRecord names the first one that is not valid."""
    try:
        return cast(list[R], _list_of(model).validate_python([{**d, "id": i} for i, d in docs]))
    except ValidationError:
        pass
    for doc_id, doc in docs:  # find the culprit and say what is wrong with it
        try:
            model.model_validate({**doc, "id": doc_id})
        except ValidationError as error:
            reasons = "; ".join(message for _, message in explain(error, model.entity))
            raise InvalidStoredRecord(model, doc_id, reasons) from None
    raise AssertionError("a list of documents failed to validate, but none of them alone")
