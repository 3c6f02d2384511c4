"""Years of history for benchmarks: `growthtui seed --scale N` adds about N records to the
sample person, spread over ten years, with a fixed random seed (the same store each time).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

from growthtui.domain.assessment import Feedback, Trait, TraitKind
from growthtui.domain.base import Record
from growthtui.domain.dates import add_months
from growthtui.domain.evidence import Evidence, EvidenceKind
from growthtui.domain.goals import CheckIn, Goal, Measure, Milestone
from growthtui.domain.kinds import GoalStatus, Horizon, Relation
from growthtui.domain.learning import LearningItem, LearningKind, LearningStatus
from growthtui.domain.people import Interaction, InteractionKind, Person


class _Ids:
    """Hands out ids per table, so records can link to each other before they are stored."""

    def __init__(self, start: dict[str, int]) -> None:
        self._next = dict(start)

    def __call__(self, model: type[Record]) -> int:
        value = self._next.get(model.table, 1)
        self._next[model.table] = value + 1
        return value


_SCALE_MIX: tuple[tuple[str, float], ...] = (
    ("goal", 0.14),
    ("milestone", 0.34),
    ("checkin", 0.14),
    ("evidence", 0.16),
    ("interaction", 0.10),
    ("person", 0.04),
    ("learning", 0.04),
    ("trait", 0.02),
    ("feedback", 0.02),
)

_VERBS = ("Ship", "Lead", "Write", "Learn", "Mentor", "Automate", "Design", "Present", "Migrate")
_THINGS = (
    "the billing API",
    "an on-call handbook",
    "the search indexer",
    "a talk on tracing",
    "the data retention policy",
    "two new hires",
    "the deploy pipeline",
    "a chaos day",
    "the GraphQL gateway",
    "our SLO dashboard",
)


def scale_records(
    today: dt.date, count: int, start_ids: dict[str, int], seed: int = 7
) -> Iterator[Record]:
    """About `count` more records spread over ten years of history, for benchmarks."""
    rng = random.Random(seed)
    nid = _Ids(start_ids)
    goal_ids: list[int] = []
    person_ids: list[int] = []
    first = today - dt.timedelta(days=3650)
    span = 3650 + 730

    def when() -> dt.date:
        return first + dt.timedelta(days=rng.randrange(span))

    def past() -> dt.date:
        """A day of the ten years up to today."""
        return min(when(), today)

    def step(kind: str, made: int) -> Iterator[Record]:
        """The records of one step: one of `kind`, or a goal (with a first person) while
        there is none to link it to; `made` (records so far) numbers their titles."""
        if kind == "goal" or (kind in ("milestone", "checkin") and not goal_ids):
            start = when()
            horizon = rng.choice(list(Horizon))
            months = {Horizon.SHORT: 5, Horizon.MEDIUM: 24, Horizon.LONG: 84}[horizon]
            due = add_months(start, months)
            status = GoalStatus.ACTIVE if due >= today else rng.choice(list(GoalStatus))
            goal = Goal(
                id=nid(Goal),
                title=f"{rng.choice(_VERBS)} {rng.choice(_THINGS)} #{made}",
                horizon=horizon,
                status=status,
                specific="A concrete, checkable result for this sample goal",
                measure=Measure(
                    metric="steps done",
                    unit="steps",
                    baseline=0,
                    target=10,
                    current=rng.randrange(11),
                ),
                start=start,
                due=due,
                created=start,
            )
            goal_ids.append(goal.id)
            if not person_ids:
                person = Person(id=nid(Person), name=f"Colleague {made}", follow_up_days=30)
                person_ids.append(person.id)
                yield person
            yield goal
        elif kind == "milestone":
            due = when()
            yield Milestone(
                id=nid(Milestone),
                goal_id=rng.choice(goal_ids),
                title=f"Step toward {rng.choice(_THINGS)}",
                due=due,
                done_at=due if due < today and rng.random() < 0.8 else None,
            )
        elif kind == "checkin":
            yield CheckIn(
                id=nid(CheckIn),
                goal_id=rng.choice(goal_ids),
                date=past(),
                value=rng.randrange(11),
                confidence=rng.randint(1, 5),
            )
        elif kind == "evidence":
            yield Evidence(
                id=nid(Evidence),
                date=past(),
                text=f"Shipped part of {rng.choice(_THINGS)}",
                kind=rng.choice(list(EvidenceKind)),
                goal_ids=[rng.choice(goal_ids)],
            )
        elif kind == "interaction":
            yield Interaction(
                id=nid(Interaction),
                person_id=rng.choice(person_ids),
                date=past(),
                kind=rng.choice(list(InteractionKind)),
                summary=f"Talked about {rng.choice(_THINGS)}",
            )
        elif kind == "person":
            person = Person(
                id=nid(Person),
                name=f"Colleague {made}",
                relation=rng.choice(list(Relation)),
                follow_up_days=rng.choice([14, 21, 30, 60, 90]),
            )
            person_ids.append(person.id)
            yield person
        elif kind == "learning":
            yield LearningItem(
                id=nid(LearningItem),
                kind=rng.choice(list(LearningKind)),
                title=f"Learning about {rng.choice(_THINGS)}",
                status=rng.choice(list(LearningStatus)),
                hours=rng.randrange(40),
            )
        elif kind == "trait":
            yield Trait(
                id=nid(Trait),
                kind=rng.choice(list(TraitKind)),
                title=f"Observed while working on {rng.choice(_THINGS)}",
            )
        else:
            yield Feedback(
                id=nid(Feedback),
                date=past(),
                giver=f"Colleague {rng.randrange(1000)}",
                text=f"Feedback on {rng.choice(_THINGS)}",
            )

    kinds = [k for k, _ in _SCALE_MIX]
    weights = [w for _, w in _SCALE_MIX]
    made = 0
    while made < count:
        kind = rng.choices(kinds, weights)[0] if goal_ids and person_ids else "goal"
        for record in step(kind, made):
            made += 1
            yield record
