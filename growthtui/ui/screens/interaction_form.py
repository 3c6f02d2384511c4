"""Log a conversation with a person (or edit one): what it was about, the advice, the next
step, and when to follow up."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from growthtui.domain import Goal, Interaction, InteractionKind, Milestone, Person
from growthtui.domain.dates import parse_date, parse_optional_date
from growthtui.domain.errors import InvalidInput
from growthtui.services.people import next_step_to_milestone
from growthtui.ui.screens.progress_forms import MilestoneForm
from growthtui.ui.screens.record_form import RecordForm, build_checked
from growthtui.ui.widgets.form import FormField, choice, long_text, text_input


class InteractionForm(RecordForm[Interaction]):
    """A new interaction with `person` (`interaction` None) or an edit of one."""

    def __init__(self, person: Person, interaction: Interaction | None = None) -> None:
        super().__init__(
            f"Edit the conversation of {interaction.date.isoformat()} with "
            f"#{person.id} {person.name}"
            if interaction
            else f"Log a conversation with #{person.id} {person.name}"
        )
        self.person = person
        self.original = interaction

    def fields(self) -> Iterator[FormField]:
        i = self.original
        yield FormField(
            "summary",
            "Summary",
            text_input(i.summary if i else "", "what it was about, e.g. 1:1 on the RFC"),
        )
        yield FormField(
            "kind",
            "Kind",
            choice(
                [(k.value, k.value) for k in InteractionKind],
                (i.kind if i else InteractionKind.MEETING).value,
            ),
        )
        yield FormField(
            "date",
            "Date",
            text_input((i.date if i else self.today).isoformat(), "YYYY-MM-DD (or yesterday)"),
        )
        yield FormField(
            "advice",
            "Advice and takeaways",
            long_text(i.advice if i else "", "what they advised, what you learned"),
        )
        yield FormField(
            "next_step",
            "Next step",
            text_input(i.next_step if i else "", "e.g. draft the RFC by the 15th"),
            "m on the People screen makes it a milestone",
        )
        follow = i.follow_up_on.isoformat() if i and i.follow_up_on else ""
        yield FormField(
            "follow_up_on",
            "Follow up on",
            text_input(follow, "YYYY-MM-DD or +2w; empty: their usual rhythm"),
        )

    def build(self) -> Interaction:
        v = self.values()
        errors: dict[str, str] = {}
        data: dict[str, Any] = {
            "person_id": self.person.id,
            "summary": v["summary"],
            "kind": v["kind"],
            "advice": v["advice"],
            "next_step": v["next_step"],
        }
        if self.original is not None:
            data["id"] = self.original.id
            data["milestone_id"] = self.original.milestone_id
        try:
            data["date"] = parse_date(v["date"], self.today, "date")
        except InvalidInput as error:
            errors["date"] = str(error)
            data["date"] = self.today
        try:
            data["follow_up_on"] = parse_optional_date(
                v["follow_up_on"], self.today, "follow-up date"
            )
        except InvalidInput as error:
            errors["follow_up_on"] = str(error)
        return build_checked(Interaction, data, errors)  # type: ignore[no-any-return]

    def save(self, record: Interaction) -> Interaction:
        if self.original is None:
            return self.store.add(record)
        return self.store.update(record, base=self.original)


class NextStepMilestoneForm(MilestoneForm):
    """MilestoneForm preset from a conversation's next step; saving also records on the
    conversation which milestone it became, so the step is not turned twice."""

    def __init__(self, goal: Goal, interaction: Interaction, due: str) -> None:
        super().__init__(goal, title=interaction.next_step, due=due)
        self.interaction = interaction

    def save(self, record: Milestone) -> Milestone:
        return next_step_to_milestone(
            self.store, self.interaction, self.goal, record.due, record.title, record.notes
        )
