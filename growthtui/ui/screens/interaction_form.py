"""Log a conversation with a person (or edit one): what it was about, the advice, the next
step, and when to follow up."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from growthtui.domain.goals import Goal, Milestone
from growthtui.domain.people import Interaction, InteractionKind, Person
from growthtui.services.people import next_step_to_milestone
from growthtui.ui.screens.progress_forms import MilestoneForm
from growthtui.ui.screens.record_form import RecordForm
from growthtui.ui.widgets.form import FieldSpec


class InteractionForm(RecordForm[Interaction]):
    """A new interaction with `person` (`interaction` None) or an edit of one."""

    MODEL = Interaction
    NEW = "Log a conversation with #{form.person.id} {form.person.name}"
    EDIT = "Edit the conversation of {r.date} with #{form.person.id} {form.person.name}"

    def __init__(self, person: Person, interaction: Interaction | None = None) -> None:
        self.person = person
        super().__init__(interaction)

    def specs(self) -> Iterator[FieldSpec]:
        about = "what it was about, e.g. 1:1 on the RFC"
        yield FieldSpec("summary", "Summary", placeholder=about)
        yield FieldSpec.one_of("kind", "Kind", InteractionKind.MEETING)
        when = "YYYY-MM-DD (or yesterday)"
        yield FieldSpec("date", "Date", "date", when, required=True, default=self.today)
        advice = "what they advised, what you learned"
        yield FieldSpec("advice", "Advice and takeaways", "long", placeholder=advice)
        yield FieldSpec(
            "next_step",
            "Next step",
            placeholder="e.g. draft the RFC by the 15th",
            hint="m on the People screen makes it a milestone",
        )
        follow = "YYYY-MM-DD or +2w; empty: their usual rhythm"
        yield FieldSpec("follow_up_on", "Follow up on", "date", follow, what="follow-up date")

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
