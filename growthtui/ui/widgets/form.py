"""Form fields: a label, a control, and right below it the sentence saying what is wrong
(or, in its own colour, what to look at twice)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from operator import attrgetter
from typing import Any, Literal

from rich.segment import Segment
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Input, Label, Select, SelectionList, Static, Switch, TextArea
from textual.widgets.option_list import OptionDoesNotExist

from growthtui.domain.dates import parse_date
from growthtui.domain.errors import InvalidInput
from growthtui.domain.printable import check_typed, printable
from growthtui.ui.key_order import HeldWhileSettling
from growthtui.ui.shown import shown_text
from growthtui.ui.widgets.choice_field import BLANK_LABEL, ChoiceField
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
        # A label may quote stored text (a goal's metric): text, never markup.
        text = Text(printable(self.label))
        if hint:
            text.append(f"  {printable(hint)}", style="dim")
        yield Label(text, classes="field-label")
        yield self.control
        yield Static("", classes="field-error -empty")
        yield Static("", classes="field-warning -empty")

    def set_error(self, message: str | None) -> None:
        """The sentence saying what is wrong; it may quote what was typed or stored, so it
        is drawn as text, never read as markup (as is a warning)."""
        error = self.query_one(".field-error", Static)
        error.update(shown_text(message or ""))
        error.set_class(not message, "-empty")
        self.set_class(bool(message), "-invalid")

    def set_warning(self, message: str | None) -> None:
        """A sentence to look at twice (a date in the past): shown, saving still works."""
        warning = self.query_one(".field-warning", Static)
        warning.update(shown_text(message or ""))
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
    options: Iterable[tuple[str, Any]],
    value: Any,
    allow_blank: bool = False,
    blank_label: str = BLANK_LABEL,
) -> ChoiceField:
    """One of `options`, all in view, changed by the arrow keys at once. `value` chosen
    (else the first option, or blank, named `blank_label`, when `allow_blank`)."""
    shown = [(printable(label), option) for label, option in options]
    return ChoiceField(shown, value, allow_blank=allow_blank, blank_label=blank_label)


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
    return ChoiceList(
        *[(Text(printable(label)), value, value in chosen) for label, value in options]
    )


def number_text(value: float | None) -> str:
    """A number as a person would type it: 3 not 3.0; empty for None."""
    if value is None:
        return ""
    return f"{value:g}"


def parse_number(text: str, field: str, label: str) -> float | None:
    """A number typed by a person (`72,5` too); None when left empty."""
    text = text.strip().replace(",", ".")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise InvalidInput(f"the {label} must be a number, like 3 or 72.5", field) from None


def parse_days(text: str, field: str) -> int | None:
    """A whole number of days, or None when left empty."""
    text = text.strip()
    if not text:
        return None
    if not text.isascii() or not text.isdigit():
        raise InvalidInput(
            f"{text!r} is not a number of days: type a whole number like 21, or leave it empty",
            field,
        )
    return int(text)


def numbered(record: Any) -> str:
    """How a list to pick from names a record with a title: `#3 Write the RFC`."""
    return f"#{record.id} {record.title}"


def kind_and_title(record: Any) -> str:
    """How a list to pick from names a trait: `weakness: Public speaking`."""
    return f"{record.kind.value}: {record.title}"


named: Callable[[Any], str] = attrgetter("name")
"""How a list to pick from names a person or a skill."""
titled: Callable[[Any], str] = attrgetter("title")
"""How a list to pick from names a record by its title alone (a weakness)."""


def enum_options(kind: type[Enum]) -> list[tuple[str, Any]]:
    """The options of a choice among an enumeration's values, in its order."""
    return [(member.value, member.value) for member in kind]


Kind = Literal["text", "long", "choice", "ids", "tags", "date", "number", "days"]
"""What a field holds, which says how it is drawn, shown and read:

text: one line · long: several lines (`ctrl+o` opens the editor) · choice: one of
`options` · ids: any of `options` (record ids) · tags: words separated by commas ·
date: a day as typed (`2026-12-01`, `+2w`) · number: a decimal · days: a whole number of
days. A date, number or days field left empty is None, unless `required`."""

