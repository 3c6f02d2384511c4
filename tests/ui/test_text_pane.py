"""The detail pane's text: another text keeps the scroll position within its own range,
says in words where more of it is, and is drawn line by line."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult

from growthtui.ui.widgets.text_pane import TextPane


class PaneApp(App[None]):
    def compose(self) -> ComposeResult:
        yield TextPane(id="pane")


def _lines(count: int, word: str = "line") -> Text:
    return Text("\n".join(f"{word} {n}" for n in range(1, count + 1)))


async def test_a_shorter_text_keeps_the_scroll_within_its_range() -> None:
    app = PaneApp()
    async with app.run_test(size=(40, 10)) as pilot:
        pane = app.query_one(TextPane)
        pane.show(_lines(60))
        await pilot.pause()
        assert pane.max_scroll_y == 50
        pane.scroll_end(animate=False)
        await pilot.pause()
        assert pane.scroll_y == 50
        assert pane.hint == "more above"
        pane.show(_lines(25, "other"))  # not `top`: the position is kept where it can be
        await pilot.pause()
        assert pane.max_scroll_y == 15
        assert pane.scroll_y == 15  # the new text's last page, not past its end
        assert pane.hint == "more above"
        assert pane.render_line(9).text.startswith("other 25")
        pane.show(_lines(5, "short"))
        await pilot.pause()
        assert (pane.max_scroll_y, pane.scroll_y, pane.hint) == (0, 0, "")
        assert pane.render_line(0).text.startswith("short 1")
