"""The plain records the app's Dashboard shows while the Store opens (store.quick_read):
what the models hold, from a file the Store sealed, and None for any other file."""

from __future__ import annotations

import datetime as dt

from growthtui.domain.assessment import Skill, SkillRating
from growthtui.domain.goals import CheckIn, Goal, Milestone
from growthtui.domain.people import Interaction, Person
from growthtui.domain.profile import Profile
from growthtui.domain.reviews import Review
from growthtui.services.seed import seed
from growthtui.store import quick_read
from growthtui.store.repository import Store


def test_the_plain_records_hold_what_the_dashboard_reads_of_the_models(
    store: Store, today: dt.date
) -> None:
    seed(store, today, 600)
    skill = store.list(Skill)[0]
    # Two ratings on one day, stored out of date order: the latest stored of the day wins.
    store.update(
        skill.model_copy(
            update={
                "ratings": [
                    SkillRating(on=today, level=2),
                    SkillRating(on=today - dt.timedelta(days=30), level=1),
                    SkillRating(on=today, level=3),
                ]
            }
        )
    )
    assert store.path is not None
    plain = quick_read.read_dashboard_records(store.path)
    assert plain is not None
    profile = store.profile()
    assert tuple(plain.profile) == (
        profile.name,
        profile.role,
        profile.vision,
        profile.review_cadence,
    )
    assert [g.id for g in plain.goals] == [g.id for g in store.list(Goal)]
    assert [tuple(m) for m in plain.milestones] == [
        (m.id, m.goal_id, m.title, m.due, m.done_at) for m in store.list(Milestone)
    ]
    assert [tuple(c) for c in plain.checkins] == [
        (c.id, c.goal_id, c.date, c.value) for c in store.list(CheckIn)
    ]
    assert [(p.id, p.name, p.relation, p.follow_up_days, p.max_gap_days) for p in plain.people] == [
        (p.id, p.name, p.relation, p.follow_up_days, p.max_gap_days) for p in store.list(Person)
    ]
    assert [tuple(i) for i in plain.interactions] == [
        (i.id, i.person_id, i.date, i.follow_up_on) for i in store.list(Interaction)
    ]
    assert [tuple(r) for r in plain.reviews] == [
        (r.id, r.date, r.draft) for r in store.list(Review)
    ]
    skills = store.list(Skill)
    assert [(s.id, s.name, s.target_level, s.level, s.trend()) for s in plain.skills] == [
        (s.id, s.name, s.target_level, s.level, s.trend()) for s in skills
    ]
    assert plain.skills[0].level == 3
    assert plain.skills[0].trend() == [1, 2, 3]
    assert (plain.has_traits, plain.has_evidence) == (True, True)


def test_a_new_store_reads_as_empty(store: Store) -> None:
    assert store.path is not None
    plain = quick_read.read_dashboard_records(store.path)
    assert plain is not None
    assert plain.profile == (Profile().name, "", "", Profile().review_cadence)
    assert (plain.goals, plain.skills, plain.has_traits, plain.has_evidence) == (
        [],
        [],
        False,
        False,
    )


def test_a_file_the_store_did_not_seal_is_left_to_the_store(store: Store, today: dt.date) -> None:
    seed(store, today, 200)
    assert store.path is not None
    path = store.path
    assert quick_read.read_dashboard_records(path) is not None
    text = path.read_bytes()
    path.write_bytes(text.replace(b'"name": "Alex Rivera"', b'"name": 7'))  # edited by hand
    assert quick_read.read_dashboard_records(path) is None
    path.unlink()
    assert quick_read.read_dashboard_records(path) is None


def test_text_that_looks_like_a_table_inside_a_record_is_not_taken_for_one(
    store: Store, today: dt.date
) -> None:
    """The tables are found in one pass over the text, by the outer object's keys: titles
    spelling a table's key (line breaks and quotes escaped in the file) are not one."""
    goal = store.add(Goal(title='a\n  "milestones": {}\n  "goals": {\nb'))
    assert '\n  "milestones": {}' in goal.title
    store.add(Milestone(goal_id=goal.id, title='"checkins": {}', due=today))
    store.add(CheckIn(goal_id=goal.id, date=today, value=1.0))
    assert store.path is not None
    plain = quick_read.read_dashboard_records(store.path)
    assert plain is not None
    assert [g.title for g in plain.goals] == [goal.title]
    assert [m.title for m in plain.milestones] == ['"checkins": {}']
    assert [c.value for c in plain.checkins] == [1.0]
