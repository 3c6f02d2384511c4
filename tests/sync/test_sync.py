"""`growthtui sync` through a local bare repository: what each side made is kept, the same
field changed on both sides keeps the later change (the other in the goal's history), a
deleted record edited elsewhere stays, short numbers stay local, a sync with nothing new
writes nothing, and an unreachable remote, no remote or no git is one sentence, exit 2."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from growthtui.domain.assessment import Skill
from growthtui.domain.base import Record
from growthtui.domain.goals import Goal, Milestone
from growthtui.services.sync import clone_path
from growthtui.services.sync_status import sync_status
from growthtui.store.sync_shared import DECISIONS, LINKS

from .conftest import at, git, open_copy, records, run_sync

Capsys = pytest.CaptureFixture[str]


def test_every_link_field_of_every_kind_is_known_to_the_shared_form() -> None:
    """A new link field would be stored by short number in git, which differs per copy."""
    from growthtui.domain.entities import ENTITIES

    for model in ENTITIES:
        for name in _link_names(model):
            assert name in LINKS or name == DECISIONS, (model.table, name)


def _link_names(model: type[Record]) -> set[str]:
    names = {n for n in model.model_fields if n.endswith(("_id", "_ids")) and n != "external_id"}
    return names | ({DECISIONS} if DECISIONS in model.model_fields else set())


def test_adds_on_both_sides_are_kept_on_both(
    capsys: Capsys, remote: Path, laptop: Path, box: Path
) -> None:
    store = open_copy(laptop, at(1))
    goal = store.add(Goal(title="Ship the ledger RFC"))
    store.add(Milestone(goal_id=goal.id or 0, title="Draft", due=at(0).date()))
    open_copy(box, at(2)).add(Goal(title="Run a 10k"))

    assert run_sync(capsys, laptop, "--remote", str(remote))[:2] == (0, "0 received, 2 sent\n")
    code, out, err = run_sync(capsys, box, "--remote", str(remote))
    assert (code, err) == (0, "")
    assert out.startswith("2 received, 1 sent")
    assert run_sync(capsys, laptop)[:2] == (
        0,
        "1 received, 0 sent, goal 1 from the remote is now goal 2 here\n",
    )

    assert records(laptop) == records(box)
    titles = sorted(g.title for g in open_copy(laptop).list(Goal))
    assert titles == ["Run a 10k", "Ship the ledger RFC"]


def test_both_sides_made_goal_1_one_is_renumbered_here_with_its_links(
    capsys: Capsys, remote: Path, laptop: Path, box: Path
) -> None:
    open_copy(laptop, at(1)).add(Goal(title="Laptop's goal"))
    box_store = open_copy(box, at(2))
    box_goal = box_store.add(Goal(title="Box's goal"))
    box_store.add(Milestone(goal_id=box_goal.id or 0, title="Box's step", due=at(0).date()))
    assert box_goal.id == 1
    run_sync(capsys, box, "--remote", str(remote))

    code, out, _ = run_sync(capsys, laptop, "--remote", str(remote))

    assert code == 0
    assert out == "2 received, 1 sent, goal 1 from the remote is now goal 2 here\n"
    here = open_copy(laptop)
    assert here.get(Goal, 1).title == "Laptop's goal"
    assert here.get(Goal, 2).title == "Box's goal"
    assert [m.goal_id for m in here.list(Milestone)] == [2]  # its link remapped
    # The box keeps its own numbers: its goal is still goal 1 there.
    run_sync(capsys, box)
    there = open_copy(box)
    assert there.get(Goal, 1).title == "Box's goal"
    assert there.get(Goal, 2).title == "Laptop's goal"
    assert records(laptop) == records(box)


def _in_step(capsys: Capsys, remote: Path, laptop: Path, box: Path) -> int:
    goal = open_copy(laptop, at(1)).add(Goal(title="Learn Rust", notes="start"))
    run_sync(capsys, laptop, "--remote", str(remote))
    run_sync(capsys, box, "--remote", str(remote))
    assert goal.id is not None
    return goal.id


def test_the_same_field_changed_on_both_keeps_the_later_change_and_the_other_in_history(
    capsys: Capsys, remote: Path, laptop: Path, box: Path
) -> None:
    number = _in_step(capsys, remote, laptop, box)
    mine = open_copy(laptop, at(10))
    mine.update(mine.get(Goal, number).model_copy(update={"title": "Learn Rust, early"}))
    theirs = open_copy(box, at(20))  # later
    theirs.update(
        theirs.get(Goal, number).model_copy(update={"title": "Learn Rust well", "notes": "box"})
    )
    run_sync(capsys, box)

    code, out, _ = run_sync(capsys, laptop)

    assert code == 0
    goal = open_copy(laptop).get(Goal, number)
    assert goal.title == "Learn Rust well"
    assert goal.notes == "box"
    lost = [h for h in goal.history if h.reason.startswith("sync:")]
    assert [(h.field, h.old, h.new) for h in lost] == [
        ("title", "Learn Rust, early", "Learn Rust well")
    ]
    # Both copies run on this machine: with one name, the history says "here".
    assert lost[0].reason == (
        "sync: the value here was “Learn Rust, early”; the later change on the remote was kept"
    )
    assert "changed here and on the remote" in out
    run_sync(capsys, box)
    assert records(laptop) == records(box)


def test_different_fields_changed_on_each_side_are_both_kept(
    capsys: Capsys, remote: Path, laptop: Path, box: Path
) -> None:
    number = _in_step(capsys, remote, laptop, box)
    mine = open_copy(laptop, at(10))
    mine.update(mine.get(Goal, number).model_copy(update={"title": "Learn Rust well"}))
    theirs = open_copy(box, at(5))
    theirs.update(theirs.get(Goal, number).model_copy(update={"notes": "from the box"}))
    run_sync(capsys, box)

    run_sync(capsys, laptop)
    run_sync(capsys, box)

    for path in (laptop, box):
        goal = open_copy(path).get(Goal, number)
        assert (goal.title, goal.notes) == ("Learn Rust well", "from the box")
        assert not [h for h in goal.history if h.reason.startswith("sync:")]
    assert records(laptop) == records(box)


def test_another_kind_changed_on_both_names_the_version_not_kept_in_the_report(
    capsys: Capsys, remote: Path, laptop: Path, box: Path
) -> None:
    open_copy(laptop, at(1)).add(Skill(name="SQL"))
    run_sync(capsys, laptop, "--remote", str(remote))
    run_sync(capsys, box, "--remote", str(remote))
    mine = open_copy(laptop, at(30))  # later
    mine.update(mine.get(Skill, 1).model_copy(update={"category": "data"}))
    theirs = open_copy(box, at(20))
    theirs.update(theirs.get(Skill, 1).model_copy(update={"category": "databases"}))
    run_sync(capsys, laptop)

    code, out, _ = run_sync(capsys, box)

    assert code == 0
    assert "skill 1 (“SQL”): changed here and on the remote; the later change, on the remote" in out
    assert "its category here was not kept" in out
    assert open_copy(box).get(Skill, 1).category == "data"


def test_deleted_on_one_side_and_edited_on_the_other_is_kept(
    capsys: Capsys, remote: Path, laptop: Path, box: Path
) -> None:
    number = _in_step(capsys, remote, laptop, box)
    open_copy(laptop, at(10)).delete(Goal, number)
    theirs = open_copy(box, at(5))
    theirs.update(theirs.get(Goal, number).model_copy(update={"notes": "still going"}))
    run_sync(capsys, laptop)

    code, out, _ = run_sync(capsys, box)
    run_sync(capsys, laptop)

    assert code == 0
    assert "was deleted on the remote and changed here; it was kept" in out
    for path in (laptop, box):
        assert [g.notes for g in open_copy(path).list(Goal)] == ["still going"]
    assert records(laptop) == records(box)


def test_deleted_on_one_side_and_untouched_on_the_other_is_deleted_on_both(
    capsys: Capsys, remote: Path, laptop: Path, box: Path
) -> None:
    number = _in_step(capsys, remote, laptop, box)
    open_copy(box, at(10)).delete(Goal, number)
    run_sync(capsys, box)

    code, out, _ = run_sync(capsys, laptop)

    assert (code, out) == (0, "1 received, 0 sent\n")
    assert open_copy(laptop).list(Goal) == []


def test_a_sync_with_nothing_new_makes_no_commit_and_writes_no_file(
    capsys: Capsys, remote: Path, laptop: Path, box: Path
) -> None:
    _in_step(capsys, remote, laptop, box)
    run_sync(capsys, laptop)  # the laptop learns the box is in step
    before = _files(laptop.parent)
    head = git("--git-dir", str(remote), "rev-parse", "main")

    assert run_sync(capsys, laptop) == (0, "0 received, 0 sent\n", "")
    assert run_sync(capsys, box) == (0, "0 received, 0 sent\n", "")

    after = _files(laptop.parent)
    assert git("--git-dir", str(remote), "rev-parse", "main") == head
    changed = {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}
    # git's fetch rewrites FETCH_HEAD, and the sync marks when it was last in step: nothing else.
    assert changed <= {"growth.json.sync/FETCH_HEAD", "growth.json.sync/growthtui-synced"}
    assert before["growth.json"] == after["growth.json"]


def _files(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under `folder`: its bytes and modification time."""
    found = {}
    for path in folder.rglob("*"):
        if path.is_file():
            found[str(path.relative_to(folder))] = (path.read_bytes(), path.stat().st_mtime_ns)
    return found


