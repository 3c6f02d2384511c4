"""A Static for text that quotes records: what it is given is drawn as it is, never read
as markup, with control characters as visible escapes (see growthtui.ui.shown)."""

from __future__ import annotations

from rich.text import Text
from textual.visual import VisualType
from textual.widgets import Static

from growthtui.ui.shown import shown_text


class RecordText(Static):
    """A card, a detail line, a banner: anything that shows titles, names or notes."""

    def __init__(
        self,
        content: str | Text = "",
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(shown_text(content), id=id, classes=classes, markup=False)

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        if isinstance(content, str | Text):
            content = shown_text(content)
        super().update(content, layout=layout)
