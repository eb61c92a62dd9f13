"""Alignment's look at points said in other words (compare.align, after the window pass): a
deleted and an added point under partner parents that share a subject no other point there
names ("the state border", "humanitarian", "economic … resumption") are one point rewritten.

Input: the parent pairs, each draft's tree, who is paired (1:1) and who is free, and the
content pass's similarity (compare.content: how many texts hold a word, a pair's score).
Output: (old, new, content score) pairs of free provisions. Guarantee: each provision in at
most one pair, both free; work bounded per parent pair (CONTEXT_MAX siblings, CELLS_MAX free
pairs). Words are lemma roots as compare.content keys them, and numbers (`vocabulary`).

A word is *exclusive* under a parent pair when one child of each side uses it and no other
child of either side does: the word the two points are about, since no neighbour took it.
Exclusive words decide nothing alone; a pair is taken only when

- each is the other's best by the number of exclusive words they share (ties: none), among
  every free sibling, in whatever place: a point with a better partner elsewhere is not
  given a worse one nearby; and
- they stand in corresponding places: between the same two pairs kept in order (a slot), or
  under parents whose children were put in another order (a successor text: at least
  SHUFFLED_MOVED of their pairs, and SHUFFLED_SHARE of them, out of order), where a slot
  says nothing; there a pair on one word only is taken when the content scores
  (compare.content) make them each other's best too.

What it leaves apart: a deleted point and a new one of the same broad topic share its words
with their neighbours (not exclusive: "monitoring", "the Commission"); a deleted point and a
new one elsewhere in a text kept in order are a move, which needs the character or content
passes' evidence; a list too short for "no other point" to mean anything (CONTEXT_MIN).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Protocol

from draftkit.compare.content import ContentSimilarity, number_keys, root
from draftkit.compare.lemmas import content_lemmas, language_of
from draftkit.compare.measures import RARE_DF, lis

CONTEXT_MIN = 4  # siblings a side at least: in a shorter list every shared word is "exclusive"
CONTEXT_MAX = 400  # siblings a side at most: a longer flat list is left to the other passes
CELLS_MAX = 4_096  # free old × free new under one parent pair at most
SHUFFLED_MOVED = 2  # a successor text: this many of the parent's pairs out of order …
SHUFFLED_SHARE = 0.25  # … and this share of them
_HYPHENED = re.compile(r"\w+(?:-\w+)+")


class Side(Protocol):
    """One draft's tree as this pass needs it (compare.flat.Flat is one)."""

    @property
    def children(self) -> Mapping[int, tuple[int, ...]]: ...
    @property
    def keys(self) -> Sequence[str]: ...  # normalised heading + text


def vocabulary(sample: Sequence[str]) -> Callable[[str], frozenset[str]]:
    """A text's content words as compare.content keys them (lemma roots, numbers), in the
    language of `sample`, with the last part of each hyphenated word too: "socio-economic" is
    economic, "соціально-економічних" економічний; each text's made once."""
    lang = language_of(" ".join(sample))

    @functools.cache
    def of(text: str) -> frozenset[str]:
        heads = [m.group(0).rsplit("-", 1)[1] for m in _HYPHENED.finditer(text)]
        lemmas = content_lemmas(f"{text} {' '.join(heads)}" if heads else text, lang)
        return frozenset([*(root(lemma, lang) for lemma in lemmas), *number_keys(text)])

    return of


def subject_pairs(
    parents: Iterable[tuple[int, int]],
    sides: tuple[Side, Side],
    a2b: Mapping[int, int],
    free: tuple[Callable[[int], bool], Callable[[int], bool]],
    content: ContentSimilarity | None,
    at: tuple[Mapping[int, int], Mapping[int, int]],
) -> list[tuple[int, int, float]]:
    """Pairs (old, new, content score) of free children of `parents` (old, new parent pairs)
    that share exclusive words and stand in corresponding places (module docstring). A word
    the content pass (`content`, texts at `at`) saw in more than RARE_DF of the texts it was
    given is no one pair's subject (texts of one small vocabulary: every word is everywhere)."""
    old, new = sides
    df: Mapping[str, int] = content.df if content is not None else {}
    words = vocabulary([*old.keys[:50], *new.keys[:50]])

    def rare(word: str) -> bool:
        return df.get(word, 0) <= RARE_DF

    def score(x: int, y: int) -> float:
        """The content pass's score of two texts it saw (0 for others)."""
        if content is None or x not in at[0] or y not in at[1]:
            return 0.0
        return content.score(at[0][x], at[1][y])

    out: list[tuple[int, int, float]] = []
    for pi, pj in parents:
        a_kids, b_kids = old.children.get(pi, ()), new.children.get(pj, ())
        if min(len(a_kids), len(b_kids)) < CONTEXT_MIN or max(len(a_kids), len(b_kids)) > CONTEXT_MAX:
            continue
        seg_a = [x for x in a_kids if free[0](x) and old.keys[x]]
        seg_b = [y for y in b_kids if free[1](y) and new.keys[y]]
        if not seg_a or not seg_b or len(seg_a) * len(seg_b) > CELLS_MAX:
            continue
        for x, y in _under(a_kids, b_kids, seg_a, seg_b, sides, a2b, words, rare, score):
            out.append((x, y, score(x, y)))
    return out


