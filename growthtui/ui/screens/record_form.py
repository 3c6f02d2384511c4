"""The shape of every form: fields declared as FieldSpecs, inline errors and warnings,
`ctrl+s` saves (through `growthtui.services.records`), `escape` cancels (asking first when
something was typed), and no key typed in a burst is lost or lands in the wrong field (see
`growthtui.ui.key_order`)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar, Generic, TypeVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, SelectionList, Static, TextArea

from growthtui.domain.base import Record
from growthtui.domain.errors import GrowthError, InvalidInput, InvalidRecord
from growthtui.domain.printable import printable
from growthtui.services import records
from growthtui.ui.key_order import HoldKeys
from growthtui.ui.screens.app_access import AppAccess
from growthtui.ui.screens.confirm import ConfirmModal
from growthtui.ui.widgets.choice_field import ChoiceField
from growthtui.ui.widgets.form import NOTHING, FieldSpec, FormField
from growthtui.ui.widgets.long_text import EDITOR_KEY, LongText

T = TypeVar("T")

SETTLING_ACTIONS = frozenset(
    {"save", "cancel", "next_field", "previous_field", "enter_next", "external_editor"}
)
"""Actions that wait for the keys typed before them (and hold the keys typed after)."""


def build_checked(model: type[Any], data: dict[str, Any], errors: dict[str, str]) -> Any:
    """Validate `data` into `model`; InvalidRecord carries the model's sentences and the
    ones found while parsing the fields (`errors`), one per field."""
    try:
        record = model.build(**data)
    except InvalidRecord as error:
        raise InvalidRecord(list({**error.by_field(), **errors}.items())) from None
    if errors:
        raise InvalidRecord(list(errors.items()))
    return record


def errors_of(error: GrowthError) -> dict[str, str]:
    """Field name → sentence; a refusal that names no field goes under the form ("")."""
    if isinstance(error, InvalidRecord):
        return error.by_field()
    if isinstance(error, InvalidInput):
        return {error.field or "": str(error)}
    return {"": str(error)}


class RecordForm(AppAccess, HoldKeys, ModalScreen[T | None], Generic[T]):
    """A modal form returning what it saved (or None when cancelled).

    A form declares its fields as FieldSpecs in `specs()` and the record they make, a
    `MODEL` (a new one, or `original` edited); it may adjust the record in `build()` and
    how it is stored in `save()` (by default `services.records.save`). Errors land next to
    the field they name; a refusal of the store (a read-only file, a lock held elsewhere)
    under the fields, with the form kept open on what was typed. `warnings()` may name
    fields to look at twice.
    """

    BINDING_GROUP_TITLE = "Form"
    # Priority: each runs the moment its key arrives, after the keys typed before it have
    # reached their fields, and before any key typed after it goes anywhere.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="form.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="form.cancel", priority=True),
        Binding("tab", "next_field", "Next field", id="form.next", show=False, priority=True),
        Binding(
            "shift+tab",
            "previous_field",
            "Previous field",
            id="form.previous",
            show=False,
            priority=True,
        ),
        Binding(
            "enter", "enter_next", "Next field", id="form.enter_next", show=False, priority=True
        ),
        Binding(EDITOR_KEY, "external_editor", "Edit in $EDITOR", id="form.editor", priority=True),
    ]
    AUTO_FOCUS = ""  # nothing (not even the app's "*"): the first field takes it when let go
    NEW: ClassVar[str] = "New"
    """The heading over a new record; `{form.goal.title}` names the form's attributes."""
    EDIT: ClassVar[str] = "Edit"
    """The heading over a record edited; `{r.title}` names the record's fields."""
    FOOTNOTE: ClassVar[str] = "[b]ctrl+s[/b] save   [b]esc[/b] cancel   [b]tab[/b] next field"

    MODEL: ClassVar[type[Record] | None] = None
    """The kind of record the fields make."""

    def __init__(self, original: Any = None, heading: str | None = None) -> None:
        super().__init__(classes="form-screen")
        self.original = original
        """The record edited (None: a new one)."""
        if heading is None:
            pattern = self.NEW if original is None else self.EDIT
            heading = pattern.format(r=original, form=self)
        self.heading = heading
        self._initial: dict[str, Any] = {}
        self._specs: list[FieldSpec] = []
        self.unreadable: GrowthError | OSError | None = None
        """Why the fields could not be made (the store could not be read), if so."""

    # -- to override -------------------------------------------------------------------
    def specs(self) -> Iterator[FieldSpec]:
        """The fields, in order."""
        yield from ()

    def fields(self) -> Iterator[FormField]:
        """The fields drawn: one per spec (a list with nothing to pick is left out)."""
        self._specs = [spec for spec in self.specs() if spec.shown_when_empty]
        for spec in self._specs:
            yield spec.field(self.initial(spec))

    def initial(self, spec: FieldSpec) -> Any:
        """What `spec`'s field shows first: its `value`, else the record's, else `default`."""
        if spec.value is not NOTHING:
            return spec.value
        if self.original is not None and spec.id in type(self.original).model_fields:
            return getattr(self.original, spec.id)
        return spec.default

    def build(self) -> Any:
        """The record from the fields; raise InvalidRecord/InvalidInput for bad values."""
        data, errors = self.read()
        return self.record(data, errors)

    def save(self, record: Any) -> T | None:
        """Store `record`; return what to dismiss with. Raise GrowthError to stay open."""
        return records.save(self.store, record, base=self.original)  # type: ignore[no-any-return]

    def compose_side(self) -> ComposeResult:
        """Optional panel beside the fields (e.g. the live SMART check)."""
        yield from ()

    def warnings(self) -> dict[str, str]:
        """Field name → a sentence to look at twice (saving still works); called on
        every edit."""
        return {}

    def fields_changed(self) -> None:
        """Called on every edit; e.g. to update a live check."""

    # -- shared ------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        try:
            # Read before anything is drawn: the fields list records of the store (the
            # goals a win speaks to), and a data file that cannot be read (broken or
            # changed while the app was open) must not leave a form without fields.
            fields = list(self.fields())
        except (GrowthError, OSError) as error:
            self.unreadable = error
            return
        with Vertical(classes="form-dialog"):
            title = Label(Text(printable(self.heading)), classes="dialog-title")
            title.styles.margin = (0, 0, 0, 0)
            yield title
            with Horizontal(classes="form-columns"):
                body = VerticalScroll(classes="form-body")
                body.can_focus = False  # the fields take the focus, not what scrolls them
                with body:
                    yield from fields
                yield from self.compose_side()
            yield Static("", classes="form-error", id="form-error")
            keys = Static(self.FOOTNOTE, classes="dialog-keys", id="form-keys")
            keys.styles.margin = (0, 0, 0, 0)
            yield keys

    def on_mount(self) -> None:
        if not self.is_attached:  # opened as the app quits (keys typed after q)
            return
        if self.unreadable is not None:
            # Nothing to fill in: close, and say why as any refusal of the store is said.
            error, self.unreadable = self.unreadable, None
            self.dismiss(None)
            self.growth_app.handle_uncaught(error)
            return
        self._initial = self.values()
        # Tabbing into a list of choices lands on its first one, so space ticks it at once.
        for choices in self.query(SelectionList):
            if choices.option_count and choices.highlighted is None:
                choices.highlighted = 0
        self._show_warnings()
        first = next(iter(self.query(FormField)), None)
        # Keys typed since the key that opened the form were held: they go to this field.
        self.release_keys(first.control if first is not None else None)

    def field(self, name: str) -> FormField:
        return self.query_one(f"#field-{name}", FormField)

    def values(self) -> dict[str, Any]:
        return {f.field_name: f.value() for f in self.query(FormField)}

    def value(self, name: str) -> Any:
        return self.field(name).value()

    def read(self) -> tuple[dict[str, Any], dict[str, str]]:
        """The fields' values in the record's types, and a sentence for each field whose
        text cannot be read (a value left out of the data)."""
        data: dict[str, Any] = {}
        errors: dict[str, str] = {}
        typed = self.values()
        for spec in self._specs:
            try:
                data[spec.id] = spec.read(typed[spec.id], self.today)
            except InvalidInput as error:
                errors[spec.id] = str(error)
        return data, errors

    def record(self, data: dict[str, Any], errors: dict[str, str]) -> Any:
        """A `MODEL` from `data` (over the record edited), or InvalidRecord with every
        sentence: the model's and `errors`."""
        assert self.MODEL is not None, "a form that makes no MODEL builds its own record"
        data = {**self.fixed(), **data}
        if self.original is not None:
            data = {**self.original.model_dump(), **data}
        return build_checked(self.MODEL, data, errors)

    def fixed(self) -> dict[str, Any]:
        """Values the record takes from where the form was opened (its goal, its person)."""
        return {}

    @property
    def dirty(self) -> bool:
        return self.values() != self._initial

    def show_errors(self, errors: dict[str, str]) -> None:
        """Put each sentence next to its field; the rest under the form."""
        first_bad: FormField | None = None
        names = set()
        for form_field in self.query(FormField):
            names.add(form_field.field_name)
            message = errors.get(form_field.field_name)
            form_field.set_error(message)
            if message and first_bad is None:
                first_bad = form_field
        leftover = [msg for name, msg in errors.items() if name not in names]
        self.query_one("#form-error", Static).update(Text("\n".join(leftover)))
        if first_bad is not None:
            self.focus_when_released(first_bad.control)
            first_bad.scroll_visible()

    def clear_errors(self) -> None:
        self.show_errors({})

    @property
    def error_text(self) -> str:
        """What the form says under its fields (a refusal of the store, say)."""
        return str(self.query_one("#form-error", Static).render())

    # -- keys --------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in SETTLING_ACTIONS and self.holding:
            return False  # the key is held, and runs once the keys before it are handled
        if action == "enter_next":
            # enter moves on from a one-line field; elsewhere it is the field's own key
            # (a new line, keeping a choice).
            return isinstance(self.focused, Input)
        if action == "external_editor":
            return isinstance(self.focused, LongText)
        return True

    def action_save(self) -> None:
        self.settle_then(self._save)

    def action_cancel(self) -> None:
        self.settle_then(self._cancel)

    def action_next_field(self) -> None:
        self.settle_then(self.focus_next)

    def action_previous_field(self) -> None:
        self.settle_then(self.focus_previous)

    def action_enter_next(self) -> None:
        self.settle_then(self.focus_next)

    def action_external_editor(self) -> None:
        """The focused long text in the person's editor (what was typed before is in it)."""
        field = self.focused
        if isinstance(field, LongText):
            self.settle_then(field.action_external_editor)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        keys = self.FOOTNOTE
        if isinstance(event.widget, LongText):
            keys = f"{keys}   [b]{EDITOR_KEY}[/b] your editor"
        elif isinstance(event.widget, ChoiceField):
            keys = f"{keys}   [b]↑↓[/b] choose"
        self.query_one("#form-keys", Static).update(keys)

    # -- saving ------------------------------------------------------------------------
    def typed_problems(self) -> dict[str, str]:
        """Field name → why what was typed there cannot be stored (control characters)."""
        problems = {}
        for form_field in self.query(FormField):
            problem = form_field.typed_problem()
            if problem:
                problems[form_field.field_name] = problem
        return problems

    def _save(self) -> None:
        problems = self.typed_problems()
        if problems:
            self.show_errors(problems)
            return
        try:
            record = self.build()
        except GrowthError as error:
            self.show_errors(errors_of(error))
            return
        self.clear_errors()
        self.proceed(record)

    def proceed(self, record: Any) -> None:
        """Save and close; subclasses may ask something first (a reason) and then call
        `finish`."""
        self.finish(record)

    def finish(self, record: Any) -> None:
        try:
            result = self.save(record)
        except GrowthError as error:
            # The store refused (read-only, locked elsewhere, changed meanwhile): the form
            # stays as it is, with the sentence under it (or next to the field it names).
            self.show_errors(errors_of(error))
            return
        self.growth_app.data_changed()
        self.dismiss(result)

    def _cancel(self) -> None:
        if not self.dirty:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmModal("Discard what you typed?", yes="Discard", no="Keep editing"), answered
        )

    @on(Input.Submitted)
    def _enter_moves_on(self, event: Input.Submitted) -> None:
        """`enter` in a field goes to the next one (saving stays on ctrl+s)."""
        event.stop()
        self.focus_next()

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(ChoiceField.Changed)
    @on(SelectionList.SelectedChanged)
    def _changed(self, event: object) -> None:
        if not self.is_mounted:
            return
        self.fields_changed()
        self._show_warnings()

    def _show_warnings(self) -> None:
        warnings = self.warnings()
        for form_field in self.query(FormField):
            form_field.set_warning(warnings.get(form_field.field_name))
