"""The quick write of `add goal` and `log`: the same bytes as the Store's way, or nothing."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from pathlib import Path

import pytest
from filelock import FileLock
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from growthtui.domain.evidence import Evidence, EvidenceKind
from growthtui.domain.goals import Goal, Milestone
from growthtui.domain.kinds import TITLE_MAX, Horizon
from growthtui.store import quick_write
from growthtui.store.backups import daily_backup_path
from growthtui.store.quick_write import (
    Stamp,
    add_goal,
    add_milestone,
    at_least,
    log_evidence,
    new_evidence_doc,
    new_goal_doc,
    new_milestone_doc,
)
from growthtui.store.repository import Store
from growthtui.store.schema import CURRENT_SCHEMA
from growthtui.store.seal import is_sealed, seal_path, write_seal

TODAY = dt.date(2026, 11, 24)
DUE = dt.date(2027, 3, 31)
NOW = dt.datetime(2026, 11, 24, 9, 30, 15, tzinfo=dt.UTC)
UID = "019a8f3c-2b1d-7e4f-9a0b-1c2d3e4f5a6b"
STAMP = Stamp(UID, NOW.timestamp())
"""The identity and time the quick write gives a record: the same as the Store's below."""


def _open(path: Path) -> Store:
    return Store.open(path, today=lambda: TODAY, now=lambda: NOW)


def _sealed_store(path: Path) -> Path:
    """A store the Store wrote on TODAY, twice (so today's backup exists): sealed."""
    store = _open(path)
    first = store.add(Goal.build(title="Become a staff engineer", horizon="long"))
    store.add(Milestone.build(goal_id=first.id, title="Write the RFC", due="2026-12-15"))
    store.add(Goal.build(title="Learn Rust", due="2027-01-31"))
    store.close()
    assert daily_backup_path(path, TODAY).exists()
    return path


def _the_stores_file(path: Path, folder: Path, record: Goal | Milestone | Evidence) -> bytes:
    """The file the Store writes when it adds `record`, from a copy of `path`."""
    copy = folder / "copy" / path.name
    copy.parent.mkdir(exist_ok=True)
    shutil.copyfile(path, copy)
    store = Store.open(copy, today=lambda: TODAY, now=lambda: NOW, new_uid=lambda: UID)
    store.add(record)
    store.close()
    return copy.read_bytes()


def _the_stores_way(
    path: Path, folder: Path, title: str, horizon: str, due: dt.date | None
) -> bytes:
    """The file the Store writes for the same goal, from a copy of `path`."""
    return _the_stores_file(path, folder, Goal.build(title=title, horizon=horizon, due=due))


@pytest.fixture
def sealed(tmp_path: Path) -> Path:
    return _sealed_store(tmp_path / "growth.json")


def _temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.parametrize(
    ("title", "horizon", "due"),
    [
        ("Give a conference talk", "medium", DUE),
        ("Ship it", "short", None),
        ('He said "ship it" \\ then left / again', "long", DUE),
        ("Éclairer l’équipe — 学习 🚀", "short", None),
        ("x" * TITLE_MAX, "short", None),
    ],
)
def test_the_file_is_byte_for_byte_what_the_store_writes(
    sealed: Path, tmp_path: Path, title: str, horizon: str, due: dt.date | None
) -> None:
    expected = _the_stores_way(sealed, tmp_path, title, horizon, due)
    assert add_goal(sealed, title, Horizon(horizon), due, TODAY, STAMP) == 3
    assert sealed.read_bytes() == expected


def test_the_counter_wins_over_the_highest_id_after_a_delete(sealed: Path, tmp_path: Path) -> None:
    store = _open(sealed)
    store.delete(Goal, 2)  # the counter stays at 3: an id is never reused
    store.close()
    expected = _the_stores_way(sealed, tmp_path, "Mentor a junior", "short", None)
    assert add_goal(sealed, "Mentor a junior", Horizon.SHORT, None, TODAY, STAMP) == 3
    assert sealed.read_bytes() == expected
    assert b'"2": {' not in expected.split(b'"goals": {')[1].split(b"\n  }")[0]


