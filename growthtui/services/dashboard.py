"""What the app's Dashboard shows, worked out from its records, and the reading of it in a
process of its own while the app starts.

`dashboard_view` turns the Dashboard's records (the Store's models, or the plain records
store.quick_read reads from a file the Store sealed) into what the screen shows: the
profile's lines, the review banner, the active goals in order, the milestones due, the
follow-ups, the skills. The screen (ui.screens.dashboard) only lays them out: glyphs,
widths and styles are the terminal's business, not this module's.

`EarlyDashboard` reads and works out that view at the process's start, in a child process
(`os.fork`), while the app imports Textual and draws its first frame on another core:
the two need the interpreter alike, and in one process they would only take turns with
it. The child reads the file only when the Store's seal vouches for it
(`read_dashboard_records`), writes nothing but the view to a pipe, and ends; the app shows
the view until the Store is open, and every key waits for the Store. Where no core is
free (a busy machine), there is no `fork` (Windows), or threads already run (a fork would
copy their locks held), the same read runs in the thread that asks for the view, which
the app starts once its first frame is out.
"""

from __future__ import annotations

import contextlib
import marshal
import os
from collections import defaultdict
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    import datetime as dt
    from pathlib import Path

    from growthtui.store.quick_read import DashboardRecords

FOLLOW_UP_DAYS = 7
"""Follow-ups due today or this week."""
BANNER_DAYS = 14
"""The review banner shows from this many days before the review is due."""
WAIT_SECONDS = 10.0
"""How long the app waits for the child's view before it gives up on it (the Store then
shows the records): a child stopped or stuck never holds the app back."""

GoalRow = tuple[str, str]
"""An active goal: its key (the id, as text) and title."""
MilestoneRow = tuple[str, str, str, bool]
"""A milestone due: key, due date (ISO), title, and whether it is overdue."""
FollowUpRow = tuple[str, str, bool]
"""A follow-up: the person's key, what to do ("Ana (mentor): due in 2 days"), whether due."""
SkillRow = tuple[str, str, "int | None", int, tuple[int, ...]]
"""A skill: key, name, level (None before a rating), target level, levels oldest first."""


class DashboardView(NamedTuple):
    """What the Dashboard shows, from its records. Plain values only (text, numbers,
    tuples), so that it crosses a pipe whole (`encode`, `decode`)."""

    steps_done: tuple[bool, ...]
    """For each step of the welcome checklist (profile, assessment, a goal, a milestone,
    a win), whether it is done."""
    name: str
    role: str
    vision: str
    review: str | None
    """The review banner's sentence ("weekly review due in 3 days"), or None: no banner
    (no active goal, or the review is further off than BANNER_DAYS)."""
    review_due: bool
    has_goals: bool
    goals: tuple[GoalRow, ...]
    """The active goals, soonest due first (no due date last), then by id."""
    progress: Callable[[int], float | None]
    """A goal's progress by id (None when nothing tells), worked out when asked for: a
    list of thousands of goals asks only for the rows it shows."""
    has_milestones: bool
    milestones: tuple[MilestoneRow, ...]
    """Overdue ones first, then those due in DUE_SOON_DAYS, each by date then id."""
    has_people: bool
    follow_ups: tuple[FollowUpRow, ...]
    skills: tuple[SkillRow, ...]


def dashboard_view(records: DashboardRecords, today: dt.date) -> DashboardView:
    """What the Dashboard shows of `records` on `today`."""
    from growthtui.domain.cadence import follow_ups_due
    from growthtui.domain.kinds import GoalStatus
    from growthtui.domain.progress import GoalProgress
    from growthtui.domain.schedule import DUE_SOON_DAYS
    from growthtui.domain.shapes import AgendaRecords
    from growthtui.services.agenda import build_agenda

    profile = records.profile
    goals = records.goals
    active = [g for g in goals if g.status is GoalStatus.ACTIVE]
    active.sort(key=lambda g: (g.due is None, g.due, g.id))
    agenda = build_agenda(
        AgendaRecords(
            goals=goals,
            milestones=records.milestones,
            people=records.people,
            interactions=records.interactions,
            reviews=records.reviews,
            review_cadence=profile.review_cadence,
        ),
        today,
        DUE_SOON_DAYS,
    )
    review = agenda.review
    review_text = None
    if active and review.days <= BANNER_DAYS:  # no nag before there is a goal to review
        review_text = review.describe(agenda.review_cadence)

    milestones_by_goal: dict[int, list[Any]] = defaultdict(list)
    for milestone in records.milestones:
        milestones_by_goal[milestone.goal_id].append(milestone)
    checkins_by_goal: dict[int, list[Any]] = defaultdict(list)
    for checkin in records.checkins:
        checkins_by_goal[checkin.goal_id].append(checkin)
    # As the Goals screen says it: a parent's progress from its stepping stones.
    progress = GoalProgress({g.id: g for g in goals}, milestones_by_goal, checkins_by_goal)

    follow_ups = follow_ups_due(
        records.people, records.interactions, today, within_days=FOLLOW_UP_DAYS
    )
    return DashboardView(
        steps_done=(
            bool(profile.name or profile.role or profile.vision),
            records.has_traits or bool(records.skills),
            bool(goals),
            bool(records.milestones),
            records.has_evidence,
        ),
        name=profile.name,
        role=profile.role,
        vision=profile.vision,
        review=review_text,
        review_due=review.is_due,
        has_goals=bool(goals),
        goals=tuple((str(g.id), g.title) for g in active),
        progress=progress.of,
        has_milestones=bool(records.milestones),
        milestones=(
            *(_milestone_row(item.milestone, True) for item in agenda.overdue),
            *(_milestone_row(item.milestone, False) for item in agenda.upcoming),
        ),
        has_people=bool(records.people),
        follow_ups=tuple(
            (
                str(follow.person.id),
                follow.describe().removeprefix("follow up with "),
                follow.is_due,
            )
            for follow in follow_ups
        ),
        skills=tuple(
            (str(s.id), s.name, s.level, s.target_level, tuple(s.trend())) for s in records.skills
        ),
    )


