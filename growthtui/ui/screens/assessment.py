"""Assessment (2): know yourself — SWOT quadrants, the skills inventory and its trend, the
feedback log, and the weaknesses nothing works on yet."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Static

from growthtui.domain.assessment import (
    Feedback,
    FeedbackReceived,
    Skill,
    Trait,
    TraitKind,
    addressed_by,
    feedback_received,
    unaddressed_weaknesses,
)
from growthtui.domain.base import Record
from growthtui.domain.evidence import Evidence
from growthtui.domain.goals import Goal
from growthtui.domain.learning import LearningItem
from growthtui.domain.people import Person
from growthtui.domain.printable import printable
from growthtui.ui.screens.evidence_form import EvidenceForm
from growthtui.ui.screens.feedback_form import FeedbackForm
from growthtui.ui.screens.list_area import PanelArea, record_table
from growthtui.ui.screens.skill_form import SkillForm
from growthtui.ui.screens.skill_rating_form import RateSkillForm
from growthtui.ui.screens.trait_form import TraitForm
from growthtui.ui.widgets.record_table import RecordTable, Row
from growthtui.ui.widgets.record_text import RecordText

QUADRANTS: tuple[tuple[TraitKind, str], ...] = (
    (TraitKind.STRENGTH, "Strengths"),
    (TraitKind.WEAKNESS, "Weaknesses"),
    (TraitKind.OPPORTUNITY, "Opportunities"),
    (TraitKind.THREAT, "Threats"),
)
PANELS: tuple[str, ...] = (*(kind.value for kind, _ in QUADRANTS), "skills", "feedback")
"""Panel names, in tab order; a quadrant's name is its trait kind."""


