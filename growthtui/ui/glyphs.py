"""The few symbols the UI draws, in plain Unicode with an ASCII fallback.

No Nerd Font glyphs: they show as boxes on most SSH clients. `GROWTHTUI_ASCII=1` (or a
terminal whose encoding is not UTF-8) switches to ASCII.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Glyphs:
    done: str
    overdue: str
    pending: str
    branch: str
    last_branch: str
    pipe: str
    spark: str
    bar_full: str
    bar_empty: str
    tick: str
    today: str
    ascii_only: bool

    def progress(self, fraction: float | None, width: int = 10) -> str:
        # Imported here: the domain's goal models come with it, and the first frame is drawn
        # before they are loaded.
        from growthtui.domain.progress import progress_bar

        return progress_bar(fraction, width, ascii_only=self.ascii_only)

    def sparkline(self, levels: Sequence[int], low: int = 1, high: int = 5, width: int = 8) -> str:
        """Levels as a small trend line, latest on the right (at most `width` points)."""
        if not levels:
            return ""
        points = list(levels)[-width:]
        steps = len(self.spark) - 1
        span = max(1, high - low)
        return "".join(
            self.spark[round((min(high, max(low, v)) - low) / span * steps)] for v in points
        )


SYMBOLS: dict[str, tuple[str, str]] = {
    # name: (Unicode, ASCII)
    "done": ("✓", "x"),
    "overdue": ("!", "!"),
    "pending": ("·", "."),
    "branch": ("├ ", "+ "),
    "last_branch": ("└ ", "+ "),
    "pipe": ("│ ", "| "),
    "spark": ("▁▂▃▄▅▆▇█", "_.-=*#"),
    "bar_full": ("█", "#"),
    "bar_empty": ("░", "-"),
    "tick": ("◆", "*"),
    "today": ("┃", "|"),
}
"""Each symbol the UI draws, in both forms."""

UNICODE = Glyphs(**{name: forms[0] for name, forms in SYMBOLS.items()}, ascii_only=False)
ASCII = Glyphs(**{name: forms[1] for name, forms in SYMBOLS.items()}, ascii_only=True)


def choose_glyphs() -> Glyphs:
    if os.environ.get("GROWTHTUI_ASCII"):
        return ASCII
    encoding = (getattr(sys.stdout, "encoding", None) or "utf-8").lower().replace("-", "")
    return UNICODE if encoding in ("utf8", "utf_8") else ASCII
