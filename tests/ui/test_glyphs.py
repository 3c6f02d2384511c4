"""The symbols the UI draws: an ASCII form for each, as wide as its Unicode form, chosen
when asked for or when the terminal cannot show UTF-8."""

from __future__ import annotations

import io
import sys

import pytest
from rich.cells import cell_len

from growthtui.ui.glyphs import ASCII, SYMBOLS, UNICODE, choose_glyphs


def test_every_symbol_has_an_ascii_form_as_wide_as_its_unicode_one() -> None:
    for name, (unicode, ascii) in SYMBOLS.items():
        assert ascii.isascii(), name
        if name != "spark":  # a scale of levels: ASCII has fewer steps, each one cell
            assert cell_len(ascii) == cell_len(unicode), name
    assert UNICODE.done == "✓" and ASCII.done == "x"
    assert not UNICODE.ascii_only and ASCII.ascii_only
    assert ASCII.sparkline([1, 5]) == "_#" and UNICODE.sparkline([1, 5]) == "▁█"


@pytest.mark.parametrize(
    ("asked", "encoding", "chosen"),
    [("", "utf-8", UNICODE), ("1", "utf-8", ASCII), ("", "latin-1", ASCII)],
)
def test_ascii_is_chosen_when_asked_for_or_without_utf8(
    monkeypatch: pytest.MonkeyPatch, asked: str, encoding: str, chosen: object
) -> None:
    monkeypatch.setenv("GROWTHTUI_ASCII", asked)
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(io.BytesIO(), encoding=encoding))
    assert choose_glyphs() is chosen
