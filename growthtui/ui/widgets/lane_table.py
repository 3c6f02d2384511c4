"""A RecordTable whose lanes (several columns) share the width the other columns leave."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from growthtui.ui.widgets.record_table import RecordTable

MIN_LANE = 12
"""Every lane keeps room for a few words, even when it is empty."""


class LaneTable(RecordTable):
    """Rows in side-by-side lanes (e.g. one per goal horizon). Each lane gets `MIN_LANE`
    characters, and the room left goes to the lanes by their weight (how many rows they
    hold), so the busy lane is the wide one."""

    def __init__(
        self, *, lanes: Sequence[str], id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.lanes = tuple(lanes)
        """The keys of the columns that split the room left."""
        self.weights: dict[str, int] = {}

    def set_weights(self, weights: Mapping[str, int]) -> None:
        """How much of the room each lane should get (e.g. its number of rows)."""
        if dict(weights) != self.weights:
            self.weights = dict(weights)
            self.fit_flex_column()

    def lane_widths(self, room: int) -> dict[str, int]:
        """Split `room` characters of content among the lanes."""
        lanes = [key for key in self.lanes if key in self.columns]
        if not lanes:
            return {}
        base = max(4, min(MIN_LANE, room // len(lanes)))
        extra = max(0, room - base * len(lanes))
        total = sum(max(0, self.weights.get(key, 0)) for key in lanes)
        widths = {}
        for key in lanes:
            share = self.weights.get(key, 0) / total if total else 1 / len(lanes)
            widths[key] = base + int(extra * share)
        return widths

    def fit_flex_column(self) -> None:
        if not self.size.width:
            return
        others = sum(
            column.get_render_width(self)
            for key, column in self.columns.items()
            if key not in self.lanes
        )
        lanes = [key for key in self.lanes if key in self.columns]
        room = self.size.width - others - 2 * self.cell_padding * len(lanes) - 1
        changed = False
        for key, width in self.lane_widths(room).items():
            column = self.columns[key]  # type: ignore[index]
            if column.auto_width or column.width != width:
                column.auto_width = False
                column.width = width
                changed = True
        if changed:
            self._require_update_dimensions = True
            self._clear_caches()
            self.refresh(layout=True)
