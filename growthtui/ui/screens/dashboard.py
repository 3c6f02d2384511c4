"""Dashboard (1): what needs you this morning."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Static

from growthtui.domain.schedule import DUE_SOON_DAYS
from growthtui.ui.screens.base import AreaScreen
from growthtui.ui.widgets.record_table import Cell, RecordTable, Row
from growthtui.ui.widgets.record_text import RecordText

if TYPE_CHECKING:
    from growthtui.store.quick_read import DashboardRecords
    from growthtui.store.repository import Store

# The records' modules (and pydantic with them) are imported where the records are read:
# this screen's first frame is drawn before the store is open (see GrowthApp).

FOLLOW_UP_DAYS = 7
"""Follow-ups due today or this week."""

NARROW = 100
"""Below this many columns the Dashboard keeps its titles' room: shorter progress bars
and sparklines (dates, numbers and states are never cut, titles give way last)."""


@dataclass(frozen=True)
class FirstStep:
    """One step of the welcome checklist: the key that does it, and what it is."""

    key: str
    short: str
    long: str


FIRST_STEPS: tuple[FirstStep, ...] = (
    FirstStep(
        "p", "profile and vision", "your profile: name, role, and the vision you work toward"
    ),
    FirstStep(
        "2",
        "strengths, weaknesses",
        "assess yourself: strengths and weaknesses, from self-reflection, feedback, "
        "assessments and past results",
    ),
    FirstStep(
        "3 n",
        "a first SMART goal",
        "your first SMART goal: what exactly, how measured, your plan, why it matters, by when",
    ),
    FirstStep("3 m", "a dated milestone", "a dated milestone on a goal: here and on the Timeline"),
    FirstStep("w", "log a win", "log a win as it happens, from any screen: reviews gather them"),
)
"""The welcome checklist; it stays (each step ticked off as it is done) until all are."""


class DashboardScreen(AreaScreen):
    """Vision, active goals, milestones due, follow-ups, the review banner, skills."""

    MODE = "dashboard"
    FOCUS_ON_MOUNT = False  # the lists show once there is a record (see `_show_first_steps`)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_done", "Done", id="dashboard.toggle"),
        Binding("enter,e", "open", "Open", id="dashboard.open"),
        Binding("r", "review", "Review", id="dashboard.review"),
        Binding("p", "app.edit_profile", "Profile", id="dashboard.profile", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._milestone_ids: set[str] = set()
        self._narrow: bool | None = None
        self._early: DashboardRecords | None = None
        """The records shown before the store was open (see `show_early`), until it is."""

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="dashboard-body"):
            # Both keep their height whatever they say, so the records arriving after the
            # first frame (or a review falling due) repaint text, not the whole screen.
            yield RecordText(Text("Reading your plan…", style="dim"), id="dashboard-who")
            yield Static("", id="review-banner", classes="banner -quiet")
            sync_line = Static("", id="sync-line")
            sync_line.display = False  # shown once this store syncs (growthtui sync)
            yield sync_line
            first_run = Static("", id="first-run", classes="first-run")
            first_run.display = False
            yield first_run
            # Two columns: the lists with titles get the wider one.
            with Horizontal(id="dashboard-grid"):
                with Vertical(id="dashboard-left"):
                    with Vertical(classes="pane", id="pane-goals") as pane:
                        pane.border_title = "Active goals"
                        table = RecordTable(id="dash-goals", flex="title")
                        table.add_column("Goal", key="title")
                        table.add_column("Progress", key="progress", width=13)
                        yield table
                    with Vertical(classes="pane", id="pane-milestones") as pane:
                        pane.border_title = f"Milestones: overdue and next {DUE_SOON_DAYS} days"
                        table = RecordTable(id="dash-milestones", flex="title")
                        table.add_column("Due", key="due", width=11)
                        table.add_column("Milestone", key="title")
                        yield table
                with Vertical(id="dashboard-right"):
                    with Vertical(classes="pane", id="pane-followups") as pane:
                        pane.border_title = "Follow-ups due this week"
                        table = RecordTable(id="dash-followups", flex="who")
                        table.add_column("Who", key="who")
                        yield table
                    with Vertical(classes="pane", id="pane-skills") as pane:
                        pane.border_title = "Skills: level → target, trend"
                        table = RecordTable(id="dash-skills", flex="name")
                        table.add_column("Skill", key="name")
                        table.add_column("Lvl", key="level", width=3)
                        table.add_column("Trend", key="trend", width=8)
                        yield table
                        steps = Static("", id="dash-steps")
                        steps.display = False
                        yield steps

    def set_up(self) -> None:
        self.watch(self.growth_app, "sync_line", self._show_sync_line)

    def _show_sync_line(self, line: str) -> None:
        """ "Sync: synced 3 h ago · 2 changes to send", under the vision, once this store
        syncs; nothing otherwise."""
        shown = self.query_one("#sync-line", Static)
        shown.display = bool(line)
        shown.update(Text(f"Sync: {line}", style="dim") if line else "")

    def on_resize(self) -> None:
        if self._narrow is not None and self._narrow != self.narrow:
            if self._early is not None:
                self.show_records(self._early)  # the store is not open yet
            else:
                self.refresh_data()

    @property
    def narrow(self) -> bool:
        return self.app.size.width < NARROW

    def _first_steps(self, records: DashboardRecords) -> list[tuple[FirstStep, bool]]:
        """Each step of the welcome checklist, and whether it is done."""
        profile = records.profile
        done = (
            bool(profile.name or profile.role or profile.vision),
            records.has_traits or bool(records.skills),
            bool(records.goals),
            bool(records.milestones),
            records.has_evidence,
        )
        return list(zip(FIRST_STEPS, done, strict=True))

    def _show_first_steps(self, steps: list[tuple[FirstStep, bool]]) -> bool:
        """The welcome (nothing done yet), or the checklist in the skills' place (some
        done), or neither (all done). Returns whether the store is still empty."""
        from rich.console import Group  # after the first frame: not on its way
        from rich.table import Table

        glyphs = self.glyphs
        done = sum(1 for _, ok in steps if ok)
        empty = done == 0
        self.query_one("#first-run").display = empty
        lists = self.query_one("#dashboard-grid")
        if lists.display == empty:
            lists.display = not empty
            if not empty and self.focused is None:
                # The lists just came (the first record, here or from another session).
                self.call_after_refresh(self.focus_main_list)
        if empty:
            steps_table = Table.grid(padding=(0, 1))
            steps_table.add_column(no_wrap=True)
            steps_table.add_column(no_wrap=True, style="bold")
            steps_table.add_column()
            for number, (step, _ok) in enumerate(steps, 1):
                steps_table.add_row(f"  {glyphs.pending} {number}.", step.key, step.long)
            welcome = Group(
                Text.assemble(
                    ("Welcome to growthtui.", "bold"),
                    " A plan for your professional growth, one key away.\n",
                ),
                steps_table,
                Text(
                    "\n? shows the keys of any screen, ctrl+p every action, q quits. "
                    "Everything is saved as you go."
                ),
            )
            self.query_one("#first-run", Static).update(welcome)
            return True
        checklist = self.query_one("#dash-steps", Static)
        pane = self.query_one("#pane-skills")
        skills = self.query_one("#dash-skills", RecordTable)
        incomplete = done < len(steps)
        checklist.display = incomplete
        skills.display = not incomplete
        if incomplete:
            pane.border_title = f"Getting started: {done} of {len(steps)}"
            grid = Table.grid(padding=(0, 1))
            grid.add_column(no_wrap=True)
            grid.add_column(no_wrap=True)
            grid.add_column()
            for step, ok in steps:
                grid.add_row(
                    Text(glyphs.done if ok else glyphs.pending, style="bold" if ok else ""),
                    Text(step.key, style="dim" if ok else "bold"),
                    Text(step.short, style="dim strike" if ok else ""),
                )
            checklist.update(grid)
        else:
            pane.border_title = "Skills: level → target, trend"
        return False

    def refresh_data(self) -> None:
        self._early = None
        self.show_records(dashboard_records(self.store))

    def show_early(self, records: DashboardRecords) -> None:
        """Show records read before the store is open (GrowthApp); the store's replace
        them once it is (`refresh_data`)."""
        self._early = records
        self.show_records(records)

    def show_records(self, records: DashboardRecords) -> None:
        """Show `records`: the Store's models, or (while the Store opens, see GrowthApp)
        the plain records read from a file the Store sealed. Both show alike."""
        from growthtui.domain.cadence import follow_ups_due
        from growthtui.domain.kinds import GoalStatus
        from growthtui.domain.progress import GoalProgress
        from growthtui.domain.shapes import AgendaRecords
        from growthtui.services.agenda import build_agenda

        today = self.today
        glyphs = self.glyphs
        narrow = self._narrow = self.narrow
        profile = records.profile
        goals = records.goals
        empty = self._show_first_steps(self._first_steps(records))

        who = Text()
        if profile.name or profile.role:
            who.append(profile.name or "You", style="bold")
            if profile.role:
                who.append(f" · {profile.role}")
            who.append("\n")
        if profile.vision:
            who.append("Vision: ", style="bold")
            who.append(profile.vision, style="italic")
        elif not empty:
            who.append("No vision yet: press p to write it", style="dim")
        self.query_one("#dashboard-who", RecordText).update(who)

        active = {str(g.id): g for g in goals if g.status is GoalStatus.ACTIVE}
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
        banner = self.query_one("#review-banner", Static)
        review = agenda.review
        # No nag before there is a goal to review.
        show_banner = bool(active) and review.days <= 14
        banner.set_class(not show_banner, "-quiet")
        banner.set_class(show_banner and review.is_due, "-due")
        if show_banner:
            text = review.describe(agenda.review_cadence)
            banner.update(f"{glyphs.overdue} {text[0].upper()}{text[1:]} — press r to start it")
        else:
            banner.update("")

        alarm = self.alarm_style
        milestones = records.milestones
        milestones_by_goal: dict[int, list[Any]] = defaultdict(list)
        for milestone in milestones:
            milestones_by_goal[milestone.goal_id].append(milestone)
        checkins_by_goal: dict[int, list[Any]] = defaultdict(list)
        for checkin in records.checkins:
            checkins_by_goal[checkin.goal_id].append(checkin)
        bar = 4 if narrow else 8
        # As the Goals screen says it: a parent's progress from its stepping stones.
        progress = GoalProgress({g.id: g for g in goals}, milestones_by_goal, checkins_by_goal)

        def goal_cells(key: str) -> tuple[Cell, ...]:
            goal = active[key]
            return goal.title, glyphs.progress(progress.of(goal.id), bar)

        order = sorted(active.values(), key=lambda g: (g.due is None, g.due, g.id))
        goals_table = self.query_one("#dash-goals", RecordTable)
        goals_table.set_column_width("progress", bar + 5)
        goals_table.empty = (
            "No active goals — press 3, then n to set one"
            if not goals
            else "No active goals — 3 shows the paused and achieved"
        )
        # Rows are made as they are drawn: thousands of active goals cost one screenful.
        goals_table.show_rows([str(g.id) for g in order], goal_cells)

        overdue = {str(item.milestone.id): item.milestone for item in agenda.overdue}
        upcoming = {str(item.milestone.id): item.milestone for item in agenda.upcoming}

        def milestone_cells(key: str) -> tuple[Cell, ...]:
            late = overdue.get(key)
            if late is not None:
                due = Text(f"{glyphs.overdue}{late.due.isoformat()}", style=alarm)
                return due, Text(late.title, style=alarm)
            m = upcoming[key]
            return f" {m.due.isoformat()}", m.title

        self._milestone_ids = set(overdue) | set(upcoming)
        milestones_table = self.query_one("#dash-milestones", RecordTable)
        milestones_table.empty = (
            "No milestones yet — press 3, then m on a goal"
            if not milestones
            else f"Nothing due in the next {DUE_SOON_DAYS} days — 4 shows the Timeline"
        )
        milestones_table.show_rows([*overdue, *upcoming], milestone_cells)

        people = records.people
        follow_ups = {
            str(follow.person.id): follow
            for follow in follow_ups_due(
                people,
                records.interactions,
                today,
                within_days=FOLLOW_UP_DAYS,
            )
        }

        def follow_up_cells(key: str) -> tuple[Cell, ...]:
            follow = follow_ups[key]
            text = follow.describe().removeprefix("follow up with ")
            return (Text(text, style=alarm if follow.is_due else ""),)

        follow_table = self.query_one("#dash-followups", RecordTable)
        follow_table.empty = (
            "No people yet — press 6, then n to add a mentor or peer"
            if not people
            else "No follow-ups due this week"
        )
        follow_table.show_rows(list(follow_ups), follow_up_cells)

        points = 5 if narrow else 8
        skill_rows: list[Row] = []
        for skill in records.skills:
            level = skill.level
            level_text = f"{level}→{skill.target_level}" if level else f"–→{skill.target_level}"
            trend = glyphs.sparkline(skill.trend(), width=points)
            skill_rows.append((str(skill.id), (skill.name, level_text, trend)))
        skills_table = self.query_one("#dash-skills", RecordTable)
        skills_table.set_column_width("trend", points)
        skills_table.empty = "No skills yet — press 2, then n in the Skills panel"
        skills_table.sync(skill_rows)

    # -- actions -----------------------------------------------------------------------
    def _focused_table(self) -> RecordTable | None:
        focused = self.focused
        return focused if isinstance(focused, RecordTable) else None

    def action_toggle_done(self) -> None:
        table = self._focused_table()
        if table is None or table.id != "dash-milestones" or table.current_key is None:
            self.notify(
                "select a milestone (tab to the Milestones panel) to tick it off", timeout=3
            )
            return
        from growthtui.domain.goals import Milestone
        from growthtui.services.milestones import toggle_done, toggled_message

        milestone = self.store.get(Milestone, int(table.current_key))
        self.growth_app.attempt(
            lambda: toggle_done(self.store, milestone, self.today), toggled_message(milestone)
        )

    @work
    async def action_open(self) -> None:
        table = self._focused_table()
        if table is None or table.current_key is None:
            return
        key = int(table.current_key)
        if table.id == "dash-goals":
            await self.growth_app.show_goal(key)
        elif table.id == "dash-milestones":
            from growthtui.domain.goals import Milestone

            milestone = self.store.find(Milestone, key)
            if milestone is not None:
                await self.growth_app.show_goal(milestone.goal_id)
        elif table.id == "dash-followups":
            await self.growth_app.run_command("people", "")
        elif table.id == "dash-skills":
            await self.growth_app.run_command("assessment", "")

    async def action_review(self) -> None:
        await self.growth_app.run_command("reviews", "start_review")


def dashboard_records(store: Store) -> DashboardRecords:
    """What the Dashboard shows, as the Store's models."""
    from growthtui.domain.assessment import Skill, Trait
    from growthtui.domain.evidence import Evidence
    from growthtui.domain.goals import CheckIn, Goal, Milestone
    from growthtui.domain.people import Interaction, Person
    from growthtui.domain.reviews import Review
    from growthtui.store.quick_read import DashboardRecords

    return DashboardRecords(
        profile=store.profile(),
        goals=store.list(Goal),
        milestones=store.list(Milestone),
        checkins=store.list(CheckIn),
        people=store.list(Person),
        interactions=store.list(Interaction),
        reviews=store.list(Review),
        skills=store.list(Skill),
        has_traits=store.count(Trait) > 0,
        has_evidence=store.count(Evidence) > 0,
    )