def test_an_unreachable_remote_is_one_sentence_and_the_next_sync_sends_what_waited(
    capsys: Capsys, remote: Path, laptop: Path, box: Path, tmp_path: Path
) -> None:
    _in_step(capsys, remote, laptop, box)
    open_copy(laptop, at(10)).add(Goal(title="Made offline"))
    saved = laptop.read_bytes()
    away = tmp_path / "away.git"
    remote.rename(away)

    code, out, err = run_sync(capsys, laptop)

    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert err.startswith(f"growthtui: cannot reach the remote {remote} (")
    assert err.endswith("nothing here was lost, and the next sync sends it\n")
    assert laptop.read_bytes() == saved
    away.rename(remote)
    assert run_sync(capsys, laptop)[:2] == (0, "0 received, 1 sent\n")
    assert run_sync(capsys, box)[:2] == (0, "1 received, 0 sent\n")
    assert "Made offline" in [g.title for g in open_copy(box).list(Goal)]


def test_no_remote_set_is_one_sentence(capsys: Capsys, laptop: Path) -> None:
    open_copy(laptop).add(Goal(title="Mine"))

    code, out, err = run_sync(capsys, laptop)

    assert (code, out) == (2, "")
    assert err == (
        f"growthtui: no remote is set for {laptop}: run `growthtui sync --remote URL` once (a "
        "git URL such as ssh://host/path/growth.git or user@host:growth.git)\n"
    )
    assert not clone_path(laptop).exists()


