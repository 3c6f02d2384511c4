"""`growthtui add goal`, `add milestone` and `log` without pydantic, without parsing or
validating the file.

A goal, a milestone or a win typed at a shell prompt should be stored before the prompt
comes back.
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
- the write lock is free at once (a waiting writer goes the Store's way, which waits);
- the file's mode does not say read-only (the Store's way refuses it with the sentence).

The record gets what the Store gives a new one: a new identity (`identity.new_uid`) and its
`modified` time, now. A store reached through a symbolic link is written at the link's
target, beside which its lock and seal are, as the Store does.

It then adds the record's JSON text at the end of its table and raises the table's counter
in `meta`, byte for byte as `storage.encode` would lay out what the Store writes for the
same record (the tests compare the two files), replaces the file atomically and seals
the new version. When it cannot vouch, it returns None and changes nothing; the caller
then takes the Store's way, which refuses bad input with the sentence that says why.

The layout it relies on: `encode` writes JSON indented by two spaces, one key per line, and
a JSON string never holds a raw newline, so a line's indentation tells its depth: tables at
2 spaces, record ids at 4, a record's fields at 6, the counters in meta at 8.

Every import here is one the command line has loaded already (argparse brings `re`), or
a small module of ours (`files`, `seal`, `schema`, `backups`, `identity`, `journal`, and
`kinds`, which brings `enum`).
Where starting a module costs milliseconds (a container's file system, a cold disk),
`json`, `pathlib` and `typing` together cost more than the write itself. So the record's
JSON text is laid out by `_json` (for the few kinds of value a new record holds).
"""

from __future__ import annotations

import os
import re

from growthtui.domain.kinds import TITLE_MAX, EvidenceKind, GoalStatus, Horizon
from growthtui.store import journal
from growthtui.store.backups import daily_backup_name
from growthtui.store.files import (
    FILE_MODE,
    WRITE_BACK,
    Buffer,
    StrPath,
    WriteBack,
    is_read_only,
    lock_path,
    real_path,
    replace_with,
)
from growthtui.store.identity import new_uid, utc_stamp
from growthtui.store.journal import new_token
from growthtui.store.schema import CURRENT_SCHEMA, META_ID, META_TABLE
from growthtui.store.seal import is_sealed, write_seal

TYPE_CHECKING = False
if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Iterator
    from typing import Any

    Text = bytes
    """The file's text, read whole (`_read_whole`)."""

GOALS = "goals"
MILESTONES = "milestones"
EVIDENCE = "evidence"
_RECORD_KEY = b'\n    "'
"""How a record's line starts (its id follows, then `": {`); a field's line is indented more."""


class Stamp:
    """What the Store gives every new record: its identity and its `modified` time (the
    text of each, as stored). `Stamp()` is a new identity, now; tests fix both."""

    def __init__(self, uid: str | None = None, seconds: float | None = None) -> None:
        import time

        self.uid = uid if uid is not None else new_uid()
        self.modified = utc_stamp(time.time() if seconds is None else seconds)


def new_goal_doc(
    title: str, horizon: Horizon, due: dt.date | None, created: dt.date, stamp: Stamp
) -> dict[str, Any]:
    """The document the Store writes for `Goal(title=…, horizon=…, due=…)` added on
    `created`: every field, in the model's order, with its default. A test compares it to
    the model's own, so a field added to Goal fails there until it is added here."""
    return {
        "uid": stamp.uid,
        "modified": stamp.modified,
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
    text: str, kind: EvidenceKind, when: dt.date, goal_ids: list[int], stamp: Stamp
) -> dict[str, Any]:
    """The document the Store writes for `Evidence(date=…, text=…, kind=…, goal_ids=…)`
    (compared to the model's own by a test, as the goal's is)."""
    return {
        "uid": stamp.uid,
        "modified": stamp.modified,
        "date": when.isoformat(),
        "text": text,
        "kind": kind.value,
        "goal_ids": goal_ids,
        "skill_ids": [],
        "person_ids": [],
    }


def new_milestone_doc(goal_id: int, title: str, due: dt.date, stamp: Stamp) -> dict[str, Any]:
    """The document the Store writes for `Milestone(goal_id=…, title=…, due=…)` (compared
    to the model's own by a test, as the goal's is)."""
    return {
        "uid": stamp.uid,
        "modified": stamp.modified,
        "goal_id": goal_id,
        "title": title,
        "due": due.isoformat(),
        "done_at": None,
        "notes": "",
    }


