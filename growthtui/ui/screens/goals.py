"""Goals (3): the tree long → medium → short, filters, and the detail pane.

Every key that acts on a goal acts on the one selected in the list (the one the detail
shows), whatever has the focus; every dialog names that goal; and coming back here (an
area key, the palette, a form or dialog closing) puts the focus on the list, on the goal
just touched."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from growthtui.domain.goals import CheckIn, Goal, Milestone
from growthtui.domain.kinds import GoalStatus, Horizon
from growthtui.domain.printable import printable
from growthtui.domain.progress import GoalProgress
from growthtui.domain.schedule import goal_is_overdue
from growthtui.domain.words import counted
from growthtui.ui.frames.borders import set_border_subtitle
from growthtui.ui.glyphs import UNICODE, Glyphs
from growthtui.ui.screens.goal_detail import goal_detail
from growthtui.ui.screens.goal_form import GoalForm
from growthtui.ui.screens.list_area import ListArea, filter_bindings, record_bindings
from growthtui.ui.screens.progress_forms import CheckInForm, MilestoneForm
from growthtui.ui.screens.prompt import PromptModal
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
STACK_BELOW = 92
"""Narrower than this (columns), the detail goes under the list: side by side, a goal's
title would keep fewer than 30 characters."""
DUE_WIDTH = 11
"""A date, and the mark of an overdue one before it: `!2026-01-15`."""


def goal_name(goal: Goal) -> str:
    """How a dialog names a goal: `#3 Write the RFC`."""
    return f"#{goal.id} {goal.title}"


def goal_tree(goals: list[Goal], glyphs: Glyphs = UNICODE) -> Iterator[tuple[Goal, str]]:
    """Goals in tree order — each followed by its stepping stones — with the indent guide
    to draw before its title. A goal whose parent is not in `goals` is a root."""
    shown = {g.id for g in goals}
    children: dict[int | None, list[Goal]] = defaultdict(list)
    for goal in goals:
        parent = goal.parent_id if goal.parent_id in shown else None
        children[parent].append(goal)

    def order(goal: Goal) -> tuple[int, dt.date, int]:
        return (HORIZON_ORDER[goal.horizon], goal.due or dt.date.max, goal.id)

    # Depth first with a stack of (goal, its guide, the prefix of its children's guides),
    # each family pushed last child first: a goal's subtree comes right after it. (Nested
    # generators, one a level, passed every goal up through each level above it.)
    roots = sorted(children.get(None, []), key=order)
    stack: list[tuple[Goal, str, str]] = [(goal, "", "") for goal in reversed(roots)]
    seen: set[int | None] = set()
    while stack:
        goal, guide, prefix = stack.pop()
        if goal.id in seen:
            continue
        seen.add(goal.id)
        yield goal, guide
        kids = children.get(goal.id)
        if kids:
            kids.sort(key=order)
            last = len(kids) - 1
            for index in range(last, -1, -1):
                end = index == last
                stack.append(
                    (
                        kids[index],
                        prefix + (glyphs.last_branch if end else glyphs.branch),
                        prefix + ("  " if end else glyphs.pipe),
                    )
                )


@dataclass(frozen=True)
class _RowLook:
    """What every row of one listing is drawn with (looked up once, not per row)."""

    today: dt.date
    glyphs: Glyphs
    alarm_style: str


class GoalsScreen(ListArea):
    """Set SMART goals on three horizons and keep them honest."""

    MODE = "goals"
    BINDINGS: ClassVar[list[BindingType]] = [
        *record_bindings(
            "goals",
            after_new=[
                Binding("N", "new_child", "New stepping stone", id="goals.new_child", show=False),
            ],
            after_edit=[
                Binding("space", "toggle_done", "Achieved", id="goals.toggle"),
            ],
        ),
        Binding("c", "checkin", "Check-in", id="goals.checkin", show=False),
        Binding("m", "milestone", "Milestone", id="goals.milestone", show=False),
        *filter_bindings(
            "goals",
            Binding("f", "cycle_status", "Status filter", id="goals.status_filter", show=False),
            Binding("h", "cycle_horizon", "Horizon filter", id="goals.horizon_filter", show=False),
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.status_filter = 0
        self.horizon_filter = 0
        self._goals: dict[int, Goal] = {}
        self._milestones: dict[int, list[Milestone]] = {}
        self._checkins: dict[int, list[CheckIn]] = {}
        self._children: dict[int, list[Goal]] = {}
        self._progress = GoalProgress({}, {}, {})
        self._detail_for: tuple[int, object] | None = None
        self._detail_texts: dict[tuple[int, object], Text] = {}
        self._detail_pane: TextPane | None = None

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="goals-body"):
            yield from self.compose_list(
                "Goals: long → medium → short",
                "filter: type words from a title, esc clears",
                Static("", id="goals-filter-status", classes="pane-title"),
                [("Goal", "title", None), ("Due", "due", DUE_WIDTH), ("Done", "progress", 4)],
                flex="title",
            )
            # The border is the pane's: the text's lines are drawn (and sent) without it.
            with Vertical(id="goals-detail", classes="pane") as pane:
                pane.border_title = "Detail"
                yield TextPane(id="goal-detail")

    def set_up(self) -> None:
        self.table.follow = lambda _key: self._show_detail()
        # The detail draws no scrollbar: its border says where more of the text is (that
        # border row alone is drawn again when it changes).
        pane = self.query_one("#goals-detail")
        self.watch(self.detail_pane, "hint", partial(set_border_subtitle, pane))
        self._lay_out(self.app.size.width)

    def on_resize(self, event: events.Resize) -> None:
        self._lay_out(event.size.width)

    def _lay_out(self, width: int) -> None:
        """Side by side from STACK_BELOW columns; narrower, the detail under the list."""
        stacked = width < STACK_BELOW
        body = self.query_one("#goals-body")
        if body.has_class("-stacked") == stacked and body.styles.layout is not None:
            return
        body.set_class(stacked, "-stacked")
        listing, detail = self.query_one("#goals-list"), self.query_one("#goals-detail")
        body.styles.layout = "vertical" if stacked else "horizontal"
        for pane in (listing, detail):
            pane.styles.width = "100%" if stacked else None
            pane.styles.height = "1fr" if stacked else None

    def on_screen_resume(self) -> None:
        # AreaScreen's on_screen_resume (catching up with the store) runs too, after this.
        self.focus_list()

    # -- data ------------------------------------------------------------------------
    def selected_goal(self) -> Goal | None:
        key = self.table.current_key
        return self._goals.get(int(key)) if key else None

    def refresh_data(self) -> None:
        goals = self.store.list(Goal)
        self._goals = {g.id: g for g in goals}
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
        self._progress = GoalProgress(self._goals, self._milestones, self._checkins, self._children)
        self.show_rows()

    def _visible(self) -> list[Goal]:
        statuses = STATUS_FILTERS[self.status_filter][1]
        horizon = HORIZON_FILTERS[self.horizon_filter]
        box = self.filter_box
        filtering = bool(box.words)  # else every goal matches: not asked once per goal
        out = []
        for goal in self._goals.values():
            if goal.status not in statuses:
                continue
            if horizon is not None and goal.horizon is not horizon:
                continue
            if filtering and not box.matches(goal.title, goal.specific, *goal.tags):
                continue
            out.append(goal)
        return out

    def _cells(self, goal: Goal, guide: str, look: _RowLook) -> tuple[Text, Text, Text]:
        """A goal's row: title (under its tree guide), due date, progress."""
        glyphs = look.glyphs
        progress = self._progress.of(goal.id)
        style = ""
        if goal.status is GoalStatus.ACHIEVED:
            style = "dim"
        elif goal.status is GoalStatus.DROPPED:
            style = "dim strike"
        title = Text(guide, style="dim")
        title.append(printable(goal.title), style=style)
        if goal.status is GoalStatus.PAUSED:
            title.append(" (paused)", style="italic")
        elif goal.status is GoalStatus.ACHIEVED:
            title.append(f" {glyphs.done}")
        due = Text(goal.due.isoformat() if goal.due else "", style="", justify="right")
        if goal_is_overdue(goal, look.today):
            due = Text(f"{glyphs.overdue}{due.plain}", style=look.alarm_style, justify="right")
        percent = f"{round(progress * 100)}%" if progress is not None else "–"
        return title, due, Text(percent, justify="right")

    def show_rows(self) -> None:
        """List the goals the filters let through, in tree order. Only the rows on screen
        are made (the list asks for them as it draws)."""
        look = _RowLook(self.today, self.glyphs, self.alarm_style)
        listed = goal_tree(self._visible(), look.glyphs)
        rows = {str(goal.id): (goal, guide) for goal, guide in listed}
        self.table.show_rows(list(rows), lambda key: self._cells(*rows[key], look))
        status_name = STATUS_FILTERS[self.status_filter][0]
        horizon = HORIZON_FILTERS[self.horizon_filter]
        horizon_name = f"{horizon.value}-term" if horizon else "all horizons"
        words = f" · matching '{printable(self.text_filter)}'" if self.text_filter else ""
        shown = (
            f"{counted(len(rows), 'goal')} of every status"
            if status_name == "all"
            else counted(len(rows), f"{status_name} goal")
        )
        summary = f"{shown} · {horizon_name}{words}"
        self.query_one("#goals-filter-status", Static).update(Text(summary))
        self._show_detail(force=True)

    @property
    def detail_pane(self) -> TextPane:
        """The detail's text (looked up once: every cursor move shows a goal in it)."""
        if self._detail_pane is None:
            self._detail_pane = self.query_one("#goal-detail", TextPane)
        return self._detail_pane

    def _show_detail(self, force: bool = False) -> None:
        goal = self.selected_goal()
        detail = self.detail_pane
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
        token = (goal.id, self.growth_app.revision)
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
            gid = goal.id
            text = goal_detail(
                goal,
                self.today,
                self._milestones.get(gid, []),
                self._checkins.get(gid, []),
                self._goals.get(goal.parent_id or -1),
                self._children.get(gid, []),
                self.glyphs,
                self._progress.of(gid),
            )
            if len(self._detail_texts) >= 8:
                del self._detail_texts[next(iter(self._detail_texts))]
            self._detail_texts[token] = text
        return text

    def _prepare_neighbours(self, row: int) -> None:
        """Draw the rows next to row `row` with the cursor on them (and that row without
        it), and wrap their goals' details, while the app is idle, so the next cursor move
        only shows kept lines."""
        table = self.table
        if table.cursor_row != row or not self.is_current:
            return  # the cursor moved on: its own move prepares the next ones
        table.prepare_rows([row - 1, row, row + 1])
        detail = self.detail_pane
        keys = table.row_keys_near(row)
        revision = self.growth_app.revision
        for key in keys:
            goal = self._goals.get(int(key))
            if goal is not None:
                token = (goal.id, revision)
                detail.prepare(token, self._detail_text(goal, token))

    @on(RecordTable.RowHighlighted, "#goals-table")
    def _highlighted(self, _event: RecordTable.RowHighlighted) -> None:
        self._show_detail()

    def select_goal(self, goal_id: int) -> None:
        """Show a goal, widening the filters if they hide it; the focus on the list."""
        self.select(str(goal_id))

    # -- filters ---------------------------------------------------------------------
    def widen_filters(self) -> None:
        self.status_filter = len(STATUS_FILTERS) - 1
        self.horizon_filter = 0

    def action_cycle_status(self) -> None:
        self.cycle("status_filter", len(STATUS_FILTERS))

    def action_cycle_horizon(self) -> None:
        self.cycle("horizon_filter", len(HORIZON_FILTERS))

    # -- changes ---------------------------------------------------------------------
    def _selected_or_say(self, what: str) -> Goal | None:
        hint = "press n to add one" if not self._goals else "select one first"
        return self.need(self.selected_goal(), f"no goal to {what}: {hint}")

    def action_new(self) -> None:
        self.open_dialog(GoalForm(), self.after_form)

    def action_new_child(self) -> None:
        goal = self.selected_goal()
        self.open_dialog(GoalForm(parent_id=goal.id if goal else None), self.after_form)

    def action_edit(self) -> None:
        goal = self._selected_or_say("edit")
        if goal is not None:
            self.open_dialog(GoalForm(goal), self.after_form)

    def action_checkin(self) -> None:
        goal = self._selected_or_say("check in on")
        if goal is not None:
            self.open_dialog(CheckInForm(goal), lambda _saved: self.back_on(goal.id))

    def action_milestone(self) -> None:
        goal = self._selected_or_say("add a milestone to")
        if goal is not None:
            self.open_dialog(MilestoneForm(goal), lambda _saved: self.back_on(goal.id))

    def action_toggle_done(self) -> None:
        goal = self._selected_or_say("mark")
        if goal is None:
            return
        new_status = GoalStatus.ACTIVE if not goal.is_open else GoalStatus.ACHIEVED

        def answered(reason: str | None) -> None:
            if reason is not None:
                updated = goal.model_copy(update={"status": new_status})
                self.save(updated, goal, f"#{goal.id} is now {new_status.value} (u undoes)", reason)
            self.back_on(goal.id)

        self.open_dialog(
            PromptModal(
                f"{goal_name(goal)}: mark {new_status.value} — why?",
                placeholder="one line for the goal's history (enter to skip)",
                optional=True,
            ),
            answered,
        )

    def action_delete(self) -> None:
        goal = self._selected_or_say("delete")
        if goal is None:
            return
        gid = goal.id
        milestones = len(self._milestones.get(gid, []))
        checkins = len(self._checkins.get(gid, []))
        children = len(self._children.get(gid, []))
        detail = (
            f"Its {counted(milestones, 'milestone')} and {counted(checkins, 'check-in')} "
            "go with it."
        )
        if children:
            detail += f" Its {counted(children, 'stepping stone')} stay, without a parent."
        detail += " u undoes."
        self.confirm_delete(
            f"Delete goal {goal_name(goal)}?",
            detail,
            Goal,
            gid,
            f"deleted goal #{gid} (u undoes)",
            then=lambda: self.back_on(gid),
        )
