"""What one call to the store changes, and how to reverse it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from growthtui.domain import InvalidInput, Record

if TYPE_CHECKING:
    from growthtui.store.repository import Store

Doc = dict[str, Any]


def dump_record(record: Record) -> Doc:
    """A record as stored: JSON types, without its id (the id is the document's key)."""
    return record.model_dump(mode="json", exclude={"id"})


@dataclass
class Op:
    """One document changed by a transaction: `None` means absent."""

    table: str
    doc_id: int
    before: Doc | None
    after: Doc | None


@dataclass
class Change:
    """What one call to the store did, in words, and how to reverse it."""

    description: str
    ops: list[Op] = field(default_factory=list)
    """In the order they were made; documents are shared with the store: do not change them."""


@dataclass(frozen=True)
class ImportReport:
    """What a merge of records into the store did."""

    added: int = 0
    updated: int = 0
    skipped: int = 0

    def describe(self) -> str:
        return f"{self.added} added, {self.updated} updated, {self.skipped} unchanged"


class Transaction:
    """The changes of one transaction, applied to the documents in memory as they are made
    and recorded as ops for undo. The store writes them to disk once, at the end."""

    def __init__(self, store: Store, description: str) -> None:
        self.store = store
        self.change = Change(description)
        self.bookkeeping: list[Op] = []
        """Changes that are not undone (the id counters); rolled back with the rest."""

    def put(self, record: Record) -> None:
        """Insert or replace a record that already carries its id."""
        assert record.id is not None
        after = dump_record(record)
        before = self.store._raw(record.table, record.id)
        if before == after:
            return
        self.store._write_doc(record.table, record.id, after, record)
        self.change.ops.append(Op(record.table, record.id, before, after))

    def insert_new(self, records: list[Record]) -> None:
        """Insert many new records (ids set, not yet stored)."""
        for record in records:
            assert record.id is not None
            if self.store._raw(record.table, record.id) is not None:
                raise InvalidInput(f"{record.entity} {record.id} already exists")
            after = dump_record(record)
            self.store._write_doc(record.table, record.id, after, record)
            self.change.ops.append(Op(record.table, record.id, None, after))

    def remove(self, model: type[Record], record_id: int) -> None:
        before = self.store._raw(model.table, record_id)
        if before is None:
            return
        self.store._write_doc(model.table, record_id, None, None)
        self.change.ops.append(Op(model.table, record_id, before, None))
