"""What one call to the store changes, and how to reverse it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from tinydb.table import Document

from growthtui.domain import Record

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


@dataclass(frozen=True)
class ImportReport:
    """What a merge of records into the store did."""

    added: int = 0
    updated: int = 0
    skipped: int = 0

    def describe(self) -> str:
        return f"{self.added} added, {self.updated} updated, {self.skipped} unchanged"


class Transaction:
    """The changes of one transaction, applied to the TinyDB tables as they are made and
    recorded as ops for undo. The store writes them to disk once, at the end."""

    def __init__(self, store: Store, description: str) -> None:
        self.store = store
        self.change = Change(description)

    def put(self, record: Record) -> None:
        """Insert or replace a record that already carries its id."""
        assert record.id is not None
        table = self.store._table(record.table)
        after = dump_record(record)
        before = self.store._raw(record.table, record.id)
        if before == after:
            return
        if before is None:
            table.insert(Document(after, doc_id=record.id))
        else:
            table.update(after, doc_ids=[record.id])
        self.change.ops.append(Op(record.table, record.id, before, after))
        self.store._cache_put(record.table, record.id, record)

    def insert_new(self, records: list[Record]) -> None:
        """Insert many new records of one kind (ids set, not yet stored) in one pass."""
        if not records:
            return
        table_name = records[0].table
        docs = [Document(dump_record(r), doc_id=cast(int, r.id)) for r in records]
        self.store._table(table_name).insert_multiple(docs)
        for record, doc in zip(records, docs, strict=True):
            assert record.id is not None
            self.change.ops.append(Op(table_name, record.id, None, dict(doc)))
            self.store._cache_put(table_name, record.id, record)

    def remove(self, model: type[Record], record_id: int) -> None:
        before = self.store._raw(model.table, record_id)
        if before is None:
            return
        self.store._table(model.table).remove(doc_ids=[record_id])
        self.change.ops.append(Op(model.table, record_id, before, None))
        self.store._cache_put(model.table, record_id, None)
