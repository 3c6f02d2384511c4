"""Edit what a finished review says (wins, lessons, satisfaction...). Its decisions stay as
they were taken: they are history, and the goals' own history records them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from growthtui.domain import Review
from growthtui.ui.screens.record_form import RecordForm
from growthtui.ui.widgets.form import FormField, LongText, choice, long_text

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

    def __init__(self, review: Review) -> None:
        super().__init__(f"Edit the {review.title} (#{review.id})")
        self.original = review

    def fields(self) -> Iterator[FormField]:
        r = self.original
        for name, label in REFLECTION_LABELS[:5]:
            yield FormField(name, label, self._text(name))
        yield FormField(
            "satisfaction",
            "Satisfaction",
            choice(SATISFACTION_CHOICES, r.satisfaction, allow_blank=True),
        )
        name, label = REFLECTION_LABELS[5]
        yield FormField(name, label, self._text(name))

    def _text(self, name: str) -> LongText:
        area = long_text(str(getattr(self.original, name)))
        area.add_class("review-text")
        return area

    def build(self) -> Review:
        return self.original.edit(**self.values())

    def save(self, record: Review) -> Review:
        return self.store.update(record, base=self.original)
