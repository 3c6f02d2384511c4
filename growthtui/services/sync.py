"""`growthtui sync`: two copies of a store (a laptop, a remote box) made one through git.

Git is the engine: this runs the `git` command and nothing else talks to the remote. What
git holds is data only, one file per kind of record (store/sync_merge.py: `shared_files`).
The clone lives beside the store, `<store>.sync/` (a bare repository, no work tree), with
`refs/heads/main` at the last state this copy and the remote agreed on.

One sync:

1. take the clone's lock (`<store>.sync.lock`: an `flock`, opened without following a
   link, released by the kernel if the process dies), so two syncs run one after the
   other; clear lock files a killed git left behind;
2. `git fetch` the remote's `main` (the one network round trip when nothing is new);
3. nothing new on either side (the remote's `main` is ours, and the store's bytes are the
   ones the last sync left): done, nothing written;
4. else, with the store's lock held, merge by record and field, three-way against git's
   merge base (store/sync_merge.py), and write what was received into the store (one
   transaction);
5. commit the merged state on top of the remote's and push it; rejected because another
   copy pushed meanwhile: fetch and merge again.

A kill at any moment leaves the store as a transaction left it (whole) and the clone as git
left it (objects and refs are written atomically); the next sync merges again and, the
merge being three-way against what the remote holds, completes without losing or
doubling anything.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import signal
import subprocess
import time
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from growthtui.domain.errors import GrowthError
from growthtui.domain.printable import printable
from growthtui.domain.words import counted

TYPE_CHECKING = False  # not `from typing import …`: the quick way through `sync` stays light
if TYPE_CHECKING:
    from growthtui.store import Store

BRANCH = "main"
LOCAL_REF = f"refs/heads/{BRANCH}"
REMOTE_REF = f"refs/remotes/origin/{BRANCH}"
OTHER = "the remote"
"""How sentences name the other copies, whichever machines they are."""
STATE_FILE = "growthtui-sync.json"
SYNCED_MARK = "growthtui-synced"
PUSH_TRIES = 5
LOCK_WAIT = 600.0
KILL_ENV = "GROWTHTUI_SYNC_KILL_AT"
"""Tests only: the name of a step at which the sync kills itself (SIGKILL)."""


class SyncError(GrowthError):
    """The sync could not run or finish: one sentence saying why and what to do."""


class SyncResult:
    """What a sync did: records received here, records sent, and a sentence for each
    record a person should know about (renumbered, one of two versions not kept)."""

    def __init__(self) -> None:
        self.received = 0
        self.sent = 0
        self.notes: list[str] = []
        self.committed = False

    def describe(self) -> str:
        """ "2 received, 3 sent, goal 12 from the remote is now goal 14 here": the counts,
        then each note; on lines of their own when there are more than two."""
        head = f"{self.received} received, {self.sent} sent"
        if len(self.notes) <= 2:
            return ", ".join([head, *self.notes])
        lines = [f"{head}; {counted(len(self.notes), 'note')}:", *(f"- {n}" for n in self.notes)]
        return "\n".join(lines)


def clone_path(store_path: Path) -> Path:
    """The clone of the remote, beside the store: `<store>.sync`."""
    return store_path.with_name(store_path.name + ".sync")


def _checkpoint(name: str) -> None:
    if os.environ.get(KILL_ENV) == name:
        os.kill(os.getpid(), signal.SIGKILL)


# -- git ---------------------------------------------------------------------------------
class _Git:
    """The `git` command on the clone (GIT_DIR), never reading the person's hooks."""

    def __init__(self, git_dir: Path, *, quiet: bool) -> None:
        self.git_dir = git_dir
        host = _host()
        self.env = {
            **os.environ,
            "GIT_DIR": str(git_dir),
            "LC_ALL": "C",
            "GIT_AUTHOR_NAME": f"growthtui on {host}",
            "GIT_AUTHOR_EMAIL": f"growthtui@{host}",
            "GIT_COMMITTER_NAME": f"growthtui on {host}",
            "GIT_COMMITTER_EMAIL": f"growthtui@{host}",
        }
        if quiet:  # nobody to answer a prompt: fail instead of waiting for one
            self.env["GIT_TERMINAL_PROMPT"] = "0"
            self.env.setdefault("GIT_SSH_COMMAND", "ssh -o BatchMode=yes")

    def run(
        self, *args: str, stdin: bytes | None = None, check: bool = True
    ) -> subprocess.CompletedProcess[bytes]:
        command = ["git", "-c", "commit.gpgsign=false", "-c", "core.hooksPath=/dev/null", *args]
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
                f"git {args[0]} failed in {self.git_dir}: {_first_line(done.stderr)}; "
                "nothing here was lost, run the sync again"
            )
        return done

    def url(self) -> str:
        """The remembered remote ("" when none is set)."""
        done = self.run("config", "--get", "remote.origin.url", check=False)
        return done.stdout.decode(errors="replace").strip()

    def out(self, *args: str, stdin: bytes | None = None) -> str:
        return self.run(*args, stdin=stdin).stdout.decode().strip()


