"""Two copies of a store made one again: the three-way merge of a sync, by record and field.

A sync (services/sync.py) keeps the copies' common state in git, one file per kind of
record (`shared_files`). In that *shared form* a record is known by its identity (`uid`),
never by its short number: every link to another record names that record's uid, and `id`
is only the number the record was born with (a hint: each copy keeps its own numbers).

`merge` compares three shared states: the last synced one (`base`, git's merge base), this
copy (`ours`) and the remote's (`theirs`):

- a record or a field changed on one side only takes that side's value; changed on both
  sides to different values, the later change wins (the `modified` order of
  `domain.versions.later_version`) and the other value is not dropped silently: a goal's
  tracked field goes into the goal's history ("sync: the remote's value was …"), any other
  field is named in the report;
- a goal's history is the union of both;
- deleted on one side and changed on the other: kept. Deleted on one side, unchanged on
  the other: deleted. A record still linked to by a record kept is kept;
- added on both sides with one identity: merged field by field as above.

`apply_merged` writes the result into the store in one transaction (the store's lock held
while it runs): records known here keep their short number; a new record keeps the number
it was born with when it is free here, else takes the next free one, with its links
remapped, and the report says "goal 12 from the remote is now goal 14 here".
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from growthtui.domain import (
    ENTITIES,
    ENTITY_BY_TABLE,
    TRACKED_FIELDS,
    Goal,
    GoalChange,
    InvalidInput,
    Profile,
    Record,
    explain,
)
from growthtui.domain.printable import printable
from growthtui.store.changes import dump_record, same_content
from growthtui.store.goal_history import describe_value
from growthtui.store.importing import _titled as titled
from growthtui.store.importing import _union as union_history
from growthtui.store.repository import Store

Doc = dict[str, Any]
Shared = dict[str, dict[str, Doc]]
"""A store in shared form: kind (table) → uid → record (links as uids)."""

LINKS: dict[str, str] = {
    "parent_id": "goals",
    "goal_id": "goals",
    "pending_goal_id": "goals",
    "goal_ids": "goals",
    "trait_ids": "traits",
    "skill_ids": "skills",
    "person_id": "people",
    "person_ids": "people",
    "milestone_id": "milestones",
}
"""Every field that links to another record, and the kind it links to (a review's
`decisions` link to goals too, each through its `goal_id`)."""
DECISIONS = "decisions"
REQUIRED_LINKS = {("milestones", "goal_id"), ("checkins", "goal_id"), ("interactions", "person_id")}
"""Links a record cannot exist without."""
NOT_MERGED = ("id", "uid", "modified", "history")
"""Fields the field-by-field merge leaves to its own rules."""
SCHEMA_FILE = "schema.json"


# -- the shared form -------------------------------------------------------------------
def shared_state(store: Store) -> Shared:
    """The store's records in shared form (each record's `id`: its number here)."""
    dumped = store.dump()
    uids = {table: {r.id: r.uid for r in records} for table, records in dumped.items()}
    shared: Shared = {}
    for table, records in dumped.items():
        rows: dict[str, Doc] = {}
        for record in records:
            doc = record.model_dump(mode="json")
            rows[record.uid] = _relink(doc, lambda t, n: uids[t].get(n, n))
        shared[table] = rows
    return shared


def _relink(doc: Doc, to: Any) -> Doc:
    """`doc` with every link passed through `to(table, value)`."""
    out = dict(doc)
    for name, table in LINKS.items():
        value = out.get(name)
        if value is None:
            continue
        out[name] = [to(table, v) for v in value] if isinstance(value, list) else to(table, value)
    if out.get(DECISIONS):
        out[DECISIONS] = [{**d, "goal_id": to("goals", d["goal_id"])} for d in out[DECISIONS]]
    return out


def _link_targets(doc: Doc) -> list[tuple[str, str, Any]]:
    """(field, kind, uid) for every link of a shared record."""
    found: list[tuple[str, str, Any]] = []
    for name, table in LINKS.items():
        value = doc.get(name)
        if isinstance(value, list):
            found += [(name, table, v) for v in value]
        elif value is not None:
            found.append((name, table, value))
    for decision in doc.get(DECISIONS) or ():
        found.append((DECISIONS, "goals", decision.get("goal_id")))
    return found


def shared_files(state: Shared, schema: int) -> dict[str, bytes]:
    """The files git holds for `state`: one per kind that has records, each a JSON list
    sorted by uid, indented, keys in the model's order: `git log -p` reads as a history."""
    files = {SCHEMA_FILE: (json.dumps({"schema_version": schema}) + "\n").encode()}
    for model in ENTITIES:
        rows = state.get(model.table) or {}
        if not rows:
            continue
        order = list(model.model_fields)
        docs = [_ordered(rows[uid], order) for uid in sorted(rows)]
        files[f"{model.table}.json"] = (
            json.dumps(docs, indent=2, ensure_ascii=False) + "\n"
        ).encode()
    return files


