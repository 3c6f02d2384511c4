"""What Reviews and the guided review look like on the demo data, at 100×30 and 80×24."""

from __future__ import annotations

import pytest

SIZES = [(100, 30), (80, 24)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_reviews(snap_compare, demo_app, size):  # type: ignore[no-untyped-def]
    assert snap_compare(demo_app(), press=["7"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_guided_review_goal_step(snap_compare, demo_app, size):  # type: ignore[no-untyped-def]
    # Period accepted, the staff goal kept: the redesign goal with its quarter's evidence.
    keys = ["7", "s", "ctrl+s", "ctrl+s", "down"]
    assert snap_compare(demo_app(), press=keys, terminal_size=size)
