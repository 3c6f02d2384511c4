"""What the areas that list records share: a delete that asks first, going back to the
record just touched once a form or dialog closes, and (`ListArea`) the words filter and
the cycling filters over one list, or (`PanelArea`) panels that tab moves between with a
detail that follows the selected record.

Each dialog is opened at once, in the key's turn, with a callback for its answer (never
from a worker that opens it later): keys typed right after the key reach it (see
growthtui.ui.key_order)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input

from growthtui.domain.base import Record
from growthtui.services import records
from growthtui.ui.screens.base import STYLES, AreaScreen
from growthtui.ui.screens.confirm import ConfirmModal
from growthtui.ui.widgets.filter_box import FilterBox
from growthtui.ui.widgets.record_table import RecordTable
from growthtui.ui.widgets.record_text import RecordText

T = TypeVar("T")

Columns = Sequence[tuple[str, str, int | None]]
"""A list's columns: label, key, width (None: the flex column, or it fits its content)."""


def record_table(table_id: str, columns: Columns, flex: str, empty: str = "") -> RecordTable:
    """A list of records with its columns; `flex` takes the room the others leave, `empty`
    is said while it has no row."""
    table = RecordTable(id=table_id, flex=flex, empty=empty)
    for label, key, width in columns:
        table.add_column(label, key=key, width=width)
    return table


def detail_pane(pane_id: str, title: str, text_id: str) -> VerticalScroll:
    """A pane that scrolls (`title` on its border), around the text that describes the
    selected record (`text_id`)."""
    pane = VerticalScroll(RecordText("", id=text_id), id=pane_id, classes="pane")
    pane.border_title = title
    return pane


def record_bindings(
    area: str, after_new: Sequence[BindingType] = (), after_edit: Sequence[BindingType] = ()
) -> list[BindingType]:
    """The keys of an area of records: `n` new, `e`/`enter` edit, `d` delete (ids
    `<area>.new`...), with the area's own keys between them, in the footer's order."""
    return [
        Binding("n", "new", "New", id=f"{area}.new"),
        *after_new,
        Binding("e,enter", "edit", "Edit", id=f"{area}.edit"),
        *after_edit,
        Binding("d", "delete", "Delete", id=f"{area}.delete"),
    ]


def filter_bindings(
    area: str, *cycles: BindingType, show: bool = True, escape: BindingType | None = None
) -> list[BindingType]:
    """`/` opens the words filter (id `<area>.filter`), then the keys that cycle the
    area's own filters, then `escape`: it clears the words (unless `escape` says else)."""
    clear = Binding("escape", "clear_filter", "Clear filter", id=f"{area}.clear_filter", show=False)
    return [
        Binding("slash", "filter", "Filter", id=f"{area}.filter", show=show),
        *cycles,
        escape or clear,
    ]


def panel_bindings(area: str) -> list[BindingType]:
    """`tab` and `shift+tab` between the panels of an area (ids `<area>.next_panel`...)."""
    return [
        Binding("tab", "app.focus_next", "Next panel", id=f"{area}.next_panel", show=False),
        Binding(
            "shift+tab",
            "app.focus_previous",
            "Previous panel",
            id=f"{area}.previous_panel",
            show=False,
        ),
    ]


class RecordsArea(AreaScreen):
    """An area whose lists hold records that its keys add, edit and delete.

    An area (a subclass that sets `MODE`) describes its own keys as data, and its
    `BINDINGS` are made from them, in the footer's order: `n` new, `NEW_KEYS`, `e`/`enter`
    edit, `EDIT_KEYS`, `d` delete, `MORE_KEYS`, then the keys of its lists (ids
    `<mode>.new`...; an area that lists its own `BINDINGS` keeps them). Its style file,
    when it has one, is styles/<mode>.tcss."""

    NEW_KEYS: ClassVar[Sequence[BindingType]] = ()
    """The area's own keys between `n` new and `e` edit."""
    EDIT_KEYS: ClassVar[Sequence[BindingType]] = ()
    """The area's own keys between `e` edit and `d` delete."""
    MORE_KEYS: ClassVar[Sequence[BindingType]] = ()
    """The area's own keys after `d` delete, before the keys of its lists."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        # Before Textual's own, which reads BINDINGS.
        cls.describe_area()
        super().__init_subclass__(**kwargs)

    @classmethod
    def describe_area(cls) -> None:
        """Make the keys and style file of an area (a subclass that sets `MODE`) from its
        data, as the class is made."""
        if "MODE" not in cls.__dict__:
            return
        if "BINDINGS" not in cls.__dict__:
            cls.BINDINGS = [
                *record_bindings(cls.MODE, cls.NEW_KEYS, cls.EDIT_KEYS),
                *cls.MORE_KEYS,
                *cls.list_bindings(),
            ]
        styles = STYLES / f"{cls.MODE}.tcss"
        if "CSS_PATH" not in cls.__dict__ and styles.is_file():
            cls.CSS_PATH = styles

    @classmethod
    def list_bindings(cls) -> list[BindingType]:
        """The keys of the area's lists, after its record keys."""
        return []

    def need(self, selected: T | None, hint: str) -> T | None:
        """`selected`, or None once the person is told `hint` (nothing is selected)."""
        if selected is None:
            self.notify(hint, timeout=3)
        return selected

    def open_dialog(self, dialog: Screen[Any], then: Callable[[Any], None]) -> None:
        """Open a form or dialog now; `then(result)` runs once it closes."""
        self.app.push_screen(dialog, then)

    def confirm_delete(
        self,
        question: str,
        detail: str,
        model: type[Record],
        record_id: int,
        done: str,
        then: Callable[[], object] | None = None,
    ) -> None:
        """Ask `question` (`detail` under it); on yes delete the record (one change `u`
        undoes) and say `done`. `then` runs once the dialog closed, whatever the answer."""

        def answered(yes: bool | None) -> None:
            if yes:
                self.growth_app.attempt(lambda: records.delete(self.store, model, record_id), done)
            if then is not None:
                then()

        self.open_dialog(ConfirmModal(question, detail, yes="Delete"), answered)

    def save(self, edited: Record, base: Record, done: str, reason: str = "") -> bool:
        """Save `edited` as a change of `base` (one change `u` undoes); say `done`."""
        return self.growth_app.attempt(
            lambda: records.save(self.store, edited, base=base, reason=reason), done
        )


