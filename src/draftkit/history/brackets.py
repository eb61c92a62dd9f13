"""Bracketed text across rounds: spans not yet agreed, with an identity from round to round.

Input: the rounds, the comparison of each consecutive pair and the lineages. Output:
`Bracket`s, each with its raw text in every round (None where it is not open) and its
events: opened, changed, closed (agreed — with the wording that replaced it, and which
alternative that was — or dropped) and reopened. Guarantees: every bracketed span of every
round belongs to exactly one bracket; a bracket is open in a round exactly when its text
for that round is set.

A span is `[ … ]` at any nesting level down to MAX_LEVEL: a bracket inside a bracket
(`[within [30] days]`) is a bracket of its own, followed on its own, and what happens to it
(agreed, changed, opened inside) is its event, not its outer bracket's; spans of the same
parent next to each other with only white space, "/", "|" or "or" between them are one
bracket with alternatives (`[A] / [B]`, `[Option 1: …] [Option 2: …]`). Unbalanced brackets are not
spans, and neither are an editor's marks (a footnote call glued to the text, "[sic]":
compare.editorial). A bracket keeps its identity through a step when the word diff of the provision
carries its place into a span of the next round (where brackets nest: the span its own
"[" or "]" went to, first); otherwise a span with the same text in the same change, then a
closed bracket of the same lineage with a similar text, or its agreed wording (reopened).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal, assert_never

from draftkit.compare.changes import Change, Comparison
from draftkit.compare.editorial import BETWEEN_ALTERNATIVES, OPTION_LABEL, editorial, outermost, squared
from draftkit.compare.textdiff import Op
from draftkit.history.lineage import Lineage, units
from draftkit.model import Draft
from draftkit.records import record

BracketEventKind = Literal["opened", "changed", "closed", "reopened"]
BRACKET_EVENT_KINDS: tuple[BracketEventKind, ...] = ("opened", "changed", "closed", "reopened")
Resolution = Literal["agreed", "dropped"]

_BETWEEN_ALTERNATIVES = BETWEEN_ALTERNATIVES
_OPTION = OPTION_LABEL
# A closed bracket of the same provision comes back ("reopened") when its text and the new
# span share this much of their words.
REOPEN_SIMILARITY = 0.5
# Brackets are followed down to this nesting level; one deeper is text of the bracket
# around it (each level's spans hold the text again: a bound on the work, which a paragraph
# of thousands of nested "[" would otherwise make quadratic). Negotiated texts nest two or
# three deep.
MAX_LEVEL = 5


def bracket_event_label(kind: BracketEventKind) -> str:
    """How a bracket event is named to a reader."""
    match kind:
        case "opened":
            return "Opened"
        case "changed":
            return "Changed"
        case "closed":
            return "Closed"
        case "reopened":
            return "Reopened"
        case _:
            assert_never(kind)


@record
class Span:
    """One bracket in one text: [start, end) over the text, its alternatives' inner texts,
    the deepest nesting inside it (1: none) and its own `level` (1: outermost, 2: inside one
    other bracket …)."""

    start: int
    end: int
    raw: str
    alternatives: tuple[str, ...]
    depth: int
    level: int = 1


def find_spans(text: str) -> tuple[Span, ...]:
    """The bracketed spans of a text at every nesting level, alternatives grouped among
    brackets of the same parent, in text order (an outer span before the spans inside it);
    lenticular brackets ("【30】") are square ones, quoted as written."""
    written, text = text, squared(text)
    if "[" not in text:
        return ()
    # Siblings by parent (-1: the text itself), each (start, end, deepest); an editor's
    # mark is no bracket and no parent.
    siblings: dict[int, list[tuple[int, int, int]]] = {}
    for top_start, top_end, deepest in outermost(text):
        if editorial(text, top_start, top_end):
            continue
        siblings.setdefault(-1, []).append((top_start, top_end, deepest))
        if deepest == 1:
            continue
        # A balanced span holds balanced spans only: one pass with a stack finds them.
        stack: list[tuple[int, int]] = []  # (start, deepest below it so far)
        for k in range(top_start + 1, top_end - 1):
            ch = text[k]
            if ch == "[":
                stack.append((k, 0))
            elif ch == "]" and stack:
                start, below = stack.pop()
                if stack:
                    stack[-1] = (stack[-1][0], max(stack[-1][1], below + 1))
                if len(stack) + 2 > MAX_LEVEL or editorial(text, start, k + 1):
                    continue  # deeper than MAX_LEVEL: text of the bracket around it
                parent = stack[-1][0] if stack else top_start
                siblings.setdefault(parent, []).append((start, k + 1, below + 1))
    spans: list[Span] = []
    level_of: dict[int, int] = {-1: 0}
    for parent in sorted(siblings):  # a parent starts before its children
        group_level = level_of[parent] + 1
        inner = sorted(siblings[parent])
        for start, _, _ in inner:
            level_of[start] = group_level
        spans.extend(_grouped(written, inner, group_level))
    spans.sort(key=lambda span: span.start)
    return tuple(spans)


def _grouped(text: str, tops: list[tuple[int, int, int]], level: int) -> list[Span]:
    """Siblings of one parent grouped into spans: alternatives together."""
    out: list[Span] = []
    group: list[tuple[int, int, int]] = []
    for top in tops:
        if group and _BETWEEN_ALTERNATIVES.fullmatch(text, group[-1][1], top[0]):
            group.append(top)
            continue
        if group:
            out.append(_span(text, group, level))
        group = [top]
    if group:
        out.append(_span(text, group, level))
    return out


def _span(text: str, group: list[tuple[int, int, int]], level: int = 1) -> Span:
    start, end = group[0][0], group[-1][1]
    alternatives = tuple(text[s + 1 : e - 1] for s, e, _ in group)
    return Span(start, end, text[start:end], alternatives, max(d for _, _, d in group), level)


def _plain(text: str) -> str:
    """Wording without brackets, option labels or outer white space, for comparison."""
    return " ".join(_OPTION.sub("", text.replace("[", " ").replace("]", " ")).split()).strip(" ,;:.").lower()


def project(ops: Sequence[Op], start: int, end: int) -> tuple[int, int]:
    """Where the old text's [start, end) stands in the new text, by the word diff: text
    inserted at either edge counts as inside (it replaced the span)."""
    o = n = 0
    new_start: int | None = None
    new_end = 0
    for kind, text in ops:
        size = len(text)
        match kind:
            case "equal":
                if new_start is None and o <= start <= o + size:
                    new_start = n + start - o
                if o <= end <= o + size:
                    new_end = n + end - o
                o += size
                n += size
            case "delete":
                if new_start is None and o <= start <= o + size:
                    new_start = n
                if o <= end <= o + size:
                    new_end = n
                o += size
            case "insert":
                if new_start is None and o == start:
                    new_start = n
                if o == end:
                    new_end = n + size
                n += size
    new_start = n if new_start is None else new_start
    return new_start, max(new_start, new_end)


class Projection:
    """`project` for many spans of one text: the ops' offsets taken once, each span placed by
    bisection (a walk over the ops per bracket was quadratic in a provision holding thousands)."""

    def __init__(self, ops: Sequence[Op]) -> None:
        self.kinds = [kind for kind, _ in ops]
        self.sizes = [len(text) for _, text in ops]
        self.o_before: list[int] = []  # old offset before each op, and after it
        self.o_after: list[int] = []
        self.n_before: list[int] = []
        o = n = 0
        for kind, size in zip(self.kinds, self.sizes, strict=True):
            self.o_before.append(o)
            self.n_before.append(n)
            o += 0 if kind == "insert" else size
            n += 0 if kind == "delete" else size
            self.o_after.append(o)
        self.n = n

    def __call__(self, start: int, end: int) -> tuple[int, int]:
        """As project(ops, start, end): the first op holding `start`, the last holding `end`."""
        i = bisect.bisect_left(self.o_after, start)
        if i < len(self.kinds):
            kind, o, n = self.kinds[i], self.o_before[i], self.n_before[i]
            new_start = n + start - o if kind == "equal" else n
        else:
            new_start = self.n
        j = bisect.bisect_right(self.o_before, end) - 1
        new_end = 0
        if j >= 0 and self.o_after[j] >= end:
            kind, o, n = self.kinds[j], self.o_before[j], self.n_before[j]
            new_end = n + end - o if kind == "equal" else n if kind == "delete" else n + self.sizes[j]
        return new_start, max(new_start, new_end)

    def kept(self, pos: int) -> int | None:
        """Where the old text's character at `pos` stands in the new text when the word diff
        keeps it (an equal op), else None."""
        i = bisect.bisect_right(self.o_after, pos)  # the delete or equal op holding pos
        if i >= len(self.kinds) or self.kinds[i] != "equal":
            return None
        return self.n_before[i] + pos - self.o_before[i]

    def edits(self) -> list[tuple[int, int, int, int]]:
        """The word diff's deletions and insertions: (old start, old end, new start, new end)."""
        return [
            (
                self.o_before[i],
                self.o_after[i],
                self.n_before[i],
                self.n_before[i] + (size if kind == "insert" else 0),
            )
            for i, (kind, size) in enumerate(zip(self.kinds, self.sizes, strict=True))
            if kind != "equal" and size
        ]


