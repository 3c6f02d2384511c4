"""How to draw on the terminal we were given, decided before Textual starts.

Textual reads `TEXTUAL_COLOR_SYSTEM` once, when `textual` is first imported, and hands it
to Rich. Left to itself ("auto"), Rich trusts `COLORTERM` for truecolor and otherwise the
`-256color` suffix of `TERM`; anything else (`xterm`, `screen`, `tmux`) falls to the 16
ANSI colours, a dumb terminal to Textual's truecolor guess, and a misspelt value stops the
app. Over SSH `COLORTERM` is not forwarded and inside tmux it is unset, so the honest
default there is 256 colours: every terminal people use over SSH has them, and they keep
the theme's shades apart where 16 would merge them.

`NO_COLOR` needs nothing here: Textual sees it, and the app then sends no colour at all
(GrowthApp swaps Textual's grey Monochrome filter for NoColor; selection and focus are drawn
by reverse and bold).
`TEXTUAL_ANIMATIONS` is the person's to set and is left alone.

This module imports nothing from Textual on purpose: call `prepare_terminal_environment`
before anything imports it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, MutableMapping

COLOR_SYSTEM_ENV = "TEXTUAL_COLOR_SYSTEM"
"""Textual's own setting: "standard" (16), "256", "truecolor", or "auto"."""

KNOWN_COLOR_SYSTEMS = frozenset({"auto", "standard", "256", "truecolor", "windows"})
"""What Rich accepts; anything else would stop the app before it draws."""

_TRUECOLOR = frozenset({"truecolor", "24bit"})
_SIXTEEN_COLOUR_TERMS = frozenset({"linux", "ansi", "vt100", "vt102", "vt220", "cons25"})
"""Terminals known to have only the 16 (or 8) ANSI colours."""
_SIXTEEN_COLOUR_SUFFIXES = frozenset({"16color", "8color", "color"})
"""`xterm-16color`, `rxvt-8color`, `xterm-color`: terminfo names that promise no more."""


def color_system_for(environ: Mapping[str, str]) -> str:
    """The colour system to draw with in `environ`: the person's own valid
    `TEXTUAL_COLOR_SYSTEM` if set; truecolor only when `COLORTERM` says so; the 16 ANSI
    colours on terminals that have no more; 256 colours otherwise."""
    chosen = environ.get(COLOR_SYSTEM_ENV, "").strip().lower()
    if chosen in KNOWN_COLOR_SYSTEMS:
        return chosen
    if environ.get("COLORTERM", "").strip().lower() in _TRUECOLOR:
        return "truecolor"
    term = environ.get("TERM", "").strip().lower()
    name, _, suffix = term.rpartition("-")
    if term in _SIXTEEN_COLOUR_TERMS or (name and suffix in _SIXTEEN_COLOUR_SUFFIXES):
        return "standard"
    return "256"


def prepare_terminal_environment(environ: MutableMapping[str, str]) -> None:
    """Settle the colour system in `environ` (normally `os.environ`) before Textual is
    imported, so Textual draws in what the terminal can show (see the module's doc)."""
    environ[COLOR_SYSTEM_ENV] = color_system_for(environ)


def erases_with_background(environ: Mapping[str, str]) -> bool:
    """Whether the terminal `TERM` names fills the cells it erases with the current
    background (terminfo `bce`) and can erase characters (`ech`). Then the frame encoder
    erases runs of blanks instead of writing them; elsewhere (tmux and screen say no `bce`)
    an erased cell could show the terminal's own background, so spaces are written.

    Reads the terminfo entry once per process (curses' `setupterm` reads only the first
    one it is given); no terminfo entry, or no curses, means no."""
    term = environ.get("TERM", "")
    if not term or term == "dumb":
        return False
    try:
        import curses
    except ImportError:  # pragma: no cover - a Python built without curses
        return False
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        curses.setupterm(term, devnull)
        return curses.tigetflag("bce") == 1 and bool(curses.tigetstr("ech"))
    except curses.error:
        return False
    finally:
        os.close(devnull)
