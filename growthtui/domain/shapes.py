"""What the date rules read of a record, as protocols: the models have these attributes,
and so do the plain records `growthtui agenda` reads without pydantic
(growthtui.store.quick_read). One set of rules serves both.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple, Protocol

from growthtui.domain.kinds import Cadence, GoalStatus, Relation


class GoalShape(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def title(self) -> str: ...
    @property
    def due(self) -> dt.date | None: ...
    @property
    def status(self) -> GoalStatus: ...
    @property
    def is_open(self) -> bool: ...


class MilestoneShape(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def goal_id(self) -> int: ...
    @property
    def title(self) -> str: ...
    @property
    def due(self) -> dt.date: ...
    @property
    def done_at(self) -> dt.date | None: ...


class PersonShape(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def name(self) -> str: ...
    @property
    def relation(self) -> Relation: ...
    @property
    def follow_up_days(self) -> int | None: ...
    @property
    def max_gap_days(self) -> int | None: ...


class InteractionShape(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def person_id(self) -> int: ...
    @property
    def date(self) -> dt.date: ...
    @property
    def follow_up_on(self) -> dt.date | None: ...


class ReviewShape(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def date(self) -> dt.date: ...
    @property
    def draft(self) -> bool: ...


class AgendaRecords(NamedTuple):
    """What the agenda reads: the store's models (services.agenda.records_of), or the plain
    records growthtui.store.quick_read makes without pydantic."""

    goals: Sequence[GoalShape]
    milestones: Sequence[MilestoneShape]
    people: Sequence[PersonShape]
    interactions: Sequence[InteractionShape]
    reviews: Sequence[ReviewShape]
    review_cadence: Cadence
