"""JSON export and import: an exact round trip, and a merge by id that never duplicates."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from markdown_it import MarkdownIt

from growthtui.domain.assessment import Feedback, Skill, Trait
from growthtui.domain.base import Record
from growthtui.domain.entities import ENTITY_BY_TABLE
from growthtui.domain.errors import InvalidInput
from growthtui.domain.evidence import Evidence
from growthtui.domain.goals import CheckIn, Goal, Milestone
from growthtui.domain.learning import LearningItem
from growthtui.domain.people import Interaction, Person
from growthtui.domain.profile import Profile
from growthtui.domain.reviews import Review
from growthtui.interop.formats import export_text, import_file
from growthtui.interop.json_io import export_json, import_json
from growthtui.services.agenda import build_agenda, records_of, render_agenda
from growthtui.store.quick_read import read_agenda_records
from growthtui.store.repository import Store

TODAY = dt.date(2026, 11, 24)
NOW = dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.UTC)

# -- a strategy for any valid store: every link points at a record that exists -------------

_text = st.text(st.characters(codec="utf-8"), max_size=24)
_title = _text.filter(lambda s: bool(s.strip()))
_day = st.dates(dt.date(2000, 1, 1), dt.date(2060, 12, 31))
_number = st.floats(allow_nan=False, allow_infinity=False, width=64)
_level = st.integers(1, 5)


def _ids(draw: st.DrawFn, most: int) -> list[int]:
    """Sparse ids, as a store that has seen deletes has."""
    return sorted(draw(st.sets(st.integers(1, 60), max_size=most)))


def _subset(draw: st.DrawFn, ids: list[int]) -> list[int]:
    return draw(st.lists(st.sampled_from(ids), unique=True, max_size=3)) if ids else []


def _dated_pair(draw: st.DrawFn) -> tuple[dt.date | None, dt.date | None]:
    start, due = draw(st.none() | _day), draw(st.none() | _day)
    if start and due and due < start:
        start, due = due, start
    return start, due


@st.composite
def stores(draw: st.DrawFn) -> list[Record]:
    """The records of a valid store, linked at random."""
    out: list[Record] = []
    if draw(st.booleans()):
        out.append(
            Profile.model_validate(
                {
                    "id": 1,
                    "name": draw(_text),
                    "vision": draw(_text),
                    "review_cadence": draw(st.sampled_from(["weekly", "quarterly", "annual"])),
                }
            )
        )
    traits = _ids(draw, 3)
    for i in traits:
        kind = draw(st.sampled_from(["strength", "weakness", "opportunity", "threat"]))
        out.append(Trait.model_validate({"id": i, "kind": kind, "title": draw(_title)}))
    skills = _ids(draw, 3)
    for i in skills:
        ratings = [
            {"on": draw(_day).isoformat(), "level": draw(_level), "note": draw(_text)}
            for _ in range(draw(st.integers(0, 2)))
        ]
        out.append(
            Skill.model_validate(
                {
                    "id": i,
                    "name": draw(_title),
                    "ratings": ratings,
                    "trait_ids": _subset(draw, traits),
                }
            )
        )
    goals = _ids(draw, 5)
    for n, i in enumerate(goals):
        start, due = _dated_pair(draw)
        measure = {
            "metric": draw(_text),
            "target": draw(st.none() | _number),
            "current": draw(st.none() | _number),
        }
        history = [
            {
                "at": draw(st.datetimes(timezones=st.just(dt.UTC))).isoformat(),
                "field": "due",
                "old": draw(_text),
                "new": draw(_text),
                "reason": draw(_text),
            }
            for _ in range(draw(st.integers(0, 2)))
        ]
        out.append(
            Goal.model_validate(
                {
                    "id": i,
                    "title": draw(_title),
                    "horizon": draw(st.sampled_from(["short", "medium", "long"])),
                    "status": draw(st.sampled_from(["active", "paused", "achieved", "dropped"])),
                    "parent_id": draw(st.none() | st.sampled_from(goals[:n])) if n else None,
                    "specific": draw(_text),
                    "measure": measure,
                    "trait_ids": _subset(draw, traits),
                    "skill_ids": _subset(draw, skills),
                    "start": start,
                    "due": due,
                    "tags": draw(st.lists(_title, max_size=2)),
                    "history": history,
                    "external_id": draw(st.none() | _title),
                }
            )
        )
    milestones = _ids(draw, 5) if goals else []
    for i in milestones:
        out.append(
            Milestone.model_validate(
                {
                    "id": i,
                    "goal_id": draw(st.sampled_from(goals)),
                    "title": draw(_title),
                    "due": draw(_day),
                    "done_at": draw(st.none() | _day),
                    "notes": draw(_text),
                }
            )
        )
    for i in _ids(draw, 3) if goals else []:
        out.append(
            CheckIn.model_validate(
                {
                    "id": i,
                    "goal_id": draw(st.sampled_from(goals)),
                    "date": draw(_day),
                    "value": draw(st.none() | _number),
                    "confidence": draw(_level),
                }
            )
        )
    for i in _ids(draw, 2):
        start, due = _dated_pair(draw)
        out.append(
            LearningItem.model_validate(
                {
                    "id": i,
                    "title": draw(_title),
                    "start": start,
                    "due": due,
                    "hours": draw(st.floats(0, 1000)),
                    "skill_ids": _subset(draw, skills),
                    "goal_ids": _subset(draw, goals),
                }
            )
        )
    people = _ids(draw, 3)
    for i in people:
        out.append(
            Person.model_validate(
                {
                    "id": i,
                    "name": draw(_title),
                    "relation": draw(st.sampled_from(["mentor", "peer", "contact"])),
                    "follow_up_days": draw(st.none() | st.integers(1, 90)),
                    "goal_ids": _subset(draw, goals),
                }
            )
        )
    for i in _ids(draw, 3) if people else []:
        out.append(
            Interaction.model_validate(
                {
                    "id": i,
                    "person_id": draw(st.sampled_from(people)),
                    "date": draw(_day),
                    "summary": draw(_title),
                    "follow_up_on": draw(st.none() | _day),
                    "milestone_id": draw(st.none() | st.sampled_from(milestones))
                    if milestones
                    else None,
                }
            )
        )
    for i in _ids(draw, 3):
        out.append(
            Evidence.model_validate(
                {
                    "id": i,
                    "date": draw(_day),
                    "text": draw(_title),
                    "goal_ids": _subset(draw, goals),
                    "skill_ids": _subset(draw, skills),
                    "person_ids": _subset(draw, people),
                }
            )
        )
    for i in _ids(draw, 2):
        out.append(
            Feedback.model_validate(
                {
                    "id": i,
                    "date": draw(_day),
                    "text": draw(_title),
                    "person_id": draw(st.sampled_from(people)) if people else None,
                    "trait_ids": _subset(draw, traits),
                }
            )
        )
    for i in _ids(draw, 2):
        start, end = sorted([draw(_day), draw(_day)])
        decisions = [
            {"goal_id": g, "decision": draw(st.sampled_from(["keep", "adjust", "drop"]))}
            for g in _subset(draw, goals)
        ]
        out.append(
            Review.model_validate(
                {
                    "id": i,
                    "date": end.isoformat(),
                    "covers_from": start.isoformat(),
                    "covers_to": end.isoformat(),
                    "wins": draw(_text),
                    "satisfaction": draw(st.none() | _level),
                    "decisions": decisions,
                    "draft": draw(st.booleans()),
                }
            )
        )
    return out


def _memory_store() -> Store:
    return Store.in_memory(today=lambda: TODAY, now=lambda: NOW)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records=stores())
def test_any_store_survives_export_then_import_into_an_empty_store(records: list[Record]) -> None:
    original = _memory_store()
    original.add_many(records)
    exported = export_json(original)

    copy = _memory_store()
    report = import_json(copy, json.loads(exported))

    assert export_json(copy) == exported
    assert (report.added, report.updated, report.skipped) == (len(records), 0, 0)
    # Importing the same export again changes nothing and adds nothing.
    again = import_json(copy, json.loads(exported))
    assert (again.added, again.updated, again.skipped) == (0, 0, len(records))
    assert export_json(copy) == exported


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records=stores(), today=_day)
def test_every_format_reads_back_for_any_store(records: list[Record], today: dt.date) -> None:
    store = _memory_store()
    store.add_many(records)
    goals = [r for r in records if isinstance(r, Goal)]
    milestones = [r for r in records if isinstance(r, Milestone)]

    tokens = MarkdownIt("commonmark").enable("table").parse(export_text(store, "md", today))
    goal_sections = [t for t in tokens if t.type == "heading_open" and t.tag == "h4"]
    assert len(goal_sections) == sum(g.is_open for g in goals)

    text = export_text(store, "csv", today).removeprefix("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert sorted((r["type"], r["id"]) for r in rows) == sorted(
        [("goal", str(g.id)) for g in goals] + [("milestone", str(m.id)) for m in milestones]
    )

    calendar = Calendar.from_ical(export_text(store, "ics", today))
    uids = {str(e["UID"]) for e in calendar.walk("VEVENT")}
    assert {f"milestone-{m.id}@growthtui" for m in milestones} <= uids
    assert {f"goal-{g.id}@growthtui" for g in goals if g.due} <= uids

    agenda = render_agenda(build_agenda(records_of(store), today, 30))
    assert agenda.startswith(f"growthtui agenda for {today:%a} {today.isoformat()}")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records=stores(), today=_day, days=st.integers(0, 400))
def test_the_quick_read_gives_the_agenda_the_store_gives_for_any_store(
    records: list[Record], today: dt.date, days: int
) -> None:
    """`growthtui agenda` reads the file without pydantic when it can: for any valid store it
    must say exactly what the Store's models say."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "growth.json"
        store = Store.open(path, today=lambda: TODAY, now=lambda: NOW)
        store.add_many(records)
        quick = read_agenda_records(path)
        assert quick is not None
        expected = render_agenda(build_agenda(records_of(store), today, days))
        assert render_agenda(build_agenda(quick, today, days)) == expected


