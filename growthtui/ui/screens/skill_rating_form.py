"""`r` on a skill: rate it now. A rating is added to the skill's history, never overwritten,
so the trend shows how the skill grew."""

from __future__ import annotations

from collections.abc import Iterator

from growthtui.domain.assessment import Skill, SkillRating, Source
from growthtui.domain.errors import InvalidRecord
from growthtui.services import records
from growthtui.ui.screens.record_form import RecordForm
from growthtui.ui.widgets.form import FieldSpec

LEVEL_WORDS = {
    1: "1 — novice: needs step-by-step help",
    2: "2 — advanced beginner: does routine work",
    3: "3 — competent: works alone on most of it",
    4: "4 — proficient: others come to you",
    5: "5 — expert: shapes how others do it",
}
"""Levels described so a rating means the same thing every time (after Dreyfus)."""
LEVELS = [(words, level) for level, words in LEVEL_WORDS.items()]
"""The options of a choice of level."""


class RateSkillForm(RecordForm[Skill]):
    """Rate a skill on a date; dismisses with the skill, its new rating appended."""

    NEW = "Rate skill #{form.skill.id} {form.skill.name}"

    def __init__(self, skill: Skill) -> None:
        self.skill = skill
        super().__init__()

    def specs(self) -> Iterator[FieldSpec]:
        now, target = self.skill.level or 3, f"target {self.skill.target_level}"
        yield FieldSpec("level", "Level now", "choice", options=LEVELS, default=now, hint=target)
        yield FieldSpec.one_of("source", "Who says so", Source.SELF)
        yield FieldSpec("note", "Note", placeholder="what tells you it is this level")
        yield FieldSpec("on", "Date", "date", required=True, default=self.today)

    def build(self) -> SkillRating:
        data, errors = self.read()
        try:
            rating = SkillRating.model_validate({"on": self.today, **data})
        except ValueError:
            errors.setdefault("level", "pick a level from 1 to 5")
        if errors:
            raise InvalidRecord(list(errors.items()))
        return rating

    def save(self, record: SkillRating) -> Skill:
        # Append to what the store holds now, so a rating added meanwhile is kept too.
        latest = self.store.find(Skill, self.skill.id) or self.skill
        return records.save(self.store, latest.edit(ratings=[*latest.ratings, record]), base=latest)
