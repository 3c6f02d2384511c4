"""The Timeline's rows: milestones under month headings in horizon lanes, and goals as
bars. A milestone's row is made when the list first draws it and kept while what it shows
is unchanged, so a store of thousands opens, and catches up after a change, at the cost of
what is on screen."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from rich.text import Text

from growthtui.domain.goals import Goal, Milestone
from growthtui.domain.kinds import GoalStatus, Horizon
from growthtui.domain.printable import printable
from growthtui.domain.schedule import goal_is_overdue, is_overdue
from growthtui.domain.timeline import by_month, goal_span, month_heading
from growthtui.ui.glyphs import Glyphs
from growthtui.ui.widgets.gantt import GanttRow
from growthtui.ui.widgets.lane_list import LaneRow, RowState

LANES: tuple[Horizon, ...] = (Horizon.SHORT, Horizon.MEDIUM, Horizon.LONG)
"""The lanes, left to right."""
LANE_OF: dict[Horizon, int] = {horizon: lane for lane, horizon in enumerate(LANES)}
MONTH_KEY = "month:"
"""Row keys of month headings start with this; milestone rows are keyed by id."""


class MilestoneRows:
    """Month headings and milestone rows for the lanes."""

    def __init__(self) -> None:
        self._cache: dict[int, tuple[Milestone, Goal | None, LaneRow]] = {}
        self._made_for: tuple[dt.date, Glyphs] | None = None

    def listing(
        self,
        milestones: Iterable[Milestone],
        goals: Mapping[int, Goal],
        today: dt.date,
        glyphs: Glyphs,
    ) -> MilestoneListing:
        """The rows' keys in order, what each lane holds and how many are overdue, without
        making the rows: `MilestoneListing.row` makes one when it is drawn."""
        if self._made_for != (today, glyphs):
            self._made_for = (today, glyphs)
            self._cache.clear()
        listing = MilestoneListing(self, goals, today, glyphs)
        keys = listing.keys
        needs = listing.lane_needs
        shown = listing.milestones
        # Every milestone passes here on an area's first visit (thousands at 10k): what
        # each goal gives its milestones' lines is looked up once per goal.
        per_goal: dict[int, tuple[int, int]] = {}
        no_goal = (LANE_OF[Horizon.SHORT], 10)
        overdue = 0
        for month, mine in by_month(milestones):
            key = f"{MONTH_KEY}{month:%Y-%m}"
            keys.append(key)
            listing.months[key] = month
            listing.month_milestones[key] = mine
            for milestone in mine:
                key = str(milestone.id)
                keys.append(key)
                shown[key] = milestone
                goal_id = milestone.goal_id
                lane_and_note = per_goal.get(goal_id)
                if lane_and_note is None:
                    goal = goals.get(goal_id)
                    lane_and_note = per_goal[goal_id] = (
                        (LANE_OF[goal.horizon], len(goal.title) + 3) if goal else no_goal
                    )
                lane, note = lane_and_note
                # What the lane's line wants: "✓ title · goal" (as `_row` writes it).
                need = len(milestone.title) + 2 + note
                if need > needs[lane]:
                    needs[lane] = need
                if milestone.done_at is None and milestone.due < today:  # is_overdue
                    overdue += 1
        listing.overdue = overdue
        return listing

    def _row(
        self, milestone: Milestone, goal: Goal | None, today: dt.date, glyphs: Glyphs
    ) -> LaneRow:
        cached = self._cache.get(milestone.id)
        if cached is not None and cached[0] is milestone and cached[1] is goal:
            return cached[2]
        if milestone.done_at is not None:
            mark, state, due_mark = glyphs.done, RowState.DONE, " "
        elif is_overdue(milestone, today):
            mark, state, due_mark = glyphs.overdue, RowState.ALARM, glyphs.overdue
        else:
            mark, state, due_mark = " ", RowState.PLAIN, " "
        row = LaneRow(
            key=str(milestone.id),
            first=f"{due_mark}{milestone.due.isoformat()}",
            title=f"{mark} {milestone.title}",
            note=goal.title if goal is not None else f"goal #{milestone.goal_id}",
            lane=LANE_OF[goal.horizon if goal is not None else Horizon.SHORT],
            state=state,
        )
        self._cache[milestone.id] = (milestone, goal, row)
        return row


@dataclass
class MilestoneListing:
    """The Timeline's list, keys first: rows are made as the list draws them."""

    maker: MilestoneRows
    goals: Mapping[int, Goal]
    today: dt.date
    glyphs: Glyphs
    keys: list[str] = field(default_factory=list)
    months: dict[str, dt.date] = field(default_factory=dict)
    milestones: dict[str, Milestone] = field(default_factory=dict)
    month_milestones: dict[str, list[Milestone]] = field(default_factory=dict)
    """The milestones listed under each month heading (by the heading's key)."""
    lane_needs: dict[int, int] = field(default_factory=lambda: dict.fromkeys(range(len(LANES)), 0))
    """The width each lane's longest line wants."""
    overdue: int = 0

    def row(self, key: str) -> LaneRow:
        month = self.months.get(key)
        if month is not None:
            return LaneRow(key, month_heading(month), state=RowState.HEADING)
        milestone = self.milestones[key]
        goal = self.goals.get(milestone.goal_id)
        return self.maker._row(milestone, goal, self.today, self.glyphs)


class GoalBars:
    """One bar per goal, in the tree order given; its progress as the Goals screen says
    it (`progress_of`, a parent's from its stepping stones: see `GoalProgress`)."""

    def __init__(self) -> None:
        self._cache: dict[int, tuple[tuple[object, ...], GanttRow]] = {}
        self._made_for: tuple[dt.date, Glyphs, str] | None = None

    def build(
        self,
        tree: Iterable[tuple[Goal, str]],
        milestones: Mapping[int, Sequence[Milestone]],
        progress_of: Callable[[int], float | None],
        today: dt.date,
        glyphs: Glyphs,
        alarm_style: str,
    ) -> list[GanttRow]:
        if self._made_for != (today, glyphs, alarm_style):
            self._made_for = (today, glyphs, alarm_style)
            self._cache.clear()
        rows = []
        for goal, guide in tree:
            gid = goal.id
            mine = tuple(milestones.get(gid, ()))
            progress = progress_of(gid)
            token = (goal, mine, progress, guide)
            cached = self._cache.get(gid)
            if cached is None or cached[0] != token:
                row = self._row(goal, guide, mine, progress, today, glyphs, alarm_style)
                cached = (token, row)
                self._cache[gid] = cached
            rows.append(cached[1])
        return rows

    @staticmethod
    def _row(
        goal: Goal,
        guide: str,
        milestones: tuple[Milestone, ...],
        progress: float | None,
        today: dt.date,
        glyphs: Glyphs,
        alarm_style: str,
    ) -> GanttRow:
        alarm = goal_is_overdue(goal, today)
        label = Text()
        label.append(guide, style="dim")
        if alarm:
            label.append(f"{glyphs.overdue} ", style=alarm_style)
        style = "dim" if not goal.is_open else ""
        if goal.status is GoalStatus.PAUSED:
            style = "italic"
        # printable first: Text drops BEL, BS, VT, FF and CR before the chart can escape them.
        label.append(printable(goal.title), style=alarm_style if alarm else style)
        return GanttRow(
            key=str(goal.id),
            label=label,
            span=goal_span(goal, milestones),
            milestones=milestones,
            progress=progress,
            dim=not goal.is_open,
            alarm=alarm,
        )
