"""What one call to the store changes, and how to reverse it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import orjson

from growthtui.domain.base import Record
from growthtui.domain.errors import InvalidInput
from growthtui.domain.words import counted
from growthtui.store.identity import utc_stamp
from growthtui.store.journal import ENTRY_LIMIT, new_token

Doc = dict[str, Any]


def dump_record(record: Record) -> Doc:
    """A record as stored: JSON types, without its id (the id is the document's key)."""
    return record.model_dump(mode="json", exclude={"id"})


def same_content(before: Doc | None, after: Doc) -> bool:
    """Whether two stored documents say the same, whatever their `modified` time."""
    return before is not None and before == {**after, "modified": before.get("modified")}


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
    token: str = field(default_factory=new_token)
    """Its entry in the undo journal (store/journal.py)."""

    def journal_line(self) -> bytes:
        """Its line in the undo journal (store/journal.py): its description only when the
        ops would make the line too long (or cannot be written as JSON)."""
        ops = [
            {"table": op.table, "id": op.doc_id, "before": op.before, "after": op.after}
            for op in self.ops
        ]
        entry = {"id": self.token, "description": self.description, "ops": ops}
        try:
            line = orjson.dumps(entry)
        except orjson.JSONEncodeError:
            line = b""
        if not line or len(line) > ENTRY_LIMIT:
            line = orjson.dumps({**entry, "ops": None})
        return line

    @classmethod
    def from_journal_line(cls, line: bytes) -> Change:
        """The change a journal line describes; InvalidInput for one kept without its
        records (too large) or that cannot be read."""
        unreadable = "the undo journal beside the store cannot be read; nothing was undone"
        try:
            entry = orjson.loads(line)
            description, ops = str(entry["description"]), entry["ops"]
        except (orjson.JSONDecodeError, KeyError, TypeError):
            raise InvalidInput(unreadable) from None
        if ops is None:
            raise InvalidInput(
                f"the last change ({description}) is too large to undo outside the app "
                "session that made it; nothing was undone"
            )
        change = cls(description, token=str(entry.get("id", "")))
        try:
            for op in ops:
                change.ops.append(Op(str(op["table"]), int(op["id"]), op["before"], op["after"]))
        except (KeyError, TypeError, ValueError):
            raise InvalidInput(unreadable) from None
        return change


@dataclass(frozen=True)
class ImportReport:
    """What an import did: counts, and a sentence for each record a person should know
    about (renumbered, or one of two versions not kept)."""

    added: int = 0
    updated: int = 0
    skipped: int = 0
    notes: tuple[str, ...] = ()

    def summary(self) -> str:
        """The counts, on one line."""
        return f"{self.added} added, {self.updated} updated, {self.skipped} unchanged"

    def describe(self) -> str:
        """The counts, then each sentence on a line of its own."""
        if not self.notes:
            return self.summary()
        more = f"{counted(len(self.notes), 'note')}:" if len(self.notes) > 1 else "note:"
        return "\n".join([f"{self.summary()}; {more}", *(f"- {n}" for n in self.notes)])


@dataclass(frozen=True)
class Documents:
    """What a transaction may do to the store's documents in memory, handed to it by the
    store that opens it (store/repository.py): the engine's own, not public methods."""

    read: Callable[[str, int], Doc | None]
    """The stored document of (table, id), or None: shared, never to be changed in place."""
    write: Callable[[str, int, Doc | None, Record | None], None]
    """Put a document (None: remove it) at (table, id), with its model when known."""
    new_uid: Callable[[], str]
    """A new record's identity."""
    modified_now: Callable[[], dt.datetime]
    """The `modified` time of a change saved now."""


class Transaction:
    """The changes of one transaction, applied to the documents in memory as they are made
    and recorded as ops for undo. The store writes them to disk once, at the end."""

    def __init__(self, documents: Documents, description: str) -> None:
        self.documents = documents
        self.change = Change(description)
        self.bookkeeping: list[Op] = []
        """Changes that are not undone (the id counters); rolled back with the rest."""

    def put(self, record: Record, *, keep_modified: bool = False) -> Record:
        """Insert or replace a record that already carries its id; returns it as stored.

        A stored record keeps its uid whatever `record` says (an identity is for life); a
        new one without a uid gets one. When the content changed, `modified` becomes now,
        unless `keep_modified` (another copy's version, stored as it was changed there).
        Storing a record equal to the stored one, whatever its `modified`, changes nothing.
        """
        record_id = record.id
        before = self.documents.read(record.table, record_id)
        uid = (before or {}).get("uid") or record.uid or self.documents.new_uid()
        if uid != record.uid:
            record = record.model_copy(update={"uid": uid})
        after = dump_record(record)
        if same_content(before, after):
            return record
        if not keep_modified:
            record, after = self._stamped(record, after)
        self.documents.write(record.table, record_id, after, record)
        self.change.ops.append(Op(record.table, record_id, before, after))
        return record

    def insert_new(self, records: list[Record], *, keep_modified: bool = False) -> list[Record]:
        """Insert many new records (ids set, not yet stored), each with a uid (a new one
        when it has none) and `modified` now (unless `keep_modified`); returns them as
        stored."""
        stored = []
        for record in records:
            record_id = record.id
            if self.documents.read(record.table, record_id) is not None:
                raise InvalidInput(f"{record.entity} {record_id} already exists")
            if not record.uid:
                record = record.model_copy(update={"uid": self.documents.new_uid()})
            after = dump_record(record)
            if not keep_modified:
                record, after = self._stamped(record, after)
            self.documents.write(record.table, record_id, after, record)
            self.change.ops.append(Op(record.table, record_id, None, after))
            stored.append(record)
        return stored

    def _stamped(self, record: Record, after: Doc) -> tuple[Record, Doc]:
        """`record` and its document, modified now."""
        now = self.documents.modified_now()
        if record.modified != now:
            record = record.model_copy(update={"modified": now})
        return record, {**after, "modified": utc_stamp(now.timestamp())}

    def remove(self, model: type[Record], record_id: int) -> None:
        before = self.documents.read(model.table, record_id)
        if before is None:
            return
        self.documents.write(model.table, record_id, None, None)
        self.change.ops.append(Op(model.table, record_id, before, None))
