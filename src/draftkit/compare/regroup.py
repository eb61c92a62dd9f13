"""Alignment's last look at its 1:1 pairs: is one really a part of a split or a merge?

Input: the pairs the alignment passes made and each draft's tree (parents, children, texts).
Output: groups to put in their place, each one old provision with several new ones (a split)
or the reverse (a merge). Guarantee: a group only takes provisions that are free (unpaired)
or the pair it replaces, and only when the group's text is clearly closer than the pair's.

Two shapes the in-parent steps (1:2 and 2:1 between adjacent siblings) cannot see:

- **a gap**: a provision split in two with a new paragraph put between the parts, or two
  merged across one that was deleted (issue 15 item 6);
- **a subtree**: a provision whose text now stands as a point with its own paragraphs (a
  successor text that broke one long point into an intro and sub-paragraphs), or the reverse.

Work is linear: each pair looks at most GAP_REACH siblings ahead, or its parent's children.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from draftkit.compare.measures import contained

ROOT = -1
GAP_REACH = 3  # a split's second part at most this many siblings after the first
BETTER_BY = 0.1  # a group replaces a pair only when its similarity is this much higher
PART_MIN = 0.8  # each part of a split across a gap has this share of its words in the whole
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Side:
    """One draft's tree as the regrouping needs it: indices as in the alignment's Flat."""

    parent: Sequence[int]
    children: Mapping[int, tuple[int, ...]]
    keys: Sequence[str]  # normalised heading + text


@dataclass(frozen=True, slots=True)
class Regroup:
    """A 1:1 pair (one, partner) to be replaced by `one` with `parts` (the partner among them)."""

    one: int
    partner: int
    parts: tuple[int, ...]
    similarity: float


def regroup(
    pairs: Mapping[int, int],
    one: Side,
    other: Side,
    free: Callable[[int], bool],
    similarity: Callable[[str, str], float],
    threshold: float,
) -> list[Regroup]:
    """Pairs of `pairs` (index in `one` → index in `other`) that are one side of a split (or,
    called with the drafts swapped, a merge) whose parts are not adjacent; `free` says whether
    a provision of `other` is unpaired, `similarity` compares two normalised texts."""
    out: list[Regroup] = []
    taken: set[int] = set()
    for i, j in sorted(pairs.items()):
        whole = one.keys[i]
        if not whole or one.children[i]:
            continue
        best: tuple[float, tuple[int, ...]] = (similarity(whole, other.keys[j]) + BETTER_BY, (j,))
        for parts in (_gap(i, j, one, other, free, similarity, taken), _subtree(j, other, free, taken)):
            if parts is not None:
                score = similarity(whole, " ".join(other.keys[k] for k in parts if other.keys[k]))
                if score >= max(threshold, best[0]):
                    best = (score, parts)
        if len(best[1]) > 1:
            out.append(Regroup(i, j, best[1], best[0]))
            taken.update(best[1])
    return out


def _gap(
    i: int,
    j: int,
    one: Side,
    other: Side,
    free: Callable[[int], bool],
    similarity: Callable[[str, str], float],
    taken: set[int],
) -> tuple[int, ...] | None:
    """The pair's partner and the free sibling a few places after it that best completes the
    text (the split's second part), if any."""
    siblings = other.children[other.parent[j]]
    at = siblings.index(j)
    best: tuple[float, int] | None = None
    for k in siblings[at + 2 : at + 2 + GAP_REACH]:
        if not free(k) or k in taken or other.children[k] or not other.keys[k]:
            continue
        # Both parts kept their words (a split, not a rewrite): each is found in the whole.
        whole = Counter(_WORD.findall(one.keys[i]))
        parts = (Counter(_WORD.findall(other.keys[n])) for n in (j, k))
        if min(contained(part, whole) for part in parts) < PART_MIN:
            continue
        score = similarity(one.keys[i], f"{other.keys[j]} {other.keys[k]}")
        if best is None or score > best[0]:
            best = (score, k)
    return (j, best[1]) if best is not None else None


def _subtree(j: int, other: Side, free: Callable[[int], bool], taken: set[int]) -> tuple[int, ...] | None:
    """The partner's parent with all its children, when the parent and every other child
    are free leaves: one provision's text now spread over a point and its paragraphs."""
    up = other.parent[j]
    if up == ROOT or not free(up) or up in taken:
        return None
    kids = other.children[up]
    if any(other.children[k] or (k != j and (not free(k) or k in taken)) for k in kids):
        return None
    return (up, *kids)