def title_stored_unchanged(title: str) -> bool:
    """True when the model would accept `title` and store it exactly as given."""
    return 0 < len(title) <= TITLE_MAX and title == title.strip() and title.isprintable()


def add_goal(
    path: StrPath,
    title: str,
    horizon: Horizon,
    due: dt.date | None,
    today: dt.date,
    stamp: Stamp | None = None,
) -> int | None:
    """Add the goal and return its id; None when this way cannot vouch (nothing changed)."""
    if not title_stored_unchanged(title):
        return None
    doc = new_goal_doc(title, horizon, due, today, stamp or Stamp())
    appended = _append(path, GOALS, doc, today)
    return None if appended is None else appended[0]


def add_milestone(
    path: StrPath,
    goal_id: int,
    title: str,
    due: dt.date,
    today: dt.date,
    stamp: Stamp | None = None,
) -> tuple[int, str] | None:
    """Add a milestone to goal `goal_id`; its id and the goal's title (for the line the
    command prints), or None when this way cannot vouch (nothing changed)."""
    if not title_stored_unchanged(title):
        return None
    doc = new_milestone_doc(goal_id, title, due, stamp or Stamp())

    def title_of_goal(raw: Text) -> str | None:
        # Read under the lock, before the write: a title this cannot read leaves the whole
        # command to the Store's way, which must not find the milestone already added.
        return _goal_title(goal_id, raw)

    return _append(path, MILESTONES, doc, today, (goal_id,), title_of_goal)


def log_evidence(
    path: StrPath,
    text: str,
    kind: EvidenceKind,
    when: dt.date,
    goal_id: int | None,
    today: dt.date,
    stamp: Stamp | None = None,
) -> int | None:
    """Log a piece of evidence (linked to goal `goal_id`, if given) and return its id;
    None when this way cannot vouch (nothing changed)."""
    if not title_stored_unchanged(text):
        return None
    goal_ids = [goal_id] if goal_id is not None else []
    doc = new_evidence_doc(text, kind, when, goal_ids, stamp or Stamp())
    appended = _append(path, EVIDENCE, doc, today, tuple(goal_ids))
    return None if appended is None else appended[0]


def _append(
    path: StrPath,
    table: str,
    doc: dict[str, Any],
    today: dt.date,
    goal_ids: tuple[int, ...] = (),
    read: Callable[[Text], str | None] = lambda raw: "",
) -> tuple[int, str] | None:
    """Append `doc` to `table` under the lock, if the file is sealed, holds `goal_ids`,
    and `read` finds what it reads in it (before the write); the new record's id and what
    `read` read."""
    path = real_path(path)
    folder, name = os.path.split(path)
    if not os.path.exists(os.path.join(folder, daily_backup_name(name, today))):
        return None
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on Windows
        return None
    try:  # never through a link planted in its place, never truncated (store/lock.py)
        flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC
        lock = os.open(lock_path(path), flags, FILE_MODE)
    except OSError:
        return None
    try:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return None
        return _append_locked(path, table, doc, goal_ids, read)
    finally:
        os.close(lock)  # releases the lock


def _append_locked(
    path: StrPath,
    table: str,
    doc: dict[str, Any],
    goal_ids: tuple[int, ...],
    read: Callable[[Text], str | None],
) -> tuple[int, str] | None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        stat = os.fstat(fd)
        if is_read_only(stat) or not is_sealed(path, stat, CURRENT_SCHEMA):
            return None
        raw = _read_whole(fd, stat.st_size)
    finally:
        os.close(fd)
    if raw is None:
        return None
    if goal_ids and not _holds(raw, GOALS, goal_ids):
        return None  # a goal not there: the Store's way says which
    found = read(raw)
    if found is None:
        return None
    splice = _splice(raw, table)
    if splice is None:
        return None
    try:
        held = replace_with(path, splice.parts(doc), stat.st_mode & 0o777)
    except OSError:
        return None  # the old version is untouched: the Store's way will say what is wrong
    try:
        write_seal(path, os.fstat(held), CURRENT_SCHEMA)
    finally:
        os.close(held)
    _journal(path, table, splice.record_id, doc)
    return splice.record_id, found


