"""Three-way: two counter-proposals (A and B) against one base, provision by provision.

Input: the base draft and the comparisons base → A and base → B. Output: one `Entry` per
unit of the base (title, recitals, provisions, in base order) saying whether it is
unchanged, changed only in A, only in B, changed by both the same way (same wording, same
place), by both in ways that do not clash (one changed the wording, the other only the place
or number; or the same wording placed differently), or in conflict (both changed the wording
differently, one deleted what the other kept in any other form — changed, split, merged, or
only moved or renumbered — or both moved it to different places: see `_decide`), then one
entry per provision added by A or B after the unit it follows (added by both with the same
text: one entry, "same"). Guarantees: every base unit is in exactly one entry; every change
of either comparison is in at least one entry; with A equal to the base, the entries that
are not unchanged are exactly the changes of base → B, each "only_b".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, assert_never

from draftkit.compare.changes import Change, Comparison
from draftkit.history.lineage import units
from draftkit.model import Draft
from draftkit.records import record

EntryKind = Literal["unchanged", "only_a", "only_b", "same", "compatible", "conflict"]
ENTRY_KINDS: tuple[EntryKind, ...] = ("conflict", "only_a", "only_b", "same", "compatible", "unchanged")
Side = Literal["a", "b"]


def entry_label(kind: EntryKind, labels: tuple[str, str] = ("A", "B")) -> str:
    """How an entry kind is named to a reader: "Only A" with the sides' own labels
    (`--labels Europe,Russia`: "Only Europe"), as every report names the sides."""
    match kind:
        case "unchanged":
            return "Unchanged"
        case "only_a":
            return f"Only {labels[0]}"
        case "only_b":
            return f"Only {labels[1]}"
        case "same":
            return "Both, the same way"
        case "compatible":
            return "Both, compatible"
        case "conflict":
            return "Conflict"
        case _:
            assert_never(kind)


@record
class Entry:
    """One base unit (or one addition) and what each side did to it: `a` / `b` are the
    changes base → A / base → B that hold it (None: the side has no such provision, for an
    addition by the other side); `reason` says why a conflict is one."""

    kind: EntryKind
    base_eid: str | None
    base_cite: str | None
    a: Change | None
    b: Change | None
    reason: str = ""

    @property
    def cite(self) -> str:
        """The base citation, else the added provision's."""
        if self.base_cite:
            return self.base_cite
        change = self.a or self.b
        return change.new_cite if change is not None else ""

    def shown_cite(self, labels: tuple[str, str] = ("A", "B")) -> str:
        """The citation as a report heads the entry: an addition's says whose numbering it is
        in ("Article 1(1), new in B"), else it reads as the base's provision of that number."""
        if self.base_cite or not self.cite:
            return self.cite
        if self.a is not None and self.b is not None:
            if self.a.new_cite != self.b.new_cite:  # each side's own numbering
                return f"{self.a.new_cite} in {labels[0]}, {self.b.new_cite} in {labels[1]}, new in both"
            return f"{self.cite}, new in both"
        return f"{self.cite}, new in {labels[0] if self.a is not None else labels[1]}"


@record
class ThreeWay:
    """A base, two counter-proposals, the two comparisons and the entries."""

    base: Draft
    a: Draft
    b: Draft
    base_to_a: Comparison
    base_to_b: Comparison
    entries: tuple[Entry, ...]
    labels: tuple[str, str] = ("A", "B")

    def summary(self) -> dict[str, int]:
        """Entries per kind, conflicts first."""
        counts: dict[str, int] = {kind: 0 for kind in ENTRY_KINDS}
        for entry in self.entries:
            counts[entry.kind] += 1
        return counts


def distinct_labels(labels: tuple[str, str]) -> str | None:
    """Why two counter-proposals' names cannot be told apart in a report ("only Kyiv" and
    "only kyiv", or a side called "base"), or None when they can."""
    a, b = (" ".join(label.split()).casefold() for label in labels)
    if a == b:
        return f"the two counter-proposals need different names, not {labels[0]!r} and {labels[1]!r}"
    if "base" in (a, b):
        return "a counter-proposal cannot be called 'base': the reports name the base so"
    return None


def _squash(text: str | None) -> str:
    return " ".join((text or "").split())


def _content(change: Change) -> tuple[str, ...]:
    """What a side made of the base unit: the deletion, or its new headings and texts."""
    if change.kind == "deleted":
        return ("(deleted)",)
    return tuple(_squash(f"{p.heading or ''}\n{p.text}") for p in change.new)


