"""Taxonomy phrases matched in a text's tokens: a token trie per phrase set (`PhraseSet`), several
sets looked for in one scan (`PhraseSets`). Phrases are normalised as texts are (risk.tokens);
a trailing `*` on a word is a prefix wildcard ("withdraw*" matches "withdrawal", "withdrawn").
Moved out of risk.tokens, which had reached the module size limit.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping, Sequence
from itertools import compress
from typing import TypeVar

from draftkit.risk.tokens import Hit, Text, tokenize

_tuple_new = tuple.__new__


def phrase_tokens(phrase: str) -> list[tuple[str, bool]]:
    """A taxonomy phrase as (normalised token, is prefix wildcard) pairs."""
    out: list[tuple[str, bool]] = []
    ahead = WORDS_AHEAD
    for word in phrase.split():
        found = ahead.get(word)
        out.extend(found if found is not None else _word_tokens(word))
    return out


# `_word_tokens` of the shipped taxonomy's words, made ahead (risk.taxonomy's parsed copy):
# tokenizing them is ~8 ms of every diff's taxonomy loading, in each process.
WORDS_AHEAD: dict[str, tuple[tuple[str, bool], ...]] = {}


def take_words(table: dict[str, tuple[tuple[str, bool], ...]]) -> None:
    """Words' tokens made ahead, taken (`WORDS_AHEAD`)."""
    WORDS_AHEAD.update(table)


# A taxonomy's phrases share most of their words ("the", "shall", "of", a name in several
# phrase sets): each word is read once.
@functools.lru_cache(maxsize=8192)
def _word_tokens(word: str) -> tuple[tuple[str, bool], ...]:
    wild = word.endswith("*") and len(word) > 1
    norms = [t.norm for t in tokenize(word[:-1] if wild else word)]
    return tuple([(norm, False) for norm in norms[:-1]] + ([(norms[-1], wild)] if norms else []))


class _Node:
    __slots__ = ("exact", "labels", "steps", "wild")

    def __init__(self) -> None:
        self.exact: dict[str, _Node] = {}
        self.wild: dict[str, list[tuple[str, _Node]]] = {}  # first character → (stem, node)
        self.labels: dict[str, str] = {}  # group → label of the phrase ending here (first wins)
        self.steps: dict[str, tuple[_Node, ...]] = {}  # form → `children`, remembered as met

    def children(self, norm: str) -> tuple[_Node, ...]:
        """The children a token of this form leads to: the exact one, then each wildcard stem
        the form starts with (the order the walk takes them in)."""
        found = [self.exact[norm]] if norm in self.exact else []
        if self.wild and norm:
            found.extend(child for stem, child in self.wild.get(norm[0], ()) if norm.startswith(stem))
        return tuple(found)

    def step(self, norm: str) -> tuple[_Node, ...]:
        """`children` of one form not met here before, remembered (see `remembered`); a leaf
        leads nowhere and remembers nothing."""
        if not self.exact and not self.wild:
            return ()
        steps = self.steps
        if len(steps) >= _STEPS_KEPT:
            steps = self.steps = {}
        found = steps[norm] = self.children(norm)
        return found

    def remembered(self, norms: frozenset[str]) -> dict[str, tuple[_Node, ...]]:
        """`steps` with every form of `norms` in it (`_filled`)."""
        steps = self.steps = _filled(self.steps, norms, self.children)
        return steps


# A draft has a few thousand distinct words, each looked up in a trie node once; a node
# forgets what it met past this many forms, so a stream of new words cannot grow it forever.
_STEPS_KEPT = 1 << 15

_V = TypeVar("_V")


def _filled(memo: dict[str, _V], forms: frozenset[str], make: Callable[[str], _V]) -> dict[str, _V]:
    """`memo` with `make(form)` for every form of `forms` not in it yet. A memo that would
    pass _STEPS_KEPT is replaced by a new one, never emptied in place: another thread may be
    reading it (the caller stores what this returns)."""
    new = forms.difference(memo)
    if new:
        if len(memo) + len(new) > _STEPS_KEPT:
            memo, new = {}, forms
        for form in new:
            memo[form] = make(form)
    return memo


