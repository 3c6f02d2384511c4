"""Sample data: a believable person's growth plan, dated relative to `today`.

Alex Rivera, a senior backend engineer, aims to be a staff engineer in five years. The
demo (`growthtui --demo`), the screenshots and the benchmarks all start from here;
`scale` adds years of history (about `scale` records in all) for benchmarks.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Iterator, Sequence

from growthtui.domain import (
    Cadence,
    CheckIn,
    Decision,
    Evidence,
    EvidenceKind,
    Feedback,
    Goal,
    GoalChange,
    GoalStatus,
    Horizon,
    Interaction,
    InteractionKind,
    InvalidInput,
    LearningItem,
    LearningKind,
    LearningStatus,
    Measure,
    Milestone,
    Person,
    Profile,
    Record,
    Relation,
    Review,
    ReviewDecision,
    Skill,
    SkillRating,
    Source,
    Trait,
    TraitKind,
)
from growthtui.domain.dates import add_months
from growthtui.store import Store

MAX_SCALE = 1_000_000


class _Ids:
    """Hands out ids per table, so records can link to each other before they are stored."""

    def __init__(self) -> None:
        self._next: dict[str, int] = defaultdict(lambda: 1)

    def __call__(self, model: type[Record]) -> int:
        value = self._next[model.table]
        self._next[model.table] = value + 1
        return value


def _at(day: dt.date, hour: int = 9) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, 0, tzinfo=dt.UTC)


def demo_records(today: dt.date) -> list[Record]:
    """The hand-written sample: about a hundred records a person would recognise."""

    # Short names: the sample below reads like a calendar (d(-3): three days ago).
    def d(days: int) -> dt.date:
        return today + dt.timedelta(days=days)

    def m(months: int) -> dt.date:
        return add_months(today, months)

    nid = _Ids()
    out: list[Record] = []

    out.append(
        Profile(
            id=nid(Profile),
            name="Alex Rivera",
            role="Senior backend engineer, Payments",
            vision=(
                "Staff engineer shaping platform architecture by 2031, known for reliable "
                "distributed systems and for growing the engineers around me."
            ),
            review_cadence=Cadence.QUARTERLY,
            follow_up_days=30,
        )
    )

    traits = {
        "incidents": Trait(
            id=nid(Trait),
            kind=TraitKind.STRENGTH,
            title="Calm, methodical debugging of production incidents",
            source=Source.SUPERVISOR,
            evidence="Led 4 of the last 6 SEV-2 incident reviews",
        ),
        "writing": Trait(
            id=nid(Trait),
            kind=TraitKind.STRENGTH,
            title="Clear written design docs",
            source=Source.PEER,
            evidence="Ledger RFC praised in architecture review",
        ),
        "depth": Trait(
            id=nid(Trait),
            kind=TraitKind.STRENGTH,
            title="Go and PostgreSQL depth",
            source=Source.SELF,
        ),
        "speaking": Trait(
            id=nid(Trait),
            kind=TraitKind.WEAKNESS,
            title="Public speaking to large groups",
            source=Source.SELF,
            notes="Rushes through slides; avoids Q&A",
        ),
        "delegating": Trait(
            id=nid(Trait),
            kind=TraitKind.WEAKNESS,
            title="Delegating instead of doing it myself",
            source=Source.SUPERVISOR,
            evidence="Mid-year review: 'takes the hard tickets instead of coaching'",
        ),
        "org_design": Trait(
            id=nid(Trait),
            kind=TraitKind.WEAKNESS,
            title="System design at organisation scale",
            source=Source.ASSESSMENT,
            evidence="Staff-readiness rubric: 2 of 4 on cross-team architecture",
        ),
        "platform_lead": Trait(
            id=nid(Trait),
            kind=TraitKind.OPPORTUNITY,
            title="Platform team is hiring a tech lead next year",
            source=Source.EXPERIENCE,
        ),
        "talk_budget": Trait(
            id=nid(Trait),
            kind=TraitKind.OPPORTUNITY,
            title="Company sponsors one conference talk per engineer",
            source=Source.EXPERIENCE,
        ),
        "reorg": Trait(
            id=nid(Trait),
            kind=TraitKind.THREAT,
            title="Re-org may merge Payments into Platform",
            source=Source.EXPERIENCE,
        ),
        "oncall": Trait(
            id=nid(Trait),
            kind=TraitKind.THREAT,
            title="On-call load leaves little time for deep work",
            source=Source.SELF,
        ),
    }
    out.extend(traits.values())

    def ratings(*points: tuple[int, int, Source]) -> list[SkillRating]:
        return [SkillRating(on=m(months), level=level, source=src) for months, level, src in points]

    skills = {
        "design": Skill(
            id=nid(Skill),
            name="System design",
            category="architecture",
            target_level=4,
            ratings=ratings(
                (-24, 2, Source.SELF),
                (-12, 2, Source.SUPERVISOR),
                (-6, 3, Source.SELF),
                (-1, 3, Source.PEER),
            ),
            trait_ids=[traits["org_design"].id or 0],
        ),
        "go": Skill(
            id=nid(Skill),
            name="Go",
            category="languages",
            target_level=5,
            ratings=ratings((-24, 3, Source.SELF), (-12, 4, Source.SELF), (-3, 4, Source.PEER)),
        ),
        "speaking": Skill(
            id=nid(Skill),
            name="Public speaking",
            category="communication",
            target_level=3,
            ratings=ratings((-18, 1, Source.SELF), (-6, 2, Source.PEER), (-1, 2, Source.SELF)),
            trait_ids=[traits["speaking"].id or 0],
        ),
        "mentoring": Skill(
            id=nid(Skill),
            name="Mentoring",
            category="leadership",
            target_level=4,
            ratings=ratings((-12, 2, Source.SELF), (-4, 3, Source.SUPERVISOR)),
            trait_ids=[traits["delegating"].id or 0],
        ),
        "distributed": Skill(
            id=nid(Skill),
            name="Distributed systems",
            category="architecture",
            target_level=5,
            ratings=ratings(
                (-20, 3, Source.SELF), (-8, 3, Source.ASSESSMENT), (-2, 4, Source.SELF)
            ),
        ),
        "writing": Skill(
            id=nid(Skill),
            name="Technical writing",
            category="communication",
            target_level=4,
            ratings=ratings((-10, 4, Source.PEER)),
        ),
    }
    out.extend(skills.values())

    people = {
        "priya": Person(
            id=nid(Person),
            name="Priya Natarajan",
            role="Principal engineer",
            organisation="Acme Pay",
            relation=Relation.MENTOR,
            expertise="distributed systems, staff-level influence",
            how_met="Assigned through the internal mentoring program",
            follow_up_days=21,
            tags=["architecture"],
        ),
        "marcus": Person(
            id=nid(Person),
            name="Marcus Chen",
            role="Director of engineering",
            organisation="Acme Pay",
            relation=Relation.SPONSOR,
            expertise="org design, promotions",
            how_met="Skip-level manager",
            follow_up_days=45,
        ),
        "sam": Person(
            id=nid(Person),
            name="Sam Okafor",
            role="Staff engineer",
            organisation="Acme Pay",
            relation=Relation.PEER,
            expertise="Kubernetes, platform",
            how_met="Platform guild",
            follow_up_days=30,
        ),
        "lena": Person(
            id=nid(Person),
            name="Lena Park",
            role="Backend engineer",
            organisation="Acme Pay",
            relation=Relation.MENTEE,
            how_met="Onboarding buddy",
            follow_up_days=14,
        ),
        "diego": Person(
            id=nid(Person),
            name="Diego Alvarez",
            role="Engineering manager",
            organisation="Northwind Bank",
            relation=Relation.CONTACT,
            expertise="payments compliance",
            how_met="GopherCon EU hallway track",
            follow_up_days=60,
            max_gap_days=120,
            tags=["conference"],
        ),
        "aisha": Person(
            id=nid(Person),
            name="Aisha Bello",
            role="Developer advocate",
            organisation="CloudCo",
            relation=Relation.CONTACT,
            expertise="conference talks, CFP reviews",
            how_met="Meetup in Berlin",
            follow_up_days=90,
        ),
    }

    staff = Goal(
        id=nid(Goal),
        title="Become a staff engineer",
        horizon=Horizon.LONG,
        specific="Be promoted to staff engineer, owning the architecture of the payments platform",
        measure=Measure(
            metric="staff-level projects led", unit="projects", baseline=0, target=3, current=1
        ),
        achievable="Promotion packet reviewed yearly with Marcus; Priya as mentor",
        relevant="It is the role where my design and incident strengths matter most",
        trait_ids=[traits["org_design"].id or 0],
        start=m(-14),
        due=m(46),
        created=m(-14),
        history=[
            GoalChange(
                at=_at(m(-7)),
                field="due",
                old=m(34).isoformat(),
                new=m(46).isoformat(),
                reason="Re-org pushed promotion cycles back a year",
            )
        ],
    )
    redesign = Goal(
        id=nid(Goal),
        title="Lead the payments platform redesign",
        horizon=Horizon.MEDIUM,
        parent_id=staff.id,
        specific="Lead the split of the monolith's ledger into its own service across 3 teams",
        measure=Measure(metric="teams migrated", unit="teams", baseline=0, target=3, current=1),
        achievable="Approved as the Q-priority; two engineers from Platform assigned",
        relevant="Cross-team technical leadership is the gap to staff",
        skill_ids=[skills["design"].id or 0, skills["distributed"].id or 0],
        start=m(-5),
        due=m(13),
        created=m(-5),
    )
    talk = Goal(
        id=nid(Goal),
        title="Speak at a major conference",
        horizon=Horizon.MEDIUM,
        parent_id=staff.id,
        specific="Give a 30-minute talk on ledger consistency at GopherCon or QCon",
        achievable="Company covers travel; Aisha offered to review the CFP",
        relevant="Addresses my public speaking weakness and raises external visibility",
        trait_ids=[traits["speaking"].id or 0, traits["talk_budget"].id or 0],
        skill_ids=[skills["speaking"].id or 0],
        start=m(-3),
        due=m(15),
        created=m(-3),
        history=[
            GoalChange(
                at=_at(m(-1)),
                field="due",
                old=m(9).isoformat(),
                new=m(15).isoformat(),
                reason="Team re-org: moved the talk from Q2 to Q4",
            )
        ],
    )
    rfc = Goal(
        id=nid(Goal),
        title="Write and land the ledger-service RFC",
        horizon=Horizon.SHORT,
        parent_id=redesign.id,
        specific="Publish the ledger-service RFC and get sign-off from the architecture group",
        achievable="Two focus days a week blocked; Priya reviews drafts",
        skill_ids=[skills["design"].id or 0, skills["writing"].id or 0],
        start=d(-40),
        due=d(50),
        created=d(-40),
    )
    internal_talks = Goal(
        id=nid(Goal),
        title="Give three internal tech talks",
        horizon=Horizon.SHORT,
        parent_id=talk.id,
        specific="Present three 20-minute talks at the engineering all-hands or guild meetings",
        measure=Measure(metric="talks given", unit="talks", baseline=0, target=3, current=1),
        achievable="Guild slots every two weeks; rehearse with Lena",
        relevant="Practice before the conference talk",
        skill_ids=[skills["speaking"].id or 0],
        start=d(-60),
        due=d(75),
        created=d(-60),
    )
    cert = Goal(
        id=nid(Goal),
        title="Pass the AWS Solutions Architect Professional exam",
        horizon=Horizon.SHORT,
        parent_id=staff.id,
        specific="Pass the SAP-C02 exam on the first attempt",
        measure=Measure(metric="practice exam score", unit="%", baseline=55, target=80, current=68),
        achievable="Course bought; 5 hours a week on Tuesday and Saturday mornings",
        relevant="Fills the org-scale design gap the assessment found",
        skill_ids=[skills["design"].id or 0],
        trait_ids=[traits["org_design"].id or 0],
        start=d(-50),
        due=d(40),
        created=d(-50),
    )
    mentor = Goal(
        id=nid(Goal),
        title="Mentor two junior engineers",
        horizon=Horizon.SHORT,
        parent_id=staff.id,
        specific="Hold fortnightly 1:1s with two juniors and help each ship a project end to end",
        measure=Measure(metric="mentees", unit="people", baseline=0, target=2, current=1),
        achievable="Lena agreed; asking Marcus for a second mentee",
        relevant="Working on delegating instead of doing it myself",
        trait_ids=[traits["delegating"].id or 0],
        skill_ids=[skills["mentoring"].id or 0],
        start=d(-80),
        due=d(100),
        created=d(-80),
    )
    rust = Goal(
        id=nid(Goal),
        title="Ship a side project in Rust",
        horizon=Horizon.SHORT,
        status=GoalStatus.PAUSED,
        specific="Publish a small CLI for reconciling CSV bank statements",
        start=d(-120),
        due=d(60),
        created=d(-120),
        history=[
            GoalChange(
                at=_at(d(-30)),
                field="status",
                old="active",
                new="paused",
                reason="On-call rotation doubled this quarter",
            )
        ],
    )
    incident_program = Goal(
        id=nid(Goal),
        title="Run the incident review program for a quarter",
        horizon=Horizon.SHORT,
        status=GoalStatus.ACHIEVED,
        parent_id=staff.id,
        specific="Facilitate every SEV-2 review for a quarter and publish the learnings digest",
        measure=Measure(
            metric="reviews facilitated", unit="reviews", baseline=0, target=6, current=6
        ),
        achievable="Agreed with the SRE lead",
        relevant="Builds cross-team influence",
        start=m(-6),
        due=m(-2),
        created=m(-6),
        history=[
            GoalChange(
                at=_at(m(-2)),
                field="status",
                old="active",
                new="achieved",
                reason="Quarterly review: six reviews done, digest published",
            )
        ],
    )
    operators = Goal(
        id=nid(Goal),
        title="Learn to write Kubernetes operators",
        horizon=Horizon.SHORT,
        status=GoalStatus.DROPPED,
        specific="Build an operator for our job scheduler",
        start=m(-8),
        due=m(-3),
        created=m(-8),
        history=[
            GoalChange(
                at=_at(m(-3)),
                field="status",
                old="active",
                new="dropped",
                reason="Platform team owns this now; my time is better spent on the ledger",
            )
        ],
    )
    goals = [staff, redesign, talk, rfc, internal_talks, cert, mentor, rust, incident_program]
    goals.append(operators)
    out.extend(goals)
    people["priya"] = people["priya"].model_copy(update={"goal_ids": [staff.id, rfc.id]})
    people["marcus"] = people["marcus"].model_copy(update={"goal_ids": [staff.id]})
    people["aisha"] = people["aisha"].model_copy(update={"goal_ids": [talk.id]})
    out.extend(people.values())

    def milestone(goal: Goal, title: str, due: dt.date, done: dt.date | None = None) -> Milestone:
        return Milestone(
            id=nid(Milestone), goal_id=goal.id or 0, title=title, due=due, done_at=done
        )

    milestones = [
        milestone(rfc, "Collect requirements from the finance team", d(-3)),
        milestone(rfc, "Outline the RFC and circulate to Priya", d(-12), d(-13)),
        milestone(rfc, "Draft the RFC", d(4)),
        milestone(rfc, "Review with the architecture group", d(20)),
        milestone(rfc, "Sign-off", d(45)),
        milestone(internal_talks, "Talk 1: how our ledger stays consistent", d(-25), d(-25)),
        milestone(internal_talks, "Talk 2: incident review lessons", d(9)),
        milestone(internal_talks, "Talk 3: idempotency keys in practice", d(55)),
        milestone(cert, "Finish the course videos", d(-8), d(-10)),
        milestone(cert, "Score 80% on a practice exam", d(11)),
        milestone(cert, "Book the exam", d(30)),
        milestone(mentor, "Agree goals with Lena", d(-70), d(-68)),
        milestone(mentor, "Find a second mentee", d(13)),
        milestone(redesign, "Team 1 migrated to the ledger service", m(-1), m(-1)),
        milestone(redesign, "Team 2 migrated", m(4)),
        milestone(redesign, "Team 3 migrated", m(10)),
        milestone(talk, "Submit the CFP", m(3)),
        milestone(staff, "Promotion packet draft", m(8)),
        milestone(rust, "Parse CSV statements", d(-40), d(-45)),
    ]
    out.extend(milestones)

    out.extend(
        [
            CheckIn(id=nid(CheckIn), goal_id=cert.id or 0, date=d(-40), value=55, confidence=2),
            CheckIn(id=nid(CheckIn), goal_id=cert.id or 0, date=d(-20), value=62, confidence=3),
            CheckIn(
                id=nid(CheckIn),
                goal_id=cert.id or 0,
                date=d(-5),
                value=68,
                confidence=3,
                note="Networking section still weak",
            ),
            CheckIn(
                id=nid(CheckIn), goal_id=internal_talks.id or 0, date=d(-24), value=1, confidence=4
            ),
            CheckIn(id=nid(CheckIn), goal_id=mentor.id or 0, date=d(-30), value=1, confidence=3),
            CheckIn(
                id=nid(CheckIn),
                goal_id=redesign.id or 0,
                date=m(-1),
                value=1,
                confidence=4,
                note="First team live, no incidents",
            ),
            CheckIn(id=nid(CheckIn), goal_id=staff.id or 0, date=m(-2), value=1, confidence=3),
        ]
    )

    out.extend(
        [
            LearningItem(
                id=nid(LearningItem),
                kind=LearningKind.COURSE,
                title="AWS SA Professional exam prep",
                provider="Adrian Cantrill",
                status=LearningStatus.IN_PROGRESS,
                start=d(-50),
                due=d(30),
                hours=34,
                skill_ids=[skills["design"].id or 0],
                goal_ids=[cert.id or 0],
                trait_ids=[traits["org_design"].id or 0],
            ),
            LearningItem(
                id=nid(LearningItem),
                kind=LearningKind.CERTIFICATION,
                title="AWS Certified Solutions Architect – Professional",
                provider="AWS",
                status=LearningStatus.PLANNED,
                due=d(40),
                skill_ids=[skills["design"].id or 0],
                goal_ids=[cert.id or 0],
            ),
            LearningItem(
                id=nid(LearningItem),
                kind=LearningKind.BOOK,
                title="Designing Data-Intensive Applications",
                provider="Martin Kleppmann",
                status=LearningStatus.DONE,
                start=m(-5),
                completed=m(-3),
                hours=28,
                skill_ids=[skills["distributed"].id or 0, skills["design"].id or 0],
                goal_ids=[redesign.id or 0],
            ),
            LearningItem(
                id=nid(LearningItem),
                kind=LearningKind.WORKSHOP,
                title="Presenting with confidence",
                provider="Toastmasters",
                status=LearningStatus.DONE,
                start=d(-75),
                completed=d(-45),
                hours=8,
                skill_ids=[skills["speaking"].id or 0],
                goal_ids=[internal_talks.id or 0],
                trait_ids=[traits["speaking"].id or 0],
            ),
            LearningItem(
                id=nid(LearningItem),
                kind=LearningKind.CONFERENCE,
                title="GopherCon EU",
                provider="GopherCon",
                status=LearningStatus.PLANNED,
                start=m(7),
                due=m(7),
                hours=16,
                goal_ids=[talk.id or 0],
            ),
            LearningItem(
                id=nid(LearningItem),
                kind=LearningKind.PUBLICATION,
                title="Blog post: idempotency keys at scale",
                provider="Engineering blog",
                status=LearningStatus.PLANNED,
                due=m(2),
                skill_ids=[skills["writing"].id or 0],
            ),
            LearningItem(
                id=nid(LearningItem),
                kind=LearningKind.VOLUNTEERING,
                title="Code club mentor at the local library",
                provider="Code Club",
                status=LearningStatus.DROPPED,
                start=m(-10),
                hours=6,
                skill_ids=[skills["mentoring"].id or 0],
            ),
        ]
    )

    def talk_to(
        who: str,
        days: int,
        kind: InteractionKind,
        summary: str,
        advice: str = "",
        next_step: str = "",
        follow_up: int | None = None,
    ) -> Interaction:
        return Interaction(
            id=nid(Interaction),
            person_id=people[who].id or 0,
            date=d(days),
            kind=kind,
            summary=summary,
            advice=advice,
            next_step=next_step,
            follow_up_on=d(follow_up) if follow_up is not None else None,
        )

    out.extend(
        [
            talk_to(
                "priya",
                -68,
                InteractionKind.MEETING,
                "Monthly 1:1: staff expectations",
                "Staff is about the problems you choose, not the tickets you close",
                "Pick one cross-team problem to own",
            ),
            talk_to(
                "priya",
                -47,
                InteractionKind.CALL,
                "Reviewed the RFC outline",
                "Lead with the failure modes; the happy path is obvious",
                "Draft the RFC by the 15th",
            ),
            talk_to(
                "priya",
                -26,
                InteractionKind.MEETING,
                "1:1 on the redesign politics",
                "Pre-wire the architecture group one by one before the review",
                "Book 1:1s with each architect",
            ),
            talk_to(
                "marcus",
                -35,
                InteractionKind.MEETING,
                "Skip-level: promotion timeline",
                "Show impact beyond Payments in the next two cycles",
                "Share the redesign plan with Platform leads",
                follow_up=10,
            ),
            talk_to("sam", -12, InteractionKind.MESSAGE, "Asked about ledger service deployment"),
            talk_to(
                "lena",
                -9,
                InteractionKind.MEETING,
                "Fortnightly 1:1",
                next_step="Lena to lead the next incident review with me shadowing",
            ),
            talk_to("lena", -23, InteractionKind.MEETING, "Fortnightly 1:1: code review habits"),
            talk_to(
                "diego",
                -150,
                InteractionKind.EVENT,
                "Met at GopherCon EU",
                "Compliance reviews go faster with an audit log designed in from day one",
            ),
            talk_to(
                "aisha",
                -55,
                InteractionKind.CALL,
                "CFP brainstorming",
                "Tell one story from a real outage; audiences remember stories",
                "Send Aisha the CFP draft",
            ),
            talk_to("sam", -40, InteractionKind.INTRO, "Introduced me to the Platform tech leads"),
        ]
    )

    def log(
        days: int,
        text: str,
        kind: EvidenceKind,
        goals: Sequence[Goal] = (),
        skill_keys: Sequence[str] = (),
        who: Sequence[str] = (),
    ) -> Evidence:
        return Evidence(
            id=nid(Evidence),
            date=d(days),
            text=text,
            kind=kind,
            goal_ids=[g.id or 0 for g in goals],
            skill_ids=[skills[k].id or 0 for k in skill_keys],
            person_ids=[people[p].id or 0 for p in who],
        )

    out.extend(
        [
            log(
                -2,
                "Led the incident review for the card-authorisation outage",
                EvidenceKind.WIN,
                [staff],
                ["distributed"],
            ),
            log(
                -6,
                "Priya: 'the RFC's failure-mode section is the best I've read this year'",
                EvidenceKind.PRAISE,
                [rfc],
                ["writing"],
                ["priya"],
            ),
            log(
                -25,
                "First internal talk: 60 attendees, 4.6/5 feedback",
                EvidenceKind.WIN,
                [internal_talks],
                ["speaking"],
            ),
            log(
                -25,
                "Ran over time by 8 minutes: cut slides next time",
                EvidenceKind.LESSON,
                [internal_talks],
                ["speaking"],
            ),
            log(
                -33,
                "Lena shipped her first feature end to end",
                EvidenceKind.WIN,
                [mentor],
                ["mentoring"],
                ["lena"],
            ),
            log(
                -38,
                "Marcus: show more work outside Payments",
                EvidenceKind.FEEDBACK,
                [staff],
                who=["marcus"],
            ),
            log(
                -60,
                "Migrated team 1 to the ledger service with zero downtime",
                EvidenceKind.WIN,
                [redesign],
                ["distributed", "design"],
            ),
            log(
                -90,
                "Published the incident learnings digest",
                EvidenceKind.WIN,
                [incident_program],
                ["writing"],
            ),
            log(
                -100,
                "Tried to fix every SEV-2 myself; burned out by Friday",
                EvidenceKind.LESSON,
                [mentor],
            ),
        ]
    )

    out.extend(
        [
            Feedback(
                id=nid(Feedback),
                date=m(-4),
                giver="Marcus Chen",
                person_id=people["marcus"].id,
                source=Source.SUPERVISOR,
                text="Takes the hard tickets instead of coaching others through them",
                trait_ids=[traits["delegating"].id or 0],
            ),
            Feedback(
                id=nid(Feedback),
                date=d(-26),
                giver="Sam Okafor",
                person_id=people["sam"].id,
                source=Source.PEER,
                text="Your design docs are the ones people actually read",
                trait_ids=[traits["writing"].id or 0],
            ),
            Feedback(
                id=nid(Feedback),
                date=m(-2),
                giver="Staff-readiness rubric",
                source=Source.ASSESSMENT,
                text="Cross-team architecture: 2 of 4. Incident leadership: 4 of 4.",
                trait_ids=[traits["org_design"].id or 0, traits["incidents"].id or 0],
            ),
        ]
    )

    last_review = d(-84)
    previous = add_months(last_review, -3)
    out.extend(
        [
            Review(
                id=nid(Review),
                period=Cadence.QUARTERLY,
                date=previous,
                covers_from=add_months(previous, -3),
                covers_to=previous,
                wins="Incident review program started; DDIA finished",
                obstacles="On-call load; re-org rumours",
                lessons="Say no to side quests during on-call weeks",
                what_worked="Blocking focus days",
                what_didnt="Trying to learn operators and the ledger at once",
                satisfaction=3,
                next_focus="Ledger redesign and the certification",
                decisions=[
                    ReviewDecision(
                        goal_id=operators.id or 0,
                        decision=Decision.DROP,
                        note="Platform owns this now",
                    ),
                    ReviewDecision(
                        goal_id=staff.id or 0,
                        decision=Decision.ADJUST,
                        note="Promotion cycles moved a year",
                    ),
                ],
            ),
            Review(
                id=nid(Review),
                period=Cadence.QUARTERLY,
                date=last_review,
                covers_from=previous,
                covers_to=last_review,
                wins="Team 1 migrated; incident program achieved; first mentee",
                obstacles="Rust side project stalled by on-call",
                lessons="Pre-wiring decisions saves review meetings",
                what_worked="Fortnightly mentoring 1:1s",
                what_didnt="Evening study after on-call shifts",
                satisfaction=4,
                next_focus="Land the RFC, pass the exam, first internal talks",
                decisions=[
                    ReviewDecision(goal_id=incident_program.id or 0, decision=Decision.ACHIEVE),
                    ReviewDecision(
                        goal_id=rust.id or 0, decision=Decision.PAUSE, note="On-call doubled"
                    ),
                    ReviewDecision(goal_id=redesign.id or 0, decision=Decision.KEEP),
                ],
            ),
        ]
    )
    return out


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
    nid = _Ids()
    for table, value in start_ids.items():
        nid._next[table] = value
    goal_ids: list[int] = []
    person_ids: list[int] = []
    first = today - dt.timedelta(days=3650)
    span = 3650 + 730

    def when() -> dt.date:
        return first + dt.timedelta(days=rng.randrange(span))

    kinds = [k for k, _ in _SCALE_MIX]
    weights = [w for _, w in _SCALE_MIX]
    made = 0
    while made < count:
        kind = rng.choices(kinds, weights)[0] if goal_ids and person_ids else "goal"
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
            goal_ids.append(goal.id or 0)
            if not person_ids:
                person = Person(id=nid(Person), name=f"Colleague {made}", follow_up_days=30)
                person_ids.append(person.id or 0)
                made += 1
                yield person
            made += 1
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
            made += 1
        elif kind == "checkin":
            yield CheckIn(
                id=nid(CheckIn),
                goal_id=rng.choice(goal_ids),
                date=min(when(), today),
                value=rng.randrange(11),
                confidence=rng.randint(1, 5),
            )
            made += 1
        elif kind == "evidence":
            yield Evidence(
                id=nid(Evidence),
                date=min(when(), today),
                text=f"Shipped part of {rng.choice(_THINGS)}",
                kind=rng.choice(list(EvidenceKind)),
                goal_ids=[rng.choice(goal_ids)],
            )
            made += 1
        elif kind == "interaction":
            yield Interaction(
                id=nid(Interaction),
                person_id=rng.choice(person_ids),
                date=min(when(), today),
                kind=rng.choice(list(InteractionKind)),
                summary=f"Talked about {rng.choice(_THINGS)}",
            )
            made += 1
        elif kind == "person":
            person = Person(
                id=nid(Person),
                name=f"Colleague {made}",
                relation=rng.choice(list(Relation)),
                follow_up_days=rng.choice([14, 21, 30, 60, 90]),
            )
            person_ids.append(person.id or 0)
            yield person
            made += 1
        elif kind == "learning":
            yield LearningItem(
                id=nid(LearningItem),
                kind=rng.choice(list(LearningKind)),
                title=f"Learning about {rng.choice(_THINGS)}",
                status=rng.choice(list(LearningStatus)),
                hours=rng.randrange(40),
            )
            made += 1
        elif kind == "trait":
            yield Trait(
                id=nid(Trait),
                kind=rng.choice(list(TraitKind)),
                title=f"Observed while working on {rng.choice(_THINGS)}",
            )
            made += 1
        else:
            yield Feedback(
                id=nid(Feedback),
                date=min(when(), today),
                giver=f"Colleague {rng.randrange(1000)}",
                text=f"Feedback on {rng.choice(_THINGS)}",
            )
            made += 1


def seed(store: Store, today: dt.date, scale: int | None = None) -> int:
    """Fill an empty store with the sample person (and, with `scale`, about `scale` records
    in all). Returns how many records were written. Refuses a store that has data."""
    if not store.is_empty():
        where = f" at {store.path}" if store.path else ""
        raise InvalidInput(
            f"the store{where} already has records; seed fills only an empty store — "
            "give another file with --data"
        )
    if scale is not None and not 0 <= scale <= MAX_SCALE:
        raise InvalidInput(f"--scale must be between 0 and {MAX_SCALE:,}, not {scale}")
    records = demo_records(today)
    if scale is not None and scale > len(records):
        next_ids: dict[str, int] = defaultdict(lambda: 1)
        for record in records:
            next_ids[record.table] = max(next_ids[record.table], (record.id or 0) + 1)
        records.extend(scale_records(today, scale - len(records), dict(next_ids)))
    store.add_many(records, description="seed sample data")
    return len(records)
