"""Store errors: each message names the file and says what to do."""

from __future__ import annotations

import errno
from pathlib import Path

from growthtui.domain.errors import GrowthError


class StoreError(GrowthError):
    """Something about the data file stops us; nothing was changed."""


class StoreUnreadable(StoreError):
    """The file is corrupt, empty, or not ours: refuse, and never overwrite it."""

    def __init__(self, path: Path, reason: str, backup: Path | None) -> None:
        self.path = path
        self.backup = backup
        if backup is not None:
            advice = (
                f"restore the newest backup with `cp '{backup}' '{path}'`, "
                "or move the file aside to start afresh"
            )
        else:
            advice = "there is no backup beside it; move the file aside to start afresh"
        super().__init__(
            f"cannot read the data file {path}: {reason}; it was left untouched — {advice}"
        )


class StoreTooNew(StoreError):
    """Written by a newer growthtui: refuse rather than lose what we do not understand."""

    def __init__(self, path: Path, version: int, supported: int, backup: Path | None) -> None:
        self.path = path
        self.backup = backup
        self.version = version
        super().__init__(
            f"the data file {path} was written by a newer growthtui (schema {version}, this "
            f"version reads up to {supported}); it was left untouched — upgrade growthtui"
            + (f", or restore the backup {backup}" if backup else "")
        )


class StoreBusy(StoreError):
    """Another process held the lock too long."""

    def __init__(self, path: Path, seconds: float) -> None:
        self.path = path
        super().__init__(
            f"another growthtui has held the lock on {path} for over {seconds:g} s; "
            "close it or try again (nothing was saved)"
        )


class StoreWriteFailed(StoreError):
    """The disk refused the write (full, failing)."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        advice = "free some space" if reason.startswith("the disk is full") else "check the disk"
        super().__init__(
            f"could not save to {path}: {reason}; nothing was changed — {advice}, then try again"
        )


class StoreNoAccess(StoreError):
    """We may not read or write the file, its folder or its lock (permissions, a read-only
    file or file system). Nothing is wrong with the data: the sentence says what to change.
    """

    def __init__(self, path: Path, message: str) -> None:
        self.path = path
        super().__init__(message)

    @classmethod
    def read_only_file(cls, path: Path) -> StoreNoAccess:
        return cls._chmod(path, f"the data file {path} is read-only:", "w", "or open it elsewhere")

    @classmethod
    def unreadable_file(cls, path: Path) -> StoreNoAccess:
        problem = f"cannot read the data file {path}: permission denied;"
        return cls._chmod(path, problem, "r", "(or open it as its owner)")

    @classmethod
    def _chmod(cls, path: Path, problem: str, mode: str, otherwise: str) -> StoreNoAccess:
        """`problem`, then the `chmod` that gives the owner the `mode` (r, w) it lacks."""
        able = "readable" if mode == "r" else "writable"
        return cls(
            path,
            f"{problem} make it {able} with `chmod u+{mode} '{path}'` {otherwise}; "
            "nothing was changed",
        )

    @classmethod
    def folder(cls, path: Path, error: OSError) -> StoreNoAccess:
        """Creating a file beside `path` (the data file) was refused."""
        folder = path.parent
        if error.errno == errno.EROFS:
            return cls(
                path,
                f"cannot save to {path}: its folder {folder} is on a read-only file system; "
                "point --data at a file on a writable disk; nothing was changed",
            )
        return cls(
            path,
            f"cannot save to {path}: the folder {folder} is not writable for you; make it "
            f"writable with `chmod u+w '{folder}'`, or keep the data file in a folder you "
            "can write to; nothing was changed",
        )

    @classmethod
    def lock(cls, path: Path, lock: Path, reason: str) -> StoreNoAccess:
        if reason == "a folder":
            return cls(
                path,
                f"cannot open the lock file {lock}: it is a folder; move it aside "
                f"(`mv '{lock}' '{lock}.old'`), then try again; nothing was changed",
            )
        return cls(
            path,
            f"cannot open the lock file {lock} ({reason}); it may belong to another user: "
            f"remove it with `rm '{lock}'` or fix its owner, then try again; "
            "nothing was changed",
        )


ACCESS_ERRNOS = frozenset({errno.EACCES, errno.EPERM, errno.EROFS})
"""What the disk says when we may not write (rather than cannot)."""


class Conflict(StoreError):
    """Another session changed or deleted the same record in the meantime."""
