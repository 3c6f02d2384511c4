"""Counts in plain English: "1 open goal", "3 people", "no milestones"."""

from __future__ import annotations

IRREGULAR = {"person": "people", "everyone": "everyone", "this": "these"}


def plural(noun: str) -> str:
    """The plural of `noun` (its last word: "open goal" → "open goals")."""
    head, space, last = noun.rpartition(" ")
    lower = last.lower()
    if lower in IRREGULAR:
        word = IRREGULAR[lower]
    elif lower.endswith("y") and lower[-2:-1] not in ("a", "e", "i", "o", "u", ""):
        word = last[:-1] + "ies"
    elif lower.endswith(("s", "x", "z", "ch", "sh")):
        word = last + "es"
    else:
        word = last + "s"
    return f"{head}{space}{word}"


def counted(count: int, noun: str, many: str | None = None) -> str:
    """`count` and `noun`, the noun in the plural unless the count is one: "1 open goal",
    "2 open goals", "0 people". `many` gives an irregular plural."""
    return f"{count} {noun if count == 1 else many or plural(noun)}"
