"""Read what `growthtui agenda` shows straight from the file, without pydantic.

`agenda` runs in a login shell or a cron mail, where a quarter of a second matters, and
loading pydantic and validating thousands of records costs more than everything else it
does. This reads the six kinds the agenda needs into plain frozen records with the
attributes the date rules read (growthtui.domain.shapes). The records are named tuples:
thousands are made per run, and a tuple is the cheapest immutable record Python makes.

It reads only a file the Store has sealed as its own (`seal`): the Store wrote that very
version after checking every record in it, so the file is one the Store would read, and
`agenda` refuses exactly what every other command refuses, with the same sentence. Any
other file (missing, edited by hand or by another program, restored from a backup,
written by an older growthtui, corrupt) gives None: the caller then opens the Store,
which reads it, migrates it, or says in one sentence what is wrong. The seal is checked
and the text read through one open descriptor, so both are of the same version.

Because the seal vouches for every record, fields the agenda does not show are not looked
at (a field added to a record later changes nothing here), and one left out takes the
model's default. The fields it reads are still decoded strictly; one not as expected gives
None too, which costs speed, never an answer.
It never writes, and it takes no lock: the store replaces the file atomically, so a read
sees one whole version.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

import orjson

from growthtui.domain.kinds import (
    DEFAULT_REVIEW_CADENCE,
    OPEN_STATUSES,
    Cadence,
    GoalStatus,
    Horizon,
    Relation,
)
from growthtui.domain.shapes import (
    AgendaRecords,
    InteractionShape,
    MilestoneShape,
    PersonShape,
    ReviewShape,
)
from growthtui.store.schema import CURRENT_SCHEMA, META_ID, META_TABLE
from growthtui.store.seal import sealed_bytes

T = TypeVar("T")


class _Unsure(Exception):
    """A field is not as growthtui writes it: leave the file to the Store."""


class PlainGoal(NamedTuple):
    id: int
    title: str
    due: dt.date | None
    status: GoalStatus
    is_open: bool
    """Active or paused (domain.goals.Goal.is_open): set as the goal is read."""


class PlainMilestone(NamedTuple):
    id: int
    goal_id: int
    title: str
    due: dt.date
    done_at: dt.date | None

    @property
    def done(self) -> bool:
        return self.done_at is not None


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
    """The agenda's records from the store file at `path`, or None when the Store has not
    sealed it as its own (open the Store instead: it reads or refuses it)."""
    raw = sealed_bytes(path, CURRENT_SCHEMA)
    if raw is None:
        return None
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
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
    status = GoalStatus(doc.get("status", GoalStatus.ACTIVE.value))
    return PlainGoal(
        key, title, None if due is None else _date(due), status, status in OPEN_STATUSES
    )


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
        relation=Relation(_str(doc.get("relation", Relation.CONTACT.value))),
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
    return Cadence(_str(doc.get("review_cadence", DEFAULT_REVIEW_CADENCE.value)))


# -- what `growthtui list` shows: goals, milestones, check-ins --------------------------------
class PlainMeasure(NamedTuple):
    metric: str
    unit: str
    baseline: float | None
    target: float | None
    current: float | None

    @property
    def is_set(self) -> bool:
        return bool(self.metric) and self.target is not None


class PlainChange(NamedTuple):
    at: dt.datetime
    field: str


class PlainPlanGoal(NamedTuple):
    """A goal with every field the progress and SMART rules read (domain.progress,
    domain.smart, domain.schedule)."""

    id: int
    title: str
    horizon: Horizon
    status: GoalStatus
    parent_id: int | None
    specific: str
    measure: PlainMeasure
    achievable: str
    relevant: str
    trait_ids: tuple[int, ...]
    skill_ids: tuple[int, ...]
    start: dt.date | None
    due: dt.date | None
    created: dt.date | None
    history: tuple[PlainChange, ...]
    is_open: bool
    """Active or paused, as PlainGoal's."""


class PlainCheckIn(NamedTuple):
    id: int
    goal_id: int
    date: dt.date
    value: float | None


class PlanRecords(NamedTuple):
    """The goals, every milestone and every check-in, as plain records."""

    goals: list[PlainPlanGoal]
    milestones: list[PlainMilestone]
    checkins: list[PlainCheckIn]


