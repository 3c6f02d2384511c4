"""Writing a file so that a crash leaves the old version or the new one, whole.

Standard library only, and little of it (`os`, `stat` and `itertools`, all loaded with
the interpreter): the quick write of `growthtui add goal` uses this without loading the
rest of the store (orjson, TinyDB, its lock), nor pathlib. Paths are anything `os` takes.
"""

from __future__ import annotations

import itertools
import os
from stat import S_ISREG

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable

StrPath = str | os.PathLike[str]
Buffer = bytes | memoryview
"""Bytes to write: a text, or a view of part of one."""


class WriteBack:
    """The type of WRITE_BACK."""


WRITE_BACK = WriteBack()
"""A mark among the parts given to `replace_with`: the parts before it may go to the disk
now, while whoever gives the parts works out the next ones (the quick write's search for
the new record's id, ~1.7 ms on ten years of goals). The disk then writes meanwhile,
where it waited for the fsync: a 3.5 MB file's fsync took 5.0 ms at once, 0.4 ms when
its writing was started (posix_fadvise) 3 ms before it."""

FILE_MODE = 0o600
DIR_MODE = 0o700
TEMP_SUFFIX = ".tmp"

_names = itertools.count()


def lock_path(path: StrPath) -> str:
    """The file every writer of `path` locks (`flock`) while it writes."""
    return f"{os.fspath(path)}.lock"


def read_all(fd: int) -> bytes:
    """Everything in the open file `fd`, read from where it stands."""
    size = os.fstat(fd).st_size
    chunks = []
    while chunk := os.read(fd, max(size, 1 << 16)):
        chunks.append(chunk)
    return b"".join(chunks)


def flock_within(fd: int, timeout: float, poll: float) -> bool:
    """Take an exclusive `flock` on `fd`, trying every `poll` seconds for up to `timeout`:
    False when another process still holds it then. The store's lock and the sync's clone
    lock wait this way; closing the only descriptor releases it."""
    import fcntl
    import time

    deadline = time.monotonic() + timeout
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            pass
        if time.monotonic() >= deadline:
            return False
        time.sleep(poll)


def temp_prefix(path: StrPath) -> str:
    """Temp files for `path` are `.<name>.<unique>.tmp` beside it (swept when orphaned)."""
    return f".{os.path.basename(path)}."


def fsync_dir(folder: StrPath) -> None:
    """Make a rename in `folder` durable."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _folder(path: StrPath) -> str:
    """The folder `path` is in ("." for a bare file name)."""
    return os.path.dirname(os.fspath(path)) or os.curdir


def _new_temp(path: StrPath, mode: int) -> tuple[int, str]:
    """Create a temp file beside `path` that no other writer can have opened (`O_EXCL`:
    never through a link planted in its place)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
    while True:
        unique = f"{temp_prefix(path)}{os.getpid()}-{next(_names)}{TEMP_SUFFIX}"
        name = os.path.join(_folder(path), unique)
        try:
            return os.open(name, flags, mode), name
        except FileExistsError:  # left by a killed process that had our pid
            continue


def make_folders(folder: StrPath) -> None:
    """Create `folder` and any missing folder above it, each private (0700) whatever the
    umask: `mkdir(parents=True, mode=…)` gives the mode to the last one only."""
    missing = []
    here = os.path.abspath(os.fspath(folder))
    while not os.path.isdir(here):
        missing.append(here)
        parent = os.path.dirname(here)
        if parent == here:
            break
        here = parent
    for name in reversed(missing):
        try:
            os.mkdir(name, DIR_MODE)
        except FileExistsError:
            if not os.path.isdir(name):
                raise
            continue
        os.chmod(name, DIR_MODE)  # exactly 0700, whatever the umask took away


