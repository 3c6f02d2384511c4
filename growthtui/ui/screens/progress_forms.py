"""Small forms that record progress on a goal: a milestone, a check-in. Each names its
goal in its title; a check-in's value becomes the goal's current value."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from growthtui.domain import CheckIn, Goal, Milestone
from growthtui.domain.dates import parse_date, parse_optional_date
from growthtui.domain.errors import InvalidInput
from growthtui.domain.goals import milestone_due_warning
from growthtui.domain.progress import latest_value
from growthtui.services.checkins import record_checkin
from growthtui.ui.screens.goal_form import parse_number
from growthtui.ui.screens.record_form import RecordForm, build_checked
from growthtui.ui.widgets.form import FormField, choice, long_text, number_text, text_input


class MilestoneForm(RecordForm[Milestone]):
    """Add a milestone to a goal, or edit one."""

    def __init__(
        self, goal: Goal, milestone: Milestone | None = None, title: str = "", due: str = ""
    ) -> None:
        heading = (
            f"Edit milestone #{milestone.id} {milestone.title} (goal #{goal.id} {goal.title})"
            if milestone
            else f"New milestone for #{goal.id} {goal.title}"
        )
        super().__init__(heading)
        self.goal = goal
        self.original = milestone
        self.preset_title = title
        self.preset_due = due

    def fields(self) -> Iterator[FormField]:
        m = self.original
        yield FormField(
            "title", "Title", text_input(m.title if m else self.preset_title, "what will be done")
        )
        due = m.due.isoformat() if m else self.preset_due
        yield FormField("due", "Due", text_input(due, "YYYY-MM-DD (or +2w, +1m)"))
        if m is not None:
            done = m.done_at.isoformat() if m.done_at else ""
            yield FormField("done_at", "Done on", text_input(done, "empty while not done"))
        yield FormField("notes", "Notes", long_text(m.notes if m else ""))

    def warnings(self) -> dict[str, str]:
        """A due date in the past (newly typed), or outside its goal's dates."""
        try:
            due = parse_date(self.value("due"), self.today, "due date")
        except InvalidInput:
            return {}
        was = self.original.due if self.original else None
        sentence = milestone_due_warning(due, self.goal, self.today, was)
        return {"due": sentence} if sentence else {}

    def build(self) -> Milestone:
        v = self.values()
        errors: dict[str, str] = {}
        data: dict[str, Any] = {"goal_id": self.goal.id, "title": v["title"], "notes": v["notes"]}
        if self.original is not None:
            data["id"] = self.original.id
        try:
            data["due"] = parse_date(v["due"], self.today, "due date")
        except InvalidInput as error:
            errors["due"] = str(error)
            data["due"] = self.today
        if "done_at" in v:
            try:
                data["done_at"] = parse_optional_date(v["done_at"], self.today, "done date")
            except InvalidInput as error:
                errors["done_at"] = str(error)
        return build_checked(Milestone, data, errors)  # type: ignore[no-any-return]

    def save(self, record: Milestone) -> Milestone:
        if self.original is None:
            return self.store.add(record)
        return self.store.update(record, base=self.original)


class CheckInForm(RecordForm[CheckIn]):
    """Progress on a goal today: the measured value, how confident, a note."""

    def __init__(self, goal: Goal) -> None:
        unit = f" ({goal.measure.unit})" if goal.measure.unit else ""
        metric = goal.measure.metric or "value"
        super().__init__(f"Check-in on #{goal.id} {goal.title}")
        self.goal = goal
        self.value_label = f"{metric}{unit}"

    def fields(self) -> Iterator[FormField]:
        checkins = self.store.list(CheckIn, goal_id=self.goal.id)
        current = number_text(latest_value(self.goal, checkins))
        yield FormField(
            "value", f"Value: {self.value_label}", text_input(current, "a number, or empty")
        )
        yield FormField(
            "confidence",
            "Confidence",
            choice(
                [
                    ("1 — off track", 1),
                    ("2 — worried", 2),
                    ("3 — it could go either way", 3),
                    ("4 — on track", 4),
                    ("5 — certain", 5),
                ],
                3,
            ),
        )
        yield FormField("note", "Note", text_input("", "what moved, what is in the way"))
        yield FormField("date", "Date", text_input(self.today.isoformat(), "YYYY-MM-DD"))

    def build(self) -> CheckIn:
        v = self.values()
        errors: dict[str, str] = {}
        data: dict[str, Any] = {
            "goal_id": self.goal.id,
            "confidence": v["confidence"],
            "note": v["note"],
        }
        try:
            data["value"] = parse_number(v["value"], "value", "value")
        except InvalidInput as error:
            errors["value"] = str(error)
        try:
            data["date"] = parse_date(v["date"], self.today, "date")
        except InvalidInput as error:
            errors["date"] = str(error)
            data["date"] = self.today
        return build_checked(CheckIn, data, errors)  # type: ignore[no-any-return]

    def save(self, record: CheckIn) -> CheckIn:
        return record_checkin(self.store, record)
