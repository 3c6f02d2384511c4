"""`w` from anywhere: log a win, praise, lesson or feedback as it happens."""

from __future__ import annotations

from collections.abc import Iterator

from growthtui.domain import Evidence, EvidenceKind, Goal, Person, Skill
from growthtui.services import records
from growthtui.ui.screens.record_form import RecordForm
from growthtui.ui.widgets.form import FieldSpec, enum_options


class EvidenceForm(RecordForm[Evidence]):
    """The brag document grows one line at a time, so reviews aren't written from memory."""

    MODEL = Evidence

    def __init__(self, evidence: Evidence | None = None, goal_id: int | None = None) -> None:
        super().__init__(
            f"Edit evidence #{evidence.id} {evidence.text}"
            if evidence
            else "Log a win (or praise, a lesson, feedback)",
            evidence,
        )
        self.goal_id = goal_id

    def specs(self) -> Iterator[FieldSpec]:
        e = self.original
        yield FieldSpec(
            "text", "What happened", placeholder="e.g. Led the incident review for the March outage"
        )
        yield FieldSpec(
            "kind", "Kind", "choice", options=enum_options(EvidenceKind), default=EvidenceKind.WIN
        )
        yield FieldSpec(
            "date",
            "When",
            "date",
            placeholder="YYYY-MM-DD",
            required=True,
            what="date",
            default=self.today,
        )
        chosen = e.goal_ids if e else ([self.goal_id] if self.goal_id else [])
        # Open goals, and any goal it already speaks to (so editing keeps that link).
        goals = self.store.list(Goal, where=lambda g: g.is_open or g.id in chosen)
        yield FieldSpec(
            "goal_ids",
            "Goals it speaks to",
            "ids",
            options=[(f"#{g.id} {g.title}", g.id or 0) for g in goals],
            hint="space picks",
            default=chosen,
        )
        yield FieldSpec(
            "skill_ids",
            "Skills",
            "ids",
            options=[(s.name, s.id or 0) for s in self.store.list(Skill)],
            hint="space picks",
        )
        yield FieldSpec(
            "person_ids",
            "People",
            "ids",
            options=[(p.name, p.id or 0) for p in self.store.list(Person)],
            hint="space picks",
        )

    def save(self, record: Evidence) -> Evidence:
        stored: Evidence = records.save(self.store, record, base=self.original)
        if self.original is None:
            self.app.notify(f"logged: {stored.text} (u undoes)", timeout=3)
        return stored
