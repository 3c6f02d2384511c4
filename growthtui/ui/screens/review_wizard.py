"""The guided review: choose the period, walk each active goal with the period's evidence
beside it to a decision, then look back and ahead. Every step is saved as a draft, so
`escape` leaves it at any point and it resumes where it was left."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Label, OptionList, Static, TextArea

from growthtui.domain.dates import parse_date
from growthtui.domain.errors import GrowthError, InvalidInput, InvalidRecord
from growthtui.domain.goals import CheckIn, Goal, Milestone
from growthtui.domain.kinds import Cadence
from growthtui.domain.progress import goal_progress
from growthtui.domain.reviews import Decision, Review, ReviewStep
from growthtui.domain.words import counted
from growthtui.services import reviews as service
from growthtui.ui.screens.app_access import AppAccess
from growthtui.ui.screens.review_form import SATISFACTION_CHOICES
from growthtui.ui.screens.review_goal import DECISIONS, ReviewGoalForm, evidence_text, past_tense
from growthtui.ui.widgets.form import FormField, choice, text_input
from growthtui.ui.widgets.record_text import RecordText

if TYPE_CHECKING:
    pass

STEP_NUMBER = {
    ReviewStep.PERIOD: 1,
    ReviewStep.GOALS: 2,
    ReviewStep.LOOK_BACK: 3,
    ReviewStep.LOOK_AHEAD: 4,
}
TEXT_FIELDS = {
    ReviewStep.LOOK_BACK: (
        ("wins", "Wins", "what went well (your logged wins are filled in)"),
        ("obstacles", "Obstacles", "what got in the way"),
        ("lessons", "Lessons", "what you would tell yourself three months ago"),
    ),
    ReviewStep.LOOK_AHEAD: (
        ("what_worked", "What worked", "habits, help, tools to keep"),
        ("what_didnt", "What didn't", "what to stop or change"),
        ("next_focus", "Next focus", "the one or two things that matter most next"),
    ),
}
KEYS = "[b]ctrl+s[/b] save and go on   [b]esc[/b] leave (kept as a draft)   [b]tab[/b] next field"


class ReviewWizard(AppAccess, ModalScreen[Review | None]):
    """Walk a review draft to the end; dismisses with the finished review, or None when
    left half-way (the draft holds everything done and typed so far)."""

    CSS_PATH = "../styles/reviews.tcss"
    BINDING_GROUP_TITLE = "Guided review"
    BINDINGS: ClassVar[list[BindingType]] = [
        # Not a priority binding: it must queue behind the keys typed before it.
        Binding("ctrl+s", "next", "Save and go on", id="review.next"),
        Binding("escape", "leave", "Leave, resume later", id="review.leave"),
        # Priority, so focus moves the moment tab arrives (keys typed right after it go to
        # the next field, not the one being left).
        Binding(
            "tab", "app.focus_next", "Next field", id="review.next_field", show=False, priority=True
        ),
        Binding(
            "shift+tab",
            "app.focus_previous",
            "Previous field",
            id="review.previous_field",
            show=False,
            priority=True,
        ),
    ]

    def __init__(self, draft: Review) -> None:
        super().__init__(classes="wizard-screen")
        self.review = draft
        self.goal: Goal | None = None
        """The goal on screen during the goals step."""

    def compose(self) -> ComposeResult:
        with Vertical(id="wizard"):
            yield Static("", id="wizard-title")
            yield Vertical(id="wizard-body")
            yield RecordText("", id="wizard-error", classes="form-error")
            yield Static(KEYS, id="wizard-keys", classes="dialog-keys")

    async def on_mount(self) -> None:
        await self.show_step()

    # -- showing a step ------------------------------------------------------------------
    async def show_step(self) -> None:
        """Build the widgets of the draft's current step."""
        self.review = self.store.find(Review, self.review.id) or self.review
        self.set_error("")
        step = self.review.step
        if step is ReviewStep.GOALS:
            left = service.goals_left(self.store, self.review)
            if not left:
                await self._after_goals()
                return
            pending = next((g for g in left if g.id == self.review.pending_goal_id), None)
            self.goal = pending or left[0]
        body = self.query_one("#wizard-body", Vertical)
        await body.remove_children()
        widgets: list[Widget]
        if step is ReviewStep.PERIOD:
            widgets = self._period_widgets()
        elif step is ReviewStep.GOALS:
            widgets = self._goal_widgets()
        else:
            widgets = self._text_widgets(step)
        await body.mount_all(widgets)
        self._show_title()
        self._focus_first()
        self.call_after_refresh(self._focus_if_lost)

    def _show_title(self) -> None:
        review = self.review
        step = review.step
        where = {
            ReviewStep.PERIOD: "the period",
            ReviewStep.LOOK_BACK: "looking back",
            ReviewStep.LOOK_AHEAD: "looking ahead",
        }.get(step, "")
        if step is ReviewStep.GOALS:
            done = len(review.decisions)
            total = done + len(service.goals_left(self.store, review))
            where = f"goal {done + 1} of {total}"
        self.query_one("#wizard-title", Static).update(
            f"[b]{review.period.value.capitalize()} review[/b] · "
            f"{review.covers_from.isoformat()} → {review.covers_to.isoformat()} · "
            f"step {STEP_NUMBER.get(step, 4)} of 4: {where}"
        )

    def _focus_if_lost(self) -> None:
        """Removing the last step's focused field may move the focus outside the step;
        bring it back, unless the person already moved it within the step. (Runs after a
        refresh: the next step may be half built by then, so nothing here may assume it.)"""
        if not self.is_attached:
            return
        body = self.query_one("#wizard-body")
        focused = self.focused
        if focused is None or body not in focused.ancestors:
            self._focus_first()

    def _focus_first(self) -> None:
        # set_focus acts at once; Widget.focus() is deferred, and keys typed meanwhile would
        # go to the old focus.
        selector = (
            "#decision"
            if self.review.step is ReviewStep.GOALS
            else "#wizard-body Input, #wizard-body ChoiceField, #wizard-body TextArea"
        )
        for widget in self.query(selector):
            self.set_focus(widget)
            return

    def set_error(self, message: str) -> None:
        self.query_one("#wizard-error", Static).update(message)

    def _period_widgets(self) -> list[Widget]:
        review = self.review
        last = max(
            (r for r in self.store.list(Review, draft=False)),
            key=lambda r: (r.date, r.id),
            default=None,
        )
        since = (
            f"Your last review was the {last.title}."
            if last
            else "This is your first review: welcome."
        )
        goals = len(service.goals_left(self.store, review)) + len(review.decisions)
        intro = Static(
            f"{since} This review walks your {counted(goals, 'active goal')}, one at a time, with "
            "everything you logged in the period beside each: wins, milestones done, "
            "check-ins, learning finished, conversations. For each you decide: keep, adjust, "
            "pause, achieve or drop. Then you look back and ahead.",
            classes="wizard-intro",
        )
        return [
            intro,
            FormField(
                "period",
                "Kind of review",
                choice([(c.value, c.value) for c in Cadence], review.period.value),
            ),
            FormField(
                "covers_from",
                "Covers from",
                text_input(review.covers_from.isoformat(), "YYYY-MM-DD"),
                "from your last review",
            ),
            FormField("covers_to", "Covers to", text_input(review.covers_to.isoformat())),
        ]

    def _goal_widgets(self) -> list[Widget]:
        goal = self.goal
        assert goal is not None
        found = service.evidence_for(self.store, self.review, goal)
        progress = goal_progress(
            goal,
            self.store.list(Milestone, goal_id=goal.id),
            self.store.list(CheckIn, goal_id=goal.id),
        )
        shown = RecordText(evidence_text(found, self.growth_app.glyphs, progress))
        evidence = VerticalScroll(shown, id="review-evidence", classes="pane")
        evidence.border_title = "What the period holds"
        evidence.can_focus = True
        note = self.review.pending_note if self.review.pending_goal_id == goal.id else ""
        choices = OptionList(*(label for _, label in DECISIONS), id="decision", compact=True)
        choices.highlighted = 0
        decide = Vertical(
            Label("Decision  [dim]↑↓ picks[/dim]", classes="field-label"),
            choices,
            FormField("note", "Why (for the history)", text_input(note)),
            RecordText(self._decided_so_far(), id="review-decided"),
            id="review-decide",
            classes="pane",
        )
        decide.border_title = "Your decision"
        return [Horizontal(evidence, decide, id="review-goal")]

    def _decided_so_far(self) -> Text:
        text = Text(
            "adjust opens the goal editor; its history records the reason "
            f"'{self.review.reason('your note')}'\n"
        )
        if self.review.decisions:
            text.append("\nDecided so far\n", style="bold")
            for decision in self.review.decisions:
                goal = self.store.find(Goal, decision.goal_id)
                title = goal.title if goal else "(deleted goal)"
                text.append(f"{past_tense(decision.decision)}: #{decision.goal_id} {title}\n")
        text.rstrip()
        return text

    def _text_widgets(self, step: ReviewStep) -> list[Widget]:
        review = self.review
        widgets: list[Widget] = []
        for name, label, hint in TEXT_FIELDS.get(step, ()):
            area = TextArea(str(getattr(review, name)), id=f"text-{name}", compact=True)
            area.placeholder = hint
            widgets.append(Label(label, classes="field-label"))
            widgets.append(area)
            if step is ReviewStep.LOOK_AHEAD and name == "what_didnt":
                widgets.append(
                    FormField(
                        "satisfaction",
                        "How satisfied are you with the period?",
                        choice(SATISFACTION_CHOICES, review.satisfaction, allow_blank=True),
                    )
                )
        return [VerticalScroll(*widgets, id="review-text")]

    # -- reading what was typed ------------------------------------------------------------
    def typed(self) -> dict[str, Any]:
        """The current step's values, as Review fields (dates not parsed yet)."""
        values: dict[str, Any] = {}
        for area in self.query("#wizard-body TextArea").results(TextArea):
            values[(area.id or "").removeprefix("text-")] = area.text
        for form_field in self.query("#wizard-body FormField").results(FormField):
            values[form_field.field_name] = form_field.value()
        return values

    def _decision(self) -> Decision:
        index = self.query_one("#decision", OptionList).highlighted
        return DECISIONS[index or 0][0]

    @on(OptionList.OptionSelected, "#decision")
    def _to_the_note(self, _event: OptionList.OptionSelected) -> None:
        self.set_focus(self.query_one("#field-note Input", Input))

    def _period_changes(self, values: dict[str, Any]) -> dict[str, Any]:
        errors: dict[str, str] = {}
        changes: dict[str, Any] = {"period": values["period"] or self.review.period}
        for name, label in (("covers_from", "start"), ("covers_to", "end")):
            try:
                changes[name] = parse_date(values[name], self.today, label)
            except InvalidInput as error:
                errors[name] = str(error)
        if errors:
            raise InvalidRecord(list(errors.items()))
        return changes

    def _show_field_errors(self, error: InvalidInput) -> None:
        by_field = error.by_field() if isinstance(error, InvalidRecord) else {}
        names = {f.field_name for f in self.query(FormField)}
        for form_field in self.query(FormField):
            form_field.set_error(by_field.get(form_field.field_name))
        rest = [m for f, m in by_field.items() if f not in names] or (
            [] if by_field else [str(error)]
        )
        self.set_error("\n".join(rest))

    # -- going on --------------------------------------------------------------------------
    async def action_next(self) -> None:
        step = self.review.step
        if step is ReviewStep.GOALS and not self.query("#decision"):
            return  # the step is still being built: nothing on screen to save yet
        values = self.typed()
        try:
            if step is ReviewStep.PERIOD:
                changes = self._period_changes(values)
                self.review = service.save_draft(
                    self.store, self.review, **changes, step=ReviewStep.GOALS
                )
            elif step is ReviewStep.GOALS:
                await self._decide(values.get("note", ""))
                return
            elif step is ReviewStep.LOOK_BACK:
                self.review = service.save_draft(
                    self.store, self.review, **values, step=ReviewStep.LOOK_AHEAD
                )
            else:
                self.review = service.save_draft(self.store, self.review, **values)
                self._finish()
                return
        except InvalidInput as error:
            self._show_field_errors(error)
            return
        except GrowthError as error:
            self.set_error(str(error))
            return
        self.growth_app.data_changed()
        await self.show_step()

    async def _decide(self, note: str) -> None:
        goal = self.goal
        assert goal is not None
        decision = self._decision()
        if decision is Decision.ADJUST:
            self.app.push_screen(ReviewGoalForm(goal, self.review, note), self._adjusted)
            return
        try:
            self.review = service.decide(self.store, self.review, goal.id, decision, note)
        except GrowthError as error:
            self.set_error(str(error))
            return
        self.growth_app.data_changed()
        await self.show_step()

    async def _adjusted(self, goal: Goal | None) -> None:
        if goal is None:
            return  # back to the decision, nothing lost
        await self.show_step()

    async def _after_goals(self) -> None:
        """Every goal decided: on to looking back, starting from the wins logged."""
        changes: dict[str, Any] = {"step": ReviewStep.LOOK_BACK}
        for name, text in service.suggested_reflection(self.store, self.review).items():
            if not getattr(self.review, name) and text:
                changes[name] = text
        self.review = service.save_draft(self.store, self.review, **changes)
        self.growth_app.data_changed()
        await self.show_step()

    def _finish(self) -> None:
        try:
            done = service.finish(self.store, self.review)
        except InvalidInput as error:
            # A goal became active meanwhile (another session): decide it first.
            self.review = service.save_draft(self.store, self.review, step=ReviewStep.GOALS)
            self.notify(str(error), severity="warning", timeout=6)
            self.call_later(self.show_step)
            return
        self.growth_app.data_changed()
        self.notify(
            f"{done.title} saved: {counted(len(done.decisions), 'decision')} "
            "(u undoes the last step)",
            timeout=5,
        )
        self.dismiss(done)

    # -- leaving ---------------------------------------------------------------------------
    def action_leave(self) -> None:
        """Keep everything typed on this step in the draft, then close."""
        values = self.typed()
        step = self.review.step
        changes: dict[str, Any] = {}
        if step is ReviewStep.PERIOD:
            try:
                changes = self._period_changes(values)
            except InvalidInput:
                changes = {"period": values.get("period") or self.review.period}
        elif step is ReviewStep.GOALS and self.goal is not None:
            changes = {"pending_goal_id": self.goal.id, "pending_note": values.get("note", "")}
        else:
            changes = values
        try:
            self.review = service.save_draft(self.store, self.review, **changes)
        except GrowthError as error:
            self.set_error(f"{error} — fix it, or the draft keeps the last saved values")
            return
        self.growth_app.data_changed()
        self.notify("review kept as a draft: s on Reviews (7) resumes it here", timeout=5)
        self.dismiss(None)