def _read_whole(fd: int, size: int) -> bytes | None:
    """The `size` bytes of the open file `fd` (its size under the lock, as the seal
    vouched for it), read in one call (its pages written once, by the read: no buffer
    filled with zeros first); None when the file does not hold exactly that many.

    Read, not mapped: a mapping saves ~2 ms of copying, but its pages are freed at the
    end instead (strace: the same ~2 ms moves from the rename to the unmap), and a file
    cut short in place by a program that ignores the lock would end the process (SIGBUS)
    rather than leave it to the Store's sentence."""
    raw = os.read(fd, size)
    while 0 < len(raw) < size and (more := os.read(fd, size - len(raw))):
        raw += more  # a short read: rare, for a regular file
    return raw if len(raw) == size and not os.read(fd, 1) else None


def _journal(path: StrPath, table: str, record_id: int, doc: dict[str, Any]) -> None:
    """Note the new record in the undo journal, as the Store notes what it adds."""
    entity = {GOALS: "goal", MILESTONES: "milestone", EVIDENCE: "evidence"}[table]
    entry = {
        "id": new_token(),
        "description": f"add {entity}",
        "ops": [{"table": table, "id": record_id, "before": None, "after": doc}],
    }
    journal.append(path, _json(entry, "").encode())


def _table(raw: Text, name: str, from_end: bool = False) -> tuple[int, int] | None:
    """Where table `name`'s records are: from its opening line to its closing `  }`.

    A table's opening line is in the file once, so a search from either end finds it;
    `from_end` is quicker for a table that comes late (`meta`, in a seeded store)."""
    opening = b'\n  "' + name.encode() + b'": {\n'
    start = raw.rfind(opening) if from_end else raw.find(opening)
    if start < 0:  # missing, or empty (`{}` on one line)
        return None
    # `re` rather than `raw.find(b"\n  }")`, which takes twice as long over a table of
    # lines all starting with spaces (~2 ms against ~1 over ten years of goals).
    end = re.compile(rb"\n  \}").search(raw, start + len(opening) - 1)
    return (start + len(opening) - 1, end.start()) if end is not None else None


def _holds(raw: Text, name: str, ids: tuple[int, ...]) -> bool:
    """True when table `name` holds a record with each of `ids`."""
    table = _table(raw, name)
    return table is not None and all(
        raw.find(b'%s%d": {' % (_RECORD_KEY, record_id), *table) >= 0 for record_id in ids
    )


def _goal_title(goal_id: int, raw: Text) -> str | None:
    """The title of goal `goal_id` in `raw`: the record's one field named `title` (a
    field's line is indented by 6 spaces; a nested value's, more). None when it holds an
    escape (`\\`), which this does not undo."""
    goals = _table(raw, GOALS)
    if goals is None:
        return None
    record = raw.find(b'%s%d": {\n' % (_RECORD_KEY, goal_id), *goals)
    if record < 0:
        return None
    end = raw.find(b"\n    }", record, goals[1])
    key = b'\n      "title": "'
    at = raw.find(key, record, end)
    if at < 0:
        return None
    start = at + len(key)
    end = raw.find(b'",\n', start, goals[1])  # a `"` inside the text is escaped: `\"`
    text = raw[start:end]
    return text.decode() if end >= 0 and b"\\" not in text else None


def _ids_in(raw: Text, table: tuple[int, int]) -> set[int]:
    """The ids of the records of the table at `table` (where `_table` found it).

    A regular expression: a loop of `bytes.find` took twice as long over ten years of
    goals (~11 ms for 1,400)."""
    found = re.compile(rb'\n    "([0-9]+)": \{').findall(raw, table[0], table[1])
    return {int(text) for text in found}


def _new_id(raw: Text, records: tuple[int, int], counter: int) -> int:
    """The id the Store gives a new record in the table at `records` (where `_table` found
    it): its counter, or one past the table's highest id when that is as high
    (`Store._next_id`).

    An id from the counter up is hardly ever there (the Store raises the counter past every
    id it writes): one search for it, rather than a list and a set of every id, ~0.6 ms
    less over ten years of goals (~1,400), and the whole list only when one is found."""
    above = re.compile(rb'\n    "(?:%s)": \{' % at_least(counter).encode())
    if above.search(raw, *records) is None:
        return counter
    return max(_ids_in(raw, records)) + 1


