"""Odd files around a store: symbolic links, files planted in a shared folder, files and
folders we may not write, hand-edited numbers, and a file corrupted under an open session.
Each is kept or refused with one sentence that fits the cause; nothing else is written."""

from __future__ import annotations

import datetime as dt
import errno
import itertools
import json
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from growthtui.domain.evidence import Evidence
from growthtui.domain.goals import Goal, Milestone
from growthtui.domain.kinds import Horizon
from growthtui.launch import main
from growthtui.store import files, journal, lock, quick_write
from growthtui.store.backups import daily_backup_path
from growthtui.store.errors import StoreNoAccess, StoreUnreadable
from growthtui.store.files import lock_path
from growthtui.store.repository import Store
from growthtui.store.seal import is_sealed, seal_path

TODAY = dt.date(2026, 11, 24)
VICTIM_TEXT = b"someone else's file: must survive\n"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


@pytest.fixture
def cli(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Callable[..., tuple[int, str, str]]:
    monkeypatch.setenv("GROWTHTUI_TODAY", TODAY.isoformat())

    def run(*argv: str | Path) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main([str(a) for a in argv])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def used(tmp_path: Path) -> Path:
    """A store the Store wrote twice today: sealed, with today's backup."""
    path = tmp_path / "growth.json"
    store = Store.open(path, today=lambda: TODAY)
    store.add(Goal(title="Become a staff engineer"))
    store.add(Goal(title="Learn Rust"))
    store.add(Evidence(date=TODAY, text="Led the incident review"))
    store.close()
    return path


@pytest.fixture
def victim(tmp_path: Path) -> Path:
    path = tmp_path / "elsewhere" / "victim.txt"
    path.parent.mkdir()
    path.write_bytes(VICTIM_TEXT)
    return path


# -- a store reached through a symbolic link ---------------------------------------------
@pytest.mark.parametrize("due", ["+1d", None], ids=["the Store's way", "the quick write"])
def test_a_store_reached_through_a_link_stays_a_link(
    tmp_path: Path, used: Path, cli: Callable[..., tuple[int, str, str]], due: str | None
) -> None:
    (tmp_path / "link").mkdir()
    link = tmp_path / "link" / "g.json"
    link.symlink_to(used)
    before = set(os.listdir(used.parent))

    code, _, err = cli("--data", link, "add", "goal", "x", *(["--due", due] if due else []))

    assert (code, err) == (0, "")
    assert link.is_symlink() and link.resolve() == used
    assert [g.title for g in Store.open(used).list(Goal)][-1] == "x"
    assert os.listdir(link.parent) == ["g.json"]  # lock, seal and backups are beside the target
    assert set(os.listdir(used.parent)) == before
    assert is_sealed(used, os.stat(used), 2)


def test_a_link_to_a_folder_and_a_link_to_a_missing_file_are_followed(tmp_path: Path) -> None:
    real = tmp_path / "sync" / "growthtui"
    real.mkdir(parents=True)
    (tmp_path / "dotfiles").symlink_to(real, target_is_directory=True)
    via_folder = Store.open(tmp_path / "dotfiles" / "growth.json")
    via_folder.add(Goal(title="Through a linked folder"))
    assert (real / "growth.json").is_file()

    dangling = tmp_path / "g.json"
    dangling.symlink_to(real / "new.json")
    Store.open(dangling).add(Goal(title="Through a link to a file not made yet"))
    assert dangling.is_symlink() and (real / "new.json").is_file()


def test_every_way_to_the_store_takes_one_lock(tmp_path: Path, used: Path) -> None:
    link = tmp_path / "link.json"
    link.symlink_to(used)
    held = lock.StoreLock(used, timeout=0.1, poll=0.01)
    held.acquire()
    try:
        before = used.read_bytes()
        assert quick_write.add_goal(link, "While locked", Horizon.SHORT, None, TODAY) is None
        assert used.read_bytes() == before
        with pytest.raises(Exception, match="held the lock"):
            session = Store.open(link)
            session._storage._lock = lock.StoreLock(used, timeout=0.1, poll=0.01)
            session.add(Goal(title="While locked"))
    finally:
        held.release()
    assert Store.open(link).add(Goal(title="After")).id == 3


# -- files planted in a shared folder -----------------------------------------------------
def test_a_link_planted_at_the_seal_does_not_let_us_write_another_file(
    used: Path, victim: Path
) -> None:
    seal = Path(seal_path(used))
    seal.unlink()
    seal.symlink_to(victim)
    Store.open(used).add(Goal(title="Written beside a planted seal"))
    assert victim.read_bytes() == VICTIM_TEXT
    assert not seal.is_symlink() and seal.read_bytes().startswith(b"growthtui-seal")
    assert _mode(seal) == 0o600


@pytest.mark.parametrize("name", [seal_path, journal.journal_path], ids=["seal", "journal"])
def test_a_hard_link_planted_at_the_seal_or_journal_is_not_written_through(
    used: Path, victim: Path, name: Callable[[Path], str]
) -> None:
    planted = Path(name(used))
    planted.unlink()
    os.link(victim, planted)  # another name of a file elsewhere: written in place, it would change
    Store.open(used).add(Goal(title="Written beside a planted hard link"))
    assert quick_write.add_goal(used, "Quick", Horizon.SHORT, None, TODAY) == 4
    assert victim.read_bytes() == VICTIM_TEXT
    assert os.stat(planted).st_ino != os.stat(victim).st_ino  # replaced, not written through
    assert is_sealed(used, os.stat(used), 2)


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another user")
def test_another_users_file_at_the_seal_is_replaced_not_written_into(used: Path) -> None:
    seal = Path(seal_path(used))
    seal.unlink()
    seal.write_bytes(VICTIM_TEXT)
    os.chown(seal, 65534, 65534)
    os.chmod(seal, 0o666)  # writable by us: it is still not ours to write
    planted = os.open(seal, os.O_RDONLY)
    try:
        Store.open(used).add(Goal(title="Written beside another user's seal"))
        assert os.pread(planted, 100, 0) == VICTIM_TEXT
    finally:
        os.close(planted)
    assert seal.stat().st_uid == os.geteuid() and is_sealed(used, os.stat(used), 2)


def test_a_fifo_planted_at_the_seal_is_replaced_without_waiting_for_a_reader(used: Path) -> None:
    seal = Path(seal_path(used))
    seal.unlink()
    os.mkfifo(seal)
    Store.open(used).add(Goal(title="Written beside a planted fifo"))
    assert stat.S_ISREG(seal.lstat().st_mode) and is_sealed(used, os.stat(used), 2)


def test_the_seal_and_the_journal_are_written_in_place(used: Path) -> None:
    """One file each, written over (the seal) and appended to (the journal), rather than
    a temp file renamed over them at every write."""
    seal, undo = Path(seal_path(used)), Path(journal.journal_path(used))
    inodes = (seal.stat().st_ino, undo.stat().st_ino)
    Store.open(used).add(Goal(title="By the Store"))
    assert quick_write.add_goal(used, "Quick", Horizon.SHORT, None, TODAY) == 4
    assert (seal.stat().st_ino, undo.stat().st_ino) == inodes
    assert is_sealed(used, os.stat(used), 2)
    assert [b"add goal" in line for line in journal.read_lines(used)][-2:] == [True, True]
    assert _mode(seal) == _mode(undo) == 0o600


def test_a_planted_seal_link_is_not_read_as_a_seal(used: Path, victim: Path) -> None:
    seal = Path(seal_path(used))
    victim.write_bytes(seal.read_bytes())  # a copy of the real seal, elsewhere
    seal.unlink()
    seal.symlink_to(victim)
    assert not is_sealed(used, os.stat(used), 2)


def test_a_link_planted_at_the_lock_is_refused_and_followed_nowhere(
    used: Path, victim: Path, cli: Callable[..., tuple[int, str, str]]
) -> None:
    lock_file = Path(lock_path(used))
    lock_file.unlink(missing_ok=True)
    lock_file.symlink_to(victim)
    before = used.read_bytes()

    assert quick_write.add_goal(used, "Planted", Horizon.SHORT, None, TODAY) is None
    with pytest.raises(StoreNoAccess, match=r"lock file .* is a symbolic link"):
        Store.open(used).add(Goal(title="Planted"))
    code, _, err = cli("--data", used, "add", "goal", "Planted")

    assert code == 2 and err.count("\n") == 1 and "symbolic link" in err
    assert victim.read_bytes() == VICTIM_TEXT
    assert used.read_bytes() == before


def test_links_planted_at_the_temp_files_names_are_passed_over(
    used: Path, victim: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files, "_names", itertools.count())
    for n in range(3):
        (used.parent / f".{used.name}.{os.getpid()}-{n}.tmp").symlink_to(victim)
    Store.open(used).add(Goal(title="Past the planted links"))
    assert victim.read_bytes() == VICTIM_TEXT
    assert Store.open(used).get(Goal, 3).title == "Past the planted links"


def test_a_link_planted_at_todays_backup_is_not_written_through(
    tmp_path: Path, victim: Path
) -> None:
    path = tmp_path / "growth.json"
    Store.open(path, today=lambda: TODAY).add(Goal(title="Yesterday"))
    tomorrow = TODAY + dt.timedelta(days=1)
    daily_backup_path(path, tomorrow).symlink_to(victim)
    Store.open(path, today=lambda: tomorrow).add(Goal(title="Today"))
    assert victim.read_bytes() == VICTIM_TEXT


# -- files and folders we may not write ------------------------------------------------------
def test_a_read_only_store_is_never_rewritten(
    used: Path, cli: Callable[..., tuple[int, str, str]]
) -> None:
    used.chmod(0o444)
    before = used.read_bytes()
    session = Store.open(used)

    with pytest.raises(StoreNoAccess) as refused:
        session.add(Evidence(date=TODAY, text="Shipped"))
    assert quick_write.add_goal(used, "Quick", Horizon.SHORT, None, TODAY) is None
    code, _, err = cli("--data", used, "log", "Shipped")

    message = str(refused.value)
    assert f"the data file {used} is read-only" in message
    assert f"chmod u+w '{used}'" in message and "nothing was changed" in message
    assert "move the file aside" not in message
    assert code == 2 and err.count("\n") == 1 and "read-only" in err
    assert used.read_bytes() == before and _mode(used) == 0o444


def test_a_read_only_old_store_is_not_migrated(tmp_path: Path) -> None:
    path = tmp_path / "growth.json"
    path.write_text(json.dumps({"goals": {"1": {"title": "Old"}}}))
    path.chmod(0o444)
    with pytest.raises(StoreNoAccess, match="read-only"):
        Store.open(path)
    assert sorted(os.listdir(tmp_path)) == ["growth.json", "growth.json.lock"]


def _refuse_open(
    monkeypatch: pytest.MonkeyPatch, module: object, ending: str, code: int = errno.EACCES
) -> None:
    """Make `module`'s os.open refuse paths ending with `ending`, as a folder or file
    that is not ours refuses (these tests may run as root, whom permissions do not stop)."""
    real = os.open

    def refusing(path: str | os.PathLike[str], flags: int, *args: int, **kw: int) -> int:
        if os.fspath(path).endswith(ending):
            raise PermissionError(code, os.strerror(code), os.fspath(path))
        return real(path, flags, *args, **kw)

    monkeypatch.setattr(module, "os", _OsWith(refusing))


class _OsWith:
    """The os module with another `open`."""

    def __init__(self, opener: Callable[..., int]) -> None:
        self.open = opener

    def __getattr__(self, name: str) -> object:
        return getattr(os, name)


def test_a_folder_we_may_not_write_in_gets_a_sentence_about_the_folder(
    used: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Path(lock_path(used)).unlink(missing_ok=True)
    _refuse_open(monkeypatch, lock, ".lock")
    before = used.read_bytes()
    with pytest.raises(StoreNoAccess) as refused:
        Store.open(used).add(Goal(title="x"))
    message = str(refused.value)
    assert f"the folder {used.parent} is not writable for you" in message
    assert f"chmod u+w '{used.parent}'" in message
    assert "move the file aside" not in message
    assert used.read_bytes() == before


def test_a_lock_file_of_another_user_gets_a_sentence_about_the_lock(
    used: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Path(lock_path(used)).touch()
    _refuse_open(monkeypatch, lock, ".lock")
    with pytest.raises(StoreNoAccess, match=r"cannot open the lock file .*rm '"):
        Store.open(used).add(Goal(title="x"))


def test_a_read_only_file_system_says_so(used: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Path(lock_path(used)).unlink(missing_ok=True)
    _refuse_open(monkeypatch, lock, ".lock", errno.EROFS)
    with pytest.raises(StoreNoAccess, match="read-only file system"):
        Store.open(used).add(Goal(title="x"))


def test_a_folder_that_refuses_the_temp_file_gets_the_same_sentence(
    used: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _refuse_open(monkeypatch, files, ".tmp")
    before = used.read_bytes()
    session = Store.open(used)
    with pytest.raises(StoreNoAccess, match="is not writable for you"):
        session.add(Goal(title="x"))
    assert used.read_bytes() == before
    assert session.count(Goal) == 2  # memory holds what the disk holds


def test_a_data_file_we_may_not_read_is_not_called_damaged(
    used: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _refuse_open(monkeypatch, __import__("growthtui.store.storage").store.storage, "growth.json")
    with pytest.raises(StoreNoAccess) as refused:
        Store.open(used)
    message = str(refused.value)
    assert f"chmod u+r '{used}'" in message and "move the file aside" not in message


@pytest.mark.skipif(os.geteuid() == 0, reason="permissions do not stop root")
def test_a_real_read_only_folder(used: Path) -> None:  # pragma: no cover - as non-root
    Path(lock_path(used)).unlink(missing_ok=True)
    used.parent.chmod(0o500)
    try:
        with pytest.raises(StoreNoAccess, match="is not writable for you"):
            Store.open(used).add(Goal(title="x"))
    finally:
        used.parent.chmod(0o700)


# -- hand-edited numbers -------------------------------------------------------------------
def _edited(path: Path, change: Callable[[dict[str, object]], None]) -> bytes:
    data = json.loads(path.read_bytes())
    change(data)
    raw = json.dumps(data, ensure_ascii=False).encode()
    path.write_bytes(raw)
    return raw


def _rekey(key: str) -> Callable[[dict[str, object]], None]:
    def change(data: dict[str, object]) -> None:
        goals = data["goals"]
        assert isinstance(goals, dict)
        goals[key] = goals.pop("2")

    return change


def _next_id(value: object) -> Callable[[dict[str, object]], None]:
    def change(data: dict[str, object]) -> None:
        meta = data["meta"]
        assert isinstance(meta, dict)
        meta["1"]["next_id"]["goals"] = value

    return change


HAND_EDITS = {
    "key ²": (_rekey("²"), "numbered '²'"),
    "key ٣ (an Arabic-Indic three)": (_rekey("٣"), "numbered '٣'"),
    "key 0": (_rekey("0"), "numbered '0'"),
    "key 02": (_rekey("02"), "numbered '02'"),
    "key of 17 digits": (_rekey("12345678901234567"), "numbered '12345678901234567'"),
    "next_id abc": (_next_id("abc"), "next_id of 'goals' is 'abc'"),
    "next_id -4": (_next_id(-4), "next_id of 'goals' is -4"),
    "next_id huge": (_next_id(10**18), "next_id of 'goals' is 1000000000000000000"),
    "next_id 2**70": (_next_id(2**70), "next_id of 'goals' is 1.1805916207174113e\\+21"),
    "next_id true": (_next_id(True), "next_id of 'goals' is True"),
    "next_id a list": (lambda d: d["meta"]["1"].update(next_id=[1]), "next_id is \\[1\\]"),  # type: ignore[index]
    "parent_id 2**70": (
        lambda d: d["goals"]["2"].update(parent_id=2**70),  # type: ignore[index]
        "goal 2 is not valid \\(the parent id 1\\.1805916207174113e\\+21 is out of range "
        "\\(far too large a number\\)\\)",
    ),
}


@pytest.mark.parametrize("edit", HAND_EDITS)
def test_a_hand_edited_number_is_refused_with_a_sentence(
    used: Path, cli: Callable[..., tuple[int, str, str]], edit: str
) -> None:
    change, said = HAND_EDITS[edit]
    raw = _edited(used, change)
    with pytest.raises(StoreUnreadable, match=said):
        Store.open(used)
    code, _, err = cli("--data", used, "add", "goal", "x", "--due", "+1d")
    assert code == 2 and err.count("\n") == 1 and str(used) in err
    assert used.read_bytes() == raw


CORRUPTIONS: dict[str, Callable[[bytes], bytes]] = {
    "truncated": lambda raw: raw[: len(raw) // 2],
    "a key ²": lambda raw: raw.replace(b'"2": {', '"²": {'.encode(), 1),
    "next_id abc": lambda raw: raw.replace(b'"goals": 4', b'"goals": "abc"', 1),
    "an invalid record": lambda raw: raw.replace(b'"horizon": "short"', b'"horizon": "ever"', 1),
    "emptied": lambda raw: b"",
}


@pytest.mark.parametrize("corruption", CORRUPTIONS)
def test_a_store_corrupted_under_an_open_session_refuses_the_next_write(
    used: Path, corruption: str
) -> None:
    session = Store.open(used)
    session.add(Goal(title="Something to undo"))
    raw = CORRUPTIONS[corruption](used.read_bytes())
    assert raw != used.read_bytes()
    used.write_bytes(raw)
    for write in (
        lambda: session.add(Evidence(date=TODAY, text="Logged a win")),
        lambda: session.update(session.get(Goal, 1).edit(title="Renamed")),
        lambda: session.delete(Goal, 2),
        session.undo,
    ):
        with pytest.raises(StoreUnreadable):
            write()
    assert used.read_bytes() == raw


# -- modes ---------------------------------------------------------------------------------
@pytest.fixture
def open_umask() -> Iterator[None]:
    old = os.umask(0)
    yield
    os.umask(old)


def test_folders_are_private_at_every_level_and_files_too(
    tmp_path: Path, open_umask: None, cli: Callable[..., tuple[int, str, str]]
) -> None:
    path = tmp_path / "a" / "b" / "c" / "growth.json"
    store = Store.open(path, today=lambda: TODAY)
    store.add(Goal(title="First"))
    store.add(Milestone(goal_id=1, title="Step", due=TODAY))
    assert quick_write.add_goal(path, "Quick", Horizon.SHORT, None, TODAY) == 2
    for folder in (tmp_path / "a", tmp_path / "a" / "b", path.parent):
        assert _mode(folder) == 0o700, folder
    made = sorted(os.listdir(path.parent))
    assert made == sorted(
        [
            path.name,
            f".{path.name}.seal",
            f".{path.name}.undo",  # the undo journal (store/journal.py)
            f"{path.name}.lock",
            f"{path.name}.2026-11-24.bak",
        ]
    )
    for name in made:
        assert _mode(path.parent / name) == 0o600, name
    code, _, _ = cli("--data", tmp_path / "x" / "y" / "g.json", "add", "goal", "Via the CLI")
    assert code == 0
    assert _mode(tmp_path / "x") == _mode(tmp_path / "x" / "y") == 0o700


def test_the_quick_write_leaves_no_temp_file_behind(
    used: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    listing = sorted(os.listdir(used.parent))
    assert quick_write.add_goal(used, "Quick", Horizon.SHORT, None, TODAY) == 3
    assert sorted(os.listdir(used.parent)) == listing

    def failing_replace(src: str, dst: str) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "replace", failing_replace)
    before = used.read_bytes()
    assert quick_write.add_goal(used, "Disk full", Horizon.SHORT, None, TODAY) is None
    assert used.read_bytes() == before
    assert sorted(os.listdir(used.parent)) == listing
