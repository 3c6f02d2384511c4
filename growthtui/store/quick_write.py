"""`growthtui add goal` and `growthtui log` without pydantic, without parsing or validating
the file.

A goal or a win typed at a shell prompt should be stored before the prompt comes back.
The Store's way costs about half a second on ten years of data: loading pydantic, parsing
the file and checking every record before it writes (it never rewrites a file holding a
record it cannot read). This takes a shorter way, and only when it can vouch for every step:

- the file's identity matches its seal (`seal`): the Store wrote this very version after
  checking every record, in its canonical layout, at the current schema version;
- the title (or the win's text) is one the model would store unchanged (no surrounding
  space, printable, at most TITLE_MAX characters), the dates are already parsed, and a
  goal the record links to is in the file;
- today's daily backup exists (the first change of a day goes the Store's way, which
  takes it);
- the write lock is free at once (a waiting writer goes the Store's way, which waits).

It then adds the record's JSON text at the end of its table and raises the table's counter
in `meta`, byte for byte as `storage.encode` would lay out what the Store writes for the
same record (the tests compare the two files), replaces the file atomically and seals
the new version. When it cannot vouch, it returns None and changes nothing; the caller
then takes the Store's way, which refuses bad input with the sentence that says why.

The layout it relies on: `encode` writes JSON indented by two spaces, one key per line, and
a JSON string never holds a raw newline, so a line's indentation tells its depth: tables at
2 spaces, record ids at 4, a record's fields at 6, the counters in meta at 8.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from pathlib import Path
from typing import Any

from growthtui.domain.kinds import TITLE_MAX, EvidenceKind, GoalStatus, Horizon
from growthtui.store.backups import daily_backup_path
from growthtui.store.files import FILE_MODE, lock_path, read_all, replace_with
from growthtui.store.migrations import CURRENT_SCHEMA, META_ID, META_TABLE
from growthtui.store.seal import is_sealed, write_seal

GOALS = "goals"
EVIDENCE = "evidence"

_RECORD_ID = re.compile(rb'\n    "(\d+)": \{')


def new_goal_doc(
    title: str, horizon: Horizon, due: dt.date | None, created: dt.date
) -> dict[str, Any]:
    """The document the Store writes for `Goal(title=…, horizon=…, due=…)` added on
    `created`: every field, in the model's order, with its default. A test compares it to
    the model's own, so a field added to Goal fails there until it is added here."""
    return {
        "title": title,
        "horizon": horizon.value,
        "status": GoalStatus.ACTIVE.value,
        "parent_id": None,
        "specific": "",
        "measure": {"metric": "", "unit": "", "baseline": None, "target": None, "current": None},
        "achievable": "",
        "relevant": "",
        "trait_ids": [],
        "skill_ids": [],
        "start": None,
        "due": due.isoformat() if due else None,
        "tags": [],
        "notes": "",
        "created": created.isoformat(),
        "history": [],
        "external_id": None,
    }


def new_evidence_doc(
    text: str, kind: EvidenceKind, when: dt.date, goal_ids: list[int]
) -> dict[str, Any]:
    """The document the Store writes for `Evidence(date=…, text=…, kind=…, goal_ids=…)`
    (compared to the model's own by a test, as the goal's is)."""
    return {
        "date": when.isoformat(),
        "text": text,
        "kind": kind.value,
        "goal_ids": goal_ids,
        "skill_ids": [],
        "person_ids": [],
    }


def title_stored_unchanged(title: str) -> bool:
    """True when the model would accept `title` and store it exactly as given."""
    return 0 < len(title) <= TITLE_MAX and title == title.strip() and title.isprintable()


def add_goal(
    path: Path, title: str, horizon: Horizon, due: dt.date | None, today: dt.date
) -> int | None:
    """Add the goal and return its id; None when this way cannot vouch (nothing changed)."""
    if not title_stored_unchanged(title):
        return None
    return _append(path, GOALS, new_goal_doc(title, horizon, due, today), today)


def log_evidence(
    path: Path, text: str, kind: EvidenceKind, when: dt.date, goal_id: int | None, today: dt.date
) -> int | None:
    """Log a piece of evidence (linked to goal `goal_id`, if given) and return its id;
    None when this way cannot vouch (nothing changed)."""
    if not title_stored_unchanged(text):
        return None
    goal_ids = [goal_id] if goal_id is not None else []
    doc = new_evidence_doc(text, kind, when, goal_ids)
    return _append(path, EVIDENCE, doc, today, tuple(goal_ids))