@record
class BracketEvent:
    """What happened to a bracket in `round`: `eid` is the provision holding it then (for a
    closed bracket: the provision it closed in, else the one it was in); `text` its raw
    text; for a closed one, `resolution`, the agreed `wording` and, if that wording is one
    of its alternatives, which (1-based)."""

    round: int
    kind: BracketEventKind
    eid: str
    text: str
    resolution: Resolution | None = None
    wording: str | None = None
    alternative: int | None = None


@record
class Bracket:
    """One bracketed span followed through the rounds: `texts[r]` is its raw text in round r
    (None when not open), `lineage` the index of the lineage holding it."""

    id: str
    lineage: int
    texts: tuple[str | None, ...]
    events: tuple[BracketEvent, ...]
    # The provision holding it in each round it is open (None where it is not): a split
    # or a merge may carry it into another provision than the one it opened in.
    eids: tuple[str | None, ...] = ()

    def eid_in(self, round_index: int) -> str | None:
        """The provision holding it in a round: where it stands, or, in the round it
        closed in, the provision it closed in."""
        if self.eids and self.eids[round_index] is not None:
            return self.eids[round_index]
        return next((e.eid for e in self.events if e.round == round_index and e.kind == "closed"), None)

    def is_open(self, round_index: int) -> bool:
        """True when the bracket stands in that round's text."""
        return self.texts[round_index] is not None

    @property
    def closing(self) -> BracketEvent | None:
        """How it was last closed, if it is closed in the last round."""
        if self.texts[-1] is not None:
            return None
        return next((e for e in reversed(self.events) if e.kind == "closed"), None)


