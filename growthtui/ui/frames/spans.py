"""A partial update that draws only the lines it writes (Textual 8.2.8's compositor).

Textual's `Compositor.render_partial_update` takes the rectangle around every region
marked for redrawing, and asks each widget that overlaps that rectangle for all of its
lines on screen, though it then writes only the lines (and columns) of the marked
regions. A cursor move in Goals marks a row of the list near the top and a few lines of
the detail pane and its bottom border near the bottom: the rectangle around them is most
of the screen, so some ten widgets were asked for ~260 lines (each passed through every
line filter and cut at every widget edge) to write about fifteen: most of the
compositor's share of a move.

`SpanCompositor` writes the same update (the same `ChopsUpdate`: same spans, same
fragments for every span) but asks a widget only for its lines that a marked span
crosses, and no widget that none crosses. A widget's line is drawn by the widget alone
(`render_lines` of a sub-range gives the same lines as of the whole), so this changes
only how much is drawn. Installed on every screen's compositor by `use_span_compositor`,
from the app's `_display` hook (growthtui.ui.frames.FrameEncoding), so a screen's first
frame is Textual's own and every later partial update is drawn this way.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import pairwise
from typing import Any

from textual._compositor import ChopsUpdate, Compositor
from textual.geometry import Region
from textual.strip import Strip

RUN_GAP = 6
"""Lines of a widget to draw that are at most this far apart are drawn in one call."""


class SpanCompositor(Compositor):
    """A Compositor whose partial updates draw only the lines they write (see the module
    doc). An existing Compositor can become one (`use_span_compositor`).

    `whole_next`: the terminal shows another screen than this compositor's (set when
    one was written), so its next update is drawn whole: a partial one would draw this
    screen's changes over the other screen. Textual draws one when it switches to a
    screen that was shown before (the changes since it was last laid out), ahead of the
    whole frame its resume asks for."""

    whole_next = False

    def render_update(
        self,
        full: bool = False,
        screen_stack: list[Any] | None = None,
        simplify: bool = False,
    ) -> Any:
        if self.whole_next:
            self.whole_next = False
            full = True
        return super().render_update(full, screen_stack, simplify)

    def render_partial_update(self) -> ChopsUpdate | None:
        update_regions = self._dirty_regions.copy()
        self._dirty_regions.clear()
        if not update_regions:
            return None
        crop = Region.from_union(list(update_regions)).intersection(self.size.region)
        spans = list(self._regions_to_spans(update_regions))
        chops = self._span_chops(crop, spans)
        chop_ends = [cut_set[1:] for cut_set in self.cuts]
        return ChopsUpdate(chops, spans, chop_ends)

    def _span_chops(
        self, crop: Region, spans: list[tuple[int, int, int]]
    ) -> list[dict[int, Strip | None]]:
        """The fragments of every line a span is on, as `_render_chops` fills them (front
        to back, the first fragment for a cut wins), from the widgets a span reaches.

        Every fragment ChopsUpdate writes is the same as Textual's, and so is every one it
        only moves the cursor to (one that starts right at a span's end: it is cut to
        nothing, so a blank stands in for it); the fragments it skips are left empty. So a
        widget is drawn when it is in `crop` (the rectangle Textual's own takes), on the
        lines where a span writes a fragment of the widget that no widget in front of it
        filled: a container behind a pane is drawn only where it shows (its border), not
        under the pane."""
        cuts = self.cuts
        chops: list[dict[int, Strip | None]] = [dict.fromkeys(cut_set[:-1]) for cut_set in cuts]
        on_line: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for y, x1, x2 in spans:
            on_line[y].append((x1, x2))
        # Per line, the fragments (by first column) that ChopsUpdate writes, and those it
        # only moves the cursor to, with their ends.
        reached: dict[int, list[int]] = {}
        touched: list[tuple[int, int, int]] = []
        for y, line_spans in sorted(on_line.items()):
            written = reached[y] = []
            for start, end in pairwise(cuts[y]):
                if any(x1 < end and x2 > start for x1, x2 in line_spans):
                    written.append(start)
                elif any(x2 == start for _, x2 in line_spans):
                    touched.append((y, start, end))
        overlaps = crop.overlaps
        for widget, (region, clip) in self.visible_widgets.items():
            if not overlaps(clip):
                continue
            x, top, width, tall = region.intersection(clip)
            if not (width and tall):
                continue
            right, bottom = x + width, top + tall
            for y, start, end in touched:
                # Textual fills it from the first widget in `crop` that covers it, and
                # writes none of its cells.
                if top <= y < bottom and x <= start < right and chops[y][start] is None:
                    chops[y][start] = Strip.blank(end - start)
            # The widget's lines with a fragment reached that no widget in front filled.
            wanted = [
                y
                for y, starts in reached.items()
                if top <= y < bottom
                and any(x <= start < right and chops[y][start] is None for start in starts)
            ]
            for first, last in _runs(wanted):
                # Drawing has a cost per call (the widget's styles are looked up): the
                # lines between close runs are drawn too (kept lines, mostly).
                strips = widget.render_lines(
                    Region(x - region.x, first - region.y, width, last - first + 1)
                )
                for y in wanted:
                    if first <= y <= last:
                        _fill(chops[y], cuts[y], x, right, strips[y - first])
        return chops


def _runs(lines: list[int], gap: int = RUN_GAP) -> list[tuple[int, int]]:
    """Sorted line numbers as runs (first, last) of lines at most `gap` apart."""
    if not lines:
        return []
    runs: list[tuple[int, int]] = []
    first = last = lines[0]
    for y in lines[1:]:
        if y - last > gap:
            runs.append((first, last))
            first = y
        last = y
    runs.append((first, last))
    return runs


def _fill(
    chops_line: dict[int, Strip | None], line_cuts: list[int], x: int, right: int, strip: Strip
) -> None:
    """Put a widget's line, drawn from column `x` to `right`, into the fragments of the
    line no widget in front of it took, as `_render_chops` does."""
    final_cuts = [cut for cut in line_cuts if right >= cut >= x]
    pieces = strip.divide([cut - x for cut in final_cuts[1:]])
    for cut, piece in zip(final_cuts, pieces, strict=False):
        if chops_line.get(cut) is None:
            chops_line[cut] = piece


def use_span_compositor(screen: Any) -> SpanCompositor | None:
    """Draw `screen`'s later partial updates with a SpanCompositor (its compositor, if
    it is Textual's own, becomes one: it holds the same state)."""
    compositor = getattr(screen, "_compositor", None)
    if type(compositor) is Compositor:
        compositor.__class__ = SpanCompositor
    return compositor if isinstance(compositor, SpanCompositor) else None
