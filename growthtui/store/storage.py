"""TinyDB storages that keep the storage promises.

`AtomicJSONStorage` replaces TinyDB's default JSONStorage, which rewrites the file in place
(a crash mid-write leaves half a file) and caches nothing:

- a write goes to a temp file in the same folder, is fsynced, moved over the old file with
  `os.replace`, and the folder is fsynced: a crash leaves the old or the new file, never a
  broken one, and the write is durable before the call returns;
- reads come from memory; the file is parsed again only when its identity (inode, size,
  mtime) changed under us — another process wrote it. The version we hold is kept open, so
  its inode cannot be handed to a newer version: with a coarse clock two versions may share
  size and mtime, but never an inode, and another session's write is never missed;
- a cross-process lock (`flock` on `<file>.lock`, store/lock.py) serialises writers; temp
  files that a killed writer left behind are swept once the lock is held;
- a store reached through a symbolic link is worked on at the link's target: the writes,
  the lock, the seal and the backups are all beside the target, and the link stays a link;
- a file whose mode says read-only (0444) is never rewritten.

The repository changes the documents in memory and calls `flush()` once per change.
"""

from __future__ import annotations

import contextlib
import errno
import operator
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from growthtui import heap
from growthtui.store.errors import (
    ACCESS_ERRNOS,
    StoreError,
    StoreNoAccess,
    StoreWriteFailed,
)
from growthtui.store.files import (
    FILE_MODE,
    TEMP_SUFFIX,
    is_read_only,
    make_folders,
    read_all,
    real_path,
    replace_with,
    temp_prefix,
)
from growthtui.store.journal import journal_path
from growthtui.store.lock import StoreLock
from growthtui.store.schema import MAX_ID
from growthtui.store.seal import seal_path, write_seal

Data = dict[str, dict[str, Any]]

_ID_DIGITS = len(str(MAX_ID))

LOCK_TIMEOUT_SECONDS = 10.0
LOCK_POLL_SECONDS = 0.005
"""How often a waiting writer retries the lock: short, so a session is not starved by
another one that saves in a loop (an import) and re-takes the lock at once."""


class ParseError(Exception):
    """The file's bytes are not a TinyDB JSON document."""


@dataclass(frozen=True)
class FileStamp:
    """What identifies one version of the file without reading it."""

    inode: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, stat: os.stat_result) -> FileStamp:
        return cls(stat.st_ino, stat.st_size, stat.st_mtime_ns)


def encode(data: Data) -> bytes:
    """The store's on-disk form: indented JSON (readable, diffable), ending in a newline."""
    return orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS) + b"\n"


def decode(raw: bytes) -> Data:
    """Parse the file's bytes; ParseError with a short reason when they are not ours."""
    if not raw.strip():
        raise ParseError("the file is empty")
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise ParseError(f"it is not valid JSON ({error})") from None
    if not isinstance(data, dict):
        raise ParseError("it is JSON, but not a growthtui store (expected tables of records)")
    for name, table in data.items():
        # map() keeps the per-document checks in C: they cost a fraction of the parse.
        if type(table) is not dict or not set(map(type, table.values())) <= {dict}:
            raise ParseError(
                f"it is JSON, but not a growthtui store ('{name}' is not a table of records)"
            )
        if table and not _record_keys(table):
            bad = next(k for k in table if not _record_keys({k: None}))
            raise ParseError(
                f"the table '{name}' has a record numbered {bad!r}: a record's number is a "
                f"whole number from 1 to {MAX_ID}, written with the digits 0-9"
            )
    return data


def _record_keys(table: dict[str, Any]) -> bool:
    """Whether every key of `table` is a record number as the Store writes it: ASCII
    digits without a leading zero, from 1 to MAX_ID (`"²".isdigit()` is true, and int()
    refuses it; `"٣"` would become 3 behind a person's back)."""
    return (
        all(map(str.isdigit, table))
        and all(map(str.isascii, table))
        and "0" not in map(operator.itemgetter(0), table)
        and max(map(len, table)) <= _ID_DIGITS
        and (max(map(len, table)) < _ID_DIGITS or max(map(int, table)) <= MAX_ID)
    )


