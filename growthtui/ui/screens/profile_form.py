"""The profile: who you are, where you are heading, how often you review."""

from __future__ import annotations

from collections.abc import Iterator

from growthtui.domain import Cadence, Profile
from growthtui.ui.screens.record_form import RecordForm
from growthtui.ui.widgets.form import FieldSpec, enum_options


class ProfileForm(RecordForm[Profile]):
    """The one profile, edited (it is always there: a fresh store holds the defaults)."""

    MODEL = Profile

    def __init__(self) -> None:
        super().__init__("Your profile")

    def specs(self) -> Iterator[FieldSpec]:
        self.original = self.store.profile()
        yield FieldSpec("name", "Name", placeholder="your name")
        yield FieldSpec("role", "Current role", placeholder="e.g. Senior backend engineer")
        yield FieldSpec(
            "vision",
            "Vision",
            "long",
            placeholder="the long-term aspiration (5–10 years) your goals serve",
        )
        yield FieldSpec("review_cadence", "Review every", "choice", options=enum_options(Cadence))
        yield FieldSpec(
            "follow_up_days",
            "Follow-up rhythm for new people (days)",
            "days",
            placeholder="filled in for each new person",
            empty=30,
        )
