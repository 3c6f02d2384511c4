"""Render every screen from the demo data, at a fixed date and size, to SVGs in this folder.

    python screenshots/make.py            # rewrite the SVGs
    python screenshots/make.py --check    # exit 1 if a committed SVG differs

Re-running gives the same files (the README shows them; a test compares them).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
TODAY = dt.date(2026, 11, 24)
NOW = dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.UTC)
SIZE = (110, 32)

SHOTS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("dashboard", (), "Dashboard"),
    ("assessment", ("2",), "Assessment"),
    ("goals", ("3", "j", "j", "j"), "Goals"),
    ("goal-editor", ("3", "j", "j", "j", "e"), "Goal editor"),
    ("timeline", ("4",), "Timeline"),
    ("timeline-bars", ("4", "v"), "Timeline, goal bars"),
    ("learning", ("5",), "Learning"),
    ("people", ("6",), "People"),
    ("reviews", ("7",), "Reviews"),
)


async def _render(keys: Sequence[str], title: str) -> str:
    from textual.reactive import reactive
    from textual.widgets import Input

    from growthtui.services.seed import seed
    from growthtui.settings import Settings
    from growthtui.store.repository import Store
    from growthtui.ui.app import GrowthApp
    from growthtui.ui.glyphs import UNICODE

    steady: reactive[bool] = reactive(False, init=False)
    steady.__set_name__(Input, "cursor_blink")
    Input.cursor_blink = steady  # type: ignore[misc]
    store = Store.in_memory(today=lambda: TODAY, now=lambda: NOW)
    seed(store, TODAY)
    app = GrowthApp(store, Settings(), today=lambda: TODAY, glyphs=UNICODE, poll=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        return app.export_screenshot(title=f"growthtui — {title}")


def render_all() -> dict[str, str]:
    return {name: asyncio.run(_render(keys, title)) for name, keys, title in SHOTS}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="compare, don't write")
    args = parser.parse_args(argv)
    stale = []
    for name, svg in render_all().items():
        path = HERE / f"{name}.svg"
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != svg:
                stale.append(path.name)
        else:
            path.write_text(svg, encoding="utf-8")
            print(f"wrote {path.name}")
    if stale:
        print("out of date: " + ", ".join(stale) + " (run python screenshots/make.py)")
        return 1
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent))
    raise SystemExit(main())
