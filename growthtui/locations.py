"""Where growthtui keeps things. Functions, not constants: nothing is created at import.

`pathlib` and `platformdirs` are imported by the functions that need them: the quick write
of `add goal` reads `given_data_path` before anything else is loaded.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

APP_NAME = "growthtui"
DATA_ENV = "GROWTHTUI_DATA"
CONFIG_ENV = "GROWTHTUI_CONFIG"


def given_data_path(cli_value: str | None) -> str | None:
    """The data file named by `--data`, else by GROWTHTUI_DATA, with `~` expanded; None
    when neither names one (the platform's default then applies)."""
    if cli_value is not None and cli_value.strip():
        return os.path.expanduser(cli_value)
    override = os.environ.get(DATA_ENV, "").strip()
    return os.path.expanduser(override) if override else None


def data_path(cli_value: str | None) -> Path:
    """`--data` beats `GROWTHTUI_DATA` beats the platform default."""
    from pathlib import Path

    given = given_data_path(cli_value)
    if given is not None:
        return Path(given)
    import platformdirs  # only when no path was given: `--data` skips loading it

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "growthtui.json"


def config_dir() -> Path:
    from pathlib import Path

    override = os.environ.get(CONFIG_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def settings_path() -> Path:
    """The settings file (theme, keymap): TOML in the config dir."""
    return config_dir() / "config.toml"
