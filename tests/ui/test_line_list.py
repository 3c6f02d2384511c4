"""The three Line API lists move alike (they share widgets/line_list.py): a page key
scrolls the rows by a page and the cursor with them, home/end go to the ends, and an
empty list says what fills it."""

from __future__ import annotations

import datetime as dt

import pytest
from rich.text import Text
from textual.app import App, ComposeResult
from textual.widget import Widget

from growthtui.ui.glyphs import UNICODE
from growthtui.ui.widgets.gantt import GanttChart, GanttRow
from growthtui.ui.widgets.lane_list import LaneList, LaneRow
from growthtui.ui.widgets.line_list import LineList
from growthtui.ui.widgets.record_table import RecordTable

ROWS = 100
TODAY = dt.date(2026, 11, 24)


def _table() -> RecordTable:
    table = RecordTable(flex="title")
    table.add_column("Title", key="title")
    return table


def _lanes() -> LaneList:
    return LaneList("Due", ["Short", "Long"], first_width=11)


class Lists(App[None]):
    def __init__(self, widget: Widget) -> None:
        super().__init__()
        self.widget = widget

    def compose(self) -> ComposeResult:
        yield self.widget


def _fill(widget: LineList, count: int) -> None:
    keys = [str(n) for n in range(count)]
    if isinstance(widget, RecordTable):
        widget.sync([(key, (f"row {key}",)) for key in keys])
    elif isinstance(widget, LaneList):
        widget.sync([LaneRow(key, "2026-11-24", f"row {key}") for key in keys])
    else:
        assert isinstance(widget, GanttChart)
        rows = [GanttRow(key, Text(f"row {key}"), None) for key in keys]
        widget.show(rows, TODAY, UNICODE, "bold")


@pytest.mark.parametrize("make", [_table, _lanes, GanttChart], ids=["table", "lanes", "bars"])
async def test_page_keys_move_rows_and_cursor_a_page_and_home_end_go_to_the_ends(make) -> None:  # type: ignore[no-untyped-def]
    widget = make()
    app = Lists(widget)
    async with app.run_test(size=(60, 20)) as pilot:
        _fill(widget, ROWS)
        widget.focus()
        await pilot.pause()
        page = widget.scrollable_content_region.height - widget.header_height
        assert widget.current_key == "0"
        await pilot.press("pagedown")
        await pilot.pause()
        assert widget.cursor_row == page
        assert round(widget.scroll_y) == page  # the cursor keeps its place on screen
        await pilot.press("down", "pageup")
        await pilot.pause()
        assert widget.cursor_row == 1
        assert round(widget.scroll_y) == 0
        await pilot.press("end")
        await pilot.pause()
        assert widget.current_key == str(ROWS - 1)
        assert round(widget.scroll_y) == ROWS - page
        await pilot.press("home")
        await pilot.pause()
        assert (widget.current_key, round(widget.scroll_y)) == ("0", 0)


@pytest.mark.parametrize("make", [_table, _lanes], ids=["table", "lanes"])
async def test_an_empty_list_says_which_key_fills_it(make) -> None:  # type: ignore[no-untyped-def]
    widget = make()
    app = Lists(widget)
    async with app.run_test(size=(60, 20)) as pilot:
        widget.empty = "Nothing here yet — n adds one"
        _fill(widget, 0)
        await pilot.pause()
        first = widget.render_line(widget.header_height).text
        assert first.strip() == "Nothing here yet — n adds one"
        _fill(widget, 3)
        await pilot.pause()
        assert "row 0" in widget.render_line(widget.header_height).text


@pytest.mark.parametrize("make", [_table, _lanes, GanttChart], ids=["table", "lanes", "bars"])
async def test_a_cursor_move_draws_only_a_line_not_drawn_before(make) -> None:  # type: ignore[no-untyped-def]
    """Lines are kept by row and cursor: the row the cursor leaves shows its line from
    before the cursor came, so `down` draws the line it lands on (and, the first time,
    the unselected line of the top row), `up` and `down` again draw none; what is on
    screen follows the cursor."""
    widget = make()
    app = Lists(widget)
    async with app.run_test(size=(60, 20)) as pilot:
        _fill(widget, ROWS)
        widget.focus()
        await pilot.pause()
        drawn: list[tuple[int, bool]] = []
        render_row = widget.render_row

        def counting(index: int, selected: bool, base):  # type: ignore[no-untyped-def]
            drawn.append((index, selected))
            return render_row(index, selected, base)

        widget.render_row = counting  # type: ignore[method-assign]
        await pilot.press("down", "down")
        await pilot.pause()
        assert sorted(drawn) == [(0, False), (1, True), (2, True)]
        await pilot.press("up", "up", "down")
        await pilot.pause()
        assert len(drawn) == 3
        top = widget.header_height
        base = widget.base_style()
        assert widget.cursor_row == 1
        for row, selected in ((0, False), (1, True), (2, False)):
            fresh = render_row(row, selected, base).adjust_cell_length(widget.line_width, base)
            assert widget.render_line(top + row) == fresh
