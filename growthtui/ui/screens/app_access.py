"""What every screen and dialog of growthtui reaches through its app: the store, the
clock, the glyphs."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from growthtui.store.repository import Store
    from growthtui.ui.app import GrowthApp
    from growthtui.ui.glyphs import Glyphs


class AppAccess:
    """Mixed into Screen subclasses (area screens, forms, the review wizard)."""

    @property
    def growth_app(self) -> GrowthApp:
        return self.app  # type: ignore[attr-defined,no-any-return]

    @property
    def store(self) -> Store:
        return self.growth_app.store

    @property
    def today(self) -> dt.date:
        return self.growth_app.today()

    @property
    def glyphs(self) -> Glyphs:
        return self.growth_app.glyphs
