"""What `growthtui list` shows: records as aligned plain-text tables, read through the same
rules as the views (progress with stepping stones, the SMART check, overdue).

The text is a contract kept by golden files: columns separated by two spaces, each as
wide as its widest cell (ids and percentages to the right), the title last and unpadded.
Colour (ANSI: bold headings, red for what is late, dim for what is closed) only when
asked for; the command asks on a terminal only, never with NO_COLOR. Stored text goes
through `printable`, on one line.

Goals and milestones are listed from the store's models, or from the plain records
store.quick_read makes of a sealed file without pydantic (`plan_tables`): the rules read
attributes only, and both have them. A test compares the two on the same stores.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from growthtui.domain.errors import InvalidInput
from growthtui.domain.kinds import GoalStatus, Horizon
from growthtui.domain.printable import printable
from growthtui.domain.progress import progress_by_goal
from growthtui.domain.schedule import goal_is_overdue, is_overdue
from growthtui.domain.smart import check_smart
from growthtui.domain.words import counted
from growthtui.store.schema import CURRENT_SCHEMA

if TYPE_CHECKING:
    from growthtui.domain.base import Record
    from growthtui.domain.goals import CheckIn, Goal, Milestone
    from growthtui.domain.learning import LearningItem
    from growthtui.domain.people import Person
    from growthtui.domain.reviews import Review
    from growthtui.store.repository import Store

KINDS = ("goals", "milestones", "people", "learning", "reviews")
"""What `list` names, as the export names its tables."""
HORIZON_ORDER = {Horizon.LONG: 0, Horizon.MEDIUM: 1, Horizon.SHORT: 2}
"""Long before medium before short, as the Goals area lists them."""
LATE = "!"
"""Before a date that has passed on something still open, as the app marks it."""

ALARM, DIM, HEAD = "alarm", "dim", "head"
_CODES = {ALARM: "\x1b[31m", DIM: "\x1b[2m", HEAD: "\x1b[1m"}


class Cell(NamedTuple):
    """A table cell: its text and its style (ALARM, DIM, HEAD or None). A tuple: thousands
    are made per listing."""

    text: str
    style: str | None = None


@dataclass
class Table:
    """One section of the listing: a heading, the column names, the rows."""

    heading: str
    columns: tuple[str, ...]
    rows: list[tuple[Cell, ...]] = field(default_factory=list)
    right: frozenset[str] = frozenset({"ID", "GOAL", "DUE", "PROGRESS"})
    """Columns aligned to the right (numbers)."""


@dataclass(frozen=True)
class Listing:
    """What `list` found: the tables to print, and the records in them (for `--json`)."""

    tables: list[Table]
    records: dict[str, list[Record]]


@dataclass(frozen=True)
class Filters:
    everything: bool = False
    """Closed records too (achieved and dropped goals, milestones done, learning done)."""
    horizon: Horizon | None = None
    status: GoalStatus | None = None


def check_filters(kind: str | None, filters: Filters) -> None:
    """InvalidInput for a kind `list` does not know, or a filter it has nothing to apply to."""
    if kind is not None and kind not in KINDS:
        raise InvalidInput(f"list names one of {', '.join(KINDS)}, not {kind!r}")
    if kind not in (None, "goals") and (filters.horizon or filters.status):
        raise InvalidInput(f"--horizon and --status choose goals; `list {kind}` takes --all only")


def build_listing(store: Store, kind: str | None, filters: Filters, today: dt.date) -> Listing:
    """The tables of `list [kind]`: with no kind, the goals (as a tree) and their
    milestones. InvalidInput for a filter the kind has nothing to apply to."""
    from growthtui.domain.goals import CheckIn, Goal, Milestone
    from growthtui.domain.learning import LearningItem
    from growthtui.domain.people import Person
    from growthtui.domain.reviews import Review

    check_filters(kind, filters)
    if kind in (None, "goals", "milestones"):
        checkins = store.list(CheckIn) if kind != "milestones" else []
        return plan_listing(store.list(Goal), store.list(Milestone), checkins, kind, filters, today)
    if kind == "people":
        people = store.list(Person)
        return Listing([_people_table(people)], {"people": list(people)})
    if kind == "learning":
        items = [i for i in store.list(LearningItem) if filters.everything or i.is_open]
        return Listing([_learning_table(items, filters, today)], {"learning": list(items)})
    reviews = store.list(Review)
    return Listing([_reviews_table(reviews)], {"reviews": list(reviews)})


def plan_listing(
    goals: Sequence[Goal],
    milestones: Sequence[Milestone],
    checkins: Sequence[CheckIn],
    kind: str | None,
    filters: Filters,
    today: dt.date,
) -> Listing:
    """`list`, `list goals` and `list milestones` from every goal, milestone and check-in
    (models, or the plain records of store.quick_read)."""
    check_filters(kind, filters)
    tables: list[Table] = []
    records: dict[str, list[Record]] = {}
    if kind in (None, "goals"):
        shown = _goals_shown(goals, filters)
        tables.append(_goals_table(shown, goals, milestones, checkins, filters, today))
        records["goals"] = [goal for goal, _depth in shown]
    if kind in (None, "milestones"):
        if kind is None:  # the goals listed, each one's milestones still to do
            listed = {g.id for g in records["goals"]}
            chosen = [m for m in milestones if m.goal_id in listed and not m.done]
        elif filters.everything:
            chosen = list(milestones)
        else:
            open_goals = {g.id for g in goals if g.is_open}
            chosen = [m for m in milestones if m.goal_id in open_goals and not m.done]
        every = filters.everything and kind == "milestones"
        tables.append(_milestones_table(chosen, every, today))
        records["milestones"] = list(chosen)
    return Listing(tables, records)


def listing_data(listing: Listing) -> dict[str, Any]:
    """The records listed, in the export's shape (`schema_version`, one list per kind, each
    record as `export --format json` writes it), in id order."""
    out: dict[str, Any] = {"schema_version": CURRENT_SCHEMA}
    for table, records in listing.records.items():
        ordered = sorted(records, key=lambda record: record.id)
        out[table] = [record.model_dump(mode="json") for record in ordered]
    return out


# -- goals --------------------------------------------------------------------------------
def _goals_shown(goals: Sequence[Goal], filters: Filters) -> list[tuple[Goal, int]]:
    """The goals the filters choose, in tree order, with their depth in the tree."""

    def wanted(goal: Goal) -> bool:
        if filters.status is not None:
            if goal.status is not filters.status:
                return False
        elif not (filters.everything or goal.is_open):
            return False
        return filters.horizon is None or goal.horizon is filters.horizon

    return list(goal_tree([g for g in goals if wanted(g)]))


def goal_tree(goals: Sequence[Goal]) -> Iterator[tuple[Goal, int]]:
    """Goals in tree order (long → medium → short, then by due date and id), each followed
    by its stepping stones, with its depth in the tree. A goal whose parent is not among
    `goals` is a root; goals that are each other's parents come once."""
    shown = {goal.id for goal in goals}
    children: dict[int | None, list[Goal]] = defaultdict(list)
    for goal in goals:
        children[goal.parent_id if goal.parent_id in shown else None].append(goal)

    def order(goal: Goal) -> tuple[int, dt.date, int]:
        return (HORIZON_ORDER[goal.horizon], goal.due or dt.date.max, goal.id)

    seen: set[int | None] = set()

    def walk(root: Goal) -> Iterator[tuple[Goal, int]]:
        stack = [(root, 0)]
        while stack:  # not recursive: a chain of stepping stones may be thousands long
            goal, depth = stack.pop()
            if goal.id in seen:
                continue
            seen.add(goal.id)
            yield goal, depth
            for child in sorted(children.get(goal.id, []), key=order, reverse=True):
                stack.append((child, depth + 1))

    for root in sorted(children[None], key=order):
        yield from walk(root)
    for goal in sorted(goals, key=lambda g: g.id):  # only each other's parents
        if goal.id not in seen:
            yield from walk(goal)


