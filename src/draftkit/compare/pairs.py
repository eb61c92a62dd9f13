"""The alignment's output (compare.align → compare.engine): every provision of both drafts in
exactly one Pair — a 1:1 pair, a split or merge, an addition or a deletion."""

from __future__ import annotations

from typing import Literal

from draftkit.compare.flat import Flat
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
