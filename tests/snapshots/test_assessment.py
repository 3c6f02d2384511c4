"""What Assessment looks like on the demo data, at 100×30 and 80×24."""

from __future__ import annotations

import pytest

SIZES = [(100, 30), (80, 24)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_assessment(snap_compare, demo_app, size):  # type: ignore[no-untyped-def]
    # The skills panel focused, on "System design": its trend and what it works on.
    keys = ["2", "tab", "tab", "tab", "tab", "j", "j", "j", "j"]
    assert snap_compare(demo_app(), press=keys, terminal_size=size)