def _milestone_row(milestone: Any, overdue: bool) -> MilestoneRow:
    return (str(milestone.id), milestone.due.isoformat(), milestone.title, overdue)


def read_dashboard_view(path: Path, today: Callable[[], dt.date]) -> DashboardView | None:
    """The Dashboard's view of the store file at `path`, read without the models, or None
    when the Store has not sealed the file as its own (the app waits for the Store)."""
    from growthtui.store.quick_read import read_dashboard_records

    records = read_dashboard_records(path)
    return None if records is None else dashboard_view(records, today())


# -- across a pipe ------------------------------------------------------------------------
def encode(view: DashboardView) -> bytes:
    """`view` as bytes (marshal: plain values only), every active goal's progress worked
    out (the other side has no records to work it out from)."""
    fields: list[Any] = list(view)
    fields[_PROGRESS] = {int(key): view.progress(int(key)) for key, _ in view.goals}
    return marshal.dumps(tuple(fields))


def decode(data: bytes) -> DashboardView:
    """The view `encode` made `data` from."""
    fields = list(marshal.loads(data))
    progress: Mapping[int, float | None] = fields[_PROGRESS]
    fields[_PROGRESS] = progress.get
    return DashboardView._make(fields)


_PROGRESS = DashboardView._fields.index("progress")


class EarlyDashboard:
    """The Dashboard's view of the store file at `path`, read in a child process started
    as this is made (see the module's docstring); calling it waits for the view (None: the
    file is not sealed, or the child failed or took longer than WAIT_SECONDS)."""

    def __init__(self, path: Path, today: Callable[[], dt.date]) -> None:
        self._path, self._today = path, today
        self._pid = 0
        self._fd = -1
        if not hasattr(os, "fork") or _threads_running() or not _core_free():
            return
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: the view to the pipe, then out, whatever happens
            _child(read_end, write_end, path, today)
        os.close(write_end)
        self._pid, self._fd = pid, read_end

    def __del__(self) -> None:
        """Never asked (the app did not start): the child is ended and reaped, its pipe
        closed."""
        pid, self._pid = self._pid, 0
        if pid:
            import signal

            with contextlib.suppress(OSError):
                os.close(self._fd)
                os.kill(pid, signal.SIGKILL)
            with contextlib.suppress(OSError):
                os.waitpid(pid, 0)

    def __call__(self) -> DashboardView | None:
        if not self._pid:
            return read_dashboard_view(self._path, self._today)
        import select
        import time

        chunks: list[bytes] = []
        deadline = time.monotonic() + WAIT_SECONDS
        pid, self._pid = self._pid, 0
        try:
            while True:
                left = max(0.0, deadline - time.monotonic())
                ready, _, _ = select.select([self._fd], [], [], left)
                if not ready:  # stuck (or stopped): the Store will show the records
                    import signal

                    with contextlib.suppress(OSError):  # it may have ended just now
                        os.kill(pid, signal.SIGKILL)
                    chunks = []
                    break
                chunk = os.read(self._fd, 1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
        finally:
            os.close(self._fd)
            _, status = os.waitpid(pid, 0)
        if status != 0 or not chunks:
            return None
        return decode(b"".join(chunks))


def _core_free() -> bool:
    """Whether a core is likely idle for the child (the last minute's load average below
    the cores less half a one). On a busy machine a child only takes turns with the app
    (its first frame came ~0.4 s later at a load of 6 on 2 cores): the app reads in its
    thread then, once its first frame is out."""
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):
        return True
    return load < (os.cpu_count() or 1) - 0.5


def _threads_running() -> bool:
    threading = __import__("sys").modules.get("threading")
    return threading is not None and threading.active_count() > 1


def _child(
    read_end: int, write_end: int, path: Path, today: Callable[[], dt.date]
) -> None:  # pragma: no cover - runs in the forked child (tested through EarlyDashboard)
    code = 1
    try:
        os.close(read_end)
        # Nothing of the child's reaches the terminal, whatever goes wrong.
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.dup2(null, 2)
        # Second to the app: where a core is free this changes nothing; on a busy
        # machine the app draws its first frame first (the view is shown after it anyway).
        os.nice(10)
        view = read_dashboard_view(path, today)
        data = b"" if view is None else encode(view)
        view_out = memoryview(data)
        while view_out:
            view_out = view_out[os.write(write_end, view_out) :]
        code = 0
    except BaseException:  # None for the app: the Store reads the file, or says why
        pass
    finally:
        os._exit(code)
