"""Small forms that record progress on a goal: a milestone, a check-in. Each names its
goal in its title; a check-in's value becomes the goal's current value."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from growthtui.domain import CheckIn, Goal, Milestone
from growthtui.domain.dates import parse_date
from growthtui.domain.errors import InvalidInput
from growthtui.domain.goals import milestone_due_warning
from growthtui.domain.progress import latest_value
from growthtui.services.checkins import record_checkin
from growthtui.ui.screens.record_form import RecordForm
from growthtui.ui.widgets.form import FieldSpec

CONFIDENCE = (
    ("1 — off track", 1),
    ("2 — worried", 2),
    ("3 — it could go either way", 3),
    ("4 — on track", 4),
    ("5 — certain", 5),
)


class MilestoneForm(RecordForm[Milestone]):
    """Add a milestone to a goal, or edit one."""

    MODEL = Milestone

    def __init__(
        self, goal: Goal, milestone: Milestone | None = None, title: str = "", due: str = ""
    ) -> None:
        heading = (
            f"Edit milestone #{milestone.id} {milestone.title} (goal #{goal.id} {goal.title})"
            if milestone
            else f"New milestone for #{goal.id} {goal.title}"
        )
        super().__init__(heading, milestone)
        self.goal = goal
        self.preset_title = title
        self.preset_due = due

    def specs(self) -> Iterator[FieldSpec]:
        yield FieldSpec(
            "title", "Title", placeholder="what will be done", default=self.preset_title
        )
        yield FieldSpec(
            "due",
            "Due",
            "date",
            placeholder="YYYY-MM-DD (or +2w, +1m)",
            required=True,
            what="due date",
            default=self.preset_due,
        )
        if self.original is not None:
            yield FieldSpec(
                "done_at", "Done on", "date", placeholder="empty while not done", what="done date"
            )
        yield FieldSpec("notes", "Notes", "long")

    def fixed(self) -> dict[str, Any]:
        return {"goal_id": self.goal.id}

    def warnings(self) -> dict[str, str]:
        """A due date in the past (newly typed), or outside its goal's dates."""
        try:
            due = parse_date(self.value("due"), self.today, "due date")
        except InvalidInput:
            return {}
        was = self.original.due if self.original else None
        sentence = milestone_due_warning(due, self.goal, self.today, was)
        return {"due": sentence} if sentence else {}


class CheckInForm(RecordForm[CheckIn]):
    """Progress on a goal today: the measured value, how confident, a note."""

    MODEL = CheckIn

    def __init__(self, goal: Goal) -> None:
        unit = f" ({goal.measure.unit})" if goal.measure.unit else ""
        metric = goal.measure.metric or "value"
        super().__init__(f"Check-in on #{goal.id} {goal.title}")
        self.goal = goal
        self.value_label = f"{metric}{unit}"

    def specs(self) -> Iterator[FieldSpec]:
        checkins = self.store.list(CheckIn, goal_id=self.goal.id)
        yield FieldSpec(
            "value",
            f"Value: {self.value_label}",
            "number",
            placeholder="a number, or empty",
            what="value",
            default=latest_value(self.goal, checkins),
        )
        yield FieldSpec("confidence", "Confidence", "choice", options=CONFIDENCE, default=3)
        yield FieldSpec("note", "Note", placeholder="what moved, what is in the way")
        yield FieldSpec(
            "date", "Date", "date", placeholder="YYYY-MM-DD", required=True, default=self.today
        )

    def fixed(self) -> dict[str, Any]:
        return {"goal_id": self.goal.id}

    def save(self, record: CheckIn) -> CheckIn:
        return record_checkin(self.store, record)