def _host() -> str:
    name = "".join(c for c in os.uname().nodename if c.isalnum() or c in "-.")
    return name or "localhost"


def _first_line(stderr: bytes) -> str:
    lines = [line.strip() for line in stderr.decode(errors="replace").splitlines() if line.strip()]
    useful = [line for line in lines if line.lower().startswith(("fatal", "error"))] or lines
    return printable(useful[0][:200] if useful else "no reason given")


def _blob_id(content: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(content) + content).hexdigest()


def _clear_leftovers(git_dir: Path) -> None:
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


# -- the clone and what it remembers --------------------------------------------------
def _check_url(url: str) -> str:
    url = url.strip()
    if not url or url.startswith("-") or any(ord(c) < 32 or c == "\x7f" for c in url):
        raise SyncError(
            f"“{printable(url)}” is not a git URL: give one such as ssh://host/path/growth.git, "
            "user@host:growth.git or the path of a bare repository"
        )
    return url


def _create_clone(clone: Path) -> None:
    """A new bare repository at `clone`, made in a temporary folder and renamed into place
    (a kill leaves either no clone or a whole one)."""
    import tempfile

    _clear_leftovers(clone)
    scratch = Path(tempfile.mkdtemp(prefix=f".{clone.name}.", dir=clone.parent))
    git = _Git(scratch, quiet=True)
    git.run("init", "--quiet", "--bare", str(scratch))
    git.run("config", "remote.origin.fetch", "+refs/heads/*:refs/remotes/origin/*")
    git.run("config", "gc.auto", "0")  # no background gc: nothing runs after we return
    git.run("symbolic-ref", "HEAD", LOCAL_REF)
    os.rename(scratch, clone)


def _read_state(clone: Path) -> dict[str, object]:
    try:
        state = json.loads((clone / STATE_FILE).read_bytes())
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}


def _write_state(clone: Path, state: Mapping[str, object]) -> None:
    """Replace the state file whole (a kill leaves the old one or the new one)."""
    if _read_state(clone) == dict(state):
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


def _file_digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


@contextlib.contextmanager
def _clone_locked(clone: Path) -> Iterator[None]:
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


def auto_enabled(store_path: Path) -> bool:
    """Whether the person asked to sync after each change (`sync --auto`)."""
    return _read_state(clone_path(store_path)).get("auto") is True


def remote_url(store_path: Path) -> str | None:
    """The remembered remote, or None before the first `sync --remote URL`."""
    clone = clone_path(store_path)
    if not (clone / "config").is_file():
        return None
    done = _Git(clone, quiet=True).run("config", "--get", "remote.origin.url", check=False)
    url = done.stdout.decode(errors="replace").strip()
    return url or None


