"""Daily rotating backups beside the data file, and the ones taken before a migration.

`glob` and `re` are imported by the functions that use them: the quick write imports this
module for `daily_backup_name` alone, and every module it loads costs `growthtui add goal`
time (see quick_write).
"""

from __future__ import annotations

from growthtui.store.files import FILE_MODE, atomic_write

TYPE_CHECKING = False
if TYPE_CHECKING:
    import datetime as dt
    from pathlib import Path

KEEP_DAILY = 14
DAILY_PATTERN = r"\d{4}-\d{2}-\d{2}\.bak"
"""What follows `<name>.` in a daily backup's name."""


def daily_backup_name(name: str, day: dt.date) -> str:
    """The name of `name`'s backup of `day`, beside it."""
    return f"{name}.{day.isoformat()}.bak"


def daily_backup_path(path: Path, day: dt.date) -> Path:
    return path.with_name(daily_backup_name(path.name, day))


def backups_of(path: Path) -> list[Path]:
    """Every backup of `path` (daily and pre-migration), newest first by modification time."""
    import glob

    pattern = f"{glob.escape(path.name)}.*.bak"
    # Not a link: one planted in a shared folder must not be offered as our backup.
    found = [p for p in path.parent.glob(pattern) if not p.is_symlink() and p.is_file()]
    return sorted(found, key=lambda p: (p.stat().st_mtime_ns, p.name), reverse=True)


def newest_backup(path: Path) -> Path | None:
    found = backups_of(path)
    return found[0] if found else None


def take_daily_backup(
    path: Path, raw: bytes, today: dt.date, keep: int = KEEP_DAILY
) -> Path | None:
    """Save `raw` (the file as it was before today's first change) once a day; keep `keep`."""
    import glob
    import re

    target = daily_backup_path(path, today)
    if target.exists():
        return None
    atomic_write(target, raw, FILE_MODE)
    prefix = f"{path.name}."
    dailies = sorted(
        (
            p
            for p in path.parent.glob(f"{glob.escape(prefix)}*.bak")
            if re.fullmatch(DAILY_PATTERN, p.name.removeprefix(prefix))
        ),
        key=lambda p: p.name,
        reverse=True,
    )
    for old in dailies[keep:]:
        old.unlink(missing_ok=True)
    return target


def take_migration_backup(path: Path, raw: bytes, from_version: int) -> Path:
    """Keep the file as it was before migrating it from `from_version` (never rotated)."""
    target = path.with_name(f"{path.name}.schema-{from_version}.bak")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.schema-{from_version}-{n}.bak")
    atomic_write(target, raw, FILE_MODE)
    return target
