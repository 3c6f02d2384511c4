"""A strength, weakness, opportunity or threat: what it is and where it came from."""

from __future__ import annotations

from collections.abc import Iterator

from growthtui.domain.assessment import Source, Trait, TraitKind
from growthtui.ui.screens.record_form import RecordForm
from growthtui.ui.widgets.form import FieldSpec

KIND_HINTS = {
    TraitKind.STRENGTH: "e.g. Calm, methodical debugging of production incidents",
    TraitKind.WEAKNESS: "e.g. Public speaking to large groups",
    TraitKind.OPPORTUNITY: "e.g. The platform team is hiring a tech lead next year",
    TraitKind.THREAT: "e.g. On-call load leaves little time for deep work",
}


class TraitForm(RecordForm[Trait]):
    """New trait of `kind`, or edit `trait`. Dismisses with the stored trait."""

    MODEL = Trait
    NEW = "New {form.kind.value}"
    EDIT = "Edit {r.kind.value} #{r.id} {r.title}"

    def __init__(self, trait: Trait | None = None, kind: TraitKind = TraitKind.STRENGTH) -> None:
        self.kind = trait.kind if trait else kind
        super().__init__(trait)

    def specs(self) -> Iterator[FieldSpec]:
        shows = "what shows it: a result, a review, a rubric"
        yield FieldSpec("title", "What", placeholder=KIND_HINTS[self.kind])
        yield FieldSpec.one_of("kind", "Kind", self.kind)
        yield FieldSpec.one_of("source", "Where it came from", Source.SELF)
        yield FieldSpec("evidence", "Evidence", placeholder=shows)
        yield FieldSpec("notes", "Notes", "long")
