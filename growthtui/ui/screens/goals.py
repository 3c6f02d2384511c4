"""Goals (3): the tree long → medium → short, filters, and the detail pane."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Static

from growthtui.domain import CheckIn, Goal, GoalStatus, Horizon, Milestone
from growthtui.domain.progress import goal_progress
from growthtui.domain.schedule import goal_is_overdue
from growthtui.ui.glyphs import UNICODE, Glyphs
from growthtui.ui.screens.base import AreaScreen
from growthtui.ui.screens.confirm import ConfirmModal
from growthtui.ui.screens.goal_detail import goal_detail
from growthtui.ui.screens.goal_form import GoalForm
from growthtui.ui.screens.progress_forms import CheckInForm, MilestoneForm
from growthtui.ui.screens.prompt import PromptModal
from growthtui.ui.widgets.filter_box import FilterBox
from growthtui.ui.widgets.record_table import RecordTable
from growthtui.ui.widgets.text_pane import TextPane

STATUS_FILTERS: tuple[tuple[str, frozenset[GoalStatus]], ...] = (
    ("open", frozenset({GoalStatus.ACTIVE, GoalStatus.PAUSED})),
    ("active", frozenset({GoalStatus.ACTIVE})),
    ("paused", frozenset({GoalStatus.PAUSED})),
    ("achieved", frozenset({GoalStatus.ACHIEVED})),
    ("dropped", frozenset({GoalStatus.DROPPED})),
    ("all", frozenset(GoalStatus)),
)
NEIGHBOURS_AFTER = 0.02
"""Seconds after a move before the goals next to the cursor have their detail prepared."""
HORIZON_FILTERS: tuple[Horizon | None, ...] = (None, Horizon.LONG, Horizon.MEDIUM, Horizon.SHORT)
HORIZON_ORDER = {Horizon.LONG: 0, Horizon.MEDIUM: 1, Horizon.SHORT: 2}


def goal_tree(goals: list[Goal], glyphs: Glyphs = UNICODE) -> Iterator[tuple[Goal, str]]:
    """Goals in tree order — each followed by its stepping stones — with the indent guide
    to draw before its title. A goal whose parent is not in `goals` is a root."""
    shown = {g.id for g in goals}
    children: dict[int | None, list[Goal]] = defaultdict(list)
    for goal in goals:
        parent = goal.parent_id if goal.parent_id in shown else None
        children[parent].append(goal)

    def order(goal: Goal) -> tuple[int, str, int]:
        due = goal.due.isoformat() if goal.due else "9999"
        return (HORIZON_ORDER[goal.horizon], due, goal.id or 0)

    def walk(parent: int | None, prefix: str) -> Iterator[tuple[Goal, str]]:
        kids = sorted(children.get(parent, []), key=order)
        for index, goal in enumerate(kids):
            last = index == len(kids) - 1
            if parent is None:
                yield goal, ""
                yield from walk(goal.id, "")
            else:
                yield goal, prefix + (glyphs.last_branch if last else glyphs.branch)
                yield from walk(goal.id, prefix + ("  " if last else glyphs.pipe))

    seen: set[int | None] = set()
    for goal, guide in walk(None, ""):
        if goal.id not in seen:
            seen.add(goal.id)
            yield goal, guide


@dataclass(frozen=True)
class _RowLook:
    """What every row of one listing is drawn with (looked up once, not per row)."""

    today: dt.date
    glyphs: Glyphs
    alarm_style: str


class GoalsScreen(AreaScreen):
    """Set SMART goals on three horizons and keep them honest."""

    MODE = "goals"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", "New", id="goals.new"),
        Binding("N", "new_child", "New stepping stone", id="goals.new_child", show=False),
        Binding("e,enter", "edit", "Edit", id="goals.edit"),
        Binding("space", "toggle_done", "Achieved", id="goals.toggle"),
        Binding("d", "delete", "Delete", id="goals.delete"),
        Binding("c", "checkin", "Check-in", id="goals.checkin", show=False),
        Binding("m", "milestone", "Milestone", id="goals.milestone", show=False),
        Binding("slash", "filter", "Filter", id="goals.filter"),
        Binding("f", "cycle_status", "Status filter", id="goals.status_filter", show=False),
        Binding("h", "cycle_horizon", "Horizon filter", id="goals.horizon_filter", show=False),
        Binding("escape", "clear_filter", "Clear filter", id="goals.clear_filter", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.status_filter = 0
        self.horizon_filter = 0
        self._goals: dict[int, Goal] = {}
        self._milestones: dict[int, list[Milestone]] = {}
        self._checkins: dict[int, list[CheckIn]] = {}
        self._children: dict[int, list[Goal]] = {}
        self._detail_for: tuple[int, object] | None = None
        self._detail_texts: dict[tuple[int, object], Text] = {}

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="goals-body"):
            with Vertical(id="goals-list", classes="pane") as pane:
                pane.border_title = "Goals: long → medium → short"
                yield FilterBox(
                    placeholder="filter: type words from a title, esc clears", id="goals-filter"
                )
                yield Static("", id="goals-filter-status", classes="pane-title")
                table = RecordTable(id="goals-table", flex="title")
                table.add_column("Goal", key="title")
                table.add_column("Due", key="due", width=10)
                table.add_column("Done", key="progress", width=4)
                yield table
            # The border is the pane's: the text's lines are drawn (and sent) without it.
            with Vertical(id="goals-detail", classes="pane") as pane:
                pane.border_title = "Detail"
                yield TextPane(id="goal-detail")

    def on_mount(self) -> None:
        table = self.query_one("#goals-table", RecordTable)
        table.follow = lambda _key: self._show_detail()
        # The detail draws no scrollbar: its border says where more of the text is.
        pane = self.query_one("#goals-detail")
        self.watch(
            self.query_one("#goal-detail", TextPane),
            "hint",
            lambda hint: setattr(pane, "border_subtitle", hint),
        )
        super().on_mount()
        table.focus()

    # -- data ------------------------------------------------------------------------
    @property
    def table(self) -> RecordTable:
        return self.query_one("#goals-table", RecordTable)

    def selected_goal(self) -> Goal | None:
        key = self.table.current_key
        return self._goals.get(int(key)) if key else None

    def refresh_data(self) -> None:
        goals = self.store.list(Goal)
        self._goals = {g.id or 0: g for g in goals}
        self._detail_texts.clear()
        self._milestones = defaultdict(list)
        for milestone in self.store.list(Milestone):
            self._milestones[milestone.goal_id].append(milestone)
        self._checkins = defaultdict(list)
        for checkin in self.store.list(CheckIn):
            self._checkins[checkin.goal_id].append(checkin)
        self._children = defaultdict(list)
        for goal in goals:
            if goal.parent_id is not None:
                self._children[goal.parent_id].append(goal)
        self._show_rows()

    def _visible(self) -> list[Goal]:
        statuses = STATUS_FILTERS[self.status_filter][1]
        horizon = HORIZON_FILTERS[self.horizon_filter]
        words = self.query_one("#goals-filter", FilterBox)
        out = []
        for goal in self._goals.values():
            if goal.status not in statuses:
                continue
            if horizon is not None and goal.horizon is not horizon:
                continue
            if not words.matches(goal.title, goal.specific, *goal.tags):
                continue
            out.append(goal)
        return out

    def _cells(self, goal: Goal, guide: str, look: _RowLook) -> tuple[Text, Text, Text]:
        """A goal's row: title (under its tree guide), due date, progress."""
        glyphs = look.glyphs
        gid = goal.id or 0
        progress = goal_progress(goal, self._milestones.get(gid, ()), self._checkins.get(gid, ()))
        style = ""
        if goal.status is GoalStatus.ACHIEVED:
            style = "dim"
        elif goal.status is GoalStatus.DROPPED:
            style = "dim strike"
        title = Text(guide, style="dim")
        title.append(goal.title, style=style)
        if goal.status is GoalStatus.PAUSED:
            title.append(" (paused)", style="italic")
        elif goal.status is GoalStatus.ACHIEVED:
            title.append(f" {glyphs.done}")
        due = Text(goal.due.isoformat() if goal.due else "", style="")
        if goal_is_overdue(goal, look.today):
            due = Text(f"{glyphs.overdue}{due.plain}"[:10], style=look.alarm_style)
        percent = f"{round(progress * 100)}%" if progress is not None else "–"
        return title, due, Text(percent, justify="right")

    def _show_rows(self, keep: str | None = None) -> None:
        """List the goals the filters let through, in tree order. Only the rows on screen
        are made (the list asks for them as it draws)."""
        look = _RowLook(self.today, self.glyphs, self.alarm_style)
        listed = goal_tree(self._visible(), look.glyphs)
        rows = {str(goal.id or 0): (goal, guide) for goal, guide in listed}
        self.table.show_rows(list(rows), lambda key: self._cells(*rows[key], look), keep=keep)
        status_name = STATUS_FILTERS[self.status_filter][0]
        horizon = HORIZON_FILTERS[self.horizon_filter]
        horizon_name = f"{horizon.value}-term" if horizon else "all horizons"
        words = f" · matching '{self.text_filter}'" if self.text_filter else ""
        summary = f"{len(rows)} {status_name} goals · {horizon_name}{words}"
        self.query_one("#goals-filter-status", Static).update(summary)
        self._show_detail(force=True)

    def _show_detail(self, force: bool = False) -> None:
        goal = self.selected_goal()
        detail = self.query_one("#goal-detail", TextPane)
        if goal is None:
            self._detail_for = None
            if self._goals:
                detail.show("No goal matches the filter. esc clears it; f and h change it.")
            else:
                detail.show(
                    "No goals yet.\n\nPress n to set your first goal: say what exactly, how "
                    "you will measure it, your plan, why it matters, and when it is due.\n\n"
                    "Long-term aspirations (5–10 years) break down into medium (1–3 years) and "
                    "short-term (3–6 months) stepping stones: N adds one under the selected goal."
                )
            return
        token = (goal.id or 0, self.growth_app.revision)
        if not force and token == self._detail_for:
            return
        another_goal = self._detail_for is None or self._detail_for[0] != token[0]
        self._detail_for = token
        detail.show(self._detail_text(goal, token), top=another_goal, key=token)
        # The goals above and below are the likely next: have their detail ready, once
        # this frame is out (run at once, the wrapping would hold the interpreter while
        # the output thread writes the frame).
        self.set_timer(NEIGHBOURS_AFTER, partial(self._prepare_neighbours, self.table.cursor_row))

    def _detail_text(self, goal: Goal, token: tuple[int, object]) -> Text:
        """The detail of a goal (kept for the goals next to the cursor)."""
        text = self._detail_texts.get(token)
        if text is None:
            gid = goal.id or 0
            text = goal_detail(
                goal,
                self.today,
                self._milestones.get(gid, []),
                self._checkins.get(gid, []),
                self._goals.get(goal.parent_id or -1),
                self._children.get(gid, []),
                self.glyphs,
            )
            if len(self._detail_texts) >= 8:
                del self._detail_texts[next(iter(self._detail_texts))]
            self._detail_texts[token] = text
        return text

    def _prepare_neighbours(self, row: int) -> None:
        """Wrap the details of the goals next to row `row` while the app is idle, so the
        next cursor move only draws."""
        table = self.table
        if table.cursor_row != row or not self.is_current:
            return  # the cursor moved on: its own move prepares the next ones
        detail = self.query_one("#goal-detail", TextPane)
        keys = table.row_keys_near(row)
        revision = self.growth_app.revision
        for key in keys:
            goal = self._goals.get(int(key))
            if goal is not None:
                token = (goal.id or 0, revision)
                detail.prepare(token, self._detail_text(goal, token))

    @on(RecordTable.RowHighlighted, "#goals-table")
    def _highlighted(self, _event: RecordTable.RowHighlighted) -> None:
        self._show_detail()

    @property
    def text_filter(self) -> str:
        return self.query_one("#goals-filter", FilterBox).words

    def select_goal(self, goal_id: int) -> None:
        """Show a goal, widening the filters if they hide it."""
        if str(goal_id) not in self.table.row_keys():
            self.status_filter = len(STATUS_FILTERS) - 1
            self.horizon_filter = 0
            self.query_one("#goals-filter", FilterBox).close()
            self._show_rows()
        self.table.move_to(str(goal_id))
        self.table.focus()

    # -- filters ---------------------------------------------------------------------
    def action_filter(self) -> None:
        self.query_one("#goals-filter", FilterBox).open()

    @on(Input.Changed, "#goals-filter")
    def _filter_typed(self, _event: Input.Changed) -> None:
        self._show_rows()

    @on(Input.Submitted, "#goals-filter")
    def _filter_done(self, _event: Input.Submitted) -> None:
        self.table.focus()

    def action_clear_filter(self) -> None:
        if self.query_one("#goals-filter", FilterBox).close():
            self.table.focus()

    def action_cycle_status(self) -> None:
        self.status_filter = (self.status_filter + 1) % len(STATUS_FILTERS)
        self._show_rows()

    def action_cycle_horizon(self) -> None:
        self.horizon_filter = (self.horizon_filter + 1) % len(HORIZON_FILTERS)
        self._show_rows()

    # -- changes ---------------------------------------------------------------------
    def _after_form(self, goal: Goal | None) -> None:
        if goal is not None:
            self.refresh_data()
            self.select_goal(goal.id or 0)

    def action_new(self) -> None:
        self.app.push_screen(GoalForm(), self._after_form)

    def action_new_child(self) -> None:
        goal = self.selected_goal()
        self.app.push_screen(GoalForm(parent_id=goal.id if goal else None), self._after_form)

    def action_edit(self) -> None:
        goal = self.selected_goal()
        if goal is None:
            self.notify("no goal selected: press n to add one", timeout=3)
            return
        self.app.push_screen(GoalForm(goal), self._after_form)

    def action_checkin(self) -> None:
        goal = self.selected_goal()
        if goal is None:
            self.notify("select a goal first", timeout=3)
            return
        self.app.push_screen(CheckInForm(goal))

    def action_milestone(self) -> None:
        goal = self.selected_goal()
        if goal is None:
            self.notify("select a goal first", timeout=3)
            return
        self.app.push_screen(MilestoneForm(goal))

    @work
    async def action_toggle_done(self) -> None:
        goal = self.selected_goal()
        if goal is None:
            return
        new_status = GoalStatus.ACTIVE if not goal.is_open else GoalStatus.ACHIEVED
        reason = await self.app.push_screen_wait(
            PromptModal(
                f"Mark '{goal.title}' {new_status.value}: why?",
                placeholder="one line for the goal's history (enter to skip)",
                optional=True,
            )
        )
        if reason is None:
            return
        updated = goal.model_copy(update={"status": new_status})
        if self.growth_app.attempt(
            lambda: self.store.update(updated, reason=reason, base=goal),
            f"#{goal.id} is now {new_status.value} (u undoes)",
        ):
            self.refresh_data()

    @work
    async def action_delete(self) -> None:
        goal = self.selected_goal()
        if goal is None:
            return
        gid = goal.id or 0
        milestones = len(self._milestones.get(gid, []))
        checkins = len(self._checkins.get(gid, []))
        children = len(self._children.get(gid, []))
        detail = f"Its {milestones} milestone(s) and {checkins} check-in(s) go with it."
        if children:
            detail += f" Its {children} stepping stone(s) stay, without a parent."
        detail += " u undoes."
        if not await self.app.push_screen_wait(
            ConfirmModal(f"Delete goal #{gid} '{goal.title}'?", detail, yes="Delete")
        ):
            return
        self.growth_app.attempt(
            lambda: self.store.delete(Goal, gid), f"deleted goal #{gid} (u undoes)"
        )
