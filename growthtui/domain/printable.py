"""One rule for text that reaches a terminal.

Text a person types may not hold control characters or direction overrides
(`check_typed`): the forms and the command line refuse it with one sentence. Text that
came from elsewhere (an import, a hand-edited file) is kept exactly as it is, but every
place that shows it, in the app, on the command line or in a Markdown or CSV export, shows
it through `printable`, which writes each such character as a visible escape (`\\x1b`,
`\\u202e`). So `ESC ] 52` in a title never sets a clipboard, `ESC c` never resets a
screen, and U+202E never turns a line around.

Standard library only, and nothing imported: the command line's quickest paths use it.
"""

from __future__ import annotations

from growthtui.domain.errors import InvalidInput

DIRECTION_MARKS = frozenset(
    {
        0x061C,  # ARABIC LETTER MARK
        0x200E,  # LEFT-TO-RIGHT MARK
        0x200F,  # RIGHT-TO-LEFT MARK
        *range(0x202A, 0x202F),  # embeddings and overrides, U+202A–U+202E
        *range(0x2066, 0x206A),  # isolates, U+2066–U+2069
    }
)
"""Characters that reorder the text around them: a title could then read as something
else than what it holds (CVE-2021-42574, "Trojan Source")."""

LINE_BREAKS = frozenset({0x0A})
"""Kept where a text may hold several lines (notes, a vision, a reflection)."""


def _hostile(code: int) -> bool:
    """A character no terminal should receive as it is: C0 and C1 controls, DEL, the
    Unicode line and paragraph separators, and the direction marks."""
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return True
    return code in DIRECTION_MARKS or code in (0x2028, 0x2029)


def _escape(code: int) -> str:
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: str, *, lines: bool = False) -> str:
    """`text` as it may be shown: every control character, direction mark and line
    separator written as a visible escape (`\\x1b`, `\\u202e`); with `lines`, line breaks
    are kept as they are. Text without any of them comes back as it is (the common case
    costs one call into C)."""
    if text.isprintable():
        return text
    keep = LINE_BREAKS if lines else frozenset()
    out = []
    for char in text:
        code = ord(char)
        if _hostile(code) and code not in keep:
            out.append(_escape(code))
        else:
            out.append(char)
    return "".join(out)


def hostile_character(text: str, *, lines: bool = False) -> str | None:
    """The first character of `text` that may not be typed, as its visible escape; None
    when there is none. Tabs count as typed whitespace where `lines` is allowed."""
    if text.isprintable():
        return None
    keep = {0x0A, 0x09} if lines else set()
    for char in text:
        code = ord(char)
        if _hostile(code) and code not in keep:
            return _escape(code)
    return None


def check_typed(text: str, what: str, field: str | None = None, *, lines: bool = False) -> str:
    """`text` when a person may store it; InvalidInput (for `field`) saying which
    character is not allowed otherwise. `what` names the field in the sentence ("title")."""
    found = hostile_character(text, lines=lines)
    if found is None:
        return text
    raise InvalidInput(
        f"the {what} holds a control character ({found}): type plain text; control "
        "characters and direction overrides cannot be stored",
        field,
    )
