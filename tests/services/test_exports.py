"""Writing an export to a file a person named (services/exports.py): the guards and the
writing that `growthtui export -o` and the app's palette export share."""

from __future__ import annotations

import errno
import os
import stat
import threading
from pathlib import Path

import pytest

from growthtui.domain.errors import InvalidInput
from growthtui.services import exports
from growthtui.services.exports import check_export_target, write_export
from growthtui.store import files

TEXT = "# Growth plan\n\nreport of 2026-11-24 ✓\n"


@pytest.fixture
def data_file(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "growth.json"
    path.parent.mkdir()
    path.write_text('{"meta": {}}')
    return path


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(files.TEMP_SUFFIX))


def test_a_new_file_is_written_whole_and_private(tmp_path: Path, data_file: Path) -> None:
    target = tmp_path / "report.md"
    write_export(target, TEXT, data_file)
    assert target.read_text(encoding="utf-8") == TEXT
    assert stat.S_IMODE(target.stat().st_mode) == files.FILE_MODE
    assert leftovers(tmp_path) == []


def test_an_existing_file_keeps_its_mode(tmp_path: Path, data_file: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("old")
    target.chmod(0o644)
    write_export(target, TEXT, data_file)
    assert (target.read_text(encoding="utf-8"), stat.S_IMODE(target.stat().st_mode)) == (
        TEXT,
        0o644,
    )


def test_a_symlink_is_written_through_and_stays_a_link(tmp_path: Path, data_file: Path) -> None:
    """The link's target, in another folder (a dotfiles repo, a synced folder), gets the
    export, atomically in its own folder; the link is kept."""
    elsewhere = tmp_path / "synced"
    elsewhere.mkdir()
    real = elsewhere / "report.md"
    real.write_text("old")
    link = tmp_path / "report.md"
    link.symlink_to(os.path.relpath(real, tmp_path))
    write_export(link, TEXT, data_file)
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == TEXT
    assert leftovers(tmp_path) == leftovers(elsewhere) == []


def test_a_chain_of_links_and_a_dangling_link_reach_their_file(
    tmp_path: Path, data_file: Path
) -> None:
    real = tmp_path / "real.md"
    (tmp_path / "one").symlink_to("two")
    (tmp_path / "two").symlink_to(real)  # not there yet: `>` would create it
    write_export(tmp_path / "one", TEXT, data_file)
    assert (tmp_path / "one").is_symlink() and (tmp_path / "two").is_symlink()
    assert real.read_text(encoding="utf-8") == TEXT


def test_a_loop_of_links_is_one_sentence(tmp_path: Path, data_file: Path) -> None:
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    with pytest.raises(InvalidInput, match="loop of symbolic links"):
        write_export(tmp_path / "a", TEXT, data_file)


def test_a_fifo_is_written_into_not_replaced(tmp_path: Path, data_file: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_export(fifo, TEXT, data_file)
    reader.join(timeout=30)
    assert received == [TEXT.encode()]
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert leftovers(tmp_path) == []


def test_a_descriptor_path_writes_to_that_descriptor(tmp_path: Path, data_file: Path) -> None:
    """`-o /dev/fd/N` (a shell's process substitution): the open descriptor gets the text,
    at its own offset (so `>>` appends), and no file is made anywhere."""
    log = tmp_path / "log.txt"
    log.write_text("kept\n")
    fd = os.open(log, os.O_WRONLY | os.O_APPEND)
    try:
        write_export(Path(f"/dev/fd/{fd}"), TEXT, data_file)
    finally:
        os.close(fd)
    assert log.read_text(encoding="utf-8") == "kept\n" + TEXT


@pytest.mark.parametrize(
    "name", ["growth.json", "./growth.json", "../data/growth.json", "link.json"]
)
def test_the_store_file_itself_is_refused_however_named(
    data_file: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    (data_file.parent / "link.json").symlink_to(data_file.name)
    monkeypatch.chdir(data_file.parent)
    before = data_file.read_bytes()
    with pytest.raises(InvalidInput, match="is the data file itself"):
        write_export(Path(name), TEXT, data_file)
    assert data_file.read_bytes() == before


def test_a_folder_and_a_missing_folder_are_refused_before_anything(
    tmp_path: Path, data_file: Path
) -> None:
    with pytest.raises(InvalidInput, match="is a folder: name a file instead"):
        check_export_target(tmp_path, data_file)
    with pytest.raises(InvalidInput, match=r"folder .*missing does not exist: create it"):
        check_export_target(tmp_path / "missing" / "report.md", data_file)


@pytest.mark.parametrize(
    ("code", "says", "never"),
    [
        (errno.ENOSPC, "the disk is full; free some space", "permission"),
        (errno.EDQUOT, "the disk is full; free some space", "permission"),
        (errno.EACCES, "permission denied; pick a file in a folder you may write to", "disk"),
        (errno.EROFS, "the file system is read-only", "permission"),
        (errno.EIO, "input/output error; pick another file", "permission"),
    ],
)
def test_a_failed_write_says_its_cause_and_leaves_the_old_file(
    tmp_path: Path,
    data_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    code: int,
    says: str,
    never: str,
) -> None:
    target = tmp_path / "report.md"
    target.write_text("old")

    def refused(*args: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(files.os, "fsync", refused)  # after the temp file was written
    with pytest.raises(InvalidInput) as raised:
        write_export(target, TEXT, data_file)
    message = str(raised.value)
    assert message.startswith(f"cannot write {target}: ") and says in message.lower()
    assert never not in message
    assert target.read_text() == "old"
    assert leftovers(tmp_path) == []


def test_a_full_device_says_so(data_file: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("needs /dev/full (Linux)")
    with pytest.raises(InvalidInput, match="cannot write /dev/full: the disk is full"):
        write_export(Path("/dev/full"), TEXT, data_file)
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_the_descriptor_pattern_names_only_descriptors() -> None:
    fd = exports._descriptor
    assert fd("/dev/fd/1") == 1
    assert fd("/proc/self/fd/63") == 63
    assert fd(f"/proc/{os.getpid()}/fd/4") == 4
    assert fd("/proc/1/fd/4") is None  # another process's
    assert fd("/dev/fd/1/x") is None and fd("/home/me/dev/fd/1") is None
