"""TinyDB storages that keep the storage promises.

`AtomicJSONStorage` replaces TinyDB's default JSONStorage, which rewrites the file in place
(a crash mid-write leaves half a file) and caches nothing:

- a write goes to a temp file in the same folder, is flushed and fsynced, moved over the
  old file with `os.replace`, and the folder is fsynced: a crash leaves the old or the new
  file, never a broken one;
- reads come from memory; the file is parsed again only when its identity (inode, size,
  mtime) changed under us — another process wrote it;
- writes can be batched (`begin`/`commit`) so that one change of several documents is
  one durable write, and the write is done before the call returns (unlike TinyDB's
  CachingMiddleware, which delays it);
- a cross-process lock (`filelock`) serialises writers.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
from filelock import FileLock, Timeout
from tinydb.storages import MemoryStorage, Storage

from growthtui.store.errors import StoreBusy, StoreWriteFailed

Data = dict[str, dict[str, Any]]

FILE_MODE = 0o600
DIR_MODE = 0o700
LOCK_TIMEOUT_SECONDS = 10.0


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
    if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
        raise ParseError("it is JSON, but not a growthtui store (expected tables of records)")
    return data


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, payload: bytes, mode: int = FILE_MODE) -> FileStamp:
    """Write `payload` to `path` so that a crash leaves the old or the new file, whole."""
    folder = path.parent
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(folder)
    return FileStamp.of(os.stat(path))


class AtomicJSONStorage(Storage):
    """A TinyDB storage on one JSON file: atomic, durable, locked, cached."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._lock = FileLock(f"{self.path}.lock", timeout=LOCK_TIMEOUT_SECONDS, mode=FILE_MODE)
        self._data: Data | None = None
        self._stamp: FileStamp | None = None
        self._batch_depth = 0
        self._dirty = False
        self.generation = 0
        """Bumped every time the data is (re)loaded from disk."""
        self.parse_count = 0
        """How many times the file was parsed: reads from memory do not add to it."""

    # -- TinyDB's Storage interface -------------------------------------------------
    def read(self) -> Data | None:
        if self._data is None:
            self._load()
        return self._data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self._data = data
        if self._batch_depth:
            self._dirty = True
            return
        self._flush()

    def close(self) -> None:
        pass

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
        """Hold the cross-process write lock."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
            with self._lock:
                yield
        except Timeout:
            raise StoreBusy(self.path, LOCK_TIMEOUT_SECONDS) from None

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
            try:
                self._flush()
            except BaseException:
                self.discard()
                raise

    def discard(self) -> None:
        """Forget the in-memory data; the next read parses the file again."""
        self._data = None
        self._stamp = None

    def replace_data(self, data: Data) -> None:
        """Write a whole new document (a migration): durable before returning."""
        self._data = data
        self._flush()

    # -- internals ------------------------------------------------------------------
    def _load(self) -> None:
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except FileNotFoundError:
            self._data = {}
            self._stamp = None
            self.generation += 1
            return
        with os.fdopen(fd, "rb") as handle:
            stamp = FileStamp.of(os.fstat(handle.fileno()))
            raw = handle.read()
        self.parse_count += 1
        self._data = decode(raw)
        self._stamp = stamp
        self.generation += 1

    def _flush(self) -> None:
        assert self._data is not None
        payload = encode(self._data)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
            mode = FILE_MODE
            with contextlib.suppress(FileNotFoundError):
                mode = os.stat(self.path).st_mode & 0o777
            self._stamp = atomic_write(self.path, payload, mode)
        except OSError as error:
            self.discard()
            reason = error.strerror or str(error)
            if error.errno == errno.ENOSPC:
                reason = "the disk is full"
            raise StoreWriteFailed(self.path, reason) from None


class MemoryBackedStorage(MemoryStorage):
    """The same interface without a file: for tests and throwaway stores."""

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.path: Path | None = None
        self.generation = 1
        self.parse_count = 0
        self._snapshot: Data | None = None
        self._batch_depth = 0

    exists = True

    def changed_on_disk(self) -> bool:
        return False

    def reload_if_changed(self) -> bool:
        return False

    def raw_bytes(self) -> bytes | None:
        return None

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        yield

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        if self._batch_depth == 0:
            self._snapshot = orjson.loads(orjson.dumps(self.memory or {}))
        self._batch_depth += 1
        try:
            yield
        except BaseException:
            self._batch_depth -= 1
            if self._batch_depth == 0:
                self.memory = self._snapshot
                self.generation += 1
            raise
        self._batch_depth -= 1

    def discard(self) -> None:
        pass

    def replace_data(self, data: Data) -> None:
        self.memory = data
