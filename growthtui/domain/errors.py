"""Errors a person can cause, with messages written for that person."""

from __future__ import annotations


class GrowthError(Exception):
    """Base class: the message is one sentence that says what is wrong and what to do."""


class InvalidInput(GrowthError):
    """A value typed by a person does not fit (bad date, empty title, level out of range)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class InvalidRecord(InvalidInput):
    """Several fields of a record may be wrong at once: `errors` lists (field, sentence)."""

    def __init__(self, errors: list[tuple[str, str]]) -> None:
        field, message = errors[0] if errors else ("", "the record is not valid")
        super().__init__(message, field or None)
        self.errors = errors

    def by_field(self) -> dict[str, str]:
        """The first sentence for each field ('' for the record as a whole)."""
        out: dict[str, str] = {}
        for field, message in self.errors:
            out.setdefault(field, message)
        return out


_LISTED = {
    "goal": "list goals",
    "milestone": "list milestones",
    "person": "list people",
    "learning item": "list learning",
    "review": "list reviews",
}
"""The command that lists each kind of record with its ids (the others are in the export)."""


class NotFound(GrowthError):
    """An id that points nowhere."""

    def __init__(self, entity: str, record_id: int) -> None:
        listed = _LISTED.get(entity, "export --format json")
        super().__init__(
            f"there is no {entity} with id {record_id}; "
            f"list them with `growthtui {listed}` or open the app"
        )
        self.entity = entity
        self.record_id = record_id
