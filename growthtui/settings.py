"""User settings: the theme and a keymap, in a TOML file in the config dir.

```toml
theme = "gruvbox"

[keymap]
# binding id = "key[,key]"   (ids are listed by `?` in the app)
"goals.new" = "a"
"app.quit" = "ctrl+q"
"area.timeline" = "4,ctrl+t"
```
`frame_encoder = false` writes the screen as Textual writes it (growthtui.ui.frames), for
someone chasing a display bug.
Reading never fails hard: a broken file gives defaults plus a sentence saying what was
ignored, shown once in the app.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from growthtui.domain.errors import InvalidInput

DEFAULT_THEME = "textual-dark"
KNOWN_SETTINGS = ("theme", "keymap", "frame_encoder")


@dataclass
class Settings:
    theme: str = DEFAULT_THEME
    keymap: dict[str, str] = field(default_factory=dict)
    frame_encoder: bool = True
    """Screen updates through growthtui's frame encoder (fewer bytes); False: Textual's own."""
    path: Path | None = None
    problems: list[str] = field(default_factory=list)
    """What was wrong in the file and ignored, in sentences."""


def load_settings(path: Path) -> Settings:
    """Read the settings file; a missing file gives defaults."""
    settings = Settings(path=path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return settings
    except OSError as error:
        settings.problems.append(f"cannot read settings {path}: {error.strerror}; using defaults")
        return settings
    import tomllib  # only when there is a file: most starts have none (a few ms saved)

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        settings.problems.append(f"settings {path} is not valid TOML ({error}); using defaults")
        return settings
    for name in data:
        if name not in KNOWN_SETTINGS:
            settings.problems.append(
                f"settings {path} has no setting {name!r} (there are: "
                f"{', '.join(KNOWN_SETTINGS)}); ignored"
            )
    theme = data.get("theme", DEFAULT_THEME)
    if isinstance(theme, str) and theme.strip():
        settings.theme = theme.strip()
    else:
        settings.problems.append(f"'theme' in {path} must be a name in quotes; using the default")
    frame_encoder = data.get("frame_encoder", True)
    if isinstance(frame_encoder, bool):
        settings.frame_encoder = frame_encoder
    else:
        settings.problems.append(f"'frame_encoder' in {path} must be true or false; using true")
    keymap = data.get("keymap", {})
    if not isinstance(keymap, dict):
        settings.problems.append(f'[keymap] in {path} must be a table of id = "key"; ignored')
        keymap = {}
    for binding_id, keys in _flatten(keymap):
        if isinstance(keys, str) and keys.strip():
            settings.keymap[binding_id] = keys.strip()
        elif isinstance(keys, list) and keys and all(isinstance(k, str) for k in keys):
            settings.keymap[binding_id] = ",".join(k.strip() for k in keys)
        else:
            settings.problems.append(
                f'keymap entry {binding_id!r} in {path} needs a key in quotes, e.g. "ctrl+g"; '
                "ignored"
            )
    return settings


def _flatten(table: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, object]]:
    """(binding id, value) for a [keymap] table. An id written without quotes
    (`goals.new = "a"`) is a dotted key, which TOML reads as nested tables: join it back."""
    for name, value in table.items():
        if isinstance(value, dict):
            yield from _flatten(value, f"{prefix}{name}.")
        else:
            yield f"{prefix}{name}", value


def _toml_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


_THEME_LINE = re.compile(r"^\s*theme\s*=.*$", re.MULTILINE)
_FIRST_TABLE = re.compile(r"^\s*\[", re.MULTILINE)


def save_theme(path: Path, theme: str) -> None:
    """Remember the theme, keeping the rest of the file (the keymap, comments) as it is."""
    line = f"theme = {_toml_string(theme)}"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = (
            '# growthtui settings. Keymap: binding id = "key[,key]" (press ? in the app)\n'
            "\n[keymap]\n"
        )
    except OSError as error:
        raise InvalidInput(f"cannot read settings {path}: {error.strerror}") from None
    if _THEME_LINE.search(text):
        text = _THEME_LINE.sub(line, text, count=1)
    else:
        table = _FIRST_TABLE.search(text)
        at = table.start() if table else len(text)
        text = f"{text[:at]}{line}\n{text[at:]}"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError as error:
        raise InvalidInput(
            f"cannot save settings to {path}: {error.strerror or error}; check the folder"
        ) from None
