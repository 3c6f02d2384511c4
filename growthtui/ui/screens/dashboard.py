"""Dashboard (1): what needs you this morning."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Static

from growthtui.domain.printable import printable
from growthtui.domain.schedule import DUE_SOON_DAYS
from growthtui.ui.screens.base import AreaScreen
from growthtui.ui.widgets.record_table import Cell, RecordTable, Row
from growthtui.ui.widgets.record_text import RecordText

if TYPE_CHECKING:
    from growthtui.services.dashboard import DashboardView
    from growthtui.store.quick_read import DashboardRecords
    from growthtui.store.repository import Store

# The records' modules (and pydantic with them) are imported where the records are read:
# this screen's first frame is drawn before the store is open (see GrowthApp).

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
        self._narrow: bool | None = None
        self._early: DashboardView | None = None
        """What was shown before the store was open (see `show_early`), until it is."""

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
                self.show_view(self._early)  # the store is not open yet
            else:
                self.refresh_data()

    @property
    def narrow(self) -> bool:
        return self.app.size.width < NARROW

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
        from growthtui.services.dashboard import dashboard_view

        self._early = None
        self.show_view(dashboard_view(dashboard_records(self.store), self.today))

    def show_early(self, view: DashboardView) -> None:
        """Show what the Dashboard shows, worked out before the store is open (GrowthApp);
        the store's records replace it once it is (`refresh_data`)."""
        self._early = view
        self.show_view(view)

    def show_view(self, view: DashboardView) -> None:
        """Show `view`: from the Store's models, or (while the Store opens, see GrowthApp)
        from the plain records of a file the Store sealed. Both show alike."""
        glyphs = self.glyphs
        narrow = self._narrow = self.narrow
        empty = self._show_first_steps(list(zip(FIRST_STEPS, view.steps_done, strict=True)))

        who = Text()
        if view.name or view.role:
            who.append(printable(view.name or "You"), style="bold")
            if view.role:
                who.append(f" · {printable(view.role)}")
            who.append("\n")
        if view.vision:
            who.append("Vision: ", style="bold")
            who.append(printable(view.vision), style="italic")
        elif not empty:
            who.append("No vision yet: press p to write it", style="dim")
        self.query_one("#dashboard-who", RecordText).update(who)

        banner = self.query_one("#review-banner", Static)
        review = view.review
        banner.set_class(review is None, "-quiet")
        banner.set_class(review is not None and view.review_due, "-due")
        if review is not None:
            banner.update(f"{glyphs.overdue} {review[0].upper()}{review[1:]} — press r to start it")
        else:
            banner.update("")

        alarm = self.alarm_style
        bar = 4 if narrow else 8
        titles = dict(view.goals)
        progress = view.progress

        def goal_cells(key: str) -> tuple[Cell, ...]:
            return titles[key], glyphs.progress(progress(int(key)), bar)

        goals_table = self.query_one("#dash-goals", RecordTable)
        goals_table.set_column_width("progress", bar + 5)
        goals_table.empty = (
            "No active goals — 3 shows the paused and achieved"
            if view.has_goals
            else "No active goals — press 3, then n to set one"
        )
        # Rows are made as they are drawn: thousands of active goals cost one screenful.
        goals_table.show_rows(list(titles), goal_cells)

        milestones = {key: (due, title, late) for key, due, title, late in view.milestones}

        def milestone_cells(key: str) -> tuple[Cell, ...]:
            due, title, late = milestones[key]
            if late:
                return Text(f"{glyphs.overdue}{due}", style=alarm), Text(
                    printable(title), style=alarm
                )
            return f" {due}", title

        milestones_table = self.query_one("#dash-milestones", RecordTable)
        milestones_table.empty = (
            f"Nothing due in the next {DUE_SOON_DAYS} days — 4 shows the Timeline"
            if view.has_milestones
            else "No milestones yet — press 3, then m on a goal"
        )
        milestones_table.show_rows(list(milestones), milestone_cells)

        follow_table = self.query_one("#dash-followups", RecordTable)
        follow_table.empty = (
            "No follow-ups due this week"
            if view.has_people
            else "No people yet — press 6, then n to add a mentor or peer"
        )
        follow_table.sync(
            [
                (key, (Text(printable(text), style=alarm if due else ""),))
                for key, text, due in view.follow_ups
            ]
        )

        points = 5 if narrow else 8
        skill_rows: list[Row] = []
        for key, name, level, target, trend in view.skills:
            level_text = f"{level}→{target}" if level else f"–→{target}"
            skill_rows.append((key, (name, level_text, glyphs.sparkline(trend, width=points))))
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
