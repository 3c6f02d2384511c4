"""Feedback received: who, when, what, and the traits it speaks to."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from growthtui.domain import Feedback, Person, Source, Trait
from growthtui.domain.dates import parse_date
from growthtui.domain.errors import InvalidInput
from growthtui.ui.screens.record_form import RecordForm, build_checked
from growthtui.ui.widgets.form import FormField, choice, multi_choice, text_input


class FeedbackForm(RecordForm[Feedback]):
    """Log feedback (`feedback` None) or edit it. Dismisses with the stored feedback."""

    def __init__(self, feedback: Feedback | None = None) -> None:
        super().__init__(
            f"Edit feedback #{feedback.id} from {feedback.giver or 'someone'}"
            if feedback
            else "Feedback received"
        )
        self.original = feedback

    def fields(self) -> Iterator[FormField]:
        f = self.original
        yield FormField(
            "text",
            "What they said",
            text_input(f.text if f else "", "e.g. Your design docs are the ones people read"),
        )
        yield FormField(
            "giver", "From", text_input(f.giver if f else "", "a name, or e.g. 360 survey")
        )
        people = [(p.name, p.id or 0) for p in self.store.list(Person)]
        if people:
            yield FormField(
                "person_id",
                "Person (People screen)",
                choice(people, f.person_id if f else None, allow_blank=True),
                "optional",
            )
        yield FormField(
            "source",
            "Source",
            choice([(s.value, s.value) for s in Source], (f.source if f else Source.PEER).value),
        )
        yield FormField(
            "date", "When", text_input((f.date if f else self.today).isoformat(), "YYYY-MM-DD")
        )
        traits = self.store.list(
            Trait, where=lambda t: not t.archived or bool(f and t.id in f.trait_ids)
        )
        if traits:
            yield FormField(
                "trait_ids",
                "Traits it speaks to",
                multi_choice(
                    [(f"{t.kind.value}: {t.title}", t.id or 0) for t in traits],
                    f.trait_ids if f else [],
                ),
                "space picks",
            )

    def build(self) -> Feedback:
        v = self.values()
        errors: dict[str, str] = {}
        data: dict[str, Any] = {
            "text": v["text"],
            "giver": v["giver"],
            "person_id": v.get("person_id"),
            "source": v["source"],
            "trait_ids": v.get("trait_ids", self.original.trait_ids if self.original else []),
        }
        person = self.store.find(Person, data["person_id"])
        if person is not None and not data["giver"].strip():
            data["giver"] = person.name
        try:
            data["date"] = parse_date(v["date"], self.today, "date")
        except InvalidInput as error:
            errors["date"] = str(error)
            data["date"] = self.today
        if self.original is not None:
            data = {**self.original.model_dump(), **data}
        return build_checked(Feedback, data, errors)  # type: ignore[no-any-return]

    def save(self, record: Feedback) -> Feedback:
        if self.original is None:
            return self.store.add(record)
        return self.store.update(record, base=self.original)
