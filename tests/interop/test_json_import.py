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
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from markdown_it import MarkdownIt

from growthtui.domain import (
    CheckIn,
    Evidence,
    Feedback,
    Goal,
    Interaction,
    InvalidInput,
    LearningItem,
    Milestone,
    Person,
    Profile,
    Record,
    Review,
    Skill,
    Trait,
)
from growthtui.interop.formats import export_text, import_file
from growthtui.interop.json_io import export_json, import_json
from growthtui.services.agenda import build_agenda, records_of, render_agenda
from growthtui.store import Store
from growthtui.store.quick_read import read_agenda_records

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


# -- merging into a store that already has data ---------------------------------------------


def _export(store: Store, today: dt.date) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(export_text(store, "json", today))
    return data


def _write(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_merge_adds_new_ids_updates_changed_ones_and_skips_equal_ones(
    seeded_store: Store, today: dt.date, tmp_path: Path
) -> None:
    data = _export(seeded_store, today)
    total = sum(len(v) for k, v in data.items() if k != "schema_version")
    goals_before = seeded_store.count(Goal)
    data["goals"][0]["title"] = "Become a principal engineer"
    data["goals"].append({"id": 500, "title": "Write a book on ledgers", "horizon": "long"})
    data["milestones"].append(
        {"id": 700, "goal_id": 500, "title": "Outline chapters", "due": "2027-03-01"}
    )
    path = _write(tmp_path / "export.json", data)

    report = import_file(seeded_store, path, "json")

    assert (report.added, report.updated, report.skipped) == (2, 1, total - 1)
    assert report.describe() == f"2 added, 1 updated, {total - 1} unchanged"
    assert seeded_store.count(Goal) == goals_before + 1
    assert seeded_store.get(Goal, data["goals"][0]["id"]).title == "Become a principal engineer"
    assert seeded_store.get(Milestone, 700).goal_id == 500

    second = import_file(seeded_store, path, "json")
    assert (second.added, second.updated, second.skipped) == (0, 0, total + 2)
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
        "schema_version": 1,
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
