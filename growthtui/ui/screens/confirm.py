"""Yes-or-no questions, answered by key. The question names its record ("Delete goal #3
Write the RFC?"); what it holds is shown as text, never read as markup."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from growthtui.domain.printable import printable


class ConfirmModal(ModalScreen[bool]):
    """Ask a question; `y`/`enter` answers yes, `n`/`escape` no."""

    BINDING_GROUP_TITLE = "Confirm"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,enter", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str, detail: str = "", yes: str = "Yes", no: str = "No") -> None:
        super().__init__(classes="dialog-screen")
        self.question = question
        self.detail = detail
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(printable(self.question)), classes="dialog-title")
            if self.detail:
                yield Static(Text(printable(self.detail, lines=True)), classes="dialog-detail")
            yield Static(
                f"[b]y[/b] {self.yes}    [b]n[/b]/[b]esc[/b] {self.no}", classes="dialog-keys"
            )

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
