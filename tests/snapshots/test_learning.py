"""What Learning looks like on the demo data, at 100×30 and 80×24."""

from __future__ import annotations

import pytest

from tests.snapshots.conftest import SIZES


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_learning(snap_compare, demo_app, size):  # type: ignore[no-untyped-def]
    assert snap_compare(demo_app(), press=["5"], terminal_size=size)
