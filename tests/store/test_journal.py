"""The undo journal (store/journal.py): the latest change to a store can be undone from
another process than the one that made it, never the wrong one, and the journal stays
bounded."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from growthtui.domain.errors import InvalidInput
from growthtui.domain.goals import Goal, Milestone
from growthtui.domain.kinds import Horizon
from growthtui.services.seed import seed
from growthtui.store import journal, quick_write
from growthtui.store.errors import Conflict
from growthtui.store.repository import Store


def _open(path: Path, today: dt.date) -> Store:
    """Another session on the same file (as another process would open it)."""
    return Store.open(path, today=lambda: today)


def test_a_change_made_in_one_session_is_undone_from_another(
    store_path: Path, today: dt.date
) -> None:
    app = _open(store_path, today)
    app.add(Goal(title="Ship the RFC"))
    app.update(app.get(Goal, 1).model_copy(update={"title": "Ship it"}), reason="shorter")
    shell = _open(store_path, today)
    assert shell.undo_latest() == "edit goal 1"
    assert _open(store_path, today).get(Goal, 1).title == "Ship the RFC"
    assert _open(store_path, today).undo_latest() == "add goal"
    assert not _open(store_path, today).has(Goal, 1)
    with pytest.raises(InvalidInput, match="nothing to undo"):
        _open(store_path, today).undo_latest()
    app.refresh()
    assert not app.has(Goal, 1)  # the app reads the undone file


def test_the_quick_writes_record_is_undone_like_the_stores(
    store_path: Path, today: dt.date
) -> None:
    store = _open(store_path, today)
    store.add(Goal(title="First"))
    store.add(Milestone(goal_id=1, title="Step", due=today))
    before = store_path.read_bytes()
    quick = quick_write.add_goal(store_path, "Quick", Horizon.SHORT, None, today)
    assert quick == 2
    assert _open(store_path, today).undo_latest() == "add goal"
    after = _open(store_path, today)
    assert not after.has(Goal, 2) and after.has(Goal, 1)
    assert store_path.read_bytes() != before  # the id counter stays raised: never reused
    assert after.next_id(Goal) == 3


def test_a_record_changed_since_is_never_undone(store_path: Path, today: dt.date) -> None:
    store = _open(store_path, today)
    store.add(Goal(title="Ship the RFC"))
    other = _open(store_path, today)
    with other.transaction("a change not journaled", undoable=False) as tx:
        tx.put(other.get(Goal, 1).model_copy(update={"title": "Changed elsewhere"}))
    before = store_path.read_bytes()
    with pytest.raises(Conflict, match="cannot undo 'add goal': goal 1 was changed"):
        _open(store_path, today).undo_latest()
    assert store_path.read_bytes() == before


def test_a_session_undo_takes_its_change_out_of_the_journal(
    store_path: Path, today: dt.date
) -> None:
    app = _open(store_path, today)
    app.add(Goal(title="Kept"))
    app.add(Goal(title="Undone in the app"))
    assert app.undo() == "add goal"
    assert _open(store_path, today).undo_latest() == "add goal"  # the first one
    assert not _open(store_path, today).has(Goal, 1)
    assert not app.can_undo or app.undo_description() == "add goal"


def test_the_journal_keeps_the_last_changes_only(store_path: Path, today: dt.date) -> None:
    store = _open(store_path, today)
    for n in range(journal.DEPTH + 5):
        store.add(Goal(title=f"Goal {n}"))
    assert len(journal.read_lines(store_path)) == journal.DEPTH


def test_a_change_too_large_to_keep_is_refused_in_one_sentence(
    store_path: Path, today: dt.date
) -> None:
    store = _open(store_path, today)
    seed(store, today, 3000)  # thousands of records in one change
    before = store_path.read_bytes()
    with pytest.raises(InvalidInput, match=r"too large to undo outside the app session"):
        _open(store_path, today).undo_latest()
    assert store_path.read_bytes() == before
    assert store.undo()  # the session that made it still can


def test_the_journal_stays_under_its_size_limit(store_path: Path, today: dt.date) -> None:
    store = _open(store_path, today)
    for n in range(40):  # each change just under the longest kept whole
        store.add(Goal(title=f"Goal {n}", notes="n" * (journal.ENTRY_LIMIT - 2_000)))
    lines = journal.read_lines(store_path)
    assert sum(len(line) + 1 for line in lines) <= journal.SIZE_LIMIT
    assert len(lines) >= journal.SIZE_LIMIT // journal.ENTRY_LIMIT
    assert _open(store_path, today).undo_latest() == "add goal"  # the latest is kept
    assert not _open(store_path, today).has(Goal, 40)


def test_a_line_cut_short_by_a_crash_never_merges_with_the_next_change(
    store_path: Path, today: dt.date
) -> None:
    store = _open(store_path, today)
    store.add(Goal(title="Kept"))
    undo = Path(journal.journal_path(store_path))
    with undo.open("ab") as cut:  # a crash in the middle of appending a change's line
        cut.write(b'{"id":"0123456789abcdef","description":"add go')
    with pytest.raises(InvalidInput, match="journal beside the store cannot be read"):
        _open(store_path, today).undo_latest()
    assert quick_write.add_goal(store_path, "Quick", Horizon.SHORT, None, today) == 2
    assert _open(store_path, today).undo_latest() == "add goal"  # the quick write's, whole
    assert not _open(store_path, today).has(Goal, 2) and _open(store_path, today).has(Goal, 1)


def test_the_journal_is_appended_to_and_trimmed_to_its_depth_now_and_then(
    store_path: Path, today: dt.date
) -> None:
    store = _open(store_path, today)
    store.add(Goal(title="Goal 0"))
    undo = Path(journal.journal_path(store_path))
    sizes = []
    for n in range(1, 2 * journal.DEPTH + 1):
        assert quick_write.add_goal(store_path, f"Goal {n}", Horizon.SHORT, None, today) == n + 1
        sizes.append(undo.read_bytes().count(b"\n"))
    # one line more at each change (the Store's first), until one more would pass twice
    # DEPTH: then the last DEPTH are kept
    assert sizes == [*range(2, 2 * journal.DEPTH + 1), journal.DEPTH]
    assert len(journal.read_lines(store_path)) == journal.DEPTH  # the last DEPTH offered
    assert _open(store_path, today).undo_latest() == "add goal"
    assert not _open(store_path, today).has(Goal, 2 * journal.DEPTH + 1)


@pytest.mark.parametrize(
    ("text", "extent"),
    [(None, (0, 0)), (b"", (0, 0)), (b"a\nb\n", (2, 4)), (b"a\nb", (2, 3)), (b"a\n\nb\n", (3, 5))],
)
def test_the_journal_is_measured_by_its_line_ends_and_size(
    tmp_path: Path, text: bytes | None, extent: tuple[int, int]
) -> None:
    """What `append` decides on without splitting the journal into lines: a last line
    cut short counts, a blank line (an editor's) too."""
    target = tmp_path / ".growth.json.undo"
    if text is not None:
        target.write_bytes(text)
    assert journal._extent(str(target)) == extent


def test_a_full_journal_whose_last_line_was_cut_short_is_trimmed(
    store_path: Path, today: dt.date
) -> None:
    store = _open(store_path, today)
    store.add(Goal(title="Goal 0"))
    undo = Path(journal.journal_path(store_path))
    kept = undo.read_bytes()
    undo.write_bytes(kept * (2 * journal.DEPTH - 1) + b'{"id":"0123456789abcdef","descr')
    assert quick_write.add_goal(store_path, "Quick", Horizon.SHORT, None, today) == 2
    lines = undo.read_bytes().split(b"\n")
    assert len(lines) == journal.DEPTH + 1 and lines[-1] == b""  # the last DEPTH kept
    assert b'"description": "add goal"' in lines[-2] and b"Quick" in lines[-2]
