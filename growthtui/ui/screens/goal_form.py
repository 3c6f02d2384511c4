"""The goal editor: every SMART field, validated next to the field, with the SMART check
shown live while typing. Changing what/measure/due/horizon/status asks for a reason."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any, ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from growthtui.domain.assessment import Skill, Trait
from growthtui.domain.goals import (
    TRACKED_FIELDS,
    CheckIn,
    Goal,
    Measure,
    Milestone,
    goal_due_warning,
    goal_start_warning,
)
from growthtui.domain.kinds import Horizon
from growthtui.domain.printable import printable
from growthtui.domain.progress import latest_value
from growthtui.domain.smart import SmartCheck, check_smart
from growthtui.services import records
from growthtui.ui.screens.prompt import PromptModal
from growthtui.ui.screens.record_form import RecordForm
from growthtui.ui.widgets.form import FieldSpec, kind_and_title, named

HORIZON_LABELS = {
    Horizon.SHORT: "short (3–6 months)",
    Horizon.MEDIUM: "medium (1–3 years)",
    Horizon.LONG: "long (5–10 years)",
}
SHORTER = {
    Horizon.LONG: Horizon.MEDIUM,
    Horizon.MEDIUM: Horizon.SHORT,
    Horizon.SHORT: Horizon.SHORT,
}
"""The horizon a new stepping stone proposes under a goal of each horizon."""
MEASURE_FIELDS = ("metric", "unit", "baseline", "target", "current")
"""The fields of the form that make the goal's measure."""


def render_smart(check: SmartCheck, ok_mark: str, warn_mark: str) -> Text:
    """The SMART check as lines of text: the score, then each letter with its reason."""
    text = Text()
    text.append(f"SMART check: {check.score}/5\n", style="bold")
    for letter in check.letters:
        mark = ok_mark if letter.ok else warn_mark
        style = "" if letter.ok else "bold"
        text.append(f" {mark} {letter.letter} ", style=style)
        text.append(f"{printable(letter.reason)}\n", style="" if letter.ok else "italic")
    return text


def smart_table(check: SmartCheck, ok_mark: str, warn_mark: str) -> Group:
    """The SMART check for the editor's panel: the score, then each letter, its reason
    wrapping under itself so the five letters read down the left edge."""
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for letter in check.letters:
        mark = ok_mark if letter.ok else warn_mark
        grid.add_row(
            Text(f"{mark} {letter.letter}", style="" if letter.ok else "bold"),
            Text(printable(letter.reason), style="" if letter.ok else "italic"),
        )
    return Group(Text(f"SMART check: {check.score}/5", style="bold"), grid)


class SmartPanel(Static):
    """The live SMART check beside the goal editor's fields: every letter and its finding
    stay in view at 80×24 (a reason wraps under itself, without a frame around it)."""

    DEFAULT_CSS = """
    SmartPanel {
        width: 36;
        height: auto;
        max-height: 100%;
        padding: 0 0 0 1;
        margin: 0 0 0 1;
        border-left: vkey $panel-lighten-2;
    }
    """

    plain = ""
    """What the panel says, as plain text (the score, each letter and its reason)."""

    def show(self, check: SmartCheck, ok_mark: str, warn_mark: str) -> None:
        self.plain = render_smart(check, ok_mark, warn_mark).plain
        self.update(smart_table(check, ok_mark, warn_mark))