def test_the_highest_id_wins_over_a_lagging_counter(sealed: Path, tmp_path: Path) -> None:
    # An imported record may carry an id above the counter (the Store takes the larger).
    store = _open(sealed)
    store.add_many([Goal.build(id=40, title="Imported goal")])
    store.close()
    expected = _the_stores_way(sealed, tmp_path, "After the import", "short", None)
    assert add_goal(sealed, "After the import", Horizon.SHORT, None, TODAY, STAMP) == 41
    assert sealed.read_bytes() == expected


def test_an_id_above_a_lagging_counter_wins_byte_for_byte(sealed: Path, tmp_path: Path) -> None:
    """A sealed file whose goals counter is behind its highest id (the Store takes the
    larger): the one pass that finds the table's end meets that id and reads them all."""
    text = sealed.read_bytes()
    counter = b'\n        "goals": 3'
    assert counter in text
    sealed.write_bytes(text.replace(counter, b'\n        "goals": 2'))  # goals 1 and 2 stored
    write_seal(sealed, os.stat(sealed), CURRENT_SCHEMA)  # as if the Store had left it so
    expected = _the_stores_way(sealed, tmp_path, "Past the counter", "short", None)
    assert add_goal(sealed, "Past the counter", Horizon.SHORT, None, TODAY, STAMP) == 3
    assert sealed.read_bytes() == expected


@given(number=st.integers(1, 10**7), other=st.integers(1, 10**8))
def test_at_least_reads_the_numbers_from_a_number_up(number: int, other: int) -> None:
    pattern = re.compile(at_least(number))
    for candidate in (other, number - 1, number, number + 1, 10 ** len(str(number))):
        if candidate >= 1:
            assert bool(pattern.fullmatch(str(candidate))) == (candidate >= number), candidate


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    title=st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40).filter(
        lambda t: t.strip()
    )
)
def test_any_title_is_stored_as_the_store_would_or_left_to_it(
    tmp_path_factory: pytest.TempPathFactory, title: str
) -> None:
    folder = tmp_path_factory.mktemp("any")
    path = _sealed_store(folder / "growth.json")
    expected = _the_stores_way(path, folder, title, "short", None)
    before = path.read_bytes()
    added = add_goal(path, title, Horizon.SHORT, None, TODAY, STAMP)
    if added is None:  # not vouched for: nothing changed, the Store's way takes it
        assert path.read_bytes() == before
        assert not quick_write.title_stored_unchanged(title)
    else:
        assert path.read_bytes() == expected


def test_the_new_version_is_sealed_and_read_by_the_store(sealed: Path) -> None:
    assert add_goal(sealed, "First", Horizon.SHORT, None, TODAY) == 3
    assert add_goal(sealed, "Second", Horizon.LONG, DUE, TODAY) == 4
    assert is_sealed(sealed, os.stat(sealed), CURRENT_SCHEMA)
    store = _open(sealed)
    assert [(g.id, g.title, g.created) for g in store.list(Goal)][-2:] == [
        (3, "First", TODAY),
        (4, "Second", TODAY),
    ]
    assert store.get(Goal, 4).due == DUE
    assert oct(sealed.stat().st_mode & 0o777) == "0o600"
    assert _temp_files(sealed.parent) == []


def test_an_open_session_sees_the_quick_goal_and_keeps_it(sealed: Path) -> None:
    session = _open(sealed)
    assert session.count(Goal) == 2
    assert add_goal(sealed, "From the shell", Horizon.SHORT, None, TODAY) == 3
    session.add(Goal.build(title="From the app"))
    titles = [g.title for g in _open(sealed).list(Goal)]
    assert titles[-2:] == ["From the shell", "From the app"]


def _declines(path: Path, title: str = "Learn Go", day: dt.date = TODAY) -> None:
    before = path.read_bytes()
    assert add_goal(path, title, Horizon.SHORT, None, day) is None
    assert path.read_bytes() == before
    assert _temp_files(path.parent) == []


@pytest.mark.parametrize(
    "title",
    [" padded", "padded ", "", "x" * (TITLE_MAX + 1), "tab\there", "bell\x07", "line\u2028"],
)
def test_a_title_the_model_would_change_or_refuse_is_left_to_the_store(
    sealed: Path, title: str
) -> None:
    _declines(sealed, title)