def _under(
    a_kids: Sequence[int],
    b_kids: Sequence[int],
    seg_a: list[int],
    seg_b: list[int],
    sides: tuple[Side, Side],
    a2b: Mapping[int, int],
    words: Callable[[str], frozenset[str]],
    rare: Callable[[str], bool],
    score: Callable[[int, int], float],
) -> list[tuple[int, int]]:
    """The pairs under one parent pair (children `a_kids`, `b_kids`; free `seg_a`, `seg_b`)."""
    old, new = sides
    vocab_a = {x: words(old.keys[x]) for x in seg_a}
    vocab_b = {y: words(new.keys[y]) for y in seg_b}
    # Words of one free child a side only, first: the paired children are read only where
    # there are some (most parents have none).
    free_a = Counter(w for x in seg_a for w in vocab_a[x])
    free_b = Counter(w for y in seg_b for w in vocab_b[y])
    once = {w for w, n in free_a.items() if n == 1 and free_b.get(w) == 1 and rare(w)}
    if not once:
        return []
    vocab_a.update((x, words(old.keys[x])) for x in a_kids if x not in vocab_a)
    vocab_b.update((y, words(new.keys[y])) for y in b_kids if y not in vocab_b)
    df_a = Counter(w for x in a_kids for w in vocab_a[x] & once)
    df_b = Counter(w for y in b_kids for w in vocab_b[y] & once)
    shared: dict[tuple[int, int], int] = {}
    for x in seg_a:
        mine = {w for w in vocab_a[x] & once if df_a[w] == 1 and df_b[w] == 1}
        if not mine:
            continue
        for y in seg_b:
            n = len(mine & vocab_b[y])
            if n:
                shared[(x, y)] = n
    if not shared:
        return []
    # Slots: how many pairs kept in order stand before a child, on each side.
    b_pos = {j: k for k, j in enumerate(b_kids)}
    fixed = [(i, a2b[i]) for i in a_kids if a2b.get(i) in b_pos]
    keep = lis([b_pos[j] for _, j in fixed])
    moved = len(fixed) - len(keep)
    shuffled = moved >= SHUFFLED_MOVED and moved >= SHUFFLED_SHARE * len(fixed)
    kept = [fixed[k] for k in sorted(keep)]
    slot_a = _slots(a_kids, {i for i, _ in kept})
    slot_b = _slots(b_kids, {j for _, j in kept})
    best_row: dict[int, list[int]] = {}
    best_col: dict[int, list[int]] = {}
    for (x, y), n in shared.items():
        for best, k in ((best_row, x), (best_col, y)):
            top = best.get(k)
            if top is None or n > top[0]:
                best[k] = [n, 1]
            elif n == top[0]:
                top[1] += 1
    out: list[tuple[int, int]] = []
    for (x, y), n in sorted(shared.items(), key=lambda c: (-c[1], c[0])):
        if best_row[x] != [n, 1] or best_col[y] != [n, 1]:
            continue  # not each other's one best
        if slot_a[x] != slot_b[y]:
            if not shuffled:
                continue  # elsewhere in a text kept in order: a move, for other evidence
            if n < 2 and not _best_of_both(x, y, seg_a, seg_b, score):
                continue  # one word, in another place: only with the content's word too
        out.append((x, y))
    if not shuffled:  # within a slot, in order: a crossing is a move
        out = [(x, y) for x, y in out if not any((x - u) * (y - v) < 0 for u, v in out)]
    return out


def _best_of_both(
    x: int, y: int, seg_a: Sequence[int], seg_b: Sequence[int], score: Callable[[int, int], float]
) -> bool:
    """Whether x and y are each other's one best by content among the free (`score` > 0)."""
    here = score(x, y)
    return (
        here > 0
        and all(score(x, k) < here for k in seg_b if k != y)
        and all(score(k, y) < here for k in seg_a if k != x)
    )


def _slots(kids: Sequence[int], anchors: set[int]) -> dict[int, int]:
    """Each child's slot: how many of `anchors` stand before it among `kids`."""
    slot: dict[int, int] = {}
    seen = 0
    for k in kids:
        if k in anchors:
            seen += 1
        slot[k] = seen
    return slot
