"""The CSV export, read back with csv.DictReader as a spreadsheet or a script would."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest

from growthtui.cli import main
from growthtui.domain.goals import Goal, Measure, Milestone
from growthtui.interop.csv_export import COLUMNS
from growthtui.interop.formats import export_text
from growthtui.store.repository import Store


def _rows(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff"), "a BOM tells spreadsheets the file is UTF-8"
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


def test_one_row_per_goal_and_per_milestone_with_iso_dates(
    seeded_store: Store, today: dt.date
) -> None:
    text = export_text(seeded_store, "csv", today)
    reader = csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    rows = list(reader)
    assert tuple(reader.fieldnames or ()) == COLUMNS

    goals = {str(g.id): g for g in seeded_store.list(Goal)}
    goal_rows = {r["id"]: r for r in rows if r["type"] == "goal"}
    assert goal_rows.keys() == goals.keys()
    for gid, goal in goals.items():
        row = goal_rows[gid]
        assert row["title"] == goal.title
        assert row["status"] == goal.status.value
        assert row["horizon"] == goal.horizon.value
        assert row["due"] == (goal.due.isoformat() if goal.due else "")
        assert row["parent_goal_id"] == (str(goal.parent_id) if goal.parent_id else "")

    milestones = {str(m.id): m for m in seeded_store.list(Milestone)}
    milestone_rows = {r["id"]: r for r in rows if r["type"] == "milestone"}
    assert milestone_rows.keys() == milestones.keys()
    for mid, milestone in milestones.items():
        row = milestone_rows[mid]
        assert row["title"] == milestone.title
        assert dt.date.fromisoformat(row["due"]) == milestone.due
        assert row["done"] == (milestone.done_at.isoformat() if milestone.done_at else "")
        assert row["goal_id"] == str(milestone.goal_id)
        assert row["goal"] == goals[row["goal_id"]].title
    assert len(rows) == len(goals) + len(milestones)


def test_states_and_progress_read_as_a_person_would(seeded_store: Store, today: dt.date) -> None:
    rows = _rows(export_text(seeded_store, "csv", today))
    by_title = {r["title"]: r for r in rows}
    assert by_title["Collect requirements from the finance team"]["status"] == "overdue"
    assert by_title["Draft the RFC"]["status"] == "open"
    assert by_title["Outline the RFC and circulate to Priya"]["status"] == "done"
    cert = by_title["Pass the AWS Solutions Architect Professional exam"]
    assert (cert["baseline"], cert["target"], cert["current"]) == ("55", "80", "68")
    assert cert["progress_percent"] == "52"
    achieved = by_title["Run the incident review program for a quarter"]
    assert achieved["done"] == "2026-09-24"


def test_cells_that_a_spreadsheet_would_run_as_formulas_are_defused(
    memory_store: Store, today: dt.date
) -> None:
    hostile = ['=HYPERLINK("http://evil.example","click")', "+1 talk", "-5 kg", "@SUM(A1:A9)"]
    for title in hostile:
        memory_store.add(
            Goal.build(
                title=title,
                measure=Measure(metric="weight", baseline=-5.5, target=-10),
                notes="=1+1",
            )
        )
    memory_store.add(Goal.build(title="Ünïcode — “quotes”, commas, and\nnew lines"))
    rows = _rows(export_text(memory_store, "csv", today))
    assert [r["title"] for r in rows[:4]] == [f"'{t}" for t in hostile]
    assert all(r["notes"] == "'=1+1" for r in rows[:4])
    # Numbers are numbers: a negative baseline is not text.
    assert (rows[0]["baseline"], rows[0]["target"]) == ("-5.5", "-10")
    assert rows[4]["title"] == "Ünïcode — “quotes”, commas, and\nnew lines"


def test_the_file_written_by_the_command_is_utf8_with_crlf_rows(
    seeded_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "plan.csv"
    monkeypatch.setenv("GROWTHTUI_TODAY", "2026-11-24")
    args = ["export", "--format", "csv", "-o", str(out), "--data", str(seeded_store.path)]
    assert main(args) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbftype,id,title,")
    assert raw.count(b"\r\n") >= seeded_store.count(Goal) + seeded_store.count(Milestone) + 1
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == seeded_store.count(Goal) + seeded_store.count(Milestone)


def test_control_characters_in_stored_text_are_shown_as_escapes(
    memory_store: Store, today: dt.date
) -> None:
    """A title from an import or a hand edit reaches `cat export.csv` as visible escapes;
    line breaks in notes stay line breaks."""
    goal = memory_store.add(
        Goal.build(title="Ship \x1b]52;c;aGk=\x07 \u202egnp", notes="one\ntwo\x1bc")
    )
    memory_store.add(Milestone.build(goal_id=goal.id, title="\x1b[2J=now", due=today))
    text = export_text(memory_store, "csv", today)
    for raw in ("\x1b", "\x07", "\u202e"):
        assert raw not in text
    goal_row, milestone_row = _rows(text)
    assert goal_row["title"] == "Ship \\x1b]52;c;aGk=\\x07 \\u202egnp"
    assert goal_row["notes"] == "one\ntwo\\x1bc"
    assert milestone_row["title"] == "\\x1b[2J=now"
    assert milestone_row["goal"] == goal_row["title"]