class AssessmentScreen(PanelArea):
    """Know yourself: strengths, weaknesses, opportunities and threats; skills and their
    trend; feedback received."""

    MODE = "assessment"
    EDIT_KEYS = (
        Binding("r", "rate", "Rate skill", id="assessment.rate"),
        Binding("a", "archive", "Archive", id="assessment.archive"),
    )
    MORE_KEYS = (
        Binding("A", "toggle_archived", "Show archived", id="assessment.show_archived", show=False),
    )
    PALETTE_EXTRAS: ClassVar[list[tuple[str, str, str]]] = [
        *(
            (f"new {kind.value}", f"add a {kind.value} to the SWOT", f"new_in('{kind.value}')")
            for kind, _ in QUADRANTS
        ),
        ("new skill", "add a skill to the inventory", "new_in('skills')"),
        ("new feedback", "log feedback you received", "new_in('feedback')"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.show_archived = False
        self._traits: dict[int, Trait] = {}
        self._skills: dict[int, Skill] = {}
        self._feedback: dict[str, FeedbackReceived] = {}
        """Feedback received, both ways it is logged, by row key ("feedback:3")."""
        self._goals: list[Goal] = []
        self._learning: list[LearningItem] = []
        self._unaddressed: set[int] = set()

    def compose_body(self) -> ComposeResult:
        with Vertical(id="assessment-body"):
            with Grid(id="swot"):
                for kind, title in QUADRANTS:
                    with Vertical(classes="pane quadrant", id=f"pane-{kind.value}") as pane:
                        pane.border_title = title
                        table = record_table(
                            f"table-{kind.value}",
                            [("Title", "title", None)],
                            flex="title",
                            empty=f"No {title.lower()} yet — n adds one",
                        )
                        table.show_header = False
                        yield table
            with Horizontal(id="assessment-lower"):
                with Vertical(classes="pane", id="pane-skills") as pane:
                    pane.border_title = "Skills: level → target, trend"
                    yield record_table(
                        "table-skills",
                        [
                            ("Skill", "name", None),
                            ("Level", "level", 5),
                            ("Gap", "gap", 3),
                            ("Trend", "trend", 8),
                        ],
                        flex="name",
                        empty="No skills yet — n adds one",
                    )
                with Vertical(classes="pane", id="pane-feedback") as pane:
                    pane.border_title = "Feedback received"
                    yield record_table(
                        "table-feedback",
                        [("When", "date", 7), ("What", "text", None)],
                        flex="text",
                        empty="No feedback yet — n here, or w anywhere",
                    )
            yield RecordText("", id="assessment-detail")

    # -- reading ---------------------------------------------------------------------
    def table(self, panel: str) -> RecordTable:
        return self.query_one(f"#table-{panel}", RecordTable)

    @property
    def panel(self) -> str:
        """The focused panel (the strengths quadrant when none is)."""
        focused = self.focused
        if isinstance(focused, RecordTable) and focused.id and focused.id.startswith("table-"):
            return focused.id.removeprefix("table-")
        return TraitKind.STRENGTH.value

    def selected(self) -> Record | None:
        panel = self.panel
        key = self.table(panel).current_key
        if key is None:
            return None
        if panel == "feedback":
            entry = self._feedback.get(key)
            return entry.record if entry is not None else None
        records: dict[int, Trait] | dict[int, Skill]
        records = self._skills if panel == "skills" else self._traits
        return records.get(int(key))

    def refresh_data(self) -> None:
        store = self.store
        traits = store.list(Trait)
        self._traits = {t.id: t for t in traits}
        self._skills = {s.id: s for s in store.list(Skill)}
        people = {p.id: p.name for p in store.list(Person)}
        received = feedback_received(store.list(Feedback), store.list(Evidence), people)
        self._feedback = {entry.key: entry for entry in received}
        self._goals = store.list(Goal)
        self._learning = store.list(LearningItem)
        skills = list(self._skills.values())
        self._unaddressed = {
            t.id for t in unaddressed_weaknesses(traits, self._goals, self._learning, skills)
        }
        for kind, title in QUADRANTS:
            self._show_quadrant(kind, title)
        self._show_skills()
        rows: list[Row] = []
        for entry in received:
            # printable first: Text() itself would drop BEL, BS, VT, FF and CR unseen.
            what = Text(printable(entry.text))
            if entry.giver:
                what.append(f" · {printable(entry.giver)}", style="dim")
            rows.append((entry.key, (entry.date.strftime("%Y-%m"), what)))
        self.table("feedback").sync(rows)
        self.show_detail()

    def _show_quadrant(self, kind: TraitKind, title: str) -> None:
        mine = [t for t in self._traits.values() if t.kind is kind]
        archived = sum(1 for t in mine if t.archived)
        shown = [t for t in mine if self.show_archived or not t.archived]
        rows: list[Row] = []
        for trait in sorted(shown, key=lambda t: (t.archived, t.id)):
            cell = Text()
            if trait.id in self._unaddressed:
                cell.append(f"{self.glyphs.overdue} ", style=self.alarm_style)
            cell.append(trait.title, style="dim" if trait.archived else "")
            if trait.archived:
                cell.append(" (archived)", style="dim italic")
            rows.append((str(trait.id), (cell,)))
        self.table(kind.value).sync(rows)
        label = f"{title} ({len(shown)})"
        if kind is TraitKind.WEAKNESS and self._unaddressed:
            label = f"{title} ({len(shown)}, {len(self._unaddressed)} with no plan)"
        if archived and not self.show_archived:
            label += f" +{archived} archived"
        pane = self.query_one(f"#pane-{kind.value}")
        pane.border_title = label

    def _show_skills(self) -> None:
        rows: list[Row] = []
        for skill in sorted(self._skills.values(), key=lambda s: (-(s.gap or 0), s.name.lower())):
            level = skill.level
            level_text = f"{level if level else '–'}→{skill.target_level}"
            gap = skill.gap
            gap_text = Text("–" if gap is None else str(gap), justify="right")
            if gap:
                gap_text.stylize("bold")
            trend = self.glyphs.sparkline(skill.trend())
            rows.append((str(skill.id), (skill.name, level_text, gap_text, trend)))
        self.table("skills").sync(rows)

    # -- the detail line under the panels ------------------------------------------------
    def show_detail(self) -> None:
        self.query_one("#assessment-detail", Static).update(self._detail_text())

    def _detail_text(self) -> Text:
        record = self.selected()
        panel = self.panel
        text = Text()
        if record is None:
            if panel == "skills":
                text.append(
                    "No skills yet: n adds one, r rates it; the trend grows with each rating."
                )
            elif panel == "feedback":
                text.append(
                    "No feedback logged: n records who said what and the traits it speaks "
                    "to; w logs it from any screen (as feedback received)."
                )
            else:
                text.append(
                    f"No {panel} yet: n adds one. Sources: self-reflection, peers, your "
                    "supervisor, formal assessments, past successes and failures."
                )
            if not self.show_archived and any(t.archived for t in self._traits.values()):
                text.append("  A shows archived traits.", style="dim")
            return text
        if isinstance(record, Trait):
            return self._trait_detail(record)
        if isinstance(record, Skill):
            return self._skill_detail(record)
        if isinstance(record, Feedback | Evidence):
            return self._feedback_detail(self._feedback[f"{record.entity}:{record.id}"])
        return text

    def _trait_detail(self, trait: Trait) -> Text:
        text = Text()
        text.append(trait.kind.value.capitalize(), style="bold")
        text.append(f" · from {trait.source.value}")
        if trait.evidence:
            text.append(f" · {printable(trait.evidence)}", style="italic")
        if trait.notes:
            text.append(f" · {printable(trait.notes)}")
        if trait.kind is TraitKind.WEAKNESS and not trait.archived:
            works = addressed_by(trait, self._goals, self._learning, self._skills.values())
            if works:
                names = ", ".join(_name(r) for r in works)
                text.append(f"\nWorked on by: {names}")
            else:
                text.append(
                    f"\n{self.glyphs.overdue} Nothing works on this weakness yet: link it from a "
                    "goal (3), a learning item (5) or a skill (e on a skill)",
                    style=self.alarm_style,
                )
        return text

    def _skill_detail(self, skill: Skill) -> Text:
        text = Text()
        text.append(skill.name, style="bold")
        if skill.category:
            text.append(f" · {skill.category}")
        latest = skill.latest_rating
        if latest is None:
            text.append(" · not rated yet: r rates it now")
        else:
            levels = "→".join(str(level) for level in skill.trend())
            first = min(r.on for r in skill.ratings)
            text.append(f" · levels {levels} since {first.isoformat()}")
            text.append(f" · last rated {latest.on.isoformat()} ({latest.source.value})")
            if latest.note:
                text.append(f": {latest.note}", style="italic")
        about = [self._traits[t].title for t in skill.trait_ids if t in self._traits]
        if about:
            text.append(f"\nWorks on: {', '.join(about)}")
        return text

    def _feedback_detail(self, entry: FeedbackReceived) -> Text:
        text = Text()
        text.append(entry.date.isoformat(), style="bold")
        record = entry.record
        source = f" ({record.source.value})" if isinstance(record, Feedback) else ""
        text.append(f" · {entry.giver or 'someone'}{source}: ")
        text.append(entry.text, style="italic")
        if isinstance(record, Feedback):
            about = [self._traits[t].title for t in record.trait_ids if t in self._traits]
            if about:
                text.append(f"\nAbout: {', '.join(about)}")
        text.append(f"\nFrom the {entry.logged_with}", style="dim")
        return text

    # -- actions -----------------------------------------------------------------------
    def _select(self, panel: str, record: Record | None) -> None:
        """A form of `panel` closed: on the record it saved (a trait in the quadrant of
        its kind, which the form may have changed)."""
        if isinstance(record, Trait):
            panel = record.kind.value
        key = f"{record.entity}:{record.id}" if record and panel == "feedback" else ""
        self.select_in(self.table(panel), record, key)

    def action_new(self) -> None:
        self.action_new_in(self.panel)

    def action_new_in(self, panel: str) -> None:
        form: Screen[Any]
        if panel == "skills":
            form = SkillForm()
        elif panel == "feedback":
            form = FeedbackForm()
        else:
            form = TraitForm(kind=TraitKind(panel))
        self.open_dialog(form, partial(self._select, panel))

    def action_edit(self) -> None:
        record = self.need(self.selected(), f"nothing selected in {self.panel}: n adds one")
        if record is None:
            return
        forms: dict[type[Record], Callable[[Any], Screen[Any]]] = {
            Trait: TraitForm,
            Skill: SkillForm,
            Feedback: FeedbackForm,
            Evidence: EvidenceForm,
        }
        self.open_dialog(forms[type(record)](record), partial(self._select, self.panel))

    def action_rate(self) -> None:
        record = self.selected()
        if not isinstance(record, Skill):
            self.notify("pick a skill first (tab to the skills panel)", timeout=3)
            return
        self.open_dialog(RateSkillForm(record), lambda s: self._select("skills", s))

    def action_archive(self) -> None:
        record = self.selected()
        if not isinstance(record, Trait):
            self.notify("only strengths, weaknesses, opportunities and threats archive", timeout=3)
            return
        archived = not record.archived
        word = "archived" if archived else "back in the SWOT"
        hint = " (A shows archived)" if archived and not self.show_archived else ""
        done = f"'{record.title}' {word}{hint}; u undoes"
        self.save(record.edit(archived=archived), record, done)

    def action_toggle_archived(self) -> None:
        self.show_archived = not self.show_archived
        self.refresh_data()
        self.notify(
            "showing archived traits" if self.show_archived else "archived traits hidden", timeout=2
        )

    def action_delete(self) -> None:
        record = self.selected()
        if record is None:
            return
        what = _name(record)
        detail = {
            Trait: "Links to it from goals, skills, learning and feedback are removed.",
            Skill: "Its rating history goes with it; links from goals and learning are removed.",
            Feedback: "Only this feedback is deleted.",
            Evidence: "It leaves the evidence log too.",
        }.get(type(record), "")
        self.confirm_delete(
            f"Delete {what}?",
            f"{detail} u undoes.",
            type(record),
            record.id,
            f"deleted {what} (u undoes)",
        )


NAMES: dict[type[Record], Callable[[Any], str]] = {
    Goal: lambda goal: f"goal #{goal.id} {goal.title}",
    LearningItem: lambda item: f"{item.kind.value} {item.title}",
    Skill: lambda skill: f"skill {skill.name}",
    Trait: lambda trait: f"{trait.kind.value} '{trait.title}'",
    Feedback: lambda feedback: f"feedback from {feedback.giver or 'someone'}",
    Evidence: lambda evidence: f"the feedback '{evidence.text}'",
}
"""How a sentence names a record of each kind."""


def _name(record: Record) -> str:
    """A record as a person names it in a sentence."""
    name = NAMES.get(type(record))
    return name(record) if name is not None else f"{record.entity} #{record.id}"
