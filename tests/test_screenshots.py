"""The README's screenshots are what the app draws now: re-rendering them from the demo
data gives the committed files, byte for byte."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_committed_screenshots_match_a_fresh_render():
    spec = importlib.util.spec_from_file_location("make_screenshots", ROOT / "screenshots/make.py")
    assert spec and spec.loader
    make = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make)
    rendered = make.render_all()
    assert set(rendered) == {name for name, _, _ in make.SHOTS}
    stale = [
        name
        for name, svg in rendered.items()
        if (ROOT / "screenshots" / f"{name}.svg").read_text(encoding="utf-8") != svg
    ]
    assert not stale, f"out of date: {stale}; run `python screenshots/make.py` and look at them"
