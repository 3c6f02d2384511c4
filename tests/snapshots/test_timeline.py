"""What the Timeline looks like on the demo data: the month lanes and the bars, at 100×30
and 80×24."""

from __future__ import annotations

import pytest

SIZES = [(100, 30), (80, 24)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_timeline_months_in_lanes(snap_compare, demo_app, size):  # type: ignore[no-untyped-def]
    assert snap_compare(demo_app(), press=["4"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_timeline_goals_as_bars(snap_compare, demo_app, size):  # type: ignore[no-untyped-def]
    assert snap_compare(demo_app(), press=["4", "v"], terminal_size=size)
