"""`r` on a skill: rate it now. A rating is added to the skill's history, never overwritten,
so the trend shows how the skill grew."""

from __future__ import annotations

from collections.abc import Iterator

from growthtui.domain import InvalidRecord, Skill, SkillRating, Source
from growthtui.domain.dates import parse_date
from growthtui.domain.errors import InvalidInput
from growthtui.ui.screens.record_form import RecordForm
from growthtui.ui.widgets.form import FormField, choice, text_input

LEVEL_WORDS = {
    1: "1 — novice: needs step-by-step help",
    2: "2 — advanced beginner: does routine work",
    3: "3 — competent: works alone on most of it",
    4: "4 — proficient: others come to you",
    5: "5 — expert: shapes how others do it",
}
"""Levels described so a rating means the same thing every time (after Dreyfus)."""


class RateSkillForm(RecordForm[Skill]):
    """Rate a skill on a date; dismisses with the skill, its new rating appended."""

    def __init__(self, skill: Skill) -> None:
        super().__init__(f"Rate skill #{skill.id} {skill.name}")
        self.skill = skill

    def fields(self) -> Iterator[FormField]:
        current = self.skill.level or 3
        yield FormField(
            "level",
            "Level now",
            choice([(words, level) for level, words in LEVEL_WORDS.items()], current),
            f"target {self.skill.target_level}",
        )
        yield FormField(
            "source", "Who says so", choice([(s.value, s.value) for s in Source], Source.SELF.value)
        )
        yield FormField("note", "Note", text_input("", "what tells you it is this level"))
        yield FormField("on", "Date", text_input(self.today.isoformat(), "YYYY-MM-DD"))

    def build(self) -> SkillRating:
        v = self.values()
        errors: dict[str, str] = {}
        try:
            on = parse_date(v["on"], self.today, "date")
        except InvalidInput as error:
            errors["on"] = str(error)
            on = self.today
        try:
            rating = SkillRating.model_validate(
                {"on": on, "level": v["level"], "source": v["source"], "note": v["note"]}
            )
        except ValueError:
            errors.setdefault("level", "pick a level from 1 to 5")
            raise InvalidRecord(list(errors.items())) from None
        if errors:
            raise InvalidRecord(list(errors.items()))
        return rating

    def save(self, record: SkillRating) -> Skill:
        # Append to what the store holds now, so a rating added meanwhile is kept too.
        latest = self.store.find(Skill, self.skill.id) or self.skill
        return self.store.update(latest.edit(ratings=[*latest.ratings, record]), base=latest)
