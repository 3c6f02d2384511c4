"""The cross-process write lock: `flock` on `<data file>.lock`, beside the data file.

Written here rather than taken from filelock, whose Unix lock opens the lock file with
`O_TRUNC` and follows a symbolic link: a link planted at `growthtui.json.lock` in a shared
folder would then let us truncate the file it points at. This one opens the lock file with
`O_NOFOLLOW` and never truncates or writes it; it only holds an `flock` on it, as the quick
write does (store/quick_write.py), so both take the same lock.
"""

from __future__ import annotations

import errno
import os
import threading
from pathlib import Path

from growthtui.store.errors import ACCESS_ERRNOS, StoreBusy, StoreNoAccess
from growthtui.store.files import FILE_MODE, flock_within, lock_path


class StoreLock:
    """An exclusive lock on the store at `path`, re-entrant within one thread."""

    def __init__(self, path: Path, timeout: float, poll: float) -> None:
        self.path = path
        self.lock_file = Path(lock_path(path))
        self.timeout = timeout
        self.poll = poll
        self._held = threading.local()

    def acquire(self) -> None:
        """Hold the lock, waiting up to `timeout` seconds: StoreBusy after that, and
        StoreNoAccess when the lock file cannot be opened (another user's, a link)."""
        depth = getattr(self._held, "depth", 0)
        if depth:
            self._held.depth = depth + 1
            return
        fd = self._open()
        try:
            if not flock_within(fd, self.timeout, self.poll):
                raise StoreBusy(self.path, self.timeout)
        except BaseException:
            os.close(fd)
            raise
        self._held.fd = fd
        self._held.depth = 1

    def release(self) -> None:
        depth = getattr(self._held, "depth", 0)
        if depth > 1:
            self._held.depth = depth - 1
            return
        if depth == 1:
            fd = self._held.fd
            self._held.depth = 0
            self._held.fd = None
            os.close(fd)  # closing the only descriptor releases the flock

    def _open(self) -> int:
        try:
            return os.open(
                self.lock_file, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, FILE_MODE
            )
        except OSError as error:
            if error.errno == errno.ELOOP:
                raise StoreNoAccess.lock(
                    self.path, self.lock_file, "it is a symbolic link"
                ) from None
            if error.errno in ACCESS_ERRNOS and not os.path.lexists(self.lock_file):
                raise StoreNoAccess.folder(self.path, error) from None
            if error.errno in ACCESS_ERRNOS or error.errno == errno.EISDIR:
                reason = "permission denied" if error.errno != errno.EISDIR else "a folder"
                raise StoreNoAccess.lock(self.path, self.lock_file, reason) from None
            raise
