"""`frame_encoder = false` in the settings file: every frame is written as Textual writes
it (for someone chasing a display bug); by default frames go through the encoder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from growthtui.settings import Settings, load_settings
from growthtui.store.repository import Store
from growthtui.ui.app import GrowthApp


def test_the_setting_is_read_and_a_wrong_value_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    assert load_settings(path).frame_encoder is True  # no file: the encoder
    path.write_text("frame_encoder = false\n", encoding="utf-8")
    settings = load_settings(path)
    assert settings.frame_encoder is False
    assert settings.problems == []
    path.write_text('frame_encoder = "no"\n', encoding="utf-8")
    settings = load_settings(path)
    assert settings.frame_encoder is True
    assert settings.problems == [f"'frame_encoder' in {path} must be true or false; using true"]


async def _what_is_written(store: Store, settings: Settings) -> tuple[Any, Any]:
    app = GrowthApp(store, settings, poll=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        # A headless app writes no frames: this one is taken to write to a terminal.
        app._frames_written = lambda: True  # type: ignore[method-assign]
        update = app.screen._compositor.render_update(full=True)
        return update, app._encoded(app.screen, update)


async def test_frames_go_through_the_encoder_unless_the_setting_turns_it_off(
    seeded_store: Store,
) -> None:
    update, written = await _what_is_written(seeded_store, Settings())
    assert written is not update
    assert type(written).__name__ == "_EncodedUpdate"
    update, written = await _what_is_written(seeded_store, Settings(frame_encoder=False))
    assert written is update  # Textual's own update, written by Textual
