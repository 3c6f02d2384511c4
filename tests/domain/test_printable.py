"""The one rule for text that reaches a terminal, and the counts in plain English."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from growthtui.domain.errors import InvalidInput
from growthtui.domain.printable import check_typed, hostile_character, printable
from growthtui.domain.words import counted

HOSTILE = ["\x1b", "\x07", "\x00", "\r", "\x7f", "\x9b", "\u202e", "\u2066", "\u2028", "\t"]


@given(st.text())
def test_printable_text_never_holds_a_control_character(text: str) -> None:
    shown = printable(text)
    assert hostile_character(shown) is None
    assert not any(char in shown for char in [*HOSTILE, "\n"])


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Zl", "Zp"))))
def test_text_without_controls_is_shown_as_it_is(text: str) -> None:
    assert printable(text) == text
    assert hostile_character(text) is None


def test_escapes_are_visible_and_keep_the_rest() -> None:
    title = "Ship \x1b]52;c;aGk=\x07 it \u202etxt.exe"
    assert printable(title) == "Ship \\x1b]52;c;aGk=\\x07 it \\u202etxt.exe"


def test_line_breaks_are_kept_only_where_text_has_lines() -> None:
    assert printable("one\ntwo") == "one\\x0atwo"
    assert printable("one\ntwo\x1b", lines=True) == "one\ntwo\\x1b"


@pytest.mark.parametrize("char", HOSTILE)
def test_typed_text_with_a_control_character_is_refused(char: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        check_typed(f"title{char}", "title", "title")
    assert refused.value.field == "title"
    assert "control character" in str(refused.value)


def test_typed_text_may_hold_lines_where_the_field_has_lines() -> None:
    assert check_typed("one\n\ttwo", "notes", lines=True) == "one\n\ttwo"
    with pytest.raises(InvalidInput):
        check_typed("one\ntwo", "title")


@pytest.mark.parametrize(
    ("count", "noun", "expected"),
    [
        (1, "open goal", "1 open goal"),
        (2, "open goal", "2 open goals"),
        (0, "item", "0 items"),
        (3, "person", "3 people"),
        (1, "person", "1 person"),
        (2, "activity", "2 activities"),
        (2, "day", "2 days"),
        (2, "check-in", "2 check-ins"),
        (2, "match", "2 matches"),
    ],
)
def test_counts_read_in_plain_english(count: int, noun: str, expected: str) -> None:
    assert counted(count, noun) == expected
