"""Widgets' default styles added to the stylesheet before their first mount (Textual 8.2.8).

Textual adds a widget class's DEFAULT_CSS (and its bases') to the app's stylesheet when
the first widget of that class mounts, and the stylesheet is then parsed again before that
widget is styled: on an area's first visit (the Goals' filter box, an Input, and its text
pane; the Timeline's lanes and bars) that parse was ~0.01-0.02 s of the visit at 10k. Here
the same sources are added, as Textual's registration adds them (its private
`DOMNode._get_default_css`: the location, text, tie-breaker and scope of each), while the
app is idle after start-up; the mount then finds each source already there, unchanged, and
parses nothing. Kept with growthtui's other uses of Textual's private parts
(pyproject.toml's import contract), so a Textual upgrade has one folder to check.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.app import App
from textual.widget import Widget


def add_default_styles(app: App[Any], widget_classes: Iterable[type[Widget]]) -> None:
    """Add the default styles of `widget_classes` (and of their bases) to the app's
    stylesheet, as mounting a first widget of each would; the caller parses it."""
    stylesheet = app.stylesheet
    for widget_class in widget_classes:
        # Only the class is read (its bases, their DEFAULT_CSS and SCOPED_CSS): no widget
        # is made, so nothing is initialised, mounted or shown.
        node = widget_class.__new__(widget_class)
        for read_from, css, tie_breaker, scope in node._get_default_css():
            stylesheet.add_source(
                css,
                read_from=read_from,
                is_default_css=True,
                tie_breaker=tie_breaker,
                scope=scope,
            )