class PhraseSet:
    """Labelled phrases in one token trie, optionally in named groups (plus optional regular
    expressions over the joined normalised text). `find` gives leftmost-longest,
    non-overlapping hits of one group; `find_groups` does every group in one pass."""

    __slots__ = ("_patterns", "_root", "phrases")

    def __init__(
        self,
        phrases: Sequence[tuple[str, str]],
        extra_patterns: Sequence[tuple[str, str]] = (),
        *,
        groups: Sequence[tuple[str, str, str]] = (),
    ) -> None:
        entries = [("", label, phrase) for label, phrase in phrases] + list(groups)
        self.phrases = tuple(phrases)
        self._root = _Node()
        for group, label, phrase in entries:
            node = self._root
            for norm, wild in phrase_tokens(phrase):
                if wild:
                    bucket = node.wild.setdefault(norm[0], [])
                    child = next((n for stem, n in bucket if stem == norm), None)
                    if child is None:
                        child = _Node()
                        bucket.append((norm, child))
                else:
                    child = node.exact.get(norm)
                    if child is None:
                        child = node.exact[norm] = _Node()
                node = child
            if node is not self._root:
                node.labels.setdefault(group, label)
        self._patterns = tuple((label, re.compile(source)) for label, source in extra_patterns)

    def __bool__(self) -> bool:
        return bool(self._root.exact or self._root.wild or self._patterns)

    def _ends(self, norms: Sequence[str], i: int, first: tuple[_Node, ...]) -> dict[str, tuple[int, str]]:
        """group → (end, label) of the longest phrase of that group starting at token i
        (`norms`: the tokens' normalised forms; `first`: where the root leads token i)."""
        best: dict[str, tuple[int, str]] = {}
        frontier = [(child, i + 1) for child in first]
        pop, push = frontier.pop, frontier.append
        n = len(norms)
        while frontier:
            node, j = pop()
            if node.labels:
                for group, label in node.labels.items():
                    old = best.get(group)
                    if old is None or j > old[0]:
                        best[group] = (j, label)
            if j < n:
                children = node.steps.get(norms[j])
                if children is None:
                    children = node.step(norms[j])
                for child in children:
                    push((child, j + 1))
        return best

    def find_groups(self, text: Text) -> dict[str, list[Hit]]:
        """Per group, its non-overlapping hits in `text`, left to right, longest at each start."""
        found = text._found.get(self)
        if found is None:
            found = text._found[self] = self._find_groups(text)
        return {group: list(hits) for group, hits in found.items()}

    def _find_groups(self, text: Text) -> dict[str, list[Hit]]:
        norms, distinct = text._norms()
        # Most tokens start no phrase at all: only the others are walked into the trie. The
        # root remembers where each form leads, so a text's new forms are looked up once.
        lead = self._root.remembered(distinct)
        starts = list(compress(range(len(norms)), map(lead.__getitem__, norms)))
        return self._hits(text, starts, lead)

    def _hits(
        self, text: Text, starts: list[int], lead: Mapping[str, tuple[_Node, ...]]
    ) -> dict[str, list[Hit]]:
        """`_find_groups` from the tokens where a phrase may start (in text order) and where
        the root leads each of their forms."""
        norms = text._norms()[0]
        extra: dict[int, tuple[int, str]] = {}
        for label, pattern in self._patterns:
            for m in pattern.finditer(text.joined):
                if m.start() == m.end():
                    continue
                first, last = text.token_range(m.start(), m.end())
                if first not in extra or extra[first][0] < last:
                    extra[first] = (last, label)
        out: dict[str, list[Hit]] = {}
        free: dict[str, int] = {}
        if extra:
            starts = sorted(set(starts).union(extra))
        n = len(norms)
        for i in starts:
            norm = norms[i]
            nodes = lead[norm]
            if len(nodes) == 1 and i not in extra:
                # Most starts lead to one node from which no phrase goes on with the next
                # word: the hits are the node's own labels, without a walk.
                node = nodes[0]
                following = node.steps.get(norms[i + 1]) if i + 1 < n else ()
                if following is None:
                    following = node.step(norms[i + 1])
                if not following:
                    for group, label in node.labels.items():
                        if free.get(group, 0) <= i:
                            out.setdefault(group, []).append(_tuple_new(Hit, (i, i + 1, label, norm)))
                            free[group] = i + 1
                    continue
            ends = self._ends(norms, i, nodes)
            if i in extra and (("" not in ends) or extra[i][0] > ends[""][0]):
                ends[""] = extra[i]
            for group, (last, label) in ends.items():
                if free.get(group, 0) > i:
                    continue
                hit = _tuple_new(Hit, (i, last, label, " ".join(norms[i:last])))
                out.setdefault(group, []).append(hit)
                free[group] = last
        return out

    def label(self, norms: Sequence[str]) -> str | None:
        """The label of the ungrouped phrase that is exactly these normalised words, if any."""
        if not norms:
            return None
        end = self._ends(norms, 0, self._root.children(norms[0])).get("")
        return end[1] if end is not None and end[0] == len(norms) else None

    def find(self, text: Text) -> list[Hit]:
        """Non-overlapping hits of the ungrouped phrases in `text`."""
        found = text._found.get(self)
        if found is None:
            found = text._found[self] = self._find_groups(text)
        return list(found.get("", ()))


