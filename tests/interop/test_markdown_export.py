"""The Markdown report, read back with a real Markdown parser (markdown-it-py, GFM tables)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from growthtui.domain.assessment import Skill, Source, Trait, TraitKind
from growthtui.domain.goals import Goal, Milestone
from growthtui.domain.kinds import GoalStatus, Horizon
from growthtui.domain.learning import LearningItem
from growthtui.domain.profile import Profile
from growthtui.domain.reviews import Review
from growthtui.interop.formats import export_text
from growthtui.interop.plan import closed_on
from growthtui.store.repository import Store


@dataclass
class Document:
    """What a reader sees: headings (level, text) in order, and tables as rows of cell text."""

    headings: list[tuple[int, str]] = field(default_factory=list)
    tables: list[list[list[str]]] = field(default_factory=list)
    html_blocks: list[str] = field(default_factory=list)

    def table_after(self, heading: str) -> list[list[str]]:
        """The first table under the heading with this text (header row first)."""
        index = [text for _, text in self.headings].index(heading)
        return self._tables_by_heading[index][0]

    _tables_by_heading: dict[int, list[list[list[str]]]] = field(default_factory=dict)


def _text(inline: Token) -> str:
    parts = []
    for child in inline.children or []:
        is_break = child.content.lower().startswith("<br") or child.type.endswith("break")
        parts.append("\n" if is_break else child.content)
    return "".join(parts)


def parse(markdown: str) -> Document:
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    doc = Document()
    heading_level = 0
    row: list[str] | None = None
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            heading_level = int(token.tag[1])
        elif token.type == "inline" and tokens[index - 1].type == "heading_open":
            doc.headings.append((heading_level, _text(token)))
        elif token.type == "table_open":
            doc.tables.append([])
            doc._tables_by_heading.setdefault(len(doc.headings) - 1, []).append(doc.tables[-1])
        elif token.type == "tr_open":
            row = []
        elif token.type == "inline" and row is not None:
            row.append(_text(token))
        elif token.type == "tr_close":
            assert row is not None
            doc.tables[-1].append(row)
            row = None
        elif token.type == "html_block":
            doc.html_blocks.append(token.content)
    return doc


def test_the_report_has_the_sections_a_mentor_expects(seeded_store: Store, today: dt.date) -> None:
    doc = parse(export_text(seeded_store, "md", today))
    top = [text for level, text in doc.headings if level <= 2]
    assert top == [
        "Growth plan: Alex Rivera",
        "Vision",
        "At a glance",
        "Self-assessment",
        "Goals",
        "Milestones",
        "Learning",
        "Wins and lessons (last 90 days)",
        "Latest review",
    ]


def test_every_open_goal_has_a_section_under_its_horizon(
    seeded_store: Store, today: dt.date
) -> None:
    doc = parse(export_text(seeded_store, "md", today))
    horizon_of_heading: dict[str, str] = {}
    current = ""
    for level, text in doc.headings:
        if level == 3:
            current = text
        elif level == 4:
            horizon_of_heading[text] = current
    open_goals = [g for g in seeded_store.list(Goal) if g.is_open]
    assert open_goals
    names = {
        Horizon.LONG: "Long-term (5–10 years)",
        Horizon.MEDIUM: "Medium-term (1–3 years)",
        Horizon.SHORT: "Short-term (3–6 months)",
    }
    for goal in open_goals:
        assert horizon_of_heading[goal.title] == names[goal.horizon]
    summary = doc.table_after("Goals")
    assert summary[0] == ["Goal", "Horizon", "Status", "Due", "Progress", "SMART"]
    rows = {row[0]: row for row in summary[1:]}
    for goal in open_goals:
        assert rows[goal.title][1:4] == [
            goal.horizon.value,
            goal.status.value,
            goal.due.isoformat() if goal.due else "–",
        ]


def test_closed_goals_are_listed_with_when_and_why(seeded_store: Store, today: dt.date) -> None:
    doc = parse(export_text(seeded_store, "md", today))
    table = doc.table_after("Achieved and dropped")
    closed = [g for g in seeded_store.list(Goal) if not g.is_open]
    assert {row[0] for row in table[1:]} == {g.title for g in closed}
    dropped = next(g for g in closed if g.status is GoalStatus.DROPPED)
    row = next(r for r in table if r[0] == dropped.title)
    assert row[2:4] == ["dropped", str(closed_on(dropped))]
    assert "Platform team owns this now" in row[4]


def test_every_milestone_of_an_open_goal_is_on_the_timeline_with_its_date(
    seeded_store: Store, today: dt.date
) -> None:
    doc = parse(export_text(seeded_store, "md", today))
    table = doc.table_after("Milestones")
    assert table[0] == ["Due", "Milestone", "Goal", "Status"]
    goals = {g.id: g for g in seeded_store.list(Goal)}
    expected = sorted(
        (m.due.isoformat(), m.title, goals[m.goal_id].title)
        for m in seeded_store.list(Milestone)
        if goals[m.goal_id].is_open
    )
    assert sorted(tuple(row[:3]) for row in table[1:]) == expected
    overdue = [row for row in table[1:] if row[3].startswith("overdue")]
    assert [row[1] for row in overdue] == ["Collect requirements from the finance team"]


def test_learning_and_latest_review_are_reported(seeded_store: Store, today: dt.date) -> None:
    markdown = export_text(seeded_store, "md", today)
    doc = parse(markdown)
    learning = doc.table_after("Learning")
    assert {row[1] for row in learning[1:]} == {i.title for i in seeded_store.list(LearningItem)}
    assert ("Quarterly review of 2026-09-01") in [text for _, text in doc.headings]
    decisions = doc.table_after("Quarterly review of 2026-09-01")
    assert ["Ship a side project in Rust", "pause", "On-call doubled"] in decisions
    assert "Pre-wiring decisions saves review meetings" in markdown


def test_people_are_not_in_a_report_meant_for_sharing(seeded_store: Store, today: dt.date) -> None:
    markdown = export_text(seeded_store, "md", today)
    assert "Diego Alvarez" not in markdown
    assert "Compliance reviews go faster" not in markdown


HOSTILE = [
    "Cut p99 | p50 latency by 30%",
    "*Not bold* and _not italic_ and `not code`",
    "<script>alert('x')</script> & &amp; entities",
    "# not a heading [not](a link) ![no](image)",
    "~~not struck~~ back\\slash",
]


def test_typed_text_cannot_break_headings_or_tables(memory_store: Store, today: dt.date) -> None:
    memory_store.save_profile(Profile(name="Sam | *Ops*", vision="Line one\nline | two"))
    for title in HOSTILE:
        goal = memory_store.add(Goal.build(title=title, due=today + dt.timedelta(days=60)))
        memory_store.add(Milestone.build(goal_id=goal.id, title=f"step: {title}", due=today))
    doc = parse(export_text(memory_store, "md", today))

    assert doc.headings[0] == (1, "Growth plan: Sam | *Ops*")
    assert [text for level, text in doc.headings if level == 4] == HOSTILE
    summary = doc.table_after("Goals")
    assert all(len(row) == 6 for row in summary)
    assert [row[0] for row in summary[1:]] == HOSTILE
    timeline = doc.table_after("Milestones")
    assert all(len(row) == 4 for row in timeline)
    assert sorted(row[1] for row in timeline[1:]) == sorted(f"step: {t}" for t in HOSTILE)
    assert doc.html_blocks == []


def test_an_empty_store_still_makes_a_readable_report(memory_store: Store, today: dt.date) -> None:
    doc = parse(export_text(memory_store, "md", today))
    assert doc.headings[0] == (1, "Growth plan")
    assert "Goals" in [text for _, text in doc.headings]


# -- the mentor report: self-assessment, wins as a list, numbers as people write them --------
def _tokens(markdown: str) -> list[Token]:
    return MarkdownIt("commonmark").enable("table").parse(markdown)


def _section(markdown: str, heading: str) -> str:
    """The Markdown under a level-2 heading, up to the next one."""
    _, _, rest = markdown.partition(f"\n## {heading}\n")
    return rest.split("\n## ")[0]


def _list_items(markdown: str) -> list[str]:
    """The text of every list item's paragraph, in order, at any depth."""
    tokens = _tokens(markdown)
    return [
        _text(tokens[i + 1])
        for i, token in enumerate(tokens[:-1])
        if token.type == "paragraph_open" and i and tokens[i - 1].type == "list_item_open"
    ]


