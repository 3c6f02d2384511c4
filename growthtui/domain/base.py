"""Shared pieces of the domain models: the record base class and text validation."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, ClassVar, Self

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from growthtui.domain.errors import InvalidRecord


def _strip(value: str) -> str:
    return value.strip()


def _required_text(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError("must not be empty")
    return value


Text = Annotated[str, AfterValidator(_strip)]
"""Free text, surrounding whitespace removed; may be empty."""

Title = Annotated[str, AfterValidator(_required_text), Field(max_length=500)]
"""A name or title a person types: required, stripped."""

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


Ids = Annotated[list[int], Field(default_factory=list)]
"""Links to other records by id; the store checks that they point somewhere."""


class Value(BaseModel):
    """A value kept inside a record (a rating, a measure, a decision): no id of its own."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Record(BaseModel):
    """A stored entity: `id` is None until the store assigns one."""

    # Frozen: the store hands out the records it caches, so nobody may change them in
    # place. Make a changed copy with `edit`.
    model_config = ConfigDict(extra="forbid", frozen=True)

    entity: ClassVar[str] = "record"
    """The word a person uses for this kind of record ("goal", "milestone")."""

    table: ClassVar[str] = "records"
    """The name of its table in the store and its list in a JSON export."""

    id: int | None = None

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
    if kind == "value_error" and "must not be empty" in str(item.get("msg", "")):
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
    if kind == "enum":
        return f"{value!r} is not a valid {word}; choose one of {ctx.get('expected', '')}"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"the {word} must be a whole number, not {value!r}"
    if kind in ("float_parsing", "float_type"):
        return f"the {word} must be a number, not {value!r}"
    if kind in ("string_too_long", "too_long"):
        return f"the {word} is too long: keep it under {ctx.get('max_length')} characters"
    if kind == "missing":
        return f"the {entity} needs a {word}"
    if kind == "extra_forbidden":
        return f"{field!r} is not a field of a {entity}; remove it"
    msg = str(item.get("msg", "is not valid")).removeprefix("Value error, ")
    return msg if kind == "value_error" else f"the {word}: {msg}"
