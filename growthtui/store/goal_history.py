"""A goal's change history: tracked fields that changed, each with the reason given."""

from __future__ import annotations

import datetime as dt
from typing import Any

from growthtui.domain import TRACKED_FIELDS, Goal, GoalChange, Measure


def describe_value(value: Any) -> str:
    """A field's value as a person reads it in the history."""
    if value is None:
        return ""
    if isinstance(value, Measure):
        if not value.is_set:
            return value.metric
        unit = f" {value.unit}" if value.unit else ""
        start = f"{value.baseline:g} → " if value.baseline is not None else ""
        return f"{value.metric}: {start}{value.target:g}{unit}"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(getattr(value, "value", value))


def with_history(current: Goal, edited: Goal, reason: str, at: dt.datetime) -> Goal:
    """`edited` with one history entry per tracked field that differs from `current`."""
    entries = list(edited.history)
    for name in TRACKED_FIELDS:
        before, after = getattr(current, name), getattr(edited, name)
        if before != after:
            entries.append(
                GoalChange(
                    at=at,
                    field=name,
                    old=describe_value(before),
                    new=describe_value(after),
                    reason=reason.strip(),
                )
            )
    if len(entries) == len(edited.history):
        return edited
    return edited.model_copy(update={"history": entries})
