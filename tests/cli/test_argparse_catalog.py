"""argparse's words come from the catalog gettext would find, looked for once
(cli.base._translate_once), and not looked for where the catalogs' folder is missing."""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
from pathlib import Path

PROBE = """
import gettext, json, sys
gettext.bindtextdomain("messages", sys.argv[1])
import argparse
import growthtui.cli.base
print(json.dumps([argparse._("usage: "), "locale" in sys.modules]))
"""


def write_catalog(path: Path, messages: dict[str, str]) -> None:
    """A GNU gettext catalog (.mo) holding `messages` (ASCII), as msgfmt writes one."""
    keys = sorted(messages)
    ids = [key.encode() for key in keys]
    texts = [messages[key].encode() for key in keys]
    start = 28 + 16 * len(keys)  # the header, then the two tables of (length, offset)
    table, data = [], b""
    for text in [*ids, *texts]:
        table.append((len(text), start + len(data)))
        data += text + b"\0"
    header = struct.pack("<7I", 0x950412DE, 0, len(keys), 28, 28 + 8 * len(keys), 0, 0)
    path.parent.mkdir(parents=True)
    path.write_bytes(header + b"".join(struct.pack("<2I", *entry) for entry in table) + data)


def usage_word(folder: Path, language: str) -> tuple[str, bool]:
    """argparse's `usage: ` once growthtui's command line is loaded, with the catalogs
    in `folder`, in `language`; and whether `locale` was loaded."""
    env = dict(os.environ, LANGUAGE=language)
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        env=env,
    )
    word, loaded = json.loads(done.stdout)
    return word, loaded


def test_a_catalog_installed_for_argparse_still_translates(tmp_path: Path) -> None:
    write_catalog(tmp_path / "xx" / "LC_MESSAGES" / "messages.mo", {"usage: ": "uso: "})
    assert usage_word(tmp_path, "xx") == ("uso: ", True)
    assert usage_word(tmp_path, "yy") == ("usage: ", True)  # no catalog for that language


def test_no_catalog_is_looked_for_where_their_folder_is_missing(tmp_path: Path) -> None:
    assert usage_word(tmp_path / "missing", "xx") == ("usage: ", False)
