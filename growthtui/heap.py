"""The process's one policy for Python's cyclic garbage collector, in one place.

growthtui builds objects in large batches that then stay alive: the modules it imports,
the store's records as the file is read and checked, an area's widgets and rows on its
first visit. The cyclic collector runs its rounds by how many objects were made, so
during such a batch it walks the growing heap again and again and frees next to nothing
(at 10k records that cost as much as the parse itself, and 0.03-0.07 s of a first visit).
So:

- `quiet_start`: the process starts with the collector off (launch.main).
- `paused`: a batch (the store reading or checking records, a command's run) runs with
  it off, and leaves it as it was.
- `settle`: once the app shows its first records, what start-up left is collected once,
  what is alive is frozen (out of every later round: at 50k records a full round would
  walk millions of objects, a pause in the middle of a keystroke) and the collector is on
  for the rest of the session. Once per process.
- `hold` / `release`: an area's first visit is built with the collector off, and what it
  built is frozen once it is drawn, not collected first (a visit leaves next to no cyclic
  garbage, ~1k objects, and a full round there would be the very pause held off). Each
  object is frozen once, when the batch that made it is done.
- `at_exit`: a command's process freezes what is alive before it ends: the interpreter's
  last act is one more full round over everything, which `gc.disable` does not stop.

Under tests the process lives on: `settle` and `release` take `freeze=False` there, and
only turn the collector on. Standard library only: every command starts with this.
"""

from __future__ import annotations

import gc


def quiet_start() -> None:
    """The process's own start (not a caller's): the collector off until `settle`."""
    gc.disable()


def paused() -> Paused:
    """The collector off while a batch of lasting objects is built (`with paused():`);
    then as it was."""
    return Paused()


class Paused:
    """`paused`'s context. A class of its own rather than `contextlib.contextmanager`:
    every command runs inside one, and `contextlib` was a module loaded for it alone
    (~0.8 ms of `add goal`'s start)."""

    def __enter__(self) -> None:
        self.was_enabled = gc.isenabled()
        gc.disable()

    def __exit__(self, *exception: object) -> None:
        if self.was_enabled:
            gc.enable()


def settle(*, freeze: bool) -> None:
    """Start-up is done (the records are on screen): collect once, freeze what is alive,
    and turn the collector on for the rest of the session."""
    if freeze:
        gc.collect()
        gc.freeze()
    gc.enable()


def hold() -> bool:
    """An area's first visit starts: the collector off, unless start-up still has it off
    (`settle` has not run) or it is held already. Whether this call holds it (then
    `release` once the area is drawn)."""
    if not gc.isenabled():
        return False
    gc.disable()
    return True


def release(*, freeze: bool) -> None:
    """The held batch is built and drawn: freeze what it built, and the collector on."""
    if freeze:
        gc.freeze()
    gc.enable()


def at_exit() -> None:
    """The process is about to end: out of the interpreter's last round."""
    gc.freeze()
