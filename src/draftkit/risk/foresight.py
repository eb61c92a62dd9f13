"""The flags' work made ahead, in a forked child, while this process compares the drafts
(issue 18).

The flags classify the provisions a comparison changed (risk.classify's `text_scores` of their
texts and headings, their ancestors' and, for a whole provision added or deleted, their
descendants') and read each modified pair with every content rule (risk.rules'
`content_findings`): on a long pair that is most of the flags' time, and it waited for the
comparison to end. Which provisions will change is plain before the comparison ends: those
whose text the other draft does not hold; and which of them will pair is nearly as plain: the
k-th such text of the old draft after a text both drafts hold, with the k-th of the new draft
after the same. `made_ahead` makes the scores of the first and the findings of the second; a
child makes them while this process compares, and `Foresight.take` gives what has come by then,
for `risk.flag(known=…, found=…)`. Scores and findings are functions of the texts and the
taxonomy only, so the flags are the same whether the child got far or not at all: what it did
not make (a move, a pair it did not foresee, what it had not reached) the flags make as before.

Two children can do it: the one that read the old draft (readers.pair's `Later`), which goes
on with it once this process has sent it the new draft's `shape`, from well before the
comparison begins; or, where there is none (drafts read one after the other, a taxonomy file of
the user's own), one forked for it once both drafts are read (`ahead`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import astuple, dataclass, field
from typing import Any

from draftkit.compare.textdiff import LONG_TEXT
from draftkit.forked import Ahead, Coming, can_fork
from draftkit.model import Draft, Provision
from draftkit.risk.classify import TextCache, text_scores
from draftkit.risk.findings import Finding
from draftkit.risk.taxonomy import Taxonomy

AT_LEAST = 1_000  # provisions in the new draft before work is made ahead (a fork costs ~10 ms)
_PIECE = 64  # texts per piece the child sends
_PAIRS = 16  # pairs per piece

# A draft as the work ahead reads it, in plain values (`marshal`-able: it is sent to a child):
# title, preamble, and its provisions in document order: texts, headings, each one's parent
# (its index; -1 at the top).
Shape = tuple[str | None, tuple[str, ...], Sequence[str], Sequence[str | None], Sequence[int]]
FoundCache = dict[tuple[str, str], tuple[Finding, ...]]  # (old text, new text) → content findings


def shape(
    draft: Draft, nodes: Sequence[Provision] | None = None, parents: Sequence[int] | None = None
) -> Shape:
    """The draft's `Shape`; `nodes` and `parents`: its provisions in document order and their
    parents' indices when they are at hand (compare.Flat's `nodes` and `parent`)."""
    if nodes is None or parents is None:
        found: list[Provision] = []
        above: list[int] = []
        stack = [(p, -1) for p in reversed(draft.provisions)]
        while stack:
            provision, up = stack.pop()
            index = len(found)
            found.append(provision)
            above.append(up)
            if provision.children:
                stack.extend((child, index) for child in reversed(provision.children))
        nodes, parents = found, above
    return (
        draft.title,
        tuple(draft.preamble),
        [p.text for p in nodes],
        [p.heading for p in nodes],
        list(parents),
    )


def likely_texts(old: Shape | Draft, new: Shape | Draft) -> list[str]:
    """The texts and headings the flags of `old` → `new` are likely to score, each once, in
    document order (old draft first): the title and recitals the other draft does not hold, and
    the texts of every provision whose text the other draft does not hold, with its ancestors'
    and its descendants'. A provision moved with its text unchanged is not foreseen."""
    old_shape = old if isinstance(old, tuple) else shape(old)
    new_shape = new if isinstance(new, tuple) else shape(new)
    seen: dict[str, None] = {}
    for mine, other in ((old_shape, new_shape), (new_shape, old_shape)):
        title, preamble, texts, headings, parents = mine
        # The title and the recitals are compared and flagged as units too (compare.engine).
        front = {other[0], *other[1]}
        for text in (title, *preamble):
            if text and text not in front:
                seen[text] = None
        held = set(other[2])
        # Where each provision's subtree ends (document order: it is a run from the provision).
        end = list(range(1, len(texts) + 1))
        for index in range(len(texts) - 1, -1, -1):
            up = parents[index]
            if up >= 0 and end[index] > end[up]:
                end[up] = end[index]
        for index, text in enumerate(texts):
            if text in held:
                continue
            chain = []
            up = parents[index]
            while up >= 0:
                chain.append(up)
                up = parents[up]
            for k in (*reversed(chain), *range(index, end[index])):
                seen[texts[k]] = None
                heading = headings[k]
                if heading:
                    seen[heading] = None
    return list(seen)


def likely_pairs(old: Shape, new: Shape) -> list[tuple[str, str]]:
    """The (old text, new text) of provisions likely to pair as modified: after each text both
    drafts hold, the texts only the old draft holds with those only the new one holds, in
    order, from the first place the new draft holds that text after the previous one. Each once;
    a pair too long for the flags to read whole is left out."""
    a, b = old[2], new[2]
    held_a, held_b = set(a), set(b)
    where: dict[str, list[int]] = {}
    for j, text in enumerate(b):
        if text in held_a:
            where.setdefault(text, []).append(j)
    pairs: dict[tuple[str, str], None] = {}
    at = -1  # the new draft's place of the last text both hold

    def gap(texts: list[str]) -> None:
        j = at + 1
        for text in texts:
            if j >= len(b) or b[j] in held_a:
                return
            if len(text) + len(b[j]) <= LONG_TEXT:  # longer: the flags read it cut (annotate)
                pairs[(text, b[j])] = None
            j += 1

    waiting: list[str] = []
    for text in a:
        if text not in held_b:
            waiting.append(text)
            continue
        if waiting:
            gap(waiting)
            waiting = []
        places = where[text]
        k = bisect_right(places, at)
        at = places[k] if k < len(places) else places[-1]
    if waiting:
        gap(waiting)
    return list(pairs)


