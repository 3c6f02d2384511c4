"""Identities for life: every record's `uid`, beside the short number people type.

A uid is the text of a UUID version 7 (RFC 9562): 48 bits of Unix time in milliseconds,
then random bits, so uids sort in the order they were made. It is made from the clock and
`os.urandom`, with the standard library only and little of it (`os`, `time`: loaded with
the interpreter), because the quick write of `growthtui add goal` makes one too.

Within one process the uids made in one millisecond still sort in the order they were
made: the 12 bits after the time count up from a random start (RFC 9562, method 1).

A record that existed before identities (a store of schema 1, an export of schema 1) gets
one derived from what it is rather than from the clock (`derived_uid`): the same record in
two copies of one store, upgraded or exported separately, then gets the same identity, and
two different records never do. Its time field holds the record's short number, so those
uids too sort in creation order, before every uid made since.

`utc_stamp` writes a record's `modified` time exactly as the Store's models dump it.
"""

from __future__ import annotations

import os
import time

_state = [0, 0]
"""The millisecond of the last uid made here, and its 12-bit counter."""


def _text(value: int) -> str:
    digits = f"{value:032x}"
    return f"{digits[:8]}-{digits[8:12]}-{digits[12:16]}-{digits[16:20]}-{digits[20:]}"


def _layout(millis: int, counter: int, rest: int) -> str:
    """A version 7 uid: 48 bits of time, version 7, 12 bits, variant 10, 62 bits."""
    return _text(
        (millis & 0xFFFF_FFFF_FFFF) << 80
        | 0x7 << 76
        | (counter & 0xFFF) << 64
        | 0b10 << 62
        | (rest & 0x3FFF_FFFF_FFFF_FFFF)
    )


def new_uid() -> str:
    """A new identity, later in sort order than every one made before in this process."""
    millis = time.time_ns() // 1_000_000
    last, counter = _state
    if millis > last:
        counter = int.from_bytes(os.urandom(2), "big") & 0x7FF  # room to count up
    else:  # the same millisecond, or the clock stepped back: count on from the last
        millis, counter = last, counter + 1
        if counter > 0xFFF:
            millis, counter = last + 1, 0
    _state[0], _state[1] = millis, counter
    return _layout(millis, counter, int.from_bytes(os.urandom(8), "big"))


def derived_uid(table: str, number: int, content: bytes) -> str:
    """The identity of a record that had none: from its kind, short number and content
    (its stored JSON, without id, uid and modified, keys sorted: `content_bytes`)."""
    import hashlib

    digest = hashlib.sha256(b"%s\0%d\0%s" % (table.encode(), number, content)).digest()
    bits = int.from_bytes(digest[:10], "big")
    return _layout(number, bits >> 62, bits)


def content_bytes(doc: dict[str, object]) -> bytes:
    """A record's content as `derived_uid` reads it: its JSON without id, uid and modified,
    keys sorted, so that a store's document and an export's record give the same bytes."""
    import json

    kept = {k: v for k, v in doc.items() if k not in ("id", "uid", "modified")}
    return json.dumps(kept, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def utc_stamp(seconds: float) -> str:
    """`seconds` since the epoch as a record's `modified` is written: the UTC time to the
    second, as pydantic dumps `datetime(…, tzinfo=UTC)` (`2026-11-24T09:30:00Z`)."""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(int(seconds)))
