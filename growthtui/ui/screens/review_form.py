"""Edit what a finished review says (wins, lessons, satisfaction...). Its decisions stay as
they were taken: they are history, and the goals' own history records them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from growthtui.domain.reviews import Review
from growthtui.ui.screens.record_form import RecordForm
from growthtui.ui.widgets.form import FieldSpec

SATISFACTION_CHOICES = (
    ("1 — poor", 1),
    ("2 — below what I hoped", 2),
    ("3 — okay", 3),
    ("4 — good", 4),
    ("5 — great", 5),
)

REFLECTION_LABELS = (
    ("wins", "Wins"),
    ("obstacles", "Obstacles"),
    ("lessons", "Lessons"),
    ("what_worked", "What worked"),
    ("what_didnt", "What didn't"),
    ("next_focus", "Next focus"),
)


class ReviewForm(RecordForm[Review]):
    """Edit the reflection of a finished review."""

    CSS_PATH: ClassVar[str] = "../styles/reviews.tcss"
    MODEL = Review
    EDIT = "Edit the {r.title} (#{r.id})"

    def specs(self) -> Iterator[FieldSpec]:
        for name, label in REFLECTION_LABELS[:5]:
            yield FieldSpec(name, label, "long", classes="review-text")
        yield FieldSpec(
            "satisfaction", "Satisfaction", "choice", options=SATISFACTION_CHOICES, blank=""
        )
        name, label = REFLECTION_LABELS[5]
        yield FieldSpec(name, label, "long", classes="review-text")