# -- the sync ----------------------------------------------------------------------------
def sync(
    store_path: Path,
    *,
    remote: str | None = None,
    auto: bool | None = None,
    quiet: bool = False,
    today: Callable[[], dt.date] = dt.date.today,
) -> SyncResult:
    """Bring the store at `store_path` and the remote in step (see the module's
    docstring); SyncError (one sentence) when it cannot, having lost nothing here."""
    clone = clone_path(store_path)
    if remote is not None:
        remote = _check_url(remote)
    import shutil

    if shutil.which("git", path=os.environ.get("PATH", os.defpath)) is None:
        raise SyncError(
            "git is not installed (or not on PATH): install git to sync; nothing was changed"
        )
    if remote is None and not (clone / "config").is_file():
        raise SyncError(
            f"no remote is set for {printable(str(store_path))}: run `growthtui sync --remote "
            "URL` once (a git URL such as ssh://host/path/growth.git or user@host:growth.git)"
        )
    clone.parent.mkdir(parents=True, exist_ok=True)  # the store's folder, made as a write would
    with _clone_locked(clone):
        if not (clone / "config").is_file():
            _create_clone(clone)
        _clear_leftovers(clone)
        git = _Git(clone, quiet=quiet)
        if remote is not None:
            git.run("config", "remote.origin.url", remote)
        state = _read_state(clone)
        if auto is not None:
            state = {**state, "auto": auto}
            _write_state(clone, state)
        result = SyncResult()
        for _attempt in range(PUSH_TRIES):
            _fetch(git, store_path)
            _checkpoint("fetched")
            refs = _refs(git)
            ours_ref, theirs_ref = refs.get(LOCAL_REF), refs.get(REMOTE_REF)
            if (
                theirs_ref is not None
                and ours_ref == theirs_ref
                and state.get("commit") == theirs_ref
                and state.get("store") == _file_digest(store_path)
            ):
                _mark_synced(clone)
                return result  # nothing new on either side: nothing written
            url = git.url()
            pushed = _merge_and_push(git, store_path, ours_ref, theirs_ref, today, result, url)
            state = {**_read_state(clone), **pushed}
            if pushed:
                _write_state(clone, state)
                _mark_synced(clone)
                return result
        raise SyncError(
            f"{printable(git.url())} kept changing while this copy was syncing "
            f"({counted(PUSH_TRIES, 'try')}); what was received is kept here: sync again"
        )


def _fetch(git: _Git, store_path: Path) -> None:
    done = git.run("fetch", "--quiet", "--no-tags", "--prune", "origin", check=False)
    if done.returncode != 0:
        url = git.url()
        if not url:
            raise SyncError(
                f"no remote is set for {printable(str(store_path))}: run `growthtui sync "
                "--remote URL` once"
            )
        raise SyncError(
            f"cannot reach the remote {printable(url)} ({_first_line(done.stderr)}); nothing "
            "here was lost, and the next sync sends it"
        )


def _refs(git: _Git) -> dict[str, str]:
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


def _mark_synced(clone: Path) -> None:
    """When this copy was last in step with the remote (the status line's "synced 3 h
    ago"): the time of a mark beside git's own files in the clone."""
    mark = clone / SYNCED_MARK
    with contextlib.suppress(OSError):
        fd = os.open(mark, os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW, 0o600)
        os.close(fd)
        os.utime(mark)


def _tree(git: _Git, commit: str | None) -> dict[str, str]:
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


def _blobs(git: _Git, ids: set[str]) -> dict[str, bytes]:
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


def _files(tree: dict[str, str], blobs: dict[str, bytes]) -> dict[str, bytes]:
    return {name: blobs[blob] for name, blob in tree.items()}


