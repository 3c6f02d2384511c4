"""Dashboard (1): what needs you this morning."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Vertical, VerticalScroll
from textual.widgets import Static

from growthtui.domain.schedule import DUE_SOON_DAYS
from growthtui.ui.screens.base import AreaScreen
from growthtui.ui.widgets.record_table import Cell, RecordTable, Row
from growthtui.ui.widgets.record_text import RecordText

if TYPE_CHECKING:
    from growthtui.domain import CheckIn, Milestone

# The records' modules (and pydantic with them) are imported where the records are read:
# this screen's first frame is drawn before the store is open (see GrowthApp).

FOLLOW_UP_DAYS = 7
"""Follow-ups due today or this week."""

FIRST_RUN = "\n".join(
    (
        "[b]Welcome to growthtui.[/b] A plan for your professional growth, one key away.",
        "",
        "  [b]1.[/b] Press [b]p[/b] for your profile: name, role, and the vision you",
        "      work toward.",
        "  [b]2.[/b] Press [b]2[/b] to assess yourself: strengths and weaknesses, from",
        "      self-reflection, feedback, assessments and past results.",
        "  [b]3.[/b] Press [b]3[/b], then [b]n[/b], to set your first SMART goal: what exactly,",
        "      how measured, your plan, why it matters, by when.",
        "  [b]4.[/b] Add dated milestones ([b]m[/b] on a goal): here and on the Timeline.",
        "  [b]5.[/b] Log wins as they happen with [b]w[/b] from any screen; reviews",
        "      gather them.",
        "",
        "[b]?[/b] shows the keys of any screen, [b]ctrl+p[/b] every action, [b]q[/b] quits.",
        "Everything is saved as you go.",
    )
)


class DashboardScreen(AreaScreen):
    """Vision, active goals, milestones due, follow-ups, the review banner, skills."""

    MODE = "dashboard"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_done", "Done", id="dashboard.toggle"),
        Binding("enter,e", "open", "Open", id="dashboard.open"),
        Binding("r", "review", "Review", id="dashboard.review"),
        Binding("p", "app.edit_profile", "Profile", id="dashboard.profile", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._milestone_ids: set[str] = set()

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="dashboard-body"):
            # Both keep their height whatever they say, so the records arriving after the
            # first frame (or a review falling due) repaint text, not the whole screen.
            yield RecordText(Text("Reading your plan…", style="dim"), id="dashboard-who")
            yield Static("", id="review-banner", classes="banner -quiet")
            first_run = Static(FIRST_RUN, id="first-run", classes="first-run")
            first_run.display = False
            yield first_run
            with Grid(id="dashboard-grid"):
                with Vertical(classes="pane", id="pane-goals") as pane:
                    pane.border_title = "Active goals"
                    table = RecordTable(id="dash-goals", flex="title")
                    table.add_column("Goal", key="title")
                    table.add_column("Progress", key="progress", width=15)
                    yield table
                with Vertical(classes="pane", id="pane-milestones") as pane:
                    pane.border_title = f"Milestones: overdue and next {DUE_SOON_DAYS} days"
                    table = RecordTable(id="dash-milestones", flex="title")
                    table.add_column("Due", key="due", width=11)
                    table.add_column("Milestone", key="title")
                    yield table
                with Vertical(classes="pane", id="pane-followups") as pane:
                    pane.border_title = "Follow-ups due this week"
                    table = RecordTable(id="dash-followups", flex="who")
                    table.add_column("Who", key="who")
                    yield table
                with Vertical(classes="pane", id="pane-skills") as pane:
                    pane.border_title = "Skills: level → target, trend"
                    table = RecordTable(id="dash-skills", flex="name")
                    table.add_column("Skill", key="name")
                    table.add_column("Lvl", key="level", width=5)
                    table.add_column("Trend", key="trend", width=8)
                    yield table

    def refresh_data(self) -> None:
        from growthtui.domain import (
            CheckIn,
            Goal,
            GoalStatus,
            Interaction,
            Milestone,
            Person,
            Skill,
            Trait,
        )
        from growthtui.domain.cadence import follow_ups_due
        from growthtui.domain.progress import goal_progress
        from growthtui.services.agenda import build_agenda, records_of

        store = self.store
        today = self.today
        glyphs = self.glyphs
        profile = store.profile()
        goals = store.list(Goal)
        empty = not goals and not profile.name and store.count(Trait) == 0
        self.query_one("#first-run").display = empty
        self.query_one("#dashboard-grid").display = not empty

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
        self.query_one("#dashboard-who", Static).update(who)

        agenda = build_agenda(records_of(store), today, DUE_SOON_DAYS)
        banner = self.query_one("#review-banner", Static)
        review = agenda.review
        show_banner = not empty and review.days <= 14
        banner.set_class(not show_banner, "-quiet")
        banner.set_class(show_banner and review.is_due, "-due")
        if show_banner:
            text = review.describe(agenda.review_cadence)
            banner.update(f"{glyphs.overdue} {text[0].upper()}{text[1:]} — press r to start it")
        else:
            banner.update("")

        alarm = self.alarm_style
        milestones_by_goal: dict[int, list[Milestone]] = defaultdict(list)
        for milestone in store.list(Milestone):
            milestones_by_goal[milestone.goal_id].append(milestone)
        checkins_by_goal: dict[int, list[CheckIn]] = defaultdict(list)
        for checkin in store.list(CheckIn):
            checkins_by_goal[checkin.goal_id].append(checkin)
        active = {str(g.id or 0): g for g in goals if g.status is GoalStatus.ACTIVE}

        def goal_cells(key: str) -> tuple[Cell, ...]:
            goal = active[key]
            gid = goal.id or 0
            progress = goal_progress(goal, milestones_by_goal[gid], checkins_by_goal[gid])
            return goal.title, glyphs.progress(progress, 8)

        order = sorted(active.values(), key=lambda g: (g.due is None, g.due, g.id))
        # Rows are made as they are drawn: thousands of active goals cost one screenful.
        self.query_one("#dash-goals", RecordTable).show_rows(
            [str(g.id or 0) for g in order], goal_cells
        )

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
        self.query_one("#dash-milestones", RecordTable).show_rows(
            [*overdue, *upcoming], milestone_cells
        )

        follow_ups = {
            str(follow.person.id): follow
            for follow in follow_ups_due(
                store.list(Person),
                store.list(Interaction),
                today,
                within_days=FOLLOW_UP_DAYS,
            )
        }

        def follow_up_cells(key: str) -> tuple[Cell, ...]:
            follow = follow_ups[key]
            text = follow.describe().removeprefix("follow up with ")
            return (Text(text, style=alarm if follow.is_due else ""),)

        self.query_one("#dash-followups", RecordTable).show_rows(list(follow_ups), follow_up_cells)

        skill_rows: list[Row] = []
        for skill in store.list(Skill):
            level = skill.level
            level_text = f"{level}→{skill.target_level}" if level else f"–→{skill.target_level}"
            skill_rows.append(
                (str(skill.id), (skill.name, level_text, glyphs.sparkline(skill.trend())))
            )
        self.query_one("#dash-skills", RecordTable).sync(skill_rows)

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
        from growthtui.domain import Milestone
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
            from growthtui.domain import Milestone

            milestone = self.store.find(Milestone, key)
            if milestone is not None:
                await self.growth_app.show_goal(milestone.goal_id)
        elif table.id == "dash-followups":
            await self.growth_app.run_command("people", "")
        elif table.id == "dash-skills":
            await self.growth_app.run_command("assessment", "")

    async def action_review(self) -> None:
        await self.growth_app.run_command("reviews", "start_review")
