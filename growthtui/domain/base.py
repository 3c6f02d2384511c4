"""Shared pieces of the domain models: the record base class and text validation."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, ClassVar, Self

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from growthtui.domain.errors import InvalidInput, InvalidRecord
from growthtui.domain.kinds import TITLE_MAX

# Stripping and the length checks run inside pydantic-core (no Python call per field): a
# store of ten years validates tens of thousands of these on open.
Text = Annotated[str, StringConstraints(strip_whitespace=True)]
"""Free text, surrounding whitespace removed; may be empty."""

Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=TITLE_MAX)]
"""A name or title a person types: required, stripped, at most 500 characters."""

Level = Annotated[int, Field(ge=1, le=5)]
"""A 1–5 scale: skill level, confidence, satisfaction."""


def due_not_before_start(due: dt.date | None, start: dt.date | None) -> dt.date | None:
    """Field rule shared by dated records: a due date may not precede the start."""
    if due is not None and start is not None and due < start:
        raise ValueError(
            f"the due date {due} is before the start {start}: "
            "move the due date later or the start earlier"
        )
    return due


Ids = list[int]
"""Links to other records by id; the store checks that they point somewhere. Give each such
field its default where it is declared (`goal_ids: Ids = Field(default_factory=empty_list)`):
the pydantic mypy plugin does not see a default hidden in an `Annotated` alias."""


def empty_list() -> list[Any]:
    """The default of a list field: a new empty list. A plain function rather than the
    builtin `list`: pydantic reads a default factory's signature, and reading a builtin's
    compiles the tokenizer's regular expressions, a few milliseconds of every start-up."""
    return []


MODEL_CONFIG = ConfigDict(
    extra="forbid",
    # The store hands out the records it caches, so nobody may change them in place.
    frozen=True,
    # A validator is built on first use, not at import: a command that reads three kinds of
    # record does not pay for the other nine.
    defer_build=True,
    # NaN and infinity would be written as JSON null and silently change: refuse them.
    allow_inf_nan=False,
)


class Value(BaseModel):
    """A value kept inside a record (a rating, a measure, a decision): no id of its own."""

    model_config = MODEL_CONFIG


class Record(BaseModel):
    """A stored entity: `id`, `uid` and `modified` are the store's to set.

    `id` is the short number people type: 0 until the store assigns one; every record the
    store returns has an id of 1 or more, so code that reads stored records never checks
    for a missing one (a plain int, not `int | None`). `uid` is the record's identity
    for life ("" until stored), by which copies of one store are merged without mistaking
    two records for one; `modified` the UTC time, to the second, of the last change the
    store saved (None: not known, e.g. a record from before identities)."""

    # Frozen (see MODEL_CONFIG): make a changed copy with `edit`.
    model_config = MODEL_CONFIG

    entity: ClassVar[str] = "record"
    """The word a person uses for this kind of record ("goal", "milestone")."""

    table: ClassVar[str] = "records"
    """The name of its table in the store and its list in a JSON export."""

    id: int = 0
    uid: str = ""
    modified: AwareDatetime | None = None

    def link_fields(self) -> dict[str, tuple[str, list[int]]]:
        """Fields that point at other records: name → (table, ids)."""
        return {}

    @classmethod
    def build(cls, **fields: Any) -> Self:
        """Validate `fields` into a record; InvalidRecord says, per field, what is wrong."""
        try:
            return cls.model_validate(fields)
        except ValidationError as error:
            raise InvalidRecord(explain(error, cls.entity)) from None

    def edit(self, **changes: Any) -> Self:
        """A copy with `changes` applied and validated; InvalidRecord when they don't fit."""
        return self.build(**{**self.model_dump(), **changes})

    # -- what the store asks of a record (its rules live here; the store only calls them) --
    def as_new(self, today: dt.date) -> Self:
        """This record as first stored on `today`. A kind that notes the day it was made
        (a goal's `created`) fills it in here; the others are stored as they are."""
        return self

    def rebased(self, base: Self, current: Self) -> Self:
        """This edit of `base` laid on `current`, what is stored now: each field the edit
        changed from `base` takes the edit's value, every other field keeps `current`'s (so
        another session's changes to other fields survive). `uid` and `modified` are the
        stored record's. InvalidInput, naming the field, when the result does not hold."""
        new, old, now = (r.model_dump(mode="json", exclude={"id"}) for r in (self, base, current))
        merged = {k: (new[k] if new[k] != old.get(k) else now.get(k, new[k])) for k in new}
        merged["uid"], merged["modified"] = current.uid, now["modified"]
        try:
            return type(self).model_validate({**merged, "id": self.id})
        except ValidationError as error:
            field_name, message = explain(error, self.entity)[0]
            raise InvalidInput(message, field_name) from None

    def revised(self, previous: Self, reason: str, at: dt.datetime) -> Self:
        """This edit of `previous`, as saved at `at` with the `reason` a person gave. A kind
        that keeps a history of changes (a goal) adds to it here; the others are saved as
        they are."""
        return self


