"""Time to the Dashboard drawn and to its records beside a bare Textual app, and beside
another copy of growthtui (an earlier commit), in one run.

    python -m bench.start                         10k store, 9 rounds
    python -m bench.start --size 50000 --runs 5
    python -m bench.start --other before=DIR      DIR holds an earlier `growthtui` package
                                                  (e.g. `git archive REV growthtui | tar -x -C DIR`)

Each round starts, in a fresh 120x40 pty, the yardstick (bench/bare_app.py: Header, a
50-row DataTable, Footer; timed to its first row), then this growthtui and every `--other`
copy, each timed from fork to a pane title of the Dashboard (drawn) and from fork to the
seeded profile's name on it (the records are on screen: an empty first frame does not
count). They alternate, so the machine's load hits them alike; the figures are the
medians, and the ratios the ratios of the medians.

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

try:  # `python -m bench.start` (package) or `python bench/start.py` (script)
    from bench.app import DASHBOARD_MARK, DATA_MARK, Pty, child_env, make_store, time_bare
    from bench.installed import compile_growthtui, copies_options, other_copies
    from bench.table import Row, render
except ImportError:  # pragma: no cover
    from app import DASHBOARD_MARK, DATA_MARK, Pty, child_env, make_store, time_bare  # type: ignore[no-redef]
    from installed import compile_growthtui, copies_options, other_copies  # type: ignore[no-redef]
    from table import Row, render  # type: ignore[no-redef]

RECORDS_RATIO = 1.5
"""Target: fork → the Dashboard's records within 1.5x the bare app's fork → first row."""
DRAWN_RATIO = 1.3
"""Target: fork → the Dashboard drawn (its pane titles) within 1.3x the bare app's."""
SIZE = 10_000
RUNS = 9


def time_records(env: dict[str, str], store: Path, package_dir: str | None) -> tuple[float, float]:
    """Fork → the Dashboard drawn, and fork → it shows the store's records, for the
    installed growthtui or the copy of the package in `package_dir` (put first on the
    path)."""
    child = dict(env)
    if package_dir is not None:
        child["PYTHONPATH"] = package_dir
    command = [
        sys.executable,
        "-P",  # `-c` would put the current folder first: run from the repository, every
        # copy would be this one, whatever PYTHONPATH names
        "-c",
        "import sys; from growthtui.launch import main; sys.exit(main())",
        "--data",
        str(store),
    ]
    term = Pty(command, child)
    try:
        drawn = term.wait_for(DASHBOARD_MARK, 0)
        shown = term.wait_for(DATA_MARK, 0)
        term.settle()
        return drawn - term.started, shown - term.started
    finally:
        term.finish()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.start", description=__doc__.split("\n")[0])
    copies_options(parser, size=SIZE, runs=RUNS)
    parser.add_argument(
        "--others-only", action="store_true", help="time the --other copies, not this one"
    )
    args = parser.parse_args(argv)
    compile_growthtui()
    variants: list[tuple[str, str | None]] = [] if args.others_only else [("this growthtui", None)]
    variants += other_copies(args.other)
    times: dict[str, list[float]] = {name: [] for name, _ in variants}
    drawn: dict[str, list[float]] = {name: [] for name, _ in variants}
    bare: list[float] = []
    load = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="growthtui-bench-start-") as folder:
        env = child_env(Path(folder) / "home")
        store = make_store(args.size, Path(folder), env)
        for _ in range(args.runs):
            bare.append(time_bare(env))
            for name, package_dir in variants:
                drawn_at, shown_at = time_records(env, store, package_dir)
                drawn[name].append(drawn_at)
                times[name].append(shown_at)
    bare_ms = statistics.median(bare) * 1000
    rows = [Row(args.size, "bare Textual app, fork → first row", f"{bare_ms:.0f} ms")]
    for name, _ in variants:
        ms = statistics.median(drawn[name]) * 1000
        ratio = ms / bare_ms
        rows.append(
            Row(
                args.size,
                f"{name}: fork → Dashboard drawn",
                f"{ms:.0f} ms ({ratio:.2f}x bare)",
                f"<= {DRAWN_RATIO:g}x bare",
                ratio <= DRAWN_RATIO,
            )
        )
        ms = statistics.median(times[name]) * 1000
        ratio = ms / bare_ms
        rows.append(
            Row(
                args.size,
                f"{name}: fork → Dashboard shows the records",
                f"{ms:.0f} ms ({ratio:.2f}x bare)",
                f"<= {RECORDS_RATIO:g}x bare",
                ratio <= RECORDS_RATIO,
            )
        )
    print(
        f"time to records in a 120x40 pty, median of {args.runs} alternating rounds; load "
        f"average before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; exit 0 regardless"
    )
    print(render(rows))
    print("  bare: " + " ".join(f"{v * 1000:.0f}" for v in bare) + " ms")
    for name, _ in variants:
        for what, values in (("drawn", drawn[name]), ("records", times[name])):
            print(f"  {name}, {what}: " + " ".join(f"{v * 1000:.0f}" for v in values) + " ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