def _goals_table(
    shown: list[tuple[Goal, int]],
    goals: Sequence[Goal],
    milestones: Sequence[Milestone],
    checkins: Sequence[CheckIn],
    filters: Filters,
    today: dt.date,
) -> Table:
    progress = progress_by_goal(goals, milestones, checkins)
    by_id: dict[int | None, Goal] = {goal.id: goal for goal in goals}  # parent ids: optional
    milestones_of: dict[int, list[Milestone]] = defaultdict(list)
    for milestone in milestones:
        milestones_of[milestone.goal_id].append(milestone)
    noun = "goal" if filters.everything or filters.status else "open goal"
    table = Table(
        counted(len(shown), noun).capitalize(),
        ("ID", "HORIZON", "STATUS", "DUE", "PROGRESS", "SMART", "TITLE"),
    )
    for goal, depth in shown:
        smart = check_smart(goal, today, milestones_of.get(goal.id, ()), by_id.get(goal.parent_id))
        closed = DIM if not goal.is_open else None
        late = goal_is_overdue(goal, today)
        table.rows.append(
            (
                Cell(str(goal.id), closed),
                Cell(goal.horizon.value, closed),
                Cell(goal.status.value, closed),
                _due(goal.due, late, closed),
                Cell(percent(progress.get(goal.id)), closed),
                Cell(smart.summary(), closed),
                Cell("  " * depth + _line(goal.title), closed),
            )
        )
    return table


