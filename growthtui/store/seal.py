"""The seal: a note beside the data file saying "the Store wrote this very version".

The Store checks every record before it writes, and writes its own canonical form. After
each write it records the new version's identity (inode, size, modification and change
times, schema version) in `.<name>.seal`. A file whose identity still matches its seal is
therefore whole, valid, current and laid out exactly as `storage.encode` lays it out — which
is what lets `growthtui add goal` add a record without parsing or validating ten years of
data (`quick_write`).

Anything else means "not sealed", never an error: no seal, an unreadable or torn one,
another version's, or a file changed since by anyone (an editor, a restore, `touch`; the
change time cannot be set back). Then the caller takes the Store's path, which checks
everything. Losing a seal costs speed once, never data, so it is written without fsync,
and in place (written over, then cut to its length): a reader that meets it half written
finds no identity, which is "not sealed". Only a plain file with no other name is written
in place; anything else at its name (a second hard link, a fifo) is replaced by a temp
file renamed over it. Neither way follows a link: a link planted at its name (in a shared
folder) never makes us write another file. Standard library only (`os`), like `files`.
"""

from __future__ import annotations

import os

from growthtui.store.files import FILE_MODE, StrPath, read_all, replace_with, write_in_place

_MAGIC = "growthtui-seal 1"


def seal_path(path: StrPath) -> str:
    folder, name = os.path.split(os.fspath(path))
    return os.path.join(folder, f".{name}.seal")


def _identity(stat: os.stat_result, schema: int) -> str:
    return (
        f"{_MAGIC} schema={schema} ino={stat.st_ino} size={stat.st_size} "
        f"mtime={stat.st_mtime_ns} ctime={stat.st_ctime_ns}\n"
    )


def write_seal(path: StrPath, stat: os.stat_result, schema: int) -> None:
    """Record that the version of `path` described by `stat` is the Store's own.

    The caller holds the write lock. A failure is ignored: the next write goes the slow way.
    """
    text = _identity(stat, schema).encode("ascii")
    try:
        if write_in_place(seal_path(path), text):
            return
    except OSError:
        pass  # replaced whole instead
    try:  # noqa: SIM105 - contextlib would cost the quick write an import
        os.close(replace_with(seal_path(path), text, FILE_MODE, durable=False))
    except OSError:
        pass


def is_sealed(path: StrPath, stat: os.stat_result, schema: int) -> bool:
    """True when `stat` (of `path`, taken under the write lock) is the sealed version."""
    try:
        fd = os.open(seal_path(path), os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return False
    try:
        recorded = os.read(fd, 512)
    except OSError:
        return False
    finally:
        os.close(fd)
    return recorded == _identity(stat, schema).encode("ascii")


def sealed_bytes(path: StrPath, schema: int) -> bytes | None:
    """The text of the store file at `path` when the Store sealed this very version; None
    for any other file (or none). The seal is checked and the text read through one open
    descriptor, so both are of the same version."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        if not is_sealed(path, os.fstat(fd), schema):
            return None
        return read_all(fd)
    except OSError:
        return None
    finally:
        os.close(fd)
