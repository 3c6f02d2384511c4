"""The profile: who you are, where you are heading, how often you review."""

from __future__ import annotations

from collections.abc import Iterator

from growthtui.domain.kinds import DEFAULT_REVIEW_CADENCE
from growthtui.domain.profile import Profile
from growthtui.ui.screens.record_form import RecordForm
from growthtui.ui.widgets.form import FieldSpec


class ProfileForm(RecordForm[Profile]):
    """The one profile, edited (it is always there: a fresh store holds the defaults)."""

    MODEL = Profile
    NEW = "Your profile"

    def specs(self) -> Iterator[FieldSpec]:
        self.original = self.store.profile()
        yield FieldSpec("name", "Name", placeholder="your name")
        yield FieldSpec("role", "Current role", placeholder="e.g. Senior backend engineer")
        aspiration = "the long-term aspiration (5–10 years) your goals serve"
        yield FieldSpec("vision", "Vision", "long", aspiration)
        yield FieldSpec.one_of("review_cadence", "Review every", DEFAULT_REVIEW_CADENCE)
        rhythm = "Follow-up rhythm for new people (days)"
        yield FieldSpec("follow_up_days", rhythm, "days", "filled in for each new person", empty=30)
