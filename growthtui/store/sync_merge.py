"""Two copies of a store made one again: the three-way merge of a sync, by record and field.

`merge` compares three states in shared form (store/sync_shared.py): the last synced one
(`base`, git's merge base), this copy (`ours`) and the remote's (`theirs`):

- a record or a field changed on one side only takes that side's value; changed on both
  sides to different values, the later change wins (the `modified` order of
  `domain.versions.later_version`) and the other value is not dropped silently: a goal's
  tracked field goes into the goal's history ("sync: box's value was …"), any other
  field is named in the report;
- a goal's history is the union of both;
- deleted on one side and changed on the other: kept. Deleted on one side, unchanged on
  the other: deleted. A record still linked to by a record kept is kept;
- added on both sides with one identity: merged field by field as above;
- a store holds one profile, and no goal is its own ancestor, whatever each side did.

store/sync_apply.py then writes the result into the store.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from growthtui.domain.base import Record
from growthtui.domain.entities import ENTITIES
from growthtui.domain.goals import TRACKED_FIELDS, Goal, GoalChange, describe_value
from growthtui.domain.profile import Profile
from growthtui.store.importing import union_history
from growthtui.store.sync_shared import (
    DECISIONS,
    REQUIRED_LINKS,
    Doc,
    Shared,
    content,
    link_targets,
    relink,
)

NOT_MERGED = ("id", "uid", "modified", "history")
"""Fields the field-by-field merge leaves to its own rules."""


@dataclass
class Note:
    """A sentence about one record, said once its number here is known."""

    table: str
    uid: str
    text: str


@dataclass
class Merged:
    state: Shared
    notes: list[Note] = field(default_factory=list)


def merge(
    base: Shared,
    ours: Shared,
    theirs: Shared,
    at: dt.datetime,
    other: str,
    copies: tuple[str, str] | None = None,
) -> Merged:
    """The three-way merge of `ours` and `theirs` against `base` (see the module's
    docstring). `other` names the remote in the report, said here ("the remote"); `at` is
    the time of the history entries it adds, and `copies` names this copy and the other in
    them ("laptop", "box"): a goal's history is read on every copy, where "here" would
    mislead. The result depends on the three states only (and `at`, `copies`): every copy
    merging the same states keeps the same versions."""
    out = Merged({model.table: {} for model in ENTITIES})
    for model in ENTITIES:
        table = model.table
        b_rows, o_rows, t_rows = (s.get(table) or {} for s in (base, ours, theirs))
        for uid in sorted(set(o_rows) | set(t_rows)):
            doc = _merge_record(
                model,
                uid,
                b_rows.get(uid),
                o_rows.get(uid),
                t_rows.get(uid),
                at,
                other,
                out.notes,
                copies,
            )
            if doc is not None:
                out.state[table][uid] = doc
    _one_profile(out, other)
    _keep_linked(out, (ours, theirs, base), other)
    _no_parent_loops(out)
    return out


def _order(doc: Doc) -> tuple[bool, str, str]:
    """`later_version`'s order (domain/versions.py), on a shared record: known time first,
    then the time of change (ISO, UTC, to the second: its text sorts as the time), then the
    content. Taken on the shared record, links by uid, rather than by calling
    `later_version` on records with short numbers: two versions that differ only in a link
    are then ordered alike on every copy, whatever numbers each gives the record linked."""
    modified = doc.get("modified")
    content = {k: v for k, v in doc.items() if k not in ("id", "uid", "modified")}
    return (modified is not None, modified or "", json.dumps(content, sort_keys=True))


def _merge_record(
    model: type[Record],
    uid: str,
    b: Doc | None,
    o: Doc | None,
    t: Doc | None,
    at: dt.datetime,
    other: str,
    notes: list[Note],
    copies: tuple[str, str] | None,
) -> Doc | None:
    table = model.table
    if o is None or t is None:
        kept = t if o is None else o
        assert kept is not None
        if b is None:
            return kept  # added on one side
        if content(kept) == content(b):
            return None  # deleted on one side, unchanged on the other
        gone, changed = ("here", f"on {other}") if o is None else (f"on {other}", "here")
        notes.append(Note(table, uid, f"was deleted {gone} and changed {changed}; it was kept"))
        return {**kept, "id": b.get("id", kept.get("id"))}
    number = t.get("id", o.get("id")) if b is None else b.get("id", t.get("id"))
    if b is not None and _same(o, b):  # changed there only (its time too)
        return {**t, "id": number}
    if b is not None and _same(t, b):
        return {**o, "id": number}
    if content(o) == content(t):  # the same change on both sides: the later time
        later = max((o, t), key=lambda d: d.get("modified") or "")
        return {**later, "id": number}
    if b is not None and content(o) == content(b):
        return {**t, "id": number}
    if b is not None and content(t) == content(b):
        return {**o, "id": number}
    theirs_win = _order(t) > _order(o)
    winner, loser = (t, o) if theirs_win else (o, t)
    merged: Doc = {}
    lost: list[str] = []
    base = b or {}
    for name in dict.fromkeys([*winner, *loser]):
        if name in NOT_MERGED:
            continue
        ov, tv, bv = o.get(name), t.get(name), base.get(name, _MISSING)
        if ov == tv or tv == bv:
            merged[name] = ov
        elif ov == bv:
            merged[name] = tv
        else:
            merged[name] = winner.get(name)
            lost.append(name)
    merged = {k: merged[k] for k in [*winner, *loser] if k in merged}
    merged["uid"], merged["id"] = uid, number
    merged["modified"] = max(o.get("modified") or "", t.get("modified") or "") or None
    if "history" in o or "history" in t:
        merged["history"] = _history(o.get("history") or [], t.get("history") or [])
    if not _valid(model, merged):  # both sides' fields do not fit together: the later wins
        merged = {**winner, "id": number}
        if "history" in merged:
            merged["history"] = _history(o.get("history") or [], t.get("history") or [])
        lost = [
            n
            for n in dict.fromkeys([*winner, *loser])
            if n not in NOT_MERGED and o.get(n) != t.get(n)
        ]
    if lost:
        _say_lost(model, uid, merged, loser, lost, theirs_win, at, other, notes, copies)
    return merged


_MISSING = object()


def _same(doc: Doc, other: Doc) -> bool:
    """Equal but for the short number (each copy's own)."""
    return {**doc, "id": None} == {**other, "id": None}


def _history(here: list[Doc], there: list[Doc]) -> list[Doc]:
    if here == there:
        return here
    changes = union_history(
        [GoalChange.model_validate(h) for h in here], [GoalChange.model_validate(h) for h in there]
    )
    return [c.model_dump(mode="json") for c in changes]


def _valid(model: type[Record], doc: Doc) -> bool:
    """Whether `doc` makes a valid record (its links, uids here, stood in for by numbers)."""

    def stand_in(_table: str, _value: Any) -> int:
        return 1

    try:
        model.model_validate({**relink(doc, stand_in), "id": 0})
    except ValidationError:
        return False
    return True


def _say_lost(
    model: type[Record],
    uid: str,
    merged: Doc,
    loser: Doc,
    lost: list[str],
    theirs_win: bool,
    at: dt.datetime,
    other: str,
    notes: list[Note],
    copies: tuple[str, str] | None,
) -> None:
    where, lost_where = (f"on {other}", "here") if theirs_win else ("here", f"on {other}")
    tracked = [n for n in lost if n in TRACKED_FIELDS] if model is Goal else []
    others = [n for n in lost if n not in tracked]
    if tracked:
        goal_then, goal_now = goal_of(loser), goal_of(merged)
        history = list(merged.get("history") or [])
        recorded = {(h.get("field"), h.get("old"), h.get("new"), h.get("reason")) for h in history}
        for name in tracked:
            old = describe_value(getattr(goal_then, name))
            new = describe_value(getattr(goal_now, name))
            reason = _reason(old, theirs_win, where, other, copies)
            if (name, old, new, reason) in recorded:  # the same sync made again
                continue
            entry = GoalChange(at=at, field=name, old=old, new=new, reason=reason)
            history.append(entry.model_dump(mode="json"))
        merged["history"] = history
    said = [f"changed here and {f'on {other}'}; the later change, {where}, was kept"]
    if tracked:
        said.append(f"the {_words(tracked)} {lost_where} went into its history")
    if others:
        verb = "was" if len(others) == 1 else "were"
        said.append(f"its {_words(others)} {lost_where} {verb} not kept")
    notes.append(Note(model.table, uid, "; ".join(said)))


def _reason(
    old: str, theirs_win: bool, where: str, other: str, copies: tuple[str, str] | None
) -> str:
    """The history's reason for a value that lost to a later change."""
    if copies is not None:
        loser, winner = copies if theirs_win else copies[::-1]
        return f"sync: {loser}'s value was “{old}”; the later change, on {winner}, was kept"
    if theirs_win:
        return f"sync: the value here was “{old}”; the later change {where} was kept"
    return f"sync: {other}'s value was “{old}”; the later change here was kept"


def goal_of(doc: Doc) -> Goal:
    def stand_in(_table: str, _value: Any) -> int:
        return 1

    return Goal.model_validate({**relink(doc, stand_in), "id": 0, "parent_id": None})


def _words(fields: Iterable[str]) -> str:
    return ", ".join(f.replace("_", " ") for f in fields)


def _one_profile(out: Merged, other: str) -> None:
    """A store holds one profile: when each side made its own, the later one is kept."""
    rows = out.state[Profile.table]
    if len(rows) <= 1:
        return
    keep = max(rows.values(), key=_order)
    for uid in [u for u in rows if u != keep["uid"]]:
        del rows[uid]
    out.notes.append(
        Note(
            Profile.table,
            keep["uid"],
            f"was filled in here and on {other} separately; the later one was kept",
        )
    )


def _keep_linked(out: Merged, sources: tuple[Shared, ...], other: str) -> None:
    """A record the merge deleted but a kept record still links to is kept; a link to a
    record no side has is dropped (a record that cannot exist without it goes too)."""
    changed = True
    while changed:
        changed = False
        for table, rows in out.state.items():
            for uid, doc in list(rows.items()):
                for name, target_table, target in link_targets(doc):
                    if target in out.state[target_table]:
                        continue
                    found = [
                        s[target_table][target]
                        for s in sources[:2]
                        if target in (s.get(target_table) or {})
                    ]
                    found = found or [
                        s[target_table][target]
                        for s in sources[2:]
                        if target in (s.get(target_table) or {})
                    ]
                    if found:
                        kept = max(found, key=_order)
                        out.state[target_table][target] = kept
                        out.notes.append(
                            Note(
                                target_table,
                                target,
                                "was deleted on one side but is still linked to "
                                "by a record kept; it was kept",
                            )
                        )
                    elif (table, name) in REQUIRED_LINKS:
                        del rows[uid]
                        out.notes.append(
                            Note(table, uid, "links to a record neither copy has; it was left out")
                        )
                        changed = True
                        break
                    else:
                        rows[uid] = doc = _without_link(doc, name, target)
                    changed = True


def _without_link(doc: Doc, name: str, target: Any) -> Doc:
    value = doc.get(name)
    if name == DECISIONS:
        return {**doc, name: [d for d in value or [] if d.get("goal_id") != target]}
    if isinstance(value, list):
        return {**doc, name: [v for v in value if v != target]}
    return {**doc, name: None}


def _no_parent_loops(out: Merged) -> None:
    """Each side may make a goal the other's parent: the loop is broken at the goal changed
    last, which loses its parent (said in the report)."""
    goals = out.state[Goal.table]
    for start in sorted(goals):
        chain: list[str] = []
        at: str | None = start
        while at is not None and at in goals and at not in chain:
            chain.append(at)
            at = goals[at].get("parent_id")
        if at is not None and at in chain:
            loop = chain[chain.index(at) :]
            last = max((goals[u] for u in loop), key=_order)
            goals[last["uid"]] = {**last, "parent_id": None}
            out.notes.append(
                Note(
                    Goal.table,
                    last["uid"],
                    "and its parent were each other's stepping stones after the "
                    "sync; it no longer has a parent",
                )
            )