def read_plan_records(path: Path) -> PlanRecords | None:
    """What `growthtui list` shows of goals and milestones, from the store file at
    `path`, or None when the Store has not sealed it as its own (open the Store instead).

    Only the tables it shows are parsed (and `meta`, for the version): a sealed file is
    laid out by storage.encode, one key a line, indented by depth, so a table runs from
    its opening line to the next line that is `  }`. A third of the file is then left
    unparsed (evidence, interactions, people, learning...)."""
    try:
        tables = _sealed_tables(path)
        if tables is None:
            return None
        return PlanRecords(
            goals=[_plan_goal(_key(k), doc) for k, doc in tables.table("goals").items()],
            milestones=[_milestone(_key(k), doc) for k, doc in tables.table("milestones").items()],
            checkins=[_checkin(_key(k), doc) for k, doc in tables.table("checkins").items()],
        )
    except (_Unsure, orjson.JSONDecodeError, AttributeError, KeyError, TypeError, ValueError):
        return None


def _sealed_tables(path: Path) -> _Tables | None:
    """The tables of the store file at `path` when the Store sealed this very version of
    it, at the current schema; None for any other file. Raises _Unsure (or a decoding
    error) when the text is not laid out as the Store writes it."""
    raw = sealed_bytes(path, CURRENT_SCHEMA)
    if raw is None:
        return None
    tables = _Tables(raw)
    meta = tables.table(META_TABLE).get(META_ID)
    if not isinstance(meta, dict) or meta.get("schema_version") != CURRENT_SCHEMA:
        raise _Unsure  # older (the Store migrates) or newer (it refuses)
    return tables


_TOP_LEVEL_KEY = re.compile(rb'\n  "([^"\n]*)": ')
"""A key of the file's outer object, as storage.encode lays it out: deeper keys are
indented further, and a string never holds a raw line break."""


class _Tables:
    """Where each table of a sealed file's text starts, found in one pass over the text
    (rather than one search of the whole text per table: ~10 ms of a 3.5 MB file)."""

    def __init__(self, raw: bytes) -> None:
        self.raw = raw
        self.starts: dict[bytes, int] = {}
        for match in _TOP_LEVEL_KEY.finditer(raw):
            self.starts.setdefault(match.group(1), match.end())

    def _start(self, name: str) -> int | None:
        """Where table `name`'s text starts, or None when the file has no such table."""
        start = self.starts.get(name.encode())
        if start is None and self.raw.find(b'"' + name.encode() + b'"') >= 0:
            raise _Unsure  # named, but not where the layout puts a table
        return start

    def table(self, name: str) -> dict[str, Any]:
        """Table `name`, parsed alone (see `read_plan_records`)."""
        raw, start = self.raw, self._start(name)
        if start is None or raw.startswith(b"{}", start):
            return {}  # a kind with no records yet
        if not raw.startswith(b"{\n", start):
            raise _Unsure
        end = raw.find(b"\n  }", start)
        if end < 0:
            raise _Unsure
        table = orjson.loads(raw[start : end + 4])
        if not isinstance(table, dict):
            raise _Unsure
        return table

    def has_records(self, name: str) -> bool:
        """Whether table `name` holds a record (it is not parsed)."""
        raw, start = self.raw, self._start(name)
        if start is None or raw.startswith(b"{}", start):
            return False
        if not raw.startswith(b"{\n", start):
            raise _Unsure
        return True


def _table_of(raw: bytes, name: str) -> dict[str, Any]:
    """Table `name` of a sealed file's text, parsed alone (see `read_plan_records`)."""
    return _Tables(raw).table(name)


def _number(value: Any) -> float | None:
    if value is None:
        return None
    if type(value) is int or type(value) is float:
        return float(value)
    raise _Unsure


def _ids(value: Any) -> tuple[int, ...]:
    if type(value) is not list:
        raise _Unsure
    if not value:
        return ()
    return tuple(_int(item) for item in value)


def _optional_date(value: Any) -> dt.date | None:
    return None if value is None else _date(value)


_HORIZONS = {horizon.value: horizon for horizon in Horizon}
_STATUSES = {status.value: status for status in GoalStatus}
_NO_MEASURE = PlainMeasure("", "", None, None, None)


def _plan_goal(key: int, doc: Any) -> PlainPlanGoal:
    # Thousands per run: enums looked up in a dict, not called; fields by position.
    measure = doc.get("measure")
    if measure is None:
        plain_measure = _NO_MEASURE
    elif isinstance(measure, dict):
        plain_measure = PlainMeasure(
            _str(measure.get("metric", "")),
            _str(measure.get("unit", "")),
            _number(measure.get("baseline")),
            _number(measure.get("target")),
            _number(measure.get("current")),
        )
    else:
        raise _Unsure
    history = doc.get("history", ())
    if history and type(history) is not list:
        raise _Unsure
    status = _STATUSES[doc.get("status", "active")]
    return PlainPlanGoal(
        key,
        _str(doc["title"]),
        _HORIZONS[doc.get("horizon", "short")],
        status,
        _optional_int(doc.get("parent_id")),
        _str(doc.get("specific", "")),
        plain_measure,
        _str(doc.get("achievable", "")),
        _str(doc.get("relevant", "")),
        _ids(doc.get("trait_ids", [])),
        _ids(doc.get("skill_ids", [])),
        _optional_date(doc.get("start")),
        _optional_date(doc.get("due")),
        _optional_date(doc.get("created")),
        tuple(
            PlainChange(dt.datetime.fromisoformat(_str(change["at"])), _str(change["field"]))
            for change in history
        ),
        status in OPEN_STATUSES,
    )


