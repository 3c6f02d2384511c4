"""How fast the app opens, moves and switches screens, and what it costs the terminal.

    python bench/app.py            stores of 1k, 10k and 50k records
    python bench/app.py --quick    1k only (a smoke run for CI)

Stores are made by the installed `growthtui seed --scale N`. Every figure is read from a
real pty (120x40, TERM=xterm-256color) in which the installed `growthtui --data STORE` runs,
the way a person's terminal sees it: time is measured from our side of the pty (fork, or
the write of a key) to the bytes that show the result, and bytes are counted as they come.

One run of the app, repeated RUNS times per size (medians reported):

1. start: fork → the Dashboard drawn (its pane titles appear), and fork → the store's
   records on it (the profile's name appears): the app draws first and reads after.
   Right before each run the yardstick, bench/bare_app.py (Header + a 50-row DataTable +
   Footer), is started the same way and timed to its first row: the two alternate, so the
   machine's load hits both alike, and the ratio of their medians is the figure.
2. first frame bytes: everything written from start until the records are shown and the
   output is quiet; then `j` DASHBOARD_KEYS times in the Dashboard's list of active goals
   (a list without a detail pane), the bytes of each move.
3. `3`: key → the Goals list drawn ("N open goals"), the first visit to that screen.
4. `j` pressed KEYS times on the Goals list: key → the last byte of the frame it caused
   (the output then stays quiet for QUIET seconds), and the bytes of that frame. This is
   the whole round trip a person feels: input parsing, handlers, layout, rendering, write.
5. `4`: key → the Timeline drawn (first visit); then `1`, `3`, `4` again (screens kept).
6. `q`: the app exits; its peak RSS is the kernel's high-water mark (VmHWM) read just before.

Always exits 0: timings on a shared machine vary; the table is for people to read.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

try:  # `python -m bench` (package) or `python bench/x.py` (script)
    from bench.installed import compile_growthtui
    from bench.table import Row, render
except ImportError:  # pragma: no cover
    from installed import compile_growthtui  # type: ignore[no-redef]
    from table import Row, render  # type: ignore[no-redef]

TODAY = "2026-11-24"
SIZES = (1_000, 10_000, 50_000)
RUNS = 7
QUICK_RUNS = 5
COLS, LINES = 120, 40
KEYS = 15
"""Cursor moves per run (medians are over all of them, every run)."""
DASHBOARD_KEYS = 5
"""Cursor moves in the Dashboard's list of active goals (a list without a detail pane)."""
QUIET = 0.2
"""Seconds without output after which a frame is taken as complete."""
TIMEOUT = 60.0
"""Seconds to wait for a screen before the run is given up (a 50k store on a busy machine
opens in a few seconds)."""

START_RATIO = 1.3
START_AT = 10_000
RECORDS_RATIO = 1.5
"""Fork → the Dashboard shows the records (not an empty first frame), against the bare
app's fork → first row, at START_AT."""
KEY_MS = 16.0
KEY_AT = 50_000
"""The seeded 50k store lists about 5k open goals: the size the key target is set for."""
SWITCH_MS = 100.0
SWITCH_AT = 10_000
RSS_MB = 250.0
RSS_AT = 50_000
MOVE_BYTES = 1024
FIRST_FRAME_BYTES = 40 * 1024

BARE_APP = Path(__file__).with_name("bare_app.py")
BARE_MARK = b"bare row 0001"
DASHBOARD_MARK = b"Active goals"
"""A pane title of the Dashboard: the screen is drawn (its records may follow)."""
DATA_MARK = b"Alex Rivera"
"""The seeded profile's name: the Dashboard shows it once the store's records are on it."""
GOALS_MARK = b" open goals"
TIMELINE_MARK = b" milestones (all)"


class AppGone(Exception):
    """The program in the pty exited (or never drew what was expected)."""


