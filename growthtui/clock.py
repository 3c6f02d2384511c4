"""The date growthtui works with: GROWTHTUI_TODAY when set, else the clock's.

Standard library only: every command reads it, `add goal` before anything else is loaded.
The date is CPython's own (`_datetime.date`, which `datetime.date` is: the same class),
taken without `datetime`'s module, which defines the pure-Python version of every class
before it replaces them with those (~2 ms of `add goal`'s start, where nothing else
needs it). Another Python takes `datetime`'s.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date
else:
    try:
        from _datetime import date
    except ImportError:  # pragma: no cover - not CPython
        from datetime import date

TODAY_ENV = "GROWTHTUI_TODAY"
"""Pins "today" (YYYY-MM-DD) for demos, screenshots and tests."""


def today() -> date:
    """Today, or the date GROWTHTUI_TODAY pins. ValueError (with the sentence to show) when
    GROWTHTUI_TODAY is set to something that is not a date."""
    pinned = os.environ.get(TODAY_ENV)
    if not pinned:
        return date.today()
    try:
        return date.fromisoformat(pinned)
    except ValueError:
        raise ValueError(
            f"{TODAY_ENV}={pinned!r} is not a date: use YYYY-MM-DD or unset it"
        ) from None