def made_ahead(old: Shape, new: Shape, taxonomy: Taxonomy) -> Iterator[Any]:
    """The work ahead of the flags of `old` → `new`, in pieces of plain values: the likely
    texts' scores ("scores", {text: scores}), then the likely pairs' content findings and
    whether the two texts differ only in cosmetics ("found", [(old text, new text, findings,
    cosmetic)…]: the default lens's findings, risk.renderings.default_findings;
    `content_findings` compares the texts' content keys first, so the second
    costs nothing here; in the flags it is two tokenizations a pair)."""
    from draftkit.risk.features import Reader
    from draftkit.risk.renderings import default_findings
    from draftkit.risk.tokens import content_key

    texts = likely_texts(old, new)
    for start in range(0, len(texts), _PIECE):
        yield ("scores", {text: text_scores(text, taxonomy) for text in texts[start : start + _PIECE]})
    reader = Reader(taxonomy)
    # From the last: the flags, given them as they come (`Foresight.take(keep=True)`), read
    # the changes from the first, and the two meet where they meet.
    pairs = likely_pairs(old, new)[::-1]
    for start in range(0, len(pairs), _PAIRS):
        yield (
            "found",
            [
                (a, b, _encode(default_findings(a, b, reader)), content_key(a) == content_key(b))
                for a, b in pairs[start : start + _PAIRS]
            ],
        )


def _encode(findings: list[Finding]) -> tuple[Any, ...]:
    """Findings as plain values, every field in order (`Known.take` makes them again)."""
    return tuple(astuple(f) for f in findings)


@dataclass(slots=True)
class Known:
    """What was made ahead: texts' scores (`flag(known=)`), pairs' findings (`flag(found=)`)
    and which of those pairs differ only in cosmetics (`flag(cosmetic=)`)."""

    scores: TextCache = field(default_factory=dict)
    found: FoundCache = field(default_factory=dict)
    cosmetic: set[tuple[str, str]] = field(default_factory=set)

    def take(self, pieces: Sequence[Any]) -> Known:
        """These with the pieces `made_ahead` made (a piece not of its making ends the taking)."""
        try:
            for kind, value in pieces:
                if kind == "scores":
                    self.scores.update(value)
                elif kind == "found":
                    for a, b, findings, cosmetic in value:
                        if cosmetic:
                            self.cosmetic.add((a, b))
                        self.found[(a, b)] = tuple(Finding(*f) for f in findings)
                else:
                    break
        except (TypeError, ValueError):
            pass  # what came before it is kept: each was whole
        return self

    @property
    def coming(self) -> bool:
        """Whether a child still makes pairs' findings, found as the flags ask (`Foresight.take`)."""
        return isinstance(self.found, _Coming) and self.found.coming


class Foresight:
    """Work being made ahead in a child, or none (`take` then gives nothing). `keep`: the
    child's pieces as they come, the child left working (forked.Coming), where it can be."""

    def __init__(
        self,
        take: Callable[[], list[Any]] | None,
        keep: Callable[[], Coming] | None = None,
        end: Callable[[], None] | None = None,
    ) -> None:
        self._take = take
        self._keep = keep
        self._end = end  # of a child kept working, when this owns it

    def take(self, *, keep: bool = False) -> Known:
        """What the child has made by now; the child is then ended, or with `keep` (where it
        can be) left working: the pairs' findings it makes later are found when the flags ask
        for them (`Known.coming`), until its owner ends it."""
        known = Known()
        if keep and self._keep is not None:
            coming = self._keep()
            known.take(coming.new())
            if not coming.done:
                known.found = _Coming(known, coming)
        elif self._take is not None:
            known.take(self._take())
        self._take = self._keep = None
        return known

    def end(self) -> None:
        """The child ended, if it was kept working and is this one's to end."""
        end, self._end = self._end, None
        if end is not None:
            end()


class _Coming(dict[tuple[str, str], tuple[Finding, ...]]):
    """`Known.found` while a child still makes pairs' findings: a pair not there is looked
    for again in what the child has sent since (never waiting for it)."""

    def __init__(self, known: Known, coming: Coming) -> None:
        super().__init__(known.found)
        self._known = known
        self._coming: Coming | None = coming

    def get(self, key: tuple[str, str], default: Any = None) -> Any:
        value = super().get(key)
        if value is None and self._coming is not None:
            self._known.take(self._coming.new())  # into this mapping (known.found is it)
            if self._coming.done:
                self._coming = None
            value = super().get(key)
        return default if value is None else value

    @property
    def coming(self) -> bool:
        return self._coming is not None


def ahead(old: Draft, new: Draft, taxonomy: Taxonomy) -> Foresight:
    """Begin the work ahead of the flags of `old` → `new` in a forked child, where it pays (a
    long draft) and is safe (`can_fork`)."""
    if not can_fork() or not long_enough(new):
        return Foresight(None)
    child = Ahead(lambda: made_ahead(shape(old), shape(new), taxonomy))
    return Foresight(child.take, child.keep, child.end)


def long_enough(new: Draft) -> bool:
    """Whether the work ahead pays for a fork: a new draft of `AT_LEAST` provisions or more."""
    return sum(1 for _ in new.walk()) >= AT_LEAST
