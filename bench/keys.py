"""Key → frame of `j` in the Goals list, for this growthtui and earlier copies, in one run.

    python -m bench.keys                               50k store, 5 rounds of 15 moves
    python -m bench.keys --other before=DIR            DIR holds an earlier `growthtui` package
                                                       (`git archive REV growthtui | tar -x -C DIR`)

Each round starts every copy in turn, in a fresh 120x40 pty (as bench/app.py does: `3`,
then `j` KEYS times, each timed from the write of the key to the last byte of its frame,
the output then quiet for QUIET seconds). The copies alternate, so the machine's load hits
them alike: compare the ratios of their medians within one run. Beside the time, the CPU
the app's process used per move (all its threads, from /proc where there is one): on a
loaded machine it varies far less than the time does.

Always exits 0: timings on a shared machine vary; the table is for people to read.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

try:  # `python -m bench.keys` (package) or `python bench/keys.py` (script)
    from bench.app import DATA_MARK, GOALS_MARK, KEY_MS, KEYS, TIMEOUT, Pty, child_env, make_store
    from bench.installed import compile_growthtui, copies_options, other_copies
    from bench.table import Row, render
except ImportError:  # pragma: no cover
    from app import (  # type: ignore[no-redef]
        DATA_MARK,
        GOALS_MARK,
        KEY_MS,
        KEYS,
        TIMEOUT,
        Pty,
        child_env,
        make_store,
    )
    from installed import compile_growthtui, copies_options, other_copies  # type: ignore[no-redef]
    from table import Row, render  # type: ignore[no-redef]

SIZE = 50_000
RUNS = 5


def _cpu_ns(pid: int) -> int | None:
    """CPU time the process has used so far, all threads (None without /proc)."""
    total = 0
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/schedstat") as stat:
                total += int(stat.read().split()[0])
    except OSError:
        return None
    return total


def time_keys(
    env: dict[str, str], store: Path, package_dir: str | None
) -> tuple[list[float], list[int], float | None]:
    """One session: `3`, then KEYS x `j`; each move's key → frame and bytes, and the CPU
    per move. `package_dir`: a copy of the package put first on the path (else this one)."""
    child = dict(env)
    if package_dir is not None:
        child["PYTHONPATH"] = package_dir
    command = [
        sys.executable,
        "-P",  # `-c` would put the current folder first (see bench/start.py)
        "-c",
        "import sys; from growthtui.launch import main; sys.exit(main())",
        "--data",
        str(store),
    ]
    term = Pty(command, child)
    times: list[float] = []
    sizes: list[int] = []
    try:
        term.wait_for(DATA_MARK, 0)
        term.settle()
        mark = len(term.out)
        term.send(b"3")
        term.wait_for(GOALS_MARK, mark)
        term.settle()
        before = _cpu_ns(term.pid)
        for _ in range(KEYS):
            mark = len(term.out)
            sent = term.send(b"j")
            last = term.settle(first=TIMEOUT)
            if len(term.out) > mark:
                times.append(last - sent)
                sizes.append(len(term.out) - mark)
        after = _cpu_ns(term.pid)
    finally:
        term.finish()
    cpu = (after - before) / KEYS / 1e6 if before is not None and after is not None else None
    return times, sizes, cpu


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.keys", description=__doc__.split("\n")[0])
    copies_options(parser, size=SIZE, runs=RUNS)
    args = parser.parse_args(argv)
    compile_growthtui()
    variants: list[tuple[str, str | None]] = [("this growthtui", None)]
    variants += other_copies(args.other)
    times: dict[str, list[float]] = {name: [] for name, _ in variants}
    sizes: dict[str, list[int]] = {name: [] for name, _ in variants}
    cpu: dict[str, list[float]] = {name: [] for name, _ in variants}
    load = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="growthtui-bench-keys-") as folder:
        env = child_env(Path(folder) / "home")
        store = make_store(args.size, Path(folder), env)
        for _ in range(args.runs):
            for name, package_dir in variants:
                moved, written, used = time_keys(env, store, package_dir)
                times[name] += moved
                sizes[name] += written
                if used is not None:
                    cpu[name].append(used)
    rows: list[Row] = []
    first = statistics.median(times[variants[0][0]]) * 1000
    for name, _ in variants:
        ms = statistics.median(times[name]) * 1000
        rows.append(
            Row(
                args.size,
                f"{name}: key → frame, j in Goals ({ms / first:.2f}x the first)",
                f"{ms:.1f} ms",
                f"<= {KEY_MS:g} ms",
                ms <= KEY_MS,
            )
        )
        if cpu[name]:
            rows.append(
                Row(args.size, f"{name}: CPU per move", f"{statistics.median(cpu[name]):.1f} ms")
            )
        rows.append(
            Row(args.size, f"{name}: bytes per move", f"{statistics.median(sizes[name]):,.0f} B")
        )
    print(
        f"j in Goals in a 120x40 pty, {args.runs} alternating rounds of {KEYS} moves; load "
        f"average before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; exit 0 regardless"
    )
    print(render(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
