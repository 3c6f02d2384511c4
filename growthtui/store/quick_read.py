"""Read what `growthtui agenda` shows straight from the file, without pydantic.

`agenda` runs in a login shell or a cron mail, where a quarter of a second matters, and
loading pydantic and validating thousands of records costs more than everything else it
does. This reads the six kinds the agenda needs into plain frozen records with the
attributes the date rules read (growthtui.domain.shapes), decoding each field strictly as
growthtui writes it: ISO dates, whole numbers, known kinds. The records are named tuples:
thousands are made per run, and a tuple is the cheapest immutable record Python makes.

It vouches only for a file it fully understands. A missing, unreadable, corrupt, foreign,
older or newer file, or any field not as growthtui writes it, gives None: the caller then
opens the Store, which migrates, or refuses with the sentence that says what is wrong.
It never writes, and it takes no lock: the store replaces the file atomically, so a read
sees one whole version.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

import orjson

from growthtui.domain.kinds import (
    DEFAULT_REVIEW_CADENCE,
    OPEN_STATUSES,
    Cadence,
    GoalStatus,
    Relation,
)
from growthtui.domain.shapes import AgendaRecords
from growthtui.store.schema import CURRENT_SCHEMA, META_ID, META_TABLE

T = TypeVar("T")


class _Unsure(Exception):
    """A field is not as growthtui writes it: leave the file to the Store."""


class PlainGoal(NamedTuple):
    id: int
    title: str
    due: dt.date | None
    status: GoalStatus

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class PlainMilestone(NamedTuple):
    id: int
    goal_id: int
    title: str
    due: dt.date
    done_at: dt.date | None


class PlainPerson(NamedTuple):
    id: int
    name: str
    relation: Relation
    follow_up_days: int | None
    max_gap_days: int | None


class PlainInteraction(NamedTuple):
    id: int
    person_id: int
    date: dt.date
    follow_up_on: dt.date | None


class PlainReview(NamedTuple):
    id: int
    date: dt.date
    draft: bool


def read_agenda_records(path: Path) -> AgendaRecords | None:
    """The agenda's records from the store file at `path`, or None when this quick read
    cannot vouch for the file (the Store can: open it instead)."""
    try:
        data = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None
    try:
        if not isinstance(data, dict):
            raise _Unsure
        meta = _table(data, META_TABLE).get(META_ID)
        if not isinstance(meta, dict) or meta.get("schema_version") != CURRENT_SCHEMA:
            raise _Unsure  # older (the Store migrates) or newer (it refuses)
        profiles = _records(data, "profile", _review_cadence)
        return AgendaRecords(
            goals=_records(data, "goals", _goal),
            # Only open milestones: the agenda never shows one that is done (two in three
            # of a long-kept store), so they are neither decoded nor checked.
            milestones=[
                _milestone(_key(key), doc)
                for key, doc in _table(data, "milestones").items()
                if doc.get("done_at") is None
            ],
            people=_records(data, "people", _person),
            interactions=_records(data, "interactions", _interaction),
            reviews=_records(data, "reviews", _review),
            review_cadence=profiles[0] if profiles else DEFAULT_REVIEW_CADENCE,
        )
    except (_Unsure, AttributeError, KeyError, TypeError, ValueError):
        return None


def _table(data: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    table = data.get(name, {})
    if not isinstance(table, dict):
        raise _Unsure
    return table


def _records(data: Mapping[str, Any], name: str, make: Callable[[int, Any], T]) -> list[T]:
    return [make(_key(key), doc) for key, doc in _table(data, name).items()]


def _key(key: str) -> int:
    if not key.isdigit():
        raise _Unsure
    return int(key)


def _int(value: Any) -> int:
    if type(value) is not int:
        raise _Unsure
    return value


def _optional_int(value: Any) -> int | None:
    return None if value is None else _int(value)


def _str(value: Any) -> str:
    if type(value) is not str:
        raise _Unsure
    return value


def _date(value: Any) -> dt.date:
    if type(value) is not str or len(value) != 10:
        raise _Unsure  # growthtui writes YYYY-MM-DD and nothing else
    return dt.date.fromisoformat(value)


def _goal(key: int, doc: Any) -> PlainGoal:
    title, due = doc["title"], doc.get("due")
    if type(title) is not str:
        raise _Unsure
    status = GoalStatus(doc["status"])
    return PlainGoal(key, title, None if due is None else _date(due), status)


def _milestone(key: int, doc: Any) -> PlainMilestone:
    # The most numerous kind: its checks are written out rather than called.
    goal_id, title, done_at = doc["goal_id"], doc["title"], doc.get("done_at")
    if type(goal_id) is not int or type(title) is not str:
        raise _Unsure
    done = None if done_at is None else _date(done_at)
    return PlainMilestone(key, goal_id, title, _date(doc["due"]), done)


def _person(key: int, doc: Any) -> PlainPerson:
    return PlainPerson(
        id=key,
        name=_str(doc["name"]),
        relation=Relation(_str(doc["relation"])),
        follow_up_days=_optional_int(doc.get("follow_up_days")),
        max_gap_days=_optional_int(doc.get("max_gap_days")),
    )


def _interaction(key: int, doc: Any) -> PlainInteraction:
    person_id, follow_up_on = doc["person_id"], doc.get("follow_up_on")
    if type(person_id) is not int:
        raise _Unsure
    follow = None if follow_up_on is None else _date(follow_up_on)
    return PlainInteraction(key, person_id, _date(doc["date"]), follow)


def _review(key: int, doc: Any) -> PlainReview:
    draft = doc.get("draft", False)
    if type(draft) is not bool:
        raise _Unsure
    return PlainReview(id=key, date=_date(doc["date"]), draft=draft)


def _review_cadence(key: int, doc: Any) -> Cadence:
    return Cadence(_str(doc["review_cadence"]))
