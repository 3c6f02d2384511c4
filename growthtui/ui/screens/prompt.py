"""One line of text, asked for in a small dialog (a reason, a file path)."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from growthtui.ui.widgets.form import TypeAhead


class PromptModal(TypeAhead, ModalScreen[str | None]):
    """Ask for one line. `enter` answers (an empty answer is allowed when `optional`),
    `escape` cancels with None. `check` may return a sentence shown under the field."""

    BINDING_GROUP_TITLE = "Prompt"
    AUTO_FOCUS = None
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="prompt.cancel"),
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
        super().__init__(classes="dialog-screen")
        self.question = question
        self.value = value
        self.placeholder = placeholder
        self.hint = hint
        self.optional = optional
        self.check = check

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.question, classes="dialog-title")
            yield Input(self.value, placeholder=self.placeholder, id="prompt-input")
            yield Static("", classes="field-error", id="prompt-error")
            keys = "[b]enter[/b] ok    [b]esc[/b] cancel"
            yield Static(f"{self.hint}\n{keys}" if self.hint else keys, classes="dialog-keys")

    def on_mount(self) -> None:
        field = self.query_one("#prompt-input", Input)
        field.focus()
        self.flush_typeahead(field)

    @on(Input.Submitted, "#prompt-input")
    def _submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        problem = None
        if not text and not self.optional:
            problem = "type something, or press escape to cancel"
        elif self.check is not None:
            problem = self.check(text)
        if problem:
            self.query_one("#prompt-error", Static).update(problem)
            return
        self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)
