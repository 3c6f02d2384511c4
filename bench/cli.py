"""How fast the command line answers on a decade of data, beside Taskwarrior on as many tasks:
`agenda` beside `task next`, `list` beside `task list`, `add goal` beside `task add`.

    python -m bench.cli            stores of 1k, 10k and 50k records
    python -m bench.cli --quick    1k only (a smoke run for CI)
    python -m bench.cli --only add one pair only (`add goal` beside `task add`), no floors
    python -m bench.cli --only add --other before=DIR
                                   and `add goal` by a copy installed from DIR, a source
                                   tree of an earlier commit (`git worktree add DIR REV`)

For each size N: a store made by `growthtui seed --scale N`, and the same N records as
Taskwarrior tasks, created once per run with `task import` in a throwaway TASKRC/TASKDATA
(rc.gc=off, confirmation and messages off): open goals and milestones not done are pending
tasks with their due dates and projects, every other record (done milestones, closed goals,
check-ins, evidence, interactions, people...) a completed one. Both tools then hold the
same open work, which is what `agenda` and `task next` show.

Every command runs as a person types it, as a fresh process, output to /dev/null. The
`growthtui` run is a copy installed the way a person installs it (`pip install .` into a
virtual environment of its own, as pipx does; bench/installed.py), so the figures do not
include what this interpreter's `.pth` hooks do at every start (an editable install's
import finder, a sandbox's certificate patch). The script beside this interpreter (the
editable install, hooks and all) is timed too, and shown beside the target, not judged.

The pairs are timed alternately in each of RUNS rounds, so the machine's load hits both
alike; a ratio is the median of the per-round ratios. Each `--other` copy's `add goal`
runs in the same rounds, right after this copy's, on a copy of the same store of its own:
an A/B of two commits in one run, each figure also as a ratio to `task add` and to this
copy's. `add goal` and `task add` write to
the same store and task list in every round (growth accepted: at most 2 * RUNS + 2 records
on N). Wall-clock medians are the figures; the children's CPU time (user + sys) is shown
beside them.

The interpreter's floor (`python -c pass`, in the copy's environment and in this one, then
with pydantic imported) is printed first: it is the part of every figure that no change
inside growthtui can remove.

Always exits 0: timings on a shared machine vary; the table is for people to read.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

try:  # `python -m bench` (package) or `python bench/x.py` (script)
    from bench.installed import compile_growthtui, install_copy
    from bench.table import Row, render
except ImportError:  # pragma: no cover
    from installed import compile_growthtui, install_copy  # type: ignore[no-redef]
    from table import Row, render  # type: ignore[no-redef]

TODAY = dt.date(2026, 11, 24)
SIZES = (1_000, 10_000, 50_000)
RUNS = 7
AGENDA_RATIO = 1.5
"""`growthtui agenda` against `task next`, on the same number of records."""
ADD_RATIO = 3.0
"""`growthtui add goal` against `task add`."""
LIST_RATIO = 1.5
"""`growthtui list` (open goals as a tree, then their milestones) against `task list`."""
ADD_GOAL = ("add", "goal", "A goal added by the benchmark")
TASK_RC = ("confirmation=off", "verbose=nothing", "gc=off", "hooks=off", "color=off")

Command = Sequence[str]


@dataclass
class Timing:
    """Medians of several runs of one command: wall clock and the child's CPU, in ms."""

    wall: list[float]
    cpu: list[float]

    @property
    def wall_ms(self) -> float:
        return statistics.median(self.wall) * 1000

    @property
    def cpu_ms(self) -> float:
        return statistics.median(self.cpu) * 1000

    def describe(self) -> str:
        return f"{self.wall_ms:.0f} ms (cpu {self.cpu_ms:.0f})"


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(command: Command, env: Mapping[str, str], into: Timing) -> None:
    """Run `command` to the end, adding its wall-clock and CPU time to `into`."""
    cpu = _children_cpu()
    start = time.perf_counter()
    done = subprocess.run(
        command,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    into.wall.append(time.perf_counter() - start)
    into.cpu.append(_children_cpu() - cpu)
    if done.returncode != 0:
        reason = done.stderr.decode(errors="replace").strip() or f"exit {done.returncode}"
        raise RuntimeError(f"`{' '.join(command)}` failed: {reason}")


def alternate(
    commands: Mapping[str, Command], env: Mapping[str, str], runs: int
) -> dict[str, Timing]:
    """Each command once untimed (warm caches), then `runs` rounds, one run of each per round."""
    timings = {name: Timing([], []) for name in commands}
    for command in commands.values():
        run_once(command, env, Timing([], []))
    for _ in range(runs):
        for name, command in commands.items():
            run_once(command, env, timings[name])
    return timings


def ratio(mine: Timing, theirs: Timing) -> float:
    """The median of the per-round ratios (each round's pair ran back to back)."""
    return statistics.median(a / b for a, b in zip(mine.wall, theirs.wall, strict=True))


def growthtui_command() -> list[str]:
    """The installed `growthtui` script of this interpreter (a pyenv or asdf shim on PATH
    would add its own start-up to every figure)."""
    script = Path(sys.executable).with_name("growthtui")
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "growthtui"]