class GoalForm(RecordForm[Goal]):
    """New goal (`goal` None), a new stepping stone (`parent_id`), or edit one. Dismisses
    with the stored goal."""

    MODEL = Goal
    NEW = "New goal"
    EDIT = "Edit goal #{r.id} {r.title}"
    PARENT_BLANK: ClassVar[str] = "(none: a goal of its own)"

    def __init__(self, goal: Goal | None = None, parent_id: int | None = None) -> None:
        self.parent_id = goal.parent_id if goal else parent_id
        stone = goal is None and parent_id is not None
        super().__init__(goal, "New stepping stone" if stone else None)
        self._reason = ""

    def on_mount(self) -> None:
        # (RecordForm.on_mount runs too, after this one: Textual calls each class's.)
        if self.unreadable is not None:
            return  # no fields were made: RecordForm.on_mount closes the form
        if self.original is None and self.parent_id is not None:
            parent = self.store.find(Goal, self.parent_id)
            if parent is not None:
                self.query_one(".dialog-title", Static).update(
                    Text(f"New stepping stone toward #{parent.id} {printable(parent.title)}")
                )
        self.fields_changed()

    @property
    def _proposed(self) -> Horizon:
        """A new goal: short-term; a new stepping stone: the next shorter than its goal."""
        parent = self.store.find(Goal, self.parent_id)
        return SHORTER[parent.horizon] if parent is not None else Horizon.SHORT

    def _parent_options(self) -> list[tuple[str, Any]]:
        own = self.original.id if self.original else None
        excluded = self._descendants(own) if own is not None else set()
        options = []
        for goal in self.store.list(Goal, where=lambda g: g.is_open or g.id == self.parent_id):
            if goal.id == own or goal.id in excluded:
                continue
            options.append((f"#{goal.id} {goal.title} ({goal.horizon.value})", goal.id))
        return options

    def _descendants(self, goal_id: int) -> set[int]:
        children: dict[int | None, list[int]] = {}
        for goal in self.store.list(Goal):
            children.setdefault(goal.parent_id, []).append(goal.id)
        found: set[int] = set()
        stack = [goal_id]
        while stack:
            for child in children.get(stack.pop(), []):
                if child not in found:
                    found.add(child)
                    stack.append(child)
        return found

    def specs(self) -> Iterator[FieldSpec]:
        g = self.original
        m = g.measure if g else Measure()
        # What every view shows as "now" (a check-in may be newer than the goal's own).
        now = latest_value(g, self.store.list(CheckIn, goal_id=g.id)) if g else m.current
        horizons = [(label, h.value) for h, label in HORIZON_LABELS.items()]
        parents, no_parent = self._parent_options(), self.PARENT_BLANK
        linked = set(g.trait_ids if g else [])
        traits = self.store.list(Trait, where=lambda t: not t.archived or t.id in linked)
        yield FieldSpec("title", "Title", placeholder="e.g. Pass the AWS SA Pro exam")
        yield FieldSpec("horizon", "Horizon", "choice", options=horizons, default=self._proposed)
        if g is not None:
            yield FieldSpec.one_of("status", "Status", g.status)
        yield FieldSpec(
            "parent_id",
            "Stepping stone toward",
            "choice",
            options=parents,
            blank=no_parent,
            default=self.parent_id,
        )
        specific = "what will be different when it is done"
        yield FieldSpec("specific", "S — What exactly", placeholder=specific)
        metric = "metric, e.g. practice exam score"
        yield FieldSpec("metric", "M — Measure", placeholder=metric, value=m.metric)
        yield FieldSpec("unit", "Unit", placeholder="e.g. %, talks, hours", value=m.unit)
        yield FieldSpec("baseline", "Baseline", "number", "where you start", value=m.baseline)
        yield FieldSpec("target", "Target", "number", "what means done", value=m.target)
        yield FieldSpec(
            "current",
            "Current",
            "number",
            "where you are now",
            what="current value",
            value=now,
            hint="a check-in (c) updates it",
        )
        plan = "steps, time, help you will use"
        yield FieldSpec("achievable", "A — Plan and resources", "long", plan, what="plan")
        why = "why this goal, now"
        yield FieldSpec("relevant", "R — Why it matters", placeholder=why, what="why")
        yield FieldSpec("start", "Start", "date", "YYYY-MM-DD (or today, +2w)", what="start date")
        yield FieldSpec("due", "T — Due", "date", "YYYY-MM-DD (or +3m, +1y)", what="due date")
        addresses = "Addresses (from your assessment)"
        yield FieldSpec.pick("trait_ids", addresses, traits, kind_and_title)
        yield FieldSpec.pick("skill_ids", "Builds skills", self.store.list(Skill), named)
        yield FieldSpec("tags", "Tags", "tags", "comma separated")
        yield FieldSpec("notes", "Notes", "long")

    def compose_side(self) -> ComposeResult:
        yield SmartPanel("", id="smart-check")

    # -- building ----------------------------------------------------------------------
    def _collect(self) -> tuple[dict[str, Any], dict[str, str]]:
        """Field values turned into Goal fields, and sentences for those that don't parse."""
        data, errors = self.read()
        data["measure"] = {name: data.pop(name) for name in MEASURE_FIELDS if name in data}
        return data, errors

    def build(self) -> Goal:
        data, errors = self._collect()
        return self.record(data, errors)  # type: ignore[no-any-return]

    def fields_changed(self) -> None:
        data, _ = self._collect()
        for bad in ("start", "due"):
            data.setdefault(bad, None)
        data["title"] = data["title"] or "untitled"
        if self.original is not None:
            data = {**self.original.model_dump(), **data}
        try:
            goal = Goal.model_validate(data)
        except Exception:
            goal = Goal.model_validate({**data, "start": None, "due": None, "measure": {}})
        milestones = self.store.list(Milestone, goal_id=goal.id) if goal.id else []
        parent = self.store.find(Goal, goal.parent_id)
        check = check_smart(goal, self.today, milestones, parent)
        glyphs = self.growth_app.glyphs
        self.query_one("#smart-check", SmartPanel).show(check, glyphs.done, glyphs.overdue)

    def warnings(self) -> dict[str, str]:
        """A due date in the past (newly typed), or dates outside the goal this one is a
        stepping stone toward: worth a second look, not a reason to refuse."""
        data, _errors = self._collect()
        due, start = data.get("due"), data.get("start")
        parent = self.store.find(Goal, data.get("parent_id"))
        was = self.original.due if self.original else None
        found = {
            "due": goal_due_warning(due, self.today, parent, was)
            if isinstance(due, dt.date)
            else None,
            "start": goal_start_warning(start, parent) if isinstance(start, dt.date) else None,
        }
        return {name: sentence for name, sentence in found.items() if sentence}

    # -- saving ------------------------------------------------------------------------
    def proceed(self, record: Goal) -> None:
        original = self.original
        if original is None:
            self.finish(record)
            return
        changed = [f for f in TRACKED_FIELDS if getattr(original, f) != getattr(record, f)]
        if not changed:
            self.finish(record)
            return

        def answered(reason: str | None) -> None:
            if reason is None:
                return  # back to the form, nothing lost
            self._reason = reason
            self.finish(record)

        words = ", ".join(f.replace("specific", "what exactly") for f in changed)
        self.app.push_screen(
            PromptModal(
                f"#{original.id} {original.title}: why change {words}?",
                placeholder="one line for the goal's history (enter to skip)",
                hint="Adjusting is not failure: the reason helps the next review.",
                optional=True,
            ),
            answered,
        )

    def save(self, record: Goal) -> Goal:
        stored: Goal = records.save(self.store, record, base=self.original, reason=self._reason)
        return stored
