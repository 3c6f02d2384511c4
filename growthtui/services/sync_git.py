"""The sync's clone of the remote: a bare git repository beside the store, `<store>.sync`,
driven through the `git` command (services/sync.py says what a sync does with it).

It has no work tree: blobs, trees and commits are written with git's plumbing
(`hash-object`, `mktree`, `commit-tree`), and `refs/heads/main` is the last state this copy
and the remote agreed on. Beside git's own files it keeps `growthtui-sync` (the commit
and the store's version of the last sync, and `--auto`: lines of text) and
`growthtui-synced` (its time is when this copy was last in step). Everything is written
whole (a rename) or by git (atomically), so a kill leaves the clone usable;
`clear_leftovers` removes what a kill left half-made.
"""

from __future__ import annotations

import os

from growthtui.domain.errors import GrowthError
from growthtui.domain.printable import printable
from growthtui.domain.words import counted

TYPE_CHECKING = False  # not `from typing import …`: a sync with nothing new loads little
if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

    from growthtui.store.files import StrPath

BRANCH = "main"
LOCAL_REF = f"refs/heads/{BRANCH}"
REMOTE_REF = f"refs/remotes/origin/{BRANCH}"
STATE_FILE = "growthtui-sync"
STATE_MAGIC = "growthtui-sync 1"
SYNCED_MARK = "growthtui-synced"
LOCK_WAIT = 600.0
"""How long a sync waits for another one of the same store to finish, in seconds."""
LOCK_POLL = 0.05


CONFIG = (
    *("-c", "commit.gpgsign=false"),  # no passphrase prompt for a commit nobody signs
    *("-c", "core.hooksPath=/dev/null"),  # no hook of the person's runs on our clone
    *("-c", "protocol.ext.allow=never"),  # a remote URL never runs a command
    # no `git maintenance run --auto` after each fetch (a process of its own, to find
    # nothing to do: gc.auto is 0 here); older gits ignore the unknown key
    *("-c", "maintenance.auto=false"),
)
NAME_ENV = "GROWTHTUI_SYNC_NAME"
AUTHOR_PREFIX = "growthtui on "
_CHUNK = 1 << 16


class SyncError(GrowthError):
    """The sync could not run or finish: one sentence saying why and what to do."""


def clone_dir(store_path: StrPath) -> str:
    """The clone of the remote, beside the store: `<store>.sync`."""
    return f"{os.fspath(store_path)}.sync"


def clone_path(store_path: StrPath) -> Path:
    """`clone_dir` as a Path (for callers that hold Paths: the app, the tests)."""
    from pathlib import Path

    return Path(clone_dir(store_path))


class Ran:
    """What one git command did: its exit code (-N when signal N stopped it) and output."""

    __slots__ = ("returncode", "stderr", "stdout")

    def __init__(self, returncode: int, stdout: bytes, stderr: bytes) -> None:
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr


class Git:
    """The `git` command on the clone (GIT_DIR), with CONFIG."""

    def __init__(self, git_dir: StrPath, *, quiet: bool) -> None:
        self.git_dir = os.fspath(git_dir)
        name = host()
        self.env = {
            **os.environ,
            "GIT_DIR": self.git_dir,
            "GIT_DEFAULT_HASH": "sha1",  # the clone names objects as blob_id does
            "LC_ALL": "C",
            "GIT_AUTHOR_NAME": f"{AUTHOR_PREFIX}{name}",
            "GIT_AUTHOR_EMAIL": f"growthtui@{name}",
            "GIT_COMMITTER_NAME": f"{AUTHOR_PREFIX}{name}",
            "GIT_COMMITTER_EMAIL": f"growthtui@{name}",
        }
        if quiet:  # nobody to answer a prompt: fail instead of waiting for one
            self.env["GIT_TERMINAL_PROMPT"] = "0"
            self.env.setdefault("GIT_SSH_COMMAND", "ssh -o BatchMode=yes")

    def run(self, *args: str, stdin: bytes | None = None, check: bool = True) -> Ran:
        try:
            done = run_command(["git", *CONFIG, *args], self.env, stdin or b"")
        except FileNotFoundError:
            raise SyncError(
                "git is not installed (or not on PATH): install git to sync; nothing was changed"
            ) from None
        if check and done.returncode != 0:
            raise SyncError(
                f"git {args[0]} failed in {self.git_dir}: {first_line(done)}; "
                "nothing here was lost, run the sync again"
            )
        return done

    def url(self) -> str:
        """The remembered remote ("" when none is set)."""
        done = self.run("config", "--get", "remote.origin.url", check=False)
        return done.stdout.decode(errors="replace").strip()

    def out(self, *args: str, stdin: bytes | None = None) -> str:
        return self.run(*args, stdin=stdin).stdout.decode().strip()


