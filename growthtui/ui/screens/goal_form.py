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

from growthtui.domain import (
    TRACKED_FIELDS,
    CheckIn,
    Goal,
    GoalStatus,
    Horizon,
    Measure,
    Milestone,
    Skill,
    Trait,
)
from growthtui.domain.dates import parse_optional_date
from growthtui.domain.errors import InvalidInput
from growthtui.domain.goals import goal_due_warning, goal_start_warning
from growthtui.domain.printable import printable
from growthtui.domain.progress import latest_value
from growthtui.domain.smart import SmartCheck, check_smart
from growthtui.ui.screens.prompt import PromptModal
from growthtui.ui.screens.record_form import RecordForm, build_checked
from growthtui.ui.widgets.form import (
    FormField,
    choice,
    long_text,
    multi_choice,
    number_text,
    text_input,
)

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


def parse_number(text: str, field: str, label: str) -> float | None:
    text = text.strip().replace(",", ".")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise InvalidInput(f"the {label} must be a number, like 3 or 72.5", field) from None


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

    HEADING = "New goal"
    PARENT_BLANK: ClassVar[str] = "(none: a goal of its own)"

    def __init__(self, goal: Goal | None = None, parent_id: int | None = None) -> None:
        self.original = goal
        self.parent_id = goal.parent_id if goal else parent_id
        super().__init__(self._heading())
        self._reason = ""

    def _heading(self) -> str:
        goal = self.original
        if goal is not None:
            return f"Edit goal #{goal.id} {goal.title}"
        return "New goal" if self.parent_id is None else "New stepping stone"

    def on_mount(self) -> None:
        # (RecordForm.on_mount runs too, after this one: Textual calls each class's.)
        if self.original is None and self.parent_id is not None:
            parent = self.store.find(Goal, self.parent_id)
            if parent is not None:
                self.query_one(".dialog-title", Static).update(
                    Text(f"New stepping stone toward #{parent.id} {printable(parent.title)}")
                )
        self.fields_changed()

    def _proposed_horizon(self) -> Horizon:
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
            children.setdefault(goal.parent_id, []).append(goal.id or 0)
        found: set[int] = set()
        stack = [goal_id]
        while stack:
            for child in children.get(stack.pop(), []):
                if child not in found:
                    found.add(child)
                    stack.append(child)
        return found

    def fields(self) -> Iterator[FormField]:
        g = self.original
        m = g.measure if g else Measure()
        current = m.current
        if g is not None:
            # What every view shows as "now" (a check-in may be newer than the goal's own).
            current = latest_value(g, self.store.list(CheckIn, goal_id=g.id))
        yield FormField(
            "title", "Title", text_input(g.title if g else "", "e.g. Pass the AWS SA Pro exam")
        )
        yield FormField(
            "horizon",
            "Horizon",
            choice(
                [(label, h.value) for h, label in HORIZON_LABELS.items()],
                (g.horizon if g else self._proposed_horizon()).value,
            ),
        )
        if g is not None:
            yield FormField(
                "status", "Status", choice([(s.value, s.value) for s in GoalStatus], g.status.value)
            )
        parent = choice(self._parent_options(), self.parent_id, allow_blank=True)
        parent.options[0] = (self.PARENT_BLANK, None)
        yield FormField("parent_id", "Stepping stone toward", parent)
        yield FormField(
            "specific",
            "S — What exactly",
            text_input(g.specific if g else "", "what will be different when it is done"),
        )
        yield FormField(
            "metric", "M — Measure", text_input(m.metric, "metric, e.g. practice exam score")
        )
        yield FormField("unit", "Unit", text_input(m.unit, "e.g. %, talks, hours"))
        yield FormField(
            "baseline", "Baseline", text_input(number_text(m.baseline), "where you start")
        )
        yield FormField("target", "Target", text_input(number_text(m.target), "what means done"))
        yield FormField(
            "current",
            "Current",
            text_input(number_text(current), "where you are now"),
            "a check-in (c) updates it",
        )
        yield FormField(
            "achievable",
            "A — Plan and resources",
            long_text(g.achievable if g else "", "steps, time, help you will use"),
            what="plan",
        )
        yield FormField(
            "relevant",
            "R — Why it matters",
            text_input(g.relevant if g else "", "why this goal, now"),
            what="why",
        )
        yield FormField(
            "start",
            "Start",
            text_input(g.start.isoformat() if g and g.start else "", "YYYY-MM-DD (or today, +2w)"),
        )
        yield FormField(
            "due",
            "T — Due",
            text_input(g.due.isoformat() if g and g.due else "", "YYYY-MM-DD (or +3m, +1y)"),
            what="due date",
        )
        traits = [
            (f"{t.kind.value}: {t.title}", t.id or 0)
            for t in self.store.list(
                Trait, where=lambda t: not t.archived or (g is not None and t.id in g.trait_ids)
            )
        ]
        if traits:
            yield FormField(
                "trait_ids",
                "Addresses (from your assessment)",
                multi_choice(traits, g.trait_ids if g else []),
                "space picks",
            )
        skills = [(s.name, s.id or 0) for s in self.store.list(Skill)]
        if skills:
            yield FormField(
                "skill_ids",
                "Builds skills",
                multi_choice(skills, g.skill_ids if g else []),
                "space picks",
            )
        yield FormField(
            "tags", "Tags", text_input(", ".join(g.tags) if g else "", "comma separated")
        )
        yield FormField("notes", "Notes", long_text(g.notes if g else ""))

    def compose_side(self) -> ComposeResult:
        yield SmartPanel("", id="smart-check")

    # -- building ----------------------------------------------------------------------
    def _collect(self) -> tuple[dict[str, Any], dict[str, str]]:
        """Field values turned into Goal fields, and sentences for those that don't parse."""
        v = self.values()
        errors: dict[str, str] = {}
        data: dict[str, Any] = {
            "title": v["title"],
            "horizon": v["horizon"],
            "parent_id": v["parent_id"],
            "specific": v["specific"],
            "achievable": v["achievable"],
            "relevant": v["relevant"],
            "tags": [t.strip() for t in v["tags"].split(",") if t.strip()],
            "trait_ids": v.get("trait_ids", self.original.trait_ids if self.original else []),
            "skill_ids": v.get("skill_ids", self.original.skill_ids if self.original else []),
            "notes": v["notes"],
        }
        if "status" in v:
            data["status"] = v["status"]
        measure: dict[str, Any] = {"metric": v["metric"], "unit": v["unit"]}
        for name, label in (
            ("baseline", "baseline"),
            ("target", "target"),
            ("current", "current value"),
        ):
            try:
                measure[name] = parse_number(v[name], name, label)
            except InvalidInput as error:
                errors[name] = str(error)
        data["measure"] = measure
        for name, label in (("start", "start date"), ("due", "due date")):
            try:
                data[name] = parse_optional_date(v[name], self.today, label)
            except InvalidInput as error:
                errors[name] = str(error)
        if self.original is not None:
            keep = self.original.model_dump(include={"id", "created", "history", "external_id"})
            data = {**keep, **data}
        return data, errors

    def build(self) -> Goal:
        data, errors = self._collect()
        return build_checked(Goal, data, errors)  # type: ignore[no-any-return]

    def fields_changed(self) -> None:
        data, _ = self._collect()
        for bad in ("start", "due"):
            data.setdefault(bad, None)
        data["title"] = data["title"] or "untitled"
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
        if self.original is None:
            return self.store.add(record)
        return self.store.update(record, reason=self._reason, base=self.original)
