"""Importing another copy's records: matched by identity, never by short number.

The rules, all of them here:

1. **Identity.** A record from the file is the record here with the same `uid` (of the
   same kind), whatever short number either copy gives it. A record without a uid (an
   export of schema 1, or one added to a file by hand) gets the identity the upgrade of a
   schema-1 store would give it (`identity.derived_uid`: from its kind, number and
   content), so a backup of this very store, or an old export of it, finds its records.
   Failing that, it is the record here with the same short number and the same content
   (an unchanged record), and else a new one. The profile is one of a kind: the file's is
   the profile here, whatever its uid.
2. **New records** are added with their uid and `modified` as the file has them. Each
   keeps its short number when no record of its kind has it here, else takes the next
   free one, and the report says so: "goal 2 from b.json is now goal 3". Every link in the
   file to a record of the file (parent, goal, skills, people, review decisions...) is
   renumbered with it.
3. **Known records**: equal content (whatever `modified` says) is unchanged. Different
   content: the later change wins (`domain.versions.later_version`). Nothing is dropped
   silently:
   - for a goal, each tracked field (title, measure, due...) whose value did not win goes
     into the goal's history, with a reason naming where it came from; both histories are
     kept; other fields that did not win are named in the report;
   - for any other kind, the report names the record whose other version was not kept.
4. **Refused, nothing written**: a file whose goals would be each other's stepping stones
   (directly or through a chain), a link to a record that is neither in the file nor here,
   two records of one kind with the same number or identity in the file.

Importing the same file twice changes nothing the second time; importing an export into an
empty store restores it exactly. The import never deletes: a record deleted here and still
in the file comes back (as new).

This uses only the Store's public methods (a transaction, list, next_id, check_links), and
lives beside it so that whatever merges copies of a store (the JSON import in interop, a
sync) can use it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from growthtui.domain.base import Record
from growthtui.domain.entities import ENTITIES
from growthtui.domain.errors import InvalidInput
from growthtui.domain.goals import TRACKED_FIELDS, Goal, GoalChange, describe_value
from growthtui.domain.printable import printable
from growthtui.domain.profile import Profile
from growthtui.domain.reviews import ReviewDecision
from growthtui.domain.versions import later_version
from growthtui.store.changes import ImportReport, dump_record, same_content
from growthtui.store.identity import content_bytes, derived_uid
from growthtui.store.repository import Store

SINGLE_KINDS: tuple[type[Record], ...] = (Profile,)
"""Kinds a store holds at most one of: the file's is the one here."""

IdMap = dict[str, dict[int, int]]
"""Kind (table) → the file's short number → the number here."""


def import_records(store: Store, records: Sequence[Record], name: str) -> ImportReport:
    """Merge `records` (from the file called `name`, numbered as in the file) into the
    store by the rules above, in one transaction (one write, one `u`); InvalidInput, and
    nothing written, when the file is refused."""
    name = printable(name)  # a file name reaches the terminal in every sentence
    _check_unique(records, name)
    with store.transaction(f"import {name}") as tx:
        merge = _Merge(store, name)
        plan = merge.plan(records)
        written: list[Record] = []
        added = tx.insert_new(plan.new, keep_modified=True)
        written += added
        for record in plan.replaced:
            written.append(tx.put(record, keep_modified=True))
        for record in plan.merged:
            written.append(tx.put(record))
        store.check_links(written)
        _refuse_cycles(store, {r.id for r in written if isinstance(r, Goal)}, name)
    return ImportReport(
        added=len(added),
        updated=len(plan.replaced) + len(plan.merged),
        skipped=plan.unchanged,
        notes=tuple(merge.notes),
    )


@dataclass
class _Plan:
    new: list[Record] = field(default_factory=list)
    """Records to add, renumbered and relinked."""
    replaced: list[Record] = field(default_factory=list)
    """The file's later versions, stored as they are (their `modified` kept)."""
    merged: list[Record] = field(default_factory=list)
    """Goals made of both versions: stored as a change made now."""
    unchanged: int = 0