def test_the_self_assessment_shows_swot_with_sources_and_skills_level_to_target(
    seeded_store: Store, today: dt.date
) -> None:
    markdown = export_text(seeded_store, "md", today)
    doc = parse(markdown)
    under = [text for level, text in doc.headings if level == 3]
    for quadrant in ("Strengths", "Weaknesses", "Opportunities", "Threats", "Skills"):
        assert quadrant in under
    items = _list_items(_section(markdown, "Self-assessment"))
    for trait in seeded_store.list(Trait):
        assert any(
            item.startswith(trait.title) and f"(source: {trait.source.value})" in item
            for item in items
        ), trait.title
    skills = doc.table_after("Skills")
    assert skills[0] == ["Skill", "Category", "Level → target", "Trend"]
    rows = {row[0]: row for row in skills[1:]}
    for skill in seeded_store.list(Skill):
        assert rows[skill.name][2] == f"{skill.level} → {skill.target_level}"


def test_archived_traits_are_left_out_and_each_sits_in_its_quadrant(
    memory_store: Store, today: dt.date
) -> None:
    memory_store.add(Trait(kind=TraitKind.WEAKNESS, title="Slow reviews", source=Source.PEER))
    memory_store.add(Trait(kind=TraitKind.THREAT, title="Old worry", archived=True))
    memory_store.add(Skill(name="Rust", target_level=4))
    markdown = export_text(memory_store, "md", today)
    section = _section(markdown, "Self-assessment")
    assert [text for level, text in parse(section).headings] == ["Weaknesses", "Skills"]
    assert _list_items(section) == ["Slow reviews (source: peer)"]
    assert "Old worry" not in markdown
    assert parse(markdown).table_after("Skills")[1][2] == "– → 4"


