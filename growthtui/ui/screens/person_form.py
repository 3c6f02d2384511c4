"""The person editor: who they are, how you met, how often to stay in touch, and the goals
they help with."""

from __future__ import annotations

from collections.abc import Iterator

from growthtui.domain.goals import Goal
from growthtui.domain.kinds import Relation
from growthtui.domain.people import Person
from growthtui.ui.screens.record_form import RecordForm
from growthtui.ui.widgets.form import FieldSpec


class PersonForm(RecordForm[Person]):
    """New person (`original` None) or edit one; dismisses with the stored person."""

    MODEL = Person
    NEW = "New person"
    EDIT = "Edit #{r.id} {r.name}"

    def specs(self) -> Iterator[FieldSpec]:
        yield FieldSpec("name", "Name", placeholder="e.g. Priya Natarajan")
        yield FieldSpec.one_of("relation", "Relation", Relation.CONTACT)
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
        linked = set(self.original.goal_ids if self.original else [])
        goals = self.store.list(Goal, where=lambda g: g.is_open or g.id in linked)
        yield FieldSpec.pick("goal_ids", "Goals they help with", goals)
        yield FieldSpec("tags", "Tags", "tags", placeholder="comma separated")
        yield FieldSpec("notes", "Notes", "long")
