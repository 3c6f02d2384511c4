"""Feedback received: who, when, what, and the traits it speaks to."""

from __future__ import annotations

from collections.abc import Iterator

from growthtui.domain import Feedback, Person, Source, Trait
from growthtui.ui.screens.record_form import RecordForm
from growthtui.ui.widgets.form import FieldSpec, enum_options


class FeedbackForm(RecordForm[Feedback]):
    """Log feedback (`feedback` None) or edit it. Dismisses with the stored feedback."""

    MODEL = Feedback

    def __init__(self, feedback: Feedback | None = None) -> None:
        super().__init__(
            f"Edit feedback #{feedback.id} from {feedback.giver or 'someone'}"
            if feedback
            else "Feedback received",
            feedback,
        )

    def specs(self) -> Iterator[FieldSpec]:
        f = self.original
        yield FieldSpec(
            "text", "What they said", placeholder="e.g. Your design docs are the ones people read"
        )
        yield FieldSpec("giver", "From", placeholder="a name, or e.g. 360 survey")
        people = [(p.name, p.id or 0) for p in self.store.list(Person)]
        if people:
            yield FieldSpec(
                "person_id",
                "Person (People screen)",
                "choice",
                options=people,
                blank="",
                hint="optional",
            )
        yield FieldSpec(
            "source", "Source", "choice", options=enum_options(Source), default=Source.PEER
        )
        yield FieldSpec(
            "date",
            "When",
            "date",
            placeholder="YYYY-MM-DD",
            required=True,
            what="date",
            default=self.today,
        )
        traits = self.store.list(
            Trait, where=lambda t: not t.archived or bool(f and t.id in f.trait_ids)
        )
        yield FieldSpec(
            "trait_ids",
            "Traits it speaks to",
            "ids",
            options=[(f"{t.kind.value}: {t.title}", t.id or 0) for t in traits],
            hint="space picks",
        )

    def build(self) -> Feedback:
        data, errors = self.read()
        person = self.store.find(Person, data.get("person_id"))
        if person is not None and not data["giver"].strip():
            data["giver"] = person.name
        return self.record(data, errors)  # type: ignore[no-any-return]
