"""The learning item editor: what, from whom, where it stands, when, how long, and which
skills, goals and weaknesses it serves."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from growthtui.domain import (
    Goal,
    LearningItem,
    LearningKind,
    LearningStatus,
    Skill,
    Trait,
    TraitKind,
)
from growthtui.domain.dates import parse_optional_date
from growthtui.domain.errors import InvalidInput
from growthtui.ui.screens.goal_form import parse_number
from growthtui.ui.screens.record_form import RecordForm, build_checked
from growthtui.ui.widgets.form import (
    FormField,
    choice,
    long_text,
    multi_choice,
    number_text,
    text_input,
)


class LearningForm(RecordForm[LearningItem]):
    """New learning item (`item` None) or edit one; dismisses with the stored item."""

    def __init__(self, item: LearningItem | None = None) -> None:
        super().__init__(f"Edit #{item.id} {item.title}" if item else "New learning item")
        self.original = item

    def _date(self, name: str) -> str:
        day = getattr(self.original, name) if self.original else None
        return day.isoformat() if day else ""

    def fields(self) -> Iterator[FormField]:
        item = self.original
        yield FormField(
            "title",
            "Title",
            text_input(item.title if item else "", "e.g. Designing Data-Intensive Applications"),
        )
        yield FormField(
            "kind",
            "Kind",
            choice(
                [(k.value, k.value) for k in LearningKind],
                (item.kind if item else LearningKind.COURSE).value,
            ),
        )
        yield FormField(
            "provider",
            "Provider",
            text_input(item.provider if item else "", "who offers it: a school, an author"),
        )
        yield FormField(
            "status",
            "Status",
            choice(
                [(s.value, s.value) for s in LearningStatus],
                (item.status if item else LearningStatus.PLANNED).value,
            ),
        )
        yield FormField("start", "Start", text_input(self._date("start"), "YYYY-MM-DD (or today)"))
        yield FormField("due", "Due", text_input(self._date("due"), "YYYY-MM-DD (or +2w, +3m)"))
        yield FormField(
            "completed",
            "Completed",
            text_input(self._date("completed"), "set when done (empty: today)"),
        )
        yield FormField(
            "hours",
            "Hours",
            text_input(number_text(item.hours) if item else "", "spent, or planned"),
        )
        skills = [(s.name, s.id or 0) for s in self.store.list(Skill)]
        yield FormField(
            "skill_ids",
            "Skills it builds",
            multi_choice(skills, item.skill_ids if item else []),
            "space ticks",
        )
        linked_goals = set(item.goal_ids if item else [])
        goals = [
            (f"#{g.id} {g.title}", g.id or 0)
            for g in self.store.list(Goal, where=lambda g: g.is_open or g.id in linked_goals)
        ]
        yield FormField(
            "goal_ids", "Goals it serves", multi_choice(goals, linked_goals), "space ticks"
        )
        linked_traits = set(item.trait_ids if item else [])
        traits = [
            (t.title, t.id or 0)
            for t in self.store.list(
                Trait,
                where=lambda t: (
                    (t.kind is TraitKind.WEAKNESS and not t.archived) or t.id in linked_traits
                ),
            )
        ]
        yield FormField(
            "trait_ids",
            "Weaknesses it addresses",
            multi_choice(traits, linked_traits),
            "space ticks",
        )
        yield FormField("notes", "Notes", long_text(item.notes if item else ""))

    def build(self) -> LearningItem:
        v = self.values()
        errors: dict[str, str] = {}
        data: dict[str, Any] = {
            "title": v["title"],
            "kind": v["kind"],
            "provider": v["provider"],
            "status": v["status"],
            "skill_ids": v["skill_ids"],
            "goal_ids": v["goal_ids"],
            "trait_ids": v["trait_ids"],
            "notes": v["notes"],
        }
        if self.original is not None:
            data["id"] = self.original.id
        for name, label in (
            ("start", "start date"),
            ("due", "due date"),
            ("completed", "completed date"),
        ):
            try:
                data[name] = parse_optional_date(v[name], self.today, label)
            except InvalidInput as error:
                errors[name] = str(error)
        if v["status"] == LearningStatus.DONE.value and data.get("completed") is None:
            # Done without a date would count its hours on the wrong day: done means today.
            data["completed"] = self.today if "completed" not in errors else None
        try:
            data["hours"] = parse_number(v["hours"], "hours", "hours") or 0.0
        except InvalidInput as error:
            errors["hours"] = str(error)
        return build_checked(LearningItem, data, errors)  # type: ignore[no-any-return]

    def save(self, record: LearningItem) -> LearningItem:
        if self.original is None:
            return self.store.add(record)
        return self.store.update(record, base=self.original)
