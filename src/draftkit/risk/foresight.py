"""Texts' scores made ahead, in a forked child, while this process compares the drafts
(issue 18).

The flags classify the provisions a comparison changed (risk.classify's `text_scores` of their
texts and headings, their ancestors' and, for a whole provision added or deleted, their
descendants'): on a long pair that is nearly half of the flags' time, and it waited for the
comparison to end. Which provisions will change is plain before the comparison ends: those
whose text the other draft does not hold. `ahead` forks a child that scores those texts (and
their ancestors' and descendants') while this process compares; `Foresight.take` gives what
the child has made by then, for `risk.flag(known=…)`. The scores are a function of the text and
the taxonomy only, so the flags are the same whether the child got far or not at all: a text it
did not score (a move, or one it had not reached) is scored by the flags as before.
"""

from __future__ import annotations

from collections.abc import Iterator

from draftkit.forked import Ahead, can_fork
from draftkit.model import Draft, Provision
from draftkit.risk.classify import TextCache, text_scores
from draftkit.risk.taxonomy import Taxonomy

AT_LEAST = 1_000  # provisions in the new draft before scores are made ahead (a fork costs ~10 ms)
_PIECE = 64  # texts per piece the child sends


def likely_texts(old: Draft, new: Draft) -> list[str]:
    """The texts and headings the flags of `old` → `new` are likely to score, each once, in
    document order (old draft first): the title and recitals the other draft does not hold, and
    the texts of every provision whose text the other draft does not hold, with its ancestors'
    and its descendants'. A provision moved with its text unchanged is not foreseen."""
    seen: dict[str, None] = {}
    for mine, other in ((old, new), (new, old)):
        held = {p.text for p in other.walk()}
        # The title and the recitals are compared and flagged as units too (compare.engine).
        front = {other.title, *other.preamble}
        for text in (mine.title, *mine.preamble):
            if text and text not in front:
                seen[text] = None
        for provision in mine.provisions:
            _visit(provision, held, [], seen)
    return list(seen)


def _visit(provision: Provision, held: set[str], chain: list[Provision], seen: dict[str, None]) -> None:
    """Note the texts of `provision` (with its ancestors, `chain`, and descendants) if the
    other draft does not hold its text; then the same for its children."""
    if provision.text not in held:
        for p in chain:
            _note(p, seen)
        for p in provision.walk():
            _note(p, seen)
    if provision.children:
        chain.append(provision)
        for child in provision.children:
            _visit(child, held, chain, seen)
        chain.pop()


def _note(provision: Provision, seen: dict[str, None]) -> None:
    seen[provision.text] = None
    if provision.heading:
        seen[provision.heading] = None


class Foresight:
    """Scores being made ahead in a child (`ahead`), or none (`take` is then empty)."""

    def __init__(self, work: Ahead | None) -> None:
        self._work = work

    def take(self) -> TextCache:
        """The texts' scores the child has made by now (the child is then ended)."""
        known: TextCache = {}
        if self._work is not None:
            for piece in self._work.take():
                known.update(piece)
            self._work = None
        return known


def ahead(old: Draft, new: Draft, taxonomy: Taxonomy) -> Foresight:
    """Begin scoring the likely texts of `old` → `new` in a forked child, where it pays (a long
    draft) and is safe (`can_fork`)."""
    if not can_fork() or sum(1 for _ in new.walk()) < AT_LEAST:
        return Foresight(None)
    return Foresight(Ahead(lambda: _scored(old, new, taxonomy)))


def _scored(old: Draft, new: Draft, taxonomy: Taxonomy) -> Iterator[TextCache]:
    """In the child: the likely texts' scores, in pieces of `_PIECE` texts."""
    texts = likely_texts(old, new)
    for start in range(0, len(texts), _PIECE):
        yield {text: text_scores(text, taxonomy) for text in texts[start : start + _PIECE]}