@dataclass(slots=True)
class _Track:
    id: str
    lineage: int
    texts: list[str | None]
    events: list[BracketEvent] = field(default_factory=list)
    eids: list[str | None] = field(default_factory=list)

    def place(self, r: int, eid: str, raw: str) -> None:
        """It stands in round r, in provision `eid`, as `raw`."""
        self.texts[r] = raw
        if not self.eids:
            self.eids = [None] * len(self.texts)
        self.eids[r] = eid

    def freeze(self) -> Bracket:
        return Bracket(self.id, self.lineage, tuple(self.texts), tuple(self.events), tuple(self.eids))


# A span as a step sees it: its offset in the change's joined text, the provision, the span.
_Placed = tuple[int, str, Span]


def track(
    drafts: Sequence[Draft], steps: Sequence[Comparison], lineages: Sequence[Lineage]
) -> tuple[Bracket, ...]:
    """The brackets of N rounds, each with its identity across rounds (see the module)."""
    return _Tracker(drafts, steps, lineages).run()


def _words(text: str) -> frozenset[str]:
    return frozenset(_plain(text).split())


def _similar(a: str, b: str) -> float:
    wa, wb = _words(a), _words(b)
    union = len(wa | wb)
    return len(wa & wb) / union if union else 1.0


def _by_wording(olds: list[_Placed], news: list[_Placed]) -> dict[int, int]:
    """Old spans (index → index of a new span) that one new span alone takes up by its words:
    an alternative of each is the same ("[30]" → "[30] / [45]", "[15 km]" → "[15 km]"), and
    neither has such a counterpart besides. The word diff may carry one bracket's marks into
    another's place ("[, except …,] within [30]" → "within [30] / [45]" kept the first "]"
    for the second), which a projection would follow: a bracket dropped then read as the
    other one changed, the other as agreed on "[45]"."""
    if len(olds) < 2 and len(news) < 2:
        return {}  # one each: the projection decides, as it always did
    # Each alternative's wording → the spans holding it, on each side: linear in the spans
    # (a provision of thousands of brackets is followed in linear work).
    old_words = [{_plain(a) for a in span.alternatives} - {""} for _, _, span in olds]
    new_words = [{_plain(a) for a in span.alternatives} - {""} for _, _, span in news]
    mine: dict[str, set[int]] = {}
    theirs: dict[str, set[int]] = {}
    for words, index in ((old_words, mine), (new_words, theirs)):
        for k, plains in enumerate(words):
            for plain in plains:
                index.setdefault(plain, set()).add(k)
    found: dict[int, int] = {}
    for i, plains in enumerate(old_words):
        hits = {j for plain in plains for j in theirs.get(plain, ())}
        if len(hits) != 1:
            continue
        (j,) = hits
        if {k for plain in new_words[j] for k in mine.get(plain, ())} == {i}:
            found[i] = j
    return found


