"""The one matching mechanism of the significance rules: features of old vs new → findings.

Takes a `FeatureRule` — how to read features from one side, the key under which two
features are the same, how to pair what is left over, and what to report about a pair, a
removed feature and an added one — and both sides of an aligned pair of texts. Hands on the
rule's `Finding`s: for each pair, then each removed feature, then each added one, in text
order, each finding quoting its features (fragments, spans, place). Guarantees: features of
equal key on both sides are never reported (so cosmetic edits stay silent, as features are
normalised); of equal-keyed features one side holds more of, those the word diff keeps in
place are the matched ones (the one that changed is the one reported, wherever it stands);
each feature is in at most one pair; a report of None says nothing; the
features themselves are never changed (they are cached per text by `Side`).
"""

from __future__ import annotations

import functools
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from operator import attrgetter
from typing import Generic, Protocol, TypeVar

from draftkit.records import record
from draftkit.risk.features import Side
from draftkit.risk.findings import Finding, Located, Report
from draftkit.risk.taxonomy import Compiled, Significance, Taxonomy
from draftkit.risk.tokens import Text

T = TypeVar("T")
F = TypeVar("F", bound=Located)


@record
class Sides:
    """Both texts of a pair, each read once."""

    old: Side
    new: Side
    taxonomy: Taxonomy
    # The texts of a split or a merge (the parts joined): a feature several parts repeat ("40
    # cubic metres" in both, "shall be withdrawn" in three) is said once in the other text.
    grouped: bool = False

    @property
    def old_text(self) -> Text:
        """The old text, tokenised."""
        return self.old.text

    @property
    def new_text(self) -> Text:
        """The new text, tokenised."""
        return self.new.text

    @property
    def compiled(self) -> Compiled:
        """The taxonomy's phrase sets."""
        return self.taxonomy.compiled

    @property
    def sig(self) -> Significance:
        """The taxonomy's significance table."""
        return self.taxonomy.significance

    def kept_words(self) -> dict[int, int]:
        """Old token → new token, for the words the word diff of the two texts keeps in place."""
        return _word_map(self.old, self.new)

    def aligned(self, old: Located, new: Located) -> bool:
        """Whether the word diff of the two texts holds `old`'s first word where `new`'s
        stands (the same word, left in place while others around it changed)."""
        start = _token_at(self.old_text, old.position)
        return start >= 0 and _word_map(self.old, self.new).get(start) == _token_at(
            self.new_text, new.position
        )

    def in_place(self, old: Located, new: Located) -> bool:
        """Whether `new` stands where `old` stood: `replaced` of their first words."""
        return self.replaced(_token_at(self.old_text, old.position), _token_at(self.new_text, new.position))

    def replaced(self, old: int, new: int) -> bool:
        """Whether new token `new` stands where old token `old` stood: the word diff keeps the
        one as the other, or both lie in one stretch it changed, between the same two kept
        words ("shall not be denied access" / "shall be granted access": "denied" and
        "granted" between "be" and "access"). A word said elsewhere in the text is not in
        the old word's place ("guarantee safe passage" / "ensure safe passage with the
        support of the UN": the support is not what became of the guarantee)."""
        kept = _word_map(self.old, self.new)
        if old in kept:
            return kept[old] == new
        # The nearest kept words either side: a scan over the changed stretch alone.
        before = next((kept[k] for k in range(old - 1, -1, -1) if k in kept), -1)
        after = next(
            (kept[k] for k in range(old + 1, len(self.old_text.tokens)) if k in kept),
            len(self.new_text.tokens),
        )
        return before < new < after


_START = attrgetter("start")


def _token_at(text: Text, offset: int) -> int:
    """The token of `text` that holds character `offset` (-1 before the first)."""
    return bisect_right(text.tokens, offset, key=_START) - 1


@functools.lru_cache(maxsize=16)
def _word_map(old: Side, new: Side) -> dict[int, int]:
    """Old token → new token, for the tokens the word-level diff of two texts keeps equal
    (read only where equal features stand on one side more often than on the other, or where
    a rule asks whether a word stands in another's place)."""
    from rapidfuzz.distance import Indel  # the alignment has imported it by the time flags run

    a = [t.norm for t in old.text.tokens]
    b = [t.norm for t in new.text.tokens]
    out: dict[int, int] = {}
    for op in Indel.opcodes(a, b):
        if op.tag == "equal":
            out.update(zip(range(op.src_start, op.src_end), range(op.dest_start, op.dest_end), strict=True))
    return out


