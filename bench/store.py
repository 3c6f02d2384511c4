"""How fast the store saves, reads and opens, beside the floor the disk and JSON allow.

    python bench/store.py            stores of 1k, 10k and 50k records
    python bench/store.py --quick    1k only (a smoke run for CI)

For each size, a store made by `seed(scale=N)` in a temp folder, and one table:
figure | measured (median of several runs) | target | pass/fail. The floor is measured in
the same run, on the same data: serialise it the way the store does (`storage.encode`),
write it to a temp file, fsync, rename over the target, fsync the folder — what any
durable save of this file must cost. Always exits 0: timings on a shared machine vary, the
table is for people to read.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

try:  # `python -m bench` (package) or `python bench/x.py` (script)
    from bench.table import Row, render
except ImportError:  # pragma: no cover
    from table import Row, render  # type: ignore[no-redef]

import orjson

from growthtui.domain.entities import ENTITIES
from growthtui.domain.goals import Goal, Milestone
from growthtui.heap import paused
from growthtui.services.seed import seed
from growthtui.store.repository import Store
from growthtui.store.storage import encode

TODAY = dt.date(2026, 11, 24)
SIZES = (1_000, 10_000, 50_000)
RUNS = 7
SAVE_RATIO = 1.5
SAVE_MS_AT_10K = 25.0
OPEN_RATIO = 1.5
GET_US = 100.0
"""A get must fit many times in a keystroke's budget (a screen reads dozens of records)."""


