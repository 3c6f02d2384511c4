"""Writing an export to a file a person named: `growthtui export -o FILE`, and the app's
"app: export" in the command palette. One set of guards and one way of writing for both.

- The store's own file is refused, however it is named (a symlink to it, `./` in front):
  an export written over it would replace the records with something the Store refuses.
- A regular file (new or existing) is written whole or not at all: a temp file in its
  folder, then a rename (store/files.py). A symlink is written through: its target gets
  the export, atomically in the target's folder, and the link stays a link.
- A FIFO, a terminal or another device, and the descriptors `/dev/stdout`, `/dev/fd/N`,
  `/proc/self/fd/N`, are written straight into, as a shell's `>` does: no temp file and no
  rename (which would replace the device node with a plain file).
- A failure says what went wrong in a person's words, by its cause: a full disk, a
  permission, a folder that is not there, a read-only file system.

`-o -` (standard output) is the command line's own business: it never reaches here.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

from growthtui.domain.errors import InvalidInput

_LINK_LIMIT = 40
"""Symlinks followed before giving up, as the kernel does (ELOOP)."""

_DESCRIPTOR = re.compile(rf"/(?:proc/(?:self|thread-self|{os.getpid()})|dev)/fd/([0-9]+)")
"""A path that names one of this process's open descriptors (Linux's /proc, the BSDs' and
macOS's /dev/fd): writing to it means writing to that descriptor."""


def check_export_target(path: Path, data_file: Path | None) -> None:
    """Refuse, before anything is read or written, an export target that cannot work:
    a folder, a folder that does not exist, the store's own file. InvalidInput says which
    and what to do."""
    target = _resolved(path)
    if _descriptor(target) is not None:
        return
    try:
        info = os.stat(target)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise InvalidInput(_cannot(path, error)) from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise InvalidInput(f"{path} is a folder: name a file instead, e.g. {path / 'export'}")
    folder = os.path.dirname(target)
    if info is None and not os.path.isdir(folder):
        # The folder as the person named it, unless a symlink led elsewhere.
        shown = path.parent if target == os.path.abspath(path) else Path(folder)
        raise InvalidInput(
            f"the folder {shown} does not exist: create it first or pick another file"
        )
    if data_file is not None and info is not None and _same_file(info, data_file):
        raise InvalidInput(
            f"{path} is the data file itself: name another file so the store is kept"
        )


def write_export(path: Path, text: str, data_file: Path | None) -> None:
    """Write `text` (UTF-8) to `path` as the module's docstring says; `data_file` is the
    store's file, which is never written over. InvalidInput with the sentence to show when
    it cannot; then a regular file keeps its old content."""
    check_export_target(path, data_file)
    payload = text.encode("utf-8")
    target = _resolved(path)
    fd = _descriptor(target)
    try:
        if fd is not None:
            _write_all(fd, payload)
            return
        try:
            info: os.stat_result | None = os.stat(target)
        except FileNotFoundError:
            info = None
        if info is not None and not stat.S_ISREG(info.st_mode):
            _write_into(target, payload)
        else:
            _replace(target, payload, info)
    except BrokenPipeError:  # a pipe's reader left: `export -o /dev/stdout | head`
        raise
    except OSError as error:
        raise InvalidInput(_cannot(path, error)) from None


def _resolved(path: Path) -> str:
    """The file that writing to `path` reaches: its folder resolved, then each symlink in
    its last part followed. A name of one of our descriptors is kept as it is (its link
    says "pipe:[…]", not a path)."""
    name = os.path.abspath(os.fspath(path))
    for _ in range(_LINK_LIMIT):
        folder = os.path.realpath(os.path.dirname(name))
        name = os.path.join(folder, os.path.basename(name))
        if _descriptor(name) is not None:
            return name
        try:
            link = os.readlink(name)
        except OSError:  # not a link (or not there): this is the file
            return name
        name = os.path.join(folder, link)  # an absolute link replaces the folder
    raise InvalidInput(f"{path} is a loop of symbolic links: name another file")


def _descriptor(name: str) -> int | None:
    """The descriptor of ours that `name` stands for, if it names one."""
    match = _DESCRIPTOR.fullmatch(name)
    return int(match.group(1)) if match else None


def _same_file(info: os.stat_result, data_file: Path) -> bool:
    try:
        data = os.stat(data_file)
    except OSError:
        return False
    return (info.st_dev, info.st_ino) == (data.st_dev, data.st_ino)


def _write_all(fd: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        view = view[os.write(fd, view) :]


def _write_into(target: str, payload: bytes) -> None:
    """A FIFO or a device: opened and written, as `>` does (a FIFO waits for its reader)."""
    fd = os.open(target, os.O_WRONLY | os.O_NOCTTY)
    try:
        _write_all(fd, payload)
    finally:
        os.close(fd)


def _replace(target: str, payload: bytes, info: os.stat_result | None) -> None:
    """A regular file, new or not: replaced whole, keeping an existing file's mode."""
    from growthtui.store.files import FILE_MODE, atomic_write

    mode = stat.S_IMODE(info.st_mode) if info is not None else FILE_MODE
    atomic_write(target, payload, mode)


def _cannot(path: Path, error: OSError) -> str:
    """Why `path` could not be written, by cause, and what to do."""
    code = error.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        return f"cannot write {path}: the disk is full; free some space and export again"
    if code in (errno.EACCES, errno.EPERM):
        return (
            f"cannot write {path}: permission denied; pick a file in a folder you may "
            "write to, or change the permissions"
        )
    if code == errno.EROFS:
        return f"cannot write {path}: the file system is read-only; pick another file"
    if code == errno.ENOENT:
        return f"cannot write {path}: its folder does not exist; create it or pick another file"
    if code == errno.EISDIR:
        return f"{path} is a folder: name a file instead, e.g. {path / 'export'}"
    if code == errno.ELOOP:
        return f"{path} is a loop of symbolic links: name another file"
    reason = error.strerror or str(error)
    return f"cannot write {path}: {reason[:1].lower()}{reason[1:]}; pick another file"