def taskwarrior() -> tuple[str, str] | None:
    """(path of `task`, its version), or None when Taskwarrior is not installed."""
    found = shutil.which("task")
    if found is None:
        return None
    try:
        version = subprocess.run(
            [found, "--version"], capture_output=True, text=True, timeout=30, check=True
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return found, version


# -- the data --------------------------------------------------------------------------
def _stamp(day: dt.date) -> str:
    return f"{day:%Y%m%d}T090000Z"


def _task(
    table: str, record_id: int, text: str, day: dt.date, **fields: object
) -> dict[str, object]:
    pending = fields.pop("pending", False)
    task: dict[str, object] = {
        "uuid": str(uuid.uuid5(uuid.NAMESPACE_URL, f"growthtui:{table}:{record_id}")),
        "description": text,
        "entry": _stamp(min(day, TODAY)),
        "status": "pending" if pending else "completed",
    }
    if not pending:
        task["end"] = _stamp(min(day, TODAY))
    task.update({key: value for key, value in fields.items() if value is not None})
    return task


def tasks_of(store_file: Path) -> Iterator[dict[str, object]]:
    """The store's records as Taskwarrior tasks: open goals and milestones pending."""
    from growthtui.domain.entities import ENTITIES
    from growthtui.domain.goals import Goal, Milestone
    from growthtui.store.repository import Store

    store = Store.open(store_file, create=False, today=lambda: TODAY, lazy=True)
    open_goals = set()
    for goal in store.list(Goal):
        assert goal.id is not None
        if goal.is_open:
            open_goals.add(goal.id)
        due = _stamp(goal.due) if goal.due else None
        day = goal.created or goal.start or TODAY
        yield _task("goals", goal.id, goal.title, day, pending=goal.is_open, due=due)
    for milestone in store.list(Milestone):
        assert milestone.id is not None
        pending = milestone.done_at is None and milestone.goal_id in open_goals
        day = milestone.done_at or milestone.due
        yield _task(
            "milestones",
            milestone.id,
            milestone.title,
            day,
            pending=pending,
            due=_stamp(milestone.due),
            project=f"goal{milestone.goal_id}",
        )
    for model in ENTITIES:
        if model in (Goal, Milestone):
            continue
        for record in store.list(model):
            assert record.id is not None
            day = getattr(record, "date", None) or TODAY
            yield _task(model.table, record.id, f"{model.entity} {record.id}", day)


@dataclass
class Place:
    """One size's store and task list, and how to run each tool on them."""

    size: int
    store: Path
    tasks: int
    pending: int
    growthtui_env: dict[str, str]
    task_env: dict[str, str] | None


def prepare(size: int, folder: Path, task: str | None, growthtui: list[str]) -> Place:
    store = folder / f"store-{size}.json"
    env = dict(os.environ, GROWTHTUI_TODAY=TODAY.isoformat(), NO_COLOR="1")
    env.pop("GROWTHTUI_DATA", None)
    subprocess.run(
        [*growthtui, "seed", "--scale", str(size), "--data", str(store)],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    tasks = list(tasks_of(store))
    pending = sum(t["status"] == "pending" for t in tasks)
    task_env = None
    if task is not None:
        data = folder / f"task-{size}"
        data.mkdir()
        rc = folder / f"taskrc-{size}"
        rc.write_text("\n".join([f"data.location={data}", *TASK_RC]) + "\n")
        task_env = dict(os.environ, TASKRC=str(rc), TASKDATA=str(data))
        exported = folder / f"tasks-{size}.json"
        exported.write_text(json.dumps(tasks))
        subprocess.run(
            [task, "import", str(exported)], env=task_env, check=True, stdout=subprocess.DEVNULL
        )
    return Place(size, store, len(tasks), pending, env, task_env)


# -- the figures -----------------------------------------------------------------------
def floors(growthtui: list[str], runs: int) -> list[Row]:
    """Where the time goes before growthtui does anything: the interpreter, then pydantic."""
    env = dict(os.environ)
    copy_python = str(Path(growthtui[0]).with_name("python"))
    commands = {
        "python -S -c pass (no site-packages, no .pth files)": [sys.executable, "-S", "-c", "pass"],
        "python -c pass, in the installed copy's venv": [copy_python, "-c", "pass"],
        "python -c pass, this interpreter (its .pth hooks run)": [sys.executable, "-c", "pass"],
        'python -c "import pydantic"': [sys.executable, "-c", "import pydantic"],
        'python -c "from pydantic import BaseModel"': [
            sys.executable,
            "-c",
            "from pydantic import BaseModel",
        ],
        "growthtui --version (start-up, no store)": [*growthtui, "--version"],
    }
    timings = alternate(commands, env, runs)
    return [Row(None, f"floor: {name}", t.describe()) for name, t in timings.items()]


PAIRS = (
    ("agenda", "next", "agenda", "task next", AGENDA_RATIO),
    ("list", "task list", "list", "task list", LIST_RATIO),
    ("add", "task add", "add goal", "task add", ADD_RATIO),
)
"""Each figure judged: growthtui's (its name in `measure`), Taskwarrior's beside it (its
name there), the words of each command, and the target ratio."""
FIGURES = tuple(pair[0] for pair in PAIRS)
"""The pairs `--only` can pick, by their growthtui command."""


def measure(
    place: Place,
    growthtui: list[str],
    editable: list[str],
    task: str | None,
    runs: int,
    only: Sequence[str] = FIGURES,
    others: Mapping[str, list[str]] | None = None,
) -> list[Row]:
    """growthtui agenda, list and add goal on `place` (those in `only`), each beside its
    Taskwarrior counterpart."""
    n = place.size
    data = ["--data", str(place.store)]
    mine = {
        "agenda": [*growthtui, "agenda", *data],
        "list": [*growthtui, "list", *data],
        "add": [*growthtui, *ADD_GOAL, *data],
    }
    mine = {name: command for name, command in mine.items() if name in only}
    if task is None or place.task_env is None:
        alone = alternate(mine, place.growthtui_env, runs)
        return [
            Row(n, f"growthtui {words}", alone[name].describe())
            for name, _, words, _, _ in PAIRS
            if name in mine
        ]
    theirs = {
        "next": [task, "next"],
        "task list": [task, "list"],
        "task add": [task, "add", "A task added by the benchmark"],
    }
    # One round: task next, agenda, task list, list, task add, add goal (pairs back to back).
    pairs: dict[str, Command] = {}
    if "agenda" in mine:
        pairs.update({"next": theirs["next"], "agenda": mine["agenda"]})
    if "list" in mine:
        pairs.update({"task list": theirs["task list"], "list": mine["list"]})
    adds: dict[str, Command] = {}
    if "add" in mine:
        adds = {
            "task add": theirs["task add"],
            "add": mine["add"],
            **{
                f"add, {name}": [*other, *ADD_GOAL, "--data", str(_store_copy(place, name))]
                for name, other in (others or {}).items()
            },
            "add, editable": [*editable, *ADD_GOAL, *data],
        }
    timings: dict[str, Timing] = {name: Timing([], []) for name in (*pairs, *adds)}
    for name, command in (*pairs.items(), *adds.items()):  # warm-up, untimed: caches, backup
        run_once(command, _env_for(name, place), Timing([], []))
    for _ in range(runs):
        for name, command in (*pairs.items(), *adds.items()):
            run_once(command, _env_for(name, place), timings[name])
    pending = f"{place.pending:,} pending of {place.tasks:,}"
    rows: list[Row] = []
    for name, their_name, words, their_words, target in PAIRS:
        if name not in mine:
            continue
        beside = ratio(timings[name], timings[their_name])
        counted = "" if name == "add" else f" ({pending} tasks)"  # a write: counts are moot
        rows += [
            Row(n, f"{their_words}{counted}", timings[their_name].describe()),
            Row(
                n,
                f"growthtui {words}",
                f"{timings[name].describe()} = {beside:.2f}x {their_words}",
                f"<= {target:g}x {their_words}",
                beside <= target,
            ),
        ]
    for name in (others or {}) if "add" in mine else ():
        other = timings[f"add, {name}"]
        rows.append(
            Row(
                n,
                f"growthtui add goal, copy installed from --other {name}",
                f"{other.describe()} = {ratio(other, timings['task add']):.2f}x task add, "
                f"{ratio(other, timings['add']):.2f}x this copy",
            )
        )
    if "add" in mine:
        rows.append(
            Row(
                n,
                "growthtui add goal, by this interpreter's script (editable; .pth hooks)",
                f"{timings['add, editable'].describe()} = "
                f"{ratio(timings['add, editable'], timings['task add']):.2f}x task add",
            )
        )
    return rows


def _store_copy(place: Place, name: str) -> Path:
    """A copy of `place`'s store for the `--other` copy `name` to write to."""
    copy = place.store.with_name(f"{place.store.stem}-{name}.json")
    shutil.copyfile(place.store, copy)
    return copy


def _env_for(name: str, place: Place) -> dict[str, str]:
    if name in ("next", "task list", "task add"):
        assert place.task_env is not None
        return place.task_env
    return place.growthtui_env


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command-line benchmark and print its table; exit 0 whatever the timings."""
    parser = argparse.ArgumentParser(prog="bench/cli.py", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="only the 1k store (CI smoke)")
    parser.add_argument("--runs", type=int, default=RUNS, help=f"rounds per figure (>= 5; {RUNS})")
    parser.add_argument(
        "--size", type=int, action="append", help="a store of this many records (repeatable)"
    )
    parser.add_argument(
        "--only",
        choices=FIGURES,
        action="append",
        help="only this pair, without the floors (repeatable): a short loop while tuning one",
    )
    parser.add_argument(
        "--other",
        action="append",
        default=[],
        metavar="NAME=DIR",
        help="time `add goal` by a copy installed from the source tree DIR too (repeatable)",
    )
    args = parser.parse_args(argv)
    compile_growthtui()
    runs = max(5, args.runs)
    sizes = SIZES[:1] if args.quick else tuple(args.size or SIZES)
    editable = growthtui_command()
    found = taskwarrior()
    task = found[0] if found else None
    print(
        f"command-line benchmark, median of {runs} rounds each (targets beside; exit 0 regardless)"
    )
    if found is None:
        print(
            "Taskwarrior (`task`) is not installed: the comparisons with it are skipped "
            "(Debian: apt-get install taskwarrior)"
        )
    else:
        print(f"Taskwarrior: {found[0]} {found[1]}, rc: {' '.join(TASK_RC)}")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cpus")
    with tempfile.TemporaryDirectory(prefix="growthtui-bench-cli-") as folder:
        script, how = install_copy(Path(folder))
        growthtui = [str(script)] if script is not None else editable
        print(f"growthtui: {' '.join(growthtui)} ({how}); python: {sys.executable}")
        others = {}
        for other in args.other:
            name, _, source = other.partition("=")
            script, how = install_copy(Path(folder), Path(source).resolve(), f"venv-{name}")
            print(f"--other {name}: {script} ({how})")
            if script is not None:
                others[name] = [str(script)]
        rows = [] if args.only else floors(growthtui, runs)
        for size in sizes:
            try:
                place = prepare(size, Path(folder), task, growthtui)
                figures = args.only or FIGURES
                rows.extend(measure(place, growthtui, editable, task, runs, figures, others))
            except (RuntimeError, subprocess.CalledProcessError) as error:
                rows.append(Row(size, "could not measure", str(error), "-", False))
    print(render(rows, "measured (median: wall, cpu)"))
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
