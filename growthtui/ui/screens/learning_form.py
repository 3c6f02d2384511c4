"""The learning item editor: what, from whom, where it stands, when, how long, and which
skills, goals and weaknesses it serves."""

from __future__ import annotations

from collections.abc import Iterator

from growthtui.domain import (
    Goal,
    LearningItem,
    LearningKind,
    LearningStatus,
    Skill,
    Trait,
    TraitKind,
)
from growthtui.ui.screens.record_form import RecordForm
from growthtui.ui.widgets.form import FieldSpec, enum_options


class LearningForm(RecordForm[LearningItem]):
    """New learning item (`item` None) or edit one; dismisses with the stored item."""

    MODEL = LearningItem

    def __init__(self, item: LearningItem | None = None) -> None:
        super().__init__(f"Edit #{item.id} {item.title}" if item else "New learning item", item)

    def specs(self) -> Iterator[FieldSpec]:
        item = self.original
        yield FieldSpec("title", "Title", placeholder="e.g. Designing Data-Intensive Applications")
        yield FieldSpec(
            "kind",
            "Kind",
            "choice",
            options=enum_options(LearningKind),
            default=LearningKind.COURSE,
        )
        yield FieldSpec("provider", "Provider", placeholder="who offers it: a school, an author")
        yield FieldSpec(
            "status",
            "Status",
            "choice",
            options=enum_options(LearningStatus),
            default=LearningStatus.PLANNED,
        )
        yield FieldSpec(
            "start", "Start", "date", placeholder="YYYY-MM-DD (or today)", what="start date"
        )
        yield FieldSpec(
            "due", "Due", "date", placeholder="YYYY-MM-DD (or +2w, +3m)", what="due date"
        )
        yield FieldSpec(
            "completed",
            "Completed",
            "date",
            placeholder="set when done (empty: today)",
            what="completed date",
        )
        yield FieldSpec("hours", "Hours", "number", placeholder="spent, or planned", empty=0.0)
        yield FieldSpec(
            "skill_ids",
            "Skills it builds",
            "ids",
            options=[(s.name, s.id or 0) for s in self.store.list(Skill)],
            hint="space ticks",
        )
        linked_goals = set(item.goal_ids if item else [])
        goals = self.store.list(Goal, where=lambda g: g.is_open or g.id in linked_goals)
        yield FieldSpec(
            "goal_ids",
            "Goals it serves",
            "ids",
            options=[(f"#{g.id} {g.title}", g.id or 0) for g in goals],
            hint="space ticks",
        )
        linked_traits = set(item.trait_ids if item else [])
        traits = self.store.list(
            Trait,
            where=lambda t: (
                (t.kind is TraitKind.WEAKNESS and not t.archived) or t.id in linked_traits
            ),
        )
        yield FieldSpec(
            "trait_ids",
            "Weaknesses it addresses",
            "ids",
            options=[(t.title, t.id or 0) for t in traits],
            hint="space ticks",
        )
        yield FieldSpec("notes", "Notes", "long")

    def build(self) -> LearningItem:
        data, errors = self.read()
        if data["status"] == LearningStatus.DONE.value and "completed" not in errors:
            # Done without a date would count its hours on the wrong day: done means today.
            data["completed"] = data["completed"] or self.today
        return self.record(data, errors)  # type: ignore[no-any-return]