def at_least(number: int) -> str:
    """A regular expression for the whole numbers from `number` up, as the Store writes
    a record's id (the digits 0-9, no leading zero): longer ones, then those of as many
    digits that are larger from some digit on, then `number` itself."""
    digits = str(number)
    options = [f"[1-9][0-9]{{{len(digits)},}}"]
    for at, digit in enumerate(digits):
        if digit != "9":
            rest = len(digits) - at - 1
            options.append(f"{digits[:at]}[{int(digit) + 1}-9]" + f"[0-9]{{{rest}}}" * bool(rest))
    return "|".join([*options, digits])


def _counter(raw: Text, meta: tuple[int, int], table: str) -> tuple[int, int] | None:
    """Where `table`'s counter digits are in meta's `next_id`, at the current schema."""
    head = (
        f'\n    "{META_ID}": {{\n      "schema_version": {CURRENT_SCHEMA},\n      "next_id": {{\n'
    ).encode()
    if not _at(raw, meta[0], head):
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


def _at(raw: Text, at: int, text: bytes) -> bool:
    """Whether `raw` holds `text` at `at` (`bytes.startswith`, which a mapping lacks)."""
    return raw[at : at + len(text)] == text


def _splice(raw: Text, table: str) -> Splice | None:
    """Where a record goes in `table` of `raw`, and its counter in meta; None when the
    file is not laid out as this expects (found before anything is written)."""
    meta = _table(raw, META_TABLE, from_end=True)
    counter = None if meta is None else _counter(raw, meta, table)
    if counter is None:
        return None
    records = _table(raw, table)
    if records is None or not _at(raw, records[0], _RECORD_KEY):
        return None  # missing, or empty (`{}` on one line)
    return Splice(raw, records, counter)


class Splice:
    """`raw` with a record appended to a table (its records at `records`) and the
    table's counter (its digits at `counter`) raised: the new text as parts to write one
    after the other (`parts`), and the new record's id, known once they are all given.

    Parts, not one text: the file's own bytes are written from `raw` as they are, rather
    than copied into a second buffer the size of the file (a join, or an insertion into a
    bytearray, which moves everything after it), ~1 ms for ten years of data. And the
    text before the record (a third of a seeded store) is given before the id is searched
    for (`_new_id`), with WRITE_BACK after it: the disk writes it during the search."""

    def __init__(self, raw: Text, records: tuple[int, int], counter: tuple[int, int]) -> None:
        self.raw = raw
        self.records = records
        self.counter = counter
        self.record_id = 0
        """The new record's id: 0 until `parts` has given the record."""

    def parts(self, doc: dict[str, Any]) -> Iterator[Buffer | WriteBack]:
        """The new text, with `doc` as the new record, in parts (see the class)."""
        view = memoryview(self.raw)
        end = self.records[1]
        digits_start, digits_end = self.counter
        if end < digits_start:  # meta comes last, as the Store writes it
            yield view[:end]
            yield WRITE_BACK
            yield self._record(doc)
            yield view[end:digits_start]
            yield str(self.record_id + 1).encode()
            yield view[digits_end:]
        else:
            record = self._record(doc)
            yield view[:digits_start]
            yield str(self.record_id + 1).encode()
            yield view[digits_end:end]
            yield record
            yield view[end:]

    def _record(self, doc: dict[str, Any]) -> bytes:
        counter = int(self.raw[self.counter[0] : self.counter[1]])
        self.record_id = _new_id(self.raw, self.records, counter)
        record = _json(doc, "\n    ")
        return f',\n    "{self.record_id}": {record}'.encode()


def _json(value: object, indent: str) -> str:
    """`value` as `storage.encode` lays it out (orjson, two-space indent) at the depth whose
    lines start with `indent`: for what a new record holds (dicts, lists, text, whole
    numbers, None). Text is printable (`title_stored_unchanged`; the fields the caller
    fills are plain words and ISO dates), so `\\` and `"` are all it needs escaped."""
    if value is None:
        return "null"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    inner = indent + "  "
    if isinstance(value, list):
        items = [inner + _json(item, inner) for item in value]
        return "[" + ",".join(items) + indent + "]" if items else "[]"
    if isinstance(value, dict):
        fields = [
            f"{inner}{_json(key, inner)}: {_json(item, inner)}" for key, item in value.items()
        ]
        return "{" + ",".join(fields) + indent + "}" if fields else "{}"
    raise TypeError(f"a new record holds no {type(value).__name__}")
