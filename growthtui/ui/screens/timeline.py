"""Timeline (4): milestones by month in horizon lanes, and goals as bars across the months."""

from __future__ import annotations

from collections import defaultdict
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Static

from growthtui.domain.goals import CheckIn, Goal, Milestone
from growthtui.domain.kinds import GoalStatus
from growthtui.domain.progress import GoalProgress
from growthtui.domain.timeline import first_due_from
from growthtui.domain.words import counted
from growthtui.services.milestones import toggle_done, toggled_message
from growthtui.ui.screens.goal_form import GoalForm
from growthtui.ui.screens.goal_picker import GoalPicker
from growthtui.ui.screens.goals import goal_tree
from growthtui.ui.screens.list_area import RecordsArea
from growthtui.ui.screens.progress_forms import MilestoneForm
from growthtui.ui.screens.timeline_rows import (
    LANES,
    MONTH_KEY,
    GoalBars,
    MilestoneListing,
    MilestoneRows,
)
from growthtui.ui.screens.timeline_text import goal_summary, milestone_summary, month_summary
from growthtui.ui.widgets.gantt import GanttChart
from growthtui.ui.widgets.lane_list import LaneList
from growthtui.ui.widgets.record_text import RecordText

MILESTONE_FILTERS: tuple[tuple[str, bool | None], ...] = (
    ("all", None),
    ("open", False),
    ("done", True),
)
"""(name, done?) — which milestones the list shows; `f` cycles."""
GOAL_FILTERS: tuple[tuple[str, frozenset[GoalStatus]], ...] = (
    ("open", frozenset({GoalStatus.ACTIVE, GoalStatus.PAUSED})),
    ("all", frozenset(GoalStatus)),
)
"""Which goals the bars show; `f` cycles."""
LIST, BARS = "list", "bars"