def test_a_reviews_wins_typed_as_lines_are_a_list_not_a_list_inside_bold(
    memory_store: Store, today: dt.date
) -> None:
    memory_store.add(
        Review(
            date=today,
            covers_from=dt.date(2026, 9, 1),
            covers_to=today,
            wins="- Shipped the RFC\n- First mentee promoted\n* Talk accepted",
            lessons="Say no earlier",
        )
    )
    markdown = export_text(memory_store, "md", today)
    tokens = _tokens(_section(markdown, "Latest review"))
    nested = [t for t in tokens if t.type == "bullet_list_open" and t.level > 0]
    assert nested, "the wins are a list of their own, under their label"
    strong = [
        "".join(c.content for c in t.children or [] if c.type == "text")
        for t in tokens
        if t.type == "inline" and any(c.type == "strong_open" for c in t.children or [])
    ]
    assert "Wins:" in strong  # the bold label holds the label only
    items = _list_items(_section(markdown, "Latest review"))
    assert items[1:4] == ["Shipped the RFC", "First mentee promoted", "Talk accepted"]
    assert "Lessons: Say no earlier" in items


def test_percentages_are_written_against_their_number(memory_store: Store, today: dt.date) -> None:
    memory_store.add(
        Goal.build(
            title="Pass the exam",
            measure={
                "metric": "practice score",
                "unit": "%",
                "baseline": 55,
                "target": 100,
                "current": 100,
            },
        )
    )
    markdown = export_text(memory_store, "md", today)
    assert "from 55 to 100%, now 100%" in markdown
    assert "| 100% |" in markdown  # the progress column
    assert " %" not in markdown


def test_counts_read_in_plain_english(memory_store: Store, today: dt.date) -> None:
    goal = memory_store.add(Goal.build(title="Ship"))
    memory_store.add(Milestone.build(goal_id=goal.id, title="Late", due=today - dt.timedelta(1)))
    memory_store.add(
        LearningItem.build(kind="course", title="Go", status="done", hours=1, completed=today)
    )
    markdown = export_text(memory_store, "md", today)
    assert "**overdue** (1 day)" in markdown
    assert "1 hour of finished learning." in markdown


def test_control_characters_in_stored_text_are_shown_as_escapes(
    memory_store: Store, today: dt.date
) -> None:
    hostile = "Ship \x1b]52;c;aGk=\x07 \x1bc \x1b[2J \u202egnp.exe"
    memory_store.add(Goal.build(title=hostile, due=today))
    memory_store.add(Trait(kind=TraitKind.STRENGTH, title=hostile))
    markdown = export_text(memory_store, "md", today)
    for raw in ("\x1b", "\x07", "\u202e"):
        assert raw not in markdown
    shown = "Ship \\x1b]52;c;aGk=\\x07 \\x1bc \\x1b[2J \\u202egnp.exe"  # as a reader sees it
    assert [text for level, text in parse(markdown).headings if level == 4] == [shown]
    assert f"{shown} (source: self)" in _list_items(_section(markdown, "Self-assessment"))
