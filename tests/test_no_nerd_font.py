"""No Nerd Font icons: over SSH and in most fonts they show as empty boxes (dooit #13).

Nerd Font glyphs live in Unicode's Private Use Areas: U+E000–U+F8FF and planes 15–16
(U+F0000 and up). Nothing growthtui ships may contain one, in code, styles or data.
"""

from __future__ import annotations

from pathlib import Path

import growthtui

PACKAGE = Path(growthtui.__file__).parent


def private_use(text: str) -> list[tuple[int, str]]:
    """(line number, U+XXXX) of every Private Use Area character in `text`."""
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        for character in line:
            code = ord(character)
            if 0xE000 <= code <= 0xF8FF or code >= 0xF0000:
                found.append((number, f"U+{code:04X}"))
    return found


def test_the_private_use_check_finds_a_nerd_font_icon() -> None:
    assert private_use("ok\n  \uf113 branch\n\U000f0219") == [(2, "U+F113"), (3, "U+F0219")]
    assert private_use("✓ ▏ ⏎ ← → ·") == []


def test_no_file_of_the_package_holds_a_nerd_font_glyph() -> None:
    files = [
        path
        for path in sorted(PACKAGE.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    ]
    assert any(path.suffix == ".tcss" for path in files) and len(files) > 20
    offenders = {
        str(path.relative_to(PACKAGE)): hits
        for path in files
        if (hits := private_use(path.read_text(encoding="utf-8", errors="replace")))
    }
    assert offenders == {}
