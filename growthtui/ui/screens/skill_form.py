"""A skill in the inventory: name, category, target level, the weaknesses it is about."""

from __future__ import annotations

from collections.abc import Iterator

from growthtui.domain import Skill, SkillRating, Trait, TraitKind
from growthtui.ui.screens.record_form import RecordForm
from growthtui.ui.screens.skill_rating_form import LEVELS
from growthtui.ui.widgets.form import FieldSpec


class SkillForm(RecordForm[Skill]):
    """New skill (with an optional first rating) or edit one; ratings are changed only by
    rating again (`r`), so the history stays as it was."""

    MODEL = Skill

    def __init__(self, skill: Skill | None = None) -> None:
        super().__init__(f"Edit skill #{skill.id} {skill.name}" if skill else "New skill", skill)

    def specs(self) -> Iterator[FieldSpec]:
        s = self.original
        yield FieldSpec("name", "Skill", placeholder="e.g. System design")
        yield FieldSpec("category", "Category", placeholder="e.g. architecture")
        yield FieldSpec("target_level", "Target level", "choice", options=LEVELS, default=4)
        if s is None:
            yield FieldSpec(
                "level", "Level now", "choice", options=LEVELS, blank="", hint="blank: rate later"
            )
        traits = self.store.list(
            Trait,
            where=lambda t: (
                (not t.archived and t.kind is TraitKind.WEAKNESS)
                or (s is not None and t.id in s.trait_ids)
            ),
        )
        yield FieldSpec(
            "trait_ids",
            "Weaknesses it works on",
            "ids",
            options=[(t.title, t.id or 0) for t in traits],
            hint="space picks",
        )

    def build(self) -> Skill:
        data, errors = self.read()
        level = data.pop("level", None)
        if level is not None:
            data["ratings"] = [SkillRating(on=self.today, level=level)]
        return self.record(data, errors)  # type: ignore[no-any-return]
