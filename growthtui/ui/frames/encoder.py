"""The frame encoder: Textual's compositor updates written against a model of what the
terminal shows (see growthtui.ui.frames for the whole story)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from operator import ne, or_
from typing import TYPE_CHECKING

from rich.color import ColorSystem
from rich.control import Control
from textual._compositor import ChopsUpdate, CompositorUpdate, LayoutUpdate
from textual.strip import Strip

from growthtui.ui.frames.cells import (
    CONTINUATION,
    Key,
    Opaque,
    Piece,
    one_cell_each,
    read_cells,
)
from growthtui.ui.frames.sgr import RESET, blank_look, erasable, sgr_change

if TYPE_CHECKING:
    from rich.console import Console

CELL_CACHE = 4096
"""Strips whose cells are remembered (a 120x40 screen in fragments is a few hundred)."""

MERGE_GAP = 16
"""Unchanged gaps longer than this are always jumped over (a move is at most 8 bytes)."""

ERASE_MIN = 9
"""Blank runs at least this long are erased (ECH, 4-6 bytes, and maybe a move after it)
rather than written as spaces, on a terminal that erases with the current background."""

_CHANGED = re.compile(b"\x01+")
_BLANKS = re.compile(f" {{{ERASE_MIN},}}")
_LINK_CLOSE = "\x1b]8;;\x1b\\"


def _move(x: int, y: int, cursor: tuple[int, int] | None) -> str:
    """The shortest move to column x, row y (0-based) from a known cursor, else absolute."""
    absolute = f"\x1b[{y + 1};{x + 1}H"
    if cursor is None or cursor[1] != y:
        return absolute
    column = cursor[0]
    if column == x:
        return ""
    best = f"\x1b[{x + 1}G"
    if x > column:
        forward = f"\x1b[{x - column}C" if x - column > 1 else "\x1b[C"
        if len(forward) < len(best):
            best = forward
    return best


class FrameEncoder:
    """Encodes Textual's compositor updates against what the terminal shows."""

    def __init__(self, erase: bool = False) -> None:
        self.erase = erase
        """The terminal fills erased cells with the current background (terminfo `bce`):
        runs of blanks may be erased instead of written."""
        self.size: tuple[int, int] = (0, 0)
        self._chars: list[list[str | None]] = []
        self._keys: list[list[Key]] = []
        self.failures = 0
        """Frames the encoder failed on (written by Textual's own encoding instead)."""
        self._cell_cache: dict[int, tuple[Strip, ColorSystem, list[str], list[Key]]] = {}
        self._unlearned: dict[int, list[Piece]] = {}
        """Lines of the last full update the model has not learned yet (row → pieces)."""
        self._whole: tuple[object, dict[int, list[Piece]]] | None = None
        """The last full update (its region, and its lines no partial one wrote over
        since), while the terminal shows it."""

    def cells(self, strip: Strip, color_system: ColorSystem) -> tuple[list[str], list[Key]]:
        """`read_cells(strip)`, remembered: Textual keeps the strips of lines it did not
        render again, so most fragments of an update were seen in the last one."""
        cached = self._cell_cache.get(id(strip))
        if cached is not None and cached[0] is strip and cached[1] is color_system:
            return cached[2], cached[3]
        chars, keys = read_cells(strip, color_system)
        if len(self._cell_cache) >= CELL_CACHE:
            self._cell_cache.clear()
        self._cell_cache[id(strip)] = (strip, color_system, chars, keys)
        return chars, keys

    def invalidate(self) -> None:
        """Forget what the terminal shows: every cell is written again."""
        width, height = self.size
        self._chars = [[None] * width for _ in range(height)]
        self._keys = [[None] * width for _ in range(height)]
        self._unlearned = {}
        self._whole = None

    def _readable(self, strip: Strip, color_system: ColorSystem) -> bool:
        """Whether the model can learn `strip` cell by cell. Plain text (most of a screen)
        is; anything else is read now (and remembered for when its line is learned)."""
        for text, _style, control in strip._segments:
            if control:
                return False
            if text and not one_cell_each(text):
                try:
                    self.cells(strip, color_system)
                except Opaque:
                    return False
                return True
        return True

    def _learn(self, y: int, color_system: ColorSystem) -> None:
        """Learn row `y` as the last full update wrote it (a whole line, from column 0)."""
        # Every strip passed `_readable` when the full update came: none is Opaque.
        row = self._row_cells(self._unlearned.pop(y), color_system)
        if row is not None:  # else wider than the screen: the row stays unknown
            self._chars[y], self._keys[y] = row

    def _shows(self, y: int, pieces: list[Piece], color_system: ColorSystem) -> bool:
        """Whether the terminal's line `y` shows `pieces` (a line of a full update): the
        line of the last full update, unwritten since, or the model's cells for it."""
        assert self._whole is not None
        if self._whole[1].get(y) == pieces:
            return True
        if y >= len(self._chars) or None in self._chars[y]:
            return False  # not known cell by cell
        return self._row_cells(pieces, color_system) == (self._chars[y], self._keys[y])

    def _row_cells(
        self, pieces: list[Piece], color_system: ColorSystem
    ) -> tuple[list[str | None], list[Key]] | None:
        """The cells of a whole line made of `pieces`; None if one is wider than the screen."""
        width = self.size[0]
        chars_row: list[str | None] = [None] * width
        keys_row: list[Key] = [None] * width
        for x, strip, _crop in pieces:
            chars, keys = self.cells(strip, color_system)
            if x < 0 or x + len(chars) > width:
                return None
            chars_row[x : x + len(chars)] = chars
            keys_row[x : x + len(keys)] = keys
        return chars_row, keys_row

    def _resize(self, width: int, height: int) -> None:
        self.size = (width, height)
        self.invalidate()

    def encode(self, update: CompositorUpdate, console: Console) -> str:
        """The bytes (as str) that make the terminal show `update`, as Textual's own
        `update.render_segments(console)` would, with fewer bytes."""
        color_system = console._color_system or ColorSystem.TRUECOLOR
        if isinstance(update, LayoutUpdate):
            region = update.region
            unlearned = {y: pieces for y, pieces, _ in _layout_rows(update)}
            readable = all(
                self._readable(strip, color_system)
                for pieces in unlearned.values()
                for _, strip, _ in pieces
            )
            same: set[int] | None = None
            if readable and self._whole is not None and self._whole[0] == region:
                same = {
                    y for y, pieces in unlearned.items() if self._shows(y, pieces, color_system)
                }
            self._resize(region.right, region.bottom)
            if readable:
                self._unlearned = unlearned
                self._whole = (region, dict(unlearned))
                if same is not None:
                    return _changed_lines(update, same, console)
            # else the model stays empty: a line it cannot read (a control character, a
            # zero-width one with no cell to join) may show elsewhere than its cells say,
            # and the next full update is written whole too.
            return update.render_segments(console)
        elif isinstance(update, ChopsUpdate):
            height = len(update.chops)
            width = max((ends[-1] for ends in update.chop_ends if ends), default=0)
            if (width, height) != self.size:
                self._resize(width, height)
            rows = list(_chops_rows(update))
            for y, _, _ in rows:
                if y in self._unlearned:
                    self._learn(y, color_system)
        else:
            raise TypeError(f"not a compositor update: {update!r}")
        writer = _Writer(self, color_system, console)
        for y, pieces, starts in rows:
            writer.row(y, pieces, starts)
        written = writer.finish()
        if written and self._whole is not None:
            for y, _, _ in rows:  # these lines no longer show the last full update
                self._whole[1].pop(y, None)
        return written