def test_a_file_without_a_seal_is_left_to_the_store(sealed: Path) -> None:
    Path(seal_path(sealed)).unlink()
    _declines(sealed)


def test_a_file_changed_since_its_seal_is_left_to_the_store(sealed: Path) -> None:
    # The same bytes written again (an editor's save): a new change time breaks the seal.
    sealed.write_bytes(sealed.read_bytes())
    _declines(sealed)


def test_a_file_touched_back_to_its_old_times_is_left_to_the_store(sealed: Path) -> None:
    stat = sealed.stat()
    raw = sealed.read_bytes()
    sealed.write_bytes(raw.replace(b"Learn Rust", b"Learn Ruby"))  # same size
    os.utime(sealed, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert sealed.stat().st_size == stat.st_size
    _declines(sealed)


def test_a_torn_seal_is_left_to_the_store(sealed: Path) -> None:
    seal = Path(seal_path(sealed))
    seal.write_bytes(seal.read_bytes()[:20])
    _declines(sealed)


def test_the_first_change_of_a_day_is_left_to_the_store(sealed: Path) -> None:
    _declines(sealed, day=TODAY + dt.timedelta(days=1))  # its backup is the Store's to take


def test_a_busy_lock_is_left_to_the_store(sealed: Path) -> None:
    with FileLock(f"{sealed}.lock"):
        _declines(sealed)


def test_a_store_without_goals_is_left_to_the_store(tmp_path: Path) -> None:
    path = tmp_path / "growth.json"
    store = _open(path)
    goal = store.add(Goal.build(title="Only one"))
    store.delete(Goal, goal.id)  # writes `"goals": {}` and is sealed
    store.close()
    _declines(path)


def test_a_missing_file_is_left_to_the_store(tmp_path: Path) -> None:
    assert add_goal(tmp_path / "none.json", "Learn Go", Horizon.SHORT, None, TODAY) is None
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_changes_nothing(sealed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full_disk(path: Path, payload: bytes, mode: int, *, durable: bool = True) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(quick_write, "replace_with", full_disk)
    _declines(sealed)


@pytest.mark.parametrize("off_by", [-1, 0, 1])
def test_a_file_is_read_only_when_it_holds_the_size_its_seal_vouched_for(
    tmp_path: Path, off_by: int
) -> None:
    """The quick write reads the file into one buffer the size its stat (under the lock,
    matching the seal) gave: a file shorter or longer than that is left to the Store."""
    path = tmp_path / "growth.json"
    path.write_bytes(b"0123456789" * 50_000)
    fd = os.open(path, os.O_RDONLY)
    try:
        read = quick_write._read_whole(fd, 500_000 + off_by)
    finally:
        os.close(fd)
    assert read == (path.read_bytes() if off_by == 0 else None)


def test_the_new_goal_has_every_field_of_the_model_in_its_order() -> None:
    built = Goal.build(
        title="Learn Rust", horizon="medium", due=DUE, created=TODAY, uid=UID, modified=NOW
    )
    model = built.model_dump(mode="json", exclude={"id"})
    doc = new_goal_doc("Learn Rust", Horizon.MEDIUM, DUE, TODAY, STAMP)
    assert list(doc) == list(model)
    assert doc == model


# -- `growthtui log`: evidence, the same way ---------------------------------------------


def _with_evidence(path: Path) -> Path:
    """A sealed store that already holds evidence (the table the quick way appends to)."""
    store = _open(path)
    store.add(Evidence.build(date=TODAY, text="Led the incident review", goal_ids=[1]))
    store.close()
    return path


@pytest.mark.parametrize(
    ("text", "kind", "when", "goal_id"),
    [
        ("Shipped the search rewrite", EvidenceKind.WIN, TODAY, None),
        ("Praise from the VP — «clear RFC»", EvidenceKind.FEEDBACK, dt.date(2026, 11, 20), 1),
        ("Don't deploy on Fridays", EvidenceKind.LESSON, TODAY, 2),
    ],
)
def test_a_logged_win_is_byte_for_byte_what_the_store_writes(
    sealed: Path,
    tmp_path: Path,
    text: str,
    kind: EvidenceKind,
    when: dt.date,
    goal_id: int | None,
) -> None:
    path = _with_evidence(sealed)
    goal_ids = [goal_id] if goal_id else []
    logged = Evidence.build(date=when, text=text, kind=kind, goal_ids=goal_ids)
    expected = _the_stores_file(path, tmp_path, logged)
    assert log_evidence(path, text, kind, when, goal_id, TODAY, STAMP) == 2
    assert path.read_bytes() == expected


def test_a_win_for_a_goal_not_in_the_file_is_left_to_the_store(sealed: Path) -> None:
    path = _with_evidence(sealed)
    before = path.read_bytes()
    assert log_evidence(path, "Shipped", EvidenceKind.WIN, TODAY, 99, TODAY) is None
    assert path.read_bytes() == before


def test_the_first_win_is_left_to_the_store(sealed: Path) -> None:
    before = sealed.read_bytes()  # no evidence yet: the table is not in the file
    assert log_evidence(sealed, "Shipped", EvidenceKind.WIN, TODAY, None, TODAY) is None
    assert sealed.read_bytes() == before


def test_the_new_evidence_has_every_field_of_the_model_in_its_order() -> None:
    built = Evidence.build(
        date=TODAY, text="Shipped", kind=EvidenceKind.PRAISE, goal_ids=[2], uid=UID, modified=NOW
    )
    model = built.model_dump(mode="json", exclude={"id"})
    doc = new_evidence_doc("Shipped", EvidenceKind.PRAISE, TODAY, [2], STAMP)
    assert list(doc) == list(model)
    assert doc == model


# -- `growthtui add milestone`: a milestone, and the goal's title for the line printed --


@pytest.mark.parametrize(
    ("goal_id", "title", "due"),
    [
        (1, "Draft the promotion packet", DUE),
        (2, 'Read "Programming Rust" \\ chapter 3 — 第三章', dt.date(2026, 12, 31)),
    ],
)
def test_a_milestone_is_byte_for_byte_what_the_store_writes(
    sealed: Path, tmp_path: Path, goal_id: int, title: str, due: dt.date
) -> None:
    expected = _the_stores_file(
        sealed, tmp_path, Milestone.build(goal_id=goal_id, title=title, due=due)
    )
    goal_title = {1: "Become a staff engineer", 2: "Learn Rust"}[goal_id]
    assert add_milestone(sealed, goal_id, title, due, TODAY, STAMP) == (2, goal_title)
    assert sealed.read_bytes() == expected


def test_a_milestone_for_a_goal_not_in_the_file_is_left_to_the_store(sealed: Path) -> None:
    before = sealed.read_bytes()
    assert add_milestone(sealed, 99, "Draft", DUE, TODAY) is None
    assert sealed.read_bytes() == before


def test_a_goal_title_with_an_escape_leaves_the_whole_milestone_to_the_store(
    sealed: Path,
) -> None:
    """The goal's title is read before the write: when it cannot be read here, nothing is
    written, so the Store's way (which then runs) does not add the milestone twice."""
    store = _open(sealed)
    store.add(Goal.build(title='Say "no" more often'))  # stored as `Say \"no\" more often`
    store.close()
    before = sealed.read_bytes()
    assert add_milestone(sealed, 3, "Decline one meeting", DUE, TODAY) is None
    assert sealed.read_bytes() == before


def test_the_first_milestone_is_left_to_the_store(tmp_path: Path) -> None:
    path = tmp_path / "growth.json"
    store = _open(path)
    store.add(Goal.build(title="Become a staff engineer"))
    store.add(Goal.build(title="Learn Rust"))  # sealed, today's backup taken, no milestone
    store.close()
    before = path.read_bytes()
    assert add_milestone(path, 1, "Draft", DUE, TODAY) is None
    assert path.read_bytes() == before


def test_the_new_milestone_has_every_field_of_the_model_in_its_order() -> None:
    built = Milestone.build(goal_id=2, title="Draft", due=DUE, uid=UID, modified=NOW)
    model = built.model_dump(mode="json", exclude={"id"})
    doc = new_milestone_doc(2, "Draft", DUE, STAMP)
    assert list(doc) == list(model)
    assert doc == model
