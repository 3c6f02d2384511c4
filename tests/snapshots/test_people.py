"""What People looks like on the demo data: the list with follow-ups and the first card at
100×30 and 80×24, and Priya's conversations (a next step not yet a milestone) at 80×24."""

from __future__ import annotations

import pytest

from tests.snapshots.conftest import SIZES


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_people(snap_compare, demo_app, size):  # type: ignore[no-untyped-def]
    assert snap_compare(demo_app(), press=["6"], terminal_size=size)


def test_people_conversations(snap_compare, demo_app):  # type: ignore[no-untyped-def]
    assert snap_compare(demo_app(), press=["6", "j", "tab"], terminal_size=(80, 24))
