"""The alignment's output (compare.align → compare.engine): every provision of both drafts in
exactly one Pair — a 1:1 pair, a split or merge, an addition or a deletion."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

from draftkit.compare.flat import ROOT, Flat
from draftkit.compare.measures import lis
from draftkit.readers.frozen import maker
from draftkit.records import record

PairKind = Literal["one", "split", "merge", "added", "deleted"]


@record
class Pair:
    """One unit of the alignment: indices into the old and new Flat."""

    kind: PairKind
    old: tuple[int, ...]
    new: tuple[int, ...]
    similarity: float
    moved: bool = False
    rewritten: bool = False  # paired by content evidence although the texts differ widely
    confidence: float | None = None  # for content pairs: the evidence score (0–1)
    pinned: bool = False  # paired (or kept apart) by the user
    replaced_by: int | None = None  # a deletion's plausible but unproven counterpart (new index)


# Pairs made by filling their slots (readers.frozen): a long draft's alignment makes 13,000.
new_pair = maker(Pair)


@record
class Alignment:
    """Every provision of both drafts in exactly one Pair."""

    old: Flat
    new: Flat
    pairs: tuple[Pair, ...]


def moved(
    a2b: Mapping[int, int],
    groups: Sequence[tuple[tuple[int, ...], tuple[int, ...], float]],
    group_of_a: Mapping[int, int],
    a_parent: Sequence[int],
    b_parent: Sequence[int],
) -> tuple[set[int], set[int]]:
    """The alignment's moves (compare.align): old indices of its 1:1 pairs (`a2b`) and ids
    of its groups that left their parent's partner or their order among their siblings."""
    moved_pairs: set[int] = set()
    moved_groups: set[int] = set()

    def partners(i_parent: int, j_parent: int) -> bool:
        if i_parent == ROOT or j_parent == ROOT:
            return i_parent == j_parent
        if a2b.get(i_parent) == j_parent:
            return True
        g = group_of_a.get(i_parent)
        return g is not None and j_parent in groups[g][1]

    # Units (1:1 pairs, and groups by their first old index) under partner parents, by
    # old parent (ROOT for the top), each list then put in old order.
    by_parent: dict[int, list[tuple[int, int, int, bool]]] = {}
    for i, j in a2b.items():  # `partners` inlined for the 1:1 pairs (nearly every unit)
        pi, pj = a_parent[i], b_parent[j]
        if pi == ROOT or pj == ROOT:
            if pi != pj:
                moved_pairs.add(i)
                continue
        elif a2b.get(pi) != pj and not partners(pi, pj):
            moved_pairs.add(i)
            continue
        members = by_parent.get(pi)
        if members is None:
            members = by_parent[pi] = []
        members.append((i, j, i, False))
    for g, (olds, news, _) in enumerate(groups):
        i, j = olds[0], news[0]
        pi, pj = a_parent[i], b_parent[j]
        if not partners(pi, pj):
            moved_groups.add(g)
            continue
        by_parent.setdefault(pi, []).append((i, j, g, True))
    for members in by_parent.values():
        members.sort()
        keep = lis([j for _, j, _, _ in members])
        if len(keep) == len(members):
            continue  # all kept in order (most parents): none moved
        for k, (_, _, ident, is_group) in enumerate(members):
            if k not in keep:
                (moved_groups if is_group else moved_pairs).add(ident)
    return moved_pairs, moved_groups