def split_matched(
    old: Sequence[T],
    new: Sequence[T],
    key: Callable[[T], Hashable],
    distinct: bool = False,
    aligned: Callable[[T, T], bool] | None = None,
) -> tuple[list[T], list[T]]:
    """Items of `old` with no equal-keyed partner in `new`, and vice versa, in text order.

    Of several equal keys, the first ones are taken as matched, or, given `aligned` (whether
    the word diff holds an old item where a new one stands), first the aligned ones: in
    "must withdraw … shall withdraw" → "must withdraw … may withdraw" the "shall" is the one
    unmatched, not the second of two equal features. `distinct`: keys are counted once on
    each side (an item whose key the other side holds at all is matched; of several
    unmatched items of one key, the first stands for them)."""
    if (not old or not new) and not distinct:  # most rules find nothing on one side (or on both)
        return list(old), list(new)
    keys_old = list(map(key, old))
    keys_new = list(map(key, new))
    if keys_old == keys_new:  # the same features in the same order: every one matched
        return [], []
    if distinct:
        return _first_of_each(old, keys_old, set(keys_new)), _first_of_each(new, keys_new, set(keys_old))
    counts_new = Counter(keys_new)
    counts_old = Counter(keys_old)
    # A key with more items on one side than on the other, both holding it: which of them
    # are unmatched is a question of where they stand.
    uneven = [k for k, n in counts_old.items() if 0 < counts_new[k] != n]
    if uneven and aligned is not None:
        return _split_aligned(old, new, keys_old, keys_new, set(uneven), aligned)
    removed: list[T] = []
    seen: Counter[Hashable] = Counter()
    for item, k in zip(old, keys_old, strict=True):
        seen[k] += 1
        if seen[k] > counts_new[k]:
            removed.append(item)
    added: list[T] = []
    seen = Counter()
    for item, k in zip(new, keys_new, strict=True):
        seen[k] += 1
        if seen[k] > counts_old[k]:
            added.append(item)
    return removed, added


def _split_aligned(
    old: Sequence[T],
    new: Sequence[T],
    keys_old: list[Hashable],
    keys_new: list[Hashable],
    uneven: set[Hashable],
    aligned: Callable[[T, T], bool],
) -> tuple[list[T], list[T]]:
    """`split_matched` where the keys `uneven` have more items on one side: of those, an old
    and a new item the word diff aligns are matched first, then the rest in text order."""
    at_old: dict[Hashable, list[int]] = {}
    at_new: dict[Hashable, list[int]] = {}
    for x, k in enumerate(keys_old):
        at_old.setdefault(k, []).append(x)
    for y, k in enumerate(keys_new):
        at_new.setdefault(k, []).append(y)
    matched_old: set[int] = set()
    matched_new: set[int] = set()
    for k, xs in at_old.items():
        ys = at_new.get(k, [])
        if k not in uneven:
            n = min(len(xs), len(ys))  # as many on both sides, or on one only: the first ones
            matched_old.update(xs[:n])
            matched_new.update(ys[:n])
            continue
        free = list(ys)
        rest: list[int] = []
        for x in xs:
            partner = next((y for y in free if aligned(old[x], new[y])), None)
            if partner is None:
                rest.append(x)
            else:
                free.remove(partner)
                matched_old.add(x)
                matched_new.add(partner)
        for x, y in zip(rest, free, strict=False):  # neither aligned: in text order
            matched_old.add(x)
            matched_new.add(y)
    return (
        [item for x, item in enumerate(old) if x not in matched_old],
        [item for y, item in enumerate(new) if y not in matched_new],
    )


def _first_of_each(items: Sequence[T], keys: Sequence[Hashable], matched: set[Hashable]) -> list[T]:
    """The first item of each key the other side does not hold (`matched`), in text order."""
    seen = set(matched)
    out: list[T] = []
    for item, k in zip(items, keys, strict=True):
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out


# ---------------------------------------------------------------------------------------------
# Pairing: what is left over on each side, paired for a "changed" report

