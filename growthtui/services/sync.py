"""`growthtui sync`: two copies of a store (a laptop, a remote box) made one through git.

Git is the engine: this runs the `git` command and nothing else talks to the remote. What
git holds is data only, one file per kind of record (store/sync_shared.py). The clone lives
beside the store, `<store>.sync/` (services/sync_git.py), with `refs/heads/main` at the
last state this copy and the remote agreed on.

One sync:

1. take the clone's lock (`<store>.sync.lock`: an `flock`, opened without following a
   link, released by the kernel if the process dies), so two syncs run one after the
   other; clear lock files a killed git left behind;
2. `git fetch` the remote's `main` (the one network round trip when nothing is new);
3. nothing new on either side (the remote's `main` is ours, and the store's bytes are the
   ones the last sync left): done, nothing written;
4. else, with the store's lock held, merge by record and field, three-way against git's
   merge base (store/sync_merge.py), and write what was received into the store in one
   transaction (store/sync_apply.py);
5. commit the merged state on top of the remote's and push it; rejected because another
   copy pushed meanwhile: fetch and merge again.

A kill at any moment leaves the store as a transaction left it (whole) and the clone as git
left it (objects and refs are written atomically); the next sync merges again and, the
merge being three-way against what the remote holds, completes without losing or
doubling anything.
"""

from __future__ import annotations

import os

from growthtui.domain.printable import printable
from growthtui.domain.words import counted
from growthtui.services.sync_git import (
    LOCAL_REF,
    REMOTE_REF,
    CloneLock,
    Git,
    SyncError,
    blob_id,
    blobs,
    check_url,
    clear_leftovers,
    clone_dir,
    clone_path,
    commit,
    create_clone,
    file_digest,
    files_of,
    first_line,
    host,
    mark_synced,
    pusher,
    read_state,
    refs,
    tree_of,
    write_state,
)

TYPE_CHECKING = False  # not `from typing import …`: a sync with nothing new loads little
if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

    from growthtui.store.files import StrPath

__all__ = ["SyncError", "SyncResult", "clone_path", "sync"]

OTHER = "the remote"
"""How sentences name the other copies, whichever machines they are."""
PUSH_TRIES = 5
KILL_ENV = "GROWTHTUI_SYNC_KILL_AT"
"""Tests only: the name of a step at which the sync kills itself (SIGKILL)."""


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


def _checkpoint(name: str) -> None:
    if os.environ.get(KILL_ENV) == name:
        import signal

        os.kill(os.getpid(), signal.SIGKILL)


def auto_enabled(store_path: StrPath) -> bool:
    """Whether the person asked to sync after each change (`sync --auto`)."""
    return read_state(clone_dir(store_path)).get("auto") is True


def remote_url(store_path: StrPath) -> str | None:
    """The remembered remote, or None before the first `sync --remote URL`."""
    clone = clone_dir(store_path)
    if not os.path.isfile(os.path.join(clone, "config")):
        return None
    done = Git(clone, quiet=True).run("config", "--get", "remote.origin.url", check=False)
    url = done.stdout.decode(errors="replace").strip()
    return url or None


def _git_on_path() -> bool:
    """Whether an executable `git` is on PATH: `shutil.which`'s answer for a plain name,
    without importing shutil (~5 ms of a sync that finds nothing new)."""
    folders = os.environ.get("PATH", os.defpath).split(os.pathsep)
    found = (os.path.join(folder or ".", "git") for folder in folders)
    return any(os.access(path, os.X_OK) and not os.path.isdir(path) for path in found)


def sync(
    store_path: StrPath,
    *,
    remote: str | None = None,
    auto: bool | None = None,
    quiet: bool = False,
    today: Callable[[], dt.date] | None = None,
) -> SyncResult:
    """Bring the store at `store_path` and the remote in step (see the module's
    docstring); SyncError (one sentence) when it cannot, having lost nothing here.
    `today` (default: the system's date) dates the store's backup when it writes.
    A sync with nothing new loads neither the store nor pathlib, subprocess or json:
    `python -X importtime -m growthtui sync` shows what it does load."""
    store_path = os.fspath(store_path)
    clone = clone_dir(store_path)
    if remote is not None:
        remote = check_url(remote)
    if not _git_on_path():
        raise SyncError(
            "git is not installed (or not on PATH): install git to sync; nothing was changed"
        )
    if remote is None and not os.path.isfile(os.path.join(clone, "config")):
        raise SyncError(
            f"no remote is set for {printable(store_path)}: run `growthtui sync --remote "
            "URL` once (a git URL such as ssh://host/path/growth.git or user@host:growth.git)"
        )
    os.makedirs(os.path.dirname(clone) or ".", exist_ok=True)  # as a write to the store would
    with CloneLock(clone):
        if not os.path.isfile(os.path.join(clone, "config")):
            create_clone(clone)
        clear_leftovers(clone)
        git = Git(clone, quiet=quiet)
        if remote is not None:
            git.run("config", "remote.origin.url", remote)
        state = read_state(clone)
        if auto is not None:
            state = {**state, "auto": auto}
            write_state(clone, state)
        result = SyncResult()
        for _attempt in range(PUSH_TRIES):
            _fetch(git, store_path)
            _checkpoint("fetched")
            heads = refs(git)
            ours_ref, theirs_ref = heads.get(LOCAL_REF), heads.get(REMOTE_REF)
            if (
                theirs_ref is not None
                and ours_ref == theirs_ref
                and state.get("commit") == theirs_ref
                and state.get("store") == file_digest(store_path)
            ):
                mark_synced(clone)
                return result  # nothing new on either side: nothing written
            url = git.url()
            pushed = _merge_and_push(git, store_path, ours_ref, theirs_ref, today, result, url)
            state = {**read_state(clone), **pushed}
            if pushed:
                write_state(clone, state)
                mark_synced(clone)
                return result
        raise SyncError(
            f"{printable(git.url())} kept changing while this copy was syncing "
            f"({counted(PUSH_TRIES, 'try')}); what was received is kept here: sync again"
        )


