"""The shape of every form: fields with inline errors, `ctrl+s` saves, `escape` cancels
(asking first when something was typed)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, SelectionList, Static

from growthtui.domain import GrowthError, InvalidInput, InvalidRecord
from growthtui.ui.screens.app_access import AppAccess
from growthtui.ui.screens.confirm import ConfirmModal
from growthtui.ui.widgets.form import FormField, TypeAhead

if TYPE_CHECKING:
    pass

T = TypeVar("T")


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


class RecordForm(AppAccess, TypeAhead, ModalScreen[T | None], Generic[T]):
    """A modal form returning what it saved (or None when cancelled).

    Subclasses yield FormFields from `fields()`, turn the values into a record in
    `build()`, and store it in `save()`. Errors land next to the field they name.
    """

    BINDING_GROUP_TITLE = "Form"
    BINDINGS: ClassVar[list[BindingType]] = [
        # Not a priority binding: it must queue behind the keys typed before it.
        Binding("ctrl+s", "save", "Save", id="form.save"),
        Binding("escape", "cancel", "Cancel", id="form.cancel"),
        # Priority, so focus moves the moment tab arrives: keys typed right after it go to
        # the next field, not into the one being left.
        Binding("tab", "app.focus_next", "Next field", id="form.next", show=False, priority=True),
        Binding(
            "shift+tab",
            "app.focus_previous",
            "Previous field",
            id="form.previous",
            show=False,
            priority=True,
        ),
    ]
    AUTO_FOCUS = None  # the first field takes it in on_mount
    HEADING: ClassVar[str] = "Edit"
    FOOTNOTE: ClassVar[str] = "[b]ctrl+s[/b] save   [b]esc[/b] cancel   [b]tab[/b] next field"

    def __init__(self, heading: str | None = None) -> None:
        super().__init__(classes="form-screen")
        self.heading = heading or self.HEADING
        self._initial: dict[str, Any] = {}

    # -- to override -------------------------------------------------------------------
    def fields(self) -> Iterator[FormField]:
        yield from ()

    def build(self) -> Any:
        """The record from the fields; raise InvalidRecord/InvalidInput for bad values."""
        raise NotImplementedError

    def save(self, record: Any) -> T | None:
        """Store `record`; return what to dismiss with. Raise GrowthError to stay open."""
        raise NotImplementedError

    def compose_side(self) -> ComposeResult:
        """Optional panel beside the fields (e.g. the live SMART check)."""
        yield from ()

    # -- shared ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-dialog"):
            yield Label(self.heading, classes="dialog-title")
            with Horizontal(classes="form-columns"):
                with VerticalScroll(classes="form-body"):
                    yield from self.fields()
                yield from self.compose_side()
            yield Static("", classes="form-error", id="form-error")
            yield Static(self.FOOTNOTE, classes="dialog-keys")

    def on_mount(self) -> None:
        if not self.is_attached:  # opened as the app quits (keys typed after q)
            return
        self._initial = self.values()
        first = next(iter(self.query(FormField)), None)
        if first is not None:
            first.control.focus()
            if isinstance(first.control, Input):
                self.flush_typeahead(first.control)
        self.query_one(".form-body", VerticalScroll).can_focus = False
        # Tabbing into a list of choices lands on its first one, so space ticks it at once.
        for choices in self.query(SelectionList):
            if choices.option_count and choices.highlighted is None:
                choices.highlighted = 0

    def field(self, name: str) -> FormField:
        return self.query_one(f"#field-{name}", FormField)

    def values(self) -> dict[str, Any]:
        return {f.field_name: f.value() for f in self.query(FormField)}

    def value(self, name: str) -> Any:
        return self.field(name).value()

    @property
    def dirty(self) -> bool:
        return self.values() != self._initial

    def show_errors(self, errors: dict[str, str]) -> None:
        """Put each sentence next to its field; the rest under the form."""
        leftover: list[str] = []
        first_bad: FormField | None = None
        names = {f.field_name for f in self.query(FormField)}
        for form_field in self.query(FormField):
            message = errors.get(form_field.field_name)
            form_field.set_error(message)
            if message and first_bad is None:
                first_bad = form_field
        leftover = [msg for name, msg in errors.items() if name not in names]
        self.query_one("#form-error", Static).update("\n".join(leftover))
        if first_bad is not None:
            first_bad.control.focus()
            first_bad.scroll_visible()

    def clear_errors(self) -> None:
        self.show_errors({})

    def action_save(self) -> None:
        try:
            record = self.build()
        except InvalidRecord as error:
            self.show_errors(error.by_field())
            return
        except InvalidInput as error:
            self.show_errors({error.field or "": str(error)})
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
        except InvalidRecord as error:
            self.show_errors(error.by_field())
            return
        except InvalidInput as error:
            self.show_errors({error.field or "": str(error)})
            return
        except GrowthError as error:
            self.show_errors({"": str(error)})
            return
        self.growth_app.data_changed()
        self.dismiss(result)

    @work
    async def action_cancel(self) -> None:
        if self.dirty:
            discard = await self.app.push_screen_wait(
                ConfirmModal("Discard what you typed?", yes="Discard", no="Keep editing")
            )
            if not discard:
                return
        self.dismiss(None)

    @on(Input.Submitted)
    def _enter_moves_on(self, event: Input.Submitted) -> None:
        """`enter` in a field goes to the next one (saving stays on ctrl+s)."""
        event.stop()
        self.focus_next()

    @on(Input.Changed)
    @on(Select.Changed)
    @on(SelectionList.SelectedChanged)
    def _changed(self, event: object) -> None:
        self.fields_changed()

    def fields_changed(self) -> None:
        """Called on every edit; e.g. to update a live check."""