def _changed_lines(update: LayoutUpdate, same: set[int], console: Console) -> str:
    """A full update over what the terminal shows: its lines but those in `same` (which
    the terminal already shows), each written whole as Textual writes it. Textual draws
    a screen whole again when it resumes (right after a switch drew it whole, see
    GrowthApp.delay_update; twice on a first visit) and after a batch of updates, most
    of the time what the terminal shows: ~20 KB at 120x40 for nothing."""
    x = update.region.x
    out: list[str] = []
    for y, line in enumerate(update.strips, update.region.y):
        if y in same:
            continue
        out.append(Control.move_to(x, y).segment.text)
        out.extend(strip.render(console) for strip in line)
    return "".join(out)


def _layout_rows(update: LayoutUpdate) -> Iterator[tuple[int, list[Piece], list[int]]]:
    """A full update's lines, each written from its first column on (one move per line)."""
    x0 = update.region.x
    for y, line in enumerate(update.strips, update.region.y):
        pieces: list[Piece] = []
        x = x0
        for strip in line:
            if strip is None:
                continue
            pieces.append((x, strip, None))
            x += strip.cell_length
        yield y, pieces, [x0]


def _chops_rows(update: ChopsUpdate) -> Iterator[tuple[int, list[Piece], list[int]]]:
    """A partial update's fragments per line, chosen and cropped as ChopsUpdate does;
    Textual moves the cursor to each fragment's start."""
    for y, x1, x2 in update.spans:
        line = update.chops[y]
        ends = update.chop_ends[y]
        pieces: list[Piece] = []
        for end, (x, strip) in zip(ends, line.items(), strict=False):
            if strip is None or x > x2 or end <= x1:
                continue
            if x2 > x >= x1 and end <= x2:
                pieces.append((x, strip, None))
            else:
                pieces.append((x, strip, min(end, x2) - x))
        yield y, pieces, [x for x, _, _ in pieces]


