"""The person editor: who they are, how you met, how often to stay in touch, and the goals
they help with."""

from __future__ import annotations

from collections.abc import Iterator

from growthtui.domain import Goal, Person, Relation
from growthtui.ui.screens.record_form import RecordForm
from growthtui.ui.widgets.form import FieldSpec, enum_options


class PersonForm(RecordForm[Person]):
    """New person (`person` None) or edit one; dismisses with the stored person."""

    MODEL = Person

    def __init__(self, person: Person | None = None) -> None:
        super().__init__(f"Edit #{person.id} {person.name}" if person else "New person", person)

    def specs(self) -> Iterator[FieldSpec]:
        p = self.original
        yield FieldSpec("name", "Name", placeholder="e.g. Priya Natarajan")
        yield FieldSpec(
            "relation",
            "Relation",
            "choice",
            options=enum_options(Relation),
            default=Relation.CONTACT,
        )
        yield FieldSpec("role", "Role", placeholder="e.g. Principal engineer")
        yield FieldSpec("organisation", "Organisation")
        yield FieldSpec("expertise", "Expertise", placeholder="what to ask them about")
        yield FieldSpec("how_met", "How you met", placeholder="where, through whom")
        yield FieldSpec(
            "follow_up_days",
            "Follow up every (days)",
            "days",
            placeholder="e.g. 21; empty: no rhythm",
            hint="any contact restarts it",
            default=self.store.profile().follow_up_days,
        )
        yield FieldSpec(
            "max_gap_days",
            "Longest gap (days)",
            "days",
            placeholder="empty: twice the rhythm",
            hint="past it: losing touch",
        )
        linked = set(p.goal_ids if p else [])
        goals = self.store.list(Goal, where=lambda g: g.is_open or g.id in linked)
        yield FieldSpec(
            "goal_ids",
            "Goals they help with",
            "ids",
            options=[(f"#{g.id} {g.title}", g.id or 0) for g in goals],
            hint="space ticks",
        )
        yield FieldSpec("tags", "Tags", "tags", placeholder="comma separated")
        yield FieldSpec("notes", "Notes", "long")