class TimelineScreen(RecordsArea):
    """Milestones by month in horizon lanes, and goals as bars across the months."""

    MODE = "timeline"
    CSS_PATH = "../styles/timeline.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_done", "Done", id="timeline.toggle"),
        Binding("e,enter", "edit", "Edit", id="timeline.edit"),
        Binding("n", "new", "New", id="timeline.new"),
        Binding("d", "delete", "Delete", id="timeline.delete"),
        Binding("v", "switch_view", "View", id="timeline.view"),
        Binding("o", "open_goal", "Open goal", id="timeline.open_goal"),
        Binding("t", "today", "Today", id="timeline.today", show=False),
        Binding(
            "left_square_bracket,less_than_sign",
            "earlier",
            "Earlier",
            id="timeline.earlier",
            show=False,
        ),
        Binding(
            "right_square_bracket,greater_than_sign",
            "later",
            "Later",
            id="timeline.later",
            show=False,
        ),
        Binding("z", "zoom", "Months/quarters", id="timeline.zoom", show=False),
        Binding("f", "cycle_filter", "Status filter", id="timeline.filter", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.view = LIST
        self.milestone_filter = 0
        self.goal_filter = 0
        self._goals: dict[int, Goal] = {}
        self._milestones: dict[int, Milestone] = {}
        self._by_goal: dict[int, list[Milestone]] = {}
        self._progress = GoalProgress({}, {}, {})
        self._opened = False
        self._lane_rows = MilestoneRows()
        self._listing: MilestoneListing | None = None
        self._bars = GoalBars()
        self._detail_for: object = None
        """What the detail shows (see `_show_detail`): the same is not drawn again."""

    def compose_body(self) -> ComposeResult:
        with Vertical(id="timeline-pane", classes="pane") as pane:
            pane.border_title = "Milestones by month, in horizon lanes"
            yield RecordText("", id="timeline-summary", classes="pane-title")
            yield LaneList(
                "Due",
                [f"{horizon.value.capitalize()}-term" for horizon in LANES],
                first_width=11,
                divider=self.glyphs.pipe[0],
                id="timeline-table",
            )
            yield GanttChart(id="timeline-gantt")
            yield RecordText("", id="timeline-detail")

    def set_up(self) -> None:
        self.gantt.display = False

    @property
    def table(self) -> LaneList:
        return self.query_one("#timeline-table", LaneList)

    @property
    def gantt(self) -> GanttChart:
        return self.query_one("#timeline-gantt", GanttChart)

    # -- data ------------------------------------------------------------------------
    def refresh_data(self) -> None:
        self._goals = {g.id: g for g in self.store.list(Goal)}
        milestones = self.store.list(Milestone)
        self._milestones = {m.id: m for m in milestones}
        self._by_goal = defaultdict(list)
        for milestone in milestones:
            self._by_goal[milestone.goal_id].append(milestone)
        checkins: dict[int, list[CheckIn]] = defaultdict(list)
        for checkin in self.store.list(CheckIn):
            checkins[checkin.goal_id].append(checkin)
        self._progress = GoalProgress(self._goals, self._by_goal, checkins)
        # The first time, the list opens on today: its cursor put there as it is filled,
        # so the detail is made (and the pane laid out) once, not first for the top row
        # and then again for today's.
        first = not self._opened
        self._opened = True
        if self.view == LIST:
            self._show_list(today=first)
        else:
            self._show_bars()
            if first:
                self.action_today()

    def _show(self, keep: str | None = None) -> None:
        """Fill the view on screen (the other one is filled when it is shown)."""
        if self.view == LIST:
            self._show_list(keep)
        else:
            self._show_bars(keep)

    def _visible_milestones(self) -> list[Milestone]:
        done = MILESTONE_FILTERS[self.milestone_filter][1]
        if done is None:
            return list(self._milestones.values())
        return [m for m in self._milestones.values() if (m.done_at is not None) is done]

    def _show_list(self, keep: str | None = None, *, today: bool = False) -> None:
        """Fill the list; with `today`, its cursor on today's row (see `action_today`)."""
        visible = self._visible_milestones()
        listing = self._lane_rows.listing(visible, self._goals, self.today, self.glyphs)
        self._listing = listing
        if today and listing.keys:
            found = first_due_from(visible, self.today)
            keep = str(found.id) if found is not None else listing.keys[-1]
        if self._milestones:
            self.table.empty = "No milestones match the filter — f cycles it"
        elif self._goals:
            self.table.empty = "No milestones yet — n adds one to a goal"
        else:
            self.table.empty = "No milestones yet — press 3, then n to set a goal, then m on it"
        self.table.show_rows(
            listing.keys,
            listing.row,
            keep=keep,
            weights=listing.lane_needs,
            alarm_style=self.alarm_style,
        )
        overdue = listing.overdue
        name = MILESTONE_FILTERS[self.milestone_filter][0]
        alarm = f" · {self.glyphs.overdue} {overdue} overdue" if overdue else ""
        self._summary(f"{counted(len(visible), 'milestone')} ({name}){alarm} · v bars · f filter")
        self._show_detail()

    def _visible_goals(self) -> list[Goal]:
        statuses = GOAL_FILTERS[self.goal_filter][1]
        return [g for g in self._goals.values() if g.status in statuses]

    def _show_bars(self, keep: str | None = None) -> None:
        today, alarm_style = self.today, self.alarm_style
        tree = goal_tree(self._visible_goals(), self.glyphs)
        rows = self._bars.build(
            tree, self._by_goal, self._progress.of, today, self.glyphs, alarm_style
        )
        self.gantt.show(rows, today, self.glyphs, alarm_style, keep=keep)
        self._bars_summary()
        self._show_detail()

    def _bars_summary(self) -> None:
        window = self.gantt.window
        name = GOAL_FILTERS[self.goal_filter][0]
        self._summary(
            f"{counted(len(self.gantt.rows), 'goal')} ({name}) · {window.describe()} · "
            "[ ] shift · z zoom · v list"
        )

    def _summary(self, text: str) -> None:
        self.query_one("#timeline-summary", Static).update(text)

    def _show_detail(self) -> None:
        """The detail of what the cursor is on. Shown again only when that, or what it
        says, changed: the highlight that follows a refill of the list (or a move back to
        the same row) finds it shown already, and the pane is not laid out again."""
        view = self.view
        key = self.gantt.current_key if view == BARS else self.table.current_key
        token = (
            view,
            key,
            self.growth_app.revision,
            self.milestone_filter,
            self.goal_filter,
            self.today,
            self.alarm_style,
        )
        if token == self._detail_for:
            return
        self._detail_for = token
        detail = self.query_one("#timeline-detail", Static)
        today, glyphs = self.today, self.glyphs
        if view == BARS:
            goal = self._goals.get(int(key)) if key else None
            if goal is None:
                detail.update("No goals to show: f shows all goals; 3 then n sets one.")
                return
            milestones = self._by_goal.get(goal.id, [])
            detail.update(goal_summary(goal, milestones, today, glyphs, self.alarm_style))
            return
        if key is None:
            detail.update(
                "No milestones here. n adds one to a goal; f changes which ones show."
                if self._milestones
                else "No milestones yet. Press n to add one to a goal (3 to set goals first)."
            )
        elif key.startswith(MONTH_KEY):
            listing = self._listing
            mine = listing.month_milestones.get(key, []) if listing is not None else []
            detail.update(month_summary(mine, today, glyphs))
        else:
            milestone = self._milestones.get(int(key))
            if milestone is not None:
                goal = self._goals.get(milestone.goal_id)
                detail.update(milestone_summary(milestone, goal, today, glyphs, self.alarm_style))

    @on(LaneList.Highlighted, "#timeline-table")
    def _row_highlighted(self, _event: LaneList.Highlighted) -> None:
        self._show_detail()

    @on(GanttChart.WindowChanged, "#timeline-gantt")
    def _window_changed(self, _event: GanttChart.WindowChanged) -> None:
        if self.view == BARS:
            self._bars_summary()

    @on(GanttChart.Highlighted, "#timeline-gantt")
    def _goal_highlighted(self, _event: GanttChart.Highlighted) -> None:
        if self.view == BARS:
            self._show_detail()

    # -- what is selected --------------------------------------------------------------
    def selected_milestone(self) -> Milestone | None:
        """The milestone under the cursor of the list (None on a month heading)."""
        key = self.table.current_key if self.view == LIST else None
        if key is None or key.startswith(MONTH_KEY):
            return None
        return self.store.find(Milestone, int(key))

    def selected_goal(self) -> Goal | None:
        """The goal of the selected bar, or of the selected milestone in the list."""
        if self.view == BARS:
            key = self.gantt.current_key
            return self._goals.get(int(key)) if key else None
        milestone = self.selected_milestone()
        return self._goals.get(milestone.goal_id) if milestone is not None else None

    def _need_milestone(self) -> Milestone | None:
        milestone = self.selected_milestone()
        if milestone is None:
            if self.view == BARS:
                self.notify("milestones are ticked off in the list: press v", timeout=3)
            else:
                self.notify("select a milestone (not a month heading)", timeout=3)
        return milestone

    # -- views and moving around -------------------------------------------------------
    def action_switch_view(self) -> None:
        self.view = BARS if self.view == LIST else LIST
        bars = self.view == BARS
        self.table.display = not bars
        self.gantt.display = bars
        pane = self.query_one("#timeline-pane")
        pane.border_title = (
            "Goals as bars: start → due, milestones as ticks"
            if bars
            else "Milestones by month, in horizon lanes"
        )
        if bars:
            goal = self.selected_goal_in_list()
            self._show(keep=str(goal.id) if goal else None)
            self.gantt.focus()
        else:
            self._show()
            self.table.focus()

    def selected_goal_in_list(self) -> Goal | None:
        key = self.table.current_key
        if key is None or key.startswith(MONTH_KEY):
            return None
        milestone = self._milestones.get(int(key))
        return self._goals.get(milestone.goal_id) if milestone else None

    def action_today(self) -> None:
        if self.view == BARS:
            self.gantt.to_today()
            self._bars_summary()
            return
        found = first_due_from(self._visible_milestones(), self.today)
        if found is not None:
            self.table.move_to(str(found.id))
        else:
            self.table.move_to(None, fallback_row=self.table.row_count - 1)

    def _step(self) -> int:
        """How far `[` and `]` shift the bars: a quarter of months, a year of quarters."""
        return 3 if self.gantt.window.scale.months == 1 else 4

    def _jump_month(self, direction: int) -> None:
        keys = self.table.row_keys()
        here = self.table.cursor_row
        order = range(here - 1, -1, -1) if direction < 0 else range(here + 1, len(keys))
        for index in order:
            if keys[index].startswith(MONTH_KEY):
                self.table.move_to(keys[index])
                return

    def action_earlier(self) -> None:
        if self.view == LIST:
            self._jump_month(-1)
            return
        self.gantt.shift(-self._step())
        self._bars_summary()

    def action_later(self) -> None:
        if self.view == LIST:
            self._jump_month(1)
            return
        self.gantt.shift(self._step())
        self._bars_summary()

    def action_zoom(self) -> None:
        if self.view == LIST:
            self.notify("z switches the bars between months and quarters: press v", timeout=3)
            return
        self.gantt.toggle_scale()
        self._bars_summary()

    def action_cycle_filter(self) -> None:
        if self.view == LIST:
            self.milestone_filter = (self.milestone_filter + 1) % len(MILESTONE_FILTERS)
        else:
            self.goal_filter = (self.goal_filter + 1) % len(GOAL_FILTERS)
        self._show()

    # -- changes ---------------------------------------------------------------------
    def action_toggle_done(self) -> None:
        milestone = self._need_milestone()
        if milestone is None:
            return
        self.growth_app.attempt(
            lambda: toggle_done(self.store, milestone, self.today), toggled_message(milestone)
        )

    def action_edit(self) -> None:
        if self.view == BARS:
            goal = self.selected_goal()
            if goal is not None:
                self.open_dialog(GoalForm(goal), lambda edited: self._on_bar(edited))
            return
        milestone = self._need_milestone()
        goal = self._goals.get(milestone.goal_id) if milestone is not None else None
        if goal is not None:
            self.open_dialog(MilestoneForm(goal, milestone), self._on_milestone)

    def _on_bar(self, goal: Goal | None) -> None:
        """A form closed: the bars' cursor on the goal it saved."""
        if goal is not None:
            self.gantt.move_to(str(goal.id))

    def _on_milestone(self, milestone: Milestone | None) -> None:
        """A form closed: the list's cursor on the milestone it saved."""
        if milestone is not None:
            self.table.move_to(str(milestone.id))

    def action_new(self) -> None:
        selected = self.selected_goal()
        choices = [
            (goal, guide)
            for goal, guide in goal_tree(list(self._goals.values()), self.glyphs)
            if goal.is_open or goal is selected
        ]
        if not choices:
            self.notify("no goals yet: press 3, then n to set one", timeout=4)
            return

        def saved(goal: Goal, milestone: Milestone | None) -> None:
            if milestone is None:
                return
            if self.view == BARS:
                self._on_bar(goal)
                return
            if MILESTONE_FILTERS[self.milestone_filter][1] is True:
                self.milestone_filter = 0
                self._show()
            self._on_milestone(milestone)

        def picked(goal: Goal | None) -> None:
            if goal is not None:
                self.open_dialog(MilestoneForm(goal), lambda milestone: saved(goal, milestone))

        self.open_dialog(
            GoalPicker(
                "New milestone for which goal?",
                choices,
                selected=selected.id if selected else None,
            ),
            picked,
        )

    def action_delete(self) -> None:
        milestone = self._need_milestone()
        if milestone is None:
            return
        goal = self._goals.get(milestone.goal_id)
        on_goal = f" of goal #{goal.id} '{goal.title}'" if goal else ""
        mid = milestone.id
        self.confirm_delete(
            f"Delete milestone '{milestone.title}'?",
            f"Due {milestone.due.isoformat()}{on_goal}. u undoes.",
            Milestone,
            mid,
            f"deleted milestone #{mid} (u undoes)",
        )

    async def action_open_goal(self) -> None:
        goal = self.need(self.selected_goal(), "select a milestone or a goal first")
        if goal is not None:
            await self.growth_app.show_goal(goal.id)
