"""One line of text, asked for in a small dialog (a reason, a file path)."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Static

from growthtui.domain.errors import InvalidInput
from growthtui.domain.printable import check_typed, printable
from growthtui.ui.key_order import HoldKeys
from growthtui.ui.screens.confirm import Dialog
from growthtui.ui.widgets.form import FormInput, control_value


class PromptModal(HoldKeys, Dialog[str | None]):
    """Ask for one line. `enter` answers (an empty answer is allowed when `optional`),
    `escape` cancels with None. `check` may return a sentence shown under the field.

    Keys typed right after the key that opened it are kept for the field; `enter` answers
    with everything typed before it, and the keys typed after it go on to what comes next.
    """

    BINDING_GROUP_TITLE = "Prompt"
    AUTO_FOCUS = ""  # the field takes it when the keys held for it are let go
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "answer", "Answer", id="prompt.answer", priority=True),
        Binding("escape", "cancel", "Cancel", id="prompt.cancel", priority=True),
    ]

    def __init__(
        self,
        question: str,
        *,
        value: str = "",
        placeholder: str = "",
        hint: str = "",
        optional: bool = False,
        check: Callable[[str], str | None] | None = None,
    ) -> None:
        super().__init__(question)
        self.value = value
        self.placeholder = placeholder
        self.hint = hint
        self.optional = optional
        self.check = check

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield self.title_label()
            field = FormInput(
                printable(self.value), placeholder=self.placeholder, id="prompt-input"
            )
            field.stored = self.value
            yield field
            yield Static("", classes="field-error", id="prompt-error")
            yield self.key_line(self.hint, "[b]enter[/b] ok    [b]esc[/b] cancel")

    def on_mount(self) -> None:
        self.release_keys(self.query_one("#prompt-input", FormInput))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # While held, the key waits: it runs once the keys typed before it are in the field.
        return not (action in ("answer", "cancel") and self.holding)

    def action_answer(self) -> None:
        self.settle_then(self._answer)

    def action_cancel(self) -> None:
        self.settle_then(lambda: self.dismiss(None))

    @property
    def typed(self) -> str:
        typed: str = control_value(self.query_one("#prompt-input", FormInput))
        return typed

    def _answer(self) -> None:
        text = self.typed.strip()
        problem = None
        if not text and not self.optional:
            problem = "type something, or press escape to cancel"
        else:
            try:
                check_typed(text, "answer")
            except InvalidInput as error:
                problem = str(error)
            if problem is None and self.check is not None:
                problem = self.check(text)
        if problem:
            self.query_one("#prompt-error", Static).update(Text(problem))
            return
        self.dismiss(text)