NOTHING: Any = object()
"""`FieldSpec.value` not given: the field shows what the record holds (or `default`)."""


@dataclass(frozen=True)
class FieldSpec:
    """One field of a form, declared: the form composes its FormField from it and reads
    the record's value back through it (`read`), so a form says only what its fields
    are and how it saves."""

    id: str
    """The record field it fills (errors are matched by it)."""
    label: str
    kind: Kind = "text"
    placeholder: str = ""
    hint: str = ""
    """Said after the label, dimmed ("space picks", "optional")."""
    required: bool = False
    """A date that must be given: empty is an error, not None."""
    what: str = ""
    """How a sentence about it names it ("due date"); default: the label, lower case."""
    options: Sequence[tuple[str, Any]] = ()
    blank: str | None = None
    """A choice that may be left empty, its empty option named so ("": "(none)")."""
    default: Any = None
    """Shown in a new record's form."""
    empty: Any = None
    """What a date, number or days field left empty means (unless `required`)."""
    value: Any = NOTHING
    """Shown instead of the record's value (one kept elsewhere, e.g. inside a measure)."""
    classes: str = ""

    @classmethod
    def one_of(cls, id: str, label: str, default: Enum, **more: Any) -> FieldSpec:
        """A choice among the values of `default`'s enumeration, `default` in a new record."""
        return cls(
            id, label, "choice", options=enum_options(type(default)), default=default, **more
        )

    @classmethod
    def pick(
        cls,
        id: str,
        label: str,
        records: Iterable[Any],
        name: Callable[[Any], str] = numbered,
        **more: Any,
    ) -> FieldSpec:
        """Any of `records` (their ids), each named by `name`; none to pick: left out."""
        options = [(name(record), record.id) for record in records]
        return cls(id, label, "ids", options=options, hint="space picks", **more)

    @property
    def shown_when_empty(self) -> bool:
        """A list of records to pick from, with none to pick, is left out of the form."""
        return self.kind != "ids" or bool(self.options)

    def field(self, value: Any) -> FormField:
        """The form's field, showing `value` (the record's, in its own type)."""
        control: Widget
        if self.kind == "long":
            control = long_text(value or "", self.placeholder)
        elif self.kind == "choice":
            chosen = value.value if isinstance(value, Enum) else value
            control = choice(
                self.options, chosen, self.blank is not None, self.blank or BLANK_LABEL
            )
        elif self.kind == "ids":
            control = multi_choice(self.options, value or [])
        else:
            hint = self.placeholder or ("YYYY-MM-DD" if self.kind == "date" else "")
            control = text_input(self.text(value), hint)
        if self.classes:
            control.add_class(self.classes)
        return FormField(self.id, self.label, control, self.hint, what=self.what)

    def text(self, value: Any) -> str:
        """`value` as typed in a one-line field."""
        if value is None:
            return ""
        if isinstance(value, dt.date):
            return value.isoformat()
        if self.kind == "tags":
            return ", ".join(value)
        if self.kind == "number":
            return number_text(value)
        return str(value)

    def read(self, typed: Any, today: dt.date) -> Any:
        """What was typed, in the record's type; InvalidInput says why it cannot be."""
        what = self.what or _LETTER.sub("", self.label).lower()
        if self.kind in ("date", "number", "days") and not typed.strip() and not self.required:
            return self.empty
        if self.kind == "date":
            return parse_date(typed, today, what)
        if self.kind == "number":
            return parse_number(typed, self.id, what)
        if self.kind == "days":
            return parse_days(typed, self.id)
        if self.kind == "tags":
            return [tag.strip() for tag in typed.split(",") if tag.strip()]
        return typed


__all__ = [
    "ChoiceField",
    "ChoiceList",
    "FieldSpec",
    "FormField",
    "FormInput",
    "LongText",
    "choice",
    "control_value",
    "enum_options",
    "kind_and_title",
    "long_text",
    "multi_choice",
    "named",
    "number_text",
    "numbered",
    "parse_days",
    "parse_number",
    "text_input",
    "titled",
]
