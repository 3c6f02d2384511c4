"""Import from taskwarrior: the output of `task export` becomes goals.

- Each task becomes a short-term goal (longer when its due date is further out): description
  → title, due → due date (the local date it was entered as), tags → tags, annotations →
  notes. pending and waiting → active, completed → achieved; deleted tasks are left out.
- A task's project becomes a parent goal, created once. Dotted projects nest: `career.staff`
  becomes a goal "staff" under a goal "career", as `task projects` shows them.
- A recurring task becomes one goal for the whole series, due on its next pending
  occurrence; the occurrences taskwarrior generated are not imported one by one.
- The task's uuid is kept in `Goal.external_id`: importing the same export again adds
  nothing, and a newer export updates the goals it made (title, due date, status, new tags
  and annotations), keeping whatever was planned in growthtui (SMART fields, links, parent).
- Fields growthtui has no place for (priority, urgency, user-defined ones) are ignored.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from growthtui.domain.base import Record
from growthtui.domain.errors import InvalidInput
from growthtui.domain.goals import Goal, GoalChange
from growthtui.domain.kinds import GoalStatus, Horizon
from growthtui.domain.schedule import suggest_horizon
from growthtui.interop.taskwarrior_tasks import Task, parse_export, read_tasks
from growthtui.store.changes import ImportReport
from growthtui.store.repository import Store

__all__ = ["TaskwarriorReport", "import_taskwarrior", "parse_export"]

PROJECT_PREFIX = "taskwarrior-project:"
"""`external_id` of the goal made for a project: the prefix, then the dotted project name."""

REASON = "changed in taskwarrior"
TITLE_LIMIT = 500


@dataclass(frozen=True)
class TaskwarriorReport(ImportReport):
    """An import report that also says which tasks were left out and why."""

    deleted: int = 0
    """Deleted tasks, not imported."""
    occurrences: int = 0
    """Occurrences of recurring tasks, folded into their series' goal."""
    unknown_status: int = 0

    def summary(self) -> str:
        left_out = [
            f"{count} {one if count == 1 else many}"
            for count, one, many in (
                (self.deleted, "deleted task", "deleted tasks"),
                (
                    self.occurrences,
                    "occurrence of a recurring task",
                    "occurrences of recurring tasks",
                ),
                (
                    self.unknown_status,
                    "task with an unknown status",
                    "tasks with an unknown status",
                ),
            )
            if count
        ]
        extra = f"; left out {', '.join(left_out)}" if left_out else ""
        return super().summary() + extra


@dataclass
class _Wanted:
    """A goal the import wants to exist, before it is matched with the store."""

    external_id: str
    title: str
    status: GoalStatus
    horizon: Horizon
    due: dt.date | None = None
    tags: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    created: dt.date | None = None
    project: str = ""
    history: list[GoalChange] = field(default_factory=list)


def plan_goals(tasks: Sequence[Task], today: dt.date) -> tuple[list[_Wanted], TaskwarriorReport]:
    """Which goals the tasks call for (projects first, parents before children), and the
    counts of tasks left out."""
    tasks = list({t.uuid: t for t in tasks}.values())  # a uuid listed twice: the last wins
    templates = {t.uuid: t for t in tasks if t.status == "recurring"}
    occurrences: dict[str, list[Task]] = {}
    deleted = unknown = folded = 0
    wanted: list[_Wanted] = []
    for task in tasks:
        if task.status == "deleted":
            deleted += 1
        elif task.series:
            occurrences.setdefault(task.series, []).append(task)
            folded += 1
        elif task.status in ("pending", "waiting", "completed"):
            wanted.append(_from_task(task, today))
        elif task.status != "recurring":
            unknown += 1
    for series, items in occurrences.items():
        template = templates.get(series)
        if template is None:  # the export was filtered: let an occurrence speak for it
            first = min(items, key=lambda t: (t.due or dt.date.max, t.uuid))
            template = dataclasses.replace(first, uuid=series, series="")
        pending = [t.due for t in items if t.status in ("pending", "waiting") and t.due]
        wanted.append(_from_series(template, min(pending) if pending else template.due, today))
    for uuid, template in templates.items():
        if uuid not in occurrences:
            wanted.append(_from_series(template, template.due, today))
    report = TaskwarriorReport(deleted=deleted, occurrences=folded, unknown_status=unknown)
    return _projects(wanted, today) + wanted, report


def _from_task(task: Task, today: dt.date) -> _Wanted:
    done = task.status == "completed"
    title, notes = _title(task)
    history = []
    if done and task.end is not None:
        at = dt.datetime(task.end.year, task.end.month, task.end.day, tzinfo=dt.UTC)
        history.append(
            GoalChange(
                at=at,
                field="status",
                old="active",
                new="achieved",
                reason="completed in taskwarrior",
            )
        )
    return _Wanted(
        external_id=task.uuid,
        title=title,
        status=GoalStatus.ACHIEVED if done else GoalStatus.ACTIVE,
        horizon=_horizon(task.due, today),
        due=task.due,
        tags=task.tags,
        notes=notes + _annotation_lines(task),
        created=task.entry,
        project=task.project,
        history=history,
    )


def _from_series(template: Task, due: dt.date | None, today: dt.date) -> _Wanted:
    title, notes = _title(template)
    repeats = f"Repeats {template.recur} in taskwarrior." if template.recur else ""
    return _Wanted(
        external_id=template.uuid,
        title=title,
        status=GoalStatus.ACTIVE,
        horizon=_horizon(due, today),
        due=due,
        tags=template.tags,
        notes=[*notes, *([repeats] if repeats else []), *_annotation_lines(template)],
        created=template.entry,
        project=template.project,
    )


