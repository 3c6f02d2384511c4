"""Pick a goal from a list, by key: which goal a next step or a milestone belongs to.

`/` filters the list by words (as in every list of the app): with a decade of goals,
`/ rfc enter` picks the one about the RFC."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from growthtui.domain.goals import Goal
from growthtui.domain.printable import printable
from growthtui.ui.screens.confirm import Dialog
from growthtui.ui.widgets.filter_box import FilterBox

GoalChoice = Goal | tuple[Goal, str]
"""A goal, or a goal with the tree guide to draw before its title ("├ ", "└ ")."""


class GoalPicker(Dialog[Goal | None]):
    """Choose one of `goals`; `enter` picks, `escape` cancels with None.

    The cursor starts on `default` (or on the goal whose id is `selected`); goals in
    `marked` get a star (e.g. those the person helps with, explained in `hint`). `/` opens
    a words filter: the list keeps the goals whose number and title hold every word, the
    arrows move in it, `enter` picks, `escape` empties it (a second `escape` cancels).
    """

    CSS_PATH = "../styles/people.tcss"
    BINDING_GROUP_TITLE = "Pick a goal"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="goal_picker.cancel"),
        Binding("slash", "filter", "Filter", id="goal_picker.filter"),
        Binding("j,down", "move(1)", "Down", id="goal_picker.down", show=False),
        Binding("k,up", "move(-1)", "Up", id="goal_picker.up", show=False),
    ]

    def __init__(
        self,
        question: str,
        goals: Sequence[GoalChoice],
        default: Goal | None = None,
        hint: str = "",
        marked: frozenset[int] = frozenset(),
        *,
        selected: int | None = None,
    ) -> None:
        super().__init__(question)
        self.choices = [g if isinstance(g, tuple) else (g, "") for g in goals]
        self.goals = [goal for goal, _ in self.choices]
        start = default.id if default is not None else selected
        self.start = next((i for i, g in enumerate(self.goals) if g.id == start), 0)
        self.hint = hint
        self.marked = marked
        self.shown = list(range(len(self.goals)))
        """Which of `goals` the list shows, in order (all of them until filtered)."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog goal-picker"):
            yield self.title_label()
            yield FilterBox(
                placeholder="filter: words from a goal's number or title, esc clears",
                id="goal-picker-filter",
            )
            yield OptionList(*self._options(), id="goal-picker-list")
            yield self.key_line(
                self.hint, "[b]enter[/b] pick    [b]/[/b] filter    [b]esc[/b] cancel"
            )

    def _options(self) -> list[Option]:
        star = bool(self.marked)
        return [
            Option(
                Text(
                    ("* " if goal.id in self.marked else "  " if star else "")
                    + f"{guide}#{goal.id} {printable(goal.title)} ({goal.horizon.value}-term)"
                ),
                id=str(goal.id),
            )
            for goal, guide in (self.choices[i] for i in self.shown)
        ]

    def on_mount(self) -> None:
        options = self.query_one("#goal-picker-list", OptionList)
        if self.goals:
            options.highlighted = self.start
        options.focus()

    @property
    def _filter(self) -> FilterBox:
        return self.query_one("#goal-picker-filter", FilterBox)

    def action_filter(self) -> None:
        self._filter.open()

    @on(Input.Changed, "#goal-picker-filter")
    def _filter_typed(self, _event: Input.Changed) -> None:
        self._show_matching()

    def _show_matching(self) -> None:
        words = self._filter
        self.shown = [
            i for i, goal in enumerate(self.goals) if words.matches(f"#{goal.id}", goal.title)
        ]
        options = self.query_one("#goal-picker-list", OptionList)
        options.clear_options()
        options.add_options(self._options())
        if self.shown:
            options.highlighted = 0

    @on(Input.Submitted, "#goal-picker-filter")
    def _filter_done(self, _event: Input.Submitted) -> None:
        options = self.query_one("#goal-picker-list", OptionList)
        if options.highlighted is not None and self.shown:
            self.dismiss(self.goals[self.shown[options.highlighted]])

    def action_move(self, step: int) -> None:
        options = self.query_one("#goal-picker-list", OptionList)
        if step > 0:
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    @on(OptionList.OptionSelected, "#goal-picker-list")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.goals[self.shown[event.option_index]])

    def action_cancel(self) -> None:
        if self._filter.close():
            self._show_matching()
            self.query_one("#goal-picker-list", OptionList).focus()
            return
        self.dismiss(None)
