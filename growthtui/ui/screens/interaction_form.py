"""Log a conversation with a person (or edit one): what it was about, the advice, the next
step, and when to follow up."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from growthtui.domain import Goal, Interaction, InteractionKind, Milestone, Person
from growthtui.services.people import next_step_to_milestone
from growthtui.ui.screens.progress_forms import MilestoneForm
from growthtui.ui.screens.record_form import RecordForm
from growthtui.ui.widgets.form import FieldSpec, enum_options


class InteractionForm(RecordForm[Interaction]):
    """A new interaction with `person` (`interaction` None) or an edit of one."""

    MODEL = Interaction

    def __init__(self, person: Person, interaction: Interaction | None = None) -> None:
        super().__init__(
            f"Edit the conversation of {interaction.date.isoformat()} with "
            f"#{person.id} {person.name}"
            if interaction
            else f"Log a conversation with #{person.id} {person.name}",
            interaction,
        )
        self.person = person

    def specs(self) -> Iterator[FieldSpec]:
        yield FieldSpec("summary", "Summary", placeholder="what it was about, e.g. 1:1 on the RFC")
        yield FieldSpec(
            "kind",
            "Kind",
            "choice",
            options=enum_options(InteractionKind),
            default=InteractionKind.MEETING,
        )
        yield FieldSpec(
            "date",
            "Date",
            "date",
            placeholder="YYYY-MM-DD (or yesterday)",
            required=True,
            default=self.today,
        )
        yield FieldSpec(
            "advice",
            "Advice and takeaways",
            "long",
            placeholder="what they advised, what you learned",
        )
        yield FieldSpec(
            "next_step",
            "Next step",
            placeholder="e.g. draft the RFC by the 15th",
            hint="m on the People screen makes it a milestone",
        )
        yield FieldSpec(
            "follow_up_on",
            "Follow up on",
            "date",
            placeholder="YYYY-MM-DD or +2w; empty: their usual rhythm",
            what="follow-up date",
        )

    def fixed(self) -> dict[str, Any]:
        return {"person_id": self.person.id}


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