# -- the import identity test: two copies that both grew, imported both ways ----------------

Op = tuple[str, int, str]
"""(what, which record (an index, modulo how many there are), a text)."""

_ops = st.lists(
    st.tuples(
        st.sampled_from(
            # Adds weigh more: records added on both sides are what an import renumbers.
            [
                *(["add goal", "add milestone"] * 3),
                *("retitle goal", "note goal", "retitle milestone"),
                *("delete goal", "delete milestone", "delete person"),
            ]
        ),
        st.integers(0, 50),
        _title,
    ),
    max_size=6,
)


class _Ticking:
    """Each copy's clock: a minute later at every change."""

    def __init__(self, offset: int) -> None:
        self.at = NOW + dt.timedelta(seconds=offset)

    def __call__(self) -> dt.datetime:
        self.at += dt.timedelta(minutes=1)
        return self.at


def _grow(store: Store, ops: list[Op]) -> None:
    """Apply the changes a person makes to one copy between two imports."""
    for what, pick, text in ops:
        verb, kind = what.split(" ")
        model = {"goal": Goal, "milestone": Milestone, "person": Person}[kind]
        existing = store.list(model)
        if verb == "add" and kind == "goal":
            goals = store.list(Goal)
            parent = goals[-1].id if goals and pick % 2 else None
            store.add(Goal(title=text, parent_id=parent))
        elif verb == "add":  # often to the newest goal: perhaps one the other copy lacks
            goals = store.list(Goal)
            if goals:
                goal = goals[-1] if pick % 2 else goals[pick % len(goals)]
                store.add(Milestone(goal_id=goal.id or 0, title=text, due=TODAY))
        elif not existing:
            continue
        elif verb == "delete":
            store.delete(model, existing[pick % len(existing)].id or 0)
        else:
            record = existing[pick % len(existing)]
            field = "notes" if verb == "note" else "title"
            store.update(record.model_copy(update={field: text.strip()}), reason="grown")


