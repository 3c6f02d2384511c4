"""`w` from anywhere: log a win, praise, lesson or feedback as it happens."""

from __future__ import annotations

from collections.abc import Iterator

from growthtui.domain.assessment import Skill
from growthtui.domain.evidence import Evidence, EvidenceKind
from growthtui.domain.goals import Goal
from growthtui.domain.people import Person
from growthtui.services import records
from growthtui.ui.screens.record_form import RecordForm
from growthtui.ui.widgets.form import FieldSpec, named


class EvidenceForm(RecordForm[Evidence]):
    """The brag document grows one line at a time, so reviews aren't written from memory."""

    MODEL = Evidence
    NEW = "Log a win (or praise, a lesson, feedback)"
    EDIT = "Edit evidence #{r.id} {r.text}"

    def __init__(self, evidence: Evidence | None = None, goal_id: int | None = None) -> None:
        super().__init__(evidence)
        self.goal_id = goal_id

    def specs(self) -> Iterator[FieldSpec]:
        e = self.original
        chosen = e.goal_ids if e else ([self.goal_id] if self.goal_id else [])
        # Open goals, and any goal it already speaks to (so editing keeps that link).
        goals = self.store.list(Goal, where=lambda g: g.is_open or g.id in chosen)
        happened = "e.g. Led the incident review for the March outage"
        yield FieldSpec("text", "What happened", placeholder=happened)
        yield FieldSpec.one_of("kind", "Kind", EvidenceKind.WIN)
        yield FieldSpec("date", "When", "date", required=True, what="date", default=self.today)
        yield FieldSpec.pick("goal_ids", "Goals it speaks to", goals, default=chosen)
        yield FieldSpec.pick("skill_ids", "Skills", self.store.list(Skill), named)
        yield FieldSpec.pick("person_ids", "People", self.store.list(Person), named)

    def save(self, record: Evidence) -> Evidence:
        stored: Evidence = records.save(self.store, record, base=self.original)
        if self.original is None:
            self.app.notify(f"logged: {stored.text} (u undoes)", timeout=3)
        return stored
