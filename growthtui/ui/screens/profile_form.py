"""The profile: who you are, where you are heading, how often you review."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from growthtui.domain import Cadence, Profile
from growthtui.ui.screens.record_form import RecordForm
from growthtui.ui.widgets.form import FormField, choice, long_text, text_input


class ProfileForm(RecordForm[Profile]):
    def __init__(self) -> None:
        super().__init__("Your profile")

    def fields(self) -> Iterator[FormField]:
        p = self.store.profile()
        yield FormField("name", "Name", text_input(p.name, "your name"))
        yield FormField("role", "Current role", text_input(p.role, "e.g. Senior backend engineer"))
        yield FormField(
            "vision",
            "Vision",
            long_text(p.vision, "the long-term aspiration (5–10 years) your goals serve"),
        )
        yield FormField(
            "review_cadence",
            "Review every",
            choice([(c.value, c.value) for c in Cadence], p.review_cadence.value),
        )
        yield FormField(
            "follow_up_days",
            "Follow-up rhythm for new people (days)",
            text_input(str(p.follow_up_days), "filled in for each new person"),
        )

    def build(self) -> Profile:
        v = self.values()
        current = self.store.profile()
        days: Any = v["follow_up_days"].strip() or 30
        return current.edit(
            name=v["name"],
            role=v["role"],
            vision=v["vision"],
            review_cadence=v["review_cadence"],
            follow_up_days=days,
        )

    def save(self, record: Profile) -> Profile:
        return self.store.save_profile(record)
