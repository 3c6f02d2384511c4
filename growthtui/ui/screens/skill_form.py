"""A skill in the inventory: name, category, target level, the weaknesses it is about."""

from __future__ import annotations

from collections.abc import Iterator

from growthtui.domain.assessment import Skill, SkillRating, Trait, TraitKind
from growthtui.ui.screens.record_form import RecordForm
from growthtui.ui.screens.skill_rating_form import LEVELS
from growthtui.ui.widgets.form import FieldSpec, titled


class SkillForm(RecordForm[Skill]):
    """New skill (with an optional first rating) or edit one; ratings are changed only by
    rating again (`r`), so the history stays as it was."""

    MODEL = Skill
    NEW = "New skill"
    EDIT = "Edit skill #{r.id} {r.name}"

    def specs(self) -> Iterator[FieldSpec]:
        linked = set(self.original.trait_ids if self.original else [])
        yield FieldSpec("name", "Skill", placeholder="e.g. System design")
        yield FieldSpec("category", "Category", placeholder="e.g. architecture")
        yield FieldSpec("target_level", "Target level", "choice", options=LEVELS, default=4)
        if self.original is None:
            later = "blank: rate later"
            yield FieldSpec("level", "Level now", "choice", options=LEVELS, blank="", hint=later)
        traits = self.store.list(
            Trait,
            where=lambda t: (not t.archived and t.kind is TraitKind.WEAKNESS) or t.id in linked,
        )
        yield FieldSpec.pick("trait_ids", "Weaknesses it works on", traits, titled)

    def build(self) -> Skill:
        data, errors = self.read()
        level = data.pop("level", None)
        if level is not None:
            data["ratings"] = [SkillRating(on=self.today, level=level)]
        return self.record(data, errors)  # type: ignore[no-any-return]