def test_a_remote_url_that_is_an_option_is_refused(capsys: Capsys, laptop: Path) -> None:
    code, _, err = run_sync(capsys, laptop, "--remote=--upload-pack=touch x")
    assert code == 2
    assert "is not a git URL" in err
    assert not clone_path(laptop).exists()


def test_git_missing_is_one_sentence(
    capsys: Capsys, remote: Path, laptop: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_copy(laptop).add(Goal(title="Mine"))
    saved = laptop.read_bytes()
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))

    code, out, err = run_sync(capsys, laptop, "--remote", str(remote))

    assert (code, out) == (2, "")
    assert err == (
        "growthtui: git is not installed (or not on PATH): install git to sync; nothing was "
        "changed\n"
    )
    assert laptop.read_bytes() == saved


def test_the_remote_reads_as_a_history_one_file_per_kind(
    capsys: Capsys, remote: Path, laptop: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GROWTHTUI_SYNC_NAME", "laptop")
    store = open_copy(laptop, at(1))
    goal = store.add(Goal(title="Ship the ledger RFC"))
    store.add(Milestone(goal_id=goal.id or 0, title="Draft", due=at(0).date()))
    run_sync(capsys, laptop, "--remote", str(remote))

    files = git("--git-dir", str(remote), "ls-tree", "--name-only", "main").split()
    assert files == ["goals.json", "milestones.json", "schema.json"]
    milestones = json.loads(git("--git-dir", str(remote), "show", "main:milestones.json"))
    assert milestones[0]["goal_id"] == goal.uid  # links by identity, never by short number
    log = git("--git-dir", str(remote), "log", "--format=%an: %s", "main")
    assert log == "growthtui on laptop: sync from laptop: 1 goal added, 1 milestone added"


def test_sync_auto_is_remembered_and_a_change_then_starts_a_sync(
    capsys: Capsys, remote: Path, laptop: Path
) -> None:
    from growthtui.services.sync import auto_enabled

    assert run_sync(capsys, laptop, "--remote", str(remote), "--auto")[0] == 0
    assert auto_enabled(laptop)
    assert run_sync(capsys, laptop, "--no-auto")[0] == 0
    assert not auto_enabled(laptop)


def test_the_status_line_counts_the_changes_to_send(
    capsys: Capsys, remote: Path, laptop: Path, box: Path
) -> None:
    assert sync_status(laptop) == ""
    _in_step(capsys, remote, laptop, box)
    synced = (clone_path(laptop) / "growthtui-synced").stat().st_mtime
    assert sync_status(laptop, now=synced + 3 * 3600) == "synced 3 h ago"
    store = open_copy(laptop, at(10))
    store.add(Goal(title="One"))
    store.add(Goal(title="Two"))
    assert sync_status(laptop, now=synced + 60) == "synced 1 min ago · 2 changes to send"
    run_sync(capsys, laptop)
    assert sync_status(laptop).endswith("just now")
    assert os.path.isdir(clone_path(laptop))


def test_the_status_line_reads_the_apps_open_store(
    capsys: Capsys, remote: Path, laptop: Path, box: Path
) -> None:
    _in_step(capsys, remote, laptop, box)
    store = open_copy(laptop, at(10))
    store.add(Goal(title="One"))
    assert sync_status(laptop, store=store).endswith(" · 1 change to send")


def test_sync_now_says_what_it_did_or_why_not_and_never_raises(
    capsys: Capsys, remote: Path, laptop: Path
) -> None:
    from growthtui.services.sync_status import sync_now

    open_copy(laptop, at(1)).add(Goal(title="Mine"))
    done, said = sync_now(laptop)
    assert not done
    assert said.startswith("no remote is set for ")
    run_sync(capsys, laptop, "--remote", str(remote))
    open_copy(laptop, at(2)).add(Goal(title="Another"))
    assert sync_now(laptop) == (True, "0 received, 1 sent")


def test_a_store_file_gone_from_a_synced_copy_receives_everything_and_deletes_nothing(
    capsys: Capsys, remote: Path, laptop: Path, box: Path
) -> None:
    _in_step(capsys, remote, laptop, box)
    laptop.unlink()

    code, out, _ = run_sync(capsys, laptop)

    assert (code, out) == (0, "1 received, 0 sent\n")
    assert [g.title for g in open_copy(laptop).list(Goal)] == ["Learn Rust"]
    assert run_sync(capsys, box)[:2] == (0, "0 received, 0 sent\n")


def test_the_later_change_made_here_keeps_the_other_copys_value_in_the_history(
    capsys: Capsys,
    remote: Path,
    laptop: Path,
    box: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    number = _in_step(capsys, remote, laptop, box)
    theirs = open_copy(box, at(10))
    theirs.update(theirs.get(Goal, number).model_copy(update={"title": "Rust, the box's"}))
    monkeypatch.setenv("GROWTHTUI_SYNC_NAME", "box")
    run_sync(capsys, box)
    mine = open_copy(laptop, at(20))  # later
    mine.update(mine.get(Goal, number).model_copy(update={"title": "Rust, the laptop's"}))

    monkeypatch.setenv("GROWTHTUI_SYNC_NAME", "laptop")
    code, out, _ = run_sync(capsys, laptop)
    monkeypatch.setenv("GROWTHTUI_SYNC_NAME", "box")
    run_sync(capsys, box)

    assert code == 0
    assert "the later change, here, was kept; the title on the remote went into its history" in out
    for path in (laptop, box):
        goal = open_copy(path).get(Goal, number)
        assert goal.title == "Rust, the laptop's"
        reasons = [h.reason for h in goal.history if h.reason.startswith("sync:")]
        assert reasons == [  # read on either copy, it names both
            "sync: box's value was “Rust, the box's”; the later change, on laptop, was kept"
        ]


@pytest.mark.parametrize(
    "broken",
    [
        "not json",
        '[{"title": "no uid"}]',
        '[{"uid": "x", "id": 1, "modified": null, "parent_id": 7, "title": "a number link"}]',
    ],
)
def test_a_remote_holding_files_growthtui_cannot_read_is_one_sentence_and_changes_nothing(
    capsys: Capsys, remote: Path, laptop: Path, box: Path, tmp_path: Path, broken: str
) -> None:
    _in_step(capsys, remote, laptop, box)
    work = tmp_path / "by-hand"
    git("clone", "--quiet", "--branch", "main", str(remote), str(work))
    (work / "goals.json").write_text(broken)
    identity = ["-c", "user.name=someone", "-c", "user.email=someone@example.com"]
    git("-C", str(work), *identity, "commit", "--quiet", "-am", "edited by hand")
    git("-C", str(work), "push", "--quiet", "origin", "HEAD:main")
    open_copy(laptop, at(10)).add(Goal(title="Waiting here"))
    saved = laptop.read_bytes()

    code, out, err = run_sync(capsys, laptop)

    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert "holds files growthtui cannot read" in err
    assert err.endswith("is it a growthtui sync repository? nothing was changed\n")
    assert laptop.read_bytes() == saved


def test_a_remote_given_as_a_relative_path_is_remembered_from_anywhere(
    capsys: Capsys, remote: Path, laptop: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from growthtui.services.sync import remote_url

    open_copy(laptop, at(1)).add(Goal(title="Mine"))
    monkeypatch.chdir(remote.parent)
    assert run_sync(capsys, laptop, "--remote", remote.name)[:2] == (0, "0 received, 1 sent\n")
    monkeypatch.chdir(laptop.parent)
    open_copy(laptop, at(2)).add(Goal(title="Another"))

    assert run_sync(capsys, laptop)[:2] == (0, "0 received, 1 sent\n")
    assert remote_url(laptop) == str(remote.resolve())
