"""A skill in the inventory: name, category, target level, the weaknesses it is about."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from growthtui.domain import Skill, SkillRating, Trait, TraitKind
from growthtui.ui.screens.record_form import RecordForm
from growthtui.ui.screens.skill_rating_form import LEVEL_WORDS
from growthtui.ui.widgets.form import FormField, choice, multi_choice, text_input


class SkillForm(RecordForm[Skill]):
    """New skill (with an optional first rating) or edit one; ratings are changed only by
    rating again (`r`), so the history stays as it was."""

    def __init__(self, skill: Skill | None = None) -> None:
        super().__init__(f"Edit skill #{skill.id} {skill.name}" if skill else "New skill")
        self.original = skill

    def fields(self) -> Iterator[FormField]:
        s = self.original
        yield FormField("name", "Skill", text_input(s.name if s else "", "e.g. System design"))
        yield FormField(
            "category", "Category", text_input(s.category if s else "", "e.g. architecture")
        )
        levels = [(words, level) for level, words in LEVEL_WORDS.items()]
        yield FormField("target_level", "Target level", choice(levels, s.target_level if s else 4))
        if s is None:
            yield FormField(
                "level", "Level now", choice(levels, None, allow_blank=True), "blank: rate later"
            )
        traits = self.store.list(
            Trait,
            where=lambda t: (
                (not t.archived and t.kind is TraitKind.WEAKNESS)
                or (s is not None and t.id in s.trait_ids)
            ),
        )
        if traits:
            yield FormField(
                "trait_ids",
                "Weaknesses it works on",
                multi_choice([(t.title, t.id or 0) for t in traits], s.trait_ids if s else []),
                "space picks",
            )

    def build(self) -> Skill:
        v = self.values()
        data: dict[str, Any] = {
            "name": v["name"],
            "category": v["category"],
            "target_level": v["target_level"],
            "trait_ids": v.get("trait_ids", self.original.trait_ids if self.original else []),
        }
        if self.original is not None:
            return self.original.edit(**data)
        if v.get("level") is not None:
            data["ratings"] = [SkillRating(on=self.today, level=v["level"])]
        return Skill.build(**data)

    def save(self, record: Skill) -> Skill:
        if self.original is None:
            return self.store.add(record)
        return self.store.update(record, base=self.original)
