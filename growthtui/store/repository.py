"""The repository: the only way the rest of growthtui reads and changes stored records.

Models go in and come out; nothing outside this package sees a TinyDB document or query.
Every change runs as one transaction: take the cross-process lock, re-read the file if
another process changed it, apply, write once (durably), release. The last changes can be
undone, in this session, as long as nobody changed the same records since.
"""

from __future__ import annotations

import builtins
import contextlib
import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar, cast

from growthtui.domain.base import Record
from growthtui.domain.entities import ENTITIES, ENTITY_BY_TABLE
from growthtui.domain.errors import InvalidInput, NotFound
from growthtui.domain.goals import Goal, GoalChange
from growthtui.domain.profile import Profile, the_profile
from growthtui.store import journal
from growthtui.store.backups import (
    daily_backup_path,
    newest_backup,
    take_daily_backup,
    take_migration_backup,
)
from growthtui.store.changes import (
    Change,
    Doc,
    Documents,
    ImportReport,
    Op,
    Transaction,
    dump_record,
    same_content,
)
from growthtui.store.errors import (
    ACCESS_ERRNOS,
    Conflict,
    StoreError,
    StoreNoAccess,
    StoreTooNew,
    StoreUnreadable,
    StoreWriteFailed,
)
from growthtui.store.identity import new_uid as make_uid
from growthtui.store.links import check_links, delete_cascading
from growthtui.store.migrations import (
    UnknownVersion,
    check_counters,
    foreign_tables_only,
    migrate,
    schema_version,
)
from growthtui.store.record_cache import InvalidStoredRecord, RecordCache
from growthtui.store.schema import CURRENT_SCHEMA, META_ID, META_TABLE
from growthtui.store.storage import (
    AtomicJSONStorage,
    Data,
    MemoryBackedStorage,
    ParseError,
    write_failed,
)

R = TypeVar("R", bound=Record)
UNDO_DEPTH = 100
KNOWN_TABLES = {model.table for model in ENTITIES}


