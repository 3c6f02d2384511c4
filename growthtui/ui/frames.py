"""Frames written with fewer bytes: Textual's screen updates re-encoded against a model of
what this app last sent to each cell of the terminal.

Textual writes every changed fragment of a line whole, each segment as a full style, its
text and a reset. `FrameEncoder` writes the same screen: only the cells that differ from
what the terminal already shows (short unchanged gaps are written through when that is
shorter than a cursor move), and a style only when it changes, as the attributes that
changed or a reset and the full style, whichever is shorter.

A full update (a screen switch, a resize) is written as Textual writes it, which is quick:
the whole screen is new, there is nothing to leave out, and encoding every cell of it in
Python costs ten times Textual's own. Its lines are kept and the model learns a line from
them when a later partial update touches it (a cursor move learns the rows it changes).

The model is only as good as the knowledge that nothing else wrote to the terminal: it is
dropped on every full update (which then teaches it, line by line), on a change of
screen or size, whenever Textual writes anything that is not a compositor update, when the
app is suspended or resumed, and after any fragment it cannot read cell by cell (control
characters, a zero-width character with no cell to join). The inline driver is left alone.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import re
import weakref
from collections.abc import Iterable, Iterator
from operator import ne, or_
from typing import TYPE_CHECKING, Any

from rich.cells import get_character_cell_size
from rich.color import ColorSystem
from textual._compositor import ChopsUpdate, CompositorUpdate, LayoutUpdate
from textual.strip import Strip

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
    from textual.screen import Screen

CONTINUATION = ""
"""The right half of a wide character: a cell the character to its left covers."""

CELL_CACHE = 4096
"""Strips whose cells are remembered (a 120x40 screen in fragments is a few hundred)."""

MERGE_GAP = 16
"""Unchanged gaps longer than this are always jumped over (a move is at most 8 bytes)."""

_RESET = "\x1b[0m"
_CHANGED = re.compile(b"\x01+")
_LINK_CLOSE = "\x1b]8;;\x1b\\"

Piece = tuple[int, Strip, int | None]
"""A fragment of a line: its first column, its strip, and how many cells of it Textual
writes (None: all)."""

Key = Any
"""What a cell's style writes: the SGR parameters, or (parameters, link id, link)."""

# SGR parameters that turn an attribute off, and every attribute each turns off.
_OFF = {"1": "22", "2": "22", "3": "23", "4": "24", "5": "25", "7": "27", "8": "28", "9": "29"}
_TURNS_OFF = {
    "22": frozenset({"1", "2"}),
    "23": frozenset({"3"}),
    "24": frozenset({"4", "21"}),
    "25": frozenset({"5", "6"}),
    "27": frozenset({"7"}),
    "28": frozenset({"8"}),
    "29": frozenset({"9"}),
}
_ATTRIBUTES = frozenset({"1", "2", "3", "4", "5", "6", "7", "8", "9", "21", "51", "52", "53"})
_FOREGROUND = frozenset({*map(str, range(30, 38)), *map(str, range(90, 98))})
_BACKGROUND = frozenset({*map(str, range(40, 48)), *map(str, range(100, 108))})


class _Sgr:
    """One SGR parameter string read back: attributes, foreground, background. `plain` is
    False when it holds anything else; such a style is only ever written after a reset."""

    __slots__ = ("attributes", "background", "foreground", "plain")

    def __init__(self, parameters: str) -> None:
        self.attributes: set[str] = set()
        self.foreground: tuple[str, ...] | None = None
        self.background: tuple[str, ...] | None = None
        self.plain = True
        codes = parameters.split(";") if parameters else []
        index = 0
        while index < len(codes):
            code = codes[index]
            if code in ("38", "48"):
                size = {"5": 3, "2": 5}.get(codes[index + 1] if index + 1 < len(codes) else "")
                if size is None or index + size > len(codes):
                    self.plain = False
                    return
                color = tuple(codes[index : index + size])
                if code == "38":
                    self.foreground = color
                else:
                    self.background = color
                index += size
                continue
            if code in _FOREGROUND:
                self.foreground = (code,)
            elif code in _BACKGROUND:
                self.background = (code,)
            elif code == "39":
                self.foreground = None
            elif code == "49":
                self.background = None
            elif code in _ATTRIBUTES:
                self.attributes.add(code)
            else:
                self.plain = False
            index += 1


