"""Two versions of one record (the same identity, changed in two copies of a store): which
one to keep. Used by the import, and by whatever else merges copies (a sync).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TypeVar

from growthtui.domain.base import Record

R = TypeVar("R", bound=Record)

_NEVER = dt.datetime.min.replace(tzinfo=dt.UTC)


def later_version(here: R, there: R) -> R:
    """The version to keep: the one changed later (`modified`). A version whose time of
    change is not known (None: from before identities) is older than any with a time. On
    a tie, the one whose content sorts last, so two copies that merge each other's versions
    keep the same one, whichever merges first. Equal content: `here`."""
    return there if _order(there) > _order(here) else here


def _order(record: Record) -> tuple[bool, dt.datetime, str]:
    content = record.model_dump(mode="json", exclude={"id", "uid", "modified"})
    modified = record.modified
    return (modified is not None, modified or _NEVER, json.dumps(content, sort_keys=True))
