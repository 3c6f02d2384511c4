"""The learning item editor: what, from whom, where it stands, when, how long, and which
skills, goals and weaknesses it serves."""

from __future__ import annotations

from collections.abc import Iterator

from growthtui.domain.assessment import Skill, Trait, TraitKind
from growthtui.domain.goals import Goal
from growthtui.domain.learning import LearningItem, LearningKind, LearningStatus
from growthtui.ui.screens.record_form import RecordForm
from growthtui.ui.widgets.form import FieldSpec, named, titled


class LearningForm(RecordForm[LearningItem]):
    """New learning item (`original` None) or edit one; dismisses with the stored item."""

    MODEL = LearningItem
    NEW = "New learning item"
    EDIT = "Edit #{r.id} {r.title}"

    def specs(self) -> Iterator[FieldSpec]:
        item = self.original
        goals, traits = set(item.goal_ids if item else []), set(item.trait_ids if item else [])
        yield FieldSpec("title", "Title", placeholder="e.g. Designing Data-Intensive Applications")
        yield FieldSpec.one_of("kind", "Kind", LearningKind.COURSE)
        yield FieldSpec("provider", "Provider", placeholder="who offers it: a school, an author")
        yield FieldSpec.one_of("status", "Status", LearningStatus.PLANNED)
        yield FieldSpec("start", "Start", "date", "YYYY-MM-DD (or today)", what="start date")
        yield FieldSpec("due", "Due", "date", "YYYY-MM-DD (or +2w, +3m)", what="due date")
        done = "set when done (empty: today)"
        yield FieldSpec("completed", "Completed", "date", done, what="completed date")
        yield FieldSpec("hours", "Hours", "number", "spent, or planned", empty=0.0)
        yield FieldSpec.pick("skill_ids", "Skills it builds", self.store.list(Skill), named)
        yield FieldSpec.pick(
            "goal_ids",
            "Goals it serves",
            self.store.list(Goal, where=lambda g: g.is_open or g.id in goals),
        )
        yield FieldSpec.pick(
            "trait_ids",
            "Weaknesses it addresses",
            self.store.list(
                Trait,
                where=lambda t: (t.kind is TraitKind.WEAKNESS and not t.archived) or t.id in traits,
            ),
            titled,
        )
        yield FieldSpec("notes", "Notes", "long")

    def build(self) -> LearningItem:
        data, errors = self.read()
        if data["status"] == LearningStatus.DONE.value and "completed" not in errors:
            # Done without a date would count its hours on the wrong day: done means today.
            data["completed"] = data["completed"] or self.today
        return self.record(data, errors)  # type: ignore[no-any-return]
