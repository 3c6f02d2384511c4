"""A strength, weakness, opportunity or threat: what it is and where it came from."""

from __future__ import annotations

from collections.abc import Iterator

from growthtui.domain import Source, Trait, TraitKind
from growthtui.ui.screens.record_form import RecordForm
from growthtui.ui.widgets.form import FieldSpec, enum_options

KIND_HINTS = {
    TraitKind.STRENGTH: "e.g. Calm, methodical debugging of production incidents",
    TraitKind.WEAKNESS: "e.g. Public speaking to large groups",
    TraitKind.OPPORTUNITY: "e.g. The platform team is hiring a tech lead next year",
    TraitKind.THREAT: "e.g. On-call load leaves little time for deep work",
}


class TraitForm(RecordForm[Trait]):
    """New trait of `kind`, or edit `trait`. Dismisses with the stored trait."""

    MODEL = Trait

    def __init__(self, trait: Trait | None = None, kind: TraitKind = TraitKind.STRENGTH) -> None:
        self.kind = trait.kind if trait else kind
        heading = f"Edit {self.kind.value} #{trait.id} {trait.title}" if trait else None
        super().__init__(heading or f"New {self.kind.value}", trait)

    def specs(self) -> Iterator[FieldSpec]:
        yield FieldSpec("title", "What", placeholder=KIND_HINTS[self.kind])
        yield FieldSpec(
            "kind", "Kind", "choice", options=enum_options(TraitKind), default=self.kind
        )
        yield FieldSpec(
            "source",
            "Where it came from",
            "choice",
            options=enum_options(Source),
            default=Source.SELF,
        )
        yield FieldSpec(
            "evidence", "Evidence", placeholder="what shows it: a result, a review, a rubric"
        )
        yield FieldSpec("notes", "Notes", "long")