_read_cache: dict[str, _Sgr] = {}
_change_cache: dict[tuple[str | None, str], str] = {}


def _read(parameters: str) -> _Sgr:
    sgr = _read_cache.get(parameters)
    if sgr is None:
        if len(_read_cache) > 4096:
            _read_cache.clear()
        sgr = _read_cache[parameters] = _Sgr(parameters)
    return sgr


def sgr_change(current: str | None, target: str) -> str:
    """The shortest SGR sequence that takes the terminal from style `current` (SGR
    parameters; "" is the default style, None unknown) to style `target`."""
    cached = _change_cache.get((current, target))
    if cached is not None:
        return cached
    if current == target:
        change = ""
    elif not target:
        change = _RESET
    else:
        change = f"\x1b[{target}m" if current == "" else f"\x1b[0;{target}m"
        if current:
            before, after = _read(current), _read(target)
            if before.plain and after.plain:
                step = _step(before, after)
                if step is not None and len(step) < len(change):
                    change = step
    if len(_change_cache) > 16384:
        _change_cache.clear()
    _change_cache[(current, target)] = change
    return change


def _step(before: _Sgr, after: _Sgr) -> str | None:
    """The changed attributes and colours alone, or None when an attribute to turn off
    has no off code of its own (then only a reset does)."""
    codes: list[str] = []
    kept = before.attributes
    removed = before.attributes - after.attributes
    if removed:
        if not all(code in _OFF for code in removed):
            return None
        offs = sorted({_OFF[code] for code in removed})
        codes += offs
        kept = set(kept)
        for off in offs:
            kept -= _TURNS_OFF[off]
    codes += sorted(after.attributes - kept)
    if before.foreground != after.foreground:
        codes += after.foreground or ("39",)
    if before.background != after.background:
        codes += after.background or ("49",)
    # No codes: the two write the same style ("\x1b[m" would be a reset).
    return f"\x1b[{';'.join(codes)}m" if codes else ""


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


class _Opaque(Exception):
    """A fragment that cannot be read cell by cell: written as Textual writes it."""


@functools.cache
def _narrow() -> frozenset[str]:
    """Characters Rich measures one cell wide, from the common ranges (Latin, Greek,
    Cyrillic, box drawing, blocks, shapes): a text of only these is one cell a character."""
    ranges = ((0x20, 0x7E), (0xA0, 0x2FF), (0x370, 0x482), (0x2500, 0x25FF), (0x2800, 0x28FF))
    return frozenset(
        char
        for start, end in ranges
        for char in map(chr, range(start, end + 1))
        if char.isprintable() and get_character_cell_size(char) == 1
    )


def _cells(strip: Strip, color_system: ColorSystem) -> tuple[list[str], list[Key]]:
    """A strip as cells: each cell's text (a character and any zero-width ones joined to
    it; CONTINUATION for the right half of a wide one) and its style's key, the SGR
    parameters exactly as Textual's Strip.render writes them."""
    chars: list[str] = []
    keys: list[Key] = []
    render_ansi = Strip.render_ansi
    narrow = _narrow()
    for text, style, control in strip._segments:
        if control:
            raise _Opaque
        if not text:
            continue
        if style is None:
            key: Key = ""
        else:
            ansi = style._ansi
            if ansi is None:
                ansi = render_ansi(style, color_system)
            key = (ansi, style._link_id, style._link) if style._link else ansi
        if (text.isascii() and text.isprintable()) or narrow.issuperset(text):
            chars += text
            keys += [key] * len(text)
            continue
        first = len(chars)
        for char in text:
            if char < " " or "\x7f" <= char < "\xa0":
                raise _Opaque  # control characters: the terminal acts on them
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
                raise _Opaque
    if len(chars) != strip.cell_length:
        raise _Opaque  # Rich measures this text otherwise (a grapheme cluster, say)
    return chars, keys