class _Merge:
    """One import's matching, renumbering and merging, and the sentences it says."""

    def __init__(self, store: Store, name: str) -> None:
        self.store = store
        self.name = name
        self.notes: list[str] = []
        self.here: dict[str, dict[int, Record]] = {
            model.table: {r.id: r for r in store.list(model)} for model in ENTITIES
        }

    def plan(self, records: Sequence[Record]) -> _Plan:
        matched = self._matched(records)
        ids = self._numbered(records, matched)
        plan = _Plan()
        for record in records:
            number = ids[record.table][record.id]
            local = relinked(record, ids).model_copy(update={"id": number})
            here = matched.get(_key(record))
            if here is None:
                plan.new.append(local.model_copy(update={"uid": _uid_of(record)}))
            else:
                self._against(here, local.model_copy(update={"uid": here.uid}), plan)
        return plan

    # -- which record here each one is ----------------------------------------------------
    def _matched(self, records: Sequence[Record]) -> dict[tuple[str, int], Record]:
        """The record here that each record of the file is (rule 1); new ones are absent."""
        matched: dict[tuple[str, int], Record] = {}
        by_uid = {(table, r.uid): r for table, rows in self.here.items() for r in rows.values()}
        by_number: dict[tuple[str, int], Record] = {}
        claimed: set[tuple[str, int]] = set()
        for record in records:
            here = by_uid.get((record.table, _uid_of(record)))
            if here is None and isinstance(record, SINGLE_KINDS) and self.here[record.table]:
                here = next(iter(self.here[record.table].values()))
            if here is not None and _key(here) not in claimed:  # one record here: once
                matched[_key(record)] = here
                claimed.add(_key(here))
            elif not record.uid:
                candidate = self.here[record.table].get(record.id)
                if candidate is not None and _same(candidate, record):
                    by_number[_key(record)] = candidate
        by_number = {k: r for k, r in by_number.items() if _key(r) not in claimed}
        # Same number and content is the same record only if what it links to in the file
        # is the same too (kept its number): drop the others until none is left to drop.
        in_file = {_key(r) for r in records}
        kept = {key for key, r in matched.items() if r.id == key[1]} | set(by_number)
        records_by_key = {_key(r): r for r in records}
        changed = True
        while changed:
            changed = False
            for key in list(by_number):
                targets = _link_keys(records_by_key[key])
                if any(t in in_file and t not in kept for t in targets):
                    del by_number[key]
                    kept.discard(key)
                    changed = True
        return {**matched, **by_number}

    def _numbered(self, records: Sequence[Record], matched: dict[tuple[str, int], Record]) -> IdMap:
        """The number here of every record of the file (rule 2)."""
        ids: IdMap = {model.table: {} for model in ENTITIES}
        for key, here in matched.items():
            ids[key[0]][key[1]] = here.id
        for model in ENTITIES:
            new = sorted(
                (r for r in records if r.table == model.table and _key(r) not in matched),
                key=lambda r: r.id,
            )
            used = set(self.here[model.table])
            renumber = []
            for record in new:
                if record.id in used:
                    renumber.append(record)
                else:
                    used.add(record.id)
                    ids[model.table][record.id] = record.id
            next_id = max(self.store.next_id(model), max(used, default=0) + 1)
            for record in renumber:
                ids[model.table][record.id] = next_id
                self.notes.append(
                    f"{model.entity} {record.id} from {self.name} is now {model.entity} {next_id}"
                )
                next_id += 1
        return ids

    # -- a record known here ----------------------------------------------------------------
    def _against(self, here: Record, there: Record, plan: _Plan) -> None:
        """Compare the file's version of a record known here with the one here (rule 3)."""
        if same_content(dump_record(here), dump_record(there)):
            plan.unchanged += 1
            return
        theirs_win = later_version(here, there) is there
        if isinstance(here, Goal) and isinstance(there, Goal):
            merged = self._merged_goal(here, there, theirs_win)
            if same_content(dump_record(here), dump_record(merged)):
                plan.unchanged += 1
            else:
                plan.merged.append(merged)
            return
        what = f"{here.entity} {here.id}{titled(here)}"
        if theirs_win:
            plan.replaced.append(there)
            self.notes.append(
                f"{what}: changed here and in {self.name}; the later change, in "
                f"{self.name}, was kept and the version here was replaced"
            )
        else:
            plan.unchanged += 1
            self.notes.append(
                f"{what}: changed here and in {self.name}; the later change, here, was "
                f"kept and the version in {self.name} was not imported"
            )

    def _merged_goal(self, here: Goal, there: Goal, theirs_win: bool) -> Goal:
        """The winning version, with both histories and one history entry per tracked
        field whose value lost; other fields that lost are named in the report."""
        winner, loser = (there, here) if theirs_win else (here, there)
        where = f"in {self.name}" if theirs_win else "here"
        lost_where = "here" if theirs_win else f"in {self.name}"
        at = self.store.modified_now()
        history = union_history(here.history, there.history)
        recorded = {_change(h) for h in history}
        tracked = [n for n in TRACKED_FIELDS if getattr(loser, n) != getattr(winner, n)]
        for name in tracked:
            old = describe_value(getattr(loser, name))
            reason = (
                f"import: the value here was “{old}”; the later change {where} was kept"
                if theirs_win
                else f"import: {self.name}'s value was “{old}”; the later change here was kept"
            )
            new = describe_value(getattr(winner, name))
            entry = GoalChange(at=at, field=name, old=old, new=new, reason=reason)
            if _change(entry) not in recorded:  # not again on a second import
                history.append(entry)
                recorded.add(_change(entry))
        merged = winner.model_copy(update={"id": here.id, "uid": here.uid, "history": history})
        others = [
            name
            for name in type(here).model_fields
            if name not in (*TRACKED_FIELDS, "id", "uid", "modified", "history")
            and getattr(loser, name) != getattr(winner, name)
        ]
        if tracked or others:
            said = [f"the later change, {where}, was kept"]
            if tracked:
                said.append(f"the {_words(tracked)} {lost_where} went into its history")
            if others:
                said.append(f"its {_words(others)} {lost_where} were not kept")
            self.notes.append(
                f"goal {here.id}{titled(winner)}: changed here and in {self.name}; "
                + "; ".join(said)
            )
        return merged