def replace_with(
    path: StrPath,
    payload: Buffer | Iterable[Buffer | WriteBack],
    mode: int,
    *,
    durable: bool = True,
) -> int:
    """Write `payload` (a text, or the parts of one, one after the other, which may be
    worked out as they are written, with WRITE_BACK between them) as the new version of
    `path`: temp file in the same folder, write, fsync, `os.replace`, fsync of the folder
    (without the fsyncs when not `durable`). Parts that fail to come (an exception from
    the iterable) leave the old version untouched, as a failed write does.
    Returns an open descriptor on the new version; on failure the old version is untouched
    and the temp file gone. A symbolic link at `path` is replaced, never followed: the
    caller resolves the data file's link first (`real_path`)."""
    fd, tmp_name = _new_temp(path, mode)
    try:
        os.fchmod(fd, mode)  # the umask may have narrowed it
        for part in (payload,) if isinstance(payload, bytes | memoryview) else payload:
            if isinstance(part, WriteBack):
                if durable:
                    _start_writing(fd)
                continue
            view = memoryview(part)
            while view:
                view = view[os.write(fd, view) :]
        if durable:
            os.fsync(fd)
        os.replace(tmp_name, path)
    except BaseException:
        os.close(fd)
        try:  # noqa: SIM105 - contextlib would cost the quick write an import
            os.unlink(tmp_name)
        except OSError:
            pass
        raise
    try:
        if durable:
            fsync_dir(_folder(path))
    except BaseException:
        os.close(fd)
        raise
    return fd


def _start_writing(fd: int) -> None:
    """Have the disk start writing what `fd` holds so far, without waiting for it: Linux
    starts the writeback of the range POSIX_FADV_DONTNEED names (it drops only the pages
    already clean, none of a file just written). The fsync that follows still waits for
    all of it. Nothing where posix_fadvise is missing (macOS)."""
    advise = getattr(os, "posix_fadvise", None)
    if advise is not None:
        try:  # noqa: SIM105 - contextlib would cost the quick write an import
            advise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        except OSError:
            pass


def write_in_place(path: StrPath, payload: bytes, *, append: bool = False) -> bool:
    """Write `payload` into the file at `path` itself, not through a temp file and a
    rename: over its start, the rest cut off, or at its end with `append` (after a newline
    if the text there does not end with one: a line cut short by a crash stays a line of
    its own). For the seal and the undo journal, which are never durable and which a
    reader that meets them half written takes for no seal, or for an unreadable last line.

    False, with nothing written, when what is at `path` is not a plain file of ours with
    this one name (a link, which is never followed; a fifo; a second hard link, which may
    be another file's; another user's file): the caller then replaces it (`replace_with`).
    A file made here is exactly FILE_MODE, whatever the umask. OSError when the write
    fails."""
    flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
    try:
        fd = os.open(path, flags | (os.O_APPEND if append else 0), FILE_MODE)
    except OSError:
        return False
    try:
        stat = os.fstat(fd)
        if not S_ISREG(stat.st_mode) or stat.st_nlink != 1 or stat.st_uid != os.geteuid():
            return False
        if stat.st_mode & 0o777 != FILE_MODE:
            os.fchmod(fd, FILE_MODE)  # made now and narrowed by the umask
        if append:
            if stat.st_size and os.pread(fd, 1, stat.st_size - 1) != b"\n":
                payload = b"\n" + payload
            view = memoryview(payload)
            while view:
                view = view[os.write(fd, view) :]
        else:
            done = 0
            while done < len(payload):
                done += os.pwrite(fd, payload[done:], done)
            os.ftruncate(fd, len(payload))
        return True
    finally:
        os.close(fd)


def real_path(path: StrPath) -> str:
    """The file a store path names: through every symbolic link to its target, so that
    writes go there and the link stays a link (a store kept in a dotfiles repository or a
    sync folder, reached through a link). A link whose target is missing names the file it
    would create."""
    return os.path.realpath(os.fspath(path))


def is_read_only(stat: os.stat_result) -> bool:
    """True for a file nobody may write by its mode (0444): a person's way of saying
    "do not change this", which we keep even where we could write anyway (as root)."""
    return not stat.st_mode & 0o222


def atomic_write(path: StrPath, payload: bytes, mode: int = FILE_MODE) -> None:
    """Write `payload` to `path` so that a crash leaves the old or the new file, whole."""
    os.close(replace_with(path, payload, mode))
