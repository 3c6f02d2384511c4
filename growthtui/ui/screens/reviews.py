"""Reviews (7): past reviews and their decisions, when the next one is due, the guided
review, and the evidence log (the running brag document reviews gather)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from growthtui.domain.assessment import Skill
from growthtui.domain.cadence import review_due
from growthtui.domain.evidence import Evidence
from growthtui.domain.goals import Goal
from growthtui.domain.kinds import GoalStatus
from growthtui.domain.people import Person
from growthtui.domain.reviews import Review, ReviewStep
from growthtui.services import reviews as service
from growthtui.ui.screens.evidence_form import EvidenceForm
from growthtui.ui.screens.list_area import PanelArea, detail_pane, record_table
from growthtui.ui.screens.review_form import REFLECTION_LABELS
from growthtui.ui.widgets.record_table import RecordTable, Row


class ReviewsScreen(PanelArea):
    """Review and adjust: past reviews and the guided review."""

    MODE = "reviews"
    NEW_KEYS = (Binding("s", "start_review", "Start review", id="reviews.start_review"),)
    MORE_KEYS = (
        Binding("p", "app.edit_profile", "Profile and cadence", id="reviews.profile", show=False),
    )
    PALETTE_EXTRAS: ClassVar[list[tuple[str, str, str]]] = [
        ("log evidence", "log a win, praise, lesson or feedback", "new_evidence"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._reviews: dict[int, Review] = {}
        self._evidence: dict[int, Evidence] = {}
        self._goals: dict[int, Goal] = {}
        self._last_panel = "reviews"

    def compose_body(self) -> ComposeResult:
        yield Static("", id="review-due", classes="banner")
        with Vertical(id="reviews-body"):
            with Horizontal(id="reviews-top"):
                with Vertical(classes="pane", id="pane-reviews") as pane:
                    pane.border_title = "Reviews"
                    yield record_table(
                        "table-reviews",
                        [
                            ("Date", "date", 10),
                            ("Review", "title", None),
                            ("Dec", "decisions", 3),
                            ("Sat", "satisfaction", 3),
                        ],
                        flex="title",
                    )
                yield detail_pane(
                    "pane-review-detail", "Detail (tab here to scroll)", "review-detail"
                )
            with Vertical(classes="pane", id="pane-evidence") as pane:
                pane.border_title = "Evidence log: wins, praise, feedback, lessons (w logs one)"
                columns = [
                    ("Date", "date", 10),
                    ("Kind", "kind", 8),
                    ("What happened", "text", None),
                ]
                yield record_table("table-evidence", columns, flex="text")

    # -- reading ---------------------------------------------------------------------
    @property
    def panel(self) -> str:
        """The list keys act on: the focused one, or the last one focused (while the
        detail pane has the focus for scrolling)."""
        focused = self.focused
        if isinstance(focused, RecordTable):
            self._last_panel = "evidence" if focused.id == "table-evidence" else "reviews"
        return self._last_panel

    def selected(self) -> Review | Evidence | None:
        table = self.query_one(f"#table-{self.panel}", RecordTable)
        key = table.current_key
        if key is None:
            return None
        if self.panel == "evidence":
            return self._evidence.get(int(key))
        return self._reviews.get(int(key))

    def refresh_data(self) -> None:
        store = self.store
        reviews = store.list(Review)
        self._reviews = {r.id: r for r in reviews}
        self._goals = {g.id: g for g in store.list(Goal)}
        evidence = store.list(Evidence)
        self._evidence = {e.id: e for e in evidence}
        self._show_due(reviews)
        rows: list[Row] = []
        for review in sorted(reviews, key=lambda r: (r.draft, r.date, r.id), reverse=True):
            title = Text(review.period.value)
            if review.draft:
                title = Text(f"draft: {review.step.value}", style="italic")
            decided = Text(str(len(review.decisions)), justify="right")
            sat = Text(str(review.satisfaction) if review.satisfaction else "–", justify="right")
            rows.append((str(review.id), (review.date.isoformat(), title, decided, sat)))
        self.query_one("#table-reviews", RecordTable).sync(rows)
        evidence_rows: list[Row] = []
        for item in sorted(evidence, key=lambda e: (e.date, e.id), reverse=True):
            kind = item.kind.value.replace("feedback received", "feedback")
            evidence_rows.append((str(item.id), (item.date.isoformat(), kind, item.text)))
        self.query_one("#table-evidence", RecordTable).sync(evidence_rows)
        count = len(evidence)
        pane = self.query_one("#pane-evidence")
        pane.border_title = f"Evidence log ({count}): wins, praise, feedback, lessons · w logs one"
        self.show_detail()

    def _show_due(self, reviews: list[Review]) -> None:
        banner = self.query_one("#review-due", Static)
        cadence = self.store.profile().review_cadence
        due = review_due(cadence, reviews, self.today)
        draft = service.open_draft(self.store)
        if draft is None and not any(g.status is GoalStatus.ACTIVE for g in self._goals.values()):
            # Nothing to review yet: no nag, but what comes first.
            banner.update("No active goal to review yet: set one in Goals (3, then n)")
            banner.set_class(False, "-due")
            return
        if draft is not None:
            text = (
                f"{self.glyphs.overdue} Draft {draft.period.value} review at "
                f"'{draft.step.value}', {len(draft.decisions)} decided · s resumes it"
            )
        else:
            said = due.describe(cadence)
            text = f"{said[0].upper()}{said[1:]}"
            if not due.never_reviewed:
                text += f" ({due.due.isoformat()})"
            text += " · s starts it" + (" now" if not due.is_due else "") + " · p cadence"
            if due.is_due:
                text = f"{self.glyphs.overdue} {text}"
        banner.update(text)
        banner.set_class(due.is_due or draft is not None, "-due")

    def show_detail(self) -> None:
        record = self.selected()
        detail = self.query_one("#review-detail", Static)
        if record is None:
            if self.panel == "evidence":
                detail.update("No evidence yet. w (from any screen) logs a win as it happens.")
            else:
                detail.update(
                    "No reviews yet. s starts a guided review: it gathers the evidence of the "
                    "period per goal and walks each active goal to a decision."
                )
            return
        if isinstance(record, Evidence):
            detail.update(self._evidence_detail(record))
        else:
            detail.update(self._review_detail(record))

    def _goal_name(self, goal_id: int) -> str:
        goal = self._goals.get(goal_id)
        return f"#{goal_id} {goal.title}" if goal else f"#{goal_id} (deleted goal)"

    def _review_detail(self, review: Review) -> Text:
        text = Text()
        text.append(review.title.capitalize(), style="bold")
        if review.draft:
            text.append(f" (draft, at '{review.step.value}': s resumes)", style="italic")
        text.append(f"\nCovers {review.covers_from.isoformat()} → {review.covers_to.isoformat()}")
        if review.satisfaction:
            text.append(f" · satisfaction {review.satisfaction}/5")
        text.append("\n")
        if review.decisions:
            text.append("\nDecisions\n", style="bold")
            for decision in review.decisions:
                text.append(f" {decision.decision.value:<8}", style="bold")
                text.append(self._goal_name(decision.goal_id))
                if decision.note:
                    text.append(f": {decision.note}", style="italic")
                text.append("\n")
        for name, label in REFLECTION_LABELS:
            value = str(getattr(review, name))
            if value:
                text.append(f"\n{label}\n", style="bold")
                text.append(f"{value}\n")
        text.rstrip()
        return text

    def _evidence_detail(self, item: Evidence) -> Text:
        text = Text()
        text.append(f"{item.kind.value.capitalize()} · {item.date.isoformat()}\n", style="bold")
        text.append(f"{item.text}\n")
        goals = [self._goal_name(g) for g in item.goal_ids]
        skills = [s.name for s in self.store.list(Skill) if s.id in item.skill_ids]
        people = [p.name for p in self.store.list(Person) if p.id in item.person_ids]
        for label, names in (("Goals", goals), ("Skills", skills), ("People", people)):
            if names:
                text.append(f"\n{label}: ", style="bold")
                text.append(", ".join(names))
        text.append("\n\ne edits · d deletes", style="dim")
        return text

    # -- actions -----------------------------------------------------------------------
    def _select(self, panel: str, record: Review | Evidence | None) -> None:
        self.select_in(self.query_one(f"#table-{panel}", RecordTable), record)

    def action_new(self) -> None:
        if self.panel == "evidence":
            self.action_new_evidence()
        else:
            self.action_start_review()

    def action_new_evidence(self) -> None:
        self.open_dialog(EvidenceForm(), lambda e: self._select("evidence", e))

    def action_start_review(self) -> None:
        """Resume the review left half-way, or start one for the period since the last."""
        drafts: list[Review] = []
        if not self.growth_app.attempt(
            lambda: drafts.append(service.start_or_resume(self.store, self.today))
        ):
            return
        from growthtui.ui.screens.review_wizard import ReviewWizard

        self.open_dialog(ReviewWizard(drafts[0]), self._after_wizard)

    def _after_wizard(self, review: Review | None) -> None:
        draft = review or service.open_draft(self.store)
        self._select("reviews", draft)

    def action_edit(self) -> None:
        record = self.selected()
        if record is None:
            self.notify("nothing selected: s starts a review, w logs evidence", timeout=3)
        elif isinstance(record, Evidence):
            self.open_dialog(EvidenceForm(record), lambda e: self._select("evidence", e))
        elif record.draft:
            self.action_start_review()
        else:
            from growthtui.ui.screens.review_form import ReviewForm  # a TextArea: loaded on use

            self.open_dialog(ReviewForm(record), lambda r: self._select("reviews", r))

    def action_delete(self) -> None:
        record = self.selected()
        if record is None:
            return
        if isinstance(record, Evidence):
            question = f"Delete the {record.kind.value} '{record.text[:40]}'?"
            detail = "u undoes."
            model: type[Review] | type[Evidence] = Evidence
            done = "deleted the evidence (u undoes)"
        else:
            question = f"Delete the {'draft ' if record.draft else ''}{record.title}?"
            detail = "Goal changes it made stay, with their reasons, in each goal's history."
            if record.draft and record.step is not ReviewStep.PERIOD:
                detail += " The draft's typed text goes with it."
            detail += " u undoes."
            model = Review
            done = f"deleted the {record.title} (u undoes)"
        self.confirm_delete(question, detail, model, record.id, done)
