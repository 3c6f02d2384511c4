"""The date growthtui works with: GROWTHTUI_TODAY when set, else the clock's.

Standard library only: every command reads it, `add goal` before anything else is loaded.
"""

from __future__ import annotations

import datetime as dt
import os

TODAY_ENV = "GROWTHTUI_TODAY"
"""Pins "today" (YYYY-MM-DD) for demos, screenshots and tests."""


def today() -> dt.date:
    """Today, or the date GROWTHTUI_TODAY pins. ValueError (with the sentence to show) when
    GROWTHTUI_TODAY is set to something that is not a date."""
    pinned = os.environ.get(TODAY_ENV)
    if not pinned:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(pinned)
    except ValueError:
        raise ValueError(
            f"{TODAY_ENV}={pinned!r} is not a date: use YYYY-MM-DD or unset it"
        ) from None
