"""The words filter above a list: `/` opens it, the list follows as you type, `enter` goes
back to the list, `escape` (a screen key) empties and closes it."""

from __future__ import annotations

from textual.widgets import Input


class FilterBox(Input):
    """An Input that is hidden until opened. Screens read `words` when they list rows and
    react to its Changed/Submitted messages like any Input's."""

    DEFAULT_CSS = """
    FilterBox { display: none; height: 3; }
    FilterBox.-open { display: block; }
    """

    @property
    def words(self) -> str:
        """What to filter by ("" when the box is closed or empty)."""
        return self.value.strip()

    def matches(self, *texts: str) -> bool:
        """Every word typed is somewhere in `texts`, in any case (True when none is)."""
        words = self.words.lower().split()
        if not words:
            return True
        haystack = " ".join(texts).lower()
        return all(word in haystack for word in words)

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    def open(self) -> None:
        """Show the box and focus it at once: the words typed right after `/` go in."""
        self.add_class("-open")
        self.display = True
        self.screen.set_focus(self)

    def close(self) -> bool:
        """Empty and close the box; False when there was nothing to clear."""
        if not self.is_open and not self.words:
            return False
        self.value = ""
        self.remove_class("-open")
        self.display = False
        return True
