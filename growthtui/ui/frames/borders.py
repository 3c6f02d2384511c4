"""A border's subtitle changed without drawing the whole widget again (Textual 8.2.8).

Setting `Widget.border_subtitle` redraws every line of the widget, though the subtitle is
only in its bottom border. The Goals detail's border says where more of the text is
("more below · tab"), which changes with many cursor moves: each such move drew the whole
bordered pane and everything beside it on those rows again, a third more lines than the
move itself changed. Here the subtitle is stored as Textual's setter stores it (its
private `_border_subtitle`) and only the bottom border row is marked for redrawing.
Kept with growthtui's other uses of Textual's private parts (pyproject.toml's import
contract), so a Textual upgrade has one folder to check.
"""

from __future__ import annotations

from textual.geometry import Region
from textual.widget import Widget


def set_border_subtitle(widget: Widget, subtitle: str) -> None:
    """Show `subtitle` in `widget`'s bottom border, as `border_subtitle = subtitle`
    would, redrawing that border row only."""
    # What Textual's setter stores: the first line, tabs expanded.
    new = widget.render_str(subtitle).expand_tabs(4).split()[0]
    if new == widget._border_subtitle:
        return
    widget._border_subtitle = new
    width, height = widget.outer_size
    if not widget.is_mounted or height < 1 or not widget.styles.border_bottom[0]:
        widget.refresh()
        return
    # Regions given to `refresh` are relative to the content area.
    left, top = widget.content_offset
    widget.refresh(Region(-left, height - 1 - top, width, 1))