def run_command(command: list[str], env: dict[str, str], stdin: bytes) -> Ran:
    """Run `command` (found on this process's PATH, not `env`'s) with `stdin` as its
    input; wait for it and gather what it writes. What `subprocess.run(capture_output=
    True)` does, without importing subprocess (its imports cost a sync with nothing new
    more than the rest of its work): `posix_spawn`, three pipes and `poll`. The child gets
    the default action for SIGPIPE and SIGXFSZ back (Python ignores them, and an ignored
    signal stays ignored across exec), and of our descriptors only its three pipes (every
    descriptor Python opens is closed on exec, PEP 446). Interrupted (Ctrl-C), it kills
    the child before raising."""
    import select
    import signal

    pipes: list[int] = []
    try:
        for _ in range(3):
            pipes.extend(_pipe())
        in_read, in_write, out_read, out_write, err_read, err_write = pipes
        pid = os.posix_spawnp(
            command[0],
            command,
            env,
            file_actions=[
                (os.POSIX_SPAWN_DUP2, in_read, 0),
                (os.POSIX_SPAWN_DUP2, out_write, 1),
                (os.POSIX_SPAWN_DUP2, err_write, 2),
            ],
            setsigdef=(signal.SIGPIPE, signal.SIGXFSZ),
        )
    except BaseException:
        for fd in pipes:
            os.close(fd)
        raise
    for fd in (in_read, out_write, err_write):
        os.close(fd)
    open_ends = [in_write, out_read, err_read]
    gathered: dict[int, list[bytes]] = {out_read: [], err_read: []}
    left = memoryview(stdin)
    poller = select.poll()

    def finish(fd: int) -> None:
        poller.unregister(fd)
        os.close(fd)
        open_ends.remove(fd)

    try:
        poller.register(out_read, select.POLLIN)
        poller.register(err_read, select.POLLIN)
        os.set_blocking(in_write, False)
        poller.register(in_write, select.POLLOUT)
        while open_ends:
            for fd, _event in poller.poll():
                if fd != in_write:
                    chunk = os.read(fd, _CHUNK)
                    if chunk:
                        gathered[fd].append(chunk)
                    else:
                        finish(fd)
                    continue
                try:
                    left = left[os.write(fd, left[:_CHUNK]) :] if left else left
                except BlockingIOError:
                    continue
                except BrokenPipeError:  # git stopped reading: what it wrote says why
                    left = left[:0]
                if not left:
                    finish(fd)  # the end of git's input
        status = os.waitpid(pid, 0)[1]
    except BaseException:
        for fd in open_ends:
            os.close(fd)
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except OSError:  # already gone (reaped by someone else): nothing to wait for
            pass
        raise
    out, err = (b"".join(gathered[fd]) for fd in (out_read, err_read))
    return Ran(os.waitstatus_to_exitcode(status), out, err)


def _pipe() -> tuple[int, int]:
    """A pipe whose two ends are above the standard streams' numbers (a process started
    with one of them closed would otherwise get it as a pipe end, which the child's
    `dup2` onto the same number would then leave closed on exec)."""
    import fcntl

    ends = []
    for fd in os.pipe():
        if fd < 3:
            raised = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 3)
            os.close(fd)
            fd = raised
        ends.append(fd)
    return ends[0], ends[1]