def _median_ms(samples: Sequence[float]) -> float:
    return statistics.median(samples) * 1000


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def floor_save(data: dict[str, dict[str, object]], target: Path) -> None:
    """The least a durable save of `data` can do: encode, write, fsync, rename, fsync dir."""
    payload = encode(data)
    tmp = target.with_name(f".{target.name}.floor.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, payload)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, target)
    folder = os.open(target.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


def parse(path: Path) -> object:
    """Read and parse the file as fast as orjson can (collector paused, as the store does)."""
    raw = path.read_bytes()
    with paused():
        return orjson.loads(raw)


def _ratio_row(
    size: int,
    figure: str,
    samples: Sequence[float],
    floor_ms: float,
    target: str = "-",
    limit: float | None = None,
) -> Row:
    """A timing beside its floor; without a `limit` it is shown for reference only."""
    ms = _median_ms(samples)
    ratio = ms / floor_ms
    ok = None if limit is None else ratio <= limit
    return Row(size, figure, f"{ms:.1f} ms ({ratio:.2f}x)", target, ok)


def _saves(store: Store, path: Path, folder: Path, size: int, runs: int) -> list[Row]:
    """A toggle and an add, each right after a floor save of the same data (the machine's
    noise then hits both alike)."""
    floor_path = folder / f"floor-{size}.json"
    milestones = store.list(Milestone)
    milestone_id = milestones[len(milestones) // 2].id or 0
    store.add(Goal(title="Warm-up: the first save of the day also writes the backup"))

    def floor() -> float:
        data = orjson.loads(path.read_bytes())
        return _timed(lambda: floor_save(data, floor_path))

    def toggle() -> None:
        current = store.get(Milestone, milestone_id)
        done = None if current.done_at else TODAY
        store.update(current.model_copy(update={"done_at": done}))

    def add() -> None:
        store.add(Goal(title="A goal added by the benchmark"))

    def delete() -> None:
        store.delete(Goal, goal_id)

    goal_id = store.get(Milestone, milestone_id).goal_id
    floors: list[float] = []
    toggles: list[float] = []
    adds: list[float] = []
    deletes: list[float] = []
    undos: list[float] = []
    for _ in range(runs):
        floors.append(floor())
        toggles.append(_timed(toggle))
        floors.append(floor())
        adds.append(_timed(add))
        deletes.append(_timed(delete))
        undos.append(_timed(store.undo))
    floor_ms = _median_ms(floors)
    rows = [Row(size, "save floor: encode+write+fsync+rename+fsync dir", f"{floor_ms:.1f} ms")]
    for figure, samples in (("save: toggle a milestone done", toggles), ("save: add a goal", adds)):
        row = _ratio_row(size, figure, samples, floor_ms, f"<= {SAVE_RATIO:g}x floor", SAVE_RATIO)
        if size == 10_000:
            row.target += f", <= {SAVE_MS_AT_10K:g} ms"
            row.ok = bool(row.ok) and _median_ms(samples) <= SAVE_MS_AT_10K
        rows.append(row)
    parts = len(store.list(Milestone, goal_id=goal_id))
    figure = f"delete a goal (cascade: {parts} milestone{'s' * (parts != 1)}, check-ins, links)"
    rows.append(_ratio_row(size, figure, deletes, floor_ms))
    rows.append(_ratio_row(size, "undo that delete", undos, floor_ms))
    return rows


def _reads(store: Store, size: int, runs: int) -> list[Row]:
    """Gets and lists while the file is unchanged: from memory, never a parse."""
    parsed = store.parse_count
    ids = sorted(store.ids(Milestone))
    gets = 20_000
    start = time.perf_counter()
    for n in range(gets):
        store.get(Milestone, ids[n % len(ids)])
    per_get_us = (time.perf_counter() - start) / gets * 1e6
    lists = [_timed(lambda: [store.list(model) for model in ENTITIES]) for _ in range(runs)]
    parses = store.parse_count - parsed
    records = sum(store.count(model) for model in ENTITIES)
    return [
        Row(
            size, f"reads: parses in {gets} gets + {runs} full lists", str(parses), "0", parses == 0
        ),
        Row(
            size,
            "read: get one record",
            f"{per_get_us:.2f} us",
            f"<= {GET_US:g} us",
            per_get_us <= GET_US,
        ),
        Row(size, f"read: list every kind ({records} records)", f"{_median_ms(lists):.1f} ms"),
    ]


def _opens(store: Store, path: Path, size: int, runs: int) -> list[Row]:
    """Opening the store, and catching up with another session's edit, beside a parse."""
    parse_ms = _median_ms([_timed(lambda: parse(path)) for _ in range(runs)])
    target = f"<= {OPEN_RATIO:g}x parse"
    lazy = [_timed(lambda: Store.open(path, today=lambda: TODAY, lazy=True)) for _ in range(runs)]
    eager = [_timed(lambda: Store.open(path, today=lambda: TODAY)) for _ in range(runs)]

    other = Store.open(path, today=lambda: TODAY)
    goal_id = min(other.ids(Goal))

    def catch_up() -> None:
        store.refresh()
        for model in ENTITIES:
            store.list(model)

    refreshes: list[float] = []
    for n in range(runs):
        goal = other.get(Goal, goal_id)
        other.update(goal.model_copy(update={"notes": f"edited in another session {n}"}))
        refreshes.append(_timed(catch_up))
    return [
        Row(size, "parse floor: read + orjson.loads", f"{parse_ms:.1f} ms"),
        _ratio_row(
            size,
            "open, lazy=True (records checked on first read)",
            lazy,
            parse_ms,
            target,
            OPEN_RATIO,
        ),
        _ratio_row(
            size, "open, default (validates every record)", eager, parse_ms, target, OPEN_RATIO
        ),
        _ratio_row(size, "another session edits a goal: refresh + list all", refreshes, parse_ms),
    ]


def measure(size: int, folder: Path, runs: int = RUNS) -> list[Row]:
    """Every figure for a store of about `size` records made by `seed(scale=size)`."""
    path = folder / f"store-{size}.json"
    seed(Store.open(path, today=lambda: TODAY), TODAY, scale=size)
    store = Store.open(path, today=lambda: TODAY)
    return (
        _saves(store, path, folder, size, runs)
        + _reads(store, size, runs)
        + _opens(store, path, size, runs)
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the store benchmark and print its table; exit 0 whatever the timings."""
    parser = argparse.ArgumentParser(prog="bench/store.py", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="only the 1k store (CI smoke)")
    args = parser.parse_args(argv)
    sizes = SIZES[:1] if args.quick else SIZES
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="growthtui-bench-") as folder:
        for size in sizes:
            rows.extend(measure(size, Path(folder)))
    print(f"store benchmark, median of {RUNS} runs each (targets beside; exit 0 regardless)")
    print(render(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
