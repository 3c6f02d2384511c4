"""Editing a goal: the fields that keep a history change only with a reason for it.

The goal's history (domain.goals.TRACKED_FIELDS: title, what exactly, measure, due date,
horizon, status) is what the next review reads: "why did this slip?". So a change to one
of those fields needs a reason, as the app's editor asks for one; the other fields change
without.
"""

from __future__ import annotations

from typing import Any

from growthtui.domain.errors import InvalidInput
from growthtui.domain.goals import TRACKED_FIELDS, Goal
from growthtui.services.records import save
from growthtui.store.repository import Store

FIELD_WORDS = {"specific": "what exactly", "due": "due date"}
"""How a field is named in a sentence, when not by its own name."""


def tracked_changes(goal: Goal, edited: Goal) -> list[str]:
    """The fields that keep a history and differ between `goal` and `edited`."""
    return [name for name in TRACKED_FIELDS if getattr(goal, name) != getattr(edited, name)]


def edit_goal(store: Store, goal_id: int, changes: dict[str, Any], reason: str = "") -> Goal:
    """Apply `changes` (field → new value) to goal `goal_id` and save it, `reason` going
    into its history. InvalidInput (field "reason") when a field that keeps a history
    changes and `reason` is blank; InvalidRecord when a value does not fit; NotFound for
    an id that points nowhere. Nothing is written when refused. A change to nothing
    saves nothing and returns the goal as it is."""
    goal = store.get(Goal, goal_id)
    edited = goal.edit(**changes)
    changed = tracked_changes(goal, edited)
    if changed and not reason.strip():
        words = ", ".join(FIELD_WORDS.get(name, name) for name in changed)
        raise InvalidInput(
            f"changing the {words} of goal {goal_id} needs a reason, for its history",
            "reason",
        )
    if edited == goal:
        return goal
    return save(store, edited, base=goal, reason=reason.strip())
