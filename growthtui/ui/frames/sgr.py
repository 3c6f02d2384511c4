"""SGR (Select Graphic Rendition) sequences: the shortest change from one style to another,
for the frame encoder (see growthtui.ui.frames)."""

from __future__ import annotations

import functools

RESET = "\x1b[0m"

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


_change_cache: dict[tuple[str | None, str], str] = {}


@functools.lru_cache(maxsize=4096)
def _read(parameters: str) -> _Sgr:
    return _Sgr(parameters)


def sgr_change(current: str | None, target: str) -> str:
    """The shortest SGR sequence that takes the terminal from style `current` (SGR
    parameters; "" is the default style, None unknown) to style `target`."""
    cached = _change_cache.get((current, target))
    if cached is not None:
        return cached
    if current == target:
        change = ""
    elif not target:
        change = RESET
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


# Attributes a blank cell shows: lines under, through, over or around it. Bold, dim,
# italic, blink and conceal change nothing on a space; reverse video shows the foreground
# (such a style is kept whole).
_SHOWN_ON_BLANK = frozenset({"4", "21", "9", "53", "51", "52"})
_REVERSE = "7"


@functools.lru_cache(maxsize=4096)
def blank_look(parameters: str) -> object:
    """What a space in style `parameters` looks like, as a value: two styles whose spaces
    look alike give equal values. It is the background and the attributes that show on a
    blank; a style that reverses video or holds anything not read gives itself."""
    sgr = _read(parameters)
    if not sgr.plain or _REVERSE in sgr.attributes:
        return parameters
    return (sgr.background, frozenset(sgr.attributes & _SHOWN_ON_BLANK))


def erasable(parameters: str) -> bool:
    """Whether a space in this style is what an erase (ECH) leaves on a terminal that fills
    erased cells with the current background: the background alone shows."""
    sgr = _read(parameters)
    return sgr.plain and not sgr.attributes & (_SHOWN_ON_BLANK | {_REVERSE})