def host() -> str:
    """The name this copy signs its commits with, and goal histories name it by:
    GROWTHTUI_SYNC_NAME when set, else the machine's name (letters, digits, `-`, `.`)."""
    given = os.environ.get(NAME_ENV, "").strip() or os.uname().nodename
    name = "".join(c for c in given if c.isalnum() or c in "-._")[:40]
    return name or "localhost"


def pusher(git: Git, commit: str | None) -> str | None:
    """The name of the copy that made `commit` (its author), when growthtui made it."""
    if commit is None:
        return None
    raw = git.run("cat-file", "commit", commit, check=False).stdout.decode(errors="replace")
    line = next((ln for ln in raw.splitlines() if ln.startswith("author ")), "")
    author = line.removeprefix("author ").rsplit(" <", 1)[0]
    name = author.removeprefix(AUTHOR_PREFIX)
    return name if author.startswith(AUTHOR_PREFIX) and name else None


def first_line(done: Ran) -> str:
    """Why git failed, in its own words (its first fatal or error line), made printable."""
    text = done.stderr.decode(errors="replace")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    useful = [line for line in lines if line.lower().startswith(("fatal", "error"))] or lines
    if useful:
        return printable(useful[0][:200])
    if done.returncode < 0:
        return f"git was stopped by signal {-done.returncode}"
    return f"git gave no reason (exit code {done.returncode})"


def blob_id(content: bytes) -> str:
    import hashlib

    return hashlib.sha1(b"blob %d\0" % len(content) + content).hexdigest()


def clear_leftovers(git_dir: str) -> None:
    """Remove what a sync killed mid-way left: the `*.lock` files of a git killed while
    writing a ref or the config (we hold the clone's lock: no git of ours is running
    there), a half-written state file, a clone that was never renamed into place."""
    parent, name = os.path.split(git_dir)
    for entry in _entries(parent or "."):
        if entry.name.startswith(f".{name}.") and entry.is_dir(follow_symlinks=False):
            import shutil  # only when there is one: its imports cost a sync ~3 ms

            shutil.rmtree(entry.path, ignore_errors=True)
    objects = os.path.join(git_dir, "objects")
    for folder, dirs, files in os.walk(git_dir, followlinks=False):
        if folder == objects:
            dirs[:] = []
            continue
        for file in files:
            half_made = folder == git_dir and file.startswith(f".{STATE_FILE}.")
            if file.endswith(".lock") or half_made:
                path = os.path.join(folder, file)
                if os.path.isfile(path) and not os.path.islink(path):
                    _remove(path)


def _entries(folder: str) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as listed:
            return list(listed)
    except OSError:
        return []


def _remove(path: str) -> None:
    try:  # noqa: SIM105 - contextlib is one import more for a sync with nothing new
        os.unlink(path)
    except FileNotFoundError:
        pass


def check_url(url: str) -> str:
    """`url` as git is given it, or SyncError: one that could be read as an option, or
    holds a control character, is refused; the path of a folder here is made absolute (the
    next sync may run from anywhere)."""
    url = url.strip()
    if not url or url.startswith("-") or any(ord(c) < 32 or c == "\x7f" for c in url):
        raise SyncError(
            f"“{printable(url)}” is not a git URL: give one such as ssh://host/path/growth.git, "
            "user@host:growth.git or the path of a bare repository"
        )
    local = os.path.expanduser(url)
    if "://" not in url and os.path.isdir(local):
        return os.path.realpath(local)
    return url


def create_clone(clone: str) -> None:
    """A new bare repository at `clone`, made in a temporary folder and renamed into place
    (a kill leaves either no clone or a whole one)."""
    import tempfile

    clear_leftovers(clone)
    folder, name = os.path.split(clone)
    scratch = tempfile.mkdtemp(prefix=f".{name}.", dir=folder or ".")
    git = Git(scratch, quiet=True)
    git.run("init", "--quiet", "--bare", scratch)
    git.run("config", "remote.origin.fetch", "+refs/heads/*:refs/remotes/origin/*")
    git.run("config", "gc.auto", "0")  # no background gc: nothing runs after we return
    git.run("symbolic-ref", "HEAD", LOCAL_REF)
    os.rename(scratch, clone)