class FrameEncoder:
    """Encodes Textual's compositor updates against what the terminal shows."""

    def __init__(self) -> None:
        self.size: tuple[int, int] = (0, 0)
        self._chars: list[list[str | None]] = []
        self._keys: list[list[Key]] = []
        self.failures = 0
        """Frames the encoder failed on (written by Textual's own encoding instead)."""
        self._cell_cache: dict[int, tuple[Strip, ColorSystem, list[str], list[Key]]] = {}
        self._unlearned: dict[int, list[Piece]] = {}
        """Lines of the last full update the model has not learned yet (row → pieces)."""

    def cells(self, strip: Strip, color_system: ColorSystem) -> tuple[list[str], list[Key]]:
        """`_cells(strip)`, remembered: Textual keeps the strips of lines it did not
        render again, so most fragments of an update were seen in the last one."""
        cached = self._cell_cache.get(id(strip))
        if cached is not None and cached[0] is strip and cached[1] is color_system:
            return cached[2], cached[3]
        chars, keys = _cells(strip, color_system)
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

    def _readable(self, strip: Strip, color_system: ColorSystem) -> bool:
        """Whether the model can learn `strip` cell by cell. Plain text (most of a screen)
        is; anything else is read now (and remembered for when its line is learned)."""
        narrow = _narrow()
        for text, _style, control in strip._segments:
            if control:
                return False
            if text and not ((text.isascii() and text.isprintable()) or narrow.issuperset(text)):
                try:
                    self.cells(strip, color_system)
                except _Opaque:
                    return False
                return True
        return True

    def _learn(self, y: int, color_system: ColorSystem) -> None:
        """Learn row `y` as the last full update wrote it (a whole line, from column 0)."""
        pieces = self._unlearned.pop(y)
        width = self.size[0]
        chars_row: list[str | None] = [None] * width
        keys_row: list[Key] = [None] * width
        try:
            for x, strip, _crop in pieces:
                chars, keys = self.cells(strip, color_system)
                if x < 0 or x + len(chars) > width:
                    return  # not readable cell by cell: the row stays unknown
                chars_row[x : x + len(chars)] = chars
                keys_row[x : x + len(keys)] = keys
        except _Opaque:
            return
        self._chars[y] = chars_row
        self._keys[y] = keys_row

    def _resize(self, width: int, height: int) -> None:
        self.size = (width, height)
        self.invalidate()

    def encode(self, update: CompositorUpdate, console: Console) -> str:
        """The bytes (as str) that make the terminal show `update`, as Textual's own
        `update.render_segments(console)` would, with fewer bytes."""
        color_system = console._color_system or ColorSystem.TRUECOLOR
        if isinstance(update, LayoutUpdate):
            region = update.region
            self._resize(region.right, region.bottom)
            unlearned = {y: pieces for y, pieces, _ in _layout_rows(update)}
            if all(
                self._readable(strip, color_system)
                for pieces in unlearned.values()
                for _, strip, _ in pieces
            ):
                self._unlearned = unlearned
            # else the model stays empty: a line it cannot read (a control character, a
            # zero-width one with no cell to join) may show elsewhere than its cells say.
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
        return writer.finish()


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
                    raise _Opaque
                cells.append((x, chars, keys))
        except _Opaque:
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
            differs = bytes(map(or_, map(ne, chars, old_chars), map(ne, keys, old_keys)))
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
        out = self.out
        self._move_to(start, y)
        # Textual moves to each fragment's start; after non-ASCII text so does this.
        bounds = [start, *(x for x in starts if start < x < end), end]
        for left, right in itertools.pairwise(bounds):
            if left != start and self.drift:
                self._move_to(left, y)
            column = left
            for key, group in itertools.groupby(keys[left:right]):
                count = len(list(group))
                link = key[1:] if type(key) is tuple else None
                sgr = key[0] if type(key) is tuple else key
                if link != self.link:
                    if self.link is not None:
                        out.append(_LINK_CLOSE)
                    if link is not None:
                        out.append(f"\x1b]8;id={link[0]};{link[1]}\x1b\\")
                    self.link = link
                if sgr != self.style:
                    out.append(sgr_change(self.style, sgr))
                    self.style = sgr
                text = "".join(chars[column : column + count])  # type: ignore[arg-type]
                out.append(text)
                if not text.isascii():
                    self.drift = True
                column += count
        # After the last column a terminal may hold the cursor there, or past it.
        self.cursor = (end, y) if end < width else None

    def _move_to(self, x: int, y: int) -> None:
        cursor = None if self.drift else self.cursor
        self.out.append(_move(x, y, cursor))
        self.cursor = (x, y)
        self.drift = False

    def _verbatim(self, y: int, pieces: list[Piece]) -> None:
        """Write fragments as Textual does, and forget the model after this frame."""
        self._close_link()
        if self.style != "":
            self.out.append(_RESET)
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
            self.out.append(_RESET)
        if self.lost:
            self.encoder.invalidate()
        return "".join(self.out)