def _merge_and_push(
    git: _Git,
    store_path: Path,
    ours_ref: str | None,
    theirs_ref: str | None,
    today: Callable[[], dt.date],
    result: SyncResult,
    url: str,
) -> dict[str, object]:
    """Merge, apply, commit and push; the state to remember when the remote took it, else
    {} (another copy pushed first: fetch and merge again)."""
    from growthtui.store import CURRENT_SCHEMA, Store
    from growthtui.store.sync_merge import (
        apply_merged,
        changes_between,
        merge,
        shared_files,
        shared_state,
        state_from_files,
    )

    base_ref = ours_ref
    if ours_ref is not None and theirs_ref is not None and ours_ref != theirs_ref:
        done = git.run("merge-base", ours_ref, theirs_ref, check=False)
        base_ref = done.stdout.decode().strip() or None
    base_tree, theirs_tree = _tree(git, base_ref), _tree(git, theirs_ref)
    blobs = _blobs(git, set(base_tree.values()) | set(theirs_tree.values()))
    where = printable(url)
    base = state_from_files(_files(base_tree, blobs), CURRENT_SCHEMA, where)
    theirs = (
        state_from_files(_files(theirs_tree, blobs), CURRENT_SCHEMA, where)
        if theirs_ref is not None
        else base  # an empty remote changed nothing: it did not delete everything
    )

    if not store_path.exists():
        # No store where one was synced (moved, deleted, restored elsewhere): a new copy
        # receiving everything, never one that deleted everything.
        base = {}
    store = Store.open(store_path, create=True, today=today, lazy=True)
    try:
        with store.transaction(f"sync with {OTHER}"):
            ours = shared_state(store)
            merged = merge(base, ours, theirs, store.modified_now(), OTHER)
            applied = apply_merged(store, merged, OTHER)
            _checkpoint("merged")
        _checkpoint("applied")
        files = shared_files(merged.state, CURRENT_SCHEMA)
        result.received += applied.received
        result.notes += [n for n in applied.notes if n not in result.notes]
        new_tree = {name: _blob_id(data) for name, data in files.items()}
        empty = not any(merged.state.values())
        if new_tree == theirs_tree or (theirs_ref is None and empty):
            head = theirs_ref
        else:
            head = _commit(git, files, new_tree, theirs_ref or ours_ref, theirs, merged.state)
            _checkpoint("committed")
            done = git.run("push", "--quiet", "origin", f"{head}:{LOCAL_REF}", check=False)
            if done.returncode != 0:
                message = done.stderr.decode(errors="replace")
                if any(w in message for w in ("rejected", "fetch first", "non-fast-forward")):
                    return {}
                raise SyncError(
                    f"received {counted(applied.received, 'change')}, but could not send to "
                    f"{where} ({_first_line(done.stderr)}); nothing here was lost, and the "
                    "next sync sends it"
                )
            _checkpoint("pushed")
            result.sent = changes_between(merged.state, theirs if theirs_ref else {})
            result.committed = True
        if head is not None:
            updates = f"update {LOCAL_REF} {head}\nupdate {REMOTE_REF} {head}\n"
            git.run("update-ref", "--stdin", stdin=updates.encode())
        # What the store holds now, read under its lock: the bytes the next sync compares.
        with store.transaction("sync: note the state sent"):
            digest = _file_digest(store_path)
            in_step = changes_between(shared_state(store), merged.state) == 0
    finally:
        store.close()
    return {"commit": head, "store": digest if in_step else None}


