"""Form fields: a label, a control, and right below it the sentence saying what is wrong
(or, in its own colour, what to look at twice)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from rich.segment import Segment
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Input, Label, Select, SelectionList, Static, Switch, TextArea
from textual.widgets.option_list import OptionDoesNotExist

from growthtui.domain.errors import InvalidInput
from growthtui.domain.printable import check_typed, printable
from growthtui.ui.key_order import HeldWhileSettling
from growthtui.ui.widgets.choice_field import ChoiceField
from growthtui.ui.widgets.long_text import EDITOR_KEY, LongText

_LETTER = re.compile(r"^[A-Z] — ")
"""The SMART letter before a label ("S — What exactly")."""


class FormInput(HeldWhileSettling, Input):
    """A one-line field of a form. `stored` is the text the record holds (shown through
    `printable`, so a control character from an import never reaches the terminal)."""

    stored: str | None = None


class FormField(Vertical):
    """One field of a form. `name` is the record field it fills (errors are matched by it)."""

    DEFAULT_CSS = """
    FormField { height: auto; margin: 0 0 1 0; }
    FormField > Input { background: $boost; }
    FormField > Input:focus { background: $primary 30%; }
    FormField > LongText { background: $boost; }
    FormField > LongText:focus { background: $primary 30%; }
    FormField > .field-label { color: $text-muted; height: auto; width: 100%; }
    FormField > .field-error { color: $error; text-style: bold; height: auto; }
    FormField > .field-warning { color: $warning; text-style: italic; height: auto; }
    FormField > .-empty { display: none; }
    FormField > Input, FormField > Select { width: 100%; }
    FormField > SelectionList { height: auto; max-height: 6; }
    """

    def __init__(
        self, name: str, label: str, control: Widget, hint: str = "", *, what: str = ""
    ) -> None:
        super().__init__(id=f"field-{name}", classes="form-field")
        self.field_name = name
        self.label = label
        self.control = control
        self.hint = hint
        self.what = what or _LETTER.sub("", label).lower()
        """How a sentence about this field names it ("title", "plan and resources")."""

    def compose(self) -> ComposeResult:
        hint = self.hint
        if isinstance(self.control, LongText):
            hint = f"{hint} · {EDITOR_KEY} editor" if hint else f"{EDITOR_KEY} editor"
        text = f"{self.label}  [dim]{hint}[/dim]" if hint else self.label
        yield Label(text, classes="field-label")
        yield self.control
        yield Static("", classes="field-error -empty")
        yield Static("", classes="field-warning -empty")

    def set_error(self, message: str | None) -> None:
        error = self.query_one(".field-error", Static)
        error.update(message or "")
        error.set_class(not message, "-empty")
        self.set_class(bool(message), "-invalid")

    def set_warning(self, message: str | None) -> None:
        """A sentence to look at twice (a date in the past): shown, saving still works."""
        warning = self.query_one(".field-warning", Static)
        warning.update(message or "")
        warning.set_class(not message, "-empty")

    @property
    def error(self) -> str:
        return str(self.query_one(".field-error", Static).render())

    @property
    def warning(self) -> str:
        return str(self.query_one(".field-warning", Static).render())

    def value(self) -> Any:
        return control_value(self.control)

    def typed_problem(self) -> str | None:
        """The sentence refusing what was typed here (a control character or a direction
        override), None when it may be stored. Text left as it was stored is not checked:
        the person did not type it."""
        control = self.control
        if not isinstance(control, (Input, TextArea)):
            return None
        stored = getattr(control, "stored", None)
        text = control_value(control)
        if stored is not None and text == stored:
            return None
        try:
            check_typed(text, self.what, self.field_name, lines=isinstance(control, TextArea))
        except InvalidInput as error:
            return str(error)
        return None


def control_value(control: Widget) -> Any:
    """The value of a form control as the form reads it. A text field left as it was
    shown gives back the text the record holds."""
    if isinstance(control, (Input, TextArea)):
        text = control.value if isinstance(control, Input) else control.text
        stored = getattr(control, "stored", None)
        if stored is not None and text == printable(stored, lines=isinstance(control, TextArea)):
            return stored
        return text
    if isinstance(control, ChoiceField):
        return control.value
    if isinstance(control, Select):
        return None if control.value is Select.NULL else control.value
    if isinstance(control, SelectionList):
        return list(control.selected)
    if isinstance(control, Switch):
        return control.value
    raise TypeError(f"unsupported control {type(control).__name__}")


def text_input(value: str = "", placeholder: str = "", *, max_length: int = 0) -> FormInput:
    """A one-line field showing `value` (the stored text, made printable)."""
    control = FormInput(
        printable(value),
        placeholder=placeholder,
        max_length=max_length,
        select_on_focus=False,
        compact=True,
    )
    control.stored = value
    return control


def long_text(value: str = "", placeholder: str = "") -> LongText:
    """A multi-line field showing `value` (line breaks kept, other controls made visible);
    `ctrl+o` opens it in the person's editor."""
    control = LongText(printable(value, lines=True), placeholder=placeholder)
    control.stored = value
    return control


def choice(
    options: Iterable[tuple[str, Any]], value: Any, allow_blank: bool = False
) -> ChoiceField:
    """One of `options`, all in view, changed by the arrow keys at once. `value` chosen
    (else the first option, or blank when `allow_blank`)."""
    shown = [(printable(label), option) for label, option in options]
    return ChoiceField(shown, value, allow_blank=allow_blank)


class ChoiceList(HeldWhileSettling, SelectionList[int]):
    """A SelectionList whose box shows `x` when ticked and nothing when not, so what is
    picked is visible without colour (NO_COLOR, monochrome terminals)."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        index = self.scroll_offset.y + y
        try:
            option = self.get_option_at_index(index)
        except OptionDoesNotExist:
            return strip
        segments = list(strip)
        if len(segments) < 3:
            return strip
        mark = "x" if option.value in self.selected else " "
        segments[1] = Segment(mark, segments[1].style, segments[1].control)
        return Strip(segments, strip.cell_length)


def multi_choice(options: Sequence[tuple[str, int]], selected: Iterable[int]) -> ChoiceList:
    chosen = set(selected)
    return ChoiceList(*[(printable(label), value, value in chosen) for label, value in options])


def number_text(value: float | None) -> str:
    """A number as a person would type it: 3 not 3.0; empty for None."""
    if value is None:
        return ""
    return f"{value:g}"


__all__ = [
    "ChoiceField",
    "ChoiceList",
    "FormField",
    "FormInput",
    "LongText",
    "choice",
    "control_value",
    "long_text",
    "multi_choice",
    "number_text",
    "text_input",
]