def _by_uid(store: Store) -> dict[tuple[str, str], Record]:
    return {(r.table, r.uid): r for rows in store.dump().values() for r in rows}


def _links_by_uid(record: Record, store: Store) -> dict[str, list[str]]:
    """A record's links, as the identities of what they point at."""
    uids = {(r.table, r.id): r.uid for rows in store.dump().values() for r in rows}
    return {
        name: sorted(uids[(table, n)] for n in numbers)
        for name, (table, numbers) in record.link_fields().items()
    }


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records=stores(), grow_a=_ops, grow_b=_ops)
@example(  # each adds goal 2; theirs gets a milestone, which must follow it to its new number
    records=[Goal(id=1, title="Become a staff engineer")],
    grow_a=[("add goal", 0, "Learn Rust")],
    grow_b=[("add goal", 0, "Learn Go"), ("add milestone", 1, "Read the book")],
)
def test_two_copies_that_both_grew_keep_every_record_imported_both_ways(
    records: list[Record], grow_a: list[Op], grow_b: list[Op]
) -> None:
    a = Store.in_memory(today=lambda: TODAY, now=_Ticking(0))
    a.add_many(records)
    b = Store.in_memory(today=lambda: TODAY, now=_Ticking(30))
    import_json(b, json.loads(export_json(a)), "a.json")
    assert export_json(b) == export_json(a)  # two copies of one store
    _grow(a, grow_a)
    _grow(b, grow_b)
    before = {"a": _by_uid(a), "b": _by_uid(b)}
    exported = {"a": json.loads(export_json(a)), "b": json.loads(export_json(b))}

    reports = {
        "a": import_json(a, exported["b"], "b.json"),
        "b": import_json(b, exported["a"], "a.json"),
    }

    for side, store, other in (("a", a, "b"), ("b", b, "a")):
        after = _by_uid(store)
        assert set(before["a"]) | set(before["b"]) == set(after), "every record of both"
        for record in after.values():  # a review's decisions are history: they may dangle
            for name, (table, numbers) in record.link_fields().items():
                model = ENTITY_BY_TABLE[table]
                assert name == "decisions" or all(store.has(model, n) for n in numbers)
        for key, record in after.items():
            theirs = before[other].get(key)
            if key not in before[side] and theirs is not None:  # came from the other copy
                assert _links_by_uid(record, store) == _links_by_uid(
                    theirs, a if other == "a" else b
                )
        for key, mine in before[side].items():
            theirs = before[other].get(key)
            if theirs is None or mine.model_dump(exclude={"id", "modified", "history"}) == (
                theirs.model_dump(exclude={"id", "modified", "history"})
            ):
                continue
            local = after[key]
            assert any(n.startswith(f"{local.entity} {local.id} ") for n in reports[side].notes), (
                f"{local.entity} {local.id} differed and the report did not say"
            )
        # A second import of the same file changes nothing.
        settled = export_json(store)
        again = import_json(store, exported[other], f"{other}.json")
        assert (again.added, again.updated) == (0, 0)
        assert export_json(store) == settled


