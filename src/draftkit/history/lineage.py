"""Chained alignment over N rounds: every provision of every round in exactly one lineage.

Input: the rounds in order and the flagged comparison of each consecutive pair (step k
compares round k with round k + 1). Output: lineages, each holding the provision's eId in
every round (None where it is absent) and its events. Guarantees: each provision and front
unit of each round is in exactly one lineage; a lineage of an unchanged provision has an
eId in every round and no event; the events of a two-round history are the changes of
`compare` (one lineage per change, extra lineages only for the further parts of a split).

A split continues the lineage into its first part; the other parts start lineages of their
own ("split" too, naming where they came from). A merge continues the lineage of its first
source; the other sources end there ("merged", naming the result). A provision added in a
later round whose text is the same as (or close to) one deleted earlier resumes that
lineage: "restored".
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal, assert_never

from draftkit.compare.changes import Change, Comparison
from draftkit.compare.engine import framed
from draftkit.model import Draft, Provision
from draftkit.records import record

EventKind = Literal["added", "modified", "moved", "renumbered", "split", "merged", "deleted", "restored"]
EVENT_KINDS: tuple[EventKind, ...] = (
    "added",
    "modified",
    "moved",
    "renumbered",
    "split",
    "merged",
    "deleted",
    "restored",
)
# A deleted provision counts as restored when an added one reads like it: this share of
# their words in common (Jaccard over word sets), or the same text exactly.
RESTORE_SIMILARITY = 0.8
# Comparing every added provision with every deleted one is quadratic; past this many
# pairs in one step only exact (white-space-insensitive) matches are looked for.
RESTORE_MAX_PAIRS = 200_000


def event_label(kind: EventKind) -> str:
    """How an event is named to a reader ("Restored")."""
    match kind:
        case "added":
            return "Added"
        case "modified":
            return "Modified"
        case "moved":
            return "Moved"
        case "renumbered":
            return "Renumbered"
        case "split":
            return "Split"
        case "merged":
            return "Merged"
        case "deleted":
            return "Deleted"
        case "restored":
            return "Restored"
        case _:
            assert_never(kind)


@record
class Round:
    """One round of the negotiation: its draft, with a label and, if known, date and author."""

    label: str
    draft: Draft
    date: str | None = None
    author: str | None = None

    @property
    def source(self) -> str | None:
        """The file the round was read from."""
        return self.draft.source.path if self.draft.source else None


@record
class Event:
    """Something that happened to a lineage in `round` (≥ 1): the step from round − 1,
    `change` indexing that step's `Comparison.changes`; `related` are the eIds of the other
    parts of a split or merge (or, for a restoration, the eId it had when deleted)."""

    round: int
    kind: EventKind
    change: int
    related: tuple[str, ...] = ()


@record
class Lineage:
    """One provision followed through the rounds: its eId (None when absent), citation and
    text in each round, and its events in round order."""

    eids: tuple[str | None, ...]
    cites: tuple[str | None, ...]
    texts: tuple[str | None, ...]
    events: tuple[Event, ...]

    @property
    def first(self) -> int:
        """The first round the provision is in."""
        return next(i for i, eid in enumerate(self.eids) if eid is not None)

    @property
    def cite(self) -> str:
        """Its latest citation ("Article 5(2)")."""
        return next(c for c in reversed(self.cites) if c is not None)

    @property
    def last(self) -> int:
        """The last round the provision is in."""
        return next(i for i in reversed(range(len(self.eids))) if self.eids[i] is not None)

    @property
    def shown_cite(self) -> str:
        """Its latest citation, with the round it was last in when it is not in the last round
        ("10 (in R3)"): the number may since name another provision, which has its own row."""
        last = self.last
        return self.cite if last == len(self.eids) - 1 else f"{self.cite} (in R{last + 1})"

    def cite_in(self, round_index: int) -> str:
        """Its citation in one round, or, where it is not in that round (deleted there), in
        the latest round before it that holds it: where a reader of that round finds it."""
        for r in range(round_index, -1, -1):
            cite = self.cites[r]
            if cite is not None:
                return cite
        return self.cite

    def rounds_changed(self) -> list[tuple[int, str]]:
        """The rounds whose step changed its content, each with what happened ("added",
        "modified, split"): every event but a renumbering or a move, in round order."""
        kinds: dict[int, list[str]] = {}
        for e in self.events:
            if e.kind not in ("renumbered", "moved") and e.kind not in kinds.setdefault(e.round, []):
                kinds[e.round].append(e.kind)
        return [(r, ", ".join(k)) for r, k in sorted(kinds.items()) if k]

    def events_in(self, round_index: int) -> tuple[Event, ...]:
        """The events that landed in one round."""
        return tuple(e for e in self.events if e.round == round_index)

    @property
    def change_count(self) -> int:
        """How many rounds changed its wording (modified, split, merged, restored)."""
        return len({e.round for e in self.events if e.kind in ("modified", "split", "merged", "restored")})


@dataclass(slots=True)
class _Builder:
    key: tuple[int, ...]
    eids: list[str | None]
    cites: list[str | None]
    texts: list[str | None]
    events: list[Event] = field(default_factory=list)
    gone: bool = False  # deleted, and not restored since
    wording: str = ""  # heading and text in the latest round it is in

    def place(self, round_index: int, provision: Provision, cite: str) -> None:
        self.eids[round_index] = provision.eid
        self.cites[round_index] = cite or provision.num or provision.eid
        self.texts[round_index] = provision.text
        self.wording = _wording(provision)

    def last_eid(self) -> str:
        return next(e for e in reversed(self.eids) if e is not None)

    def freeze(self) -> Lineage:
        return Lineage(tuple(self.eids), tuple(self.cites), tuple(self.texts), tuple(self.events))


def units(draft: Draft) -> Iterator[Provision]:
    """The units a comparison covers, in document order: title, recitals, provisions."""
    return framed(draft).walk()


def chain(drafts: Sequence[Draft], steps: Sequence[Comparison]) -> tuple[Lineage, ...]:
    """The lineages of N drafts given the N − 1 comparisons of consecutive drafts, in
    document order (a provision added later stands after the one it followed)."""
    if len(steps) != len(drafts) - 1:
        raise ValueError(f"{len(drafts)} drafts need {len(drafts) - 1} comparisons, not {len(steps)}")
    return _Chain(drafts, steps).run()


def _squash(text: str) -> str:
    return " ".join(text.split())


def _wording(provision: Provision) -> str:
    return _squash(f"{provision.heading or ''} {provision.text}")


# Fewer words than this are too little to say a deleted provision came back (an empty
# lead-in, "Definitions"): such an addition is always a new lineage.
RESTORE_MIN_WORDS = 4


def _words(text: str) -> frozenset[str]:
    return frozenset(text.lower().split())


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 1.0


def _part_cite(cites: str, index: int, provision: Provision) -> str:
    parts = cites.split(" + ")
    return parts[index] if index < len(parts) else (provision.num or provision.eid)


class _Chain:
    """The lineages under construction, carried from round to round."""

    def __init__(self, drafts: Sequence[Draft], steps: Sequence[Comparison]) -> None:
        self.drafts = drafts
        self.steps = steps
        self.n = len(drafts)
        self.builders: list[_Builder] = []

    def new(self, key: tuple[int, ...], round_index: int, provision: Provision, cite: str) -> _Builder:
        b = _Builder(key, [None] * self.n, [None] * self.n, [None] * self.n)
        b.place(round_index, provision, cite)
        self.builders.append(b)
        return b

    def run(self) -> tuple[Lineage, ...]:
        current = {p.eid: self.new((i,), 0, p, "") for i, p in enumerate(units(self.drafts[0]))}
        for k, comparison in enumerate(self.steps, start=1):
            current = self.step(k, comparison, current)
        self.builders.sort(key=lambda b: b.key)
        return tuple(b.freeze() for b in self.builders)

    def step(self, k: int, comparison: Comparison, current: dict[str, _Builder]) -> dict[str, _Builder]:
        """Carry the lineages of round k − 1 into round k through one comparison."""
        if k == 1:
            # Round 1 is cited as the first comparison cites it ("Article 5(2)").
            for change in comparison.changes:
                for j, provision in enumerate(change.old):
                    current[provision.eid].cites[0] = _part_cite(change.old_cite, j, provision)
        nxt: dict[str, _Builder] = {}
        added: list[tuple[int, Change]] = []
        # Lineages deleted before this step: an added provision may restore one of them (one
        # deleted in this very step is the alignment's call, kept as `compare` made it).
        pool = [b for b in self.builders if b.gone]
        for index, change in enumerate(comparison.changes):
            match change.kind:
                case "unchanged" | "modified":
                    b = current[change.old[0].eid]
                    b.place(k, change.new[0], change.new_cite)
                    if change.kind == "modified":
                        b.events.append(Event(k, "modified", index))
                    _position_events(b, k, index, change)
                    nxt[change.new[0].eid] = b
                case "added":
                    added.append((index, change))
                case "deleted":
                    b = current[change.old[0].eid]
                    b.events.append(Event(k, "deleted", index))
                    b.gone = True
                case "split":
                    b = current[change.old[0].eid]
                    parts = tuple(p.eid for p in change.new)
                    b.place(k, change.new[0], _part_cite(change.new_cite, 0, change.new[0]))
                    b.events.append(Event(k, "split", index, parts[1:]))
                    _position_events(b, k, index, change)
                    nxt[parts[0]] = b
                    for j, part in enumerate(change.new[1:], start=1):
                        nb = self.new((*b.key, k, j), k, part, _part_cite(change.new_cite, j, part))
                        nb.events.append(Event(k, "split", index, (change.old[0].eid,)))
                        nxt[part.eid] = nb
                case "merged":
                    result = change.new[0]
                    first = current[change.old[0].eid]
                    first.place(k, result, change.new_cite)
                    first.events.append(Event(k, "merged", index, tuple(p.eid for p in change.old[1:])))
                    _position_events(first, k, index, change)
                    nxt[result.eid] = first
                    for source in change.old[1:]:
                        current[source.eid].events.append(Event(k, "merged", index, (result.eid,)))
                case _:
                    assert_never(change.kind)
        if added:
            self.add(k, comparison, added, pool, nxt)
        return nxt

    def add(
        self,
        k: int,
        comparison: Comparison,
        added: list[tuple[int, Change]],
        pool: list[_Builder],
        nxt: dict[str, _Builder],
    ) -> None:
        """Added provisions: a restored lineage, else a new one after its predecessor's."""
        order = [p.eid for p in units(comparison.new)]
        position = {eid: i for i, eid in enumerate(order)}
        restore = _Restorer(pool, len(added))
        for index, change in added:
            provision = change.new[0]
            b = restore.find(provision)
            if b is not None:
                was = b.last_eid()
                b.gone = False
                b.place(k, provision, change.new_cite)
                b.events.append(Event(k, "restored", index, (was,)))
            else:
                at = position[provision.eid]
                before = nxt.get(order[at - 1]) if at > 0 else None
                key = (*(before.key if before is not None else (-1,)), k, at)
                b = self.new(key, k, provision, change.new_cite)
                b.events.append(Event(k, "added", index))
            nxt[provision.eid] = b