def _append(
    path: Path, table: str, doc: dict[str, Any], today: dt.date, goal_ids: tuple[int, ...] = ()
) -> int | None:
    """Append `doc` to `table` under the lock, if the file is sealed and holds `goal_ids`."""
    if not daily_backup_path(path, today).exists():
        return None
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on Windows
        return None
    try:
        lock = os.open(lock_path(path), os.O_RDWR | os.O_CREAT, FILE_MODE)
    except OSError:
        return None
    try:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return None
        return _append_locked(path, table, doc, goal_ids)
    finally:
        os.close(lock)  # releases the lock


def _append_locked(
    path: Path, table: str, doc: dict[str, Any], goal_ids: tuple[int, ...]
) -> int | None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        stat = os.fstat(fd)
        if not is_sealed(path, stat, CURRENT_SCHEMA):
            return None
        raw = read_all(fd)
    finally:
        os.close(fd)
    goals = _table(raw, GOALS)
    if goal_ids and not (goals and set(goal_ids) <= _ids_in(raw, goals)):
        return None  # a goal not there: the Store's way says which
    spliced = _splice(raw, table, doc)
    if spliced is None:
        return None
    payload, record_id = spliced
    try:
        held = replace_with(path, payload, stat.st_mode & 0o777)
    except OSError:
        return None  # the old version is untouched: the Store's way will say what is wrong
    try:
        write_seal(path, os.fstat(held), CURRENT_SCHEMA)
    finally:
        os.close(held)
    return record_id


def _table(raw: bytes, name: str) -> tuple[int, int] | None:
    """Where table `name`'s records are: from its opening line to its closing `  }`."""
    opening = b'\n  "' + name.encode() + b'": {\n'
    start = raw.find(opening)
    if start < 0:  # missing, or empty (`{}` on one line)
        return None
    end = raw.find(b"\n  }", start + len(opening) - 1)
    return (start + len(opening) - 1, end) if end >= 0 else None


def _ids_in(raw: bytes, table: tuple[int, int]) -> set[int]:
    """The ids of the records of the table at `table` (where `_table` found it)."""
    return {int(found) for found in _RECORD_ID.findall(raw, *table)}


def _counter(raw: bytes, meta: tuple[int, int], table: str) -> tuple[int, int] | None:
    """Where `table`'s counter digits are in meta's `next_id`, at the current schema."""
    head = (
        f'\n    "{META_ID}": {{\n      "schema_version": {CURRENT_SCHEMA},\n      "next_id": {{\n'
    ).encode()
    if not raw.startswith(head, meta[0]):
        return None
    counters_end = raw.find(b"\n      }", meta[0], meta[1])
    key = f'\n        "{table}": '.encode()
    line = raw.find(key, meta[0] + len(head) - 1, counters_end)
    if line < 0:
        return None
    start = line + len(key)
    end = start
    while raw[end : end + 1].isdigit():
        end += 1
    return (start, end) if end > start and raw[end : end + 1] in (b",", b"\n") else None


def _splice(raw: bytes, table: str, doc: dict[str, Any]) -> tuple[bytes, int] | None:
    """The file with `doc` appended to `table` and its counter raised, and the new id."""
    records = _table(raw, table)
    meta = _table(raw, META_TABLE)
    if records is None or meta is None:
        return None
    ids = _ids_in(raw, records)
    counter = _counter(raw, meta, table)
    if not ids or counter is None:
        return None
    record_id = max(int(raw[counter[0] : counter[1]]), max(ids) + 1)
    record = json.dumps(doc, indent=2, ensure_ascii=False).replace("\n", "\n    ")
    edits = sorted(
        [
            (records[1], records[1], f',\n    "{record_id}": {record}'.encode()),
            (counter[0], counter[1], str(record_id + 1).encode()),
        ]
    )
    parts, at = [], 0
    for start, end, text in edits:
        parts += [raw[at:start], text]
        at = end
    parts.append(raw[at:])
    return b"".join(parts), record_id
