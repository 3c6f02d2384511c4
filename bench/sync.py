"""How much a `growthtui sync` with nothing new costs beside the one `git fetch` it makes.

    python -m bench.sync            stores of 1k and 10k records
    python -m bench.sync --quick    1k only (a smoke run for CI)

For each size N: a store made by `seed(scale=N)` in a temp folder, a bare repository as the
remote, and a first sync that sends everything. Then, in each of RUNS rounds, alternately:
`git fetch` of that remote into the sync's clone (the floor: what talking to the remote
costs; beside it, for reference, the fetch as the sync runs it, which starts no `git
maintenance` after it), `growthtui --data STORE sync` as a fresh process with nothing new
on either side, and `growthtui sync --help` (the command's own start-up, for reference:
the interpreter, the command line's imports and the sync's parser, as the sync has them;
`--version` builds every command's parser).
Then the same sync called in this process (`services.sync.sync`, as the app's "sync now"
runs it): what the sync itself adds to its fetch, start-up aside. The target (issue 18):
the sync costs at most the plain fetch plus 100 ms at 10k records, start-up included.

The judged `growthtui` is a copy installed the way a person installs it
(bench/installed.py, as bench/cli.py does): an editable install's import hooks would add
their own start-up to every figure. The editable script's figure is shown too, not judged.

For reference, not judged: a sync that receives one changed goal (the merge, the store's
write, the commit and push) at the same size.

Always exits 0: timings on a shared machine vary; the table is for people to read.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

try:  # `python -m bench` (package) or `python bench/x.py` (script)
    from bench.installed import compile_growthtui, install_copy
    from bench.table import Row, render
except ImportError:  # pragma: no cover
    from installed import compile_growthtui, install_copy  # type: ignore[no-redef]
    from table import Row, render  # type: ignore[no-redef]

from growthtui.domain.goals import Goal
from growthtui.services.seed import seed
from growthtui.services.sync import clone_path, sync
from growthtui.services.sync_git import CONFIG
from growthtui.store.repository import Store

TODAY = dt.date(2026, 11, 24)
SIZES = (1_000, 10_000)
RUNS = 7
OVER_FETCH_MS = 100.0
"""A sync with nothing new: at most one `git fetch` plus this, at 10k records."""


def _timed(command: Sequence[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed: {done.stderr.decode(errors='replace')}")
    return elapsed


def measure(size: int, folder: Path, runs: int, installed: list[str]) -> list[Row]:
    base = folder / str(size)
    base.mkdir()
    path = base / "growth.json"
    remote = base / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    store = Store.open(path, today=lambda: TODAY)
    seed(store, TODAY, size)
    count = sum(len(records) for records in store.dump().values())
    store.close()
    env = {**os.environ, "GROWTHTUI_TODAY": TODAY.isoformat()}
    editable = [sys.executable, "-m", "growthtui", "--data", str(path), "sync"]
    growthtui = [*installed, "--data", str(path), "sync"]
    first = _timed([*growthtui, "--remote", str(remote)], env)
    fetch = ["git", "--git-dir", str(clone_path(path)), "fetch", "--quiet", "origin"]
    # The fetch as the sync runs it: its config (no `git maintenance` after it), its options.
    as_sync = ["git", *CONFIG, "--git-dir", str(clone_path(path)), "fetch", "--quiet"]
    as_sync += ["--no-tags", "--prune", "origin"]
    fetches, own_fetches, syncs, starts, editables = [], [], [], [], []
    for _ in range(runs):
        fetches.append(_timed(fetch, env))
        own_fetches.append(_timed(as_sync, env))
        syncs.append(_timed(growthtui, env))
        starts.append(_timed([*installed, "sync", "--help"], env))
        editables.append(_timed(editable, env))
    inside = []
    for _ in range(runs):
        start = time.perf_counter()
        sync(path)
        inside.append(time.perf_counter() - start)
    fetch_ms = statistics.median(fetches) * 1000
    sync_ms = statistics.median(syncs) * 1000
    over = sync_ms - fetch_ms
    received = []
    for n in range(max(1, runs // 3)):
        # Another copy changed one goal: the remote's, changed through a second copy.
        other = base / f"other{n}.json"
        _timed([*installed, "--data", str(other), "sync", "--remote", str(remote)], env)
        theirs = Store.open(other, today=lambda: TODAY)
        goal = theirs.list(Goal)[0]
        theirs.update(goal.model_copy(update={"notes": f"changed elsewhere {n}"}))
        theirs.close()
        _timed([*installed, "--data", str(other), "sync"], env)
        received.append(_timed(growthtui, env))
    judged = size == 10_000
    return [
        Row(size, "first sync (sends every record)", f"{first * 1000:.0f} ms"),
        Row(size, "git fetch, nothing new (floor)", f"{fetch_ms:.0f} ms"),
        Row(
            size,
            "  git fetch as the sync runs it",
            f"{statistics.median(own_fetches) * 1000:.0f} ms",
        ),
        Row(size, "growthtui sync --help (start-up)", f"{statistics.median(starts) * 1000:.0f} ms"),
        Row(size, "growthtui sync, nothing new", f"{sync_ms:.0f} ms"),
        Row(
            size,
            "  sync minus fetch",
            f"{over:.0f} ms",
            f"<= {OVER_FETCH_MS:.0f} ms" if judged else f"(<= {OVER_FETCH_MS:.0f} ms at 10k)",
            over <= OVER_FETCH_MS if judged else None,
        ),
        Row(
            size,
            "  sync minus fetch and start-up",
            f"{over - statistics.median(starts) * 1000:.0f} ms",
        ),
        Row(
            size,
            "  sync in this process (the app's), fetch in",
            f"{statistics.median(inside) * 1000:.0f} ms",
        ),
        Row(size, "  sync by the editable script", f"{statistics.median(editables) * 1000:.0f} ms"),
        Row(
            size, "sync receiving one changed goal", f"{statistics.median(received) * 1000:.0f} ms"
        ),
        Row(size, "records in the store", f"{count:,}"),
    ]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the sync benchmark and print its table; exit 0 whatever the timings."""
    parser = argparse.ArgumentParser(prog="bench/sync.py", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="only the 1k store, 3 runs (CI smoke)")
    args = parser.parse_args(argv)
    sizes = SIZES[:1] if args.quick else SIZES
    runs = 3 if args.quick else RUNS
    rows: list[Row] = []
    if shutil.which("git") is None:
        print("sync benchmark skipped: git is not installed (apt-get install git)")
        return 0
    compile_growthtui()
    print(f"sync benchmark, median of {runs} runs each (targets beside; exit 0 regardless)")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cpus")
    with tempfile.TemporaryDirectory(prefix="growthtui-bench-sync-") as folder:
        script, how = install_copy(Path(folder))
        installed = [str(script)] if script is not None else [sys.executable, "-m", "growthtui"]
        print(f"growthtui: {' '.join(installed)} ({how})")
        for size in sizes:
            try:
                rows.extend(measure(size, Path(folder), runs, installed))
            except (RuntimeError, subprocess.CalledProcessError) as error:
                rows.append(Row(size, "could not measure", str(error)[:200], "-", False))
    print(render(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
