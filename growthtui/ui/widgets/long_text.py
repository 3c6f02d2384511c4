"""Several lines of text in a form (a vision, a plan, notes, advice, a reflection), and
`ctrl+o` to write them in the person's own editor ($VISUAL, else $EDITOR, else vi).

`ctrl+o` ("open in your editor"): `ctrl+e` is the end of the line in a text field, as in
the shell, and `ctrl+enter` or `ctrl+/` do not cross SSH.

The editor runs in the app's terminal while the app is suspended (Textual's
`App.suspend`): it needs nothing but that terminal, so it works over SSH and in tmux.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

from textual.app import SuspendNotSupported
from textual.widgets import TextArea

from growthtui.ui.key_order import HeldWhileSettling

EDITOR_KEY = "ctrl+o"


class EditorFailed(Exception):
    """The editor could not be started, or ended with an error: the text is unchanged."""


def editor_command(environ: Mapping[str, str] | None = None) -> list[str]:
    """The editor a person chose: $VISUAL, else $EDITOR (split as a shell would, so
    `code --wait` works), else vi."""
    env = os.environ if environ is None else environ
    for name in ("VISUAL", "EDITOR"):
        value = env.get(name, "").strip()
        if value:
            try:
                words = shlex.split(value)
            except ValueError:
                words = value.split()
            if words:
                return words
    return ["vi"]


def edit_text(text: str, run: Callable[[list[str]], int], command: list[str]) -> str:
    """`text` as the person left it in their editor: written to a private file (0600), the
    editor run on it through `run` (which returns the editor's exit status), read back
    (the newline an editor adds at the end taken off), the file removed."""
    handle, name = tempfile.mkstemp(prefix="growthtui-", suffix=".txt")
    path = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(f"{text}\n" if text else "")
        try:
            status = run([*command, name])
        except OSError as error:
            raise EditorFailed(
                f"cannot start the editor {command[0]!r} ({error.strerror or error}): "
                "set $VISUAL or $EDITOR to one that is installed"
            ) from None
        if status != 0:
            raise EditorFailed(
                f"the editor {command[0]!r} ended with status {status}: the text is unchanged"
            )
        edited = path.read_text(encoding="utf-8", errors="replace")
    finally:
        path.unlink(missing_ok=True)
    return edited.removesuffix("\n").removesuffix("\r")


class LongText(HeldWhileSettling, TextArea):
    """A multi-line form field; `ctrl+o` opens the text in the person's editor."""

    DEFAULT_CSS = """
    LongText {
        height: auto;
        min-height: 2;
        max-height: 8;
    }
    """
    # The key is the form's (RecordForm, binding id "form.editor"), so a keymap can
    # rebind it like every form key.
    stored: str | None = None
    """The text the record holds (shown through `printable`)."""

    def __init__(self, text: str = "", placeholder: str = "", *, id: str | None = None) -> None:
        super().__init__(text, compact=True, soft_wrap=True, placeholder=placeholder, id=id)

    def action_external_editor(self) -> None:
        """Suspend the app, run the editor on the text, and take back what it saved."""
        command = editor_command()
        app = self.app
        try:
            edited = edit_text(self.text, lambda argv: self._run(argv), command)
        except EditorFailed as error:
            app.notify(str(error), severity="error", timeout=8)
            return
        except SuspendNotSupported:
            app.notify("this terminal cannot hand over to an editor here", severity="error")
            return
        if edited != self.text:
            self.text = edited
            self.move_cursor(self.document.end)
        self.focus()

    def _run(self, argv: list[str]) -> int:
        app = self.app
        if app.is_headless:
            # No terminal to hand over (tests): the editor runs without one, and writes
            # nowhere (an editor that needs a terminal ends with an error: text unchanged).
            quiet = subprocess.DEVNULL
            return subprocess.call(argv, stdin=quiet, stdout=quiet, stderr=quiet)
        with app.suspend():
            return subprocess.call(argv)
