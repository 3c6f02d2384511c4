"""A strip of Textual's as cells, for the frame encoder: each cell's text and the SGR
parameters Textual writes for it."""

from __future__ import annotations

import functools
from typing import Any

from rich.cells import get_character_cell_size
from rich.color import ColorSystem
from textual.strip import Strip

CONTINUATION = ""
"""The right half of a wide character: a cell the character to its left covers."""

Piece = tuple[int, Strip, int | None]
"""A fragment of a line: its first column, its strip, and how many cells of it Textual
writes (None: all)."""

Key = Any
"""What a cell's style writes: the SGR parameters, or (parameters, link id, link)."""


class Opaque(Exception):
    """A fragment that cannot be read cell by cell: written as Textual writes it."""


@functools.cache
def narrow_characters() -> frozenset[str]:
    """Characters Rich measures one cell wide, from the common ranges (Latin, Greek,
    Cyrillic, box drawing, blocks, shapes): a text of only these is one cell a character."""
    ranges = ((0x20, 0x7E), (0xA0, 0x2FF), (0x370, 0x482), (0x2500, 0x25FF), (0x2800, 0x28FF))
    return frozenset(
        char
        for start, end in ranges
        for char in map(chr, range(start, end + 1))
        if char.isprintable() and get_character_cell_size(char) == 1
    )


def one_cell_each(text: str) -> bool:
    """Whether `text` is plain: printable characters that Rich measures one cell each (so
    its cells are its characters, nothing to read one by one)."""
    return (text.isascii() and text.isprintable()) or narrow_characters().issuperset(text)


def read_cells(strip: Strip, color_system: ColorSystem) -> tuple[list[str], list[Key]]:
    """A strip as cells: each cell's text (a character and any zero-width ones joined to
    it; CONTINUATION for the right half of a wide one) and its style's key, the SGR
    parameters exactly as Textual's Strip.render writes them."""
    chars: list[str] = []
    keys: list[Key] = []
    render_ansi = Strip.render_ansi
    for text, style, control in strip._segments:
        if control:
            raise Opaque
        if not text:
            continue
        if style is None:
            key: Key = ""
        else:
            ansi = style._ansi
            if ansi is None:
                ansi = render_ansi(style, color_system)
            key = (ansi, style._link_id, style._link) if style._link else ansi
        if one_cell_each(text):
            chars += text
            keys += [key] * len(text)
            continue
        first = len(chars)
        for char in text:
            if char < " " or "\x7f" <= char < "\xa0":
                raise Opaque  # control characters: the terminal acts on them
            width = get_character_cell_size(char)
            if width == 1:
                chars.append(char)
                keys.append(key)
            elif width == 2:
                chars += (char, CONTINUATION)
                keys += (key, key)
            elif width == 0 and len(chars) > first and char.isprintable():
                # A zero-width character joins the cell before it, in the same style.
                last = -2 if chars[-1] == CONTINUATION else -1
                chars[last] += char
            else:
                raise Opaque
    if len(chars) != strip.cell_length:
        raise Opaque  # Rich measures this text otherwise (a grapheme cluster, say)
    return chars, keys
