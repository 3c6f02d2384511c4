"""Learning (5): the learning plan — by status and kind, linked to skills, goals and
weaknesses — with the hours of this quarter and this year."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from growthtui.domain.assessment import Skill, Trait
from growthtui.domain.goals import Goal
from growthtui.domain.learning import LearningItem, LearningKind, LearningStatus
from growthtui.domain.learning_totals import hours_text, learning_totals
from growthtui.domain.printable import printable
from growthtui.domain.schedule import days_until
from growthtui.domain.words import counted
from growthtui.ui.screens.confirm import ConfirmModal
from growthtui.ui.screens.learning_form import LearningForm
from growthtui.ui.screens.list_area import ListArea, detail_pane
from growthtui.ui.widgets.record_table import RecordTable, Row
from growthtui.ui.widgets.record_text import RecordText

STATUS_FILTERS: tuple[tuple[str, frozenset[LearningStatus]], ...] = (
    ("all", frozenset(LearningStatus)),
    ("open", frozenset({LearningStatus.PLANNED, LearningStatus.IN_PROGRESS})),
    ("in progress", frozenset({LearningStatus.IN_PROGRESS})),
    ("planned", frozenset({LearningStatus.PLANNED})),
    ("done", frozenset({LearningStatus.DONE})),
    ("dropped", frozenset({LearningStatus.DROPPED})),
)
KIND_FILTERS: tuple[LearningKind | None, ...] = (None, *LearningKind)
STATUS_ORDER = {
    LearningStatus.IN_PROGRESS: 0,
    LearningStatus.PLANNED: 1,
    LearningStatus.DONE: 2,
    LearningStatus.DROPPED: 3,
}

EMPTY = (
    "Nothing in your learning plan yet.\n\n"
    "Press n to add a course, certification, workshop, conference, book, project, "
    "volunteering or publication, and link it to the skills it builds, the goals it serves "
    "and the weaknesses it addresses. space marks one done and asks to re-rate its skills."
)


def plan_order(item: LearningItem) -> tuple[int, int, int]:
    """In progress, planned (soonest due first), done (latest first), dropped; undated last."""
    undated = dt.date.max.toordinal()
    if item.status is LearningStatus.DONE:
        day = item.completed or item.start
        return (STATUS_ORDER[item.status], -day.toordinal() if day else undated, item.id)
    day = item.due or item.start
    return (STATUS_ORDER[item.status], day.toordinal() if day else undated, item.id)


def key_date(item: LearningItem) -> str:
    """The date that matters for the item's status: completed, else due, else start."""
    if item.status is LearningStatus.DONE:
        day = item.completed
    elif item.status is LearningStatus.DROPPED:
        day = item.start
    else:
        day = item.due or item.start
    return day.isoformat() if day else ""


