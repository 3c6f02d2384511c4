"""`python -m bench`: every benchmark, figures printed beside their targets.

The store (bench/store.py), the command line beside Taskwarrior (bench/cli.py), a sync with
nothing new beside one `git fetch` (bench/sync.py) and, when it is there, the app in a real
terminal (bench/app.py), one after the other.

`--quick` runs the smallest store only (CI smoke: it must run; timings never fail it, and
each benchmark exits 0 whatever its figures).
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Callable, Sequence

BENCHMARKS = ("bench.store", "bench.cli", "bench.sync", "bench.app")
OPTIONAL = {"bench.app"}
"""Run when present (another change adds it)."""


def _benchmarks() -> list[tuple[str, Callable[[Sequence[str]], int]]]:
    found = []
    for name in BENCHMARKS:
        if name in OPTIONAL and importlib.util.find_spec(name) is None:
            print(f"{name}: not there yet, skipped", flush=True)
            continue
        module = importlib.import_module(name)
        found.append((name, module.main))
    return found


def main(argv: Sequence[str] | None = None) -> int:
    """Run every benchmark in turn; exit 0 whatever the figures."""
    args = list(sys.argv[1:] if argv is None else argv)
    for name, run in _benchmarks():
        print(f"\n== {name} {' '.join(args)}".rstrip(), flush=True)
        code = run(args)
        sys.stdout.flush()
        if code:
            print(f"{name} returned {code}; the figures above are still reported", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
