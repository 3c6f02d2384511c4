"""What the Dashboard and Goals look like on the demo data, at 100×30 and 80×24."""

from __future__ import annotations

import pytest

SIZES = [(100, 30), (80, 24)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_dashboard(snap_compare, demo_app, size):  # type: ignore[no-untyped-def]
    assert snap_compare(demo_app(), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_goals(snap_compare, demo_app, size):  # type: ignore[no-untyped-def]
    assert snap_compare(demo_app(), press=["3"], terminal_size=size)


def test_goal_form_with_live_smart_check(snap_compare, demo_app):  # type: ignore[no-untyped-def]
    assert snap_compare(demo_app(), press=["3", "j", "j", "e"], terminal_size=(100, 30))