def _title(task: Task) -> tuple[str, list[str]]:
    """The description as a title; a description too long for one is kept whole in the notes."""
    if len(task.description) <= TITLE_LIMIT:
        return task.description, []
    return task.description[: TITLE_LIMIT - 1].rstrip() + "…", [task.description]


def _annotation_lines(task: Task) -> list[str]:
    return [f"{day.isoformat()}: {text}" if day else text for day, text in task.annotations]


def _horizon(due: dt.date | None, today: dt.date) -> Horizon:
    return suggest_horizon(due, today) if due is not None and due > today else Horizon.SHORT


def _projects(wanted: Sequence[_Wanted], today: dt.date) -> list[_Wanted]:
    """One goal per project and per enclosing project, parents first."""
    names: set[str] = set()
    for goal in wanted:
        parts = goal.project.split(".") if goal.project else []
        names.update(".".join(parts[: i + 1]) for i in range(len(parts)) if all(parts[: i + 1]))
    out = []
    for name in sorted(names, key=lambda n: (n.count("."), n)):
        has_children = any(other.startswith(name + ".") for other in names)
        out.append(
            _Wanted(
                external_id=PROJECT_PREFIX + name,
                title=name.rsplit(".", 1)[-1],
                status=GoalStatus.ACTIVE,
                horizon=Horizon.LONG if has_children else Horizon.MEDIUM,
                notes=[f"Project {name} in taskwarrior."],
                created=today,
                project=name.rsplit(".", 1)[0] if "." in name else "",
            )
        )
    return out


def import_taskwarrior(
    store: Store,
    items: Sequence[dict[str, Any]],
    source: str = "the file",
    tz: dt.tzinfo | None = None,
) -> TaskwarriorReport:
    """Merge the tasks into the store as goals; see the module docstring for the rules."""
    tasks = read_tasks(items, source, tz)
    wanted, left_out = plan_goals(tasks, store.today())
    projects = [w for w in wanted if w.external_id.startswith(PROJECT_PREFIX)]
    goals = [w for w in wanted if not w.external_id.startswith(PROJECT_PREFIX)]
    totals = ImportReport()
    # One transaction (one write, one `u`), merged in steps: parents first, so that the
    # goals under them can link to the ids they get.
    with store.transaction(f"import {source} from taskwarrior"):
        for batch in [*_by_depth(projects), goals]:
            existing = {g.external_id: g for g in store.list(Goal) if g.external_id}
            records: list[Record] = [_record(w, existing, store) for w in batch]
            if records:
                totals = _add(totals, store.merge(records))
    return TaskwarriorReport(
        added=totals.added,
        updated=totals.updated,
        skipped=totals.skipped,
        notes=totals.notes,
        deleted=left_out.deleted,
        occurrences=left_out.occurrences,
        unknown_status=left_out.unknown_status,
    )


def _by_depth(projects: Sequence[_Wanted]) -> list[list[_Wanted]]:
    depths: dict[int, list[_Wanted]] = {}
    for project in projects:
        depth = project.external_id.count(".")
        depths.setdefault(depth, []).append(project)
    return [depths[d] for d in sorted(depths)]


def _add(a: ImportReport, b: ImportReport) -> ImportReport:
    return ImportReport(
        a.added + b.added, a.updated + b.updated, a.skipped + b.skipped, a.notes + b.notes
    )


def _record(wanted: _Wanted, existing: dict[str, Goal], store: Store) -> Goal:
    """A new goal, or the existing one brought up to date with taskwarrior."""
    parent = existing.get(PROJECT_PREFIX + wanted.project) if wanted.project else None
    current = existing.get(wanted.external_id)
    try:
        if current is None:
            return Goal.build(
                title=wanted.title,
                horizon=wanted.horizon,
                status=wanted.status,
                parent_id=parent.id if parent else None,
                due=wanted.due,
                tags=wanted.tags,
                notes="\n".join(wanted.notes),
                created=wanted.created,
                history=wanted.history,
                external_id=wanted.external_id,
            )
        if wanted.external_id.startswith(PROJECT_PREFIX):
            return current  # a project's goal is planned in growthtui once it exists
        return _updated(current, wanted, store.now())
    except InvalidInput as error:
        raise InvalidInput(
            f"taskwarrior task {wanted.external_id} ({wanted.title!r}) does not fit: {error}"
        ) from None


def _updated(current: Goal, wanted: _Wanted, now: dt.datetime) -> Goal:
    """Title and due date follow taskwarrior; a task completed there achieves the goal (a goal
    is never reopened or un-dropped by an import); new tags and annotations are added."""
    status = current.status
    if wanted.status is GoalStatus.ACHIEVED and current.is_open:
        status = GoalStatus.ACHIEVED
    changes: dict[str, Any] = {"title": wanted.title, "due": wanted.due, "status": status}
    history = list(current.history)
    for name, new in changes.items():
        old = getattr(current, name)
        if old != new:
            history.append(
                GoalChange(at=now, field=name, old=_words(old), new=_words(new), reason=REASON)
            )
    tags = current.tags + [t for t in wanted.tags if t not in current.tags]
    lines = current.notes.splitlines()
    notes = [line for line in wanted.notes if line not in lines]
    merged_notes = "\n".join([current.notes, *notes]) if current.notes else "\n".join(notes)
    return current.edit(**changes, tags=tags, notes=merged_notes, history=history)


def _words(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(getattr(value, "value", value))