def _ordered(doc: Doc, order: list[str]) -> Doc:
    out = {k: doc[k] for k in order if k in doc}
    out.update({k: v for k, v in doc.items() if k not in out})
    return out


def state_from_files(files: Mapping[str, bytes], schema: int, where: str) -> Shared:
    """The shared state in `files` (as `shared_files` wrote them); InvalidInput, in one
    sentence, when they are not growthtui's or come from a newer growthtui."""
    state: Shared = {model.table: {} for model in ENTITIES}
    try:
        if SCHEMA_FILE in files:
            version = json.loads(files[SCHEMA_FILE]).get("schema_version")
            if not isinstance(version, int) or version > schema:
                raise InvalidInput(
                    f"{where} was synced by a newer growthtui (data schema {version}; this "
                    f"one reads up to {schema}): upgrade growthtui here first; nothing was "
                    "changed"
                )
        for name, raw in files.items():
            table = name.removesuffix(".json")
            if name == SCHEMA_FILE or table not in state:
                continue
            docs = json.loads(raw)
            if not isinstance(docs, list) or not all(
                isinstance(d, dict) and isinstance(d.get("uid"), str) and d["uid"] for d in docs
            ):
                raise ValueError(f"{name} is not a list of records with their uid")
            state[table] = {d["uid"]: d for d in docs}
    except (ValueError, AttributeError) as error:
        raise InvalidInput(
            f"{where} holds files growthtui cannot read ({printable(str(error))[:120]}): "
            "is it a growthtui sync repository? nothing was changed"
        ) from None
    return state


# -- the merge ---------------------------------------------------------------------------
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


def merge(base: Shared, ours: Shared, theirs: Shared, at: dt.datetime, other: str) -> Merged:
    """The three-way merge of `ours` and `theirs` against `base` (see the module's
    docstring). `other` names the remote in sentences ("the remote"); `at` is the time of
    the history entries it adds. The result depends on the three states only (and `at`):
    every copy merging the same states keeps the same versions."""
    out = Merged({model.table: {} for model in ENTITIES})
    for model in ENTITIES:
        table = model.table
        b_rows, o_rows, t_rows = (s.get(table) or {} for s in (base, ours, theirs))
        for uid in sorted(set(o_rows) | set(t_rows)):
            doc = _merge_record(
                model, uid, b_rows.get(uid), o_rows.get(uid), t_rows.get(uid), at, other, out.notes
            )
            if doc is not None:
                out.state[table][uid] = doc
    _one_profile(out, other)
    _keep_linked(out, (ours, theirs, base), other)
    _no_parent_loops(out)
    return out


def _content(doc: Doc) -> Doc:
    return {k: v for k, v in doc.items() if k not in ("id", "modified")}


def _order(doc: Doc) -> tuple[bool, str, str]:
    """`later_version`'s order on a shared record: known time first, then the time of
    change (ISO, UTC, to the second: its text sorts as the time), then the content."""
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
) -> Doc | None:
    table = model.table
    if o is None or t is None:
        kept = t if o is None else o
        assert kept is not None
        if b is None:
            return kept  # added on one side
        if _content(kept) == _content(b):
            return None  # deleted on one side, unchanged on the other
        gone, changed = ("here", f"on {other}") if o is None else (f"on {other}", "here")
        notes.append(Note(table, uid, f"was deleted {gone} and changed {changed}; it was kept"))
        return {**kept, "id": b.get("id", kept.get("id"))}
    number = t.get("id", o.get("id")) if b is None else b.get("id", t.get("id"))
    if _content(o) == _content(t):
        later = max((o, t), key=lambda d: d.get("modified") or "")
        return {**later, "id": number}
    if b is not None and _content(o) == _content(b):
        return {**t, "id": number}
    if b is not None and _content(t) == _content(b):
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
        _say_lost(model, uid, merged, loser, lost, theirs_win, at, other, notes)
    return merged


_MISSING = object()


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
        model.model_validate({**_relink(doc, stand_in), "id": None})
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
) -> None:
    where, lost_where = (f"on {other}", "here") if theirs_win else ("here", f"on {other}")
    tracked = [n for n in lost if n in TRACKED_FIELDS] if model is Goal else []
    others = [n for n in lost if n not in tracked]
    if tracked:
        goal_then, goal_now = _goal(loser), _goal(merged)
        history = list(merged.get("history") or [])
        recorded = {(h.get("field"), h.get("old"), h.get("new"), h.get("reason")) for h in history}
        for name in tracked:
            old = describe_value(getattr(goal_then, name))
            new = describe_value(getattr(goal_now, name))
            reason = (
                f"sync: the value here was “{old}”; the later change {where} was kept"
                if theirs_win
                else f"sync: {other}'s value was “{old}”; the later change here was kept"
            )
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


