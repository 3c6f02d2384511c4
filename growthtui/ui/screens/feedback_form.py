"""Feedback received: who, when, what, and the traits it speaks to."""

from __future__ import annotations

from collections.abc import Iterator

from growthtui.domain.assessment import Feedback, Source, Trait
from growthtui.domain.people import Person
from growthtui.ui.screens.record_form import RecordForm
from growthtui.ui.widgets.form import FieldSpec, kind_and_title


class FeedbackForm(RecordForm[Feedback]):
    """Log feedback (`original` None) or edit it. Dismisses with the stored feedback."""

    MODEL = Feedback
    NEW = "Feedback received"

    def __init__(self, feedback: Feedback | None = None) -> None:
        edit = (
            f"Edit feedback #{feedback.id} from {feedback.giver or 'someone'}" if feedback else None
        )
        super().__init__(feedback, edit)

    def specs(self) -> Iterator[FieldSpec]:
        linked = set(self.original.trait_ids if self.original else [])
        said = "e.g. Your design docs are the ones people read"
        yield FieldSpec("text", "What they said", placeholder=said)
        yield FieldSpec("giver", "From", placeholder="a name, or e.g. 360 survey")
        people = [(p.name, p.id) for p in self.store.list(Person)]
        if people:
            person = "Person (People screen)"
            yield FieldSpec(
                "person_id", person, "choice", options=people, blank="", hint="optional"
            )
        yield FieldSpec.one_of("source", "Source", Source.PEER)
        yield FieldSpec("date", "When", "date", required=True, what="date", default=self.today)
        traits = self.store.list(Trait, where=lambda t: not t.archived or t.id in linked)
        yield FieldSpec.pick("trait_ids", "Traits it speaks to", traits, kind_and_title)

    def build(self) -> Feedback:
        data, errors = self.read()
        person = self.store.find(Person, data.get("person_id"))
        if person is not None and not data["giver"].strip():
            data["giver"] = person.name
        return self.record(data, errors)  # type: ignore[no-any-return]
