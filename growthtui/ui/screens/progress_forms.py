"""Small forms that record progress on a goal: a milestone, a check-in. Each names its
goal in its title; a check-in's value becomes the goal's current value."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from growthtui.domain.dates import parse_date
from growthtui.domain.errors import InvalidInput
from growthtui.domain.goals import CheckIn, Goal, Milestone, milestone_due_warning
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
    NEW = "New milestone for #{form.goal.id} {form.goal.title}"
    EDIT = "Edit milestone #{r.id} {r.title} (goal #{form.goal.id} {form.goal.title})"

    def __init__(
        self, goal: Goal, milestone: Milestone | None = None, title: str = "", due: str = ""
    ) -> None:
        self.goal = goal
        self.preset_title = title
        self.preset_due = due
        super().__init__(milestone)

    def specs(self) -> Iterator[FieldSpec]:
        yield FieldSpec(
            "title", "Title", placeholder="what will be done", default=self.preset_title
        )
        when, due = "YYYY-MM-DD (or +2w, +1m)", self.preset_due
        yield FieldSpec("due", "Due", "date", when, required=True, what="due date", default=due)
        if self.original is not None:
            done = "empty while not done"
            yield FieldSpec("done_at", "Done on", "date", done, what="done date")
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
    NEW = "Check-in on #{form.goal.id} {form.goal.title}"

    def __init__(self, goal: Goal) -> None:
        self.goal = goal
        super().__init__()

    def specs(self) -> Iterator[FieldSpec]:
        measure = self.goal.measure
        unit = f" ({measure.unit})" if measure.unit else ""
        now = latest_value(self.goal, self.store.list(CheckIn, goal_id=self.goal.id))
        value = f"Value: {measure.metric or 'value'}{unit}"
        yield FieldSpec("value", value, "number", "a number, or empty", what="value", default=now)
        yield FieldSpec("confidence", "Confidence", "choice", options=CONFIDENCE, default=3)
        yield FieldSpec("note", "Note", placeholder="what moved, what is in the way")
        yield FieldSpec("date", "Date", "date", required=True, default=self.today)

    def fixed(self) -> dict[str, Any]:
        return {"goal_id": self.goal.id}

    def save(self, record: CheckIn) -> CheckIn:
        return record_checkin(self.store, record)