class ListArea(RecordsArea):
    """An area around one list of records (`<mode>-table`) with a words filter
    (`<mode>-filter`) above it and filters that keys cycle. Subclasses list the rows in
    `show_rows` (reading `filter_box` and their own filters) and put their filters back to
    showing everything in `widen_filters`."""

    FILTER_KEYS: ClassVar[Sequence[BindingType]] = ()
    """The keys that cycle the area's own filters, after `/` (the words filter)."""
    FILTER_SHOWN: ClassVar[bool] = True
    """The footer shows `/` (the words filter)."""
    ESCAPE_KEY: ClassVar[BindingType | None] = None
    """What `escape` does, when not clearing the words filter."""

    @classmethod
    def list_bindings(cls) -> list[BindingType]:
        return filter_bindings(
            cls.MODE, *cls.FILTER_KEYS, show=cls.FILTER_SHOWN, escape=cls.ESCAPE_KEY
        )

    @property
    def table(self) -> RecordTable:
        """The list the keys act on."""
        return self.query_one(f"#{self.MODE}-table", RecordTable)

    @property
    def filter_box(self) -> FilterBox:
        return self.query_one(f"#{self.MODE}-filter", FilterBox)

    @property
    def text_filter(self) -> str:
        return self.filter_box.words

    def compose_list(
        self,
        title: str,
        placeholder: str,
        status: Widget,
        columns: Columns,
        flex: str,
    ) -> ComposeResult:
        """The list's pane (`<mode>-list`): the words filter (`placeholder` in it), a line
        that says what is listed (`status`), and the list, with its columns (label, key,
        width; `flex` takes the room the others leave)."""
        with Vertical(id=f"{self.MODE}-list", classes="pane") as pane:
            pane.border_title = title
            yield FilterBox(placeholder=placeholder, id=f"{self.MODE}-filter")
            yield status
            yield record_table(f"{self.MODE}-table", columns, flex)

    def show_rows(self) -> None:
        """List the records the filters let through."""

    def widen_filters(self) -> None:
        """Put the area's own filters back to showing every record."""

    def focus_list(self) -> None:
        """The focus on the list (unless the words filter is being typed in)."""
        box = self.filter_box
        if not (box.is_open and self.focused is box):
            self.set_focus(self.table)

    def select(self, key: str) -> None:
        """Show a record, widening the filters if they hide it; the focus on the list."""
        if key not in self.table.row_keys():
            self.widen_filters()
            self.filter_box.close()
            self.show_rows()
        self.table.move_to(key)
        self.set_focus(self.table)

    def back_on(self, record_id: int | None) -> None:
        """A dialog closed: the list shows what the store holds, the focus on it, on the
        record just touched (or, when the filters now hide it, the record in its place)."""
        row = self.table.cursor_row
        self._refresh_if_stale()
        keys = self.table.row_keys()
        if record_id is not None and str(record_id) in keys:
            self.table.move_to(str(record_id))
        elif keys:
            self.table.move_to(keys[min(row, len(keys) - 1)])
        self.focus_list()

    def after_form(self, record: Record | None) -> None:
        """A form closed: on the record it saved (the filters widened if they hide it:
        what was just written is always shown)."""
        self._refresh_if_stale()
        if record is not None:
            self.select(str(record.id))
        self.focus_list()

    def cycle(self, name: str, choices: int) -> None:
        """The next of `choices` values of the filter held in attribute `name`."""
        setattr(self, name, (getattr(self, name) + 1) % choices)
        self.show_rows()

    # -- the words filter ------------------------------------------------------------
    def action_filter(self) -> None:
        self.filter_box.open()

    @on(Input.Changed, "FilterBox")
    def _filter_typed(self, _event: Input.Changed) -> None:
        self.show_rows()

    @on(Input.Submitted, "FilterBox")
    def _filter_done(self, _event: Input.Submitted) -> None:
        self.table.focus()

    def action_clear_filter(self) -> None:
        if self.filter_box.close():
            self.table.focus()


class PanelArea(RecordsArea):
    """An area of several lists (panels) that tab moves between, and a detail that
    follows the record selected in the panel the keys act on (`show_detail`)."""

    @classmethod
    def list_bindings(cls) -> list[BindingType]:
        return panel_bindings(cls.MODE)

    def show_detail(self) -> None:
        """Describe the selected record."""

    def select_in(self, table: RecordTable, record: Record | None, key: str = "") -> None:
        """A form closed: the panels show what the store holds, the focus on `table`, on
        the record it saved (`key`, else the record's id)."""
        if record is None:
            return
        self._refresh_if_stale()
        table.move_to(key or str(record.id))
        table.focus()
        self.show_detail()

    @on(RecordTable.RowHighlighted)
    def _highlighted(self, _event: RecordTable.RowHighlighted) -> None:
        self.show_detail()

    def on_descendant_focus(self) -> None:
        self.show_detail()
