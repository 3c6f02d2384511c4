"""Where growthtui keeps things. Functions, not constants: nothing is created at import."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "growthtui"
DATA_ENV = "GROWTHTUI_DATA"
CONFIG_ENV = "GROWTHTUI_CONFIG"


def default_data_path() -> Path:
    """The store: `GROWTHTUI_DATA` if set, else the platform's user data dir."""
    override = os.environ.get(DATA_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    import platformdirs  # only when no path was given: `--data` skips loading it

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "growthtui.json"


def data_path(cli_value: str | None) -> Path:
    """`--data` beats `GROWTHTUI_DATA` beats the platform default."""
    if cli_value is not None and cli_value.strip():
        return Path(cli_value).expanduser()
    return default_data_path()


def config_dir() -> Path:
    override = os.environ.get(CONFIG_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def settings_path() -> Path:
    """The settings file (theme, keymap): TOML in the config dir."""
    return config_dir() / "config.toml"
