"""Alignment's last look at its 1:1 pairs: is one really a part of a split or a merge?

Input: the pairs the alignment passes made and each draft's tree (parents, children, texts).
Output: groups to put in their place, each one old provision with several new ones (a split)
or the reverse (a merge). Guarantee: a group only takes provisions that are free (unpaired)
or the pair it replaces, and only when the group's text is clearly closer than the pair's.

Also here, as pure functions the aligner applies: `weak_pairs` (a pair the DP took at a
low character similarity whose texts share no distinctive word is set free before the
content passes; `contested`: the others that a sibling's content contests, weighed again
in the window pass), `content_groups` (merges and splits whose parts the content passes saw:
two adjacent siblings whose best content candidate is one provision) and `in_its_place` (the
added provision standing where a deleted one stood, its "possibly replaced by").

Two shapes the in-parent steps (1:2 and 2:1 between adjacent siblings) cannot see:

- **a gap**: a provision split in two with a new paragraph put between the parts, or two
  merged across one that was deleted (issue 15 item 6);
- **a subtree**: a provision whose text now stands as a point with its own paragraphs (a
  successor text that broke one long point into an intro and sub-paragraphs), or the reverse.

Work is linear: each pair looks at most GAP_REACH siblings ahead, or its parent's children.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import Protocol

from rapidfuzz import fuzz

from draftkit.compare.content import ContentSimilarity, number_keys, root
from draftkit.compare.flat import Flat
from draftkit.compare.lemmas import content_lemmas, language_of
from draftkit.compare.measures import SIM_MAX_CHARS, contained, share_rare_word, word_frequencies
from draftkit.compare.refs import number_of, same_number
from draftkit.records import record

ROOT = -1
GAP_REACH = 3  # a split's second part at most this many siblings after the first
BETTER_BY = 0.1  # a group replaces a pair only when its similarity is this much higher
PART_MIN = 0.8  # each part of a split across a gap has this share of its words in the whole
# A free provision taken into its neighbour's rewritten partner (`absorbed`): of its content
# words the neighbour lacks, this share (and at least ABSORBED_WORDS of them) is in the
# partner, and the two together hold this share of the partner's content words.
ABSORBED_MIN = 0.5
ABSORBED_WORDS = 3
ABSORBED_COVERED = 0.5
# … or, a short point (CLAUSE_MAX_CHARS), found as a clause of the partner (`clause_found`):
# this share of its characters in order in one stretch of the partner.
CLAUSE_MIN = 0.75
CLAUSE_MAX_CHARS = 400
# A free sibling contests a weak pair (`contested`) with content this high (the window's floor,
# compare.align.WINDOW_MIN) and this many times the pair's own (align.CONTENT_MARGIN).
CONTEST_MIN = 0.25
CONTEST_MARGIN = 1.5
_EN_FOLDS = ("ly", "ing")
_WORD = re.compile(r"\w+")


class Side(Protocol):
    """One draft's tree as the regrouping needs it (compare.align's Flat is one)."""

    @property
    def parent(self) -> Sequence[int]: ...
    @property
    def children(self) -> Mapping[int, tuple[int, ...]]: ...
    @property
    def keys(self) -> Sequence[str]: ...  # normalised heading + text


@record
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
    keys, children, other_keys = one.keys, one.children, other.keys
    # An identical partner (most pairs): no group can be BETTER_BY closer than 1.0.
    candidates = [
        (i, j) for i, j in pairs.items() if keys[i] and keys[i] != other_keys[j] and not children[i]
    ]
    for i, j in sorted(candidates):
        whole = keys[i]
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
    """The pair's partner and the free sibling a few places before or after it that best
    completes the text (the split's other part), in document order, if any."""
    siblings = other.children[other.parent[j]]
    at = siblings.index(j)
    near = (*siblings[max(0, at - 1 - GAP_REACH) : max(0, at - 1)], *siblings[at + 2 : at + 2 + GAP_REACH])
    candidates = [k for k in near if free(k) and k not in taken and not other.children[k] and other.keys[k]]
    if not candidates:
        return None
    whole = Counter(_WORD.findall(one.keys[i]))
    best: tuple[float, tuple[int, int]] | None = None
    for k in candidates:
        # Both parts kept their words (a split, not a rewrite): each is found in the whole.
        parts = (Counter(_WORD.findall(other.keys[n])) for n in (j, k))
        if min(contained(part, whole) for part in parts) < PART_MIN:
            continue
        first, second = (j, k) if k > j else (k, j)
        score = similarity(one.keys[i], f"{other.keys[first]} {other.keys[second]}")
        if best is None or score > best[0]:
            best = (score, (first, second))
    return best[1] if best is not None else None


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


def ranked(
    plausible: Mapping[int, Sequence[tuple[float, int]]],
) -> tuple[dict[int, list[tuple[float, int]]], ...]:
    """Content candidates (old → [(score, new)]) strongest first, and the same seen from the
    new side (new → [(score, old)])."""
    back: dict[int, list[tuple[float, int]]] = {}
    for i, found in plausible.items():
        for score, j in found:
            back.setdefault(j, []).append((score, i))
    return tuple(
        {k: sorted(c, key=lambda e: (-e[0], e[1])) for k, c in side.items()} for side in (plausible, back)
    )


def weak_pairs(
    weak: Sequence[int], pairs: Mapping[int, int], old: Side, new: Side, pinned: Sequence[tuple[int, int]]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The leaf pairs of `weak` (old indices the DP paired at a low similarity): those whose
    texts share no distinctive word among their siblings' (measures.share_rare_word), two
    texts in one formula to be set free for the content passes; and the others, to be held
    while the content passes look for a better partner of either side."""
    context: dict[tuple[int, int], Counter[str]] = {}
    formula: list[tuple[int, int]] = []
    held: list[tuple[int, int]] = []
    for i in sorted(weak):
        j = pairs.get(i)
        if j is None or old.children[i] or new.children[j] or (i, j) in pinned:
            continue
        up = (old.parent[i], new.parent[j])
        if up not in context:
            kids = [old.keys[k] for k in old.children[up[0]]] + [new.keys[k] for k in new.children[up[1]]]
            context[up] = word_frequencies(kids)
        (held if share_rare_word(old.keys[i], new.keys[j], context[up]) else formula).append((i, j))
    return formula, held


def contested(
    held: Sequence[tuple[int, int]],
    pairs: Mapping[int, int],
    sides: tuple[Side, Side],
    free: tuple[Callable[[int], bool], Callable[[int], bool]],
    content: ContentSimilarity | None,
    at: tuple[Mapping[int, int], Mapping[int, int]],
    reach: int,
) -> dict[int, int]:
    """The `held` weak pairs (old → new, still in `pairs`) that a free sibling of either side,
    within `reach` places, scores clearly higher with the other side than the pair itself
    (`content`, texts at `at`; CONTEST_MIN, CONTEST_MARGIN): those the window pass is to weigh
    again. The others stay paired, and keep the windows they bound."""
    out: dict[int, int] = {}
    if content is None:
        return out
    place: dict[int, int] = {}

    def score(i: int, j: int) -> float:
        return content.score(at[0][i], at[1][j]) if i in at[0] and j in at[1] else 0.0

    def near(side: Side, k: int) -> Sequence[int]:
        siblings = side.children[side.parent[k]]
        key = k if side is sides[0] else -2 - k
        if key not in place:
            place.update(((n if side is sides[0] else -2 - n), m) for m, n in enumerate(siblings))
        return siblings[max(0, place[key] - reach) : place[key] + reach + 1]

    for i, j in held:
        if pairs.get(i) != j:
            continue
        bar = max(CONTEST_MIN, CONTEST_MARGIN * score(i, j))
        olds, news = near(sides[0], i), near(sides[1], j)
        # … and that sibling's own best is the pair's side (the window's rule: best of its row).
        if any(
            x != i and free[0](x) and score(x, j) >= bar and score(x, j) >= max(score(x, y) for y in news)
            for x in olds
        ) or any(
            y != j and free[1](y) and score(i, y) >= bar and score(i, y) >= max(score(x, y) for x in olds)
            for y in news
        ):
            out[i] = j
    return out


def content_groups(
    partner_of: Mapping[int, int],
    one: Side,
    other: Side,
    free_one: Callable[[int], bool],
    free_other: Callable[[int], bool],
    candidates: Mapping[int, Sequence[tuple[float, int]]],
    back: Mapping[int, Sequence[tuple[float, int]]],
    similarity: Callable[[str, str], float],
    evidence: tuple[Callable[[int], frozenset[str]], Callable[[int], frozenset[str]]] | None = None,
) -> list[tuple[tuple[int, ...], int]]:
    """Merges the content evidence shows (called with the drafts swapped: splits). A free
    provision of `one` whose best candidate in `other` (`candidates`: score, index; strongest
    first) is paired 1:1 with its adjacent sibling (`partner_of`: index in `other` → its
    partner in `one`) joins that pair; two free adjacent siblings whose best candidate is one
    free provision are merged into it (a best candidate is one that could be grouped: free, or
    paired with a sibling beside it). Both only when that provision's own best candidates
    (`back`) are the two siblings; a pair joined only when the group reads at least as much
    like its partner (`similarity` of normalised texts) as the pair did: a free one that makes
    it read less so is something else said beside it (a new point put after a rewritten one
    shares its setting's words, not its content), and, with `evidence` (what a provision of
    `one`, of `other` is about: compare.content's evidence), only when the free one brings
    the partner something of its own (`brings_own`)
    `partner_of` is only read, during the call."""
    out: list[tuple[tuple[int, ...], int]] = []
    taken: set[int] = set()

    place: dict[int, int] = {}  # each provision's place among its siblings, made when needed

    def around(i: int) -> tuple[int, ...]:
        """`i` and its siblings either side."""
        siblings = one.children[one.parent[i]]
        if i not in place:
            place.update((k, n) for n, k in enumerate(siblings))
        return siblings[max(0, place[i] - 1) : place[i] + 2]

    def best(i: int) -> int | None:
        """The strongest candidate `i` could be grouped with: free, or paired with a sibling
        beside it (a candidate paired further away is taken, no rival for a group)."""
        for _, j in candidates.get(i, ()):
            if j not in taken and (free_other(j) or partner_of.get(j, ROOT) in around(i)):
                return j
        return None

    for i in sorted(candidates):
        if not free_one(i) or i in taken:
            continue
        j = best(i)
        if j is None:
            continue
        near = [k for k in around(i) if k != i]
        if j in partner_of:
            mates = [k for k in near if partner_of[j] == k]
        else:
            mates = [k for k in near if free_one(k) and k not in taken and best(k) == j]
        if not mates:
            continue
        group = tuple(sorted((i, mates[0])))
        # The provision's own strongest candidates (among those that prefer it) are the two.
        top = [k for _, k in back.get(j, ()) if k in group or (k not in taken and best(k) == j)][:2]
        if set(top) != set(group):
            continue
        if j in partner_of and similarity(other.keys[j], " ".join(one.keys[k] for k in group)) < similarity(
            other.keys[j], one.keys[partner_of[j]]
        ):
            continue  # joined, the pair reads less like its partner: the free one is beside it
        if j in partner_of and evidence is not None:
            of_one, of_other = evidence
            if not brings_own(of_one(i), of_one(partner_of[j]), of_other(j)):
                continue  # nothing of its own in the partner: dropped beside it, not taken in
        out.append((group, j))
        taken.update((*group, j))
    return out


def brings_own(free: frozenset[str], sibling: frozenset[str], partner: frozenset[str]) -> bool:
    """Whether a free part (its evidence: compare.content's keys) brings a partner evidence its
    paired sibling lacks (a word, number, name or concept; a topic is too broad to be its
    own), or names nothing of its own. A point naming a body, place or figure of its own that
    shares nothing else with the partner was dropped beside the pair, not taken in (a part
    reworded in synonyms names nothing to lose)."""
    own = {k for k in free - sibling if k[0] != "§"}
    return not any(k[0] in "@#" for k in own) or not own.isdisjoint(partner)


def content_words(sample: Sequence[str]) -> Callable[[str], frozenset[str]]:
    """A text's content words as `absorbed` weighs them: lemma roots without stop words, and
    numbers (compare.content's), in the language of `sample` (texts of the drafts); in English
    also without -ly and -ing ("clearly" as "clear", "markings" as "mark"); each text's made
    once."""
    lang = language_of(" ".join(sample))

    def fold(word: str) -> str:
        for suffix in _EN_FOLDS if lang == "en" else ():
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                return word[: -len(suffix)]
        return word

    @functools.cache
    def words(text: str) -> frozenset[str]:
        return frozenset(
            [*(fold(root(lemma, lang)) for lemma in content_lemmas(text, lang)), *number_keys(text)]
        )

    return words


def units(
    pairs: Mapping[int, int],
    group_of: Mapping[int, int],
    groups: Sequence[tuple[tuple[int, ...], tuple[int, ...], float]],
    side: int,
    pinned: Collection[int],
) -> Callable[[int], tuple[int, tuple[int, ...]] | None]:
    """For `absorbed`: what a provision of one side (`side`: 0 old, 1 new, its place in each
    group) is paired with — a provision of the other side and the provisions of this side
    paired with it (itself, or the parts of a merge) — or None (unpaired, pinned by the user,
    or a part of a group with several on the other side). Read from the alignment's maps as
    they stand, nothing copied."""

    def unit(k: int) -> tuple[int, tuple[int, ...]] | None:
        if k in pinned:
            return None
        j = pairs.get(k)
        if j is not None:
            return j, (k,)
        g = group_of.get(k)
        if g is None:
            return None
        olds, news, _ = groups[g]
        mine, theirs = (olds, news) if side == 0 else (news, olds)
        return (theirs[0], mine) if len(theirs) == 1 else None

    return unit


def absorbed(
    unit: Callable[[int], tuple[int, tuple[int, ...]] | None],
    one: Side,
    other: Side,
    free: Callable[[int], bool],
    words: Callable[[str], frozenset[str]],
) -> list[tuple[tuple[int, ...], int]]:
    """Merges the sibling passes saw as a rewritten pair and a deletion (called with the drafts
    swapped: splits): a free leaf of `one` beside a sibling paired with a text of `other` that
    now also holds what the free one said, in other words ("3. The Mission shall verify the
    withdrawal." deleted, "2. … withdrawn …" now "… pulled back …, and this pullback shall be
    verified by the Mission"), or, a short point, as a clause in nearly its own words
    (`clause_found`: its own words too few to count, a figure changed). `unit` (`units`): the
    provision of `other` that a provision is paired with and the provisions of `one` paired
    with it (itself, or the parts of a merge the free one joins as a third). `words`: a text's
    content words (lemma roots, numbers). Each group in document order, with the provision it
    is merged into."""
    out: list[tuple[tuple[int, ...], int]] = []
    taken: set[int] = set()
    seen: dict[int, frozenset[str]] = {}

    def of(side: Side, k: int) -> frozenset[str]:
        key = k if side is one else -2 - k
        if key not in seen:
            seen[key] = words(side.keys[k])
        return seen[key]

    place: dict[int, int] = {}  # each provision's place among its siblings, made when needed
    for i in range(len(one.keys)):
        if not free(i) or one.children[i] or not one.keys[i]:
            continue
        siblings = one.children[one.parent[i]]
        if i not in place:
            place.update((k, n) for n, k in enumerate(siblings))
        at = place[i]
        best: tuple[float, tuple[int, ...], int] | None = None
        for k in siblings[max(0, at - 1) : at + 2]:
            found_unit = None if k == i else unit(k)
            if found_unit is None:
                continue
            j, members = found_unit
            if j in taken or other.children[j] or any(one.children[m] for m in members):
                continue
            if len(members) == 1 and one.keys[k] == other.keys[j]:
                continue  # the partner did not change: it took nothing in
            kept = frozenset().union(*(of(one, m) for m in members))
            mine, grown = of(one, i), of(other, j)
            own = mine - kept  # what the free one says that its neighbours did not
            found = own & grown
            if len(found) < ABSORBED_WORDS or len(found) < ABSORBED_MIN * len(own):
                share = clause_found(one.keys[i], other.keys[j], [one.keys[m] for m in members])
                if share is None:
                    continue
            elif len(grown & (kept | mine)) < ABSORBED_COVERED * len(grown):
                continue  # the partner holds mostly other words: a rewrite, not a merge
            else:
                share = len(found) / len(own)
            if best is None or share > best[0]:
                best = (share, members, j)
        if best is not None:
            _, members, j = best
            out.append((tuple(sorted((i, *members))), j))
            taken.add(j)
    return out


def clause_found(free: str, partner: str, members: Sequence[str]) -> float | None:
    """How much of a short free point (`free`, a normalised text) its neighbour's partner holds
    as a clause in nearly its words: the share of its characters found in order in one stretch
    of the partner (fuzz.partial_ratio), when that is at least CLAUSE_MIN and BETTER_BY more
    than in the neighbours' own texts (`members`), and the neighbours joined with it read at
    least as much like the partner as without it; else None. "The Transitional Period shall be
    thirty (30) months." beside a point on the period before it, both now one clause each of
    "… at the end of a Pre-Transitional Period of eight (8) months, and the Transitional Period
    shall last thirty-six (36) months.": a merge whose only own words (the figure) changed."""
    if len(free) > CLAUSE_MAX_CHARS or len(partner) + len(free) > SIM_MAX_CHARS:
        return None  # (partial_ratio's cost grows with both lengths: short points only)
    share = fuzz.partial_ratio(free, partner) / 100.0
    if share < CLAUSE_MIN or share < BETTER_BY + max(fuzz.partial_ratio(free, m) / 100.0 for m in members):
        return None
    joined = " ".join(members)
    if fuzz.ratio(f"{joined} {free}", partner) < fuzz.ratio(joined, partner):
        return None
    return share


def places_of(b: Flat, added: Iterable[int]) -> dict[tuple[int, str], list[int]]:
    """The added provisions of `b` by (parent, number as refs.number_key reads it), made once
    for `in_its_place` (a long draft rewritten whole has thousands on each side)."""
    out: dict[tuple[int, str], list[int]] = {}
    for j in added:
        key = number_of(b.nodes[j].num)
        if key is not None:
            out.setdefault((b.parent[j], key), []).append(j)
    return out


def in_its_place(
    a: Flat,
    b: Flat,
    i: int,
    parent: int,
    places: Mapping[tuple[int, str], list[int]],
    suggested: Collection[int] | None,
) -> int | None:
    """The one added provision of `b` (`places`: `places_of`) that stands where the deleted
    `i` of `a` stood, whatever its words: the same number (in any dress: refs.same_number)
    under `parent`, the partner of `i`'s parent ("Point 4" deleted, "4." added in its place:
    rewritten beyond what the content shows); None where there are several, or it is
    `suggested` for another."""
    num = a.nodes[i].num
    key = number_of(num)
    if key is None:
        return None
    here = [j for j in places.get((parent, key), ()) if same_number(num, b.nodes[j].num)]
    return here[0] if len(here) == 1 and here[0] not in (suggested or ()) else None
