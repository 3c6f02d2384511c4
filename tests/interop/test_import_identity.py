"""Import matches records by their identity for life, never by short number: a record from
elsewhere is never mistaken for another that has its number here, links follow renumbered
records, the later of two changes wins, and nothing is dropped without a word."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from growthtui.domain.errors import InvalidInput
from growthtui.domain.evidence import Evidence
from growthtui.domain.goals import Goal, Milestone
from growthtui.domain.people import Person
from growthtui.domain.profile import Profile
from growthtui.domain.reviews import Decision, Review, ReviewDecision
from growthtui.interop.formats import import_file
from growthtui.interop.json_io import export_json, import_json
from growthtui.launch import main
from growthtui.store.repository import Store

TODAY = dt.date(2026, 11, 24)
NOW = dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Ran:
    code: int
    out: str
    err: str


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Callable[..., Ran]:
    """`run("--data", path, "add", "goal", "x")`: the command line, as typed in a shell."""
    monkeypatch.setenv("GROWTHTUI_TODAY", TODAY.isoformat())

    def run(*argv: str | Path) -> Ran:
        capsys.readouterr()
        code = main([str(a) for a in argv])
        out, err = capsys.readouterr()
        return Ran(code, out, err)

    return run


class Clock:
    def __init__(self, start: dt.datetime = NOW) -> None:
        self.at = start

    def __call__(self) -> dt.datetime:
        return self.at

    def tick(self) -> None:
        self.at += dt.timedelta(minutes=1)


def _titles(store: Store) -> list[tuple[int | None, str]]:
    return [(g.id, g.title) for g in store.list(Goal)]


def _export_file(store: Store, path: Path) -> Path:
    path.write_text(export_json(store), encoding="utf-8")
    return path


# -- finding 1, as reported ---------------------------------------------------------------
def test_two_copies_that_each_added_a_goal_keep_both_after_an_import(
    run: Callable[..., Ran], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "A").mkdir()
    assert run("--data", "A/g.json", "add", "goal", "shared").code == 0
    (tmp_path / "B").mkdir()
    shutil.copy(tmp_path / "A" / "g.json", tmp_path / "B" / "g.json")
    assert run("--data", "A/g.json", "add", "goal", "on A").code == 0
    assert run("--data", "B/g.json", "add", "goal", "on B").code == 0
    assert run("--data", "B/g.json", "export", "--format", "json", "-o", "b.json").code == 0

    imported = run("--data", "A/g.json", "import", "b.json")

    assert imported.code == 0, imported.err
    assert imported.out.splitlines() == [
        "imported b.json: 1 added, 0 updated, 1 unchanged; note:",
        "- goal 2 from b.json is now goal 3",
    ]
    store = Store.open(tmp_path / "A" / "g.json")
    assert _titles(store) == [(1, "shared"), (2, "on A"), (3, "on B")]
    on_disk = (tmp_path / "A" / "g.json").read_bytes()

    again = run("--data", "A/g.json", "import", "b.json")
    assert again.out.splitlines() == ["imported b.json: 0 added, 0 updated, 2 unchanged"]
    assert (tmp_path / "A" / "g.json").read_bytes() == on_disk


# -- renumbering and links ------------------------------------------------------------------
def test_a_renumbered_record_takes_every_link_to_it_along(tmp_path: Path) -> None:
    theirs = Store.in_memory(today=lambda: TODAY, now=lambda: NOW)
    theirs.add(Goal(title="Become a staff engineer", horizon="long"))
    child = theirs.add(Goal(title="Lead the migration", parent_id=1))
    theirs.add(Milestone(goal_id=2, title="Write the RFC", due=TODAY))
    theirs.add(Person(name="Priya", goal_ids=[1, 2]))
    theirs.add(Evidence(date=TODAY, text="Shipped phase one", goal_ids=[2], person_ids=[1]))
    theirs.add(
        Review(
            date=TODAY,
            covers_from=TODAY,
            covers_to=TODAY,
            decisions=[ReviewDecision(goal_id=2, decision=Decision.KEEP)],
            draft=True,
            pending_goal_id=2,
        )
    )
    path = _export_file(theirs, tmp_path / "theirs.json")
    mine = Store.in_memory(today=lambda: TODAY, now=lambda: NOW)
    for title in ("Learn Rust", "Run a marathon", "Write a book"):
        mine.add(Goal(title=title))
    mine.add(Person(name="Sam"))

    report = import_file(mine, path)

    assert report.notes == (
        "goal 1 from theirs.json is now goal 4",
        "goal 2 from theirs.json is now goal 5",
        "person 1 from theirs.json is now person 2",
    )
    moved = mine.get(Goal, 5)
    assert (moved.title, moved.parent_id, moved.uid) == (child.title, 4, child.uid)
    assert mine.get(Milestone, 1).goal_id == 5
    assert mine.get(Person, 2).goal_ids == [4, 5]
    evidence = mine.get(Evidence, 1)
    assert (evidence.goal_ids, evidence.person_ids) == ([5], [2])
    review = mine.get(Review, 1)
    assert ([d.goal_id for d in review.decisions], review.pending_goal_id) == ([5], 5)
    assert mine.get(Person, 1).name == "Sam"


def test_a_record_known_here_under_another_number_is_not_added_again(tmp_path: Path) -> None:
    mine = Store.in_memory(today=lambda: TODAY, now=lambda: NOW)
    mine.add(Goal(title="Learn Rust"))
    learned = export_json(mine)
    theirs = Store.in_memory(today=lambda: TODAY, now=lambda: NOW)
    theirs.add(Goal(title="Something of theirs"))
    import_json(theirs, json.loads(learned), "mine.json")  # Learn Rust is goal 2 there
    theirs.add(Milestone(goal_id=2, title="Read the book", due=TODAY))
    path = _export_file(theirs, tmp_path / "theirs.json")

    report = import_file(mine, path)

    assert (report.added, report.updated, report.skipped) == (2, 0, 1)
    assert _titles(mine) == [(1, "Learn Rust"), (2, "Something of theirs")]
    assert report.notes == ("goal 1 from theirs.json is now goal 2",)
    assert mine.get(Milestone, 1).goal_id == 1  # their goal 2 is goal 1 here


# -- the same record changed in both copies ------------------------------------------------
def _two_copies(tmp_path: Path) -> tuple[Store, Store, Clock]:
    clock = Clock()
    mine = Store.open(tmp_path / "mine.json", today=lambda: TODAY, now=clock)
    mine.add(Goal(title="Give a talk", due=dt.date(2027, 3, 1), notes="on the migration"))
    mine.add(Milestone(goal_id=1, title="Submit the abstract", due=dt.date(2027, 1, 10)))
    shutil.copy(tmp_path / "mine.json", tmp_path / "theirs.json")
    theirs = Store.open(tmp_path / "theirs.json", today=lambda: TODAY, now=clock)
    return mine, theirs, clock


def test_the_later_change_to_a_goal_wins_and_the_other_goes_into_its_history(
    tmp_path: Path,
) -> None:
    mine, theirs, clock = _two_copies(tmp_path)
    clock.tick()
    mine.update(mine.get(Goal, 1).edit(due=dt.date(2027, 6, 1)), reason="conference moved")
    clock.tick()
    theirs.update(
        theirs.get(Goal, 1).edit(due=dt.date(2027, 9, 1), notes="at KubeCon"), reason="KubeCon"
    )
    path = _export_file(theirs, tmp_path / "theirs-export.json")

    report = import_file(mine, path)

    goal = mine.get(Goal, 1)
    assert (goal.due, goal.notes) == (dt.date(2027, 9, 1), "at KubeCon")
    assert [(h.old, h.new, h.reason) for h in goal.history] == [
        ("2027-03-01", "2027-06-01", "conference moved"),
        ("2027-03-01", "2027-09-01", "KubeCon"),
        (
            "2027-06-01",
            "2027-09-01",
            "import: the value here was “2027-06-01”; the later change in "
            "theirs-export.json was kept",
        ),
    ]
    assert report.notes == (
        "goal 1 (“Give a talk”): changed here and in theirs-export.json; the later change, "
        "in theirs-export.json, was kept; the due here went into its history; its notes here "
        "were not kept",
    )
    # The other way round: their copy keeps its own later change and records mine.
    back = import_file(theirs, _export_file(Store.open(tmp_path / "mine.json"), tmp_path / "m"))
    assert theirs.get(Goal, 1).due == dt.date(2027, 9, 1)
    assert back.updated == 1
    assert ("2027-03-01", "2027-06-01", "conference moved") in [
        (h.old, h.new, h.reason) for h in theirs.get(Goal, 1).history
    ]


def test_an_earlier_change_in_the_file_is_recorded_not_applied(tmp_path: Path) -> None:
    mine, theirs, clock = _two_copies(tmp_path)
    clock.tick()
    theirs.update(theirs.get(Goal, 1).edit(title="Give two talks"), reason="ambitious")
    path = _export_file(theirs, tmp_path / "theirs-export.json")
    clock.tick()
    mine.update(mine.get(Goal, 1).edit(title="Give a lightning talk"), reason="smaller")

    import_file(mine, path)
    once = (tmp_path / "mine.json").read_bytes()
    again = import_file(mine, path)

    goal = mine.get(Goal, 1)
    assert goal.title == "Give a lightning talk"
    assert goal.history[-1].reason == (
        "import: theirs-export.json's value was “Give two talks”; the later change here was kept"
    )
    assert (again.updated, (tmp_path / "mine.json").read_bytes()) == (0, once)


def test_another_kind_keeps_the_later_version_and_names_the_one_not_kept(
    tmp_path: Path,
) -> None:
    mine, theirs, clock = _two_copies(tmp_path)
    clock.tick()
    theirs.update(theirs.get(Milestone, 1).edit(title="Submit two abstracts"))
    path = _export_file(theirs, tmp_path / "theirs-export.json")
    clock.tick()
    mine.update(mine.get(Milestone, 1).edit(due=dt.date(2027, 1, 20)))

    report = import_file(mine, path)

    assert mine.get(Milestone, 1).due == dt.date(2027, 1, 20)
    assert report.notes == (
        "milestone 1 (“Submit the abstract”): changed here and in theirs-export.json; the "
        "later change, here, was kept and the version in theirs-export.json was not imported",
    )
    mine_path = _export_file(Store.open(tmp_path / "mine.json"), tmp_path / "mine-export.json")
    report = import_file(theirs, mine_path)
    assert theirs.get(Milestone, 1) == mine.get(Milestone, 1)
    assert report.notes == (
        "milestone 1 (“Submit two abstracts”): changed here and in mine-export.json; the "
        "later change, in mine-export.json, was kept and the version here was replaced",
    )


def test_the_profile_is_one_record_whatever_its_uid(tmp_path: Path) -> None:
    mine = Store.in_memory(now=lambda: NOW)
    mine.save_profile(Profile(name="Alex"))
    theirs = Store.in_memory(now=lambda: NOW + dt.timedelta(hours=1))
    theirs.save_profile(Profile(name="Alex", vision="Staff engineer"))
    import_file(mine, _export_file(theirs, tmp_path / "theirs.json"))
    assert mine.count(Profile) == 1
    assert mine.profile().vision == "Staff engineer"


# -- exports of schema 1 (no uid) ----------------------------------------------------------
def _schema_1(export: str) -> dict[str, Any]:
    """The export as growthtui wrote it before identities: no uid, no modified."""
    data: dict[str, Any] = json.loads(export)
    data["schema_version"] = 1
    for table, records in data.items():
        if table != "schema_version":
            for record in records:
                del record["uid"], record["modified"]
    return data


def test_an_old_export_of_this_store_changes_nothing(seeded_store: Store) -> None:
    exported = export_json(seeded_store)
    # The store is upgraded (as its file would be), its export made before that.
    old = _schema_1(exported)
    report = import_json(seeded_store, old, "old.json")
    assert (report.added, report.updated) == (0, 0)
    assert export_json(seeded_store) == exported


def test_an_old_export_with_other_records_on_taken_numbers_adds_them_once(
    tmp_path: Path,
) -> None:
    theirs = Store.in_memory(now=lambda: NOW)
    theirs.add(Goal(title="Learn Rust"))
    theirs.add(Goal(title="Learn Go"))
    old = _schema_1(export_json(theirs))
    mine = Store.in_memory(now=lambda: NOW)
    mine.add(Goal(title="Learn Rust"))  # same number and content: the same goal
    mine.add(Goal(title="Run a marathon"))  # same number, another goal

    first = import_json(mine, old, "old.json")
    second = import_json(mine, json.loads(json.dumps(old)), "old.json")

    assert (first.added, first.skipped, first.notes) == (
        1,
        1,
        ("goal 2 from old.json is now goal 3",),
    )
    assert (second.added, second.updated, second.skipped) == (0, 0, 2)
    assert _titles(mine) == [(1, "Learn Rust"), (2, "Run a marathon"), (3, "Learn Go")]


def test_an_old_export_restores_into_an_empty_store(seeded_store: Store) -> None:
    old = _schema_1(export_json(seeded_store))
    empty = Store.in_memory(now=lambda: NOW)
    report = import_json(empty, old, "old.json")
    assert report.notes == ()
    assert _schema_1(export_json(empty)) == old


# -- refused, nothing written ---------------------------------------------------------------
def _goals(*parents: int | None) -> dict[str, Any]:
    return {
        "schema_version": 2,
        "goals": [
            {"id": n, "title": f"Goal {n}", "parent_id": parent}
            for n, parent in enumerate(parents, start=1)
        ],
    }


@pytest.mark.parametrize(
    "parents",
    [(2, 1), (2, 3, 1), (None, 3, 4, 2)],
    ids=["each other's parent", "a chain of three", "a loop below a root"],
)
def test_goals_that_are_each_others_stepping_stones_are_refused(
    seeded_store: Store, parents: tuple[int | None, ...]
) -> None:
    before = export_json(seeded_store)
    with pytest.raises(InvalidInput, match="each other's stepping stones") as refused:
        import_json(seeded_store, _goals(*parents), "loop.json")
    assert str(refused.value).count("\n") == 0
    assert "nothing was imported" in str(refused.value)
    assert export_json(seeded_store) == before


def test_a_loop_with_a_goal_already_here_is_refused(memory_store: Store) -> None:
    goal = memory_store.add(Goal(title="Here"))
    data = json.loads(export_json(memory_store))
    data["goals"][0]["parent_id"] = 2
    data["goals"][0]["modified"] = "2030-01-01T00:00:00Z"
    data["goals"].append({"id": 2, "title": "There", "parent_id": 1})
    with pytest.raises(InvalidInput, match="“Here” → “There” → “Here”"):
        import_json(memory_store, data, "loop.json")
    assert memory_store.list(Goal) == [goal]


@pytest.mark.parametrize(
    ("version", "said"),
    [(True, "true"), (1.0, "1.0"), ("2", '"2"'), (0, "0"), (None, "null")],
)
def test_a_schema_version_that_is_not_a_version_number_is_refused(
    memory_store: Store, version: Any, said: str
) -> None:
    data = {"schema_version": version, "goals": [{"id": 1, "title": "x"}]}
    with pytest.raises(InvalidInput, match=f"the schema_version {said}, not a version number"):
        import_json(memory_store, data, "odd.json")
    assert memory_store.is_empty()


@pytest.mark.parametrize(
    ("record", "said"),
    [
        ({"id": 2**64, "title": "x"}, "no valid 'id'"),
        ({"id": -3, "title": "x"}, "no valid 'id'"),
        ({"id": True, "title": "x"}, "no valid 'id'"),
        ({"id": 1, "title": "x", "parent_id": 2**70}, "links to goal 1180591620717411303424"),
        ({"id": 1, "title": "x", "uid": "not-a-uuid"}, "not an identity growthtui writes"),
        ({"id": 1, "title": "x", "modified": "2026-11-24T09:30:00"}, "timezone"),
    ],
)
def test_out_of_range_ids_and_odd_identities_get_one_sentence(
    memory_store: Store, record: dict[str, Any], said: str
) -> None:
    with pytest.raises(InvalidInput, match=said):
        import_json(memory_store, {"schema_version": 2, "goals": [record]}, "odd.json")
    assert memory_store.is_empty()


def test_a_review_pending_on_an_impossible_goal_is_refused(memory_store: Store) -> None:
    review = {
        "id": 1,
        "date": "2026-11-24",
        "covers_from": "2026-11-01",
        "covers_to": "2026-11-24",
        "pending_goal_id": 2**70,
    }
    with pytest.raises(InvalidInput, match="cannot exist"):
        import_json(memory_store, {"schema_version": 2, "reviews": [review]}, "odd.json")


def test_two_records_with_one_identity_in_a_file_are_refused(memory_store: Store) -> None:
    uid = "019a8f3c-2b1d-7e4f-9a0b-1c2d3e4f5a6b"
    data = {
        "schema_version": 2,
        "goals": [{"id": 1, "title": "a", "uid": uid}, {"id": 2, "title": "b", "uid": uid}],
    }
    with pytest.raises(InvalidInput, match="same identity"):
        import_json(memory_store, data, "twice.json")
    assert memory_store.is_empty()


def test_json_nested_200k_deep_gets_one_sentence(
    run: Callable[..., Ran], tmp_path: Path, memory_store: Store
) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 200_000 + "]" * 200_000)
    with pytest.raises(InvalidInput, match="nests lists or objects too deeply"):
        import_file(memory_store, deep)
    with pytest.raises(InvalidInput, match="too deeply"):
        import_file(memory_store, deep, "taskwarrior")
    ran = run("import", deep, "--data", tmp_path / "growth.json")
    assert ran.code == 2
    assert ran.err.count("\n") == 1 and "too deeply" in ran.err
    assert not (tmp_path / "growth.json").exists()


def test_a_huge_id_from_the_command_line_import_exits_2(
    run: Callable[..., Ran], tmp_path: Path
) -> None:
    odd = tmp_path / "odd.json"
    odd.write_text('{"schema_version": 2, "goals": [{"id": 18446744073709551616, "title": "x"}]}')
    ran = run("import", odd, "--data", tmp_path / "growth.json")
    assert (ran.code, ran.err.count("\n")) == (2, 1)
    assert "no valid 'id'" in ran.err
