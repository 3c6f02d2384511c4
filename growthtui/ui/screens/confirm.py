"""Small dialogs that ask one thing: the shape they share, and yes-or-no questions answered
by key. The question names its record ("Delete goal #3 Write the RFC?"); what it holds is
shown as text, never read as markup."""

from __future__ import annotations

from typing import ClassVar, Generic, TypeVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from growthtui.domain.printable import printable
from growthtui.ui.shown import shown_text

T = TypeVar("T")


class Dialog(ModalScreen[T], Generic[T]):
    """A dialog asking `question`, which may quote stored text: it is drawn as text (its
    control characters as escapes), so `[/]` or `[bold]` in a title shows as typed."""

    def __init__(self, question: str) -> None:
        super().__init__(classes="dialog-screen")
        self.question = question

    def title_label(self) -> Label:
        return Label(shown_text(self.question, lines=False), classes="dialog-title")

    @staticmethod
    def key_line(hint: str, keys: str) -> Static:
        """The line of keys (markup of our own), under a hint that may quote stored text."""
        text = Text.from_markup(keys)
        if hint:
            text = Text(f"{printable(hint)}\n") + text
        return Static(text, classes="dialog-keys")


class ConfirmModal(Dialog[bool]):
    """Ask a question; `y`/`enter` answers yes, `n`/`escape` no."""

    BINDING_GROUP_TITLE = "Confirm"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,enter", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str, detail: str = "", yes: str = "Yes", no: str = "No") -> None:
        super().__init__(question)
        self.detail, self.yes, self.no = detail, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield self.title_label()
            if self.detail:
                yield Static(shown_text(self.detail), classes="dialog-detail")
            yield self.key_line("", f"[b]y[/b] {self.yes}    [b]n[/b]/[b]esc[/b] {self.no}")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