def relinked(record: Record, ids: IdMap) -> Record:
    """`record` with every link to a record of the file renumbered as `ids` says (links to
    records not in the file are kept: they name records here)."""
    changes: dict[str, Any] = {}
    for name, (table, _) in record.link_fields().items():
        numbers = ids.get(table, {})
        value = getattr(record, name)
        if isinstance(value, int):
            changes[name] = numbers.get(value, value)
        elif all(isinstance(item, int) for item in value):
            changes[name] = [numbers.get(item, item) for item in value]
        else:  # a review's decisions: each names a goal
            changes[name] = [_decision(d, numbers) for d in value]
    return record.model_copy(update=changes) if changes else record


def _decision(decision: ReviewDecision, goals: dict[int, int]) -> ReviewDecision:
    return decision.model_copy(update={"goal_id": goals.get(decision.goal_id, decision.goal_id)})


def _refuse_cycles(store: Store, touched: set[int | None], name: str) -> None:
    """InvalidInput when a goal the import wrote is, through its parents, its own parent."""
    parent: dict[int | None, int | None] = {g.id: g.parent_id for g in store.list(Goal)}
    titles: dict[int | None, str] = {g.id: g.title for g in store.list(Goal)}
    for start in touched:
        chain: list[int | None] = [start]
        at = parent.get(start)
        while at is not None and at not in chain and len(chain) <= len(parent):
            chain.append(at)
            at = parent.get(at)
        if at is not None and at in chain:
            loop = [*chain[chain.index(at) :], at]
            steps = " → ".join(f"“{printable(titles.get(g) or '')}”" for g in loop)
            raise InvalidInput(
                f"{name} would make goals each other's stepping stones ({steps}); give one "
                "of them another parent (parent_id) in the file and import it again; "
                "nothing was imported"
            )


def _check_unique(records: Sequence[Record], name: str) -> None:
    """InvalidInput when two records of one kind in the file share a number or a uid."""
    seen: set[tuple[str, str, object]] = set()
    for record in records:
        keys: list[tuple[str, str, object]] = [(record.table, "number", record.id)]
        if record.uid:
            keys.append((record.table, "identity (uid)", record.uid))
        for key in keys:
            if key in seen:
                raise InvalidInput(
                    f"two {record.table} in {name} have the same {key[1]} {key[2]}: "
                    "keep one of them; nothing was imported"
                )
            seen.add(key)


def _uid_of(record: Record) -> str:
    """The record's identity, or the one the upgrade of its store would give it."""
    if record.uid:
        return record.uid
    return derived_uid(record.table, record.id, content_bytes(record.model_dump(mode="json")))


def _same(here: Record, there: Record) -> bool:
    exclude = {"id", "uid", "modified"}
    return here.model_dump(exclude=exclude) == there.model_dump(exclude=exclude)


def _key(record: Record) -> tuple[str, int]:
    return (record.table, record.id)


def _link_keys(record: Record) -> list[tuple[str, int]]:
    return [(table, n) for table, numbers in record.link_fields().values() for n in numbers]


def titled(record: Record) -> str:
    """` (“its title”)`, as a person names the record, shortened and made printable."""
    for name in ("title", "name", "text", "summary"):
        title = getattr(record, name, "")
        if isinstance(title, str) and title:
            short = title if len(title) <= 60 else title[:59].rstrip() + "…"
            return f" (“{printable(short)}”)"
    return ""


def _words(fields: Sequence[str]) -> str:
    return ", ".join(f.replace("_", " ") for f in fields)


def union_history(here: Sequence[GoalChange], there: Sequence[GoalChange]) -> list[GoalChange]:
    """Both histories, each entry once, in time order (here's first on a tie)."""
    seen = set(here)
    extra = [h for h in there if h not in seen]
    if not extra:
        return list(here)
    return sorted([*here, *extra], key=lambda h: _utc(h.at))


def _utc(at: dt.datetime) -> dt.datetime:
    return at if at.tzinfo else at.replace(tzinfo=dt.UTC)


def _change(entry: GoalChange) -> tuple[str, str, str, str]:
    """An import's history entry without its time: made again by a second import of the
    same file, it is the same entry."""
    return (entry.field, entry.old, entry.new, entry.reason)
