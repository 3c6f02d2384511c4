"""What the store leaves on disk: file modes, daily backups, migrations of old files."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from growthtui.domain.goals import Goal, Milestone
from growthtui.store import files
from growthtui.store.errors import StoreUnreadable
from growthtui.store.repository import Store
from growthtui.store.schema import CURRENT_SCHEMA


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def permissive_umask() -> Iterator[None]:
    """A umask that would leave new files readable by everyone."""
    old = os.umask(0o002)
    yield
    os.umask(old)


def _dailies(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.glob(f"{path.name}.????-??-??.bak"))


# -- modes ------------------------------------------------------------------------------
def test_a_new_store_is_private_and_stays_private_on_rewrite(
    store_path: Path, today: dt.date, permissive_umask: None
) -> None:
    store = Store.open(store_path, today=lambda: today)
    assert _mode(store_path) == 0o600
    store.add(Goal(title="Get the AWS certification"))
    store.add(Goal(title="Write the design doc"))
    assert _mode(store_path) == 0o600
    backup = store_path.with_name(f"{store_path.name}.{today.isoformat()}.bak")
    assert _mode(backup) == 0o600


def test_a_mode_the_person_chose_is_kept_on_rewrite(store_path: Path, today: dt.date) -> None:
    store = Store.open(store_path, today=lambda: today)
    store_path.chmod(0o640)
    store.add(Goal(title="Share the plan with my manager"))
    assert _mode(store_path) == 0o640


# -- daily backups ------------------------------------------------------------------------
def test_the_first_change_of_a_day_backs_up_the_previous_file(
    store_path: Path, today: dt.date
) -> None:
    store = Store.open(store_path, today=lambda: today)
    store.add(Goal(title="Run a brown-bag session"))
    yesterday_bytes = store_path.read_bytes()
    tomorrow = today + dt.timedelta(days=1)
    later = Store.open(store_path, today=lambda: tomorrow)

    later.add(Goal(title="Pair with the SRE team"))
    backup = store_path.with_name(f"{store_path.name}.{tomorrow.isoformat()}.bak")
    assert backup.read_bytes() == yesterday_bytes

    later.add(Goal(title="Second change the same day"))
    assert backup.read_bytes() == yesterday_bytes  # not overwritten by the second change
    assert _dailies(store_path) == [
        f"{store_path.name}.{today.isoformat()}.bak",
        f"{store_path.name}.{tomorrow.isoformat()}.bak",
    ]


def test_fourteen_daily_backups_are_kept(store_path: Path, today: dt.date) -> None:
    clock = [today]
    store = Store.open(store_path, today=lambda: clock[0])
    for day in range(20):
        clock[0] = today + dt.timedelta(days=day)
        store.add(Goal(title=f"Day {day} goal"))
        store.add(Goal(title=f"Day {day} second goal"))
    expected = [
        f"{store_path.name}.{(today + dt.timedelta(days=d)).isoformat()}.bak" for d in range(6, 20)
    ]
    assert _dailies(store_path) == expected
    # Each holds the file as it was at the end of the day before.
    day_19 = json.loads(store_path.with_name(expected[-1]).read_bytes())
    assert len(day_19["goals"]) == 2 * 19


# -- migrations ---------------------------------------------------------------------------
V0 = {
    "goals": {
        "1": {"title": "Become a tech lead", "horizon": "medium"},
        "7": {"title": "Speak at a meetup"},
    },
    "milestones": {"3": {"goal_id": 7, "title": "Submit the abstract", "due": "2026-12-01"}},
}


def test_an_old_file_is_backed_up_then_migrated_and_ids_keep_counting(
    store_path: Path, today: dt.date
) -> None:
    original = json.dumps(V0, indent=1).encode()
    store_path.write_bytes(original)

    store = Store.open(store_path, today=lambda: today)

    backup = store_path.with_name(f"{store_path.name}.schema-0.bak")
    assert backup.read_bytes() == original
    assert json.loads(store_path.read_bytes())["meta"]["1"]["schema_version"] == CURRENT_SCHEMA
    assert [g.title for g in store.list(Goal)] == ["Become a tech lead", "Speak at a meetup"]
    assert store.get(Milestone, 3).goal_id == 7
    store.delete(Goal, 7)
    assert store.add(Goal(title="Mentor two juniors")).id == 8
    assert store.add(Milestone(goal_id=8, title="Find them", due=today)).id == 4


def test_an_old_file_with_a_bad_record_is_refused_before_anything_is_written(
    store_path: Path,
) -> None:
    bad = {"goals": {"1": {"title": "", "horizon": "someday"}}}
    original = json.dumps(bad).encode()
    store_path.write_bytes(original)
    with pytest.raises(StoreUnreadable, match="goal 1"):
        Store.open(store_path)
    assert store_path.read_bytes() == original
    assert sorted(p.name for p in store_path.parent.iterdir()) == [store_path.name]


# -- replace_with: parts worked out as they are written ---------------------------------


def test_parts_given_one_by_one_with_write_back_marks_make_the_whole_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """WRITE_BACK writes nothing: it has the disk start on what is written so far (once
    per mark, before the next part is asked for), and the fsync still follows."""
    path = tmp_path / "growth.json"
    path.write_bytes(b"old")
    calls: list[str] = []
    advise = os.posix_fadvise if hasattr(os, "posix_fadvise") else None
    fsync = os.fsync

    def advised(fd: int, offset: int, length: int, advice: int) -> None:
        calls.append("write back")
        if advise is not None:
            advise(fd, offset, length, advice)

    def synced(fd: int) -> None:
        calls.append("fsync")
        fsync(fd)

    monkeypatch.setattr(os, "posix_fadvise", advised, raising=False)
    monkeypatch.setattr(os, "fsync", synced)

    def parts() -> Iterator[bytes | memoryview | files.WriteBack]:
        yield b"new "
        yield files.WRITE_BACK
        calls.append("worked out the rest")
        yield memoryview(b"text and more")[:4]

    os.close(files.replace_with(path, parts(), 0o600))
    assert path.read_bytes() == b"new text"
    assert calls == ["write back", "worked out the rest", "fsync", "fsync"]  # file, folder


def test_parts_that_fail_to_come_leave_the_old_version(tmp_path: Path) -> None:
    path = tmp_path / "growth.json"
    path.write_bytes(b"old")

    def parts() -> Iterator[bytes | files.WriteBack]:
        yield b"half of the new"
        yield files.WRITE_BACK
        raise OSError("the rest cannot be worked out")

    with pytest.raises(OSError, match="cannot be worked out"):
        files.replace_with(path, parts(), 0o600)
    assert path.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["growth.json"]  # no temp file