def _commit(
    git: _Git,
    files: dict[str, bytes],
    tree: dict[str, str],
    parent: str | None,
    before: dict[str, dict[str, dict[str, object]]],
    after: dict[str, dict[str, dict[str, object]]],
) -> str:
    """A commit of `files` on top of `parent`, its message saying what changed."""
    from growthtui.domain import ENTITY_BY_TABLE
    from growthtui.store.sync_merge import changes_between

    for name, data in files.items():
        blob = git.out("hash-object", "-w", "--stdin", stdin=data)
        assert blob == tree[name], f"git hashed {name} differently"
    listing = "".join(f"100644 blob {blob}\t{name}\n" for name, blob in sorted(tree.items()))
    tree_id = git.out("mktree", stdin=listing.encode())
    changed = []
    for table in sorted(set(before) | set(after)):
        count = changes_between({table: before.get(table) or {}}, {table: after.get(table) or {}})
        if count:
            model = ENTITY_BY_TABLE.get(table)
            changed.append(counted(count, model.entity if model else table))
    message = f"sync from {_host()}: {', '.join(changed) or 'nothing'} changed\n"
    parents = ["-p", parent] if parent else []
    return git.out("commit-tree", tree_id, *parents, "-F", "-", stdin=message.encode())


# -- for the app and the status line -------------------------------------------------------
def sync_status(store_path: Path, now: float | None = None, store: Store | None = None) -> str:
    """One line for the status bar: "synced 3 h ago · 2 changes to send", "not synced yet",
    or "" when no remote is set. Reads the clone only (no network); `store`: the store at
    `store_path` already open (the app's), read instead of opening it again."""
    clone = clone_path(store_path)
    if not (clone / "config").is_file():
        return ""
    try:
        synced = (clone / SYNCED_MARK).stat().st_mtime
    except OSError:
        synced = None
    try:
        pending = changes_to_send(store_path, store)
    except GrowthError:
        pending = None
    said = ["not synced yet" if synced is None else f"synced {_ago((now or time.time()) - synced)}"]
    if pending:
        said.append(f"{counted(pending, 'change')} to send")
    return " · ".join(said)


def changes_to_send(store_path: Path, store: Store | None = None) -> int:
    """How many records the store holds that the remote does not have as they are here
    (added, changed or deleted since the last sync). No network. `store`: as for
    `sync_status`."""
    from growthtui.store import CURRENT_SCHEMA
    from growthtui.store.sync_merge import changes_between, shared_state, state_from_files

    clone = clone_path(store_path)
    state = _read_state(clone)
    git = _Git(clone, quiet=True)
    head = _refs(git).get(LOCAL_REF)
    if (
        head is not None
        and state.get("commit") == head
        and state.get("store") == _file_digest(store_path)
    ):
        return 0
    tree = _tree(git, head)
    synced = state_from_files(_files(tree, _blobs(git, set(tree.values()))), CURRENT_SCHEMA, "")
    if store is not None:
        store.refresh()
        return changes_between(shared_state(store), synced)
    if not store_path.exists():
        return 0  # the next sync makes it a new copy (see _merge_and_push)
    from growthtui.store import Store

    opened = Store.open(store_path, create=False, lazy=True)
    try:
        return changes_between(shared_state(opened), synced)
    finally:
        opened.close()


def sync_now(store_path: Path, today: Callable[[], dt.date] = dt.date.today) -> tuple[bool, str]:
    """The app's "sync now": a quiet sync (no prompt can reach a full-screen app), and the
    sentence to show — what it did, or why it could not. Never raises for a person's
    problem (no remote, unreachable, no git, a store that cannot be read)."""
    try:
        result = sync(store_path, quiet=True, today=today)
    except GrowthError as error:
        return False, str(error)
    return True, result.describe()


def _ago(seconds: float) -> str:
    seconds = max(0, int(seconds))
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{seconds // 60} min ago"
    if seconds < 86400:
        return f"{seconds // 3600} h ago"
    return f"{counted(seconds // 86400, 'day')} ago"


def sync_in_background(store_path: Path) -> None:
    """After a change, with `--auto` on: start a quiet sync that outlives this command and
    fails soft (its failure is the status line's "changes to send"). Never raises."""
    import sys

    with contextlib.suppress(OSError, ValueError):
        subprocess.Popen(
            [sys.executable, "-m", "growthtui", "--data", str(store_path), "sync", "--quiet"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