class _Restorer:
    """Finds the deleted lineage an added provision restores: the same text first, else the
    closest by shared words (≥ RESTORE_SIMILARITY), each lineage restored once."""

    def __init__(self, pool: list[_Builder], added: int) -> None:
        self.exact: dict[str, list[_Builder]] = {}
        for b in pool:
            if len(b.wording.split()) >= RESTORE_MIN_WORDS:
                self.exact.setdefault(b.wording, []).append(b)
        small = len(pool) * added <= RESTORE_MAX_PAIRS
        self.fuzzy = [(b, _words(w)) for w, bs in self.exact.items() for b in bs] if small else []
        self.used: set[int] = set()

    def find(self, provision: Provision) -> _Builder | None:
        text = _wording(provision)
        if len(text.split()) < RESTORE_MIN_WORDS:
            return None
        for b in self.exact.get(text, []):
            if id(b) not in self.used:
                self.used.add(id(b))
                return b
        words = _words(text)
        best: tuple[float, int] = (RESTORE_SIMILARITY, -1)
        for i, (b, theirs) in enumerate(self.fuzzy):
            if id(b) in self.used:
                continue
            score = _jaccard(words, theirs)
            if score >= best[0] and (best[1] < 0 or score > best[0]):
                best = (score, i)
        if best[1] < 0:
            return None
        b = self.fuzzy[best[1]][0]
        self.used.add(id(b))
        return b


def _position_events(b: _Builder, k: int, index: int, change: Change) -> None:
    if change.moved:
        b.events.append(Event(k, "moved", index))
    if change.renumbered:
        b.events.append(Event(k, "renumbered", index))
