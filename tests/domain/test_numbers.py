"""Numbers a record holds are ordinary numbers: NaN and infinity are refused with a sentence.

The store writes JSON with orjson, which turns NaN and infinity into `null`: accepting one
would silently change the value on the next read.
"""

from __future__ import annotations

import math
from typing import Any

import pytest

from growthtui.domain.errors import InvalidRecord
from growthtui.domain.goals import CheckIn, Goal, Measure
from growthtui.domain.learning import LearningItem

NOT_FINITE = [math.nan, math.inf, -math.inf, "nan", "inf", "-Infinity"]


def refused(model: type[Any], **fields: Any) -> InvalidRecord:
    with pytest.raises(InvalidRecord) as caught:
        model.build(**fields)
    return caught.value


@pytest.mark.parametrize("value", NOT_FINITE, ids=repr)
@pytest.mark.parametrize("field", ["baseline", "target", "current"])
def test_a_goal_measure_refuses_nan_and_infinity(field: str, value: object) -> None:
    error = refused(Goal, title="Run a marathon", measure={"metric": "km", field: value})
    message = error.by_field()["measure"]
    assert f"the {field} must be an ordinary number" in message
    assert "infinity and NaN cannot be stored" in message


@pytest.mark.parametrize("value", NOT_FINITE, ids=repr)
def test_a_check_in_value_refuses_nan_and_infinity(value: object) -> None:
    error = refused(CheckIn, goal_id=1, date="2026-11-20", value=value)
    assert "the value must be an ordinary number" in error.by_field()["value"]


@pytest.mark.parametrize("value", [math.nan, math.inf])
def test_learning_hours_refuse_nan_and_infinity(value: float) -> None:
    error = refused(LearningItem, title="AWS course", hours=value)
    assert "the hours must be an ordinary number" in error.by_field()["hours"]


def test_ordinary_numbers_are_kept_as_they_are() -> None:
    measure = Measure(metric="score", baseline=-1.5, target=1e300, current=0)
    assert (measure.baseline, measure.target, measure.current) == (-1.5, 1e300, 0)
    assert CheckIn.build(goal_id=1, date="2026-11-20", value="68.5").value == 68.5


def test_a_number_refused_in_an_edit_leaves_the_record_as_it_was() -> None:
    checkin = CheckIn.build(goal_id=1, date="2026-11-20", value=3)
    with pytest.raises(InvalidRecord):
        checkin.edit(value=math.nan)
    assert checkin.value == 3


def test_link_lists_default_to_empty_lists_of_their_own() -> None:
    first, second = Goal(title="One"), Goal(title="Two")
    assert first.trait_ids == [] and first.skill_ids == []
    assert first.trait_ids is not second.trait_ids
    assert Goal.model_fields["trait_ids"].is_required() is False
