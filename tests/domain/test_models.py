"""Validation a person would hit while typing, and what the models compute for them."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pydantic import ValidationError

from growthtui.domain.assessment import Feedback, Skill, SkillRating, Trait
from growthtui.domain.base import Record, explain
from growthtui.domain.entities import ENTITIES, ENTITY_BY_TABLE
from growthtui.domain.errors import InvalidInput, InvalidRecord
from growthtui.domain.evidence import Evidence
from growthtui.domain.goals import CheckIn, Goal, Measure, Milestone
from growthtui.domain.kinds import GoalStatus
from growthtui.domain.learning import LearningItem
from growthtui.domain.people import Interaction, Person
from growthtui.domain.profile import Profile
from growthtui.domain.reviews import Decision, Review

# One valid set of fields per entity: each case below spoils one of them.
VALID: dict[type[Record], dict[str, Any]] = {
    Profile: {"name": "Sam Rivera"},
    Trait: {"kind": "weakness", "title": "Public speaking"},
    Skill: {"name": "System design"},
    Feedback: {"date": "2026-11-02", "text": "Clear incident write-up"},
    Goal: {"title": "Become a staff engineer"},
    Milestone: {"goal_id": 1, "title": "Draft the RFC", "due": "2026-12-15"},
    CheckIn: {"goal_id": 1, "date": "2026-11-20", "value": 68},
    LearningItem: {"title": "AWS SA Pro course"},
    Person: {"name": "Priya Natarajan"},
    Interaction: {"person_id": 1, "date": "2026-11-20", "summary": "1:1 on the RFC"},
    Evidence: {"date": "2026-11-20", "text": "Led the incident review"},
    Review: {"date": "2026-11-24", "covers_from": "2026-10-01", "covers_to": "2026-11-24"},
}


def build(model: type[Record], **changes: Any) -> Record:
    return model.build(**{**VALID[model], **changes})


def refusal(model: type[Record], **changes: Any) -> InvalidRecord:
    with pytest.raises(InvalidRecord) as caught:
        build(model, **changes)
    return caught.value


def test_every_entity_has_a_valid_example_and_a_table() -> None:
    assert set(VALID) == set(ENTITIES)
    for model in ENTITIES:
        record = build(model)
        assert record.id == 0  # until the store assigns one
        assert ENTITY_BY_TABLE[model.table] is model


@pytest.mark.parametrize(
    ("model", "field", "word"),
    [
        (Goal, "title", "goal needs a title"),
        (Trait, "title", "trait needs a title"),
        (Skill, "name", "skill needs a name"),
        (Milestone, "title", "milestone needs a title"),
        (LearningItem, "title", "learning item needs a title"),
        (Person, "name", "person needs a name"),
        (Interaction, "summary", "interaction needs a summary"),
        (Evidence, "text", "evidence needs a text"),
        (Feedback, "text", "feedback needs a text"),
    ],
)
@pytest.mark.parametrize("blank", ["", "   ", "\t\n"])
def test_empty_titles_are_refused_naming_the_field(
    model: type[Record], field: str, word: str, blank: str
) -> None:
    error = refusal(model, **{field: blank})
    assert error.field == field
    assert word in error.by_field()[field]
    assert "type at least one character" in str(error)


def test_titles_are_kept_without_surrounding_spaces() -> None:
    goal = Goal.build(title="  Become a staff engineer \n")
    assert goal.title == "Become a staff engineer"


def test_an_over_long_title_says_how_long_it_may_be() -> None:
    error = refusal(Goal, title="x" * 501)
    assert error.by_field()["title"] == "the title is too long: keep it under 500 characters"


@pytest.mark.parametrize(
    ("model", "field", "value", "says"),
    [
        (Goal, "due", "2026-02-30", "'2026-02-30' is not a date for the due date: use YYYY-MM-DD"),
        (Goal, "start", "next week", "'next week' is not a date for the start date"),
        (Milestone, "due", "15/12/2026", "is not a date for the due date: use YYYY-MM-DD"),
        (CheckIn, "date", "yesterday", "'yesterday' is not a date for the date"),
        (Evidence, "date", "2026-13-01", "use YYYY-MM-DD, e.g. 2026-03-31"),
    ],
)
def test_bad_dates_say_how_to_write_one(
    model: type[Record], field: str, value: str, says: str
) -> None:
    assert says in refusal(model, **{field: value}).by_field()[field]


@pytest.mark.parametrize(
    ("model", "field", "value"),
    [
        (Skill, "target_level", 6),
        (Skill, "target_level", 0),
        (CheckIn, "confidence", 9),
        (Review, "satisfaction", 0),
    ],
)
def test_levels_outside_one_to_five_are_refused(
    model: type[Record], field: str, value: int
) -> None:
    message = refusal(model, **{field: value}).by_field()[field]
    assert message.endswith(f"is {value}; use a whole number from 1 to 5")


def test_a_rating_outside_one_to_five_is_refused_in_plain_words() -> None:
    error = refusal(Skill, ratings=[{"on": "2026-01-01", "level": 7}])
    assert error.by_field()["ratings"] == "the level is 7; use a whole number from 1 to 5"
    with pytest.raises(ValidationError):
        SkillRating(on=dt.date(2026, 1, 1), level=0)


@pytest.mark.parametrize(("model", "level"), [(Skill, 1), (Skill, 5)])
def test_levels_one_and_five_are_fine(model: type[Record], level: int) -> None:
    skill = build(model, target_level=level)
    assert isinstance(skill, Skill)
    assert skill.target_level == level


@pytest.mark.parametrize("model", [Goal, LearningItem])
def test_a_due_date_before_the_start_is_refused(model: type[Record]) -> None:
    error = refusal(model, start="2026-12-01", due="2026-11-01")
    assert error.by_field()["due"] == (
        "the due date 2026-11-01 is before the start 2026-12-01: "
        "move the due date later or the start earlier"
    )
    assert build(model, start="2026-12-01", due="2026-12-01")


def test_a_goal_cannot_be_its_own_parent() -> None:
    error = refusal(Goal, id=4, parent_id=4)
    assert error.by_field()["parent_id"] == (
        "a goal cannot be a stepping stone toward itself: pick another"
    )
    assert build(Goal, id=4, parent_id=3)


def test_a_longest_gap_shorter_than_the_rhythm_is_refused() -> None:
    error = refusal(Person, follow_up_days=30, max_gap_days=20)
    assert "the longest gap (20 days) is shorter than the follow-up rhythm (30 days)" in str(error)
    assert error.field == "max_gap_days"
    assert build(Person, follow_up_days=30, max_gap_days=30)
    assert build(Person, max_gap_days=5)


def test_a_review_that_ends_before_it_starts_is_refused() -> None:
    error = refusal(Review, covers_from="2026-10-01", covers_to="2026-09-30")
    assert error.by_field()["covers_to"] == (
        "the review ends 2026-09-30, before it starts 2026-10-01: "
        "the end must not be before the start"
    )


@pytest.mark.parametrize(
    ("model", "changes", "field", "says"),
    [
        (Goal, {"horizon": "someday"}, "horizon", "choose one of 'short', 'medium' or 'long'"),
        (Goal, {"status": "done"}, "status", "'done' is not a valid status; choose one of"),
        (Trait, {"kind": "strong"}, "kind", "choose one of 'strength', 'weakness'"),
        (Profile, {"review_cadence": "daily"}, "review_cadence", "'weekly', 'monthly'"),
        (Goal, {"measure": {"target": "lots"}}, "measure", "the target must be a number"),
        (CheckIn, {"value": "abc"}, "value", "the value must be a number, not 'abc'"),
        (Milestone, {"goal_id": "one"}, "goal_id", "the goal id must be a whole number"),
        # 2**70 in a hand-edited file reads back from JSON as a float (orjson); pydantic
        # then says "Unable to parse input string as an integer, exceeded maximum size".
        (
            Goal,
            {"parent_id": float(2**70)},
            "parent_id",
            "the parent id 1.1805916207174113e+21 is out of range (far too large a number)",
        ),
        (
            Skill,
            {"target_level": float(2**70)},
            "target_level",
            "the target level is 1.1805916207174113e+21; use a whole number from 1 to 5",
        ),
        (Milestone, {"due": None}, "due", "is not a date for the due date"),
        (Goal, {"colour": "red"}, "colour", "'colour' is not a field of a goal; remove it"),
        (Person, {"follow_up_days": 0}, "follow_up_days", "follow-up cadence"),
        (LearningItem, {"hours": -3}, "hours", "the hours -3"),
    ],
)
def test_other_mistakes_are_explained_per_field(
    model: type[Record], changes: dict[str, Any], field: str, says: str
) -> None:
    assert says in refusal(model, **changes).by_field()[field]


def test_a_missing_field_is_named() -> None:
    with pytest.raises(InvalidRecord) as caught:
        Milestone.build(goal_id=1, title="Draft the RFC")
    assert caught.value.by_field() == {"due": "the milestone needs a due date"}


def test_every_mistake_of_a_record_is_reported_at_once() -> None:
    with pytest.raises(InvalidRecord) as caught:
        Interaction.build(person_id=1, date="soon", kind="email", summary=" ")
    by_field = caught.value.by_field()
    assert set(by_field) == {"date", "kind", "summary"}
    assert isinstance(caught.value, InvalidInput), "shown like any other input mistake"


@pytest.mark.parametrize(
    ("model", "changes"),
    [
        (Goal, {"title": " "}),
        (Goal, {"due": "2026-02-30"}),
        (Goal, {"start": "2026-12-01", "due": "2026-11-01"}),
        (Goal, {"horizon": "someday"}),
        (Goal, {"measure": {"baseline": "low"}}),
        (Goal, {"title": "x" * 600}),
        (Skill, {"target_level": 9}),
        (Skill, {"ratings": [{"on": "someday", "level": "high"}]}),
        (CheckIn, {"confidence": "very"}),
        (Person, {"follow_up_days": "monthly"}),
        (Review, {"covers_to": "2026-01-01"}),
        (Review, {"decisions": [{"goal_id": 1, "decision": "abandon"}]}),
        (LearningItem, {"hours": "many"}),
        (Milestone, {"goal_id": None}),
    ],
)
def test_explanations_are_plain_words(model: type[Record], changes: dict[str, Any]) -> None:
    for field, sentence in refusal(model, **changes).errors:
        assert field, "every sentence points at a field"
        assert sentence.strip()
        assert "Input should be" not in sentence
        assert "Value error" not in sentence
        assert "validation" not in sentence.lower()
        assert "_" not in sentence.split(":")[0], "field names are written as words"


def test_explain_turns_a_pydantic_error_into_sentences() -> None:
    with pytest.raises(ValidationError) as caught:
        Goal.model_validate({"title": "", "due": "tomorrow"})
    assert explain(caught.value, "goal") == [
        ("title", "the goal needs a title: type at least one character"),
        ("due", "'tomorrow' is not a date for the due date: use YYYY-MM-DD, e.g. 2026-03-31"),
    ]


def test_invalid_record_by_field_keeps_the_first_sentence_per_field() -> None:
    error = InvalidRecord([("due", "first"), ("title", "second"), ("due", "third")])
    assert error.by_field() == {"due": "first", "title": "second"}
    assert str(error) == "first"
    assert error.field == "due"


# --- frozen records and edits -----------------------------------------------------------


@pytest.mark.parametrize("model", list(VALID))
def test_records_are_frozen(model: type[Record]) -> None:
    record = build(model)
    with pytest.raises(ValidationError):
        record.id = 5  # type: ignore[misc]


def test_measure_is_frozen_too() -> None:
    goal = Goal(title="Pass the exam", measure=Measure(metric="score", target=80))
    with pytest.raises(ValidationError):
        goal.measure.current = 70  # type: ignore[misc]


def test_edit_gives_a_validated_copy_and_leaves_the_original_alone() -> None:
    goal = Goal(id=3, title="Pass the exam", due=dt.date(2027, 2, 1))
    moved = goal.edit(due=dt.date(2027, 3, 1), status=GoalStatus.PAUSED)
    assert moved.due == dt.date(2027, 3, 1)
    assert moved.status is GoalStatus.PAUSED
    assert moved.id == 3
    assert goal.due == dt.date(2027, 2, 1)
    assert goal.status is GoalStatus.ACTIVE
    with pytest.raises(InvalidRecord) as caught:
        goal.edit(start=dt.date(2027, 6, 1))
    assert "due" in caught.value.by_field()


# --- what the models compute ------------------------------------------------------------


def rating(on: str, level: int) -> SkillRating:
    return SkillRating(on=dt.date.fromisoformat(on), level=level)


def test_a_skill_level_is_its_latest_rating_by_date_not_by_entry() -> None:
    skill = Skill(
        name="System design",
        target_level=4,
        ratings=[rating("2026-06-01", 3), rating("2024-11-01", 2), rating("2025-06-01", 3)],
    )
    assert skill.level == 3
    assert skill.gap == 1
    assert skill.trend() == [2, 3, 3]


def test_of_two_ratings_on_one_day_the_later_entry_counts() -> None:
    skill = Skill(name="Speaking", ratings=[rating("2026-06-01", 2), rating("2026-06-01", 3)])
    assert skill.level == 3


def test_gap_is_zero_once_the_target_is_reached_or_passed() -> None:
    skill = Skill(name="Writing", target_level=3, ratings=[rating("2026-01-01", 5)])
    assert skill.gap == 0


def test_a_skill_never_rated_has_no_level_gap_or_trend() -> None:
    skill = Skill(name="Rust")
    assert skill.level is None
    assert skill.gap is None
    assert skill.trend() == []


def test_measure_is_set_only_with_a_metric_and_a_target() -> None:
    assert Measure(metric="talks given", target=3).is_set
    assert Measure(metric="talks given", target=0).is_set
    assert not Measure(metric="talks given").is_set
    assert not Measure(target=3).is_set


@pytest.mark.parametrize(
    ("status", "is_open"),
    [
        (GoalStatus.ACTIVE, True),
        (GoalStatus.PAUSED, True),
        (GoalStatus.ACHIEVED, False),
        (GoalStatus.DROPPED, False),
    ],
)
def test_open_goals_are_active_or_paused(status: GoalStatus, is_open: bool) -> None:
    assert Goal(title="A goal", status=status).is_open is is_open


def test_a_milestone_is_done_once_it_has_a_done_date() -> None:
    step = Milestone(goal_id=1, title="Draft the RFC", due=dt.date(2026, 12, 15))
    assert not step.done
    assert step.edit(done_at=dt.date(2026, 12, 10)).done


@pytest.mark.parametrize(
    ("decision", "status"),
    [
        (Decision.KEEP, None),
        (Decision.ADJUST, None),
        (Decision.PAUSE, GoalStatus.PAUSED),
        (Decision.ACHIEVE, GoalStatus.ACHIEVED),
        (Decision.DROP, GoalStatus.DROPPED),
    ],
)
def test_review_decisions_lead_to_a_goal_status(
    decision: Decision, status: GoalStatus | None
) -> None:
    assert decision.status is status


def test_links_point_at_the_tables_they_name() -> None:
    goal = Goal(title="Lead the redesign", parent_id=1, trait_ids=[2], skill_ids=[3, 4])
    assert goal.link_fields() == {
        "trait_ids": ("traits", [2]),
        "skill_ids": ("skills", [3, 4]),
        "parent_id": ("goals", [1]),
    }
    for _, (table, _ids) in goal.link_fields().items():
        assert table in ENTITY_BY_TABLE
