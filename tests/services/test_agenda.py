"""`growthtui agenda`: what is overdue, what is coming, whom to call, when to review."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from growthtui.domain.errors import InvalidInput
from growthtui.domain.goals import Goal, Milestone
from growthtui.domain.kinds import GoalStatus
from growthtui.services.agenda import build_agenda, records_of, render_agenda
from growthtui.store.repository import Store
from tests.terminal import on_a_terminal

GOLDEN = Path(__file__).parent / "golden" / "agenda_seeded_7_days.txt"
UPDATE = os.environ.get("GROWTHTUI_UPDATE_GOLDEN") == "1"


def _agenda(store: Store, today: dt.date, days: int = 7, color: bool = False) -> str:
    return render_agenda(build_agenda(records_of(store), today, days), color=color)


def test_seeded_agenda_matches_the_golden_text(seeded_store: Store, today: dt.date) -> None:
    text = _agenda(seeded_store, today)
    if UPDATE:
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_sections_hold_the_overdue_the_coming_and_the_follow_ups(
    seeded_store: Store, today: dt.date
) -> None:
    text = _agenda(seeded_store, today)
    overdue, _, rest = text.partition("Due in the next 7 days")
    assert "Collect requirements from the finance team, 3 days late" in overdue
    assert "Draft the RFC, in 4 days" in rest
    assert "Priya Natarajan" in rest.split("Follow-ups")[1]
    assert "quarterly review due in 7 days (Tue 2026-12-01)" in text


def test_days_widens_and_narrows_the_look_ahead(seeded_store: Store, today: dt.date) -> None:
    week = _agenda(seeded_store, today, 7)
    fortnight = _agenda(seeded_store, today, 14)
    today_only = _agenda(seeded_store, today, 0)
    assert "Talk 2: incident review lessons" not in week
    assert "Talk 2: incident review lessons, in 9 days" in fortnight
    assert "Draft the RFC" not in today_only
    assert "today only" in today_only
    # Overdue does not depend on the look-ahead.
    assert "Collect requirements from the finance team" in today_only


def test_goal_deadlines_show_when_overdue_or_coming(memory_store: Store, today: dt.date) -> None:
    memory_store.add(Goal.build(title="Renew the on-call certificate", due=today))
    memory_store.add(
        Goal.build(title="Old plan", due=today - dt.timedelta(days=1), start=dt.date(2026, 1, 1))
    )
    text = _agenda(memory_store, today)
    assert "Tue 2026-11-24  goal #1 due: Renew the on-call certificate, today" in text
    overdue = text.split("Overdue (1)")[1].split("\n\n")[0]
    assert "goal #2 due: Old plan, 1 day late" in overdue


def test_milestones_of_closed_goals_are_not_on_the_agenda(
    memory_store: Store, today: dt.date
) -> None:
    done = memory_store.add(Goal.build(title="Done already", status=GoalStatus.ACHIEVED))
    dropped = memory_store.add(Goal.build(title="Let go", status=GoalStatus.DROPPED))
    for goal in (done, dropped):
        memory_store.add(Milestone.build(goal_id=goal.id, title=f"step of {goal.title}", due=today))
    text = _agenda(memory_store, today)
    assert "step of" not in text
    assert "Nothing due." in text


def test_colour_only_when_asked(seeded_store: Store, today: dt.date) -> None:
    assert "\x1b[" in _agenda(seeded_store, today, color=True)
    assert "\x1b" not in _agenda(seeded_store, today, color=False)


def test_escape_codes_typed_into_titles_never_reach_the_terminal(
    memory_store: Store, today: dt.date
) -> None:
    goal = memory_store.add(Goal.build(title="Ship \x1b[2Jit\x07"))
    memory_store.add(
        Milestone.build(goal_id=goal.id, title="clear \x1b]0;pwned\x07 screen", due=today)
    )
    memory_store.add(Goal.build(title="\u202egnp.exe", due=today))
    text = _agenda(memory_store, today)
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    # Shown, as visible escapes: a person sees that the title holds something odd.
    assert "clear \\x1b]0;pwned\\x07 screen, today" in text
    assert "goal #2 due: \\u202egnp.exe, today" in text


def test_an_unreasonable_look_ahead_is_refused(memory_store: Store, today: dt.date) -> None:
    with pytest.raises(InvalidInput, match="0 to 3650 days"):
        build_agenda(records_of(memory_store), today, 10**9)


# -- the command, as a user runs it ----------------------------------------------------------


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env.update(GROWTHTUI_TODAY="2026-11-24", **extra)
    return env


def test_piped_agenda_is_plain_text_equal_to_the_golden(seeded_store: Store) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "growthtui", "agenda", "--data", str(seeded_store.path)],
        capture_output=True,
        env=_env(),
        check=True,
    )
    assert b"\x1b" not in result.stdout
    assert result.stdout.decode("utf-8") == GOLDEN.read_text(encoding="utf-8")


def _agenda_on_a_terminal(path: Path, env: dict[str, str]) -> bytes:
    return on_a_terminal(["agenda", "--data", path], env)


def test_a_terminal_gets_colour_unless_no_color_is_set(seeded_store: Store) -> None:
    assert seeded_store.path is not None
    coloured = _agenda_on_a_terminal(seeded_store.path, _env())
    plain = _agenda_on_a_terminal(seeded_store.path, _env(NO_COLOR="1"))
    assert b"\x1b[" in coloured
    assert b"\x1b" not in plain
    assert b"Collect requirements from the finance team" in plain


def test_the_agenda_and_exports_never_load_textual(seeded_store: Store) -> None:
    script = (
        "import sys\n"
        "from growthtui.cli import main\n"
        f"path = {str(seeded_store.path)!r}\n"
        "assert main(['agenda', '--data', path]) == 0\n"
        "for fmt in ('json', 'md', 'csv', 'ics'):\n"
        "    assert main(['export', '--format', fmt, '--data', path]) == 0\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'textual')\n"
        "print('TEXTUAL:', loaded, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, env=_env(), check=True
    )
    assert b"TEXTUAL: []" in result.stderr
    assert b"growthtui agenda for Tue 2026-11-24" in result.stdout
