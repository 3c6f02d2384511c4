"""Dates to 9999-12-31, the last the calendar holds: stored, shown and exported like any
other; "today" pinned there works; an offset that would pass it is one sentence."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from icalendar import Calendar

if TYPE_CHECKING:  # fixtures' types, from tests/cli/conftest.py
    from conftest import Files, Run

LAST = "9999-12-31"


@pytest.fixture
def far(run: Run, store_path: Path) -> Path:
    """A goal and a milestone due on the calendar's last day, a person to follow up."""
    assert run("add", "goal", "Someday", "--due", LAST, "--data", store_path).code == 0
    assert run("add", "milestone", "1", "Last step", "--due", LAST, "--data", store_path).code == 0
    assert run("log", "Started", "--goal", "1", "--data", store_path).code == 0
    return store_path


@pytest.mark.parametrize("fmt", ["json", "md", "csv", "ics"])
def test_every_export_of_the_last_day_works(run: Run, far: Path, fmt: str) -> None:
    result = run("export", "--format", fmt, "--data", far)
    assert (result.code, result.err) == (0, ""), result.err
    assert LAST in result.out or "99991231" in result.out
    if fmt == "ics":
        events = {str(e["UID"]): e for e in Calendar.from_ical(result.out).walk("VEVENT")}
        for uid in ("goal-1@growthtui", "milestone-1@growthtui"):
            assert events[uid].decoded("DTSTART") == dt.date.max
            assert "DTEND" not in events[uid]  # one all-day event, on that day


@pytest.mark.parametrize("days", ["0", "7", "365", "3650"])
def test_agenda_with_today_on_the_last_day(
    run: Run, far: Path, monkeypatch: pytest.MonkeyPatch, days: str
) -> None:
    monkeypatch.setenv("GROWTHTUI_TODAY", LAST)
    result = run("agenda", "--days", days, "--data", far)
    assert (result.code, result.err) == (0, ""), result.err
    assert result.out.startswith(f"growthtui agenda for Fri {LAST}")
    assert "Last step, today  (goal #1: Someday)" in result.out


def test_agenda_on_the_calendars_first_day(
    run: Run, far: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GROWTHTUI_TODAY", "0001-01-01")
    result = run("agenda", "--days", "3650", "--data", far)
    assert (result.code, result.err) == (0, ""), result.err


@pytest.mark.parametrize(
    ("pinned", "due"),
    [
        (LAST, "tomorrow"),
        (LAST, "+1d"),
        ("9999-12-01", "+31d"),
        ("9999-12-28", "1w"),
        ("9999-06-01", "1y"),
        ("9999-12-15", "1m"),
        ("2026-11-24", "9999y"),
        ("0001-01-01", "yesterday"),
    ],
)
def test_an_offset_past_the_calendar_is_one_sentence_and_nothing_is_written(
    run: Run,
    files: Files,
    far: Path,
    monkeypatch: pytest.MonkeyPatch,
    pinned: str,
    due: str,
) -> None:
    monkeypatch.setenv("GROWTHTUI_TODAY", pinned)
    before = files(far.parent)
    for argv in (
        ["add", "goal", "Later", f"--due={due}"],
        ["add", "milestone", "1", "Later", f"--due={due}"],
        ["log", "Then", f"--date={due}"],
    ):
        result = run(*argv, "--data", far)
        assert (result.code, result.out) == (2, "")
        field = "" if argv[0] == "log" else " for the due date"
        assert result.err_lines == [
            f"growthtui: '{due}' is too far away{field}: use a smaller offset or a date "
            "between 0001-01-01 and 9999-12-31"
        ]
    assert files(far.parent) == before
