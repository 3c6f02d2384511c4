"""Store errors: each message names the file and says what to do."""

from __future__ import annotations

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
    """The disk refused the write (full, read-only, permissions)."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(
            f"could not save to {path}: {reason}; nothing was changed — free some space "
            "or fix the permissions, then try again"
        )


class Conflict(StoreError):
    """Another session changed or deleted the same record in the meantime."""