_Lead = tuple["PhraseSet", tuple[_Node, ...], _Node | None]


class PhraseSets:
    """Several phrase sets looked for in one text together (`find_all`): the hits each set's
    `find` then gives are the same as its own search's — each set keeps its own trie and
    picks its own leftmost-longest hits from the same starts — but the text's tokens are
    scanned once for all of them, not once per set (the rules read a dozen sets in every
    text, each with a few starts at most)."""

    __slots__ = ("_lead", "sets")

    def __init__(self, sets: Sequence[PhraseSet]) -> None:
        self.sets = tuple(sets)
        # form → (set, where its root leads the form, that node if it is the only one and ends
        # no phrase) for each set whose root leads the form somewhere
        self._lead: dict[str, tuple[_Lead, ...]] = {}

    def _leads(self, distinct: frozenset[str]) -> dict[str, tuple[_Lead, ...]]:
        """`_lead` with every form of `distinct` in it (`_filled`)."""
        lead = self._lead = _filled(self._lead, distinct, self._lead_of)
        return lead

    def _lead_of(self, norm: str) -> tuple[_Lead, ...]:
        return tuple(
            (phrases, nodes, nodes[0] if len(nodes) == 1 and not nodes[0].labels else None)
            for phrases in self.sets
            if (nodes := phrases._root.children(norm))
        )

    def find_all(self, text: Text) -> None:
        """Every set's hits in `text`, kept with the text for each set's `find`."""
        found = text._found
        todo = []
        for phrases in self.sets:
            if phrases in found:
                continue
            if phrases._patterns:  # regular expressions start hits of their own: searched apart
                found[phrases] = phrases._find_groups(text)
            else:
                todo.append(phrases)
        if not todo:
            return
        norms, distinct = text._norms()
        lead = self._leads(distinct)
        starts: dict[PhraseSet, list[int]] = {phrases: [] for phrases in todo}
        leads: dict[PhraseSet, dict[str, tuple[_Node, ...]]] = {phrases: {} for phrases in todo}
        n = len(norms)
        for i in compress(range(n), map(lead.__getitem__, norms)):
            norm = norms[i]
            for phrases, nodes, inner in lead[norm]:
                at = starts.get(phrases)
                if at is None:
                    continue
                if inner is not None:
                    # A word that only opens longer phrases ("shall" of "shall not apply to"),
                    # not followed by one's next word, starts nothing: not handed on.
                    if i + 1 >= n:
                        continue
                    following = inner.steps.get(norms[i + 1])
                    if following is None:
                        following = inner.step(norms[i + 1])
                    if not following:
                        continue
                at.append(i)
                leads[phrases][norm] = nodes
        for phrases in todo:
            at = starts[phrases]
            found[phrases] = phrases._hits(text, at, leads[phrases]) if at else {}
