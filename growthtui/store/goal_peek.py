"""The start date of one goal, read from the text of a sealed store file.

`growthtui add milestone` warns when the milestone is due before its goal starts. Its quick
way (growthtui/launch.py, store/quick_write.py) stores the milestone without parsing the
file; parsing ten years of data to learn one date would cost that way most of what it
saves (a JSON module's import and the parse). A sealed file (`seal`) is laid out exactly as
`storage.encode` writes it: two-space indents, one key per line, so a goal's own fields
are the lines indented by six spaces between its id's line and the line that closes it.
This reads the `start` among them.

It answers only for a sealed file, read from one open descriptor (so the seal check and
the text are of one version), and only when the field reads as growthtui writes it; in any
other case it says None, as for a goal without a start: the warning is then left out,
never the milestone. Tests compare it with the Store on many goals.

Standard library only, and only modules the command line has loaded already.
"""

from __future__ import annotations

import datetime as dt

from growthtui.store.files import StrPath
from growthtui.store.schema import CURRENT_SCHEMA
from growthtui.store.seal import sealed_bytes

_GOALS = b'\n  "goals": {\n'
_START = b'\n      "start": '


def goal_start(path: StrPath, goal_id: int) -> dt.date | None:
    """The start of goal `goal_id` in the store file at `path`; None when it has none,
    or when this cannot tell (no such goal, a file not sealed)."""
    raw = sealed_bytes(path, CURRENT_SCHEMA)
    return None if raw is None else start_in(raw, goal_id)


def start_in(raw: bytes, goal_id: int) -> dt.date | None:
    """The start of goal `goal_id` in `raw`, the text of a store file as the Store lays it
    out; None when it has none or the text does not say."""
    table = raw.find(_GOALS)
    if table < 0:
        return None
    table_end = raw.find(b"\n  }", table + len(_GOALS) - 1)
    if table_end < 0:
        return None
    key = b'\n    "%d": {\n' % goal_id
    record = raw.find(key, table + len(_GOALS) - 1, table_end)
    if record < 0:
        return None
    record_end = raw.find(b"\n    }", record + len(key) - 1, table_end)
    if record_end < 0:
        return None
    field = raw.find(_START, record, record_end)
    if field < 0:
        return None
    value = raw[field + len(_START) : field + len(_START) + 12]
    if len(value) != 12 or value[:1] != b'"' or value[11:] != b'"':
        return None  # null, or not as growthtui writes a date
    try:
        return dt.date.fromisoformat(value[1:11].decode("ascii"))
    except ValueError:
        return None