Paired = tuple[list[tuple[T, T]], list[T], list[T]]  # pairs, removed left, added left
Pairing = Callable[[list[T], list[T]], Paired[T]]


def anything(old: object, new: object) -> bool:
    """Any two features pair (in text order, when it is the only test)."""
    return True


def by(*tests: Callable[[T, T], bool]) -> Pairing[T]:
    """Pair in passes, one per test: each removed feature, in text order, with the first added
    one that passes the test. `by()` pairs nothing; `by(anything)` pairs in text order."""

    def pair(removed: list[T], added: list[T]) -> Paired[T]:
        # The paired are struck out by index, not list.remove (a scan with a record's __eq__
        # per pair: quadratic on a long text's hundreds of features).
        removed, added = list(removed), list(added)
        pairs: list[tuple[T, T]] = []
        for test in tests:
            taken: set[int] = set()
            kept_old: list[T] = []
            for old in removed:
                y = next((y for y, new in enumerate(added) if y not in taken and test(old, new)), None)
                if y is None:
                    kept_old.append(old)
                else:
                    pairs.append((old, added[y]))
                    taken.add(y)
            removed = kept_old
            added = [new for y, new in enumerate(added) if y not in taken]
        return pairs, removed, added

    return pair


def in_order(removed: list[T], added: list[T]) -> Paired[T]:
    """Pair what is left over in text order: the first removed with the first added, …"""
    n = min(len(removed), len(added))
    return list(zip(removed[:n], added[:n], strict=True)), removed[n:], added[n:]


def unpaired(removed: list[T], added: list[T]) -> Paired[T]:
    """Pair nothing: every feature left over is reported as removed or added."""
    return [], list(removed), list(added)


def surplus(removed: list[T], added: list[T]) -> Paired[T]:
    """Only the surplus of the longer side is left unpaired: its first ones, in text order.

    For features that can move about a text without meaning anything by it (a 'not' before
    another word): as many on both sides is no change of count."""
    extra = len(added) - len(removed)
    if extra >= 0:
        return list(zip(removed, added[extra:], strict=True)), [], added[:extra]
    return list(zip(removed[-extra:], added, strict=True)), removed[:-extra], []


# ---------------------------------------------------------------------------------------------
# A rule as a declaration


def silent(s: Sides, *features: object) -> Report | None:
    """Nothing to report."""
    return None


class ContentRule(Protocol):
    """A rule run on both sides of a pair of texts."""

    @property
    def name(self) -> str: ...

    def __call__(self, sides: Sides) -> list[Finding]: ...


@record
class FeatureRule(Generic[F]):
    """A significance rule: features of each side, keyed, paired, reported."""

    name: str  # the rule of its findings (a report may name another)
    features: Callable[[Side], Sequence[F]]
    key: Callable[[F], Hashable]  # equal keys on both sides: unchanged, never reported
    pair: Pairing[F]
    changed: Callable[[Sides, F, F], Report | None]
    removed: Callable[[Sides, F], Report | None]
    added: Callable[[Sides, F], Report | None]

    def __call__(self, sides: Sides) -> list[Finding]:
        """Findings of this rule between the two sides."""
        removed, added = split_matched(
            sides.old.features(self.features),
            sides.new.features(self.features),
            self.key,
            sides.grouped,
            sides.aligned,
        )
        if not removed and not added:  # every feature matched (or none on either side)
            return []
        pairs, removed, added = self.pair(removed, added)
        out: list[Finding] = []
        for old, new in pairs:
            report = self.changed(sides, old, new)
            if report is not None:
                out.append(self._finding(report, old, new, new.position))
        for old in removed:
            report = self.removed(sides, old)
            if report is not None:
                out.append(self._finding(report, old, report.counterpart, old.position))
        for new in added:
            report = self.added(sides, new)
            if report is not None:
                out.append(self._finding(report, report.counterpart, new, new.position))
        return out

    def _finding(self, report: Report, old: Located | None, new: Located | None, position: int) -> Finding:
        return Finding(
            report.rule or self.name,
            report.headline,
            report.significance,
            old.fragment if old is not None else "",
            new.fragment if new is not None else "",
            old.spans if old is not None else (),
            new.spans if new is not None else (),
            position if report.position is None else report.position,
            report.heavy,
        )
