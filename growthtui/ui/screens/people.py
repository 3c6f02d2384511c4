"""People (6): mentors and network — each person's card, the log of conversations with
them, follow-ups due, those you are losing touch with, and next steps made milestones."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from growthtui.domain.cadence import FollowUp
from growthtui.domain.goals import Goal, Milestone
from growthtui.domain.kinds import Relation
from growthtui.domain.people import Interaction, Person
from growthtui.domain.printable import printable
from growthtui.domain.words import counted
from growthtui.services.people import default_due, default_goal, follow_ups, milestone_of
from growthtui.ui.screens.goal_picker import GoalPicker
from growthtui.ui.screens.interaction_form import InteractionForm, NextStepMilestoneForm
from growthtui.ui.screens.list_area import ListArea, record_table
from growthtui.ui.screens.person_card import conversation_detail, person_card
from growthtui.ui.screens.person_form import PersonForm
from growthtui.ui.shown import shown_text
from growthtui.ui.widgets.record_table import RecordTable, Row
from growthtui.ui.widgets.record_text import RecordText

FOLLOW_FILTERS = ("everyone", "follow-up due", "losing touch")
RELATION_FILTERS: tuple[Relation | None, ...] = (None, *Relation)

EMPTY = (
    "Nobody here yet.\n\n"
    "Press n to add a mentor, sponsor, peer, mentee or contact, with how often you want to "
    "be in touch. Then i logs a conversation: the advice, the next step, when to follow up. "
    "Any contact restarts the rhythm; m turns a next step into a milestone on a goal."
)


class PeopleScreen(ListArea):
    """Mentors and network: people, conversations, advice, and follow-ups due."""

    MODE = "people"
    NEW_KEYS = (Binding("i", "log", "Log talk", id="people.log"),)
    EDIT_KEYS = (Binding("m", "milestone", "Step to milestone", id="people.milestone"),)
    FILTER_KEYS = (
        Binding("f", "cycle_follow", "Follow-up filter", id="people.follow_filter", show=False),
        Binding("t", "cycle_relation", "Relation filter", id="people.relation_filter", show=False),
    )
    FILTER_SHOWN = False
    ESCAPE_KEY = Binding("escape", "back", "Back", id="people.back", show=False)

    def __init__(self) -> None:
        super().__init__()
        self.follow_filter = 0
        self.relation_filter = 0
        self._people: dict[int, Person] = {}
        self._follow: dict[int, FollowUp[Person]] = {}
        self._talks: dict[int, list[Interaction]] = {}
        self._goals: dict[int, Goal] = {}
        self._milestones: dict[int, Milestone] = {}
        self._shown_person: int | None = None

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="people-body"):
            yield from self.compose_list(
                "People",
                "filter: name, org, tags; esc clears",
                RecordText("", id="people-status", classes="pane-title"),
                [("Name", "name", None), ("Rel.", "relation", 7), ("Next", "next", 9)],
                flex="name",
            )
            with Vertical(id="people-side"):
                with Vertical(id="person-pane", classes="pane") as card:
                    card.border_title = "Card"
                    yield RecordText("", id="person-card")
                with Vertical(id="people-log", classes="pane") as log:
                    log.border_title = "Conversations"
                    columns = [("Date", "date", 10), ("Summary", "summary", None)]
                    yield record_table("interactions-table", columns, flex="summary")
                    yield RecordText("", id="interaction-detail")

    # -- data ------------------------------------------------------------------------
    @property
    def log_table(self) -> RecordTable:
        return self.query_one("#interactions-table", RecordTable)

    def selected_person(self) -> Person | None:
        key = self.table.current_key
        return self._people.get(int(key)) if key else None

    def selected_interaction(self) -> Interaction | None:
        person = self.selected_person()
        key = self.log_table.current_key
        if person is None or key is None:
            return None
        return next((i for i in self._talks.get(person.id, []) if str(i.id) == key), None)

    @property
    def in_log(self) -> bool:
        """The conversation log has the focus (keys act on a conversation)."""
        return self.focused is self.log_table

    def refresh_data(self) -> None:
        self._people = {p.id: p for p in self.store.list(Person)}
        self._follow = follow_ups(self.store, self.today)
        self._talks = {}
        for talk in self.store.list(Interaction):
            self._talks.setdefault(talk.person_id, []).append(talk)
        for talks in self._talks.values():
            talks.sort(key=lambda i: (i.date, i.id), reverse=True)
        self._goals = {g.id: g for g in self.store.list(Goal)}
        self._milestones = {m.id: m for m in self.store.list(Milestone)}
        self.show_rows()

    def _visible(self) -> list[Person]:
        relation = RELATION_FILTERS[self.relation_filter]
        words = self.filter_box
        out = []
        for person in self._people.values():
            follow = self._follow[person.id]
            if relation is not None and person.relation is not relation:
                continue
            if self.follow_filter == 1 and not follow.is_due:
                continue
            if self.follow_filter == 2 and not follow.losing_touch:
                continue
            if not words.matches(
                person.name, person.role, person.organisation, person.expertise, *person.tags
            ):
                continue
            out.append(person)

        def order(person: Person) -> tuple[int, int, str]:
            follow = self._follow[person.id]
            due = follow.due.toordinal() if follow.due else 10**7
            return (0 if follow.losing_touch else 1, due, person.name.lower())

        return sorted(out, key=order)

    def _row(self, person: Person) -> Row:
        follow = self._follow[person.id]
        name = Text(printable(person.name))  # Text() alone drops BEL, CR unseen
        if follow.losing_touch:
            name.stylize(f"{self.alarm_style} italic")
        if follow.days is None:
            when = Text("–", style="dim")
        elif follow.days < 0:
            when = Text(f"{self.glyphs.overdue}{-follow.days}d late", style=self.alarm_style)
        elif follow.days == 0:
            when = Text(f"{self.glyphs.overdue}today", style=self.alarm_style)
        else:
            when = Text(f"in {follow.days}d")
        return str(person.id), (name, person.relation.value, when)

    def show_rows(self) -> None:
        rows = [self._row(p) for p in self._visible()]
        self.table.sync(rows)
        due = sum(1 for f in self._follow.values() if f.is_due)
        losing = sum(1 for f in self._follow.values() if f.losing_touch)
        relation = RELATION_FILTERS[self.relation_filter]
        shown = counted(len(rows), relation.value if relation else "person")
        if self.follow_filter == 1:
            shown += " with a follow-up due"
        elif self.follow_filter == 2:
            shown += " losing touch"
        words = f" · '{self.text_filter}'" if self.text_filter else ""
        status = Text(f"{shown}{words} · {due} due")
        if losing:
            status.append(f" · {losing} losing touch", style=self.alarm_style)
        self.query_one("#people-status", Static).update(status)
        self._show_person(force=True)

    def _show_person(self, force: bool = False) -> None:
        person = self.selected_person()
        pid = person.id if person else None
        if not force and pid == self._shown_person:
            return
        self._shown_person = pid
        card = self.query_one("#person-card", Static)
        pane = self.query_one("#person-pane")
        if person is None:
            pane.border_title = "Card"
            if self._people:
                card.update("Nobody matches the filters. esc clears the words; f and t cycle.")
            else:
                card.update(EMPTY)
            self.log_table.sync([])
            self._show_interaction()
            return
        pane.border_title = shown_text(person.name, lines=False)  # a Text: never markup
        card.update(
            person_card(person, self._follow[person.id], self._goals, self.glyphs, self.alarm_style)
        )
        rows: list[Row] = []
        for talk in self._talks.get(person.id, []):
            summary = Text(talk.summary)
            if talk.next_step and (talk.milestone_id or 0) not in self._milestones:
                summary.append(f" {self.glyphs.tick}", style="bold")
            rows.append((str(talk.id), (talk.date.isoformat(), summary)))
        self.log_table.sync(rows)
        self.query_one("#people-log").border_title = f"Conversations ({len(rows)})"
        self._show_interaction()

    def _show_interaction(self) -> None:
        detail = self.query_one("#interaction-detail", Static)
        talk = self.selected_interaction()
        person = self.selected_person()
        if talk is None:
            hint = f"i logs a conversation with {printable(person.name)}." if person else ""
            detail.update(Text(hint, style="dim"))
            return
        detail.update(conversation_detail(talk, self._milestones, self._goals, self.glyphs))

    def on_descendant_focus(self) -> None:
        # In the log the conversation's detail gets more room (from the log's rows; the
        # card keeps every line).
        self.query_one("#people-side").set_class(self.in_log, "-in-log")

    @on(RecordTable.RowHighlighted, "#people-table")
    def _person_highlighted(self, _event: RecordTable.RowHighlighted) -> None:
        self._show_person()

    @on(RecordTable.RowHighlighted, "#interactions-table")
    def _talk_highlighted(self, _event: RecordTable.RowHighlighted) -> None:
        self._show_interaction()

    def select(self, key: str) -> None:
        super().select(key)
        self._show_person(force=True)

    # -- filters ---------------------------------------------------------------------
    def widen_filters(self) -> None:
        self.follow_filter = 0
        self.relation_filter = 0

    def action_back(self) -> None:
        """escape: from the conversations back to the people; else clear the words filter."""
        if self.in_log:
            self.table.focus()
        else:
            self.action_clear_filter()

    def action_cycle_follow(self) -> None:
        self.cycle("follow_filter", len(FOLLOW_FILTERS))

    def action_cycle_relation(self) -> None:
        self.cycle("relation_filter", len(RELATION_FILTERS))

    # -- changes ---------------------------------------------------------------------
    def _after_talk(self, talk: Interaction | None) -> None:
        if talk is not None:
            self._refresh_if_stale()
            self.select(str(talk.person_id))
            self.log_table.move_to(str(talk.id))
            self.log_table.focus()
            self._show_interaction()

    def action_new(self) -> None:
        """A new conversation in the log, else a new person."""
        if self.in_log:
            self.action_log()
            return
        self.open_dialog(PersonForm(), self.after_form)

    def action_log(self) -> None:
        person = self.need(self.selected_person(), "select a person first (n adds one)")
        if person is not None:
            self.open_dialog(InteractionForm(person), self._after_talk)

    def action_edit(self) -> None:
        person = self.need(self.selected_person(), "nobody selected: press n to add a person")
        if person is None:
            return
        talk = self.selected_interaction() if self.in_log else None
        if talk is not None:
            self.open_dialog(InteractionForm(person, talk), self._after_talk)
        else:
            self.open_dialog(PersonForm(person), self.after_form)

    def action_milestone(self) -> None:
        person = self.selected_person()
        talk = self.selected_interaction()
        if person is None or talk is None:
            self.notify("select a conversation with a next step (tab to the log)", timeout=4)
            return
        if not talk.next_step:
            self.notify("this conversation has no next step: e adds one", timeout=4)
            return
        existing = milestone_of(self.store, talk)
        if existing is not None:
            self.notify(
                f"already milestone #{existing.id} '{existing.title}' (on the Goals screen, 3)",
                timeout=5,
            )
            return
        goals = self.store.list(Goal, where=lambda g: g.is_open)
        if not goals:
            self.notify("no open goal to put it on: add a goal first (3, n)", timeout=5)
            return
        theirs = default_goal(person, goals)

        def made(goal: Goal, milestone: Milestone | None) -> None:
            if milestone is not None:
                self.notify(
                    f"milestone #{milestone.id} on #{goal.id} {goal.title}, due "
                    f"{milestone.due.isoformat()} (u undoes)",
                    timeout=5,
                )
                self.refresh_data()

        def picked(goal: Goal | None) -> None:
            if goal is not None:
                due = default_due(talk, self.today).isoformat()
                self.open_dialog(
                    NextStepMilestoneForm(goal, talk, due), lambda saved: made(goal, saved)
                )

        self.open_dialog(
            GoalPicker(
                f"Make '{talk.next_step}' a milestone on which goal?",
                goals,
                default=theirs,
                hint=f"* {person.name} helps with it" if theirs else "",
                marked=frozenset(person.goal_ids),
            ),
            picked,
        )

    def action_delete(self) -> None:
        person = self.selected_person()
        if person is None:
            return
        talk = self.selected_interaction() if self.in_log else None
        if talk is not None:
            self.confirm_delete(
                f"Delete the {talk.kind.value} of {talk.date.isoformat()} with {person.name}?",
                f"'{talk.summary}'. A milestone made from it stays. u undoes.",
                Interaction,
                talk.id,
                "deleted the conversation (u undoes)",
            )
            return
        pid = person.id
        count = len(self._talks.get(pid, []))
        talks = f"{counted(count, 'conversation')} {'goes' if count == 1 else 'go'}"
        self.confirm_delete(
            f"Delete {person.name}?",
            f"The {talks} with them too. u undoes.",
            Person,
            pid,
            f"deleted {person.name} (u undoes)",
            then=lambda: self.back_on(pid),
        )
