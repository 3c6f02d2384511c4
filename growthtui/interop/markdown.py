"""The Markdown report: the plan as a mentor or manager reads it, on a code forge or in an editor.

Vision, the self-assessment (strengths, weaknesses, opportunities and threats with where
each came from; skills with level → target), goals by horizon with their SMART fields and
progress, the timeline of milestones, learning, recent wins and the latest review.
GitHub-flavoured tables; every piece of text a person typed is escaped, so a `|` or a `*`
in a title cannot break the layout, and shown through `printable`, so a control character
in it reaches no terminal that shows the report (`cat report.md`).
People and their notes are left out: the report is meant to be shared.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from growthtui.domain.assessment import TraitKind
from growthtui.domain.cadence import review_due
from growthtui.domain.dates import shift_days
from growthtui.domain.goals import Goal
from growthtui.domain.kinds import GoalStatus, Horizon
from growthtui.domain.printable import printable
from growthtui.domain.progress import latest_value
from growthtui.domain.reviews import Review
from growthtui.domain.smart import check_smart
from growthtui.domain.words import counted
from growthtui.interop.plan import (
    HORIZON_ORDER,
    Plan,
    closed_on,
    closing_reason,
    goal_order,
    read_plan,
)
from growthtui.store.repository import Store

RECENT_DAYS = 90
"""How far back "recent" wins and lessons go."""

HISTORY_ITEMS = 4
"""Changes and check-ins shown per goal, newest first."""

_SPECIAL = set("\\`*_[]<>|#~&!")
_HORIZON_HEADINGS = {
    Horizon.LONG: "Long-term (5–10 years)",
    Horizon.MEDIUM: "Medium-term (1–3 years)",
    Horizon.SHORT: "Short-term (3–6 months)",
}


_SWOT_HEADINGS = {
    TraitKind.STRENGTH: "Strengths",
    TraitKind.WEAKNESS: "Weaknesses",
    TraitKind.OPPORTUNITY: "Opportunities",
    TraitKind.THREAT: "Threats",
}
_BULLETS = ("- ", "* ", "+ ", "• ")


def escape(text: str) -> str:
    """User text as literal Markdown inline text: specials backslash-escaped, line breaks
    kept as `<br>` (which works in table cells too), control characters and direction
    overrides written as visible escapes (`\\x1b`)."""
    return "<br>".join(_escaped_lines(text))


def _escaped_lines(text: str) -> list[str]:
    """The non-empty lines of `text`, each escaped as `escape` does."""
    lines = [printable(line.strip()) for line in text.strip().splitlines()]
    escaped = ["".join(f"\\{c}" if c in _SPECIAL else c for c in line) for line in lines]
    return [line for line in escaped if line]


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """A GitHub-flavoured table; cells must already be escaped."""
    out = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    out += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return out


def _percent(fraction: float | None) -> str:
    return "–" if fraction is None else f"{round(fraction * 100)}%"


def _number(value: float | None) -> str:
    if value is None:
        return "?"
    value = float(value)  # an int (a sum of nothing) has no is_integer before Python 3.12
    return str(int(value)) if value.is_integer() else f"{value:g}"


def _with_unit(number: str, unit: str) -> str:
    """`80%`, `12 talks`: a percent sign is written against its number."""
    if not unit:
        return number
    return f"{number}{unit}" if unit == "%" else f"{number} {escape(unit)}"


def export_markdown(store: Store, today: dt.date) -> str:
    """The report as Markdown text, ending with a newline."""
    plan = read_plan(store, today)
    lines = _title(plan)
    lines += _summary(plan)
    lines += _self_assessment(plan)
    lines += _goals(plan)
    lines += _timeline(plan)
    lines += _learning(plan)
    lines += _recent_evidence(plan)
    lines += _latest_review(plan)
    return "\n".join(lines).rstrip("\n") + "\n"


def _title(plan: Plan) -> list[str]:
    profile = plan.profile
    heading = f"# Growth plan: {escape(profile.name)}" if profile.name else "# Growth plan"
    byline = [escape(profile.role)] if profile.role else []
    byline.append(f"report of {plan.today.isoformat()}")
    lines = [heading, "", " · ".join(byline) + "  ", ""]
    if profile.vision:
        lines += ["## Vision", "", f"> {escape(profile.vision)}", ""]
    return lines


def _summary(plan: Plan) -> list[str]:
    by_status = {s: sum(g.status is s for g in plan.goals) for s in GoalStatus}
    open_goals = [g for g in plan.goals if g.is_open]
    open_ids = {g.id for g in open_goals}
    mine = [m for m in plan.milestones if m.goal_id in open_ids]
    overdue = [m for m in mine if plan.milestone_state(m) == "overdue"]
    soon_end = shift_days(plan.today, 30)
    soon = [m for m in mine if m.done_at is None and plan.today <= m.due <= soon_end]
    cadence = plan.profile.review_cadence
    due = review_due(cadence, plan.reviews, plan.today)
    latest = plan.latest_review()
    reviewed = (
        f"last {latest.period.value} review on {latest.date.isoformat()}; "
        f"next due {due.due.isoformat()}"
        if latest
        else f"no {cadence.value} review yet"
    )
    done = sum(m.done_at is not None for m in mine)
    return [
        "## At a glance",
        "",
        f"- **Goals:** {by_status[GoalStatus.ACTIVE]} active, {by_status[GoalStatus.PAUSED]} "
        f"paused, {by_status[GoalStatus.ACHIEVED]} achieved, "
        f"{by_status[GoalStatus.DROPPED]} dropped",
        f"- **Milestones of open goals:** {done} of {len(mine)} done, {len(overdue)} overdue, "
        f"{len(soon)} due in the next 30 days",
        f"- **Reviews:** {reviewed}",
        "",
    ]


def _goals(plan: Plan) -> list[str]:
    open_goals = sorted((g for g in plan.goals if g.is_open), key=goal_order)
    lines = ["## Goals", ""]
    if not plan.goals:
        return [*lines, "No goals yet.", ""]
    if open_goals:
        rows = [
            [
                escape(g.title),
                g.horizon.value,
                g.status.value,
                g.due.isoformat() if g.due else "–",
                _percent(plan.progress(g)),
                check_smart(g, plan.today, plan.milestones_of(g), plan.goal(g.parent_id)).summary(),
            ]
            for horizon in HORIZON_ORDER
            for g in open_goals
            if g.horizon is horizon
        ]
        lines += table(["Goal", "Horizon", "Status", "Due", "Progress", "SMART"], rows)
        lines.append("")
    for horizon in HORIZON_ORDER:
        mine = [g for g in open_goals if g.horizon is horizon]
        if mine:
            lines += [f"### {_HORIZON_HEADINGS[horizon]}", ""]
            for goal in mine:
                lines += _goal_detail(plan, goal)
    closed = sorted((g for g in plan.goals if not g.is_open), key=_closed_order, reverse=True)
    if closed:
        lines += ["### Achieved and dropped", ""]
        rows = [
            [
                escape(g.title),
                g.horizon.value,
                g.status.value,
                _iso(closed_on(g) or g.due),
                escape(closing_reason(g)),
            ]
            for g in closed
        ]
        lines += table(["Goal", "Horizon", "Status", "Closed", "Why"], rows)
        lines.append("")
    return lines


def _closed_order(goal: Goal) -> tuple[dt.date, int]:
    return (closed_on(goal) or goal.due or dt.date.min, goal.id)


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else "–"


def _goal_detail(plan: Plan, goal: Goal) -> list[str]:
    parent = plan.goal(goal.parent_id)
    milestones = plan.milestones_of(goal)
    check = check_smart(goal, plan.today, milestones, parent)
    when = [f"**Status:** {goal.status.value}"]
    if goal.start:
        when.append(f"**Started:** {goal.start.isoformat()}")
    when.append(f"**Due:** {_iso(goal.due)}")
    lines = [f"#### {escape(goal.title)}", "", "- " + " · ".join(when)]
    progress = plan.progress(goal)
    if progress is not None:
        lines.append(f"- **Progress:** {_percent(progress)}")
    if parent is not None:
        lines.append(f"- **Stepping stone toward:** {escape(parent.title)}")
    if goal.specific:
        lines.append(f"- **Specific:** {escape(goal.specific)}")
    measure = goal.measure
    if measure.metric or measure.target is not None:
        unit = measure.unit.strip()
        current = latest_value(goal, plan.checkins_of(goal))
        lines.append(
            f"- **Measure:** {escape(measure.metric) or 'target'}: from "
            f"{_number(measure.baseline if measure.baseline is not None else 0.0)} to "
            f"{_with_unit(_number(measure.target), unit)}, "
            f"now {_number(current)}{'%' if unit == '%' and current is not None else ''}"
        )
    if goal.achievable:
        lines.append(f"- **Achievable:** {escape(goal.achievable)}")
    if goal.relevant:
        lines.append(f"- **Relevant:** {escape(goal.relevant)}")
    if check.ok:
        lines.append("- **SMART check:** all five letters pass")
    else:
        reasons = "; ".join(f"{w.name}: {escape(w.reason)}" for w in check.warnings)
        lines.append(f"- **SMART check:** {check.summary()} ({reasons})")
    if milestones:
        done = sum(m.done_at is not None for m in milestones)
        upcoming = [m for m in milestones if m.done_at is None]
        step = f"; next: {escape(upcoming[0].title)} ({upcoming[0].due})" if upcoming else ""
        lines.append(f"- **Milestones:** {done} of {len(milestones)} done{step}")
    if goal.tags:
        lines.append(f"- **Tags:** {', '.join(escape(t) for t in goal.tags)}")
    history = _history(plan, goal)
    if history:
        lines.append("- **Recent history:**")
        lines += [f"  - {item}" for item in history]
    lines.append("")
    return lines


def _history(plan: Plan, goal: Goal) -> list[str]:
    items: list[tuple[dt.date, str]] = []
    for change in goal.history:
        reason = f": {escape(change.reason)}" if change.reason else ""
        items.append(
            (
                change.at.date(),
                f"{change.at.date().isoformat()} changed {escape(change.field)} from "
                f"{escape(change.old) or '–'} to {escape(change.new) or '–'}{reason}",
            )
        )
    for checkin in plan.checkins_of(goal):
        value = f" {_number(checkin.value)}" if checkin.value is not None else ""
        note = f": {escape(checkin.note)}" if checkin.note else ""
        items.append(
            (
                checkin.date,
                f"{checkin.date.isoformat()} check-in{value}, confidence "
                f"{checkin.confidence}/5{note}",
            )
        )
    items.sort(key=lambda item: item[0], reverse=True)
    return [text for _, text in items[:HISTORY_ITEMS]]


def _timeline(plan: Plan) -> list[str]:
    open_goals = {g.id: g for g in plan.goals if g.is_open}
    mine = sorted(
        (m for m in plan.milestones if m.goal_id in open_goals), key=lambda m: (m.due, m.id)
    )
    if not mine:
        return []
    rows = []
    for milestone in mine:
        state = plan.milestone_state(milestone)
        if milestone.done_at is not None:
            state = f"done {milestone.done_at.isoformat()}"
        elif state == "overdue":
            state = f"**overdue** ({counted((plan.today - milestone.due).days, 'day')})"
        goal = open_goals[milestone.goal_id]
        rows.append([milestone.due.isoformat(), escape(milestone.title), escape(goal.title), state])
    return [
        "## Milestones",
        "",
        *table(["Due", "Milestone", "Goal", "Status"], rows),
        "",
    ]


def _self_assessment(plan: Plan) -> list[str]:
    """Know yourself: SWOT with where each trait came from, and skills with level → target."""
    traits = [t for t in plan.traits if not t.archived]
    if not traits and not plan.skills:
        return []
    lines = ["## Self-assessment", ""]
    for kind, heading in _SWOT_HEADINGS.items():
        mine = sorted((t for t in traits if t.kind is kind), key=lambda t: t.id)
        if not mine:
            continue
        lines += [f"### {heading}", ""]
        for trait in mine:
            evidence = f": {escape(trait.evidence)}" if trait.evidence else ""
            lines.append(f"- {escape(trait.title)} (source: {trait.source.value}){evidence}")
        lines.append("")
    return lines + _skills(plan)


def _skills(plan: Plan) -> list[str]:
    if not plan.skills:
        return []
    rows = [
        [
            escape(skill.name),
            escape(skill.category),
            f"{skill.level if skill.level is not None else '–'} → {skill.target_level}",
            " → ".join(str(level) for level in skill.trend()) or "–",
        ]
        for skill in sorted(plan.skills, key=lambda s: (s.category.lower(), s.name.lower()))
    ]
    return [
        "### Skills",
        "",
        *table(["Skill", "Category", "Level → target", "Trend"], rows),
        "",
    ]


def _learning(plan: Plan) -> list[str]:
    if not plan.learning:
        return []
    order = {"in progress": 0, "planned": 1, "done": 2, "dropped": 3}
    items = sorted(
        plan.learning,
        key=lambda i: (order[i.status.value], i.completed or i.due or dt.date.max, i.id),
    )
    rows = [
        [
            item.kind.value,
            escape(item.title),
            escape(item.provider),
            item.status.value,
            _iso(item.completed or item.due),
            _number(item.hours) if item.hours else "–",
        ]
        for item in items
    ]
    total = sum(i.hours for i in plan.learning if i.status.value == "done")
    hours = counted(int(total), "hour") if float(total).is_integer() else f"{total:g} hours"
    return [
        "## Learning",
        "",
        *table(["Kind", "Title", "Provider", "Status", "Done / due", "Hours"], rows),
        "",
        f"{hours} of finished learning.",
        "",
    ]


def _recent_evidence(plan: Plan) -> list[str]:
    since = shift_days(plan.today, -RECENT_DAYS)
    recent = sorted(
        (e for e in plan.evidence if since <= e.date <= plan.today),
        key=lambda e: (e.date, e.id),
        reverse=True,
    )
    if not recent:
        return []
    lines = [f"## Wins and lessons (last {RECENT_DAYS} days)", ""]
    for item in recent:
        goals = [plan.goal(gid) for gid in item.goal_ids]
        titles = ", ".join(escape(g.title) for g in goals if g is not None)
        toward = f" (goal: {titles})" if titles else ""
        lines.append(f"- {item.date.isoformat()} · {item.kind.value}: {escape(item.text)}{toward}")
    return [*lines, ""]


def _latest_review(plan: Plan) -> list[str]:
    review = plan.latest_review()
    if review is None:
        return []
    lines = [
        "## Latest review",
        "",
        f"### {review.period.value.capitalize()} review of {review.date.isoformat()}",
        "",
        f"Covers {review.covers_from.isoformat()} to {review.covers_to.isoformat()}."
        + (f" Satisfaction {review.satisfaction}/5." if review.satisfaction else ""),
        "",
    ]
    for label, text in _review_fields(review):
        lines += _labelled_list(label, text)
    lines.append("")
    if review.decisions:
        rows = []
        for decision in review.decisions:
            goal = plan.goal(decision.goal_id)
            title = escape(goal.title) if goal else f"goal {decision.goal_id} (deleted)"
            rows.append([title, decision.decision.value, escape(decision.note)])
        lines += [*table(["Goal", "Decision", "Note"], rows), ""]
    return lines


def _labelled_list(label: str, text: str) -> list[str]:
    """A review's field as a list item: `- **Wins:** text` for one line; for several (a
    list typed one item a line, with or without its own bullets), the label alone and the
    lines as a list inside it, never a list inside the bold label."""
    items = [_unbulleted(line) for line in text.strip().splitlines() if line.strip()]
    if not items:
        return []
    if len(items) == 1:
        return [f"- **{label}:** {escape(items[0])}"]
    return [f"- **{label}:**", *(f"  - {escape(item)}" for item in items)]


def _unbulleted(line: str) -> str:
    stripped = line.strip()
    for bullet in _BULLETS:
        if stripped.startswith(bullet):
            return stripped[len(bullet) :]
    return stripped


def _review_fields(review: Review) -> list[tuple[str, str]]:
    return [
        ("Wins", review.wins),
        ("Obstacles", review.obstacles),
        ("Lessons", review.lessons),
        ("What worked", review.what_worked),
        ("What didn't", review.what_didnt),
        ("Next focus", review.next_focus),
    ]