def explain(error: ValidationError, entity: str = "record") -> list[tuple[str, str]]:
    """Turn a pydantic error into (field, sentence) pairs a person can act on."""
    out: list[tuple[str, str]] = []
    for item in error.errors():
        loc = [str(part) for part in item.get("loc", ())]
        field = loc[0] if loc else ""
        # A nested error (ratings.0.level) is worded after its innermost field.
        named = next((part for part in reversed(loc) if not part.isdigit()), field)
        out.append((field, _sentence(named, item, entity)))
    return out


_FIELD_WORDS = {
    "title": "title",
    "name": "name",
    "text": "text",
    "due": "due date",
    "start": "start date",
    "date": "date",
    "on": "date",
    "level": "level",
    "target_level": "target level",
    "confidence": "confidence",
    "satisfaction": "satisfaction",
    "follow_up_days": "follow-up cadence",
    "hours": "hours",
}


def _sentence(field: str, item: Any, entity: str) -> str:
    kind = item.get("type", "")
    word = _FIELD_WORDS.get(field, field.replace("_", " ") or entity)
    ctx = item.get("ctx") or {}
    value = item.get("input")
    if kind == "string_too_short" and ctx.get("min_length") == 1:
        return f"the {entity} needs a {word}: type at least one character"
    if kind in (
        "date_from_datetime_parsing",
        "date_parsing",
        "date_type",
        "date_from_datetime_inexact",
    ):
        return f"{value!r} is not a date for the {word}: use YYYY-MM-DD, e.g. 2026-03-31"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        bound = ctx.get("ge", ctx.get("le", ctx.get("gt", ctx.get("lt"))))
        if field in ("level", "target_level", "confidence", "satisfaction"):
            return f"the {word} is {value!r}; use a whole number from 1 to 5"
        return f"the {word} {value!r} is out of range (limit {bound})"
    if kind == "int_parsing_size":
        # A whole number beyond 64 bits (a hand-edited 2**70 reads back from JSON as a
        # float): pydantic's own words ("Unable to parse input string...") say nothing.
        if field in ("level", "target_level", "confidence", "satisfaction"):
            return f"the {word} is {value!r}; use a whole number from 1 to 5"
        return f"the {word} {value!r} is out of range (far too large a number)"
    if kind == "enum":
        return f"{value!r} is not a valid {word}; choose one of {ctx.get('expected', '')}"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"the {word} must be a whole number, not {value!r}"
    if kind in ("float_parsing", "float_type"):
        return f"the {word} must be a number, not {value!r}"
    if kind == "finite_number":
        return (
            f"the {word} must be an ordinary number, not {value!r}: "
            "infinity and NaN cannot be stored; type a figure such as 12.5"
        )
    if kind in ("string_too_long", "too_long"):
        return f"the {word} is too long: keep it under {ctx.get('max_length')} characters"
    if kind == "missing":
        return f"the {entity} needs a {word}"
    if kind == "extra_forbidden":
        return f"{field!r} is not a field of a {entity}; remove it"
    msg = str(item.get("msg", "is not valid")).removeprefix("Value error, ")
    return msg if kind == "value_error" else f"the {word}: {msg}"