class LearningScreen(ListArea):
    """Develop skills: courses, certifications, workshops, conferences, books, projects,
    volunteering and publications, aimed at weaknesses and goals."""

    MODE = "learning"
    EDIT_KEYS = (Binding("space", "mark_done", "Done", id="learning.done"),)
    MORE_KEYS = (Binding("r", "rate", "Re-rate its skills", id="learning.rate", show=False),)
    FILTER_KEYS = (
        Binding("f", "cycle_status", "Status filter", id="learning.status_filter", show=False),
        Binding("t", "cycle_kind", "Kind filter", id="learning.kind_filter", show=False),
    )

    def __init__(self) -> None:
        super().__init__()
        self.status_filter = 0
        self.kind_filter = 0
        self._items: dict[int, LearningItem] = {}
        self._skills: dict[int, Skill] = {}
        self._goals: dict[int, Goal] = {}
        self._traits: dict[int, Trait] = {}

    def compose_body(self) -> ComposeResult:
        yield Static("", id="learning-totals")
        yield from self.compose_list(
            "Learning plan",
            "filter: words from a title or provider, esc clears",
            RecordText("", id="learning-status", classes="pane-title"),
            [
                ("Kind", "kind", 13),
                ("Title", "title", None),
                ("Status", "status", 11),
                ("Due/done", "date", 11),
                ("Hours", "hours", 5),
            ],
            flex="title",
        )
        yield detail_pane("learning-detail", "Detail", "learning-item")

    # -- data ------------------------------------------------------------------------
    def selected_item(self) -> LearningItem | None:
        key = self.table.current_key
        return self._items.get(int(key)) if key else None

    def refresh_data(self) -> None:
        items = self.store.list(LearningItem)
        self._items = {i.id: i for i in items}
        self._skills = {s.id: s for s in self.store.list(Skill)}
        self._goals = {g.id: g for g in self.store.list(Goal)}
        self._traits = {t.id: t for t in self.store.list(Trait)}
        self.query_one("#learning-totals", Static).update(
            learning_totals(items, self.today).describe()
        )
        self.show_rows()

    def _visible(self) -> list[LearningItem]:
        statuses = STATUS_FILTERS[self.status_filter][1]
        kind = KIND_FILTERS[self.kind_filter]
        words = self.filter_box
        out = []
        for item in self._items.values():
            if item.status not in statuses or (kind is not None and item.kind is not kind):
                continue
            if not words.matches(item.title, item.provider, item.notes):
                continue
            out.append(item)
        return sorted(out, key=plan_order)

    def _row(self, item: LearningItem) -> Row:
        style = ""
        if item.status is LearningStatus.DONE:
            style = "dim"
        elif item.status is LearningStatus.DROPPED:
            style = "dim strike"
        title = Text(printable(item.title), style=style)  # Text() drops BEL, CR unseen
        if item.status is LearningStatus.DONE:
            title.append(f" {self.glyphs.done}")
        date = Text(key_date(item))
        if item.is_late(self.today):
            date = Text(f"{self.glyphs.overdue}{date.plain}", style=self.alarm_style)
        hours = Text(f"{item.hours:g}" if item.hours else "", justify="right")
        return str(item.id), (item.kind.value, title, item.status.value, date, hours)

    def show_rows(self) -> None:
        rows = [self._row(item) for item in self._visible()]
        self.table.sync(rows)
        status = STATUS_FILTERS[self.status_filter][0]
        kind = KIND_FILTERS[self.kind_filter]
        kinds = f"{kind.value}s" if kind else "all kinds"
        words = f" · matching '{self.text_filter}'" if self.text_filter else ""
        summary = f"{counted(len(rows), 'item')} · {status} · {kinds}{words}"
        self.query_one("#learning-status", Static).update(
            Text.assemble(summary, ("   f status  t kind", "dim"))
        )
        self._show_detail()

    def _show_detail(self) -> None:
        item = self.selected_item()
        detail = self.query_one("#learning-item", Static)
        if item is None:
            if self._items:
                detail.update("Nothing matches the filters. esc clears the words; f and t cycle.")
            else:
                detail.update(EMPTY)
            return
        detail.update(self._describe(item))

    def _describe(self, item: LearningItem) -> Text:
        text = Text()
        text.append(f"#{item.id} {printable(item.title)}\n", style="bold")
        facts = [item.kind.value]
        if item.provider:
            facts.append(printable(item.provider))
        facts.append(item.status.value)
        if item.hours:
            facts.append(hours_text(item.hours))
        text.append(" · ".join(facts) + "\n", style="italic")
        dates = []
        if item.start:
            dates.append(f"started {item.start.isoformat()}")
        if item.completed:
            dates.append(f"completed {item.completed.isoformat()}")
        elif item.due:
            days = days_until(item.due, self.today)
            when = (
                f"in {counted(days, 'day')}" if days > 1 else "tomorrow" if days == 1 else "today"
            )
            if days < 0:
                when = f"{counted(-days, 'day')} ago"
            dates.append(f"due {item.due.isoformat()} ({when})")
        if dates:
            line = " · ".join(dates)
            text.append(line + "\n", style=self.alarm_style if item.is_late(self.today) else "")
        skills = [self._skills[i] for i in item.skill_ids if i in self._skills]
        if skills:
            text.append("Skills: ", style="bold")
            for index, skill in enumerate(skills):
                level = skill.level
                text.append(", " if index else "")
                text.append(f"{printable(skill.name)} {level or '–'}→{skill.target_level} ")
                text.append(self.glyphs.sparkline(skill.trend()), style="dim")
            text.append("\n")
        goals = [self._goals[i] for i in item.goal_ids if i in self._goals]
        if goals:
            text.append("Goals: ", style="bold")
            text.append(", ".join(f"#{g.id} {printable(g.title)}" for g in goals) + "\n")
        traits = [self._traits[i] for i in item.trait_ids if i in self._traits]
        if traits:
            text.append("Weaknesses: ", style="bold")
            text.append(", ".join(printable(t.title) for t in traits) + "\n")
        if item.notes:
            text.append("Notes: ", style="bold")
            text.append(printable(item.notes, lines=True) + "\n")
        if item.is_open:
            hint = "space marks it done"
            if skills:
                hint += " and offers to re-rate its skills"
            text.append(hint + ".", style="dim")
        elif skills:
            text.append("r re-rates its skills; space opens it again.", style="dim")
        return text

    @on(RecordTable.RowHighlighted, "#learning-table")
    def _highlighted(self, _event: RecordTable.RowHighlighted) -> None:
        self._show_detail()

    # -- filters ---------------------------------------------------------------------
    def widen_filters(self) -> None:
        self.status_filter = 0
        self.kind_filter = 0

    def action_cycle_status(self) -> None:
        self.cycle("status_filter", len(STATUS_FILTERS))

    def action_cycle_kind(self) -> None:
        self.cycle("kind_filter", len(KIND_FILTERS))

    # -- changes ---------------------------------------------------------------------
    def action_new(self) -> None:
        self.open_dialog(LearningForm(), self.after_form)

    def action_edit(self) -> None:
        item = self.need(self.selected_item(), "nothing selected: press n to add a learning item")
        if item is not None:
            self.open_dialog(LearningForm(item), self.after_form)

    def action_mark_done(self) -> None:
        item = self.selected_item()
        if item is None:
            return
        if item.status is LearningStatus.DONE:
            reopened = item.edit(status=LearningStatus.IN_PROGRESS, completed=None)
            self.save(reopened, item, f"'{item.title}' is in progress again (u undoes)")
            return
        done = item.edit(status=LearningStatus.DONE, completed=self.today)
        if self.save(done, item, f"'{item.title}' done on {self.today.isoformat()} (u undoes)"):
            self._offer_rating(item, ask=True)

    def action_rate(self) -> None:
        item = self.selected_item()
        if item is not None:
            self._offer_rating(item, ask=False)

    def _offer_rating(self, item: LearningItem, ask: bool) -> None:
        """Rate each skill the item built, one form after the other (esc skips one)."""
        from growthtui.ui.screens.skill_rating_form import RateSkillForm

        skills = [s for s in (self.store.find(Skill, i) for i in item.skill_ids) if s]
        if not skills:
            if not ask:
                self.notify("this item is linked to no skill: e links some", timeout=4)
            return

        def rate(rated: int, left: list[Skill]) -> None:
            """The next skill's form; once none is left, say how many were rated."""
            if left:
                latest = self.store.find(Skill, left[0].id) or left[0]
                more = left[1:]
                self.open_dialog(
                    RateSkillForm(latest), lambda saved: rate(rated + (saved is not None), more)
                )
            elif rated:
                self.notify(
                    f"rated {counted(rated, 'skill')}; the trend is on the Assessment screen",
                    timeout=4,
                )

        if not ask:
            rate(0, skills)
            return
        names = ", ".join(s.name for s in skills)
        self.open_dialog(
            ConfirmModal(
                f"Re-rate what '{item.title}' built?",
                f"{names}: a new rating each, added to its history.",
                yes="Rate now",
                no="Not now",
            ),
            lambda yes: rate(0, skills) if yes else None,
        )

    def action_delete(self) -> None:
        item = self.selected_item()
        if item is None:
            return
        iid = item.id
        self.confirm_delete(
            f"Delete {item.kind.value} #{iid} '{item.title}'?",
            "The skills, goals and weaknesses it is linked to stay. u undoes.",
            LearningItem,
            iid,
            f"deleted #{iid} (u undoes)",
            then=lambda: self.back_on(iid),
        )