def read_state(clone: StrPath) -> dict[str, object]:
    """What the last sync noted (see `write_state`): "commit", "store" and "auto" when
    set; {} when the note is missing or not one of ours."""
    try:
        with open(os.path.join(clone, STATE_FILE), "rb") as file:
            lines = file.read(4096).decode("ascii").splitlines()
    except (OSError, UnicodeDecodeError):
        return {}
    if not lines or lines[0] != STATE_MAGIC:
        return {}
    state: dict[str, object] = {}
    for line in lines[1:]:
        key, _, value = line.partition(" ")
        if key in ("commit", "store") and value:
            state[key] = value
        elif key == "auto" and value in ("on", "off"):
            state[key] = value == "on"
    return state


def write_state(clone: str, state: Mapping[str, object]) -> None:
    """Note the commit and the store's version (`file_digest`) of the last sync, and
    whether to sync after each change: a few lines of text (read back with no parser to
    import), replacing the note whole (a kill leaves the old one or the new one)."""
    noted = {key: value for key, value in state.items() if value is not None}
    if read_state(clone) == noted:
        return
    import contextlib
    import tempfile

    lines = [STATE_MAGIC]
    lines += [f"{key} {noted[key]}" for key in ("commit", "store") if key in noted]
    if "auto" in noted:
        lines.append(f"auto {'on' if noted['auto'] is True else 'off'}")
    fd, scratch = tempfile.mkstemp(prefix=f".{STATE_FILE}.", dir=clone)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write("".join(f"{line}\n" for line in lines).encode("ascii"))
            out.flush()
            os.fsync(out.fileno())
        os.replace(scratch, os.path.join(clone, STATE_FILE))
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(scratch)
        raise


def file_digest(path: StrPath) -> str | None:
    """What tells this version of the store's file from every other: its identity as the
    file system keeps it (inode, size, times of modification and of change), as the
    store's seal does (store/seal.py). Every save makes a new file; a file put back (a
    restore, an editor) gets a new time of change, which nobody can set back. Read
    without reading the file: a sync with nothing new costs the same at any size. None
    when there is no file."""
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        return None
    return f"{stat.st_ino}:{stat.st_size}:{stat.st_mtime_ns}:{stat.st_ctime_ns}"


class CloneLock:
    """The clone's lock, held by one sync at a time: an `flock` on `<clone>.lock`, opened
    without following a link and never written (as store/lock.py locks the store), and
    released by the kernel if the process dies. Waits up to LOCK_WAIT for another sync."""

    def __init__(self, clone: str) -> None:
        self.file = f"{clone}.lock"
        self.fd = -1

    def __enter__(self) -> None:
        from growthtui.store.files import FILE_MODE, flock_within

        flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC
        try:
            fd = os.open(self.file, flags, FILE_MODE)
        except OSError as error:
            raise SyncError(self._refused(error)) from None
        try:
            if not flock_within(fd, LOCK_WAIT, LOCK_POLL):
                raise SyncError(
                    f"another sync of this store has run for over {LOCK_WAIT:g} s; wait "
                    "for it or end it, then sync again"
                )
        except BaseException:
            os.close(fd)
            raise
        self.fd = fd

    def __exit__(self, *_exc: object) -> None:
        os.close(self.fd)  # closing the only descriptor releases the flock

    def _refused(self, error: OSError) -> str:
        import errno

        lock = printable(self.file)
        if error.errno == errno.ELOOP:
            reason = "it is a symbolic link"
        elif error.errno == errno.EISDIR:
            reason = "it is a folder"
        else:
            reason = (error.strerror or "refused").lower()
        return (
            f"cannot open the sync's lock file {lock} ({reason}): move it aside (`mv '{lock}' "
            f"'{lock}.old'`) or make its folder yours, then sync again; nothing was changed"
        )