def _goal(doc: Doc) -> Goal:
    def stand_in(_table: str, _value: Any) -> int:
        return 1

    return Goal.model_validate({**_relink(doc, stand_in), "id": None, "parent_id": None})


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
                for name, target_table, target in _link_targets(doc):
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


# -- into the store ----------------------------------------------------------------------
@dataclass
class Applied:
    """What a sync changed here, and the sentences it says."""

    received: int = 0
    notes: list[str] = field(default_factory=list)


def apply_merged(store: Store, result: Merged, other: str) -> Applied:
    """Make the store hold `result` (inside the caller's transaction, or one of its own):
    records changed, added or deleted here, renumbered where their number is taken here."""
    applied = Applied()
    with store.transaction(f"sync with {other}") as tx:
        local: dict[str, dict[str, int]] = {}
        records: dict[str, dict[int, Record]] = {}
        for model in ENTITIES:
            rows = store.list(model)
            records[model.table] = {r.id: r for r in rows if r.id is not None}
            local[model.table] = {r.uid: r.id for r in rows if r.id is not None}
        numbers = _numbered(store, result, local, other, applied)
        written: list[Record] = []
        for model in ENTITIES:
            table = model.table
            wanted = result.state.get(table) or {}
            for uid, doc in wanted.items():
                number = numbers[table][uid]
                local_doc = _relink(doc, lambda t, u: numbers[t].get(u, u))
                try:
                    record = model.model_validate({**local_doc, "id": number})
                except ValidationError as error:
                    raise InvalidInput(
                        f"the remote holds a {model.entity} growthtui cannot read "
                        f"({explain(error, model.entity)[0][1]}); nothing here was changed"
                    ) from None
                here = records[table].get(number)
                if here is not None:
                    before, after = dump_record(here), dump_record(record)
                    if before == after:
                        continue
                    if same_content(before, after):
                        # Only its time of change differs (the same edit made on both
                        # sides): stored anew, so every copy holds the same time, which
                        # later merges compare. A put alone keeps the time it had.
                        tx.remove(model, number)
                        written.append(tx.put(record, keep_modified=True))
                        continue
                written.append(tx.put(record, keep_modified=True))
                applied.received += 1
            for uid, number in local[table].items():
                if uid not in wanted:
                    tx.remove(model, number)
                    applied.received += 1
        store.check_links(written)
        for note in result.notes:
            applied.notes.append(_named(note, numbers, result, records))
    return applied


def _numbered(
    store: Store, result: Merged, local: dict[str, dict[str, int]], other: str, applied: Applied
) -> dict[str, dict[str, int]]:
    """The number here of every record of the result: its own when it is here, else the
    number it was born with when free here, else the next free one."""
    numbers: dict[str, dict[str, int]] = {}
    for model in ENTITIES:
        table = model.table
        rows = result.state.get(table) or {}
        mine = {u: n for u, n in local[table].items() if u in rows}
        used = set(mine.values())
        new = sorted((u for u in rows if u not in mine), key=lambda u: (rows[u].get("id") or 0, u))
        renumber = []
        taken = set(local[table].values())
        for uid in new:
            wish = rows[uid].get("id")
            if isinstance(wish, int) and wish >= 1 and wish not in used and wish not in taken:
                mine[uid] = wish
                used.add(wish)
            else:
                renumber.append(uid)
        next_id = max(
            store.next_id(model),
            max(used, default=0) + 1,
            max(local[table].values(), default=0) + 1,
        )
        for uid in renumber:
            mine[uid] = next_id
            wish = rows[uid].get("id")
            if isinstance(wish, int):
                applied.notes.append(
                    f"{model.entity} {wish} from {other} is now {model.entity} {next_id} here"
                )
            next_id += 1
        numbers[table] = mine
    return numbers


def _named(
    note: Note,
    numbers: dict[str, dict[str, int]],
    result: Merged,
    records: dict[str, dict[int, Record]],
) -> str:
    model = ENTITY_BY_TABLE[note.table]
    number = numbers[note.table].get(note.uid)
    doc = (result.state.get(note.table) or {}).get(note.uid)
    name = model.entity if model is not Profile else "the profile"
    if model is Profile:
        return f"{name} {note.text}"
    shown = f"{name} {number}" if number is not None else name
    if doc is not None:
        with contextlib.suppress(ValidationError):
            shown += titled(model.model_validate({**_relink(doc, lambda t, v: 1), "id": None}))
    return f"{shown}: {note.text}" if not note.text.startswith("and ") else f"{shown} {note.text}"


def changes_between(state: Shared, other: Shared) -> int:
    """How many records differ between two shared states (added, changed or deleted)."""
    count = 0
    for table in set(state) | set(other):
        a, b = state.get(table) or {}, other.get(table) or {}
        for uid in set(a) | set(b):
            x, y = a.get(uid), b.get(uid)
            if x is None or y is None or _content(x) != _content(y):
                count += 1
    return count
