"""`w` from anywhere: log a win, praise, lesson or feedback as it happens."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from growthtui.domain import Evidence, EvidenceKind, Goal, Person, Skill
from growthtui.domain.dates import parse_date
from growthtui.domain.errors import InvalidInput
from growthtui.ui.screens.record_form import RecordForm, build_checked
from growthtui.ui.widgets.form import FormField, choice, multi_choice, text_input


class EvidenceForm(RecordForm[Evidence]):
    """The brag document grows one line at a time, so reviews aren't written from memory."""

    def __init__(self, evidence: Evidence | None = None, goal_id: int | None = None) -> None:
        super().__init__(
            f"Edit evidence #{evidence.id} {evidence.text}"
            if evidence
            else "Log a win (or praise, a lesson, feedback)"
        )
        self.original = evidence
        self.goal_id = goal_id

    def fields(self) -> Iterator[FormField]:
        e = self.original
        yield FormField(
            "text",
            "What happened",
            text_input(e.text if e else "", "e.g. Led the incident review for the March outage"),
        )
        yield FormField(
            "kind",
            "Kind",
            choice(
                [(k.value, k.value) for k in EvidenceKind],
                (e.kind if e else EvidenceKind.WIN).value,
            ),
        )
        yield FormField(
            "date", "When", text_input((e.date if e else self.today).isoformat(), "YYYY-MM-DD")
        )
        chosen = e.goal_ids if e else ([self.goal_id] if self.goal_id else [])
        # Open goals, and any goal it already speaks to (so editing keeps that link).
        goals = [
            (f"#{g.id} {g.title}", g.id or 0)
            for g in self.store.list(Goal, where=lambda g: g.is_open or g.id in chosen)
        ]
        if goals:
            yield FormField(
                "goal_ids", "Goals it speaks to", multi_choice(goals, chosen), "space picks"
            )
        skills = [(s.name, s.id or 0) for s in self.store.list(Skill)]
        if skills:
            yield FormField(
                "skill_ids", "Skills", multi_choice(skills, e.skill_ids if e else []), "space picks"
            )
        people = [(p.name, p.id or 0) for p in self.store.list(Person)]
        if people:
            yield FormField(
                "person_ids",
                "People",
                multi_choice(people, e.person_ids if e else []),
                "space picks",
            )

    def build(self) -> Evidence:
        v = self.values()
        e = self.original
        data: dict[str, Any] = {
            "text": v["text"],
            "kind": v["kind"],
            "goal_ids": v.get("goal_ids", e.goal_ids if e else []),
            "skill_ids": v.get("skill_ids", e.skill_ids if e else []),
            "person_ids": v.get("person_ids", e.person_ids if e else []),
        }
        if self.original is not None:
            data["id"] = self.original.id
        errors: dict[str, str] = {}
        try:
            data["date"] = parse_date(v["date"], self.today, "date")
        except InvalidInput as error:
            errors["date"] = str(error)
            data["date"] = self.today
        return build_checked(Evidence, data, errors)  # type: ignore[no-any-return]

    def save(self, record: Evidence) -> Evidence:
        if self.original is None:
            stored = self.store.add(record)
            self.app.notify(f"logged: {stored.text} (u undoes)", timeout=3)
            return stored
        return self.store.update(record, base=self.original)