# -- merging into a store that already has data ---------------------------------------------


def _export(store: Store, today: dt.date) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(export_text(store, "json", today))
    return data


def _write(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_merge_adds_new_records_takes_later_changes_and_skips_equal_ones(
    seeded_store: Store, today: dt.date, tmp_path: Path
) -> None:
    data = _export(seeded_store, today)
    total = sum(len(v) for k, v in data.items() if k != "schema_version")
    goals_before = seeded_store.count(Goal)
    first = data["goals"][0]
    first["title"] = "Become a principal engineer"
    first["modified"] = "2026-11-25T08:00:00Z"  # changed in that copy after this one
    data["goals"].append({"id": 500, "title": "Write a book on ledgers", "horizon": "long"})
    data["milestones"].append(
        {"id": 700, "goal_id": 500, "title": "Outline chapters", "due": "2027-03-01"}
    )
    path = _write(tmp_path / "export.json", data)

    report = import_file(seeded_store, path, "json")

    assert (report.added, report.updated, report.skipped) == (2, 1, total - 1)
    assert report.summary() == f"2 added, 1 updated, {total - 1} unchanged"
    assert report.describe().splitlines() == [
        f"2 added, 1 updated, {total - 1} unchanged; note:",
        f"- goal {first['id']} (“Become a principal engineer”): changed here and in "
        "export.json; the later change, in export.json, was kept; the title here went into "
        "its history",
    ]
    assert seeded_store.count(Goal) == goals_before + 1
    goal = seeded_store.get(Goal, first["id"])
    assert goal.title == "Become a principal engineer"
    assert (goal.history[-1].old, goal.history[-1].new) == (
        "Become a staff engineer",
        "Become a principal engineer",
    )
    assert seeded_store.get(Milestone, 700).goal_id == 500

    second = import_file(seeded_store, path, "json")
    assert (second.added, second.updated, second.skipped) == (0, 0, total + 2)
    assert second.notes == ()
    assert seeded_store.count(Goal) == goals_before + 1


def test_a_bad_record_stops_the_whole_import(
    seeded_store: Store, today: dt.date, tmp_path: Path
) -> None:
    data = _export(seeded_store, today)
    before = export_text(seeded_store, "json", today)
    data["goals"].append({"id": 600, "title": "Fine"})
    data["milestones"].append({"id": 800, "goal_id": 600, "title": "No date"})
    path = _write(tmp_path / "broken.json", data)

    with pytest.raises(InvalidInput, match=r"milestones\[\d+\] \(id 800\).*due date"):
        import_file(seeded_store, path, "json")
    assert export_text(seeded_store, "json", today) == before


def test_a_link_to_nothing_is_refused_and_nothing_is_written(
    seeded_store: Store, today: dt.date, tmp_path: Path
) -> None:
    before = export_text(seeded_store, "json", today)
    data = {
        "schema_version": 2,
        "milestones": [{"id": 900, "goal_id": 4040, "title": "x", "due": "2027-01-01"}],
    }
    with pytest.raises(InvalidInput, match="no goal with id 4040"):
        import_file(seeded_store, _write(tmp_path / "dangling.json", data), "json")
    assert export_text(seeded_store, "json", today) == before


def test_a_taskwarrior_file_given_as_json_gets_a_hint(memory_store: Store, tmp_path: Path) -> None:
    path = _write(tmp_path / "tasks.json", {"uuid": "x", "description": "y"})
    with pytest.raises(InvalidInput, match="--from taskwarrior"):
        import_file(memory_store, path, "json")
    assert memory_store.is_empty()


def test_unknown_formats_are_refused_with_the_choices(memory_store: Store, today: dt.date) -> None:
    with pytest.raises(InvalidInput, match="json, md, csv, ics"):
        export_text(memory_store, "pdf", today)
    with pytest.raises(InvalidInput, match="json, taskwarrior"):
        import_file(memory_store, Path("whatever"), "omnifocus")