def deleted_words(ops: Sequence[Op]) -> Counter[str]:
    """The words a word diff deletes, counted."""
    return Counter(w for kind, text in ops if kind == "delete" for w in re.findall(r"\w+", text.casefold()))


def _displaced(wording: str, span: Span, deleted_here: Counter[str]) -> bool:
    """Whether what stands where a bracket was holds no words of its own: only bracketed
    text (another bracket) and words the word diff deleted elsewhere in the provision and
    put here ("[, except …,] within [30]" → "within [30] / [45]": "within" moved, the bracket
    dropped, not agreed as "within")."""
    words = re.findall(r"\w+", re.sub(r"\[[^\[\]]*\]?", " ", wording).casefold())
    if not words:
        return True
    own = Counter(re.findall(r"\w+", span.raw.casefold()))  # its own words: not displaced ones
    return all(n <= deleted_here[w] - own[w] for w, n in Counter(words).items())


def _placed(change: Change, side: Literal["old", "new"]) -> list[_Placed]:
    """The spans of each provision on one side of a change, placed in the joined text."""
    out: list[_Placed] = []
    offset = 0
    for provision in change.old if side == "old" else change.new:
        out.extend((offset + span.start, provision.eid, span) for span in find_spans(provision.text))
        offset += len(provision.text) + 1
    return out


def _eid_at(change: Change, at: int) -> str:
    """The new provision of a change holding the joined text's offset `at`."""
    offset = 0
    for provision in change.new:
        offset += len(provision.text) + 1
        if at < offset:
            return provision.eid
    return change.new[-1].eid


def _kept_at(projection: Projection, pos: int, marks: dict[int, int]) -> int | None:
    """The new span whose mark stands where the word diff kept the old mark at `pos`."""
    to = projection.kept(pos)
    return None if to is None else marks.get(to)


def _own_text_changed(
    edits: list[tuple[int, int, int, int]], olds: list[_Placed], news: list[_Placed], i: int, j: int
) -> bool:
    """Whether the word diff changed old span `i` → new span `j` outside the brackets nested
    in either: an inner bracket opened, changed or closed is that bracket's event, not its
    outer bracket's (the outer one's words around it are what the outer one holds)."""
    at, _, old = olds[i]
    b, _, new = news[j]
    o_end, n_end = at + old.end - old.start, b + new.end - new.start
    old_inner = [
        (x, x + s.end - s.start)
        for x, _, s in olds
        if at < x and x + s.end - s.start <= o_end and s is not old
    ]
    new_inner = [
        (x, x + s.end - s.start)
        for x, _, s in news
        if b < x and x + s.end - s.start <= n_end and s is not new
    ]
    for o0, o1, n0, n1 in edits:
        if o1 > o0:  # a deletion
            if not (o0 < o_end and o1 > at):
                continue
            inside = any(s <= o0 and o1 <= e for s, e in old_inner) or any(s <= n0 <= e for s, e in new_inner)
        else:  # an insertion
            if not (n0 < n_end and n1 > b):
                continue
            inside = any(s <= n0 and n1 <= e for s, e in new_inner) or any(s <= o0 <= e for s, e in old_inner)
        if not inside:
            return True
    return False


