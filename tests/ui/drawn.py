"""What the screen shows, read back from the compositor as the terminal would get it (after
Textual's filters: NO_COLOR, the stray-control filter): lines of text, and the style each
character is drawn in."""

from __future__ import annotations

from typing import Any

from rich.style import Style
from rich.text import Text


def drawn_lines(app: Any) -> list[Text]:
    """Every line of the screen on top (a dialog over its area too), with its styles."""
    strips = app.screen._compositor.render_strips()
    lines = []
    for strip in strips:
        line = Text(end="")
        for segment in strip:
            if not segment.control:
                line.append(segment.text, segment.style)
        lines.append(line)
    return lines


def screen_lines(app: Any) -> list[str]:
    """The screen as plain lines."""
    return [line.plain for line in drawn_lines(app)]


def screen_text(app: Any) -> str:
    return "\n".join(screen_lines(app))


def style_of(app: Any, text: str, at: str = "", within: Any = None) -> Style:
    """The style of the first character of `text` (or of `at` within it) where it first
    shows on screen (inside the region of widget `within`, when given)."""
    lines = drawn_lines(app)
    if within is not None:
        region = within.region
        lines = [line[region.x : region.right] for line in lines[region.y : region.bottom]]
    for line in lines:
        found = line.plain.find(text)
        if found >= 0:
            offset = found + max(text.find(at), 0)
            style = Style()
            for span in line.spans:
                if span.start <= offset < span.end:
                    style += (
                        span.style if isinstance(span.style, Style) else Style.parse(span.style)
                    )
            return style
    raise AssertionError(f"{text!r} is not on screen:\n" + screen_text(app))


def colours_drawn(app: Any) -> set[str]:
    """Every colour any character of the screen is drawn in, other than the terminal's own
    default (what NO_COLOR leaves)."""
    found = set()
    for line in drawn_lines(app):
        for span in line.spans:
            style = span.style if isinstance(span.style, Style) else Style.parse(span.style)
            for colour in (style.color, style.bgcolor):
                if colour is not None and not colour.is_default:
                    found.add(colour.name)
    return found