def refs(git: Git) -> dict[str, str]:
    """The last synced commit and the remote's, read from their files (written by git
    as files: the clone is never packed, gc.auto is 0), else asked of git."""
    found = {}
    for ref in (LOCAL_REF, REMOTE_REF):
        try:
            with open(os.path.join(git.git_dir, ref), "rb") as file:
                sha = file.read().strip().decode("ascii", errors="replace")
        except OSError:
            break
        if len(sha) != 40 or not all(c in "0123456789abcdef" for c in sha):
            break
        found[ref] = sha
    else:
        return found
    listed = git.out("for-each-ref", "--format=%(refname) %(objectname)", LOCAL_REF, REMOTE_REF)
    return dict(line.split(" ", 1) for line in listed.splitlines() if " " in line)


def mark_synced(clone: str) -> None:
    """When this copy was last in step with the remote (the status line's "synced 3 h
    ago"): the time of a mark beside git's own files in the clone."""
    mark = os.path.join(clone, SYNCED_MARK)
    try:
        fd = os.open(mark, os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
        try:
            os.utime(fd)
        finally:
            os.close(fd)
    except OSError:
        pass


def tree_of(git: Git, commit: str | None) -> dict[str, str]:
    """name → blob id of the files of `commit`."""
    if commit is None:
        return {}
    listed = git.run("ls-tree", "-z", commit).stdout.decode()
    tree = {}
    for entry in listed.split("\0"):
        if entry:
            meta, name = entry.split("\t", 1)
            tree[name] = meta.split()[2]
    return tree


def blobs(git: Git, ids: set[str]) -> dict[str, bytes]:
    if not ids:
        return {}
    ordered = sorted(ids)
    out = git.run("cat-file", "--batch", stdin="".join(f"{i}\n" for i in ordered).encode()).stdout
    found: dict[str, bytes] = {}
    at = 0
    for blob in ordered:
        header_end = out.index(b"\n", at)
        size = int(out[at:header_end].split()[2])
        found[blob] = out[header_end + 1 : header_end + 1 + size]
        at = header_end + 1 + size + 1
    return found


def files_of(tree: dict[str, str], blobs: dict[str, bytes]) -> dict[str, bytes]:
    return {name: blobs[blob] for name, blob in tree.items()}


def commit(
    git: Git,
    files: dict[str, bytes],
    tree: dict[str, str],
    parent: str | None,
    parent_tree: dict[str, str],
    before: dict[str, dict[str, dict[str, object]]],
    after: dict[str, dict[str, dict[str, object]]],
) -> str:
    """A commit of `files` (`tree`: name → blob id) on top of `parent`, its message saying
    what changed from `before` to `after`: "sync from laptop: 1 goal added, 2 milestones
    changed"."""
    known = set(parent_tree.values())
    for name, data in files.items():
        if tree[name] in known:
            continue
        blob = git.out("hash-object", "-w", "--no-filters", "--stdin", stdin=data)
        if blob != tree[name]:
            raise SyncError(
                f"git in {git.git_dir} does not name objects as growthtui expects (SHA-1): "
                "move that folder aside and sync again; nothing here was lost"
            )
    listing = "".join(f"100644 blob {blob}\t{name}\n" for name, blob in sorted(tree.items()))
    tree_id = git.out("mktree", stdin=listing.encode())
    message = f"sync from {host()}: {what_changed(before, after)}\n"
    parents = ["-p", parent] if parent else []
    return git.out("commit-tree", tree_id, *parents, "-F", "-", stdin=message.encode())


def what_changed(
    before: dict[str, dict[str, dict[str, object]]], after: dict[str, dict[str, dict[str, object]]]
) -> str:
    """ "1 goal added, 2 milestones changed, 1 check-in deleted" (or "nothing changed")."""
    from growthtui.domain.entities import ENTITIES
    from growthtui.store.sync_shared import content

    said = []
    for how in ("added", "changed", "deleted"):
        for model in ENTITIES:
            old, new = before.get(model.table) or {}, after.get(model.table) or {}
            if how == "added":
                count = len(new.keys() - old.keys())
            elif how == "deleted":
                count = len(old.keys() - new.keys())
            else:
                count = sum(
                    1 for u in new.keys() & old.keys() if content(new[u]) != content(old[u])
                )
            if count:
                said.append(f"{counted(count, model.entity)} {how}")
    return ", ".join(said) or "nothing changed"
