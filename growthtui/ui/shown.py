"""Stored text on screen: the app's side of the one rule for text that reaches a terminal.

Every place the app draws text from the store goes through `shown_text` or `shown_cell`
(the tables, lanes and bars, the detail panes, the statics that quote records, the
notifications): `printable` writes each control character or direction override as a
visible escape (`\\x1b`, `\\u202e`), and the text is never read as markup, so a title
holding `[b]` or `[/]` shows those characters instead of changing the style or stopping
the app. These few entry points do it; the screens that build the texts do not.

`StrayControls` is the last line: a Textual line filter that drops whatever control
character still reaches a line of the screen (from a widget that was not given its text
through an entry point), so it is never written to the terminal. Such characters take no
cell, so dropping them changes no layout.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.text import Span, Text
from textual.color import Color
from textual.filter import LineFilter

from growthtui.domain.printable import printable


def shown_text(content: str | Text, *, lines: bool = True) -> Text:
    """`content` as it may be drawn: a Text (a str is never read as markup) whose control
    characters are visible escapes; with `lines`, line breaks are kept."""
    if isinstance(content, str):
        return Text(printable(content, lines=lines))
    plain = content.plain
    if plain.isprintable() or (lines and plain.replace("\n", "").isprintable()):
        return content
    # Escapes are longer than what they stand for: every span moves with its characters.
    starts: list[int] = []
    parts: list[str] = []
    at = 0
    for char in plain:
        starts.append(at)
        part = printable(char, lines=lines)
        parts.append(part)
        at += len(part)
    starts.append(at)
    out = content.blank_copy("".join(parts))  # its style, justify, end...: not its spans
    size = len(plain)
    out.spans = [
        Span(starts[min(span.start, size)], starts[min(span.end, size)], span.style)
        for span in content.spans
    ]
    return out


def shown_cell(cell: str | Text) -> str | Text:
    """A one-line cell (a table's, a lane's) as it may be drawn: every control character,
    line breaks too, as a visible escape. A str stays a str (a table draws it as plain text)."""
    if isinstance(cell, str):
        return printable(cell)
    return shown_text(cell, lines=False)


def shown_plain(text: str) -> str:
    """A one-line plain text (a border title, a notification) as it may be drawn."""
    return printable(text)


class StrayControls(LineFilter):
    """Drops control characters and direction overrides left in a line's text (see the
    module's doc). Segments that are Textual's own controls (cursor moves) are kept."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        if all(control or text.isprintable() for text, _style, control in segments):
            return segments
        out: list[Segment] = []
        for segment in segments:
            text, style, control = segment
            if control or text.isprintable():
                out.append(segment)
            else:
                out.append(Segment(_without_controls(text), style, control))
        return out


def _without_controls(text: str) -> str:
    if text.isprintable():
        return text
    return "".join(char for char in text if printable(char) == char)
