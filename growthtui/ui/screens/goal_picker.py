"""Pick a goal from a list, by key: which goal a next step or a milestone belongs to."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from growthtui.domain import Goal

GoalChoice = Goal | tuple[Goal, str]
"""A goal, or a goal with the tree guide to draw before its title ("├ ", "└ ")."""


class GoalPicker(ModalScreen[Goal | None]):
    """Choose one of `goals`; `enter` picks, `escape` cancels with None.

    The cursor starts on `default` (or on the goal whose id is `selected`); goals in
    `marked` get a star (e.g. those the person helps with, explained in `hint`).
    """

    CSS_PATH = "../styles/people.tcss"
    BINDING_GROUP_TITLE = "Pick a goal"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="goal_picker.cancel"),
        Binding("j", "move(1)", "Down", id="goal_picker.down", show=False),
        Binding("k", "move(-1)", "Up", id="goal_picker.up", show=False),
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
        super().__init__(classes="dialog-screen")
        self.question = question
        self.choices = [g if isinstance(g, tuple) else (g, "") for g in goals]
        self.goals = [goal for goal, _ in self.choices]
        start = default.id if default is not None else selected
        self.start = next((i for i, g in enumerate(self.goals) if g.id == start), 0)
        self.hint = hint
        self.marked = marked

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog goal-picker"):
            yield Label(self.question, classes="dialog-title")
            star = bool(self.marked)
            options = [
                Option(
                    ("* " if g.id in self.marked else "  " if star else "")
                    + f"{guide}#{g.id} {g.title} ({g.horizon.value}-term)",
                    id=str(g.id),
                )
                for g, guide in self.choices
            ]
            yield OptionList(*options, id="goal-picker-list")
            keys = "[b]enter[/b] pick    [b]esc[/b] cancel"
            yield Static(f"{self.hint}\n{keys}" if self.hint else keys, classes="dialog-keys")

    def on_mount(self) -> None:
        options = self.query_one("#goal-picker-list", OptionList)
        if self.goals:
            options.highlighted = self.start
        options.focus()

    def action_move(self, step: int) -> None:
        options = self.query_one("#goal-picker-list", OptionList)
        if step > 0:
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    @on(OptionList.OptionSelected, "#goal-picker-list")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.goals[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)
