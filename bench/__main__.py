"""`python -m bench`: every benchmark, figures printed beside their targets.

`--quick` runs the smallest store only (CI smoke: it must run; timings never fail it).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from bench import store


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    return store.main(args)


if __name__ == "__main__":
    raise SystemExit(main())
