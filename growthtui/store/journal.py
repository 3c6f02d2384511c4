"""The undo journal: the last changes to a store, kept beside it, so that a change can be
undone from another process than the one that made it (`growthtui undo` after `growthtui
add goal`, or after a change made in the app).

It is a hidden file beside the data file (`.growth.json.undo`, beside the link's target
as the lock and the seal are), one change a line:

    {"id": "…", "description": "add goal", "ops": [{"table": …, "id": …,
     "before": {…} | null, "after": {…} | null}, …]}

`before` and `after` are the record's documents as the data file holds them. Undoing puts
`before` back, and only when every record still holds `after` (nobody changed it since),
so a journal that is stale, lost or edited by hand can never undo the wrong thing: the
undo is refused in one sentence instead.

Bounded: the last DEPTH changes are offered, the file holds at most twice as many and
SIZE_LIMIT bytes, and a change whose line would be longer than ENTRY_LIMIT (a seed, a large
import) is kept as its description only (`"ops": null`): it can be undone in the app
session that made it, not from another.

Written under the store's write lock, after the data file, never durably: a journal lost
in a crash only means nothing to undo. A change is appended to it in place
(files.write_in_place: a line cut short by a crash is a line of its own, which an undo
refuses as unreadable, never a change merged into the next); the file is replaced whole
(files.replace_with) only to drop the oldest changes, once it holds twice DEPTH or would
pass SIZE_LIMIT, and when an undone change is taken out.
Bytes only, and standard library only (`os`): the quick write appends to it without json.
"""

from __future__ import annotations

import os

from growthtui.store.files import (
    FILE_MODE,
    StrPath,
    read_all,
    real_path,
    replace_with,
    write_in_place,
)

DEPTH = 100
"""Changes kept: as many as one app session can undo."""
ENTRY_LIMIT = 64 * 1024
"""The longest line kept whole, in bytes."""
SIZE_LIMIT = 1024 * 1024
"""The most the journal holds, in bytes (the oldest changes go first), so it stays small
whatever the changes were."""


def journal_path(path: StrPath) -> str:
    """The journal of the store at `path`."""
    folder, name = os.path.split(real_path(path))
    return os.path.join(folder, f".{name}.undo")


def new_token() -> str:
    """An id for a journal entry, unique enough to tell two changes apart."""
    return os.urandom(8).hex()


def read_lines(path: StrPath) -> list[bytes]:
    """The journal's last DEPTH lines, oldest first (none when it is missing or cannot be
    read)."""
    return _all_lines(journal_path(path))[-DEPTH:]


def _all_lines(target: str) -> list[bytes]:
    try:
        fd = os.open(target, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return []
    try:
        chunks = []
        while chunk := os.read(fd, 1 << 16):
            chunks.append(chunk)
    except OSError:
        return []
    finally:
        os.close(fd)
    return [line for line in b"".join(chunks).split(b"\n") if line.strip()]


def write_lines(path: StrPath, lines: list[bytes]) -> None:
    """Replace the journal with `lines` (the last DEPTH of them); the caller holds the
    store's write lock. A journal that cannot be written is removed, so that it never
    offers an older change as the last one; failing that, the undo's check of every record
    refuses what it no longer describes."""
    _rewrite(journal_path(path), lines)


def _rewrite(target: str, lines: list[bytes]) -> None:
    kept = lines[-DEPTH:]
    size = sum(len(line) + 1 for line in kept)
    while kept and size > SIZE_LIMIT:
        size -= len(kept.pop(0)) + 1
    try:
        if not kept:
            os.unlink(target)
            return
        os.close(replace_with(target, b"\n".join(kept) + b"\n", FILE_MODE, durable=False))
    except FileNotFoundError:
        pass
    except OSError:
        try:  # noqa: SIM105 - contextlib would cost the quick write an import
            os.unlink(target)
        except OSError:
            pass


def append(path: StrPath, line: bytes) -> None:
    """Add one change (its JSON text on one line) at the end of the journal; the caller
    holds the store's write lock.

    Whether it is full is told by its lines' ends and its size, not by its lines: a
    journal of twice DEPTH changes is ~150 KB after as many `add goal`s, and splitting it
    into lines at every change cost ~0.4 ms of each, for a rewrite once in DEPTH changes.
    (A blank line, which only an editor leaves, counts as a line here: the rewrite, which
    drops it, comes that much sooner.)"""
    target = journal_path(path)
    lines, size = _extent(target)
    if lines < 2 * DEPTH and size + len(line) + 2 <= SIZE_LIMIT:
        try:
            if write_in_place(target, line + b"\n", append=True):
                return
        except OSError:
            pass  # replaced whole below, or removed
    _rewrite(target, [*_all_lines(target), line])


def _extent(target: str) -> tuple[int, int]:
    """How many lines the journal at `target` holds (a last one cut short counts) and its
    size in bytes; (0, 0) when it is missing or cannot be read (as `_all_lines` finds no
    line there)."""
    try:
        fd = os.open(target, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return 0, 0
    try:
        text = read_all(fd)
    except OSError:
        return 0, 0
    finally:
        os.close(fd)
    return text.count(b"\n") + (not text.endswith(b"\n") and bool(text)), len(text)
