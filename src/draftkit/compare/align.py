"""Provision alignment between two drafts, in passes (ARCHITECTURE.md § Alignment).

0. the user's pins (compare.pins): pinned pairs taken as is, provisions kept apart never
   free for any pass;
1. equal `guid`;
2. unique exact anchors — own text (heading + text) normalised with digits masked, unique
   in both drafts: catches moved and renumbered provisions at any distance in O(n), and
   masking digits keeps "Article 5" → "Article 6" reference edits and 30 → 60 days edits
   anchored (they are the same provision, modified);
3. per matched parent, a dynamic-programming alignment of the still-unmatched children
   between anchors, with 1:0, 0:1, 1:1, 1:2 (split) and 2:1 (merge) steps scored by
   similarity above a threshold;
4. group provisions whose children moved with them (an article renumbered and retitled);
5. leftovers across the whole tree: best-first assignment on a rapidfuzz similarity
   matrix of the few provisions still unmatched — cross-parent moves that were also edited;
6. longest increasing subsequence of matched positions within each parent pair: what is
   out of order there is `moved`; a pair whose parents are not partners moved too;
7. content (compare.content) over what is still free: a clear score, or a weaker one that
   stands out far above either side's runner-up on several shared pieces of evidence;
8. content within a window: between the same two matched siblings, the best of its row and
   column with position (same label, or the same slot of unnumbered points) as a prior;
   then a deleted and an added point sharing a subject no other point there names, each the
   other's best, in one slot or a shuffled list (compare.subjects). A deletion left with a
   plausible mutual-best candidate is told "possibly replaced by";
9. a 1:1 pair that is one part of a split or merge across a gap (a paragraph put between the
   parts) or over a subtree (a point now an intro with paragraphs) becomes that group, and
   two adjacent siblings whose best content candidate is one provision are merged into it
   (compare.regroup). Before pass 7, a leaf pair the DP took below IN_PARENT_CONFIDENT whose
   texts share no distinctive word ("… shall … within N days") is set free; the other such
   pairs are set free for pass 8 only, and paired back where both sides are still free.

Never an all-pairs loop over whole drafts: passes 1–2 are hashing, pass 3 works on short
segments between anchors, pass 5 on what is left (typically a handful).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Sequence

from rapidfuzz.distance import LCSseq

from draftkit.compare.citations import BULLETS
from draftkit.compare.content import ContentSimilarity
from draftkit.compare.flat import ROOT, Flat
from draftkit.compare.leftovers import Hits, best_first
from draftkit.compare.measures import RARE_DF, joined_ratio, lis, may_reach, ratio, text_ratio
from draftkit.compare.pairs import Alignment, Pair, PairKind, moved
from draftkit.compare.pairs import new_pair as _new_pair
from draftkit.compare.pins import Resolved
from draftkit.compare.refs import number_of, same_number
from draftkit.compare.regroup import (
    absorbed,
    content_groups,
    content_words,
    contested,
    in_its_place,
    places_of,
    ranked,
    regroup,
    units,
    weak_pairs,
)
from draftkit.compare.subjects import subject_pairs
from draftkit.model import Draft, Provision

# Gain of a match is (similarity - threshold) × provisions covered: a match below the
# threshold is worse than calling the two provisions deleted and added.
IN_PARENT_THRESHOLD = 0.5
# First in-parent round: only confident matches, so a moved-and-edited provision can still
# find its real partner in another article (pass 5) before a weak in-place match takes it.
IN_PARENT_CONFIDENT = 0.66
LEFTOVER_THRESHOLD = 0.62
# The same label at the same place only breaks ties between matches that already clear the
# threshold; it never turns two unrelated provisions into a "modified" pair.
SAME_LABEL_TIE = 0.02
_FRONT = frozenset({"preface", "recital"})  # the kinds of a title and a recital (engine.front_units)
# Cost bounds (issues 12 and 13): no step's cost depends on the drafts' shape.
DP_FULL_CELLS = 4_096  # a segment up to 64 × 64 gets the full DP …
DP_BAND = 16  # … a longer one a DP in a band of ±16 around its diagonal: O((n + m) · 33)
LCS_MAX_CELLS = 50_000_000  # equal texts in a long segment paired by an exact LCS up to this
# Content pass (issue 15): pairs the character passes left, by what the texts are about.
CONTENT_MIN = 0.45  # cosine of the evidence bags (compare.content) to pair at all
CONTENT_MARGIN = 1.5  # … and at least this many times the runner-up of either side
SAME_NUMBER_PRIOR = 0.15  # added when both drafts keep one numbering and the labels agree
NUMBERING_KEPT = 0.6  # share of matched siblings with equal labels that says "kept"
STANDOUT_MIN = 0.3  # a weaker content score pairs when it stands out …
STANDOUT_MARGIN = 3.0  # … this many times the runner-up of either side …
STANDOUT_SHARED = 2  # … on at least this many shared pieces of evidence (topics not counted)
FAINT_MIN = 0.15  # the faintest content evidence that pairs: …
FAINT_MARGIN = 5.0  # … this many times the runner-up of either side …
FAINT_SHARED = 3  # … on at least this many shared pieces
WINDOW_MIN = 0.25  # within one slot between matched siblings (position + content)
POSSIBLE_MIN = 0.09  # content this high, unpaired: "possibly replaced by" (0.1 before the lexicon's concepts joined the bags)

_WORD = re.compile(r"\w+")
_Found = list[tuple[tuple[int, ...], tuple[int, ...]]]  # what a pass pairs: (old, new) indices


def _unnumbered(num: str | None) -> bool:
    """No label, or a bullet: a point known by its place only."""
    return num is None or num.strip() in BULLETS


def _text(p: Provision) -> str:
    """What the content passes read of a provision: its heading and text."""
    return f"{p.heading}\n{p.text}" if p.heading else p.text


class _Aligner:
    def __init__(self, old: Draft | Flat, new: Draft | Flat, pins: Resolved | None = None) -> None:
        self.a = old if isinstance(old, Flat) else Flat.of(old)
        self.b = new if isinstance(new, Flat) else Flat.of(new)
        self.pins = pins or Resolved()
        self.a2b: dict[int, int] = {}
        self.b2a: dict[int, int] = {}
        self.group_of_a: dict[int, int] = {}  # index → position in self.groups
        self.group_of_b: dict[int, int] = {}
        self.groups: list[tuple[tuple[int, ...], tuple[int, ...], float]] = []
        self.similarity: dict[tuple[int, int], float] = {}
        self.threshold = IN_PARENT_THRESHOLD
        self.done: set[tuple[tuple[int, ...], tuple[int, ...]]] = set()
        self.by_content: dict[int, float] = {}  # old index → confidence of a content pair
        self.bags_a: dict[int, Counter[str]] = {}  # words of long texts, built on demand
        self.bags_b: dict[int, Counter[str]] = {}
        self.content: ContentSimilarity | None = None  # built by the content pass
        self.content_at_a: dict[int, int] = {}
        self.content_at_b: dict[int, int] = {}
        # Content scores of pairs the content pass saw, for "possibly replaced by" (old → new).
        self.plausible: dict[int, list[tuple[float, int]]] = {}
        self.best_deleted_for: dict[int, int] | None = None
        self.places: dict[tuple[int, str], list[int]] = {}  # the added ones by place (_result)
        self.weak: set[int] = set()  # old indices the DP paired below IN_PARENT_CONFIDENT
        self.held: dict[int, int] = {}  # weak pairs free for the window, still kept in numbering
        # Parent pairs whose children were all paired in place when the sibling pass last saw
        # them → the child pairs it queued (a pairing only changes through `_unmatch`).
        self.hits = Hits()  # the last best-first ranking's, for the next (compare.leftovers)
        self.settled: dict[tuple[tuple[int, ...], tuple[int, ...]], _Found] = {}
        # Old provisions with children, in document order: the only ones parent votes concern.
        self.a_parents = [i for i, kids in self.a.children.items() if i != ROOT and kids]
        self.a_parents.sort()
        self._all_a = frozenset(range(len(self.a.nodes)))
        self._all_b = frozenset(range(len(self.b.nodes)))

    # -- bookkeeping ---------------------------------------------------------------
    # A provision the user kept apart is never free: no pass may pair it.
    def _free_a(self, i: int) -> bool:
        return i not in self.a2b and i not in self.group_of_a and i not in self.pins.apart_old

    def _free_b(self, j: int) -> bool:
        return j not in self.b2a and j not in self.group_of_b and j not in self.pins.apart_new

    def _free_sets(self) -> tuple[frozenset[int], frozenset[int]]:
        """Every provision `_free_a` and `_free_b` say is free now, by set difference."""
        pins = self.pins
        return (
            self._all_a.difference(self.a2b, self.group_of_a, pins.apart_old),
            self._all_b.difference(self.b2a, self.group_of_b, pins.apart_new),
        )

    def _rest(self) -> tuple[list[int], list[int]]:
        """The free provisions with text of each side, in document order (a long draft has a
        few hundred free among thousands)."""
        free_a, free_b = self._free_sets()
        a_keys, b_keys = self.a.keys, self.b.keys
        return sorted(i for i in free_a if a_keys[i]), sorted(j for j in free_b if b_keys[j])

    # -- pass 0: the user's pins ------------------------------------------------------
    def pin(self) -> None:
        """Pairs the user pinned are taken as is, before any pass looks at the texts."""
        for i, j in self.pins.pairs:
            self._match(i, j, self._sim(i, j))

    def _match(self, i: int, j: int, sim: float) -> None:
        self.a2b[i] = j
        self.b2a[j] = i
        self.similarity[(i, j)] = sim

    def _group(self, olds: tuple[int, ...], news: tuple[int, ...], sim: float) -> None:
        position = len(self.groups)
        self.groups.append((olds, news, sim))
        for i in olds:
            self.group_of_a[i] = position
        for j in news:
            self.group_of_b[j] = position

    def _sim(self, i: int, j: int) -> float:
        ka, kb = self.a.keys[i], self.b.keys[j]
        if not ka and not kb:
            # Two bare labels ("Article 4" alone): alike if both or neither hold children (pass 4).
            return 0.7 if bool(self.a.children[i]) == bool(self.b.children[j]) else 0.3
        return ratio(ka, kb, lambda: self._bag_a(i), lambda: self._bag_b(j))

    def _bag_a(self, i: int) -> Counter[str]:
        bag = self.bags_a.get(i)
        if bag is None:
            bag = self.bags_a[i] = Counter(_WORD.findall(self.a.keys[i]))
        return bag

    def _bag_b(self, j: int) -> Counter[str]:
        bag = self.bags_b.get(j)
        if bag is None:
            bag = self.bags_b[j] = Counter(_WORD.findall(self.b.keys[j]))
        return bag

    def _same_label(self, i: int, j: int) -> bool:
        """The same label, or the same number in another dress ('Point 4 –' and '4.')."""
        na, nb = self.a.nodes[i].num, self.b.nodes[j].num
        return na is not None and (na == nb or (nb is not None and same_number(na, nb)))

    # -- pass 1 and 2 ----------------------------------------------------------------
    def anchor(self) -> None:
        guids: dict[str, int] = {}
        for j, p in enumerate(self.b.nodes):
            if p.guid:
                guids[p.guid] = j
        for i, p in enumerate(self.a.nodes):
            if p.guid and p.guid in guids:
                self._match(i, guids.pop(p.guid), 1.0)
        # Who is free is taken once per step (a set, not a call per provision): within a step
        # a provision's own pairing happens at its own turn, and each pairing is unique.
        a_keys, b_keys = self.a.keys, self.b.keys
        a2b, b2a, similarity = self.a2b, self.b2a, self.similarity  # `_match`, inlined below
        free_a, free_b = self._free_sets()
        masked_keys = self.a.masked  # each key masked once, by Flat.of
        masked_a = Counter(masked_keys)  # "" counted too: an empty key is passed over below
        masked_b: dict[str, list[int]] = {}
        for j, (k, mk) in enumerate(zip(b_keys, self.b.masked, strict=True)):
            if k and j in free_b:
                masked_b.setdefault(mk, []).append(j)
        for i, (k, mk) in enumerate(zip(a_keys, masked_keys, strict=True)):
            if not k or i not in free_a:
                continue
            if masked_a[mk] != 1:
                continue
            candidates = masked_b.get(mk)
            if candidates is None or len(candidates) != 1:
                continue
            j = candidates[0]
            a2b[i] = j
            b2a[j] = i
            similarity[(i, j)] = 1.0 if k == b_keys[j] else self._sim(i, j)
        # Texts differing only in their numbers ("Point 1.", "Point 2." …) are not unique once
        # masked; unmasked they usually are. Only the free (a few hundred of thousands) are walked.
        free_a, free_b = self._free_sets()
        rest_a = sorted(i for i in free_a if a_keys[i])
        exact_a = Counter(a_keys[i] for i in rest_a)
        exact_b: dict[str, list[int]] = {}
        for j in sorted(free_b):
            k = b_keys[j]
            if k:
                exact_b.setdefault(k, []).append(j)
        for i in rest_a:
            k = a_keys[i]
            if exact_a[k] == 1 and len(exact_b.get(k, ())) == 1:
                self._match(i, exact_b[k][0], 1.0)

    # -- pass 3 ----------------------------------------------------------------------
    def children_pass(self, queue: _Found, threshold: float = IN_PARENT_THRESHOLD) -> None:
        self.threshold = threshold
        done = self.done
        done.clear()
        a_children, b_children = self.a.children, self.b.children
        a2b_get = self.a2b.get
        settled = self.settled
        while queue:
            key = queue.pop()
            if key in done:
                continue
            done.add(key)
            found = settled.get(key)
            if found is not None:
                queue.extend(found)
                continue
            olds, news = key
            a_kids = a_children[olds[0]] if len(olds) == 1 else tuple(c for o in olds for c in a_children[o])
            b_kids = b_children[news[0]] if len(news) == 1 else tuple(c for n in news for c in b_children[n])
            if not a_kids or not b_kids:
                continue
            if len(a_kids) == len(b_kids) and tuple(map(a2b_get, a_kids)) == b_kids:
                # Every child paired with the one in the same place (the common case): what
                # `_align_siblings` returns is these pairs, of which those with children on
                # both sides are queued, so only those are made. Kept for the next pass: the
                # children stay paired so until one is unpaired (`_unmatch` forgets them all).
                found = [
                    ((i,), (j,))
                    for i, j in zip(a_kids, b_kids, strict=True)
                    if a_children[i] and b_children[j]
                ]
                settled[key] = found
                queue.extend(found)
                continue
            # A pair with no children on a side has nothing to align (most are such leaves).
            for pair in self._align_siblings(a_kids, b_kids):
                these, those = pair
                if (a_children[these[0]] if len(these) == 1 else any(a_children[o] for o in these)) and (
                    b_children[those[0]] if len(those) == 1 else any(b_children[n] for n in those)
                ):
                    queue.append(pair)

    def _align_siblings(self, a_kids: Sequence[int], b_kids: Sequence[int]) -> _Found:
        """The pairs under a parent pair: those kept, then what the segments between them
        align (`children_pass` takes children all paired in place without a call)."""
        b_pos = {j: k for k, j in enumerate(b_kids)}
        fixed = [(i, self.a2b[i]) for i in a_kids if i in self.a2b and self.a2b[i] in b_pos]
        keep = lis([b_pos[j] for _, j in fixed])
        new_pairs: _Found = [((i,), (j,)) for i, j in fixed]
        if len(keep) == len(fixed) == len(a_kids) == len(b_kids):
            return new_pairs  # every child paired, in order (the common case): no segment between
        bounds = [fixed[k] for k in sorted(keep)]
        a_pos = {i: k for k, i in enumerate(a_kids)}
        start_a = start_b = 0
        for i, j in [*bounds, (None, None)]:
            end_a = a_pos[i] if i is not None else len(a_kids)
            end_b = b_pos[j] if j is not None else len(b_kids)
            seg_a = [x for x in a_kids[start_a:end_a] if self._free_a(x)]
            seg_b = [y for y in b_kids[start_b:end_b] if self._free_b(y)]
            if seg_a and seg_b:
                new_pairs.extend(self._segment(seg_a, seg_b))
            start_a, start_b = end_a + 1, end_b + 1
        return new_pairs

    def _segment(self, seg_a: list[int], seg_b: list[int]) -> _Found:
        n, m = len(seg_a), len(seg_b)
        if n * m <= DP_FULL_CELLS:
            return self._dp(seg_a, seg_b, None)
        # A long segment (repeated paragraphs, a long flat list): equal texts are paired
        # first by an exact longest common subsequence, and only the stretches between them
        # go to the DP, each in a band around its diagonal.
        paired = self._equal_in_order(seg_a, seg_b)
        out: _Found = []
        start_a = start_b = 0
        a_pos = {i: k for k, i in enumerate(seg_a)}
        b_pos = {j: k for k, j in enumerate(seg_b)}
        for olds, news in [*paired, ((), ())]:
            end_a = a_pos[olds[0]] if olds else n
            end_b = b_pos[news[0]] if news else m
            sub_a, sub_b = seg_a[start_a:end_a], seg_b[start_b:end_b]
            if sub_a and sub_b:
                band = None if len(sub_a) * len(sub_b) <= DP_FULL_CELLS else DP_BAND
                out.extend(self._dp(sub_a, sub_b, band))
            start_a, start_b = end_a + 1, end_b + 1
        return paired + out

    def _equal_in_order(self, seg_a: list[int], seg_b: list[int]) -> _Found:
        """Pair provisions with equal non-empty texts along a longest common subsequence."""
        if len(seg_a) * len(seg_b) > LCS_MAX_CELLS:
            paired = self._exact_in_order(seg_a, seg_b, with_label=True)
            return paired + self._exact_in_order(seg_a, seg_b, with_label=False)
        # Empty texts (bare labels) never count as equal here.
        keys_a: list[object] = [self.a.keys[i] or ("a", i) for i in seg_a]
        keys_b: list[object] = [self.b.keys[j] or ("b", j) for j in seg_b]
        out: _Found = []
        for op in LCSseq.opcodes(keys_a, keys_b):
            if op.tag != "equal":
                continue
            for x, y in zip(range(op.src_start, op.src_end), range(op.dest_start, op.dest_end), strict=True):
                i, j = seg_a[x], seg_b[y]
                self._match(i, j, 1.0)
                out.append(((i,), (j,)))
        return out

    def _dp(self, seg_a: list[int], seg_b: list[int], band: int | None) -> _Found:
        """The ordered 1:0, 0:1, 1:1, 1:2, 2:1 alignment of two segments, over every cell or,
        with `band`, over the cells within `band` of the diagonal (each row's range reaches
        the next row's, so a path from corner to corner always exists)."""
        n, m = len(seg_a), len(seg_b)
        if band is None:
            rows = [(0, m)] * (n + 1)
        else:
            rows = [(max(0, x * m // n - band), min(m, -(-(x + 1) * m // n) + band)) for x in range(n + 1)]
        t = self.threshold
        neg = float("-inf")
        # Cells keyed x·(m+1)+y: a flat list for the full DP, a dict for a band.
        width = m + 1
        score: dict[int, float] | list[float]
        move: dict[int, tuple[int, int, float]] | list[tuple[int, int, float]]
        if band is None:
            score = [neg] * ((n + 1) * width)
            move = [(0, 0, 0.0)] * ((n + 1) * width)
            score[0] = 0.0
        else:
            score, move = {0: 0.0}, {}
        get = score.__getitem__ if band is None else (lambda cell: score.get(cell, neg))  # type: ignore[union-attr]
        lengths_a = [len(self.a.keys[i]) for i in seg_a]
        lengths_b = [len(self.b.keys[j]) for j in seg_b]
        for x in range(n + 1):
            low, high = rows[x]
            for y in range(low, high + 1):
                base = get(x * width + y)
                if base == neg:
                    continue
                steps: list[tuple[int, int, float, float]] = []  # dx, dy, gain, similarity
                if x < n:
                    steps.append((1, 0, 0.0, 0.0))
                if y < m:
                    steps.append((0, 1, 0.0, 0.0))
                if x < n and y < m:
                    s = self._sim(seg_a[x], seg_b[y])
                    if s >= t:
                        tie = SAME_LABEL_TIE if self._same_label(seg_a[x], seg_b[y]) else 0.0
                        steps.append((1, 1, (s - t) * 2 + tie, s))
                if x < n and y + 1 < m and may_reach(lengths_a[x], lengths_b[y] + lengths_b[y + 1] + 1, t):
                    s = self._split_sim(seg_a[x], (seg_b[y], seg_b[y + 1]))
                    if s >= t:
                        steps.append((1, 2, (s - t) * 3, s))
                if x + 1 < n and y < m and may_reach(lengths_a[x] + lengths_a[x + 1] + 1, lengths_b[y], t):
                    s = self._merge_sim((seg_a[x], seg_a[x + 1]), seg_b[y])
                    if s >= t:
                        steps.append((2, 1, (s - t) * 3, s))
                for dx, dy, gain, s in steps:
                    cell = (x + dx) * width + y + dy
                    if base + gain > get(cell):
                        score[cell] = base + gain
                        move[cell] = (dx, dy, s)
        out: _Found = []
        x, y = n, m
        while x or y:
            dx, dy, s = move[x * width + y]
            olds = tuple(seg_a[x - dx : x])
            news = tuple(seg_b[y - dy : y])
            if dx == 1 and dy == 1:
                self._match(olds[0], news[0], s)
                if s < IN_PARENT_CONFIDENT:
                    self.weak.add(olds[0])
                out.append((olds, news))
            elif dx and dy:
                self._group(olds, news, s)
                out.append((olds, news))
            x, y = x - dx, y - dy
        return out

    def _exact_in_order(self, seg_a: list[int], seg_b: list[int], *, with_label: bool) -> _Found:
        """Pair free provisions with equal keys, keeping order (a greedy common subsequence)."""

        def key_a(i: int) -> tuple[str | None, str]:
            return (self.a.nodes[i].num if with_label else None, self.a.keys[i])

        def key_b(j: int) -> tuple[str | None, str]:
            return (self.b.nodes[j].num if with_label else None, self.b.keys[j])

        positions: dict[tuple[str | None, str], list[int]] = {}
        for y, j in enumerate(seg_b):
            if self._free_b(j) and self.b.keys[j]:
                positions.setdefault(key_b(j), []).append(y)
        cursor: dict[tuple[str | None, str], int] = {}
        out: _Found = []
        last = -1
        for i in seg_a:
            if not self._free_a(i) or not self.a.keys[i]:
                continue
            key = key_a(i)
            ys = positions.get(key)
            if not ys:
                continue
            k = bisect.bisect_right(ys, last, lo=cursor.get(key, 0))
            if k == len(ys):
                continue
            cursor[key] = k + 1
            last = ys[k]
            j = seg_b[last]
            self._match(i, j, 1.0)
            out.append(((i,), (j,)))
        return out

    def _split_sim(self, i: int, js: tuple[int, int]) -> float:
        return joined_ratio(
            self.a.keys[i],
            self._bag_a(i),
            tuple(self.b.keys[j] for j in js),
            tuple(self._bag_b(j) for j in js),
        )

    def _merge_sim(self, is_: tuple[int, int], j: int) -> float:
        return joined_ratio(
            self.b.keys[j],
            self._bag_b(j),
            tuple(self.a.keys[i] for i in is_),
            tuple(self._bag_a(i) for i in is_),
        )

    # -- pass 4 ----------------------------------------------------------------------
    def vote_parents(self) -> _Found:
        found: _Found = []
        a2b, group_of_a, apart = self.a2b, self.group_of_a, self.pins.apart_old
        for i in self.a_parents:
            if i in a2b or i in group_of_a or i in apart:  # not `_free_a(i)`, inlined
                continue
            provision, kids = self.a.nodes[i], self.a.children[i]
            votes = Counter(self.b.parent[self.a2b[c]] for c in kids if c in self.a2b)
            if not votes:
                continue
            j, count = votes.most_common(1)[0]
            if j == ROOT or not self._free_b(j) or count * 2 < len(kids):
                continue
            if self.b.nodes[j].kind != provision.kind:
                continue
            self._match(i, j, self._sim(i, j))
            found.append(((i,), (j,)))
        return found

    # -- pass 5 ----------------------------------------------------------------------
    def leftovers(self) -> _Found:
        rest_a, rest_b = self._rest()
        if not rest_a or not rest_b:
            return []
        return self._best_first(rest_a, rest_b, LEFTOVER_THRESHOLD)

    def _best_first(self, rest_a: list[int], rest_b: list[int], threshold: float) -> _Found:
        """compare.leftovers' candidates taken best first while both sides are free."""
        found: _Found = []
        candidates, self.hits = best_first(
            rest_a, rest_b, threshold, self.a.keys, self.b.keys, self._sim, self.hits
        )
        for score, i, j in candidates:
            if self._free_a(i) and self._free_b(j):
                self._match(i, j, score / 100.0)
                found.append(((i,), (j,)))
        return found

    # -- pass 7: content ------------------------------------------------------------
    def _numbering_kept(self, pi: int, pj: int) -> bool:
        """Whether the children of a parent pair keep one numbering scheme in both drafts."""
        kids_a, kids_b = self.a.children[pi], self.b.children[pj]
        matched = [(i, j) for i in kids_a if (j := self.a2b.get(i, self.held.get(i))) is not None]
        if len(matched) >= 2:
            same = sum(1 for i, j in matched if self._same_label(i, j))
            return same >= NUMBERING_KEPT * len(matched)
        labels_a = [self.a.nodes[i].num for i in kids_a]
        labels_b = [self.b.nodes[j].num for j in kids_b]
        k = min(len(labels_a), len(labels_b))
        return k >= 2 and labels_a[:k] == labels_b[:k] and None not in labels_a[:k]

    def content_pass(self, held: Sequence[tuple[int, int]] = ()) -> _Found:
        rest_a, rest_b = self._rest()
        if not (rest_a or held) or not (rest_b or held):
            return []

        content = ContentSimilarity(
            [_text(self.a.nodes[i]) for i in rest_a],
            [_text(self.b.nodes[j]) for j in rest_b],
            extra_olds=[_text(self.a.nodes[i]) for i, _ in held],
            extra_news=[_text(self.b.nodes[j]) for _, j in held],
        )
        scores: dict[tuple[int, int], float] = {(x, y): s for s, x, y in content.candidates()}
        # Position as evidence: the same label under partner parents, where both drafts keep
        # one numbering scheme (a counter-proposal answering point by point).
        kept: dict[tuple[int, int], bool] = {}
        by_place: dict[tuple[int, str], int] = {}
        for y, j in enumerate(rest_b):
            num = self.b.nodes[j].num
            if num:
                by_place[(self.b.parent[j], num)] = y
        for x, i in enumerate(rest_a):
            num, pi = self.a.nodes[i].num, self.a.parent[i]
            if not num:
                continue
            pj = pi if pi == ROOT else self.a2b.get(pi)
            if pj is None or (pj, num) not in by_place:
                continue
            y = by_place[(pj, num)]
            if (pi, pj) not in kept:
                kept[(pi, pj)] = self._numbering_kept(pi, pj)
            if kept[(pi, pj)]:
                scores[(x, y)] = scores.get((x, y), content.score(x, y)) + SAME_NUMBER_PRIOR
        # A pair must stand out: clearly better than the next best of either side (texts of
        # one shared vocabulary are all somewhat alike; a rewritten point has its partner).
        # A provision already paired is nobody's rival any more: runners-up are looked up
        # among the candidates still free when a pair is weighed (best pairs first). Rows and
        # columns are kept sorted by score with the prior (0) and without it (1).
        rows: tuple[dict[int, list[tuple[float, int]]], ...] = ({}, {})
        columns: tuple[dict[int, list[tuple[float, int]]], ...] = ({}, {})
        for (x, y), score in scores.items():
            for field, value in enumerate((score, content.score(x, y))):
                rows[field].setdefault(x, []).append((value, y))
                columns[field].setdefault(y, []).append((value, x))
        for entries in (*rows[0].values(), *rows[1].values(), *columns[0].values(), *columns[1].values()):
            entries.sort(key=lambda e: (-e[0], e[1]))

        def rival(x: int, y: int, field: int) -> float:
            """The best score of x's row and y's column among other provisions still free; a
            sibling under a parent still free is a fellow part (pass 9 may join them), not a
            rival."""
            pa, pb = self.a.parent, self.b.parent
            up_a = pa[rest_a[x]] if pa[rest_a[x]] != ROOT and self._free_a(pa[rest_a[x]]) else None
            up_b = pb[rest_b[y]] if pb[rest_b[y]] != ROOT and self._free_b(pb[rest_b[y]]) else None
            row = (
                v for v, k in rows[field][x] if k != y and self._free_b(rest_b[k]) and pb[rest_b[k]] != up_b
            )
            col = (
                v
                for v, k in columns[field][y]
                if k != x and self._free_a(rest_a[k]) and pa[rest_a[k]] != up_a
            )
            in_row, in_column = next(row, 0.0), next(col, 0.0)
            return max(in_row, in_column)

        ranked = sorted(scores.items(), key=lambda c: (-c[1], c[0]))
        for (x, y), _ in ranked:
            raw = content.score(x, y)
            if raw >= POSSIBLE_MIN and content.shared_facts(x, y):
                self.plausible.setdefault(rest_a[x], []).append((raw, rest_b[y]))
        self.content = content
        self.content_at_a = {i: x for x, i in enumerate((*rest_a, *(i for i, _ in held)))}
        self.content_at_b = {j: y for y, j in enumerate((*rest_b, *(j for _, j in held)))}
        found: _Found = []
        for (x, y), score in ranked:
            if score < FAINT_MIN:
                break
            i, j = rest_a[x], rest_b[y]
            if not (self._free_a(i) and self._free_b(j)):
                continue
            if score < CONTENT_MIN:
                # Weaker evidence pairs only when the content alone stands out: far above the
                # runner-up of either side and more than one shared piece (names, numbers, rare
                # words). Position is left out here: the window pass weighs it.
                raw = content.score(x, y)
                runner_up = rival(x, y, 1)
                shared = len(content.shared_facts(x, y))
                stands_out = (
                    raw >= STANDOUT_MIN and raw >= STANDOUT_MARGIN * runner_up and shared >= STANDOUT_SHARED
                )
                # … or, lower still, when it stands out even more on more shared evidence.
                faint = raw >= FAINT_MIN and raw >= FAINT_MARGIN * runner_up and shared >= FAINT_SHARED
                if not (stands_out or faint):
                    continue
            elif score < CONTENT_MARGIN * rival(x, y, 0):
                continue
            found.append(self._by_content(i, j, score))
        return found

    # -- pass 8: content within a window ---------------------------------------------
    def window_pass(self) -> _Found:
        """Between the same two matched siblings of a parent pair, a weaker content match is
        taken when it is the best of its row and column in that window: position (the slot
        both drafts kept) is the second signal that a global match lacks."""
        if self.content is None:
            return []
        found: _Found = []
        parents = [(ROOT, ROOT), *((i, j) for i, j in self.a2b.items() if self.a.children[i])]
        # The parents with a free child the content pass saw, on each side (a few among
        # thousands): this pass only pairs, never unpairs, so a parent without such a child
        # now has none when its turn comes, and the test below would pass it over.
        seen_a = {self.a.parent[x] for x in self.content_at_a if self._free_a(x)}
        seen_b = {self.b.parent[y] for y in self.content_at_b if self._free_b(y)}
        for pi, pj in parents:
            if pi not in seen_a or pj not in seen_b:
                continue
            a_kids, b_kids = self.a.children[pi], self.b.children[pj]
            if not a_kids or not b_kids:
                continue
            # Only free children the content pass saw take part: most parents have none.
            if not any(x in self.content_at_a and self._free_a(x) for x in a_kids) or not any(
                y in self.content_at_b and self._free_b(y) for y in b_kids
            ):
                continue
            b_pos = {j: k for k, j in enumerate(b_kids)}
            fixed = [(i, self.a2b[i]) for i in a_kids if i in self.a2b and self.a2b[i] in b_pos]
            keep = lis([b_pos[j] for _, j in fixed])
            a_pos = {i: k for k, i in enumerate(a_kids)}
            start_a = start_b = 0
            for i, j in [*(fixed[k] for k in sorted(keep)), (None, None)]:
                end_a = a_pos[i] if i is not None else len(a_kids)
                end_b = b_pos[j] if j is not None else len(b_kids)
                seg_a = [x for x in a_kids[start_a:end_a] if x in self.content_at_a and self._free_a(x)]
                seg_b = [y for y in b_kids[start_b:end_b] if y in self.content_at_b and self._free_b(y)]
                if seg_a and seg_b and len(seg_a) * len(seg_b) <= DP_FULL_CELLS:
                    found += self._window(pi, pj, seg_a, seg_b)
                start_a, start_b = end_a + 1, end_b + 1
            # One-to-one to the end: where both drafts keep one numbering, the last free point
            # on each side pairs when they share a distinctive piece of evidence, in the same
            # slot between the pairs kept in order (across one it is a move, as in the window).
            last_a = [x for x in a_kids if x in self.content_at_a and self._free_a(x)]
            last_b = [y for y in b_kids if y in self.content_at_b and self._free_b(y)]
            anchors = [fixed[k] for k in keep]
            if (
                len(last_a) == len(last_b) == 1
                and self._numbering_kept(pi, pj)
                and sum(a_pos[i] < a_pos[last_a[0]] for i, _ in anchors)
                == sum(b_pos[j] < b_pos[last_b[0]] for _, j in anchors)
            ):
                x, y = self.content_at_a[last_a[0]], self.content_at_b[last_b[0]]
                if any(self.content.df[k] <= RARE_DF for k in self.content.shared(x, y) if k[0] not in "§$"):
                    found.append(self._by_content(last_a[0], last_b[0], self.content.score(x, y)))
        return found

    def _window(self, pi: int, pj: int, seg_a: list[int], seg_b: list[int]) -> _Found:
        assert self.content is not None
        kept = self._numbering_kept(pi, pj)
        keys_a = [number_of(self.a.nodes[i].num) for i in seg_a] if kept else []  # once, not per pair
        keys_b = [number_of(self.b.nodes[j].num) for j in seg_b] if kept else []
        same_shape = len(seg_a) == len(seg_b)
        scores: dict[tuple[int, int], float] = {}
        for x, i in enumerate(seg_a):
            for y, j in enumerate(seg_b):
                score = self.content.score(self.content_at_a[i], self.content_at_b[j])
                num_a, num_b = self.a.nodes[i].num, self.b.nodes[j].num
                if kept and keys_a[x] is not None and keys_a[x] == keys_b[y]:
                    score += SAME_NUMBER_PRIOR
                elif (_unnumbered(num_a) or _unnumbered(num_b)) and same_shape and x == y:
                    # The same slot of a window of the same size, a side known by its places only.
                    score += SAME_NUMBER_PRIOR
                scores[(x, y)] = score
        best_row = [max(scores[(x, y)] for y in range(len(seg_b))) for x in range(len(seg_a))]
        best_col = [max(scores[(x, y)] for x in range(len(seg_a))) for y in range(len(seg_b))]
        taken: list[tuple[int, int]] = []
        found: _Found = []
        for (x, y), score in sorted(scores.items(), key=lambda c: (-c[1], c[0])):
            if score < WINDOW_MIN:
                break
            if score < best_row[x] or score < best_col[y]:
                continue
            # In order with what the window paired: a crossing is a move, which needs more than a slot.
            if any((x - tx) * (y - ty) <= 0 for tx, ty in taken):
                continue
            i, j = seg_a[x], seg_b[y]
            if self.content.score(self.content_at_a[i], self.content_at_b[j]) <= 0:
                continue  # position alone never pairs
            taken.append((x, y))
            found.append(self._by_content(i, j, score))
        return found

    def run(self) -> Alignment:
        self.pin()
        self.anchor()
        # Provisions whose children were anchored (an article with only a label) are paired
        # before the sibling passes, bottom-up: paragraphs → articles → parts.
        while self.vote_parents():
            pass
        queue: _Found = [((ROOT,), (ROOT,))]
        queue.extend(self._parent_pairs())
        self.children_pass(list(queue), IN_PARENT_CONFIDENT)
        for _ in range(3):
            found = self.vote_parents() + self.leftovers()
            if not found:
                break
            self.children_pass(found, IN_PARENT_CONFIDENT)
        # Second in-parent round at the normal threshold over every matched pair.
        everything: _Found = [((ROOT,), (ROOT,))]
        everything += self._parent_pairs()
        everything += [(olds, news) for olds, news, _ in self.groups]
        self.children_pass(everything, IN_PARENT_THRESHOLD)
        found = self.vote_parents()
        if found:
            self.children_pass(found, IN_PARENT_THRESHOLD)
        # Weak leaf pairs (DP below IN_PARENT_CONFIDENT): sharing no distinctive word, set free
        # for pass 7; contested by a sibling's content (regroup.contested), weighed again in 8.
        formula, held = weak_pairs(sorted(self.weak), self.a2b, self.a, self.b, self.pins.pairs)
        for i, j in formula:
            self._unmatch(i, j)
        found = self.content_pass(held)
        if found:
            self.children_pass(found, IN_PARENT_THRESHOLD)
        # Subtrees are joined before the window pass, which would give their free parent away.
        self.regroup()
        at, free = (self.content_at_a, self.content_at_b), (self._free_a, self._free_b)
        self.held = contested(held, self.a2b, (self.a, self.b), free, self.content, at, DP_BAND)
        for i, j in self.held.items():
            self._unmatch(i, j)
        found = self.window_pass()
        for i, j in self.held.items():  # what the window left free on both sides is paired back
            if self._free_a(i) and self._free_b(j):
                self._match(i, j, self._sim(i, j))
            elif self.a2b.get(i) == j:
                del self.by_content[i]  # the window's pair is the DP's, as it was
        if found:
            self.children_pass(found, IN_PARENT_THRESHOLD)
        # Points said in other words, sharing a subject no other point names (compare.subjects).
        parents = [(ROOT, ROOT), *((i, j) for (i,), (j,) in self._parent_pairs())]
        said = subject_pairs(parents, (self.a, self.b), self.a2b, free, self.content, at)
        found = [self._by_content(i, j, score) for i, j, score in said]
        if found:
            self.children_pass(found, IN_PARENT_THRESHOLD)
        self.regroup()
        self.content_groups()
        # One provision a side is the one, however reworded (a title or a recital is no provision).
        lone = len(self.a.nodes) == len(self.b.nodes) == 1 and self.a.nodes[0].kind not in _FRONT
        if lone and self._free_a(0) and self._free_b(0):
            self._match(0, 0, self._sim(0, 0))
        return self._result()

    def _parent_pairs(self) -> _Found:
        """The 1:1 pairs with children on both sides: the only ones the sibling pass aligns
        anything under (a leaf pair would only be marked done; most pairs are leaves)."""
        a_children, b_children = self.a.children, self.b.children
        return [((i,), (j,)) for i, j in self.a2b.items() if a_children[i] and b_children[j]]

    # -- pass 9: splits and merges across a gap, over a subtree or by content --------
    def regroup(self) -> None:
        """compare.regroup: a 1:1 pair that is a part of a split or merge becomes that group."""
        pinned = {i for i, _ in self.pins.pairs}
        # compare.regroup looks only at pairs whose texts differ (an identical partner is never
        # bettered), so only those are handed over; the first call only unpairs, so what the
        # second may see is what is left of the same list.
        a_keys, b_keys = self.a.keys, self.b.keys
        differ = [(i, j) for i, j in self.a2b.items() if a_keys[i] != b_keys[j] and i not in pinned]
        free = dict(differ)
        for r in regroup(free, self.a, self.b, self._free_b, text_ratio, IN_PARENT_THRESHOLD):
            self._unmatch(r.one, r.partner)
            self._group((r.one,), r.parts, r.similarity)
        a2b = self.a2b
        free = {j: i for i, j in differ if a2b.get(i) == j}
        for r in regroup(free, self.b, self.a, self._free_a, text_ratio, IN_PARENT_THRESHOLD):
            self._unmatch(r.partner, r.one)
            self._group(r.parts, (r.one,), r.similarity)

    def content_groups(self) -> None:
        """Merges and splits whose parts the content passes saw (compare.regroup.content_groups),
        then those said in other words beside a rewritten pair (compare.regroup.absorbed), again
        while it takes something in (a third part, a fourth)."""
        olds, news = ranked(self.plausible)
        words = content_words([*self.a.keys[:50], *self.b.keys[:50]])
        pinned = ({i for i, _ in self.pins.pairs}, {j for _, j in self.pins.pairs})
        for by_content in (True, False, False, False):
            taken = 0
            for side in (0, 1):  # merges (old parts), then splits (new parts)
                one, other = (self.a, self.b) if side == 0 else (self.b, self.a)
                free_one, free_other = (
                    (self._free_a, self._free_b) if side == 0 else (self._free_b, self._free_a)
                )
                to_other, to_one = (self.a2b, self.b2a) if side == 0 else (self.b2a, self.a2b)
                if by_content:  # content_groups reads the partners the other way: other → one
                    partner_of = (
                        to_one
                        if not pinned[side]
                        else {o: k for o, k in to_one.items() if k not in pinned[side]}
                    )
                    ranks = (olds, news) if side == 0 else (news, olds)
                    evidence = (self._evidence(one), self._evidence(other))
                    found = content_groups(
                        partner_of, one, other, free_one, free_other, *ranks, text_ratio, evidence
                    )
                else:
                    group_of = self.group_of_a if side == 0 else self.group_of_b
                    unit = units(to_other, group_of, self.groups, side, pinned[side])
                    found = absorbed(unit, one, other, free_one, words)
                for group, k in found:
                    olds_of, news_of = (group, (k,)) if side == 0 else ((k,), group)
                    # (a group across articles is a move too: content alone does not show it)
                    if self._same_parent(self.a.parent[olds_of[0]], self.b.parent[news_of[0]]):
                        self._regroup(olds_of, news_of)
                        taken += 1
            if not by_content and not taken:
                return  # nothing taken in: nothing more to take

    def _evidence(self, flat: Flat) -> Callable[[int], frozenset[str]]:
        """What a provision of `flat` is about, as the content pass reads it (for content_groups)."""
        content = self.content
        return lambda k: frozenset() if content is None else content.evidence(_text(flat.nodes[k]))

    def _regroup(self, olds: tuple[int, ...], news: tuple[int, ...]) -> None:
        """Pair `olds` with `news` as one group: the 1:1 pair, or the group, that held the one
        provision of either side is taken into it."""
        sim = text_ratio(" ".join(self.a.keys[i] for i in olds), " ".join(self.b.keys[j] for j in news))
        (one,) = olds if len(olds) == 1 else news
        held = self.group_of_a.get(one) if len(olds) == 1 else self.group_of_b.get(one)
        if held is not None:
            self.groups[held] = (olds, news, sim)
            for i in olds:
                self.group_of_a[i] = held
            for j in news:
                self.group_of_b[j] = held
            return
        if len(olds) == 1 and one in self.a2b:
            self._unmatch(one, self.a2b[one])
        elif len(news) == 1 and one in self.b2a:
            self._unmatch(self.b2a[one], one)
        self._group(olds, news, sim)

    def _same_parent(self, pa: int, pb: int) -> bool:  # paired with each other, or both the top
        return (pa == ROOT and pb == ROOT) or (pa != ROOT and self.a2b.get(pa) == pb)

    def _by_content(self, i: int, j: int, score: float) -> tuple[tuple[int, ...], tuple[int, ...]]:
        self._match(i, j, self._sim(i, j))
        self.by_content[i] = round(min(1.0, score), 4)  # the content evidence's confidence
        return (i,), (j,)

    def _unmatch(self, i: int, j: int) -> None:
        del self.a2b[i], self.b2a[j], self.similarity[(i, j)]
        self.by_content.pop(i, None)
        self.settled.clear()

    def _result(self) -> Alignment:
        moved_pairs, moved_groups = moved(
            self.a2b, self.groups, self.group_of_a, self.a.parent, self.b.parent
        )
        pairs: list[Pair] = []
        append = pairs.append
        pinned = {i for i, _ in self.pins.pairs}
        similarity, content_of = self.similarity, self.by_content.get
        for i, j in self.a2b.items():
            sim = similarity[(i, j)]
            if sim != 1.0:  # round(1.0, 4) is 1.0 (and most pairs are equal texts)
                sim = round(sim, 4)
            confidence = content_of(i)
            rewritten = confidence is not None and sim < IN_PARENT_THRESHOLD
            append(
                _new_pair("one", (i,), (j,), sim, i in moved_pairs, rewritten, confidence, i in pinned, None)
            )
        for g, (olds, news, sim) in enumerate(self.groups):
            kind: PairKind = "split" if len(news) > len(olds) else "merge"
            pairs.append(Pair(kind, olds, news, round(sim, 4), g in moved_groups))
        apart_a, apart_b = self.pins.apart_old, self.pins.apart_new
        # The unpaired (in no pair, no group), by set difference, in document order.
        added = sorted(self._all_b.difference(self.b2a, self.group_of_b))
        self.places = places_of(self.b, added)
        for i in sorted(self._all_a.difference(self.a2b, self.group_of_a)):
            pairs.append(
                _new_pair("deleted", (i,), (), 0.0, False, False, None, i in apart_a, self._replaced_by(i))
            )
        pairs.extend(_new_pair("added", (), (j,), 0.0, False, False, None, j in apart_b, None) for j in added)
        return Alignment(self.a, self.b, tuple(pairs))

    def _replaced_by(self, i: int) -> int | None:
        """The best still-added counterpart the content pass saw for a deleted provision, if
        its evidence was plausible (POSSIBLE_MIN) though not enough to pair them."""
        if i in self.pins.apart_old:
            return None  # the user has decided
        if self.best_deleted_for is None:
            # Each added provision's best deleted candidate: a suggestion must be mutual.
            best: dict[int, tuple[float, int]] = {}
            for old, candidates in self.plausible.items():
                if self._free_a(old):
                    for score, new in candidates:
                        if self._free_b(new) and score > best.get(new, (0.0, -1))[0]:
                            best[new] = (score, old)
            self.best_deleted_for = {new: old for new, (_, old) in best.items()}
        ranked = sorted(
            (c for c in self.plausible.get(i, ()) if self._free_b(c[1])), key=lambda c: (-c[0], c[1])
        )
        if ranked and self.best_deleted_for.get(ranked[0][1]) == i:
            return ranked[0][1]
        up = self.a.parent[i]  # else the one added provision standing in its place, if any
        parent = ROOT if up == ROOT else self.a2b.get(up)
        return (
            None
            if parent is None
            else in_its_place(self.a, self.b, i, parent, self.places, self.best_deleted_for)
        )


def align(old: Draft | Flat, new: Draft | Flat, pins: Resolved | None = None) -> Alignment:
    """Align the provisions of two drafts (see the module docstring for the passes); `pins`
    are pairs the user decided (compare.pins), taken before every pass."""
    return _Aligner(old, new, pins).run()