def _fetch(git: Git, store_path: str) -> None:
    done = git.run("fetch", "--quiet", "--no-tags", "--prune", "origin", check=False)
    if done.returncode != 0:
        url = git.url()
        if not url:
            raise SyncError(
                f"no remote is set for {printable(store_path)}: run `growthtui sync "
                "--remote URL` once"
            )
        raise SyncError(
            f"cannot reach the remote {printable(url)} ({first_line(done)}); nothing "
            "here was lost, and the next sync sends it"
        )


def _merge_and_push(
    git: Git,
    store_path: str,
    ours_ref: str | None,
    theirs_ref: str | None,
    today: Callable[[], dt.date] | None,
    result: SyncResult,
    url: str,
) -> dict[str, object]:
    """Merge, apply, commit and push; the state to remember when the remote took it, else
    {} (another copy pushed first: fetch and merge again)."""
    import datetime as dt
    from pathlib import Path

    from growthtui.store.repository import Store
    from growthtui.store.schema import CURRENT_SCHEMA
    from growthtui.store.sync_apply import apply_merged
    from growthtui.store.sync_merge import merge
    from growthtui.store.sync_shared import (
        changes_between,
        shared_files,
        shared_state,
        state_from_files,
    )

    base_ref = ours_ref
    if ours_ref is not None and theirs_ref is not None and ours_ref != theirs_ref:
        done = git.run("merge-base", ours_ref, theirs_ref, check=False)
        base_ref = done.stdout.decode().strip() or None
    base_tree, theirs_tree = tree_of(git, base_ref), tree_of(git, theirs_ref)
    found = blobs(git, set(base_tree.values()) | set(theirs_tree.values()))
    where = printable(url)
    base = state_from_files(files_of(base_tree, found), CURRENT_SCHEMA, where)
    theirs = (
        state_from_files(files_of(theirs_tree, found), CURRENT_SCHEMA, where)
        if theirs_ref is not None
        else base  # an empty remote changed nothing: it did not delete everything
    )

    if not os.path.exists(store_path):
        # No store where one was synced (moved, deleted, restored elsewhere): a new copy
        # receiving everything, never one that deleted everything.
        base = {}
    # Goal histories name the copies ("box's value was …"), when they have distinct names.
    here, there = host(), pusher(git, theirs_ref)
    copies = (here, there) if there is not None and there != here else None
    store = Store.open(Path(store_path), create=True, today=today or dt.date.today, lazy=True)
    try:
        with store.transaction(f"sync with {OTHER}"):
            ours = shared_state(store)
            merged = merge(base, ours, theirs, store.modified_now(), OTHER, copies)
            applied = apply_merged(store, merged, OTHER)
            _checkpoint("merged")
        _checkpoint("applied")
        files = shared_files(merged.state, CURRENT_SCHEMA)
        result.received += applied.received
        result.notes += [n for n in applied.notes if n not in result.notes]
        new_tree = {name: blob_id(data) for name, data in files.items()}
        empty = not any(merged.state.values())
        if new_tree == theirs_tree or (theirs_ref is None and empty):
            head = theirs_ref
        else:
            parent = theirs_ref or ours_ref
            parent_tree = theirs_tree if theirs_ref else base_tree
            head = commit(git, files, new_tree, parent, parent_tree, theirs, merged.state)
            _checkpoint("committed")
            done = git.run("push", "--quiet", "origin", f"{head}:{LOCAL_REF}", check=False)
            if done.returncode != 0:
                message = done.stderr.decode(errors="replace")
                if any(w in message for w in ("rejected", "fetch first", "non-fast-forward")):
                    return {}
                received = applied.received
                got = f"received {counted(received, 'change')}, but " if received else ""
                raise SyncError(
                    f"{got}could not send to {where} ({first_line(done)}); nothing here was "
                    "lost, and the next sync sends it"
                )
            _checkpoint("pushed")
            result.sent = changes_between(merged.state, theirs if theirs_ref else {})
            result.committed = True
        if head is not None:
            updates = f"update {LOCAL_REF} {head}\nupdate {REMOTE_REF} {head}\n"
            git.run("update-ref", "--stdin", stdin=updates.encode())
        # What the store holds now, read under its lock: the bytes the next sync compares.
        with store.transaction("sync: note the state sent"):
            digest = file_digest(store_path)
            in_step = changes_between(shared_state(store), merged.state) == 0
    finally:
        store.close()
    return {"commit": head, "store": digest if in_step else None}


def sync_in_background(store_path: StrPath) -> None:
    """After a change, with `--auto` on: start a quiet sync that outlives this command and
    fails soft (its failure is the status line's "changes to send"). Never raises."""
    import contextlib
    import subprocess
    import sys

    with contextlib.suppress(OSError, ValueError):
        command = [sys.executable, "-m", "growthtui", "--data", os.fspath(store_path)]
        subprocess.Popen(
            [*command, "sync", "--quiet"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
