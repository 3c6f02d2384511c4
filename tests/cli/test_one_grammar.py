"""One command-line grammar (growthtui.cli, argparse) for every command: a command's words
without quotes mean what they mean quoted, and the quick write behind `add goal`, `add
milestone` and `log` stores the very record the Store's way stores.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from growthtui.domain.evidence import Evidence
from growthtui.domain.goals import Goal, Milestone
from growthtui.store import quick_write
from growthtui.store.repository import Store

if TYPE_CHECKING:  # fixtures' types, from tests/cli/conftest.py
    from conftest import Run


@pytest.fixture
def sealed(store: Store, today: dt.date) -> Path:
    """A store the Store wrote today: sealed, today's backup taken, a record of each kind
    the quick way adds (it leaves the first of a kind to the Store)."""
    store.add(Goal(title="Become a staff engineer"))
    store.add(Milestone(goal_id=1, title="Write the RFC", due=today))
    store.add(Evidence.build(date=today, text="Led the review"))
    assert store.path is not None
    return store.path


def _record(path: Path, table: str, record_id: int) -> dict[str, Any]:
    """A stored record as the file holds it, without what every write makes anew."""
    doc = dict(json.loads(path.read_bytes())[table][str(record_id)])
    doc.pop("uid")
    doc.pop("modified")
    return doc


WORD = st.text(
    alphabet=st.characters(categories=["L", "N", "P", "S"], exclude_characters="-"),
    min_size=1,
    max_size=8,
)
"""A word a shell would pass as one argument: no spaces, not starting like an option."""


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(words=st.lists(WORD, min_size=1, max_size=6), command=st.sampled_from(["goal", "log"]))
def test_words_without_quotes_store_the_same_record_as_the_quoted_form(
    words: list[str], command: str, run: Run, sealed: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("twin")
    twin = folder / sealed.name
    for path in sealed.parent.iterdir():  # the store with its seal, lock and backup
        if path.is_file():
            shutil.copy2(path, folder / path.name)
    argv = ["add", "goal"] if command == "goal" else ["log"]
    table = "goals" if command == "goal" else "evidence"
    unquoted = run(*argv, *words, "--data", sealed)
    quoted = run(*argv, " ".join(words), "--data", twin)
    assert (unquoted.code, unquoted.out, unquoted.err) == (quoted.code, quoted.out, quoted.err)
    assert unquoted.code == 0, unquoted.err
    new_id = int(unquoted.out.split(":")[0].split()[-1])
    assert _record(sealed, table, new_id) == _record(twin, table, new_id)
    assert " ".join(words) in unquoted.out


@pytest.mark.parametrize(
    ("argv", "title"),
    [
        (
            ["add", "goal", "Publish", "the", "blog", "post", "--due", "+2w"],
            "Publish the blog post",
        ),
        (["add", "goal", "--horizon", "long", "Lead", "a", "team"], "Lead a team"),
        (["add", "goal", "--data", "{data}", "--", "-1", "day", "early"], "-1 day early"),
        (["add", "goal", "Quoted  spacing kept"], "Quoted  spacing kept"),
    ],
)
def test_a_goals_title_is_its_words_up_to_the_first_option(
    run: Run, sealed: Path, today: dt.date, argv: list[str], title: str
) -> None:
    if "--" in argv:  # every word after `--` is the title's, `--data` too
        argv = [str(sealed) if word == "{data}" else word for word in argv]
    else:
        argv = [*argv, "--data", str(sealed)]
    added = run(*argv)
    assert (added.code, added.err) == (0, "")
    assert Store.open(sealed, today=lambda: today).get(Goal, 2).title == title


def test_words_after_an_option_are_refused_and_nothing_is_written(
    run: Run, sealed: Path, files: Any
) -> None:
    before = files(sealed.parent)
    refused = run("add", "goal", "Publish", "--due", "+2w", "the", "post", "--data", sealed)
    assert refused.code == 2
    assert refused.err.startswith("growthtui: unrecognized arguments: the post")
    assert files(sealed.parent) == before


@pytest.mark.parametrize(
    ("argv", "table", "record_id"),
    [
        (["add", "goal", "Learn", "Go", "--horizon", "long", "--due", "2027-03-31"], "goals", 2),
        (["add", "milestone", "1", "Draft", "it", "--due", "2027-01-31"], "milestones", 2),
        (["log", "Shipped", "it", "--goal", "1", "--kind", "lesson"], "evidence", 2),
    ],
)
def test_the_quick_write_and_the_stores_way_store_the_same_record(
    run: Run,
    sealed: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path_factory: pytest.TempPathFactory,
    argv: list[str],
    table: str,
    record_id: int,
) -> None:
    folder = tmp_path_factory.mktemp("store-way")
    twin = folder / sealed.name
    for path in sealed.parent.iterdir():
        if path.is_file():
            shutil.copy2(path, folder / path.name)
    quick = run(*argv, "--data", sealed)
    calls: list[str] = []
    for name in ("add_goal", "add_milestone", "log_evidence"):
        monkeypatch.setattr(quick_write, name, lambda *a, _n=name, **k: calls.append(_n))
    full = run(*argv, "--data", twin)
    assert calls, "the store's way was not taken"
    assert (
        (quick.code, quick.out, quick.err)
        == (full.code, full.out, full.err)
        == (
            0,
            quick.out,
            "",
        )
    )
    assert _record(sealed, table, record_id) == _record(twin, table, record_id)


def test_a_form_the_quick_write_declines_is_stored_the_stores_way(
    run: Run, sealed: Path, today: dt.date
) -> None:
    added = run("add", "goal", "Learn\u00a0Go", "--data", sealed)  # not stored unchanged
    assert (added.code, added.out) == (0, "added goal 2: Learn\u00a0Go\n")
    assert Store.open(sealed, today=lambda: today).get(Goal, 2).title == "Learn\u00a0Go"


def test_a_bad_pinned_today_is_one_sentence(
    monkeypatch: pytest.MonkeyPatch, run: Run, tmp_path: Path
) -> None:
    monkeypatch.setenv("GROWTHTUI_TODAY", "someday")
    refused = run("add", "goal", "Ship", "it", "--data", tmp_path / "g.json")
    assert refused.code == 2
    assert refused.err.startswith("growthtui: GROWTHTUI_TODAY='someday' is not a date")
    assert not (tmp_path / "g.json").exists()


# Runs the command line in a fresh interpreter, then prints the modules it loaded beyond
# those loaded before it was imported (whatever this machine's site hooks bring).
PROBE = """
import json, sys
before = set(sys.modules)
from growthtui.launch import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "loaded": sorted(set(sys.modules) - before)}), file=sys.stderr)
"""
SLOW_TO_START = {"orjson", "pydantic", "tinydb", "textual", "filelock"}
"""What the quick write leaves out: loading pydantic and parsing the file cost more than
everything else the command does (see store/quick_write.py)."""


@pytest.mark.parametrize(
    ("argv", "stored"),
    [
        (["add", "goal", "Learn", "Go"], b'"title": "Learn Go"'),
        (["add", "milestone", "1", "Draft", "--due", "2027-01-31"], b'"title": "Draft"'),
        (["log", "Shipped", "--goal", "1"], b'"text": "Shipped"'),
    ],
)
def test_the_quick_write_behind_the_grammar_loads_none_of_the_slow_modules(
    sealed: Path, argv: list[str], stored: bytes
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *argv, "--data", str(sealed)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"),
    )
    report = json.loads(done.stderr.splitlines()[-1])
    assert report["code"] == 0, done.stderr
    loaded = {name.split(".")[0] for name in report["loaded"]}
    assert "argparse" in loaded or "argparse" in sys.modules  # the one grammar read it
    assert loaded & SLOW_TO_START == set()
    assert stored in sealed.read_bytes()


def test_every_command_is_in_the_readmes_command_line_and_in_help(run: Run) -> None:
    from growthtui.cli import COMMANDS

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Command line", 1)[1].split("\n## ", 1)[0]
    usage = section.split("```", 2)[1]
    helped = run("--help").out
    for word, _module, help_line in COMMANDS:
        assert f"growthtui {word}" in usage, word
        assert word in helped and help_line.split()[0] in helped, word


# -- the parser built for one command line -----------------------------------------------
TOKEN = st.sampled_from(
    [
        *("add", "goal", "milestone", "done", "learning", "log", "edit", "list", "show"),
        *("checkin", "undo", "agenda", "export", "import", "completion", "goals", "frob"),
        *("--data", "--data=g.json", "g.json", "--dat", "-h", "--help", "--version", "--"),
        *("--due", "+2w", "2026-02-30", "--horizon", "long", "--goal", "--kind", "lesson"),
        *("--title", "--reason", "--format", "json", "bash", "1", "#2", "0", "x", "3.5"),
    ]
)


def _parsed(parse: Any, argv: list[str], capsys: pytest.CaptureFixture[str]) -> object:
    """What parsing `argv` comes to: the arguments, or the refusal's sentence, or what
    `--help` and `--version` print and their exit code."""
    from growthtui.cli import UsageError

    capsys.readouterr()
    try:
        return ("parsed", vars(parse(argv)))
    except UsageError as refused:
        return ("refused", str(refused))
    except SystemExit as finished:
        return ("finished", finished.code, capsys.readouterr())


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    before=st.lists(TOKEN, max_size=2),
    command=st.sampled_from(["add", "done", "edit", "log", "list", "frob", "--help"]),
    between=st.lists(st.sampled_from(["--data", "g.json", "--data=g.json", "-h"]), max_size=2),
    kind=st.sampled_from(["goal", "milestone", "learning", "goals", "--", "1"]),
    after=st.lists(TOKEN, max_size=5),
)
def test_the_parser_built_for_a_command_line_reads_it_as_the_whole_parser_does(
    before: list[str],
    command: str,
    between: list[str],
    kind: str,
    after: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Only the command named, and only its kind named, are built for a command line:
    whatever that parser accepts, refuses or prints is what the whole parser would."""
    from growthtui import cli

    argv = [*before, command, *between, kind, *after]
    whole = _parsed(lambda words: cli.build_parser().parse_args(words), argv, capsys)
    assert _parsed(cli._parse, argv, capsys) == whole


@pytest.mark.parametrize(
    "argv",
    [
        ["add", "goal"],
        ["add", "goals", "Learn Go"],
        ["add", "--data", "g.json", "milestone", "x", "Draft", "--due", "+2w"],
        ["add", "goal", "Learn", "--horizon", "someday"],
        ["add", "goal", "Learn", "--due"],
        ["add", "--horizon", "long", "goal", "Learn"],
        ["add"],
        ["done", "learning", "0"],
        ["done", "milestone", "#x"],
        ["done", "goal", "1"],
    ],
    ids=" ".join,
)
def test_a_refusal_is_the_same_whichever_way_the_parser_was_built(
    run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, argv: list[str]
) -> None:
    from growthtui import cli

    data = ["--data", str(tmp_path / "g.json")]
    built_for_it = run(*argv, *data)
    monkeypatch.setattr(cli, "_parse", lambda words: cli.build_parser().parse_args(words))
    whole = run(*argv, *data)
    assert built_for_it == whole
    assert whole.code == 2 and len(whole.err_lines) == 1
    assert list(tmp_path.iterdir()) == []