def _decide(a: Change, b: Change, labels: tuple[str, str]) -> tuple[EntryKind, str]:
    a_changed, b_changed = a.is_change, b.is_change
    if not a_changed and not b_changed:
        return "unchanged", ""
    if not b_changed:
        return "only_a", ""
    if not a_changed:
        return "only_b", ""
    if _content(a) == _content(b):
        # The same wording (or both deleted it) at the same place: "the same way". Moved by
        # both to different places, the two placings cannot both stand: a conflict.
        # Otherwise (numbered differently, as each side's other changes made it, or moved by
        # one only) both stand: compatible, the reason saying each side's citation.
        if a.kind == "deleted" or (a.new_cite, a.moved) == (b.new_cite, b.moved):
            return "same", ""
        where = f"{a.new_cite} in {labels[0]}, {b.new_cite} in {labels[1]}"
        if a.moved and b.moved:
            return "conflict", f"moved to different places: {where}"
        how = "moved" if a.moved or b.moved else "numbered"
        return "compatible", f"the same wording, {how} differently: {where}"
    if a.kind == "deleted" or b.kind == "deleted":
        # Deleted by one side and kept, in any form, by the other: a conflict, even when
        # the other side only renumbered or moved it. Both sides acted on the provision and
        # the two acts cannot both stand (taking the deletion throws away the other side's
        # placing; keeping the placing refuses the deletion), so the mediator has a decision
        # to make: whether the provision stays. Called "compatible" it would sit among the
        # entries a reader skips. (A side that left the provision as it was, same place and
        # number, made no change: the deletion is then "only" the deleting side's.)
        (deleter, other), kept = (labels, b) if a.kind == "deleted" else (labels[::-1], a)
        return "conflict", f"deleted in {deleter}, {_kept_as(kept, other)}"
    if a.kind != "unchanged" and b.kind != "unchanged":
        return "conflict", f"changed differently in {labels[0]} and {labels[1]}"
    # One side changed the wording, the other only moved or renumbered it: both stand.
    return "compatible", ""


def _kept_as(change: Change, side: str) -> str:
    """What `side`, which kept a provision the other side deleted, did to it, in words."""
    match change.kind:
        case "modified":
            return f"changed in {side}"
        case "split":
            return f"split in {side}"
        case "merged":
            return f"merged with another provision in {side}"
        case "unchanged" | "added" | "deleted":
            done = " and ".join(
                w for w in ("moved" if change.moved else "", "renumbered" if change.renumbered else "") if w
            )
            return f"kept in {side}: {done}, wording unchanged"
        case _:
            assert_never(change.kind)


def combine(
    base: Draft, base_to_a: Comparison, base_to_b: Comparison, labels: tuple[str, str] = ("A", "B")
) -> ThreeWay:
    """The three-way entries of two comparisons from the same base."""
    in_a = _by_old(base_to_a)
    in_b = _by_old(base_to_b)
    order = list(units(base))
    position = {p.eid: i for i, p in enumerate(order)}
    keyed: list[tuple[tuple[int, int, int, int], Entry]] = []
    for i, unit in enumerate(order):
        a, b = in_a[unit.eid], in_b[unit.eid]
        kind, reason = _decide(a, b, labels)
        keyed.append(((i, 0, 0, 0), Entry(kind, unit.eid, _cite_in(a, unit.eid), a, b, reason)))
    a_added = _additions(base_to_a, position, 0)
    b_added = _additions(base_to_b, position, 1)
    b_by_text: dict[tuple[int, str], list[tuple[tuple[int, int, int, int], Change]]] = {}
    for key, change in b_added:
        b_by_text.setdefault((key[0], _squash(change.new_text)), []).append((key, change))
    for key, change in a_added:
        twins = b_by_text.get((key[0], _squash(change.new_text)))
        if twins:
            _, twin = twins.pop(0)
            keyed.append((key, Entry("same", None, None, change, twin)))
        else:
            keyed.append((key, Entry("only_a", None, None, change, None)))
    for twins in b_by_text.values():
        for key, change in twins:
            keyed.append((key, Entry("only_b", None, None, None, change)))
    keyed.sort(key=lambda item: item[0])
    return ThreeWay(
        base, base_to_a.new, base_to_b.new, base_to_a, base_to_b, tuple(e for _, e in keyed), labels
    )


def _cite_in(change: Change, eid: str) -> str:
    for provision, cite in zip(change.old, change.old_cite.split(" + "), strict=False):
        if provision.eid == eid:
            return cite
    return change.old_cite


def _by_old(comparison: Comparison) -> dict[str, Change]:
    out: dict[str, Change] = {}
    for change in comparison.changes:
        for provision in change.old:
            out[provision.eid] = change
    return out


def _additions(
    comparison: Comparison, position: dict[str, int], side: int
) -> Sequence[tuple[tuple[int, int, int, int], Change]]:
    """Each added provision with its place: after the base unit its side's text follows."""
    anchor = -1
    out: list[tuple[tuple[int, int, int, int], Change]] = []
    for index, change in enumerate(comparison.changes):
        if change.old and change.new:
            anchor = max(anchor, max(position[p.eid] for p in change.old))
        elif change.kind == "added":
            out.append(((anchor, 1, side, index), change))
    return out
