"""Which file a command uses: `--data` beats GROWTHTUI_DATA beats the user data folder."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from growthtui.domain.evidence import Evidence
from growthtui.domain.goals import Goal
from growthtui.store.repository import Store

if TYPE_CHECKING:  # fixtures' types, from tests/cli/conftest.py
    from conftest import Run


def titles_in(path: Path) -> list[str]:
    """The goal titles the file at `path` holds (read with the store, not the CLI)."""
    return [goal.title for goal in Store.open(path, create=False).list(Goal)]


@pytest.fixture
def default_path() -> Path:
    """Where platformdirs puts the store under the tests' isolated XDG_DATA_HOME."""
    return Path(os.environ["XDG_DATA_HOME"]) / "growthtui" / "growthtui.json"


def test_without_data_or_env_the_store_is_in_the_user_data_folder(
    run: Run, default_path: Path
) -> None:
    result = run("add", "goal", "Default place")
    assert result.code == 0, result.err
    assert titles_in(default_path) == ["Default place"]
    assert default_path.stat().st_mode & 0o777 == 0o600, "the store is private to its owner"


def test_growthtui_data_overrides_the_default(
    run: Run, tmp_path: Path, default_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env_path = tmp_path / "from-env.json"
    monkeypatch.setenv("GROWTHTUI_DATA", str(env_path))
    assert run("add", "goal", "From env").code == 0
    assert titles_in(env_path) == ["From env"]
    assert not default_path.exists()


def test_data_option_overrides_the_environment_and_the_default(
    run: Run, tmp_path: Path, default_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env_path = tmp_path / "from-env.json"
    flag_path = tmp_path / "from-flag.json"
    monkeypatch.setenv("GROWTHTUI_DATA", str(env_path))
    assert run("add", "goal", "From flag", "--data", flag_path).code == 0
    assert titles_in(flag_path) == ["From flag"]
    assert not env_path.exists()
    assert not default_path.exists()


def test_a_blank_growthtui_data_means_the_default(
    run: Run, default_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GROWTHTUI_DATA", "  ")
    assert run("add", "goal", "Blank env").code == 0
    assert titles_in(default_path) == ["Blank env"]


def test_data_with_a_tilde_is_under_home(run: Run) -> None:
    assert run("add", "goal", "Home goal", "--data", "~/notes/growth.json").code == 0
    assert titles_in(Path(os.environ["HOME"]) / "notes" / "growth.json") == ["Home goal"]


@pytest.mark.parametrize(
    "argv",
    [
        ["--data", "{path}", "add", "goal", "Staff engineer"],
        ["add", "--data", "{path}", "goal", "Staff engineer"],
        ["add", "goal", "--data", "{path}", "Staff engineer"],
        ["add", "goal", "Staff engineer", "--data", "{path}"],
    ],
    ids=["before the subcommand", "between add and goal", "before the title", "at the end"],
)
def test_data_is_accepted_anywhere_in_the_command(
    run: Run, tmp_path: Path, default_path: Path, argv: list[str]
) -> None:
    path = tmp_path / "anywhere.json"
    result = run(*(arg.replace("{path}", str(path)) for arg in argv))
    assert result.code == 0, result.err
    assert titles_in(path) == ["Staff engineer"]
    assert not default_path.exists()


@pytest.mark.parametrize("where", ["before", "after"])
@pytest.mark.parametrize("cmd", ["agenda", "export", "seed", "log", "import"])
def test_every_subcommand_takes_data_before_or_after_it(
    run: Run, tmp_path: Path, default_path: Path, where: str, cmd: str
) -> None:
    # A decoy in the default place: a command that ignored --data would read or fill it.
    run("add", "goal", "Decoy", "--data", default_path)
    decoy = default_path.read_bytes()
    path = tmp_path / "growth.json"
    export_file = tmp_path / "export.json"
    if cmd in ("agenda", "export"):
        run("add", "goal", "Ship the ledger", "--data", path)
        run("add", "milestone", "1", "Draft the RFC", "--due", "yesterday", "--data", path)
    else:
        run("add", "goal", "Imported goal", "--data", tmp_path / "source.json")
        run("export", "-o", export_file, "--data", tmp_path / "source.json")
    words = {"log": [cmd, "A win"], "import": [cmd, str(export_file)]}.get(cmd, [cmd])
    data = ["--data", str(path)]

    result = run(*(data + words if where == "before" else words + data))

    assert result.code == 0, result.err
    if cmd == "agenda":
        assert "Draft the RFC" in result.out
    elif cmd == "export":
        assert "Ship the ledger" in result.out
    elif cmd == "seed":
        assert Store.open(path, create=False).count(Goal) > 0
    elif cmd == "log":
        [evidence] = Store.open(path, create=False).list(Evidence)
        assert evidence.text == "A win"
    else:
        assert titles_in(path) == ["Imported goal"]
    assert default_path.read_bytes() == decoy


def test_a_later_data_wins_over_an_earlier_one(run: Run, tmp_path: Path) -> None:
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    assert run("--data", first, "add", "goal", "Which file?", "--data", second).code == 0
    assert titles_in(second) == ["Which file?"]
    assert not first.exists()