class Store:
    """Records in one TinyDB JSON file (or in memory), with history and undo."""

    def __init__(
        self,
        storage: AtomicJSONStorage | MemoryBackedStorage,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        now: Callable[[], dt.datetime] | None = None,
        new_uid: Callable[[], str] = make_uid,
    ) -> None:
        self._storage = storage
        self._records = RecordCache()
        self._highest: dict[str, int] = {}
        """The highest id in each table, for the data of `_highest_generation`."""
        self._highest_generation = -1
        self._checked_generation = -1
        """The reading of the file whose version and counters were checked."""
        self._undo: builtins.list[Change] = []
        self._open_transaction: Transaction | None = None
        self._own_writes = 0
        self.today = today
        self.now = now or (lambda: dt.datetime.now(dt.UTC).replace(microsecond=0))
        self.new_uid = new_uid
        """Makes the identity of each new record (store/identity.py; fixed in tests)."""

    def modified_now(self) -> dt.datetime:
        """The `modified` time of a change saved now: UTC, to the second."""
        return self.now().astimezone(dt.UTC).replace(microsecond=0)

    # -- opening --------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        create: bool = True,
        today: Callable[[], dt.date] = dt.date.today,
        now: Callable[[], dt.datetime] | None = None,
        lazy: bool = False,
        new_uid: Callable[[], str] = make_uid,
    ) -> Store:
        """Open the store at `path`, creating it (mode 0600) when `create` is true.

        Raises StoreUnreadable for a corrupt, empty or foreign file, or one holding a record
        that is not valid, and StoreTooNew for a newer schema; in every case the file is
        left exactly as it was. With `lazy`, records are checked when their kind is first
        read (and all of them before the first write) instead of now: opening then costs
        little more than parsing the file. A `path` that is a symbolic link is worked on
        at its target (the link stays a link).
        """
        storage = AtomicJSONStorage(Path(path).expanduser())
        store = cls(storage, today=today, now=now, new_uid=new_uid)
        version = store._load_checked()
        if create and not storage.exists:
            with storage.locked():
                storage.reload_if_changed()
                if not storage.exists:
                    storage.replace_data(store._fresh_document())
                    storage.seal(CURRENT_SCHEMA)  # empty, ours, whole: the quick ways may trust it
        elif storage.exists and version < CURRENT_SCHEMA:
            store._migrate()
        if not lazy:
            store._validate_all()
        return store

    @classmethod
    def in_memory(
        cls,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        now: Callable[[], dt.datetime] | None = None,
        new_uid: Callable[[], str] = make_uid,
    ) -> Store:
        """A store without a file, for tests and throwaway sessions."""
        storage = MemoryBackedStorage()
        store = cls(storage, today=today, now=now, new_uid=new_uid)
        storage.write(store._fresh_document())
        return store

    def close(self) -> None:
        """Let go of the file (the store reopens it if used again)."""
        if isinstance(self._storage, AtomicJSONStorage):
            self._storage.close()
            self._storage.discard()

    @property
    def path(self) -> Path | None:
        return self._storage.path

    @property
    def parse_count(self) -> int:
        """How many times the file was parsed (reads from memory do not count)."""
        return self._storage.parse_count

    @property
    def revision(self) -> tuple[int, int]:
        """Changes whenever what the store holds may have changed (here or elsewhere)."""
        return (self._storage.generation, self._own_writes)

    def _fresh_document(self) -> Data:
        return {META_TABLE: {META_ID: {"schema_version": CURRENT_SCHEMA, "next_id": {}}}}

    def _unreadable(self, reason: str) -> StoreUnreadable:
        path = self._storage.path
        if path is None:
            return StoreUnreadable(Path("(memory)"), reason, None)
        return StoreUnreadable(path, reason, newest_backup(path))

    def _read_failed(self, error: OSError) -> StoreError:
        """The error for a file we could not read: not ours to read, or not readable."""
        path = self._storage.path
        if error.errno in ACCESS_ERRNOS and path is not None:
            return StoreNoAccess.unreadable_file(path)
        return self._unreadable(error.strerror or str(error))

    def _load_checked(self) -> int:
        """Parse the file and check its version, or refuse."""
        return self._checked_version(self._data())

    def _checked_version(self, data: Data) -> int:
        try:
            version = schema_version(data)
            check_counters(data)
        except UnknownVersion as error:
            raise self._unreadable(str(error)) from None
        if version > CURRENT_SCHEMA:
            path = self._storage.path or Path("(memory)")
            raise StoreTooNew(path, version, CURRENT_SCHEMA, newest_backup(path))
        if foreign_tables_only(data, KNOWN_TABLES):
            raise self._unreadable(
                "it is a TinyDB file, but none of its tables are growthtui's "
                f"({', '.join(sorted(data))})"
            )
        return version

    def _validate_all(self) -> None:
        """Check every record (once per version of the file), or refuse."""
        for model in ENTITIES:
            self._models(model)

    def _migrate(self) -> None:
        path = self._storage.path
        assert path is not None and isinstance(self._storage, AtomicJSONStorage)
        # A file we cannot read is refused before anything is written, even the lock file.
        self._check_documents(migrate(dict(self._data())))
        with self._storage.locked():
            changed = self.refresh()
            data = self._data()
            version = self._checked_version(data)
            if version >= CURRENT_SCHEMA:
                return
            migrated = migrate(dict(data))
            if changed:
                self._check_documents(migrated)
            self._storage.check_writable()
            try:
                raw = self._storage.raw_bytes()
                if raw is not None:
                    take_migration_backup(path, raw, version)
            except OSError as error:
                raise write_failed(path, error) from None
            self._storage.replace_data(migrated)

    def _check_documents(self, data: Data) -> None:
        """Validate every record of `data` (not the store's own) or refuse."""
        scratch = RecordCache()
        for model in ENTITIES:
            try:
                scratch.records(model, data.get(model.table, {}), 0)
            except InvalidStoredRecord as error:
                raise self._unreadable(str(error)) from None

    # -- reading --------------------------------------------------------------------
    def _data(self) -> Data:
        """The documents in memory (parsed from the file if they were discarded), their
        version and counters checked once per reading of the file, whichever call read it."""
        try:
            data = self._storage.read()
        except ParseError as error:
            raise self._unreadable(str(error)) from None
        except OSError as error:
            raise self._read_failed(error) from None
        if self._checked_generation != self._storage.generation:
            try:
                self._checked_version(data)
            except StoreError:
                self._storage.discard()  # read, checked and refused again next time
                raise
            self._checked_generation = self._storage.generation
        return data

    def _raw(self, table: str, record_id: int) -> Doc | None:
        """The stored document (shared: documents are replaced, never changed in place)."""
        return self._data().get(table, {}).get(str(record_id))

    def _models(self, model: type[R]) -> dict[int, R]:
        """Validated records of one table, from memory; checked again only after a re-read."""
        data = self._data()
        try:
            return self._records.records(model, data.get(model.table, {}), self._storage.generation)
        except InvalidStoredRecord as error:
            raise self._unreadable(str(error)) from None

    def refresh(self) -> bool:
        """Re-read the file if another process changed it; True when it did."""
        try:
            changed = self._storage.reload_if_changed()
        except ParseError as error:
            raise self._unreadable(str(error)) from None
        except OSError as error:
            raise self._read_failed(error) from None
        if changed:
            self._data()  # checks the version read
        return changed

    def changed_on_disk(self) -> bool:
        """A cheap check (one stat) for the app's poll."""
        return self._storage.changed_on_disk()

    def get(self, model: type[R], record_id: int) -> R:
        """The record with this id, or NotFound with a sentence for a person."""
        record = self._models(model).get(record_id)
        if record is None:
            raise NotFound(model.entity, record_id)
        return record

    def find(self, model: type[R], record_id: int | None) -> R | None:
        if record_id is None:
            return None
        return self._models(model).get(record_id)

    def has(self, model: type[Record], record_id: int) -> bool:
        """Whether a record of this kind with this id exists."""
        return record_id in self._models(model)

    def list(
        self, model: type[R], where: Callable[[R], bool] | None = None, **equals: Any
    ) -> builtins.list[R]:
        """Records of one kind in id order, filtered by `where` and field equality."""
        table = self._models(model)
        records: Iterable[R] = map(table.__getitem__, sorted(table))  # ints: sorted in C
        if equals:
            records = (r for r in records if all(getattr(r, k) == v for k, v in equals.items()))
        if where is not None:
            records = filter(where, records)
        return list(records)

    def count(self, model: type[Record]) -> int:
        return len(self._models(model))

    def ids(self, model: type[Record]) -> set[int]:
        return set(self._models(model))

    def profile(self) -> Profile:
        """The single profile; an empty one until the person fills it in."""
        return the_profile(self._models(Profile).values())

    def history(self, goal_id: int) -> builtins.list[GoalChange]:
        """The changes of a goal, oldest first, each with its reason."""
        return list(self.get(Goal, goal_id).history)

    # -- changing -------------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self, description: str, *, undoable: bool = True) -> Iterator[Transaction]:
        """Lock, catch up with the file, apply, write once, unlock.

        If the body fails, its changes are rolled back in memory and nothing is written; if
        the write fails, the file keeps its old version and memory is re-read from it.
        A transaction opened inside another joins it: what a person did as one thing (a
        next step made a milestone, a review decision, an import) is one write and one `u`.
        """
        if self._open_transaction is not None:
            yield self._open_transaction
            return
        with self._storage.locked():
            self.refresh()
            self._validate_all()  # never rewrite a file holding a record we cannot read
            self._storage.check_writable()  # nor one made read-only
            tx = Transaction(self._documents, description)
            self._open_transaction = tx
            try:
                yield tx
                if tx.change.ops:
                    self._bump_counters(tx)
                    self._backup_before_first_change_of_the_day()
            except BaseException:
                self._roll_back(tx)
                raise
            finally:
                self._open_transaction = None
            if tx.change.ops:
                self._storage.flush()
                self._storage.seal(CURRENT_SCHEMA)  # checked above, written whole: sealed
                if undoable:
                    self._journal(tx.change)
        if tx.change.ops:
            self._own_writes += 1
            if undoable:
                self._undo.append(tx.change)
                del self._undo[:-UNDO_DEPTH]

    @property
    def _documents(self) -> Documents:
        """What this store's transactions may do to its documents (store/changes.py)."""
        return Documents(self._raw, self._write_doc, self.new_uid, self.modified_now)

    def _write_doc(self, table: str, doc_id: int, doc: Doc | None, record: Record | None) -> None:
        """Put `doc` (None: remove) in memory; `record` is its model when known."""
        data = self._data()
        if doc is None:
            data.get(table, {}).pop(str(doc_id), None)
        else:
            data.setdefault(table, {})[str(doc_id)] = doc
            if self._highest_generation == self._storage.generation and table in self._highest:
                self._highest[table] = max(self._highest[table], doc_id)
        self._records.put(table, doc_id, doc, record, data.get(table))

    def _roll_back(self, tx: Transaction) -> None:
        """Undo a failed transaction's changes in memory (nothing was written)."""
        ops = tx.change.ops + tx.bookkeeping
        if not ops:
            return
        for op in reversed(ops):
            self._write_doc(op.table, op.doc_id, op.before, None)
        self._records.mark_stale()
        self._highest_generation = -1

    def _backup_before_first_change_of_the_day(self) -> None:
        path = self._storage.path
        if path is None or os.path.lexists(daily_backup_path(path, self.today())):
            return
        try:
            raw = self._storage.raw_bytes()
            if raw:
                take_daily_backup(path, raw, self.today())
        except OSError as error:
            failed = write_failed(path, error)
            if isinstance(failed, StoreWriteFailed):
                failed = StoreWriteFailed(path, f"{failed.reason} (while writing today's backup)")
            raise failed from None

    def _meta(self) -> Doc:
        meta = self._raw(META_TABLE, int(META_ID))
        return meta or {"schema_version": CURRENT_SCHEMA, "next_id": {}}

    def _bump_counters(self, tx: Transaction) -> None:
        before = self._raw(META_TABLE, int(META_ID))
        meta = dict(self._meta())
        next_id: dict[str, int] = dict(meta.get("next_id", {}))
        changed = False
        for op in tx.change.ops:
            if op.table != META_TABLE and next_id.get(op.table, 1) <= op.doc_id:
                next_id[op.table] = op.doc_id + 1
                changed = True
        if changed:
            meta["next_id"] = next_id
            meta["schema_version"] = CURRENT_SCHEMA
            self._write_doc(META_TABLE, int(META_ID), meta, None)
            tx.bookkeeping.append(Op(META_TABLE, int(META_ID), before, meta))

    def _highest_id(self, table: str) -> int:
        if self._highest_generation != self._storage.generation:
            self._highest.clear()
            self._highest_generation = self._storage.generation
        highest = self._highest.get(table)
        if highest is None:
            highest = max((int(k) for k in self._data().get(table, {})), default=0)
            self._highest[table] = highest
        return highest

    def _next_id(self, table: str) -> int:
        """A fresh id: never reused, even after a delete, across processes (we hold the lock)."""
        counter = int(self._meta().get("next_id", {}).get(table, 1))
        return max(counter, self._highest_id(table) + 1)

    def next_id(self, model: type[Record]) -> int:
        """The short number the next new record of this kind gets (rely on it inside a
        transaction, which holds the lock)."""
        return self._next_id(model.table)

    def add(self, record: R) -> R:
        """Store a new record and return it with its id, a new uid and `modified` now."""
        with self.transaction(f"add {record.entity}") as tx:
            stored = cast(R, tx.put(self._prepare_new(record, tx)))
        return stored

    def _prepare_new(self, record: R, tx: Transaction) -> R:
        changes = {"id": self._next_id(record.table), "uid": self.new_uid()}
        stored = record.as_new(self.today()).model_copy(update=changes)
        check_links(self, stored)
        return stored

    def add_many(
        self, records: Sequence[Record], description: str = "add records"
    ) -> builtins.list[Record]:
        """Store many new records in one write (seed). Records without an id get a new one,
        those without a uid a new one; links may point at records earlier in the same
        batch."""
        with self.transaction(description) as tx:
            stored = self._insert_new(records, tx)
            self.check_links(stored)
        return stored

    def _insert_new(self, records: Iterable[Record], tx: Transaction) -> builtins.list[Record]:
        """Insert new records, by kind; those without an id get one after every id in use,
        including the ids other records of the batch bring."""
        by_table: dict[str, builtins.list[Record]] = {}
        for record in records:
            by_table.setdefault(record.table, []).append(record)
        for table, rows in by_table.items():
            next_id = max(self._next_id(table), *(r.id + 1 for r in rows))
            for n, record in enumerate(rows):
                if not record.id:
                    rows[n] = record.model_copy(update={"id": next_id})
                    next_id += 1
            by_table[table] = tx.insert_new(rows)
        return [r for rows in by_table.values() for r in rows]

    def check_links(self, records: Iterable[Record]) -> None:
        """InvalidInput unless every link of `records` points at a stored record: after a
        change of many records inside a transaction, which then rolls back."""
        for record in records:
            check_links(self, record)

    def update(self, record: R, *, reason: str = "", base: R | None = None) -> R:
        """Save an edited record. Only the fields that differ from `base` (the version the
        edit started from; default: what this session last saw) are applied on top of what
        the file holds now, so another session's edits to other fields are kept. Goal
        changes to tracked fields go into its history with `reason` (Record.rebased and
        Record.revised: the domain's rules for an edit)."""
        if not record.id:
            raise NotFound(record.entity, record.id)
        model = type(record)
        base = base if base is not None else self.find(model, record.id)
        with self.transaction(f"edit {record.entity} {record.id}") as tx:
            current = self.find(model, record.id)
            if current is None:
                raise Conflict(
                    f"{record.entity} {record.id} was deleted in another session; "
                    "your edit was not saved — add it again"
                )
            merged = record.rebased(base or current, current).revised(current, reason, self.now())
            check_links(self, merged, current)
            tx.put(merged)
        return self.get(model, record.id)

    def save_profile(self, profile: Profile) -> Profile:
        """Create or replace the single profile (Profile.replacing: there is one)."""
        stored = self.profile()
        saved = profile.replacing(stored)
        return self.add(saved) if not saved.id else self.update(saved, base=stored)

    def delete(self, model: type[Record], record_id: int) -> Change:
        """Delete a record. Records that cannot exist without it (a goal's milestones and
        check-ins, a person's interactions) go with it; links to it elsewhere are cleared.
        Undo brings everything back."""
        record = self.get(model, record_id)
        with self.transaction(f"delete {record.entity} {record_id}") as tx:
            delete_cascading(self, model, record_id, tx)
        return tx.change

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    def undo_description(self) -> str | None:
        return self._undo[-1].description if self._undo else None

    def undo(self) -> str:
        """Reverse this session's last change; returns what was undone, in words."""
        if not self._undo:
            raise InvalidInput("nothing to undo in this session")
        change = self._undo[-1]
        with self.transaction(f"undo {change.description}", undoable=False) as tx:
            self._reverse(change, tx)
            self._forget(change.token)
        self._undo.pop()
        return change.description

    def undo_latest(self) -> str:
        """Reverse the latest change to this store, whichever session or process made it
        (the undo journal, store/journal.py); returns what was undone, in words. Refused
        (Conflict) when a record it changed was changed since, as `undo` is."""
        path = self._storage.path
        with self.transaction("undo", undoable=False) as tx:
            entries = journal.read_lines(path) if path is not None else []
            if not entries:
                if self._undo:  # a store without a file: this session's changes
                    change = self._undo[-1]
                else:
                    raise InvalidInput("nothing to undo: no change was recorded since")
            else:
                change = Change.from_journal_line(entries[-1])
            tx.change.description = f"undo {change.description}"
            self._reverse(change, tx)
            self._forget(change.token)
        if self._undo and self._undo[-1].token == change.token:
            self._undo.pop()
        return change.description

    def _reverse(self, change: Change, tx: Transaction) -> None:
        """Put back what `change` found, if every record it changed still holds what it
        left (Conflict otherwise)."""
        for op in change.ops:
            if self._raw(op.table, op.doc_id) != op.after:
                entity = ENTITY_BY_TABLE.get(op.table)
                word = entity.entity if entity else op.table
                raise Conflict(
                    f"cannot undo '{change.description}': {word} {op.doc_id} was changed "
                    "in another session since; nothing was undone"
                )
        for op in reversed(change.ops):
            model = ENTITY_BY_TABLE.get(op.table)
            if model is None:
                continue
            if op.before is None:
                tx.remove(model, op.doc_id)
            else:
                # Exactly as it was, its `modified` time too: an undone change is no
                # change (another copy syncing sees the record it already had).
                tx.put(model.model_validate({**op.before, "id": op.doc_id}), keep_modified=True)

    # -- the undo journal (store/journal.py) ----------------------------------------
    def _journal(self, change: Change) -> None:
        """Add `change` to the journal beside the file (the caller holds the lock)."""
        path = self._storage.path
        if path is not None:
            journal.append(path, change.journal_line())

    def _forget(self, token: str) -> None:
        """Take the change with `token` out of the journal (it was undone)."""
        path = self._storage.path
        if path is None:
            return
        lines = journal.read_lines(path)
        kept = [line for line in lines if token.encode() not in line[:64]]
        if len(kept) != len(lines):
            journal.write_lines(path, kept)

    # -- whole-store import and export (used by interop) ------------------------------
    def dump(self) -> dict[str, builtins.list[Record]]:
        """Every record of every kind, in export order."""
        return {model.table: list(self.list(model)) for model in ENTITIES}

    def is_empty(self) -> bool:
        return all(self.count(model) == 0 for model in ENTITIES)

    def merge(self, records: Sequence[Record], description: str = "import") -> ImportReport:
        """Save records by id, as read from this very store and changed (the Taskwarrior
        import): those without an id (or an unknown one) are added, changed ones updated,
        equal ones skipped. Nothing is written unless every link resolves. A file from
        another copy of a store is merged by identity instead (store/importing.py)."""
        updated = skipped = 0
        new: builtins.list[Record] = []
        with self.transaction(description) as tx:
            for record in records:
                current = self.find(type(record), record.id)
                if current is None:
                    new.append(record)
                elif same_content(dump_record(current), dump_record(record)):
                    skipped += 1
                else:
                    tx.put(record)
                    updated += 1
            self._insert_new(new, tx)
            self.check_links(records)
        return ImportReport(len(new), updated, skipped)