class _Writer:
    """One frame being written: the output, the terminal's style, link and cursor."""

    def __init__(self, encoder: FrameEncoder, color_system: ColorSystem, console: Console):
        self.encoder = encoder
        self.color_system = color_system
        self.console = console
        self.out: list[str] = []
        self.style: str | None = None  # unknown until the first SGR of the frame
        self.link: tuple[str, str] | None = None
        self.cursor: tuple[int, int] | None = None
        self.drift = False
        """Non-ASCII text was written since the last move: a terminal may disagree with
        Rich about its width, so the column is not trusted (Textual moves to each
        fragment's start and so corrects such a disagreement there; so does this)."""
        self.lost = False
        """Something was written as Textual writes it: forget the model after the frame."""
        self.erased = False
        """The last thing written was an erase: the cursor stayed at its start."""

    def row(self, y: int, pieces: list[Piece], starts: list[int]) -> None:
        encoder = self.encoder
        width = encoder.size[0]
        if y >= encoder.size[1] or not pieces:
            return
        model_chars = encoder._chars[y]
        model_keys = encoder._keys[y]
        cells: list[tuple[int, list[str], list[Key]]] = []
        try:
            for x, strip, crop in pieces:
                chars, keys = encoder.cells(strip, self.color_system)
                if crop is not None and crop < len(chars):
                    if chars[crop] == CONTINUATION or len(chars[crop - 1]) > 1:
                        # Rich pads a cut wide character, and may drop zero-width ones
                        # at the cut: what Textual writes is the cropped strip.
                        chars, keys = encoder.cells(strip.crop(0, crop), self.color_system)
                    else:
                        chars, keys = chars[:crop], keys[:crop]
                if x < 0 or x + len(chars) > width:
                    raise Opaque
                cells.append((x, chars, keys))
        except Opaque:
            self._verbatim(y, pieces)
            return

        # The line as it will be: the model, with the fragments that differ from it.
        target_chars: list[str | None] | None = None
        target_keys: list[Key] = []
        runs: list[list[int]] = []
        applied: list[tuple[int, int]] = []
        for x, chars, keys in cells:
            end = x + len(chars)
            old_chars = model_chars[x:end]
            old_keys = model_keys[x:end]
            if old_chars == chars and old_keys == keys:
                continue
            if target_chars is None:
                target_chars = model_chars.copy()
                target_keys = model_keys.copy()
            target_chars[x:end] = chars
            target_keys[x:end] = keys
            applied.append((x, end))
            differs = _differing(chars, keys, old_chars, old_keys)
            runs += ([x + m.start(), x + m.end()] for m in _CHANGED.finditer(differs))
        if target_chars is None:
            return
        # A wide character of the model cut by a fragment's edge: its other half is not
        # known (nothing is written through it, nor a run extended onto it).
        ends = {end for _, end in applied}
        for x, end in applied:
            if x > 0 and model_chars[x] == CONTINUATION and x not in ends:
                target_chars[x - 1] = target_keys[x - 1] = None
            if end < width and target_chars[end] == CONTINUATION:
                target_chars[end] = target_keys[end] = None

        for start, end in self._runs(runs, target_chars, target_keys):
            self._write(y, start, end, target_chars, target_keys, starts, width)
            # A terminal that sees half of a wide character overwritten clears the other
            # half (or not): that half is unknown now.
            if start > 0 and model_chars[start] == CONTINUATION:
                model_chars[start - 1] = model_keys[start - 1] = None
            if end < width and model_chars[end] == CONTINUATION:
                model_chars[end] = model_keys[end] = None
            model_chars[start:end] = target_chars[start:end]
            model_keys[start:end] = target_keys[start:end]

    def _runs(
        self, changed: list[list[int]], chars: list[str | None], keys: list[Key]
    ) -> list[tuple[int, int]]:
        """Runs of changed cells [start, end) widened to whole wide characters, and short
        unchanged gaps between them written through when that costs less than a move."""
        width = len(chars)
        runs: list[list[int]] = []
        for start, end in changed:
            if chars[start] == CONTINUATION:
                start -= 1
            if end < width and chars[end] == CONTINUATION:
                end += 1
            if runs and start <= runs[-1][1]:
                runs[-1][1] = max(runs[-1][1], end)
            else:
                runs.append([start, end])
        merged: list[tuple[int, int]] = []
        for start, end in runs:
            if merged:
                previous_start, previous_end = merged[-1]
                if self._cheaper_to_write(previous_end, start, chars, keys):
                    merged[-1] = (previous_start, end)
                    continue
            merged.append((start, end))
        return merged

    @staticmethod
    def _cheaper_to_write(start: int, end: int, chars: list[str | None], keys: list[Key]) -> bool:
        gap = end - start
        if gap > MERGE_GAP or None in keys[start:end]:
            return False
        through = 0
        style = _sgr_of(keys[start - 1])
        for column in range(start, end + 1):
            key = _sgr_of(keys[column])
            if key != style:
                through += len(sgr_change(style, key))
                style = key
            if column < end:
                through += len((chars[column] or "").encode())
        jump = len(_move(end, 0, (start, 0))) + len(
            sgr_change(_sgr_of(keys[start - 1]), _sgr_of(keys[end]))
        )
        return through <= jump

    def _write(
        self,
        y: int,
        start: int,
        end: int,
        chars: list[str | None],
        keys: list[Key],
        starts: list[int],
        width: int,
    ) -> None:
        if None in keys[start:end]:
            raise ValueError(f"a run over cells not known: {start}-{end}, {y}")
        self._move_to(start, y)
        # Textual moves to each fragment's start; after non-ASCII text so does this.
        bounds = [start, *(x for x in starts if start < x < end), end]
        for left, right in itertools.pairwise(bounds):
            if left != start and (self.drift or self.erased):
                self._move_to(left, y)
            column = left
            for key, group in itertools.groupby(keys[left:right]):
                count = len(list(group))
                link = key[1:] if type(key) is tuple else None
                sgr = key[0] if type(key) is tuple else key
                cells = chars[column : column + count]
                if (
                    link is None
                    and self.style is not None
                    and sgr != self.style
                    and cells.count(" ") == count
                    and _same_blank(sgr, self.style)
                ):
                    # Spaces look the same in the style already set: no change of style,
                    # and the model keeps the style the terminal really has.
                    sgr = self.style
                    keys[column : column + count] = [sgr] * count
                self._set_style(sgr, link)
                erase = self.encoder.erase and link is None and erasable(sgr)
                self._put(y, column, cells, erase)  # type: ignore[arg-type]
                column += count
        if not self.erased:
            # After the last column a terminal may hold the cursor there, or past it.
            self.cursor = (end, y) if end < width else None

    def _set_style(self, sgr: str, link: tuple[str, str] | None) -> None:
        """Make `link` (or none) and the style `sgr` the terminal's, as few bytes as it takes."""
        if link != self.link:
            if self.link is not None:
                self.out.append(_LINK_CLOSE)
            if link is not None:
                self.out.append(f"\x1b]8;id={link[0]};{link[1]}\x1b\\")
            self.link = link
        if sgr != self.style:
            self.out.append(sgr_change(self.style, sgr))
            self.style = sgr

    def _put(self, y: int, column: int, cells: list[str], erase: bool) -> None:
        """Write `cells` from `column` in the style set; with `erase`, runs of at least
        ERASE_MIN blanks are erased (ECH) instead."""
        done = 0
        if erase:
            text = "".join(cells)
            if len(text) != len(cells) or CONTINUATION in cells:
                # Not a character a cell: a string whose index is the cell's.
                text = "".join(" " if cell == " " else "_" for cell in cells)
            for a, b in [found.span() for found in _BLANKS.finditer(text)]:
                self._text(y, column + done, cells[done:a])
                if self.drift or self.erased:
                    self._move_to(column + a, y)
                self.out.append(f"\x1b[{b - a}X")  # ECH: the cursor stays where it is
                self.cursor = (column + a, y)
                self.erased = True
                done = b
        self._text(y, column + done, cells[done:])

    def _text(self, y: int, column: int, cells: list[str]) -> None:
        if not cells:
            return
        if self.erased:
            self._move_to(column, y)
        text = "".join(cells)
        self.out.append(text)
        if not text.isascii():
            self.drift = True

    def _move_to(self, x: int, y: int) -> None:
        cursor = None if self.drift else self.cursor
        self.out.append(_move(x, y, cursor))
        self.cursor = (x, y)
        self.drift = False
        self.erased = False

    def _verbatim(self, y: int, pieces: list[Piece]) -> None:
        """Write fragments as Textual does, and forget the model after this frame."""
        self._close_link()
        if self.style != "":
            self.out.append(RESET)
        for x, strip, crop in pieces:
            if crop is not None:
                strip = strip.crop(0, crop)
            self.out.append(f"\x1b[{y + 1};{x + 1}H")
            self.out.append(strip.render(self.console))
        self.style = None
        self.cursor = None
        self.lost = True
        # Whatever these wrote, nothing later in this frame trusts the model.
        self.encoder.invalidate()

    def _close_link(self) -> None:
        if self.link is not None:
            self.out.append(_LINK_CLOSE)
            self.link = None

    def finish(self) -> str:
        """The frame, ending in the default style (as Textual's does) for whatever is
        written next."""
        self._close_link()
        if self.style:
            self.out.append(RESET)
        if self.lost:
            self.encoder.invalidate()
        return "".join(self.out)


def _same_blank(key: Key, other: Key) -> bool:
    """Whether a space in style `key` looks like a space in style `other` (no link)."""
    return type(key) is str and type(other) is str and blank_look(key) == blank_look(other)


def _differing(
    chars: list[str], keys: list[Key], old_chars: list[str | None], old_keys: list[Key]
) -> bytes:
    """1 for each cell that will look different from the model's, else 0. A space whose
    style changed only in what a space does not show (its colour, bold...) is the same."""
    differs = bytearray(map(or_, map(ne, chars, old_chars), map(ne, keys, old_keys)))
    for found in list(_CHANGED.finditer(differs)):
        for x in range(found.start(), found.end()):
            if chars[x] == " " == old_chars[x] and _same_blank(keys[x], old_keys[x]):
                differs[x] = 0
    return bytes(differs)


def _sgr_of(key: Key) -> str:
    sgr: str = key[0] if type(key) is tuple else key
    return sgr
