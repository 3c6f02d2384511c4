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
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar, cast

from pydantic import ValidationError
from tinydb import TinyDB
from tinydb.table import Document, Table

from growthtui.domain import (
    ENTITIES,
    ENTITY_BY_TABLE,
    Goal,
    GoalChange,
    InvalidInput,
    NotFound,
    Profile,
    Record,
    explain,
)
from growthtui.store.backups import newest_backup, take_daily_backup, take_migration_backup
from growthtui.store.changes import Change, Doc, ImportReport, Op, Transaction, dump_record
from growthtui.store.errors import Conflict, StoreTooNew, StoreUnreadable
from growthtui.store.goal_history import with_history
from growthtui.store.links import check_links, delete_cascading
from growthtui.store.migrations import (
    CURRENT_SCHEMA,
    META_ID,
    META_TABLE,
    migrate,
    schema_version,
)
from growthtui.store.storage import AtomicJSONStorage, MemoryBackedStorage, ParseError

R = TypeVar("R", bound=Record)
UNDO_DEPTH = 100


class Store:
    """Records in one TinyDB JSON file (or in memory), with history and undo."""

    def __init__(
        self,
        storage: AtomicJSONStorage | MemoryBackedStorage,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        now: Callable[[], dt.datetime] | None = None,
    ) -> None:
        self._storage = storage
        self._db = TinyDB(storage=lambda: storage)
        self._tables: dict[str, Table] = {}
        self._cache: dict[str, dict[int, Record]] = {}
        self._cache_generation = -1
        self._undo: builtins.list[Change] = []
        self._own_writes = 0
        self.today = today
        self.now = now or (lambda: dt.datetime.now(dt.UTC).replace(microsecond=0))

    # -- opening --------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        create: bool = True,
        today: Callable[[], dt.date] = dt.date.today,
        now: Callable[[], dt.datetime] | None = None,
    ) -> Store:
        """Open the store at `path`, creating it (mode 0600) when `create` is true.

        Raises StoreUnreadable for a corrupt, empty or foreign file and StoreTooNew for a
        newer schema; in both cases the file is left exactly as it was.
        """
        storage = AtomicJSONStorage(Path(path).expanduser())
        store = cls(storage, today=today, now=now)
        store._load_checked()
        if create and not storage.exists:
            with storage.locked():
                storage.reload_if_changed()
                if not storage.exists:
                    storage.replace_data(store._fresh_document())
        elif storage.exists and schema_version(store._data()) < CURRENT_SCHEMA:
            store._migrate()
        return store

    @classmethod
    def in_memory(
        cls,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        now: Callable[[], dt.datetime] | None = None,
    ) -> Store:
        """A store without a file, for tests and throwaway sessions."""
        storage = MemoryBackedStorage()
        store = cls(storage, today=today, now=now)
        storage.write(store._fresh_document())
        return store

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

    def _fresh_document(self) -> dict[str, dict[str, Any]]:
        return {META_TABLE: {META_ID: {"schema_version": CURRENT_SCHEMA, "next_id": {}}}}

    def _load_checked(self) -> None:
        """Parse the file and check its version and every record, or refuse."""
        path = self._storage.path
        try:
            self._storage.reload_if_changed()
        except ParseError as error:
            assert path is not None
            raise StoreUnreadable(path, str(error), newest_backup(path)) from None
        except OSError as error:
            assert path is not None
            raise StoreUnreadable(path, error.strerror or str(error), newest_backup(path)) from None
        version = schema_version(self._data())
        if version > CURRENT_SCHEMA:
            assert path is not None
            raise StoreTooNew(path, version, CURRENT_SCHEMA, newest_backup(path))
        if version == CURRENT_SCHEMA:
            self._validate_all()

    def _validate_all(self) -> None:
        for model in ENTITIES:
            self._models(model)

    def _migrate(self) -> None:
        path = self._storage.path
        assert path is not None and isinstance(self._storage, AtomicJSONStorage)
        with self._storage.locked():
            self._storage.reload_if_changed()
            data = self._data()
            version = schema_version(data)
            if version >= CURRENT_SCHEMA:
                return
            raw = self._storage.raw_bytes()
            if raw is not None:
                take_migration_backup(path, raw, version)
            self._storage.replace_data(migrate(data))
        self._validate_all()

    # -- reading --------------------------------------------------------------------
    def _data(self) -> dict[str, dict[str, Any]]:
        return self._storage.read() or {}

    def _table(self, name: str) -> Table:
        table = self._tables.get(name)
        if table is None:
            table = self._db.table(name, cache_size=0)
            self._tables[name] = table
        return table

    def _raw(self, table: str, record_id: int) -> Doc | None:
        doc = self._data().get(table, {}).get(str(record_id))
        return dict(doc) if doc is not None else None

    def _sync_cache(self) -> None:
        self._data()  # loads the file if it was discarded, bumping the generation
        if self._cache_generation != self._storage.generation:
            self._cache.clear()
            self._cache_generation = self._storage.generation

    def _cache_put(self, table: str, doc_id: int, record: Record | None) -> None:
        """Write-through: keep validated records in step with the transaction's changes."""
        cached = self._cache.get(table)
        if cached is None:
            return
        if record is None:
            cached.pop(doc_id, None)
        else:
            cached[doc_id] = record

    def _forget_cache(self) -> None:
        self._cache.clear()
        self._cache_generation = -1

    def _models(self, model: type[R]) -> dict[int, R]:
        """Validated records of one table, from memory; rebuilt only after a re-read."""
        self._sync_cache()
        cached = self._cache.get(model.table)
        if cached is None:
            cached = {}
            for doc in self._table(model.table):
                doc_id = int(doc.doc_id)
                try:
                    cached[doc_id] = model.model_validate({**doc, "id": doc_id})
                except ValidationError as error:
                    self._cache.pop(model.table, None)
                    path = self._storage.path or Path("(memory)")
                    reasons = "; ".join(msg for _, msg in explain(error, model.entity))
                    raise StoreUnreadable(
                        path,
                        f"{model.entity} {doc_id} is not valid ({reasons})",
                        newest_backup(path) if self._storage.path else None,
                    ) from None
            self._cache[model.table] = cached
        return cast(dict[int, R], cached)

    def refresh(self) -> bool:
        """Re-read the file if another process changed it; True when it did."""
        try:
            changed = self._storage.reload_if_changed()
        except ParseError as error:
            path = self._storage.path or Path("(memory)")
            self._storage.discard()
            raise StoreUnreadable(path, str(error), newest_backup(path)) from None
        if changed:
            version = schema_version(self._data())
            if version > CURRENT_SCHEMA:
                path = self._storage.path or Path("(memory)")
                raise StoreTooNew(path, version, CURRENT_SCHEMA, newest_backup(path))
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

    def list(
        self, model: type[R], where: Callable[[R], bool] | None = None, **equals: Any
    ) -> builtins.list[R]:
        """Records of one kind in id order, filtered by `where` and field equality."""
        records: Iterable[R] = self._models(model).values()
        if equals:
            records = (r for r in records if all(getattr(r, k) == v for k, v in equals.items()))
        if where is not None:
            records = filter(where, records)
        return sorted(records, key=lambda r: r.id or 0)

    def count(self, model: type[Record]) -> int:
        return len(self._models(model))

    def ids(self, model: type[Record]) -> set[int]:
        return set(self._models(model))

    def profile(self) -> Profile:
        """The single profile; an empty one until the person fills it in."""
        found = self._models(Profile)
        return next(iter(found.values())) if found else Profile()

    def history(self, goal_id: int) -> builtins.list[GoalChange]:
        """The changes of a goal, oldest first, each with its reason."""
        return list(self.get(Goal, goal_id).history)

    # -- changing -------------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self, description: str, *, undoable: bool = True) -> Iterator[Transaction]:
        """Lock, catch up with the file, apply, write once, unlock."""
        with self._storage.locked():
            self.refresh()
            self._sync_cache()
            tx = Transaction(self, description)
            try:
                with self._storage.batch():
                    yield tx
                    if tx.change.ops:
                        self._backup_before_first_change_of_the_day()
                        self._bump_counters(tx.change.ops)
            except BaseException:
                self._forget_cache()
                raise
        if tx.change.ops:
            self._own_writes += 1
            if undoable:
                self._undo.append(tx.change)
                del self._undo[:-UNDO_DEPTH]

    def _backup_before_first_change_of_the_day(self) -> None:
        if not isinstance(self._storage, AtomicJSONStorage):
            return
        raw = self._storage.raw_bytes()
        path = self._storage.path
        if raw:
            take_daily_backup(path, raw, self.today())

    def _meta(self) -> Doc:
        meta = self._raw(META_TABLE, int(META_ID))
        return meta or {"schema_version": CURRENT_SCHEMA, "next_id": {}}

    def _bump_counters(self, ops: Sequence[Op]) -> None:
        meta = self._meta()
        next_id: dict[str, int] = dict(meta.get("next_id", {}))
        changed = False
        for op in ops:
            if op.table != META_TABLE and next_id.get(op.table, 1) <= op.doc_id:
                next_id[op.table] = op.doc_id + 1
                changed = True
        if changed:
            meta["next_id"] = next_id
            meta["schema_version"] = CURRENT_SCHEMA
            table = self._table(META_TABLE)
            if self._raw(META_TABLE, int(META_ID)) is None:
                table.insert(Document(meta, doc_id=int(META_ID)))
            else:
                table.update(meta, doc_ids=[int(META_ID)])

    def _next_id(self, table: str, reserved: int = 0) -> int:
        """A fresh id: never reused, even after a delete, across processes (we hold the lock)."""
        counter = int(self._meta().get("next_id", {}).get(table, 1))
        highest = max((int(k) for k in self._data().get(table, {})), default=0)
        return max(counter, highest + 1) + reserved

    def add(self, record: R) -> R:
        """Store a new record and return it with its id."""
        with self.transaction(f"add {record.entity}") as tx:
            stored = self._prepare_new(record, tx)
            tx.put(stored)
        return stored

    def _prepare_new(self, record: R, tx: Transaction) -> R:
        record_id = self._next_id(record.table)
        changes: dict[str, Any] = {"id": record_id}
        if isinstance(record, Goal) and record.created is None:
            changes["created"] = self.today()
        stored = record.model_copy(update=changes)
        check_links(self, stored)
        return stored

    def add_many(
        self, records: Sequence[Record], description: str = "add records"
    ) -> builtins.list[Record]:
        """Store many new records in one write (seed). Records without an id get a new one;
        links may point at records earlier in the same batch."""
        with self.transaction(description) as tx:
            stored = self._insert_new(records, tx)
            self._check_links_of(stored)
        return stored

    def _insert_new(self, records: Iterable[Record], tx: Transaction) -> builtins.list[Record]:
        by_table: dict[str, builtins.list[Record]] = {}
        for record in records:
            rows = by_table.setdefault(record.table, [])
            if record.id is None:
                record = record.model_copy(update={"id": self._next_id(record.table, len(rows))})
            elif self._raw(record.table, record.id) is not None:
                raise InvalidInput(f"{record.entity} {record.id} already exists")
            rows.append(record)
        for rows in by_table.values():
            tx.insert_new(rows)
        return [r for rows in by_table.values() for r in rows]

    def _check_links_of(self, records: Sequence[Record]) -> None:
        """After a bulk change, every link must resolve (the transaction rolls back if not)."""
        for record in records:
            check_links(self, record)

    def update(self, record: R, *, reason: str = "", base: R | None = None) -> R:
        """Save an edited record. Only the fields that differ from `base` (the version the
        edit started from; default: what this session last saw) are applied on top of what
        the file holds now, so another session's edits to other fields are kept. Goal
        changes to tracked fields go into its history with `reason`."""
        if record.id is None:
            raise NotFound(record.entity, 0)
        model = type(record)
        base = base if base is not None else self.find(model, record.id)
        with self.transaction(f"edit {record.entity} {record.id}") as tx:
            current = self.find(model, record.id)
            if current is None:
                raise Conflict(
                    f"{record.entity} {record.id} was deleted in another session; "
                    "your edit was not saved — add it again"
                )
            merged = self._merge(record, base or current, current)
            if isinstance(merged, Goal) and isinstance(current, Goal):
                merged = cast(R, with_history(current, merged, reason, self.now()))
            check_links(self, merged, current)
            tx.put(merged)
        return self.get(model, record.id)

    def _merge(self, edited: R, base: R, current: R) -> R:
        new, old, now = dump_record(edited), dump_record(base), dump_record(current)
        merged = {k: (new[k] if new[k] != old.get(k) else now.get(k, new[k])) for k in new}
        try:
            return type(edited).model_validate({**merged, "id": edited.id})
        except ValidationError as error:
            field_name, message = explain(error, edited.entity)[0]
            raise InvalidInput(message, field_name) from None

    def save_profile(self, profile: Profile) -> Profile:
        """Create or replace the single profile."""
        existing = self.profile()
        if existing.id is None:
            return self.add(profile)
        return self.update(profile.model_copy(update={"id": existing.id}), base=existing)

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
                    tx.put(model.model_validate({**op.before, "id": op.doc_id}))
        self._undo.pop()
        return change.description

    # -- whole-store import and export (used by interop) ------------------------------
    def dump(self) -> dict[str, builtins.list[Record]]:
        """Every record of every kind, in export order."""
        return {model.table: list(self.list(model)) for model in ENTITIES}

    def is_empty(self) -> bool:
        return all(self.count(model) == 0 for model in ENTITIES)

    def merge(self, records: Sequence[Record], description: str = "import") -> ImportReport:
        """Import records by id: new ids are added, changed ones updated, equal ones skipped.
        Nothing is written unless every link resolves."""
        updated = skipped = 0
        new: builtins.list[Record] = []
        with self.transaction(description) as tx:
            for record in records:
                current = self.find(type(record), record.id)
                if current is None:
                    new.append(record)
                elif dump_record(current) == dump_record(record):
                    skipped += 1
                else:
                    tx.put(record)
                    updated += 1
            self._insert_new(new, tx)
            self._check_links_of(records)
        return ImportReport(len(new), updated, skipped)