class Pty:
    """A program running in a fresh pseudo-terminal of COLS x LINES; we hold the master."""

    def __init__(self, argv: Sequence[str], env: dict[str, str]) -> None:
        self.started = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:  # the child: size its terminal, become the program
            try:
                winsize = struct.pack("HHHH", LINES, COLS, 0, 0)
                fcntl.ioctl(0, termios.TIOCSWINSZ, winsize)
                os.execve(argv[0], list(argv), env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self.out = bytearray()
        self.last_byte_at = self.started
        self.closed = False

    def _read(self, timeout: float) -> bool:
        """Read what arrives within `timeout`; False when nothing did."""
        if self.closed:
            raise AppGone("the program exited")
        ready, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        if not ready:
            return False
        try:
            chunk = os.read(self.fd, 1 << 16)
        except OSError:  # EIO: the child closed its side
            chunk = b""
        if not chunk:
            self.closed = True
            raise AppGone("the program exited")
        self.last_byte_at = time.perf_counter()
        self.out += chunk
        return True

    def wait_for(self, marker: bytes, since: int, timeout: float = TIMEOUT) -> float:
        """Read until `marker` shows in the output after offset `since`; when it arrived."""
        deadline = time.perf_counter() + timeout
        while self.out.find(marker, since) < 0:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                tail = bytes(self.out[-300:])
                raise AppGone(f"{marker!r} did not appear within {timeout:g} s; last: {tail!r}")
            self._read(remaining)
        return self.last_byte_at

    def settle(self, quiet: float = QUIET, first: float = 0.0) -> float:
        """Read until nothing comes for `quiet` seconds (waiting up to `first` seconds for
        the first byte); when the last byte came."""
        if first:
            self._read(first)
        while self._read(quiet):
            pass
        return self.last_byte_at

    def send(self, data: bytes) -> float:
        """Type `data`; when it was written."""
        at = time.perf_counter()
        os.write(self.fd, data)
        return at

    def finish(self) -> int:
        """Quit with `q` and reap the child; its peak RSS in KiB."""
        # The kernel's high-water mark of the app's own memory (VmHWM starts afresh at
        # exec). wait4's ru_maxrss does not: it counts the pages the child shared with this
        # benchmark process before exec, so after the store benchmark has held a 50k store
        # in memory every app would seem to need 200 MB.
        peak = _vm_hwm_kib(self.pid)
        if not self.closed:
            self.send(b"q")
            deadline = time.perf_counter() + TIMEOUT
            try:
                while time.perf_counter() < deadline:
                    self._read(deadline - time.perf_counter())
            except AppGone:
                pass
        reaped = self.reap()
        return peak if peak is not None else reaped

    def reap(self) -> int:
        """Wait for the child (killing it if it lingers); its peak RSS in KiB."""
        for _ in range(50):
            pid, _status, usage = os.wait4(self.pid, os.WNOHANG)
            if pid:
                break
            time.sleep(0.1)
        else:
            os.kill(self.pid, signal.SIGKILL)
            _pid, _status, usage = os.wait4(self.pid, 0)
        os.close(self.fd)
        return int(usage.ru_maxrss)


def _vm_hwm_kib(pid: int) -> int | None:
    """The process's peak resident memory (KiB) from /proc, or None where there is none."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return None


@dataclass
class Samples:
    """What the runs at one size measured."""

    bare_start: list[float] = field(default_factory=list)
    start: list[float] = field(default_factory=list)
    data: list[float] = field(default_factory=list)
    first_bytes: list[int] = field(default_factory=list)
    to_goals: list[float] = field(default_factory=list)
    to_timeline: list[float] = field(default_factory=list)
    warm_switch: list[float] = field(default_factory=list)
    key: list[float] = field(default_factory=list)
    key_bytes: list[int] = field(default_factory=list)
    dashboard_key_bytes: list[int] = field(default_factory=list)
    rss_kib: list[int] = field(default_factory=list)
    goals_listed: int = 0
    errors: list[str] = field(default_factory=list)


def child_env(home: Path) -> dict[str, str]:
    """The app's environment: a fresh home (no user settings), a fixed date, a plain xterm."""
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR")}
    env.update(
        TERM="xterm-256color",
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_STATE_HOME=str(home / ".local" / "state"),
        GROWTHTUI_TODAY=TODAY,
    )
    env.pop("GROWTHTUI_DATA", None)
    env.pop("GROWTHTUI_CONFIG", None)
    env.pop("TEXTUAL", None)
    return env


def growthtui_command() -> str:
    """The installed `growthtui` of this interpreter (not a version manager's shim)."""
    beside = Path(sys.executable).with_name("growthtui")
    if beside.exists():
        return str(beside)
    found = shutil.which("growthtui")
    if found is None:
        raise SystemExit("growthtui is not installed: pip install -e '.[dev]'")
    return found


def make_store(size: int, folder: Path, env: dict[str, str]) -> Path:
    """A store seeded by the installed command, as a person's benchmark would make it."""
    path = folder / f"store-{size}.json"
    subprocess.run(
        [growthtui_command(), "seed", "--scale", str(size), "--data", str(path)],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return path


def time_bare(env: dict[str, str]) -> float:
    term = Pty([sys.executable, str(BARE_APP)], env)
    try:
        drawn = term.wait_for(BARE_MARK, 0)
        term.settle()
        return drawn - term.started
    finally:
        term.finish()


def _count_goals(term: Pty, since: int) -> int:
    end = term.out.find(GOALS_MARK, since)
    digits = bytearray()
    for byte in reversed(term.out[max(since, end - 12) : end]):
        if not chr(byte).isdigit():
            break
        digits.insert(0, byte)
    return int(digits) if digits else 0


def run_app(store: Path, env: dict[str, str], samples: Samples) -> None:
    """One session of the app: start, 3, KEYS x j, 4, 1, 3, 4, quit (see the module doc)."""
    term = Pty([growthtui_command(), "--data", str(store)], env)
    try:
        drawn = term.wait_for(DASHBOARD_MARK, 0)
        samples.start.append(drawn - term.started)
        shown = term.wait_for(DATA_MARK, 0)
        samples.data.append(shown - term.started)
        term.settle()
        samples.first_bytes.append(len(term.out))

        for _ in range(DASHBOARD_KEYS):
            mark = len(term.out)
            term.send(b"j")
            term.settle(first=TIMEOUT)
            samples.dashboard_key_bytes.append(len(term.out) - mark)

        mark = len(term.out)
        sent = term.send(b"3")
        samples.to_goals.append(term.wait_for(GOALS_MARK, mark) - sent)
        samples.goals_listed = _count_goals(term, mark)
        term.settle()

        for _ in range(KEYS):
            mark = len(term.out)
            sent = term.send(b"j")
            last = term.settle(first=TIMEOUT)
            if len(term.out) > mark:
                samples.key.append(last - sent)
                samples.key_bytes.append(len(term.out) - mark)

        mark = len(term.out)
        sent = term.send(b"4")
        samples.to_timeline.append(term.wait_for(TIMELINE_MARK, mark) - sent)
        term.settle()

        for key, marker in ((b"1", DATA_MARK), (b"3", GOALS_MARK), (b"4", TIMELINE_MARK)):
            mark = len(term.out)
            sent = term.send(key)
            samples.warm_switch.append(term.wait_for(marker, mark) - sent)
            term.settle()
    except AppGone as error:
        samples.errors.append(str(error))
    finally:
        samples.rss_kib.append(term.finish())


def measure(size: int, folder: Path, runs: int) -> tuple[Samples, list[Row]]:
    env = child_env(folder / "home")
    store = make_store(size, folder, env)
    samples = Samples()
    for _ in range(runs):
        samples.bare_start.append(time_bare(env))
        run_app(store, env, samples)
    return samples, rows_for(size, samples)


def _median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def _ms(values: Sequence[float]) -> float:
    return _median(values) * 1000


def rows_for(size: int, s: Samples) -> list[Row]:
    """The table's rows for one size; targets judged only at the size they are set for."""

    def judged(at: int, ok: bool) -> bool | None:
        return ok if size == at else None

    def at_note(at: int) -> str:
        return "" if size == at else f" (at {at // 1000}k)"

    bare_ms, start_ms, data_ms = _ms(s.bare_start), _ms(s.start), _ms(s.data)
    ratio = start_ms / bare_ms
    key_ms = _ms(s.key)
    rows = [
        Row(size, "start: bare Textual app, fork → first row", f"{bare_ms:.0f} ms"),
        Row(
            size,
            "start: growthtui, fork → Dashboard drawn",
            f"{start_ms:.0f} ms ({ratio:.2f}x bare)",
            f"<= {START_RATIO:g}x bare{at_note(START_AT)}",
            judged(START_AT, ratio <= START_RATIO),
        ),
        Row(
            size,
            "start: growthtui, fork → Dashboard shows the records",
            f"{data_ms:.0f} ms ({data_ms / bare_ms:.2f}x bare)",
            f"<= {RECORDS_RATIO:g}x bare{at_note(START_AT)}",
            judged(START_AT, data_ms / bare_ms <= RECORDS_RATIO),
        ),
        Row(
            size,
            f"key → frame: j in the Goals list ({s.goals_listed} goals listed)",
            f"{key_ms:.1f} ms",
            f"<= {KEY_MS:g} ms{at_note(KEY_AT)}",
            judged(KEY_AT, key_ms <= KEY_MS),
        ),
    ]
    for figure, values in (
        ("switch 1 → 3 (first visit of Goals)", s.to_goals),
        ("switch 3 → 4 (first visit of Timeline)", s.to_timeline),
        ("switch 4 → 1 → 3 → 4 again (each)", s.warm_switch),
    ):
        ms = _ms(values)
        rows.append(
            Row(
                size,
                figure,
                f"{ms:.0f} ms",
                f"<= {SWITCH_MS:g} ms{at_note(SWITCH_AT)}",
                judged(SWITCH_AT, ms <= SWITCH_MS),
            )
        )
    rss_mb = _median(s.rss_kib) / 1024
    rows.append(
        Row(
            size,
            "peak RSS: Dashboard, Goals, Timeline visited",
            f"{rss_mb:.0f} MB",
            f"<= {RSS_MB:g} MB{at_note(RSS_AT)}",
            judged(RSS_AT, rss_mb <= RSS_MB),
        )
    )
    move = _median(s.key_bytes)
    first = _median(s.first_bytes)
    rows.append(
        Row(
            size,
            f"bytes per cursor move at {COLS}x{LINES}: Goals (list + detail pane)",
            f"{move:,.0f} B",
            f"<= {MOVE_BYTES:,} B",
            move <= MOVE_BYTES,
        )
    )
    dash_move = _median(s.dashboard_key_bytes)
    rows.append(
        Row(
            size,
            f"bytes per cursor move at {COLS}x{LINES}: Dashboard's goals (a list alone)",
            f"{dash_move:,.0f} B",
            f"<= {MOVE_BYTES:,} B",
            dash_move <= MOVE_BYTES,
        )
    )
    rows.append(
        Row(
            size,
            f"bytes of the first frame at {COLS}x{LINES}",
            f"{first:,.0f} B",
            f"<= {FIRST_FRAME_BYTES // 1024} KB",
            first <= FIRST_FRAME_BYTES,
        )
    )
    for error in s.errors:
        rows.append(Row(size, f"run failed: {error[:160]}", "-", "-", False))
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    """Run the app benchmark and print its table; exit 0 whatever the timings."""
    parser = argparse.ArgumentParser(prog="bench/app.py", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="only the 1k store (CI smoke)")
    parser.add_argument("--runs", type=int, default=None, help="runs per size (>= 5)")
    parser.add_argument(
        "--sizes", default=None, help="comma-separated store sizes (default 1000,10000,50000)"
    )
    args = parser.parse_args(argv)
    compile_growthtui()
    runs = max(5, args.runs or (QUICK_RUNS if args.quick else RUNS))
    sizes: tuple[int, ...] = SIZES[:1] if args.quick else SIZES
    if args.sizes:
        sizes = tuple(int(n) for n in args.sizes.split(","))
    rows: list[Row] = []
    load = os.getloadavg()
    try:
        with tempfile.TemporaryDirectory(prefix="growthtui-bench-app-") as folder:
            for size in sizes:
                rows.extend(measure(size, Path(folder), runs)[1])
    except (Exception, SystemExit) as error:  # a smoke run reports, it never fails CI
        print(f"app benchmark could not run: {error}", file=sys.stderr)
        return 0
    print(
        f"app benchmark in a {COLS}x{LINES} pty, median of {runs} runs "
        f"({KEYS} cursor moves each); load average before: "
        f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; targets beside; exit 0 regardless"
    )
    print(render(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
