"""The goal editor: every SMART field, validated next to the field, with the SMART check
shown live while typing. Changing what/measure/due/horizon/status asks for a reason."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from growthtui.domain import (
    TRACKED_FIELDS,
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
from growthtui.domain.smart import SmartCheck, check_smart
from growthtui.ui.screens.prompt import PromptModal
from growthtui.ui.screens.record_form import RecordForm, build_checked
from growthtui.ui.widgets.form import FormField, choice, multi_choice, number_text, text_input

HORIZON_LABELS = {
    Horizon.SHORT: "short (3–6 months)",
    Horizon.MEDIUM: "medium (1–3 years)",
    Horizon.LONG: "long (5–10 years)",
}


def parse_number(text: str, field: str, label: str) -> float | None:
    text = text.strip().replace(",", ".")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise InvalidInput(f"the {label} must be a number, like 3 or 72.5", field) from None


def render_smart(check: SmartCheck, ok_mark: str, warn_mark: str) -> Text:
    text = Text()
    text.append(f"SMART check: {check.score}/5\n", style="bold")
    for letter in check.letters:
        mark = ok_mark if letter.ok else warn_mark
        style = "" if letter.ok else "bold"
        text.append(f" {mark} {letter.letter} ", style=style)
        text.append(f"{letter.reason}\n", style="" if letter.ok else "italic")
    return text


class GoalForm(RecordForm[Goal]):
    """New goal (`goal` None) or edit one. Dismisses with the stored goal."""

    HEADING = "New goal"

    def __init__(self, goal: Goal | None = None, parent_id: int | None = None) -> None:
        super().__init__("Edit goal" if goal else "New goal")
        self.original = goal
        self.parent_id = goal.parent_id if goal else parent_id
        self._reason = ""

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
        yield FormField(
            "title", "Title", text_input(g.title if g else "", "e.g. Pass the AWS SA Pro exam")
        )
        yield FormField(
            "horizon",
            "Horizon",
            choice(
                [(label, h.value) for h, label in HORIZON_LABELS.items()],
                (g.horizon if g else Horizon.SHORT).value,
            ),
        )
        if g is not None:
            yield FormField(
                "status", "Status", choice([(s.value, s.value) for s in GoalStatus], g.status.value)
            )
        yield FormField(
            "parent_id",
            "Stepping stone toward",
            choice(self._parent_options(), self.parent_id, allow_blank=True),
        )
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
            "current", "Current", text_input(number_text(m.current), "where you are now")
        )
        yield FormField(
            "achievable",
            "A — Plan and resources",
            text_input(g.achievable if g else "", "steps, time, help you will use"),
        )
        yield FormField(
            "relevant",
            "R — Why it matters",
            text_input(g.relevant if g else "", "why this goal, now"),
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
        yield FormField("notes", "Notes", text_input(g.notes if g else ""))

    def compose_side(self) -> ComposeResult:
        yield Static("", id="smart-check", classes="smart-check")

    def on_mount(self) -> None:
        super().on_mount()
        self.fields_changed()

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
        self.query_one("#smart-check", Static).update(
            render_smart(check, glyphs.done, glyphs.overdue)
        )

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
                f"Why change {words}?",
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
