"""What the app shows of the sync: the status line ("synced 3 h ago · 2 changes to send")
and its "sync now". No network but in `sync_now`.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path

from growthtui.domain.errors import GrowthError
from growthtui.domain.words import counted
from growthtui.services.sync import sync
from growthtui.services.sync_git import (
    LOCAL_REF,
    SYNCED_MARK,
    Git,
    blobs,
    clone_path,
    file_digest,
    files_of,
    read_state,
    refs,
    tree_of,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from growthtui.store.repository import Store


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
    from growthtui.store.schema import CURRENT_SCHEMA
    from growthtui.store.sync_shared import changes_between, shared_state, state_from_files

    clone = clone_path(store_path)
    state = read_state(clone)
    git = Git(clone, quiet=True)
    head = refs(git).get(LOCAL_REF)
    if (
        head is not None
        and state.get("commit") == head
        and state.get("store") == file_digest(store_path)
    ):
        return 0
    tree = tree_of(git, head)
    synced = state_from_files(files_of(tree, blobs(git, set(tree.values()))), CURRENT_SCHEMA, "")
    if store is not None:
        store.refresh()
        return changes_between(shared_state(store), synced)
    if not store_path.exists():
        return 0  # the next sync makes it a new copy (see _merge_and_push)
    from growthtui.store.repository import Store

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
