"""A strength, weakness, opportunity or threat: what it is and where it came from."""

from __future__ import annotations

from collections.abc import Iterator

from growthtui.domain import Source, Trait, TraitKind
from growthtui.ui.screens.record_form import RecordForm
from growthtui.ui.widgets.form import FormField, choice, long_text, text_input

KIND_HINTS = {
    TraitKind.STRENGTH: "e.g. Calm, methodical debugging of production incidents",
    TraitKind.WEAKNESS: "e.g. Public speaking to large groups",
    TraitKind.OPPORTUNITY: "e.g. The platform team is hiring a tech lead next year",
    TraitKind.THREAT: "e.g. On-call load leaves little time for deep work",
}


class TraitForm(RecordForm[Trait]):
    """New trait of `kind`, or edit `trait`. Dismisses with the stored trait."""

    def __init__(self, trait: Trait | None = None, kind: TraitKind = TraitKind.STRENGTH) -> None:
        self.original = trait
        self.kind = trait.kind if trait else kind
        super().__init__(
            f"Edit {self.kind.value} #{trait.id} {trait.title}"
            if trait
            else f"New {self.kind.value}"
        )

    def fields(self) -> Iterator[FormField]:
        t = self.original
        yield FormField("title", "What", text_input(t.title if t else "", KIND_HINTS[self.kind]))
        yield FormField(
            "kind", "Kind", choice([(k.value, k.value) for k in TraitKind], self.kind.value)
        )
        yield FormField(
            "source",
            "Where it came from",
            choice([(s.value, s.value) for s in Source], (t.source if t else Source.SELF).value),
        )
        yield FormField(
            "evidence",
            "Evidence",
            text_input(t.evidence if t else "", "what shows it: a result, a review, a rubric"),
        )
        yield FormField("notes", "Notes", long_text(t.notes if t else ""))

    def build(self) -> Trait:
        v = self.values()
        data = {
            "title": v["title"],
            "kind": v["kind"],
            "source": v["source"],
            "evidence": v["evidence"],
            "notes": v["notes"],
        }
        if self.original is not None:
            return self.original.edit(**data)
        return Trait.build(**data)

    def save(self, record: Trait) -> Trait:
        if self.original is None:
            return self.store.add(record)
        return self.store.update(record, base=self.original)