def percent(fraction: float | None) -> str:
    """`40%`; 100% only when done (99.6% shows as 99%, as the progress bars say); `-`
    when nothing can tell."""
    if fraction is None or fraction != fraction:
        return "-"
    value = round(min(1.0, max(0.0, fraction)) * 100)
    return f"{min(value, 99) if fraction < 1.0 else 100}%"


# -- the other kinds ----------------------------------------------------------------------
def _milestones_table(milestones: Sequence[Milestone], every: bool, today: dt.date) -> Table:
    noun = "milestone" if every else "open milestone"
    table = Table(
        counted(len(milestones), noun).capitalize(), ("ID", "GOAL", "DUE", "DONE", "TITLE")
    )
    ordered = sorted(milestones, key=lambda m: (m.done_at is not None, m.due, m.id))
    for milestone in ordered:
        closed = DIM if milestone.done else None
        done = milestone.done_at.isoformat() if milestone.done_at else ""
        table.rows.append(
            (
                Cell(str(milestone.id), closed),
                Cell(str(milestone.goal_id), closed),
                _due(milestone.due, is_overdue(milestone, today), closed),
                Cell(done, closed),
                Cell(_line(milestone.title), closed),
            )
        )
    return table


def _people_table(people: Sequence[Person]) -> Table:
    table = Table(
        counted(len(people), "person", "people").capitalize(), ("ID", "RELATION", "NAME", "ROLE")
    )
    for person in people:
        role = ", ".join(part for part in (person.role, person.organisation) if part.strip())
        table.rows.append(
            (
                Cell(str(person.id)),
                Cell(person.relation.value),
                Cell(_line(person.name)),
                Cell(_line(role)),
            )
        )
    return table


def _learning_table(items: Sequence[LearningItem], filters: Filters, today: dt.date) -> Table:
    noun = "learning item" if filters.everything else "open learning item"
    table = Table(counted(len(items), noun).capitalize(), ("ID", "KIND", "STATUS", "DUE", "TITLE"))
    for item in items:
        closed = DIM if not item.is_open else None
        table.rows.append(
            (
                Cell(str(item.id), closed),
                Cell(item.kind.value, closed),
                Cell(item.status.value, closed),
                _due(item.due, item.is_late(today), closed),
                Cell(_line(item.title), closed),
            )
        )
    return table


def _reviews_table(reviews: Sequence[Review]) -> Table:
    table = Table(
        counted(len(reviews), "review").capitalize(), ("ID", "DATE", "PERIOD", "STATE", "COVERS")
    )
    for review in reviews:
        covers = f"{review.covers_from.isoformat()} to {review.covers_to.isoformat()}"
        table.rows.append(
            (
                Cell(str(review.id)),
                Cell(review.date.isoformat()),
                Cell(review.period.value),
                Cell("draft" if review.draft else "done", None if review.draft else DIM),
                Cell(covers),
            )
        )
    return table


def _due(day: dt.date | None, late: bool, style: str | None) -> Cell:
    if day is None:
        return Cell("-", style)
    return Cell(f"{LATE}{day.isoformat()}", ALARM) if late else Cell(day.isoformat(), style)


def _line(text: str) -> str:
    """Stored text on one line, every control character shown as an escape."""
    return printable(" ".join(text.split()))


# -- text ---------------------------------------------------------------------------------
def render_tables(tables: Iterable[Table], color: bool = False) -> str:
    """The tables as aligned text, a blank line between them; ANSI styles when `color`."""

    def styled(text: str, style: str | None) -> str:
        return f"{_CODES[style]}{text}\x1b[0m" if color and style and text else text

    blocks = []
    for table in tables:
        lines = [styled(table.heading, HEAD)]
        if table.rows:
            rows = [tuple(Cell(name, DIM) for name in table.columns), *table.rows]
            last = len(table.columns) - 1
            widths = [max(len(row[index].text) for row in rows) for index in range(last)]
            right = [name in table.right for name in table.columns]
            for row in rows:
                parts = []
                for index in range(last):
                    text, style = row[index]
                    pad = " " * (widths[index] - len(text))
                    shown = styled(text, style) if color else text
                    parts.append(pad + shown if right[index] else shown + pad)
                text, style = row[last]
                parts.append(styled(text, style) if color else text)
                lines.append("  " + "  ".join(parts).rstrip())
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"
