"""Names a package offers, imported from their modules on first use (PEP 562).

`growthtui.domain` and `growthtui.store` use it (so it lives in the lowest layer): the
parts that need no pydantic (the date rules, the agenda's quick read) can then be imported
without loading it.
"""

from __future__ import annotations

import importlib
import sys

TYPE_CHECKING = False  # typing and collections.abc would cost every quick command an import
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping
    from typing import Any


def lazy_names(package: str, modules: Mapping[str, Iterable[str]]) -> Callable[[str], Any]:
    """A module `__getattr__` for `package`: `modules` maps each module inside the package
    to the names it gives the package; the first use of a name imports its module and
    keeps the value."""
    home = {name: module for module, names in modules.items() for name in names}

    def __getattr__(name: str) -> Any:
        module = home.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__
