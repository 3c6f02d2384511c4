"""The person editor: who they are, how you met, how often to stay in touch, and the goals
they help with."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from growthtui.domain import Goal, Person, Relation
from growthtui.domain.errors import InvalidInput
from growthtui.ui.screens.record_form import RecordForm, build_checked
from growthtui.ui.widgets.form import FormField, choice, long_text, multi_choice, text_input


def parse_days(text: str, field: str) -> int | None:
    """A whole number of days, or None when left empty."""
    text = text.strip()
    if not text:
        return None
    if not text.isascii() or not text.isdigit():
        raise InvalidInput(
            f"{text!r} is not a number of days: type a whole number like 21, or leave it empty",
            field,
        )
    return int(text)


class PersonForm(RecordForm[Person]):
    """New person (`person` None) or edit one; dismisses with the stored person."""

    def __init__(self, person: Person | None = None) -> None:
        super().__init__(f"Edit #{person.id} {person.name}" if person else "New person")
        self.original = person

    def fields(self) -> Iterator[FormField]:
        p = self.original
        yield FormField("name", "Name", text_input(p.name if p else "", "e.g. Priya Natarajan"))
        yield FormField(
            "relation",
            "Relation",
            choice(
                [(r.value, r.value) for r in Relation],
                (p.relation if p else Relation.CONTACT).value,
            ),
        )
        yield FormField("role", "Role", text_input(p.role if p else "", "e.g. Principal engineer"))
        yield FormField("organisation", "Organisation", text_input(p.organisation if p else ""))
        yield FormField(
            "expertise",
            "Expertise",
            text_input(p.expertise if p else "", "what to ask them about"),
        )
        yield FormField(
            "how_met", "How you met", text_input(p.how_met if p else "", "where, through whom")
        )
        yield FormField(
            "follow_up_days",
            "Follow up every (days)",
            text_input(
                str(p.follow_up_days or "") if p else str(self.store.profile().follow_up_days),
                "e.g. 21; empty: no rhythm",
            ),
            "any contact restarts it",
        )
        yield FormField(
            "max_gap_days",
            "Longest gap (days)",
            text_input(str(p.max_gap_days or "") if p else "", "empty: twice the rhythm"),
            "past it: losing touch",
        )
        linked = set(p.goal_ids if p else [])
        goals = [
            (f"#{g.id} {g.title}", g.id or 0)
            for g in self.store.list(Goal, where=lambda g: g.is_open or g.id in linked)
        ]
        yield FormField(
            "goal_ids", "Goals they help with", multi_choice(goals, linked), "space ticks"
        )
        yield FormField(
            "tags", "Tags", text_input(", ".join(p.tags) if p else "", "comma separated")
        )
        yield FormField("notes", "Notes", long_text(p.notes if p else ""))

    def build(self) -> Person:
        v = self.values()
        errors: dict[str, str] = {}
        data: dict[str, Any] = {
            "name": v["name"],
            "relation": v["relation"],
            "role": v["role"],
            "organisation": v["organisation"],
            "expertise": v["expertise"],
            "how_met": v["how_met"],
            "goal_ids": v["goal_ids"],
            "tags": [t.strip() for t in v["tags"].split(",") if t.strip()],
            "notes": v["notes"],
        }
        if self.original is not None:
            data["id"] = self.original.id
        for name in ("follow_up_days", "max_gap_days"):
            try:
                data[name] = parse_days(v[name], name)
            except InvalidInput as error:
                errors[name] = str(error)
        return build_checked(Person, data, errors)  # type: ignore[no-any-return]

    def save(self, record: Person) -> Person:
        if self.original is None:
            return self.store.add(record)
        return self.store.update(record, base=self.original)