def temp_files_of(path: Path) -> list[Path]:
    """Temp files a writer of `path` (or of its backups, its seal, its undo journal) makes
    while it writes."""
    prefixes = (temp_prefix(path), temp_prefix(seal_path(path)), temp_prefix(journal_path(path)))
    try:
        entries = list(os.scandir(path.parent))
    except FileNotFoundError:
        return []
    return [
        Path(e.path)
        for e in entries
        if e.name.startswith(prefixes) and e.name.endswith(TEMP_SUFFIX)
    ]


class AtomicJSONStorage(Storage):
    """A TinyDB storage on one JSON file: atomic, durable, locked, cached."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(real_path(path))
        """The data file: through any symbolic link, to its target."""
        self._lock: StoreLock | None = None
        self._data: Data | None = None
        self._stamp: FileStamp | None = None
        self._held: int | None = None
        """An open descriptor on the version we hold, so its inode is not reused."""
        self._batch_depth = 0
        self._dirty = False
        self._swept = False
        self.generation = 0
        """Bumped every time the data is (re)loaded from disk."""
        self.parse_count = 0
        """How many times the file was parsed: reads from memory do not add to it."""

    def __del__(self) -> None:
        self.close()

    # -- TinyDB's Storage interface -------------------------------------------------
    def read(self) -> Data:
        """The documents, from memory; parsed from the file only when not loaded yet."""
        if self._data is None:
            self._load()
        assert self._data is not None
        return self._data

    def write(self, data: Data) -> None:
        """TinyDB's write: replace the documents, durable now unless inside `batch()`."""
        self._data = data
        if self._batch_depth:
            self._dirty = True
            return
        self.flush()

    def close(self) -> None:
        """Let go of the version we hold open."""
        held, self._held = self._held, None
        if held is not None:
            with contextlib.suppress(OSError):
                os.close(held)

    # -- what the repository adds ---------------------------------------------------
    @property
    def exists(self) -> bool:
        return self.path.exists()

    def current_stamp(self) -> FileStamp | None:
        try:
            return FileStamp.of(os.stat(self.path))
        except FileNotFoundError:
            return None

    def changed_on_disk(self) -> bool:
        """True when the file is not the version we hold (another process wrote it)."""
        if self._data is None:
            return True
        return self.current_stamp() != self._stamp

    def reload_if_changed(self) -> bool:
        """Re-read the file when it changed under us; True if it did."""
        if not self.changed_on_disk():
            return False
        self._load()
        return True

    def raw_bytes(self) -> bytes | None:
        try:
            return self.path.read_bytes()
        except FileNotFoundError:
            return None

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the cross-process write lock (StoreBusy when another process holds it too
        long; StoreNoAccess when it cannot be taken: a folder or lock file not ours)."""
        if self._lock is None:
            self._lock = StoreLock(self.path, LOCK_TIMEOUT_SECONDS, LOCK_POLL_SECONDS)
        lock = self._lock
        try:
            make_folders(self.path.parent)
            lock.acquire()
        except OSError as error:
            raise write_failed(self.path, error) from None
        try:
            if not self._swept:
                self._sweep_temp_files()
            yield
        finally:
            lock.release()

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Collect TinyDB's writes in memory and make them one durable write at the end.

        If the body or the write fails, the in-memory data is thrown away and re-read, so
        memory never holds what the disk does not.
        """
        self._batch_depth += 1
        try:
            yield
        except BaseException:
            self._batch_depth -= 1
            if self._batch_depth == 0:
                self._dirty = False
                self.discard()
            raise
        self._batch_depth -= 1
        if self._batch_depth == 0 and self._dirty:
            self._dirty = False
            self.flush()

    def check_writable(self) -> None:
        """StoreNoAccess when the file's mode says read-only: never rewrite such a file."""
        try:
            stat = os.stat(self.path)
        except OSError:
            return  # missing (a new store), or the write will say what is wrong
        if is_read_only(stat):
            raise StoreNoAccess.read_only_file(self.path)

    def discard(self) -> None:
        """Forget the in-memory data; the next read parses the file again."""
        self._data = None
        self._stamp = None

    def replace_data(self, data: Data) -> None:
        """Write a whole new document (a migration): durable before returning."""
        self._data = data
        self.flush()

    def flush(self) -> None:
        """Write the documents in memory to the file, durably; the caller holds the lock.

        On failure the file is the old version, memory is discarded (the next read parses
        the file again, so memory never holds what the disk does not) and StoreWriteFailed
        says why.
        """
        assert self._data is not None
        try:
            payload = encode(self._data)
        except orjson.JSONEncodeError as error:
            self.discard()
            raise StoreError(
                f"could not save to {self.path}: a value cannot be written ({error}); "
                "nothing was changed"
            ) from None
        try:
            mode = FILE_MODE
            with contextlib.suppress(FileNotFoundError):
                stat = os.stat(self.path)
                if is_read_only(stat):
                    raise StoreNoAccess.read_only_file(self.path)
                mode = stat.st_mode & 0o777
            make_folders(self.path.parent)
            held = replace_with(self.path, payload, mode)
        except OSError as error:
            self.discard()
            raise write_failed(self.path, error) from None
        except StoreError:
            self.discard()
            raise
        self._hold(held)

    def seal(self, schema: int) -> None:
        """Note beside the file that the version just written is the Store's own, checked
        and canonical (see `seal`); the caller holds the lock and has just flushed."""
        if self._held is not None:
            write_seal(self.path, os.fstat(self._held), schema)

    # -- internals ------------------------------------------------------------------
    def _hold(self, fd: int) -> None:
        """Keep `fd` (the version now in memory) open, and remember its stamp."""
        self.close()
        self._held = fd
        self._stamp = FileStamp.of(os.fstat(fd))

    def _load(self) -> None:
        self._data = None
        self._stamp = None
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except FileNotFoundError:
            self.close()
            self._data = {}
            self.generation += 1
            return
        try:
            raw = read_all(fd)
        except BaseException:
            os.close(fd)
            raise
        self.parse_count += 1
        try:
            with heap.paused():
                data = decode(raw)
        except BaseException:
            os.close(fd)
            raise
        self._hold(fd)
        self._data = data
        self.generation += 1

    def _sweep_temp_files(self) -> None:
        """Remove temp files left by writers that were killed mid-write. Only called with the
        lock held: then no writer is writing, so every temp file found is an orphan."""
        for orphan in temp_files_of(self.path):
            with contextlib.suppress(OSError):
                orphan.unlink()
        self._swept = True


def write_failed(path: Path, error: OSError) -> StoreError:
    """The error a person sees when the disk refused a write: StoreNoAccess when we may
    not write there (permissions, a read-only file system), else StoreWriteFailed."""
    if error.errno in ACCESS_ERRNOS:
        return StoreNoAccess.folder(path, error)
    reason = error.strerror or str(error)
    if error.errno == errno.ENOSPC:
        reason = "the disk is full"
    return StoreWriteFailed(path, reason)


class MemoryBackedStorage(Storage):
    """The same interface without a file: for tests and throwaway stores."""

    def __init__(self) -> None:
        self.path: Path | None = None
        self.memory: Data = {}
        self.generation = 1
        self.parse_count = 0

    exists = True

    def read(self) -> Data:
        return self.memory

    def write(self, data: Data) -> None:
        self.memory = data

    def changed_on_disk(self) -> bool:
        return False

    def reload_if_changed(self) -> bool:
        return False

    def raw_bytes(self) -> bytes | None:
        return None

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        yield

    def discard(self) -> None:
        pass

    def flush(self) -> None:
        pass

    def replace_data(self, data: Data) -> None:
        self.memory = data

    def seal(self, schema: int) -> None:
        pass

    def check_writable(self) -> None:
        pass
