"""Every kind of record and link through a sync; the cases a field merge alone would get
wrong (one profile, goals made each other's parents, a deleted goal that a new milestone
needs); the command's help and `--auto`."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest

from growthtui import cli
from growthtui.domain.goals import Goal, Milestone
from growthtui.domain.profile import Profile
from growthtui.interop.json_io import export_json
from growthtui.services.seed import seed

from .conftest import TODAY, at, git, open_copy, records, run_sync

Capsys = pytest.CaptureFixture[str]


def test_a_new_copy_receives_every_kind_and_link_exactly(
    capsys: Capsys, remote: Path, laptop: Path, box: Path
) -> None:
    store = open_copy(laptop, at(1))
    seed(store, TODAY)
    run_sync(capsys, laptop, "--remote", str(remote))

    code, out, _ = run_sync(capsys, box, "--remote", str(remote))

    assert code == 0
    assert out.startswith(f"{sum(len(r) for r in store.dump().values())} received, 0 sent")
    # Numbers free on the new copy: every record keeps its number, links and all.
    assert export_json(open_copy(box)) == export_json(open_copy(laptop))


def test_a_change_to_every_kind_travels_and_back(
    capsys: Capsys, remote: Path, laptop: Path, box: Path
) -> None:
    seed(open_copy(laptop, at(1)), TODAY)
    run_sync(capsys, laptop, "--remote", str(remote))
    run_sync(capsys, box, "--remote", str(remote))
    theirs = open_copy(box, at(5))
    for model, rows in theirs.dump().items():
        record = rows[-1]
        for name in ("notes", "summary", "text", "category", "advice", "went_well"):
            if name in type(record).model_fields and isinstance(getattr(record, name), str):
                theirs.update(record.model_copy(update={name: f"changed on the box ({model})"}))
                break
    run_sync(capsys, box)

    run_sync(capsys, laptop)

    assert records(laptop) == records(box)
    assert export_json(open_copy(box)) == export_json(open_copy(laptop))


def test_two_profiles_made_apart_become_one(
    capsys: Capsys, remote: Path, laptop: Path, box: Path
) -> None:
    open_copy(laptop, at(1)).save_profile(Profile(name="Sam", role="Engineer"))
    open_copy(box, at(2)).save_profile(Profile(name="Sam B.", role="Lead"))
    run_sync(capsys, laptop, "--remote", str(remote))

    code, out, _ = run_sync(capsys, box, "--remote", str(remote))
    run_sync(capsys, laptop)

    assert code == 0
    assert out == (
        "0 received, 2 sent, the profile was filled in here and on the remote separately; "
        "the later one was kept\n"
    )
    for path in (laptop, box):
        profiles = open_copy(path).list(Profile)
        assert [(p.name, p.role) for p in profiles] == [("Sam B.", "Lead")]


def test_goals_made_each_others_parent_on_two_sides_lose_one_link(
    capsys: Capsys, remote: Path, laptop: Path, box: Path
) -> None:
    store = open_copy(laptop, at(1))
    store.add(Goal(title="A"))
    store.add(Goal(title="B"))
    run_sync(capsys, laptop, "--remote", str(remote))
    run_sync(capsys, box, "--remote", str(remote))
    mine = open_copy(laptop, at(10))
    mine.update(mine.get(Goal, 1).model_copy(update={"parent_id": 2}))
    theirs = open_copy(box, at(20))
    theirs.update(theirs.get(Goal, 2).model_copy(update={"parent_id": 1}))
    run_sync(capsys, box)

    code, out, _ = run_sync(capsys, laptop)
    run_sync(capsys, box)

    assert code == 0
    assert "goal 2 (“B”) and its parent were each other's stepping stones" in out
    for path in (laptop, box):
        parents = {g.title: g.parent_id for g in open_copy(path).list(Goal)}
        assert parents == {"A": 2, "B": None}
    assert records(laptop) == records(box)


def test_a_goal_deleted_here_stays_when_the_other_side_gave_it_a_milestone(
    capsys: Capsys, remote: Path, laptop: Path, box: Path
) -> None:
    open_copy(laptop, at(1)).add(Goal(title="Talks"))
    run_sync(capsys, laptop, "--remote", str(remote))
    run_sync(capsys, box, "--remote", str(remote))
    open_copy(laptop, at(10)).delete(Goal, 1)
    open_copy(box, at(5)).add(Milestone(goal_id=1, title="Submit a CFP", due=TODAY))
    run_sync(capsys, box)

    code, out, _ = run_sync(capsys, laptop)

    assert code == 0
    assert "goal 1 (“Talks”): was deleted on one side but is still linked to" in out
    here = open_copy(laptop)
    assert [g.title for g in here.list(Goal)] == ["Talks"]
    assert [(m.goal_id, m.title) for m in here.list(Milestone)] == [(1, "Submit a CFP")]
    run_sync(capsys, box)
    assert records(laptop) == records(box)


def test_help_names_sync_and_its_options(capsys: Capsys) -> None:
    assert cli.main(["--help"]) == 0
    assert "sync" in capsys.readouterr().out
    assert cli.main(["sync", "--help"]) == 0
    shown = capsys.readouterr().out
    for word in ("--remote", "--auto", "--no-auto", "--quiet", "--data"):
        assert word in shown


def test_with_auto_a_stored_goal_reaches_the_remote_by_itself(
    capsys: Capsys, remote: Path, laptop: Path
) -> None:
    assert run_sync(capsys, laptop, "--remote", str(remote), "--auto")[0] == 0

    assert cli.main(["--data", str(laptop), "add", "goal", "Sent by itself"]) == 0

    deadline = time.monotonic() + 120
    held = ""
    while "Sent by itself" not in held and time.monotonic() < deadline:
        done = subprocess.run(
            ["git", "--git-dir", str(remote), "show", "main:goals.json"],
            capture_output=True,
            text=True,
            check=False,
        )
        held = done.stdout
        time.sleep(0.05)  # polling the remote for the background sync's push
    assert "Sent by itself" in held
    assert git("--git-dir", str(remote), "rev-list", "--count", "main") == "1"
