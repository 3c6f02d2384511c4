"""How far along a goal is: from its measure, else its milestones done, else (a goal with
stepping stones) from how far along they are."""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from growthtui.domain.kinds import GoalStatus

TYPE_CHECKING = False  # the rules read attributes only: `growthtui list` runs them on
if TYPE_CHECKING:  # the plain records of store.quick_read, without loading pydantic
    from growthtui.domain.goals import CheckIn, Goal, Measure, Milestone


def measure_progress(measure: Measure, current: float | None = None) -> float | None:
    """Fraction 0–1 from baseline to target, or None when the measure cannot say."""
    if measure.target is None:
        return None
    value = measure.current if current is None else current
    if value is None:
        return None
    baseline = measure.baseline if measure.baseline is not None else 0.0
    if not all(math.isfinite(number) for number in (value, baseline, measure.target)):
        return None
    span = measure.target - baseline
    if span == 0:
        return 1.0 if value == measure.target else 0.0
    return min(1.0, max(0.0, (value - baseline) / span))


def measure_set_on(goal: Goal) -> dt.date | None:
    """The day the goal's measure last changed (its history says), None if never."""
    days = [change.at.date() for change in goal.history if change.field == "measure"]
    return max(days) if days else None


def latest_checkin(goal: Goal, checkins: Iterable[CheckIn]) -> CheckIn | None:
    """The goal's latest check-in that has a value (the later one on a tie)."""
    found: CheckIn | None = None
    for checkin in checkins:
        if checkin.goal_id != goal.id or checkin.value is None:
            continue
        if found is None or (checkin.date, checkin.id) >= (found.date, found.id):
            found = checkin
    return found


def latest_value(goal: Goal, checkins: Sequence[CheckIn]) -> float | None:
    """The measure's current value, the one every view shows ("now 12").

    A check-in with a value sets the goal's current value (`record_checkin`). The current
    value the goal holds counts when it was set on or after the day of its latest
    check-in with a value (a check-in sets it; so does editing the goal); otherwise that
    check-in's value does (a store written before check-ins set the goal's value)."""
    latest = latest_checkin(goal, checkins)
    current = goal.measure.current
    if latest is None:
        return current
    set_on = measure_set_on(goal)
    if current is not None and set_on is not None and set_on >= latest.date:
        return current
    return latest.value


def goal_progress(
    goal: Goal,
    milestones: Sequence[Milestone] = (),
    checkins: Sequence[CheckIn] = (),
    stepping_stones: Sequence[float | None] = (),
) -> float | None:
    """Progress 0–1, or None when nothing can tell. An achieved goal is done (1).
    Otherwise the first of these that can tell:

    1. its measure: from baseline to target, at the current value (`latest_value`);
    2. its milestones: the share of them done;
    3. its stepping stones (`stepping_stones`: the progress of each of its stepping
       stones, by this same rule, dropped ones left out): their average, a stone that
       cannot tell counting as 0 — unless none of them can tell.
    """
    if goal.status is GoalStatus.ACHIEVED:
        return 1.0
    from_measure = measure_progress(goal.measure, latest_value(goal, checkins))
    if from_measure is not None:
        return from_measure
    mine = [m for m in milestones if m.goal_id == goal.id]
    if mine:
        return sum(m.done_at is not None for m in mine) / len(mine)
    known = [p for p in stepping_stones if p is not None]
    if not known:
        return None
    return sum(known) / len(stepping_stones)


