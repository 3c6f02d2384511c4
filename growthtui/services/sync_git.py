"""The sync's clone of the remote: a bare git repository beside the store, `<store>.sync`,
driven through the `git` command (services/sync.py says what a sync does with it).

It has no work tree: blobs, trees and commits are written with git's plumbing
(`hash-object`, `mktree`, `commit-tree`), and `refs/heads/main` is the last state this copy
and the remote agreed on. Beside git's own files it keeps `growthtui-sync.json` (the
commit and the store's bytes, by digest, of the last sync, and `--auto`) and
`growthtui-synced` (its time is when this copy was last in step). Everything is written
whole (a rename) or by git (atomically), so a kill leaves the clone usable;
`clear_leftovers` removes what a kill left half-made.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
from collections.abc import Iterator, Mapping
from pathlib import Path

from growthtui.domain.errors import GrowthError
from growthtui.domain.printable import printable
from growthtui.domain.words import counted

BRANCH = "main"
LOCAL_REF = f"refs/heads/{BRANCH}"
REMOTE_REF = f"refs/remotes/origin/{BRANCH}"
STATE_FILE = "growthtui-sync.json"
SYNCED_MARK = "growthtui-synced"
LOCK_WAIT = 600.0
"""How long a sync waits for another one of the same store to finish, in seconds."""


SAFE_CONFIG = (
    *("-c", "commit.gpgsign=false"),  # no passphrase prompt for a commit nobody signs
    *("-c", "core.hooksPath=/dev/null"),  # no hook of the person's runs on our clone
    *("-c", "protocol.ext.allow=never"),  # a remote URL never runs a command
)
NAME_ENV = "GROWTHTUI_SYNC_NAME"
AUTHOR_PREFIX = "growthtui on "


class SyncError(GrowthError):
    """The sync could not run or finish: one sentence saying why and what to do."""


def clone_path(store_path: Path) -> Path:
    """The clone of the remote, beside the store: `<store>.sync`."""
    return store_path.with_name(store_path.name + ".sync")


class Git:
    """The `git` command on the clone (GIT_DIR), with SAFE_CONFIG."""

    def __init__(self, git_dir: Path, *, quiet: bool) -> None:
        self.git_dir = git_dir
        name = host()
        self.env = {
            **os.environ,
            "GIT_DIR": str(git_dir),
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

    def run(
        self, *args: str, stdin: bytes | None = None, check: bool = True
    ) -> subprocess.CompletedProcess[bytes]:
        command = ["git", *SAFE_CONFIG, *args]
        try:
            done = subprocess.run(
                command,
                input=stdin if stdin is not None else b"",
                capture_output=True,
                env=self.env,
                check=False,
            )
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


def first_line(done: subprocess.CompletedProcess[bytes]) -> str:
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


def clear_leftovers(git_dir: Path) -> None:
    """Remove what a sync killed mid-way left: the `*.lock` files of a git killed while
    writing a ref or the config (we hold the clone's lock: no git of ours is running
    there), a half-written state file, a clone that was never renamed into place."""
    import shutil

    for scratch in git_dir.parent.glob(f".{git_dir.name}.*"):
        if scratch.is_dir() and not scratch.is_symlink():
            shutil.rmtree(scratch, ignore_errors=True)
    for scratch in git_dir.glob(f".{STATE_FILE}.*"):
        if scratch.is_file() and not scratch.is_symlink():
            scratch.unlink(missing_ok=True)
    for folder, dirs, files in os.walk(git_dir, followlinks=False):
        if Path(folder) == git_dir / "objects":
            dirs[:] = []
            continue
        for name in files:
            if name.endswith(".lock"):
                path = Path(folder) / name
                if path.is_file() and not path.is_symlink():
                    path.unlink(missing_ok=True)


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
    local = Path(url).expanduser()
    if "://" not in url and local.is_dir():
        return str(local.resolve())
    return url


def create_clone(clone: Path) -> None:
    """A new bare repository at `clone`, made in a temporary folder and renamed into place
    (a kill leaves either no clone or a whole one)."""
    import tempfile

    clear_leftovers(clone)
    scratch = Path(tempfile.mkdtemp(prefix=f".{clone.name}.", dir=clone.parent))
    git = Git(scratch, quiet=True)
    git.run("init", "--quiet", "--bare", str(scratch))
    git.run("config", "remote.origin.fetch", "+refs/heads/*:refs/remotes/origin/*")
    git.run("config", "gc.auto", "0")  # no background gc: nothing runs after we return
    git.run("symbolic-ref", "HEAD", LOCAL_REF)
    os.rename(scratch, clone)


def read_state(clone: Path) -> dict[str, object]:
    try:
        state = json.loads((clone / STATE_FILE).read_bytes())
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}


def write_state(clone: Path, state: Mapping[str, object]) -> None:
    """Replace the state file whole (a kill leaves the old one or the new one)."""
    if read_state(clone) == dict(state):
        return
    import tempfile

    data = (json.dumps(state, sort_keys=True) + "\n").encode()
    fd, scratch = tempfile.mkstemp(prefix=f".{STATE_FILE}.", dir=clone)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(scratch, clone / STATE_FILE)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(scratch)
        raise


def file_digest(path: Path) -> str | None:
    """What tells the store's file apart from every other version of it: its size, time
    of change and CRC-32. Every save replaces the file (a new time of change, to the
    nanosecond); the CRC catches a file put back with its old time. Not a hash against
    tampering: the fast way of a sync with nothing new (OpenSSL's import alone would cost
    more than the rest of it). None when there is no file."""
    import zlib

    try:
        with path.open("rb") as file:
            data = file.read()
            stat = os.fstat(file.fileno())
    except FileNotFoundError:
        return None
    return f"{stat.st_size}:{stat.st_mtime_ns}:{zlib.crc32(data):08x}"


@contextlib.contextmanager
def clone_locked(clone: Path) -> Iterator[None]:
    from growthtui.store.errors import StoreBusy
    from growthtui.store.lock import StoreLock

    lock = StoreLock(clone, timeout=LOCK_WAIT, poll=0.05)
    try:
        lock.acquire()
    except StoreBusy:
        raise SyncError(
            f"another sync of this store has run for over {LOCK_WAIT:g} s; wait for it "
            "or end it, then sync again"
        ) from None
    try:
        yield
    finally:
        lock.release()


def refs(git: Git) -> dict[str, str]:
    """The last synced commit and the remote's, read from their files (written by git
    as files: the clone is never packed, gc.auto is 0), else asked of git."""
    found = {}
    for ref in (LOCAL_REF, REMOTE_REF):
        try:
            sha = (git.git_dir / ref).read_text().strip()
        except OSError:
            break
        if len(sha) != 40 or not all(c in "0123456789abcdef" for c in sha):
            break
        found[ref] = sha
    else:
        return found
    listed = git.out("for-each-ref", "--format=%(refname) %(objectname)", LOCAL_REF, REMOTE_REF)
    return dict(line.split(" ", 1) for line in listed.splitlines() if " " in line)


def mark_synced(clone: Path) -> None:
    """When this copy was last in step with the remote (the status line's "synced 3 h
    ago"): the time of a mark beside git's own files in the clone."""
    mark = clone / SYNCED_MARK
    with contextlib.suppress(OSError):
        fd = os.open(mark, os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW, 0o600)
        os.close(fd)
        os.utime(mark)


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
    from growthtui.domain import ENTITIES
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
