"""Names a package offers, imported from their modules on first use (PEP 562).

`growthtui.domain` and `growthtui.store` use it (so it lives in the lowest layer): the
parts that need no pydantic (the date rules, the agenda's quick read) can then be imported
without loading it.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any


def lazy_names(package: str, home: Mapping[str, str]) -> Callable[[str], Any]:
    """A module `__getattr__` for `package`: `home` maps each name to the module (inside
    the package) that defines it; the first use imports that module and keeps the value."""

    def __getattr__(name: str) -> Any:
        module = home.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__
