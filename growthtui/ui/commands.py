"""The one command-palette provider: every action, named "area: verb".

Commands are generated from the bindings of the app and of every area screen, so an action
reachable by a key is always in the palette too (with its current key shown), plus the
actions that have no key (export, import, theme, profile).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider

from growthtui.ui.areas import AREA_BY_MODE, AREAS

if TYPE_CHECKING:
    from growthtui.ui.app import GrowthApp


@dataclass(frozen=True)
class PaletteCommand:
    name: str
    """"area: verb", lower case."""
    help: str
    mode: str | None
    """The area the action runs in (switched to first); None for app-wide actions."""
    action: str
    binding_id: str | None = None
    synonyms: tuple[str, ...] = ()
    """Plain words a person may search for it by ("conversation" for logging a talk)."""


SYNONYMS: dict[str, tuple[str, ...]] = {
    "people.log": (
        "conversation",
        "talk",
        "meeting",
        "call",
        "chat",
        "coffee",
        "one-on-one",
        "1:1",
        "interaction",
        "catch up",
    ),
    "people.new": ("person", "contact", "mentor", "sponsor", "peer", "mentee", "network"),
    "people.milestone": ("next step", "action item", "follow-up"),
    "people.follow_filter": ("follow up", "overdue contacts", "losing touch"),
    "app.log_win": (
        "win",
        "evidence",
        "brag",
        "praise",
        "accomplishment",
        "achievement",
        "lesson",
        "feedback received",
    ),
    "app.undo": ("revert", "take back", "oops"),
    "app.quit": ("exit", "close", "leave"),
    "app.help": ("keys", "shortcuts", "bindings", "help"),
    "goals.new": ("goal", "objective", "target", "aim", "aspiration"),
    "goals.new_child": ("stepping stone", "sub-goal", "subgoal", "child goal"),
    "goals.checkin": ("progress", "update", "measure", "value", "check in"),
    "goals.milestone": ("deadline", "step", "due date"),
    "goals.toggle": ("achieved", "complete", "finish", "done"),
    "timeline.new": ("milestone", "deadline", "due date"),
    "timeline.view": ("bars", "gantt", "chart", "list"),
    "timeline.today": ("now", "this month"),
    "timeline.open_goal": ("jump to goal", "show goal"),
    "dashboard.review": ("review due",),
    "reviews.start_review": (
        "retrospective",
        "retro",
        "reflect",
        "quarterly",
        "monthly",
        "weekly",
        "annual",
    ),
    "learning.new": (
        "course",
        "certification",
        "book",
        "workshop",
        "conference",
        "training",
        "study",
        "class",
    ),
    "learning.done": ("finished", "completed", "certified"),
    "assessment.new": ("strength", "weakness", "opportunity", "threat", "swot", "trait"),
    "assessment.rate": ("skill level", "score", "self-rating"),
}
"""Plain words the palette also finds a command by, keyed by binding id (or action)."""


EXTRA_COMMANDS: tuple[PaletteCommand, ...] = (
    PaletteCommand(
        "app: change theme",
        "pick a colour theme (remembered)",
        None,
        "change_theme",
        synonyms=("colour", "color", "look", "dark", "light"),
    ),
    PaletteCommand(
        "app: export",
        "write the store as json, md, csv or ics",
        None,
        "export",
        synonyms=("save as", "report", "markdown", "csv", "calendar", "ics", "backup"),
    ),
    PaletteCommand(
        "app: import",
        "merge a json or taskwarrior export",
        None,
        "import_data",
        synonyms=("taskwarrior", "load", "merge"),
    ),
    PaletteCommand(
        "app: sync now",
        "bring this copy and the other machine's in step (growthtui sync)",
        None,
        "sync_now",
        synonyms=("sync", "git", "laptop", "remote", "push", "pull", "other machine"),
    ),
    PaletteCommand(
        "profile: edit",
        "name, role, vision, review cadence",
        None,
        "edit_profile",
        synonyms=("vision", "name", "role", "cadence", "about me"),
    ),
)


def _verb(binding: Binding) -> str:
    return binding.description.lower()


def palette_commands() -> list[PaletteCommand]:
    """Every command the palette offers, in a stable order."""
    from growthtui.ui.app import GrowthApp
    from growthtui.ui.screens.registry import AREA_SCREEN_CLASSES

    commands: list[PaletteCommand] = []
    for binding in GrowthApp.BINDINGS:
        assert isinstance(binding, Binding)
        if binding.action.startswith("area("):
            mode = binding.action[len("area('") : -2]
            commands.append(
                PaletteCommand(
                    f"go: {AREA_BY_MODE[mode].title.lower()}",
                    f"switch to the {AREA_BY_MODE[mode].title} screen",
                    None,
                    binding.action,
                    binding.id,
                )
            )
        else:
            commands.append(
                PaletteCommand(
                    f"app: {_verb(binding)}", binding.description, None, binding.action, binding.id
                )
            )
    for area in AREAS:
        screen_class = AREA_SCREEN_CLASSES[area.mode]
        seen: set[str] = set()
        for binding in screen_class.__dict__.get("BINDINGS", []):
            if not isinstance(binding, Binding) or binding.action in seen:
                continue
            seen.add(binding.action)
            commands.append(
                PaletteCommand(
                    f"{area.title.lower()}: {_verb(binding)}",
                    binding.description,
                    area.mode,
                    binding.action,
                    binding.id,
                )
            )
        for name, help_text, action in getattr(screen_class, "PALETTE_EXTRAS", ()):
            commands.append(
                PaletteCommand(f"{area.title.lower()}: {name}", help_text, area.mode, action)
            )
    commands.extend(EXTRA_COMMANDS)
    return [
        replace(command, synonyms=command.synonyms + SYNONYMS.get(command.binding_id or "", ()))
        for command in commands
    ]


class GrowthCommands(Provider):
    """growthtui's commands for the palette (ctrl+p)."""

    @property
    def growth_app(self) -> GrowthApp:
        return self.app  # type: ignore[return-value]

    def _runner(self, command: PaletteCommand) -> Callable[[], object]:
        app = self.growth_app
        return partial(app.call_later, app.run_command, command.mode, command.action)

    def _help(self, command: PaletteCommand) -> str:
        """The help line, with the key that runs it now (after the user's keymap)."""
        key = self.growth_app.key_for(command.binding_id) if command.binding_id else ""
        # Parentheses, not brackets: "[/]" would read as a closing markup tag.
        return f"{command.help}  ({key})" if key else command.help

    def _all(self) -> Iterator[tuple[PaletteCommand, str]]:
        for command in palette_commands():
            yield command, self._help(command)

    async def discover(self) -> Hits:
        for command, help_text in self._all():
            yield DiscoveryHit(command.name, self._runner(command), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command, help_text in self._all():
            score = matcher.match(command.name)
            # A plain word for it ("conversation") finds it too, a little behind its name.
            said = max((matcher.match(word) for word in command.synonyms), default=0.0)
            if said > score:
                score = said * 0.9
                help_text = f"{help_text} — also: {', '.join(command.synonyms[:4])}"
            if score > 0:
                yield Hit(
                    score, matcher.highlight(command.name), self._runner(command), help=help_text
                )