class GoalProgress:
    """The progress of goals (`goal_progress`, stepping stones included: a goal without a
    measure or milestones of its own gets its progress from its stones'), each worked out
    when first asked for and kept. A list of thousands of goals asks only for the rows it
    shows."""

    def __init__(
        self,
        goals: Mapping[int, Goal],
        milestones_of: Mapping[int, Sequence[Milestone]],
        checkins_of: Mapping[int, Sequence[CheckIn]],
        stones_of: Mapping[int, Sequence[Goal]] | None = None,
    ) -> None:
        self._goals = goals
        self._milestones_of = milestones_of
        self._checkins_of = checkins_of
        if stones_of is None:
            grouped: dict[int, list[Goal]] = defaultdict(list)
            for goal in goals.values():
                if goal.parent_id is not None:
                    grouped[goal.parent_id].append(goal)
            stones_of = grouped
        self._stones_of = stones_of
        self._found: dict[int, float | None] = {}

    def _stones(self, goal_id: int) -> list[int]:
        """The stepping stones that count toward a goal: not dropped, not itself."""
        return [
            stone.id
            for stone in self._stones_of.get(goal_id, ())
            if stone.id != goal_id
            and stone.id in self._goals
            and stone.status is not GoalStatus.DROPPED
        ]

    def _own(self, goal_id: int) -> float | None:
        return goal_progress(
            self._goals[goal_id],
            self._milestones_of.get(goal_id, ()),
            self._checkins_of.get(goal_id, ()),
        )

    def of(self, goal_id: int) -> float | None:
        """The progress of goal `goal_id` (None when nothing can tell, or no such goal)."""
        found = self._found
        if goal_id in found:
            return found[goal_id]
        if goal_id not in self._goals:
            return None
        # Stones before their goal, without recursion (a chain of stepping stones may be
        # thousands long). Goals that are each other's parents (an import can hold that)
        # are each worked out without the one that would close the circle.
        on_path = {goal_id}
        stack: list[tuple[int, bool]] = [(goal_id, False)]
        while stack:
            current, stones_done = stack.pop()
            goal = self._goals[current]
            if stones_done:
                on_path.discard(current)
                values = [found[stone] for stone in self._stones(current) if stone in found]
                found[current] = goal_progress(
                    goal,
                    self._milestones_of.get(current, ()),
                    self._checkins_of.get(current, ()),
                    values,
                )
                continue
            own = None if goal.status is GoalStatus.ACHIEVED else self._own(current)
            if goal.status is GoalStatus.ACHIEVED or own is not None:
                found[current] = 1.0 if goal.status is GoalStatus.ACHIEVED else own
                on_path.discard(current)
                continue  # its own measure or milestones tell: its stones are not asked
            stack.append((current, True))
            for stone in self._stones(current):
                if stone not in found and stone not in on_path:
                    on_path.add(stone)
                    stack.append((stone, False))
        return found[goal_id]


def progress_by_goal(
    goals: Iterable[Goal],
    milestones: Iterable[Milestone] = (),
    checkins: Iterable[CheckIn] = (),
) -> dict[int, float | None]:
    """`goal_progress` of every goal, by id, stepping stones included (see
    `GoalProgress`). Pass all the milestones and check-ins; each goal takes its own."""
    milestones_of: dict[int, list[Milestone]] = defaultdict(list)
    for milestone in milestones:
        milestones_of[milestone.goal_id].append(milestone)
    checkins_of: dict[int, list[CheckIn]] = defaultdict(list)
    for checkin in checkins:
        checkins_of[checkin.goal_id].append(checkin)
    by_id = {goal.id: goal for goal in goals}
    progress = GoalProgress(by_id, milestones_of, checkins_of)
    return {goal_id: progress.of(goal_id) for goal_id in by_id}


def progress_bar(fraction: float | None, width: int = 10, ascii_only: bool = False) -> str:
    """A text bar such as `█████░░░░░  50%`; `ascii_only` gives `#####-----  50%`.

    The bar is full and the figure 100% only when the goal is done: 99.6% shows as 99%.
    """
    if fraction is None or math.isnan(fraction):
        return "–" if not ascii_only else "-"
    fraction = min(1.0, max(0.0, fraction))
    full, empty = ("#", "-") if ascii_only else ("█", "░")
    filled = round(fraction * width)
    percent = round(fraction * 100)
    if fraction < 1.0:
        filled = min(filled, width - 1)
        percent = min(percent, 99)
    return f"{full * filled}{empty * (width - filled)} {percent:>3}%"
