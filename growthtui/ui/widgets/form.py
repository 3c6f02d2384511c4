"""Form fields: a label, a control, and the sentence saying what is wrong, right below."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from rich.segment import Segment
from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Input, Label, Select, SelectionList, Static, Switch
from textual.widgets.option_list import OptionDoesNotExist


class FormField(Vertical):
    """One field of a form. `name` is the record field it fills (errors are matched by it)."""

    DEFAULT_CSS = """
    FormField { height: auto; margin: 0 0 1 0; }
    FormField > Input { background: $boost; }
    FormField > Input:focus { background: $primary 30%; }
    FormField > .field-label { color: $text-muted; height: 1; }
    FormField > .field-error { color: $error; text-style: bold; height: auto; }
    FormField > .field-error.-empty { display: none; }
    FormField > Input, FormField > Select { width: 100%; }
    FormField > SelectionList { height: auto; max-height: 6; }
    """

    def __init__(self, name: str, label: str, control: Widget, hint: str = "") -> None:
        super().__init__(id=f"field-{name}", classes="form-field")
        self.field_name = name
        self.label = label
        self.control = control
        self.hint = hint

    def compose(self) -> ComposeResult:
        text = f"{self.label}  [dim]{self.hint}[/dim]" if self.hint else self.label
        yield Label(text, classes="field-label")
        yield self.control
        yield Static("", classes="field-error -empty")

    def set_error(self, message: str | None) -> None:
        error = self.query_one(".field-error", Static)
        error.update(message or "")
        error.set_class(not message, "-empty")
        self.set_class(bool(message), "-invalid")

    @property
    def error(self) -> str:
        return str(self.query_one(".field-error", Static).render())

    def value(self) -> Any:
        return control_value(self.control)


class TypeAhead:
    """For dialogs with text fields: keys typed while the dialog is still opening reach the
    screen before its field has the focus. Keep them and hand them to the field once it
    has it, so a fast typist loses no keystroke ("n" and then the title, at once)."""

    def on_key(self, event: events.Key) -> None:
        if not (event.is_printable and event.character):
            return
        field: Input | None = self.__dict__.get("_typeahead_field")
        if field is not None:
            # `focus()` takes effect a moment later: until then keys still land here.
            focused = self.focused  # type: ignore[attr-defined]
            target = focused if isinstance(focused, Input) else field if focused is None else None
            if target is None:
                return
            target.insert_text_at_cursor(event.character)
        else:
            self.__dict__.setdefault("_typeahead", []).append(event.character)
        event.stop()
        event.prevent_default()

    def flush_typeahead(self, field: Input) -> None:
        """Call once the first field has the focus: what was typed early goes into it."""
        self.__dict__["_typeahead_field"] = field
        for character in self.__dict__.pop("_typeahead", []):
            field.insert_text_at_cursor(character)


def control_value(control: Widget) -> Any:
    """The value of a form control as the form reads it."""
    if isinstance(control, Input):
        return control.value
    if isinstance(control, Select):
        return None if control.value is Select.NULL else control.value
    if isinstance(control, SelectionList):
        return list(control.selected)
    if isinstance(control, Switch):
        return control.value
    raise TypeError(f"unsupported control {type(control).__name__}")


def text_input(value: str = "", placeholder: str = "", *, max_length: int = 0) -> Input:
    return Input(
        value, placeholder=placeholder, max_length=max_length, select_on_focus=False, compact=True
    )


def choice(
    options: Iterable[tuple[str, Any]], value: Any, allow_blank: bool = False
) -> Select[Any]:
    items = list(options)
    current = value if any(v == value for _, v in items) else Select.NULL
    if current is Select.NULL and not allow_blank and items:
        current = items[0][1]
    return Select(items, value=current, allow_blank=allow_blank, compact=True)


class ChoiceList(SelectionList[int]):
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
    return ChoiceList(*[(label, value, value in chosen) for label, value in options])


def number_text(value: float | None) -> str:
    """A number as a person would type it: 3 not 3.0; empty for None."""
    if value is None:
        return ""
    return f"{value:g}"