class _Tracker:
    def __init__(
        self, drafts: Sequence[Draft], steps: Sequence[Comparison], lineages: Sequence[Lineage]
    ) -> None:
        self.drafts = drafts
        self.steps = steps
        self.n = len(drafts)
        self.where: dict[tuple[int, str], int] = {}
        for index, lineage in enumerate(lineages):
            for r, eid in enumerate(lineage.eids):
                if eid is not None:
                    self.where[(r, eid)] = index
        self.tracks: list[_Track] = []
        self.closed: dict[int, list[_Track]] = {}  # lineage → its brackets closed so far
        # The bracket each span of the previous round belongs to, by (eid, span start).
        self.held: dict[tuple[str, int], _Track] = {}
        self.deleted_of: tuple[Change, Counter[str]] | None = None  # see _deleted

    def run(self) -> tuple[Bracket, ...]:
        for unit in units(self.drafts[0]):
            for span in find_spans(unit.text):
                self.held[(unit.eid, span.start)] = self.open(0, unit.eid, span)
        for k, comparison in enumerate(self.steps, start=1):
            now: dict[tuple[str, int], _Track] = {}
            for change in comparison.changes:
                self.carry(k, change, now)
            self.held = now
        return tuple(t.freeze() for t in self.tracks)

    def open(self, r: int, eid: str, span: Span) -> _Track:
        t = _Track(f"b{len(self.tracks) + 1}", self.where[(r, eid)], [None] * self.n)
        t.place(r, eid, span.raw)
        t.events.append(BracketEvent(r, "opened", eid, span.raw))
        self.tracks.append(t)
        return t

    def carry(self, k: int, change: Change, now: dict[tuple[str, int], _Track]) -> None:
        """Follow the brackets of one change's old side into its new side."""
        olds = _placed(change, "old")
        news = _placed(change, "new")
        if not olds and not news:
            return
        projection = Projection(change.ops)
        nested = any(span.level > 1 for _, _, span in olds) or any(span.level > 1 for _, _, span in news)
        if nested:
            taken, pending = self._match_nested(change, olds, news, projection)
        else:
            taken, pending = self._match(change, olds, news, projection)
        # A bracket the word diff lost track of (moved within the provision) but whose text
        # stands bracketed in the new side unchanged.
        left: list[tuple[_Placed, _Track, tuple[int, int]]] = []
        by_wording: dict[str, list[int]] = {}  # each new span's plain wording, made once
        if pending:
            for j, (_, _, other) in enumerate(news):
                by_wording.setdefault(_plain(other.raw), []).append(j)
        for placed, t, projected in pending:
            same = by_wording.get(_plain(placed[2].raw), [])
            # Nested, "[[30]]": the wording of both; a bracket of the same level first.
            hit = min(
                (j for j in same if j not in taken),
                key=lambda j: (news[j][2].level != placed[2].level, j),
                default=None,
            )
            if hit is None:
                left.append((placed, t, projected))
            else:
                taken[hit] = (t, None)
        for (_, eid, span), t, (ns, ne) in left:
            self.close(k, change, t, eid, span, change.new_text[ns:ne] if change.new else "", ns)
        edits = projection.edits() if nested else []
        for j, (_, eid, span) in enumerate(news):
            found = taken.get(j)
            if found is None:
                now[(eid, span.start)] = self.reopen(k, eid, span) or self.open(k, eid, span)
                continue
            t, old_at = found
            if " ".join((t.texts[k - 1] or "").split()) != " ".join(span.raw.split()) and (
                old_at is None or _own_text_changed(edits, olds, news, old_at, j)
            ):
                t.place(k, eid, span.raw)
                t.events.append(BracketEvent(k, "changed", eid, span.raw))
            else:
                t.place(k, eid, span.raw)
            now[(eid, span.start)] = t

    def _match(
        self, change: Change, olds: list[_Placed], news: list[_Placed], projection: Projection
    ) -> tuple[dict[int, tuple[_Track, int | None]], list[tuple[_Placed, _Track, tuple[int, int]]]]:
        """Brackets side by side (none nested): an old span keeps its identity in the first
        new span its projection overlaps."""
        taken: dict[int, tuple[_Track, int | None]] = {}  # index in `news` → bracket
        pending: list[tuple[_Placed, _Track, tuple[int, int]]] = []
        ends = [b + other.end - other.start for b, _, other in news]
        # The new spans stand in text order, apart: those a projected span overlaps are a run,
        # found by bisection (a scan of all per bracket was quadratic).
        apart = all(ends[j] <= news[j + 1][0] for j in range(len(news) - 1))
        worded = _by_wording(olds, news) if change.new else {}
        taken.update((j, (self.held[(olds[i][1], olds[i][2].start)], None)) for i, j in worded.items())
        for i, placed in enumerate(olds):
            at, eid, span = placed
            t = self.held[(eid, span.start)]
            if not change.new:
                pending.append((placed, t, (0, 0)))
                continue
            if i in worded:
                continue
            ns, ne = projection(at, at + span.end - span.start)
            first = bisect.bisect_right(ends, ns) if apart else 0
            hit = None
            for j in range(first, len(news)):
                if apart and news[j][0] >= ne:
                    break
                if j not in taken and news[j][0] < ne and ns < ends[j]:
                    hit = j
                    break
            if hit is None:
                pending.append((placed, t, (ns, ne)))
            else:
                taken[hit] = (t, None)
        return taken, pending

    def _match_nested(
        self, change: Change, olds: list[_Placed], news: list[_Placed], projection: Projection
    ) -> tuple[dict[int, tuple[_Track, int | None]], list[tuple[_Placed, _Track, tuple[int, int]]]]:
        """Brackets inside brackets: an old span keeps its identity in the new span its own
        marks went to (its "[" or its "]" kept by the word diff, at that span's edge), else in
        the untaken new span its projection overlaps most (the same level first). Overlap
        alone would hand an outer bracket that closed around a still open inner one the inner
        one's identity, and an inner one the outer one's."""
        taken: dict[int, tuple[_Track, int | None]] = {}
        pending: list[tuple[_Placed, _Track, tuple[int, int]]] = []
        opening = {b: j for j, (b, _, _) in enumerate(news)}
        closing = {b + other.end - other.start - 1: j for j, (b, _, other) in enumerate(news)}
        unplaced: list[int] = []
        for i, (at, eid, span) in enumerate(olds):
            if not change.new:
                continue
            end = at + span.end - span.start
            j = _kept_at(projection, at, opening)
            if j is None or j in taken:
                j = _kept_at(projection, end - 1, closing)
            if j is None or j in taken:
                unplaced.append(i)
            else:
                taken[j] = (self.held[(eid, span.start)], i)
        placed_now = set(unplaced)
        for i, placed in enumerate(olds):
            at, eid, span = placed
            t = self.held[(eid, span.start)]
            if not change.new:
                pending.append((placed, t, (0, 0)))
                continue
            if i not in placed_now:
                continue
            ns, ne = projection(at, at + span.end - span.start)
            best: tuple[int, int, int] | None = None  # (overlap, same level, -j)
            for j, (b, _, other) in enumerate(news):
                if j in taken or b >= ne:
                    continue
                overlap = min(ne, b + other.end - other.start) - max(ns, b)
                if overlap > 0:
                    score = (overlap, int(other.level == span.level), -j)
                    best = score if best is None or score > best else best
            if best is None:
                pending.append((placed, t, (ns, ne)))
            else:
                taken[-best[2]] = (t, i)
        return taken, pending

    def _deleted(self, change: Change) -> Counter[str]:
        """The words the change's word diff deletes, made once per change (a provision may
        close thousands of brackets)."""
        if self.deleted_of is None or self.deleted_of[0] is not change:
            self.deleted_of = (change, deleted_words(change.ops))
        return self.deleted_of[1]

    def close(
        self, k: int, change: Change, t: _Track, eid: str, span: Span, replacement: str, at: int
    ) -> None:
        wording = " ".join(replacement.split()).strip(" ,;")
        if re.search(r"\w", wording) and not _displaced(wording, span, self._deleted(change)):
            plain = _plain(wording)
            # Which alternative won: only said when there was a choice.
            alternative = (
                next(
                    (i for i, a in enumerate(span.alternatives, start=1) if _plain(a) == plain),
                    None,
                )
                if len(span.alternatives) > 1
                else None
            )
            event = BracketEvent(k, "closed", _eid_at(change, at), span.raw, "agreed", wording, alternative)
        else:
            where = _eid_at(change, at) if change.new else eid
            event = BracketEvent(k, "closed", where, span.raw, "dropped")
        t.events.append(event)
        self.closed.setdefault(t.lineage, []).append(t)

    def reopen(self, k: int, eid: str, span: Span) -> _Track | None:
        """A bracket closed earlier in the same lineage whose text this span takes up again."""
        candidates = self.closed.get(self.where[(k, eid)], [])
        best: tuple[float, _Track | None] = (REOPEN_SIMILARITY, None)
        for t in candidates:
            last = next(e for e in reversed(t.events) if e.kind == "closed")
            # The wording agreed when it closed, put back in brackets, reopens it as surely
            # as its old text does: "[600,000] / [800,000]" agreed as "800,000", then
            # "[800,000]" again.
            score = max(
                _similar(last.text, span.raw), _similar(last.wording or "", span.raw) if last.wording else 0.0
            )
            if score >= best[0] and (best[1] is None or score > best[0]):
                best = (score, t)
        if best[1] is None:
            return None
        t = best[1]
        candidates.remove(t)
        t.place(k, eid, span.raw)
        t.events.append(BracketEvent(k, "reopened", eid, span.raw))
        return t