def _sgr_of(key: Key) -> str:
    sgr: str = key[0] if type(key) is tuple else key
    return sgr


class _EncodedUpdate(CompositorUpdate):
    """A compositor update that App._display writes through a FrameEncoder."""

    def __init__(self, encoder: FrameEncoder, update: CompositorUpdate) -> None:
        self.encoder = encoder
        self.update = update

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        return self.update.__rich_console__(console, options)  # type: ignore[attr-defined, no-any-return]

    def render_segments(self, console: Console) -> str:
        try:
            return self.encoder.encode(self.update, console)
        except Exception:
            # A frame must reach the terminal: Textual's own encoding, and start over.
            self.encoder.failures += 1
            self.encoder.invalidate()
            return self.update.render_segments(console)


class FrameEncoding:
    """Mixin for an App (before App in the bases): its screen updates go through a
    FrameEncoder. The inline driver and anything that is not a compositor update are
    written as Textual writes them, and the model is forgotten."""

    _frame_encoder: FrameEncoder | None = None
    _frame_screen: weakref.ref[Screen[Any]] | None = None
    _frame_writer: object = None

    def _display(self, screen: Screen[Any], renderable: RenderableType | None) -> None:
        super()._display(screen, self._encoded(screen, renderable))  # type: ignore[misc]

    def _encoded(
        self, screen: Screen[Any], renderable: RenderableType | None
    ) -> RenderableType | None:
        if renderable is None:
            return None
        app: Any = self
        encoder = self._frame_encoder
        if encoder is None:
            encoder = self._frame_encoder = FrameEncoder()
            self._subscribe(app, encoder)
        if not self._frames_written() or not isinstance(renderable, ChopsUpdate | LayoutUpdate):
            encoder.invalidate()
            return renderable
        driver = app._driver
        # Suspend and resume (ctrl+z, App.suspend) start a new writer and a clear screen.
        writer = getattr(driver, "_writer_thread", None)
        known = self._frame_screen() if self._frame_screen is not None else None
        if (
            screen is not known
            or writer is not self._frame_writer
            or (tuple(app.size) != encoder.size and isinstance(renderable, ChopsUpdate))
        ):
            encoder.invalidate()
            self._frame_screen = weakref.ref(screen)
            self._frame_writer = writer
        return _EncodedUpdate(encoder, renderable)

    def _frames_written(self) -> bool:
        """Whether App._display writes to a terminal, in full-screen mode."""
        app: Any = self
        driver = app._driver
        return driver is not None and not driver.is_inline and not app.is_headless

    @staticmethod
    def _subscribe(app: Any, encoder: FrameEncoder) -> None:
        def forget(_: object) -> None:
            encoder.invalidate()

        for signal in (app.app_suspend_signal, app.app_resume_signal):
            # Not running yet: the check of the driver's writer still catches a resume.
            with contextlib.suppress(Exception):
                signal.subscribe(app, forget, immediate=True)


def encode_all(updates: Iterable[CompositorUpdate], console: Console) -> list[str]:
    """Each update encoded in turn by one FrameEncoder (for tests and measurements)."""
    encoder = FrameEncoder()
    return [encoder.encode(update, console) for update in updates]