def _checkin(key: int, doc: Any) -> PlainCheckIn:
    goal_id = doc["goal_id"]
    if type(goal_id) is not int:
        raise _Unsure
    return PlainCheckIn(key, goal_id, _date(doc["date"]), _number(doc.get("value")))


# -- what the app's Dashboard shows, before the Store is open ------------------------------
class PlainProfile(NamedTuple):
    name: str
    role: str
    vision: str
    review_cadence: Cadence


_NO_PROFILE = PlainProfile("", "", "", DEFAULT_REVIEW_CADENCE)


class PlainSkill(NamedTuple):
    """A skill with its ratings as (date, level) pairs, in the order they were stored."""

    id: int
    name: str
    target_level: int
    ratings: tuple[tuple[dt.date, int], ...]

    @property
    def level(self) -> int | None:
        """The latest rating's level, as domain.assessment.Skill reads it."""
        if not self.ratings:
            return None
        return max(enumerate(self.ratings), key=lambda pair: (pair[1][0], pair[0]))[1][1]

    def trend(self) -> list[int]:
        """Rating levels in date order, oldest first, as domain.assessment.Skill reads them."""
        ordered = sorted(enumerate(self.ratings), key=lambda pair: (pair[1][0], pair[0]))
        return [level for _, (_, level) in ordered]


class DashboardRecords(NamedTuple):
    """What the app's Dashboard shows: the Store's models (ui.screens.dashboard), or the
    plain records `read_dashboard_records` makes without pydantic."""

    profile: Any
    goals: Sequence[Any]
    """Goals with every field the progress rules read (PlainPlanGoal or Goal)."""
    milestones: Sequence[MilestoneShape]
    checkins: Sequence[Any]
    people: Sequence[PersonShape]
    interactions: Sequence[InteractionShape]
    reviews: Sequence[ReviewShape]
    skills: Sequence[Any]
    has_traits: bool
    has_evidence: bool


def read_dashboard_records(path: Path) -> DashboardRecords | None:
    """What the app's Dashboard shows, from the store file at `path`, or None when the
    Store has not sealed it as its own (the app then waits for the Store, which reads,
    migrates or refuses it). The app shows these while the Store opens; every key waits
    for the Store, and nothing is ever written from them."""
    try:
        tables = _sealed_tables(path)
        if tables is None:
            return None
        profiles = [_profile(doc) for doc in tables.table("profile").values()]
        return DashboardRecords(
            profile=profiles[0] if profiles else _NO_PROFILE,
            goals=[_plan_goal(_key(k), doc) for k, doc in tables.table("goals").items()],
            milestones=[_milestone(_key(k), doc) for k, doc in tables.table("milestones").items()],
            checkins=[_checkin(_key(k), doc) for k, doc in tables.table("checkins").items()],
            people=[_person(_key(k), doc) for k, doc in tables.table("people").items()],
            interactions=[
                _interaction(_key(k), doc) for k, doc in tables.table("interactions").items()
            ],
            reviews=[_review(_key(k), doc) for k, doc in tables.table("reviews").items()],
            skills=[_skill(_key(k), doc) for k, doc in tables.table("skills").items()],
            has_traits=tables.has_records("traits"),
            has_evidence=tables.has_records("evidence"),
        )
    except (_Unsure, orjson.JSONDecodeError, AttributeError, KeyError, TypeError, ValueError):
        return None


def _profile(doc: Any) -> PlainProfile:
    return PlainProfile(
        _str(doc.get("name", "")),
        _str(doc.get("role", "")),
        _str(doc.get("vision", "")),
        Cadence(_str(doc.get("review_cadence", DEFAULT_REVIEW_CADENCE.value))),
    )


def _skill(key: int, doc: Any) -> PlainSkill:
    ratings = doc.get("ratings", [])
    if type(ratings) is not list:
        raise _Unsure
    return PlainSkill(
        key,
        _str(doc["name"]),
        _int(doc.get("target_level", 4)),
        tuple((_date(rating["on"]), _int(rating["level"])) for rating in ratings),
    )
