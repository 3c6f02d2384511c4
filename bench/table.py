"""The table every benchmark prints: figure, measured, target, pass/fail."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass
class Row:
    size: int | None
    """The store's size (records), or None for a figure that has none (a floor)."""
    figure: str
    measured: str
    target: str = "-"
    ok: bool | None = None
    """None: shown for reference (no target of its own, or one set at another size)."""


def render(rows: Sequence[Row], measured: str = "measured (median)") -> str:
    """The rows as an aligned plain-text table, header first."""
    header = ("N", "figure", measured, "target", "result")
    table = [header] + [
        (
            "-" if r.size is None else f"{r.size:,}",
            r.figure,
            r.measured,
            r.target,
            "-" if r.ok is None else ("pass" if r.ok else "FAIL"),
        )
        for r in rows
    ]
    widths = [max(len(line[i]) for line in table) for i in range(len(header))]
    lines = []
    for n, line in enumerate(table):
        cells = (cell.ljust(width) for cell, width in zip(line, widths, strict=True))
        lines.append(" | ".join(cells).rstrip())
        if n == 0:
            lines.append("-+-".join("-" * width for width in widths))
    return "\n".join(lines)
